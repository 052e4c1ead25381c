"""The output formats beside text and JSON: SARIF, GitHub workflow commands, concise.

Every format is checked on the sample against the JSON output (the public
contract): each finding appears with its rule, line and column. The SARIF log
is checked against the SARIF 2.1.0 schema's required and allowed properties
(``check_sarif``, also used by test_ci_snippets.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from running import run

from reportlint.api import RunResult, lint_paths
from reportlint.engine import run_rules
from reportlint.model import Finding, Related, RuleMeta, Severity
from reportlint.output import FORMATS, concise_format, github_format, sarif_format
from reportlint.registry import build_registry
from reportlint.text.document import Span
from reportlint.text.parse import parse_text

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = "seeds/000_ad65c542b7148e02.txt"  # relative to ROOT, as a CI job names it
HEADER = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<level>error|warning|info): (?P<code>[A-Z]+\d+) \[(?P<name>[a-z0-9-]+)\] (?P<msg>.+)$")

# RL305 on line 1 (a message with %), RL101 on line 2 with its continuation on line 3.
PERCENT_AND_BROKEN = (
    "全市常住人口城镇化率达到112%，比上年提高1个百分点。\n"
    "培育壮大经营主体。坚持和落实“两个毫不动摇”，大力支持民营企业和民营\n"
    "经济发展，激发各类经营主体内生动力和发展活力。\n"
)




@pytest.fixture
def in_repo(monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.fixture
def sample_json(in_repo):
    return json.loads(run("check", "--format", "json", SAMPLE).stdout)


def git_repo(path: Path) -> Path:
    (path / ".git").mkdir(parents=True)
    return path


# --- SARIF: the schema's required and allowed properties -----------------------

# From sarif-schema-2.1.0.json: (required, allowed) properties of each object this
# output writes; every one of these definitions has additionalProperties: false.
SARIF_OBJECTS = {
    "log": ({"version", "runs"}, {"$schema", "inlineExternalProperties", "properties", "runs", "version"}),
    "run": ({"tool"}, {"addresses", "artifacts", "automationDetails", "baselineGuid", "columnKind", "conversion",
                       "defaultEncoding", "defaultSourceLanguage", "externalPropertyFileReferences", "graphs",
                       "invocations", "language", "logicalLocations", "newlineSequences", "originalUriBaseIds",
                       "policies", "properties", "redactionTokens", "results", "runAggregates", "specialLocations",
                       "taxonomies", "threadFlowLocations", "tool", "translations", "versionControlProvenance",
                       "webRequests", "webResponses"}),
    "tool": ({"driver"}, {"driver", "extensions", "properties"}),
    "toolComponent": ({"name"}, {"associatedComponent", "contents", "dottedQuadFileVersion", "downloadUri",
                                 "fullDescription", "fullName", "globalMessageStrings", "guid", "informationUri",
                                 "isComprehensive", "language", "localizedDataSemanticVersion", "locations",
                                 "minimumRequiredLocalizedDataSemanticVersion", "name", "notifications",
                                 "organization", "product", "productSuite", "properties", "releaseDateUtc", "rules",
                                 "semanticVersion", "shortDescription", "supportedTaxonomies", "taxa",
                                 "translationMetadata", "version"}),
    "reportingDescriptor": ({"id"}, {"defaultConfiguration", "deprecatedGuids", "deprecatedIds", "deprecatedNames",
                                     "fullDescription", "guid", "help", "helpUri", "id", "messageStrings", "name",
                                     "properties", "relationships", "shortDescription"}),
    "reportingConfiguration": (set(), {"enabled", "level", "parameters", "properties", "rank"}),
    "multiformatMessageString": ({"text"}, {"markdown", "properties", "text"}),
    "message": (set(), {"arguments", "id", "markdown", "properties", "text"}),
    "result": ({"message"}, {"analysisTarget", "attachments", "baselineState", "codeFlows", "correlationGuid",
                             "fingerprints", "fixes", "graphTraversals", "graphs", "guid", "hostedViewerUri", "kind",
                             "level", "locations", "message", "occurrenceCount", "partialFingerprints", "properties",
                             "provenance", "rank", "relatedLocations", "rule", "ruleId", "ruleIndex", "stacks",
                             "suppressions", "taxa", "webRequest", "webResponse", "workItemUris"}),
    "location": (set(), {"annotations", "id", "logicalLocations", "message", "physicalLocation", "properties",
                         "relationships"}),
    "physicalLocation": (set(), {"address", "artifactLocation", "contextRegion", "properties", "region"}),
    "artifactLocation": (set(), {"description", "index", "properties", "uri", "uriBaseId"}),
    "region": (set(), {"byteLength", "byteOffset", "charLength", "charOffset", "endColumn", "endLine", "message",
                       "properties", "snippet", "sourceLanguage", "startColumn", "startLine"}),
    "fix": ({"artifactChanges"}, {"artifactChanges", "description", "properties"}),
    "artifactChange": ({"artifactLocation", "replacements"}, {"artifactLocation", "properties", "replacements"}),
    "replacement": ({"deletedRegion"}, {"deletedRegion", "insertedContent", "properties"}),
    "artifactContent": (set(), {"binary", "properties", "rendered", "text"}),
    "invocation": ({"executionSuccessful"}, {"account", "arguments", "commandLine", "endTimeUtc",
                                             "environmentVariables", "executableLocation", "executionSuccessful",
                                             "exitCode", "exitCodeDescription", "exitSignalName", "exitSignalNumber",
                                             "machine", "notificationConfigurationOverrides", "processId",
                                             "processStartFailureMessage", "properties", "responseFiles",
                                             "ruleConfigurationOverrides", "startTimeUtc", "stderr", "stdin",
                                             "stdout", "stdoutStderr", "toolConfigurationNotifications",
                                             "toolExecutionNotifications", "workingDirectory"}),
    "notification": ({"message"}, {"associatedRule", "descriptor", "exception", "level", "locations", "message",
                                   "properties", "threadId", "timeUtc"}),
    "reportingDescriptorReference": (set(), {"guid", "id", "index", "properties", "toolComponent"}),
    "exception": (set(), {"innerExceptions", "kind", "message", "properties", "stack"}),
}
# Which object a property holds: (kind, is an array).
SARIF_CHILDREN = {
    ("log", "runs"): ("run", True), ("run", "tool"): ("tool", False), ("run", "results"): ("result", True),
    ("run", "invocations"): ("invocation", True), ("tool", "driver"): ("toolComponent", False),
    ("toolComponent", "rules"): ("reportingDescriptor", True),
    ("reportingDescriptor", "shortDescription"): ("multiformatMessageString", False),
    ("reportingDescriptor", "fullDescription"): ("multiformatMessageString", False),
    ("reportingDescriptor", "help"): ("multiformatMessageString", False),
    ("reportingDescriptor", "defaultConfiguration"): ("reportingConfiguration", False),
    ("result", "message"): ("message", False), ("result", "locations"): ("location", True),
    ("result", "relatedLocations"): ("location", True), ("result", "fixes"): ("fix", True),
    ("location", "physicalLocation"): ("physicalLocation", False), ("location", "message"): ("message", False),
    ("physicalLocation", "artifactLocation"): ("artifactLocation", False),
    ("physicalLocation", "region"): ("region", False), ("fix", "description"): ("message", False),
    ("fix", "artifactChanges"): ("artifactChange", True),
    ("artifactChange", "artifactLocation"): ("artifactLocation", False),
    ("artifactChange", "replacements"): ("replacement", True), ("replacement", "deletedRegion"): ("region", False),
    ("replacement", "insertedContent"): ("artifactContent", False),
    ("invocation", "toolExecutionNotifications"): ("notification", True),
    ("notification", "message"): ("message", False), ("notification", "locations"): ("location", True),
    ("notification", "descriptor"): ("reportingDescriptorReference", False),
    ("notification", "associatedRule"): ("reportingDescriptorReference", False),
    ("notification", "exception"): ("exception", False),
}
LEVELS = {"none", "note", "warning", "error"}


def _check_object(obj, kind: str, where: str) -> None:
    required, allowed = SARIF_OBJECTS[kind]
    assert isinstance(obj, dict), f"{where}: a {kind} must be an object"
    assert required <= set(obj), f"{where}: {kind} lacks {required - set(obj)}"
    assert set(obj) <= allowed, f"{where}: {kind} has unknown {set(obj) - allowed}"
    if kind in ("message",):
        assert "text" in obj or "id" in obj, f"{where}: a message needs text or id"
    if kind == "region":
        for key in ("startLine", "startColumn", "endLine", "endColumn"):
            assert isinstance(obj.get(key, 1), int) and obj.get(key, 1) >= 1, f"{where}.{key}"
        assert "startLine" in obj, f"{where}: GitHub needs startLine"
        assert (obj.get("endLine", obj["startLine"]), obj.get("endColumn", 1)) >= (obj["startLine"], obj.get("startColumn", 1))
    if kind in ("result", "reportingConfiguration", "notification") and "level" in obj:
        assert obj["level"] in LEVELS, f"{where}.level"
    if kind == "location" and "id" in obj:
        assert isinstance(obj["id"], int) and obj["id"] >= -1
    if kind == "result" and "partialFingerprints" in obj:
        assert all(isinstance(v, str) for v in obj["partialFingerprints"].values())
    if kind == "invocation":
        assert isinstance(obj["executionSuccessful"], bool)
    for key, value in obj.items():
        child = SARIF_CHILDREN.get((kind, key))
        if child is None:
            continue
        child_kind, is_array = child
        if is_array:
            assert isinstance(value, list), f"{where}.{key} must be an array"
            for number, item in enumerate(value):
                _check_object(item, child_kind, f"{where}.{key}[{number}]")
        else:
            _check_object(value, child_kind, f"{where}.{key}")


def check_sarif(log: dict) -> None:
    """Fail unless *log* is SARIF 2.1.0 as the schema and GitHub code scanning want it."""
    _check_object(log, "log", "log")
    assert log["version"] == "2.1.0"
    for sarif_run in log["runs"]:
        assert sarif_run.get("columnKind") in (None, "utf16CodeUnits", "unicodeCodePoints")
        for base in sarif_run.get("originalUriBaseIds", {}).values():
            _check_object(base, "artifactLocation", "originalUriBaseIds")
            assert base["uri"].endswith("/")
        rules = sarif_run["tool"]["driver"].get("rules", [])
        ids = [r["id"] for r in rules]
        assert len(ids) == len(set(ids)), "rule ids must be unique"
        for result in sarif_run.get("results", []):
            # GitHub: a result needs a location with a file and a start line, and its rule.
            assert result["locations"], "GitHub requires a location"
            physical = result["locations"][0]["physicalLocation"]
            assert physical["artifactLocation"]["uri"] and "startLine" in physical["region"]
            if "ruleIndex" in result:
                assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
            related_ids = [loc["id"] for loc in result.get("relatedLocations", [])]
            assert len(related_ids) == len(set(related_ids))
            for link in re.findall(r"(?<!\\)\[[^\]]*\]\((\d+)\)", result["message"].get("text", "")):
                assert int(link) in related_ids, f"message links to a missing related location {link}"


def test_the_checker_catches_what_github_and_the_schema_refuse():
    good = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": []}]}
    check_sarif(good)
    bad_cases = [
        {"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]},                     # driver needs a name
        {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "extra": 1}]},  # unknown property
        {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [
            {"message": {"text": "m"}, "level": "info",
             "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a"}, "region": {"startLine": 1}}}]}]}]},
        {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [
            {"message": {"text": "m"},
             "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a"}, "region": {"startLine": 0}}}]}]}]},
    ]
    for bad in bad_cases:
        with pytest.raises(AssertionError):
            check_sarif(bad)


# --- SARIF on the sample ---------------------------------------------------------


def sarif_of(*args) -> tuple[dict, int]:
    result = run("check", "--format", "sarif", *args)
    return json.loads(result.stdout), result.exit_code


def test_sarif_of_the_sample_is_valid_and_has_every_finding(sample_json):
    log, code = sarif_of(SAMPLE)
    assert code == 1
    check_sarif(log)
    run_ = log["runs"][0]
    assert run_["tool"]["driver"]["name"] == "reportlint"
    assert run_["columnKind"] == "unicodeCodePoints"
    assert run_["invocations"] == [{"executionSuccessful": True, "toolExecutionNotifications": []}]
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == ROOT.as_uri() + "/"
    levels = {"warning": "warning", "error": "error", "info": "note"}
    got = []
    for result in run_["results"]:
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": SAMPLE, "uriBaseId": "%SRCROOT%"}
        region = location["region"]
        got.append((result["ruleId"], region["startLine"], region["startColumn"], region["endLine"],
                    region["endColumn"], result["level"]))
    assert got == [(f["code"], f["line"], f["column"], f["end_line"], f["end_column"], levels[f["severity"]])
                   for f in sample_json]
    assert {"note", "warning"} <= {r["level"] for r in run_["results"]}  # the sample's info findings are notes
    source = (ROOT / SAMPLE).read_text(encoding="utf-8").split("\n")
    for result in run_["results"]:
        region = result["locations"][0]["physicalLocation"]["region"]
        if region["startLine"] == region["endLine"]:
            line = source[region["startLine"] - 1]
            assert region["snippet"]["text"] == line[region["startColumn"] - 1:region["endColumn"] - 1]
    assert next(r for r in run_["results"] if r["ruleId"] == "RL201" and "滇滇" in r["message"]["text"])[
        "locations"][0]["physicalLocation"]["region"]["snippet"] == {"text": "滇滇"}


def test_sarif_related_locations_and_fixes_match_the_json(sample_json):
    log, _ = sarif_of(SAMPLE)
    for item, result in zip(sample_json, log["runs"][0]["results"], strict=True):
        related = [(r["physicalLocation"]["region"]["startLine"], r["physicalLocation"]["region"]["startColumn"],
                    r["message"]["text"]) for r in result.get("relatedLocations", [])]
        assert related == [(r["line"], r["column"], r["message"]) for r in item["related"]]
        # Each related place is linked from the message, which starts with the finding's own.
        assert result["message"]["text"].startswith(item["message"].replace("[", "\\[").replace("]", "\\]"))
        for number, r in enumerate(item["related"], start=1):
            assert f" [{sarif_format.escape_message(r['message'])}]({number})" in result["message"]["text"]
        if item["fix"] is None:
            assert "fixes" not in result
            continue
        [fix] = result["fixes"]
        [change] = fix["artifactChanges"]
        assert change["artifactLocation"]["uri"] == SAMPLE
        assert [(r["deletedRegion"]["startLine"], r["deletedRegion"]["startColumn"], r["deletedRegion"]["endLine"],
                 r["deletedRegion"]["endColumn"], r["insertedContent"]["text"]) for r in change["replacements"]] == [
            (e["line"], e["column"], e["end_line"], e["end_column"], e["content"]) for e in item["fix"]["edits"]]
    broken = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "RL101")
    assert broken["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 30


def test_sarif_rules_carry_their_documentation(in_repo):
    log, _ = sarif_of(SAMPLE)
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    registry = build_registry()
    assert set(rules) == {m.code for m in registry}  # every rule ran on the sample
    for meta in registry:
        descriptor = rules[meta.code]
        assert descriptor["name"] == meta.name
        assert descriptor["shortDescription"]["text"] == meta.summary
        assert descriptor["fullDescription"]["text"] == sarif_format.doc_section(meta.doc, "What it does")
        assert descriptor["fullDescription"]["text"] and descriptor["fullDescription"]["text"] in meta.doc
        assert "## Why it matters" in descriptor["help"]["markdown"] and "## Example" in descriptor["help"]["text"]
        assert descriptor["defaultConfiguration"]["level"] == {"warning": "warning", "error": "error",
                                                               "info": "note"}[meta.severity.value]
    # The pack rule's help lists its entries with their reasons.
    assert "再接再励 → 再接再厉" in rules["RL501"]["help"]["markdown"]
    assert rules["RL501"]["properties"]["source"] == "pack confusable-words.toml"
    assert rules["RL101"]["fullDescription"]["text"].startswith("Finds a paragraph that stops in the middle")


def test_sarif_lists_only_the_rules_that_ran_and_config_severity_sets_the_level(in_repo):
    log, _ = sarif_of("--select", "RL101,RL2", SAMPLE)
    rules = [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]]
    assert rules == sorted(m.code for m in build_registry() if m.code == "RL101" or m.code.startswith("RL2"))
    assert {r["ruleId"] for r in log["runs"][0]["results"]} <= set(rules)


def test_sarif_uris_are_relative_to_the_repository_root_and_percent_encoded(tmp_path, monkeypatch):
    repo = git_repo(tmp_path / "repo")
    (repo / "docs").mkdir()
    name = "报告,第1稿:终 稿.txt"
    (repo / "docs" / name).write_text(PERCENT_AND_BROKEN, encoding="utf-8")
    monkeypatch.chdir(repo / "docs")  # run from a subfolder: URIs still start at the root
    log, code = sarif_of(name)
    assert code == 1
    check_sarif(log)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"docs/%E6%8A%A5%E5%91%8A%2C%E7%AC%AC1%E7%A8%BF%3A%E7%BB%88%20%E7%A8%BF.txt"}
    assert log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.as_uri() + "/"
    from urllib.parse import unquote
    assert unquote(uris.pop()) == f"docs/{name}"


def test_sarif_without_a_repository_uses_the_cwd_and_absolute_uris_outside_it(tmp_path, monkeypatch):
    (tmp_path / "work").mkdir()
    (tmp_path / "outside.txt").write_text(PERCENT_AND_BROKEN, encoding="utf-8")
    (tmp_path / "work" / "a.txt").write_text(PERCENT_AND_BROKEN, encoding="utf-8")
    above = next((p for p in tmp_path.parents if (p / ".git").exists()), None)
    assert sarif_format.find_root(tmp_path / "work") == (above or tmp_path / "work")
    (tmp_path / ".git").write_text("gitdir: elsewhere\n")  # a worktree's or submodule's .git is a file
    assert sarif_format.find_root(tmp_path / "work") == tmp_path
    results = lint_paths([str(tmp_path / "work" / "a.txt"), str(tmp_path / "outside.txt")])
    log = sarif_format.to_sarif(results, root=tmp_path / "work")
    check_sarif(log)
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in log["runs"][0]["results"]]
    assert {"uri": "a.txt", "uriBaseId": "%SRCROOT%"} in locations
    assert {"uri": (tmp_path / "outside.txt").as_uri()} in locations


def test_sarif_reports_unreadable_files_and_crashed_rules_as_notifications(tmp_path, monkeypatch):
    monkeypatch.chdir(git_repo(tmp_path))
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff\xfe\x00garbage\x00" * 20)
    (tmp_path / "a.txt").write_text(PERCENT_AND_BROKEN, encoding="utf-8")
    log, code = sarif_of("a.txt", "missing.txt", "binary.txt")
    assert code == 2
    check_sarif(log)
    [invocation] = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert [(n["level"], n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) for n in notes] == [
        ("error", "binary.txt"), ("error", "missing.txt")]
    assert notes[1]["message"]["text"] == "missing.txt: no such file or folder"
    assert len(log["runs"][0]["results"]) == 2  # the readable file is still reported

    def crashing(doc, options):
        raise KeyError("段落")
        yield

    meta = RuleMeta(code="RL999", name="always-crashes", severity=Severity.WARNING, summary="崩溃", check=crashing)
    doc = parse_text(PERCENT_AND_BROKEN, "a.txt")
    file_result = run_rules(doc, [(meta, None, Severity.WARNING)])
    log = sarif_format.to_sarif(RunResult([file_result], {"RL999": meta}), root=tmp_path)
    check_sarif(log)
    [invocation] = log["runs"][0]["invocations"]
    [note] = invocation["toolExecutionNotifications"]
    assert invocation["executionSuccessful"] is False
    assert note["associatedRule"] == {"id": "RL999"}
    assert note["exception"]["kind"] == "KeyError"
    assert "rule RL999 (always-crashes) crashed on a.txt" in note["message"]["text"]


def test_sarif_describes_plugin_rules_with_their_docs(plugin_distribution, tmp_path, monkeypatch):
    monkeypatch.chdir(git_repo(tmp_path / "repo"))
    Path("a.txt").write_text("市长亲自部署安全生产工作。\n", encoding="utf-8")
    log, _ = sarif_of("--select", "QZ,RL101", "a.txt")
    check_sarif(log)
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert set(rules) == {"QZ101", "RL101"}
    assert rules["QZ101"]["fullDescription"]["text"] == "Finds 亲自 in a report."
    assert rules["QZ101"]["properties"]["source"] == "plugin qinzi"
    assert rules["QZ101"]["defaultConfiguration"]["level"] == "note"
    [result] = log["runs"][0]["results"]
    assert (result["ruleId"], result["level"], result["locations"][0]["physicalLocation"]["region"]["startColumn"]) == (
        "QZ101", "note", 3)


def test_sarif_fingerprints_survive_lines_added_above_and_tell_copies_apart(tmp_path, monkeypatch):
    monkeypatch.chdir(git_repo(tmp_path))
    twice = "推动经济新增新增装机容量。\n推动经济新增新增装机容量。\n"
    Path("a.txt").write_text(twice, encoding="utf-8")
    before = [r["partialFingerprints"] for r in sarif_of("--select", "RL201", "a.txt")[0]["runs"][0]["results"]]
    Path("a.txt").write_text("现在，我代表市人民政府，向大会报告政府工作。\n" + twice, encoding="utf-8")
    after_log, _ = sarif_of("--select", "RL201", "a.txt")
    after = [r["partialFingerprints"] for r in after_log["runs"][0]["results"]]
    assert len(before) == 2 and before == after
    assert before[0] != before[1]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after_log["runs"][0]["results"]] == [2, 3]


def test_sarif_escapes_brackets_that_are_not_links():
    assert sarif_format.escape_message("“[]”与“()”不配对") == "“\\[\\]”与“()”不配对"
    assert sarif_format.escape_message("a\\[b") == "a\\\\\\[b"
    assert sarif_format.escape_message("没有方括号") == "没有方括号"


def test_sarif_of_a_clean_run_is_valid_with_no_results(tmp_path, monkeypatch):
    monkeypatch.chdir(git_repo(tmp_path))
    Path("clean.txt").write_text("现在，我代表北京市人民政府，向大会报告政府工作，请予审议。\n", encoding="utf-8")
    log, code = sarif_of("clean.txt")
    check_sarif(log)
    assert (code, log["runs"][0]["results"]) == (0, [])
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is True


# --- GitHub workflow commands ----------------------------------------------------

ANNOTATION = re.compile(r"^::(?P<command>error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def unescape(text: str, prop: bool = False) -> str:
    """As GitHub's runner does: %25 last, so that an escaped %3A stays literal."""
    pairs = [("%0D", "\r"), ("%0A", "\n")] + ([("%3A", ":"), ("%2C", ",")] if prop else []) + [("%25", "%")]
    for escaped, plain in pairs:
        text = text.replace(escaped, plain)
    return text


