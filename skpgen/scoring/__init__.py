"""Exact SKP scoring (SPEC §4): the single implementation every command takes its figures from.

Pure: plain plan data in, dataclasses of Decimals out; no I/O, stdlib only.

    >>> from skpgen.scoring import score_plan
    >>> s = score_plan(plan_dict)
    >>> s.nilai_skp, s.predikat_skp, s.to_json("file.yaml")
"""

from .core import (
    angka_kredit,
    kreativitas_bonus,
    nilai_perilaku,
    normalize_rating,
    predikat_kinerja,
    predikat_pp46,
    score_kegiatan,
    score_plan,
    score_ratio,
    score_time_like,
    to_decimal,
    tugas_tambahan_bonus,
)
from .explain import ExplainLine, explain, explain_kegiatan
from .format import fmt_number, fmt_plain, round_half_up
from .model import (
    ASPEK,
    BRANCH_GT24,
    BRANCH_LE24,
    BRANCH_NOT_DONE,
    BRANCH_RATIO,
    AspectScore,
    EvaluasiScore,
    IkiScore,
    KegiatanScore,
    PlanScore,
)

__all__ = [
    "ASPEK", "angka_kredit", "BRANCH_GT24", "BRANCH_LE24", "BRANCH_NOT_DONE", "BRANCH_RATIO",
    "AspectScore", "EvaluasiScore", "ExplainLine", "IkiScore", "KegiatanScore", "PlanScore",
    "explain", "explain_kegiatan", "fmt_number", "fmt_plain", "kreativitas_bonus", "nilai_perilaku",
    "normalize_rating", "predikat_kinerja", "predikat_pp46", "round_half_up", "score_kegiatan",
    "score_plan", "score_ratio", "score_time_like", "to_decimal", "tugas_tambahan_bonus",
]
