"""``make previews``: refresh the visual test's reference pages and the README pictures.

* tests/visual/<example>__<form>-p<N>.png — every page of every form of every example, the
  references of tests/test_visual.py (old reference pages are removed first, so a form or page
  that no longer exists leaves nothing behind);
* docs/previews/<form>.png — page 1 of each form for the README: the first example (by file name)
  for which the form applies.

Needs LibreOffice (soffice) and poppler's pdftoppm; all documents go through one soffice call.
Look at the changed pictures (git diff shows them) before committing them: they become the truth.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import visual  # noqa: E402
from skpgen.render.pdf import PdfError, find_soffice  # noqa: E402


def main() -> int:
    soffice = find_soffice()
    if not soffice or not shutil.which("pdftoppm"):
        print("previews: LibreOffice (soffice) and pdftoppm are required", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="skpgen-previews-") as tmp:
        work = Path(tmp)
        docs = visual.example_documents(work / "docx")
        try:
            pdfs = visual.to_pdf(docs, soffice)
        except PdfError as exc:
            print(f"previews: {exc}", file=sys.stderr)
            return 2
        visual.REFERENCES.mkdir(parents=True, exist_ok=True)
        for old in visual.REFERENCES.glob("*.png"):
            old.unlink()
        readme: dict[str, str] = {}
        for key, pdf in pdfs.items():
            for page in visual.rasterise(pdf, visual.REFERENCES, key):
                print(page.relative_to(visual.ROOT))
            readme.setdefault(key.split("__", 1)[1], key)
        visual.PREVIEWS.mkdir(parents=True, exist_ok=True)
        for form, key in readme.items():
            first = visual.rasterise(pdfs[key], work / "previews", key, dpi=visual.PREVIEW_DPI,
                                     first_only=True, grey=False)[0]
            target = visual.PREVIEWS / f"{form}.png"
            shutil.copyfile(first, target)
            print(target.relative_to(visual.ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
