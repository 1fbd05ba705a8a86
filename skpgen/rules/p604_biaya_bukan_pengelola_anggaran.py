"""Target biaya pada pegawai yang bukan pengelola anggaran.

## Apa yang diperiksa
`target.biaya` (lebih dari 0) hanya pada pegawai dengan `pegawai.pengelola_anggaran: true`.

## Mengapa
Aspek biaya dinilai hanya bagi pemegang anggaran; Kopertis V: tidak untuk JFT, JFU, eselon III
ke bawah (DOMAIN.md E.1.4). Biaya pada pegawai lain mengubah pembagi nilai capaian (4 aspek)
tanpa dasar.

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun RKA Bagian Perencanaan
    jenis: utama
    target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3, biaya: 5000000}
```

## Contoh baik
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun RKA Bagian Perencanaan
    jenis: utama
    target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3, biaya: null}
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._util import is_number, label

CODE = "P604"
NAME = "biaya-bukan-pengelola-anggaran"
FAMILY = "P"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Kegiatan '{id}' punya target biaya, padahal pegawai bukan pengelola anggaran; hapus target.biaya atau isi pegawai.pengelola_anggaran: true.",
    "en": "Kegiatan '{id}' has a biaya target although the employee does not manage a budget; remove target.biaya or set pegawai.pengelola_anggaran: true.",
}


def check(ctx) -> Iterator[Finding]:
    if ctx.get("pegawai", "pengelola_anggaran") is True:
        return
    for i, k in ctx.kegiatan():
        target = k.get("target")
        if isinstance(target, dict) and is_number(target.get("biaya")) and target["biaya"] > 0:
            yield ctx.report(("kegiatan", i, "target", "biaya"), id=label(k, i))
