"""The text summary of ``skpgen unit DIR``: each unit's hierarchy, then its findings."""

from __future__ import annotations

from typing import Any

from skpgen.unit.model import ut


def format_text(result: Any, lang: str = "id") -> str:
    from skpgen.report import format_concise

    out: list[str] = []
    for report in result.reports:
        unit, h = report.unit, report.hierarchy
        if unit is None or h is None:
            out.append(ut("summary.invalid", lang, file=report.file, n=len(report.findings)))
        else:
            out.append(ut("summary.head", lang, nama=unit.nama, tahun=unit.tahun, file=report.file))
            out.append(ut("summary.instansi", lang, instansi=unit.instansi))
            if unit.predikat_organisasi:
                pairs = ", ".join(f"{k}: {v}" for k, v in unit.predikat_organisasi.items())
                out.append(ut("summary.predikat", lang, pairs=pairs))
            n_plans = sum(1 for m in h.members.values() if m.plans)
            out.append(ut("summary.count", lang, n=len(h.members), plans=n_plans))
            for m in h.ordered():
                indent = "  " * (m.level + 1 if m.level is not None else 1)
                who = m.nama or "?"
                jabatan = f" — {m.jabatan}" if m.jabatan else ""
                if m.plan is not None:
                    state = ut("summary.rhk", lang, n=len(m.plan.rhk))
                else:
                    state = ut("summary.no_plan", lang, tahun=unit.tahun)
                outside = "" if m.level is not None else " " + ut("summary.outside", lang)
                out.append(f"{indent}{who} ({m.nip}){jabatan} [{state}]{outside}")
        if report.findings:
            out.append(ut("summary.findings", lang, n=len(report.findings)))
            out.append(format_concise(report.findings).rstrip("\n"))
        else:
            out.append(ut("summary.clean", lang))
        out.append("")
    return "\n".join(out) + ("\n" if out else "")