def parse_annotation(line: str) -> dict:
    match = ANNOTATION.match(line)
    assert match, line
    props = {}
    for item in match["props"].split(","):
        key, _, value = item.partition("=")
        props[key] = unescape(value, prop=True)
    return {"command": match["command"], **props, "message": unescape(match["message"])}


def test_github_annotations_of_the_sample(sample_json):
    result = run("check", "--format", "github", SAMPLE)
    assert result.exit_code == 1
    annotations = [parse_annotation(line) for line in result.stdout.splitlines()]
    commands = {"warning": "warning", "error": "error", "info": "notice"}
    assert len(annotations) == len(sample_json)
    for item, note in zip(sample_json, annotations):
        assert note["command"] == commands[item["severity"]]
        assert note["file"] == SAMPLE and note["line"] == str(item["line"]) and note["endLine"] == str(item["end_line"])
        assert note["title"] == f"{item['code']} [{item['name']}]"
        assert note["message"].split("\n")[0] == item["message"]
        if item["line"] == item["end_line"]:
            assert (note["col"], note["endColumn"]) == (str(item["column"]), str(item["end_column"]))
        else:  # GitHub takes columns only within one line
            assert "col" not in note and "endColumn" not in note
        for related, extra in zip(item["related"], note["message"].split("\n")[1:], strict=True):
            assert extra == f"{related['message']} ({related['path']}:{related['line']}:{related['column']})"
    assert {"notice", "warning"} <= {n["command"] for n in annotations}
    assert any("col" in n for n in annotations)


