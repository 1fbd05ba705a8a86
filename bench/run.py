"""skpgen benchmark suite (`make bench`): one table of ratios, all measured in this run on the same
generated plans (bench/gen.py). Never run in the test suite: timings belong here, not in tests.

    python bench/run.py [--n 1000] [--big 10000] [--quick]

Targets (SPEC §8):
  lint throughput          >= 8x  check-jsonschema validating the same plans with our schema alone
  render per document      >= 10x docxtpl filling an equivalent form with the same data
  `skpgen --help` start-up <= `yamllint --version`
  render --jobs 2          >= 1.7x --jobs 1 on 100+ plans
  peak memory              flat in the number of files (10,000 vs 1,000 plans)
  unit analysis            a 300-employee unit (`skpgen unit`) in a few seconds (issue 11)
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


def peak_rss_mb(cmd: list[str]) -> float:
    """Peak resident memory (MiB) of one command, measured in a fresh wrapper process."""
    code = ("import resource,subprocess,sys;subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,"
            "stderr=subprocess.DEVNULL);print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, *cmd], capture_output=True, text=True).stdout
    return int(out.strip() or 0) / 1024


def main() -> None:
    # Measure what users run: bytecode caches allowed (the baselines' site-packages have theirs).
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="plans for throughput and --jobs runs")
    ap.add_argument("--big", type=int, default=10000, help="plans for the memory run")
    ap.add_argument("--quick", action="store_true", help="smaller runs (n=60, big=2000)")
    args = ap.parse_args()
    if args.quick:
        args.n, args.big = 150, 2000
    skpgen = tool("skpgen")
    rows: list[tuple[str, str, str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="skpgen-bench-") as tmp:
        tmpd = Path(tmp)
        plans_dir = tmpd / "plans"
        files = generate(plans_dir, args.n)
        print(f"generated {len(files)} plans in {plans_dir}", file=sys.stderr)

        # 1. start-up (after one warm-up run of each command, which also fills the caches)
        for warm in ([skpgen, "lint", str(files[0])], [skpgen, "render", str(files[0]), "-o", str(tmpd / "warm")]):
            subprocess.run(warm, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        ours = wall([skpgen, "--help"], repeat=15)
        theirs = wall([tool("yamllint"), "--version"], repeat=15)
        rows.append(("start-up: skpgen --help vs yamllint --version", f"{ours * 1000:.0f} ms",
                     f"{theirs * 1000:.0f} ms", f"{theirs / ours:.2f}x", ">= 1.00x"))

        # 2. lint throughput vs check-jsonschema (schema only), whole runs incl. start-up
        schema = str(ROOT / "schemas" / "skp.schema.json")
        cj = wall([tool("check-jsonschema"), "--schemafile", schema, *map(str, files)])
        lint = wall([skpgen, "lint", "--format", "json", "--exit-zero", str(plans_dir)], repeat=3)
        validate = wall([skpgen, "validate", "-q", str(plans_dir)], repeat=3)
        n = len(files)
        rows.append(("lint throughput vs check-jsonschema", f"{n / lint:.0f} plans/s", f"{n / cj:.0f} plans/s",
                     f"{cj / lint:.1f}x", ">= 8x"))
        rows.append(("validate throughput vs check-jsonschema", f"{n / validate:.0f} plans/s",
                     f"{n / cj:.0f} plans/s", f"{cj / validate:.1f}x", "(info)"))

        # 3. render vs docxtpl, and --jobs scaling
        render_rows = bench_render(skpgen, plans_dir, files, tmpd)
        rows.extend(render_rows)

        # 4. the unit (SPEC §11): a 300-employee unit analysed (hierarchy, cascading, written matrix)
        rows.extend(bench_unit(skpgen, tmpd))

        # 5. memory: peak RSS on --big plans vs a tenth of them
        big_dir = tmpd / "big"
        big_files = generate(big_dir, args.big, seed=2)
        small_dir = tmpd / "small"
        small_dir.mkdir()
        for f in big_files[: args.big // 10]:
            os.link(f, small_dir / f.name)
        for label, cmd in (("lint", [skpgen, "lint", "--format", "json", "--exit-zero"]),
                           ("validate", [skpgen, "validate", "-q"])):
            small = peak_rss_mb([*cmd, str(small_dir)])
            big = peak_rss_mb([*cmd, str(big_dir)])
            rows.append((f"peak memory {label}: {args.big} vs {args.big // 10} plans", f"{big:.0f} MiB",
                         f"{small:.0f} MiB", f"{big / small:.2f}x", "~1.0x (flat)"))

    widths = [max(len(r[i]) for r in rows + [HEADER]) for i in range(5)]
    for r in [HEADER, tuple("-" * w for w in widths), *rows]:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)))


HEADER = ("measure", "skpgen", "baseline", "ratio", "target")


def bench_render(skpgen: str, plans_dir: Path, files: list[Path], tmpd: Path) -> list[tuple[str, str, str, str, str]]:
    rows = []
    form = "formulir-skp"
    n = len(files)
    out1 = tmpd / "out1"
    t1 = wall([skpgen, "render", str(plans_dir), "-o", str(out1), "--form", form, "--jobs", "1", "--quiet"])
    produced = len(list(out1.glob("*.docx")))
    if produced != n:
        rows.append(("render", "FAILED", f"{produced}/{n} documents", "-", "-"))
        return rows
    base = docxtpl_per_doc(files, tmpd, form)
    rows.append(("render per document vs docxtpl (equivalent form)", f"{t1 / n * 1000:.1f} ms",
                 f"{base * 1000:.1f} ms", f"{base / (t1 / n):.1f}x", ">= 10x"))
    # --jobs scaling on the real batch: every form that applies to each plan (3 per plan here)
    ta = wall([skpgen, "render", str(plans_dir), "-o", str(tmpd / "outa"), "--jobs", "1", "--quiet"])
    tb = wall([skpgen, "render", str(plans_dir), "-o", str(tmpd / "outb"), "--jobs", "2", "--quiet"])
    docs = len(list((tmpd / "outa").glob("*.docx")))
    rows.append((f"render --jobs 2 vs --jobs 1 ({n} plans, {docs} forms)", f"{tb:.2f} s", f"{ta:.2f} s",
                 f"{ta / tb:.2f}x", ">= 1.7x"))
    return rows


def bench_unit(skpgen: str, tmpd: Path, n: int = 300) -> list[tuple[str, str, str, str, str]]:
    """`skpgen unit` and `skpgen lint` on a generated unit of ``n`` employees (issue 11: "a few seconds")."""
    unit_dir = tmpd / "unit"
    generate_unit(unit_dir, n)
    check = subprocess.run([skpgen, "unit", "--format", "json", str(unit_dir)], capture_output=True, text=True)
    if check.returncode != 0 or '"temuan": []' not in check.stdout:
        return [(f"unit analysis ({n} employees)", "FAILED", f"exit {check.returncode}", "-", "-")]
    t_unit = wall([skpgen, "unit", "--format", "json", str(unit_dir)], repeat=3)
    t_lint = wall([skpgen, "lint", "--format", "json", "--exit-zero", str(unit_dir)], repeat=3)
    t_plain = wall([skpgen, "lint", "--format", "json", "--exit-zero", "--ignore", "U", str(unit_dir)], repeat=3)
    return [(f"skpgen unit: {n}-employee unit analysed", f"{t_unit:.2f} s", "-", "-", "< 5 s"),
            (f"lint with vs without the unit rules ({n} plans)", f"{t_lint:.2f} s", f"{t_plain:.2f} s",
             f"{t_lint / t_plain:.2f}x", "(info)")]


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
    main()
