"""`skpgen dashboard`: the Excel workbook (SPEC §7), checked cell by cell and through LibreOffice."""

from __future__ import annotations

import csv
import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from conftest import EXAMPLES, MINIMAL, libreoffice_or_skip, run_cli

ALI = MINIMAL.replace(
    '    target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3, satuan_waktu: bulan, tenggat: "2025-03-31"}\n',
    '    target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3, satuan_waktu: bulan, tenggat: "2025-03-31"}\n'
    '    realisasi: {kuantitas: 1, kualitas: 95, waktu: 3}\n'
    '    pemantauan: [{tanggal: "2025-03-28", status: selesai, progres: 100}]\n',
).replace(
    '    target: {kuantitas: 12, satuan: laporan, kualitas: 100, waktu: 12, satuan_waktu: bulan}\n',
    '    target: {kuantitas: 12, satuan: laporan, kualitas: 100, waktu: 12, satuan_waktu: bulan, tenggat: "2025-06-30"}\n'
    '    realisasi: {kuantitas: 12, kualitas: 90, waktu: 12}\n'
    '    pemantauan: [{tanggal: "2025-05-01", status: on-track, progres: 60}]\n',
)
BUDI = (MINIMAL
        .replace('"Ali Rahman, S.Kom."', '"Budi Santoso"')
        .replace('"198503122010011002"', '"199001012015031001"')
        .replace("  unit_kerja: Bagian Perencanaan\npejabat", "  unit_kerja: Bagian Umum\npejabat")
        .replace("satuan_waktu: bulan}\n",
                 "satuan_waktu: bulan}\n    pemantauan: [{tanggal: \"2025-02-01\", status: belum-mulai, progres: 0}]\n"))

HEADER = ["Unit kerja", "Nama", "NIP", "ID", "Kegiatan", "Jenis", "Target", "Realisasi", "Status",
          "Progres (%)", "Tenggat", "Nilai capaian", "Predikat pegawai", "Berkas"]


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    d = tmp_path / "skp"
    d.mkdir()
    (d / "ali.skp.yaml").write_text(ALI, encoding="utf-8")
    (d / "budi.skp.yaml").write_text(BUDI, encoding="utf-8")
    return d


def build(plans: Path, out: Path, *extra: str):
    r = run_cli("dashboard", str(plans), "-o", str(out), "--today", "2025-08-01", *extra)
    assert r.returncode == 0, r.stderr
    return r


