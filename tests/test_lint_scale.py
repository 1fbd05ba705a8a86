"""Scale (SPEC §8 v1.1, issue 16): --jobs for lint and validate, the lint cache, flat memory.

Everything here checks behaviour and output, never time (speed is measured in bench/).
"""

from __future__ import annotations

import os
import pickle
import random
import subprocess
import sys
from pathlib import Path

import pytest

from skpgen.lint.cache import CACHE_DIR_NAME, FORMAT, LintCache, digest, run_key
from skpgen.lint.config import Config
from skpgen.parallel import ordered_map

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from gen import plan  # noqa: E402  (the benchmark's realistic generated plans)

SUPERVISOR_NIP = "197002021995032001"
FORMATS = ["json", "concise", "full", "sarif", "github", "junit"]


def _supervisor(ids: tuple[str, ...] = ("K1", "K2")) -> str:
    text = plan(random.Random(7), 5000)
    text = text.replace('nip: "', f'nip: "{SUPERVISOR_NIP}" #', 1)  # pegawai.nip is the first nip
    for old, new in zip(("id: K1", "id: K2"), (f"id: {i}" for i in ids)):
        text = text.replace(old, new, 1)
    return text


def _subordinate(i: int, ref: str) -> str:
    text = plan(random.Random(i), i)
    lines = text.splitlines()
    # the assessing official is the supervisor; the first kegiatan supports the supervisor's K1
    pen = lines.index("pejabat_penilai:")
    lines[pen + 2] = f'  nip: "{SUPERVISOR_NIP}"'
    k = lines.index("  - id: K1")
    lines[k + 3] = f'    mendukung: [SS1, "{ref}"]'
    return "\n".join(lines) + "\n"


