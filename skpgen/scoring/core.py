"""PP 46/2011 (Perka BKN 1/2013) and PermenPANRB 6/2022 scoring — SPEC §4, exact Decimal arithmetic.

Pure functions over the plan as plain Python data (as loaded from YAML); no I/O.

Interpretations (documented in the README of the score command and in the tests):
- An activity counts as *not carried out* when its realised kuantitas (RO) is absent, null or 0
  (this covers a missing ``realisasi``, one whose values are all null, and one whose values are all 0).
  Every aspect used then scores 0 (branch ``tidak-dilaksanakan``), as SPEC §4.1 says.
- Otherwise a missing realised value counts as 0 in its formula (RK null → kualitas 0; RW null →
  RW = 0 → waktu 0; RB null with TB > 0 → biaya 0).
- An aspect is used only when its target is a number > 0 (biaya: TB non-null and > 0, SPEC §4.1);
  the divisor is the number of aspects used (3, or 4 with biaya).
- A plan in which no ``utama`` activity has any realised value has no score yet: every aspect value,
  perhitungan, nilai capaian, nilai SKP and predikat SKP are None.
- ``tambahan``/``kreatif`` activities get aspect values only when they have both a target and a
  realisation; they never enter the mean (only the bonuses do).
- waktu is computed in the target's ``satuan_waktu``; the realisation is taken to be in the same unit.
- permenpanrb-6-2022: no numeric nilai (tugas_tambahan, kreativitas, nilai_skp, nilai_perilaku,
  nilai_prestasi_kerja are None); ``predikat`` is the predikat kinerja of the ``tahunan`` evaluasi
  when there is one.
"""

from __future__ import annotations

from decimal import Context, Decimal, InvalidOperation, localcontext
from typing import Any, Iterable, Mapping

from .format import fmt_number, fmt_plain, round_half_up
from .konversi import angka_kredit_konversi
from .model import (
    ASPEK,
    BRANCH_GT24,
    BRANCH_LE24,
    BRANCH_NOT_DONE,
    BRANCH_RATIO,
    REGIME_6_2022,
    AspectScore,
    EvaluasiScore,
    IkiScore,
    KegiatanScore,
    PlanScore,
)

__all__ = [
    "to_decimal",
    "score_ratio",
    "score_time_like",
    "not_done_aspect",
    "score_kegiatan",
    "score_plan",
    "tugas_tambahan_bonus",
    "kreativitas_bonus",
    "nilai_perilaku",
    "predikat_pp46",
    "predikat_kinerja",
    "normalize_rating",
    "PREDIKAT_BANDS",
    "KREATIVITAS",
    "PERILAKU_PP46",
]

# 60 significant digits: products of inputs are exact; quotients such as 271/3 carry 60 digits.
_CTX = Context(prec=60)

NT = Decimal("1.76")          # nilai tertimbang
D100 = Decimal(100)
D76 = Decimal(76)
D24 = Decimal(24)

# SPEC §4.2: (minimum, label), judged on the printed (2 dp half-up) value
PREDIKAT_BANDS: tuple[tuple[Decimal, str], ...] = (
    (Decimal(91), "Sangat Baik"),
    (Decimal(76), "Baik"),
    (Decimal(61), "Cukup"),
    (Decimal(51), "Kurang"),
)
PREDIKAT_LOWEST = "Buruk"

KREATIVITAS: dict[str, int] = {"unit_kerja": 3, "organisasi": 6, "nasional": 12}

PERILAKU_PP46 = ("orientasi_pelayanan", "integritas", "komitmen", "disiplin", "kerja_sama", "kepemimpinan")

FORMULA = {
    "kuantitas": "RO / TO × 100",
    "kualitas": "RK / TK × 100",
    "waktu": {
        "efisiensi": "100 − (RW / TW × 100)",
        BRANCH_LE24: "((1,76 × TW − RW) / TW) × 100",
        BRANCH_GT24: "76 − ((((1,76 × TW − RW) / TW) × 100) − 100)",
    },
    "biaya": {
        "efisiensi": "100 − (RB / TB × 100)",
        BRANCH_LE24: "((1,76 × TB − RB) / TB) × 100",
        BRANCH_GT24: "76 − ((((1,76 × TB − RB) / TB) × 100) − 100)",
    },
}


