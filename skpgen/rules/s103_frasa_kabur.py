"""Uraian kabur tanpa keluaran konkret ("Meningkatkan pelayanan", "Membantu …", "lain-lain").

## Apa yang diperiksa
Tiga pola pada `uraian`:
1. diawali verba kabur yang tidak menyebut keluaran sendiri ("Membantu", "Mendukung",
   "Berpartisipasi", daftar `kata-kerja-kabur.txt`);
2. memuat frasa kabur ("lain-lain", "kegiatan sehari-hari", daftar `frasa-kabur.txt`); tugas
   titipan dari pimpinan ("tugas lain yang diberikan atasan") dilaporkan S112;
3. (PP 46/2011) verba perubahan ("Meningkatkan", "Mengoptimalkan") dengan obyek abstrak
   ("pelayanan", "kualitas", "partisipasi") tanpa keadaan akhir yang terukur: tidak ada angka,
   persen, atau "menjadi …".
Pada RHK 6/2022 pola 3 tidak berlaku: hasil seperti "Meningkatnya kualitas layanan" diukur
oleh IKI-nya.

## Mengapa
Panduan SKP (Spesifik): contoh buruk "Meningkatkan pelayanan", contoh SMART "Mengurangi waktu
proses verifikasi dokumen menjadi ≤ 2 hari kerja". Uraian kabur membuat penilaian subjektif.

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Meningkatkan pelayanan
    jenis: utama
    target: {kuantitas: 1, satuan: laporan, kualitas: 100, waktu: 12}
```

## Contoh baik
```yaml
kegiatan:
  - id: K1
    uraian: Mengurangi waktu proses verifikasi dokumen menjadi ≤ 2 hari kerja
    jenis: utama
    target: {kuantitas: 12, satuan: laporan, kualitas: 100, waktu: 12}
```

## Opsi
Tidak ada. Daftar kata diatur di `kata-kerja-kabur.txt`, `frasa-kabur.txt`,
`kata-kerja-perubahan.txt` dan `obyek-abstrak.txt`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.lint.vocab import has_number, tokens

CODE = "S103"
NAME = "frasa-kabur"
FAMILY = "S"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Uraian memakai '{phrase}' yang tidak menyebut keluaran konkret; sebutkan hasil yang dapat diperiksa (dokumen, jumlah, waktu).",
    "en": "The uraian uses '{phrase}', which names no concrete output; state a checkable result (a document, a count, a time).",
}
MESSAGES = {
    "perubahan": {
        "id": "'{phrase}' tanpa keadaan akhir yang terukur; tulis sasarannya, misalnya '… menjadi ≥ 90%' atau '… menjadi ≤ 2 hari kerja'.",
        "en": "'{phrase}' has no measurable end state; state the goal, e.g. '… menjadi ≥ 90%' or '… menjadi ≤ 2 hari kerja'.",
    },
}
_END_STATE = re.compile(r"\bmenjadi\b|[≥≤<>]|\bpersen\b|%", re.IGNORECASE)


def check(ctx) -> Iterator[Finding]:
    vague_verbs = ctx.vocab["kata-kerja-kabur"]
    phrases = ctx.vocab["frasa-kabur"]
    change = ctx.vocab["kata-kerja-perubahan"]
    abstract = ctx.vocab["obyek-abstrak"]
    for i, k in ctx.kegiatan():
        uraian = k.get("uraian")
        if not isinstance(uraian, str):
            continue
        toks = tokens(uraian)
        if not toks:
            continue
        path = ("kegiatan", i, "uraian")
        if toks[0] in vague_verbs:
            yield ctx.report(path, phrase=" ".join(uraian.split()[:2]))
            continue
        phrase = phrases.find(uraian)
        if phrase:
            yield ctx.report(path, phrase=phrase)
            continue
        if ctx.is_6_2022 or toks[0] not in change or len(toks) < 2:
            continue
        obj = abstract.starts(" ".join(toks[1:]))
        if obj and not has_number(uraian) and not _END_STATE.search(uraian):
            yield ctx.report(path, variant="perubahan", phrase=" ".join(uraian.split()[:1 + len(obj.split())]))