def make_batch(folder: Path, n: int = 36) -> Path:
    """A batch large enough for the process pool, with every kind of file the workers must handle:
    clean and warned plans, a supervisor and subordinates (R406 across files), two plans of one
    employee with overlapping periods (P623), a suppression, a schema error and broken YAML."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(1)
    for i in range(n):
        (folder / f"plan-{i:03d}.skp.yaml").write_text(plan(rng, i), encoding="utf-8")
    (folder / "atasan.skp.yaml").write_text(_supervisor(), encoding="utf-8")
    (folder / "bawahan-1.skp.yaml").write_text(_subordinate(9001, f"{SUPERVISOR_NIP}#K1"), encoding="utf-8")
    (folder / "bawahan-2.skp.yaml").write_text(_subordinate(9002, f"{SUPERVISOR_NIP}#K9"), encoding="utf-8")
    twin = (folder / "plan-000.skp.yaml").read_text(encoding="utf-8")
    (folder / "sub").mkdir(exist_ok=True)
    (folder / "sub" / "mutasi.skp.yaml").write_text(twin.replace('selesai: "2025-12-31"', 'selesai: "2025-06-30"'),
                                                  encoding="utf-8")
    supp = (folder / "plan-001.skp.yaml").read_text(encoding="utf-8")
    (folder / "plan-001.skp.yaml").write_text(
        supp.replace("jadwal_review:", "# skpgen: file-ignore[P621] -- dicatat di notulen\njadwal_review:"),
        encoding="utf-8")
    (folder / "rusak.skp.yaml").write_text("versi: 1\nkegiatan: [\n", encoding="utf-8")
    (folder / "salah-tipe.skp.yaml").write_text(plan(rng, 77).replace("versi: 1", "versi: satu"), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    return make_batch(tmp_path_factory.mktemp("batch") / "plans")


def _lint(cli, folder: Path, cwd: Path, *args: str):
    return cli("lint", str(folder), *args, cwd=cwd, env={"SKPGEN_CACHE_DIR": ""})


# ---- the pool ---------------------------------------------------------------------------------

def _pid_of(item: int) -> tuple[int, int]:
    return item, os.getpid()


def test_ordered_map_keeps_order_and_uses_workers() -> None:
    out = list(ordered_map(_pid_of, range(200), 2, threshold=8))
    assert [i for i, _ in out] == list(range(200))
    assert {pid for _, pid in out} - {os.getpid()}, "no item ran in a worker process"


@pytest.mark.parametrize("chunk_size,window", [(1, 16), (3, 16), (8, 64), (50, 20)])
def test_ordered_map_chunks_keep_order_with_hits_between(chunk_size: int, window: int) -> None:
    """Misses go to the workers in chunks; hits (every third item) and misses still come back in
    item order, whatever the chunk and window sizes (a chunk larger than the window too)."""
    out = list(ordered_map(_pid_of, range(300), 2, threshold=8, window=window, chunk_size=chunk_size,
                           lookup=lambda i: (i, -1) if i % 3 == 0 else None))
    assert [i for i, _ in out] == list(range(300))
    assert {pid for i, pid in out if i % 3 == 0} == {-1}
    assert {pid for i, pid in out if i % 3} - {os.getpid()}, "no miss ran in a worker process"


def test_ordered_map_small_batches_and_lookups_stay_in_process() -> None:
    out = list(ordered_map(_pid_of, range(10), 2, threshold=24))
    assert out == [(i, os.getpid()) for i in range(10)]
    # items a lookup answers are never computed: 190 hits, 10 misses below the threshold
    looked = list(ordered_map(_pid_of, range(200), 2, threshold=24,
                              lookup=lambda i: None if i % 20 == 0 else (i, -1)))
    assert [i for i, _ in looked] == list(range(200))
    assert {pid for i, pid in looked if i % 20} == {-1}
    assert {pid for i, pid in looked if i % 20 == 0} == {os.getpid()}


# ---- --jobs: identical output -----------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_lint_jobs_1_and_2_give_identical_output(cli, batch: Path, tmp_path: Path, fmt: str) -> None:
    one = _lint(cli, batch, tmp_path, "--format", fmt, "--no-cache", "--jobs", "1")
    two = _lint(cli, batch, tmp_path, "--format", fmt, "--no-cache", "--jobs", "2")
    assert one.returncode == two.returncode == 2  # rusak.skp.yaml cannot be parsed
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    assert "rusak.skp.yaml" in one.stdout
    if fmt == "concise":
        lines = one.stdout.splitlines()
        keys = []
        for line in lines:
            file, ln, col, _ = line.split(":", 3)
            keys.append((file, int(ln), int(col)))
        assert keys == sorted(keys), "SPEC §9 order: file, line, column"
        # cross-file rules judged across the workers: the subordinate's missing K9, the overlap
        assert any("bawahan-2.skp.yaml" in ln and " R406 " in ln for ln in lines)
        assert not any("bawahan-1.skp.yaml" in ln and " R406 " in ln for ln in lines)
        assert any(" P623 " in ln for ln in lines)
        assert not any("plan-001.skp.yaml" in ln and " P621 " in ln for ln in lines)  # suppressed
        assert any("salah-tipe.skp.yaml" in ln and " E02" in ln for ln in lines)


def test_lint_cached_output_equals_uncached(cli, batch: Path, tmp_path: Path) -> None:
    ref = _lint(cli, batch, tmp_path, "--format", "json", "--no-cache", "--jobs", "1")
    cold = _lint(cli, batch, tmp_path, "--format", "json", "--jobs", "2")
    warm = _lint(cli, batch, tmp_path, "--format", "json", "--jobs", "1")
    assert ref.stdout == cold.stdout == warm.stdout
    assert ref.returncode == cold.returncode == warm.returncode == 2


@pytest.mark.parametrize("fmt", ["full", "concise", "json"])
def test_validate_jobs_1_and_2_give_identical_output(cli, batch: Path, tmp_path: Path, fmt: str) -> None:
    one = cli("validate", str(batch), "--format", fmt, "--jobs", "1", cwd=tmp_path)
    two = cli("validate", str(batch), "--format", fmt, "--jobs", "2", cwd=tmp_path)
    assert one.returncode == two.returncode == 2
    assert (one.stdout, one.stderr) == (two.stdout, two.stderr)
    assert "salah-tipe.skp.yaml" in one.stdout and "rusak.skp.yaml" in one.stdout


# ---- the cache --------------------------------------------------------------------------------

def _entries(cwd: Path) -> list[Path]:
    return sorted(p for p in (cwd / CACHE_DIR_NAME).glob("lint-*/*/*") if not p.name.startswith(".tmp"))


def _mark_cached(cwd: Path, display: str, marker: str) -> None:
    """Rewrite the cached outcome of ``display`` with a marker message: if a later run prints the
    marker, that run answered from the cache. The records of whole untouched trees (and the reports
    stored beside them) are removed, so that the next run answers from the per-file entries (what
    these tests are about)."""
    import marshal

    for pattern in ("lint-*/tree-*", "lint-*/out-*"):
        for record in (cwd / CACHE_DIR_NAME).glob(pattern):
            record.unlink()

    from skpgen.lint.runner import decode, encode

    [key_dir] = list((cwd / CACHE_DIR_NAME).glob("lint-*"))
    cache = LintCache(cwd / CACHE_DIR_NAME, key_dir.name[len("lint-"):])
    path = Path(cache.path_for(display))
    fmt, file, dig, value = marshal.loads(path.read_bytes())
    outcome = decode(file, value)
    assert outcome.findings, f"{display} has no findings to mark"
    outcome.findings[0].message = marker
    cache.put(display, dig, encode(outcome))


def _small_tree(tmp_path: Path) -> tuple[Path, Path]:
    proj = tmp_path / "proj"
    folder = proj / "skp"
    folder.mkdir(parents=True)
    rng = random.Random(3)
    for i in range(3):
        (folder / f"p{i}.skp.yaml").write_text(plan(rng, i), encoding="utf-8")
    (folder / "atasan.skp.yaml").write_text(_supervisor(), encoding="utf-8")
    (folder / "bawahan.skp.yaml").write_text(_subordinate(9001, f"{SUPERVISOR_NIP}#K1"), encoding="utf-8")
    return proj, folder


def test_cache_location_gitignore_and_hit(cli, tmp_path: Path) -> None:
    proj, folder = _small_tree(tmp_path)
    first = _lint(cli, Path("skp"), proj, "--format", "concise")
    assert (proj / CACHE_DIR_NAME / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert len(_entries(proj)) == 5
    _mark_cached(proj, "skp/p0.skp.yaml", "DARI-CACHE")
    again = _lint(cli, Path("skp"), proj, "--format", "concise")
    assert "DARI-CACHE" in again.stdout
    assert again.stdout.replace("DARI-CACHE", "") != first.stdout  # only the marked message differs
    nocache = _lint(cli, Path("skp"), proj, "--format", "concise", "--no-cache")
    assert nocache.stdout == first.stdout


def test_cache_miss_on_content_change(cli, tmp_path: Path) -> None:
    proj, folder = _small_tree(tmp_path)
    _lint(cli, Path("skp"), proj, "--format", "concise")
    _mark_cached(proj, "skp/p0.skp.yaml", "DARI-CACHE-0")
    _mark_cached(proj, "skp/p1.skp.yaml", "DARI-CACHE-1")
    p0 = folder / "p0.skp.yaml"
    p0.write_text(p0.read_text(encoding="utf-8") + "# diubah\n", encoding="utf-8")
    out = _lint(cli, Path("skp"), proj, "--format", "concise").stdout
    assert "DARI-CACHE-0" not in out  # changed file: linted again
    assert "DARI-CACHE-1" in out      # unchanged file: from the cache


def test_cache_miss_on_config_and_vocab_change(cli, tmp_path: Path) -> None:
    proj, folder = _small_tree(tmp_path)
    (proj / ".skpgen.yaml").write_text("ignore: [S104]\n", encoding="utf-8")
    _lint(cli, Path("skp"), proj, "--format", "concise")
    _mark_cached(proj, "skp/p0.skp.yaml", "DARI-CACHE")
    assert "DARI-CACHE" in _lint(cli, Path("skp"), proj, "--format", "concise").stdout
    (proj / ".skpgen.yaml").write_text("ignore: [S104, S105]\n", encoding="utf-8")
    assert "DARI-CACHE" not in _lint(cli, Path("skp"), proj, "--format", "concise").stdout
    # the vocabulary: a word list's content changes, the folder name does not
    vocab = proj / "kosakata"
    vocab.mkdir()
    (vocab / "frasa-kabur.txt").write_text("frasa contoh\n", encoding="utf-8")
    _lint(cli, Path("skp"), proj, "--format", "concise", "--vocab", "kosakata")
    key_dirs = {p.name for p in (proj / CACHE_DIR_NAME).glob("lint-*")}
    (vocab / "frasa-kabur.txt").write_text("frasa contoh\nfrasa lain\n", encoding="utf-8")
    _lint(cli, Path("skp"), proj, "--format", "concise", "--vocab", "kosakata")
    assert len({p.name for p in (proj / CACHE_DIR_NAME).glob("lint-*")} - key_dirs) == 1


def test_run_key_covers_version_config_vocab_lang_previous(tmp_path: Path, monkeypatch) -> None:
    import skpgen

    cfg = Config()
    base = run_key(cfg, "id", None)
    assert run_key(Config(), "id", None) == base  # stable
    assert run_key(cfg, "en", None) != base
    assert run_key(Config(ignore=["S1"]), "id", None) != base
    assert run_key(Config(options={"A301": {"ambang_persen": 30}}), "id", None) != base
    prev = tmp_path / "lalu.skp.yaml"
    prev.write_text("a: 1\n", encoding="utf-8")
    with_prev = run_key(cfg, "id", [prev])
    prev.write_text("a: 2\n", encoding="utf-8")
    assert with_prev != base and run_key(cfg, "id", [prev]) != with_prev
    vocab = tmp_path / "v"
    vocab.mkdir()
    (vocab / "satuan.txt").write_text("berkas\n", encoding="utf-8")
    v1 = run_key(Config(vocab=str(vocab)), "id", None)
    (vocab / "satuan.txt").write_text("berkas\nbundel\n", encoding="utf-8")
    assert run_key(Config(vocab=str(vocab)), "id", None) != v1
    monkeypatch.setattr(skpgen, "__version__", "99.0.0")
    assert run_key(cfg, "id", None) != base


def test_changed_supervisor_rechecks_cached_subordinate(cli, tmp_path: Path) -> None:
    proj, folder = _small_tree(tmp_path)
    before = _lint(cli, Path("skp"), proj, "--format", "concise").stdout
    assert " R406 " not in before
    # the supervisor renames K1: the subordinate's file is unchanged (its entry is a hit) but its
    # reference is now dangling
    (folder / "atasan.skp.yaml").write_text(_supervisor(("K7", "K2")), encoding="utf-8")
    after = _lint(cli, Path("skp"), proj, "--format", "concise").stdout
    assert [ln for ln in after.splitlines() if " R406 " in ln and ln.startswith("skp/bawahan.skp.yaml:")]
    assert after == _lint(cli, Path("skp"), proj, "--format", "concise", "--no-cache").stdout
    # the unchanged tree answers its cross-file findings from the cache too (a marked entry shows)
    import marshal

    runs = list((proj / CACHE_DIR_NAME).glob("lint-*/run-*"))
    assert len(runs) == 2  # the tree before and after the supervisor's change
    run_file = max(runs, key=lambda p: p.stat().st_mtime_ns)
    fmt, tree_id, cross = marshal.loads(run_file.read_bytes())
    assert [f[5] for f in cross] == ["R406"]
    marked = tuple(f[:8] + ("DARI-CACHE-LINTAS",) + f[9:] for f in cross)
    run_file.write_bytes(marshal.dumps((fmt, tree_id, marked)))
    for record in _tree_records(proj) + _output_records(proj):  # not the whole untouched tree's
        record.unlink()                                          # record (or report): its cross-file part
    assert "DARI-CACHE-LINTAS" in _lint(cli, Path("skp"), proj, "--format", "concise").stdout
    # and any change to the tree (here: a subordinate's content) recomputes them
    sub = folder / "bawahan.skp.yaml"
    sub.write_text(sub.read_text(encoding="utf-8") + "# diubah\n", encoding="utf-8")
    again = _lint(cli, Path("skp"), proj, "--format", "concise").stdout
    assert "DARI-CACHE-LINTAS" not in again and " R406 " in again


def test_corrupt_and_foreign_entries_are_misses(cli, tmp_path: Path) -> None:
    proj, folder = _small_tree(tmp_path)
    ref = _lint(cli, Path("skp"), proj, "--format", "json").stdout
    entries = _entries(proj)
    entries[0].write_bytes(b"\x80\x05garbage")
    entries[1].write_bytes(entries[1].read_bytes()[:40])  # truncated
    # rule facts that are objects are pickled inside an entry: one that would run code when
    # unpickled with plain pickle is refused, never executed
    marker = tmp_path / "dieksekusi"

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    import marshal

    fmt, file, dig, value = marshal.loads(entries[2].read_bytes())
    evil = (value[0], value[1], ("p", pickle.dumps(Evil())), value[3], value[4])
    entries[2].write_bytes(marshal.dumps((fmt, file, dig, evil)))
    res = _lint(cli, Path("skp"), proj, "--format", "json")
    assert res.stdout == ref
    assert not marker.exists()
    # the bad entries were rewritten: a later run is a hit again
    _mark_cached(proj, "skp/p0.skp.yaml", "DARI-CACHE")
    assert "DARI-CACHE" in _lint(cli, Path("skp"), proj, "--format", "json").stdout


def test_no_cache_writes_nothing(cli, tmp_path: Path) -> None:
    proj, folder = _small_tree(tmp_path)
    _lint(cli, Path("skp"), proj, "--no-cache")
    assert not (proj / CACHE_DIR_NAME).exists()


def test_cache_beside_the_config_file(cli, tmp_path: Path) -> None:
    proj, folder = _small_tree(tmp_path)
    (proj / ".skpgen.yaml").write_text("lang: id\n", encoding="utf-8")
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    _lint(cli, folder, elsewhere)
    assert (proj / CACHE_DIR_NAME / ".gitignore").is_file()
    assert not (elsewhere / CACHE_DIR_NAME).exists()


def test_concurrent_runs_share_the_cache_safely(tmp_path: Path, batch: Path) -> None:
    proj = tmp_path / "proj"
    proj.mkdir()
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    env.pop("SKPGEN_CACHE_DIR", None)
    cmd = [sys.executable, "-m", "skpgen", "lint", str(batch), "--format", "json", "--jobs", "1"]
    procs = [subprocess.Popen(cmd, cwd=proj, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(4)]
    outs = [p.communicate(timeout=300) for p in procs]
    ref = subprocess.run([*cmd, "--no-cache"], cwd=proj, env=env, capture_output=True, text=True)
    assert all(out == ref.stdout for out, _ in outs)
    assert all(p.returncode == 2 for p in procs)
    assert not list((proj / CACHE_DIR_NAME).rglob(".tmp-*")), "a temporary file was left behind"
    warm = subprocess.run(cmd, cwd=proj, env=env, capture_output=True, text=True)
    assert warm.stdout == ref.stdout


def test_prune_bounds_the_cache(tmp_path: Path) -> None:
    root = tmp_path / CACHE_DIR_NAME
    for k in range(6):  # older run keys (another config, an older skpgen)
        old = LintCache(root, f"{k:032x}")
        old.put("a.yaml", digest(b"a"), {"x": k})
    cache = LintCache(root, "f" * 32)
    for i in range(1500):  # entries of files that are no longer linted
        cache.put(f"gone-{i}.yaml", digest(b"x"), {"i": i})
    fresh = LintCache(root, "f" * 32)
    for i in range(3):
        fresh.put(f"now-{i}.yaml", digest(b"y"), {"i": i})
    fresh.prune(files_in_run=3)
    assert len([p for p in root.iterdir() if p.name.startswith("lint-")]) <= 4
    kept = sorted(p.name for p in (root / f"lint-{'f' * 32}").glob("*/*"))
    assert len(kept) == 3
    assert fresh.get("now-1.yaml", digest(b"y")) == {"i": 1}
    assert fresh.get("now-1.yaml", digest(b"z")) is None  # another content: a miss


def test_unpickler_refuses_functions_and_foreign_classes() -> None:
    from skpgen.lint.cache import pack, unpack
    from skpgen.lint.suppression import Directive

    d = Directive(3, 1, 10, "ignore", ["S101"], "alasan", 4)
    assert unpack(pack({"x": [d]})) == {"x": [d]}  # skpgen's own classes come back
    for bad in (pickle.dumps(os.system), pickle.dumps(Path("/etc"))):
        with pytest.raises(pickle.UnpicklingError):
            unpack(("p", bad))


def test_warm_lint_path_imports_no_parser_scoring_or_schema() -> None:
    """What a cached run needs (config, cache, runner, rule registry for the cross-file rules)
    loads neither YAML, the scoring library nor jsonschema: start-up stays small."""
    code = ("import sys, skpgen.commands.lint, skpgen.lint.runner, skpgen.lint.cache, skpgen.rules, "
            "skpgen.lint.engine, skpgen.parallel; "
            "print(sorted(m for m in ('yaml', 'skpgen.loader', 'skpgen.scoring', 'jsonschema', "
            "'fastjsonschema') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "[]", out.stderr


# ---- memory: findings spooled to disk give the same output ------------------------------------

def test_spooled_findings_equal_held_findings(batch: Path, monkeypatch) -> None:
    from skpgen.commands._common import iter_yaml_files
    from skpgen.lint import runner
    from skpgen.lint.engine import Settings

    targets = runner.sorted_targets(list(iter_yaml_files([batch], "id", [])))

    def run_all() -> list[tuple]:
        run = runner.lint_batch(targets, Settings(config=Config(), lang="id"), jobs=1)
        return [(f.file, f.line, f.column, f.code, f.message) for f in run.findings()]

    held = run_all()
    monkeypatch.setattr(runner, "HOLD_IN_MEMORY", 1)
    spooled = run_all()
    assert spooled == held
    assert len(held) > 30 and held == sorted(held, key=lambda t: (t[0], t[1], t[2], t[3]))
    # the cross-file facts spooled too (read back by R406 and P623 as often as they iterate)
    monkeypatch.setattr(runner, "HOLD_STATES", 1)
    assert run_all() == held
    cross = [(Path(f).name, code) for f, _, _, code, _ in held if code in ("R406", "P623")]
    assert ("bawahan-2.skp.yaml", "R406") in cross and ("bawahan-1.skp.yaml", "R406") not in cross
    assert ("mutasi.skp.yaml", "P623") in cross and ("plan-000.skp.yaml", "P623") in cross


# ---- isolation ----------------------------------------------------------------------------------

def test_full_format_never_reads_a_fifo_input(cli, tmp_path: Path) -> None:
    """The full format reads source lines from disk when it prints; a FIFO given as input (empty
    when it has no writer: E009) must not be opened for reading again, or lint would hang."""
    fifo = tmp_path / "pipa.skp.yaml"
    os.mkfifo(fifo)
    res = cli("lint", str(fifo), "--format", "full", "--no-cache", cwd=tmp_path, timeout=60)
    assert res.returncode == 2
    assert "E009" in res.stdout


def test_an_internal_error_in_one_file_does_not_stop_the_batch(batch: Path) -> None:
    """An exception outside any rule (here: a configuration whose severity table is missing, read
    by the engine itself) becomes that file's E099 finding; the batch goes on, nothing is cached."""
    from skpgen.lint import runner
    from skpgen.lint.engine import Settings

    good = Settings(config=Config(), lang="id")
    broken = Settings(config=Config(severity=None), lang="id")  # type: ignore[arg-type]
    targets = [runner.Target(batch / f"plan-00{i}.skp.yaml", f"plan-00{i}.skp.yaml") for i in (2, 3)]
    out = runner.lint_one(targets[0], broken)
    assert [f.code for f in out.findings] == ["E099"] and out.load_failed
    assert out.findings[0].file == "plan-002.skp.yaml"
    run = runner.lint_batch(targets, broken, jobs=1)
    assert run.n_files == 2 and run.load_failed
    assert [(f.file, f.code) for f in run.findings()] == [("plan-002.skp.yaml", "E099"), ("plan-003.skp.yaml", "E099")]
    run = runner.lint_batch(targets, good, jobs=1)
    assert run.n_files == 2 and not run.load_failed and "E099" not in {f.code for f in run.findings()}


