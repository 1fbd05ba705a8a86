"""Linting a batch of files: the cache, the workers, the cross-file rules, the SPEC §9 order.

:func:`lint_batch` lints each file once (or takes it from the lint cache), on ``jobs`` processes,
and returns a :class:`LintRun` whose :meth:`LintRun.findings` yields every finding sorted by file,
line, column — the per-file findings merged with those of the cross-file rules.

Each file's work gives an :class:`Outcome`: its findings, and its *facts* for the cross-file rules
(the states the BATCH rules collect, with the file's suppression directives). Workers compute
outcomes; this process combines the facts and runs the rules' ``finish`` once, so R406/P623 (and
any later BATCH rule) see every file of the run whatever the number of workers, and a file whose
outcome came from the cache still contributes its facts.

Memory stays flat in the number of files: files are processed in sorted order, each outcome's
findings are spooled to a temporary file as they arrive and read back once, merged with the
(few) cross-file findings, when the output is written. The cross-file facts are spooled the same
way, one temporary file per rule (:class:`States`), and each rule's ``finish`` reads its own
states back as often as it iterates them; the rules keep only what they must compare (R406 the
ids of referenced supervisors, P623 the periods of NIPs seen twice). The unit rules' facts stay
in memory, but only for plans under a unit folder of the run.
"""

from __future__ import annotations

import dataclasses
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from skpgen.findings import Finding
from skpgen.fsutil import FileTarget, batch_targets, read_fd

# Findings held in memory before the run spools them to a temporary file (~0.5 KiB each): small
# batches never touch the disk, large ones stay flat.
HOLD_IN_MEMORY = 5000
# Files whose cross-file states (per rule) are held in memory before they are spooled.
HOLD_STATES = 2000


