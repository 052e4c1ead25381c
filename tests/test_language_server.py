"""`reportlint server`, the language server, driven by a real LSP client (pytest-lsp) over stdio.

One server is started for the whole module (starting one costs about a second); each test opens
its own documents, in its own folder of a temporary workspace where it needs its own config.
The pure parts (positions, the smallest edit, which documents are linted, the rule pages) are
tested apart at the end, and `reportlint server` without pygls in-process.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest
import pytest_asyncio
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features
from running import run

from reportlint.output import rule_documentation
from reportlint.registry import build_registry
from reportlint.server.actions import smallest_edit
from reportlint.server.documents import target_of
from reportlint.server.positions import LineMap
from reportlint.server.rule_pages import RulePages

#: the tests that talk to the module's server run in its event loop
lsp = pytest.mark.asyncio(loop_scope="module")

DOUBLED = "新增新增装机容量100万千瓦。\n"
CLEAN = "扎扎实实推进各项工作。\n"
ASCII_COMMA = "我们要推进改革,扩大开放。\n"  # RL401, a safe fix: the full-width comma
TIMEOUT = 20  # seconds for one publication; a lint here takes milliseconds


# --- the client ----------------------------------------------------------------------------------


def record_diagnostics(client: LanguageClient, params: types.PublishDiagnosticsParams):
    client.diagnostics[params.uri] = params.diagnostics
    client.published.setdefault(params.uri, []).append(params)  # type: ignore[attr-defined]


def record_registration(client: LanguageClient, params: types.RegistrationParams):
    client.registrations.extend(params.registrations)  # type: ignore[attr-defined]


def make_client() -> LanguageClient:
    """pytest-lsp's test client, which also keeps every publication (with its version) and the
    capabilities the server registers."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = {}  # type: ignore[attr-defined]
    client.registrations = []  # type: ignore[attr-defined]
    register_lsp_features(client, {**DEFAULT_CLIENT_FEATURES,
                                   types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: record_diagnostics,
                                   types.CLIENT_REGISTER_CAPABILITY: record_registration})
    return client


CAPABILITIES = types.ClientCapabilities(
    workspace=types.WorkspaceClientCapabilities(
        did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True),
        workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True)),
    text_document=types.TextDocumentClientCapabilities(
        hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown])))


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("workspace")


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def client(workspace, cache):
    environment = {**os.environ, "XDG_CACHE_HOME": str(cache), "REPORTLINT_LANG": "en"}
    config = ClientServerConfig([sys.executable, "-m", "reportlint", "server"], client_factory=make_client,
                                server_env=environment)
    client = await config.start()
    await client.initialize_session(types.InitializeParams(
        capabilities=CAPABILITIES, root_uri=workspace.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="workspace")]))
    yield client
    await client.shutdown_session()
    await client.stop()


# --- helpers -------------------------------------------------------------------------------------


async def published(client, uri: str, count: int = 1) -> types.PublishDiagnosticsParams:
    """The *count*-th publication for *uri*, once it has come."""
    for _ in range(TIMEOUT * 100):
        if len(client.published.get(uri, [])) >= count:
            return client.published[uri][count - 1]
        await asyncio.sleep(0.01)
    raise AssertionError(f"no publication {count} for {uri}: {client.published.get(uri)}")


async def version_published(client, uri: str, version: int) -> list[types.Diagnostic]:
    """The diagnostics published for *version* of the document."""
    for _ in range(TIMEOUT * 100):
        for params in client.published.get(uri, []):
            if params.version == version:
                return list(params.diagnostics)
        await asyncio.sleep(0.01)
    raise AssertionError(f"nothing published for version {version} of {uri}")


async def open_document(client, path: Path, text: str, language: str = "plaintext") -> list[types.Diagnostic]:
    uri = path.as_uri() if isinstance(path, Path) else path
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
    return await version_published(client, uri, 1)


async def change_document(client, uri: str, version: int, text: str) -> list[types.Diagnostic]:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
    return await version_published(client, uri, version)


def close_document(client, uri: str) -> None:
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri)))


async def code_actions(client, uri: str, diagnostic: types.Diagnostic | None = None, only=None):
    where = diagnostic.range if diagnostic else types.Range(types.Position(0, 0), types.Position(0, 0))
    return await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri), range=where,
        context=types.CodeActionContext(diagnostics=[diagnostic] if diagnostic else [], only=only))) or []


