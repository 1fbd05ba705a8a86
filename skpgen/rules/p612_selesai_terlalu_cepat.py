"""Selesai lebih dari 24% lebih cepat dari target: nilai waktu/biaya justru turun.

## Apa yang diperiksa
Kegiatan yang efisiensi waktunya (atau biayanya) lebih dari 24%: realisasi waktu kurang dari 76%
target waktu. Perhitungan memakai pustaka penilaian skpgen (cabang "efisiensi > 24%").

## Mengapa
Rumus PP 46/2011: efisiensi > 24% memakai 76 − ((((1,76 × TW − RW)/TW) × 100) − 100), sehingga
selesai jauh lebih cepat menurunkan nilai (24% → 100, 25% → 75). Target waktu yang terlalu
longgar sebaiknya direvisi agar realistis.

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun kajian kebijakan ketahanan pangan daerah
    jenis: utama
    target: {kuantitas: 2, satuan: naskah, kualitas: 100, waktu: 12}
    realisasi: {kuantitas: 2, kualitas: 90, waktu: 6}
```

## Contoh baik
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun kajian kebijakan ketahanan pangan daerah
    jenis: utama
    target: {kuantitas: 2, satuan: naskah, kualitas: 100, waktu: 6}
    realisasi: {kuantitas: 2, kualitas: 90, waktu: 5}
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._util import label
from skpgen.scoring import BRANCH_GT24, fmt_number, fmt_plain
from skpgen.scoring.format import fmt_en_number, fmt_rupiah

CODE = "P612"
NAME = "selesai-terlalu-cepat"
FAMILY = "P"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Efisiensi {aspek} kegiatan '{id}' {eff}% (> 24%): nilai {aspek} hanya {value}; tetapkan target {aspek} yang realistis (sekitar {suggest}) melalui revisi.",
    "en": "The {aspek} efficiency of kegiatan '{id}' is {eff}% (> 24%): the {aspek} score is only {value}; set a realistic {aspek} target (about {suggest}) through a revision.",
}


def _suggest(aspek: str, a, lang: str) -> str:
    """The realised value as the new target: "6 bulan" for waktu, "Rp 35.000.000" for biaya."""
    if aspek == "biaya":
        return fmt_rupiah(a.realisasi)
    return f"{fmt_plain(a.realisasi)} {a.satuan or 'bulan'}"


def check(ctx) -> Iterator[Finding]:
    if ctx.is_6_2022:
        return
    items = list(ctx.kegiatan())
    if not any(isinstance(k.get("realisasi"), dict) for _, k in items):
        return
    fmt = fmt_number if ctx.lang == "id" else fmt_en_number
    for (i, k), ks in zip(items, ctx.score.kegiatan):
        for aspek in ("waktu", "biaya"):
            a = ks.aspek.get(aspek)
            # a realisation of 0 is no realistic new target ("sekitar 0 bulan"): for waktu it is a
            # validation error (E064), for biaya nothing was spent, which is not "finished early"
            if a is not None and a.branch == BRANCH_GT24 and a.realisasi is not None and a.realisasi > 0:
                yield ctx.report(("kegiatan", i, "realisasi", aspek), id=label(k, i), aspek=aspek,
                                 eff=fmt(a.efisiensi), value=fmt(a.value),
                                 suggest=_suggest(aspek, a, ctx.lang))
