"""Hypothesis strategies: schema-valid SKP plans (both regimes) and mutations that break them.

Plans are generated as Python data and serialised to YAML text with JSON-style scalars (JSON is
valid YAML flow syntax), so any Unicode the schema allows reaches the loader.
"""

from __future__ import annotations

import json
import re
from typing import Any

from hypothesis import strategies as st

# Text a valid plan may hold: any Unicode except surrogates and the characters XML 1.0 forbids
# (those are validation error E090), and no "[…]" scaffold placeholder (E065).
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_PLACEHOLDER = re.compile(r"\[[^\[\]\n]{2,60}\]")
any_text = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40).filter(
    lambda s: not _XML_FORBIDDEN.search(s) and not _PLACEHOLDER.search(s))
plain_text = st.text(st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=60).filter(
    lambda s: s.strip() != "" and not _PLACEHOLDER.search(s) and not _XML_FORBIDDEN.search(s))
nip = st.from_regex(r"\A(19[5-9][0-9])(0[1-9]|1[0-2])(0[1-9]|1[0-9]|2[0-8])20[0-2][0-9](0[1-9]|1[0-2])[12]0[0-9]{2}\Z")
golongan = st.sampled_from(["II/c", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b"])
# a float whose shortest text looks like an Indonesian thousands number ("1.125") is an input-trust
# error by design (SPEC §3, E060): a valid plan writes such a value differently
_unambiguous = lambda x: re.match(r"[1-9]\d{0,2}(\.\d{3})+\Z", repr(x)) is None  # noqa: E731
positive = st.one_of(st.integers(1, 10**9),
                     st.floats(0.01, 1e9, allow_nan=False, allow_infinity=False).filter(_unambiguous))
non_negative = st.one_of(st.integers(0, 10**9),
                         st.floats(0, 1e9, allow_nan=False, allow_infinity=False).filter(_unambiguous))


def person(jenis: str | None = None) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({
        "nama": plain_text, "nip": nip, "pangkat": plain_text, "golongan": golongan, "jabatan": plain_text,
        "jenis_jabatan": st.just(jenis) if jenis else st.sampled_from(
            ["struktural", "fungsional_tertentu", "fungsional_umum", "pelaksana"]),
        "unit_kerja": plain_text,
    })


@st.composite
def kegiatan_pp46(draw: Any, idx: int, text: st.SearchStrategy[str]) -> dict[str, Any]:
    jenis = draw(st.sampled_from(["utama", "utama", "utama", "tambahan", "kreatif"]))
    k: dict[str, Any] = {"id": f"K{idx}", "uraian": draw(text), "jenis": jenis}
    if jenis == "utama" or draw(st.booleans()):
        target: dict[str, Any] = {"kuantitas": draw(positive), "satuan": draw(plain_text),
                                  "kualitas": draw(st.integers(0, 100)), "waktu": draw(positive)}
        if draw(st.booleans()):
            target["biaya"] = draw(st.one_of(st.none(), st.integers(0, 10**12)))
        k["target"] = target
    if draw(st.booleans()):
        # valid plans only (SPEC §3): kualitas on its 0–100 scale, realised waktu > 0 when there is output
        ro = draw(non_negative)
        k["realisasi"] = {"kuantitas": ro,
                          "kualitas": draw(st.one_of(st.integers(0, 100), st.floats(0, 100, allow_nan=False).filter(_unambiguous))),
                          "waktu": draw(positive if ro > 0 else non_negative)}
    if jenis != "utama" and draw(st.booleans()):
        k["bukti"] = draw(st.lists(plain_text, min_size=1, max_size=2))
    if jenis == "kreatif" and draw(st.booleans()):
        k["tingkat"] = draw(st.sampled_from(["unit_kerja", "organisasi", "nasional"]))
    return k


@st.composite
def plan_pp46(draw: Any, text: st.SearchStrategy[str] = any_text, max_kegiatan: int = 8) -> dict[str, Any]:
    n = draw(st.integers(1, max_kegiatan))
    plan: dict[str, Any] = {
        "versi": 1, "aturan": "pp46-2011", "instansi": draw(text),
        "periode": {"tahun": 2025, "mulai": "2025-01-02", "selesai": "2025-12-31"},
        "pegawai": draw(person()), "pejabat_penilai": draw(person("struktural")),
        "kegiatan": [draw(kegiatan_pp46(i + 1, text)) for i in range(n)],
    }
    if draw(st.booleans()):
        plan["perilaku_kerja"] = {a: draw(st.integers(0, 100)) for a in
                                  ("orientasi_pelayanan", "integritas", "komitmen", "disiplin", "kerja_sama")}
    return plan


_PAIR = re.compile(r"\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})")


def _flow(value: Any) -> str:
    """JSON text with YAML escapes: libyaml wants \\UXXXXXXXX, not UTF-16 surrogate pairs."""
    text = json.dumps(value, ensure_ascii=True)
    return _PAIR.sub(lambda m: "\\U%08x" % (0x10000 + ((int(m[1], 16) - 0xD800) << 10) + (int(m[2], 16) - 0xDC00)), text)


def to_yaml(plan: dict[str, Any]) -> str:
    """Block-style mapping at the top, JSON flow values below (valid YAML, any Unicode)."""
    lines = []
    for key, value in plan.items():
        if key == "kegiatan" and isinstance(value, list) and value:
            lines.append("kegiatan:")
            for k in value:
                lines.append("  - " + _flow(k))
        else:
            lines.append(f"{key}: {_flow(value)}")
    return "\n".join(lines) + "\n"


@st.composite
def mutated_yaml(draw: Any) -> bytes:
    """A valid plan's text broken in one of many ways: structure, types, bytes, truncation."""
    plan = draw(plan_pp46(text=plain_text, max_kegiatan=4))
    kind = draw(st.sampled_from(["drop", "retype", "truncate", "flip", "insert", "dupkey", "indent"]))
    if kind == "drop":
        key = draw(st.sampled_from(sorted(plan)))
        del plan[key]
        return to_yaml(plan).encode()
    if kind == "retype":
        key = draw(st.sampled_from(sorted(plan)))
        plan[key] = draw(st.one_of(st.integers(), st.text(max_size=5), st.lists(st.integers(), max_size=2),
                                   st.none(), st.booleans()))
        return to_yaml(plan).encode()
    raw = to_yaml(plan).encode()
    pos = draw(st.integers(0, len(raw) - 1))
    if kind == "truncate":
        return raw[:pos]
    if kind == "flip":
        return raw[:pos] + bytes([draw(st.integers(0, 255))]) + raw[pos + 1:]
    if kind == "insert":
        junk = draw(st.sampled_from([b"\t", b": ", b"&a ", b"*a", b"[", b"{", b"\"", b"\n  x: 1\n", b"\x00", b"\xff"]))
        return raw[:pos] + junk + raw[pos:]
    if kind == "dupkey":
        return raw + b"versi: 1\n"
    return b"\n".join((b"   " + ln if i % 3 == 1 else ln) for i, ln in enumerate(raw.split(b"\n")))
