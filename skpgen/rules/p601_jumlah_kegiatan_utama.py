"""Jumlah kegiatan utama 5–7.

## Apa yang diperiksa
Banyaknya kegiatan `jenis: utama` pada SKP `pp46-2011` berada di antara `min` dan `max`
(bawaan 5–7).

## Mengapa
Panduan SKP §4.2: "Pilih 5-7 kegiatan: fokus pada tugas berpengaruh tinggi terhadap output
organisasi". Terlalu sedikit kegiatan tidak mencerminkan tupoksi; terlalu banyak mengaburkan
prioritas dan memecah satu keluaran menjadi banyak baris.

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun RKA Bagian Perencanaan
    jenis: utama
    mendukung: [SS1]
    target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3}
  - id: K2
    uraian: Menyusun kajian kebijakan ketahanan pangan daerah
    jenis: utama
    mendukung: [SS1]
    target: {kuantitas: 2, satuan: naskah, kualitas: 100, waktu: 6}
```

## Contoh baik
```yaml
kegiatan:
  - {id: K1, uraian: Menyusun RKA Bagian Perencanaan, jenis: utama, mendukung: [SS1], target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3}}
  - {id: K2, uraian: Menyusun kajian kebijakan ketahanan pangan, jenis: utama, mendukung: [SS1], target: {kuantitas: 2, satuan: naskah, kualitas: 100, waktu: 6}}
  - {id: K3, uraian: Memverifikasi usulan program perangkat daerah, jenis: utama, mendukung: [SS1], target: {kuantitas: 12, satuan: laporan, kualitas: 100, waktu: 12}}
  - {id: K4, uraian: Menganalisis capaian indikator kinerja utama, jenis: utama, mendukung: [SS1], target: {kuantitas: 4, satuan: laporan, kualitas: 100, waktu: 12}}
  - {id: K5, uraian: Menyusun laporan kinerja instansi pemerintah, jenis: utama, mendukung: [SS1], target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 2}}
```

## Opsi
- `min` (bilangan bulat 0–100, bawaan 5) dan `max` (bilangan bulat 1–100, bawaan 7): rentang jumlah
  kegiatan utama; `min` tidak boleh lebih besar dari `max`.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._options import Number

CODE = "P601"
NAME = "jumlah-kegiatan-utama"
FAMILY = "P"
SEVERITY = "warning"
OPTIONS = {"min": 5, "max": 7}
CONF = {"min": Number(minimum=0, maximum=100, integer=True), "max": Number(minimum=1, maximum=100, integer=True)}

MESSAGE = {
    "id": "SKP memuat {n} kegiatan utama; panduan menganjurkan {min}–{max} kegiatan berpengaruh tinggi.",
    "en": "The SKP has {n} main kegiatan; the guide recommends {min}–{max} high-impact activities.",
}


def VALIDATE(options: dict) -> dict[str, str] | None:
    """The range must not be empty: ``min`` ≤ ``max``."""
    if options["min"] > options["max"]:
        return {"id": f"min ({options['min']}) lebih besar dari max ({options['max']})",
                "en": f"min ({options['min']}) is greater than max ({options['max']})"}
    return None


def check(ctx) -> Iterator[Finding]:
    if ctx.is_6_2022:
        return
    n = sum(1 for _, k in ctx.kegiatan() if k.get("jenis") == "utama")
    lo, hi = ctx.options["min"], ctx.options["max"]
    if n < lo or n > hi:
        yield ctx.report(("kegiatan",), key=True, n=n, min=lo, max=hi)
