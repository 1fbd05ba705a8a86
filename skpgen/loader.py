"""Strict, position-preserving YAML loading (SPEC §3).

The loader reads the event stream of libyaml (or PyYAML's pure parser) and builds its own node
tree, so that it can enforce what ``yaml.safe_load`` does not:

* YAML 1.2 core scalars only: ``true``/``false`` are booleans, ``no``/``yes``/``on`` stay strings,
  dates stay ISO strings, there are no sexagesimal numbers (``1:30`` is a string);
* duplicate keys are errors naming both lines;
* anchors, aliases and explicit tags are refused (no alias bombs, no object construction);
* input size and nesting depth are capped;
* non-UTF-8 and binary input, empty files, several documents, a top level that is not a mapping
  and tab indentation each get a located, translated message.

Every node keeps its 1-based start and end line/column so that validation and lint findings can
point at the exact place in the file.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import yaml

from skpgen.findings import Finding
from skpgen.fsutil import read_fd
from skpgen.i18n import code_name, t

from skpgen.limits import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH  # noqa: E402 - re-exported

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_STR_TAGS = {"!", "!!str", "tag:yaml.org,2002:str"}

Path_ = tuple[str | int, ...]


@dataclass(slots=True)
class Node:
    """A YAML node with its value and 1-based source range (end column is exclusive)."""

    kind: str  # "map" | "seq" | "scalar"
    line: int
    col: int
    end_line: int
    end_col: int
    value: Any = None  # map: dict[str, Node]; seq: list[Node]; scalar: Python value
    keys: dict[str, "Node"] | None = None  # map only: key nodes
    text: str = ""  # scalar only: the source text of the scalar (unquoted)


@dataclass(slots=True)
class Document:
    """A loaded SKP file: plain data plus the node tree it came from."""

    file: str
    text: str
    root: Node
    data: Any
    _lines: list[str] | None = None

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self.text.splitlines()
        return self._lines

    def node_at(self, path: Path_) -> Node:
        """The node at ``path``, or the nearest existing ancestor when part of it is missing."""
        node = self.root
        for part in path:
            nxt = _child(node, part)
            if nxt is None:
                return node
            node = nxt
        return node

    def exact_node_at(self, path: Path_) -> Node | None:
        node: Node | None = self.root
        for part in path:
            node = _child(node, part) if node is not None else None
        return node

    def key_node_at(self, path: Path_) -> Node:
        """The key node of the mapping entry at ``path`` (falls back to :meth:`node_at`)."""
        if path:
            parent = self.exact_node_at(path[:-1])
            if parent is not None and parent.keys is not None and path[-1] in parent.keys:
                return parent.keys[path[-1]]  # type: ignore[index]
        return self.node_at(path)


def _child(node: Node, part: str | int) -> Node | None:
    if node.kind == "map" and isinstance(part, str):
        return node.value.get(part)
    if node.kind == "seq" and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part]
    return None


class LoadError(Exception):
    """Raised when a file cannot be loaded; carries a located finding (code E0xx)."""

    def __init__(self, finding: Finding):
        super().__init__(finding.message)
        self.finding = finding


def _error(file: str, code: str, lang: str, line: int = 1, col: int = 1, end_line: int | None = None,
           end_col: int | None = None, **kw: Any) -> LoadError:
    name, message = code_name(code), t(code, lang, **kw)
    return LoadError(Finding(file=file, line=line, column=col, end_line=end_line or line,
                             end_column=end_col or col, code=code, name=name, severity="error",
                             message=message))


def load_path(path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES, max_depth: int = DEFAULT_MAX_DEPTH,
              lang: str = "id", display_name: str | None = None) -> Document:
    """Read and load one SKP file. Never modifies it. Raises :class:`LoadError`."""
    name = display_name or str(path)
    raw = read_path(path, max_bytes=max_bytes, lang=lang, display_name=name)
    return load_bytes(raw, name, max_bytes=max_bytes, max_depth=max_depth, lang=lang)


def read_path(path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES, lang: str = "id",
              display_name: str | None = None) -> bytes:
    """The bytes of one file (at most ``max_bytes + 1``: enough to tell it is too large).
    Raises :class:`LoadError` (E001) when it cannot be read."""
    name = display_name or os.fspath(path)
    try:
        # O_NONBLOCK: opening a FIFO that has no writer would otherwise hang forever; reading it
        # then gives an empty file (E009). Regular files and devices read as before.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        if os.path.isdir(path):
            raise _error(name, "E001", lang, reason=t("reason.is_dir", lang)) from None
        raise _read_error(name, lang, exc) from None
    try:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise _error(name, "E001", lang, reason=t("reason.is_dir", lang))
        os.set_blocking(fd, True)
        return read_fd(fd, max_bytes + 1)
    except OSError as exc:
        raise _read_error(name, lang, exc) from None
    finally:
        os.close(fd)


def _read_error(name: str, lang: str, exc: OSError) -> LoadError:
    reason = t("reason.not_found", lang) if exc.errno == errno.ENOENT else (exc.strerror or str(exc))
    return _error(name, "E001", lang, reason=reason)


def load_bytes(raw: bytes, file: str, *, max_bytes: int = DEFAULT_MAX_BYTES,
               max_depth: int = DEFAULT_MAX_DEPTH, lang: str = "id") -> Document:
    if len(raw) > max_bytes:
        raise _error(file, "E003", lang, limit=_human_size(max_bytes))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(raw) >= 2 and (raw[0] == 0 or raw[1] == 0)):
        raise _error(file, "E002", lang, reason=t("reason.utf16", lang))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, col = _pos_of_offset(raw, nul)
        raise _error(file, "E002", lang, line=line, col=col, reason=t("reason.binary", lang))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _pos_of_offset(raw, exc.start)
        raise _error(file, "E002", lang, line=line, col=col,
                     reason=t("reason.not_utf8", lang, byte=f"0x{raw[exc.start]:02x}")) from None
    return load_text(text, file, max_depth=max_depth, lang=lang)


def load_text(text: str, file: str = "<teks>", *, max_depth: int = DEFAULT_MAX_DEPTH, lang: str = "id") -> Document:
    root, data = _Builder(text, file, max_depth, lang).build()
    return Document(file=file, text=text, root=root, data=data)


def _pos_of_offset(raw: bytes, offset: int) -> tuple[int, int]:
    line = raw.count(b"\n", 0, offset) + 1
    start = raw.rfind(b"\n", 0, offset) + 1
    return line, len(raw[start:offset].decode("utf-8", "replace")) + 1


def _human_size(n: int) -> str:
    """``2.0 MiB``, ``64 KiB``, ``100 byte``: never a limit rounded down to "0 KiB"."""
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.1f} MiB"
    if n >= 1024 and n % 1024 == 0:
        return f"{n // 1024} KiB"
    return f"{n} byte"


_NUMBER_START = frozenset("0123456789+-.")


def _scalar_value(ev: Any) -> Any:
    text: str = ev.value
    if ev.style:
        return text  # quoted or block scalar: always a string
    if not text:
        return None
    first = text[0]
    if first in _NUMBER_START:
        if _INT.match(text):
            return int(text)
        if _OCT.match(text):
            return int(text[2:], 8)
        if _HEX.match(text):
            return int(text[2:], 16)
        if _FLOAT.match(text):
            return float(text)
        return text
    if first in "tTfFnN~":
        if text in _NULL:
            return None
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    return text


def _scalar_node(ev: Any) -> tuple[Node, Any]:
    """A scalar event's node and value (its anchor and tag already refused)."""
    sm, em = ev.start_mark, ev.end_mark
    value = _scalar_value(ev)
    return Node("scalar", sm.line + 1, sm.column + 1, em.line + 1, em.column + 1, value, None, ev.value), value


