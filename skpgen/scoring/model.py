"""Result types of the scoring library (plain dataclasses holding exact Decimals)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

ASPEK = ("kuantitas", "kualitas", "waktu", "biaya")

# Branch ids of AspectScore.branch
BRANCH_RATIO = "rasio"            # kuantitas / kualitas: R / T × 100
BRANCH_LE24 = "efisiensi<=24"     # waktu / biaya: ((1,76 × T − R) / T) × 100
BRANCH_GT24 = "efisiensi>24"      # waktu / biaya: 76 − ((((1,76 × T − R) / T) × 100) − 100)
BRANCH_NOT_DONE = "tidak-dilaksanakan"  # activity not carried out: every aspect 0

REGIME_PP46 = "pp46-2011"
REGIME_6_2022 = "permenpanrb-6-2022"


def json_number(value: Decimal | None) -> float | int | None:
    """Decimal → unrounded JSON number (never -0.0, never ``Infinity``/``NaN``, which are not JSON).

    A finite figure beyond the float range (a realisation of 1e308 gives a capaian of 1e310) is
    written as the exact integer it is; NaN and infinities (no valid plan produces them) as null.
    """
    if value is None:
        return None
    f = float(value)
    if math.isfinite(f):
        return 0.0 if f == 0 else f
    return int(value) if value.is_finite() else None



@dataclass(frozen=True)
class AspectScore:
    """One aspect of one activity, with everything needed to explain it."""

    aspek: str                    # kuantitas | kualitas | waktu | biaya
    value: Decimal
    branch: str                   # one of the BRANCH_* ids
    formula: str                  # the general formula, e.g. "RO / TO × 100"
    target: Decimal | None = None
    realisasi: Decimal | None = None
    efisiensi: Decimal | None = None  # waktu and biaya only (not for a not-done activity)
    satuan: str | None = None         # satuan_waktu for waktu ("bulan", "hari", …)

    @property
    def substituted(self) -> str:
        """The formula with the numbers, e.g. "1/1 × 100 = 100,00": written when read (a lint run
        scores every plan but shows few of these texts)."""
        from skpgen.scoring.core import substituted

        return substituted(self)


@dataclass(frozen=True)
class IkiScore:
    """permenpanrb-6-2022: capaian of one indikator kinerja individu (evidence only)."""

    index: int
    teks: str | None
    aspek: str | None
    target: Decimal | None
    realisasi: Decimal | None
    capaian: Decimal | None       # realisasi / target × 100 where both numbers exist and target > 0


@dataclass(frozen=True)
class KegiatanScore:
    id: str | None
    jenis: str | None
    aspek: dict[str, AspectScore | None]
    perhitungan: Decimal | None
    nilai_capaian: Decimal | None
    has_realisasi: bool
    uraian: str | None = None
    dilaksanakan: bool | None = None   # False: not carried out (all aspects 0); None: not scored
    iki: list[IkiScore] = field(default_factory=list)

    @property
    def aspects_used(self) -> list[AspectScore]:
        return [a for a in (self.aspek.get(k) for k in ASPEK) if a is not None]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "jenis": self.jenis,
            "aspek": {k: (json_number(a.value) if (a := self.aspek.get(k)) is not None else None) for k in ASPEK},
            "perhitungan": json_number(self.perhitungan),
            "nilai_capaian": json_number(self.nilai_capaian),
        }


@dataclass(frozen=True)
class EvaluasiScore:
    periode: str | None
    rating_hasil_kerja: str | None
    rating_perilaku: str | None
    predikat_kinerja: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "periode": self.periode,
            "rating_hasil_kerja": self.rating_hasil_kerja,
            "rating_perilaku": self.rating_perilaku,
            "predikat_kinerja": self.predikat_kinerja,
        }


@dataclass(frozen=True)
class PlanScore:
    aturan: str | None
    kegiatan: list[KegiatanScore]
    tugas_tambahan: int | None
    kreativitas: int | None
    nilai_skp: Decimal | None
    predikat_skp: str | None
    nilai_perilaku: Decimal | None
    nilai_prestasi_kerja: Decimal | None
    predikat: str | None
    evaluasi: list[EvaluasiScore] | None = None  # permenpanrb-6-2022 only
    # explanation details
    rata_rata_utama: Decimal | None = None   # mean nilai capaian of the utama activities
    jumlah_utama: int = 0
    jumlah_tambahan_berbukti: int = 0
    tingkat_kreativitas: str | None = None
    perilaku: dict[str, Decimal] = field(default_factory=dict)  # the perilaku aspects that were averaged
    bagian_skp: Decimal | None = None        # 60 % × nilai SKP, as printed on the Penilaian Prestasi Kerja form
    bagian_perilaku: Decimal | None = None   # 40 % × nilai perilaku
    jumlah_perilaku: Decimal | None = None   # the sum of the perilaku aspects ("7. Jumlah")
    has_realisasi: bool = False   # some utama activity has realisation: a score exists
    angka_kredit: Any = None      # permenpanrb-6-2022: konversi.AngkaKredit (AK by conversion)

    @property
    def is_6_2022(self) -> bool:
        return self.aturan == REGIME_6_2022

    @property
    def iki(self) -> list[tuple[str | None, IkiScore]]:
        """All IKI capaian as (kegiatan id, IkiScore)."""
        return [(k.id, i) for k in self.kegiatan for i in k.iki]

    def to_json(self, file: str) -> dict[str, Any]:
        """The object of SPEC §9 for one file, key for key."""
        out: dict[str, Any] = {
            "file": file,
            "aturan": self.aturan,
            "kegiatan": [k.to_json() for k in self.kegiatan],
            "tugas_tambahan": self.tugas_tambahan,
            "kreativitas": self.kreativitas,
            "nilai_skp": json_number(self.nilai_skp),
            "predikat_skp": self.predikat_skp,
            "nilai_perilaku": json_number(self.nilai_perilaku),
            "nilai_prestasi_kerja": json_number(self.nilai_prestasi_kerja),
            "predikat": self.predikat,
        }
        if self.is_6_2022:
            out["evaluasi"] = [e.to_json() for e in (self.evaluasi or ())]
            ak = self.angka_kredit
            out["angka_kredit"] = json_number(ak.total) if ak is not None else None
            out["angka_kredit_rincian"] = [r.to_json() for r in ak.rincian] if ak is not None else []
        return out
