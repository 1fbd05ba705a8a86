"""Kegiatan kreatif tanpa bukti atau tanpa tingkat manfaat.

## Apa yang diperiksa
Kegiatan `jenis: kreatif` punya `bukti` dan, pada PP 46/2011, `tingkat` (unit_kerja,
organisasi, nasional).

## Mengapa
Nilai kreativitas ditentukan tingkat tertinggi kegiatan kreatif yang berbukti (3, 6 atau 12;
SPEC §4.2). Panduan SKP: "Gunakan bukti fisik/digital untuk memperkuat klaim kegiatan inovatif".

## Contoh buruk
```yaml
kegiatan:
  - id: C1
    uraian: Mengembangkan aplikasi internal untuk pemantauan kegiatan
    jenis: kreatif
```

## Contoh baik
```yaml
kegiatan:
  - id: C1
    uraian: Mengembangkan aplikasi internal untuk pemantauan kegiatan
    jenis: kreatif
    tingkat: organisasi
    bukti: ["SK Kepala Dinas Nomor 800/77/2025 tentang penggunaan aplikasi"]
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._util import has_bukti, label

CODE = "P603"
NAME = "kreatif-tanpa-bukti-tingkat"
FAMILY = "P"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Kegiatan kreatif '{id}' tidak punya {missing}; tanpa itu nilai kreativitas tidak dihitung.",
    "en": "Creative kegiatan '{id}' has no {missing}; without it no kreativitas value is counted.",
}


def check(ctx) -> Iterator[Finding]:
    for i, k in ctx.kegiatan():
        if k.get("jenis") != "kreatif":
            continue
        missing = []
        if not has_bukti(k):
            missing.append("bukti")
        if not ctx.is_6_2022 and not k.get("tingkat"):
            missing.append("tingkat (unit_kerja/organisasi/nasional)")
        if missing:
            yield ctx.report(("kegiatan", i, "jenis"), key=True, id=label(k, i),
                             missing=(" dan " if ctx.lang == "id" else " and ").join(missing))
