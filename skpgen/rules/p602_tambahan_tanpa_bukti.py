"""Tugas tambahan tanpa bukti penugasan.

## Apa yang diperiksa
Kegiatan `jenis: tambahan` punya `bukti` (surat tugas, SK, notulen, tautan dokumentasi).

## Mengapa
Panduan SKP: "Kegiatan tambahan bukan kegiatan harian sukarela, tetapi harus ada bukti penugasan …
perlu diarsipkan surat tugas, notulen, atau dokumentasi kegiatan." Nilai tugas tambahan hanya
dihitung untuk kegiatan yang berbukti (SPEC §4.2).

## Contoh buruk
```yaml
kegiatan:
  - id: T1
    uraian: Menjadi anggota panitia pemilihan pengadaan barang/jasa
    jenis: tambahan
```

## Contoh baik
```yaml
kegiatan:
  - id: T1
    uraian: Menjadi anggota panitia pemilihan pengadaan barang/jasa
    jenis: tambahan
    bukti: ["SK Kepala Dinas Nomor 027/112/2025 tentang Pokja Pemilihan"]
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._util import has_bukti, label

CODE = "P602"
NAME = "tambahan-tanpa-bukti"
FAMILY = "P"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Tugas tambahan '{id}' tidak punya bukti; lampirkan surat tugas/SK atau notulen, karena tanpa bukti tidak dihitung dalam nilai tugas tambahan.",
    "en": "Additional task '{id}' has no bukti; attach the assignment letter/decree or minutes, since without bukti it does not count towards the tugas tambahan value.",
}


def check(ctx) -> Iterator[Finding]:
    for i, k in ctx.kegiatan():
        if k.get("jenis") == "tambahan" and not has_bukti(k):
            yield ctx.report(("kegiatan", i, "bukti") if "bukti" in k else ("kegiatan", i, "jenis"), key=True,
                             id=label(k, i))
