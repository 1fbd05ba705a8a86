"""The installed wheel works outside the checkout: schemas, templates and rule data are package data."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT


@pytest.mark.slow
def test_wheel_installs_and_validates_outside_repo(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                            "-w", str(dist), str(ROOT)], capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr
    wheels = list(dist.glob("skpgen-*.whl"))
    assert len(wheels) == 1

    import zipfile

    names = zipfile.ZipFile(wheels[0]).namelist()
    assert "skpgen/_data/schemas/skp.schema.json" in names
    assert "skpgen/_data/schemas/unit.schema.json" in names
    assert "skpgen/unit/messages.toml" in names
    assert "skpgen/locale/messages.toml" in names

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    install = subprocess.run([str(py), "-m", "pip", "install", "-q", str(wheels[0])], capture_output=True,
                             text=True, timeout=600)
    assert install.returncode == 0, install.stderr

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    example = next(iter(sorted(EXAMPLES.glob("*.skp.yaml"))))
    (outside / example.name).write_bytes(example.read_bytes())
    skpgen = env_dir / "bin" / "skpgen"
    version = subprocess.run([str(skpgen), "--version"], cwd=outside, capture_output=True, text=True)
    assert version.returncode == 0 and "skpgen" in version.stdout
    result = subprocess.run([str(skpgen), "validate", example.name], cwd=outside, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{example.name}: valid" in result.stdout
    schema = subprocess.run([str(skpgen), "schema"], cwd=outside, capture_output=True, text=True)
    assert '"$id"' in schema.stdout
    # the module path really is the installed one, not the checkout
    where = subprocess.run([str(py), "-c", "import skpgen; print(skpgen.__file__)"], cwd=outside,
                           capture_output=True, text=True)
    assert str(env_dir) in where.stdout
