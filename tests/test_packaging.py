"""The installed wheel works outside the checkout: schemas, templates and rule data are package data,
and validate, lint, score and render run from it with only the runtime dependencies installed."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT


@pytest.mark.slow
def test_wheel_installs_and_runs_every_core_command_outside_repo(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                            "-w", str(dist), str(ROOT)], capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr
    wheels = list(dist.glob("skpgen-*.whl"))
    assert len(wheels) == 1

    names = zipfile.ZipFile(wheels[0]).namelist()
    assert "skpgen/_data/schemas/skp.schema.json" in names
    assert "skpgen/_data/schemas/unit.schema.json" in names
    assert "skpgen/unit/messages.toml" in names
    assert "skpgen/locale/messages.toml" in names
    assert "skpgen/_data/templates/formulir-skp.docx" in names
    # the template build script is a development tool, not package data
    assert not [n for n in names if n.endswith("build.py") or n.endswith("build_templates.py")]
    metadata = zipfile.ZipFile(wheels[0]).read(next(n for n in names if n.endswith(".dist-info/METADATA")))
    requires = [line for line in metadata.decode().splitlines() if line.startswith("Requires-Dist:")]
    assert not [r for r in requires if "python-docx" in r and "extra ==" not in r], requires

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    install = subprocess.run([str(py), "-m", "pip", "install", "-q", str(wheels[0])], capture_output=True,
                             text=True, timeout=600)
    assert install.returncode == 0, install.stderr
    # an environment of its own: nothing from the test run (PYTHONPATH, caches) reaches the venv
    env = {"PATH": str(env_dir / "bin"), "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "NO_COLOR": "1"}
    no_docx = subprocess.run([str(py), "-c", "import docx"], capture_output=True, text=True, env=env)
    assert no_docx.returncode != 0  # rendering below runs without python-docx

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    example = EXAMPLES / "analis-kebijakan-2025.skp.yaml"
    (outside / example.name).write_bytes(example.read_bytes())
    skpgen = env_dir / "bin" / "skpgen"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(skpgen), *args], cwd=outside, capture_output=True, text=True, env=env,
                              timeout=120)

    version = run("--version")
    assert version.returncode == 0 and "skpgen" in version.stdout
    result = run("validate", example.name)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{example.name}: valid" in result.stdout
    assert '"$id"' in run("schema").stdout

    lint = run("lint", "--format", "json", example.name)
    assert lint.returncode == 0, lint.stderr
    assert all(f["file"] == example.name and f["severity"] != "error" for f in json.loads(lint.stdout))
    rules = run("rules", "S101")
    assert rules.returncode == 0 and "S101" in rules.stdout

    score = run("score", "--format", "json", example.name)
    assert score.returncode == 0, score.stderr
    plan = json.loads(score.stdout)[0]
    assert plan["file"] == example.name and plan["predikat_skp"] and plan["nilai_skp"] > 0

    out = outside / "out"
    render = run("render", example.name, "-o", str(out))
    assert render.returncode == 0, render.stderr
    docs = sorted(p.name for p in out.glob("*.docx"))
    assert docs == ["2025_198503122010011002_formulir-skp.docx", "2025_198503122010011002_penilaian-capaian.docx",
                    "2025_198503122010011002_penilaian-prestasi.docx"], docs
    for p in out.glob("*.docx"):
        assert zipfile.ZipFile(p).testzip() is None

    # the module path really is the installed one, not the checkout
    where = subprocess.run([str(py), "-c", "import skpgen; print(skpgen.__file__)"], cwd=outside,
                           capture_output=True, text=True, env=env)
    assert str(env_dir) in where.stdout
