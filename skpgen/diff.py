"""Compare two versions of an SKP plan (SPEC §7 ``skpgen diff``; used by the revision lint rule).

Kegiatan are matched by ``id`` first. Activities left unmatched on both sides are then paired by
the similarity of their ``uraian`` (an id renamed during a revision is a change, not a removal
plus an addition). An id that is kept is trusted: a kegiatan whose id stays but whose uraian is
rewritten is reported as a change of ``uraian`` (the reviewer sees old and new text side by side).
Pure data in, dataclasses out: no I/O, no heavy imports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

#: Minimum uraian similarity (0..1) for pairing activities whose ids differ.
SIMILARITY_THRESHOLD = 0.8

@dataclass(frozen=True, slots=True)
class FieldChange:
    """One changed field of a kegiatan; ``field`` is a dotted path such as ``target.kuantitas``."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True, slots=True)
class KegiatanRef:
    """An added or removed kegiatan."""

    id: str | None
    uraian: str | None
    jenis: str | None = None
    index: int = 0  # position in the kegiatan list of its own version (0-based)


@dataclass(frozen=True, slots=True)
class KegiatanChange:
    """A kegiatan present in both versions with at least one changed field."""

    old_id: str | None
    new_id: str | None
    uraian: str | None  # the new uraian
    changes: tuple[FieldChange, ...]
    matched_by: str = "id"  # "id" | "uraian"
    similarity: float = 1.0
    old_index: int = 0
    new_index: int = 0

    @property
    def id(self) -> str | None:
        return self.new_id