def apply_edit(text: str, edit: types.WorkspaceEdit, uri: str) -> str:
    """*text* with the edits of *edit* for *uri* applied, as an editor does (UTF-16 positions)."""
    edits = [e for change in edit.document_changes or [] if change.text_document.uri == uri for e in change.edits]
    edits += (edit.changes or {}).get(uri, [])
    lines = LineMap(text)
    for text_edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        start, end = lines.offset(text_edit.range.start), lines.offset(text_edit.range.end)
        text = text[:start] + text_edit.new_text + text[end:]
        lines = LineMap(text)
    return text


def position(line: int, character: int) -> types.Position:
    return types.Position(line=line, character=character)


# --- diagnostics ---------------------------------------------------------------------------------


@lsp
async def test_a_doubled_word_is_a_diagnostic_at_its_range_and_links_its_rule_page(client, workspace, cache):
    diagnostics = await open_document(client, workspace / "doubled.txt", DOUBLED)
    assert [d.code for d in diagnostics] == ["RL201"]
    found = diagnostics[0]
    assert found.range == types.Range(position(0, 0), position(0, 4))
    assert found.source == "reportlint"
    assert found.severity == types.DiagnosticSeverity.Warning
    assert found.message == "“新增新增”中“新增”连写了两次，疑为误重复"
    page = cache / "reportlint" / run("--version").stdout.split()[-1] / "rules" / "RL201.md"
    assert found.code_description.href == page.as_uri()
    assert page.read_text(encoding="utf-8") == run("rule", "RL201", "--lang", "en").stdout


@lsp
async def test_a_clean_sentence_has_no_diagnostics(client, workspace):
    assert await open_document(client, workspace / "clean.txt", CLEAN) == []


@lsp
async def test_an_edit_is_linted_again(client, workspace):
    uri = (workspace / "edited.txt").as_uri()
    assert len(await open_document(client, uri, DOUBLED)) == 1
    assert await change_document(client, uri, 2, CLEAN) == []
    assert [d.code for d in await change_document(client, uri, 3, CLEAN + DOUBLED)] == ["RL201"]
    assert (await version_published(client, uri, 3))[0].range.start == position(1, 0)


@lsp
async def test_changes_typed_quickly_are_linted_once_for_the_last(client, workspace):
    uri = (workspace / "typing.txt").as_uri()
    await open_document(client, uri, CLEAN)
    for version, text in enumerate([DOUBLED, CLEAN, DOUBLED, CLEAN + CLEAN], start=2):
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
    assert await version_published(client, uri, 5) == []
    assert [params.version for params in client.published[uri]] == [1, 5]


@lsp
async def test_related_places_and_severity_levels(client, workspace):
    text = "一、总体要求\n三、主要任务\n"  # numbering that skips 二: related to the heading before
    diagnostics = await open_document(client, workspace / "numbering.txt", text)
    related = [d for d in diagnostics if d.related_information]
    assert related, diagnostics
    location = related[0].related_information[0].location
    assert location.uri == (workspace / "numbering.txt").as_uri()
    assert location.range.start.line == 0


@lsp
async def test_a_closed_document_has_its_diagnostics_cleared(client, workspace):
    uri = (workspace / "closed.txt").as_uri()
    await open_document(client, uri, DOUBLED)
    close_document(client, uri)
    cleared = await published(client, uri, 2)
    assert list(cleared.diagnostics) == []


@lsp
async def test_other_languages_and_schemes_are_not_linted_but_untitled_ones_are(client, workspace):
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=(workspace / "script.py").as_uri(), language_id="python", version=1, text=DOUBLED)))
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri="git:/doubled.txt?ref=HEAD", language_id="plaintext", version=1, text=DOUBLED)))
    untitled = await open_document(client, "untitled:Untitled-1", "# 标题\n\n" + DOUBLED, language="markdown")
    assert [d.code for d in untitled] == ["RL201"]
    assert (workspace / "script.py").as_uri() not in client.published
    assert "git:/doubled.txt?ref=HEAD" not in client.published


# --- positions -----------------------------------------------------------------------------------


