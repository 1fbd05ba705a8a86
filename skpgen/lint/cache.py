"""The lint cache (ruff's model): a repeated ``skpgen lint`` over unchanged files answers from disk.

Location: ``.skpgen_cache/`` at the project root (the folder of the configuration file that was
found, else the working directory; ``SKPGEN_CACHE_DIR`` overrides it). The folder holds a
``.gitignore`` containing ``*``, so it never lands in git. ``--no-cache`` bypasses it.

One entry per linted file, in a folder per *run key*: a hash of everything besides the file that
can change its findings — the effective configuration, the vocabulary (built-in word lists and
``--vocab`` contents), the language, the ``--previous`` plans, the skpgen version and a fingerprint
of the installed code, rules data and schema. An entry is named by the file's display path and
holds the BLAKE2 hash of the file's bytes; it answers only when that hash matches the file as read
now. Besides the file's own findings, an entry keeps its cross-file facts (the states the BATCH
rules collect: R406's offered ids and references, P623's periods), so the cross-file rules are
judged afresh on every run from the facts of all files: a changed supervisor plan re-checks its
subordinates' references although their entries are hits. The cross-file findings of a whole
tree (every file name with its content hash) are kept too, so an unchanged tree does not even
run the rules' ``finish``. Last, the whole result of a run whose findings fit in memory is kept
under the identity of its files (name, size, modification and change times, inode): a repeated
run over a tree nobody touched reads one record instead of an entry per file, and the report a
run wrote from it (per output format and options) is kept beside it and written again as is, no
finding formatted. Any write to a file
changes its change time (which tools cannot set back), so a touched file always falls back to the
per-file entries and their content hashes.

Safety: entries are written to a temporary file and renamed (concurrent runs see an old or a new
complete entry, never a partial one); an entry that cannot be read or does not verify (corrupt,
truncated, another key) is a miss and is rewritten. Entries are plain data in :mod:`marshal`
format (as Python's own ``__pycache__``; ~5× faster to read than pickle, which dominated a warm
run); rule facts that are objects are pickled inside and read with an unpickler that only
rebuilds skpgen's own classes and plain containers. Size: at most ``KEEP_KEYS`` run-key folders
are kept (the least recently used are deleted), and within one, entries of files no longer linted
are pruned once they outnumber the files of the run.
"""

from __future__ import annotations

import io
import marshal
import os
from pathlib import Path
from typing import Any

from skpgen.fsutil import blake2b

CACHE_DIR_NAME = ".skpgen_cache"
FORMAT = 1  # bump when the entry layout changes
KEEP_KEYS = 4
KEEP_RUNS = 8  # trees whose cross-file findings are kept per run key
PRUNE_SLACK = 1000  # stale entries tolerated beyond the files of the run before pruning


def digest(data: bytes) -> bytes:
    return blake2b(data, digest_size=16).digest()


def cache_root(config_source: str | None, config_root: Path) -> Path:
    """``SKPGEN_CACHE_DIR``, else ``.skpgen_cache/`` beside the configuration found, else in the cwd."""
    env = os.environ.get("SKPGEN_CACHE_DIR")
    if env:
        return Path(env)
    base = config_root if config_source else Path.cwd()
    return base / CACHE_DIR_NAME


def _fingerprint_tree(h: Any, top: Path, suffixes: tuple[str, ...]) -> None:
    """Names, sizes and modification times of the files under ``top`` (cheap: no reads)."""
    stack = [top]
    found = []
    while stack:
        d = stack.pop()
        try:
            with os.scandir(d) as it:
                for e in it:
                    if e.is_dir(follow_symlinks=False):
                        if e.name != "__pycache__":
                            stack.append(Path(e.path))
                    elif e.name.endswith(suffixes):
                        st = e.stat()
                        found.append(f"{e.path}\0{st.st_size}\0{st.st_mtime_ns}")
        except OSError:
            continue
    for line in sorted(found):
        h.update(line.encode("utf-8", "surrogateescape"))


def code_fingerprint() -> bytes:
    """skpgen's version and its installed code, rule data and schema (a changed rule in a
    development checkout invalidates the cache although the version did not move)."""
    import skpgen
    from skpgen.resources import resource_path

    h = blake2b(digest_size=16)
    h.update(f"{skpgen.__version__}\0{FORMAT}".encode())
    _fingerprint_tree(h, Path(skpgen.__file__).parent, (".py", ".toml", ".json", ".j2", ".yaml", ".txt"))
    for name in ("schemas", "rules"):
        try:
            _fingerprint_tree(h, resource_path(name), (".json", ".txt", ".yaml"))
        except FileNotFoundError:
            pass
    return h.digest()


