"""Kegiatan utama tidak dilaksanakan: bernilai 0 pada semua aspek.

## Apa yang diperiksa
Kegiatan utama yang realisasinya diisi tetapi tanpa keluaran (realisasi kuantitas 0). Menurut
pustaka penilaian skpgen kegiatan itu "tidak dilaksanakan" dan bernilai 0 pada setiap aspek.

## Mengapa
Kegiatan yang tidak dilaksanakan tetap dihitung dalam rata-rata nilai capaian dan menarik nilai
SKP ke bawah (DOMAIN.md E.1.12). Bila kegiatan dibatalkan secara sah, revisi SKP dengan
persetujuan atasan; bila tertunda, catat tindak lanjutnya.

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun kajian kebijakan ketahanan pangan daerah
    jenis: utama
    target: {kuantitas: 2, satuan: naskah, kualitas: 100, waktu: 6}
    realisasi: {kuantitas: 0, kualitas: 0, waktu: 0}
    tindak_lanjut: "Dijadwalkan ulang tahun 2026"
```

## Contoh baik
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun kajian kebijakan ketahanan pangan daerah
    jenis: utama
    target: {kuantitas: 2, satuan: naskah, kualitas: 100, waktu: 6}
    realisasi: {kuantitas: 2, kualitas: 90, waktu: 6}
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._util import label

CODE = "P619"
NAME = "kegiatan-tidak-dilaksanakan"
FAMILY = "P"
SEVERITY = "info"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Kegiatan utama '{id}' tidak dilaksanakan (realisasi kuantitas 0): nilai 0 pada semua aspek dan tetap dihitung dalam rata-rata; ajukan revisi bila kegiatan dibatalkan.",
    "en": "Main kegiatan '{id}' was not carried out (kuantitas realisation 0): it scores 0 on every aspect and still counts in the mean; request a revision if it was cancelled.",
}


def check(ctx) -> Iterator[Finding]:
    if ctx.is_6_2022:
        return
    items = list(ctx.kegiatan())
    if not any(isinstance(k.get("realisasi"), dict) for _, k in items):
        return
    for (i, k), ks in zip(items, ctx.score.kegiatan):
        if ks.jenis == "utama" and ks.has_realisasi and ks.dilaksanakan is False:
            yield ctx.report(("kegiatan", i, "realisasi"), id=label(k, i))
