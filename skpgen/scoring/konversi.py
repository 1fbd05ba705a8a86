"""Angka kredit by conversion of the predikat kinerja (PermenPANRB 1/2023, PerBKN 3/2023; SPEC §11).

    AK = persentase(predikat) × koefisien tahunan(jenjang) × bulan / 12

per evaluasi period, accumulated over the plan. The persentase and koefisien come from the data
file ``rules/angka-kredit-konversi.toml`` (versioned, each table with its source and verification
label); nothing of the table is written here.

Interpretations (stated in ``score --explain`` and the README):
- Only a ``permenpanrb-6-2022`` plan of a jabatan fungsional (``pegawai.jenis_jabatan:
  fungsional_tertentu``) earns AK by conversion; the jenjang is ``pegawai.jenjang`` when given,
  else read from the jabatan text ("Pranata Komputer Ahli Pertama" → ahli_pertama). Otherwise the
  AK is None (JSON null) with the reason.
- When the plan has a ``tahunan`` evaluasi, it alone counts, for the months of the plan's period
  (the annual predikat converts the whole SKP). Without one, each triwulan evaluasi counts for
  the months of its quarter inside the plan's period, and the total is their sum.
- A month counts when the period covers at least half of its days (2025-01-02 … 2025-12-31 is
  12 months; a mutasi on 15 July gives 6 + 6).
"""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from typing import Any, Iterable, Mapping

from .model import REGIME_6_2022, json_number

__all__ = [
    "AngkaKredit", "AngkaKreditPeriode", "TabelKonversi", "tabel_konversi", "angka_kredit_konversi",
    "akumulasi", "angka_kredit_periode", "jenjang_dari_jabatan", "bulan_dalam", "PREDIKAT_ID", "predikat_id",
]

D12 = Decimal(12)
D100 = Decimal(100)

# predikat kinerja as printed (SPEC §4.3) → id used by the data files and the unit file
PREDIKAT_ID: dict[str, str] = {
    "Sangat Baik": "sangat_baik",
    "Baik": "baik",
    "Butuh Perbaikan": "butuh_perbaikan",
    "Kurang/Misconduct": "kurang",
    "Sangat Kurang": "sangat_kurang",
}

_TRIWULAN = {"triwulan-1": (1, 3), "triwulan-2": (4, 6), "triwulan-3": (7, 9), "triwulan-4": (10, 12)}


def predikat_id(predikat: str | None) -> str | None:
    """``"Kurang/Misconduct"`` → ``"kurang"``; an id is returned as is; anything else → None.

    >>> predikat_id("Butuh Perbaikan"), predikat_id("sangat_baik"), predikat_id("Cukup")
    ('butuh_perbaikan', 'sangat_baik', None)
    """
    if predikat is None:
        return None
    if predikat in PREDIKAT_ID:
        return PREDIKAT_ID[predikat]
    return predikat if predikat in PREDIKAT_ID.values() else None


@dataclass(frozen=True)
class TabelKonversi:
    """The conversion table as read from its data file."""

    nama: str
    versi: str
    file: str
    persentase: dict[str, Decimal]
    persentase_label: str
    persentase_sumber: str
    proporsional_label: str
    proporsional_sumber: str
    koefisien: dict[str, Decimal]
    koefisien_label: str
    koefisien_sumber: str
    jenjang_nama: dict[str, str]

    def keterangan(self) -> str:
        """One line naming the table, its version and the verification label of each fact."""
        return (f"{self.nama} ({self.file}, versi {self.versi}): persentase [{self.persentase_label}] "
                f"{self.persentase_sumber}; × bulan/12 [{self.proporsional_label}] {self.proporsional_sumber}; "
                f"koefisien [{self.koefisien_label}] {self.koefisien_sumber}")


