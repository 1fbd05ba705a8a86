"""`make bench-large`: an agency's repository of 100,000 plans (SPEC §8 v1.1, scale).

    python bench/large.py [--n 100000] [--per-dir 1000] [--jobs N]

Generates the plans in a temporary folder (never in the repository; unit folders of 1,000 plans),
then lints them as CI would: cold (empty cache, entries written) and warm (nothing changed), with
the default --jobs (every core). Reports wall time, throughput and peak memory of the largest
process (the parent or one worker) for both runs. Takes minutes; run it on purpose, not in CI.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from gen import generate  # noqa: E402
from run import timed_peak, tool  # noqa: E402


def main() -> int:
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ.pop("SKPGEN_CACHE_DIR", None)
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--per-dir", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=None, help="lint --jobs (default: skpgen's, every core)")
    args = ap.parse_args()
    skpgen = tool("skpgen")
    with tempfile.TemporaryDirectory(prefix="skpgen-bench-large-") as tmp:
        tmpd = Path(tmp)
        t0 = time.perf_counter()
        generate(tmpd / "agency", args.n, seed=3, per_dir=args.per_dir)
        print(f"generated {args.n} plans in {time.perf_counter() - t0:.0f} s ({tmpd / 'agency'})", file=sys.stderr)
        cmd = [skpgen, "lint", "--format", "json", "--exit-zero", str(tmpd / "agency")]
        if args.jobs:
            cmd[2:2] = ["--jobs", str(args.jobs)]
        shutil.rmtree(tmpd / ".skpgen_cache", ignore_errors=True)
        rows = []
        for label in ("cold (empty cache)", "warm (unchanged)"):
            secs, mib = timed_peak(cmd, cwd=tmpd)
            rows.append((label, secs, mib))
            print(f"lint {label}: {secs:.1f} s", file=sys.stderr)
        cache_mib = sum(f.stat().st_size for f in (tmpd / ".skpgen_cache").rglob("*") if f.is_file()) / 2**20
    print(f"skpgen lint, {args.n:,} plans in {args.n // args.per_dir} folders, {os.cpu_count()} cores")
    print(f"{'run':<22}{'time':>10}{'plans/s':>10}{'peak MiB':>10}")
    for label, secs, mib in rows:
        print(f"{label:<22}{secs:>9.1f}s{args.n / secs:>10.0f}{mib:>10.0f}")
    print(f"warm vs cold: {rows[0][1] / rows[1][1]:.1f}x; cache on disk: {cache_mib:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