def test_kegiatan_sheet(plans, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "out" / "dasbor.xlsx"
    r = build(plans, out)
    assert "Dasbor ditulis:" in r.stderr and "(2 SKP, 4 kegiatan, 2 unit kerja)" in r.stderr
    wb = load_workbook(out)
    assert wb.sheetnames == ["Kegiatan", "Ringkasan"]
    ws = wb["Kegiatan"]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    assert rows[0] == HEADER
    ali_file = str(plans / "ali.skp.yaml")
    budi_file = str(plans / "budi.skp.yaml")
    # sorted by unit: "Bagian Perencanaan" (Ali) before "Bagian Umum" (Budi)
    assert rows[1][:11] == ["Bagian Perencanaan", "Ali Rahman, S.Kom.", "198503122010011002", "K1",
                            "Menyusun RKA Unit Kerja", "utama", "1 dokumen; kualitas 100; 3 bulan",
                            "1 dokumen; kualitas 95; 3 bulan", "selesai", 100, dt.datetime(2025, 3, 31)]
    assert rows[1][11] == pytest.approx(90.333333, abs=1e-6)  # (100 + 95 + 76) / 3
    assert rows[1][12:] == ["Baik", ali_file]
    assert rows[2][3] == "K2" and rows[2][8] == "terlambat" and rows[2][9] == 60  # past 06-30, not selesai
    assert rows[3][:4] == ["Bagian Umum", "Budi Santoso", "199001012015031001", "K1"]
    assert rows[3][8:10] == ["terlambat", None]  # tenggat 2025-03-31 passed, never monitored
    assert rows[4][8:10] == ["belum mulai", 0]                 # the words of `skpgen status`, not YAML codes
    assert rows[3][11] is None and rows[3][12:] == [None, budi_file]  # no realisation: not scored
    # NIP is text, never a number in scientific notation
    assert ws["C2"].data_type == "s" and ws["C2"].number_format == "@"
    assert ws["L2"].number_format == "0.00" and ws["K2"].number_format == "yyyy-mm-dd"
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:N5"
    rules = {(str(rng.sqref), rule.formula[0], rule.dxf.fill.fgColor.rgb[-6:])
             for rng in ws.conditional_formatting for rule in rng.rules}
    assert ("I2:I5", '"terlambat"', "FFC7CE") in rules
    assert ("I2:I5", '"selesai"', "C6EFCE") in rules
    assert ("I2:I5", '"sesuai jadwal"', "DDEBF7") in rules
    assert ("I2:I5", '"belum mulai"', "EDEDED") in rules
    assert ("M2:M5", '"Sangat Baik"', "A9D08E") in rules
    assert ("M2:M5", '"Buruk"', "FFC7CE") in rules


def test_ringkasan_sheet(plans, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "dasbor.xlsx"
    build(plans, out)
    ws = load_workbook(out)["Ringkasan"]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    assert rows[0][0] == "Status kegiatan per unit kerja (per 2025-08-01)"
    assert rows[1] == ["Unit kerja", "Pegawai", "Kegiatan", "belum mulai", "sesuai jadwal", "terlambat", "selesai",
                       "belum dipantau", "Sangat Baik", "Baik", "Cukup", "Kurang", "Buruk", "belum dinilai"]
    assert rows[2] == ["Bagian Perencanaan", 1, 2, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    assert rows[3] == ["Bagian Umum", 1, 2, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1]
    assert rows[4] == ["Jumlah", 2, 4, 1, 0, 2, 1, 0, 0, 1, 0, 0, 0, 1]
    assert len(ws._charts) == 2


def test_reproducible_and_atomic(plans, tmp_path):
    from openpyxl import load_workbook

    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    build(plans, a)
    build(plans, b)
    assert a.read_bytes() == b.read_bytes()
    props = load_workbook(a).properties
    assert props.created == dt.datetime(2025, 1, 1) and props.modified == dt.datetime(2025, 1, 1)
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["a.xlsx", "b.xlsx"]  # no temp files
    c = tmp_path / "c.xlsx"
    build(plans, c, "--lang", "en")
    assert load_workbook(c)["Kegiatan"]["J1"].value == "Progress (%)"


def test_errors(plans, tmp_path):
    r = run_cli("dashboard", str(plans), "-o", str(tmp_path / "x.csv"))
    assert r.returncode == 2 and "harus berakhiran .xlsx" in r.stderr
    (plans / "rusak.skp.yaml").write_text(MINIMAL.replace("versi: 1", "versi: 2"), encoding="utf-8")
    out = tmp_path / "d.xlsx"
    r = run_cli("dashboard", str(plans), "-o", str(out), "--today", "2025-08-01")
    assert r.returncode == 1  # the invalid plan is skipped, the others are written
    assert "rusak.skp.yaml: berkas tidak valid" in r.stderr
    assert out.exists()
    r = run_cli("dashboard", str(plans / "rusak.skp.yaml"), "-o", str(tmp_path / "e.xlsx"))
    assert r.returncode == 1 and not (tmp_path / "e.xlsx").exists()
    r = run_cli("dashboard", str(tmp_path / "hilang"), "-o", str(tmp_path / "f.xlsx"))
    assert r.returncode == 2 and "Traceback" not in r.stderr


@pytest.mark.skipif(not (EXAMPLES / "analis-kebijakan-2025.skp.yaml").exists(), reason="examples not present")
def test_examples_dashboard(tmp_path):
    from openpyxl import load_workbook

    from skpgen.loader import load_path

    out = tmp_path / "dashboard.xlsx"
    r = run_cli("dashboard", "examples/", "-o", str(out), "--today", "2025-10-01")
    assert r.returncode == 0, r.stderr
    files = sorted(EXAMPLES.rglob("*.skp.yaml"))  # the unit file is not a plan
    n = sum(len(load_path(f).data["kegiatan"]) for f in files)
    ws = load_workbook(out)["Kegiatan"]
    assert ws.max_row == n + 1
    k4 = [row for row in ws.iter_rows(values_only=True)
          if row[2] == "198503122010011002" and row[3] == "K4"]
    assert len(k4) == 1 and k4[0][8] == "terlambat"


def calc_or_skip() -> str:
    """soffice with the Calc component (an .xlsx needs it; a Writer-only install cannot open one)."""
    soffice = libreoffice_or_skip()
    program = Path(os.path.realpath(soffice)).parent
    if not any(program.glob("libsclo.so*")) and not any(program.glob("sclo.dll")) \
            and not any(program.glob("libsclo.dylib")):
        if os.environ.get("SKPGEN_REQUIRE_LIBREOFFICE"):
            pytest.fail(f"LibreOffice Calc is required (SKPGEN_REQUIRE_LIBREOFFICE=1) but {program} has no Calc")
        pytest.skip("LibreOffice Calc not installed (only Writer): cannot open .xlsx")
    return soffice


def test_opens_in_libreoffice(plans, tmp_path):
    soffice = calc_or_skip()
    out = tmp_path / "dasbor.xlsx"
    build(plans, out)
    profile = tmp_path / "lo-profile"
    conv = tmp_path / "conv"
    try:
        subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                        "--convert-to", 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true', "--outdir", str(conv), str(out)],
                       capture_output=True, timeout=120, check=False, env={**os.environ, "HOME": str(tmp_path)})
    except subprocess.TimeoutExpired:
        pytest.fail("LibreOffice did not convert the dashboard within 120 s")
    csv_file = conv / "dasbor.csv"
    assert csv_file.exists(), "LibreOffice could not open the dashboard"
    rows = list(csv.reader(csv_file.read_text(encoding="utf-8", errors="replace").splitlines()))
    assert rows[0] == HEADER
    assert rows[1][:6] == ["Bagian Perencanaan", "Ali Rahman, S.Kom.", "198503122010011002", "K1",
                           "Menyusun RKA Unit Kerja", "utama"]
    assert rows[1][8] == "selesai" and rows[1][10] == "2025-03-31" and rows[1][11] == "90.33"


def test_print_setup_and_2022_realisation_with_units(tmp_path):
    """Printed (or PDF), every sheet is landscape A4 scaled to the page width with its header rows
    repeated; the charts start on a page of their own and the second moves to the next page when
    both do not fit; 6/2022 realisations carry the target's unit ("4 laporan; 85 persen")."""
    from openpyxl import load_workbook

    out = tmp_path / "dasbor.xlsx"
    r = run_cli("dashboard", "examples/", "-o", str(out), "--today", "2025-10-01")
    assert r.returncode == 0, r.stderr
    wb = load_workbook(out)
    for ws, titles in ((wb["Kegiatan"], "$1:$1"), (wb["Ringkasan"], "$1:$2")):
        assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
        assert ws.print_title_rows == titles
    ws = wb["Kegiatan"]
    assert ws.print_area == f"'Kegiatan'!$A$1:$M${ws.max_row}"           # the file column is not printed
    rows = {row[3]: row for row in ws.iter_rows(values_only=True)  # Dimas also has a 2025 plan (unit-aptika)
            if row[2] == "199402172019031006" and str(row[13]).endswith("pranata-komputer-2024.skp.yaml")}
    assert rows["RHK3"][6:8] == ("4 laporan; 90 persen", "4 laporan; 85 persen")
    assert rows["RHK1"][7] == "99,4 persen; 12 aplikasi"
    ss = wb["Ringkasan"]
    total_row = next(c.row for c in ss["A"] if c.value == "Jumlah")
    anchors = [c.anchor._from.row + 1 for c in ss._charts]               # 1-based rows
    breaks = [b.id for b in ss.row_breaks.brk]
    assert breaks[0] == total_row + 1 and anchors[0] == total_row + 2     # the first chart starts a page
    assert len(breaks) == 2 and anchors[1] == breaks[1] + 1               # 6 units: the second gets its own page
