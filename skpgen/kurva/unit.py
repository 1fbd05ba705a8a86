"""The distribution curve of the units of a folder (``skpgen unit kurva``, the unit summary, the
Evaluasi forms): each unit file's organisation predikat per period against its employees' predikat,
from the plans' ``evaluasi`` or from e-Kinerja exports.

The unit's employees are the members of its hierarchy with a plan of the unit's year, without the
leader (rated by the leader above: their rating hasil kerja *is* the unit's achievement, see
U750). With a "Laporan SKP" export, membership comes from the export's unit column instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from skpgen.kurva import HasilKurva, KurvaUnit, cek_kurva, kurva_unit, msg, predikat_rencana

__all__ = ["KurvaPeriode", "kurva_laporan", "kurva_units"]

PERIODS = ("triwulan-1", "triwulan-2", "triwulan-3", "triwulan-4", "tahunan")


@dataclass(frozen=True)
class KurvaPeriode:
    file: str              # the unit file
    unit: str
    periode: str
    hasil: HasilKurva
    sumber: str            # "skp" | "ekinerja"

    def to_json(self) -> dict[str, Any]:
        return self.hasil.to_json(self.unit, self.periode)


def _members(report: Any) -> list[tuple[str, Any]]:
    """(NIP, plan facts) of the unit's employees with a plan of the unit's year (leader excluded),
    in hierarchy order."""
    return _staff(report.unit, report.hierarchy)


def _staff(unit: Any, h: Any) -> list[tuple[str, Any]]:
    out = []
    for m in h.ordered():
        if m.nip == unit.pimpinan or not m.plans:
            continue
        out.append((m.nip, m.plans[0]))
    return out


def kurva_units(reports: Iterable[Any], docs: dict[str, Any], periode: str | None = None,
                ekinerja: Any = None, lang: str = "id") -> list[KurvaPeriode]:
    """The curve of every unit and period (``periode`` limits it to one) of the analysed reports."""
    out: list[KurvaPeriode] = []
    for report in reports:
        unit = report.unit
        if unit is None or report.hierarchy is None:
            continue
        periods = [p for p in PERIODS if p in unit.predikat_organisasi and (periode is None or p == periode)]
        if ekinerja is not None:
            nips = (ekinerja.anggota(unit.nama, unit.instansi) if ekinerja.ada_laporan
                    else [nip for nip, _ in _members(report)])
            nips = [n for n in nips if n != unit.pimpinan]
            predikat = [ekinerja.predikat.get(n) for n in nips]
            for p in periods:
                out.append(KurvaPeriode(unit.file, unit.nama, p,
                                        cek_kurva(predikat, unit.predikat_organisasi[p], lang), "ekinerja"))
            continue
        plans = [docs[f.file].data for _, f in _members(report) if f.file in docs]
        ku = kurva_unit(unit.nama, {p: unit.predikat_organisasi[p] for p in periods}, plans, lang)
        out += [KurvaPeriode(unit.file, unit.nama, p, ku.kurva[p], "skp") for p in periods]
    return out


def kurva_unit_of(report: Any, docs: dict[str, Any], lang: str = "id") -> KurvaUnit:
    """What the forms of the unit's employees need (the curve of every period set in the unit file)."""
    curves = kurva_units([report], docs, lang=lang)
    return KurvaUnit(report.unit.nama, dict(report.unit.predikat_organisasi), {k.periode: k.hasil for k in curves})


_X = ("sangat_kurang", "kurang", "butuh_perbaikan", "baik", "sangat_baik")