# ---------------------------------------------------------------------------- inputs

def to_decimal(value: Any) -> Decimal | None:
    """int/float/str/Decimal → Decimal via ``Decimal(str(x))``; None, bools, text and NaN/inf → None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        d = value
    elif isinstance(value, (int, float)):
        d = Decimal(str(value))
    elif isinstance(value, str):
        try:
            d = Decimal(value.strip())
        except (InvalidOperation, ValueError):
            return None
    else:
        return None
    if not d.is_finite():
        return None
    return d


def _positive(value: Any) -> Decimal | None:
    d = to_decimal(value)
    return d if d is not None and d > 0 else None


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


# ---------------------------------------------------------------------------- aspects

def score_ratio(aspek: str, target: Decimal, realisasi: Decimal) -> AspectScore:
    """kuantitas = RO / TO × 100, kualitas = RK / TK × 100 (no cap). `target` must be > 0."""
    with localcontext(_CTX):
        value = realisasi * D100 / target
    return AspectScore(aspek=aspek, value=value, branch=BRANCH_RATIO, formula=FORMULA[aspek],
                       target=target, realisasi=realisasi)


def substituted(a: AspectScore) -> str:
    """An aspect's formula with its numbers (``AspectScore.substituted``)."""
    if a.branch == BRANCH_NOT_DONE or a.target is None or a.realisasi is None:
        return "0"
    t, r = fmt_plain(a.target), fmt_plain(a.realisasi)
    if a.branch == BRANCH_RATIO:
        return f"{r}/{t} × 100 = {fmt_number(a.value)}"
    assert a.efisiensi is not None
    head = f"efisiensi = 100 − ({r}/{t} × 100) = {_fmt_efisiensi(a.efisiensi)}%"
    if a.branch == BRANCH_LE24:
        return f"{head} ≤ 24% → ((1,76 × {t} − {r})/{t}) × 100 = {fmt_number(a.value)}"
    return f"{head} > 24% → 76 − ((((1,76 × {t} − {r})/{t}) × 100) − 100) = {fmt_number(a.value)}"


def _fmt_efisiensi(e: Decimal) -> str:
    shown = round_half_up(e, 2)
    if shown == D24 and e != D24:  # make the branch visible when rounding hides it
        shown = round_half_up(e, 6).normalize()
        return fmt_plain(shown)
    return fmt_number(e)


def score_time_like(aspek: str, target: Decimal, realisasi: Decimal, satuan: str | None = None) -> AspectScore:
    """waktu (TW, RW) or biaya (TB, RB), SPEC §4.1. `target` must be > 0.

    efisiensi = 100 − (R / T × 100); efisiensi ≤ 24 → ((1,76 × T − R) / T) × 100;
    efisiensi > 24 → 76 − ((((1,76 × T − R) / T) × 100) − 100). No cap, no floor.
    The branch test is done exactly (R × 100 ≥ 76 × T ⇔ efisiensi ≤ 24).
    """
    with localcontext(_CTX):
        efisiensi = D100 - realisasi * D100 / target
        base = (NT * target - realisasi) * D100 / target
        le24 = realisasi * D100 >= D76 * target
        value = base if le24 else D76 - (base - D100)
    branch = BRANCH_LE24 if le24 else BRANCH_GT24
    return AspectScore(aspek=aspek, value=value, branch=branch, formula=FORMULA[aspek][branch],
                       target=target, realisasi=realisasi, efisiensi=efisiensi, satuan=satuan)


def not_done_aspect(aspek: str, target: Decimal, satuan: str | None = None) -> AspectScore:
    """An aspect of an activity that was not carried out: 0."""
    return AspectScore(aspek=aspek, value=Decimal(0), branch=BRANCH_NOT_DONE, formula="0",
                       target=target, realisasi=None, satuan=satuan)


def _has_any_value(realisasi: Mapping[str, Any]) -> bool:
    return any(realisasi.get(k) is not None for k in ASPEK)


