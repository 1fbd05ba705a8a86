"""Per-file isolation for batch commands: one bad file never stops a batch (SPEC §8).

Every command that takes many files runs each file's work through :func:`run_per_file`. Whatever
that work raises becomes an ``E099`` finding for that file (an internal error: it says so, names
the exception and asks for a report), the batch goes on, and the command exits 2. With
``SKPGEN_DEBUG=1`` the traceback is printed on stderr as well.

The work is a plain function of its arguments, so it can equally run in a worker process
(``render --jobs``); :func:`run_per_file` itself is cheap.

    >>> value, error = run_per_file("a.yaml", "en", int, "12")
    >>> value, error
    (12, None)
    >>> value, error = run_per_file("b.yaml", "en", int, "x")
    >>> value is None, error.code, error.file, error.line, error.severity
    (True, 'E099', 'b.yaml', 1, 'error')
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

from skpgen.findings import Finding

T = TypeVar("T")

INTERNAL_CODE = "E099"


def debug_enabled() -> bool:
    return os.environ.get("SKPGEN_DEBUG", "").strip() not in ("", "0")


def internal_error(file: str, exc: BaseException, lang: str = "id", *, rule: str | None = None,
                   line: int = 1, column: int = 1) -> Finding:
    """The ``E099`` finding for an exception raised while processing ``file``.

    Located at the file's first line unless the caller knows better (a rule names itself)."""
    from skpgen.i18n import code_name, t

    detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    if len(detail) > 300:
        detail = detail[:299] + "…"
    where = t("internal.in_rule", lang, rule=rule) if rule else ""
    message = t(INTERNAL_CODE, lang, error=detail, where=where)
    return Finding(file=file, line=line, column=column, end_line=line, end_column=column + 1,
                   code=INTERNAL_CODE, name=code_name(INTERNAL_CODE), severity="error", message=message)


def show_trace(exc: BaseException, file: str) -> None:
    """With ``SKPGEN_DEBUG=1``: the traceback of an isolated failure, on stderr."""
    if debug_enabled():
        import traceback

        print(f"skpgen: SKPGEN_DEBUG: {file}", file=sys.stderr)
        traceback.print_exception(exc, file=sys.stderr)


def run_per_file(file: str, lang: str, work: Callable[..., T], /, *args: Any,
                 **kwargs: Any) -> tuple[T | None, Finding | None]:
    """``(work(*args, **kwargs), None)``, or ``(None, E099 finding)`` when the work raised.

    Only ``Exception`` is caught: Ctrl-C (``KeyboardInterrupt``) and ``SystemExit`` still end the run.
    """
    try:
        if hook_stage(file) == getattr(work, "__name__", None):
            raise RuntimeError(f"{RAISE_HOOK_ENV} asked {work.__name__} to fail")
        return work(*args, **kwargs), None
    except Exception as exc:  # noqa: BLE001 - the point: one file's failure is that file's finding
        show_trace(exc, file)
        return None, internal_error(file, exc, lang)


RAISE_HOOK_ENV = "SKPGEN_TEST_RAISE_IN"


def hook_stage(file: str) -> str | None:
    """Test-only hook for the isolation tests: with ``SKPGEN_TEST_RAISE_IN=STAGE@SUFFIX``, the
    unit of work named STAGE (a rule code such as ``P601``, or the function given to
    :func:`run_per_file`, such as ``score_plan``) raises while processing files whose name ends
    with SUFFIX. It is an environment variable so that it reaches worker processes too; unset
    (always, outside tests) it costs one lookup."""
    spec = os.environ.get(RAISE_HOOK_ENV)
    if not spec:
        return None
    stage, _, suffix = spec.partition("@")
    return stage if suffix and file.endswith(suffix) else None


def is_internal(finding: Finding) -> bool:
    return finding.code == INTERNAL_CODE
