"""Accuracy on the labelled corpus (tests/lint_corpus/corpus.yaml): precision and recall per family.

Every bad example of the SKP guide (§3, §7) must be caught with exactly the expected codes and
none of its good examples flagged. The per-family figures are printed (run with ``-s``) and must
stay at or above the floors below, which were set from the measured values.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from skpgen.lint.config import Config
from skpgen.lint.engine import Settings, lint_document
from skpgen.loader import load_text
from test_lint_rules import CORPUS, merge_example

FAMILIES = "SMARTP"
# Floors just under the measured figures (printed by the test). The known misses are listed in the
# corpus as "harder rows": an object-less "Melaksanakan audit", "dengan rapi" (not in the word
# list) and routine errands outside rutinitas-rendah.txt.
MIN_PRECISION = {"S": 0.95, "M": 0.95, "A": 0.95, "R": 0.95, "T": 0.95, "P": 0.95}
MIN_RECALL = {"S": 0.9, "M": 0.95, "A": 0.95, "R": 0.8, "T": 0.95, "P": 0.95}


@cache
def corpus() -> list[dict]:
    return load_text((CORPUS / "corpus.yaml").read_text(encoding="utf-8"), "corpus.yaml").data["items"]


def _row_defaults(row: dict, r6: bool) -> dict:
    out = {"id": "KX", "jenis": "utama", **row}
    if r6:
        out.setdefault("rhk_atasan", "197805122005011003#RHK2")
        if out.get("rhk_atasan") is None:
            out.pop("rhk_atasan")
    else:
        out.setdefault("mendukung", ["SS1"])
        if out["jenis"] == "utama":
            out.setdefault("target", {"kuantitas": 12, "satuan": "laporan", "kualitas": 100, "waktu": 12})
    return {k: v for k, v in out.items() if v is not None}


def build(item: dict) -> str:
    r6 = item.get("aturan") == "permenpanrb-6-2022"
    snippet = item.get("plan", "")
    if r6 and "aturan:" not in snippet:
        snippet = "aturan: permenpanrb-6-2022\n" + snippet
    if "kegiatan" in item:
        base = load_text(merge_example("aturan: permenpanrb-6-2022\n" if r6 else "versi: 1\n"), "b").data
        rows = list(base["kegiatan"])
        row = _row_defaults(item["kegiatan"], r6)
        if "realisasi" in row:
            for k in rows:
                t = k["target"]
                k["realisasi"] = {"kuantitas": t["kuantitas"], "kualitas": 90, "waktu": t["waktu"]}
        if row["jenis"] == "utama" or r6:
            rows[-1] = row
        else:  # a tambahan/kreatif row is added: the utama count stays in 5–7
            rows.append(row)
        snippet += "kegiatan:\n" + "".join(f"  - {json.dumps(r, ensure_ascii=False)}\n" for r in rows)
    return merge_example(snippet or "versi: 1\n")


def codes_for(item: dict) -> set[str]:
    doc = load_text(build(item), f"{item['id']}.skp.yaml")
    settings = Settings(Config())
    findings = lint_document(doc, settings)
    assert not settings.crashes
    schema = [f for f in findings if f.code.startswith("E0")]
    assert not schema, (item["id"], [f.message for f in schema])
    return {f.code for f in findings}


@cache
def results() -> list[tuple[dict, set[str], set[str]]]:
    return [(item, set(item.get("harap") or []), codes_for(item)) for item in corpus()]


def scores() -> dict[str, dict[str, float | int]]:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for _, expected, got in results():
        for code in got | expected:
            fam = code[0]
            if code in got and code in expected:
                tp[fam] += 1
            elif code in got:
                fp[fam] += 1
            else:
                fn[fam] += 1
    out = {}
    for fam in FAMILIES:
        p = tp[fam] / (tp[fam] + fp[fam]) if tp[fam] + fp[fam] else 1.0
        r = tp[fam] / (tp[fam] + fn[fam]) if tp[fam] + fn[fam] else 1.0
        out[fam] = {"tp": tp[fam], "fp": fp[fam], "fn": fn[fam], "precision": p, "recall": r}
    return out


def test_corpus_is_large_and_covers_positions() -> None:
    items = corpus()
    assert len(items) >= 90
    prefixes = {i["id"].split("-")[0] for i in items}
    assert prefixes >= {"panduan", "guru", "bidan", "perawat", "dokter", "arsiparis", "prakom", "auditor",
                        "penyuluh", "bendahara", "kasi", "rhk"}
    assert len({i["id"] for i in items}) == len(items)
    assert sum(1 for i in items if not i.get("harap")) >= 30  # enough clean rows to measure false alarms


def test_guide_examples_exact() -> None:
    for item, expected, got in results():
        src = item.get("sumber", "")
        if src.startswith(("panduan §3", "panduan §7")):
            if expected:
                assert expected <= got, (item["id"], expected, got)
            assert got == expected, (item["id"], "unexpected findings", got - expected)


def test_precision_recall_per_family(capsys: pytest.CaptureFixture[str]) -> None:
    table = scores()
    with capsys.disabled():
        print("\nfamily  tp  fp  fn  precision  recall")
        for fam, s in table.items():
            print(f"{fam:6}  {s['tp']:2}  {s['fp']:2}  {s['fn']:2}  {s['precision']:9.3f}  {s['recall']:6.3f}")
        misses = [(i["id"], sorted(e - g), sorted(g - e)) for i, e, g in results() if e != g]
        for m in misses:
            print("  mismatch:", m)
    for fam, s in table.items():
        assert s["precision"] >= MIN_PRECISION[fam], (fam, s)
        assert s["recall"] >= MIN_RECALL[fam], (fam, s)
