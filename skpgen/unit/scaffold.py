"""``skpgen init --matriks``: a subordinate's plan scaffolded from the written Matriks Peran Hasil.

One RHK per cell of the employee's matrix row: the role text becomes the RHK ``uraian`` and
``rhk_atasan`` is the exact ``"NIP#id"`` of the column's RHK in the supervisor's plan. Identities
come from the plans of the unit's folder where they exist (the supervisor's plan gives the
pejabat penilai and the atasan pejabat penilai; an earlier plan of the employee gives the
pegawai block); what is unknown is left as the scaffold's visible placeholders.
"""

from __future__ import annotations

import copy
from typing import Any

from skpgen.loader import Document
from skpgen.unit.model import Unit, ut
from skpgen.year.scaffold import BERAKHLAK, R6_2022, blank_plan

_IDENTITY = ("nama", "nip", "pangkat", "golongan", "jabatan", "jenis_jabatan", "unit_kerja")


class MatrixRowError(ValueError):
    """The NIP has no row in the unit's matrix (or is the leader)."""


def _identity(block: Any) -> dict[str, Any] | None:
    if not isinstance(block, dict):
        return None
    out = {k: copy.deepcopy(block[k]) for k in _IDENTITY if k in block}
    return out if len(out) == len(_IDENTITY) else None


def _latest(plans: list[Document], nip: str) -> Document | None:
    mine = [d for d in plans if isinstance(d.data, dict) and (d.data.get("pegawai") or {}).get("nip") == nip]
    mine.sort(key=lambda d: ((d.data.get("periode") or {}).get("tahun") or 0, d.file))
    return mine[-1] if mine else None


def plan_from_matrix(unit: Unit, nip: str, plans: list[Document], lang: str = "id") -> dict[str, Any]:
    """The plan data for ``nip`` from ``unit``'s matrix; ``plans``: valid plans of the unit's folder."""
    row = unit.row(nip)
    if row is None or nip == unit.pimpinan:
        raise MatrixRowError(ut("init.no_row", lang, nip=nip, file=unit.file))
    atasan = unit.row_atasan(row)
    tahun = unit.tahun
    plan = blank_plan(tahun, R6_2022)
    plan.pop("keselarasan", None)
    sup = _latest([d for d in plans if (d.data.get("periode") or {}).get("tahun") == tahun], atasan) \
        or _latest(plans, atasan)
    own = _latest(plans, nip)
    plan["instansi"] = (sup.data.get("instansi") if sup else None) or unit.instansi
    if sup is not None and (sup.data.get("periode") or {}).get("tahun") == tahun:
        plan["periode"] = copy.deepcopy(sup.data["periode"])
    pegawai = _identity(own.data.get("pegawai")) if own else None
    if pegawai is None:
        pegawai = dict(plan["pegawai"])
        pegawai.pop("pengelola_anggaran", None)
        pegawai["nip"] = nip
        if row.nama:
            pegawai["nama"] = row.nama
        if row.jabatan:
            pegawai["jabatan"] = row.jabatan
    plan["pegawai"] = pegawai
    penilai = _identity(sup.data.get("pegawai")) if sup else None
    if penilai is not None and pegawai["unit_kerja"] == plan["pegawai"]["unit_kerja"]:
        pegawai["unit_kerja"] = penilai["unit_kerja"]  # a placeholder: most likely the supervisor's unit
    if penilai is None:
        penilai = dict(plan["pejabat_penilai"])
        penilai["nip"] = atasan
    plan["pejabat_penilai"] = penilai
    grand = _identity(sup.data.get("pejabat_penilai")) if sup else None
    if grand is not None:
        plan["atasan_pejabat_penilai"] = grand
    kegiatan = []
    for n, (col, peran) in enumerate(row.peran, 1):
        rid = col.split(".")[0]
        iki_text = None
        if sup is not None and col != rid:
            for k in sup.data.get("kegiatan") or []:
                ind = k.get("indikator") if isinstance(k, dict) and k.get("id") == rid else None
                index = int(col.split(".")[1]) - 1
                if isinstance(ind, list) and 0 <= index < len(ind) and isinstance(ind[index], dict):
                    iki_text = ind[index].get("teks")
        # a first IKI the employee and the supervisor refine: the role's achievement in percent
        # (or the support of the supervisor's IKI the matrix cell names)
        kegiatan.append({
            "id": f"RHK{n}", "uraian": peran, "jenis": "utama", "rhk_atasan": f"{atasan}#{rid}",
            "indikator": [{"teks": ut("init.iki_atasan", lang, iki=iki_text) if iki_text
                           else ut("init.iki_peran", lang, peran=peran[:1].lower() + peran[1:]),
                           "aspek": "kualitas", "target": {"nilai": 100, "satuan": "persen"}}],
        })
    plan["kegiatan"] = kegiatan
    plan["perilaku_kerja"] = {name: {"ekspektasi_khusus": None} for name in BERAKHLAK}
    return plan


__all__ = ["MatrixRowError", "plan_from_matrix"]
