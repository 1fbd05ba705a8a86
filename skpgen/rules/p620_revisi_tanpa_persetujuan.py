"""Revisi SKP tanpa persetujuan atasan.

## Apa yang diperiksa
Setiap entri `revisi` punya `disetujui: true`.

## Mengapa
Panduan SKP §9: "Jika ya, revisi SKP secara resmi … Pastikan semua perubahan dikomunikasikan dan
disetujui atasan." Revisi yang belum disetujui belum mengubah kesepakatan target.

## Contoh buruk
```yaml
revisi:
  - {tanggal: 2025-07-01, alasan: "Mid-year review: perubahan program"}
```

## Contoh baik
```yaml
revisi:
  - {tanggal: 2025-07-01, alasan: "Mid-year review: perubahan program", disetujui: true}
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding

CODE = "P620"
NAME = "revisi-tanpa-persetujuan"
FAMILY = "P"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Revisi tanggal {tanggal} belum disetujui pejabat penilai; bahas dan isi disetujui: true setelah disepakati.",
    "en": "The revision of {tanggal} has not been approved by the assessing official; discuss it and set disetujui: true once agreed.",
}


def check(ctx) -> Iterator[Finding]:
    revisi = ctx.data.get("revisi")
    if not isinstance(revisi, list):
        return
    for j, r in enumerate(revisi):
        if isinstance(r, dict) and r.get("disetujui") is not True:
            yield ctx.report(("revisi", j), tanggal=r.get("tanggal", "?"))
