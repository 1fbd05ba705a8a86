"""Kegiatan punya target waktu.

## Apa yang diperiksa
Pada SKP `pp46-2011`, setiap `target` kegiatan memuat `waktu` (lama pengerjaan, bawaan dalam
bulan). Kegiatan utama selalu punya target.

## Mengapa
Panduan SKP (Time-bound): "Menentukan batas waktu yang spesifik (bulan, triwulan, atau tanggal
tertentu) agar terdapat sense of urgency dan kemudahan monitoring". Aspek waktu (TW/RW) adalah
salah satu dari tiga aspek wajib perhitungan nilai capaian.

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Meningkatkan partisipasi masyarakat dalam musrenbang kelurahan menjadi ≥ 60%
    jenis: utama
    target: {kuantitas: 60, satuan: persen, kualitas: 100}
```

## Contoh baik
```yaml
kegiatan:
  - id: K1
    uraian: Meningkatkan partisipasi masyarakat menjadi ≥ 60% pada saat sosialisasi akhir bulan Agustus 2025
    jenis: utama
    target: {kuantitas: 60, satuan: persen, kualitas: 100, waktu: 8, satuan_waktu: bulan, tenggat: 2025-08-31}
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._util import is_number, label

CODE = "T501"
NAME = "tanpa-target-waktu"
FAMILY = "T"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Kegiatan '{id}' tidak punya target waktu; isi target.waktu (misalnya 12 bulan) dan bila perlu tenggat.",
    "en": "Kegiatan '{id}' has no waktu target; fill in target.waktu (e.g. 12 months) and a tenggat where useful.",
}


def check(ctx) -> Iterator[Finding]:
    if ctx.is_6_2022:
        return
    for i, k in ctx.kegiatan():
        target = k.get("target")
        if isinstance(target, dict) and not is_number(target.get("waktu")):
            yield ctx.report(("kegiatan", i, "target"), id=label(k, i))