def score_kegiatan(kegiatan: Mapping[str, Any], *, score: bool = True) -> KegiatanScore:
    """Score one pp46 activity. With ``score=False`` (plan without any realisation) nothing is computed."""
    kid = _text(kegiatan.get("id"))
    jenis = _text(kegiatan.get("jenis"))
    uraian = _text(kegiatan.get("uraian"))
    raw_target = kegiatan.get("target")
    target = _mapping(raw_target)
    realisasi = _mapping(kegiatan.get("realisasi"))
    has_real = _has_any_value(realisasi)
    empty = {k: None for k in ASPEK}

    if not score or not target or (jenis != "utama" and not has_real):
        return KegiatanScore(kid, jenis, empty, None, None, has_real, uraian=uraian)

    targets = {
        "kuantitas": _positive(target.get("kuantitas")),
        "kualitas": _positive(target.get("kualitas")),
        "waktu": _positive(target.get("waktu")),
        "biaya": _positive(target.get("biaya")),
    }
    satuan_waktu = _text(target.get("satuan_waktu")) or "bulan"
    reals = {k: to_decimal(realisasi.get(k)) for k in ASPEK}

    ro = reals["kuantitas"]
    if targets["kuantitas"] is not None:
        done = ro is not None and ro != 0
    else:  # no usable output target: not done only when nothing at all was realised
        done = any(v is not None and v != 0 for v in reals.values())

    aspek: dict[str, AspectScore | None] = {}
    for k in ASPEK:
        t = targets[k]
        satuan = satuan_waktu if k == "waktu" else None
        if t is None:
            aspek[k] = None
        elif not done:
            aspek[k] = not_done_aspect(k, t, satuan)
        else:
            r = reals[k] if reals[k] is not None else Decimal(0)
            aspek[k] = score_ratio(k, t, r) if k in ("kuantitas", "kualitas") else score_time_like(k, t, r, satuan)

    used = [a for a in aspek.values() if a is not None]
    if not used:
        return KegiatanScore(kid, jenis, aspek, None, None, has_real, uraian=uraian, dilaksanakan=done)
    with localcontext(_CTX):
        perhitungan = sum((a.value for a in used), Decimal(0))
        nilai = perhitungan / len(used)
    return KegiatanScore(kid, jenis, aspek, perhitungan, nilai, has_real, uraian=uraian, dilaksanakan=done)


# ---------------------------------------------------------------------------- whole plan (pp46)

def _has_bukti(kegiatan: Mapping[str, Any]) -> bool:
    bukti = kegiatan.get("bukti")
    if isinstance(bukti, str):
        return bool(bukti.strip())
    if isinstance(bukti, (list, tuple)):
        for item in bukti:
            if isinstance(item, str) and item.strip():
                return True
            if isinstance(item, Mapping) and any(v not in (None, "") for v in item.values()):
                return True
    return False


def tugas_tambahan_bonus(count: int) -> int:
    """0 → 0, 1–3 → 1, 4–6 → 2, ≥ 7 → 3 (count of tambahan activities with bukti)."""
    if count <= 0:
        return 0
    if count <= 3:
        return 1
    if count <= 6:
        return 2
    return 3


def kreativitas_bonus(tingkat: Iterable[str | None]) -> tuple[int, str | None]:
    """Highest tingkat among the kreatif activities with bukti → (value, tingkat); none → (0, None)."""
    best: tuple[int, str | None] = (0, None)
    for t in tingkat:
        v = KREATIVITAS.get(t or "")
        if v is not None and v > best[0]:
            best = (v, t)
    return best


def angka_kredit(ak_per_unit: Any, kuantitas: Any) -> Decimal | None:
    """AK of a kegiatan = AK per unit × kuantitas (target or realisasi); None when either is absent."""
    ak, q = to_decimal(ak_per_unit), to_decimal(kuantitas)
    if ak is None or q is None:
        return None
    with localcontext(_CTX):
        return ak * q


BOBOT_SKP = Decimal("0.6")       # nilai prestasi kerja = 60 % nilai SKP …
BOBOT_PERILAKU = Decimal("0.4")  # … + 40 % nilai perilaku (PP 46/2011)