def format_text(curves: list[KurvaPeriode], lang: str = "id") -> str:
    """The curves as text: per unit and period the counts as bars, each rule with its rounded limit
    and outcome, the small-unit statements, the violations, and the rule table applied."""
    from skpgen.kurva import PREDIKAT_LABEL, tabel_kurva

    lines: list[str] = []
    width = max(len(PREDIKAT_LABEL[p]) for p in _X)
    for k in curves:
        h = k.hasil
        lines.append(msg("teks_kepala", lang, unit=k.unit, periode=k.periode,
                         organisasi=msg(f"organisasi_{h.organisasi}", lang), n=h.n,
                         sumber=msg(f"sumber_{k.sumber}", lang)))
        for p in _X:
            lines.append(f"  {PREDIKAT_LABEL[p].ljust(width)}  {h.jumlah[p]:>3}  {'█' * h.jumlah[p]}".rstrip())
        for r in h.hasil:
            lines.append("  " + msg("hasil_aturan", lang, predikat=r.predikat_teks, jumlah=r.jumlah, n=h.n,
                                    batas=r.batas_teks, status=msg("status_patuh" if r.patuh else "status_langgar", lang)))
        lines += [f"  {c}" for c in h.catatan]
        if h.tanpa_predikat:
            lines.append("  " + msg("teks_tanpa_predikat", lang, n=h.tanpa_predikat))
        lines.append("  " + (msg("teks_patuh", lang) if h.patuh else msg("teks_langgar", lang, n=len(h.pelanggaran))))
        lines.append("")
    lines.append(tabel_kurva().keterangan(lang))
    return "\n".join(lines) + "\n"


def curves_from_states(states: list[dict[str, Any]], lang: str = "id") -> list[tuple[Any, set[str], str, HasilKurva]]:
    """(unit, files findings may go to, periode, curve) of every unit file of a lint run, from the
    per-file states the curve rules collect (:mod:`skpgen.kurva.facts`)."""
    from skpgen.kurva.facts import evaluasi_of
    from skpgen.unit import cascade

    out = []
    for uc, report in cascade.from_states(states):
        unit = uc.unit
        files = [f.file for _, f in _staff(unit, uc.hierarchy)]
        for periode in PERIODS:
            org = unit.predikat_organisasi.get(periode)
            if org is None:
                continue
            predikat = []
            for f in files:
                found = None
                for ev in evaluasi_of(states, f):
                    if ev.periode == periode:
                        found = ev.predikat
                predikat.append(found)
            out.append((unit, report, periode, cek_kurva(predikat, org, lang)))
    return out


def units_for_plans(unit_files: list[tuple[str, str]], items: list[tuple[str, str]], lang: str = "id",
                    max_bytes: int | None = None, max_depth: int | None = None) -> dict[str, KurvaUnit]:
    """plan path → :class:`KurvaUnit` of the unit file whose folder holds it (same year), for the
    forms of a render batch. ``unit_files`` and ``items``: (path, display) pairs. Invalid unit files
    and plans are left out here (the batch reports the plans; ``skpgen unit`` the unit files)."""
    from pathlib import Path

    from skpgen.pipeline import load_and_validate
    from skpgen.unit.facts import plan_facts
    from skpgen.unit.hierarchy import assign_plans, build_hierarchy
    from skpgen.unit.model import read_unit

    units = []
    for path, display in unit_files:
        res = read_unit(path, display, lang)
        if res.unit is not None:
            units.append(res.unit)
    if not units:
        return {}
    kw = {k: v for k, v in (("max_bytes", max_bytes), ("max_depth", max_depth)) if v is not None}
    facts, data, path_of = [], {}, {}
    for path, display in items:
        doc, findings, failed = load_and_validate(Path(path), display, lang, **kw)
        if failed or doc is None or any(f.severity == "error" for f in findings):
            continue
        f = plan_facts(doc)
        facts.append(f)
        data[f.file] = doc.data
        path_of[f.file] = path
    out: dict[str, KurvaUnit] = {}
    for unit in units:
        mine = assign_plans(units, facts)[unit.file]
        h = build_hierarchy(unit, mine)
        staff = [data[f.file] for _, f in _staff(unit, h)]
        ku = kurva_unit(unit.nama, dict(unit.predikat_organisasi), staff, lang)
        for p in mine:
            if p.tahun == unit.tahun:
                out[path_of[p.file]] = ku
    return out
