"""Shared fixtures: a minimal valid plan as text, and a runner for the real CLI."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

# Hermetic: the compiled schema validator that skpgen caches under $XDG_CACHE_HOME/skpgen goes to
# a folder of this test run (inherited by every CLI subprocess), never the user's ~/.cache.
# (This module may be imported twice, by pytest and by `from conftest import …`: one folder per run.)
if not os.environ.get("SKPGEN_TEST_CACHE"):
    os.environ["SKPGEN_TEST_CACHE"] = tempfile.mkdtemp(prefix="skpgen-test-cache-")
    atexit.register(shutil.rmtree, os.environ["SKPGEN_TEST_CACHE"], ignore_errors=True)
TEST_CACHE = Path(os.environ["SKPGEN_TEST_CACHE"])
os.environ["XDG_CACHE_HOME"] = str(TEST_CACHE)

MINIMAL = """\
versi: 1
aturan: pp46-2011
instansi: Pemerintah Kota Contoh
periode: {tahun: 2025, mulai: "2025-01-02", selesai: "2025-12-31"}
pegawai:
  nama: "Ali Rahman, S.Kom."
  nip: "198503122010011002"
  pangkat: Penata
  golongan: III/c
  jabatan: Analis Kebijakan Ahli Muda
  jenis_jabatan: fungsional_tertentu
  unit_kerja: Bagian Perencanaan
pejabat_penilai:
  nama: "Dra. Siti Aminah, M.Si."
  nip: "197002021995032001"
  pangkat: Pembina
  golongan: IV/a
  jabatan: Kepala Bagian Perencanaan
  jenis_jabatan: struktural
  unit_kerja: Bagian Perencanaan
keselarasan:
  - {id: SS1, sasaran: Peningkatan kualitas perencanaan}
kegiatan:
  - id: K1
    uraian: Menyusun RKA Unit Kerja
    jenis: utama
    mendukung: [SS1]
    target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3, satuan_waktu: bulan, tenggat: "2025-03-31"}
  - id: K2
    uraian: Memverifikasi data e-Planning
    jenis: utama
    mendukung: [SS1]
    target: {kuantitas: 12, satuan: laporan, kualitas: 100, waktu: 12, satuan_waktu: bulan}
"""


@pytest.fixture(autouse=True, scope="session")
def _lint_cache_outside_the_repo(tmp_path_factory) -> None:
    """CLI runs keep their lint cache in a scratch folder, not in the checkout (a run over
    examples/ finds the repository's pyproject.toml and would cache beside it)."""
    os.environ["SKPGEN_CACHE_DIR"] = str(tmp_path_factory.mktemp("skpgen-cache"))


@pytest.fixture
def minimal_text() -> str:
    return MINIMAL


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
            input_text: str | None = None, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    """Run the real ``skpgen`` CLI in a subprocess (what users run), capturing text output."""
    full_env = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    full_env.pop("SKPGEN_LANG", None)
    full_env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), full_env.get("PYTHONPATH", "")]))
    if env:
        full_env.update(env)
    return subprocess.run([sys.executable, "-m", "skpgen", *args], cwd=cwd or ROOT, env=full_env,
                          capture_output=True, text=True, timeout=timeout, input=input_text)


@pytest.fixture
def cli():
    return run_cli


def libreoffice_or_skip() -> str:
    """Path of soffice; skip when absent, unless CI requires LibreOffice (then fail)."""
    import shutil

    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe:
        return exe
    if os.environ.get("SKPGEN_REQUIRE_LIBREOFFICE"):
        pytest.fail("LibreOffice is required in CI (SKPGEN_REQUIRE_LIBREOFFICE=1) but soffice is missing")
    pytest.skip("LibreOffice not installed")
