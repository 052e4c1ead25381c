"""The engine: a broken rule is isolated and reported, findings come out in a
deterministic order, and the engine (not the rule) decides severities."""

import dataclasses
import itertools
import json
import re
from pathlib import Path

import pytest
from running import cli_runner as _runner

from reportlint import engine
from reportlint import registry as registry_module
from reportlint.api import lint_paths
from reportlint.cli import cli
from reportlint.config import Config
from reportlint.engine import rules_for_document, run_rules
from reportlint.model import RuleMeta, Severity, Violation
from reportlint.registry import Registry, build_registry
from reportlint.results import Crash
from reportlint.text.document import Span
from reportlint.text.parse import parse_text

THREE_RULES = (
    "上接第3版\n\n"
    "培育壮大经营主体。坚持和落实“两个毫不动摇”，大力支持民营企业和民营\n\n"
    "经济发展，激发各类经营主体内生动力和发展活力。要再接再励，认真布署今年工作。\n"
)
BROKEN = (
    "加快建设现代化产业体系。坚持以科技创新引领产业创新，大力发展新质生产力，推动传统产业\n\n"
    "转型升级，培育壮大新兴产业和未来产业。\n"
)


def crashing_generator(doc, options):
    for paragraph in doc.paragraphs:
        if "民营" in paragraph.text:
            raise KeyError("民营")  # a bug in the rule, after some paragraphs went well
        yield Violation(paragraph.span(0, 1), "这条不应出现：规则随后崩溃了")


def crashing_call(doc, options):
    raise RuntimeError("规则内部错误")


GENERATOR_CRASH = RuleMeta(code="XT901", name="crashes-midway", severity=Severity.WARNING,
                           summary="中途崩溃", check=crashing_generator)
CALL_CRASH = RuleMeta(code="XT902", name="crashes-at-once", severity=Severity.WARNING,
                      summary="立即崩溃", check=crashing_call)


pytestmark = pytest.mark.usefixtures("in_fresh_folder")  # tests/conftest.py

def lint(registry: Registry, text: str = THREE_RULES, path: str = "报告.txt", config: Config | None = None):
    doc = parse_text(text, path)
    return run_rules(doc, rules_for_document(registry, config or Config(), path))


# --- a rule that raises ------------------------------------------------------------


def test_a_crashing_rule_is_isolated():
    registry = Registry([GENERATOR_CRASH, CALL_CRASH, *build_registry()])
    result = lint(registry)
    # Every built-in still reports, in order.
    assert [(f.code, f.line, f.column) for f in result.findings] == [
        ("RL102", 1, 1), ("RL101", 3, 24), ("RL501", 5, 25), ("RL501", 5, 32)]
    assert [(c.code, c.name, c.error) for c in result.crashes] == [
        ("XT901", "crashes-midway", "KeyError: '民营'"),
        ("XT902", "crashes-at-once", "RuntimeError: 规则内部错误"),
    ]
    # Where names the rule's own code, so that its author can find the bug.
    for crash in result.crashes:
        file, line = crash.where.rsplit(":", 1)
        assert Path(file).name == "test_engine.py" and line.isdigit()
    # What the rule yielded before it crashed is not reported: it cannot be trusted.
    assert all(not f.code.startswith("XT") for f in result.findings)


def test_a_crash_is_not_a_finding_and_does_not_stop_the_next_rule():
    registry = Registry([CALL_CRASH, *build_registry()])
    only = Config(select=("XT902", "RL101"))
    result = lint(registry, config=only)
    assert [f.code for f in result.findings] == ["RL101"]
    assert result.crashes == [Crash("XT902", "crashes-at-once", "RuntimeError: 规则内部错误", result.crashes[0].where)]


def test_rules_that_do_not_crash_give_no_crashes():
    assert lint(build_registry()).crashes == []


@pytest.fixture
def crashing_plugin(monkeypatch):
    """A plugin rule that crashes, as if an installed distribution offered it."""
    meta = dataclasses.replace(CALL_CRASH, source="plugin crashy")
    monkeypatch.setattr(registry_module, "plugin_rules", lambda: (meta,))
    return meta


def test_a_crashing_plugin_through_the_command_line(tmp_path, crashing_plugin):
    (tmp_path / "报告.txt").write_text(THREE_RULES, encoding="utf-8")
    (tmp_path / "讲话.md").write_text(BROKEN, encoding="utf-8")
    result = _runner().invoke(cli, ["check", "-q", "报告.txt", "讲话.md"])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 2
    errors = result.stderr.splitlines()
    assert len(errors) == 2, errors
    for path, line in zip(["报告.txt", "讲话.md"], errors):
        assert line.startswith(f"reportlint: error: rule XT902 (crashes-at-once) crashed on {path}: "
                               "RuntimeError: 规则内部错误 at ")
    assert "Traceback" not in result.stdout + result.stderr
    # The other rules' findings are still printed.
    assert "报告.txt:3:24: warning: RL101 [broken-paragraph]" in result.stdout
    assert "讲话.md:1:37: warning: RL101 [broken-paragraph]" in result.stdout