_ScalarEvent = yaml.ScalarEvent
_MappingStart = yaml.MappingStartEvent
_MappingEnd = yaml.MappingEndEvent
_SequenceStart = yaml.SequenceStartEvent
_SequenceEnd = yaml.SequenceEndEvent
_AliasEvent = yaml.AliasEvent


class _Builder:
    """Builds the node tree (and the plain data beside it) from the parser's event stream,
    enforcing the strict rules. Written for speed: it runs once per file in every command."""

    def __init__(self, text: str, file: str, max_depth: int, lang: str):
        self.text = text
        self.file = file
        self.max_depth = max_depth
        self.lang = lang
        self.get_event: Any = None

    def build(self) -> tuple[Node, Any]:
        if not self.text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in self.text.splitlines()):
            raise _error(self.file, "E009", self.lang, reason=t("reason.empty", self.lang))
        loader = _Parser(self.text)
        self.get_event = get_event = loader.get_event
        docs: list[tuple[Node, Any]] = []
        try:
            while loader.check_event():
                ev = get_event()
                if isinstance(ev, yaml.DocumentStartEvent):
                    if docs:
                        m = ev.start_mark
                        raise _error(self.file, "E009", self.lang, line=m.line + 1, col=m.column + 1,
                                     reason=t("reason.multi_doc", self.lang))
                    docs.append(self._node(get_event(), 1))
        except yaml.MarkedYAMLError as exc:
            raise self._syntax_error(exc) from None
        except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
            raise _error(self.file, "E004", self.lang, problem=str(exc)) from None
        except RecursionError:
            raise _error(self.file, "E008", self.lang, limit=self.max_depth) from None
        finally:
            loader.dispose()
        if not docs or (docs[0][0].kind == "scalar" and docs[0][1] is None):
            raise _error(self.file, "E009", self.lang, reason=t("reason.empty", self.lang))
        root, data = docs[0]
        if root.kind != "map":
            kind = t(f"kind.{root.kind}", self.lang)
            raise _error(self.file, "E009", self.lang, line=root.line, col=root.col,
                         end_line=root.end_line, end_col=root.end_col,
                         reason=t("reason.not_mapping", self.lang, kind=kind))
        return root, data

    def _syntax_error(self, exc: yaml.MarkedYAMLError) -> LoadError:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or ""
        if "\t" in problem or "'\\t'" in problem:
            return _error(self.file, "E005", self.lang, line=line, col=col)
        # A tab in the indentation often shows up as another scanner complaint on that line or the one before.
        lines = self.text.splitlines()
        for idx in (line, line - 1):
            if 0 < idx <= len(lines) and re.match(r"^ *\t", lines[idx - 1]):
                return _error(self.file, "E005", self.lang, line=idx, col=lines[idx - 1].index("\t") + 1)
        return self._located_syntax_error(exc, lines, line, col, problem)

    def _located_syntax_error(self, exc: yaml.MarkedYAMLError, lines: list[str], line: int, col: int,
                              problem: str) -> LoadError:
        """The parser notices most mistakes on the token *after* them (the next line); name the line
        where the mistake is, with a hint for the common causes (SPEC §3)."""
        lang = self.lang

        def at(ln: int, cl: int, msg_key: str, **kw: Any) -> LoadError:
            return _error(self.file, "E004", lang, line=ln, col=cl, problem=t(msg_key, lang, **kw))

        # an unclosed quote: the nearest line at or above the error that opens a quote and never closes it
        for idx in range(min(line, len(lines)), max(0, line - 30), -1):
            found = _unclosed_quote(lines[idx - 1])
            if found is not None:
                return at(idx, found[0], "problem.quote_unclosed", q=found[1])
        # a missing space after ':' ("komitmen:86") on the error line or the content line above it
        candidates = [line] if 0 < line <= len(lines) else []
        above = next((i for i in range(min(line, len(lines) + 1) - 1, 0, -1)
                      if lines[i - 1].strip() and not lines[i - 1].lstrip().startswith("#")), None)
        if above is not None:
            candidates.append(above)
        if exc.context_mark is not None and problem.startswith("could not find expected ':'"):
            candidates.insert(0, exc.context_mark.line + 1)
        for idx in candidates:
            m = _NO_SPACE_COLON.match(lines[idx - 1]) if 0 < idx <= len(lines) else None
            if m:
                fixed = f"{m.group(1)}: {m.group(2)}".strip()
                return at(idx, len(m.group(1)) + 1, "problem.no_space", fix=fixed)
        if problem.startswith("could not find expected ':'") and exc.context_mark is not None:
            m = exc.context_mark
            return at(m.line + 1, m.column + 1, "problem.no_colon_line")
        if problem.startswith("mapping values are not allowed") and 0 < line <= len(lines):
            m = _COLON_IN_TEXT.match(lines[line - 1])
            if m:
                return at(line, col, "problem.colon_in_text", key=m.group(2), value=m.group(3).strip())
        if problem.startswith("did not find expected ',' or") and exc.context_mark is not None:
            m = exc.context_mark  # the unclosed bracket itself
            return _error(self.file, "E004", lang, line=m.line + 1, col=m.column + 1,
                          problem=_translate_problem(problem, lang))
        return _error(self.file, "E004", lang, line=line, col=col, problem=_translate_problem(problem, lang))

    def _check_event(self, ev: Any) -> None:
        if ev.anchor:
            m = ev.start_mark
            raise _error(self.file, "E007", self.lang, line=m.line + 1, col=m.column + 1, name=ev.anchor)
        tag = ev.tag
        # every explicit tag is refused, !!str too (README: "tags are refused"): quoting says "text"
        if tag and not (ev.__class__ is _ScalarEvent and ev.implicit[0] and tag not in _STR_TAGS):
            m = ev.start_mark
            raise _error(self.file, "E010", self.lang, line=m.line + 1, col=m.column + 1,
                         tag=tag.replace("tag:yaml.org,2002:", "!!"))

    def _node(self, ev: Any, depth: int, in_seq: bool = False) -> tuple[Node, Any]:
        cls = ev.__class__
        if cls is _AliasEvent:
            m = ev.start_mark
            raise _error(self.file, "E007", self.lang, line=m.line + 1, col=m.column + 1, name=ev.anchor)
        if ev.anchor or ev.tag:
            self._check_event(ev)
        sm = ev.start_mark
        if depth > self.max_depth:
            raise _error(self.file, "E008", self.lang, line=sm.line + 1, col=sm.column + 1, limit=self.max_depth)
        if cls is _ScalarEvent:
            return _scalar_node(ev)
        if cls is _SequenceStart:
            return self._seq(sm, depth)
        if cls is _MappingStart:
            return self._map(sm, depth, in_seq)
        raise _error(self.file, "E004", self.lang, line=sm.line + 1, col=sm.column + 1, problem=cls.__name__)

    def _child(self, ev: Any, depth: int, in_seq: bool = False) -> tuple[Node, Any]:
        """A child of a collection at ``depth``: a plain scalar (no anchor, no tag: nearly every
        event of a plan) straight to :func:`_scalar_node`, past _node's checks; anything else,
        and any child past the depth limit, through :meth:`_node`."""
        if ev.__class__ is _ScalarEvent and depth < self.max_depth and not (ev.anchor or ev.tag):
            return _scalar_node(ev)
        return self._node(ev, depth + 1, in_seq)

    def _seq(self, sm: Any, depth: int) -> tuple[Node, Any]:
        get_event, child = self.get_event, self._child
        items: list[Node] = []
        data: list[Any] = []
        while True:
            ev = get_event()
            if ev.__class__ is _SequenceEnd:
                em = ev.end_mark
                break
            node, value = child(ev, depth, True)
            items.append(node)
            data.append(value)
        return Node("seq", sm.line + 1, sm.column + 1, em.line + 1, em.column + 1, items), data

    def _map(self, sm: Any, depth: int, in_seq: bool) -> tuple[Node, Any]:
        get_event, child = self.get_event, self._child
        values: dict[str, Node] = {}
        keys: dict[str, Node] = {}
        mdata: dict[str, Any] = {}
        while True:
            ev = get_event()
            if ev.__class__ is _MappingEnd:
                em = ev.end_mark
                break
            knode, kvalue = child(ev, depth)
            if knode.kind != "scalar":
                raise _error(self.file, "E004", self.lang, line=knode.line, col=knode.col,
                             end_line=knode.end_line, end_col=knode.end_col,
                             problem=t("reason.complex_key", self.lang))
            key = kvalue if kvalue.__class__ is str else knode.text
            vnode, vvalue = child(get_event(), depth)
            if key in keys:
                self._duplicate(keys, key, knode, in_seq)
            keys[key] = knode
            values[key] = vnode
            mdata[key] = vvalue
        return Node("map", sm.line + 1, sm.column + 1, em.line + 1, em.column + 1, values, keys), mdata

    def _duplicate(self, keys: dict[str, Node], key: str, knode: Node, in_seq: bool) -> NoReturn:
        first = keys[key]
        opener = next(iter(keys.values()))
        if in_seq and first is opener and knode.col == first.col and knode.line > first.line:
            # "- id: K1 … id: K2": the first key of a list item again, at its column
            raise _error(self.file, "E066", self.lang, line=knode.line, col=knode.col,
                         end_line=knode.end_line, end_col=knode.end_col, key=key,
                         first_line=first.line, line_no=knode.line)
        raise _error(self.file, "E006", self.lang, line=knode.line, col=knode.col,
                     end_line=knode.end_line, end_col=knode.end_col, key=key,
                     first_line=first.line, line_no=knode.line)