# ---- the unit rules (U7xx) across workers and the cache ----------------------------------------

UNIT_EXAMPLE = ROOT / "examples" / "unit-aptika"


def _unit_tree(tmp_path: Path) -> tuple[Path, Path]:
    """The example unit (leader, two Kepala Seksi, staff, unit file) beside 30 plans of no unit, so
    that the run uses the process pool."""
    import shutil

    proj = tmp_path / "proj"
    shutil.copytree(UNIT_EXAMPLE, proj / "skp" / "aptika")
    rng = random.Random(3)
    (proj / "skp" / "lain").mkdir()
    for i in range(30):
        (proj / "skp" / "lain" / f"plan-{i:03d}.skp.yaml").write_text(plan(rng, i), encoding="utf-8")
    return proj, proj / "skp" / "aptika"


def _codes(out: str, prefix: str = " U7") -> list[str]:
    return [ln.split(": ", 1)[0] + " " + ln.split()[1] for ln in out.splitlines() if prefix in ln]


def test_unit_rules_same_for_any_jobs_and_from_the_cache(cli, tmp_path: Path) -> None:
    proj, unit = _unit_tree(tmp_path)
    lead = unit / "01-kepala-bidang.skp.yaml"
    # the leader renames RHK4: a Kepala Seksi's reference (U702), the written matrix (U706) and the
    # leader's own unintervened RHK (U701) are findings of the cross-file pass
    lead.write_text(lead.read_text(encoding="utf-8").replace("  - id: RHK4", "  - id: RHK9"), encoding="utf-8")
    ref = _lint(cli, Path("skp"), proj, "--format", "concise", "--no-cache", "--jobs", "1")
    assert _codes(ref.stdout) == ["skp/aptika/01-kepala-bidang.skp.yaml:79:9 U701",
                                  "skp/aptika/02-kasi-pengembangan.skp.yaml:63:17 U702",
                                  "skp/aptika/bidang-aptika.unit.yaml:24:13 U706"]
    cold = _lint(cli, Path("skp"), proj, "--format", "concise", "--jobs", "2")
    warm = _lint(cli, Path("skp"), proj, "--format", "concise", "--jobs", "2")
    assert ref.stdout == cold.stdout == warm.stdout
    assert ref.returncode == cold.returncode == warm.returncode
    # the leader restores RHK4: the Kepala Seksi's file is unchanged (a cache hit), its reference
    # resolves again, and nothing of the unit is left
    lead.write_text(lead.read_text(encoding="utf-8").replace("  - id: RHK9", "  - id: RHK4"), encoding="utf-8")
    fixed = _lint(cli, Path("skp"), proj, "--format", "concise", "--jobs", "2")
    assert _codes(fixed.stdout) == []
    assert fixed.stdout == _lint(cli, Path("skp"), proj, "--format", "concise", "--no-cache").stdout


