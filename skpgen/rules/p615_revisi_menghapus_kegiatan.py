"""Revisi SKP menghapus kegiatan (`--previous` versi sebelumnya dari SKP yang sama).

## Apa yang diperiksa
Dengan `--previous FILE|DIR`, versi sebelumnya dari SKP yang sama (NIP dan tahun periode sama)
dibandingkan dengan `skpgen.diff.compare_plans`; setiap kegiatan yang hilang ditandai.

## Mengapa
Panduan SKP §9: "Revisi tidak menghapus kegiatan lama, tapi menyesuaikan dengan kondisi terkini.
Pastikan semua perubahan dikomunikasikan dan disetujui atasan." Kegiatan yang dihapus diam-diam
menghilangkan jejak target yang sudah disepakati; ubah targetnya (dengan alasan di `revisi`)
alih-alih menghapusnya.

## Contoh buruk
```yaml previous
kegiatan:
  - {id: K1, uraian: Menyusun RKA Bagian Perencanaan, jenis: utama, mendukung: [SS1], target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3}}
  - {id: K2, uraian: Menyusun kajian kebijakan pangan, jenis: utama, mendukung: [SS1], target: {kuantitas: 2, satuan: naskah, kualitas: 100, waktu: 6}}
```
```yaml
kegiatan:
  - {id: K1, uraian: Menyusun RKA Bagian Perencanaan, jenis: utama, mendukung: [SS1], target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3}}
revisi:
  - {tanggal: 2025-07-01, alasan: "Mid-year review", disetujui: true}
```

## Contoh baik
```yaml previous
kegiatan:
  - {id: K1, uraian: Menyusun RKA Bagian Perencanaan, jenis: utama, mendukung: [SS1], target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3}}
  - {id: K2, uraian: Menyusun kajian kebijakan pangan, jenis: utama, mendukung: [SS1], target: {kuantitas: 2, satuan: naskah, kualitas: 100, waktu: 6}}
```
```yaml
kegiatan:
  - {id: K1, uraian: Menyusun RKA Bagian Perencanaan, jenis: utama, mendukung: [SS1], target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3}}
  - {id: K2, uraian: Menyusun kajian kebijakan pangan, jenis: utama, mendukung: [SS1], target: {kuantitas: 1, satuan: naskah, kualitas: 100, waktu: 6}}
revisi:
  - {tanggal: 2025-07-01, alasan: "Mid-year review: target kajian diturunkan", disetujui: true}
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding

CODE = "P615"
NAME = "revisi-menghapus-kegiatan"
FAMILY = "P"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Revisi menghapus kegiatan '{id}' ({uraian}) yang ada di versi sebelumnya ({file}); revisi menyesuaikan target, tidak menghapus kegiatan.",
    "en": "The revision removes kegiatan '{id}' ({uraian}) present in the previous version ({file}); a revision adjusts targets, it does not delete activities.",
}


def check(ctx) -> Iterator[Finding]:
    tahun = ctx.get("periode", "tahun")
    same_year = [d for d in ctx.previous if isinstance(d.data, dict)
                 and (d.data.get("periode") or {}).get("tahun") == tahun]
    if not same_year:
        return
    from skpgen.diff import compare_plans

    prev = same_year[0]
    diff = compare_plans(prev.data, ctx.data)
    for ref in diff.removed:
        yield ctx.report(("kegiatan",), key=True, id=ref.id, uraian=ref.uraian, file=prev.file)