class Spool:
    """Records in arrival order: held in memory up to a limit (of records, or of their ``weight``),
    then written to a temporary file, one pickle per record (no memo kept across them), and read
    back in order on each iteration. What keeps a run's memory flat in the number of files."""

    def __init__(self, prefix: str) -> None:
        self._prefix = prefix
        self._held: list[Any] = []
        self._weight = 0
        self._file: IO[bytes] | None = None
        self.count = 0

    def add(self, record: Any, limit: int | None, weight: int = 1) -> None:
        """Keep ``record``; past ``limit`` (None: never) everything goes to disk."""
        import pickle

        self.count += 1
        if self._file is None:
            self._held.append(record)
            self._weight += weight
            if limit is None or self._weight <= limit:
                return
            import tempfile

            self._file = tempfile.TemporaryFile(prefix=self._prefix)
            held, self._held = self._held, []
            for r in held:
                pickle.dump(r, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            return
        pickle.dump(record, self._file, protocol=pickle.HIGHEST_PROTOCOL)

    def __iter__(self) -> Iterator[Any]:
        if self._file is None:
            yield from list(self._held)
            return
        import pickle

        spool = self._file
        spool.flush()
        spool.seek(0)
        while True:
            try:
                record = pickle.load(spool)
            except EOFError:
                return
            yield record

    @property
    def on_disk(self) -> bool:
        return self._file is not None

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        self._held = []


class States:
    """One cross-file rule's states for a run: a sequence its ``finish`` may iterate several times.

    Held in memory for up to ``HOLD_STATES`` files, then in a temporary file read back on each
    iteration (:class:`Spool`), so the run's memory does not grow with the number of files.
    ``keep_in_memory``: never spooled (the unit rules' facts, shared between the eight unit rules
    by identity and already limited to the plans under a unit folder)."""

    def __init__(self, keep_in_memory: bool = False) -> None:
        self._records = Spool("skpgen-facts-")
        self._keep = keep_in_memory

    def add(self, states: list[Any]) -> None:
        self._records.add(states, None if self._keep else HOLD_STATES)

    def __iter__(self) -> Iterator[Any]:
        for states in self._records:
            yield from states

    def __bool__(self) -> bool:
        return self._records.count > 0

    def close(self) -> None:
        self._records.close()


@dataclass(slots=True)
class Outcome:
    """What linting one file gives (picklable: it crosses processes and lives in the cache)."""

    file: str
    findings: list[Finding]
    load_failed: bool = False
    batch: dict[str, list[Any]] = field(default_factory=dict)
    batch_directives: dict[str, list[Any]] = field(default_factory=dict)
    names: frozenset[str] = frozenset()
    crashes: list[str] = field(default_factory=list)
    digest: bytes | None = None  # hash of the bytes linted (None: unreadable)
    packed: Any = None  # a cache hit's facts as stored (unpacked only if the cross-file rules run)


def encode(out: Outcome) -> tuple[Any, ...]:
    """An outcome as plain data for the cache (the file name is the entry's own)."""
    from skpgen.lint.cache import pack

    return (tuple((f.line, f.column, f.end_line, f.end_column, f.code, f.name, f.severity, f.message, f.kegiatan)
                  for f in out.findings),
            out.load_failed, out.packed if out.packed is not None else pack((out.batch, out.batch_directives)),
            out.names, tuple(out.crashes))


def _plain(f: Finding) -> tuple[Any, ...]:
    return (f.file, f.line, f.column, f.end_line, f.end_column, f.code, f.name, f.severity, f.message, f.kegiatan)


def decode(file: str, value: tuple[Any, ...]) -> Outcome:
    """A cache entry as an :class:`Outcome`; its cross-file facts stay packed (``packed``): a tree
    whose cross-file findings are cached never needs them."""
    findings, load_failed, packed, names, crashes = value
    return Outcome(file, [Finding(file, *f) for f in findings], bool(load_failed), {}, {},
                   frozenset(names), list(crashes), packed=packed)


class FactLog:
    """Every file's cross-file facts in file order, kept until the run knows whether it needs them
    (its tree's cross-file findings may be cached): in memory for up to ``HOLD_STATES`` files, then
    in a temporary file (:class:`Spool`). A cache hit's facts are kept packed, as the entry stores
    them."""

    def __init__(self) -> None:
        self._records = Spool("skpgen-facts-")

    @property
    def empty(self) -> bool:
        return self._records.count == 0

    def add(self, out: Outcome) -> None:
        if out.packed is None and not out.batch:
            return
        record = ("p", out.file, out.packed) if out.packed is not None else \
            ("o", out.file, (out.batch, out.batch_directives))
        self._records.add(record, HOLD_STATES)

    def replay(self, unit_dirs: list[Path], settings: Any, cache: Any = None) -> Iterator[Outcome]:
        """The logged facts as outcomes (facts only), in file order; the log is emptied."""
        try:
            for kind, file, value in self._records:
                if kind == "p":
                    yield with_facts(Outcome(file, [], packed=value), settings, unit_dirs, cache)
                else:
                    batch, directives = value
                    yield without_idle_unit_facts(Outcome(file, [], batch=batch, batch_directives=directives),
                                                  unit_dirs)
        finally:
            self._records.close()

    def close(self) -> None:
        self._records.close()


Target = FileTarget  # one file of the batch (path and display name as text, unit flag)


def _read_raw(path: Path, max_bytes: int) -> bytes | None:
    """A regular file's bytes for the cache lookup (None: not a regular file or unreadable;
    the worker then reports it)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO never blocks here
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        return read_fd(fd, max_bytes + 1)
    except OSError:
        return None
    finally:
        os.close(fd)


def lint_one(target: Target, settings: Any, cache: Any = None) -> Outcome:
    """Lint one file into an :class:`Outcome` (stored in ``cache`` when given)."""
    from skpgen.lint.cache import digest
    from skpgen.lint.engine import lint_document, lint_loaded, lint_unit_document
    from skpgen.lint.formats import collect_names
    from skpgen.loader import DEFAULT_MAX_BYTES, LoadError, load_bytes, read_path

    display = target.display
    max_bytes = settings.config.max_bytes or DEFAULT_MAX_BYTES
    try:
        raw = read_path(target.path, max_bytes=max_bytes, lang=settings.lang, display_name=display)
    except LoadError as exc:
        return Outcome(display, [exc.finding], True)
    content_digest = digest(raw)
    mine = dataclasses.replace(settings, batch={}, batch_directives={}, crashes=[])
    result = lint_loaded(lambda: load_bytes(raw, display, max_bytes=max_bytes, lang=settings.lang), display, mine,
                         lint_unit_document if target.unit else lint_document)
    if result.raised:  # a bug (E099): neither cached nor its partial facts kept; the next run tries again
        return Outcome(display, result.findings, True)
    if result.doc is None:  # a load error (E0xx): a property of these bytes, cached
        out = Outcome(display, result.findings, True, digest=content_digest)
    else:
        out = Outcome(display, result.findings, result.load_failed, mine.batch,
                      {f: d for f, d in mine.batch_directives.items() if d},
                      frozenset(collect_names(result.doc.data)), mine.crashes, content_digest)
        if out.load_failed:  # a rule's internal error (E099) is not cached either
            out.digest = None
            return out
    if cache is not None and not out.crashes and os.path.isfile(target.path):
        cache.put(display, content_digest, encode(out))
    return out


# ---- worker side ---------------------------------------------------------------------------------

_SETTINGS: Any = None
_CACHE: Any = None
_UNIT_DIRS: list[Path] = []


def _init_worker(settings: Any, cache: Any, unit_dirs: list[Path] | None = None) -> None:
    global _SETTINGS, _CACHE, _UNIT_DIRS
    _SETTINGS, _CACHE, _UNIT_DIRS = settings, cache, unit_dirs or []
    _load_vocab(settings)


def _load_vocab(settings: Any) -> None:
    """The word lists, loaded when the first file is linted (a warm cache run never needs them)."""
    from skpgen.lint.vocab import VocabError

    try:
        settings.get_vocab()
    except (OSError, UnicodeDecodeError) as exc:
        raise VocabError(str(exc)) from exc


def _work(target: Target) -> Outcome:
    return without_idle_unit_facts(lint_one(target, _SETTINGS, _CACHE), _UNIT_DIRS)


def with_facts(out: Outcome, settings: Any, unit_dirs: list[Path], cache: Any = None) -> Outcome:
    """``out`` with a cache hit's packed facts unpacked (facts that do not unpack are computed
    afresh from the file, and its entry rewritten), without idle unit facts. A file linted in this
    run comes as it is: :func:`_work` dropped its idle unit facts where it was linted."""
    if out.packed is None:
        return out
    from skpgen.lint.cache import unpack

    try:
        out.batch, out.batch_directives = unpack(out.packed)
    except Exception:  # noqa: BLE001 - a damaged entry: this file's facts afresh
        fresh = lint_one(Target(out.file, out.file), settings, cache)
        out.batch, out.batch_directives = fresh.batch, fresh.batch_directives
    out.packed = None
    return without_idle_unit_facts(out, unit_dirs)


def _plan_facts(states: list[Any]) -> bool:
    """Whether a file's states for one rule are a plan's facts for the unit rules (``plan``, as
    :func:`skpgen.unit.cascade.collect` writes them)."""
    return bool(states) and "plan" in states[0]


def _unit_facts(states: list[Any]) -> bool:
    """A plan's facts for the unit rules, or a unit file's (``unit``, see the engine)."""
    return _plan_facts(states) or (bool(states) and "unit" in states[0])


def without_idle_unit_facts(out: Outcome, unit_dirs: list[Path]) -> Outcome:
    """``out`` without the unit rules' facts of a plan that lies under no unit folder of the run
    (the unit rules would leave it out): they are neither shipped back from a worker nor kept by
    the parent, which keeps memory flat in a repository without unit files. The cache entry keeps
    them (a unit file added later finds them)."""
    if not any(_plan_facts(states) for states in out.batch.values()):
        return out
    if unit_dirs:
        from skpgen.unit.hierarchy import in_unit_folder

        if in_unit_folder(out.file, unit_dirs):
            return out
    out.batch = {code: states for code, states in out.batch.items() if not _plan_facts(states)}
    return out


def _warm_up(settings: Any) -> None:
    """Vocabulary, imports and compiled schema, once, before the workers fork (they inherit them)."""
    _load_vocab(settings)
    import skpgen.lint.engine  # noqa: F401
    import skpgen.lint.formats  # noqa: F401
    import skpgen.rules  # noqa: F401
    from skpgen.pipeline import warm_up

    warm_up()


# ---- the batch -----------------------------------------------------------------------------------

@dataclass
class LintRun:
    """The combined result of a batch; :meth:`findings` can be iterated once."""

    n_files: int = 0
    files: list[str] | None = None
    load_failed: bool = False
    crashes: list[str] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    hits: int = 0
    _files_findings: Spool = field(default_factory=lambda: Spool("skpgen-lint-"))
    _cross: list[Finding] = field(default_factory=list)
    # the report written for this untouched tree in the asked output format, from the cache:
    # (text, the tally's state); the findings are then not held at all
    output: tuple[str, Any] | None = None
    _recorded: tuple[Any, str] | None = None  # (cache, stat id) when the tree's result is stored

    @property
    def recorded(self) -> bool:
        """Whether this result is stored as a whole-tree record (a report may be stored beside it)."""
        return self._recorded is not None

    def remember_output(self, output_key: str, text: str, tally_state: Any) -> None:
        """Store the report written from this result (``output_key``: its format and options), so
        that the next run over the untouched tree writes it without formatting a finding."""
        if self._recorded is not None:
            cache, stat_id = self._recorded
            cache.put_output(stat_id, output_key, (self.n_files, self.load_failed, text, tally_state))

    def _keep(self, findings: list[Finding]) -> None:
        """Hold a file's findings: in memory up to ``HOLD_IN_MEMORY`` findings, then on disk."""
        self._files_findings.add(findings, HOLD_IN_MEMORY, len(findings))

    def findings(self) -> Iterator[Finding]:
        """Every finding, sorted by (file, line, column, code); ties keep per-file first."""
        import heapq

        return heapq.merge(self._spooled(), self._cross, key=Finding.sort_key)

    def _spooled(self) -> Iterator[Finding]:
        try:
            for fs in self._files_findings:
                yield from fs
        finally:
            self._files_findings.close()