def nilai_perilaku(perilaku: Any) -> tuple[Decimal | None, dict[str, Decimal]]:
    """pp46 nilai perilaku = mean of the aspects given (5, or 6 with kepemimpinan)."""
    p = _mapping(perilaku)
    values = {k: d for k in PERILAKU_PP46 if (d := to_decimal(p.get(k))) is not None}
    if not values:
        return None, {}
    with localcontext(_CTX):
        return sum(values.values(), Decimal(0)) / len(values), values


def predikat_pp46(value: Decimal | int | float | str | None) -> str | None:
    """Band of SPEC §4.2 on the printed value (half-up, 2 dp): ≥91 Sangat Baik, ≥76 Baik, ≥61 Cukup,
    ≥51 Kurang, else Buruk. ``90.995`` prints ``91,00`` → Sangat Baik; ``90.99`` → Baik."""
    d = to_decimal(value)
    if d is None:
        return None
    shown = round_half_up(d, 2)
    for minimum, label in PREDIKAT_BANDS:
        if shown >= minimum:
            return label
    return PREDIKAT_LOWEST


# ---------------------------------------------------------------------------- permenpanrb-6-2022

_RATINGS = ("di_atas_ekspektasi", "sesuai_ekspektasi", "di_bawah_ekspektasi")

# (rating hasil kerja, rating perilaku) → predikat kinerja (SPEC §4.3: rows perilaku, columns hasil)
_MATRIX: dict[tuple[str, str], str] = {
    ("di_atas_ekspektasi", "di_atas_ekspektasi"): "Sangat Baik",
    ("sesuai_ekspektasi", "di_atas_ekspektasi"): "Baik",
    ("di_bawah_ekspektasi", "di_atas_ekspektasi"): "Butuh Perbaikan",
    ("di_atas_ekspektasi", "sesuai_ekspektasi"): "Baik",
    ("sesuai_ekspektasi", "sesuai_ekspektasi"): "Baik",
    ("di_bawah_ekspektasi", "sesuai_ekspektasi"): "Butuh Perbaikan",
    ("di_atas_ekspektasi", "di_bawah_ekspektasi"): "Kurang/Misconduct",
    ("sesuai_ekspektasi", "di_bawah_ekspektasi"): "Kurang/Misconduct",
    ("di_bawah_ekspektasi", "di_bawah_ekspektasi"): "Sangat Kurang",
}


def normalize_rating(rating: str) -> str:
    """``"Di Atas Ekspektasi"``, ``"di-atas"``, ``"di_atas_ekspektasi"`` → ``"di_atas_ekspektasi"``.

    Raises ValueError for anything else."""
    key = "_".join(str(rating).strip().lower().replace("-", " ").replace("_", " ").split())
    if not key.endswith("_ekspektasi"):
        key += "_ekspektasi"
    if key not in _RATINGS:
        raise ValueError(f"rating tidak dikenal: {rating!r}")
    return key


def predikat_kinerja(rating_hasil: str, rating_perilaku: str) -> str:
    """Predikat kinerja pegawai from rating hasil kerja and rating perilaku (SPEC §4.3 matrix)."""
    return _MATRIX[(normalize_rating(rating_hasil), normalize_rating(rating_perilaku))]


def _iki_number(value: Any) -> Decimal | None:
    if isinstance(value, Mapping):
        value = value.get("nilai")
    return to_decimal(value) if not isinstance(value, str) else None


def _score_iki(kegiatan: Mapping[str, Any]) -> list[IkiScore]:
    items = kegiatan.get("indikator")
    if not isinstance(items, list):
        return []
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, Mapping):
            continue
        t = _iki_number(item.get("target"))
        r = _iki_number(item.get("realisasi"))
        capaian = None
        if t is not None and t > 0 and r is not None:
            with localcontext(_CTX):
                capaian = r * D100 / t
        out.append(IkiScore(i, _text(item.get("teks")), _text(item.get("aspek")), t, r, capaian))
    return out


