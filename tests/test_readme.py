"""README claims hold (issue 10 item 12): the YAML sample is a valid plan, the config example works
as written, the pre-commit rev matches, tags are refused, `--max-bytes 100` names the real limit,
and every row of the exit-code table is what the command does."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES, MINIMAL, ROOT, run_cli

README = (ROOT / "README.md").read_text(encoding="utf-8")
GURU = str(EXAMPLES / "guru-2025.skp.yaml")
ANALIS = str(EXAMPLES / "analis-kebijakan-2025.skp.yaml")


def fenced(after: str, lang: str = "yaml") -> str:
    start = README.index(after)
    block = README.index(f"```{lang}\n", start) + len(lang) + 4
    return README[block:README.index("```\n", block)]


def test_yaml_sample_is_a_valid_plan(tmp_path: Path) -> None:
    sample = tmp_path / "contoh.skp.yaml"
    sample.write_text(fenced("## Format YAML"), encoding="utf-8")
    r = run_cli("validate", str(sample))
    assert r.returncode == 0, r.stdout + r.stderr
    r = run_cli("score", str(sample), "--format", "json")
    assert r.returncode == 0, r.stderr
    (plan,) = json.loads(r.stdout)
    assert round(plan["kegiatan"][0]["nilai_capaian"], 2) == 90.33  # (100 + 95 + 76) / 3


def test_config_example_works_as_written(tmp_path: Path) -> None:
    (tmp_path / ".skpgen.yaml").write_text(fenced("Configuration: `--config FILE`"), encoding="utf-8")
    shutil.copy(GURU, tmp_path / "guru.skp.yaml")
    r = run_cli("lint", "guru.skp.yaml", "--format", "concise", cwd=tmp_path)
    assert r.returncode in (0, 1), r.stderr
    assert "P606" not in r.stdout  # the example's ignore applies


def test_precommit_rev_is_the_package_version() -> None:
    from skpgen import __version__

    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert re.findall(r"rev: (v[\d.]+)", README) == [f"v{__version__}"]
    assert re.findall(r"rev: (v[\d.]+)", hooks) == [f"v{__version__}"]


@pytest.mark.parametrize("value", ["!!str 12", "! 12", "!!int 3"])
def test_tags_are_refused(tmp_path: Path, value: str) -> None:
    f = tmp_path / "tag.skp.yaml"
    f.write_text(MINIMAL.replace("pangkat: Penata\n", f"pangkat: {value}\n", 1), encoding="utf-8")
    r = run_cli("validate", str(f), "--format", "concise")
    tag = value.split()[0]
    assert r.returncode == 2
    assert f"{f}:8:12: E010 [error] Tag YAML eksplisit '{tag}' tidak diizinkan;" in r.stdout


def test_max_bytes_names_the_real_limit() -> None:
    r = run_cli("validate", GURU, "--max-bytes", "100", "--format", "concise")
    assert r.returncode == 2
    assert r.stdout.startswith(f"{GURU}:1:1: E003 [error] Berkas melebihi batas ukuran 100 byte;")


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    d = tmp_path_factory.mktemp("rows")
    out = {"good": GURU, "analis": ANALIS}
    texts = {
        "invalid": MINIMAL + "    realisasi: {kuantitas: 12, kualitas: 120, waktu: 12}\n",
        "broken": "versi: 1\nkegiatan: [\n",
        "dupkey": MINIMAL + "versi: 2\n",
        "anchor": MINIMAL.replace("pangkat: Penata\n", "pangkat: &p Penata\n", 1),
        "tag": MINIMAL.replace("pangkat: Penata\n", "pangkat: !!str Penata\n", 1),
        "lintfail": MINIMAL.replace("pejabat_penilai:\n  nama: \"Dra. Siti Aminah, M.Si.\"\n  nip: \"197002021995032001\"",
                                    "pejabat_penilai:\n  nama: \"Ali Rahman, S.Kom.\"\n  nip: \"198503122010011002\""),
    }
    for name, text in texts.items():
        path = d / f"{name}.skp.yaml"
        path.write_text(text, encoding="utf-8")
        out[name] = str(path)
    out["dir"] = str(d)
    return out


# (command row of the README table, args, expected exit code)
ROWS = [
    ("validate", ("validate", "{good}"), 0),
    ("validate", ("validate", "{invalid}"), 1),
    ("validate", ("validate", "{broken}"), 2),
    ("validate", ("validate", "{dupkey}"), 2),
    ("validate", ("validate", "{anchor}"), 2),
    ("validate", ("validate", "{tag}"), 2),
    ("validate", ("validate", "{good}", "--max-bytes", "100"), 2),
    ("validate", ("validate", "{good}", "--format", "nope"), 2),
    ("lint", ("lint", "{good}"), 0),
    ("lint", ("lint", "{lintfail}"), 1),
    ("lint", ("lint", "{broken}"), 2),
    ("rules", ("rules", "S101"), 0),
    ("rules", ("rules", "X999"), 2),
    ("score", ("score", "{analis}"), 0),
    ("score", ("score", "{invalid}"), 1),
    ("score", ("score", "{broken}"), 2),
    ("render", ("render", "{invalid}", "-o", "{dir}/out-invalid"), 1),
    ("render", ("render", "{broken}", "-o", "{dir}/out-broken"), 2),
    ("template", ("template", "export", "formulir-skp", "-o", "{dir}/f.docx"), 0),
    ("template", ("template", "export", "tidak-ada", "-o", "{dir}/g.docx"), 2),
    ("template", ("template", "check", "{good}"), 2),
    ("status", ("status", "{good}", "--today", "2025-10-01"), 0),
    ("status", ("status", "{invalid}"), 1),
    ("status", ("status", "{broken}"), 2),
    ("dashboard", ("dashboard", "{good}", "-o", "{dir}/d.xlsx"), 0),
    ("dashboard", ("dashboard", "{invalid}", "-o", "{dir}/e.xlsx"), 1),
    ("dashboard", ("dashboard", "{broken}", "-o", "{dir}/f.xlsx"), 2),
    ("diff", ("diff", "{good}", "{analis}"), 0),
    ("diff", ("diff", "{good}", "{analis}", "--exit-code"), 1),
    ("diff", ("diff", "{broken}", "{good}"), 2),
    ("init", ("init", "-o", "{dir}/baru.skp.yaml"), 0),
    ("init", ("init", "--from", "{invalid}", "-o", "{dir}/dari.skp.yaml"), 1),
    ("init", ("init", "-o", "{good}"), 2),
    ("schema", ("schema",), 0),
]


@pytest.mark.parametrize("row,args,code", ROWS, ids=[f"{r[0]}-{i}-{r[2]}" for i, r in enumerate(ROWS)])
def test_exit_code_table(files: dict[str, str], row: str, args: tuple[str, ...], code: int) -> None:
    line = next(line for line in README.splitlines() if line.startswith(f"| `skpgen {row}"))
    assert str(code) in line.rsplit("|", 2)[1], f"README row of {row} does not list exit code {code}"
    r = run_cli(*(a.format(**files) for a in args))
    assert r.returncode == code, (args, r.stdout[-500:], r.stderr[-500:])
    assert "Traceback" not in r.stderr


def test_render_of_a_valid_plan_exits_0(tmp_path: Path) -> None:
    r = run_cli("render", GURU, "-o", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["2025_198709252011012007_formulir-skp.docx"]
