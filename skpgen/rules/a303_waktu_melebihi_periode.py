"""Target waktu tidak lebih panjang dari periode penilaian.

## Apa yang diperiksa
`target.waktu` (dalam `satuan_waktu`, bawaan bulan) tidak melebihi panjang periode
(`periode.mulai` – `periode.selesai`, biasanya 12 bulan).

## Mengapa
SKP adalah rencana satu periode; kegiatan yang butuh lebih lama dari periodenya tidak dapat
selesai dan dinilai (DOMAIN.md E.1.7: "Waktu target must not exceed the period").

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun naskah akademik rancangan peraturan daerah
    jenis: utama
    target: {kuantitas: 1, satuan: naskah, kualitas: 100, waktu: 18, satuan_waktu: bulan}
```

## Contoh baik
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun naskah akademik rancangan peraturan daerah
    jenis: utama
    target: {kuantitas: 1, satuan: naskah, kualitas: 100, waktu: 10, satuan_waktu: bulan}
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._util import is_number, label, months, period_months, plain

CODE = "A303"
NAME = "waktu-melebihi-periode"
FAMILY = "A"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Target waktu kegiatan '{id}' ({waktu} {satuan}) lebih panjang dari periode penilaian (±{period} bulan); pecah kegiatannya atau tetapkan keluaran antara.",
    "en": "The waktu target of kegiatan '{id}' ({waktu} {satuan}) is longer than the assessment period (about {period} months); split it or set an intermediate output.",
}


def check(ctx) -> Iterator[Finding]:
    period = period_months(ctx.data)
    if period is None:
        return
    for i, k in ctx.kegiatan():
        target = k.get("target")
        if not isinstance(target, dict) or not is_number(target.get("waktu")):
            continue
        satuan = target.get("satuan_waktu") or "bulan"
        if months(target["waktu"], satuan) > period + 0.05:
            yield ctx.report(("kegiatan", i, "target", "waktu"), id=label(k, i), waktu=plain(target["waktu"]),
                             satuan=satuan, period=round(period))
