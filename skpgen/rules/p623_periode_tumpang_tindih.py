"""Dua SKP pegawai yang sama dengan periode yang tumpang tindih (dalam satu kali pemeriksaan).

## Apa yang diperiksa
Di antara berkas yang diperiksa dalam satu kali `skpgen lint` (misalnya folder satu unit atau satu
instansi), SKP dengan NIP pegawai yang sama tidak boleh punya periode (`periode.mulai` –
`periode.selesai`) yang saling tumpang tindih. Temuan dilaporkan pada kedua berkas.

## Mengapa
Pegawai yang mutasi atau promosi di tengah tahun punya beberapa SKP, satu per jabatan/unit, yang
periodenya berurutan (DOMAIN.md E.1.10; SIMPEG merata-ratakan nilainya). Periode yang tumpang tindih
berarti satu masa kerja dinilai dua kali, atau ada salinan SKP lama yang lupa dihapus.

## Contoh buruk
```yaml lain
periode: {tahun: 2025, mulai: 2025-01-02, selesai: 2025-06-30}
```
```yaml
periode: {tahun: 2025, mulai: 2025-06-01, selesai: 2025-12-31}
jadwal_review: [2025-06-30, 2025-09-30, 2025-12-15]
```

## Contoh baik
```yaml lain
periode: {tahun: 2025, mulai: 2025-01-02, selesai: 2025-06-30}
```
```yaml
periode: {tahun: 2025, mulai: 2025-07-01, selesai: 2025-12-31}
jadwal_review: [2025-09-30, 2025-12-15]
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from skpgen.findings import Finding
from skpgen.rules._util import parse_date

CODE = "P623"
NAME = "periode-tumpang-tindih"
FAMILY = "P"
SEVERITY = "warning"
OPTIONS: dict = {}
BATCH = True  # judged across all files of one run (skpgen.lint.engine.finish_batch)
MESSAGE = {
    "id": "Periode {mulai} s.d. {selesai} tumpang tindih dengan SKP lain pegawai yang sama ({file}: {o_mulai} s.d. {o_selesai}); satu masa kerja hanya dinilai dalam satu SKP.",
    "en": "The period {mulai} to {selesai} overlaps another SKP of the same employee ({file}: {o_mulai} to {o_selesai}); a stretch of work is assessed in one SKP only.",
}


def check(ctx) -> Iterator[Finding]:
    return iter(())  # cross-file: see collect() and finish()


def collect(ctx) -> dict[str, Any]:
    node = ctx.doc.key_node_at(("periode",))
    return {"nip": str(ctx.get("pegawai", "nip") or ""), "file": ctx.file,
            "mulai": ctx.get("periode", "mulai"), "selesai": ctx.get("periode", "selesai"),
            "pos": (node.line, node.col, node.end_line, node.end_col), "refs": True}


def finish(states: Iterable[dict[str, Any]], lang: str, severity: str) -> list[Finding]:
    """``states`` is iterated twice (the engine may read it back from disk each time): first to
    find the NIPs with more than one plan, then to compare only their periods, so memory follows
    the employees with several plans, not the number of plans in the run."""
    import sys

    from skpgen.lint.context import rule_message

    module = sys.modules[__name__]
    seen: set[str] = set()
    twice: set[str] = set()
    for s in states:
        if s["nip"] and s.get("refs"):
            (twice if s["nip"] in seen else seen).add(s["nip"])
    del seen
    by_nip: dict[str, list[dict[str, Any]]] = {}
    for s in states:
        if s["nip"] not in twice:
            continue
        a, b = parse_date(s["mulai"]), parse_date(s["selesai"])
        if s.get("refs") and a and b:
            by_nip.setdefault(s["nip"], []).append({**s, "a": a, "b": b})
    out: list[Finding] = []
    for plans in by_nip.values():
        plans.sort(key=lambda p: (p["a"], p["file"]))
        for i, p in enumerate(plans):
            for q in plans:
                if q is p or not (p["a"] <= q["b"] and q["a"] <= p["b"]):
                    continue
                line, col, end_line, end_col = p["pos"]
                out.append(Finding(file=p["file"], line=line, column=col, end_line=end_line, end_column=end_col,
                                   code=CODE, name=NAME, severity=severity,  # type: ignore[arg-type]
                                   message=rule_message(module, lang, None, mulai=p["mulai"], selesai=p["selesai"],
                                                        file=q["file"], o_mulai=q["mulai"], o_selesai=q["selesai"])))
                break  # one finding per file is enough
    return out
