"""Realisasi waktu 0 padahal ada keluaran.

## Apa yang diperiksa
`realisasi.waktu` bernilai 0 sementara `realisasi.kuantitas` lebih dari 0.

## Mengapa
Keluaran tidak dapat dihasilkan dalam waktu nol. Dengan RW = 0 efisiensi waktu 100% dan cabang
"> 24%" memberi nilai waktu 0, sehingga nilai capaian jatuh; biasanya realisasi waktu lupa diisi
(DOMAIN.md E.1.12).

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun laporan realisasi anggaran
    jenis: utama
    target: {kuantitas: 12, satuan: laporan, kualitas: 100, waktu: 12}
    realisasi: {kuantitas: 12, kualitas: 92, waktu: 0}
```

## Contoh baik
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun laporan realisasi anggaran
    jenis: utama
    target: {kuantitas: 12, satuan: laporan, kualitas: 100, waktu: 12}
    realisasi: {kuantitas: 12, kualitas: 92, waktu: 12}
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._util import is_number, label, plain

CODE = "A304"
NAME = "realisasi-waktu-nol"
FAMILY = "A"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Realisasi waktu kegiatan '{id}' bernilai 0 padahal ada keluaran ({ro}); isi lama pengerjaan yang sebenarnya.",
    "en": "The waktu realisation of kegiatan '{id}' is 0 although there is output ({ro}); fill in the real duration.",
}


def check(ctx) -> Iterator[Finding]:
    for i, k in ctx.kegiatan():
        real = k.get("realisasi")
        if isinstance(real, dict) and real.get("waktu") == 0 and is_number(real.get("kuantitas")) \
                and real["kuantitas"] > 0:
            yield ctx.report(("kegiatan", i, "realisasi", "waktu"), id=label(k, i), ro=plain(real["kuantitas"]))
