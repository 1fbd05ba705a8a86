"""``skpgen unit kurva`` (SPEC §11) over the example unit, from the plans and from an e-Kinerja
export; the curve rules U750/U751 in ``skpgen unit DIR`` and ``skpgen lint DIR``."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook

from conftest import EXAMPLES, run_cli
from skpgen.kurva import predikat_rencana
from test_render_forms import load_plan

UNIT_DIR = EXAMPLES / "unit-aptika"
UNIT = "Bidang Aplikasi Informatika"
OPD = "Dinas Komunikasi dan Informatika Kota Contoh"
LEADER = "197805232003121002"
HASIL = {"sangat_baik": "SANGAT BAIK", "baik": "BAIK", "butuh_perbaikan": "CUKUP", "kurang": "KURANG",
         "sangat_kurang": "SANGAT KURANG", None: "-"}


def plans() -> dict[str, dict]:
    return {(p := load_plan(f))["pegawai"]["nip"]: p for f in sorted(UNIT_DIR.glob("*.skp.yaml"))}


def export_like_the_plans(path: Path, periode: str = "tahunan", drop: str | None = None) -> Path:
    wb = Workbook()
    pen = wb.active
    pen.title = "Penilaian SKP"
    pen.append(["Laporan Penilaian SKP Tahun 2025"])
    pen.append([f"Instansi {OPD}"])
    pen.append([])
    pen.append([dt.datetime(2026, 1, 15, 8, 0)])
    header = [h for h in ("nama", "id", "hasil_akhir") if h != drop]
    pen.append(header)
    for nip, plan in plans().items():
        row = {"nama": plan["pegawai"]["nama"], "id": nip, "hasil_akhir": HASIL[predikat_rencana(plan, periode)]}
        pen.append([row[h] for h in header])
    lap = wb.create_sheet("Laporan SKP")
    lap.append(["Laporan SKP Tahun 2025"])
    lap.append([f"Instansi {OPD}"])
    lap.append(["nip", "nama", "skp_unor_induk", "skp_unor_nama", "is_plt_plh", "periode_akhir"])
    end = dt.datetime(2025, 12, 31)
    for nip, plan in plans().items():
        lap.append([nip, plan["pegawai"]["nama"], OPD, UNIT, 0, end])
    # a Plt from another bidang (counted there) and a mutasi duplicate (the earlier unit is left behind)
    lap.append(["197511112000031001", "Plt", OPD, UNIT, 1, end])
    lap.append(["197511112000031001", "Plt", OPD, "Bidang Statistik", 0, end])
    first = next(n for n in plans() if n != LEADER)
    lap.append([first, "Sebelum mutasi", OPD, "Bidang Statistik", 0, dt.datetime(2025, 3, 31)])
    wb.save(path)
    return path


@pytest.fixture
def planted(tmp_path: Path) -> Path:
    """A copy of the example unit whose organisation predikat of triwulan I is Butuh Perbaikan."""
    dst = tmp_path / "unit"
    shutil.copytree(UNIT_DIR, dst)
    f = dst / "bidang-aptika.unit.yaml"
    text = f.read_text(encoding="utf-8")
    assert "  triwulan-1: baik\n" in text
    f.write_text(text.replace("  triwulan-1: baik\n", "  triwulan-1: butuh_perbaikan\n", 1), encoding="utf-8")
    return dst


def test_example_unit_follows_the_curve_every_period():
    r = run_cli("unit", "kurva", str(UNIT_DIR))
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.count("→ sesuai pola distribusi.") == 5
    assert ("Bidang Aplikasi Informatika — tahunan — predikat kinerja organisasi Baik — 8 pegawai berpredikat "
            "(dari evaluasi SKP; pimpinan unit tidak dihitung)") in r.stdout
    assert "  Baik                 5  █████" in r.stdout
    assert ("  Baik: 5 dari 8 pegawai; paling banyak 70 % dari 8 pegawai = 5,6 → 5 orang (dibulatkan ke bawah) — "
            "sesuai") in r.stdout
    assert "rules/kurva-distribusi.toml, versi 2023.1" in r.stdout and "[U]" in r.stdout


def test_text_of_a_violation_states_rounding_and_small_unit(planted: Path):
    r = run_cli("unit", "kurva", str(planted), "--periode", "triwulan-1")
    assert r.returncode == 1, r.stderr
    assert "— triwulan-1 — predikat kinerja organisasi Butuh Perbaikan — 8 pegawai berpredikat" in r.stdout
    assert ("  Sangat Baik: 2 dari 8 pegawai; paling banyak 10 % dari 8 pegawai = 0,8 → 0 orang (dibulatkan ke "
            "bawah) — TIDAK SESUAI") in r.stdout
    assert ("  Butuh Perbaikan: 1 dari 8 pegawai; paling sedikit 60 % dari 8 pegawai = 4,8 → 5 orang (dibulatkan ke "
            "atas) — TIDAK SESUAI") in r.stdout
    assert "  Unit 8 pegawai terlalu kecil untuk bagian 10 % (0,8 orang): batas maksimum menjadi 0 orang." in r.stdout
    assert "→ TIDAK sesuai pola distribusi (2 pelanggaran)." in r.stdout
    assert "triwulan-2" not in r.stdout


def test_json_keys_are_the_spec_ones(planted: Path):
    r = run_cli("unit", "kurva", str(planted), "--format", "json")
    assert r.returncode == 1
    data = json.loads(r.stdout)
    assert [d["periode"] for d in data] == ["triwulan-1", "triwulan-2", "triwulan-3", "triwulan-4", "tahunan"]
    for d in data:
        assert list(d) == ["unit", "periode", "predikat_organisasi", "n", "jumlah", "patuh", "pelanggaran"]
        assert d["jumlah"] == {"sangat_baik": 2, "baik": 5, "butuh_perbaikan": 1, "kurang": 0, "sangat_kurang": 0}
    assert data[-1] == {"unit": UNIT, "periode": "tahunan", "predikat_organisasi": "baik", "n": 8,
                        "jumlah": {"sangat_baik": 2, "baik": 5, "butuh_perbaikan": 1, "kurang": 0, "sangat_kurang": 0},
                        "patuh": True, "pelanggaran": []}
    assert data[0]["predikat_organisasi"] == "butuh_perbaikan" and data[0]["patuh"] is False
    assert data[0]["pelanggaran"][0].startswith("Sangat Baik: 2 dari 8 pegawai, padahal paling banyak 10 % dari 8 ")


@pytest.mark.parametrize("periode", ["triwulan-1", "tahunan"])
def test_ekinerja_export_gives_the_same_curve_as_the_plans(planted: Path, tmp_path: Path, periode: str):
    xlsx = export_like_the_plans(tmp_path / "ekinerja.xlsx", periode)
    from_plans = run_cli("unit", "kurva", str(planted), "--periode", periode, "--format", "json")
    from_export = run_cli("unit", "kurva", str(planted), "--periode", periode, "--format", "json",
                          "--ekinerja", str(xlsx))
    assert from_export.returncode == from_plans.returncode, from_export.stderr
    assert json.loads(from_export.stdout) == json.loads(from_plans.stdout)
    text = run_cli("unit", "kurva", str(planted), "--periode", periode, "--ekinerja", str(xlsx))
    assert "(dari ekspor e-Kinerja; pimpinan unit tidak dihitung)" in text.stdout


def test_ekinerja_without_hasil_akhir_names_it_exit_2(tmp_path: Path):
    xlsx = export_like_the_plans(tmp_path / "ekinerja.xlsx", drop="hasil_akhir")
    r = run_cli("unit", "kurva", str(UNIT_DIR), "--ekinerja", str(xlsx))
    assert r.returncode == 2
    assert "lembar 'Penilaian SKP' (baris judul 5): kolom Penilaian SKP tidak ditemukan: hasil_akhir" in r.stderr
    assert "Traceback" not in r.stderr
    r = run_cli("unit", "kurva", str(UNIT_DIR), "--ekinerja", str(tmp_path / "tidak-ada.xlsx"))
    assert r.returncode == 2 and "tidak dapat dibaca" in r.stderr


def test_folder_without_unit_file_exit_2(tmp_path: Path):
    shutil.copy(EXAMPLES / "pranata-komputer-2024.skp.yaml", tmp_path / "a.skp.yaml")
    r = run_cli("unit", "kurva", str(tmp_path))
    assert r.returncode == 2 and r.stdout == ""


def test_curve_and_leader_rules_in_unit_summary_and_lint(planted: Path):
    clean = run_cli("lint", "--format", "json", "--select", "U750,U751", str(UNIT_DIR))
    assert clean.returncode == 0 and json.loads(clean.stdout) == []
    r = run_cli("lint", "--format", "json", "--select", "U750,U751", str(planted))
    found = json.loads(r.stdout)
    [u751] = [f for f in found if f["code"] == "U751"]
    assert Path(u751["file"]).name == "bidang-aptika.unit.yaml" and u751["severity"] == "warning"
    assert (u751["line"], u751["column"]) == (12, 15)          # at "triwulan-1: butuh_perbaikan"
    assert u751["message"].startswith("Kurva triwulan-1 unit Bidang Aplikasi Informatika tidak sesuai pola "
                                      "distribusi (predikat organisasi butuh_perbaikan, 8 pegawai): Sangat Baik: 2")
    # the leader's triwulan-1 rating hasil kerja (sesuai) no longer is the unit's achievement (butuh perbaikan)
    [u750] = [f for f in found if f["code"] == "U750"]
    assert Path(u750["file"]).name == "01-kepala-bidang.skp.yaml"
    assert "rating hasil kerja sesuai_ekspektasi, padahal predikat kinerja organisasi butuh_perbaikan berarti " \
           "di_bawah_ekspektasi" in u750["message"]
    assert "[pimpinan]: asas [Q], padanan predikat organisasi ke rating [U]" in u750["message"]
    summary = run_cli("unit", str(planted))
    assert "U751" in summary.stdout and "U750" in summary.stdout
    assert summary.returncode == 0                               # warnings: the curve is a consideration


def test_render_of_the_unit_folder_marks_the_predikat_and_draws_the_curve(tmp_path: Path):
    from test_render_forms import normalise

    out = tmp_path / "out"
    r = run_cli("render", str(UNIT_DIR), "-o", str(out), "--form", "evaluasi-2022", "--jobs", "1")
    assert r.returncode == 0, r.stderr
    q1 = normalise((out / "2025_199402172019031006_evaluasi-2022-triwulan-1.docx").read_bytes())
    assert "CAPAIAN KINERJA ORGANISASI*: [  ] ISTIMEWA   [X] BAIK   [  ] BUTUH PERBAIKAN" in q1
    assert ("SERIES Frekuensi pegawai: Sangat Kurang=0#9E1B1B, Kurang/Misconduct=0#C0501E, Butuh Perbaikan=1#E0A030, "
            "Baik=5#1F5FA8, Sangat Baik=2#1F4E79") in q1
    assert "| Baik: paling banyak 70 % dari 8 pegawai = 5,6 → 5 orang (dibulatkan ke bawah) | 5 | sesuai |" in q1
    assert "Sebaran predikat sesuai pola distribusi." in q1
    akhir = normalise((out / "2025_199402172019031006_evaluasi-2022.docx").read_bytes())
    assert "PERIODE: AKHIR" in akhir and "Baik=5#1F5FA8, Sangat Baik=2#1F4E79" in akhir
    # the same plan rendered alone (no unit file given): the printed choice line stays
    alone = tmp_path / "alone"
    r = run_cli("render", str(UNIT_DIR / "04-pranata-komputer-ahli-pertama.skp.yaml"), "-o", str(alone),
                "--form", "evaluasi-2022")
    text = normalise((alone / "2025_199402172019031006_evaluasi-2022.docx").read_bytes())
    assert "CAPAIAN KINERJA ORGANISASI*: ISTIMEWA/ BAIK/ BUTUH PERBAIKAN/ KURANG/ SANGAT KURANG" in text