@functools.cache
def tabel_konversi() -> TabelKonversi:
    """Load ``rules/angka-kredit-konversi.toml`` (checked: every predikat and jenjang present)."""
    import tomllib

    from skpgen.resources import resource_path

    path = resource_path("rules") / "angka-kredit-konversi.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    pers, prop, koef = data["persentase"], data["proporsional"], data["koefisien"]
    persentase = {k: Decimal(str(pers[k])) for k in PREDIKAT_ID.values()}
    jenjang = koef["jenjang"]
    return TabelKonversi(
        nama=data["nama"], versi=str(data["versi"]), file=f"rules/{path.name}",
        persentase=persentase, persentase_label=pers["label"], persentase_sumber=pers["sumber"],
        proporsional_label=prop["label"], proporsional_sumber=prop["sumber"],
        koefisien={k: Decimal(v[1]) for k, v in jenjang.items()}, koefisien_label=koef["label"],
        koefisien_sumber=koef["sumber"], jenjang_nama={k: v[0] for k, v in jenjang.items()},
    )


@dataclass(frozen=True)
class AngkaKreditPeriode:
    periode: str
    predikat: str
    bulan: int
    persen: Decimal
    koefisien: Decimal
    nilai: Decimal

    def to_json(self) -> dict[str, Any]:
        return {"periode": self.periode, "predikat": self.predikat, "bulan": self.bulan,
                "persen": json_number(self.persen), "koefisien": json_number(self.koefisien), "nilai": json_number(self.nilai)}


@dataclass(frozen=True)
class AngkaKredit:
    """AK by conversion for one plan. ``total`` is None when there is none; ``alasan`` says why."""

    total: Decimal | None
    jenjang: str | None = None
    koefisien: Decimal | None = None
    rincian: list[AngkaKreditPeriode] = field(default_factory=list)
    alasan: str | None = None     # bukan_jf | jenjang_tidak_dikenal | tanpa_predikat | bukan_6_2022
    sumber_jenjang: str | None = None  # "jenjang" (explicit field) or "jabatan" (read from the text)


def jenjang_dari_jabatan(jabatan: str | None) -> str | None:
    """The jenjang named in a jabatan text, or None.

    >>> jenjang_dari_jabatan("Pranata Komputer Ahli Pertama"), jenjang_dari_jabatan("Arsiparis Terampil")
    ('ahli_pertama', 'terampil')
    >>> jenjang_dari_jabatan("Kepala Bidang Aplikasi Informatika") is None
    True
    """
    if not isinstance(jabatan, str):
        return None
    text = " ".join(jabatan.lower().split())
    for key, name in tabel_konversi().jenjang_nama.items():
        if re.search(rf"\b{re.escape(name.lower())}\b", text):
            return key
    return None


def _date(value: Any) -> _dt.date | None:
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def bulan_dalam(mulai: _dt.date, selesai: _dt.date, dari_bulan: int = 1, sampai_bulan: int = 12) -> int:
    """Months of ``mulai``'s year between ``dari_bulan`` and ``sampai_bulan`` covered by the period
    for at least half of their days.

    >>> import datetime as d
    >>> bulan_dalam(d.date(2025, 1, 2), d.date(2025, 12, 31)), bulan_dalam(d.date(2022, 11, 1), d.date(2022, 12, 31))
    (12, 2)
    >>> bulan_dalam(d.date(2024, 1, 1), d.date(2024, 7, 14)), bulan_dalam(d.date(2024, 7, 15), d.date(2024, 12, 31))
    (6, 6)
    """
    n = 0
    year = mulai.year
    for month in range(dari_bulan, sampai_bulan + 1):
        days = calendar.monthrange(year, month)[1]
        first, last = _dt.date(year, month, 1), _dt.date(year, month, days)
        lo, hi = max(first, mulai), min(last, selesai)
        if hi >= lo and ((hi - lo).days + 1) * 2 >= days:
            n += 1
    return n


def _nilai(persen: Decimal, koefisien: Decimal, bulan: int) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = 60
        return persen / D100 * koefisien * bulan / D12