@lsp
async def test_columns_after_a_character_outside_the_bmp_count_utf16_units(client, workspace):
    # 𠮷 (CJK Extension B) is one code point and two UTF-16 units: the finding at code points 2–6
    # is at UTF-16 characters 4–8.
    uri = (workspace / "extension-b.txt").as_uri()
    diagnostics = await open_document(client, uri, "𠮷𠮷新增新增装机容量。\n")
    assert [d.range for d in diagnostics] == [types.Range(position(0, 4), position(0, 8))]
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri), position=position(0, 5)))
    assert hover is not None and hover.range == diagnostics[0].range
    outside = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri), position=position(0, 2)))  # before the second 𠮷
    assert outside is None


@pytest.mark.asyncio
async def test_a_client_that_counts_code_points_gets_code_points(workspace, cache):
    # A second server, for a client that offers UTF-32 positions (pygls takes the client's choice).
    config = ClientServerConfig([sys.executable, "-m", "reportlint", "server"], client_factory=make_client,
                                server_env={**os.environ, "XDG_CACHE_HOME": str(cache)})
    client = await config.start()
    try:
        capabilities = types.ClientCapabilities(general=types.GeneralClientCapabilities(
            position_encodings=[types.PositionEncodingKind.Utf32]))
        answer = await client.initialize_session(types.InitializeParams(capabilities=capabilities))
        assert answer.capabilities.position_encoding == types.PositionEncodingKind.Utf32
        diagnostics = await open_document(client, workspace / "utf-32.txt", "𠮷𠮷新增新增装机容量。\n")
        assert [d.range for d in diagnostics] == [types.Range(position(0, 2), position(0, 6))]
    finally:
        await client.shutdown_session()
        await client.stop()


# --- hover ---------------------------------------------------------------------------------------


@lsp
async def test_hover_shows_the_rule_its_summary_why_it_matters_and_the_message(client, workspace):
    uri = (workspace / "hover.txt").as_uri()
    await open_document(client, uri, DOUBLED)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri), position=position(0, 2)))
    meta = build_registry().get("RL201")
    text = hover.contents.value
    assert hover.contents.kind == types.MarkupKind.Markdown
    assert "RL201 doubled-word" in text
    assert meta.summary in text and meta.why() and meta.why()[:20] in text.replace("\\", "")
    assert "“新增新增”中“新增”连写了两次，疑为误重复" in text


# --- code actions --------------------------------------------------------------------------------


@lsp
async def test_an_unsafe_fix_says_so_and_applied_leaves_a_clean_text(client, workspace):
    uri = (workspace / "unsafe-fix.txt").as_uri()
    (diagnostic,) = await open_document(client, uri, DOUBLED)
    actions = await code_actions(client, uri, diagnostic)
    fixes = [a for a in actions if a.title.startswith("修复")]
    assert [a.title for a in fixes] == ["修复（不安全，请核对）：删除重复的“新增”"]
    assert fixes[0].kind == types.CodeActionKind.QuickFix and not fixes[0].is_preferred
    fixed = apply_edit(DOUBLED, fixes[0].edit, uri)
    assert fixed == "新增装机容量100万千瓦。\n"
    assert await change_document(client, uri, 2, fixed) == []


@lsp
async def test_a_safe_fix_is_the_preferred_action(client, workspace):
    uri = (workspace / "safe-fix.txt").as_uri()
    (diagnostic,) = await open_document(client, uri, ASCII_COMMA)
    (fix,) = [a for a in await code_actions(client, uri, diagnostic) if a.title.startswith("修复")]
    assert fix.is_preferred and "不安全" not in fix.title
    assert apply_edit(ASCII_COMMA, fix.edit, uri) == "我们要推进改革，扩大开放。\n"


@lsp
@pytest.mark.parametrize(("name", "text", "expected"), [
    ("disable.txt", "　　" + DOUBLED, "　　<!-- reportlint-disable-next-line RL201 -->\n　　" + DOUBLED),
    ("disable.md", "# 标题\n\n- 第一项。\n  " + DOUBLED,
     "# 标题\n\n- 第一项。\n  <!-- reportlint-disable-next-line RL201 -->\n  " + DOUBLED),
    # a comment already above: the rule is added to it (a second one would take its place)
    ("disable-more.txt", "<!-- reportlint-disable-next-line RL401 -->\n推进改革,新增新增装机。\n",
     "<!-- reportlint-disable-next-line RL401, RL201 -->\n推进改革,新增新增装机。\n"),
])
async def test_disable_for_this_line_inserts_the_comment_and_the_finding_goes(client, workspace, name, text,
                                                                             expected):
    uri = (workspace / name).as_uri()
    diagnostics = await open_document(client, uri, text)
    (doubled,) = [d for d in diagnostics if d.code == "RL201"]
    (disable,) = [a for a in await code_actions(client, uri, doubled) if "插入抑制注释" in a.title]
    assert disable.title == "本行不检查 RL201（doubled-word）：插入抑制注释"
    assert apply_edit(text, disable.edit, uri) == expected
    assert await change_document(client, uri, 2, expected) == []


