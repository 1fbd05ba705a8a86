"""`skpgen score`: text, json (SPEC §9), csv, --explain, --lang, and exit codes (SPEC §5)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import MINIMAL

from skpgen.commands.score import CSV_COLUMNS, score

# the shared minimal plan up to its kegiatan (identities, periode, keselarasan)
HEAD = MINIMAL.split("kegiatan:\n")[0]

SCORED = HEAD + """\
kegiatan:
  - id: K1
    uraian: Menyusun RKA Unit Kerja
    jenis: utama
    mendukung: [SS1]
    target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3, satuan_waktu: bulan}
    realisasi: {kuantitas: 1, kualitas: 95, waktu: 3}
  - id: K2
    uraian: Memverifikasi data e-Planning
    jenis: utama
    mendukung: [SS1]
    target: {kuantitas: 12, satuan: laporan, kualitas: 100, waktu: 12, satuan_waktu: bulan}
    realisasi: {kuantitas: 12, kualitas: 90, waktu: 9}
  - id: T1
    uraian: Memfasilitasi FGD Sinkronisasi Program Lintas OPD
    jenis: tambahan
    bukti: ["Surat Tugas 800/12/2025"]
  - id: C1
    uraian: Menyusun infografis kebijakan baru
    jenis: kreatif
    tingkat: organisasi
    bukti: ["SK Wali Kota 800/3/2025"]
perilaku_kerja: {orientasi_pelayanan: 85, integritas: 88, komitmen: 84, disiplin: 90, kerja_sama: 86}
"""

PLANNED = HEAD + """\
kegiatan:
  - id: K1
    uraian: Menyusun RKA Unit Kerja
    jenis: utama
    mendukung: [SS1]
    target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3, satuan_waktu: bulan}
  - id: K2
    uraian: Memverifikasi data e-Planning
    jenis: utama
    mendukung: [SS1]
    target: {kuantitas: 12, satuan: laporan, kualitas: 100, waktu: 12, satuan_waktu: bulan}
