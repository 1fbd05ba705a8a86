"""The distribution curve of SE MenPANRB 3/2023 (SPEC §11, DOMAIN.md §G.1): a unit's predikat
kinerja pegawai against the predikat kinerja organisasi.

Pure: :func:`cek_kurva` takes the employees' predikat and the organisation's predikat and returns
the counts, whether the unit complies, and the violations as texts. The rules are data
(``rules/kurva-distribusi.toml``); the rounding policy is skpgen's (no source gives one): a
maximum share is rounded down and a minimum share up, always stated in the output, and a unit too
small for a share (less than one person) is said to be so.

    >>> h = cek_kurva(["baik"] * 8 + ["butuh_perbaikan"] * 2, "baik")
    >>> h.patuh, h.jumlah["baik"], h.pelanggaran[0][:38]
    (False, 8, 'Baik: 8 dari 10 pegawai, padahal palin')
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any, Iterable

from skpgen.i18n import Catalogue
# skpgen.scoring is imported where a figure is formatted: the cross-file lint of a cached run
# (rule U751) does not load the scoring library

__all__ = [
    "PREDIKAT", "PREDIKAT_LABEL", "ORGANISASI", "Aturan", "TabelKurva", "HasilAturan", "HasilKurva",
    "tabel_kurva", "cek_kurva", "batas_orang", "msg", "predikat_rencana", "KurvaUnit", "kurva_unit",
]

# the employees' predikat ids, in the order of the curve (x-axis right to left) and the json keys
PREDIKAT = ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")
PREDIKAT_LABEL = {
    "sangat_baik": "Sangat Baik", "baik": "Baik", "butuh_perbaikan": "Butuh Perbaikan",
    "kurang": "Kurang/Misconduct", "sangat_kurang": "Sangat Kurang",
}
ORGANISASI = ("istimewa", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")

_MESSAGES = Catalogue(Path(__file__).resolve().parent / "messages.toml")


def msg(key: str, lang: str = "id", **kw: Any) -> str:
    return _MESSAGES.t(key, lang, **kw)


@dataclass(frozen=True)
class Aturan:
    organisasi: str
    predikat: tuple[str, ...]
    batas: str                     # maksimum | minimum
    persen: Fraction | None        # a share of the unit, or …
    orang: int | None              # … a number of persons
    teks: str


@dataclass(frozen=True)
class TabelKurva:
    nama: str
    versi: str
    file: str
    sumber: str
    label: str
    pembulatan: str
    pembulatan_label: str
    aturan: tuple[Aturan, ...]
    rating_pimpinan: dict[str, str] = field(default_factory=dict)   # organisasi → rating hasil kerja
    pimpinan_label: str = "Q"
    padanan_label: str = "U"

    def keterangan_pimpinan(self, lang: str = "id") -> str:
        return msg("tabel_pimpinan", lang, file=self.file, versi=self.versi, label=self.pimpinan_label,
                   padanan_label=self.padanan_label)

    def untuk(self, organisasi: str) -> list[Aturan]:
        return [a for a in self.aturan if a.organisasi == organisasi]

    def keterangan(self, lang: str = "id") -> str:
        return msg("tabel", lang, nama=self.nama, file=self.file, versi=self.versi, sumber=self.sumber,
                   label=self.label, pembulatan=self.pembulatan, pembulatan_label=self.pembulatan_label)


def _read_table(path: Path) -> TabelKurva:
    import tomllib

    data = tomllib.loads(path.read_text(encoding="utf-8"))
    rules = []
    for i, a in enumerate(data["aturan"]):
        predikat = tuple(a["predikat"])
        if (a["organisasi"] not in ORGANISASI or a["batas"] not in ("maksimum", "minimum")
                or not predikat or any(p not in PREDIKAT for p in predikat)
                or ("persen" in a) == ("orang" in a)):
            raise ValueError(f"{path.name}: aturan #{i + 1} tidak sah: {a!r}")
        rules.append(Aturan(a["organisasi"], predikat, a["batas"],
                            Fraction(str(a["persen"])) if "persen" in a else None,
                            int(a["orang"]) if "orang" in a else None, a["teks"]))
    pimpinan = dict(data.get("pimpinan", {}))
    labels = (pimpinan.pop("label", "Q"), pimpinan.pop("padanan_label", "U"))
    ratings = ("di_atas_ekspektasi", "sesuai_ekspektasi", "di_bawah_ekspektasi")
    if any(k not in ORGANISASI or v not in ratings for k, v in pimpinan.items()):
        raise ValueError(f"{path.name}: [pimpinan] tidak sah: {pimpinan!r}")
    return TabelKurva(nama=data["nama"], versi=str(data["versi"]), file=f"rules/{path.name}",
                      sumber=data["sumber"], label=data["label"], pembulatan=data["pembulatan"],
                      pembulatan_label=data["pembulatan_label"], aturan=tuple(rules),
                      rating_pimpinan=pimpinan, pimpinan_label=labels[0], padanan_label=labels[1])


@functools.cache
def tabel_kurva() -> TabelKurva:
    """The built-in table ``rules/kurva-distribusi.toml`` (checked when read)."""
    from skpgen.resources import resource_path

    return _read_table(resource_path("rules") / "kurva-distribusi.toml")


def batas_orang(aturan: Aturan, n: int) -> tuple[int, Fraction | None]:
    """(limit in persons, exact share or None) of a rule for a unit of ``n`` employees.

    >>> a = Aturan("baik", ("baik",), "maksimum", Fraction(70), None, "")
    >>> batas_orang(a, 9)
    (6, Fraction(63, 10))
    >>> batas_orang(Aturan("kurang", ("butuh_perbaikan",), "minimum", Fraction(10), None, ""), 11)
    (2, Fraction(11, 10))
    """
    if aturan.persen is None:
        return int(aturan.orang or 0), None
    exact = aturan.persen * n / 100
    if aturan.batas == "maksimum":
        return exact.numerator // exact.denominator, exact            # rounded down
    return -((-exact.numerator) // exact.denominator), exact          # rounded up


def _fmt_fraction(value: Fraction) -> str:
    from decimal import Decimal

    from skpgen.scoring.format import fmt_number

    text = fmt_number(Decimal(value.numerator) / Decimal(value.denominator), 2)
    return text[:-3] if text.endswith(",00") else text.rstrip("0")


@dataclass(frozen=True)
class HasilAturan:
    aturan: Aturan
    jumlah: int
    batas: int
    tepat: Fraction | None
    patuh: bool
    batas_teks: str
    kecil: str | None              # the small-unit statement, when the share is less than one person

    @property
    def predikat_teks(self) -> str:
        return " + ".join(PREDIKAT_LABEL[p] for p in self.aturan.predikat)


@dataclass(frozen=True)
class HasilKurva:
    organisasi: str | None
    n: int
    jumlah: dict[str, int]
    patuh: bool
    pelanggaran: list[str]
    hasil: list[HasilAturan] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)   # rounding / small unit / nothing to check
    tanpa_predikat: int = 0          # employees of the unit without a predikat in this period

    def to_json(self, unit: str, periode: str) -> dict[str, Any]:
        """The object of SPEC §11, key for key."""
        return {"unit": unit, "periode": periode, "predikat_organisasi": self.organisasi, "n": self.n,
                "jumlah": dict(self.jumlah), "patuh": self.patuh, "pelanggaran": list(self.pelanggaran)}


def _batas_teks(a: Aturan, n: int, batas: int, tepat: Fraction | None, lang: str) -> str:
    if tepat is not None:
        key = "batas_maks_persen" if a.batas == "maksimum" else "batas_min_persen"
        return msg(key, lang, persen=_fmt_fraction(a.persen), n=n, tepat=_fmt_fraction(tepat), batas=batas)
    if a.batas == "maksimum":
        return msg("batas_maks_nol" if batas == 0 else "batas_maks_orang", lang, batas=batas)
    return msg("batas_min_orang", lang, batas=batas)


def cek_kurva(predikat: Iterable[str | None], organisasi: str | None, lang: str = "id",
              tabel: TabelKurva | None = None) -> HasilKurva:
    """Check a unit's predikat ids (``"baik"``, … or None for none) against the organisation's predikat.

    Every rule of the organisation's row gives a :class:`HasilAturan`; ``pelanggaran`` holds the
    text of each rule not met; ``catatan`` the small-unit statements (once per share) or why
    nothing could be checked."""
    tabel = tabel or tabel_kurva()
    jumlah = dict.fromkeys(PREDIKAT, 0)
    tanpa = 0
    for p in predikat:
        if p in jumlah:
            jumlah[p] += 1
        else:
            tanpa += 1
    n = sum(jumlah.values())
    if organisasi is None or organisasi not in ORGANISASI:
        return HasilKurva(organisasi, n, jumlah, True, [], tanpa_predikat=tanpa)
    org_name = msg(f"organisasi_{organisasi}", lang)
    if n == 0:
        return HasilKurva(organisasi, n, jumlah, True, [], catatan=[msg("tanpa_pegawai", lang)], tanpa_predikat=tanpa)
    rules = tabel.untuk(organisasi)
    if not rules:
        return HasilKurva(organisasi, n, jumlah, True, [], catatan=[msg("tanpa_aturan", lang, organisasi=org_name)],
                          tanpa_predikat=tanpa)
    hasil, pelanggaran, catatan = [], [], []
    for a in rules:
        batas, tepat = batas_orang(a, n)
        count = sum(jumlah[p] for p in a.predikat)
        patuh = count <= batas if a.batas == "maksimum" else count >= batas
        teks = _batas_teks(a, n, batas, tepat, lang)
        kecil = None
        if tepat is not None and tepat < 1:
            kecil = msg("unit_kecil", lang, n=n, persen=_fmt_fraction(a.persen), tepat=_fmt_fraction(tepat),
                        jenis=msg(f"jenis_{a.batas}", lang), batas=batas)
            if kecil not in catatan:
                catatan.append(kecil)
        h = HasilAturan(a, count, batas, tepat, patuh, teks, kecil)
        hasil.append(h)
        if not patuh:
            pelanggaran.append(msg("pelanggaran", lang, predikat=h.predikat_teks, jumlah=count, n=n, batas=teks,
                                   organisasi=org_name, teks=a.teks))
    return HasilKurva(organisasi, n, jumlah, not pelanggaran, pelanggaran, hasil, catatan, tanpa)


def predikat_rencana(plan: Any, periode: str = "tahunan") -> str | None:
    """The predikat id of a plan's evaluasi of ``periode`` (the last one when repeated), or None."""
    from skpgen.scoring import score_plan
    from skpgen.scoring.konversi import predikat_id

    found = None
    for e in score_plan(plan).evaluasi or ():
        if e.periode == periode and e.predikat_kinerja:
            found = predikat_id(e.predikat_kinerja)
    return found


@dataclass(frozen=True)
class KurvaUnit:
    """What the forms of one employee need of their unit (plain, picklable): the unit's name, the
    organisation's predikat per evaluasi period (from the unit file) and the curve per period."""

    unit: str
    predikat_organisasi: dict[str, str] = field(default_factory=dict)
    kurva: dict[str, HasilKurva] = field(default_factory=dict)


def kurva_unit(nama: str, predikat_organisasi: dict[str, str], plans: Iterable[Any],
               lang: str = "id") -> KurvaUnit:
    """The curve of every period of ``predikat_organisasi`` over the unit's plans (plain data)."""
    plans = list(plans)
    kurva = {periode: cek_kurva([predikat_rencana(p, periode) for p in plans], org, lang)
             for periode, org in predikat_organisasi.items()}
    return KurvaUnit(nama, dict(predikat_organisasi), kurva)
