"""Keluaran generik tanpa hasil konkret ("Menyusun makalah", "Menyiapkan layanan …").

## Apa yang diperiksa
Uraian yang kata kerja penghasilnya ("menyusun", "membuat", "menyiapkan", "memberikan", daftar
`rules/verba-keluaran.txt`) berobyek keluaran generik ("karya ilmiah", "makalah", "layanan",
"bahan", "materi", "kelengkapan", "administrasi", daftar `rules/keluaran-generik.txt`) sedangkan
kegiatan itu tidak menyebut keluaran konkret apa pun di uraian maupun indikatornya (daftar
`rules/keluaran-konkret.txt`). Obyek ulang ("bahan-bahan") ditandai S109.

## Mengapa
"Menyusun karya ilmiah" atau "Menyiapkan bahan" tidak menyebut apa yang diserahkan: judul/topik,
jenis dokumen dan untuk siapa. Penilai tidak bisa memeriksa kuantitas maupun mutunya.

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun karya ilmiah
    jenis: utama
    target: {kuantitas: 1, satuan: naskah, kualitas: 100, waktu: 12}
```

## Contoh baik
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun naskah karya ilmiah tentang evaluasi pembelajaran daring untuk jurnal kabupaten
    jenis: utama
    target: {kuantitas: 1, satuan: naskah, kualitas: 100, waktu: 12}
```

## Opsi
Tidak ada. Daftar di `verba-keluaran.txt`, `keluaran-generik.txt` dan `keluaran-konkret.txt`.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._util import named_output

CODE = "S111"
NAME = "keluaran-generik"
FAMILY = "S"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "'{phrase}' adalah keluaran generik; sebutkan dokumen atau hasil yang diserahkan (jenis, topik, penerima).",
    "en": "'{phrase}' is a generic output; name the document or result delivered (kind, topic, recipient).",
}
_ACTIVE = ("operasional", "aktif")


def object_start(toks: tuple[str, ...], vocab) -> int | None:  # noqa: ANN001 - a Vocab
    """Index of the object after the first verb, skipping "dan <verb>" ("Menyusun dan menyiapkan X")."""
    if not toks or vocab.verb_kind(toks[0]) not in _ACTIVE:
        return None
    j = 1
    while j + 1 < len(toks) and toks[j] in ("dan", "serta", "atau") and vocab.verb_kind(toks[j + 1]) in _ACTIVE:
        j += 2
    return j if j < len(toks) else None


def check(ctx) -> Iterator[Finding]:
    vocab = ctx.vocab
    producing, generic = vocab["verba-keluaran"], vocab["keluaran-generik"]
    for i, k, uraian, toks in ctx.uraian():
        j = object_start(toks, vocab)
        if j is None or toks[0] not in producing:
            continue
        head = generic.starts(" ".join(toks[j:]))
        if not head or named_output(vocab, k):
            continue
        yield ctx.report(("kegiatan", i, "uraian"), phrase=f"{uraian.split()[0]} {head}")
