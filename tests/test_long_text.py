"""P624: an uraian or indikator text too long to print well (threshold as a validated option).
The rendering side (signatures kept whole on long text) is checked in test_visual.py, which
converts this plan together with the examples."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from conftest import EXAMPLES

BASE = "Menyusun kajian kebijakan bidang ketahanan pangan daerah yang mencakup pengumpulan data, analisis, dan rekomendasi "
LONG = (BASE * 20)[:2000].strip()


def long_text_plan(path: Path) -> Path:
    """The analis example with a 2,000-character uraian on K1 (the case of issue 13)."""
    data = yaml.safe_load((EXAMPLES / "analis-kebijakan-2025.skp.yaml").read_text(encoding="utf-8"))
    data["kegiatan"][0]["uraian"] = LONG
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
    return path


def _lint_json(cli, *args: str) -> tuple[int, list[dict]]:
    r = cli("lint", "--format", "json", *args)
    return r.returncode, (json.loads(r.stdout) if r.stdout.strip() else [])


def test_long_uraian_gives_p624_at_its_line(cli, tmp_path: Path) -> None:
    plan = long_text_plan(tmp_path / "panjang.skp.yaml")
    line = next(i for i, text in enumerate(plan.read_text(encoding="utf-8").splitlines(), 1) if "Menyusun kajian" in text)
    rc, findings = _lint_json(cli, "--select", "P624", str(plan))
    assert rc == 0                                                    # a warning does not fail the run
    assert [(f["code"], f["line"]) for f in findings] == [("P624", line)]
    assert "Uraian kegiatan 'K1' panjangnya 2.000 karakter (batas 300)" in findings[0]["message"]
    rc, findings = _lint_json(cli, "--select", "P624", str(EXAMPLES))
    assert findings == []                                             # the examples print well


def test_threshold_is_an_option_and_is_validated(cli, tmp_path: Path) -> None:
    plan = long_text_plan(tmp_path / "panjang.skp.yaml")
    (tmp_path / ".skpgen.yaml").write_text("options: {P624: {maks_karakter: 2000}}\n", encoding="utf-8")
    rc, findings = _lint_json(cli, "--select", "P624", str(plan))
    assert findings == []                                             # exactly at the limit is fine
    (tmp_path / ".skpgen.yaml").write_text("options: {P624: {maks_karakter: 1999}}\n", encoding="utf-8")
    rc, findings = _lint_json(cli, "--select", "P624", str(plan))
    assert [f["code"] for f in findings] == ["P624"]
    (tmp_path / ".skpgen.yaml").write_text("options: {P624: {maks_karakter: 10}}\n", encoding="utf-8")
    r = cli("lint", "--select", "P624", str(plan))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "opsi 'maks_karakter' aturan P624 harus bilangan bulat 50–5000, bukan 10" in r.stderr
    (tmp_path / ".skpgen.yaml").write_text("options: {P624: {maks_karakter: banyak}}\n", encoding="utf-8")
    r = cli("lint", "--select", "P624", str(plan))
    assert r.returncode == 2 and "harus bilangan bulat 50–5000, bukan \"banyak\"" in r.stderr


def test_long_indikator_text_of_a_2022_plan(cli, tmp_path: Path) -> None:
    data = yaml.safe_load((EXAMPLES / "pranata-komputer-2024.skp.yaml").read_text(encoding="utf-8"))
    data["kegiatan"][0]["indikator"][0]["teks"] = "Persentase " + "layanan aplikasi yang tersedia " * 12
    path = tmp_path / "iki.skp.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    rc, findings = _lint_json(cli, "--select", "P624", "--lang", "en", str(path))
    assert len(findings) == 1
    assert findings[0]["message"].startswith("The indikator text of kegiatan 'RHK1' is 382 characters long (limit 300)")