def test_github_escapes_commas_and_colons_in_the_path_and_percent_and_newlines_in_the_message(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    name = "报告,第1稿:终.txt"
    Path(name).write_text(PERCENT_AND_BROKEN, encoding="utf-8")
    lines = run("check", "--format", "github", name).stdout.splitlines()
    assert len(lines) == 2
    assert all(line.startswith("::warning file=报告%2C第1稿%3A终.txt,line=") for line in lines)
    percent, broken = (parse_annotation(line) for line in lines)
    assert percent["file"] == name and (percent["line"], percent["col"]) == ("1", "13")
    assert "112%25”" in lines[0] and percent["message"].startswith("“城镇化率达到112%”")
    assert "%0A接续的下一段从这里开始 (报告%2C第1稿%3A终.txt:3:1)" not in lines[1]  # only properties escape ':' ','
    assert lines[1].endswith("%0A接续的下一段从这里开始 (报告,第1稿:终.txt:3:1)")
    assert broken["message"].split("\n") == [broken["message"].split("\n")[0], f"接续的下一段从这里开始 ({name}:3:1)"]


def test_github_escaping_of_a_hand_made_finding():
    finding = Finding(path="a,b:c.txt", code="RL305", name="percent-range", severity=Severity.INFO,
                      message="增长100%\r\n第二行: 1,2", span=Span(0, 2), line=3, column=5, end_line=3,
                      end_column=7, related=(Related(Span(0, 1), "另见"),))
    assert github_format.annotation(finding) == (
        "::notice file=a%2Cb%3Ac.txt,line=3,col=5,endLine=3,endColumn=7,title=RL305 [percent-range]"
        "::增长100%25%0D%0A第二行: 1,2%0A另见 (a,b:c.txt)")
    assert github_format.escape_property("50%:a,b\n") == "50%25%3Aa%2Cb%0A"
    assert github_format.escape_data("50%:a,b\r\n") == "50%25:a,b%0D%0A"


def test_github_paths_are_relative_to_the_repository_root(tmp_path, monkeypatch):
    repo = git_repo(tmp_path / "repo")
    (repo / "docs").mkdir()
    (repo / "docs" / "a.txt").write_text(PERCENT_AND_BROKEN, encoding="utf-8")
    monkeypatch.chdir(repo / "docs")
    notes = [parse_annotation(line) for line in run("check", "--format", "github", "a.txt").stdout.splitlines()]
    assert [n["file"] for n in notes] == ["docs/a.txt", "docs/a.txt"]
    assert notes[1]["message"].endswith("(docs/a.txt:3:1)")
    outside = tmp_path / "outside.txt"
    outside.write_text(PERCENT_AND_BROKEN, encoding="utf-8")
    notes = [parse_annotation(line) for line in run("check", "--format", "github", outside).stdout.splitlines()]
    assert {n["file"] for n in notes} == {str(outside)}


def test_github_reports_unreadable_files_as_error_annotations(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("check", "--format", "github", "missing,1.txt")
    assert result.exit_code == 2
    assert parse_annotation(result.stdout.strip()) == {
        "command": "error", "file": "missing,1.txt", "title": "reportlint", "message": "no such file or folder"}


# --- concise -------------------------------------------------------------------


def test_concise_prints_one_line_a_finding_then_the_summary(sample_json):
    result = run("check", "--format", "concise", SAMPLE)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    for item, line in zip(sample_json, lines, strict=False):
        match = HEADER.match(line)
        assert match, line
        assert match.group("path", "line", "col", "code", "name", "msg") == (
            SAMPLE, str(item["line"]), str(item["column"]), item["code"], item["name"], item["message"])
    # Then the summary (and the notes that follow it): no excerpt, no other line.
    assert lines[len(sample_json)].startswith(f"Found {len(sample_json)} findings (")
    assert not any(HEADER.match(line) or "|" in line for line in lines[len(sample_json):])


def test_concise_with_statistics_and_quiet(sample_json):
    result = run("check", "--format", "concise", "--statistics", SAMPLE)
    counts = re.findall(r"^\s*(\d+)\s+(RL\d+)\s+([a-z-]+)$", result.stdout, re.M)
    expected = {}
    for item in sample_json:
        expected[(item["code"], item["name"])] = expected.get((item["code"], item["name"]), 0) + 1
    assert [(code, name, int(n)) for n, code, name in counts] == [(c, n, k) for (c, n), k in sorted(expected.items())]
    quiet = run("check", "--format", "concise", "-q", SAMPLE).stdout.splitlines()
    assert len(quiet) == len(sample_json) and all(HEADER.match(line) for line in quiet)


def test_concise_keeps_a_multi_line_message_on_one_line():
    finding = Finding(path="a.txt", code="RL101", name="broken-paragraph", severity=Severity.WARNING,
                      message="第一行\n第二行\r\n第三行", span=Span(0, 1), line=2, column=3, end_line=2, end_column=4)
    assert concise_format.line(finding) == "a.txt:2:3: warning: RL101 [broken-paragraph] 第一行 第二行 第三行"


def test_every_format_is_offered_and_the_json_contract_is_unchanged(sample_json):
    assert set(FORMATS) == {"text", "concise", "json", "sarif", "github", "html"}
    keys = {"path", "line", "column", "end_line", "end_column", "code", "name", "severity", "message", "fix", "related"}
    assert sample_json and all(set(item) == keys for item in sample_json)


def test_exit_codes_are_the_same_in_every_format(tmp_path, monkeypatch):
    monkeypatch.chdir(git_repo(tmp_path))
    Path("a.txt").write_text(PERCENT_AND_BROKEN, encoding="utf-8")
    Path("clean.txt").write_text("现在，我代表北京市人民政府，向大会报告政府工作，请予审议。\n", encoding="utf-8")
    for fmt in FORMATS:
        assert run("check", "--format", fmt, "a.txt").exit_code == 1, fmt
        assert run("check", "--format", fmt, "--exit-zero", "a.txt").exit_code == 0, fmt
        assert run("check", "--format", fmt, "clean.txt").exit_code == 0, fmt
        assert run("check", "--format", fmt, "--exit-zero", "a.txt", "missing.txt").exit_code == 2, fmt


def test_control_characters_of_the_document_never_reach_the_terminal(tmp_path):
    # a lone CR would move the cursor back over the excerpt, an ESC start an escape sequence
    from running import run

    report = tmp_path / "报告.txt"
    report.write_bytes("推进改革,覆盖\r旧稿\x1b[2J扩大开放。\n".encode())
    for output_format in ("text", "concise"):
        out = run("check", "--format", output_format, "--select", "RL401", report).stdout
        assert "RL401" in out and "\r" not in out and "\x1b" not in out
    assert "推进改革,覆盖␍旧稿␛[2J扩大开放。" in run("check", "--select", "RL401", report).stdout


@pytest.mark.parametrize("output_format", sorted(FORMATS))
def test_a_run_that_keeps_only_the_text_renders_the_same(output_format, monkeypatch):
    # a run keeps of each finished file only its text: a folder's memory stays its findings'
    monkeypatch.chdir(ROOT)
    paths = [SAMPLE, "tests/data/clean-texts-w3/03_枫林区优化营商环境工作情况报告.docx", "tests/data/clean-texts-w1"]
    whole = lint_paths(paths)
    text_only = lint_paths(paths, whole_documents=False)
    assert all(r.document is None or not r.document.paragraphs for r in text_only.files)
    assert any(r.findings for r in text_only.files)
    render = FORMATS[output_format]
    assert render(text_only) == render(whole)
