"""RHK 6/2022 menyebut RHK atasan yang diintervensi (`rhk_atasan`).

## Apa yang diperiksa
Pada SKP `permenpanrb-6-2022`, setiap RHK utama mengisi `rhk_atasan` (teks RHK atasan atau
"NIP#id" RHK dalam SKP atasan). RHK JPT yang ber-`perspektif` (dari perjanjian kinerja) tidak
diperiksa.

## Mengapa
Formulir SKP 6/2022 punya kolom "RENCANA HASIL KERJA ATASAN YANG DIINTERVENSI": kinerja pegawai
adalah penjabaran (cascading) kinerja atasannya. RHK tanpa RHK atasan terputus dari kinerja unit.

## Contoh buruk
```yaml
aturan: permenpanrb-6-2022
kegiatan:
  - id: RHK1
    uraian: Meningkatnya kualitas asuhan keperawatan pasien rawat inap
    jenis: utama
    indikator:
      - {teks: Jumlah pasien yang mendapat asuhan keperawatan lengkap, aspek: kuantitas, target: {nilai: 300, satuan: pasien}}
```

## Contoh baik
```yaml
aturan: permenpanrb-6-2022
kegiatan:
  - id: RHK1
    uraian: Meningkatnya kualitas asuhan keperawatan pasien rawat inap
    jenis: utama
    rhk_atasan: "Meningkatnya mutu pelayanan keperawatan RSUD"
    indikator:
      - {teks: Jumlah pasien yang mendapat asuhan keperawatan lengkap, aspek: kuantitas, target: {nilai: 300, satuan: pasien}}
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._util import label

CODE = "R402"
NAME = "rhk-atasan-kosong"
FAMILY = "R"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "RHK '{id}' tidak menyebut RHK atasan yang diintervensi; isi rhk_atasan (teks RHK atasan atau \"NIP#id\").",
    "en": "RHK '{id}' names no supervisor RHK it supports; fill in rhk_atasan (the supervisor's RHK text or \"NIP#id\").",
}


def check(ctx) -> Iterator[Finding]:
    if not ctx.is_6_2022:
        return
    for i, k in ctx.kegiatan():
        if k.get("jenis") != "utama" or k.get("perspektif"):
            continue
        value = k.get("rhk_atasan")
        if not (isinstance(value, str) and value.strip()):
            yield ctx.report(("kegiatan", i, "rhk_atasan") if "rhk_atasan" in k else ("kegiatan", i, "id"),
                             key=True, id=label(k, i))