_PROBLEMS = {
    "could not find expected ':'": "problem.no_colon",
    "mapping values are not allowed": "problem.mapping_values",
    "expected <block end>, but found": "problem.block_end",
    "found unexpected end of stream": "problem.eof",
    "found undefined alias": "problem.alias",
    "while scanning a quoted scalar": "problem.quote",
    "found unexpected ':'": "problem.mapping_values",
    "did not find expected key": "problem.no_key",
    "did not find expected '-' indicator": "problem.no_dash",
    "found character that cannot start any token": "problem.bad_char",
    "did not find expected node content": "problem.no_content",
    "did not find expected ',' or ']'": "problem.flow_seq",
    "did not find expected ',' or '}'": "problem.flow_map",
    "found a tab character": "problem.tab",
}


_NO_SPACE_COLON = re.compile(r"(\s*(?:-\s+)?[A-Za-z_][\w.-]*):([^\s/:][^#]*?)\s*(?:#.*)?\Z")
_COLON_IN_TEXT = re.compile(r"\s*(-\s+)?([A-Za-z_][\w.-]*):\s+([^\"'{\[].*:.*)\Z")
_QUOTE_OPEN = re.compile(r"\s*(?:-\s+)?(?:[A-Za-z_][\w.-]*:\s+)?([\"'])(.*)\Z")


def _unclosed_quote(line: str) -> tuple[int, str] | None:
    """(1-based column, quote) of a quoted value opened on ``line`` and not closed on it."""
    m = _QUOTE_OPEN.match(line)
    if m is None:
        return None
    quote, rest = m.group(1), m.group(2)
    closed = re.search(r'(?<!\\)"', rest) if quote == '"' else "'" in rest.replace("''", "")
    return None if closed else (m.start(1) + 1, quote)


def _translate_problem(problem: str, lang: str) -> str:
    for needle, key in _PROBLEMS.items():
        if problem.startswith(needle) or needle in problem:
            return t(key, lang)
    return problem
