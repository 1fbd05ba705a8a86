"""Angka kredit hanya untuk jabatan fungsional tertentu (dan tidak per butir sejak 6/2022).

## Apa yang diperiksa
`angka_kredit` pada kegiatan hanya bila `pegawai.jenis_jabatan: fungsional_tertentu`. Pada SKP
`permenpanrb-6-2022` angka kredit per butir tidak lagi dicantumkan di SKP.

## Mengapa
Kolom AK formulir SKP hanya untuk JFT (AK target = AK per butir × kuantitas). PermenPANRB 6/2022
memisahkan SKP dan angka kredit; AK kini dihitung dari koefisien × konversi predikat
(PermenPANRB 1/2023).

## Contoh buruk
```yaml
pegawai:
  nama: "Budi Santoso"
  nip: "198701012010011001"
  pangkat: Penata Muda
  golongan: III/a
  jabatan: Pengadministrasi Umum
  jenis_jabatan: pelaksana
  unit_kerja: Bagian Umum
kegiatan:
  - id: K1
    uraian: Mengagendakan surat masuk dan keluar
    jenis: utama
    angka_kredit: 0.01
    target: {kuantitas: 1200, satuan: surat, kualitas: 100, waktu: 12}
```

## Contoh baik
```yaml
pegawai:
  nama: "Budi Santoso"
  nip: "198701012010011001"
  pangkat: Penata Muda
  golongan: III/a
  jabatan: Pengadministrasi Umum
  jenis_jabatan: pelaksana
  unit_kerja: Bagian Umum
kegiatan:
  - id: K1
    uraian: Mengagendakan surat masuk dan keluar
    jenis: utama
    target: {kuantitas: 1200, satuan: surat, kualitas: 100, waktu: 12}
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._util import label

CODE = "P605"
NAME = "angka-kredit-bukan-jft"
FAMILY = "P"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Kegiatan '{id}' mencantumkan angka kredit, padahal jabatan pegawai bukan fungsional tertentu ({jenis}); hapus angka_kredit.",
    "en": "Kegiatan '{id}' lists angka kredit although the position is not a certified functional one ({jenis}); remove angka_kredit.",
}
MESSAGES = {
    "r6_2022": {
        "id": "Kegiatan '{id}' mencantumkan angka kredit per butir; sejak PermenPANRB 6/2022 SKP terpisah dari angka kredit (AK = koefisien × konversi predikat).",
        "en": "Kegiatan '{id}' lists per-item angka kredit; since PermenPANRB 6/2022 the SKP is separate from credit points (AK = koefisien × predikat conversion).",
    },
}


def check(ctx) -> Iterator[Finding]:
    jenis = ctx.get("pegawai", "jenis_jabatan")
    for i, k in ctx.kegiatan():
        if k.get("angka_kredit") is None:
            continue
        path = ("kegiatan", i, "angka_kredit")
        if ctx.is_6_2022:
            yield ctx.report(path, key=True, variant="r6_2022", id=label(k, i))
        elif jenis != "fungsional_tertentu":
            yield ctx.report(path, key=True, id=label(k, i), jenis=jenis)
