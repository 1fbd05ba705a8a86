"""Kata kerja pertama yang salah ketik ("Menyusn", "Melakukkan") dilaporkan dengan sarannya.

## Apa yang diperiksa
Kata pertama `uraian` yang tidak dikenal tetapi hanya satu huruf berbeda (tambah, hilang, ganti,
atau dua huruf bertukar; dua untuk kata sepuluh huruf atau lebih) dari kata kerja di
`rules/kata-kerja-operasional.txt` (juga bentuk -kan/-i) atau bentuk hasil RHK di
`hasil-rhk.txt`. Temuan ini menggantikan S101: kata yang salah ketik tidak dilaporkan sebagai
"bukan kata kerja".

## Mengapa
"Menyusn laporan" bukan uraian tanpa kata kerja; penyusunnya hanya salah ketik. Pesan yang tepat
("Maksud Anda 'Menyusun'?") lebih cepat diperbaiki dan tidak tercetak salah di formulir.

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Menyusn laporan realisasi anggaran bulanan
    jenis: utama
    target: {kuantitas: 12, satuan: laporan, kualitas: 100, waktu: 12}
```

## Contoh baik
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun laporan realisasi anggaran bulanan
    jenis: utama
    target: {kuantitas: 12, satuan: laporan, kualitas: 100, waktu: 12}
```

## Opsi
Tidak ada. Tambahkan kata kerja instansi yang benar di `kata-kerja-operasional.txt` pada folder
`--vocab` bila kata itu bukan salah ketik.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._util import first_word

CODE = "S114"
NAME = "salah-ketik-verba"
FAMILY = "S"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "'{word}' tampaknya salah ketik. Maksud Anda '{suggestion}'?",
    "en": "'{word}' looks like a typing slip. Did you mean '{suggestion}'?",
}


def check(ctx) -> Iterator[Finding]:
    for i, k in ctx.kegiatan():
        raw = k.get("uraian")
        word = first_word(raw)
        if not word:
            continue
        slip = ctx.vocab.typo_of(word)
        if slip:
            shown = raw.split()[0].strip(",.;:/")
            yield ctx.report(("kegiatan", i, "uraian"), word=shown, suggestion=slip.capitalize())