def vocab_fingerprint(extra_dir: str | None) -> bytes:
    """The contents of the built-in word lists and of the ``--vocab``/config vocabulary folder."""
    from skpgen.resources import resource_path

    h = blake2b(digest_size=16)
    folders = [resource_path("rules")] + ([Path(extra_dir)] if extra_dir else [])
    for folder in folders:
        h.update(str(folder).encode("utf-8", "surrogateescape") + b"\0")
        try:
            names = sorted(p for p in os.listdir(folder) if p.endswith(".txt"))
        except OSError:
            continue
        for name in names:
            try:
                with open(folder / name, "rb") as fh:
                    h.update(name.encode() + b"\0" + digest(fh.read()))
            except OSError:
                h.update(name.encode() + b"\0?")
    return h.digest()


def _output_id(stat_id: str, output_key: str) -> str:
    h = blake2b(digest_size=16)
    h.update(f"{stat_id}\0{output_key}".encode("utf-8", "surrogateescape"))
    return h.hexdigest()


def run_key(config: Any, lang: str, previous: list[Path] | None) -> str:
    """The hash of everything besides a file's bytes that can change its lint findings."""
    h = blake2b(digest_size=16)
    h.update(code_fingerprint())
    h.update(vocab_fingerprint(config.vocab))
    h.update(repr((lang, config.select, config.ignore, sorted(config.severity.items()),
                   sorted((k, sorted(v.items())) for k, v in config.options.items()),
                   config.per_file_ignores, config.vocab, config.max_bytes,
                   str(config.root))).encode("utf-8", "surrogateescape"))
    # the isolation tests' fault hook (skpgen.isolation; unset outside tests) changes findings too
    h.update(os.environ.get("SKPGEN_TEST_RAISE_IN", "").encode("utf-8", "surrogateescape") + b"\0")
    for p in previous or []:
        h.update(str(p).encode("utf-8", "surrogateescape") + b"\0")
        try:
            with open(p, "rb") as fh:
                h.update(digest(fh.read()))
        except OSError:
            h.update(b"?")
    return h.hexdigest()


def pack(obj: Any) -> tuple[str, Any]:
    """Plain data as is (marshal), anything else (a rule's fact objects, suppression directives)
    pickled; :func:`unpack` rebuilds it."""
    try:
        marshal.dumps(obj)
        return ("m", obj)
    except ValueError:
        import pickle

        return ("p", pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))


def unpack(packed: tuple[str, Any]) -> Any:
    kind, value = packed
    if kind == "m":
        return value
    if kind == "p" and isinstance(value, bytes):
        return _unpickler(io.BytesIO(value)).load()
    raise ValueError(kind)


_UNPICKLER: Any = None


def _unpickler(stream: Any) -> Any:
    """An unpickler that rebuilds only skpgen's classes (rule facts, directives) and plain
    containers: an entry can never make it call a function. Made on first use (pickle is not
    needed by a run that unpacks no facts)."""
    global _UNPICKLER
    if _UNPICKLER is None:
        import pickle

        class _Unpickler(pickle.Unpickler):
            def find_class(self, module: str, name: str) -> Any:
                if module == "skpgen" or module.startswith("skpgen.") or \
                        (module == "builtins" and name in ("set", "frozenset", "tuple", "list", "dict")):
                    found = super().find_class(module, name)
                    if isinstance(found, type):  # classes only: no function can be called by an entry
                        return found
                raise pickle.UnpicklingError(f"{module}.{name}")

        _UNPICKLER = _Unpickler
    return _UNPICKLER(stream)


