"""Pegawai yang dinilai berpangkat lebih tinggi dari pejabat penilainya.

## Apa yang diperiksa
Golongan ruang `pegawai.golongan` tidak lebih tinggi dari `pejabat_penilai.golongan`
(urutan I/a < I/b < … < IV/e). Golongan yang tidak dikenali (misalnya PPPK) dilewati.

## Mengapa
Pejabat penilai adalah atasan langsung; pegawai yang berpangkat lebih tinggi dari penilainya
hampir selalu berarti pejabat penilai salah diisi (DOMAIN.md E.1.8: "Dinilai must not outrank
penilai").

## Contoh buruk
```yaml
pegawai:
  nama: "Ali Rahman, S.E."
  nip: "198503122010011002"
  pangkat: Pembina Tingkat I
  golongan: IV/b
  jabatan: Analis Kebijakan Ahli Madya
  jenis_jabatan: fungsional_tertentu
  unit_kerja: Bagian Perencanaan
  pengelola_anggaran: false
```

## Contoh baik
```yaml
pegawai:
  nama: "Ali Rahman, S.E."
  nip: "198503122010011002"
  pangkat: Penata
  golongan: III/c
  jabatan: Analis Kebijakan Ahli Muda
  jenis_jabatan: fungsional_tertentu
  unit_kerja: Bagian Perencanaan
  pengelola_anggaran: false
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._util import golongan_rank

CODE = "P608"
NAME = "dinilai-melebihi-penilai"
FAMILY = "P"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Golongan pegawai ({dinilai}) lebih tinggi dari golongan pejabat penilai ({penilai}); periksa apakah pejabat penilai benar atasan langsung.",
    "en": "The employee's golongan ({dinilai}) is higher than the assessing official's ({penilai}); check that the pejabat penilai is really the direct supervisor.",
}


def check(ctx) -> Iterator[Finding]:
    a, b = ctx.get("pegawai", "golongan"), ctx.get("pejabat_penilai", "golongan")
    ra, rb = golongan_rank(a), golongan_rank(b)
    if ra is not None and rb is not None and ra > rb:
        yield ctx.report(("pegawai", "golongan"), dinilai=a, penilai=b)