def test_unit_file_added_later_judges_cached_plans(cli, tmp_path: Path) -> None:
    """Plans linted (and cached) while their folder had no unit file keep their facts in the cache:
    when the unit file arrives, the unit rules judge them without relinting them."""
    proj, unit = _unit_tree(tmp_path)
    unit_file = unit / "bidang-aptika.unit.yaml"
    text = unit_file.read_text(encoding="utf-8")
    unit_file.unlink()
    kasi = unit / "02-kasi-pengembangan.skp.yaml"
    kasi.write_text(kasi.read_text(encoding="utf-8").replace('#RHK4"', '#RHK7"'), encoding="utf-8")
    first = _lint(cli, Path("skp"), proj, "--format", "concise")
    assert _codes(first.stdout) == []  # no unit: no unit rule
    unit_file.write_text(text, encoding="utf-8")
    second = _lint(cli, Path("skp"), proj, "--format", "concise")
    assert "skp/aptika/02-kasi-pengembangan.skp.yaml:63:17 U702" in _codes(second.stdout)
    assert second.stdout == _lint(cli, Path("skp"), proj, "--format", "concise", "--no-cache").stdout


def test_plans_outside_unit_folders_keep_no_unit_facts(tmp_path: Path, monkeypatch) -> None:
    """What the parent keeps for the cross-file pass: a plan's facts for the unit rules only when it
    lies under a unit folder of the run (lint memory stays flat in a repository without units)."""
    from skpgen.lint.config import load_config
    from skpgen.lint.engine import Settings
    from skpgen.lint.runner import Target, lint_batch

    proj, unit = _unit_tree(tmp_path)
    targets = sorted((Target(str(p), str(p), p.name.endswith(".unit.yaml")) for p in (proj / "skp").rglob("*.yaml")),
                     key=lambda t: t.display)
    seen: list[str] = []
    import skpgen.lint.engine as engine

    real = engine.finish_batch

    def spy(settings):
        seen.extend(s["plan"].file for s in settings.batch.get("U702", []) if "plan" in s)
        return real(settings)

    monkeypatch.setattr(engine, "finish_batch", spy)
    lint_batch(targets, Settings(config=load_config(None, proj)), jobs=1)
    assert sorted(Path(f).name for f in seen) == sorted(p.name for p in unit.glob("*.skp.yaml"))


