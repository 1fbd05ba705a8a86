"""Catatan pemantauan yang terlambat atau punya hambatan tanpa tindak lanjut.

## Apa yang diperiksa
Setiap entri `pemantauan` dengan `status: terlambat` atau dengan `hambatan` juga mengisi
`tindak_lanjut` (langkah yang diambil atau direncanakan).

## Mengapa
Panduan SKP §9: jurnal kinerja mencatat "hambatan yang muncul" dan "solusi yang dilakukan atau
direncanakan"; dashboard memuat kolom Catatan Hambatan dan Tindak Lanjut. Hambatan tanpa langkah
koreksi tidak membantu atasan mendeteksi dini dan menyelesaikan masalah.

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun RKA Bagian Perencanaan
    jenis: utama
    mendukung: [SS1]
    target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3}
    pemantauan:
      - {tanggal: 2025-02-14, status: terlambat, progres: 30, hambatan: "Pagu indikatif belum final"}
```

## Contoh baik
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun RKA Bagian Perencanaan
    jenis: utama
    mendukung: [SS1]
    target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3}
    pemantauan:
      - {tanggal: 2025-02-14, status: terlambat, progres: 30, hambatan: "Pagu indikatif belum final", tindak_lanjut: "Menyusun dua skenario belanja"}
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._util import label

CODE = "P621"
NAME = "hambatan-tanpa-tindak-lanjut"
FAMILY = "P"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Pemantauan kegiatan '{id}' tanggal {tanggal} mencatat {what} tanpa tindak lanjut; isi tindak_lanjut dengan langkah yang diambil.",
    "en": "The monitoring entry of kegiatan '{id}' on {tanggal} records {what} without a follow-up; fill in tindak_lanjut with the step taken.",
}
_WHAT = {"id": ("keterlambatan", "hambatan"), "en": ("a delay", "an obstacle")}


def check(ctx) -> Iterator[Finding]:
    late, obstacle = _WHAT.get(ctx.lang, _WHAT["id"])
    for i, k in ctx.kegiatan():
        entries = k.get("pemantauan")
        if not isinstance(entries, list):
            continue
        for j, m in enumerate(entries):
            if not isinstance(m, dict):
                continue
            has_obstacle = isinstance(m.get("hambatan"), str) and m["hambatan"].strip()
            is_late = m.get("status") == "terlambat"
            follow = isinstance(m.get("tindak_lanjut"), str) and m["tindak_lanjut"].strip()
            if (has_obstacle or is_late) and not follow:
                yield ctx.report(("kegiatan", i, "pemantauan", j), id=label(k, i), tanggal=m.get("tanggal", "?"),
                                 what=late if is_late else obstacle)
