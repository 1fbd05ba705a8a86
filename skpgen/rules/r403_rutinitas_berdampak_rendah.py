"""Pekerjaan rutin berdampak rendah dijadikan kegiatan utama.

## Apa yang diperiksa
Kegiatan `utama` yang uraiannya diawali pekerjaan rutin berdampak rendah (daftar
`rules/rutinitas-rendah.txt`): mengetik, memfotokopi, mengantar surat, menerima telepon,
mengikuti apel/rapat, mengikuti pelatihan, dan sejenisnya.

## Mengapa
Panduan SKP (Relevant): kegiatan harus selaras dengan tupoksi dan prioritas strategis, "bukan
sekadar aktivitas rutin yang tidak berdampak besar". Contoh buruk: "Mengetik notulen rapat
mingguan"; contoh SMART: "Menyusun notulen rapat evaluasi program dengan rekomendasi KPI jelas".
Mengikuti pelatihan adalah pengembangan kompetensi (`rencana_pelatihan`), bukan hasil kerja.

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Mengetik notulen rapat mingguan
    jenis: utama
    target: {kuantitas: 48, satuan: notulen, kualitas: 100, waktu: 12}
```

## Contoh baik
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun notulen rapat evaluasi program dengan rekomendasi KPI yang jelas
    jenis: utama
    target: {kuantitas: 12, satuan: notulen, kualitas: 100, waktu: 12}
```

## Opsi
Tidak ada. Daftar diatur di `rutinitas-rendah.txt`.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._util import label

CODE = "R403"
NAME = "rutinitas-berdampak-rendah"
FAMILY = "R"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Kegiatan utama '{id}' berupa pekerjaan rutin berdampak rendah ('{phrase}'); tulis keluaran yang bernilai bagi unit, atau hapus dari kegiatan utama.",
    "en": "Main kegiatan '{id}' is low-impact routine work ('{phrase}'); state an output that matters to the unit, or drop it from the main activities.",
}


def check(ctx) -> Iterator[Finding]:
    routine = ctx.vocab["rutinitas-rendah"]
    for i, k in ctx.kegiatan():
        if k.get("jenis") != "utama" or not isinstance(k.get("uraian"), str):
            continue
        phrase = routine.starts(k["uraian"])
        if phrase:
            yield ctx.report(("kegiatan", i, "uraian"), id=label(k, i), phrase=phrase)
