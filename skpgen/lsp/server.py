"""The pygls glue of ``skpgen lsp``: documents in, diagnostics, hover and code actions out.

Diagnostics are the findings of :class:`skpgen.lsp.session.LintSession` (the lint engine of
``skpgen lint``), re-computed after the user stops typing for ``debounce`` seconds. Nothing a
buffer contains may stop the server: every handler reports its own failure to the client's log
and answers with nothing.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from lsprotocol import types as T
from pygls.lsp.server import LanguageServer
from pygls.workspace.position_codec import ServerTextPosition

from skpgen import __version__
from skpgen.findings import Finding
from skpgen.lsp.actions import Action, actions_for, msg
from skpgen.lsp.session import LintSession

DEBOUNCE_SECONDS = 0.1
SEVERITY = {"error": T.DiagnosticSeverity.Error, "warning": T.DiagnosticSeverity.Warning,
            "info": T.DiagnosticSeverity.Information}

logging.getLogger("pygls").setLevel(logging.WARNING)


def uri_to_path(uri: str) -> Path | None:
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    return Path(unquote(parsed.path))


class SkpServer(LanguageServer):
    def __init__(self, lang: str | None = None, debounce: float = DEBOUNCE_SECONDS):
        super().__init__("skpgen", __version__, text_document_sync_kind=T.TextDocumentSyncKind.Incremental)
        self.session = LintSession(lang)
        self.debounce = debounce
        self.findings: dict[str, list[Finding]] = {}
        self.lines: dict[str, list[str]] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}

    @property
    def lang(self) -> str:
        from skpgen.i18n import get_lang

        return get_lang(self.session.lang)

    def problem(self, message: str) -> None:
        self.window_log_message(T.LogMessageParams(type=T.MessageType.Error, message=message))

    # ---- diagnostics ----------------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._lint_later(uri, delay))

    async def _lint_later(self, uri: str, delay: float) -> None:
        if delay > 0:
            await asyncio.sleep(delay)
        self.pending.pop(uri, None)
        self.lint_and_publish(uri)

    def lint_and_publish(self, uri: str) -> None:
        path = uri_to_path(uri)
        doc = self.workspace.get_text_document(uri)
        if path is None:
            return
        version = doc.version
        text = doc.source
        try:
            open_buffers = {p: d.source for u, d in self.workspace.text_documents.items()
                            if u != uri and (p := uri_to_path(u)) is not None}
            result = self.session.lint(path, text, {p.resolve(): s for p, s in open_buffers.items()})
        except Exception as exc:  # noqa: BLE001 - never let a buffer stop the server
            self.problem(msg("server.internal", self.lang, file=str(path), error=f"{type(exc).__name__}: {exc}"))
            return
        for problem in result.problems:
            self.problem(msg("server.problem", self.lang, message=problem))
        lines = text.split("\n")
        self.findings[uri] = result.findings
        self.lines[uri] = lines
        diagnostics = [self.diagnostic(doc, f) for f in result.findings]
        self.text_document_publish_diagnostics(
            T.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version))

    def position(self, doc: Any, line: int, column: int) -> T.Position:
        """A client position for a 1-based line and column (code points), clamped to the text."""
        lines = doc.source.split("\n")
        line0 = min(max(line - 1, 0), len(lines) - 1)
        col0 = min(max(column - 1, 0), len(lines[line0].rstrip("\r")))
        if line0 >= len(doc.lines):  # the empty line after a final newline
            return T.Position(line0, 0)
        return doc.position_to_client_units(ServerTextPosition(line0, col0))

    def diagnostic(self, doc: Any, f: Finding) -> T.Diagnostic:
        start = self.position(doc, f.line, f.column)
        end = self.position(doc, f.end_line, f.end_column)
        if (end.line, end.character) < (start.line, start.character):
            end = start
        return T.Diagnostic(range=T.Range(start, end), message=f.message, severity=SEVERITY[f.severity],
                            code=f.code, source="skpgen", data={"name": f.name})

    # ---- hover and code actions ----------------------------------------------------------------

    def findings_at(self, uri: str, line0: int, char0: int) -> list[Finding]:
        out = []
        for f in self.findings.get(uri, []):
            if (f.line - 1, f.column - 1) <= (line0, char0) <= (f.end_line - 1, max(f.end_column - 1, f.column)):
                out.append(f)
        return out

    def hover(self, params: T.HoverParams) -> T.Hover | None:
        from skpgen.rules import RULES

        doc = self.workspace.get_text_document(params.text_document.uri)
        pos = doc.position_from_client_units(params.position)
        here = self.findings_at(params.text_document.uri, pos.line, pos.character)
        if not here:
            return None
        parts = []
        for f in here:
            rule = RULES.get(f.code)
            if rule is not None:
                from skpgen.lint.docs import rule_markdown

                parts.append(rule_markdown(rule, self.lang))
            else:
                parts.append(f"## {f.code} {f.name}\n\n{f.message}\n\n{msg('hover.schema', self.lang)}")
        return T.Hover(contents=T.MarkupContent(kind=T.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)))

    def code_actions(self, params: T.CodeActionParams) -> list[T.CodeAction]:
        uri = params.text_document.uri
        doc = self.workspace.get_text_document(uri)
        lines = doc.source.split("\n")
        first = doc.position_from_client_units(params.range.start).line
        last = doc.position_from_client_units(params.range.end).line
        actions = actions_for(lines, self.findings.get(uri, []), first, last, self.lang)
        return [self.code_action(doc, uri, a, params.context.diagnostics) for a in actions]

    def code_action(self, doc: Any, uri: str, action: Action, diagnostics: list[T.Diagnostic]) -> T.CodeAction:
        edits = [T.TextEdit(range=T.Range(self.position(doc, e.line + 1, e.start + 1),
                                          self.position(doc, e.end_line + 1, e.end + 1)), new_text=e.text)
                 for e in action.edits]
        fixed = [d for d in diagnostics if action.finding is not None and d.code == action.finding.code
                 and d.range.start.line == action.finding.line - 1]
        return T.CodeAction(title=action.title, kind=T.CodeActionKind.QuickFix, diagnostics=fixed or None,
                            is_preferred=action.preferred or None,
                            edit=T.WorkspaceEdit(changes={uri: edits}))


def build_server(lang: str | None = None, debounce: float = DEBOUNCE_SECONDS) -> SkpServer:
    server = SkpServer(lang, debounce)

    @server.feature(T.INITIALIZE)
    def initialize(ls: SkpServer, params: T.InitializeParams) -> None:
        options = params.initialization_options if isinstance(params.initialization_options, dict) else {}
        if options.get("lang") in ("id", "en") and ls.session.lang is None:
            ls.session.lang = options["lang"]
        if isinstance(options.get("debounce_ms"), (int, float)) and options["debounce_ms"] >= 0:
            ls.debounce = options["debounce_ms"] / 1000
        folders = [p for f in params.workspace_folders or [] if (p := uri_to_path(f.uri)) is not None]
        if not folders and params.root_uri and (root := uri_to_path(params.root_uri)) is not None:
            folders = [root]
        ls.session.set_folders(folders)

    @server.feature(T.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
    def folders_changed(ls: SkpServer, params: T.DidChangeWorkspaceFoldersParams) -> None:
        ls.session.set_folders([p for f in ls.workspace.folders.values() if (p := uri_to_path(f.uri)) is not None])

    @server.feature(T.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: SkpServer, params: T.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(T.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: SkpServer, params: T.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(T.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: SkpServer, params: T.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(T.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: SkpServer, params: T.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.findings.pop(uri, None)
        ls.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(T.TEXT_DOCUMENT_HOVER)
    def hover(ls: SkpServer, params: T.HoverParams) -> T.Hover | None:
        try:
            return ls.hover(params)
        except Exception as exc:  # noqa: BLE001
            ls.problem(msg("server.internal", ls.lang, file=params.text_document.uri, error=repr(exc)))
            return None

    @server.feature(T.TEXT_DOCUMENT_CODE_ACTION,
                    T.CodeActionOptions(code_action_kinds=[T.CodeActionKind.QuickFix]))
    def code_action(ls: SkpServer, params: T.CodeActionParams) -> list[T.CodeAction] | None:
        try:
            return ls.code_actions(params)
        except Exception as exc:  # noqa: BLE001
            ls.problem(msg("server.internal", ls.lang, file=params.text_document.uri, error=repr(exc)))
            return None

    return server


def serve(lang: str | None = None) -> None:
    build_server(lang).start_io()