# ---- a whole untouched tree answers from one record ------------------------------------------

def _tree_records(proj: Path) -> list[Path]:
    return sorted((proj / CACHE_DIR_NAME).glob("lint-*/tree-*"))


def test_untouched_tree_answers_from_one_record(cli, tmp_path: Path) -> None:
    import marshal

    proj, folder = _small_tree(tmp_path)
    ref = _lint(cli, Path("skp"), proj, "--format", "concise", "--no-cache").stdout
    assert _lint(cli, Path("skp"), proj, "--format", "concise").stdout == ref  # cold, record written
    [record] = _tree_records(proj)
    fmt, stat_id, (n_files, load_failed, findings, names) = marshal.loads(record.read_bytes())
    assert n_files == 5 and not load_failed
    assert [f[0] for f in findings] == sorted(f[0] for f in findings)
    marked = tuple(f[:8] + ("DARI-REKAMAN-POHON",) + f[9:] for f in findings)
    record.write_bytes(marshal.dumps((fmt, stat_id, (n_files, load_failed, marked, names))))
    for written in _output_records(proj):  # the report stored beside it would answer first
        written.unlink()
    assert "DARI-REKAMAN-POHON" in _lint(cli, Path("skp"), proj, "--format", "concise").stdout
    # a file touched (same content, new change time): the record no longer answers; the
    # per-file entries (content hashes) do, and the output is the reference again
    os.utime(folder / "p1.skp.yaml")
    assert _lint(cli, Path("skp"), proj, "--format", "concise").stdout == ref
    # a file changed: its findings change accordingly
    p0 = folder / "p0.skp.yaml"
    p0.write_text(p0.read_text(encoding="utf-8").replace("versi: 1", "versi: satu"), encoding="utf-8")
    changed = _lint(cli, Path("skp"), proj, "--format", "concise").stdout
    assert changed == _lint(cli, Path("skp"), proj, "--format", "concise", "--no-cache").stdout
    assert "DARI-REKAMAN-POHON" not in changed and changed != ref


