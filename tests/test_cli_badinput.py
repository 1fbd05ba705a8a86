"""CLI-level bad-input suite over every command (issue 7 part 2, SPEC §5 exit codes, §8 robustness).

Each case runs the real ``skpgen`` in a subprocess and checks: the SPEC exit code (2 when a file
could not be read or parsed or the output could not be written, 1 when only schema errors), a
located message (``file:line:col: CODE``) or a clear Indonesian message, no traceback, the good
files still processed, no temp files left behind, and every input byte-identical afterwards.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import signal
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Callable

import pytest

from conftest import MINIMAL, ROOT, run_cli


NIP = "198503122010011002"
NIP2 = "199001012015031004"
GOOD2 = MINIMAL.replace(NIP, NIP2).replace("Ali Rahman, S.Kom.", "Budi Santoso")
SCHEMA_BAD = MINIMAL.replace("  pangkat: Penata\n", "  pangkt: Penata\n")  # E021 at 8:3
SYNTAX_BAD = "versi: 1\nkegiatan: [\n"  # E004 at 3:1 (end of stream inside a flow list)

# hostile files: name -> (content, code, line, column, Indonesian fragment)
HOSTILE: dict[str, tuple[bytes, str, int, int, str]] = {
    "besar.yaml": ((MINIMAL + "# " + "x" * (5 * 1024 * 1024) + "\n").encode(), "E003", 1, 1,
                   "melebihi batas ukuran"),
    "bom.yaml": (b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                 b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
                 "E007", 1, 4, "Anchor/alias"),
    "biner.yaml": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "E002", 3, 1, "byte NUL"),
    "utf16.yaml": (MINIMAL.encode("utf-16"), "E002", 1, 1, "UTF-16"),
    "dalam.yaml": (("a: " + "[" * 70 + "]" * 70 + "\n").encode(), "E008", 1, 67, "kedalaman maksimum"),
}


# ------------------------------------------------------------------------------ helpers

def _tree_hash(root: Path) -> dict[str, str]:
    out = {}
    for p in sorted(root.rglob("*")):
        if p.is_symlink():
            out[str(p)] = "link:" + os.readlink(p)
        elif p.is_file():
            out[str(p)] = hashlib.sha256(p.read_bytes()).hexdigest()
        elif not p.is_dir():
            out[str(p)] = "special:" + oct(p.lstat().st_mode)
    return out


class Runner:
    """Runs the CLI; every input under ``self.inputs`` must be byte-identical after each run."""

    def __init__(self, tmp: Path):
        self.inputs = tmp / "in"
        self.inputs.mkdir()
        self.out = tmp / "out"
        self.cwd = tmp / "cwd"  # relative paths in arguments land here, never in the checkout
        self.cwd.mkdir()

    def put(self, name: str, content: str | bytes) -> Path:
        p = self.inputs / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        return p

    def __call__(self, *args: str | Path) -> subprocess.CompletedProcess[str]:
        before = _tree_hash(self.inputs)
        res = run_cli(*(str(a) for a in args), cwd=self.cwd)
        both = res.stdout + res.stderr
        assert "Traceback" not in both, both
        assert "kesalahan internal" not in both, both
        assert _tree_hash(self.inputs) == before, "an input file was modified"
        if self.out.exists():  # no half-written output left behind
            leftovers = [p.name for p in self.out.rglob(".*") if p.name.endswith(".tmp") or "probe" in p.name]
            assert not leftovers, leftovers
        return res


@pytest.fixture
def sk(tmp_path: Path) -> Runner:
    return Runner(tmp_path)


def argv(cmd: str, path: Path, r: Runner) -> list[str | Path]:
    """The command line of ``cmd`` reading ``path`` (a file or folder)."""
    good = r.inputs / "pembanding.skp.yaml"
    if cmd in ("diff", "init") and not good.exists():
        r.put("pembanding.skp.yaml", MINIMAL)
    return {
        "validate": ["validate", "--format", "concise", path],
        "score": ["score", "--format", "json", path],
        "status": ["status", "--format", "json", "--today", "2025-06-01", path],
        "dashboard": ["dashboard", path, "-o", r.out / "dasbor.xlsx", "--today", "2025-06-01"],
        "diff": ["diff", path, good],
        "init": ["init", "--from", path, "-o", r.out / "baru.skp.yaml"],
        "lint": ["lint", "--format", "concise", path],
        "render": ["render", path, "-o", r.out, "--jobs", "1"],
    }[cmd]


def _cmd_param(name: str):
    return pytest.param(name, id=name)


ALL = [_cmd_param(c) for c in ("validate", "score", "status", "dashboard", "diff", "init", "lint", "render")]
BATCH = [_cmd_param(c) for c in ("validate", "score", "status", "dashboard", "lint", "render")]
WRITERS = {"dashboard", "init", "render"}


def _no_output(cmd: str, r: Runner) -> None:
    if cmd == "dashboard":
        assert not (r.out / "dasbor.xlsx").exists()
    elif cmd == "init":
        assert not (r.out / "baru.skp.yaml").exists()
    elif cmd == "render":
        assert not list(r.out.glob("*.docx")) if r.out.exists() else True


# ------------------------------------------------------------------------------ unreadable paths

@pytest.mark.parametrize("cmd", ALL)
def test_missing_file_and_broken_symlink(cmd: str, sk: Runner) -> None:
    link = sk.inputs / "putus.skp.yaml"
    link.symlink_to(sk.inputs / "tidak-ada-target.yaml")
    for path in (sk.inputs / "hilang.skp.yaml", link):
        res = sk(*argv(cmd, path, sk))
        assert res.returncode == 2, res.stdout + res.stderr
        out = res.stdout + res.stderr
        assert f"{path}:1:1: E001" in out, out
        assert "Berkas tidak dapat dibaca: berkas tidak ditemukan" in out, out
        _no_output(cmd, sk)


@pytest.mark.parametrize("cmd", ALL)
def test_fifo_without_writer_does_not_hang(cmd: str, sk: Runner) -> None:
    fifo = sk.inputs / "pipa.skp.yaml"
    os.mkfifo(fifo)
    res = sk(*argv(cmd, fifo, sk))  # run_cli's timeout would fail the test on a hang
    assert res.returncode == 2, res.stdout + res.stderr
    out = res.stdout + res.stderr
    assert f"{fifo}:1:1: E009" in out and "berkas kosong" in out, out
    _no_output(cmd, sk)


@pytest.mark.parametrize("cmd", ["diff", "init"])
def test_directory_where_a_file_is_expected(cmd: str, sk: Runner) -> None:
    folder = sk.inputs / "folder"
    folder.mkdir()
    res = sk(*argv(cmd, folder, sk))
    assert res.returncode == 2
    assert f"{folder}:1:1: E001 Berkas tidak dapat dibaca: ini sebuah direktori" in res.stderr, res.stderr
    _no_output(cmd, sk)


@pytest.mark.parametrize("cmd", ["validate", "score", "diff", "init"])
def test_dev_null_is_an_empty_file(cmd: str, sk: Runner) -> None:
    res = sk(*argv(cmd, Path("/dev/null"), sk))
    assert res.returncode == 2
    assert "/dev/null:1:1: E009" in res.stdout + res.stderr
    assert "berkas kosong" in res.stdout + res.stderr


@pytest.mark.parametrize("cmd", BATCH)
def test_folder_without_yaml(cmd: str, sk: Runner) -> None:
    sk.put("catatan.txt", "bukan yaml")
    res = sk(*argv(cmd, sk.inputs, sk))
    assert res.returncode == 2, res.stdout + res.stderr
    assert f"Tidak ada berkas *.yaml/*.yml di {sk.inputs}" in res.stderr, res.stderr
    _no_output(cmd, sk)


# ------------------------------------------------------------------------------ mixed folders

def _mixed(r: Runner, with_syntax_error: bool = True) -> None:
    r.put("baik.skp.yaml", MINIMAL)
    r.put("sub/baik2.yml", GOOD2)
    r.put("skema.skp.yaml", SCHEMA_BAD)
    if with_syntax_error:
        r.put("rusak.yml", SYNTAX_BAD)
    r.put("catatan.txt", "bukan yaml: [")
    r.put("gambar.png", b"\x89PNG\r\n\x1a\n\x00\x00")


@pytest.mark.parametrize("syntax", [True, False], ids=["broken", "schema-only"])
@pytest.mark.parametrize("cmd", BATCH)
def test_mixed_folder(cmd: str, syntax: bool, sk: Runner) -> None:
    _mixed(sk, syntax)
    res = sk(*argv(cmd, sk.inputs, sk))
    out = res.stdout + res.stderr
    good, good2 = str(sk.inputs / "baik.skp.yaml"), str(sk.inputs / "sub" / "baik2.yml")
    assert res.returncode == (2 if syntax else 1), out
    # the broken ones, located
    if syntax:
        assert f"{sk.inputs / 'rusak.yml'}:3:1: E004" in out, out
    assert f"{sk.inputs / 'skema.skp.yaml'}:8:3: E021" in out, out
    assert "catatan.txt" not in out and "gambar.png" not in out
    # the good ones, processed
    if cmd == "validate":
        assert good not in res.stdout and good2 not in res.stdout  # valid files have no findings
    elif cmd in ("score", "status"):
        files = [entry["file"] for entry in json.loads(res.stdout)]
        assert files == [good, good2], files
    elif cmd == "dashboard":
        from openpyxl import load_workbook

        ws = load_workbook(sk.out / "dasbor.xlsx", read_only=True)["Kegiatan"]
        cells = {str(c) for row in ws.iter_rows(values_only=True) for c in row}
        assert {NIP, NIP2, "Ali Rahman, S.Kom.", "Budi Santoso"} <= cells
        assert "Dasbor ditulis" in res.stderr and "2 SKP" in res.stderr
    elif cmd == "lint":
        assert f"{good}:" in res.stdout and f"{good2}:" in res.stdout  # MINIMAL has 2 utama: P601
        assert "P601" in res.stdout
    elif cmd == "render":
        names = sorted(p.name for p in sk.out.glob("*.docx"))
        assert f"2025_{NIP}_formulir-skp.docx" in names and f"2025_{NIP2}_formulir-skp.docx" in names, names
        for p in sk.out.glob("*.docx"):
            with zipfile.ZipFile(p) as z:
                assert z.testzip() is None


# ------------------------------------------------------------------------------ hostile input

@pytest.mark.parametrize("cmd", BATCH)
def test_hostile_files_in_a_folder(cmd: str, sk: Runner) -> None:
    for name, (content, *_rest) in HOSTILE.items():
        sk.put(name, content)
    sk.put("baik.skp.yaml", MINIMAL)
    start = time.monotonic()
    res = sk(*argv(cmd, sk.inputs, sk))
    assert time.monotonic() - start < 20
    out = res.stdout + res.stderr
    assert res.returncode == 2, out
    for name, (_c, code, line, col, fragment) in HOSTILE.items():
        assert f"{sk.inputs / name}:{line}:{col}: {code}" in out, (name, out)
        assert fragment in out, (fragment, out)
    if cmd in ("score", "status"):
        assert [e["file"] for e in json.loads(res.stdout)] == [str(sk.inputs / "baik.skp.yaml")]
    if cmd == "render":
        assert (sk.out / f"2025_{NIP}_formulir-skp.docx").exists()
    if cmd == "dashboard":
        assert (sk.out / "dasbor.xlsx").exists()


@pytest.mark.parametrize("name", list(HOSTILE))
@pytest.mark.parametrize("cmd", ["diff", "init"])
def test_hostile_single_file(cmd: str, name: str, sk: Runner) -> None:
    content, code, line, col, fragment = HOSTILE[name]
    path = sk.put(name, content)
    res = sk(*argv(cmd, path, sk))
    assert res.returncode == 2
    assert f"{path}:{line}:{col}: {code}" in res.stderr and fragment in res.stderr, res.stderr
    _no_output(cmd, sk)


# ------------------------------------------------------------------------------ output not writable

def _writer_argv(cmd: str, target: Path, r: Runner) -> list[str | Path]:
    plan = r.inputs / "baik.skp.yaml"
    if not plan.exists():
        r.put("baik.skp.yaml", MINIMAL)
    return {
        "dashboard": ["dashboard", plan, "-o", target / "dasbor.xlsx" if target.suffix != ".xlsx" else target,
                      "--today", "2025-06-01"],
        "init": ["init", "--force", "-o", target / "baru.skp.yaml" if target.suffix not in (".yaml", ".xlsx")
                 else target],
        "render": ["render", plan, "-o", target],
        "lint": ["lint", "--format", "json", plan, "-o", target / "temuan.json"],
    }[cmd]


OUT_CMDS = [_cmd_param(c) for c in ("dashboard", "init", "render", "lint")]


@pytest.mark.parametrize("cmd", OUT_CMDS)
def test_output_inside_a_regular_file(cmd: str, sk: Runner, tmp_path: Path) -> None:
    blocker = tmp_path / "berkas-biasa"
    blocker.write_text("isi lama\n")
    res = sk(*_writer_argv(cmd, blocker / "sub", sk))
    assert res.returncode == 2, res.stdout + res.stderr
    expected = {
        "dashboard": f"Tidak dapat menulis {blocker}/sub/dasbor.xlsx: sebagian dari path adalah berkas, bukan direktori",
        "init": f"Tidak dapat menulis {blocker}/sub/baru.skp.yaml: sebagian dari path adalah berkas, bukan direktori",
        "render": f"folder keluaran {blocker}/sub tidak dapat dibuat atau ditulisi",
        "lint": f"Keluaran tidak dapat ditulis ke {blocker}/sub/temuan.json",
    }[cmd]
    assert expected in res.stderr, res.stderr
    assert blocker.read_text() == "isi lama\n"


@pytest.mark.parametrize("cmd", OUT_CMDS)
def test_output_under_proc_is_refused(cmd: str, sk: Runner) -> None:
    target = Path("/proc/skpgen-tidak-bisa")
    res = sk(*_writer_argv(cmd, target, sk))
    assert res.returncode == 2, res.stdout + res.stderr
    expected = {
        "dashboard": f"Tidak dapat menulis {target}/dasbor.xlsx: berkas tidak dapat dibuat di sana",
        "init": f"Tidak dapat menulis {target}/baru.skp.yaml: berkas tidak dapat dibuat di sana",
        "render": f"folder keluaran {target} tidak dapat dibuat atau ditulisi",
        "lint": f"Keluaran tidak dapat ditulis ke {target}/temuan.json",
    }[cmd]
    assert expected in res.stderr, res.stderr
    assert not target.exists()


@pytest.mark.parametrize("cmd", [
    _cmd_param("dashboard"), _cmd_param("init"), _cmd_param("render"),
    _cmd_param("lint")])
def test_output_in_missing_deep_folder_creates_parents(cmd: str, sk: Runner) -> None:
    deep = sk.out / "a" / "b" / "c"
    res = sk(*_writer_argv(cmd, deep, sk))
    assert res.returncode in (0, 1), res.stdout + res.stderr  # lint/render: MINIMAL has findings → 1 is fine
    written = [p.name for p in deep.iterdir()]
    expected = {"dashboard": "dasbor.xlsx", "init": "baru.skp.yaml", "render": f"2025_{NIP}_formulir-skp.docx",
                "lint": "temuan.json"}[cmd]
    assert expected in written, written


def _char_device_full(path: Path) -> Path:
    """A copy of /dev/full (char 1,7) inside the temp dir: writing fails with ENOSPC. Using a copy
    means a wrong rename can never replace the system's own /dev/full."""
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    except (PermissionError, OSError) as exc:
        pytest.skip(f"mknod not permitted: {exc}")
    return path


