"""Safe output: atomic replacement of regular files, streaming to devices, sensible modes.

Every command writes its outputs through :func:`atomic_write_bytes`, so readers see either the old
file or the complete new one, a failure (disk full, Ctrl-C) leaves neither a partial file nor a
temp file behind, and a device or FIFO target (``-o /dev/stdout``) is written to, never replaced.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any


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
    import tempfile  # here: listing files (every batch command's first step) does not need it

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


try:  # hashlib's blake2b without loading OpenSSL's _hashlib (a few ms of every start-up): the
    from _blake2 import blake2b  # lint cache's and the compiled schema's keys
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b


def read_fd(fd: int, limit: int) -> bytes:
    """Up to ``limit`` bytes of an open file descriptor (fewer at its end)."""
    chunks, left = [], limit
    while left > 0:
        chunk = os.read(fd, left)
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


@dataclass(slots=True)
class FileTarget:
    """One file of a batch as the batch commands keep it: text, not a Path (a Path per file costs
    ~0.4 KiB in a run of 100,000 files). ``unit``: a unit file (``*.unit.yaml``)."""

    path: str
    display: str
    unit: bool = False


def batch_targets(targets: Iterable[Any], dedup: bool = False) -> list[FileTarget]:
    """``targets`` (anything with ``.path``, ``.display`` and maybe ``.unit``) as :class:`FileTarget`
    in display-name order, the order of SPEC §9's output; ``dedup``: a file named twice once."""
    items: list[FileTarget] = []
    seen: set[str] = set()
    for t in targets:
        if dedup:
            if t.display in seen:
                continue
            seen.add(t.display)
        path = os.fspath(t.path)
        items.append(FileTarget(t.display if path == t.display else path, t.display, bool(getattr(t, "unit", False))))
    items.sort(key=lambda t: t.display)
    return items


UNIT_SUFFIXES = (".unit.yaml", ".unit.yml")


def is_unit_file(path: Path | str) -> bool:
    """Whether ``path`` names a unit file (``*.unit.yaml`` / ``*.unit.yml``)."""
    return str(path).lower().endswith(UNIT_SUFFIXES)


def yaml_files(folder: Path) -> list[Path]:
    """``*.yaml``/``*.yml`` files under ``folder``, recursively, in ``sorted()`` order; hidden folders
    and files (``.git``, ``.venv``, ``.skpgen.yaml``) are skipped, symlinked folders are not entered
    (symlinked files are followed). What ``skpgen lint DIR`` reads."""
    return [Path(name) for name in yaml_file_names(folder)]


def yaml_file_names(folder: Path) -> list[str]:
    """:func:`yaml_files` as text. The directory entries' own types are used (no ``stat`` per
    file) and the order of ``sorted(paths)`` (part by part) is that of the names with the
    separator read as the lowest character: listing a tree of 100,000 plans costs neither a stat
    nor a Path per file."""
    names = list(_walk_yaml(os.fspath(folder)))
    names.sort(key=lambda n: n.replace(os.sep, "\0"))
    return names


def _walk_yaml(top: str) -> Iterator[str]:
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError:
            continue
        for e in entries:
            if e.name.startswith("."):
                continue
            try:
                path = e.name if folder == "." else e.path  # as Path("./x") prints: "x"
                if e.is_dir(follow_symlinks=False):
                    stack.append(path)
                elif e.name.endswith((".yaml", ".yml")) and e.is_file():
                    yield path
            except OSError:
                continue
