"""Human-readable explanation of every figure of a PlanScore (SPEC §4.2 "every figure is explainable").

Words come from ``labels.toml`` beside this module (Indonesian ``id``, English ``en``); numbers are
always printed the Indonesian way, rounded half-up to 2 decimals for display only.
"""

from __future__ import annotations

import functools
from typing import Any

from .format import fmt_number, fmt_plain
from .core import normalize_rating
from .konversi import AngkaKredit, tabel_konversi
from .model import ASPEK, BRANCH_NOT_DONE, KegiatanScore, PlanScore

__all__ = ["ExplainLine", "explain", "explain_angka_kredit", "explain_kegiatan", "label", "rating_word"]


@functools.lru_cache(maxsize=1)
def _labels() -> dict[str, dict[str, str]]:
    import tomllib
    from importlib import resources

    text = resources.files(__package__).joinpath("labels.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def label(key: str, lang: str = "id", **kw: Any) -> str:
    """A formatted label from labels.toml (falls back to Indonesian for an unknown language)."""
    from skpgen.i18n import _is_one

    table = _labels()
    words = table.get(lang, table["id"])
    if _is_one(kw) and key + "_one" in words:
        key += "_one"  # singular wording ("1 activity with evidence")
    template = words.get(key) or table["id"][key]
    return template.format(**kw)


class ExplainLine(str):
    """A line of explanation: a str (so it prints as such) with structure attached.

    ``kegiatan`` is the activity id (None for plan-level lines), ``topic`` what the line is about
    (an aspect name, "perhitungan", "nilai_capaian", "nilai_skp", …), ``level`` 0 for headings, 1 for
    details."""

    kegiatan: str | None
    topic: str
    level: int

    def __new__(cls, text: str, *, topic: str, kegiatan: str | None = None, level: int = 1) -> "ExplainLine":
        obj = super().__new__(cls, text)
        obj.kegiatan, obj.topic, obj.level = kegiatan, topic, level
        return obj

    @property
    def text(self) -> str:
        return str.__str__(self)


def rating_word(rating: str | None, lang: str = "id") -> str:
    """``"sesuai_ekspektasi"`` → ``"Sesuai Ekspektasi"`` (forms and text print words, never identifiers)."""
    try:
        return label(f"rating_{normalize_rating(rating or '')}", lang)
    except ValueError:
        return rating or "-"


def _head(k: KegiatanScore, lang: str) -> ExplainLine:
    return ExplainLine(label("kegiatan_head", lang, id=k.id or "?", jenis=k.jenis or "?", uraian=k.uraian or ""),
                       topic="kegiatan", kegiatan=k.id, level=0)


def explain_kegiatan(k: KegiatanScore, lang: str = "id") -> list[ExplainLine]:
    """Lines for one activity: each aspect with its branch and substituted numbers, perhitungan, nilai."""
    lines = [_head(k, lang)]
    if not k.aspects_used:
        lines.append(ExplainLine(label("no_aspects", lang), topic="kegiatan", kegiatan=k.id))
        return lines
    for name in ASPEK:
        a = k.aspek.get(name)
        if a is None:
            text = label("not_used_biaya" if name == "biaya" else "not_used", lang)
            lines.append(ExplainLine(label("aspect_line", lang, aspek=name, text=text), topic=name, kegiatan=k.id))
            continue
        text = label("not_done", lang) if a.branch == BRANCH_NOT_DONE else a.substituted
        if name == "waktu":
            line = label("aspect_waktu_line", lang, satuan=a.satuan or "bulan", text=text)
        else:
            line = label("aspect_line", lang, aspek=name, text=text)
        lines.append(ExplainLine(line, topic=name, kegiatan=k.id))
    used = k.aspects_used
    terms = " + ".join(fmt_number(a.value) for a in used)
    total = fmt_number(k.perhitungan)
    lines.append(ExplainLine(label("perhitungan", lang, terms=terms, total=total), topic="perhitungan", kegiatan=k.id))
    lines.append(ExplainLine(label("nilai_capaian", lang, total=total, n=len(used), value=fmt_number(k.nilai_capaian)),
                             topic="nilai_capaian", kegiatan=k.id))
    return lines


def _explain_6_2022(score: PlanScore, lang: str) -> list[ExplainLine]:
    lines: list[ExplainLine] = []
    for kid, i in score.iki:
        if i.capaian is None:
            continue
        lines.append(ExplainLine(label("iki", lang, id=kid or "?", n=i.index + 1, aspek=i.aspek or "-",
                                       r=fmt_plain(i.realisasi), t=fmt_plain(i.target), value=fmt_number(i.capaian)),
                                 topic="iki", kegiatan=kid))
    for e in score.evaluasi or ():
        if e.predikat_kinerja is None:
            lines.append(ExplainLine(label("evaluasi_invalid", lang, periode=e.periode or "?"), topic="evaluasi"))
        else:
            lines.append(ExplainLine(label("evaluasi", lang, periode=e.periode or "?",
                                           hasil=rating_word(e.rating_hasil_kerja, lang),
                                           perilaku=rating_word(e.rating_perilaku, lang), predikat=e.predikat_kinerja),
                                     topic="evaluasi"))
    if score.evaluasi:
        lines.append(ExplainLine(label("matrix_rule", lang), topic="aturan"))
    lines += explain_angka_kredit(score.angka_kredit, lang)
    return lines


def explain_angka_kredit(ak: AngkaKredit | None, lang: str = "id") -> list[ExplainLine]:
    """The conversion of each counted period, the total, the rule and the table (with its labels)."""
    if ak is None or ak.alasan == "bukan_6_2022":
        return []
    if ak.alasan is not None:
        return [ExplainLine(label(f"ak_{ak.alasan}", lang), topic="angka_kredit")]
    tabel = tabel_konversi()
    lines = [ExplainLine(label("ak_jenjang", lang, jenjang=tabel.jenjang_nama[ak.jenjang],
                               sumber=label(f"ak_sumber_{ak.sumber_jenjang}", lang),
                               koefisien=fmt_plain(ak.koefisien)), topic="angka_kredit")]
    for r in ak.rincian:
        lines.append(ExplainLine(label("ak_periode", lang, periode=r.periode, predikat=r.predikat,
                                       persen=fmt_plain(r.persen), koefisien=fmt_plain(r.koefisien),
                                       bulan=r.bulan, value=fmt_number(r.nilai)), topic="angka_kredit"))
    if len(ak.rincian) > 1:
        lines.append(ExplainLine(label("ak_total", lang, terms=" + ".join(fmt_number(r.nilai) for r in ak.rincian),
                                       value=fmt_number(ak.total)), topic="angka_kredit"))
    lines.append(ExplainLine(label("ak_aturan", lang), topic="angka_kredit"))
    lines.append(ExplainLine(label("ak_tabel", lang, tabel=tabel.keterangan()), topic="angka_kredit"))
    return lines


def explain(score: PlanScore, lang: str = "id") -> list[ExplainLine]:
    """Every figure of the plan with its formula branch and substituted numbers.

    Example line: ``waktu (bulan): efisiensi = 100 − (9/12 × 100) = 25,00% > 24% →
    76 − ((((1,76 × 12 − 9)/12) × 100) − 100) = 75,00``."""
    if score.is_6_2022:
        return _explain_6_2022(score, lang)
    lines: list[ExplainLine] = []
    if not score.has_realisasi:
        lines.append(ExplainLine(label("no_score", lang), topic="nilai_skp", level=0))
        return lines
    for k in score.kegiatan:
        lines.extend(explain_kegiatan(k, lang))
    utama = [k for k in score.kegiatan if k.jenis == "utama" and k.nilai_capaian is not None]
    if utama:
        terms = " + ".join(fmt_number(k.nilai_capaian) for k in utama)
        lines.append(ExplainLine(label("mean_utama", lang, terms=terms, n=len(utama),
                                       value=fmt_number(score.rata_rata_utama)), topic="rata_rata_utama", level=0))
    else:
        lines.append(ExplainLine(label("no_utama", lang), topic="rata_rata_utama", level=0))
    lines.append(ExplainLine(label("tambahan", lang, count=score.jumlah_tambahan_berbukti, value=score.tugas_tambahan),
                             topic="tugas_tambahan", level=0))
    if score.tingkat_kreativitas:
        lines.append(ExplainLine(label("kreativitas", lang, tingkat=score.tingkat_kreativitas, value=score.kreativitas),
                                 topic="kreativitas", level=0))
    else:
        lines.append(ExplainLine(label("kreativitas_none", lang), topic="kreativitas", level=0))
    if score.nilai_skp is not None:
        lines.append(ExplainLine(label("nilai_skp", lang, mean=fmt_number(score.rata_rata_utama),
                                       tambahan=score.tugas_tambahan, kreativitas=score.kreativitas,
                                       value=fmt_number(score.nilai_skp), predikat=score.predikat_skp),
                                 topic="nilai_skp", level=0))
    if score.nilai_perilaku is not None:
        terms = " + ".join(fmt_plain(v) for v in score.perilaku.values())
        lines.append(ExplainLine(label("nilai_perilaku", lang, terms=terms, n=len(score.perilaku),
                                       value=fmt_number(score.nilai_perilaku)), topic="nilai_perilaku", level=0))
    else:
        lines.append(ExplainLine(label("no_perilaku", lang), topic="nilai_perilaku", level=0))
    if score.nilai_prestasi_kerja is not None:
        lines.append(ExplainLine(label("npk", lang, skp=fmt_number(score.nilai_skp),
                                       perilaku=fmt_number(score.nilai_perilaku),
                                       value=fmt_number(score.nilai_prestasi_kerja), predikat=score.predikat),
                                 topic="nilai_prestasi_kerja", level=0))
    lines.append(ExplainLine(label("band_rule", lang), topic="aturan", level=0))
    return lines