@pytest.mark.parametrize("cmd", ["dashboard", "init"])
def test_output_to_a_full_device(cmd: str, sk: Runner, tmp_path: Path) -> None:
    dev = _char_device_full(tmp_path / ("penuh.xlsx" if cmd == "dashboard" else "penuh.skp.yaml"))
    res = sk(*_writer_argv(cmd, dev, sk))
    assert res.returncode == 2, res.stdout + res.stderr
    assert f"Tidak dapat menulis {dev}: disk penuh" in res.stderr, res.stderr
    assert stat.S_ISCHR(dev.lstat().st_mode), "the device node was replaced by a regular file"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_lint_output_to_a_device_keeps_the_device(sk: Runner, tmp_path: Path) -> None:
    dev = tmp_path / "null.json"
    try:
        os.mknod(dev, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a copy of /dev/null
    except OSError as exc:
        pytest.skip(f"mknod not permitted: {exc}")
    plan = sk.put("baik.skp.yaml", MINIMAL)
    res = sk("lint", "--format", "json", plan, "-o", dev)
    assert res.returncode in (0, 1), res.stderr
    assert stat.S_ISCHR(dev.lstat().st_mode), "the device node was replaced by a regular file"


def test_init_output_mode_follows_umask(sk: Runner, tmp_path: Path) -> None:
    target = tmp_path / "baru.skp.yaml"
    old = os.umask(0o022)
    try:
        res = sk("init", "-o", target)
    finally:
        os.umask(old)
    assert res.returncode == 0, res.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_init_force_to_a_fifo_without_reader(sk: Runner, tmp_path: Path) -> None:
    fifo = tmp_path / "keluar.skp.yaml"
    os.mkfifo(fifo)
    res = sk(*_writer_argv("init", fifo, sk))
    assert res.returncode == 2
    assert f"Tidak dapat menulis {fifo}: FIFO tanpa pembaca" in res.stderr, res.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_init_output_is_a_directory(sk: Runner, tmp_path: Path) -> None:
    folder = tmp_path / "folder.skp.yaml"
    folder.mkdir()
    res = sk("init", "--force", "-o", folder)
    assert res.returncode == 2
    assert f"Tidak dapat menulis {folder}: path tersebut adalah direktori" in res.stderr, res.stderr


# ------------------------------------------------------------------------------ disk full, in process

def _enospc(*_a, **_k):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("cmd", ["dashboard", "init"])
def test_disk_full_keeps_the_previous_file(cmd: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from skpgen.cli import cli
    import skpgen.fsutil

    plan = tmp_path / "baik.skp.yaml"
    plan.write_text(MINIMAL, encoding="utf-8")
    target = tmp_path / "keluar" / ("dasbor.xlsx" if cmd == "dashboard" else "baru.skp.yaml")
    target.parent.mkdir()
    target.write_bytes(b"isi sebelumnya")
    monkeypatch.setattr(skpgen.fsutil.os, "fsync", _enospc)  # the data never reaches the disk
    args = (["dashboard", str(plan), "-o", str(target), "--today", "2025-06-01"] if cmd == "dashboard"
            else ["init", "--force", "--from", str(plan), "-o", str(target)])
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 2, res.output
    assert f"Tidak dapat menulis {target}: disk penuh (tidak ada ruang tersisa)" in res.output
    assert target.read_bytes() == b"isi sebelumnya"
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]  # no .*.tmp left
    assert plan.read_text(encoding="utf-8") == MINIMAL


# ------------------------------------------------------------------------------ bad arguments

BAD_ARGS = [
    ("validate", ["validate", "--tidak-ada", "x.yaml"], "--tidak-ada"),
    ("validate", ["validate", "--format", "xml", "x.yaml"], "'xml' is not one of"),
    ("validate", ["validate", "--max-bytes", "0", "x.yaml"], "--max-bytes"),
    ("score", ["score", "--format", "pdf", "x.yaml"], "'pdf' is not one of"),
    ("score", ["score"], "Missing argument"),
    ("status", ["status", "--today", "2025-13-01", "x.yaml"], "Tanggal --today tidak valid: '2025-13-01'"),
    ("status", ["status", "--today", "kemarin", "x.yaml"], "(format YYYY-MM-DD)"),
    ("dashboard", ["dashboard", "x.yaml", "-o", "d.xlsx", "--today", "31-12-2025"], "Tanggal --today tidak valid"),
    ("dashboard", ["dashboard", "x.yaml", "-o", "dasbor.csv"], "harus berakhiran .xlsx"),
    ("dashboard", ["dashboard", "x.yaml"], "Missing option '-o'"),
    ("diff", ["diff", "a.yaml"], "Berikan dua berkas (LAMA BARU)"),
    ("diff", ["diff", "PLAN", "--git", "--output"], "Revisi git tidak valid: '--output'"),
    ("diff", ["diff", "a.yaml", "b.yaml", "--format", "html"], "'html' is not one of"),
    ("init", ["init", "-o", "x.yaml", "--tahun", "99999"], "Tahun tidak valid: 99999"),
    ("init", ["init", "-o", "x.yaml", "--aturan", "pp53"], "'pp53' is not one of"),
    ("lint", ["lint", "--format", "xml", "x.yaml"], "'xml' is not one of"),
    ("lint", ["lint", "--select", "Z999", "x.yaml"], "Z999"),
    ("render", ["render", "x.yaml", "-o", "out", "--jobs", "0"], "--jobs"),
    ("render", ["render", "x.yaml", "-o", "out", "--form", "formulir-tidak-ada"], "formulir-tidak-ada"),
    ("(group)", ["perintah-tidak-ada"], "No such command"),
]


@pytest.mark.parametrize("cmd,args,fragment", [
    pytest.param(c, a, f, id=f"{c}:{' '.join(a[1:])[:40]}") for c, a, f in BAD_ARGS])
def test_bad_arguments(cmd: str, args: list[str], fragment: str, sk: Runner) -> None:
    plan = sk.put("baik.skp.yaml", MINIMAL)
    res = sk(*(str(plan) if a == "PLAN" else a for a in args))
    assert res.returncode == 2, res.stdout + res.stderr
    assert fragment in res.stderr, res.stderr
    if "not one of" in fragment or "Missing" in fragment or "No such" in fragment or fragment.startswith("--"):
        assert "skpgen: argumen tidak valid" in res.stderr, res.stderr  # the Indonesian line for click errors
    assert sorted(p.name for p in sk.cwd.iterdir()) == []  # a refused run writes nothing


# ------------------------------------------------------------------------------ SIGINT in a batch

@pytest.fixture(scope="module")
def plans60(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from gen import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    out = tmp_path_factory.mktemp("plans60")
    generate(out, 60)
    return out


def _popen(*args: str | Path) -> subprocess.Popen[str]:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    env.pop("SKPGEN_LANG", None)
    return subprocess.Popen([sys.executable, "-m", "skpgen", *map(str, args)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _interrupt_when(proc: subprocess.Popen[str], ready: Callable[[], bool], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        assert proc.poll() is None, "the batch ended before it could be interrupted"
        assert time.monotonic() < deadline, "no progress seen"
        time.sleep(0.01)
    proc.send_signal(signal.SIGINT)


def test_sigint_during_render_batch(plans2000: Path, tmp_path: Path) -> None:
    # 2,000 plans: rendering is fast enough that a 60-plan batch may finish before the signal lands
    plans60 = plans2000
    before = _tree_hash(plans60)
    out = tmp_path / "out"
    proc = _popen("render", plans60, "-o", out, "--jobs", "1")
    _interrupt_when(proc, lambda: out.exists() and any(out.glob("*.docx")))
    stdout, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and "Dihentikan" in stderr, stderr
    docx = list(out.glob("*.docx"))
    assert docx and len(docx) < 2000 * 3, "interrupted before the end"
    assert sorted(p.name for p in out.iterdir() if p.suffix != ".docx") == [], "temp files left behind"
    for p in docx:
        with zipfile.ZipFile(p) as z:
            assert z.testzip() is None, p
    assert _tree_hash(plans60) == before


@pytest.fixture(scope="module")
def plans2000(tmp_path_factory: pytest.TempPathFactory, plans60: Path) -> Path:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from gen import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    out = tmp_path_factory.mktemp("plans2000")
    generate(out, 2000)
    return out


def _wait_until_reading(proc: subprocess.Popen, folder: Path, limit: float = 30.0) -> None:
    """Wait until the command has opened a file under ``folder``: start-up (imports) is over and it is
    inside its batch, so a SIGINT now tests the batch's interruption, not Python's start-up. A fixed
    sleep raced with start-up on a loaded machine (exit -2 instead of 130)."""
    fd_dir = Path(f"/proc/{proc.pid}/fd")
    if not fd_dir.is_dir():  # no /proc: fall back to a generous fixed wait
        time.sleep(2.0)
        return
    deadline = time.monotonic() + limit
    prefix = str(folder)
    stat = Path(f"/proc/{proc.pid}/stat")
    tick = os.sysconf("SC_CLK_TCK")
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if any(os.readlink(fd).startswith(prefix) for fd in fd_dir.iterdir()):
                return
            # a file is open for microseconds only (and the folder listing takes a millisecond):
            # 1.5 s of the process's own CPU time is well past start-up (~0.4 s) too
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if (int(fields[11]) + int(fields[12])) / tick >= 1.5:
                return
        except OSError:
            pass  # an fd closed while we looked: look again
        time.sleep(0.005)


def test_sigint_during_lint(plans2000: Path, tmp_path: Path) -> None:
    report = tmp_path / "temuan.json"
    proc = _popen("lint", "--format", "json", plans2000, "-o", report)
    _wait_until_reading(proc, plans2000)
    assert proc.poll() is None, "lint finished before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and "Dihentikan" in stderr, stderr
    assert not report.exists(), "a report was written for an interrupted run"
    assert [p.name for p in tmp_path.iterdir()] == []


# ------------------------------------------------------------------------------ hostile values

def test_dashboard_never_writes_a_formula_from_a_plan(sk: Runner) -> None:
    hostile = MINIMAL.replace("uraian: Menyusun RKA Unit Kerja",
                              'uraian: "=HYPERLINK(\\"http://contoh.invalid\\",\\"klik\\")"')
    hostile = hostile.replace("  unit_kerja: Bagian Perencanaan\npejabat", '  unit_kerja: "=1+1"\npejabat', 1)
    plan = sk.put("jahat.skp.yaml", hostile)
    out = sk.out / "dasbor.xlsx"
    res = sk("dashboard", plan, "-o", out, "--today", "2025-06-01")
    assert res.returncode == 0, res.stderr
    with zipfile.ZipFile(out) as z:
        sheets = {n: z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/sheet")}
    assert sheets and all("<f>" not in xml for xml in sheets.values())
    assert '=HYPERLINK("http://contoh.invalid","klik")' in sheets["xl/worksheets/sheet1.xml"]
    assert "<t>=1+1</t>" in sheets["xl/worksheets/sheet2.xml"]


def test_sigint_during_dashboard_leaves_no_output(plans2000: Path, tmp_path: Path) -> None:
    out = tmp_path / "dasbor.xlsx"
    proc = _popen("dashboard", plans2000, "-o", out, "--today", "2025-06-01")
    _wait_until_reading(proc, plans2000)
    assert proc.poll() is None, "dashboard finished before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and "Dihentikan" in stderr, stderr
    assert list(tmp_path.iterdir()) == []  # neither the workbook nor a temp file