def _basis(plan: Mapping[str, Any]) -> tuple[str | None, str | None, Decimal | None, str | None,
                                                _dt.date | None, _dt.date | None]:
    """(reason for no AK, jenjang, koefisien, where the jenjang came from, mulai, selesai) of a plan."""
    if plan.get("aturan") != REGIME_6_2022:
        return "bukan_6_2022", None, None, None, None, None
    peg = plan.get("pegawai") if isinstance(plan.get("pegawai"), Mapping) else {}
    if peg.get("jenis_jabatan") != "fungsional_tertentu":
        return "bukan_jf", None, None, None, None, None
    tabel = tabel_konversi()
    jenjang, sumber = peg.get("jenjang"), "jenjang"
    if jenjang not in tabel.koefisien:
        jenjang, sumber = jenjang_dari_jabatan(peg.get("jabatan")), "jabatan"
    if jenjang is None:
        return "jenjang_tidak_dikenal", None, None, None, None, None
    per = plan.get("periode") if isinstance(plan.get("periode"), Mapping) else {}
    mulai, selesai = _date(per.get("mulai")), _date(per.get("selesai"))
    if mulai is None or selesai is None or selesai < mulai:
        return "tanpa_predikat", jenjang, tabel.koefisien[jenjang], sumber, None, None
    if selesai.year != mulai.year:   # validate rejects this; never count past the plan's year
        selesai = _dt.date(mulai.year, 12, 31)
    return None, jenjang, tabel.koefisien[jenjang], sumber, mulai, selesai


def _periode_row(periode: str, predikat: str, koef: Decimal, mulai: _dt.date,
                 selesai: _dt.date) -> AngkaKreditPeriode | None:
    if periode == "tahunan":
        bulan = bulan_dalam(mulai, selesai)
    elif periode in _TRIWULAN:
        bulan = bulan_dalam(mulai, selesai, *_TRIWULAN[periode])
    else:
        return None
    persen = tabel_konversi().persentase[PREDIKAT_ID[predikat]]
    return AngkaKreditPeriode(periode, predikat, bulan, persen, koef, _nilai(persen, koef, bulan))


def angka_kredit_periode(plan: Mapping[str, Any], periode: str | None,
                         predikat: str | None) -> AngkaKreditPeriode | None:
    """The conversion of one evaluasi period on its own (what that period's Evaluasi form shows),
    or None when the plan earns no AK by conversion or the period has no predikat."""
    alasan, _jenjang, koef, _sumber, mulai, selesai = _basis(plan)
    if alasan is not None or periode is None or predikat_id(predikat) is None:
        return None
    assert koef is not None and mulai is not None and selesai is not None
    return _periode_row(periode, _label(predikat), koef, mulai, selesai)


def _label(predikat: str | None) -> str:
    pid = predikat_id(predikat)
    return next(k for k, v in PREDIKAT_ID.items() if v == pid)


def angka_kredit_konversi(plan: Mapping[str, Any], evaluasi: Iterable[tuple[str | None, str | None]]) -> AngkaKredit:
    """AK by conversion of a plan, given its evaluasi as (periode, predikat kinerja) pairs."""
    alasan, jenjang, koef, sumber, mulai, selesai = _basis(plan)
    if alasan is not None:
        return AngkaKredit(None, jenjang, koef, alasan=alasan, sumber_jenjang=sumber)
    assert koef is not None and mulai is not None and selesai is not None
    latest: dict[str, str] = {}
    for periode, predikat in evaluasi:
        if periode is not None and predikat_id(predikat) is not None:
            latest[periode] = _label(predikat)  # a later entry of the same period replaces an earlier one
    counted = ["tahunan"] if "tahunan" in latest else [p for p in _TRIWULAN if p in latest]
    rincian = [r for p in counted if (r := _periode_row(p, latest[p], koef, mulai, selesai)) is not None]
    if not rincian:
        return AngkaKredit(None, jenjang, koef, alasan="tanpa_predikat", sumber_jenjang=sumber)
    total = sum((r.nilai for r in rincian), Decimal(0))
    return AngkaKredit(total, jenjang, koef, rincian, sumber_jenjang=sumber)


def akumulasi(nilai: Iterable[Decimal | None]) -> Decimal | None:
    """Accumulated AK of several plans of one employee (None entries skipped; None when all are).

    >>> akumulasi([Decimal("18.75"), Decimal(2) / 12 * Decimal("12.5")]).quantize(Decimal("0.01"))
    Decimal('20.83')
    """
    values = [v for v in nilai if v is not None]
    return sum(values, Decimal(0)) if values else None
