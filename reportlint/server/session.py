"""The protocol handlers: what the server does for each message an editor sends.

One Session serves one editor connection. Documents are synchronised whole (TextDocumentSyncKind
Full): pygls applies an incremental change at lines it splits with ``str.splitlines``, which also
breaks at form feeds and U+2028, so a change below one of those (common in texts copied from PDFs
and web pages) would land on the wrong line. A whole report is at most a few hundred kilobytes."""

from __future__ import annotations

import asyncio
import inspect
import logging
from pathlib import Path, PurePath
from urllib.parse import unquote

from lsprotocol import types
from pygls.capabilities import get_capability
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from ..config import CONFIG_FILES
from ..version import __version__
from .actions import FIX_ALL, findings_in, fix_all, quick_fixes, wanted, workspace_edit_maker
from .diagnostics import diagnostics_of, finding_diagnostic
from .documents import Outcome, Snapshot, target_of
from .hover import hover_of
from .positions import LineMap
from .rule_pages import RulePages
from .scheduler import DELAY, Linter

logger = logging.getLogger(__name__)
WATCHED_CONFIGS = [f"**/{name}" for name in CONFIG_FILES]


class Session:
    """The state of one editor connection: its documents' lints, the rule pages, what was said."""

    def __init__(self, server: LanguageServer) -> None:
        self.server = server
        self.pages = RulePages()
        self.linter = Linter(self.snapshot, self.publish)
        self.make_edit = workspace_edit_maker(versioned=False)
        self._published: set[str] = set()
        self._announced: set[str] = set()  # config errors shown in a message since the configs last changed

    def register(self) -> None:
        def feature(method: str, options=None):
            return lambda handler: self.server.feature(method, options)(_plain(handler))

        feature(types.INITIALIZED)(self.initialized)
        feature(types.TEXT_DOCUMENT_DID_OPEN)(self.did_open)
        feature(types.TEXT_DOCUMENT_DID_CHANGE)(self.did_change)
        feature(types.TEXT_DOCUMENT_DID_SAVE)(self.did_save)
        feature(types.TEXT_DOCUMENT_DID_CLOSE)(self.did_close)
        feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)(self.watched_files_changed)
        feature(types.TEXT_DOCUMENT_HOVER)(self.hover)
        feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]))(self.code_action)
        feature(types.SHUTDOWN)(self.shutdown)

    # --- documents -------------------------------------------------------------------------------

    def snapshot(self, uri: str) -> Snapshot | None:
        """The document's current text, if it is open and reportlint lints it."""
        # pygls keeps documents by their URI percent-decoded (file:///…/%E6%8A%A5… as …/报…); the
        # document keeps the URI as the editor spelt it, which is what diagnostics must name.
        document = self.server.workspace.text_documents.get(unquote(uri))
        if document is None:
            return None
        target = target_of(document.uri, document.language_id, self.workspace_folder())
        return Snapshot(document.uri, document.version, document.source, target) if target is not None else None

    def workspace_folder(self) -> Path | None:
        """The first workspace folder (untitled documents use its config), if the editor named one."""
        workspace = self.server.workspace
        uris = [folder.uri for folder in workspace.folders.values()] or [workspace.root_uri]
        path = to_fs_path(uris[0]) if uris[0] else None
        return Path(path) if path else None

    @property
    def encoding(self) -> str:
        encoding = self.server.workspace.position_encoding
        return str(getattr(encoding, "value", encoding))

    def lines(self, outcome: Outcome) -> LineMap:
        return LineMap(outcome.snapshot.text, self.encoding)

    def publish(self, outcome: Outcome) -> None:
        uri = outcome.snapshot.uri
        diagnostics = diagnostics_of(outcome, self.lines(outcome), self.pages)
        self.server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=outcome.snapshot.version))
        self._published.add(uri)
        error = outcome.config_error
        if error is not None and error not in self._announced:
            self._announced.add(error)  # once, not once a document and a keystroke
            self.server.window_show_message(types.ShowMessageParams(type=types.MessageType.Error,
                                                                    message=f"reportlint: {error}"))
        for crash in outcome.result.crashes if outcome.result is not None else ():
            self.server.window_log_message(types.LogMessageParams(
                type=types.MessageType.Error,
                message=f"reportlint: {crash.code} ({crash.name}) crashed on {uri}: {crash.error} at {crash.where}"))

    # --- notifications ---------------------------------------------------------------------------

    async def initialized(self, params: types.InitializedParams) -> None:
        capabilities = self.server.client_capabilities
        self.make_edit = workspace_edit_maker(
            bool(get_capability(capabilities, "workspace.workspace_edit.document_changes", False)))
        if get_capability(capabilities, "workspace.did_change_watched_files.dynamic_registration", False):
            # Not awaited here: a client that is slow to answer must not hold up the first lints.
            asyncio.get_running_loop().create_task(self._watch_configs())

    async def _watch_configs(self) -> None:
        watchers = [types.FileSystemWatcher(glob_pattern=pattern) for pattern in WATCHED_CONFIGS]
        registration = types.Registration(id="reportlint-config-files",
                                          method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                          register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers))
        try:
            await self.server.client_register_capability_async(types.RegistrationParams(registrations=[registration]))
        except Exception as error:  # the configs are still read at every lint: only the re-lint is lost
            logger.warning("could not watch the config files: %s", error)

    def did_open(self, params: types.DidOpenTextDocumentParams) -> None:
        self.linter.schedule(params.text_document.uri, delay=0)

    def did_change(self, params: types.DidChangeTextDocumentParams) -> None:
        self.linter.schedule(params.text_document.uri, delay=DELAY)

    def did_save(self, params: types.DidSaveTextDocumentParams) -> None:
        # Again even when the text was linted: in an editor that does not watch the config files
        # for the server, saving is how an edited config comes to apply.
        self.linter.schedule(params.text_document.uri, delay=0, again=True)

    def did_close(self, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        self.linter.close(uri)
        if uri in self._published:
            self._published.discard(uri)
            self.server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def watched_files_changed(self, params: types.DidChangeWatchedFilesParams) -> None:
        """A config file changed: lint every open document again with the configs as they are now."""
        if not any(PurePath(to_fs_path(change.uri) or change.uri).name in CONFIG_FILES for change in params.changes):
            return
        self._announced.clear()
        self.linter.invalidate()
        for document in list(self.server.workspace.text_documents.values()):
            self.linter.schedule(document.uri, delay=0)

    def shutdown(self, params: None) -> None:
        self.linter.shutdown()

    # --- requests --------------------------------------------------------------------------------

    async def hover(self, params: types.HoverParams) -> types.Hover | None:
        outcome = await self.linter.current(params.text_document.uri)
        if outcome is None:
            return None
        lines = self.lines(outcome)
        return hover_of(outcome, lines.offset(params.position), lines, self.pages)

    async def code_action(self, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        outcome = await self.linter.current(params.text_document.uri)
        if outcome is None or outcome.result is None:
            return None
        lines, only = self.lines(outcome), params.context.only
        actions: list[types.CodeAction] = []
        if wanted(types.CodeActionKind.QuickFix, only):
            start, end = lines.offset(params.range.start), lines.offset(params.range.end)
            for finding in findings_in(outcome, start, end):
                diagnostic = finding_diagnostic(finding, outcome.snapshot.uri, lines, outcome.registry, self.pages)
                actions += quick_fixes(outcome, finding, lines, diagnostic, self.make_edit)
        # All the fixes only when asked for by kind (on save, a "fix all" command): each pass lints
        # the document again, too slow for the code actions an editor asks for as the cursor moves.
        if only is not None and wanted(FIX_ALL, only):
            action = await self.linter.in_worker(fix_all, outcome, lines, self.make_edit)
            if action is not None:
                actions.append(action)
        return actions or None


def _plain(method):
    """A bound method as a plain function, which pygls can mark as a handler (it sets attributes)."""
    if inspect.iscoroutinefunction(method):
        async def handle(params):
            return await method(params)
    else:
        def handle(params):
            return method(params)
    return handle


def build_server() -> LanguageServer:
    server = LanguageServer("reportlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
    Session(server).register()
    return server


__all__ = ["Session", "build_server"]
