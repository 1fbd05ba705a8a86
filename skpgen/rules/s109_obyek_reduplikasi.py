"""Obyek jamak berulang ("data-data", "arsip-arsip") menandakan obyek yang kabur.

## Apa yang diperiksa
Kata ulang utuh di `uraian` ("bahan-bahan", "bukti-bukti", "tagihan-tagihan", juga tanpa tanda
hubung: "tugas tugas"). Bentuk ulang baku yang bukan jamak ("masing-masing", "undang-undang",
daftar `rules/reduplikasi-baku.txt`) dan kata kerja ulang ("memilah-milah") tidak ditandai.

## Mengapa
Obyek jamak tanpa ukuran ("mengumpulkan data-data") tidak menyebut berapa dan apa yang
dihasilkan; sebutkan obyeknya dengan jelas dan biarkan target kuantitas yang menghitung.

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Mengumpulkan data-data kepegawaian
    jenis: utama
    target: {kuantitas: 12, satuan: laporan, kualitas: 100, waktu: 12}
```

## Contoh baik
```yaml
kegiatan:
  - id: K1
    uraian: Memutakhirkan data riwayat jabatan pegawai pada aplikasi kepegawaian
    jenis: utama
    target: {kuantitas: 12, satuan: laporan, kualitas: 100, waktu: 12}
```

## Opsi
Tidak ada. Bentuk ulang baku diatur di `reduplikasi-baku.txt`.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding

CODE = "S109"
NAME = "obyek-reduplikasi"
FAMILY = "S"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "'{word}' adalah obyek jamak berulang yang kabur; sebutkan obyeknya secara tunggal dan jelas, biarkan target kuantitas yang menghitung.",
    "en": "'{word}' is a vague reduplicated plural object; name the object once and precisely, and let the kuantitas target count it.",
}


def reduplication(toks: tuple[str, ...], fixed) -> str | None:  # noqa: ANN001 - a WordList
    for j, t in enumerate(toks):
        head, sep, tail = t.partition("-")
        if sep and head == tail and len(head) >= 2 and head.isalpha() and t not in fixed:
            return t
        if j and t == toks[j - 1] and len(t) >= 3 and t.isalpha():
            return f"{t} {t}"
    return None


def check(ctx) -> Iterator[Finding]:
    fixed = ctx.vocab["reduplikasi-baku"]
    for i, _, _, toks in ctx.uraian():
        word = reduplication(toks, fixed)
        if word:
            yield ctx.report(("kegiatan", i, "uraian"), word=word)