class LintCache:
    """Entries of one run key under ``root``; every failure only turns into a miss."""

    def __init__(self, root: Path, key: str):
        self.root = root
        self.dir = root / f"lint-{key[:32]}"
        self._dir_str = str(self.dir)
        self.ready = False
        self.broken = False
        self.used: set[str] = set()
        self.writes = 0

    # -- layout ---------------------------------------------------------------------------------
    def _prepare(self) -> bool:
        if self.ready or self.broken:
            return self.ready
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            ignore = self.root / ".gitignore"
            if not ignore.exists():
                _atomic_write(ignore, b"# skpgen lint cache: never committed\n*\n")
            self.dir.mkdir(exist_ok=True)
            os.utime(self.dir)  # most recently used run key (pruning keeps the newest)
            self.ready = True
        except OSError:
            self.broken = True
        return self.ready

    def path_for(self, display: str) -> str:
        """The entry file of ``display`` (a string: pathlib costs more than the read itself here)."""
        name = blake2b(display.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
        self.used.add(name)
        return f"{self._dir_str}/{name[:2]}/{name}"

    # -- entries ---------------------------------------------------------------------------------
    def get(self, display: str, content_digest: bytes) -> Any:
        """The stored value of ``display`` when its content hash matches, else None."""
        if not self._prepare():
            return None
        try:
            with open(self.path_for(display), "rb") as fh:
                fmt, file, digest_, value = marshal.loads(fh.read())
        except Exception:  # noqa: BLE001 - missing, unreadable or corrupt: a miss
            return None
        if fmt != FORMAT or file != display or digest_ != content_digest:
            return None
        return value

    def put(self, display: str, content_digest: bytes, value: Any) -> None:
        """Store ``value`` (plain data: what :mod:`marshal` writes) for ``display``."""
        if not self._prepare():
            return
        target = Path(self.path_for(display))
        try:
            data = marshal.dumps((FORMAT, display, content_digest, value))
            target.parent.mkdir(exist_ok=True)
            _atomic_write(target, data)
            self.writes += 1
        except Exception:  # noqa: BLE001 - a cache that cannot be written is only slower
            pass

    # -- the cross-file findings of a whole tree ---------------------------------------------------
    def get_run(self, tree_id: str) -> Any:
        """The cross-file findings stored for a tree (every file and its content hash), or None."""
        return self._get_record("run-", tree_id)

    def put_run(self, tree_id: str, value: Any) -> None:
        self._put_bounded("run-", tree_id, value)

    # -- a whole unchanged tree -------------------------------------------------------------------
    def get_tree(self, stat_id: str) -> Any:
        """The stored result of a run over exactly these files, unchanged since (see
        :func:`skpgen.lint.runner.tree_stat_id`), or None."""
        return self._get_record("tree-", stat_id)

    def _get_record(self, prefix: str, key: str) -> Any:
        if not self._prepare():
            return None
        try:
            with open(f"{self._dir_str}/{prefix}{key}", "rb") as fh:
                fmt, stored, value = marshal.loads(fh.read())
        except Exception:  # noqa: BLE001 - missing, unreadable or corrupt: a miss
            return None
        return value if fmt == FORMAT and stored == key else None

    def put_tree(self, stat_id: str, value: Any) -> None:
        self._put_bounded("tree-", stat_id, value)

    # -- the written report of a whole unchanged tree ----------------------------------------------
    def get_output(self, stat_id: str, output_key: str) -> Any:
        """The report written for an unchanged tree in one output format (see
        :meth:`skpgen.lint.runner.LintRun.remember_output`), or None."""
        return self._get_record("out-", _output_id(stat_id, output_key))

    def put_output(self, stat_id: str, output_key: str, value: Any) -> None:
        self._put_bounded("out-", _output_id(stat_id, output_key), value)

    def _put_bounded(self, prefix: str, key: str, value: Any) -> None:
        """One record named ``prefix + key``; the newest ``KEEP_RUNS`` of that prefix are kept."""
        if not self._prepare():
            return
        try:
            _atomic_write(self.dir / f"{prefix}{key}", marshal.dumps((FORMAT, key, value)))
            runs = sorted((e for e in os.scandir(self.dir) if e.name.startswith(prefix)),
                          key=lambda e: e.stat().st_mtime_ns, reverse=True)
            for old in runs[KEEP_RUNS:]:
                os.unlink(old.path)
        except Exception:  # noqa: BLE001 - only slower
            pass

    # -- size -----------------------------------------------------------------------------------
    def prune(self, files_in_run: int) -> None:
        """Keep the newest ``KEEP_KEYS`` run-key folders; in this one, drop entries of files that
        were not part of this run once there are more than ``files_in_run + PRUNE_SLACK``."""
        if not self.ready:
            return
        import shutil

        try:
            keys = sorted((e for e in os.scandir(self.root) if e.is_dir() and e.name.startswith("lint-")),
                          key=lambda e: e.stat().st_mtime_ns, reverse=True)
        except OSError:
            return
        for old in keys[KEEP_KEYS:]:
            if old.path != str(self.dir):
                shutil.rmtree(old.path, ignore_errors=True)
        if self.writes == 0:
            return  # nothing new: the folder did not grow
        try:
            entries = [(shard.path, e.name) for shard in os.scandir(self.dir) if shard.is_dir()
                       for e in os.scandir(shard.path)]
        except OSError:
            return
        if len(entries) <= files_in_run + PRUNE_SLACK:
            return
        for shard, name in entries:
            if name not in self.used:
                try:
                    os.unlink(os.path.join(shard, name))
                except OSError:
                    pass


def _atomic_write(path: Path, data: bytes) -> None:
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


__all__ = ["CACHE_DIR_NAME", "LintCache", "cache_root", "digest", "pack", "run_key", "unpack"]
