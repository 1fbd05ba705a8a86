"""What the unit needs of one plan, as plain picklable data computed per file.

The cascading rules, ``skpgen unit``, the Matriks Peran Hasil and the batch-aware forms all work
on these facts, never on node trees: a lint run computes them once per file (so a parallel or
cached lint can combine them later) and the unit analysis joins them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from skpgen.loader import Document

Loc = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class RhkFact:
    index: int  # position in kegiatan
    id: str
    uraian: str
    jenis: str
    rhk_atasan: str | None
    iki: tuple[str, ...]  # indikator texts, in order (IKI ids are "<id>.<n>", 1-based)
    loc: Loc  # the id value
    loc_atasan: Loc  # the rhk_atasan value (or the id when absent)
    loc_uraian: Loc  # the uraian value (or the id when absent)


@dataclass(frozen=True, slots=True)
class PlanFacts:
    file: str
    nip: str
    nama: str
    jabatan: str
    jenis_jabatan: str
    penilai_nip: str
    penilai_nama: str
    atasan_penilai_nip: str | None
    tahun: int | None
    aturan: str
    rhk: tuple[RhkFact, ...]
    loc_nip: Loc
    loc_penilai: Loc

    def find(self, rid: str) -> RhkFact | None:
        for r in self.rhk:
            if r.id == rid:
                return r
        return None


def _loc(doc: Document, path: tuple[str | int, ...]) -> Loc:
    node = doc.node_at(path)
    return (node.line, node.col, node.end_line, node.end_col)


def _s(value: Any) -> str:
    return value if isinstance(value, str) else ("" if value is None else str(value))


def plan_facts(doc: Document) -> PlanFacts:
    """The facts of a plan that passed validation (tolerant of any shape all the same)."""
    data = doc.data if isinstance(doc.data, dict) else {}
    peg = data.get("pegawai") if isinstance(data.get("pegawai"), dict) else {}
    pen = data.get("pejabat_penilai") if isinstance(data.get("pejabat_penilai"), dict) else {}
    apen = data.get("atasan_pejabat_penilai") if isinstance(data.get("atasan_pejabat_penilai"), dict) else {}
    per = data.get("periode") if isinstance(data.get("periode"), dict) else {}
    tahun = per.get("tahun")
    rhk: list[RhkFact] = []
    items = data.get("kegiatan")
    for i, k in enumerate(items if isinstance(items, list) else []):
        if not isinstance(k, dict) or k.get("id") is None:
            continue
        ind = k.get("indikator")
        iki = tuple(_s(x.get("teks")) for x in (ind if isinstance(ind, list) else []) if isinstance(x, dict))
        ref = k.get("rhk_atasan")
        has_ref = isinstance(ref, str) and bool(ref.strip())
        rhk.append(RhkFact(index=i, id=_s(k.get("id")), uraian=_s(k.get("uraian")), jenis=_s(k.get("jenis")),
                           rhk_atasan=ref.strip() if has_ref else None, iki=iki,
                           loc=_loc(doc, ("kegiatan", i, "id")),
                           loc_atasan=_loc(doc, ("kegiatan", i, "rhk_atasan" if has_ref else "id")),
                           loc_uraian=_loc(doc, ("kegiatan", i, "uraian"))))
    return PlanFacts(file=doc.file, nip=_s(peg.get("nip")), nama=_s(peg.get("nama")), jabatan=_s(peg.get("jabatan")),
                     jenis_jabatan=_s(peg.get("jenis_jabatan")), penilai_nip=_s(pen.get("nip")),
                     penilai_nama=_s(pen.get("nama")), atasan_penilai_nip=_s(apen.get("nip")) or None,
                     tahun=tahun if isinstance(tahun, int) and not isinstance(tahun, bool) else None,
                     aturan=_s(data.get("aturan")), rhk=tuple(rhk),
                     loc_nip=_loc(doc, ("pegawai", "nip")), loc_penilai=_loc(doc, ("pejabat_penilai", "nip")))
