"""One pass over a folder for the unit commands: every unit file and plan under the paths, the
cascading findings (through the lint engine, so config, suppressions and severities are those of
``skpgen lint``), and each unit's hierarchy.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from skpgen.findings import Finding
from skpgen.unit.facts import PlanFacts, plan_facts
from skpgen.unit.cascade import UnitCascade, cascade
from skpgen.unit.hierarchy import Hierarchy, assign_plans, resolved_path
from skpgen.unit.model import Unit

# what `skpgen unit` reports besides schema errors: the unit rules and the reference checks
CASCADE_SELECT = ["U", "R402", "R406"]


@dataclass
class UnitReport:
    file: str
    unit: Unit | None
    cascade: UnitCascade | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def hierarchy(self) -> Hierarchy | None:
        return self.cascade.hierarchy if self.cascade is not None else None


@dataclass
class FolderAnalysis:
    reports: list[UnitReport]
    plans: list[PlanFacts]
    findings: list[Finding]
    load_failed: bool = False
    errors: list[str] = field(default_factory=list)  # run problems (no files, no unit file, …)
    crashes: list[str] = field(default_factory=list)
    docs: dict[str, Any] = field(default_factory=dict)  # file → loaded document (valid plans)


def analyse(targets: Iterable[Any], lang: str = "id", config: Any = None, select: list[str] | None = None,
            keep_docs: bool = False) -> FolderAnalysis:
    """Lint ``targets`` (objects with ``path``, ``display`` and ``unit``: the command's file walk)
    with the cascading rules (``select``, default :data:`CASCADE_SELECT`) and build the hierarchy
    of every valid unit file among them. ``config``: a lint Config (default: built-in defaults)."""
    from skpgen.lint.config import Config
    from skpgen.lint.engine import Settings, finish_batch, lint_path, lint_unit_path
    from skpgen.unit.model import unit_from_document

    cfg = config if config is not None else Config()
    cfg.select = list(select or CASCADE_SELECT)
    settings = Settings(config=cfg, lang=lang)
    findings: list[Finding] = []
    plans: list[PlanFacts] = []
    units: list[tuple[str, Unit | None]] = []
    docs: dict[str, Any] = {}
    load_failed = False
    for target in targets:
        if target.unit:
            result = lint_unit_path(target.path, target.display, settings)
            unit = None
            if result.doc is not None and not _invalid(result.findings):
                try:
                    unit = unit_from_document(result.doc)
                except (KeyError, TypeError, AttributeError):  # an error suppressed inline
                    unit = None
            units.append((target.display, unit))
        else:
            result = lint_path(target.path, target.display, settings)
            if result.doc is not None and not _invalid(result.findings):
                plans.append(plan_facts(result.doc))
                if keep_docs:
                    docs[target.display] = result.doc
        load_failed |= result.load_failed
        findings.extend(result.findings)
    findings.extend(finish_batch(settings))
    findings.sort(key=Finding.sort_key)
    valid = [u for _, u in units if u is not None]
    by_unit = assign_plans(valid, plans)
    reports: list[UnitReport] = []
    for file, unit in units:
        if unit is None:
            reports.append(UnitReport(file, None, None, [f for f in findings if f.file == file]))
            continue
        folder = resolved_path(file).parent
        mine = [f for f in findings if f.file == file or _under(f.file, folder)]
        reports.append(UnitReport(file, unit, cascade(unit, by_unit[unit.file]), mine))
    return FolderAnalysis(reports, plans, findings, load_failed, [], settings.crashes, docs)


def _invalid(findings: list[Finding]) -> bool:
    return any(f.code.startswith("E0") and f.code < "E090" for f in findings)


def _under(file: str, folder: Path) -> bool:
    here = resolved_path(file)
    return folder in here.parents


def report_json(report: UnitReport) -> dict[str, Any]:
    """The stable JSON object of one unit (``skpgen unit --format json``)."""
    unit, h = report.unit, report.hierarchy
    out: dict[str, Any] = {"file": report.file, "unit": unit.nama if unit else None,
                           "instansi": unit.instansi if unit else None, "tahun": unit.tahun if unit else None,
                           "pimpinan": unit.pimpinan if unit else None,
                           "predikat_organisasi": dict(unit.predikat_organisasi) if unit else {},
                           "pegawai": [], "temuan": [f.to_json() for f in report.findings]}
    if h is not None:
        for m in h.ordered():
            out["pegawai"].append({
                "nip": m.nip, "nama": m.nama or None, "jabatan": m.jabatan or None, "level": m.level,
                "pejabat_penilai": m.penilai, "atasan_rhk": h.supervisors(m.nip),
                "bawahan": sorted(m.children), "skp": [p.file for p in m.plans],
                "rhk": [{"id": r.id, "jenis": r.jenis, "uraian": r.uraian, "rhk_atasan": r.rhk_atasan}
                        for r in (m.plan.rhk if m.plan else ())],
            })
    return out
