"""The shared first step of every command that reads plans: load one file, then validate it.

Commands (validate, score, render, status, dashboard, diff, …) import :func:`load_and_validate`
from here; no command imports another command.
"""

from __future__ import annotations

from pathlib import Path

from skpgen.findings import Finding
from skpgen.loader import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, Document, LoadError, load_path


def load_and_validate(path: Path, display: str, lang: str, max_bytes: int = DEFAULT_MAX_BYTES,
                      max_depth: int = DEFAULT_MAX_DEPTH) -> tuple[Document | None, list[Finding], bool]:
    """Load and validate one file: (document or None, findings, whether loading failed)."""
    try:
        doc = load_path(path, max_bytes=max_bytes, max_depth=max_depth, lang=lang, display_name=display)
    except LoadError as exc:
        return None, [exc.finding], True
    from skpgen.unit.model import is_unit_file

    if is_unit_file(path.name):  # a unit file (SPEC §11): its own schema
        from skpgen.unit.model import validate_unit_document

        return doc, validate_unit_document(doc, lang), False
    from skpgen.validate import validate_document

    return doc, validate_document(doc, lang), False


def warm_up() -> None:
    """Import the validation path and compile the schema validator now (before worker processes
    fork, so that they inherit it instead of compiling it each)."""
    from skpgen.validate import prepare

    prepare()
