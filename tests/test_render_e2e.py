"""End to end: render the examples, convert them to PDF with LibreOffice, read the PDF text back
(``pdftotext -raw``: content-stream order keeps the text of one table cell together).

Needs LibreOffice and pdftotext; skipped locally when absent, failing in CI where
SKPGEN_REQUIRE_LIBREOFFICE=1. All documents go through one soffice call to keep the run short.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import EXAMPLES, libreoffice_or_skip, run_cli
from skpgen.render.batch import Options, render_plan
from skpgen.render.pdf import convert
from skpgen.scoring import fmt_number, score_plan
from test_render_forms import NASTY, adversarial_plan, load_plan, write_plan

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def _pdftotext(pdf: Path) -> str:
    exe = shutil.which("pdftotext")
    if exe is None:
        import os

        if os.environ.get("SKPGEN_REQUIRE_LIBREOFFICE"):
            pytest.fail("pdftotext (poppler-utils) is required in CI")
        pytest.skip("pdftotext not installed")
    return subprocess.run([exe, "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True,
                          timeout=60).stdout


def _squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[dict, list[Path]]]:
    soffice = libreoffice_or_skip()
    out = tmp_path_factory.mktemp("e2e")
    docs: dict[str, tuple[dict, list[Path]]] = {}
    everything: list[Path] = []
    for example in sorted(EXAMPLES.glob("*.skp.yaml")):
        res = render_plan(str(example), example.name, Options(str(out)))
        assert res.status == "ok", res.errors
        paths = [Path(p) for p in res.written]
        docs[example.name] = (load_plan(example), paths)
        everything.extend(paths)
    pdfs = convert(everything, soffice=soffice)
    assert [p.with_suffix(".docx") for p in pdfs] == everything
    return docs


def test_every_example_form_converts_and_shows_names_nips_kegiatan_and_scores(rendered) -> None:
    for example, (plan, paths) in rendered.items():
        score = score_plan(plan)
        for docx_path in paths:
            pdf = docx_path.with_suffix(".pdf")
            assert pdf.stat().st_size > 5000, pdf
            text = _squash(_pdftotext(pdf))
            where = f"{example} → {pdf.name}"
            assert _squash(plan["pegawai"]["nama"]) in text, where
            assert plan["pegawai"]["nip"] in text, where
            assert _squash(plan["pejabat_penilai"]["nama"]) in text, where
            assert plan["pejabat_penilai"]["nip"] in text, where
            form = docx_path.stem.split("_", 2)[2]
            if not form.startswith("dokumen-evaluasi"):   # the summary sheet lists no RHK (DOMAIN §G.3)
                for k in plan["kegiatan"]:
                    assert _squash(k["uraian"]) in text, f"{where}: {k['id']}"
            assert "LAMPIRAN PERHITUNGAN NILAI" in text, where
            if form == "penilaian-capaian":
                assert f"{fmt_number(score.nilai_skp)} ({score.predikat_skp})" in text, where
                for k in score.kegiatan:
                    if k.jenis == "utama":
                        assert fmt_number(k.nilai_capaian) in text, f"{where}: {k.id}"
            if form == "penilaian-prestasi":
                assert fmt_number(score.nilai_prestasi_kerja) in text and f"({score.predikat})" in text, where
            if form == "evaluasi-2022":
                assert "PREDIKAT KINERJA PEGAWAI* " + score.predikat.upper() in text, where
            if form == "dokumen-evaluasi-2022":
                assert "PREDIKAT KINERJA PEGAWAI " + score.predikat.upper() in text, where


def test_the_analis_scores_as_printed(rendered) -> None:
    _plan, paths = rendered["analis-kebijakan-2025.skp.yaml"]
    by_form = {p.stem.split("_", 2)[2]: _squash(_pdftotext(p.with_suffix(".pdf"))) for p in paths}
    assert "Nilai Capaian SKP 95,81 (Sangat Baik)" in by_form["penilaian-capaian"]
    assert "282,67 94,22" in by_form["penilaian-capaian"]           # K3 perhitungan and nilai capaian
    assert "NILAI PRESTASI KERJA 92,13 (Sangat Baik)" in by_form["penilaian-prestasi"]
    assert "nilai SKP = 88,81 + 1 + 6 = 95,81 → Sangat Baik" in by_form["penilaian-prestasi"]
    assert "Halaman 1 dari" in by_form["formulir-skp"]              # the PAGE/NUMPAGES fields are computed
    # the native chart is drawn: its title and axis labels are in the PDF (the bars are the visual check's)
    assert "K1 K2 K3 K4 K5 K6 T1 C1 0 20 40 60 80 100 Nilai capaian per kegiatan" in by_form["penilaian-capaian"]


def test_adversarial_plan_converts(tmp_path: Path) -> None:
    soffice = libreoffice_or_skip()
    src = write_plan(tmp_path / "nasty.skp.yaml", adversarial_plan())
    out = tmp_path / "out"
    r = run_cli("render", str(src), "-o", str(out), "--pdf", "--form", "penilaian-capaian",
                env={"SKPGEN_SOFFICE": soffice})
    assert r.returncode == 0, r.stderr
    pdf = out / "2025_198503122010011002_penilaian-capaian.pdf"
    text = _squash(_pdftotext(pdf))
    assert "Ali <b>Rahman</b> & \"Putra\" 'Jr'" in text
    assert "Pemerintah Kota <Contoh> & Sekitarnya" in text
    assert "Menyusun dokumen 59 Tes & < > \" '" in text
    assert "Halaman 3 dari" in text                                  # 60 kegiatan: a multi-page table
    assert NASTY.split()[0] in text
