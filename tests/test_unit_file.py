"""The unit file (SPEC §11): its published schema, strict loading with located errors, the
hierarchy of a folder, and ``skpgen unit DIR`` (text and json) through the real CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator

from conftest import EXAMPLES, ROOT, run_cli
from skpgen.loader import load_path
from skpgen.unit.facts import plan_facts
from skpgen.unit.hierarchy import assign_plans, build_hierarchy
from skpgen.unit.model import UnitError, is_unit_file, load_unit, read_unit
from test_schema_examples import documented_schemas

UNIT_DIR = EXAMPLES / "unit-aptika"
UNIT_FILE = UNIT_DIR / "bidang-aptika.unit.yaml"
SCHEMA_PATH = ROOT / "schemas" / "unit.schema.json"

KABID, RINA, AGUS = "197805232003121002", "198204172006042011", "198109122009011003"
DIMAS, YOGA, FITRI = "199402172019031006", "199703112022031004", "199512032020122012"
RIZKY, NURAINI, BAMBANG = "199101052015031002", "199806212022032009", "198807142010011004"

MINI_UNIT = """\
versi: 1
jenis: unit
nama: Bidang Aplikasi Informatika
instansi: Dinas Komunikasi dan Informatika Kota Contoh
tahun: 2025
pimpinan: "197805232003121002"
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def example_plans() -> list[Any]:
    return [plan_facts(load_path(p, display_name=str(p))) for p in sorted(UNIT_DIR.glob("*.skp.yaml"))]


# ---- schema ----------------------------------------------------------------------------------------

