"""Uraian PP 46/2011 hanya kata benda: tidak ada kata kerja dan tidak ada keluaran.

## Apa yang diperiksa
Uraian kegiatan utama `pp46-2011` (tugas tambahan dan kreatif lazim ditulis sebagai nama
kegiatan) yang tidak memuat satu pun kata kerja (hanya nama kegiatan:
"Pendataan", "Pemeliharaan", "Rapat koordinasi", "Tindak lanjut verifikasi") bila kegiatan itu tidak menyebut
keluaran konkret di uraian maupun indikatornya (laporan, dokumen, berita acara, SK…, daftar
`rules/keluaran-konkret.txt`).
S101 sudah menandai kata benda di awal; aturan ini menandai bahwa, bahkan setelah diganti kata
kerja ("Mendata"), uraian masih tidak menyebut apa yang dihasilkan.

## Mengapa
Panduan SKP: uraian berpola [verba aksi] + [obyek]; target kuantitas menghitung keluaran. Nama
kegiatan saja ("Pemeliharaan") tidak bisa dihitung atau diperiksa mutunya.

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Rapat koordinasi
    jenis: utama
    target: {kuantitas: 12, satuan: kali, kualitas: 100, waktu: 12}
```

## Contoh baik
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun notulen dan rekomendasi rapat koordinasi perencanaan bulanan
    jenis: utama
    target: {kuantitas: 12, satuan: notulen, kualitas: 100, waktu: 12}
```

## Opsi
Tidak ada. Keluaran konkret diatur di `keluaran-konkret.txt`.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._util import named_output

CODE = "S108"
NAME = "nominal-tanpa-keluaran"
FAMILY = "S"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Uraian '{uraian}' hanya nama kegiatan: tanpa kata kerja dan tanpa keluaran; tulis [verba aksi] + [keluaran], misalnya 'Menyusun laporan …'.",
    "en": "The uraian '{uraian}' only names an activity: no verb and no output; write [action verb] + [output], e.g. 'Menyusun laporan …'.",
}
_VERBS = ("operasional", "aktif", "kabur", "bukan-aksi", "intransitif")


def check(ctx) -> Iterator[Finding]:
    if ctx.is_6_2022:
        return
    vocab = ctx.vocab
    for i, k, uraian, toks in ctx.uraian():
        if k.get("jenis", "utama") != "utama" or any(vocab.verb_kind(t) in _VERBS or vocab.typo_of(t) for t in toks):
            continue
        if named_output(vocab, k):
            continue
        yield ctx.report(("kegiatan", i, "uraian"), uraian=" ".join(uraian.split()[:6]))
