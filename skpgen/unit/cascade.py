"""Cascading: which supervisor RHK each RHK intervenes, judged inside a unit's hierarchy.

Every ``rhk_atasan`` of a plan in a unit is resolved against the RHK of the employee's own
supervisors (the pejabat penilai, and the team leader for team members):

* ``ok``: ``"NIP#id"`` naming an RHK of a supervisor;
* ``text``: free text equal (or nearly, see :data:`MATCH`) to one supervisor RHK — resolved, and
  the exact ``NIP#id`` is offered;
* ``missing``: the supervisor's plan has no such id;
* ``grand``: it names the supervisor's own supervisor ("atasan pejabat penilai") instead;
* ``other``: it names somebody who is not a supervisor of the employee;
* ``nomatch``: free text that matches no RHK of the supervisors' plans;
* ``no_plan`` / ``outside``: the supervisor has no plan in the folder, or is not in the unit
  (other findings say so; nothing can be resolved).

The cascading rules (``skpgen/rules/u7*.py``), ``skpgen unit``, the Matriks Peran Hasil and the
batch-aware forms all read these resolutions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from skpgen.findings import Finding
from skpgen.unit.facts import Loc, PlanFacts, RhkFact
from skpgen.unit.refs import format_ref, parse_ref, similarity

if TYPE_CHECKING:  # the unit model and hierarchy load only when a unit file is judged: every plan's
    from skpgen.unit.hierarchy import Hierarchy  # lint collects its facts through this module
    from skpgen.unit.model import Unit

MATCH = 0.85  # similarity at which free text counts as naming a supervisor RHK
RESOLVED = ("ok", "text")


@dataclass(frozen=True)
class Resolution:
    plan: PlanFacts
    rhk: RhkFact
    status: str
    target: tuple[str, str] | None = None  # (NIP, id) resolved to, or named
    suggestions: tuple[str, ...] = ()  # "NIP#id" worth using instead


@dataclass
class UnitCascade:
    unit: Unit
    hierarchy: Hierarchy
    resolutions: list[Resolution] = field(default_factory=list)
    _by_target: dict[tuple[str, str], list[Resolution]] | None = field(default=None, repr=False)

    def intervening(self, nip: str, rid: str) -> list[Resolution]:
        """The resolved RHK that intervene RHK ``rid`` of ``nip``."""
        if self._by_target is None:
            self._by_target = {}
            for r in self.resolutions:
                if r.status in RESOLVED and r.target is not None:
                    self._by_target.setdefault(r.target, []).append(r)
        return list(self._by_target.get((nip, rid), []))

    def resolution(self, file: str, rid: str) -> Resolution | None:
        for r in self.resolutions:
            if r.plan.file == file and r.rhk.id == rid:
                return r
        return None


def _best_text(text: str, candidates: Iterable[tuple[str, RhkFact]]) -> tuple[str, RhkFact] | None:
    best, best_score = None, 0.0
    for nip, rhk in candidates:
        score = similarity(text, rhk.uraian)
        if score > best_score:
            best, best_score = (nip, rhk), score
    return best if best_score >= MATCH else None


def resolve(h: Hierarchy, plan: PlanFacts, rhk: RhkFact) -> Resolution:
    ref = rhk.rhk_atasan
    if ref is None:
        return Resolution(plan, rhk, "none")
    sups = h.supervisors(plan.nip)
    inside = [s for s in sups if s in h.members]
    if not inside:
        return Resolution(plan, rhk, "outside")
    with_plan = [(s, h.plan(s)) for s in inside if h.plan(s) is not None]
    grands = h.grand_supervisors(plan.nip)
    parsed = parse_ref(ref)
    if parsed is not None:
        nip, rid = parsed
        if nip in sups:
            sp = h.plan(nip)
            if sp is None:
                return Resolution(plan, rhk, "no_plan", parsed)
            if sp.find(rid) is None:
                return Resolution(plan, rhk, "missing", parsed)
            return Resolution(plan, rhk, "ok", parsed)
        if nip in grands:
            return Resolution(plan, rhk, "grand", parsed)
        return Resolution(plan, rhk, "other", parsed)
    if not with_plan:
        return Resolution(plan, rhk, "no_plan")
    hit = _best_text(ref, ((s, r) for s, sp in with_plan for r in sp.rhk))  # type: ignore[union-attr]
    if hit is not None:
        return Resolution(plan, rhk, "text", (hit[0], hit[1].id), (format_ref(hit[0], hit[1].id),))
    grand_hit = _best_text(ref, ((g, r) for g in grands if h.plan(g) for r in h.plan(g).rhk))  # type: ignore[union-attr]
    if grand_hit is not None:
        return Resolution(plan, rhk, "grand", (grand_hit[0], grand_hit[1].id))
    return Resolution(plan, rhk, "nomatch")


def cascade(unit: Unit, plans: Iterable[PlanFacts]) -> UnitCascade:
    """The hierarchy of ``unit`` over ``plans`` (its folder's) and every RHK's resolution."""
    from skpgen.unit.hierarchy import build_hierarchy

    h = build_hierarchy(unit, plans)
    out = UnitCascade(unit, h)
    for m in h.members.values():
        if m.nip == unit.pimpinan:
            continue  # the leader's own supervisor is outside the unit
        for plan in m.plans:
            for rhk in plan.rhk:
                out.resolutions.append(resolve(h, plan, rhk))
    # a reference to the grand-supervisor: offer the supervisor's RHK that intervene the named one
    done = []
    for r in out.resolutions:
        if r.status == "grand" and r.target is not None:
            via = tuple(format_ref(x.plan.nip, x.rhk.id) for x in out.resolutions
                        if x.status in RESOLVED and x.target == r.target and x.plan.nip in h.supervisors(r.plan.nip))
            r = Resolution(r.plan, r.rhk, r.status, r.target, via)
        done.append(r)
    out.resolutions = done
    return out


# ---- from the states of a lint run ---------------------------------------------------------------

# the last run's key, its facts (kept alive so that their ids cannot be reused), its cascades
_LAST: tuple[tuple[int, ...], list[Any], list[UnitCascade]] | None = None


def from_states(states: list[dict[str, Any]]) -> list[tuple[UnitCascade, set[str]]]:
    """Per unit file in a lint run: its cascade, and the files findings may be reported in (those
    whose state has ``refs``: the rule is enabled there).

    Every unit rule of a run gets the same facts (its own list of states): the cascades are built
    once and reused while the facts are the same objects."""
    global _LAST
    units = [s for s in states if s.get("unit") is not None]
    if not units:
        return []
    report = {s["file"] for s in states if s.get("refs")}
    facts = [s.get("plan") or s.get("unit") for s in states]
    key = tuple(id(f) for f in facts)
    if _LAST is not None and _LAST[0] == key:
        return [(uc, report) for uc in _LAST[2]]
    plans = [s["plan"] for s in states if s.get("plan") is not None]
    from skpgen.unit.hierarchy import assign_plans

    by_unit = assign_plans([s["unit"] for s in units], plans)
    cascades = [cascade(s["unit"], by_unit[s["unit"].file]) for s in units]
    _LAST = (key, facts, cascades)
    return [(uc, report) for uc in cascades]


def finding(rule: Any, file: str, loc: Loc, severity: str, lang: str, variant: str | None = None, /,
            kegiatan: str | None = None, **kw: Any) -> Finding:
    """A finding of a cascading rule at a position kept in the facts."""
    from skpgen.lint.context import rule_message

    line, col, end_line, end_col = loc
    return Finding(file=file, line=line, column=col, end_line=end_line, end_column=end_col, code=rule.CODE,
                   name=rule.NAME, severity=severity,  # type: ignore[arg-type]
                   message=rule_message(rule, lang, variant, **kw), kegiatan=kegiatan)


def collect(ctx: Any) -> dict[str, Any]:
    """The per-file state of every cascading rule: the plan's facts (computed once per document)."""
    facts = ctx.shared.memo("unit.plan_facts", lambda: _facts(ctx.doc))
    return {"plan": facts, "file": ctx.file, "refs": True}


def _facts(doc: Any) -> PlanFacts:
    from skpgen.unit.facts import plan_facts

    return plan_facts(doc)


def short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


__all__ = ["MATCH", "RESOLVED", "Resolution", "UnitCascade", "cascade", "collect", "finding", "from_states",
           "resolve", "short"]
