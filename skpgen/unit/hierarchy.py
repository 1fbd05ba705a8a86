"""The hierarchy of a unit's folder, built from each plan's ``pejabat_penilai.nip``.

Which plans belong to a unit: the plans of the unit's ``tahun`` in the unit file's folder (and
below it); with unit files in nested folders, a plan belongs to the nearest one. The leader comes
from the unit file; every other member hangs under the pejabat penilai named in their plan, so a
Kepala Bidang → Kepala Seksi → staff unit has three levels. Teams (``tim``) add a second supervisor
whose RHK a member may intervene (two-level cascading without a change of penilai).

Members are everyone the unit knows of: the leader, the plans' employees, the matrix rows and
team members, and employees with a plan of another year in the folder; a member without a plan for
the year is what the cascading rules report.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from skpgen.unit.facts import PlanFacts
from skpgen.unit.model import Unit


@dataclass
class Member:
    nip: str
    nama: str = ""
    jabatan: str = ""
    plans: list[PlanFacts] = field(default_factory=list)  # plans of the unit's year
    penilai: str | None = None  # from the plan
    level: int | None = None  # 0 the leader, 1 reports to the leader, …; None: not under the leader
    children: list[str] = field(default_factory=list)

    @property
    def plan(self) -> PlanFacts | None:
        return self.plans[0] if self.plans else None


@dataclass
class Hierarchy:
    unit: Unit
    members: dict[str, Member]
    other_years: dict[str, list[PlanFacts]]  # plans in the folder of other years, by NIP
    _subs: dict[str, list[str]] | None = field(default=None, repr=False)

    # ---- queries --------------------------------------------------------------------------------
    def plan(self, nip: str) -> PlanFacts | None:
        m = self.members.get(nip)
        return m.plan if m else None

    def supervisors(self, nip: str) -> list[str]:
        """Whose RHK ``nip`` may intervene: the pejabat penilai of the plan, and the team leader."""
        out: list[str] = []
        m = self.members.get(nip)
        if m is not None and m.penilai:
            out.append(m.penilai)
        ketua = self.unit.ketua_of(nip)
        if ketua and ketua not in out:
            out.append(ketua)
        return out

    def grand_supervisors(self, nip: str) -> list[str]:
        """The supervisors of the supervisors (the "atasan pejabat penilai"), and the plan's own
        ``atasan_pejabat_penilai``."""
        out: list[str] = []
        plan = self.plan(nip)
        if plan is not None and plan.atasan_penilai_nip:
            out.append(plan.atasan_penilai_nip)
        for s in self.supervisors(nip):
            for g in self.supervisors(s):
                if g not in out and g != nip:
                    out.append(g)
        return [g for g in out if g not in self.supervisors(nip)]

    def subordinates(self, nip: str) -> list[str]:
        """Members who may intervene ``nip``'s RHK (penilai of their plan, or their team leader)."""
        if self._subs is None:
            self._subs = {}
            for m in self.members.values():
                for s in self.supervisors(m.nip):
                    if s != m.nip:
                        self._subs.setdefault(s, []).append(m.nip)
        return list(self._subs.get(nip, []))

    def is_leader(self, nip: str) -> bool:
        return nip == self.unit.pimpinan

    def ordered(self) -> list[Member]:
        """Members depth first from the leader (rows with subordinates before plain staff at each
        level, then in the order of the plan files, then by NIP), then those not under the leader."""
        out: list[Member] = []
        seen: set[str] = set()

        def key(nip: str) -> tuple[int, str, str]:  # the files' own order (01-…, 02-…) within a tier
            m = self.members[nip]
            return (0 if m.children else 1, m.plans[0].file if m.plans else "\uffff", nip)

        def walk(nip: str) -> None:
            if nip in seen or nip not in self.members:
                return
            seen.add(nip)
            out.append(self.members[nip])
            for child in sorted(self.members[nip].children, key=key):
                walk(child)

        walk(self.unit.pimpinan)
        for nip in sorted(self.members, key=key):
            if nip not in seen:
                seen.add(nip)
                out.append(self.members[nip])
        return out


def resolved_path(path: str) -> Path:
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


def unit_folders(unit_files: Iterable[str]) -> list[Path]:
    """The folders whose plans belong to a unit: those of the given unit files (see :func:`assign_plans`)."""
    return [resolved_path(f).parent for f in unit_files]


def in_unit_folder(file: str, folders: list[Path]) -> bool:
    """Whether the plan ``file`` lies under one of ``folders`` (:func:`unit_folders`): a plan
    elsewhere is left out by :func:`assign_plans`, so the unit rules need none of its facts."""
    if not folders:
        return False
    here = resolved_path(file)
    return any(folder == here.parent or folder in here.parents for folder in folders)


def assign_plans(units: list[Unit], plans: Iterable[PlanFacts]) -> dict[str, list[PlanFacts]]:
    """unit file → the plans (any year) under its folder; a plan goes to the nearest unit folder.
    Plans under no unit folder are left out."""
    folders = sorted(((resolved_path(u.file).parent, u.file) for u in units), key=lambda x: -len(x[0].parts))
    out: dict[str, list[PlanFacts]] = {u.file: [] for u in units}
    for p in plans:
        here = resolved_path(p.file)
        for folder, ufile in folders:
            if folder == here.parent or folder in here.parents:
                out[ufile].append(p)
                break
    return out


def build_hierarchy(unit: Unit, plans: Iterable[PlanFacts]) -> Hierarchy:
    """The hierarchy of ``unit`` from the plans of its folder (see :func:`assign_plans`)."""
    members: dict[str, Member] = {}
    other: dict[str, list[PlanFacts]] = {}

    def member(nip: str) -> Member:
        if nip not in members:
            members[nip] = Member(nip)
        return members[nip]

    member(unit.pimpinan)
    for p in sorted(plans, key=lambda p: p.file):
        if not p.nip:
            continue
        if p.tahun != unit.tahun:
            other.setdefault(p.nip, []).append(p)
            continue
        m = member(p.nip)
        m.plans.append(p)
        if m.penilai is None:
            m.penilai = p.penilai_nip or None
        m.nama = m.nama or p.nama
        m.jabatan = m.jabatan or p.jabatan
    for row in unit.matriks:
        m = member(row.nip)
        m.nama = m.nama or (row.nama or "")
        m.jabatan = m.jabatan or (row.jabatan or "")
        if row.atasan:
            member(row.atasan)
    for tim in unit.tim:
        member(tim.ketua)
        for nip in tim.anggota:
            member(nip)
    for nip, earlier in other.items():
        m = member(nip)
        m.nama = m.nama or earlier[0].nama
        m.jabatan = m.jabatan or earlier[0].jabatan
    for row in unit.matriks:  # without a plan, a row hangs where the matrix puts it
        m = members[row.nip]
        if not m.plans and row.nip != unit.pimpinan:
            m.penilai = unit.row_atasan(row) if unit.row_atasan(row) != row.nip else None
    # children and levels: by penilai only (teams give extra supervisors, not the tree)
    for m in members.values():
        if m.penilai and m.penilai in members and m.penilai != m.nip:
            members[m.penilai].children.append(m.nip)
    hierarchy = Hierarchy(unit, members, other)
    level = {unit.pimpinan: 0}
    queue = [unit.pimpinan]
    while queue:
        nip = queue.pop(0)
        for child in members[nip].children:
            if child not in level:
                level[child] = level[nip] + 1
                queue.append(child)
    for nip, lv in level.items():
        members[nip].level = lv
    return hierarchy


__all__ = ["Hierarchy", "Member", "assign_plans", "build_hierarchy"]
