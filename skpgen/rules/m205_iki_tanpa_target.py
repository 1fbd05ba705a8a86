"""RHK 6/2022 punya IKI, dan setiap IKI punya target.

## Apa yang diperiksa
Pada SKP `permenpanrb-6-2022` setiap RHK (kegiatan) punya paling sedikit satu `indikator` (IKI),
dan setiap IKI punya `target` (`{nilai, satuan}` atau teks deskriptif untuk pendekatan
kualitatif).

## Mengapa
Formulir SKP 6/2022 memuat kolom INDIKATOR KINERJA INDIVIDU dan TARGET untuk setiap RHK; tanpa
target, rating hasil kerja tidak punya dasar.

## Contoh buruk
```yaml
aturan: permenpanrb-6-2022
kegiatan:
  - id: RHK1
    uraian: Meningkatnya kualitas asuhan keperawatan pasien rawat inap
    jenis: utama
    rhk_atasan: "197805122005011003#RHK2"
    indikator:
      - {teks: Persentase dokumentasi asuhan keperawatan yang lengkap, aspek: kualitas}
```

## Contoh baik
```yaml
aturan: permenpanrb-6-2022
kegiatan:
  - id: RHK1
    uraian: Meningkatnya kualitas asuhan keperawatan pasien rawat inap
    jenis: utama
    rhk_atasan: "197805122005011003#RHK2"
    indikator:
      - {teks: Persentase dokumentasi asuhan keperawatan yang lengkap, aspek: kualitas, target: {nilai: 95, satuan: persen}}
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._util import label

CODE = "M205"
NAME = "iki-tanpa-target"
FAMILY = "M"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "IKI '{teks}' pada RHK '{id}' tidak punya target; isi target: {{nilai: …, satuan: …}}.",
    "en": "IKI '{teks}' of RHK '{id}' has no target; add target: {{nilai: …, satuan: …}}.",
}
MESSAGES = {
    "no_iki": {
        "id": "RHK '{id}' tidak punya indikator kinerja individu (IKI); tambahkan paling sedikit satu IKI dengan aspek dan target.",
        "en": "RHK '{id}' has no individual performance indicator (IKI); add at least one IKI with an aspek and a target.",
    },
}


def check(ctx) -> Iterator[Finding]:
    if not ctx.is_6_2022:
        return
    for i, k in ctx.kegiatan():
        items = k.get("indikator")
        if not isinstance(items, list) or not items:
            yield ctx.report(("kegiatan", i), key=False, variant="no_iki", id=label(k, i))
            continue
        for j, item in enumerate(items):
            if isinstance(item, dict) and item.get("target") in (None, "", {}):
                yield ctx.report(("kegiatan", i, "indikator", j), teks=item.get("teks", ""), id=label(k, i))
