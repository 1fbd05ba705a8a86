"""Kata kerja proses + kata benda aktivitas, tanpa keluaran ("Melakukan pendampingan …").

## Apa yang diperiksa
Uraian `pp46-2011` yang kata kerja utamanya kata kerja proses ("melaksanakan", "melakukan",
"mengadakan", "menyelenggarakan", daftar `rules/verba-proses.txt`) dengan obyek berupa aktivitas
yang dibendakan ("pelayanan", "pengkajian", "koordinasi", "asuhan", "konseling"; juga sesudah
"proses"/"kegiatan": "Melaksanakan proses pembelajaran"), bila kegiatan itu tidak menyebut
keluaran konkret di uraian maupun indikatornya (daftar `rules/keluaran-konkret.txt`) dan uraian
tidak menyebut jumlah ("di 12 kecamatan", "24 jam pelajaran per minggu").

## Mengapa
"Melaksanakan rapat …" atau "Melakukan pendampingan …" menyebut pekerjaan dua kali (kata kerja dan
kata bendanya) tetapi tidak menyebut hasilnya. Panduan SKP: [verba aksi] + [obyek] yang dapat
dihitung; tulis kata kerja yang sebenarnya dan keluarannya ("Mendampingi … dan menyusun laporan
pendampingan", "Menyusun notulen rapat …").

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Melakukan pendampingan penyusunan anggaran desa
    jenis: utama
    target: {kuantitas: 12, satuan: kegiatan, kualitas: 100, waktu: 12}
```

## Contoh baik
```yaml
kegiatan:
  - id: K1
    uraian: Mendampingi penyusunan anggaran desa dan menyusun laporan hasil pendampingan
    jenis: utama
    target: {kuantitas: 12, satuan: laporan, kualitas: 100, waktu: 12}
```

## Opsi
Tidak ada. Daftar di `verba-proses.txt`, `nomina-aktivitas.txt` dan `keluaran-konkret.txt`.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._util import has_quantity, named_output

CODE = "S110"
NAME = "proses-tanpa-keluaran"
FAMILY = "S"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "'{phrase}' menyebut proses tanpa keluaran; pakai kata kerjanya langsung dan sebutkan hasilnya, misalnya '{hint}'.",
    "en": "'{phrase}' names a process without an output; use the verb itself and state the result, e.g. '{hint}'.",
}
_TRANSPARENT = ("proses", "kegiatan", "administrasi")


def check(ctx) -> Iterator[Finding]:
    if ctx.is_6_2022:
        return
    vocab = ctx.vocab
    process = vocab["verba-proses"]
    for i, k, uraian, toks in ctx.uraian():
        # the main verb is the first word, or the second after a leading noun ("Kegiatan melakukan …")
        for j in range(min(2, len(toks))):
            verb = toks[j] if toks[j] in process else vocab.typo_of(toks[j])
            if verb in process:
                break
        else:
            continue
        rest = list(toks[j + 1:])
        while rest and rest[0] in _TRANSPARENT:
            rest.pop(0)
        if (not rest or not vocab.is_activity_noun(rest[0], broad=True) or has_quantity(uraian)
                or named_output(vocab, k)):
            continue
        noun = rest[0]
        hint = f"{(vocab.suggest_verb(noun) or 'Menyusun').capitalize()} … dan menyusun laporan {noun}"
        phrase = " ".join(uraian.split()[: len(toks) - len(rest) + 1])
        yield ctx.report(("kegiatan", i, "uraian"), phrase=phrase, hint=hint)