def tree_stat_id(targets: Sequence[Target], keep_names: bool) -> str | None:
    """The identity of the run's files as they are on disk, without reading them: each name with
    its size, modification and change times (nanoseconds), inode and device. Any write to a file
    changes its change time, which cannot be set back; None when a file cannot be stat'ed or is
    not a regular file (it is then read and hashed as usual)."""
    from skpgen.lint.cache import blake2b

    h = blake2b(digest_size=16)
    h.update(b"names\0" if keep_names else b"\0")
    for t in targets:
        try:
            st = os.stat(t.path)
        except (OSError, ValueError):
            return None
        if not stat.S_ISREG(st.st_mode):
            return None
        h.update(f"{t.display}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}\0{st.st_dev}\n"
                 .encode("utf-8", "surrogateescape"))
    return h.hexdigest()


def _from_record(record: Any, targets: Sequence[Target], keep_files: bool) -> LintRun:
    n_files, load_failed, findings, names = record
    if n_files != len(targets):
        raise ValueError("record of another tree")
    run = LintRun(n_files=n_files, files=[t.display for t in targets] if keep_files else None,
                  load_failed=bool(load_failed), names=set(names), hits=n_files)
    run._keep([Finding(*f) for f in findings])
    return run


def _from_output(written: Any, targets: Sequence[Target]) -> LintRun:
    n_files, load_failed, text, tally_state = written
    if n_files != len(targets) or not isinstance(text, str):
        raise ValueError("report of another tree")
    return LintRun(n_files=n_files, load_failed=bool(load_failed), hits=n_files, output=(text, tally_state))


