"""skpgen benchmark suite (`make bench`): one table of ratios, all measured in this run on the same
generated plans (bench/gen.py). Never run in the test suite: timings belong here, not in tests.

    python bench/run.py [--n 1000] [--small 300] [--big 10000] [--quick]

Every row with a target is marked ✔ (met) or ✘ (missed); the exit code is 1 when any row is ✘.
The two sides of a throughput or --jobs ratio run in turns (a, b, a, b, ...) and each side's
median is taken, so that a machine whose speed drifts between minutes slows both sides alike.
Targets (SPEC §8, issue 16):
  start-up                 `skpgen --help` no slower than `yamllint --version`
  lint throughput          >= 8x check-jsonschema at 300 plans, >= 12x at 1,000 (all cores, cold)
  lint warm                a repeated lint of 1,000 unchanged plans >= 20x faster than the cold run
  lint --jobs 2            >= 1.7x --jobs 1 (cold)
  render per document      >= 10x docxtpl filling an equivalent form with the same data
  render --jobs 2          >= 1.7x --jobs 1 on 100+ plans
  peak memory              lint (and validate) of 10,000 plans <= 1.2x that of 1,000
  lsp change -> diagnostics <= 300 ms on a 40-kegiatan plan (SPEC §10; debounce included)
  unit analysis            a 300-employee unit (`skpgen unit`) in a few seconds (issue 11)
Lint runs happen in a scratch working directory, so their cache (.skpgen_cache/) is the bench's own.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from gen import generate, generate_unit  # noqa: E402

BIN = Path(sys.executable).parent
Row = tuple[str, str, str, str, str, "bool | None"]


def tool(name: str) -> str:
    exe = BIN / name
    return str(exe) if exe.exists() else (shutil.which(name) or name)


def wall(cmd: list[str], repeat: int = 1, **kw) -> float:
    """Median wall time in seconds of running ``cmd`` (output discarded)."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def paired(a: list[str], b: list[str], repeat: int = 3, **kw) -> tuple[float, float]:
    """Median wall times of ``a`` and ``b`` run in turns (a, b, a, b, ...): on a shared machine
    whose speed drifts from minute to minute, both sides of a ratio see the same minutes."""
    ta, tb = [], []
    for _ in range(repeat):
        ta.append(wall(a, **kw))
        tb.append(wall(b, **kw))
    return statistics.median(ta), statistics.median(tb)


def peak_rss_mb(cmd: list[str], **kw) -> float:
    """Peak resident memory (MiB) of one command and its worker processes (the largest of them),
    measured in a fresh wrapper process."""
    return timed_peak(cmd, **kw)[1]