def _score_6_2022(plan: Mapping[str, Any], kegiatan: list[Mapping[str, Any]]) -> PlanScore:
    empty = {k: None for k in ASPEK}
    ks = [
        KegiatanScore(_text(k.get("id")), _text(k.get("jenis")), dict(empty), None, None,
                      _has_any_value(_mapping(k.get("realisasi"))) or any(i.realisasi is not None for i in iki),
                      uraian=_text(k.get("uraian")), iki=iki)
        for k in kegiatan
        for iki in (_score_iki(k),)
    ]
    evals = []
    raw = plan.get("evaluasi")
    for e in raw if isinstance(raw, list) else []:
        if not isinstance(e, Mapping):
            continue
        hasil, perilaku = e.get("rating_hasil_kerja"), e.get("rating_perilaku")
        try:
            pk = predikat_kinerja(hasil, perilaku) if hasil is not None and perilaku is not None else None
        except (ValueError, KeyError):
            pk = None
        evals.append(EvaluasiScore(_text(e.get("periode")), _text(hasil), _text(perilaku), pk))
    tahunan = [e.predikat_kinerja for e in evals if e.periode == "tahunan" and e.predikat_kinerja]
    ak = angka_kredit_konversi(plan, ((e.periode, e.predikat_kinerja) for e in evals))
    return PlanScore(
        aturan=REGIME_6_2022, kegiatan=ks, tugas_tambahan=None, kreativitas=None, nilai_skp=None,
        predikat_skp=None, nilai_perilaku=None, nilai_prestasi_kerja=None,
        predikat=tahunan[-1] if tahunan else None, evaluasi=evals,
        jumlah_utama=sum(1 for k in ks if k.jenis == "utama"),
        has_realisasi=any(k.has_realisasi for k in ks), angka_kredit=ak,
    )


# ---------------------------------------------------------------------------- entry point

def score_plan(plan: Mapping[str, Any]) -> PlanScore:
    """Score a plan given as plain data (SPEC §3). Never raises on odd data: what cannot be
    computed is None."""
    plan = _mapping(plan)
    aturan = _text(plan.get("aturan"))
    raw = plan.get("kegiatan")
    kegiatan = [k for k in raw if isinstance(k, Mapping)] if isinstance(raw, list) else []
    if aturan == REGIME_6_2022:
        return _score_6_2022(plan, kegiatan)

    utama = [k for k in kegiatan if k.get("jenis") == "utama"]
    scored = any(_has_any_value(_mapping(k.get("realisasi"))) for k in utama)
    ks = [score_kegiatan(k, score=scored) for k in kegiatan]

    n_tambahan = sum(1 for k in kegiatan if k.get("jenis") == "tambahan" and _has_bukti(k))
    tambahan = tugas_tambahan_bonus(n_tambahan)
    kreativitas, tingkat = kreativitas_bonus(
        _text(k.get("tingkat")) for k in kegiatan if k.get("jenis") == "kreatif" and _has_bukti(k))

    nilai_utama = [k.nilai_capaian for k in ks if k.jenis == "utama" and k.nilai_capaian is not None]
    mean = nilai_skp = None
    if scored and nilai_utama:
        with localcontext(_CTX):
            mean = sum(nilai_utama, Decimal(0)) / len(nilai_utama)
            nilai_skp = mean + tambahan + kreativitas
    perilaku_value, perilaku = nilai_perilaku(plan.get("perilaku_kerja"))
    npk = bagian_skp = bagian_perilaku = None
    with localcontext(_CTX):
        if nilai_skp is not None:
            bagian_skp = BOBOT_SKP * nilai_skp
        if perilaku_value is not None:
            bagian_perilaku = BOBOT_PERILAKU * perilaku_value
        if bagian_skp is not None and bagian_perilaku is not None:
            npk = bagian_skp + bagian_perilaku
    return PlanScore(
        bagian_skp=bagian_skp, bagian_perilaku=bagian_perilaku,
        jumlah_perilaku=sum(perilaku.values(), Decimal(0)) if perilaku else None,
        aturan=aturan, kegiatan=ks, tugas_tambahan=tambahan, kreativitas=kreativitas,
        nilai_skp=nilai_skp, predikat_skp=predikat_pp46(nilai_skp),
        nilai_perilaku=perilaku_value, nilai_prestasi_kerja=npk, predikat=predikat_pp46(npk),
        rata_rata_utama=mean, jumlah_utama=len(nilai_utama) if scored else len(utama),
        jumlah_tambahan_berbukti=n_tambahan, tingkat_kreativitas=tingkat, perilaku=perilaku,
        has_realisasi=scored,
    )
