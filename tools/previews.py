"""Render the examples and turn page 1 of each form into docs/previews/<form>.png (``make previews``).

Needs LibreOffice (soffice) and poppler's pdftoppm. One example per form: the first example (by
file name) for which the form applies. All documents are converted in one soffice call.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from skpgen.render.batch import Options, render_plan  # noqa: E402
from skpgen.render.pdf import PdfError, convert, find_soffice  # noqa: E402

OUT = ROOT / "docs" / "previews"
RESOLUTION = "60"


def main() -> int:
    soffice = find_soffice()
    if not soffice or not shutil.which("pdftoppm"):
        print("previews: LibreOffice (soffice) and pdftoppm are required", file=sys.stderr)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="skpgen-previews-") as tmp:
        work = Path(tmp)
        chosen: dict[str, Path] = {}
        for example in sorted((ROOT / "examples").glob("*.skp.yaml")):
            res = render_plan(str(example), example.name, Options(str(work)))
            for path in res.written:
                form = Path(path).stem.split("_", 2)[2]
                chosen.setdefault(form, Path(path))
        try:
            pdfs = convert(list(chosen.values()), soffice=soffice)
        except PdfError as exc:
            print(f"previews: {exc}", file=sys.stderr)
            return 2
        for (form, _docx), pdf in zip(chosen.items(), pdfs):
            prefix = work / form
            subprocess.run(["pdftoppm", "-png", "-r", RESOLUTION, "-f", "1", "-l", "1", "-singlefile", str(pdf),
                            str(prefix)], check=True, timeout=120)
            target = OUT / f"{form}.png"
            shutil.copyfile(prefix.with_suffix(".png"), target)
            print(target.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
