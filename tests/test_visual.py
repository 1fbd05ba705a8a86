"""Visual regression: every form of every example, as LibreOffice prints it, against the committed
reference pages in tests/visual/ (see tools/visual.py for the tolerance and why it is honest).

A failing page writes reference | actual | changed pixels side by side to build/visual-diff/ and
the failure message names the file. After an intended layout change, refresh the references and the
README pictures with ``make previews`` and look at the changed pictures before committing them.

The same batch conversion also carries the long-text plan of issue 13 (a 2,000-character uraian):
its signature blocks must stay whole on one page.

Needs LibreOffice, pdftoppm and Pillow; skipped locally when LibreOffice is absent, failing in CI
(SKPGEN_REQUIRE_LIBREOFFICE=1).
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, libreoffice_or_skip
from test_long_text import long_text_plan
from test_render_forms import EXAMPLE_FORMS

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

_spec = importlib.util.spec_from_file_location("skpgen_tools_visual", ROOT / "tools" / "visual.py")
visual = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = visual          # dataclasses look their module up
_spec.loader.exec_module(visual)

KEYS = [f"{example.split('.')[0]}__{form}" for example, form in EXAMPLE_FORMS]
LONG = "panjang"


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, list[Path]]]:
    """key → (PDF, page images) for every example form and the long-text plan's forms."""
    soffice = libreoffice_or_skip()
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm (poppler-utils) is required with LibreOffice")
    work = tmp_path_factory.mktemp("visual")
    plan = long_text_plan(work / f"{LONG}.skp.yaml")
    docs = visual.example_documents(work / "docx", extra=[plan])
    pdfs = visual.to_pdf(docs, soffice)                      # one soffice call for everything
    return {key: (pdf, visual.rasterise(pdf, work / "png", key)) for key, pdf in pdfs.items()}


@pytest.fixture(scope="module")
def pages(converted: dict[str, tuple[Path, list[Path]]]) -> dict[str, list[Path]]:
    return {key: images for key, (_pdf, images) in converted.items()}


def test_every_example_form_is_covered() -> None:
    """Forms are discovered from the examples and forms.toml, not listed here."""
    assert len(KEYS) >= 13 and len(set(KEYS)) == len(KEYS)


@pytest.mark.parametrize("key", KEYS)
def test_form_looks_like_its_reference(pages: dict[str, list[Path]], key: str) -> None:
    actual = pages[key]
    refs = sorted(visual.REFERENCES.glob(f"{key}-p*.png"), key=lambda p: int(p.stem.rsplit("-p", 1)[1]))
    if not refs:
        pytest.fail(f"{key}: no reference pages in {visual.REFERENCES.relative_to(ROOT)}; run `make previews` "
                    "and look at the new pictures before committing them")
    assert len(actual) == len(refs), (f"{key}: {len(actual)} pages printed, the reference has {len(refs)}; if the "
                                      "change is intended run `make previews`")
    bad = []
    for n, (ref, new) in enumerate(zip(refs, actual), 1):
        diff = visual.compare(ref, new, visual.DIFFS / f"{key}-p{n}.png")
        if not diff.ok:
            what = "page size differs" if not diff.same_size else f"{diff.changed:.2%} of the pixels changed"
            bad.append(f"page {n}: {what} (tolerance {visual.MAX_CHANGED:.2%}); diff: {diff.diff_image}")
    assert not bad, f"{key} no longer looks like its reference:\n  " + "\n  ".join(bad) + (
        "\nIf the change is intended, run `make previews` and commit the new references.")


def test_comparison_sees_a_moved_column(pages: dict[str, list[Path]], tmp_path: Path) -> None:
    """The tolerance is not so loose that a layout change passes: a page compared with itself is
    identical, and shifting the printed page by 3 mm (what a moved column does to its cells) fails."""
    from PIL import Image, ImageChops

    page = pages["analis-kebijakan-2025__penilaian-capaian"][0]
    assert visual.compare(page, page).changed == 0
    img = Image.open(page)
    shifted = ImageChops.offset(img, round(0.3 / 2.54 * visual.DPI), 0)
    moved = tmp_path / "moved.png"
    shifted.save(moved)
    diff = visual.compare(page, moved, tmp_path / "diff.png")
    assert not diff.ok and diff.changed > 10 * visual.MAX_CHANGED
    assert diff.diff_image == tmp_path / "diff.png" and diff.diff_image.exists()


def test_long_text_keeps_signature_blocks_whole(converted: dict[str, tuple[Path, list[Path]]]) -> None:
    """The 2,000-character uraian: every signature block (role, name, NIP) is printed on one page,
    and the Penilaian Prestasi form keeps a natural length: 2 form pages + 2 appendix pages for the
    example, one more for the long text, which the appendix prints twice (it was 11 pages with the
    crushed chart column)."""
    signatures = {
        "formulir-skp": ["Pejabat Penilai,", "Dra. Sri Wahyuni, M.Si.", "NIP 197104221996032003",
                         "Pegawai Negeri Sipil Yang Dinilai,", "Ali Rahman, S.E., M.A.P.", "NIP 198503122010011002"],
        "penilaian-capaian": ["Pejabat Penilai,", "Dra. Sri Wahyuni, M.Si.", "NIP 197104221996032003"],
    }
    for form, block in signatures.items():
        pdf, images = converted[f"{LONG}__{form}"]
        n = len(images)
        texts = [subprocess.run(["pdftotext", "-raw", "-f", str(i), "-l", str(i), str(pdf), "-"], capture_output=True,
                                text=True, check=True).stdout for i in range(1, n + 1)]
        holding = [i for i, text in enumerate(texts, 1) if block[0] in text]
        assert len(holding) == 1, (form, holding)
        page = texts[holding[0] - 1]
        assert all(part in page for part in block), (form, holding[0])
    assert len(converted[f"{LONG}__penilaian-prestasi"][1]) == 5
    assert len(converted["analis-kebijakan-2025__penilaian-prestasi"][1]) == 4