@lsp
async def test_fix_all_applies_the_safe_fixes_only_when_asked_for(client, workspace):
    uri = (workspace / "fix-all.txt").as_uri()
    text = ASCII_COMMA + DOUBLED
    diagnostics = await open_document(client, uri, text)
    assert sorted(d.code for d in diagnostics) == ["RL201", "RL401"]
    assert not [a for a in await code_actions(client, uri) if a.kind == "source.fixAll.reportlint"]
    (fix_all,) = await code_actions(client, uri, only=[types.CodeActionKind.SourceFixAll])
    assert fix_all.kind == "source.fixAll.reportlint"
    assert apply_edit(text, fix_all.edit, uri) == "我们要推进改革，扩大开放。\n" + DOUBLED  # the unsafe one stays


# --- config --------------------------------------------------------------------------------------


@lsp
@pytest.mark.parametrize(("folder", "config", "said"), [
    ("unknown-rule", 'select = ["RL999"]\n', "RL999"),
    ("bad-toml", "select = [\n", "reportlint.toml"),
    ("bad-option", '[rule.doubled-word]\nno-such-option = 1\n', "no-such-option"),
])
async def test_a_broken_config_is_one_diagnostic_and_a_message_not_a_crash(client, workspace, folder, config, said):
    (workspace / folder).mkdir()
    (workspace / folder / "reportlint.toml").write_text(config, encoding="utf-8")
    uri = (workspace / folder / "report.txt").as_uri()
    (diagnostic,) = await open_document(client, uri, DOUBLED)
    assert diagnostic.severity == types.DiagnosticSeverity.Error and diagnostic.source == "reportlint"
    assert diagnostic.range.start == position(0, 0) and said in diagnostic.message
    assert "\n" not in diagnostic.message
    assert [d.message for d in await change_document(client, uri, 2, CLEAN + DOUBLED)] == [diagnostic.message]
    shown = [m for m in client.messages if f"{folder}{os.sep}reportlint.toml" in m.message]
    assert len(shown) == 1 and shown[0].type == types.MessageType.Error
    # still serving
    assert await open_document(client, workspace / f"after-{folder}.txt", DOUBLED) != []


@lsp
async def test_a_file_the_config_excludes_shows_nothing(client, workspace):
    (workspace / "excluding").mkdir()
    (workspace / "excluding" / "reportlint.toml").write_text('extend-exclude = ["旧稿"]\n', encoding="utf-8")
    assert await open_document(client, workspace / "excluding" / "旧稿" / "report.txt", DOUBLED) == []
    assert await open_document(client, workspace / "excluding" / "report.txt", DOUBLED) != []


@lsp
async def test_the_server_watches_the_config_files_and_lints_again_when_one_changes(client, workspace):
    watched = [w["globPattern"] for r in client.registrations if r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
               for w in r.register_options["watchers"]]
    assert "**/pyproject.toml" in watched and "**/reportlint.toml" in watched
    folder = workspace / "reload"
    folder.mkdir()
    uri = (folder / "report.md").as_uri()
    assert [d.code for d in await open_document(client, uri, DOUBLED, language="markdown")] == ["RL201"]
    config = folder / "pyproject.toml"
    config.write_text('[tool.reportlint]\nignore = ["RL201"]\n', encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Created)]))
    assert list((await published(client, uri, 2)).diagnostics) == []


@lsp
async def test_saving_lints_again_with_the_config_as_it_is_now(client, workspace):
    folder = workspace / "saved"
    folder.mkdir()
    uri = (folder / "report.txt").as_uri()
    assert [d.code for d in await open_document(client, uri, DOUBLED)] == ["RL201"]
    (folder / "reportlint.toml").write_text('ignore = ["doubled-word"]\n', encoding="utf-8")
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri)))
    assert list((await published(client, uri, 2)).diagnostics) == []


# --- without pygls -------------------------------------------------------------------------------


