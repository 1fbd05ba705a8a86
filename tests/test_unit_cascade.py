"""Cascading findings (U701–U706) on the example unit and on copies of it with planted faults:
each finding's code, file, line and column, through ``skpgen lint DIR`` and ``skpgen unit DIR``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_cli

UNIT_DIR = EXAMPLES / "unit-aptika"
KABID, RINA, AGUS = "197805232003121002", "198204172006042011", "198109122009011003"

KABID_F, RINA_F, AGUS_F = "01-kepala-bidang.skp.yaml", "02-kasi-pengembangan.skp.yaml", "03-kasi-layanan.skp.yaml"
DIMAS_F, YOGA_F, FITRI_F = ("04-pranata-komputer-ahli-pertama.skp.yaml", "05-pranata-komputer-terampil.skp.yaml",
                            "06-penata-kelola-sistem.skp.yaml")
NURAINI_F, BAMBANG_F = "08-manggala-informatika.skp.yaml", "09-pengelola-layanan-operasional.skp.yaml"
UNIT_F = "bidang-aptika.unit.yaml"


@pytest.fixture
def unit(tmp_path: Path) -> Path:
    """A fresh copy of the example unit to plant faults in."""
    dst = tmp_path / "unit"
    shutil.copytree(UNIT_DIR, dst)
    return dst


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, (path.name, old)
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def place(path: Path, needle: str) -> tuple[int, int]:
    """(line, column) of the first occurrence of ``needle`` in ``path`` (1-based)."""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return n, line.index(needle) + 1
    raise AssertionError(f"{needle!r} not in {path}")


def lint_units(folder: Path) -> tuple[int, list[tuple[str, str, int, int]], list[dict]]:
    r = run_cli("lint", "--format", "json", "--select", "U70,R406", str(folder))  # cascading (U70x), not the curve
    assert r.returncode in (0, 1), r.stderr
    data = json.loads(r.stdout)
    return r.returncode, [(f["code"], Path(f["file"]).name, f["line"], f["column"]) for f in data], data


def test_example_unit_has_no_cascading_findings() -> None:
    code, got, _ = lint_units(UNIT_DIR)
    assert (code, got) == (0, [])


def test_unintervened_leader_rhk(unit: Path) -> None:
    # Agus's second RHK now supports the leader's RHK1: nobody intervenes the leader's RHK3 any more
    edit(unit / AGUS_F, f'rhk_atasan: "{KABID}#RHK3"', f'rhk_atasan: "{KABID}#RHK1"')
    _, got, data = lint_units(unit)
    kabid_rhk3 = place(unit / KABID_F, "- id: RHK3")
    cell = place(unit / UNIT_F, "RHK3: Meningkatnya keamanan aplikasi")
    assert got == [("U706", UNIT_F, cell[0], cell[1] + 6), ("U701", KABID_F, kabid_rhk3[0], kabid_rhk3[1] + 6)] \
        or sorted(got) == sorted([("U701", KABID_F, kabid_rhk3[0], kabid_rhk3[1] + 6),
                                  ("U706", UNIT_F, cell[0], cell[1] + 6)])
    u701 = next(f for f in data if f["code"] == "U701")
    assert u701["kegiatan"] == "RHK3" and u701["severity"] == "warning"
    assert "Meningkatnya keamanan aplikasi milik pemerintah daerah" in u701["message"]
    assert "Rina Marlina" in u701["message"] and "Agus Setiawan" in u701["message"]


def test_dangling_reference_replaces_r406(unit: Path) -> None:
    edit(unit / DIMAS_F, f'rhk_atasan: "{RINA}#RHK1"', f'rhk_atasan: "{RINA}#RHK9"')
    _, got, data = lint_units(unit)
    ref = place(unit / DIMAS_F, f'"{RINA}#RHK9"')
    cell = place(unit / UNIT_F, "RHK1: Tersedianya modul aplikasi perizinan")
    assert sorted(got) == sorted([("U702", DIMAS_F, *ref), ("U706", UNIT_F, cell[0], cell[1] + 6)])
    u702 = next(f for f in data if f["code"] == "U702")
    assert u702["message"] == (f"RHK 'RHK1' merujuk '{RINA}#RHK9', tetapi SKP atasan "
                               f"({unit / RINA_F}) tidak punya RHK 'RHK9' (yang ada: RHK1, RHK2, RHK3).")


def test_r406_still_reports_without_a_unit_file(unit: Path) -> None:
    edit(unit / DIMAS_F, f'rhk_atasan: "{RINA}#RHK1"', f'rhk_atasan: "{RINA}#RHK9"')
    (unit / UNIT_F).unlink()
    _, got, _ = lint_units(unit)
    assert got == [("R406", DIMAS_F, *place(unit / DIMAS_F, f'"{RINA}#RHK9"'))]


def test_reference_to_the_grand_supervisor(unit: Path) -> None:
    edit(unit / YOGA_F, f'rhk_atasan: "{RINA}#RHK1"', f'rhk_atasan: "{KABID}#RHK1"')
    _, got, data = lint_units(unit)
    ref = place(unit / YOGA_F, f'"{KABID}#RHK1"')
    cell = place(unit / UNIT_F, "RHK1: Tersedianya basis data aplikasi")
    assert sorted(got) == sorted([("U702", YOGA_F, *ref), ("U706", UNIT_F, cell[0], cell[1] + 6)])
    u702 = next(f for f in data if f["code"] == "U702")
    assert u702["message"] == (
        f"RHK 'RHK1' merujuk RHK 'RHK1' milik Hadi Kurniawan, S.T., M.Kom. ({KABID}), atasan dari atasan "
        f"langsung; rujuk RHK atasan langsung (Rina Marlina, S.Kom., M.T. {RINA}), misalnya {RINA}#RHK1.")


def test_free_text_matching_a_supervisor_rhk_is_offered_as_nip_id(unit: Path) -> None:
    edit(unit / FITRI_F, f'rhk_atasan: "{RINA}#RHK3"',
         'rhk_atasan: "terdokumentasinya seluruh aplikasi pemerintah daerah dalam katalog aplikasi SPBE."')
    _, got, data = lint_units(unit)
    assert got == [("U703", FITRI_F, *place(unit / FITRI_F, '"terdokumentasinya seluruh'))]
    assert data[0]["severity"] == "info"
    assert data[0]["message"].endswith(f'tulis rujukan pasti "{RINA}#RHK3".')


def test_free_text_matching_nothing(unit: Path) -> None:
    edit(unit / FITRI_F, f'rhk_atasan: "{RINA}#RHK3"', 'rhk_atasan: "Meningkatnya kepuasan pengguna layanan"')
    _, got, data = lint_units(unit)
    ref = place(unit / FITRI_F, '"Meningkatnya kepuasan pengguna layanan"')
    cell = place(unit / UNIT_F, "RHK3: Mutakhirnya data katalog")
    assert sorted(got) == sorted([("U702", FITRI_F, *ref), ("U706", UNIT_F, cell[0], cell[1] + 6)])
    assert f"{RINA}#RHK1, {RINA}#RHK2, {RINA}#RHK3" in next(f for f in data if f["code"] == "U702")["message"]


def test_written_matrix_that_disagrees(unit: Path) -> None:
    # the matrix gives Nur Aini another role text, and a column her Kepala Seksi does not have
    edit(unit / UNIT_F, "RHK2: Tersusunnya standar keamanan aplikasi pemerintah daerah",
         "RHK2: Tersusunnya rencana pemulihan bencana aplikasi\n      RHK7: Terpantaunya lisensi perangkat lunak")
    _, got, data = lint_units(unit)
    uraian = place(unit / NURAINI_F, "uraian: Tersusunnya standar keamanan")
    col = place(unit / UNIT_F, "RHK7: Terpantaunya")
    assert sorted(got) == sorted([("U706", NURAINI_F, uraian[0], uraian[1] + 8),
                                  ("U706", UNIT_F, col[0], col[1] + 6)])
    teks = next(f for f in data if f["file"].endswith(NURAINI_F))
    assert teks["kegiatan"] == "RHK1" and "Tersusunnya rencana pemulihan bencana aplikasi" in teks["message"]
    kolom = next(f for f in data if f["file"].endswith(UNIT_F))
    assert "kolom 'RHK7' bukan RHK pada SKP Agus Setiawan, S.T." in kolom["message"]


def test_plan_intervening_outside_its_matrix_row_and_employee_without_row(unit: Path) -> None:
    edit(unit / NURAINI_F, f'rhk_atasan: "{AGUS}#RHK2"\n    indikator:\n      - teks: Persentase aplikasi baru',
         f'rhk_atasan: "{AGUS}#RHK1"\n    indikator:\n      - teks: Persentase aplikasi baru')
    text = (unit / UNIT_F).read_text(encoding="utf-8")
    start = text.index('  - nip: "198807142010011004"')
    (unit / UNIT_F).write_text(text[:start], encoding="utf-8")  # Bambang's row removed
    _, got, _ = lint_units(unit)
    ref = place(unit / NURAINI_F, f'"{AGUS}#RHK1"')
    nip = place(unit / BAMBANG_F, '"198807142010011004"')
    assert sorted(got) == sorted([("U706", NURAINI_F, *ref), ("U706", BAMBANG_F, *nip)])


def test_employee_without_a_plan_and_penilai_outside_the_unit(unit: Path) -> None:
    (unit / BAMBANG_F).unlink()
    edit(unit / FITRI_F, f'nip: "{RINA}"', 'nip: "197512122000031001"')
    _, got, _ = lint_units(unit)
    row = place(unit / UNIT_F, '"198807142010011004"')
    penilai = place(unit / FITRI_F, '"197512122000031001"')
    atasan = place(unit / UNIT_F, f'atasan: "{RINA}"')  # Fitri's row: the third staff row under Rina
    lines = [n for n, line in enumerate((unit / UNIT_F).read_text(encoding="utf-8").splitlines(), 1)
             if f'atasan: "{RINA}"' in line]
    assert atasan[0] == lines[0]
    refs = [(n, line.index('"19820417') + 1) for n, line in
            enumerate((unit / FITRI_F).read_text(encoding="utf-8").splitlines(), 1) if "rhk_atasan:" in line]
    # her references still name Rina, who is no longer her penilai: R406 (no unit rule can resolve them)
    assert sorted(got) == sorted([("U704", UNIT_F, *row), ("U705", FITRI_F, *penilai),
                                  ("U706", UNIT_F, lines[2], atasan[1] + 8)]
                                 + [("R406", FITRI_F, *ref) for ref in refs])


def test_last_years_plan_without_this_years(unit: Path) -> None:
    old = (unit / BAMBANG_F).read_text(encoding="utf-8")
    (unit / BAMBANG_F).unlink()
    (unit / "2024").mkdir()
    (unit / "2024" / "bambang-2024.skp.yaml").write_text(
        old.replace("tahun: 2025, mulai: 2025-01-02, selesai: 2025-12-31",
                    "tahun: 2024, mulai: 2024-01-02, selesai: 2024-12-31"), encoding="utf-8")
    text = (unit / UNIT_F).read_text(encoding="utf-8")
    (unit / UNIT_F).write_text(text[:text.index('  - nip: "198807142010011004"')], encoding="utf-8")
    _, got, data = lint_units(unit)
    assert got == [("U704", "bambang-2024.skp.yaml",
                    *place(unit / "2024" / "bambang-2024.skp.yaml", '"198807142010011004"'))]
    assert "punya SKP 2024" in data[0]["message"] and "tidak punya SKP 2025" in data[0]["message"]


def test_team_members_may_intervene_the_team_leader(unit: Path) -> None:
    rizky = "199101052015031002"
    edit(unit / NURAINI_F, f'rhk_atasan: "{AGUS}#RHK2"', f'rhk_atasan: "{rizky}#RHK2"')
    _, got, _ = lint_units(unit)
    assert ("U702", NURAINI_F) in [(c, f) for c, f, _, _ in got]  # not her supervisor, no team yet
    edit(unit / UNIT_F, "matriks:\n", f'tim:\n  - {{nama: Tim Keamanan Aplikasi, ketua: "{rizky}", '
                                      f'anggota: ["199806212022032009"]}}\nmatriks:\n')
    _, got, _ = lint_units(unit)
    assert ("U702", NURAINI_F) not in [(c, f) for c, f, _, _ in got], got


def test_suppression_and_config_apply_to_unit_findings(unit: Path) -> None:
    edit(unit / AGUS_F, f'rhk_atasan: "{KABID}#RHK3"', f'rhk_atasan: "{KABID}#RHK1"')
    edit(unit / KABID_F, "  - id: RHK3\n", "  - id: RHK3  # skpgen: ignore[U701] -- dikerjakan tim lintas bidang\n")
    _, got, _ = lint_units(unit)
    assert [c for c, *_ in got] == ["U706"]
    r = run_cli("lint", "--format", "json", "--ignore", "U706", "--select", "U", str(unit))
    assert r.returncode == 0 and json.loads(r.stdout) == []


def test_unit_summary_lists_the_findings_and_english(unit: Path) -> None:
    edit(unit / DIMAS_F, f'rhk_atasan: "{RINA}#RHK1"', f'rhk_atasan: "{RINA}#RHK9"')
    r = run_cli("unit", "--format", "json", str(unit))
    assert r.returncode == 0, r.stderr  # warnings only
    (summary,) = json.loads(r.stdout)
    assert sorted(f["code"] for f in summary["temuan"]) == ["U702", "U706"]
    r = run_cli("unit", "--lang", "en", str(unit))
    assert "Findings (2):" in r.stdout and "has no RHK 'RHK9'" in r.stdout


def test_messages_formatted_in_both_languages(unit: Path) -> None:
    import re

    edit(unit / AGUS_F, f'rhk_atasan: "{KABID}#RHK3"', f'rhk_atasan: "{KABID}#RHK1"')  # U701, U706
    edit(unit / YOGA_F, f'rhk_atasan: "{RINA}#RHK1"', f'rhk_atasan: "{KABID}#RHK1"')  # U702 grand
    edit(unit / FITRI_F, f'rhk_atasan: "{RINA}#RHK3"',
         'rhk_atasan: "Terdokumentasinya seluruh aplikasi pemerintah daerah dalam katalog aplikasi SPBE"')  # U703
    (unit / BAMBANG_F).unlink()  # U704
    edit(unit / NURAINI_F, f'nip: "{AGUS}"', 'nip: "197512122000031001"')  # U705
    by_lang = {}
    for lang in ("id", "en"):
        r = run_cli("lint", "--format", "json", "--select", "U", "--lang", lang, str(unit))
        by_lang[lang] = json.loads(r.stdout)
    assert {f["code"] for f in by_lang["id"]} == {"U701", "U702", "U703", "U704", "U705", "U706"}
    for f_id, f_en in zip(by_lang["id"], by_lang["en"], strict=True):
        assert (f_id["file"], f_id["line"], f_id["code"]) == (f_en["file"], f_en["line"], f_en["code"])
        assert f_id["message"] != f_en["message"]
        for f in (f_id, f_en):
            assert not re.search(r"\{[a-z_]+\}", f["message"]), f["message"]