def test_unit_schema_is_draft7_documented_and_closed() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    assert schema["$id"] == "https://skpgen.github.io/schemas/unit/v1/unit.schema.json"
    assert schema["required"] == ["versi", "jenis", "nama", "instansi", "tahun", "pimpinan"]
    assert set(schema["properties"]) >= {"predikat_organisasi", "matriks", "tim"}
    assert schema["properties"]["predikat_organisasi"]["properties"]["tahunan"]["enum"] == [
        "istimewa", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"]
    seen = 0
    validator = Draft7Validator(schema)
    for where, sub in documented_schemas(schema):
        seen += 1
        assert sub.get("title") and len(sub.get("description", "")) >= 10, where
        for value in sub.get("examples") or [None]:
            assert value is not None, f"{where}: no example"
            assert not list(validator.evolve(schema=sub).iter_errors(value)), (where, value)
    assert seen >= 20


def test_spec_example_and_bundled_unit_validate() -> None:
    spec = MINI_UNIT + """\
predikat_organisasi:
  tahunan: baik
  triwulan-1: baik
matriks:
  - nip: "199402172019031006"
    peran: {RHK1: "Meningkatnya ketersediaan layanan aplikasi perangkat daerah"}
"""
    from skpgen.loader import load_text
    from skpgen.unit.model import validate_unit_document

    assert validate_unit_document(load_text(spec, "spec.unit.yaml")) == []
    unit = load_unit(UNIT_FILE)
    assert (unit.nama, unit.tahun, unit.pimpinan) == ("Bidang Aplikasi Informatika", 2025, KABID)
    assert unit.predikat_organisasi["tahunan"] == "baik"
    assert [r.nip for r in unit.matriks] == [RINA, AGUS, DIMAS, YOGA, FITRI, RIZKY, NURAINI, BAMBANG]
    assert unit.row_atasan(unit.matriks[0]) == KABID and unit.row_atasan(unit.matriks[2]) == RINA
    assert UNIT_FILE.read_text(encoding="utf-8").splitlines()[0] == \
        "# yaml-language-server: $schema=../../schemas/unit.schema.json"


def test_is_unit_file() -> None:
    assert is_unit_file("a/b/bidang.unit.yaml") and is_unit_file("X.UNIT.YML")
    assert not is_unit_file("unit.yaml") and not is_unit_file("bidang-unit.skp.yaml")


@pytest.mark.parametrize("extra,code,line,col", [
    ("kepala: x\n", "E021", 7, 1),  # unknown key, at the key
    ("matriks:\n  - nip: 199402172019031006\n    peran: {RHK1: x}\n", "E022", 8, 10),  # NIP not quoted
    ("predikat_organisasi: {tahunan: cukup}\n", "E023", 7, 32),  # enum
    ("predikat_organisasi: {semester-1: baik}\n", "E021", 7, 23),  # unknown period
    ("matriks:\n  - {nip: \"199402172019031006\", peran: {}}\n", "E026", 8, 40),  # empty peran
    ("tim:\n  - {nama: T, ketua: \"198204172006042011\"}\n", "E020", 8, 5),  # anggota missing
    ("tahun: 2026\n", "E006", 7, 1),  # duplicate key
])
def test_bad_unit_files_give_located_errors(tmp_path: Path, extra: str, code: str, line: int, col: int) -> None:
    path = write(tmp_path, "u.unit.yaml", MINI_UNIT + extra)
    res = read_unit(path)
    assert res.unit is None
    assert [(f.code, f.line, f.column) for f in res.findings][:1] == [(code, line, col)], \
        [(f.code, f.line, f.column, f.message) for f in res.findings]
    with pytest.raises(UnitError):
        load_unit(path)


def test_unit_cross_field_errors(tmp_path: Path) -> None:
    path = write(tmp_path, "u.unit.yaml", MINI_UNIT + f"""\
matriks:
  - {{nip: "{DIMAS}", peran: {{RHK1: Tersedianya modul aplikasi}}}}
  - {{nip: "{DIMAS}", peran: {{RHK2: Terintegrasinya data}}}}
tim:
  - {{nama: Tim Data, ketua: "{RINA}", anggota: ["{RINA}", "{YOGA}"]}}
  - {{nama: Tim Aplikasi, ketua: "{AGUS}", anggota: ["{YOGA}"]}}
""")
    res = read_unit(path)
    got = [(f.code, f.line, f.column) for f in res.findings]
    assert got == [("E070", 9, 11), ("E071", 11, 61), ("E070", 12, 65)], [f.message for f in res.findings]
    assert "baris 8" in res.findings[0].message
    assert res.findings[0].name == "nip-unit-ganda"


def test_english_messages(tmp_path: Path) -> None:
    path = write(tmp_path, "u.unit.yaml", MINI_UNIT + f"""\
matriks:
  - {{nip: "{DIMAS}", peran: {{RHK1: a}}}}
  - {{nip: "{DIMAS}", peran: {{RHK2: b}}}}
""")
    assert read_unit(path, lang="en").findings[0].message.startswith(f"NIP {DIMAS} is already listed on line 8")


# ---- hierarchy -------------------------------------------------------------------------------------

def test_hierarchy_of_the_example_unit() -> None:
    unit = load_unit(UNIT_FILE, "id")
    plans = example_plans()
    assert len(assign_plans([unit], plans)[unit.file]) == 9
    h = build_hierarchy(unit, plans)
    assert [(m.nip, m.level) for m in h.ordered()] == [
        (KABID, 0), (RINA, 1), (DIMAS, 2), (YOGA, 2), (FITRI, 2), (AGUS, 1), (RIZKY, 2), (NURAINI, 2), (BAMBANG, 2)]
    assert h.supervisors(DIMAS) == [RINA]
    assert h.grand_supervisors(DIMAS) == [KABID]
    assert sorted(h.subordinates(KABID)) == sorted([RINA, AGUS])
    assert h.members[KABID].penilai == "197001142000122003"  # the Kepala Dinas, outside the unit
    assert h.plan(YOGA).jabatan == "Pranata Komputer Terampil"


def test_hierarchy_teams_other_years_and_rows_without_plan(tmp_path: Path) -> None:
    unit_path = write(tmp_path, "u.unit.yaml", MINI_UNIT + f"""\
matriks:
  - {{nip: "{BAMBANG}", atasan: "{AGUS}", jabatan: Pengelola Layanan Operasional, peran: {{RHK1: Terselesaikannya tiket}}}}
tim:
  - {{nama: Tim Data, ketua: "{RIZKY}", anggota: ["{DIMAS}"]}}
""")
    for name in ("01-kepala-bidang", "02-kasi-pengembangan", "04-pranata-komputer-ahli-pertama"):
        shutil.copy(UNIT_DIR / f"{name}.skp.yaml", tmp_path / f"{name}.skp.yaml")
    old = (UNIT_DIR / "07-pranata-komputer-ahli-muda.skp.yaml").read_text(encoding="utf-8")
    write(tmp_path / "2024", "rizky-2024.skp.yaml", old.replace("tahun: 2025, mulai: 2025-01-02, selesai: 2025-12-31",
                                                                "tahun: 2024, mulai: 2024-01-02, selesai: 2024-12-31"))
    unit = load_unit(unit_path)
    plans = [plan_facts(load_path(p, display_name=str(p))) for p in sorted(tmp_path.rglob("*.skp.yaml"))]
    h = build_hierarchy(unit, assign_plans([unit], plans)[unit.file])
    assert h.supervisors(DIMAS) == [RINA, RIZKY]  # penilai, then the team leader
    assert h.plan(RIZKY) is None and [p.tahun for p in h.other_years[RIZKY]] == [2024]
    assert h.members[BAMBANG].plan is None and h.members[BAMBANG].penilai == AGUS
    assert h.members[AGUS].level is None  # named by the matrix only: not under the leader
    assert h.members[BAMBANG].level is None


def test_nearest_unit_folder_owns_a_plan(tmp_path: Path) -> None:
    outer = write(tmp_path, "dinas.unit.yaml", MINI_UNIT.replace("Bidang Aplikasi Informatika", "Dinas"))
    inner = write(tmp_path / "bidang", "bidang.unit.yaml", MINI_UNIT)
    shutil.copy(UNIT_DIR / "01-kepala-bidang.skp.yaml", tmp_path / "bidang" / "a.skp.yaml")
    shutil.copy(UNIT_DIR / "02-kasi-pengembangan.skp.yaml", tmp_path / "b.skp.yaml")
    units = [load_unit(outer), load_unit(inner)]
    plans = [plan_facts(load_path(p, display_name=str(p))) for p in sorted(tmp_path.rglob("*.skp.yaml"))]
    got = assign_plans(units, plans)
    assert [Path(p.file).name for p in got[str(outer)]] == ["b.skp.yaml"]
    assert [Path(p.file).name for p in got[str(inner)]] == ["a.skp.yaml"]


# ---- commands --------------------------------------------------------------------------------------

def test_validate_and_lint_check_the_unit_file(tmp_path: Path) -> None:
    r = run_cli("validate", str(UNIT_DIR))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "bidang-aptika.unit.yaml: valid" in r.stdout
    bad = write(tmp_path, "u.unit.yaml", MINI_UNIT + "kepala: x\n")
    r = run_cli("validate", "--format", "json", str(bad))
    assert r.returncode == 1
    assert [(f["code"], f["line"]) for f in json.loads(r.stdout)] == [("E021", 7)]
    r = run_cli("lint", "--format", "json", str(tmp_path))
    assert r.returncode == 1 and [(f["code"], f["line"]) for f in json.loads(r.stdout)] == [("E021", 7)]


def test_plan_commands_skip_unit_files(tmp_path: Path) -> None:
    r = run_cli("score", "--format", "json", str(UNIT_DIR))
    assert r.returncode == 0, r.stderr
    assert len(json.loads(r.stdout)) == 9
    r = run_cli("status", str(UNIT_FILE))
    assert r.returncode == 2 and "berkas unit" in r.stderr and "Traceback" not in r.stderr
    r = run_cli("render", str(UNIT_FILE), "-o", str(tmp_path / "out"))
    assert r.returncode == 2 and "berkas unit" in r.stderr


def test_schema_command_prints_the_unit_schema() -> None:
    r = run_cli("schema", "--unit")
    assert r.returncode == 0 and json.loads(r.stdout)["$id"].endswith("/unit/v1/unit.schema.json")


def test_unit_summary_text_and_json() -> None:
    r = run_cli("unit", str(UNIT_DIR))
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == f"Unit Bidang Aplikasi Informatika (2025) — {UNIT_DIR.relative_to(ROOT)}/bidang-aptika.unit.yaml" \
        or lines[0].startswith("Unit Bidang Aplikasi Informatika (2025) — ")
    assert "  Hadi Kurniawan, S.T., M.Kom. (197805232003121002) — Kepala Bidang Aplikasi Informatika [4 RHK]" in lines
    assert "    Rina Marlina, S.Kom., M.T. (198204172006042011) — Kepala Seksi Pengembangan Aplikasi [3 RHK]" in lines
    assert "      Yoga Saputra, A.Md.Kom. (199703112022031004) — Pranata Komputer Terampil [2 RHK]" in lines
    r = run_cli("unit", "--format", "json", str(UNIT_DIR))
    assert r.returncode == 0, r.stderr
    (unit,) = json.loads(r.stdout)
    assert set(unit) == {"file", "unit", "instansi", "tahun", "pimpinan", "predikat_organisasi", "pegawai", "temuan"}
    assert unit["pimpinan"] == KABID and unit["tahun"] == 2025 and unit["predikat_organisasi"]["tahunan"] == "baik"
    assert [p["nip"] for p in unit["pegawai"]] == [KABID, RINA, DIMAS, YOGA, FITRI, AGUS, RIZKY, NURAINI, BAMBANG]
    dimas = unit["pegawai"][2]
    assert dimas["level"] == 2 and dimas["pejabat_penilai"] == RINA and dimas["atasan_rhk"] == [RINA]
    assert dimas["rhk"][0] == {"id": "RHK1", "jenis": "utama",
                               "uraian": "Tersedianya modul aplikasi perizinan daring yang siap dioperasikan",
                               "rhk_atasan": f"{RINA}#RHK1"}
    assert unit["temuan"] == []
    r = run_cli("unit", "ringkasan", "--lang", "en", str(UNIT_DIR))
    assert r.returncode == 0 and "9 employees, 9 with a plan for the year:" in r.stdout


def test_unit_summary_exit_codes(tmp_path: Path) -> None:
    r = run_cli("unit", str(EXAMPLES / "guru-2025.skp.yaml"))
    assert r.returncode == 2 and "tidak ada berkas unit" in r.stderr
    write(tmp_path, "u.unit.yaml", MINI_UNIT + "kepala: x\n")
    r = run_cli("unit", "--format", "json", str(tmp_path))
    assert r.returncode == 1, r.stderr
    (unit,) = json.loads(r.stdout)
    assert unit["unit"] is None and [f["code"] for f in unit["temuan"]] == ["E021"]
    r = run_cli("unit", str(tmp_path / "tidak-ada"))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    r = run_cli("unit", "--help")
    assert r.returncode == 0 and "ringkasan" in r.stdout
