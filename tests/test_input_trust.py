"""Input trust (SPEC §3 v1.1, issue 10 items 5–7): numbers as Indonesians type them are never
misread, ranges are validity, and validate, lint, score and render agree on what is valid.

Every case asserts the exact located finding (line, column, code, Indonesian message)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import MINIMAL, run_cli

from skpgen.loader import load_text
from skpgen.validate import validate_document

K2_TARGET = "target: {kuantitas: 12, satuan: laporan, kualitas: 100, waktu: 12, satuan_waktu: bulan}"


def plan(old: str, new: str) -> str:
    assert old in MINIMAL, old
    return MINIMAL.replace(old, new, 1)


def k2(target: str) -> str:
    return plan(K2_TARGET, f"target: {target}")


def findings(text: str, lang: str = "id") -> list[tuple[int, int, str, str]]:
    doc = load_text(text, "p.yaml", lang=lang)
    return [(f.line, f.column, f.code, f.message) for f in validate_document(doc, lang)]


# (id, plan text, expected [(line, column, code, message)])
CASES = [
    ("thousands-dot-float", k2("{kuantitas: 1.240, satuan: laporan, kualitas: 100, waktu: 12}"),
     [(33, 25, "E060", "kegiatan[1].target.kuantitas: '1.240' memakai titik sebagai pemisah ribuan, tetapi YAML "
       "membacanya sebagai pecahan 1,24. Tulis 1240 (tanpa titik ribuan), atau 1.24 bila memang maksudnya "
       "pecahan desimal.")]),
    ("thousands-dot-1000", k2("{kuantitas: 1.000, satuan: laporan, kualitas: 100, waktu: 12}"),
     [(33, 25, "E060", "kegiatan[1].target.kuantitas: '1.000' memakai titik sebagai pemisah ribuan, tetapi YAML "
       "membacanya sebagai pecahan 1. Tulis 1000 (tanpa titik ribuan), atau 1 bila memang maksudnya "
       "pecahan desimal.")]),
    ("thousands-dot-million-text", k2("{kuantitas: 1.000.000, satuan: laporan, kualitas: 100, waktu: 12}"),
     [(33, 25, "E060", "kegiatan[1].target.kuantitas: '1.000.000' memakai titik sebagai pemisah ribuan, tetapi "
       "YAML membacanya sebagai teks, bukan angka. Tulis 1000000 (tanpa titik ribuan).")]),
    ("thousands-dot-with-decimal-comma", k2("{kuantitas: 2.500,5, satuan: laporan, kualitas: 100, waktu: 12}"),
     [(33, 25, "E060", "kegiatan[1].target.kuantitas: '2.500,5' memakai titik sebagai pemisah ribuan, tetapi "
       "YAML membacanya sebagai 2,5 ditambah kunci '5' tanpa nilai. Tulis 2500.5 (tanpa titik ribuan).")]),
    ("thousands-dot-block-negative", MINIMAL + "    realisasi:\n      kuantitas: -1.240\n",
     [(35, 18, "E060", "kegiatan[1].realisasi.kuantitas: '-1.240' memakai titik sebagai pemisah ribuan, tetapi "
       "YAML membacanya sebagai pecahan -1,24. Tulis -1240 (tanpa titik ribuan), atau -1.24 bila memang "
       "maksudnya pecahan desimal.")]),
    ("thousands-dot-biaya-text", k2("{kuantitas: 12, satuan: laporan, kualitas: 100, waktu: 12, biaya: 25.000.000}"),
     [(33, 79, "E060", "kegiatan[1].target.biaya: '25.000.000' memakai titik sebagai pemisah ribuan, tetapi "
       "YAML membacanya sebagai teks, bukan angka. Tulis 25000000 (tanpa titik ribuan).")]),
    ("thousands-dot-in-historis-list", MINIMAL + "    historis:\n      - {tahun: 2024, kuantitas: 1.240}\n",
     [(35, 34, "E060", "kegiatan[1].historis[0].kuantitas: '1.240' memakai titik sebagai pemisah ribuan, tetapi "
       "YAML membacanya sebagai pecahan 1,24. Tulis 1240 (tanpa titik ribuan), atau 1.24 bila memang maksudnya "
       "pecahan desimal.")]),
    ("decimal-comma-flow", k2("{kuantitas: 12, satuan: laporan, kualitas: 95,5, waktu: 12}"),
     [(33, 56, "E061", "kegiatan[1].target.kualitas: '95,5' memakai koma desimal, yang tidak dikenal YAML "
       "(dibaca sebagai 95 ditambah kunci '5' tanpa nilai). Tulis 95.5 (titik sebagai pemisah desimal).")]),
    ("decimal-comma-block", MINIMAL + "    realisasi:\n      kuantitas: 12\n      kualitas: 95,5\n",
     [(36, 17, "E061", "kegiatan[1].realisasi.kualitas: '95,5' memakai koma desimal, yang tidak dikenal YAML "
       "(dibaca sebagai teks, bukan angka). Tulis 95.5 (titik sebagai pemisah desimal).")]),
    ("decimal-comma-perilaku", MINIMAL + "perilaku_kerja:\n  orientasi_pelayanan: 85,5\n  integritas: 88\n"
     "  komitmen: 84\n  disiplin: 90\n  kerja_sama: 86\n",
     [(35, 24, "E061", "perilaku_kerja.orientasi_pelayanan: '85,5' memakai koma desimal, yang tidak dikenal YAML "
       "(dibaca sebagai teks, bukan angka). Tulis 85.5 (titik sebagai pemisah desimal).")]),
    ("percent-sign", MINIMAL + "    realisasi: {kuantitas: 12, kualitas: 95%, waktu: 12}\n",
     [(34, 42, "E062", "kegiatan[1].realisasi.kualitas: '95%' bukan angka. Tulis angkanya saja: 95 (tanpa tanda %; "
       "nilai ini sudah berskala persen 0–100).")]),
    ("months-in-waktu", k2("{kuantitas: 12, satuan: laporan, kualitas: 100, waktu: 12 bulan}"),
     [(33, 68, "E062", "kegiatan[1].target.waktu: '12 bulan' bukan angka. Tulis angkanya saja: 12 dan tulis "
       "satuannya di `satuan_waktu: bulan`.")]),
    ("rupiah", k2("{kuantitas: 12, satuan: laporan, kualitas: 100, waktu: 12, biaya: Rp 5.000.000}"),
     [(33, 79, "E062", "kegiatan[1].target.biaya: 'Rp 5.000.000' bukan angka. Tulis angkanya saja: 5000000 "
       "(rupiah sebagai bilangan bulat, tanpa 'Rp' dan tanpa titik ribuan).")]),
    ("unit-in-kuantitas", k2("{kuantitas: 12 laporan, kualitas: 100, waktu: 12}"),
     [(33, 25, "E062", "kegiatan[1].target.kuantitas: '12 laporan' bukan angka. Tulis angkanya saja: 12 dan tulis "
       "satuannya di `satuan: laporan`.")]),
    ("kualitas-above-100", MINIMAL + "    realisasi: {kuantitas: 12, kualitas: 120, waktu: 12}\n",
     [(34, 42, "E063", "kegiatan[1].realisasi.kualitas bernilai 120; kualitas berskala 0–100.")]),
    ("target-kualitas-above-100", k2("{kuantitas: 12, satuan: laporan, kualitas: 110, waktu: 12}"),
     [(33, 56, "E063", "kegiatan[1].target.kualitas bernilai 110; kualitas berskala 0–100.")]),
    ("period-end-in-another-year", plan('selesai: "2025-12-31"', 'selesai: "2026-12-31"'),
     [(4, 54, "E067", "periode.selesai (2026-12-31) berada di luar tahun 2025; satu SKP mencakup satu tahun "
       "penilaian (mutasi di tengah tahun: satu SKP per jabatan).")]),
    ("hash-cuts-text", plan("uraian: Memverifikasi data e-Planning", "uraian: Memverifikasi data e-Planning #2"),
     [(30, 13, "E068", "kegiatan[1].uraian: teks berhenti sebelum '#2' karena ' #' memulai komentar YAML, sehingga "
       "yang terbaca hanya 'Memverifikasi data e-Planning'. Beri tanda kutip pada seluruh teks (\"Memverifikasi data "
       "e-Planning #2\"), atau beri spasi setelah '#' bila itu memang komentar.")]),
    ("hash-cuts-list-item", MINIMAL.replace("    mendukung: [SS1]\n", "    mendukung: [SS1]\n    bukti:\n      - Surat Tugas #12\n", 1),
     [(29, 9, "E068", "kegiatan[0].bukti[0]: teks berhenti sebelum '#12' karena ' #' memulai komentar YAML, sehingga "
       "yang terbaca hanya 'Surat Tugas'. Beri tanda kutip pada seluruh teks (\"Surat Tugas #12\"), atau beri spasi "
       "setelah '#' bila itu memang komentar.")]),
    ("waktu-zero-with-output", MINIMAL + "    realisasi: {kuantitas: 12, kualitas: 90, waktu: 0}\n",
     [(34, 53, "E064", "Realisasi waktu kegiatan 'K2' bernilai 0 padahal ada keluaran (12); isi lama pengerjaan "
       "yang sebenarnya (lebih dari 0).")]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_misread_numbers_and_ranges_are_located_errors(text: str, expected: list) -> None:
    assert findings(text) == expected


@pytest.mark.parametrize("line", ["uraian: Memverifikasi data  # catatan biasa", 'uraian: "Laporan #2"  # ok',
                                  "uraian: Memverifikasi data e-Planning  # skpgen: ignore[S101] -- alasan"])
def test_real_comments_and_quoted_hashes_are_fine(line: str) -> None:
    text = plan("uraian: Memverifikasi data e-Planning", line)
    assert [f for f in findings(text) if f[2] == "E068"] == []


@pytest.mark.parametrize("value", ["1.5", "95.5", "0.25", "0.250", "1240", "-3", "1e3", "12"])
def test_plain_numbers_stay_valid(value: str) -> None:
    text = k2(f"{{kuantitas: {value}, satuan: laporan, kualitas: 100, waktu: 12}}")
    assert [f for f in findings(text) if f[2].startswith("E06")] == []


def test_descriptive_iki_realisation_text_is_not_a_number_error() -> None:
    """An IKI's realisasi may be text (the schema allows it): '95,5 persen' there is not misread."""
    from conftest import ROOT

    text = (ROOT / "examples" / "pranata-komputer-2024.skp.yaml").read_text(encoding="utf-8")
    assert findings(text) == []