def timed_peak(cmd: list[str], **kw) -> tuple[float, float]:
    """(wall seconds, peak resident MiB of the largest process) of one run of ``cmd``."""
    code = ("import resource,subprocess,sys,time;t=time.perf_counter();subprocess.run(sys.argv[1:],"
            "stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);t=time.perf_counter()-t;"
            "print(t,resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, *cmd], capture_output=True, text=True, **kw).stdout.split()
    return (float(out[0]), int(out[1]) / 1024) if len(out) == 2 else (float("nan"), 0.0)


def ratio_row(measure: str, ours: str, base: str, ratio: float, target: float) -> Row:
    return (measure, ours, base, f"{ratio:.2f}x", f">= {target:g}x", ratio >= target)


def subset(files: list[Path], n: int, where: Path) -> Path:
    """A folder with the first ``n`` of ``files`` (hard links: no copy)."""
    where.mkdir()
    for f in files[:n]:
        os.link(f, where / f.name)
    return where


def main() -> int:
    # Measure what users run: bytecode caches allowed (the baselines' site-packages have theirs).
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ.pop("SKPGEN_CACHE_DIR", None)
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="plans for throughput, cache and --jobs runs")
    ap.add_argument("--small", type=int, default=300, help="the small CI batch for the throughput row")
    ap.add_argument("--big", type=int, default=10000, help="plans for the memory run")
    ap.add_argument("--quick", action="store_true", help="smaller runs (n=150, small=50, big=2000)")
    args = ap.parse_args()
    if args.quick:
        args.n, args.small, args.big = 150, 50, 2000
    skpgen = tool("skpgen")

    class Rows(list):  # each row also goes to stderr as soon as it is measured
        def append(self, row: Row) -> None:  # type: ignore[override]
            print("  ".join(str(c) for c in row), file=sys.stderr, flush=True)
            super().append(row)

        def extend(self, rows) -> None:  # type: ignore[override]
            for r in rows:
                self.append(r)

    rows: list[Row] = Rows()
    with tempfile.TemporaryDirectory(prefix="skpgen-bench-") as tmp:
        tmpd = Path(tmp)
        plans_dir = tmpd / "plans"
        files = generate(plans_dir, args.n)
        small_dir = subset(files, args.small, tmpd / "plans-small")
        work = tmpd / "work"  # cwd of the lint runs: their .skpgen_cache/ lives here
        work.mkdir()
        print(f"generated {len(files)} plans in {plans_dir}", file=sys.stderr)

        # 1. start-up (after one warm-up run of each command, which also fills the caches)
        for warm in ([skpgen, "lint", "--no-cache", str(files[0])],
                     [skpgen, "render", str(files[0]), "-o", str(tmpd / "warm")]):
            subprocess.run(warm, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=work)
        ours = wall([skpgen, "--help"], repeat=15)
        theirs = wall([tool("yamllint"), "--version"], repeat=15)
        rows.append(ratio_row("start-up: skpgen --help vs yamllint --version", f"{ours * 1000:.0f} ms",
                              f"{theirs * 1000:.0f} ms", theirs / ours, 1))

        # 2. lint throughput vs check-jsonschema (schema only), whole runs incl. start-up, cold
        schema = str(ROOT / "schemas" / "skp.schema.json")
        lint_cmd = [skpgen, "lint", "--format", "json", "--exit-zero"]
        for label, folder, target in ((args.small, small_dir, 8), (args.n, plans_dir, 12)):
            names = sorted(str(p) for p in folder.iterdir())
            cj, lint = paired([tool("check-jsonschema"), "--schemafile", schema, *names],
                              [*lint_cmd, "--no-cache", str(folder)], repeat=3 if label <= 300 else 2, cwd=work)
            rows.append(ratio_row(f"lint {label} plans vs check-jsonschema (all cores, cold)",
                                  f"{label / lint:.0f} plans/s", f"{label / cj:.0f} plans/s", cj / lint, target))
            if folder is plans_dir:
                validate = wall([skpgen, "validate", "-q", str(folder)], repeat=3)
                rows.append((f"validate {label} plans vs check-jsonschema", f"{label / validate:.0f} plans/s",
                             f"{label / cj:.0f} plans/s", f"{cj / validate:.1f}x", "(info)", None))

        # 3. the lint cache: cold (empty cache, entries written) vs warm (nothing changed)
        colds, warms = [], []
        for _ in range(2):
            shutil.rmtree(work / ".skpgen_cache", ignore_errors=True)
            colds.append(wall([*lint_cmd, str(plans_dir)], cwd=work))
            warms.append(wall([*lint_cmd, str(plans_dir)], repeat=3, cwd=work))
        cold, warm_t = statistics.median(colds), statistics.median(warms)
        rows.append(ratio_row(f"lint {args.n} plans: warm (cached) vs cold", f"{warm_t:.2f} s", f"{cold:.2f} s",
                              cold / warm_t, 20))

        # 4. lint --jobs scaling (cold)
        j1, j2 = paired([*lint_cmd, "--no-cache", "--jobs", "1", str(plans_dir)],
                        [*lint_cmd, "--no-cache", "--jobs", "2", str(plans_dir)], repeat=3, cwd=work)
        rows.append(ratio_row(f"lint --jobs 2 vs --jobs 1 ({args.n} plans, cold)", f"{j2:.2f} s", f"{j1:.2f} s",
                              j1 / j2, 1.7))

        # 5. render vs docxtpl, and --jobs scaling
        rows.extend(bench_render(skpgen, plans_dir, files, tmpd))

        # 6. the language server: a change in the editor -> published diagnostics, 40-kegiatan plan
        rows.append(bench_lsp(skpgen, tmpd))

        # 7. the unit (SPEC §11): a 300-employee unit analysed (hierarchy, cascading, written matrix)
        rows.extend(bench_unit(skpgen, tmpd))

        # 8. memory: peak RSS on --big plans vs a tenth of them (lint: default run, cache written)
        big_dir = tmpd / "big"
        big_files = generate(big_dir, args.big, seed=2)
        tenth = subset(big_files, args.big // 10, tmpd / "tenth")
        for label, cmd in (("lint", lint_cmd), ("validate", [skpgen, "validate", "-q"])):
            shutil.rmtree(work / ".skpgen_cache", ignore_errors=True)
            small = peak_rss_mb([*cmd, str(tenth)], cwd=work)
            shutil.rmtree(work / ".skpgen_cache", ignore_errors=True)
            cold_big, big = timed_peak([*cmd, str(big_dir)], cwd=work)
            ok = big <= 1.2 * small
            rows.append((f"peak memory {label}: {args.big} vs {args.big // 10} plans", f"{big:.0f} MiB",
                         f"{small:.0f} MiB", f"{big / small:.2f}x", "<= 1.2x", ok))
            if label == "lint":  # the warm ratio where the fixed start-up weighs less (information)
                warm_big = wall([*cmd, str(big_dir)], repeat=2, cwd=work)
                rows.append((f"lint {args.big} plans: warm (cached) vs cold", f"{warm_big:.2f} s",
                             f"{cold_big:.2f} s", f"{cold_big / warm_big:.2f}x", "(info)", None))

    return print_table(rows)


HEADER = ("", "measure", "skpgen", "baseline", "ratio", "target")


def print_table(rows: list[Row]) -> int:
    """Print the table; 1 when a target row is missed (✘), else 0."""
    table = [("✔" if ok else "✘" if ok is not None else " ", m, a, b, r, t) for m, a, b, r, t, ok in rows]
    widths = [max(len(r[i]) for r in table + [HEADER]) for i in range(6)]
    for r in [HEADER, tuple("-" * w for w in widths), *table]:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
    missed = [r[0] for r in rows if r[5] is False]
    if missed:
        print(f"\n✘ {len(missed)} target(s) missed: " + "; ".join(missed))
        return 1
    print("\n✔ every target met")
    return 0


def bench_render(skpgen: str, plans_dir: Path, files: list[Path], tmpd: Path) -> list[Row]:
    rows = []
    form = "formulir-skp"
    n = len(files)
    out1 = tmpd / "out1"
    t1 = wall([skpgen, "render", str(plans_dir), "-o", str(out1), "--form", form, "--jobs", "1", "--quiet"])
    produced = len(list(out1.glob("*.docx")))
    if produced != n:
        rows.append(("render", "FAILED", f"{produced}/{n} documents", "-", "-", False))
        return rows
    base = docxtpl_per_doc(files, tmpd, form)
    rows.append(ratio_row("render per document vs docxtpl (equivalent form)", f"{t1 / n * 1000:.1f} ms",
                          f"{base * 1000:.1f} ms", base / (t1 / n), 10))
    # --jobs scaling on the real batch: every form that applies to each plan (3 per plan here)
    ta = wall([skpgen, "render", str(plans_dir), "-o", str(tmpd / "outa"), "--jobs", "1", "--quiet"])
    tb = wall([skpgen, "render", str(plans_dir), "-o", str(tmpd / "outb"), "--jobs", "2", "--quiet"])
    docs = len(list((tmpd / "outa").glob("*.docx")))
    rows.append(ratio_row(f"render --jobs 2 vs --jobs 1 ({n} plans, {docs} forms)", f"{tb:.2f} s", f"{ta:.2f} s",
                          ta / tb, 1.7))
    return rows


def bench_lsp(skpgen: str, tmpd: Path, changes: int = 20) -> Row:
    """Median time from a didChange to the publishDiagnostics of that version (default debounce
    included, as an editor sees it), against one `skpgen lint FILE` run of the same plan."""
    import asyncio
    import random

    from gen import plan
    from lsprotocol import types as T
    from pytest_lsp.client import make_test_lsp_client

    folder = tmpd / "lsp"
    folder.mkdir()
    path = folder / "plan-40.skp.yaml"
    text = plan(random.Random(7), 0, kegiatan=40)
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()

    async def run() -> list[float]:
        client = make_test_lsp_client()
        await client.start_io(skpgen, "lsp", cwd=str(folder))
        await client.initialize_session(T.InitializeParams(
            capabilities=T.ClientCapabilities(), root_uri=folder.as_uri(),
            workspace_folders=[T.WorkspaceFolder(uri=folder.as_uri(), name="lsp")]))
        client.text_document_did_open(T.DidOpenTextDocumentParams(T.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)))
        await client.wait_for_notification(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        times = []
        for v in range(2, changes + 2):
            t0 = time.perf_counter()
            client.text_document_did_change(T.DidChangeTextDocumentParams(
                T.VersionedTextDocumentIdentifier(version=v, uri=uri),
                [T.TextDocumentContentChangeWholeDocument(text + f"# perubahan {v}\n")]))
            while (await client.wait_for_notification(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)).version != v:
                pass
            times.append(time.perf_counter() - t0)
        await client.shutdown_session()
        await client.stop()
        return times

    median = statistics.median(asyncio.run(run()))
    cli = wall([skpgen, "lint", "--format", "json", "--exit-zero", str(path)], repeat=3)
    return ("lsp: change -> diagnostics, 40 kegiatan (vs lint CLI)", f"{median * 1000:.0f} ms",
            f"{cli * 1000:.0f} ms", f"{cli / median:.2f}x", "<= 300 ms", median <= 0.300)


def bench_unit(skpgen: str, tmpd: Path, n: int = 300) -> list[Row]:
    """`skpgen unit` and `skpgen lint` on a generated unit of ``n`` employees (issue 11: "a few seconds")."""
    unit_dir = tmpd / "unit"
    generate_unit(unit_dir, n)
    check = subprocess.run([skpgen, "unit", "--format", "json", str(unit_dir)], capture_output=True, text=True)
    if check.returncode != 0 or '"temuan": []' not in check.stdout:
        return [(f"unit analysis ({n} employees)", "FAILED", f"exit {check.returncode}", "-", "-", False)]
    t_unit = wall([skpgen, "unit", "--format", "json", str(unit_dir)], repeat=3)
    t_lint = wall([skpgen, "lint", "--no-cache", "--format", "json", "--exit-zero", str(unit_dir)], repeat=3)
    t_plain = wall([skpgen, "lint", "--no-cache", "--format", "json", "--exit-zero", "--ignore", "U", str(unit_dir)], repeat=3)
    return [(f"skpgen unit: {n}-employee unit analysed", f"{t_unit:.2f} s", "-", "-", "< 5 s", t_unit < 5),
            (f"lint with vs without the unit rules ({n} plans)", f"{t_lint:.2f} s", f"{t_plain:.2f} s",
             f"{t_lint / t_plain:.2f}x", "(info)", None)]


def docxtpl_per_doc(files: list[Path], tmpd: Path, form: str) -> float:
    """docxtpl rendering our built-in form (same tags: {{ }}, {%p %}, {%tr %}) with the same context
    and filters, one document per plan, saved to disk: seconds per document (whole process)."""
    script = tmpd / "docxtpl_bench.py"
    script.write_text(
        "import sys\n"
        "from pathlib import Path\n"
        "from docxtpl import DocxTemplate\n"
        "import jinja2\n"
        "from skpgen.loader import load_path\n"
        "from skpgen.render.context import build_context, with_form\n"
        "from skpgen.render.filters import FILTERS\n"
        "from skpgen.render.forms import get_form\n"
        "from skpgen.scoring import score_plan\n"
        "form = get_form(sys.argv[1])\n"
        "env = jinja2.Environment(autoescape=True)\n"
        "env.filters.update(FILTERS)\n"
        "out = Path(sys.argv[2]); out.mkdir(exist_ok=True)\n"
        "for i, f in enumerate(sys.argv[3:]):\n"
        "    plan = load_path(f).data\n"
        "    ctx = with_form(build_context(plan, score_plan(plan)), sys.argv[1], form.title)\n"
        "    tpl = DocxTemplate(form.path)\n"
        "    tpl.render(ctx, env)\n"
        "    tpl.save(out / f'{i}.docx')\n",
        encoding="utf-8",
    )
    t = wall([sys.executable, str(script), form, str(tmpd / "docxtpl-out"), *map(str, files)])
    made = len(list((tmpd / "docxtpl-out").glob("*.docx")))
    if made != len(files):
        print(f"docxtpl produced {made}/{len(files)} documents", file=sys.stderr)
    return t / max(made, 1)


if __name__ == "__main__":
    sys.exit(main())
