"""What the curve rules need of one plan (plain, picklable): each evaluasi with its predikat and
the position of its rating hasil kerja, collected once per file in a lint run."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Loc = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class EvaluasiFact:
    periode: str
    rating_hasil_kerja: str
    predikat: str | None      # predikat id ("baik", …) or None
    loc_hasil: Loc


def evaluasi_facts(doc: Any) -> tuple[EvaluasiFact, ...]:
    from skpgen.scoring import predikat_kinerja
    from skpgen.scoring.konversi import predikat_id

    data = doc.data if isinstance(doc.data, dict) else {}
    items = data.get("evaluasi")
    out = []
    for i, e in enumerate(items if isinstance(items, list) else []):
        if not isinstance(e, dict) or not isinstance(e.get("periode"), str):
            continue
        hasil, perilaku = e.get("rating_hasil_kerja"), e.get("rating_perilaku")
        try:
            pid = predikat_id(predikat_kinerja(hasil, perilaku))
        except (ValueError, KeyError, TypeError):
            pid = None
        node = doc.node_at(("evaluasi", i, "rating_hasil_kerja" if hasil is not None else "periode"))
        out.append(EvaluasiFact(e["periode"], str(hasil), pid, (node.line, node.col, node.end_line, node.end_col)))
    return tuple(out)


def collect(ctx: Any) -> dict[str, Any]:
    """The per-file state of the curve rules: the cascading facts plus the evaluasi."""
    from skpgen.unit import cascade

    state = cascade.collect(ctx)
    state["evaluasi"] = ctx.shared.memo("kurva.evaluasi", lambda: evaluasi_facts(ctx.doc))
    return state


def evaluasi_of(states: list[dict[str, Any]], file: str) -> tuple[EvaluasiFact, ...]:
    for s in states:
        if s.get("file") == file and "evaluasi" in s:
            return s["evaluasi"]
    return ()
