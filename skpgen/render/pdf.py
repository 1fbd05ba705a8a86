"""PDF through LibreOffice headless (optional dependency).

One isolated user profile per process (``-env:UserInstallation``), so parallel workers never share
a profile lock; several .docx are converted in one ``soffice`` call; a timeout kills the whole
process group; each PDF is written atomically next to its .docx.
"""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

DEFAULT_TIMEOUT = 180.0


class PdfError(Exception):
    """Conversion failed (message is plain text for users)."""


def find_soffice() -> str | None:
    """Path of the LibreOffice binary, or None. ``SKPGEN_SOFFICE`` overrides the search."""
    override = os.environ.get("SKPGEN_SOFFICE")
    if override:
        return override if (os.path.isfile(override) and os.access(override, os.X_OK)) else None
    return shutil.which("soffice") or shutil.which("libreoffice")


_PROFILE: dict[int, str] = {}


def _profile_dir() -> str:
    """This process's private LibreOffice profile (created once, removed at exit)."""
    pid = os.getpid()
    path = _PROFILE.get(pid)
    if path is None:
        path = tempfile.mkdtemp(prefix="skpgen-lo-profile-")
        _PROFILE[pid] = path
        atexit.register(shutil.rmtree, path, True)
    return path


def convert(docx_files: list[Path], *, soffice: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> list[Path]:
    """Convert the given .docx files to PDF beside them (same stem). Returns the PDF paths.

    LibreOffice writes every PDF of one call into one folder by stem, so files with the same name
    in different folders go through separate calls (one per repetition of a name)."""
    batches: list[list[Path]] = []
    seen: dict[str, int] = {}  # stem → how many batches already hold it
    for docx in docx_files:
        n = seen.get(docx.stem, 0)
        seen[docx.stem] = n + 1
        if n == len(batches):
            batches.append([])
        batches[n].append(docx)
    done: dict[Path, Path] = {}
    for batch in batches:
        for docx, pdf in zip(batch, _convert_batch(batch, soffice=soffice, timeout=timeout)):
            done[docx] = pdf
    return [done[d] for d in docx_files]


def _convert_batch(docx_files: list[Path], *, soffice: str | None, timeout: float) -> list[Path]:
    if not docx_files:
        return []
    exe = soffice or find_soffice()
    if not exe:
        raise PdfError("LibreOffice (soffice) not found")
    profile = Path(_profile_dir()).as_uri()
    with tempfile.TemporaryDirectory(prefix="skpgen-pdf-") as tmp:
        cmd = [exe, "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
               f"-env:UserInstallation={profile}", "--convert-to", "pdf", "--outdir", tmp,
               *[str(p) for p in docx_files]]
        try:
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                    start_new_session=True)
        except OSError as exc:
            raise PdfError(f"cannot start {exe}: {exc.strerror or exc}") from None
        try:
            _out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.communicate()
            raise PdfError(f"LibreOffice did not finish within {timeout:g} s") from None
        results = []
        missing = []
        for docx in docx_files:
            produced = Path(tmp) / (docx.stem + ".pdf")
            if not produced.is_file() or produced.stat().st_size == 0:
                missing.append(docx.name)
                continue
            target = docx.with_suffix(".pdf")
            _atomic_move(produced, target)
            results.append(target)
        if missing:
            detail = err.decode("utf-8", "replace").strip().splitlines()
            hint = f" ({detail[-1]})" if detail else ""
            raise PdfError(f"LibreOffice produced no PDF for {', '.join(missing)} (exit {proc.returncode}){hint}")
        return results


def _atomic_move(src: Path, target: Path) -> None:
    """Copy into a temp file in the target folder, then os.replace (src may be on another device)."""
    from skpgen.fsutil import atomic_write_bytes

    atomic_write_bytes(target, src.read_bytes())
