"""Pictures of the rendered forms, shared by ``make previews`` (tools/previews.py) and the visual
regression test (tests/test_visual.py).

Every form of every example (``examples/*.skp.yaml``, the forms that apply to each, as
``skpgen render`` picks them) is rendered, converted to PDF by LibreOffice in ONE soffice call and
rasterised page by page with pdftoppm at :data:`DPI` in grey. The reference pages live in
``tests/visual/<example>__<form>-p<N>.png``; a form added later (a new template in forms.toml or a
new example) is picked up automatically and has no reference until ``make previews`` is run.

A page matches its reference when both have the same size and at most :data:`MAX_CHANGED` of its
pixels differ by more than :data:`PIXEL_DELTA` grey levels. The tolerance absorbs anti-aliasing
noise only: the same Debian LibreOffice and fonts (fonts-liberation2, installed by .ci/run) give
identical pixels; a column moved by a few millimetres changes several percent of a page.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

REFERENCES = ROOT / "tests" / "visual"
DIFFS = ROOT / "build" / "visual-diff"
PREVIEWS = ROOT / "docs" / "previews"
DPI = 40                 # reference pages: small files, enough to see a moved column or a lost chart
PREVIEW_DPI = 60         # README pictures
PIXEL_DELTA = 64         # grey levels a pixel may differ before it counts as changed
MAX_CHANGED = 0.001      # share of changed pixels a page may have (0,1 %)


def example_documents(workdir: Path, extra: list[Path] = ()) -> dict[str, Path]:
    """Render every applicable form of every example (and of ``extra`` plans) into
    ``workdir/<example>/``: ``{"<example>__<form>": docx}``, in example order then form order.
    One folder per plan, since output names (year, NIP, form) of two plans may coincide."""
    from skpgen.render.batch import Options, render_plan
    from skpgen.render.forms import all_forms

    out: dict[str, Path] = {}
    for example in [*sorted((ROOT / "examples").glob("*.skp.yaml")), *extra]:
        stem = example.name.split(".")[0]
        res = render_plan(str(example), example.name, Options(str(workdir / stem)))
        if res.status != "ok":
            raise RuntimeError(f"{example.name}: {res.errors}")
        forms = all_forms()
        for path in res.written:
            form = Path(path).stem.split("_", 2)[2]
            if form in forms:   # a form's own document; the other evaluasi periods print the same layout
                out[f"{stem}__{form}"] = Path(path)
    return out


def to_pdf(docs: dict[str, Path], soffice: str) -> dict[str, Path]:
    """All documents through one LibreOffice call; key → PDF."""
    from skpgen.render.pdf import convert

    pdfs = convert(list(docs.values()), soffice=soffice)
    return dict(zip(docs, pdfs))


def rasterise(pdf: Path, outdir: Path, key: str, dpi: int = DPI, first_only: bool = False,
              grey: bool = True) -> list[Path]:
    """The pages of ``pdf`` as PNGs ``outdir/<key>-p<N>.png`` (N from 1), in page order; grey for
    the references (a third of the bytes; colour changes of the bars still change grey levels)."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise RuntimeError("pdftoppm (poppler-utils) is required")
    tmp = outdir / f".{key}"
    tmp.mkdir(parents=True, exist_ok=True)
    args = [exe, "-png", *(["-gray"] if grey else []), "-r", str(dpi)] + (["-f", "1", "-l", "1"] if first_only else [])
    subprocess.run(args + [str(pdf), str(tmp / "page")], check=True, timeout=120, capture_output=True)
    pages = sorted(tmp.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    out = []
    for n, page in enumerate(pages, 1):
        target = outdir / f"{key}-p{n}.png"
        page.replace(target)
        out.append(target)
    tmp.rmdir()
    return out


@dataclass
class PageDiff:
    changed: float          # share of pixels that differ by more than PIXEL_DELTA
    same_size: bool
    diff_image: Path | None = None

    @property
    def ok(self) -> bool:
        return self.same_size and self.changed <= MAX_CHANGED


def compare(reference: Path, actual: Path, diff_path: Path | None = None) -> PageDiff:
    """Compare two page images; when they differ beyond the tolerance and ``diff_path`` is given,
    write reference | actual | changed pixels (red) side by side there."""
    from PIL import Image, ImageChops

    ref = Image.open(reference).convert("L")
    new = Image.open(actual).convert("L")
    if ref.size != new.size:
        result = PageDiff(1.0, False)
    else:
        delta = ImageChops.difference(ref, new)
        hist = delta.histogram()
        changed = sum(hist[PIXEL_DELTA + 1:]) / (ref.size[0] * ref.size[1])
        result = PageDiff(changed, True)
    if not result.ok and diff_path is not None:
        w = max(ref.size[0], new.size[0])
        h = max(ref.size[1], new.size[1])
        sheet = Image.new("RGB", (3 * w, h), "white")
        sheet.paste(ref.convert("RGB"), (0, 0))
        sheet.paste(new.convert("RGB"), (w, 0))
        if result.same_size:
            mask = ImageChops.difference(ref, new).point(lambda v: 255 if v > PIXEL_DELTA else 0)
            base = Image.blend(ref.convert("RGB"), Image.new("RGB", ref.size, "white"), 0.7)
            base.paste(Image.new("RGB", ref.size, (220, 0, 0)), (0, 0), mask)
            sheet.paste(base, (2 * w, 0))
        diff_path.parent.mkdir(parents=True, exist_ok=True)
        sheet.save(diff_path)
        result.diff_image = diff_path
    return result
