"""Engine robustness: rules never crash on any schema-valid plan; suppression parsing details."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skpgen.lint.config import Config
from skpgen.lint.engine import Settings, lint_document
from skpgen.lint.suppression import parse_directives
from skpgen.lint.vocab import load_vocab, stem, tokens
from skpgen.loader import load_text
from test_lint_rules import merge_example

_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00", max_codepoint=0xFFFF),
                max_size=40)
_num = st.one_of(st.none(), st.integers(min_value=1, max_value=10**9),
                 st.floats(min_value=0.01, max_value=1e6, allow_nan=False, allow_infinity=False))
_real = st.one_of(st.none(), st.integers(min_value=0, max_value=10**6),
                  st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False))
_words = st.sampled_from(["Menyusun", "Membantu", "Penyusunan", "Meningkatkan", "Berkoordinasi", "Mengetik",
                          "Meningkatnya", "panitia", "pelayanan", "dengan baik", "secara berkala", "dan",
                          "mengirimkan", "laporan", "optimal", "maksimal", "2", "%", "tugas lain", "FGD"])
_uraian = st.one_of(_text.filter(lambda s: s.strip()), st.lists(_words, min_size=1, max_size=8).map(" ".join))


@st.composite
def kegiatan_row(draw, i: int):
    jenis = draw(st.sampled_from(["utama", "utama", "tambahan", "kreatif"]))
    row: dict = {"id": f"K{i}", "uraian": draw(_uraian), "jenis": jenis}
    if jenis == "utama" or draw(st.booleans()):
        target = {"kuantitas": draw(_num), "satuan": draw(st.one_of(st.none(), _text)),
                  "kualitas": draw(_num), "waktu": draw(_num),
                  "biaya": draw(st.one_of(st.none(), st.integers(min_value=1, max_value=10**9))),
                  "tenggat": draw(st.one_of(st.none(), st.sampled_from(["2024-12-31", "2025-06-30", "2026-01-01"])))}
        row["target"] = {k: v for k, v in target.items() if v is not None}
    if draw(st.booleans()):
        row["realisasi"] = {"kuantitas": draw(_real), "kualitas": draw(_real), "waktu": draw(_real),
                            "biaya": draw(st.one_of(st.none(), st.integers(min_value=0, max_value=10**9)))}
    if draw(st.booleans()):
        row["historis"] = [{"tahun": 2024, "kuantitas": draw(_real)}]
    if draw(st.booleans()):
        row["indikator"] = [{"teks": draw(_uraian)}]
    if jenis == "kreatif" and draw(st.booleans()):
        row["tingkat"] = draw(st.sampled_from(["unit_kerja", "organisasi", "nasional"]))
    if draw(st.booleans()):
        row["bukti"] = [draw(_text)]
    if draw(st.booleans()):
        row["pemantauan"] = [{"tanggal": "2025-05-20", "status": draw(st.sampled_from(["on-track", "terlambat"])),
                              "hambatan": draw(_text)}]
    return row


@st.composite
def plans(draw):
    n = draw(st.integers(min_value=1, max_value=9))
    rows = [draw(kegiatan_row(i)) for i in range(n)]
    snippet = "kegiatan:\n" + "".join(f"  - {json.dumps(r)}\n" for r in rows)  # \\u escapes: E090 too
    if draw(st.booleans()):
        snippet += "jadwal_review: " + json.dumps(draw(st.lists(st.sampled_from(
            ["2025-01-31", "2025-05-05", "2025-08-08", "2025-11-11", "2026-02-02"]), max_size=5))) + "\n"
    return merge_example(snippet)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_rules_never_crash(text: str) -> None:
    s = Settings(Config())
    findings = lint_document(load_text(text, "acak.skp.yaml"), s)
    assert s.crashes == []
    lines = text.splitlines()
    for f in findings:
        assert 1 <= f.line <= len(lines) + 1 and f.column >= 1
        assert f.message and f.code and f.severity in ("error", "warning", "info")


def test_directive_parsing() -> None:
    lines = [
        "kegiatan:",
        "  - id: K1  # skpgen: ignore[S101, s104] -- disepakati",
        "    # skpgen: ignore[P602]",
        "",
        "    # komentar biasa",
        "    uraian: Menyusun",
        '    teks: "# skpgen: ignore[S101] -- di dalam teks"',
        "# SKPGEN: file-ignore[P6] — alasan dengan em dash",
    ]
    ds = parse_directives(lines)
    assert [(d.line, d.kind, d.codes, d.reason, d.applies_to) for d in ds] == [
        (2, "ignore", ["S101", "S104"], "disepakati", 2),
        (3, "ignore", ["P602"], None, 6),
        (8, "file-ignore", ["P6"], "alasan dengan em dash", None),
    ]


def test_vocab_morphology() -> None:
    v = load_vocab(None)
    assert v.verb_kind("Menyusun") == "operasional"
    assert v.verb_kind("mensosialisasikan") == "operasional"   # -kan and spelling variant
    assert v.verb_kind("mengoordinasikan") == v.verb_kind("mengkoordinasikan") == "operasional"
    assert v.verb_kind("menginventarisir") == "aktif"           # unlisted, but a well-formed meN- verb
    assert v.verb_kind("membantu") == "kabur"
    assert v.verb_kind("berkoordinasi") == "intransitif"
    assert v.verb_kind("tersusunnya") == v.verb_kind("meningkatnya") == "pasif"
    assert v.verb_kind("penyusunan") == "nomina" and v.suggest_verb("penyusunan") == "menyusun"
    assert v.suggest_verb("pelaksanaan") == "melaksanakan" and v.suggest_verb("monitoring") == "memantau"
    assert v.suggest_verb("verifikasi") == "memverifikasi"
    assert v.verb_kind("laporan") == "lain" and v.verb_kind("media") == "lain"
    assert stem("mengkoordinasikan") == stem("mengoordinasikan")
    assert tokens("Menyusun e-Planning ≥ 90%, 2 kali") == ("menyusun", "e-planning", "90%", "2", "kali")
    assert len(v["kata-kerja-operasional"].words) >= 150
