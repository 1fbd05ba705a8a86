"""Komentar penekanan (`# skpgen: ignore[...]`) yang tidak menekan temuan apa pun.

## Apa yang diperiksa
Setiap kode dalam `# skpgen: ignore[KODE] -- alasan` atau `# skpgen: file-ignore[KODE] -- alasan`
benar-benar menekan temuan. Kode yang aturannya tidak dijalankan pada berkas ini (dinonaktifkan
di konfigurasi) tidak dinilai. Temuan ini dibuat oleh mesin lint, bukan oleh `check`.

## Mengapa
Penekanan yang basi menyembunyikan keputusan lama dari pembaca dan akan menekan masalah baru di
baris yang sama (seperti RUF100 pada ruff). Hapus komentarnya bila masalahnya sudah diperbaiki.

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    # skpgen: ignore[S104] -- disepakati dengan atasan
    uraian: Menyusun RKA Bagian Perencanaan
    jenis: utama
    mendukung: [SS1]
    target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3, satuan_waktu: bulan, tenggat: 2025-03-31}
  - {id: K2, uraian: Menyusun kajian kebijakan ketahanan pangan, jenis: utama, mendukung: [SS1], target: {kuantitas: 2, satuan: naskah, kualitas: 100, waktu: 6}}
  - {id: K3, uraian: Memverifikasi usulan program perangkat daerah, jenis: utama, mendukung: [SS1], target: {kuantitas: 12, satuan: laporan, kualitas: 100, waktu: 12}}
  - {id: K4, uraian: Menganalisis capaian indikator kinerja utama, jenis: utama, mendukung: [SS1], target: {kuantitas: 4, satuan: laporan, kualitas: 100, waktu: 12}}
  - {id: K5, uraian: Menyusun laporan kinerja instansi pemerintah, jenis: utama, mendukung: [SS1], target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 2}}
```

## Contoh baik
```yaml
kegiatan:
  - id: K1
    # skpgen: ignore[S104] -- "prima" adalah nama program resmi Pemkot
    uraian: Menyusun SOP Pelayanan Prima Bagian Perencanaan
    jenis: utama
    mendukung: [SS1]
    target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3, satuan_waktu: bulan, tenggat: 2025-03-31}
  - {id: K2, uraian: Menyusun kajian kebijakan ketahanan pangan, jenis: utama, mendukung: [SS1], target: {kuantitas: 2, satuan: naskah, kualitas: 100, waktu: 6}}
  - {id: K3, uraian: Memverifikasi usulan program perangkat daerah, jenis: utama, mendukung: [SS1], target: {kuantitas: 12, satuan: laporan, kualitas: 100, waktu: 12}}
  - {id: K4, uraian: Menganalisis capaian indikator kinerja utama, jenis: utama, mendukung: [SS1], target: {kuantitas: 4, satuan: laporan, kualitas: 100, waktu: 12}}
  - {id: K5, uraian: Menyusun laporan kinerja instansi pemerintah, jenis: utama, mendukung: [SS1], target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 2}}
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding

CODE = "E091"
NAME = "penekanan-tidak-terpakai"
FAMILY = "E"
SEVERITY = "error"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Penekanan {code} tidak menekan temuan apa pun; hapus komentar ini.",
    "en": "Suppression of {code} suppresses no finding; remove this comment.",
}


def check(ctx) -> Iterator[Finding]:
    return iter(())  # produced by the engine (skpgen.lint.engine) after all rules ran
