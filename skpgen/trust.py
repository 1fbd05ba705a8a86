"""Input trust (SPEC §3 v1.1): a value is never silently read as something the user did not mean.

YAML reads ``kuantitas: 1.240`` (an Indonesian thousands dot) as the float 1.24, ``2.500.000`` and
``95,5`` as text, and ``{kualitas: 95,5}`` in a flow mapping as ``kualitas: 95`` plus a key ``'5'``.
This module looks at the *source text* of every value in a numeric field (the fields whose schema
type is a number, derived from the schema itself) and reports, located at the value:

* E060 a thousands-dot number (``1.240``, ``1.000.000``, ``-1.240``, ``2.500,5``);
* E061 a decimal comma (``95,5``), also when a flow mapping split it into two entries;
* E062 a number written with a unit, percent sign or ``Rp`` (``95%``, ``12 bulan``, ``Rp 5.000.000``);
* E065 a scaffold placeholder that was never replaced (``[obyek kegiatan]``, NIP ``000000000000000000``).

These findings replace the generic schema message at the same place (validate shows the cause,
not "harus berupa angka"), and since :func:`skpgen.validate.validate_document` includes them,
validate, lint, score and render refuse such a plan identically.

>>> classify("1.240", 1.24)
('E060', '1240')
>>> classify("2.500,5", "2.500,5")
('E060', '2500.5')
>>> classify("95,5", "95,5")
('E061', '95.5')
>>> classify("1.5", 1.5) is None
True
>>> classify("0.250", 0.25) is None
True
>>> classify("Rp 5.000.000", "Rp 5.000.000")
('E062', '5000000')
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from skpgen.findings import Finding, kegiatan_id_for
from skpgen.i18n import code_name, t
from skpgen.loader import Document, Node

Path_ = tuple[str | int, ...]

# 1.240 / 1.000.000 / -1.240 / 2.500,5 : an Indonesian thousands dot (a leading 0 is a decimal: 0.250)
_THOUSANDS = re.compile(r"([-+]?)([1-9]\d{0,2}(?:\.\d{3})+)(?:,(\d+))?\Z")
_DECIMAL_COMMA = re.compile(r"([-+]?\d+),(\d+)\Z")
_PLAIN_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?\Z")
# a number with a unit, percent sign or Rp: "95%", "12 bulan", "Rp 5.000.000", "Rp. 2.500.000,-"
_WITH_UNIT = re.compile(
    r"(?P<rp>[Rr][Pp]\.?\s*)?(?P<num>[-+]?\d[\d.,]*?)(?:,-)?\s*(?P<unit>%|persen|[^\W\d_][\w /.-]*)?\Z")
_TIME_UNITS = {"hari", "minggu", "bulan", "tahun"}

PLACEHOLDER_NIP = "000000000000000000"  # what `skpgen init` writes until the real NIP is known
_PLACEHOLDER_TEXT = re.compile(r"\[[^\[\]\n]{2,60}\]")  # "[obyek kegiatan]", "[Nama Lengkap]"


@cache
def numeric_fields() -> dict[str, bool]:
    """Field name → whether the schema also allows text there, for every field the schema types
    as a number somewhere (kuantitas, kualitas, waktu, biaya, nilai, angka_kredit, progres, …)."""
    from skpgen.validate import load_schema

    numeric: dict[str, bool] = {}

    def types_of(schema: Any) -> set[str]:
        if not isinstance(schema, dict):
            return set()
        kinds = schema.get("type")
        out = set(kinds if isinstance(kinds, list) else [kinds] if kinds else [])
        for key in ("anyOf", "oneOf"):
            for sub in schema.get(key) or []:
                out |= types_of(sub)
        return out

    def walk(schema: Any) -> None:
        if isinstance(schema, dict):
            for name, sub in (schema.get("properties") or {}).items():
                kinds = types_of(sub)
                if kinds & {"number", "integer"}:
                    numeric[name] = numeric.get(name, False) or "string" in kinds
            for value in schema.values():
                if isinstance(value, (dict, list)):
                    walk(value)
        elif isinstance(schema, list):
            for value in schema:
                walk(value)

    walk(load_schema())
    return numeric


def _fmt_read(value: Any) -> str:
    return repr(value) if isinstance(value, float) and not value.is_integer() else str(int(value)) \
        if isinstance(value, float) else str(value)


def classify(text: str, value: Any) -> tuple[str, str] | None:
    """(code, corrected text) for a numeric field's source text, or None when it is fine."""
    text = text.strip()
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return None
    if isinstance(value, float) and not _THOUSANDS.match(text):
        return None
    m = _THOUSANDS.match(text)
    if m:
        sign, whole, frac = m.groups()
        fixed = sign + whole.replace(".", "") + (f".{frac}" if frac else "")
        return "E060", fixed.lstrip("+")
    m = _DECIMAL_COMMA.match(text)
    if m:
        return "E061", f"{m.group(1)}.{m.group(2)}".lstrip("+")
    m = _WITH_UNIT.match(text)
    if m and (m.group("rp") or m.group("unit")):
        number = m.group("num")
        inner = classify(number, number)
        fixed = inner[1] if inner else number if _PLAIN_NUMBER.match(number) else None
        if fixed is not None:
            return "E062", fixed.lstrip("+")
    return None