@dataclass(frozen=True, slots=True)
class PlanDiff:
    added: tuple[KegiatanRef, ...] = ()
    removed: tuple[KegiatanRef, ...] = ()
    changed: tuple[KegiatanChange, ...] = ()
    unchanged: int = 0
    #: Top-level plan fields (other than kegiatan) that differ, e.g. ``periode.tahun``.
    plan_changes: tuple[FieldChange, ...] = field(default=())
    #: ``revisi`` entries of the new version that the old one does not have (the record that
    #: should explain and approve a mid-year change).
    new_revisions: tuple[dict[str, Any], ...] = field(default=())

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.plan_changes)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of ``skpgen diff --format json`` (Indonesian keys, like SPEC §9)."""
        def ref(r: KegiatanRef) -> dict[str, Any]:
            return {"id": r.id, "uraian": r.uraian, "jenis": r.jenis, "indeks": r.index}

        def change(f: FieldChange) -> dict[str, Any]:
            return {"kolom": f.field, "lama": f.old, "baru": f.new}

        return {
            "ada_perbedaan": self.has_changes,
            "ditambahkan": [ref(a) for a in self.added],
            "dihapus": [ref(r) for r in self.removed],
            "diubah": [
                {
                    "id_lama": c.old_id,
                    "id_baru": c.new_id,
                    "uraian": c.uraian,
                    "dicocokkan": c.matched_by,
                    "kemiripan": c.similarity,
                    "perubahan": [change(f) for f in c.changes],
                }
                for c in self.changed
            ],
            "tidak_berubah": self.unchanged,
            "perubahan_rencana": [change(f) for f in self.plan_changes],
            "revisi_baru": [dict(r) for r in self.new_revisions],
        }


# Fields compared for each kegiatan, in report order. ``target`` and ``realisasi`` are compared key
# by key (``target.kuantitas``); ``indikator`` as a whole list (its items have no ids).
_SCALAR_FIELDS = ("id", "uraian", "jenis", "angka_kredit", "tingkat", "rhk_atasan", "perspektif")
_MAPPING_FIELDS = ("target",)
_LIST_FIELDS = ("indikator", "mendukung")

# Top-level plan fields worth reporting in a revision diff (monitoring data is excluded: it is
# expected to change all year).
_PLAN_FIELDS = ("aturan", "periode", "pegawai", "pejabat_penilai", "atasan_pejabat_penilai",
                "keselarasan")


def normalise_text(text: Any) -> str:
    """Lower-case, collapse whitespace and punctuation, for similarity matching."""
    if not isinstance(text, str):
        return ""
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def similarity(a: Any, b: Any) -> float:
    na, nb = normalise_text(a), normalise_text(b)
    if not na or not nb:
        return 0.0
    if na == nb:
        return 1.0
    return SequenceMatcher(None, na, nb, autojunk=False).ratio()


def _kegiatan_list(plan: Any) -> list[dict[str, Any]]:
    if not isinstance(plan, dict):
        return []
    items = plan.get("kegiatan")
    if not isinstance(items, list):
        return []
    return [k if isinstance(k, dict) else {} for k in items]


def _kid(k: dict[str, Any]) -> str | None:
    v = k.get("id")
    return v if isinstance(v, str) else (str(v) if v is not None else None)


def _ref(k: dict[str, Any], index: int) -> KegiatanRef:
    uraian = k.get("uraian")
    jenis = k.get("jenis")
    return KegiatanRef(
        id=_kid(k),
        uraian=uraian if isinstance(uraian, str) else None,
        jenis=jenis if isinstance(jenis, str) else None,
        index=index,
    )


def _dict_changes(prefix: str, old: Any, new: Any) -> list[FieldChange]:
    """Changes between two values; mappings are compared key by key (recursively)."""
    if isinstance(old, dict) and isinstance(new, dict):
        out: list[FieldChange] = []
        keys = list(old) + [k for k in new if k not in old]
        for key in keys:
            out.extend(_dict_changes(f"{prefix}.{key}", old.get(key, None), new.get(key, None)))
        return out
    if old == new or (_is_empty(old) and _is_empty(new)):
        return []
    return [FieldChange(prefix, old, new)]


def _is_empty(value: Any) -> bool:
    return value is None or value == [] or value == {}


def kegiatan_changes(old: dict[str, Any], new: dict[str, Any]) -> list[FieldChange]:
    """Field-by-field changes between two versions of one kegiatan."""
    changes: list[FieldChange] = []
    for name in _SCALAR_FIELDS:
        o, n = old.get(name), new.get(name)
        if o != n and not (_is_empty(o) and _is_empty(n)):
            changes.append(FieldChange(name, o, n))
    for name in _MAPPING_FIELDS:
        o, n = old.get(name), new.get(name)
        if isinstance(o, dict) or isinstance(n, dict):
            changes.extend(_dict_changes(name, o if isinstance(o, dict) else {},
                                         n if isinstance(n, dict) else {}))
            if o is None and n is not None and not isinstance(n, dict):
                changes.append(FieldChange(name, o, n))
        elif o != n and not (_is_empty(o) and _is_empty(n)):
            changes.append(FieldChange(name, o, n))
    for name in _LIST_FIELDS:
        o, n = old.get(name), new.get(name)
        if o != n and not (_is_empty(o) and _is_empty(n)):
            changes.append(FieldChange(name, o, n))
    return changes


def compare_plans(old: dict[str, Any], new: dict[str, Any], *,
                  threshold: float = SIMILARITY_THRESHOLD) -> PlanDiff:
    """Compare the kegiatan (and identity/period fields) of two versions of a plan."""
    old_items = _kegiatan_list(old)
    new_items = _kegiatan_list(new)

    # 1. match by id (first occurrence wins; duplicates are a validation error anyway)
    new_by_id: dict[str, int] = {}
    for j, k in enumerate(new_items):
        kid = _kid(k)
        if kid is not None and kid not in new_by_id:
            new_by_id[kid] = j
    pairs: list[tuple[int, int, str, float]] = []
    used_new: set[int] = set()
    unmatched_old: list[int] = []
    for i, k in enumerate(old_items):
        kid = _kid(k)
        j = new_by_id.get(kid) if kid is not None else None
        if j is not None and j not in used_new:
            pairs.append((i, j, "id", 1.0))
            used_new.add(j)
        else:
            unmatched_old.append(i)
    unmatched_new = [j for j in range(len(new_items)) if j not in used_new]

    # 2. pair the rest by uraian similarity, best pairs first (greedy, deterministic)
    candidates: list[tuple[float, int, int]] = []
    for i in unmatched_old:
        for j in unmatched_new:
            s = similarity(old_items[i].get("uraian"), new_items[j].get("uraian"))
            if s >= threshold:
                candidates.append((s, i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    for s, i, j in candidates:
        if i in taken_old or j in taken_new:
            continue
        taken_old.add(i)
        taken_new.add(j)
        pairs.append((i, j, "uraian", round(s, 6)))

    removed = tuple(_ref(old_items[i], i) for i in unmatched_old if i not in taken_old)
    added = tuple(_ref(new_items[j], j) for j in unmatched_new if j not in taken_new)

    changed: list[KegiatanChange] = []
    unchanged = 0
    for i, j, how, s in sorted(pairs, key=lambda p: p[1]):
        fields = kegiatan_changes(old_items[i], new_items[j])
        if not fields:
            unchanged += 1
            continue
        uraian = new_items[j].get("uraian")
        changed.append(KegiatanChange(
            old_id=_kid(old_items[i]), new_id=_kid(new_items[j]),
            uraian=uraian if isinstance(uraian, str) else None,
            changes=tuple(fields), matched_by=how, similarity=s, old_index=i, new_index=j,
        ))

    plan_changes: list[FieldChange] = []
    if isinstance(old, dict) and isinstance(new, dict):
        for name in _PLAN_FIELDS:
            plan_changes.extend(_dict_changes(name, old.get(name), new.get(name)))

    old_revisi = _revisi(old)
    new_revisions = tuple(r for r in _revisi(new) if r not in old_revisi)

    return PlanDiff(added=added, removed=removed, changed=tuple(changed), unchanged=unchanged,
                    plan_changes=tuple(plan_changes), new_revisions=new_revisions)


def _revisi(plan: Any) -> list[dict[str, Any]]:
    items = plan.get("revisi") if isinstance(plan, dict) else None
    return [r for r in items if isinstance(r, dict)] if isinstance(items, list) else []


__all__ = ["FieldChange", "KegiatanChange", "KegiatanRef", "PlanDiff", "SIMILARITY_THRESHOLD",
           "compare_plans", "kegiatan_changes", "similarity"]
