"""Property tests (hypothesis): whatever the input, skpgen never raises, never prints a
traceback, locates every finding inside the file and never changes the input file."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

from skpgen.cli import cli
from skpgen.loader import LoadError, load_text
from skpgen.scoring import score_plan
from skpgen.validate import validate_document
from strategies import mutated_yaml, plan_pp46, to_yaml

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                           HealthCheck.data_too_large])


def _inside(finding: dict, text: str) -> bool:
    n_lines = max(1, len(text.splitlines()) + 1)
    return (1 <= finding["line"] <= n_lines and 1 <= finding["end_line"] <= n_lines
            and finding["column"] >= 1 and finding["end_column"] >= 1
            and (finding["end_line"], finding["end_column"]) >= (finding["line"], finding["column"]))


@SETTINGS
@given(plan=plan_pp46())
def test_generated_plans_load_validate_and_score(plan: dict) -> None:
    text = to_yaml(plan)
    doc = load_text(text, "p.skp.yaml")
    assert doc.data == plan  # the loader round-trips any Unicode the schema allows
    assert validate_document(doc) == []
    score = score_plan(doc.data)
    payload = score.to_json("p.skp.yaml")
    json.dumps(payload, allow_nan=False)  # numbers are finite JSON numbers
    utama = [k for k in payload["kegiatan"] if k["jenis"] == "utama"]
    if payload["nilai_skp"] is not None:
        assert len(utama) >= 1


@SETTINGS
@given(raw=mutated_yaml())
def test_mutated_input_never_crashes_and_findings_are_located(raw: bytes, tmp_path_factory) -> None:
    path = Path(tmp_path_factory.mktemp("m")) / "m.skp.yaml"
    path.write_bytes(raw)
    runner = CliRunner()
    for args in (["validate", "--format", "json", str(path)], ["score", "--format", "json", str(path)]):
        result = runner.invoke(cli, args, catch_exceptions=True)
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
        assert "Traceback" not in result.output
        assert result.exit_code in (0, 1, 2)
    result = runner.invoke(cli, ["validate", "--format", "json", str(path)])
    text = raw.decode("utf-8", "replace")
    for finding in json.loads(result.stdout or "[]"):
        assert _inside(finding, text), finding
    assert path.read_bytes() == raw


@SETTINGS
@given(raw=mutated_yaml())
def test_loader_raises_only_load_error(raw: bytes) -> None:
    from skpgen.loader import load_bytes

    try:
        doc = load_bytes(raw, "m.yaml")
    except LoadError as exc:
        assert exc.finding.code.startswith("E0")
        return
    validate_document(doc)
    score_plan(doc.data)