def lint_batch(targets: Sequence[Target], settings: Any, jobs: int = 1, cache: Any = None, *,
               keep_files: bool = False, keep_names: bool = False, output_key: str | None = None) -> LintRun:
    """Lint ``targets`` (in the order given: sorted by display name for SPEC §9's order).

    ``output_key`` (the report's format and options): a report stored for exactly these
    untouched files (:meth:`LintRun.remember_output`) comes back as ``run.output``."""
    from skpgen.parallel import ordered_map

    stat_id = tree_stat_id(targets, keep_names) if cache is not None and targets else None
    if stat_id is not None:
        written = cache.get_output(stat_id, output_key) if output_key is not None else None
        if written is not None:
            try:
                return _from_output(written, targets)
            except Exception:  # noqa: BLE001 - a report of another shape: the record may still answer
                pass
        record = cache.get_tree(stat_id)
        if record is not None:
            try:
                run = _from_record(record, targets, keep_files)
                run._recorded = (cache, stat_id)
                return run
            except Exception:  # noqa: BLE001 - a record of another shape: lint as usual
                pass
    run = LintRun(files=[] if keep_files else None)
    batch: dict[str, States] = {}
    batch_directives: dict[str, list[Any]] = {}
    from skpgen.limits import DEFAULT_MAX_BYTES

    max_bytes = settings.config.max_bytes or DEFAULT_MAX_BYTES

    def lookup(target: Target) -> Outcome | None:
        raw = _read_raw(target.path, max_bytes)
        if raw is None:
            return None
        from skpgen.lint.cache import digest

        content_digest = digest(raw)
        value = cache.get(target.display, content_digest)
        if value is None:
            return None
        try:
            hit = decode(target.display, value)
        except Exception:  # noqa: BLE001 - an entry of another shape: a miss
            return None
        hit.digest = content_digest
        run.hits += 1
        return hit

    from skpgen.lint.cache import blake2b

    # the cross-file findings are a function of the run key and of every (file, content) of the
    # run: a tree seen before takes them from the cache without running the rules' finish
    unit_dirs: list[Path] = []
    if any(t.unit for t in targets):
        from skpgen.unit.hierarchy import unit_folders

        unit_dirs = unit_folders(t.display for t in targets if t.unit)
    tree = blake2b(digest_size=16)
    complete = True
    log = FactLog() if cache is not None else None
    for out in ordered_map(_work, targets, jobs, lookup=lookup if cache is not None else None,
                           initializer=_init_worker, initargs=(settings, cache, unit_dirs), warm_up=lambda: _warm_up(settings)):
        run.n_files += 1
        if out.digest is None:
            complete = False
        elif complete:
            tree.update(out.file.encode("utf-8", "surrogateescape") + b"\0" + out.digest)
        if run.files is not None:
            run.files.append(out.file)
        run.load_failed |= out.load_failed
        run.crashes.extend(out.crashes)
        if keep_names:
            run.names |= out.names
        if log is not None and out.packed is None and out.batch:
            # a file linted now: the tree is new, so its cross-file rules will run; stop deferring
            for facts in log.replay(unit_dirs, settings, cache):
                _add_facts(batch, batch_directives, facts)
            log = None
        if log is not None:
            log.add(out)  # a cache hit's facts stay packed: the tree's cross-file findings may be cached
        else:
            _add_facts(batch, batch_directives, with_facts(out, settings, unit_dirs, cache))
        if out.findings:
            run._keep(out.findings)
    if batch or (log is not None and not log.empty):
        tree_id = tree.hexdigest() if (cache is not None and complete) else None
        cross = cache.get_run(tree_id) if tree_id is not None else None
        if cross is not None:
            run._cross = [Finding(*f) for f in cross]
            for states in batch.values():
                states.close()
        else:
            if log is not None:
                for facts in log.replay(unit_dirs, settings, cache):
                    _add_facts(batch, batch_directives, facts)
            _finish(run, settings, batch, batch_directives)
            if tree_id is not None and not run.crashes:
                cache.put_run(tree_id, tuple(_plain(f) for f in run._cross))
    if log is not None:
        log.close()
    if stat_id is not None and complete and not run.crashes and not run._files_findings.on_disk:
        # the whole result, when it is small enough to be held (it was): the next run over the
        # untouched tree reads this one record
        from skpgen.isolation import is_internal

        held = [f for fs in run._files_findings for f in fs]
        if not any(is_internal(f) for f in held):
            merged = sorted(held + run._cross, key=Finding.sort_key)
            cache.put_tree(stat_id, (run.n_files, run.load_failed, tuple(_plain(f) for f in merged),
                                     tuple(sorted(run.names)) if keep_names else ()))
            run._recorded = (cache, stat_id)
    if cache is not None:
        cache.prune(run.n_files)
    return run


def _add_facts(batch: dict[str, States], directives: dict[str, list[Any]], out: Outcome) -> None:
    for code, states in out.batch.items():
        if code not in batch:
            batch[code] = States(keep_in_memory=_unit_facts(states))
        batch[code].add(states)
    directives.update(out.batch_directives)


def _finish(run: LintRun, settings: Any, batch: dict[str, States], directives: dict[str, list[Any]]) -> None:
    """The cross-file rules' findings of the run (their ``finish``), into ``run``."""
    from skpgen.lint.engine import finish_batch

    acc = dataclasses.replace(settings, batch=batch, batch_directives=directives, crashes=[])
    try:
        run._cross = finish_batch(acc)
    finally:
        for states in batch.values():
            states.close()
    run.crashes.extend(acc.crashes)


def sorted_targets(targets: Sequence[Any]) -> list[Target]:
    """Targets in display order, each display once (a file named twice is linted once)."""
    return batch_targets(targets, dedup=True)


__all__ = ["LintRun", "Outcome", "States", "Target", "lint_batch", "lint_one", "sorted_targets"]
