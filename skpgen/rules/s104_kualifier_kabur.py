"""Kualifier kabur ("dengan baik", "optimal", "prima") di uraian atau indikator.

## Apa yang diperiksa
`uraian` dan `indikator[].teks` setiap kegiatan tidak memuat kualifier yang memberi kesan mutu
tanpa ukuran (daftar `rules/kualifier-kabur.txt`). "maksimal" atau "optimal" yang langsung diikuti
angka ("maksimal 2 hari") adalah batas terukur dan tidak ditandai.

## Mengapa
"Dengan baik" atau "secara optimal" tidak dapat dibuktikan; kualitas diukur oleh target
kualitas (100) dan kriteria penilaiannya, bukan oleh kata sifat di uraian.

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Mengelola arsip dinamis dengan baik
    jenis: utama
    target: {kuantitas: 1200, satuan: berkas, kualitas: 100, waktu: 12}
```

## Contoh baik
```yaml
kegiatan:
  - id: K1
    uraian: Mengelola arsip dinamis aktif unit pengolah
    jenis: utama
    indikator:
      - {teks: Waktu temu balik arsip maksimal 5 menit per berkas, aspek: kualitas}
    target: {kuantitas: 1200, satuan: berkas, kualitas: 100, waktu: 12}
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._util import texts_of_kegiatan

CODE = "S104"
NAME = "kualifier-kabur"
FAMILY = "S"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "'{phrase}' adalah kualifier kabur; hapus dan nyatakan mutunya dengan ukuran (persen, jumlah kesalahan, batas waktu).",
    "en": "'{phrase}' is a vague qualifier; remove it and state quality with a measure (percent, number of errors, time limit).",
}
_BOUND = re.compile(r"\s*(?:[≥≤<>=]\s*)?\d")


def check(ctx) -> Iterator[Finding]:
    wl = ctx.vocab["kualifier-kabur"]
    if wl._any_re is None:
        return
    for i, k in ctx.kegiatan():
        for rel, text in texts_of_kegiatan(k):
            low = text.lower()
            for m in wl._any_re.finditer(low):
                if _BOUND.match(low, m.end()):
                    continue  # "maksimal 2 hari" is a bound, not a vague qualifier
                yield ctx.report(("kegiatan", i, *rel), phrase=text[m.start():m.end()])
                break
