"""Uraian berpola [verba aksi] + [obyek]: kata kerja harus diikuti obyek yang nyata.

## Apa yang diperiksa
Setelah kata kerja pertama, uraian harus menyebut obyek yang nyata. Uraian yang hanya berisi
kata kerja ("Menyusun") atau kata kerja dengan obyek umum saja ("Melaksanakan kegiatan",
"Menyelesaikan tugas", daftar `rules/obyek-umum.txt`) ditandai.

## Mengapa
Panduan SKP: "Tuliskan ringkas: gunakan format [verba aksi] + [obyek]". Tanpa obyek tidak ada
keluaran yang dapat dihitung atau diperiksa mutunya.

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Melaksanakan kegiatan
    jenis: utama
    target: {kuantitas: 12, satuan: kegiatan, kualitas: 100, waktu: 12}
```

## Contoh baik
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun laporan hasil audit kepatuhan terhadap belanja barang
    jenis: utama
    target: {kuantitas: 4, satuan: laporan, kualitas: 100, waktu: 12}
```

## Opsi
Tidak ada. Obyek umum diatur di `obyek-umum.txt`.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.lint.vocab import tokens

CODE = "S102"
NAME = "verba-tanpa-obyek"
FAMILY = "S"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Uraian '{uraian}' tidak menyebut obyek yang nyata setelah kata kerja; sebutkan keluarannya, misalnya '{verb} laporan evaluasi program'.",
    "en": "The uraian '{uraian}' names no real object after the verb; name the output, e.g. '{verb} laporan evaluasi program'.",
}
_FILLER = {"dan", "yang", "di", "ke", "dari", "untuk", "pada", "secara", "dengan", "serta", "atau", "para",
           "sesuai", "setiap", "semua", "seluruh", "berbagai"}


def check(ctx) -> Iterator[Finding]:
    generic = ctx.vocab["obyek-umum"]
    for i, k in ctx.kegiatan():
        uraian = k.get("uraian")
        if not isinstance(uraian, str):
            continue
        toks = tokens(uraian)
        if not toks or ctx.vocab.verb_kind(toks[0]) not in ("operasional", "aktif", "kabur"):
            continue
        rest = [w for w in toks[1:] if w not in _FILLER and w not in generic]
        if not rest:
            yield ctx.report(("kegiatan", i, "uraian"), uraian=uraian.strip(), verb=uraian.split()[0])
