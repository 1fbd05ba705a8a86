"""Kualitas tidak pernah lebih dari 100.

## Apa yang diperiksa
`target.kualitas` dan `realisasi.kualitas` setiap kegiatan tidak melebihi 100.

## Mengapa
Kualitas dinilai pada skala 0–100 (kriteria 91–100 "hasil kerja sempurna"). Nilai di atas 100
bukan mutu yang lebih tinggi tetapi salah ketik, dan merusak perhitungan RK/TK × 100.

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun laporan realisasi anggaran
    jenis: utama
    target: {kuantitas: 12, satuan: laporan, kualitas: 110, waktu: 12}
```

## Contoh baik
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun laporan realisasi anggaran
    jenis: utama
    target: {kuantitas: 12, satuan: laporan, kualitas: 100, waktu: 12}
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._util import is_number, label

CODE = "M204"
NAME = "kualitas-di-atas-100"
FAMILY = "M"
SEVERITY = "error"
OPTIONS: dict = {}
MESSAGE = {
    "id": "{where} kualitas kegiatan '{id}' bernilai {value}; kualitas berskala 0–100.",
    "en": "The kualitas {where} of kegiatan '{id}' is {value}; kualitas is on a 0–100 scale.",
}


def check(ctx) -> Iterator[Finding]:
    for i, k in ctx.kegiatan():
        for part, where_id, where_en in (("target", "Target", "target"), ("realisasi", "Realisasi", "realisation")):
            block = k.get(part)
            if isinstance(block, dict) and is_number(block.get("kualitas")) and block["kualitas"] > 100:
                yield ctx.report(("kegiatan", i, part, "kualitas"), id=label(k, i), value=block["kualitas"],
                                 where=where_id if ctx.lang == "id" else where_en)