def test_english_message() -> None:
    text = k2("{kuantitas: 1.240, satuan: laporan, kualitas: 100, waktu: 12}")
    assert findings(text, "en") == [
        (33, 25, "E060", "kegiatan[1].target.kuantitas: '1.240' uses a dot as thousands separator, but YAML reads "
         "it as the fraction 1.24. Write 1240 (no thousands dots), or 1.24 if a decimal fraction is really meant.")]


# ---- the four commands agree --------------------------------------------------------------------

BAD = {
    "ribuan": (k2("{kuantitas: 1.240, satuan: laporan, kualitas: 100, waktu: 12}"), "E060", 33, 25),
    "kualitas120": (MINIMAL + "    realisasi: {kuantitas: 12, kualitas: 120, waktu: 12}\n", "E063", 34, 42),
    "waktu0": (MINIMAL + "    realisasi: {kuantitas: 12, kualitas: 90, waktu: 0}\n", "E064", 34, 53),
    # a character XML forbids: lint said error, validate and score said valid, render failed (exit 2)
    "xmlchar": (MINIMAL.replace("uraian: Menyusun RKA Unit Kerja", 'uraian: "Menyusun RKA\\x01 Unit Kerja"'),
                "E090", 25, 13),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_validate_lint_score_render_refuse_the_same_plan(tmp_path: Path, name: str) -> None:
    text, code, line, col = BAD[name]
    path = tmp_path / f"{name}.skp.yaml"
    path.write_text(text, encoding="utf-8")
    where = f"{path}:{line}:{col}: {code} [error]"

    r = run_cli("validate", str(path), "--format", "concise")
    assert r.returncode == 1 and r.stdout.startswith(where), r.stdout + r.stderr
    r = run_cli("lint", str(path), "--format", "json")
    lint = json.loads(r.stdout)
    assert r.returncode == 1
    assert [(f["code"], f["line"], f["column"], f["severity"]) for f in lint if f["severity"] == "error"] == \
        [(code, line, col, "error")]
    r = run_cli("score", str(path), "--format", "json")
    assert r.returncode == 1 and json.loads(r.stdout) == [] and where in r.stderr, r.stdout + r.stderr
    out = tmp_path / "out"
    r = run_cli("render", str(path), "-o", str(out))
    assert r.returncode == 1 and where in r.stderr, r.stderr
    assert not out.exists() or not any(out.iterdir())
    assert path.read_text(encoding="utf-8") == text  # the input is never modified


def test_trust_module_examples() -> None:
    import doctest

    import skpgen.trust

    result = doctest.testmod(skpgen.trust)
    assert result.attempted >= 6 and result.failed == 0


# ---- YAML syntax errors: the line of the mistake, Indonesian, with the fix (item 8) --------------

def load_error(text: str, lang: str = "id") -> tuple[int, int, str, str]:
    from skpgen.loader import LoadError

    with pytest.raises(LoadError) as info:
        load_text(text, "p.yaml", lang=lang)
    f = info.value.finding
    return f.line, f.column, f.code, f.message


SYNTAX = [
    ("no-space-after-colon-block", plan("  pangkat: Penata\n", "  komitmen:86\n  pangkat: Penata\n"),
     (8, 11, "E004", "Sintaks YAML tidak valid: setelah ':' harus ada spasi; tulis 'komitmen: 86'.")),
    ("no-space-before-quote", plan('  nama: "Ali Rahman, S.Kom."', '  nama:"Ali Rahman, S.Kom."'),
     (6, 7, "E004", "Sintaks YAML tidak valid: setelah ':' harus ada spasi; tulis 'nama: \"Ali Rahman, S.Kom.\"'.")),
    ("unclosed-quote", plan('nama: "Ali Rahman, S.Kom."', 'nama: "Ali Rahman, S.Kom.'),
     (6, 9, "E004", "Sintaks YAML tidak valid: tanda kutip \" yang dibuka di sini tidak ditutup; tutup teksnya "
      "dengan \" pada baris yang sama.")),
    ("colon-inside-text", plan("uraian: Menyusun RKA Unit Kerja", "uraian: Menyusun RKA: Unit Kerja"),
     (25, 25, "E004", "Sintaks YAML tidak valid: tanda ':' di dalam teks dibaca sebagai kunci baru; beri tanda "
      "kutip pada teksnya: uraian: \"Menyusun RKA: Unit Kerja\".")),
    ("missing-dash", plan("  - id: K2\n", "    id: K2\n"),
     (29, 5, "E066", "Kunci 'id' muncul lagi pada baris 29 di butir daftar yang dimulai pada baris 24: tanda '-' "
      "sebelum butir baru sepertinya hilang. Tulis '- id: …' pada baris 29.")),
    ("unclosed-flow-list", plan("mendukung: [SS1]\n", "mendukung: [SS1\n"),
     (27, 16, "E004", "Sintaks YAML tidak valid: daftar dalam kurung siku tidak ditutup: diharapkan ',' atau ']'.")),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in SYNTAX], ids=[c[0] for c in SYNTAX])
def test_syntax_errors_name_the_line_of_the_mistake(text: str, expected: tuple) -> None:
    assert load_error(text) == expected


def test_syntax_errors_are_never_english_in_indonesian() -> None:
    line, col, code, message = load_error(plan("uraian: Memverifikasi data e-Planning",
                                                "uraian: Memverifikasi: data: e-Planning"))
    assert (line, code) == (30, "E004") and "not allowed" not in message and "tanda kutip" in message


def test_syntax_error_in_english() -> None:
    assert load_error(plan("  pangkat: Penata\n", "  komitmen:86\n  pangkat: Penata\n"), "en") == \
        (8, 11, "E004", "Invalid YAML syntax: a ':' must be followed by a space; write 'komitmen: 86'.")


def test_missing_space_inside_a_flow_mapping_names_the_fix() -> None:
    text = MINIMAL + ("perilaku_kerja: {orientasi_pelayanan: 85, integritas: 88,\n"
                      "  komitmen:86, disiplin: 90, kerja_sama: 86}\n")
    assert findings(text) == [(35, 3, "E021", "Kunci 'komitmen:86' tidak dikenal di perilaku_kerja. Setelah ':' "
                                              "harus ada spasi: tulis 'komitmen: 86'.")]
