"""Komentar penekanan tanpa alasan atau dengan kode yang tidak dikenal.

## Apa yang diperiksa
Setiap `# skpgen: ignore[KODE]` dan `# skpgen: file-ignore[KODE]` diikuti ` -- alasan`, dan
kodenya (atau awalan kode) ada di daftar aturan. Penekanan tanpa alasan tetap berlaku, tetapi
dilaporkan. Temuan ini dibuat oleh mesin lint, bukan oleh `check`.

## Mengapa
Membungkam temuan SKP adalah keputusan yang dibaca atasan: alasannya harus tertulis di samping
komentar. Kode yang salah ketik tidak menekan apa pun.

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    # skpgen: ignore[S104]
    uraian: Menyusun SOP Pelayanan Prima Bagian Perencanaan
    jenis: utama
    mendukung: [SS1]
    target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3, satuan_waktu: bulan, tenggat: 2025-03-31}
```

## Contoh baik
```yaml
kegiatan:
  - id: K1
    # skpgen: ignore[S104] -- "Pelayanan Prima" adalah nama program resmi Pemkot
    uraian: Menyusun SOP Pelayanan Prima Bagian Perencanaan
    jenis: utama
    mendukung: [SS1]
    target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3, satuan_waktu: bulan, tenggat: 2025-03-31}
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding

CODE = "E092"
NAME = "penekanan-tidak-sah"
FAMILY = "E"
SEVERITY = "error"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Komentar penekanan tanpa alasan; tulis '# skpgen: ignore[KODE] -- alasan'.",
    "en": "Suppression comment without a reason; write '# skpgen: ignore[CODE] -- reason'.",
}
MESSAGES = {
    "unknown": {
        "id": "Komentar penekanan memuat kode yang tidak dikenal: {codes}; lihat 'skpgen rules'.",
        "en": "The suppression comment names unknown codes: {codes}; see 'skpgen rules'.",
    },
}


def check(ctx) -> Iterator[Finding]:
    return iter(())  # produced by the engine (skpgen.lint.engine) from the comments
