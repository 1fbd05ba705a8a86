"""Kegiatan mendukung sasaran strategis (`mendukung`) bila `keselarasan` ada.

## Apa yang diperiksa
Bila SKP memuat `keselarasan` (sasaran Renstra/Renja/RPJMD/IKU), setiap kegiatan utama dan
kreatif menyebut sasaran yang didukungnya di `mendukung`. Kegiatan tambahan (penugasan dengan
surat) tidak diperiksa.

## Mengapa
Panduan SKP: "Pastikan ada benang merah antara sasaran organisasi dan indikator ASN"; matriks
kegiatan menghubungkan sasaran strategis, program dan kegiatan ASN. Kegiatan yang tidak mendukung
sasaran mana pun patut dipertanyakan relevansinya.

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun RKA Bagian Perencanaan
    jenis: utama
    target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3}
```

## Contoh baik
```yaml
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
from skpgen.rules._util import label

CODE = "R401"
NAME = "tidak-mendukung-sasaran"
FAMILY = "R"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Kegiatan '{id}' tidak mendukung sasaran mana pun; isi mendukung dengan id sasaran ({ids}).",
    "en": "Kegiatan '{id}' supports no goal; fill in mendukung with a goal id ({ids}).",
}


def check(ctx) -> Iterator[Finding]:
    goals = ctx.data.get("keselarasan")
    if not isinstance(goals, list) or not goals:
        return
    ids = ", ".join(str(g.get("id")) for g in goals if isinstance(g, dict) and g.get("id") is not None)
    for i, k in ctx.kegiatan():
        if k.get("jenis") == "tambahan":
            continue
        if not k.get("mendukung"):
            yield ctx.report(("kegiatan", i, "mendukung") if "mendukung" in k else ("kegiatan", i, "id"),
                             key="mendukung" in k, id=label(k, i), ids=ids or "-")
