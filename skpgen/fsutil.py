"""Safe output: atomic replacement of regular files, streaming to devices, sensible modes.

Every command writes its outputs through :func:`atomic_write_bytes`, so readers see either the old
file or the complete new one, a failure (disk full, Ctrl-C) leaves neither a partial file nor a
temp file behind, and a device or FIFO target (``-o /dev/stdout``) is written to, never replaced.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def ensure_parent(path: Path) -> None:
    """Create the parent folders of ``path``; a parent that is a file is reported as ENOTDIR."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path.parent)) from None


def atomic_write_bytes(path: Path | str, data: bytes, *, make_parents: bool = True, durable: bool = True) -> None:
    """Write ``data`` to ``path`` so that readers see either the old file or the complete new one.

    A new file gets the usual mode (0666 less the umask); a replaced file keeps its mode. On any
    failure (including KeyboardInterrupt) the temporary file is removed and the previous content
    of ``path`` is left untouched. An existing device or FIFO is written to as a stream: renaming
    over it would replace the device node itself.

    ``durable=False`` skips the fsync before the rename: the replacement stays atomic for readers
    and against a failing or interrupted process, but not against a power cut. Batch rendering
    uses it (an fsync per document costs more than rendering it; a re-run regenerates the batch).
    """
    path = Path(path)
    if make_parents:
        ensure_parent(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if st is not None and not stat.S_ISREG(st.st_mode):
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO without reader: ENXIO, no hang
        os.set_blocking(fd, True)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
        return
    mode = stat.S_IMODE(st.st_mode) if st is not None else (0o666 & ~_umask())
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fchmod(fh.fileno(), mode)
            if durable:
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def atomic_write_text(path: Path | str, text: str, *, make_parents: bool = True, durable: bool = True) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), make_parents=make_parents, durable=durable)


def yaml_files(folder: Path) -> list[Path]:
    """``*.yaml``/``*.yml`` files under ``folder``, recursively and sorted; hidden folders and files
    (``.git``, ``.venv``, ``.skpgen.yaml``) are skipped. What ``skpgen lint DIR`` reads."""
    return sorted(
        f for f in folder.rglob("*")
        if f.suffix in (".yaml", ".yml") and f.is_file()
        and not any(part.startswith(".") and part not in (".", "..") for part in f.relative_to(folder).parts)
    )