def test_without_pygls_the_server_command_says_what_to_install(monkeypatch):
    # import pygls (and any of its modules) now raises ModuleNotFoundError, as when it is not installed
    for name in ["pygls", *(name for name in sys.modules if name.startswith("pygls."))]:
        monkeypatch.setitem(sys.modules, name, None)
    for name in [name for name in sys.modules if name.startswith("reportlint.server")]:
        monkeypatch.delitem(sys.modules, name)
    before = set(sys.modules)
    try:
        result = run("server", "--lang", "en")
    finally:
        for name in set(sys.modules) - before:  # what the failed import left half-loaded
            if name.startswith("reportlint.server"):
                del sys.modules[name]
    assert result.exit_code == 2
    assert result.stderr == "reportlint: error: the language server needs pygls: pip install 'reportlint[lsp]'\n"
    assert result.stdout == ""


# --- the pure parts ------------------------------------------------------------------------------


@pytest.mark.parametrize(("encoding", "character"), [("utf-16", 4), ("utf-32", 2), ("utf-8", 8)])
def test_positions_count_the_negotiated_code_units(encoding, character):
    lines = LineMap("第一行\n𠮷𠮷新增新增\n", encoding)
    assert lines.position(6) == position(1, character)
    assert lines.offset(position(1, character)) == 6
    assert lines.offset(position(1, 999)) == 10  # past the end of a line: its end
    assert lines.offset(position(9, 0)) == len(lines.text)


@pytest.mark.parametrize("text", ["一\r\n二\r\n三", "一\r二\r三", "一\n二\n三"])
def test_positions_break_lines_where_the_protocol_does(text):
    lines = LineMap(text)
    assert [lines.position(text.index(c)) for c in "一二三"] == [position(0, 0), position(1, 0), position(2, 0)]
    assert lines.position(1) == position(0, 1)  # the end of the first line, also inside a CRLF
    assert lines.position(2) == (position(0, 1) if "\r\n" in text else position(1, 0))


def test_a_form_feed_or_line_separator_does_not_end_a_line():
    text = "一\x0c二\u2028三\n四"
    assert LineMap(text).position(text.index("四")) == position(1, 0)
    assert LineMap(text).position(text.index("三")) == position(0, 4)


def test_a_byte_order_mark_shifts_reportlints_offsets_by_one():
    lines = LineMap("\ufeff新增新增")
    assert lines.position(0) == position(0, 1)
    assert lines.offset(position(0, 1)) == 0


@pytest.mark.parametrize(("before", "after"), [
    ("推进改革,扩大开放。", "推进改革，扩大开放。"),
    ("一\r\n\r\n二", "一二"),
    ("新增新增", "新增"),
    ("a\r\nb", "a\r\nb\r\nc"),
    ("", "全文"),
])
def test_the_smallest_edit_turns_one_text_into_the_other(before, after):
    edit = smallest_edit(before, after, LineMap(before))
    assert apply_edit(before, types.WorkspaceEdit(changes={"u": [edit]}), "u") == after


def test_which_documents_are_linted(tmp_path):
    assert target_of((tmp_path / "a.md").as_uri(), "markdown", None).path == str(tmp_path / "a.md")
    assert target_of((tmp_path / "a.TXT").as_uri(), "plaintext", None) is not None
    assert target_of((tmp_path / "a.docx").as_uri(), "plaintext", None) is None
    assert target_of((tmp_path / "a.py").as_uri(), "python", None) is None
    assert target_of("untitled:Untitled-1", "markdown", tmp_path).path == str(tmp_path / "Untitled-1.md")
    assert target_of("untitled:Untitled-2", "plaintext", None).folder is None
    assert target_of("untitled:Untitled-3", "python", tmp_path) is None
    assert target_of("git:/a.txt", "plaintext", tmp_path) is None


def test_a_rule_page_is_written_once_and_left_out_when_it_cannot_be(tmp_path):
    meta = build_registry().get("RL201")
    pages = RulePages(tmp_path / "rules")
    link = pages.link(meta)
    page = tmp_path / "rules" / "RL201.md"
    assert link == page.as_uri() and page.read_text(encoding="utf-8") == rule_documentation(meta)
    assert [p.name for p in (tmp_path / "rules").iterdir()] == ["RL201.md"]  # no temporary file left
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    assert RulePages(blocked / "rules").link(meta) is None

