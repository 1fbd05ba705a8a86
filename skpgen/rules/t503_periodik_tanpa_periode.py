"""Kegiatan atau indikator periodik ("berkala", "rutin") menyebut periodenya.

## Apa yang diperiksa
Uraian atau indikator yang memakai kata periodik (daftar `rules/kata-periodik.txt`: berkala,
periodik, rutin, secara teratur, …) tetapi tidak menyebut periode konkret (harian, mingguan,
bulanan, triwulan, semester, tahunan, nama bulan, tanggal; daftar `kata-periode.txt`) di uraian
maupun indikatornya. Istilah tetap yang kebetulan memuat kata periodik ("kenaikan gaji berkala",
"belanja rutin", daftar `istilah-periodik.txt`) tidak dihitung.

## Mengapa
"Berkala" tanpa periode tidak dapat dipantau: atasan tidak tahu kapan keluaran berikutnya jatuh
tempo. Panduan SKP: "Waktu: Diselesaikan sebelum tanggal 25 setiap bulan".

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun laporan pemantauan harga pangan secara berkala
    jenis: utama
    target: {kuantitas: 12, satuan: laporan, kualitas: 100, waktu: 12}
```

## Contoh baik
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun laporan pemantauan harga pangan secara berkala
    jenis: utama
    indikator:
      - {teks: Laporan disampaikan sebelum tanggal 25 setiap bulan, aspek: waktu}
    target: {kuantitas: 12, satuan: laporan, kualitas: 100, waktu: 12}
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._util import label, texts_of_kegiatan

CODE = "T503"
NAME = "periodik-tanpa-periode"
FAMILY = "T"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Kegiatan '{id}' bersifat '{word}' tetapi tidak menyebut periodenya; tulis 'setiap bulan', 'per triwulan' atau tanggal tenggatnya.",
    "en": "Kegiatan '{id}' is '{word}' but names no period; write 'setiap bulan', 'per triwulan' or the due date.",
}


def check(ctx) -> Iterator[Finding]:
    periodic, period = ctx.vocab["kata-periodik"], ctx.vocab["kata-periode"]
    terms = ctx.vocab["istilah-periodik"]
    for i, k in ctx.kegiatan():
        texts = texts_of_kegiatan(k)
        hit = None
        for rel, text in texts:
            while term := terms.find(text):  # "Kenaikan Gaji Berkala" names a thing, not a period
                text = text[: (at := text.lower().find(term))] + text[at + len(term):]
            word = periodic.find(text)
            if word:
                hit = (rel, word)
                break
        if hit is None:
            continue
        if any(period.find(text) for _, text in texts):
            continue
        yield ctx.report(("kegiatan", i, *hit[0]), id=label(k, i), word=hit[1])
