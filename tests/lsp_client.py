"""A real LSP client (pytest-lsp's, over stdio) as an editor drives a language server: open, change,
wait for the diagnostics of that version, hover, code actions, completion."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from lsprotocol import types as T

TIMEOUT = 60


class Editor:
    def __init__(self, client: Any):
        self.client = client
        self.versions: dict[str, int] = {}

    @classmethod
    async def start(cls, command: list[str], folder: Path, cwd: Path | None = None,
                    init_options: dict[str, Any] | None = None, workspace: bool = True) -> "Editor":
        from pytest_lsp.client import make_test_lsp_client

        client = make_test_lsp_client()
        await client.start_io(command[0], *command[1:], cwd=str(cwd or folder))
        caps = T.ClientCapabilities(
            workspace=T.WorkspaceClientCapabilities(configuration=True, workspace_folders=True),
            text_document=T.TextDocumentClientCapabilities(
                hover=T.HoverClientCapabilities(content_format=[T.MarkupKind.Markdown]),
                completion=T.CompletionClientCapabilities(completion_item=T.ClientCompletionItemOptions(
                    snippet_support=True, documentation_format=[T.MarkupKind.Markdown])),
                code_action=T.CodeActionClientCapabilities(),
                publish_diagnostics=T.PublishDiagnosticsClientCapabilities(version_support=True)))
        await client.initialize_session(T.InitializeParams(
            capabilities=caps, root_uri=folder.as_uri() if workspace else None,
            workspace_folders=[T.WorkspaceFolder(uri=folder.as_uri(), name=folder.name)] if workspace else None,
            initialization_options=init_options))
        return cls(client)

    async def stop(self) -> None:
        await self.client.shutdown_session()
        await self.client.stop()

    async def _published(self, uri: str, version: int | None) -> list[T.Diagnostic]:
        async def wait() -> list[T.Diagnostic]:
            while True:
                params = await self.client.wait_for_notification(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
                if params.uri == uri and (version is None or params.version in (None, version)):
                    return list(params.diagnostics)
        return await asyncio.wait_for(wait(), TIMEOUT)

    async def open(self, uri: str, text: str, wait: bool = True) -> list[T.Diagnostic] | None:
        self.versions[uri] = 1
        self.client.text_document_did_open(T.DidOpenTextDocumentParams(
            T.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)))
        return await self._published(uri, 1) if wait else None

    async def change(self, uri: str, text: str, wait: bool = True) -> list[T.Diagnostic] | None:
        self.versions[uri] += 1
        version = self.versions[uri]
        self.client.text_document_did_change(T.DidChangeTextDocumentParams(
            T.VersionedTextDocumentIdentifier(uri=uri, version=version),
            [T.TextDocumentContentChangeWholeDocument(text=text)]))
        return await self._published(uri, version) if wait else None

    async def close(self, uri: str) -> None:
        self.client.text_document_did_close(T.DidCloseTextDocumentParams(T.TextDocumentIdentifier(uri)))

    async def hover(self, uri: str, line: int, character: int) -> str:
        result = await self.client.text_document_hover_async(T.HoverParams(
            T.TextDocumentIdentifier(uri), T.Position(line, character)))
        return result.contents.value if result else ""

    async def code_actions(self, uri: str, diagnostic: T.Diagnostic | None = None,
                           range_: T.Range | None = None) -> list[T.CodeAction]:
        rng = range_ or diagnostic.range  # type: ignore[union-attr]
        result = await self.client.text_document_code_action_async(T.CodeActionParams(
            T.TextDocumentIdentifier(uri), rng, T.CodeActionContext(diagnostics=[diagnostic] if diagnostic else [])))
        return list(result or [])

    async def completion(self, uri: str, line: int, character: int) -> list[tuple[str, str | None]]:
        result = await self.client.text_document_completion_async(T.CompletionParams(
            T.TextDocumentIdentifier(uri), T.Position(line, character)))
        items = result.items if hasattr(result, "items") else (result or [])
        return [(item.label, item.insert_text) for item in items]


def apply_text_edits(text: str, edits: list[T.TextEdit]) -> str:
    """The text after LSP edits (UTF-16 columns, applied from the end as an editor does)."""
    lines = text.split("\n")

    def offset(pos: T.Position) -> int:
        before = sum(len(line) + 1 for line in lines[:pos.line])
        line = lines[pos.line] if pos.line < len(lines) else ""
        units, i = 0, 0
        while i < len(line) and units < pos.character:
            units += 2 if ord(line[i]) > 0xFFFF else 1
            i += 1
        return before + i

    out = text
    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        out = out[:offset(e.range.start)] + e.new_text + out[offset(e.range.end):]
    return out


def utf16_col(line: str, col0: int) -> int:
    return len(line[:col0].encode("utf-16-le")) // 2
