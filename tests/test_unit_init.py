"""``skpgen init --matriks``: a subordinate's plan from the written Matriks Peran Hasil, valid and
free of cascading findings for every row of the example unit's matrix."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_cli
from skpgen.commands._common import iter_yaml_files
from skpgen.loader import load_path, load_text
from skpgen.unit.analysis import analyse
from skpgen.unit.model import load_unit
from skpgen.unit.scaffold import MatrixRowError, plan_from_matrix
from skpgen.validate import validate_document
from skpgen.year.scaffold import render_scaffold

UNIT_DIR = EXAMPLES / "unit-aptika"
UNIT_F = "bidang-aptika.unit.yaml"
ROWS = [r.nip for r in load_unit(UNIT_DIR / UNIT_F).matriks]


def _plan_file(folder: Path, nip: str) -> Path:
    return next(p for p in sorted(folder.glob("*.skp.yaml")) if load_path(p).data["pegawai"]["nip"] == nip)


@pytest.mark.parametrize("nip", ROWS)
def test_every_row_scaffolds_a_valid_plan_without_cascading_findings(tmp_path: Path, nip: str) -> None:
    unit_dir = tmp_path / "unit"
    shutil.copytree(UNIT_DIR, unit_dir)
    unit = load_unit(unit_dir / UNIT_F)
    docs = [load_path(p, display_name=str(p)) for p in sorted(unit_dir.glob("*.skp.yaml"))]
    plan = plan_from_matrix(unit, nip, docs)  # identities from the folder's plans
    text = render_scaffold(plan, schema_ref="../../schemas/skp.schema.json", matriks=str(unit_dir / UNIT_F))
    assert validate_document(load_text(text, "baru.skp.yaml")) == []
    _plan_file(unit_dir, nip).unlink()  # the scaffold replaces the employee's plan
    (unit_dir / "baru.skp.yaml").write_text(text, encoding="utf-8")
    # cascading rules only (U70x): a scaffold has no evaluasi yet, so the curve (U751) legitimately changes
    result = analyse(list(iter_yaml_files([unit_dir], "id", [], units=True)), select=["U70", "R402", "R406"])
    assert [(f.code, f.file, f.line, f.message) for f in result.findings] == []
    row = unit.row(nip)
    data = load_text(text).data
    assert [(k["uraian"], k["rhk_atasan"]) for k in data["kegiatan"]] == [
        (peran, f"{unit.row_atasan(row)}#{col.split('.')[0]}") for col, peran in row.peran]
    assert data["pegawai"]["nip"] == nip and data["pejabat_penilai"]["nip"] == unit.row_atasan(row)
    assert data["periode"]["tahun"] == 2025


def test_unknown_identity_is_left_as_placeholders(tmp_path: Path) -> None:
    """Without any plan of the employee in the folder, the pegawai block keeps the scaffold's
    placeholders (E065 until replaced); the cascade itself is already right."""
    unit_dir = tmp_path / "unit"
    shutil.copytree(UNIT_DIR, unit_dir)
    _plan_file(unit_dir, "199703112022031004").unlink()
    docs = [load_path(p, display_name=str(p)) for p in sorted(unit_dir.glob("*.skp.yaml"))]
    plan = plan_from_matrix(load_unit(unit_dir / UNIT_F), "199703112022031004", docs)
    text = render_scaffold(plan, schema_ref="../../schemas/skp.schema.json")
    found = validate_document(load_text(text, "baru.skp.yaml"))
    assert {(f.code, f.path) for f in found} == {("E065", ("pegawai", "nama"))}
    data = load_text(text).data
    assert data["pegawai"]["nip"] == "199703112022031004"
    assert data["pegawai"]["jabatan"] == "Pranata Komputer Terampil"  # from the matrix row


def test_cli_init_matriks(tmp_path: Path) -> None:
    unit_dir = tmp_path / "unit"
    shutil.copytree(UNIT_DIR, unit_dir)
    yoga = _plan_file(unit_dir, "199703112022031004")
    out = tmp_path / "05-yoga.skp.yaml"
    r = run_cli("init", "--matriks", str(unit_dir / UNIT_F), "--nip", "199703112022031004", "-o", str(out))
    assert r.returncode == 0, r.stderr
    yoga.unlink()
    out = out.rename(unit_dir / out.name)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[1].startswith(f"# SKP periode 2025, disusun dari Matriks Peran Hasil {unit_dir / UNIT_F}")
    data = load_path(out).data
    assert data["pejabat_penilai"]["nama"] == "Rina Marlina, S.Kom., M.T."
    assert data["atasan_pejabat_penilai"]["nip"] == "197805232003121002"
    assert data["pegawai"]["jabatan"] == "Pranata Komputer Terampil"
    assert data["pegawai"]["unit_kerja"] == "Bidang Aplikasi Informatika, Dinas Komunikasi dan Informatika"
    assert [k["rhk_atasan"] for k in data["kegiatan"]] == ["198204172006042011#RHK1", "198204172006042011#RHK2"]
    r = run_cli("lint", "--format", "json", "--select", "U70,R402,R406", str(unit_dir))
    assert r.returncode == 0 and json.loads(r.stdout) == []


def test_iki_column_names_the_supervisors_iki(tmp_path: Path) -> None:
    unit_dir = tmp_path / "unit"
    shutil.copytree(UNIT_DIR, unit_dir)
    path = unit_dir / UNIT_F
    path.write_text(path.read_text(encoding="utf-8").replace(
        "      RHK1: Meningkatnya keandalan layanan hosting", "      RHK1.2: Meningkatnya keandalan layanan hosting"),
        encoding="utf-8")
    docs = [load_path(p, display_name=str(p)) for p in sorted(unit_dir.glob("*.skp.yaml"))]
    plan = plan_from_matrix(load_unit(path), "198109122009011003", docs)
    assert plan["kegiatan"][0]["rhk_atasan"] == "197805232003121002#RHK1"
    assert plan["kegiatan"][0]["indikator"][0] == {
        "teks": "Persentase dukungan terhadap IKI atasan: "
                "Jumlah aplikasi layanan publik yang beroperasi di pusat data daerah",
        "aspek": "kualitas", "target": {"nilai": 100, "satuan": "persen"}}
    assert plan["kegiatan"][1]["indikator"][0]["teks"] == (
        "Persentase ketercapaian hasil: meningkatnya keamanan aplikasi melalui penilaian kerentanan berkala")


def test_init_matriks_errors(tmp_path: Path) -> None:
    unit = load_unit(UNIT_DIR / UNIT_F)
    with pytest.raises(MatrixRowError, match="tidak punya baris"):
        plan_from_matrix(unit, "197805232003121002", [])
    out = tmp_path / "x.skp.yaml"
    r = run_cli("init", "--matriks", str(UNIT_DIR / UNIT_F), "-o", str(out))
    assert r.returncode == 2 and "--nip" in r.stderr
    r = run_cli("init", "--matriks", str(UNIT_DIR / UNIT_F), "--nip", "199001012020011001", "-o", str(out))
    assert r.returncode == 2 and "tidak punya baris" in r.stderr and not out.exists()
    bad = tmp_path / "u.unit.yaml"
    bad.write_text("versi: 1\njenis: unit\n", encoding="utf-8")
    r = run_cli("init", "--matriks", str(bad), "--nip", "199001012020011001", "-o", str(out))
    assert r.returncode == 1 and "E020" in r.stderr
    r = run_cli("init", "--matriks", str(tmp_path / "hilang.unit.yaml"), "--nip", "1", "-o", str(out))
    assert r.returncode == 2 and "Traceback" not in r.stderr
