"""Type confusion and byte mutation over every command (issue 14, SPEC §8 robustness).

For every path the schema defines (array items at index 0), each value of the issue's list is put
there in a complete example plan. Every such document goes, round-robin, through one command slot
(validate and lint in every format, score in every format, render, status text/json, dashboard,
diff), so that across the run every path meets every value and every command meets a deterministic
share of them (running all of them through every command would take minutes: validating an
invalid plan costs ~10 ms). Nothing may end in an
internal error (E099, "kesalahan internal", a traceback, an exception escaping a command), every
machine output must parse (strict JSON: no NaN/Infinity; SARIF; JUnit XML; CSV), and no input
file may change.

The byte-mutation corpus does the same with deterministic byte-level damage to the examples
(truncation, flipped and inserted bytes, control characters, invalid UTF-8, removed lines).

Commands run in-process (click's CliRunner) over whole folders: one invocation per command slot.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import json
import random
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, ROOT
from skpgen.cli import cli
from skpgen.loader import load_path

VALUES: list[Any] = [None, True, 0, -1, 1e308, -1e308, 10**30, 1e-300, "", "x" * 5000, [], {}, [1, "a"],
                     {"a": []}, "NaN", "inf"]
BASES = ["analis-kebijakan-2025.skp.yaml", "pranata-komputer-2024.skp.yaml"]
INTERNAL_MARKS = ("E099", "Kesalahan internal", "kesalahan internal", "internal error", "Traceback")
TODAY = "2025-10-01"


# ---- the schema's paths ------------------------------------------------------------------------

def schema_paths() -> list[tuple[str | int, ...]]:
    schema = json.loads((ROOT / "schemas" / "skp.schema.json").read_text(encoding="utf-8"))
    defs = schema.get("definitions", {}) | schema.get("$defs", {})
    out: set[tuple[str | int, ...]] = {()}

    def walk(node: Any, path: tuple[str | int, ...], refs: tuple[str, ...]) -> None:
        if not isinstance(node, dict):
            return
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/") and ref not in refs:
            walk(defs.get(ref.rsplit("/", 1)[-1]), path, refs + (ref,))
        for key in ("anyOf", "oneOf", "allOf"):
            for branch in node.get(key, []):
                walk(branch, path, refs)
        for key in ("if", "then", "else", "not"):
            walk(node.get(key), path, refs)
        for name, sub in (node.get("properties") or {}).items():
            out.add(path + (name,))
            walk(sub, path + (name,), refs)
        for sub in (node.get("patternProperties") or {}).values():
            out.add(path + ("x",))
            walk(sub, path + ("x",), refs)
        items = node.get("items")
        if isinstance(items, dict):
            out.add(path + (0,))
            walk(items, path + (0,), refs)

    walk(schema, (), ())
    return sorted(out, key=lambda p: [str(x) for x in p])


def put(data: Any, path: tuple[str | int, ...], value: Any) -> Any:
    """A copy of ``data`` with ``value`` at ``path`` (missing containers are created)."""
    if not path:
        return copy.deepcopy(value)
    root = copy.deepcopy(data)
    node = root
    for i, key in enumerate(path):
        last = i == len(path) - 1
        nxt: Any = value if last else ([] if isinstance(path[i + 1], int) else {})
        if isinstance(key, int):
            if not node:
                node.append(nxt)
            elif last:
                node[0] = nxt
            elif not isinstance(node[0], (list, dict)) or isinstance(node[0], list) != isinstance(path[i + 1], int):
                node[0] = nxt
            node = node[0]
        else:
            if last or not isinstance(node.get(key), (list, dict)) \
                    or isinstance(node.get(key), list) != isinstance(path[i + 1], int):
                node[key] = nxt
            node = node[key]
    return root


def to_text(data: Any) -> str:
    """JSON is YAML 1.2 flow style; one key per line keeps the findings' locations meaningful."""
    return json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


# ---- running the commands -----------------------------------------------------------------------

def _strict_json(text: str) -> Any:
    def no_constant(name: str) -> Any:
        raise ValueError(f"not JSON: {name}")

    return json.loads(text, parse_constant=no_constant)


def invoke(*args: str) -> Any:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=True)
    exc = result.exception
    assert exc is None or isinstance(exc, SystemExit), (args[:3], repr(exc))
    assert result.exit_code in (0, 1, 2), (args[:3], result.exit_code)
    both = result.stdout + result.stderr
    for mark in INTERNAL_MARKS:
        assert mark not in both, (args[:3], mark, _around(both, mark))
    return result


def _around(text: str, mark: str) -> str:
    i = text.find(mark)
    return text[max(0, i - 300): i + 300]


