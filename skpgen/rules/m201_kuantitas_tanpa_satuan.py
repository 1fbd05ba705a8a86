"""Target kuantitas ada dan bersatuan.

## Apa yang diperiksa
Setiap `target` kegiatan memuat `kuantitas` beserta `satuan` (dokumen, laporan, kegiatan, …).
Pada PP 46/2011 kegiatan utama wajib punya target kuantitas; target tambahan/kreatif yang ditulis
juga harus bersatuan.

## Mengapa
Penilaian SKP meliputi aspek kuantitas, kualitas, waktu dan/atau biaya; kuantitas (TO/RO) adalah
"jumlah keluaran" yang tanpa satuan tidak dapat dibandingkan dengan realisasinya.

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun laporan realisasi anggaran
    jenis: utama
    target: {kuantitas: 12, kualitas: 100, waktu: 12}
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

CODE = "M201"
NAME = "kuantitas-tanpa-satuan"
FAMILY = "M"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Target kuantitas kegiatan '{id}' tidak bersatuan; isi target.satuan (misalnya dokumen, laporan, kegiatan).",
    "en": "The kuantitas target of kegiatan '{id}' has no unit; fill in target.satuan (e.g. dokumen, laporan, kegiatan).",
}
MESSAGES = {
    "missing": {
        "id": "Kegiatan utama '{id}' tidak punya target kuantitas; isi target.kuantitas dan target.satuan.",
        "en": "Main kegiatan '{id}' has no kuantitas target; fill in target.kuantitas and target.satuan.",
    },
}


def check(ctx) -> Iterator[Finding]:
    for i, k in ctx.kegiatan():
        target = k.get("target")
        if not isinstance(target, dict):
            continue
        satuan = target.get("satuan")
        if is_number(target.get("kuantitas")):
            if not (isinstance(satuan, str) and satuan.strip()):
                yield ctx.report(("kegiatan", i, "target"), id=label(k, i))
        elif not ctx.is_6_2022 and k.get("jenis") == "utama":
            yield ctx.report(("kegiatan", i, "target"), variant="missing", id=label(k, i))