def test_a_crashing_plugin_is_listed_and_can_be_ignored(tmp_path, crashing_plugin):
    (tmp_path / "报告.txt").write_text(THREE_RULES, encoding="utf-8")
    listed = _runner().invoke(cli, ["rules", "--format", "json"])
    [row] = [row for row in json.loads(listed.stdout) if row["code"] == "XT902"]
    assert (row["name"], row["source"]) == ("crashes-at-once", "plugin crashy")
    result = _runner().invoke(cli, ["check", "-q", "--ignore", "crashes-at-once", "报告.txt"])
    assert result.exit_code == 1
    assert result.stderr == ""


# --- order -------------------------------------------------------------------------


def _write_tree(root: Path) -> list[str]:
    files = {
        "b.txt": THREE_RULES,
        "a.md": BROKEN + "\n" + THREE_RULES,
        "章节/二.txt": BROKEN,
        "章节/一.md": THREE_RULES.replace("\n", "\r\n"),
        "z.txt": "要再接再励，认真布署今年工作。\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8", newline="")
    return list(files)


def test_output_order_does_not_depend_on_the_order_of_the_paths(tmp_path):
    names = _write_tree(tmp_path)
    outputs = set()
    for order in itertools.permutations(names):
        result = _runner().invoke(cli, ["check", "--format", "json", *order])
        outputs.add(result.stdout)
    assert len(outputs) == 1
    data = json.loads(outputs.pop())
    keys = [(d["path"], d["line"], d["column"], d["code"]) for d in data]
    assert keys == sorted(keys)
    assert len({d["path"] for d in data}) == len(names)


def test_a_folder_and_its_files_in_any_order_give_the_same_output(tmp_path):
    _write_tree(tmp_path)
    first = _runner().invoke(cli, ["check", "--format", "json", "章节", "z.txt", "a.md", "b.txt"]).stdout
    second = _runner().invoke(cli, ["check", "--format", "json", "b.txt", "a.md", "z.txt", "章节"]).stdout
    assert first == second
    assert [Path(p).as_posix() for p in dict.fromkeys(d["path"] for d in json.loads(first))] == [
        "a.md", "b.txt", "z.txt", "章节/一.md", "章节/二.txt"]


def test_api_results_are_sorted(tmp_path):
    names = _write_tree(tmp_path)
    result = lint_paths(list(reversed(names)))
    findings = result.findings
    assert [f.sort_key for f in findings] == sorted(f.sort_key for f in findings)


def _marker(code: str, start: int, end: int):
    def check(doc, options):
        yield Violation(Span(start, end), f"{code} 标记")

    return RuleMeta(code=code, name=f"marker-{code.lower()}", severity=Severity.WARNING, summary="标记", check=check)


def test_findings_at_one_place_are_ordered_by_code_whatever_the_rule_order():
    rules = [_marker("XT300", 9, 11), _marker("XT100", 9, 12), _marker("XT200", 0, 2)]
    doc = parse_text(THREE_RULES, "报告.txt")
    for order in itertools.permutations(rules):
        result = run_rules(doc, [(meta, meta.make_options({}), meta.severity) for meta in order])
        assert [(f.code, f.line, f.column) for f in result.findings] == [
            ("XT200", 1, 1), ("XT100", 3, 3), ("XT300", 3, 3)]


# --- severity ----------------------------------------------------------------------


def _with_severity(code: str, severity: Severity | None):
    def check(doc, options):
        yield Violation(Span(0, 5), "上接第3版", severity=severity)

    return RuleMeta(code=code, name=f"sev-{code.lower()}", severity=Severity.WARNING, summary="严重程度",
                    check=check)


@pytest.mark.parametrize(("configured", "asked", "expected"), [
    (Severity.WARNING, None, Severity.WARNING),
    (Severity.WARNING, Severity.INFO, Severity.INFO),  # a rule may lower its severity for a doubtful case
    (Severity.WARNING, Severity.ERROR, Severity.WARNING),  # but never raise it
    (Severity.ERROR, Severity.WARNING, Severity.WARNING),
    (Severity.INFO, Severity.ERROR, Severity.INFO),  # the user's "info" is a ceiling
])
def test_the_engine_decides_the_severity(configured, asked, expected):
    meta = _with_severity("XT500", asked)
    doc = parse_text(THREE_RULES, "报告.txt")
    [finding] = run_rules(doc, [(meta, meta.make_options({}), configured)]).findings
    assert finding.severity is expected


def test_allow_words_drop_findings_inside_them_only():
    doc = parse_text(THREE_RULES, "报告.txt", allow_words=frozenset({"上接第3版"}))
    inside, overlapping = _marker("XT601", 0, 5), _marker("XT602", 0, 6)
    result = run_rules(doc, [(m, m.make_options({}), m.severity) for m in (inside, overlapping)])
    assert [f.code for f in result.findings] == ["XT602"]