def _tree(root: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


def run_everything(files: list[Path], folder: Path, out: Path) -> dict[str, int]:
    """Each file through one command slot (round-robin): every slot gets a share of every kind."""
    before = _tree(folder)
    counts: dict[str, int] = {}
    slots = ["validate-json", "lint-json", "validate-full", "lint-concise", "lint-full", "lint-sarif", "lint-github", "lint-junit",
             "score-text", "score-json", "score-csv", "render", "status-text", "status-json", "dashboard", "diff"]
    share: dict[str, list[Path]] = {s: [] for s in slots}
    k = len(slots)
    for i, f in enumerate(files):
        # round-robin, shifted by one each round: with one round per schema path (its 16 values),
        # every path visits every slot and every slot sees every value
        share[slots[(i + i // k) % k]].append(f)
    for slot, group in share.items():
        if not group:
            continue
        counts[slot] = len(group)
        names = [str(p) for p in group]
        cmd, _, fmt = slot.partition("-")
        if cmd == "validate":
            r = invoke("validate", "--format", fmt, *names)
            if fmt == "json":
                assert isinstance(_strict_json(r.stdout), list)
        elif cmd == "lint":
            r = invoke("lint", "--format", fmt, *names)
            if fmt == "json":
                assert isinstance(_strict_json(r.stdout), list)
            elif fmt == "sarif":
                assert _strict_json(r.stdout)["version"] == "2.1.0"
            elif fmt == "junit":
                ET.fromstring(r.stdout)
        elif cmd == "score":
            r = invoke("score", "--format", fmt, *names)
            if fmt == "json":
                assert isinstance(_strict_json(r.stdout), list)
            elif fmt == "csv":
                rows = list(csv.reader(io.StringIO(r.stdout)))
                assert rows and all(len(row) == len(rows[0]) for row in rows)
        elif cmd == "render":
            invoke("render", "--jobs", "1", "-q", "-o", str(out / "forms"), *names)
        elif cmd == "status":
            r = invoke("status", "--format", fmt, "--today", TODAY, *names)
            if fmt == "json":
                assert isinstance(_strict_json(r.stdout), list)
        elif cmd == "dashboard":
            r = invoke("dashboard", "-o", str(out / "dash.xlsx"), "--today", TODAY, *names)
            if r.exit_code != 2 or (out / "dash.xlsx").exists():
                from openpyxl import load_workbook

                if (out / "dash.xlsx").exists():
                    load_workbook(out / "dash.xlsx")
        elif cmd == "diff":
            base = EXAMPLES / BASES[0]
            for p in group:
                r = invoke("diff", "--format", "json", str(base), str(p))
                if r.exit_code == 0:
                    _strict_json(r.stdout)
    assert _tree(folder) == before, "an input file changed"
    return counts


# ---- the tests -----------------------------------------------------------------------------------

def test_every_schema_path_times_every_odd_value(tmp_path: Path) -> None:
    bases = [load_path(EXAMPLES / name).data for name in BASES]
    paths = schema_paths()
    assert len(paths) > 100  # the walk found the schema's tree
    folder = tmp_path / "in"
    folder.mkdir()
    files: list[Path] = []
    covered: set[tuple[int, int]] = set()
    n = 0
    for pi, path in enumerate(paths):
        for vi, value in enumerate(VALUES):
            data = put(bases[(pi + vi) % 2], path, value)
            f = folder / f"p{pi:03d}-v{vi:02d}.skp.yaml"
            f.write_text(to_text(data), encoding="utf-8")
            files.append(f)
            covered.add((pi, vi))
            n += 1
    assert covered == {(pi, vi) for pi in range(len(paths)) for vi in range(len(VALUES))}
    counts = run_everything(files, folder, tmp_path / "out")
    assert len(counts) == 16 == len(VALUES) and sum(counts.values()) == n and min(counts.values()) >= n // 16 - 1


def mutations(raw: bytes, rng: random.Random) -> list[bytes]:
    out = []
    for cut in (1, 7, len(raw) // 3, len(raw) // 2, len(raw) - 2):
        out.append(raw[:cut])
    for junk in (b"\x00", b"\x07", b"\x1b[31m", b"\x7f", b"\xff\xfe", b"\xc3", "\u2028".encode(), b"\t", b"\r",
                 b": ", b"- ", b"{", b"]", b"&a ", b"*a", b"!!python/object ", b"'", b'"', b"#", b"%"):
        pos = rng.randrange(len(raw))
        out.append(raw[:pos] + junk + raw[pos:])
    for _ in range(8):
        b = bytearray(raw)
        pos = rng.randrange(len(b))
        b[pos] = rng.randrange(256)
        out.append(bytes(b))
    lines = raw.split(b"\n")
    for _ in range(4):
        i = rng.randrange(len(lines))
        out.append(b"\n".join(lines[:i] + lines[i + 1:]))
        out.append(b"\n".join(lines[:i] + [lines[i], lines[i]] + lines[i + 1:]))
    return out


def test_byte_mutation_corpus(tmp_path: Path) -> None:
    rng = random.Random(14)
    folder = tmp_path / "in"
    folder.mkdir()
    files = []
    for src in sorted(EXAMPLES.glob("*.skp.yaml")):
        for i, raw in enumerate(mutations(src.read_bytes(), rng)):
            f = folder / f"{src.stem}-{i:02d}.yaml"
            f.write_bytes(raw)
            files.append(f)
    assert len(files) >= 6 * 40
    run_everything(files, folder, tmp_path / "out")
