"""Validation: the published JSON Schema plus the plainly impossible cross-field facts (SPEC §3).

Schema errors are rendered through our own per-keyword templates (Indonesian by default), never
jsonschema's English, and located at the offending YAML node (a missing key: its parent mapping;
an unknown key: the key itself). ``anyOf``/``oneOf`` failures report the best-matching branch.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import json
from functools import cache
from typing import Any

from skpgen.findings import Finding, at_node, kegiatan_id_for
from skpgen.i18n import code_name, t
from skpgen.loader import Document
from skpgen.resources import schema_file

_KEYWORD_CODES = {
    "required": "E020", "additionalProperties": "E021", "type": "E022", "enum": "E023", "const": "E023",
    "pattern": "E024", "format": "E024", "minimum": "E025", "maximum": "E025", "exclusiveMinimum": "E025",
    "exclusiveMaximum": "E025", "minItems": "E026", "maxItems": "E026", "minLength": "E026",
    "maxLength": "E026", "uniqueItems": "E026", "minProperties": "E026", "anyOf": "E027", "oneOf": "E027",
}


@cache
def load_schema() -> dict[str, Any]:
    with open(schema_file(), encoding="utf-8") as fh:
        return json.load(fh)


@cache
def _validator() -> Any:
    from jsonschema import Draft7Validator

    return Draft7Validator(load_schema())


def validate_document(doc: Document, lang: str = "id") -> list[Finding]:
    """All schema and cross-field findings of a loaded document (empty list: valid)."""
    findings = schema_findings(doc, lang)
    findings.extend(cross_field_findings(doc, lang, skip_paths={f.path for f in findings}))
    return sorted(findings, key=Finding.sort_key)


# ---- schema -------------------------------------------------------------------------------------

def _where(path: tuple[str | int, ...], lang: str) -> str:
    if not path:
        return t("where.root", lang)
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "…"


def _closest(word: str, options: list[str]) -> str | None:
    match = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return match[0] if match else None


def _error_leaves(error: Any) -> Any:
    """Descend into anyOf/oneOf to the best-matching sub-error."""
    from jsonschema.exceptions import best_match

    while error.validator in ("anyOf", "oneOf") and error.context:
        error = best_match(error.context)
    return error


@cache
def _fast_validator() -> Any:
    """A compiled validator (fastjsonschema) for the common case: a valid file costs ~0.2 ms
    instead of ~5 ms, and jsonschema is imported only to explain an invalid one."""
    try:
        import fastjsonschema
    except ImportError:  # pragma: no cover - optional speed-up
        return None
    try:
        return fastjsonschema.compile(load_schema(), formats={"date": _FORMAT_DATE_RE})
    except Exception:  # pragma: no cover - a schema fastjsonschema cannot compile
        return None


_FORMAT_DATE_RE = r"^\d{4}-\d{2}-\d{2}$"


def is_schema_valid(data: Any) -> bool:
    fast = _fast_validator()
    if fast is None:
        return not any(True for _ in _validator().iter_errors(data))
    try:
        fast(data)
    except Exception:  # JsonSchemaValueException, or anything fastjsonschema trips on
        return False
    return True


def schema_findings(doc: Document, lang: str = "id") -> list[Finding]:
    if is_schema_valid(doc.data):
        return []
    findings: list[Finding] = []
    seen: set[tuple[Any, ...]] = set()
    for error in _validator().iter_errors(doc.data):
        for finding in _schema_error_to_findings(doc, error, lang):
            key = (finding.line, finding.column, finding.code, finding.message)
            if key not in seen:
                seen.add(key)
                findings.append(finding)
    return findings


def _schema_error_to_findings(doc: Document, error: Any, lang: str) -> list[Finding]:
    path = tuple(error.absolute_path)
    keyword = error.validator
    instance = error.instance
    where = _where(path, lang)
    kegiatan = kegiatan_id_for(doc.data, path)
    code = _KEYWORD_CODES.get(keyword, "E029")

    def make(node_path: tuple[str | int, ...], message: str, key_node: bool = False, code: str = code) -> Finding:
        node = doc.key_node_at(node_path) if key_node else doc.node_at(node_path)
        return at_node(doc.file, node, code, code_name(code), "error", message,
                       kegiatan=kegiatan_id_for(doc.data, node_path), path=node_path)

    if keyword == "required":
        missing = [k for k in error.validator_value if isinstance(instance, dict) and k not in instance]
        return [make(path, t("E020", lang, key=k, where=where)) for k in missing]
    if keyword == "additionalProperties" and isinstance(instance, dict):
        props = list(error.schema.get("properties", {}))
        extras = [k for k in instance if k not in props]
        out = []
        for key in extras:
            suggestion = _closest(key, props)
            hint = t("hint.did_you_mean", lang, suggestion=suggestion) if suggestion else ""
            out.append(make(path + (key,), t("E021", lang, key=key, where=where, hint=hint), key_node=True))
        return out
    if keyword == "type":
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        names = " / ".join(t(f"type.{e}", lang) for e in expected)
        actual = t(f"type.{_json_type(instance)}", lang)
        value = f" ({_show(instance)})" if not isinstance(instance, (dict, list)) else ""
        return [make(path, t("E022", lang, where=where, expected=names, actual=actual, value=value))]
    if keyword in ("enum", "const"):
        allowed_values = error.validator_value if keyword == "enum" else [error.validator_value]
        allowed = ", ".join(str(v) for v in allowed_values)
        suggestion = _closest(str(instance), [str(v) for v in allowed_values]) if isinstance(instance, str) else None
        hint = t("hint.did_you_mean", lang, suggestion=suggestion) if suggestion else ""
        return [make(path, t("E023", lang, where=where, value=_show(instance), allowed=allowed, hint=hint))]
    if keyword in ("pattern", "format"):
        fmt = error.schema.get("description_format") or _pattern_name(error.schema, lang)
        return [make(path, t("E024", lang, where=where, value=_show(instance), format=fmt))]
    if keyword in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        bound = t(f"bound.{keyword}", lang, limit=error.validator_value)
        return [make(path, t("E025", lang, where=where, value=_show(instance), bound=bound))]
    if keyword in ("minItems", "maxItems", "minLength", "maxLength", "uniqueItems", "minProperties"):
        problem = t(f"count.{keyword}", lang, limit=error.validator_value)
        return [make(path, t("E026", lang, where=where, problem=problem))]
    if keyword == "not" and path and isinstance(path[-1], str):
        aturan = doc.data.get("aturan") if isinstance(doc.data, dict) else None
        return [make(path, t("E028", lang, key=path[-1], aturan=aturan), key_node=True, code="E028")]
    if keyword in ("anyOf", "oneOf"):
        leaf = _error_leaves(error)
        if leaf is not error:
            inner = _schema_error_to_findings(doc, leaf, lang)
            if inner:
                return inner
        return [make(path, t("E027", lang, where=where, best=error.message))]
    return [make(path, t("E029", lang, where=where, keyword=keyword))]


def _pattern_name(schema: dict[str, Any], lang: str) -> str:
    pattern = schema.get("pattern", "")
    if pattern == r"^\d{18}$":
        return "NIP 18 digit" if lang == "id" else "an 18-digit NIP"
    if pattern.startswith(r"^\d{4}-\d{2}-\d{2}") or schema.get("format") == "date":
        return "tanggal YYYY-MM-DD" if lang == "id" else "a date YYYY-MM-DD"
    return f"/{pattern}/"


# ---- cross-field --------------------------------------------------------------------------------

_DATE_KEYS = {"mulai", "selesai", "tanggal", "tenggat", "dibahas", "ditandatangani", "tmt"}


def _walk(value: Any, path: tuple[str | int, ...] = ()) -> Any:
    yield path, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _walk(v, path + (i,))


def _parse_date(value: Any) -> _dt.date | None:
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        return None


def _is_iso_shape(value: Any) -> bool:
    return (isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-"
            and (value[:4] + value[5:7] + value[8:]).isdigit())


def cross_field_findings(doc: Document, lang: str = "id", skip_paths: set[Any] | None = None) -> list[Finding]:
    data = doc.data
    if not isinstance(data, dict):
        return []
    skip_paths = skip_paths or set()
    out: list[Finding] = []

    def add(code: str, path: tuple[str | int, ...], key_node: bool = False, **kw: Any) -> None:
        if path in skip_paths:
            return
        node = doc.key_node_at(path) if key_node else doc.node_at(path)
        out.append(at_node(doc.file, node, code, code_name(code), "error", t(code, lang, **kw),
                           kegiatan=kegiatan_id_for(data, path), path=path))

    # calendar dates: the schema checks the shape, this checks that the day exists
    for path, value in _walk(data):
        in_date_list = len(path) >= 2 and path[-2] == "jadwal_review"
        if (path and (path[-1] in _DATE_KEYS or in_date_list)) and _is_iso_shape(value) and _parse_date(value) is None:
            add("E050", path, value=value, where=_where(path, lang))

    periode = data.get("periode")
    if isinstance(periode, dict):
        mulai, selesai = _parse_date(periode.get("mulai")), _parse_date(periode.get("selesai"))
        if mulai and selesai and mulai > selesai:
            add("E051", ("periode", "mulai"), mulai=periode["mulai"], selesai=periode["selesai"])
        tahun = periode.get("tahun")
        if mulai and isinstance(tahun, int) and not isinstance(tahun, bool) and tahun != mulai.year:
            add("E057", ("periode", "tahun"), tahun=tahun, mulai=periode["mulai"])

    known_goals = {str(g.get("id")) for g in data.get("keselarasan") or [] if isinstance(g, dict) and g.get("id") is not None}
    kegiatan = data.get("kegiatan")
    ids: dict[str, int] = {}
    if isinstance(kegiatan, list):
        for i, k in enumerate(kegiatan):
            if not isinstance(k, dict):
                continue
            kid = k.get("id")
            if isinstance(kid, str):
                if kid in ids:
                    first = doc.node_at(("kegiatan", ids[kid], "id"))
                    add("E052", ("kegiatan", i, "id"), id=kid, first_line=first.line)
                else:
                    ids[kid] = i
            label = str(kid)
            for j, ref in enumerate(k.get("mendukung") or [] if isinstance(k.get("mendukung"), list) else []):
                if isinstance(ref, str) and "#" not in ref and ref not in known_goals:
                    known = f" ({', '.join(sorted(known_goals))})" if known_goals else ""
                    add("E053", ("kegiatan", i, "mendukung", j), ref=ref,
                        where=_where(("kegiatan", i, "mendukung"), lang), known=known)
            target = k.get("target")
            if isinstance(target, dict):
                for aspect in ("kuantitas", "waktu"):
                    v = target.get(aspect)
                    if _is_number(v) and v <= 0:
                        add("E054", ("kegiatan", i, "target", aspect), aspect=aspect, id=label, value=v)
            realisasi = k.get("realisasi")
            if isinstance(realisasi, dict):
                for aspect in ("kuantitas", "kualitas", "waktu", "biaya"):
                    v = realisasi.get(aspect)
                    if _is_number(v) and v < 0:
                        add("E055", ("kegiatan", i, "realisasi", aspect), aspect=aspect, id=label, value=v)
            if k.get("tingkat") is not None and k.get("jenis") != "kreatif":
                add("E056", ("kegiatan", i, "tingkat"), key_node=True, id=label, jenis=k.get("jenis"))
    for j, entry in enumerate(data.get("jurnal") or [] if isinstance(data.get("jurnal"), list) else []):
        if isinstance(entry, dict) and isinstance(entry.get("kegiatan"), str) and ids and entry["kegiatan"] not in ids:
            add("E058", ("jurnal", j, "kegiatan"), ref=entry["kegiatan"])
    return out


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)
