"""IKI 6/2022 menyebut aspeknya (kuantitas, kualitas, waktu atau biaya).

## Apa yang diperiksa
Pada SKP `permenpanrb-6-2022` setiap `indikator` punya `aspek`.

## Mengapa
Formulir SKP 6/2022 "PENDEKATAN HASIL KERJA KUANTITATIF" punya kolom ASPEK untuk setiap IKI
(Kuantitas / Kualitas / Waktu / Biaya); tanpa aspek IKI tidak dapat dibaca dan dievaluasi.

## Contoh buruk
```yaml
aturan: permenpanrb-6-2022
kegiatan:
  - id: RHK1
    uraian: Terlaksananya edukasi kesehatan bagi pasien dan keluarga
    jenis: utama
    rhk_atasan: "197805122005011003#RHK3"
    indikator:
      - {teks: Jumlah sesi edukasi kesehatan, target: {nilai: 48, satuan: sesi}}
```

## Contoh baik
```yaml
aturan: permenpanrb-6-2022
kegiatan:
  - id: RHK1
    uraian: Terlaksananya edukasi kesehatan bagi pasien dan keluarga
    jenis: utama
    rhk_atasan: "197805122005011003#RHK3"
    indikator:
      - {teks: Jumlah sesi edukasi kesehatan, aspek: kuantitas, target: {nilai: 48, satuan: sesi}}
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._util import label

CODE = "M206"
NAME = "iki-tanpa-aspek"
FAMILY = "M"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "IKI '{teks}' pada RHK '{id}' tidak menyebut aspek; isi aspek: kuantitas | kualitas | waktu | biaya.",
    "en": "IKI '{teks}' of RHK '{id}' names no aspek; set aspek: kuantitas | kualitas | waktu | biaya.",
}


def check(ctx) -> Iterator[Finding]:
    if not ctx.is_6_2022:
        return
    for i, k in ctx.kegiatan():
        items = k.get("indikator")
        if not isinstance(items, list):
            continue
        for j, item in enumerate(items):
            if isinstance(item, dict) and not item.get("aspek"):
                yield ctx.report(("kegiatan", i, "indikator", j), teks=item.get("teks", ""), id=label(k, i))
