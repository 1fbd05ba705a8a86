"""Realisasi biaya melebihi target biaya.

## Apa yang diperiksa
`realisasi.biaya` lebih besar dari `target.biaya` (lebih dari 0).

## Mengapa
Biaya yang melampaui pagu menurunkan nilai aspek biaya dan biasanya butuh revisi anggaran yang
disetujui; tanpa penjelasan ini tanda perencanaan anggaran yang lemah (DOMAIN.md E.1.12).

## Contoh buruk
```yaml
pegawai:
  nama: "Ali Rahman, S.E."
  nip: "198503122010011002"
  pangkat: Penata
  golongan: III/c
  jabatan: Kepala Subbagian Keuangan
  jenis_jabatan: struktural
  unit_kerja: Bagian Perencanaan
  pengelola_anggaran: true
kegiatan:
  - id: K1
    uraian: Menyelenggarakan bimbingan teknis penyusunan RKA
    jenis: utama
    target: {kuantitas: 1, satuan: kegiatan, kualitas: 100, waktu: 3, biaya: 50000000}
    realisasi: {kuantitas: 1, kualitas: 90, waktu: 3, biaya: 62000000}
    tindak_lanjut: "Revisi DPA diajukan"
```

## Contoh baik
```yaml
pegawai:
  nama: "Ali Rahman, S.E."
  nip: "198503122010011002"
  pangkat: Penata
  golongan: III/c
  jabatan: Kepala Subbagian Keuangan
  jenis_jabatan: struktural
  unit_kerja: Bagian Perencanaan
  pengelola_anggaran: true
kegiatan:
  - id: K1
    uraian: Menyelenggarakan bimbingan teknis penyusunan RKA
    jenis: utama
    target: {kuantitas: 1, satuan: kegiatan, kualitas: 100, waktu: 3, biaya: 50000000}
    realisasi: {kuantitas: 1, kualitas: 90, waktu: 3, biaya: 48000000}
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._util import is_number, label
from skpgen.scoring.format import fmt_plain

CODE = "P618"
NAME = "biaya-melebihi-target"
FAMILY = "P"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Realisasi biaya kegiatan '{id}' (Rp {real}) melebihi target (Rp {target}); catat alasan dan persetujuan revisi anggarannya.",
    "en": "The biaya realisation of kegiatan '{id}' (Rp {real}) exceeds the target (Rp {target}); record the reason and the approved budget revision.",
}


def check(ctx) -> Iterator[Finding]:
    for i, k in ctx.kegiatan():
        target, real = k.get("target"), k.get("realisasi")
        if not isinstance(target, dict) or not isinstance(real, dict):
            continue
        tb, rb = target.get("biaya"), real.get("biaya")
        if is_number(tb) and is_number(rb) and tb > 0 and rb > tb:
            yield ctx.report(("kegiatan", i, "realisasi", "biaya"), id=label(k, i), real=fmt_plain(rb), target=fmt_plain(tb))