"""

# K1: 100 + 95 + 76 = 271 → 90,333…; K2: 100 + 90 + 75 (25 % early) = 265 → 88,333…
# mean 89,333… + tambahan 1 + kreativitas 6 = 96,333… (Sangat Baik); perilaku 86,6
# NPK = 0,6 × 96,333… + 0,4 × 86,6 = 57,8 + 34,64 = 92,44 (Sangat Baik)


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    d = tmp_path / "skp"
    (d / "sub").mkdir(parents=True)
    (d / "a-dinilai.skp.yaml").write_text(SCORED, encoding="utf-8")
    (d / "sub" / "b-rencana.skp.yml").write_text(PLANNED, encoding="utf-8")
    (d / "catatan.txt").write_text("bukan yaml", encoding="utf-8")
    return d


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner(env={"SKPGEN_LANG": None, **(env or {})}).invoke(score, list(args), catch_exceptions=False)


def test_text_table_for_scored_plan(plans: Path):
    r = run(str(plans / "a-dinilai.skp.yaml"))
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    assert "Ali Rahman, S.Kom. (198503122010011002) — Analis Kebijakan Ahli Muda — pp46-2011, 2025" in out
    k1 = next(line for line in out.splitlines() if line.startswith("K1 "))
    assert k1.split()[-5:] == ["95,00", "76,00", "-", "271,00", "90,33"]
    k2 = next(line for line in out.splitlines() if line.startswith("K2 "))
    assert k2.split()[-4:] == ["75,00", "-", "265,00", "88,33"]
    assert "Tugas tambahan: 1 (1 kegiatan dengan bukti)" in out
    assert "Kreativitas: 6" in out
    assert "Nilai SKP: 96,33 (Sangat Baik)" in out
    assert "Nilai perilaku kerja: 86,60" in out
    assert "Nilai prestasi kerja: 92,44 (Sangat Baik)" in out
    assert "Rincian perhitungan" not in out
    assert "\x1b[" not in out


def test_explain_shows_branch_and_numbers(plans: Path):
    r = run(str(plans / "a-dinilai.skp.yaml"), "--explain")
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert "Rincian perhitungan:" in lines
    assert ("    waktu (bulan): efisiensi = 100 − (9/12 × 100) = 25,00% > 24% → "
            "76 − ((((1,76 × 12 − 9)/12) × 100) − 100) = 75,00") in lines
    assert "    nilai capaian = 265,00 / 3 = 88,33" in lines
    assert "  nilai SKP = 89,33 + 1 + 6 = 96,33 → Sangat Baik" in lines
    assert "  nilai prestasi kerja = 60% × 96,33 + 40% × 86,60 = 92,44 → Sangat Baik" in lines


def test_plan_without_realisation_prints_targets_and_no_score(plans: Path):
    r = run(str(plans / "sub" / "b-rencana.skp.yml"), "--explain")
    assert r.exit_code == 0
    out = r.stdout
    assert "Target (belum ada realisasi):" in out
    k2 = next(line for line in out.splitlines() if line.startswith("K2 "))
    assert k2.split()[-6:] == ["12", "laporan", "100", "12", "bulan", "-"]
    assert "Belum ada realisasi: nilai belum ada." in out
    assert "Nilai SKP" not in out


def test_json_is_one_array_matching_spec_section_9(plans: Path):
    r = run(str(plans), "--format", "json")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert [Path(x["file"]).name for x in data] == ["a-dinilai.skp.yaml", "b-rencana.skp.yml"]
    a, b = data
    assert list(a) == ["file", "aturan", "kegiatan", "tugas_tambahan", "kreativitas", "nilai_skp",
                       "predikat_skp", "nilai_perilaku", "nilai_prestasi_kerja", "predikat"]
    assert a["kegiatan"][0] == {"id": "K1", "jenis": "utama",
                                "aspek": {"kuantitas": 100.0, "kualitas": 95.0, "waktu": 76.0, "biaya": None},
                                "perhitungan": 271.0, "nilai_capaian": pytest.approx(90.3333333333)}
    assert a["kegiatan"][1]["aspek"]["waktu"] == 75.0
    assert (a["tugas_tambahan"], a["kreativitas"]) == (1, 6)
    assert a["nilai_skp"] == pytest.approx(96.333333333)
    assert a["predikat_skp"] == "Sangat Baik"
    assert a["nilai_perilaku"] == 86.6
    assert a["nilai_prestasi_kerja"] == pytest.approx(92.44)
    assert a["predikat"] == "Sangat Baik"
    assert b["nilai_skp"] is None and b["predikat_skp"] is None
    assert b["nilai_perilaku"] is None and b["nilai_prestasi_kerja"] is None and b["predikat"] is None
    assert b["kegiatan"][0]["aspek"] == {"kuantitas": None, "kualitas": None, "waktu": None, "biaya": None}
    assert b["tugas_tambahan"] == 0 and b["kreativitas"] == 0


def test_csv_one_row_per_kegiatan(plans: Path):
    r = run(str(plans), "--format", "csv")
    assert r.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [(Path(x["file"]).name, x["id"]) for x in rows] == [
        ("a-dinilai.skp.yaml", "K1"), ("a-dinilai.skp.yaml", "K2"), ("a-dinilai.skp.yaml", "T1"),
        ("a-dinilai.skp.yaml", "C1"), ("b-rencana.skp.yml", "K1"), ("b-rencana.skp.yml", "K2")]
    assert rows[1]["waktu"] == "75.0" and rows[1]["perhitungan"] == "265.0"
    assert float(rows[1]["nilai_capaian"]) == pytest.approx(88.3333333333)
    assert rows[2]["kuantitas"] == "" and rows[0]["biaya"] == ""
    assert rows[0]["predikat_skp"] == "Sangat Baik" and rows[0]["nip"] == "198503122010011002"
    assert rows[4]["nilai_skp"] == "" and rows[4]["predikat"] == ""


def test_csv_text_cells_cannot_become_formulas(tmp_path: Path):
    f = tmp_path / "x.yaml"
    f.write_text(SCORED.replace("uraian: Menyusun RKA Unit Kerja", 'uraian: "=HYPERLINK(1)"'), encoding="utf-8")
    r = run(str(f), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert rows[0]["uraian"] == "'=HYPERLINK(1)"


def test_lang_en(plans: Path):
    r = run(str(plans / "a-dinilai.skp.yaml"), "--explain", "--lang", "en")
    assert r.exit_code == 0
    assert "How the figures were computed:" in r.stdout
    assert "Additional tasks (tugas tambahan): 1 (1 activity with evidence)" in r.stdout
    assert "Sum" in r.stdout and "Perhitungan" not in r.stdout and "Nilai capaian" not in r.stdout
    r = run(str(plans / "sub" / "b-rencana.skp.yml"), env={"SKPGEN_LANG": "en"})
    assert "No realisation yet: there is no score." in r.stdout


def test_unparseable_file_exits_2_and_others_still_scored(plans: Path):
    (plans / "rusak.yaml").write_text("versi: 1\nkegiatan: [\n", encoding="utf-8")
    r = run(str(plans), "--format", "json")
    assert r.exit_code == 2
    assert [Path(x["file"]).name for x in json.loads(r.stdout)] == ["a-dinilai.skp.yaml", "b-rencana.skp.yml"]
    assert f"{plans / 'rusak.yaml'}:3:1: E004 [error]" in r.stderr
    assert "Traceback" not in r.stderr + r.stdout


def test_schema_error_exits_1_and_is_located(plans: Path):
    (plans / "salah.yaml").write_text(SCORED.replace("perilaku_kerja:", "perilaku_kerjaa:"), encoding="utf-8")
    r = run(str(plans))
    assert r.exit_code == 1
    assert "E021" in r.stderr and "perilaku_kerjaa" in r.stderr
    line = next(x for x in r.stderr.splitlines() if "E021" in x)
    assert line.startswith(f"{plans / 'salah.yaml'}:{SCORED.count(chr(10))}:1: E021 [error]")
    assert f"{plans / 'salah.yaml'}: tidak dinilai karena ada kesalahan skema." in r.stderr
    assert "Nilai SKP: 96,33 (Sangat Baik)" in r.stdout
    assert "2 berkas dinilai; 1 berkas tidak dapat dinilai." in r.stderr


def test_schema_error_and_load_error_together_exit_2(plans: Path):
    (plans / "salah.yaml").write_text(SCORED.replace("perilaku_kerja:", "perilaku_kerjaa:"), encoding="utf-8")
    r = run(str(plans), str(plans / "tidak-ada.yaml"))
    assert r.exit_code == 2
    assert "E001" in r.stderr


def test_missing_path_and_empty_dir_exit_2(tmp_path: Path):
    r = run(str(tmp_path / "tidak-ada.yaml"), "--lang", "en")
    assert r.exit_code == 2
    assert "E001 [error] The file cannot be read" in r.stderr
    (tmp_path / "kosong").mkdir()
    r = run(str(tmp_path / "kosong"))
    assert r.exit_code == 2
    assert "Tidak ada berkas *.yaml/*.yml" in r.stderr
    assert r.stdout == ""


def test_bad_format_is_a_usage_error(plans: Path):
    r = CliRunner().invoke(score, [str(plans), "--format", "xml"])
    assert r.exit_code == 2


def test_real_cli_scores_examples_without_traceback(cli):
    r = cli("score", "examples", "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert len(data) >= 4
    assert all(set(x) >= {"file", "aturan", "kegiatan", "nilai_skp", "predikat_skp", "predikat"} for x in data)
    r = cli("score", "examples", "--explain")
    assert r.returncode == 0 and "Traceback" not in r.stderr
    assert "efisiensi = 100 − (" in r.stdout
