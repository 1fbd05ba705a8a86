"""Batch-aware 6/2022 forms: the intervened RHK's text when the supervisor's plan is rendered in the
same batch, the labelled reference when it is not; golden snapshots of the example unit's forms
and of its Matriks Peran Hasil."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_cli
from skpgen.commands._common import iter_yaml_files
from skpgen.render.batch import Options, render_plan, rhk_index
from skpgen.unit.analysis import analyse
from skpgen.unit.matriks import build_matrix, matrix_docx
from test_render_forms import _docx_all_text, check_golden, normalise

UNIT_DIR = EXAMPLES / "unit-aptika"
GOLDEN = Path(__file__).resolve().parent / "golden_unit"
DIMAS_F = UNIT_DIR / "04-pranata-komputer-ahli-pertama.skp.yaml"
RINA_RHK1 = "Tersedianya aplikasi layanan publik yang dikembangkan sesuai kebutuhan perangkat daerah"


def _items(*paths: Path) -> list[tuple[str, str]]:
    return [(str(t.path), t.display) for t in iter_yaml_files(list(paths), "id", [])]


def _golden(name: str, text: str) -> None:
    check_golden(GOLDEN / name, text)


def test_rhk_index_of_the_unit_batch() -> None:
    opts = Options("unused")
    index = rhk_index(_items(UNIT_DIR), opts)
    assert set(index) == {2025}
    assert index[2025]["198204172006042011#RHK1"] == RINA_RHK1
    assert len(index[2025]) == 22  # every RHK of the nine plans
    assert rhk_index(_items(DIMAS_F), opts) == {}  # a single plan: nothing to look up
    # plans that refer to nobody by "NIP#id" need no index (and no second load)
    assert rhk_index(_items(EXAMPLES / "guru-2025.skp.yaml", EXAMPLES / "arsiparis-2025.skp.yaml"), opts) == {}


@pytest.mark.parametrize("form", ["skp-2022", "evaluasi-2022"])
def test_forms_print_the_intervened_rhk_text_in_a_batch(tmp_path: Path, form: str) -> None:
    opts = Options(str(tmp_path))
    opts = Options(str(tmp_path), rhk_texts=rhk_index(_items(UNIT_DIR), opts))
    res = render_plan(str(DIMAS_F), str(DIMAS_F), opts)
    assert res.status == "ok", res.errors
    path = next(Path(p) for p in res.written if p.endswith(f"_{form}.docx"))
    text = _docx_all_text(path.read_bytes())
    assert RINA_RHK1 in text and "[rujukan" not in text
    _golden(f"pranata-komputer-ahli-pertama__{form}.txt", normalise(path.read_bytes()))
    # the leader's supervisor (the Kepala Dinas) is not in the batch: the reference, labelled
    res = render_plan(str(UNIT_DIR / "01-kepala-bidang.skp.yaml"), "kabid", opts)
    kabid = _docx_all_text(Path(next(p for p in res.written if p.endswith(f"_{form}.docx"))).read_bytes())
    assert "[rujukan RHK2 pada SKP NIP 197001142000122003; SKP atasan tidak ikut dicetak]" in kabid


def test_cli_render_dir_vs_one_file(tmp_path: Path) -> None:
    r = run_cli("render", str(UNIT_DIR), "-o", str(tmp_path / "batch"), "-q")
    assert r.returncode == 0, r.stderr
    batch = _docx_all_text((tmp_path / "batch" / "2025_199402172019031006_skp-2022.docx").read_bytes())
    assert RINA_RHK1 in batch
    r = run_cli("render", str(DIMAS_F), "-o", str(tmp_path / "one"), "-q")
    assert r.returncode == 0, r.stderr
    one = _docx_all_text((tmp_path / "one" / "2025_199402172019031006_skp-2022.docx").read_bytes())
    assert RINA_RHK1 not in one
    assert "[rujukan RHK1 pada SKP NIP 198204172006042011; SKP atasan tidak ikut dicetak]" in one
    r = run_cli("render", str(UNIT_DIR), "-o", str(tmp_path / "jobs2"), "-q", "--jobs", "2")
    assert r.returncode == 0, r.stderr

    def digest(folder: Path) -> dict[str, str]:
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}

    assert digest(tmp_path / "batch") == digest(tmp_path / "jobs2")


def test_matrix_golden() -> None:
    result = analyse(list(iter_yaml_files([UNIT_DIR], "id", [], units=True)))
    data = matrix_docx(build_matrix(result.reports[0].cascade, "rhk"))
    _golden("unit-aptika__matriks-peran-hasil.txt", normalise(data))
