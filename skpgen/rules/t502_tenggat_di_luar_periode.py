"""Tenggat kegiatan berada di dalam periode penilaian.

## Apa yang diperiksa
`target.tenggat` setiap kegiatan jatuh di antara `periode.mulai` dan `periode.selesai`.

## Mengapa
Kegiatan dengan tenggat di luar periode tidak dapat direalisasikan dan dinilai dalam SKP ini;
biasanya salah tahun (misalnya tenggat 2024 pada SKP 2025 hasil salin tahun lalu).

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun RKA Bagian Perencanaan
    jenis: utama
    target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3, tenggat: 2024-03-31}
```

## Contoh baik
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun RKA Bagian Perencanaan
    jenis: utama
    target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3, tenggat: 2025-03-31}
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._util import label, parse_date

CODE = "T502"
NAME = "tenggat-di-luar-periode"
FAMILY = "T"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Tenggat kegiatan '{id}' ({tenggat}) di luar periode penilaian {mulai} s.d. {selesai}.",
    "en": "The tenggat of kegiatan '{id}' ({tenggat}) is outside the assessment period {mulai} to {selesai}.",
}


def check(ctx) -> Iterator[Finding]:
    per = ctx.data.get("periode")
    if not isinstance(per, dict):
        return
    mulai, selesai = parse_date(per.get("mulai")), parse_date(per.get("selesai"))
    if not mulai or not selesai:
        return
    for i, k in ctx.kegiatan():
        target = k.get("target")
        if not isinstance(target, dict):
            continue
        tenggat = parse_date(target.get("tenggat"))
        if tenggat and not (mulai <= tenggat <= selesai):
            yield ctx.report(("kegiatan", i, "target", "tenggat"), id=label(k, i), tenggat=target["tenggat"],
                             mulai=per["mulai"], selesai=per["selesai"])