def _output_records(proj: Path) -> list[Path]:
    return sorted((proj / CACHE_DIR_NAME).glob("lint-*/out-*"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_untouched_tree_writes_its_stored_report(cli, tmp_path: Path, fmt: str) -> None:
    """The report written for an untouched tree is stored beside its record (one per format and
    options) and written as is by the next run: same text, same exit code, same summary."""
    import marshal

    proj, folder = _small_tree(tmp_path)
    ref = _lint(cli, Path("skp"), proj, "--format", fmt, "--strict", "--no-cache")
    assert ref.returncode == 1  # warnings, --strict: the exit code must survive
    cold = _lint(cli, Path("skp"), proj, "--format", fmt, "--strict")
    [written] = _output_records(proj)  # the first run stores its whole result and its report
    warm = _lint(cli, Path("skp"), proj, "--format", fmt, "--strict")
    assert _output_records(proj) == [written]
    for run in (cold, warm):
        assert (run.stdout, run.stderr, run.returncode) == (ref.stdout, ref.stderr, ref.returncode)
    # the stored text is what is written (not the findings formatted again)
    fmt_no, out_id, (n_files, load_failed, text, tally) = marshal.loads(written.read_bytes())
    assert (n_files, load_failed, text) == (5, False, ref.stdout)
    written.write_bytes(marshal.dumps((fmt_no, out_id, (n_files, load_failed, text + "DARI-LAPORAN\n", tally))))
    assert _lint(cli, Path("skp"), proj, "--format", fmt, "--strict").stdout.endswith("DARI-LAPORAN\n")
    # a touched file: the stored report no longer answers
    os.utime(folder / "p1.skp.yaml")
    assert _lint(cli, Path("skp"), proj, "--format", fmt, "--strict").stdout == ref.stdout


def test_stored_reports_are_kept_per_format_redaction_and_file_output(cli, tmp_path: Path) -> None:
    proj, _ = _small_tree(tmp_path)
    runs = [("--format", "json"), ("--format", "concise"), ("--format", "json", "--redact"),
            ("--format", "full"), ("--format", "concise", "-o", "laporan.txt")]
    refs = [_lint(cli, Path("skp"), proj, *args, "--no-cache") for args in runs]
    saved = (proj / "laporan.txt").read_text(encoding="utf-8")
    assert saved and refs[-1].stdout == ""
    for _ in range(2):  # cold (reports stored), then warm, in turns: none answers for another
        for args, ref in zip(runs, refs):
            (proj / "laporan.txt").unlink(missing_ok=True)
            got = _lint(cli, Path("skp"), proj, *args)
            assert (got.stdout, got.stderr, got.returncode) == (ref.stdout, ref.stderr, ref.returncode), args
            if "-o" in args:
                assert (proj / "laporan.txt").read_text(encoding="utf-8") == saved
    assert len(_output_records(proj)) == len(runs) - 1  # concise on stdout and in a file: one text


def test_tree_record_keeps_redaction_apart(cli, tmp_path: Path) -> None:
    proj, _ = _small_tree(tmp_path)
    plain = _lint(cli, Path("skp"), proj, "--format", "json").stdout
    redacted = _lint(cli, Path("skp"), proj, "--format", "json", "--redact").stdout
    assert redacted == _lint(cli, Path("skp"), proj, "--format", "json", "--redact", "--no-cache").stdout
    assert plain == _lint(cli, Path("skp"), proj, "--format", "json").stdout
    assert len(_tree_records(proj)) == 2  # one per kind of run


def test_warm_run_of_an_untouched_tree_loads_no_rules_parser_or_toml(cli, tmp_path: Path) -> None:
    """A repeated lint of an untouched tree answers from its record: what it imports stays small
    (no rule registry, YAML, scoring, schema, TOML or OpenSSL), which is most of its run time."""
    proj, _ = _small_tree(tmp_path)
    _lint(cli, Path("skp"), proj, "--format", "json")
    code = ("import atexit, sys\n"
            "heavy = ('skpgen.rules', 'yaml', 'skpgen.loader', 'skpgen.scoring', 'jsonschema', "
            "'fastjsonschema', 'tomllib', 'difflib', 'skpgen.unit.model')\n"
            "atexit.register(lambda: print('LOADED', sorted(m for m in heavy if m in sys.modules), "
            "file=sys.stderr))\n"
            "sys.argv = ['skpgen', 'lint', '--format', 'json', 'skp']\n"
            "from skpgen.cli import main\n"
            "main()\n")
    env = {k: v for k, v in os.environ.items() if k != "SKPGEN_CACHE_DIR"}  # the cache beside the tree
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=proj, env=env)
    assert "LOADED []" in out.stderr, out.stderr