def test_a_rule_supersedes_another_only_when_it_runs():
    # the declaration is the superseding rule's; the engine tells the superseded one which run
    from reportlint.engine import superseded_by

    registry = build_registry()
    assert registry.get("duplicate-paragraph").supersedes == ("duplicate-sentence",)
    assert registry.get("misplaced-fragment").supersedes == ("duplicate-sentence",)
    seen = []

    def probe(doc, _opts):
        seen.append(superseded_by(doc, "duplicate-sentence"))
        yield from ()

    meta = RuleMeta(code="XX100", name="probe", severity=Severity.INFO, summary="probe", check=probe)
    for names in (("duplicate-paragraph", "misplaced-fragment"), ("misplaced-fragment",), ()):
        rules = [(registry.get(n), registry.get(n).make_options({}), registry.get(n).severity) for n in names]
        run_rules(parse_text("一段文字。\n", "a.txt"), [*rules, (meta, None, Severity.INFO)], registry)
    assert seen == [{"duplicate-paragraph", "misplaced-fragment"}, {"misplaced-fragment"}, set()]
    assert superseded_by(parse_text("一段文字。\n", "b.txt"), "duplicate-sentence") is None  # outside a run


# --- analyses ----------------------------------------------------------------------


def test_an_analysis_is_dropped_once_its_last_reader_is_done(monkeypatch):
    # on a big report conflicting-figure's clauses, the figures and the copy index were held
    # through every rule after their readers, up to the peak of the run
    monkeypatch.setattr(engine, "_CHECK_READS", False)  # the last rule reads undeclared, on purpose
    computed = []

    def compute(name):
        return lambda doc: computed.append(name) or name

    def owner(doc, _options):
        doc.analysis("owner-rule.clauses", compute("own"))
        doc.analysis("figures-like.parts", compute("shared"))
        yield from ()

    def crasher(doc, _options):
        doc.analysis("crashing-rule.cache", compute("crash"))
        raise RuntimeError("规则内部错误")

    def last_reader(doc, _options):
        doc.analysis("figures-like.parts", compute("shared again"))
        yield from ()

    def late(doc, _options):
        for key in ("owner-rule.clauses", "figures-like.parts", "crashing-rule.cache"):
            doc.analysis(key, compute(f"again {key}"))
        yield from ()

    checks = (("owner-rule", owner, ("figures-like",)), ("crashing-rule", crasher, ()),
              ("last-reader", last_reader, ("figures-like",)), ("late", late, ()))
    rules = [RuleMeta(code=f"XT70{n}", name=name, severity=Severity.INFO, summary="分析", check=check, reads=reads)
             for n, (name, check, reads) in enumerate(checks)]
    result = run_rules(parse_text(THREE_RULES, "报告.txt"), [(meta, None, meta.severity) for meta in rules])
    assert [crash.name for crash in result.crashes] == ["crashing-rule"]
    # a rule's own analyses go when it is done (crashed or not), a shared one after its last
    # declared reader: the late rule, which does not declare them, computes all three anew
    assert computed == ["own", "shared", "crash", "again owner-rule.clauses", "again figures-like.parts",
                        "again crashing-rule.cache"]


def test_in_the_tests_a_rule_that_reads_an_undeclared_analysis_crashes(monkeypatch):
    monkeypatch.setattr(engine, "_CHECK_READS", True)

    def reader(doc, _options):
        doc.analysis("figures", lambda d: [])
        yield from ()

    undeclared = RuleMeta(code="XT710", name="undeclared", severity=Severity.INFO, summary="分析", check=reader)
    declared = dataclasses.replace(undeclared, code="XT711", name="declared", reads=("figures",))
    result = run_rules(parse_text("一段文字。\n", "a.txt"), [(m, None, m.severity) for m in (undeclared, declared)])
    assert [(crash.name, crash.error.split(":")[0]) for crash in result.crashes] == [("undeclared", "UndeclaredAnalysis")]


def test_the_shipped_rules_declare_what_they_read():
    # REPORTLINT_CHECK_READS=1 (tests/conftest.py) makes every rule test and the corpus gate check it
    assert engine._CHECK_READS
    registry = build_registry()
    assert set(registry.get("conflicting-figure").reads) == {"figures", "indicators"}
    assert all(meta.reads == ("document-year",) for meta in registry if meta.source.startswith("pack "))


def test_only_a_rule_reads_the_analyses_named_after_it():
    # what the engine drops after a rule must be that rule's alone
    names = {meta.name: meta.check.__module__ for meta in build_registry()}
    package = Path(__file__).resolve().parent.parent / "reportlint"
    keys = re.compile(r"""analysis\(\s*f?["']([a-z0-9-]+)\.""")
    for path in package.rglob("*.py"):
        module = ".".join(path.relative_to(package.parent).with_suffix("").parts)
        for prefix in keys.findall(path.read_text(encoding="utf-8")):
            assert names.get(prefix, module) == module, f"{module} reads an analysis of rule {prefix}"