def _unit_hint(text: str, key: str, lang: str) -> str:
    m = _WITH_UNIT.match(text.strip())
    unit = (m.group("unit") or "").strip().lower() if m else ""
    if m and m.group("rp"):
        return t("trust.hint_rupiah", lang)
    if unit in ("%", "persen"):
        return t("trust.hint_percent", lang)
    if unit in _TIME_UNITS:
        return t("trust.hint_time", lang, unit=unit)
    return t("trust.hint_unit", lang, unit=unit)


def _where(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class _Collector:
    def __init__(self, doc: Document, lang: str):
        self.doc, self.lang = doc, lang
        self.findings: list[Finding] = []
        self.suppress: set[Path_] = set()

    def add(self, code: str, path: Path_, start: Node, end: Node, **kw: Any) -> None:
        self.findings.append(Finding(
            file=self.doc.file, line=start.line, column=start.col, end_line=end.end_line,
            end_column=end.end_col, code=code, name=code_name(code), severity="error",
            message=t(code, self.lang, **kw), kegiatan=kegiatan_id_for(self.doc.data, path), path=path))
        self.suppress.add(path)

    def read_as(self, value: Any) -> str:
        if isinstance(value, float):
            return t("trust.read_number", self.lang, value=_fmt_read(value).replace(".", ",")
                     if self.lang == "id" else _fmt_read(value))
        return t("trust.read_text", self.lang)


def trust_findings(doc: Document, lang: str = "id") -> tuple[list[Finding], set[Path_]]:
    """The input-trust findings of a loaded document and the paths whose schema findings they
    replace (the value itself, and the stray key a flow mapping split off a decimal comma)."""
    numeric = numeric_fields()
    out = _Collector(doc, lang)
    _xml_chars(out)
    hashes = _HASH_AFTER_TEXT.search(doc.text) is not None
    stack: list[tuple[Path_, Node]] = [((), doc.root)]
    while stack:
        path, node = stack.pop()
        if node.kind == "seq":
            for i, child in enumerate(node.value):
                if child.kind != "scalar":
                    stack.append((path + (i,), child))
                elif hashes and isinstance(child.value, str):
                    _check_cut_by_comment(out, path + (i,), child)
            continue
        if node.kind != "map":
            continue
        entries = list(node.value.items())
        split_done = False
        for n, (key, vnode) in enumerate(entries):
            here = path + (key,)
            if split_done:  # the stray key of a decimal comma already reported with its number
                split_done = False
                continue
            if vnode.kind != "scalar":
                stack.append((here, vnode))
                continue
            if hashes and isinstance(vnode.value, str) and _check_cut_by_comment(out, here, vnode):
                continue
            if key in numeric:
                if n + 1 < len(entries) and _check_split_comma(out, path, key, vnode, entries[n + 1][0],
                                                               node.keys[entries[n + 1][0]],  # type: ignore[index]
                                                               entries[n + 1][1]):
                    split_done = True
                else:
                    _check_value(out, here, key, vnode, allows_text=numeric[key])
            elif key in _PLACEHOLDER_KEYS and isinstance(vnode.value, str):
                _check_placeholder(out, here, key, vnode)
    return out.findings, out.suppress


# "uraian: Menyusun laporan #1": ' #' starts a YAML comment, so the value silently ends before it.
# A comment proper has a space after '#' ("# catatan"); '#' directly followed by text is meant as text.
_HASH_AFTER_TEXT = re.compile(r"[^\s#]\s+#[^\s#!]")
_TRAILING_HASH = re.compile(r"(\s+)(#[^\s#!].*?)\s*\Z")


def _check_cut_by_comment(out: _Collector, path: Path_, node: Node) -> bool:
    lines = out.doc.lines
    if node.end_line > len(lines) or node.line != node.end_line:
        return False
    line = lines[node.end_line - 1]
    if line[node.col - 1:node.col] in ("'", '"'):
        return False  # a quoted value ends at its quote: what follows is a real comment
    m = _TRAILING_HASH.match(line, node.end_col - 1)
    if m is None:
        return False
    comment = m.group(2)
    out.findings.append(Finding(
        file=out.doc.file, line=node.line, column=node.col, end_line=node.line, end_column=m.end(2) + 1,
        code="E068", name=code_name("E068"), severity="error",
        message=t("E068", out.lang, where=_where(path), value=node.value, comment=comment),
        kegiatan=kegiatan_id_for(out.doc.data, path), path=path))
    out.suppress.add(path)
    return True


def _check_value(out: _Collector, path: Path_, key: str, node: Node, allows_text: bool) -> None:
    value = node.value
    if isinstance(value, str) and allows_text:
        return  # e.g. an IKI realisasi may be a descriptive text
    found = classify(node.text, value)
    if found is None:
        return
    code, fixed = found
    where = _where(path)
    if code == "E060":
        alt = ""
        if isinstance(value, float):
            alt = t("trust.alt_decimal", out.lang, value=_fmt_read(value))
        out.add(code, path, node, node, where=where, text=node.text, read=out.read_as(value), fix=fixed, alt=alt)
    elif code == "E061":
        out.add(code, path, node, node, where=where, text=node.text, read=out.read_as(value), fix=fixed)
    else:
        out.add(code, path, node, node, where=where, text=node.text, fix=fixed,
                hint=_unit_hint(node.text, key, out.lang))


def _check_split_comma(out: _Collector, parent: Path_, prev_key: str, prev: Node, key: str, knode: Node,
                       vnode: Node) -> bool:
    """``{kualitas: 95,5}``: YAML reads ``kualitas: 95`` and a key ``'5'`` with no value."""
    if vnode.value is not None or vnode.kind != "scalar" or not knode.text.isdigit():
        return False
    if not isinstance(prev.value, (int, float)) or isinstance(prev.value, bool):
        return False
    if knode.line != prev.end_line or knode.col != prev.end_col + 1:
        return False
    line = out.doc.lines[prev.end_line - 1] if prev.end_line <= len(out.doc.lines) else ""
    if line[prev.end_col - 1:prev.end_col] != ",":
        return False
    text = f"{prev.text},{knode.text}"
    found = classify(text, text)
    fixed = found[1] if found else f"{prev.text}.{knode.text}"
    path = parent + (prev_key,)
    code = found[0] if found and found[0] == "E060" else "E061"
    first = _fmt_read(prev.value)
    read = t("trust.read_split", out.lang, first=first.replace(".", ",") if out.lang == "id" else first,
             key=knode.text)
    kw: dict[str, Any] = {"alt": ""} if code == "E060" else {}
    out.add(code, path, prev, knode, where=_where(path), text=text, read=read, fix=fixed, **kw)
    out.suppress.add(parent + (key,))
    return True


# ---- characters XML 1.0 forbids (E090) ------------------------------------------------------------

XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_chars(out: _Collector) -> None:
    """Every text, key or value: the forms are XML and can never hold such a character."""
    doc = out.doc
    if not XML_ILLEGAL.search(doc.text) and "\\" not in doc.text:
        return  # characters written as YAML escapes ("\x01") appear only after parsing
    stack: list[tuple[Path_, Node, bool]] = [((), doc.root, False)]
    while stack:
        path, node, is_key = stack.pop()
        if node.kind == "map":
            for key, child in node.value.items():
                stack.append((path + (key,), node.keys[key], True))  # type: ignore[index]
                stack.append((path + (key,), child, False))
        elif node.kind == "seq":
            stack.extend((path + (i,), child, False) for i, child in enumerate(node.value))
        else:
            text = node.value if isinstance(node.value, str) else node.text
            m = XML_ILLEGAL.search(text) if isinstance(text, str) else None
            if m:
                out.add("E090", path, node, node, cp=ord(m.group(0)), pos=m.start() + 1)


# ---- scaffold placeholders ---------------------------------------------------------------------

_PLACEHOLDER_KEYS = {"nip", "nama", "uraian", "jabatan", "unit_kerja", "instansi", "sasaran", "satuan",
                     "pangkat", "teks", "tempat", "indikator", "rhk_atasan", "program", "sumber"}


def _check_placeholder(out: _Collector, path: Path_, key: str, node: Node) -> None:
    value: str = node.value
    if key == "nip":
        if value == PLACEHOLDER_NIP:
            out.add("E065", path, node, node, where=_where(path), text=value)
        return
    m = _PLACEHOLDER_TEXT.search(value)
    if m:
        out.add("E065", path, node, node, where=_where(path), text=m.group(0))
