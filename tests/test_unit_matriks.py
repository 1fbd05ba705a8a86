"""The Matriks Peran Hasil: built from the example unit's plans, written as DOCX and XLSX through
the real CLI, reproducible byte for byte, opened by openpyxl and by LibreOffice (Writer and Calc)."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import EXAMPLES, libreoffice_or_skip, run_cli
from skpgen.commands._common import iter_yaml_files
from skpgen.unit.analysis import analyse
from skpgen.unit.matriks import build_matrix
from test_render_e2e import _pdftotext
from test_year_dashboard import calc_or_skip

UNIT_DIR = EXAMPLES / "unit-aptika"
LEADER_RHK = {
    "RHK1": "Meningkatnya ketersediaan dan keandalan layanan aplikasi pemerintah daerah",
    "RHK2": "Meningkatnya keterpaduan aplikasi dan data antarperangkat daerah",
    "RHK3": "Meningkatnya keamanan aplikasi milik pemerintah daerah",
    "RHK4": "Terwujudnya tata kelola aplikasi sesuai arsitektur SPBE daerah",
}
EMPLOYEES = [  # (nama, NIP, level) in row order
    ("Rina Marlina, S.Kom., M.T.", "198204172006042011", 1), ("Dimas Pratama, S.Kom.", "199402172019031006", 2),
    ("Yoga Saputra, A.Md.Kom.", "199703112022031004", 2), ("Fitri Handayani, S.Kom.", "199512032020122012", 2),
    ("Agus Setiawan, S.T.", "198109122009011003", 1), ("Rizky Ramadhan, S.Kom., M.Kom.", "199101052015031002", 2),
    ("Nur Aini, S.Tr.Kom.", "199806212022032009", 2), ("Bambang Wijaya", "198807142010011004", 2),
]


def matrix_of(folder: Path, kolom: str = "rhk"):  # type: ignore[no-untyped-def]
    result = analyse(list(iter_yaml_files([folder], "id", [], units=True)))
    (report,) = result.reports
    return build_matrix(report.cascade, kolom)


def test_matrix_rows_columns_and_cells_of_the_example() -> None:
    m = matrix_of(UNIT_DIR)
    assert [(c.key, c.title) for c in m.columns] == list(LEADER_RHK.items())
    assert [(r.nama, r.nip, r.level) for r in m.rows] == EMPLOYEES
    assert [r.group for r in m.rows] == [True, False, False, False, True, False, False, False]
    rina, dimas, agus, nuraini = m.rows[0], m.rows[1], m.rows[4], m.rows[6]
    assert rina.cells == {
        "RHK1": ["Tersedianya aplikasi layanan publik yang dikembangkan sesuai kebutuhan perangkat daerah"],
        "RHK2": ["Terintegrasinya aplikasi layanan perizinan dan kependudukan melalui sistem penghubung layanan"],
        "RHK4": ["Terdokumentasinya seluruh aplikasi pemerintah daerah dalam katalog aplikasi SPBE"]}
    # a staff RHK lands in the column its Kepala Seksi's RHK intervenes (two-level chain)
    assert dimas.cells["RHK2"] == ["Terwujudnya integrasi data kependudukan dengan aplikasi layanan perizinan"]
    assert dimas.cells["RHK4"] == ["Tersedianya dokumentasi teknis aplikasi dalam katalog aplikasi SPBE"]
    assert set(agus.cells) == {"RHK1", "RHK3"}
    assert nuraini.cells == {"RHK3": ["Tersusunnya standar keamanan aplikasi pemerintah daerah",
                                      "Terlaksananya uji keamanan aplikasi sebelum dioperasikan"]}
    assert m.leader_nip == "197805232003121002" and m.leader_jabatan == "Kepala Bidang Aplikasi Informatika"


def test_iki_columns_and_a_written_iki_cell(tmp_path: Path) -> None:
    m = matrix_of(UNIT_DIR, "iki")
    assert [c.key for c in m.columns] == ["RHK1.1", "RHK1.2", "RHK2.1", "RHK3.1", "RHK4.1"]
    assert m.columns[1].subtitle == "Jumlah aplikasi layanan publik yang beroperasi di pusat data daerah"
    assert "RHK1" in m.rows[0].cells  # not placed on one IKI: spans RHK1.1 and RHK1.2
    unit = tmp_path / "unit"
    shutil.copytree(UNIT_DIR, unit)
    path = unit / "bidang-aptika.unit.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("      RHK1: Meningkatnya keandalan layanan hosting",
                                 "      RHK1.2: Meningkatnya keandalan layanan hosting"), encoding="utf-8")
    m = matrix_of(unit, "iki")
    agus = m.rows[4]
    assert agus.cells["RHK1.2"] == ["Meningkatnya keandalan layanan hosting aplikasi di pusat data daerah"]
    assert "RHK1" not in agus.cells
    # the staff under Agus follow his RHK into the same IKI column
    assert m.rows[5].cells["RHK1.2"] == ["Meningkatnya ketersediaan server aplikasi di pusat data daerah"]


def _docx_text(path: Path) -> str:
    import re

    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    return " ".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml))


@pytest.mark.parametrize("kolom", ["rhk", "iki"])
def test_docx_and_xlsx_are_complete_and_reproducible(tmp_path: Path, kolom: str) -> None:
    from openpyxl import load_workbook

    for suffix in (".docx", ".xlsx"):
        a, b = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
        for out in (a, b):
            r = run_cli("unit", "matriks", str(UNIT_DIR), "-o", str(out), "--kolom", kolom)
            assert r.returncode == 0, r.stderr
            assert r.stdout.strip() == str(out)
        assert a.read_bytes() == b.read_bytes(), f"{suffix} not reproducible"
    text = _docx_text(tmp_path / "a.docx")
    for nama, nip, _ in EMPLOYEES:
        assert nama in text and f"NIP {nip}" in text
    for rid, uraian in LEADER_RHK.items():
        assert f"{rid}: {uraian}" in text
    wb = load_workbook(tmp_path / "a.xlsx")
    ws = wb["MPH"]
    values = [[c for c in row] for row in ws.iter_rows(values_only=True)]
    header = values[5]
    assert header[:4] == ["NO", "PEGAWAI", "NIP", "JABATAN"]
    for rid, uraian in LEADER_RHK.items():
        assert f"{rid}: {uraian}" in header
    first = 7 if kolom == "rhk" else 8
    body = values[first - 1:]
    assert [(row[1].strip(), row[2]) for row in body] == [(n, nip) for n, nip, _ in EMPLOYEES]
    assert body[1][1] == "  Dimas Pratama, S.Kom." and body[1][3] == "Pranata Komputer Ahli Pertama"
    assert ws.freeze_panes == ("E7" if kolom == "rhk" else "E8")


def test_matriks_command_errors(tmp_path: Path) -> None:
    r = run_cli("unit", "matriks", str(UNIT_DIR), "-o", str(tmp_path / "x.pdf"))
    assert r.returncode == 2 and ".docx atau .xlsx" in r.stderr
    r = run_cli("unit", "matriks", str(EXAMPLES / "guru-2025.skp.yaml"), "-o", str(tmp_path / "x.docx"))
    assert r.returncode == 2 and "tidak ada berkas unit" in r.stderr and not (tmp_path / "x.docx").exists()
    two = tmp_path / "dua"
    shutil.copytree(UNIT_DIR, two / "a")
    shutil.copytree(UNIT_DIR, two / "b")
    r = run_cli("unit", "matriks", str(two), "-o", str(tmp_path / "y.docx"))
    assert r.returncode == 2 and "2 berkas unit" in r.stderr


def test_a_member_without_a_plan_is_a_row_with_a_note(tmp_path: Path) -> None:
    unit = tmp_path / "unit"
    shutil.copytree(UNIT_DIR, unit)
    (unit / "09-pengelola-layanan-operasional.skp.yaml").unlink()
    m = matrix_of(unit)
    assert (m.rows[-1].nip, m.rows[-1].note, m.rows[-1].cells) == ("198807142010011004", "belum ada SKP 2025", {})


# ---- LibreOffice -----------------------------------------------------------------------------------

@pytest.mark.e2e
@pytest.mark.slow
def test_docx_opens_in_libreoffice_writer(tmp_path: Path) -> None:
    from skpgen.render.pdf import convert

    soffice = libreoffice_or_skip()
    out = tmp_path / "mph.docx"
    assert run_cli("unit", "matriks", str(UNIT_DIR), "-o", str(out)).returncode == 0
    (pdf,) = convert([out], soffice=soffice)
    text = " ".join(_pdftotext(pdf).split())
    assert "MATRIKS PERAN HASIL" in text
    for nama, nip, _ in EMPLOYEES:
        assert nip in text, nip
    for rid in LEADER_RHK:
        assert f"{rid}:" in text
    assert "Meningkatnya keandalan layanan hosting aplikasi di pusat data daerah" in text


@pytest.mark.e2e
@pytest.mark.slow
def test_xlsx_opens_in_libreoffice_calc(tmp_path: Path) -> None:
    soffice = calc_or_skip()
    out = tmp_path / "mph.xlsx"
    assert run_cli("unit", "matriks", str(UNIT_DIR), "-o", str(out)).returncode == 0
    conv = tmp_path / "conv"
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--norestore",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true", "--outdir",
                    str(conv), str(out)], capture_output=True, timeout=180, check=False,
                   env={**os.environ, "HOME": str(tmp_path)})
    csv_file = conv / "mph.csv"
    assert csv_file.exists(), "LibreOffice Calc could not open the matrix"
    rows = list(csv.reader(io.StringIO(csv_file.read_text(encoding="utf-8"))))
    assert rows[0][0] == "MATRIKS PERAN HASIL"
    assert rows[5][:4] == ["NO", "PEGAWAI", "NIP", "JABATAN"]
    assert rows[5][4:8] == [f"{rid}: {uraian}" for rid, uraian in LEADER_RHK.items()]
    assert [(r[1].strip(), r[2]) for r in rows[6:14]] == [(n, nip) for n, nip, _ in EMPLOYEES]
