"""Per-file isolation (issue 14, SPEC §8): whatever goes wrong inside one file's processing is
reported for that file (E099, located, in Indonesian), the other files are still processed, every
JSON/SARIF/JUnit output stays well-formed, and the run exits 2.

Failures are raised on purpose through the test-only hook ``SKPGEN_TEST_RAISE_IN=STAGE@SUFFIX``
(skpgen.isolation), which reaches the real CLI in a subprocess and its worker processes.
"""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_cli

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.skp.yaml"))
GOOD = [p for p in EXAMPLE_FILES if p.name != "draf-lemah.skp.yaml"]


def _strict_json(text: str):
    """json.loads that rejects NaN/Infinity (not JSON)."""
    def no_constant(name: str):
        raise ValueError(f"not JSON: {name}")

    return json.loads(text, parse_constant=no_constant)


def _copy(files: list[Path], folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        src = files[i % len(files)]
        dst = folder / f"f{i:02d}-{src.name}"
        shutil.copyfile(src, dst)
        out.append(dst)
    return out


def _by_file(findings: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for f in findings:
        out.setdefault(f["file"], []).append(f)
    return out


# ---- the acceptance test: a rule raises for one file of a 50-file lint ---------------------------

def test_rule_raising_in_one_of_50_files(tmp_path: Path) -> None:
    files = _copy(EXAMPLE_FILES, tmp_path / "plans", 50)
    bad = files[20]  # a copy of draf-lemah: P601 and other rules report on it
    assert bad.name.endswith("draf-lemah.skp.yaml")
    # P623 (overlapping periods) is a cross-file rule that fires between the copies; keep it out
    base = run_cli("lint", "--format", "json", "--ignore", "P623", str(tmp_path / "plans"))
    assert base.returncode == 0, base.stderr  # warnings only: exit 0 without the hook
    baseline = _by_file(_strict_json(base.stdout))
    assert "P601" in {f["code"] for f in baseline[str(bad)]} and len(baseline[str(bad)]) > 3

    hook = {"SKPGEN_TEST_RAISE_IN": f"P601@{bad.name}"}
    r = run_cli("lint", "--format", "json", "--ignore", "P623", str(tmp_path / "plans"), env=hook)
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr
    got = _by_file(_strict_json(r.stdout))
    others = [str(p) for p in files if p != bad]
    assert len(others) == 49
    for name in others:
        assert got.get(name, []) == baseline.get(name, []), name
    internal = [f for f in got[str(bad)] if f["code"] == "E099"]
    assert len(internal) == 1
    e099 = internal[0]
    assert (e099["line"], e099["column"], e099["severity"], e099["name"]) == (1, 1, "error", "kesalahan-internal")
    assert "Kesalahan internal" in e099["message"] and "P601" in e099["message"]
    assert "RuntimeError" in e099["message"] and "SKPGEN_DEBUG=1" in e099["message"]
    # the failed file keeps the findings of every other rule
    assert [f for f in got[str(bad)] if f["code"] != "E099"] == \
        [f for f in baseline[str(bad)] if f["code"] != "P601"]

    sarif = run_cli("lint", "--format", "sarif", "--ignore", "P623", str(tmp_path / "plans"), env=hook)
    assert sarif.returncode == 2
    import jsonschema

    sarif_log = _strict_json(sarif.stdout)
    schema = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(sarif_log)
    results = sarif_log["runs"][0]["results"]
    assert [x["ruleId"] for x in results].count("E099") == 1

    junit = run_cli("lint", "--format", "junit", "--ignore", "P623", str(tmp_path / "plans"), env=hook)
    assert junit.returncode == 2
    root = ET.fromstring(junit.stdout)
    assert "E099" in ET.tostring(root, encoding="unicode")


def test_debug_shows_the_trace_and_output_stays_well_formed(tmp_path: Path) -> None:
    files = _copy(GOOD, tmp_path, 3)
    env = {"SKPGEN_TEST_RAISE_IN": f"lint_document@{files[1].name}", "SKPGEN_DEBUG": "1"}
    r = run_cli("lint", "--format", "json", str(tmp_path), env=env)
    assert r.returncode == 2
    assert "Traceback (most recent call last)" in r.stderr and "RuntimeError" in r.stderr
    got = _by_file(_strict_json(r.stdout))
    assert [f["code"] for f in got[str(files[1])]] == ["E099"]
    r = run_cli("lint", "--format", "json", str(tmp_path), env={"SKPGEN_TEST_RAISE_IN": env["SKPGEN_TEST_RAISE_IN"]})
    assert r.returncode == 2 and "Traceback" not in r.stderr


# ---- every other batch command ---------------------------------------------------------------------

def _three(tmp_path: Path) -> tuple[list[Path], Path]:
    files = _copy(GOOD, tmp_path / "in", 3)
    return files, files[1]


def _assert_reported(r, bad: Path) -> None:
    assert r.returncode == 2, (r.stdout[-500:], r.stderr[-2000:])
    assert "Traceback" not in r.stderr
    assert f"{bad}:1:1: E099" in r.stderr
    assert "Kesalahan internal" in r.stderr


def test_validate_isolates_a_failing_file(tmp_path: Path) -> None:
    files, bad = _three(tmp_path)
    hook = {"SKPGEN_TEST_RAISE_IN": f"validate_document@{bad.name}"}
    r = run_cli("validate", "--format", "json", str(tmp_path / "in"), env=hook)
    assert r.returncode == 2
    found = _strict_json(r.stdout)
    assert [(f["file"], f["code"]) for f in found] == [(str(bad), "E099")]
    r = run_cli("validate", str(tmp_path / "in"), env=hook)
    assert r.returncode == 2
    for good in (files[0], files[2]):
        assert f"{good}: valid" in r.stdout


@pytest.mark.parametrize(("fmt", "stage"), [("json", "score_plan"), ("json", "_json_item"),
                                            ("csv", "csv_rows"), ("text", "format_text")])
def test_score_isolates_a_failing_file(tmp_path: Path, fmt: str, stage: str) -> None:
    files, bad = _three(tmp_path)
    r = run_cli("score", "--format", fmt, str(tmp_path / "in"), env={"SKPGEN_TEST_RAISE_IN": f"{stage}@{bad.name}"})
    _assert_reported(r, bad)
    if fmt == "json":
        assert [x["file"] for x in _strict_json(r.stdout)] == [str(files[0]), str(files[2])]
    elif fmt == "csv":
        import csv
        import io

        rows = list(csv.DictReader(io.StringIO(r.stdout)))
        assert {row["file"] for row in rows} == {str(files[0]), str(files[2])}
    else:
        assert str(files[0]) in r.stdout and str(files[2]) in r.stdout and str(bad) not in r.stdout


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_render_isolates_a_failing_plan(tmp_path: Path, jobs: str) -> None:
    files, bad = _three(tmp_path)
    out = tmp_path / "out"
    r = run_cli("render", str(tmp_path / "in"), "-o", str(out), "--jobs", jobs,
                env={"SKPGEN_TEST_RAISE_IN": f"render_plan@{bad.name}"})
    _assert_reported(r, bad)
    written = sorted(p.name for p in out.glob("*.docx"))
    expected = run_cli("render", *map(str, (files[0], files[2])), "-o", str(tmp_path / "ref"))
    assert expected.returncode == 0, expected.stderr
    assert written == sorted(p.name for p in (tmp_path / "ref").glob("*.docx")) and written


def test_status_and_dashboard_isolate_a_failing_plan(tmp_path: Path) -> None:
    files, bad = _three(tmp_path)
    r = run_cli("status", "--format", "json", "--today", "2025-10-01", str(tmp_path / "in"),
                env={"SKPGEN_TEST_RAISE_IN": f"status_entry@{bad.name}"})
    _assert_reported(r, bad)
    assert [p["file"] for p in _strict_json(r.stdout)] == [str(files[0]), str(files[2])]
    r = run_cli("status", "--today", "2025-10-01", str(tmp_path / "in"),
                env={"SKPGEN_TEST_RAISE_IN": f"status_entry@{bad.name}"})
    _assert_reported(r, bad)
    xlsx = tmp_path / "dash.xlsx"
    r = run_cli("dashboard", "-o", str(xlsx), "--today", "2025-10-01", str(tmp_path / "in"),
                env={"SKPGEN_TEST_RAISE_IN": f"dashboard_entry@{bad.name}"})
    _assert_reported(r, bad)
    from openpyxl import load_workbook

    files_in_sheet = {row[-1] for row in load_workbook(xlsx).worksheets[0].iter_rows(min_row=2, values_only=True)}
    assert files_in_sheet == {str(files[0]), str(files[2])}


# ---- the two reported crashes, fixed at their cause -------------------------------------------------

def _with(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


def test_scalar_keselarasan_is_a_schema_error_not_a_crash(tmp_path: Path) -> None:
    src = (EXAMPLES / "guru-2025.skp.yaml").read_text(encoding="utf-8")
    start = src.index("keselarasan:\n")
    end = src.index("\nkegiatan:", start)
    (tmp_path / "a-bad.skp.yaml").write_text(src[:start] + "keselarasan: 5" + src[end:], encoding="utf-8")
    shutil.copyfile(EXAMPLES / "analis-kebijakan-2025.skp.yaml", tmp_path / "b-good.skp.yaml")
    r = run_cli("lint", "--format", "json", str(tmp_path))
    assert r.returncode == 1, r.stderr
    found = _strict_json(r.stdout)
    bad = [f for f in found if f["file"].endswith("a-bad.skp.yaml")]
    # only the schema's own finding: no E099, no E053 flood about refs to a list that is not one
    assert [(f["code"], f["message"]) for f in bad] == \
        [("E022", "keselarasan harus berupa daftar, bukan bilangan bulat (5).")]
    assert not any(f["file"].endswith("b-good.skp.yaml") and f["severity"] == "error" for f in found)
    for cmd in (["validate", "--format", "json"], ["score", "--format", "json"]):
        r = run_cli(*cmd, str(tmp_path))
        assert r.returncode == 1, r.stderr
        assert "E099" not in r.stdout + r.stderr and "internal" not in r.stderr.lower()
        _strict_json(r.stdout)


def test_huge_realisation_scores_as_strict_json(tmp_path: Path) -> None:
    src = (EXAMPLES / "analis-kebijakan-2025.skp.yaml").read_text(encoding="utf-8")
    big = _with(src, "realisasi: {kuantitas: 1, kualitas: 95", "realisasi: {kuantitas: 1e308, kualitas: 95")
    (tmp_path / "a-big.skp.yaml").write_text(big, encoding="utf-8")
    shutil.copyfile(EXAMPLES / "guru-2025.skp.yaml", tmp_path / "b-good.skp.yaml")
    r = run_cli("score", "--format", "json", str(tmp_path))
    assert r.returncode == 0, r.stderr
    plans = _strict_json(r.stdout)
    assert [Path(p["file"]).name for p in plans] == ["a-big.skp.yaml", "b-good.skp.yaml"]
    k1 = plans[0]["kegiatan"][0]
    # 1e308 / 1 × 100 is beyond the float range: written as the exact integer, not Infinity
    assert k1["aspek"]["kuantitas"] == 10**310
    text = run_cli("score", str(tmp_path / "a-big.skp.yaml"))
    assert text.returncode == 0, text.stderr
    assert "1,00E+310" in text.stdout
    csv_run = run_cli("score", "--format", "csv", str(tmp_path / "a-big.skp.yaml"))
    assert csv_run.returncode == 0
    import csv
    import io

    cells = [c.lower() for row in csv.reader(io.StringIO(csv_run.stdout)) for c in row]
    assert not {"inf", "-inf", "nan"} & set(cells)
    assert str(10**310) + ".0" not in cells and str(10**310) in cells
