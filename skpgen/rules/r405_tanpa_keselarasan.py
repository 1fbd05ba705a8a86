"""SKP PP 46/2011 tidak menautkan sasaran strategis organisasi (`keselarasan`).

## Apa yang diperiksa
SKP `pp46-2011` tanpa `keselarasan` (sasaran Renstra/Renja/RPJMD/IKU yang didukung).

## Mengapa
Panduan SKP §6: SKP "harus menyatu dengan arah kebijakan organisasi … menjadi turunan dari
dokumen perencanaan". Tanpa keselarasan, relevansi kegiatan tidak dapat diperiksa (R401).

## Contoh buruk
```yaml
keselarasan: []
kegiatan:
  - id: K1
    uraian: Menyusun RKA Bagian Perencanaan
    jenis: utama
    target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3}
```

## Contoh baik
```yaml
keselarasan:
  - {id: SS1, sasaran: Meningkatnya kualitas perencanaan daerah, sumber: Renstra 2021-2026}
kegiatan:
  - id: K1
    uraian: Menyusun RKA Bagian Perencanaan
    jenis: utama
    mendukung: [SS1]
    target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3}
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding

CODE = "R405"
NAME = "tanpa-keselarasan"
FAMILY = "R"
SEVERITY = "info"
OPTIONS: dict = {}
MESSAGE = {
    "id": "SKP tidak memuat keselarasan dengan sasaran Renstra/Renja/RPJMD/IKU; tambahkan sasaran yang didukung dan rujuk di mendukung.",
    "en": "The SKP links no Renstra/Renja/RPJMD/IKU goals; add the goals it supports and refer to them in mendukung.",
}


def check(ctx) -> Iterator[Finding]:
    if ctx.is_6_2022:
        return
    if not ctx.data.get("keselarasan"):
        path = ("keselarasan",) if "keselarasan" in ctx.data else ("kegiatan",)
        yield ctx.report(path, key=True)
