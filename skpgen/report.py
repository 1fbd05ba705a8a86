"""Text and machine formats for findings: full, concise, json (shared by validate and lint)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence

from skpgen.findings import Finding

_COLOURS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


class BufferedWriter:
    """Collects small writes into large ones (one ``click.echo`` per finding cost a tenth of a
    cached lint run)."""

    def __init__(self, write: Callable[[str], object], size: int = 1 << 16):
        self._write, self._size = write, size
        self._parts: list[str] = []
        self._n = 0

    def write(self, chunk: str) -> None:
        self._parts.append(chunk)
        self._n += len(chunk)
        if self._n >= self._size:
            self.flush()

    def flush(self) -> None:
        if self._parts:
            self._write("".join(self._parts))
            self._parts, self._n = [], 0


def use_colour(stream: object = None) -> bool:
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


def source_reader(known: dict[str, list[str]], max_bytes: int = 2 * 1024 * 1024) -> Callable[[str], list[str] | None]:
    """Source lines for the ``full`` format: loaded documents first, else a tolerant read."""

    def read(file: str) -> list[str] | None:
        if file in known:
            return known[file]
        lines = read_lines(file, max_bytes)
        if lines is not None:
            known[file] = lines
        return lines

    return read


def file_reader(max_bytes: int = 2 * 1024 * 1024) -> Callable[[str], list[str] | None]:
    """Source lines read from disk when a file's findings are written; only the last file is kept
    (findings arrive grouped by file), so memory does not grow with the batch."""
    last: list[object] = [None, None]

    def read(file: str) -> list[str] | None:
        if last[0] != file:
            last[0], last[1] = file, read_lines(file, max_bytes)
        return last[1]  # type: ignore[return-value]

    return read


def read_lines(file: str, max_bytes: int = 2 * 1024 * 1024) -> list[str] | None:
    """A file's lines, tolerant (None: unreadable or binary)."""
    import stat

    try:  # only a regular file: reading a FIFO named like an input would block forever
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                return None
            raw = fh.read(max_bytes)
    except OSError:
        return None
    if b"\x00" in raw:
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    return raw.decode("utf-8", "replace").splitlines()


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=Finding.sort_key)


def format_concise(findings: Sequence[Finding]) -> str:
    return "".join(f"{f.file}:{f.line}:{f.column}: {f.code} [{f.severity}] {f.message}\n" for f in findings)


def format_json(findings: Sequence[Finding]) -> str:
    return json.dumps([f.to_json() for f in findings], ensure_ascii=False, indent=2) + "\n"


class JsonArrayStream:
    """Writes findings as one JSON array while files are processed, byte-identical to
    :func:`format_json` over the same findings, so memory stays flat on large batches."""

    def __init__(self, write: Callable[[str], object]):
        self.write = write
        self.count = 0

    def add(self, findings: Iterable[Finding]) -> None:
        item = _json_item
        parts: list[str] = []
        for f in findings:
            parts.append(item(f))
            if len(parts) >= 256:
                self._write_parts(parts)
        self._write_parts(parts)

    def _write_parts(self, parts: list[str]) -> None:
        if parts:
            self.write(("[\n  " if self.count == 0 else ",\n  ") + ",\n  ".join(parts))
            self.count += len(parts)
            parts.clear()

    def close(self) -> None:
        self.write("[]\n" if self.count == 0 else "\n]\n")


_str = json.encoder.encode_basestring  # what json.dumps(..., ensure_ascii=False) writes for a str


def _scalar(value: object) -> str:
    if type(value) is str:
        return _str(value)
    if type(value) is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    return json.dumps(value, ensure_ascii=False)


_ITEM = ('{\n    "file": %s,\n    "line": %s,\n    "column": %s,\n    "end_line": %s,\n    "end_column": %s,'
         '\n    "code": %s,\n    "name": %s,\n    "severity": %s,\n    "message": %s,\n    "kegiatan": %s\n  }')


def _json_item(f: Finding) -> str:
    """One finding as ``json.dumps(f.to_json(), ensure_ascii=False, indent=2)`` indented once more,
    written directly (the indenting encoder is pure Python and dominated large outputs). The usual
    types (int positions, text or no kegiatan) are formatted inline; anything else per value."""
    line, col, end_line, end_col, kegiatan = f.line, f.column, f.end_line, f.end_column, f.kegiatan
    if (type(line) is type(col) is type(end_line) is type(end_col) is int
            and (kegiatan is None or type(kegiatan) is str)):
        enc = _str
        return _ITEM % (enc(f.file), line, col, end_line, end_col, enc(f.code), enc(f.name), enc(f.severity),
                        enc(f.message), "null" if kegiatan is None else enc(kegiatan))
    s = _scalar
    return _ITEM % (s(f.file), s(f.line), s(f.column), s(f.end_line), s(f.end_column), s(f.code), s(f.name),
                    s(f.severity), s(f.message), s(f.kegiatan))


def format_full(findings: Sequence[Finding], source_lines: Callable[[str], list[str] | None],
                colour: bool = False) -> str:
    """Grouped by file, each finding with its source line and a caret under the node."""
    out: list[str] = []
    current: str | None = None
    for f in findings:
        if f.file != current:
            if current is not None:
                out.append("")
            current = f.file
            out.append(f"{_BOLD}{f.file}{_RESET}" if colour else f.file)
        sev = f"{_COLOURS[f.severity]}{f.severity}{_RESET}" if colour else f.severity
        code = f"{_BOLD}{f.code}{_RESET}" if colour else f.code
        where = f" [{f.kegiatan}]" if f.kegiatan else ""
        out.append(f"  {f.line}:{f.column}  {sev} {code} {f.name}{where}: {f.message}")
        lines = source_lines(f.file)
        if lines and 0 < f.line <= len(lines):
            src = lines[f.line - 1].replace("\t", " ")
            width = (f.end_column - f.column) if f.end_line == f.line else len(src) - f.column + 1
            width = max(1, min(width, max(1, len(src) - f.column + 1)))
            gutter = f"{f.line:>6} | "
            out.append(f"{_DIM}{gutter}{_RESET}{src}" if colour else f"{gutter}{src}")
            caret = " " * (len(gutter) - 2) + "| " + " " * (f.column - 1) + "^" * width
            out.append(f"{_COLOURS[f.severity]}{caret}{_RESET}" if colour else caret)
    return "\n".join(out) + ("\n" if out else "")
