"""The shared first step of every command that reads plans: load one file, then validate it.

Commands (validate, score, render, status, dashboard, diff, …) import :func:`load_and_validate`
from here; no command imports another command.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from skpgen.findings import Finding
from skpgen.isolation import internal_error, run_per_file, show_trace
from skpgen.loader import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, Document, LoadError, load_path


def load_and_validate(path: Path | str, display: str, lang: str, max_bytes: int = DEFAULT_MAX_BYTES,
                      max_depth: int = DEFAULT_MAX_DEPTH) -> tuple[Document | None, list[Finding], bool]:
    """Load and validate one file: (document or None, findings, whether the file failed).

    Never raises: a file that cannot be loaded gives its E00x finding, and an exception inside
    loading or validation (a bug) gives an E099 finding (:mod:`skpgen.isolation`); both mark the
    file as failed (exit code 2) and leave the rest of the batch to go on.
    """
    try:
        doc = load_path(path, max_bytes=max_bytes, max_depth=max_depth, lang=lang, display_name=display)
    except LoadError as exc:
        return None, [exc.finding], True
    except Exception as exc:  # noqa: BLE001 - per-file isolation
        show_trace(exc, display)
        return None, [internal_error(display, exc, lang)], True
    from skpgen.unit.model import is_unit_file

    if is_unit_file(path):  # a unit file (SPEC §11) is checked against its own schema
        from skpgen.unit.model import validate_unit_document as check
    else:
        from skpgen.validate import validate_document as check
    findings, problem = run_per_file(display, lang, check, doc, lang)
    if problem is not None:
        return doc, [problem], True
    return doc, findings or [], False


def warm_up() -> None:
    """Import the validation path and compile the schema validator now (before worker processes
    fork, so that they inherit it instead of compiling it each)."""
    from skpgen.validate import prepare

    prepare()


# ---- a batch on several processes (skpgen validate) -------------------------------------------

_BATCH_OPTS: tuple[str, int, int, bool] = ("id", DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, False)


def _init_batch(opts: tuple[str, int, int, bool]) -> None:
    global _BATCH_OPTS
    _BATCH_OPTS = opts


def _check(target: Any) -> tuple[str, list[Finding], bool, list[str] | None]:
    lang, max_bytes, max_depth, keep_lines = _BATCH_OPTS
    doc, findings, failed = load_and_validate(Path(target.path), target.display, lang, max_bytes, max_depth)
    lines = doc.lines if (keep_lines and findings and doc is not None) else None
    return target.display, sorted(findings, key=Finding.sort_key), failed, lines


def validate_batch(targets: Iterable[Any], jobs: int, lang: str, max_bytes: int = DEFAULT_MAX_BYTES,
                   max_depth: int = DEFAULT_MAX_DEPTH, keep_lines: bool = False,
                   ) -> Iterator[tuple[str, list[Finding], bool, list[str] | None]]:
    """Each target (``.path``, ``.display``) loaded and validated, on ``jobs`` processes, in the
    order given: (display name, sorted findings, load failed, source lines when ``keep_lines`` and
    there are findings)."""
    from skpgen.parallel import ordered_map

    return ordered_map(_check, targets, jobs, initializer=_init_batch,
                       initargs=((lang, max_bytes, max_depth, keep_lines),), warm_up=warm_up)
