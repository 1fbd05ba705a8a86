"""Dua kata tertulis tergabung ("Menyusunlaporan", "danpenyetoran", "kedalam").

## Apa yang diperiksa
Kata di `uraian` atau teks indikator yang sebenarnya dua kata atau lebih tanpa spasi:
1. kata kerja yang dikenal menempel pada kata berikutnya ("Menyusunlaporan" → "Menyusun laporan");
2. kata tugas ("dan", "sesuai", "termasuk", daftar `rules/kata-fungsi.txt`) menempel pada kata
   lain ("danpenyetoran", "termasukmembuat"), atau terselip di dalam rangkaian kata yang panjang
   ("Kegiatansesuaidenganprosedur");
3. kata depan yang lazim tergabung ("kedalam", "dibalik", daftar `rules/kata-tergabung.txt`);
4. huruf besar di tengah kata ("PerundangUndangan").

## Mengapa
Salah ketik seperti ini lolos dari pemeriksaan kata kerja (S101 melihat "Menyusunlaporan" sebagai
kata yang tidak dikenal) dan tercetak apa adanya di formulir yang ditandatangani.

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Menyusunlaporan realisasi anggaran bulanan
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
Tidak ada. Daftar di `kata-fungsi.txt` dan `kata-tergabung.txt`; kata kerja dari
`kata-kerja-operasional.txt`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from skpgen.findings import Finding
from skpgen.rules._util import texts_of_kegiatan

CODE = "S113"
NAME = "kata-tergabung"
FAMILY = "S"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "'{word}' tampaknya kata yang tergabung; maksud Anda '{split}'?",
    "en": "'{word}' looks like words typed together; did you mean '{split}'?",
}
_WORD = re.compile(r"[A-Za-zÀ-ÿ]+")
_CAMEL = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")
_SUFFIX = ("kan", "i", "nya", "lah", "kah", "pun", "kannya", "an")
_INNER = ("dengan", "sesuai", "sebagai", "kepada", "terhadap", "secara", "untuk")


@lru_cache(maxsize=8)
def _lexicon(vocab) -> frozenset[str]:  # noqa: ANN001 - a Vocab
    words: set[str] = set(vocab.nominal)
    for name in ("keluaran-konkret", "keluaran-generik", "satuan", "obyek-umum", "obyek-abstrak",
                 "nomina-aktivitas", "hasil-rhk", "kata-kerja-operasional"):
        words |= vocab[name].words
    return frozenset(w for w in words if w.isalpha())


@lru_cache(maxsize=16384)
def split_of(vocab, word: str) -> str | None:  # noqa: ANN001 - a Vocab
    """How ``word`` splits into the words it glues together, or None."""
    low = word.lower()
    if len(low) < 6:
        return None
    if low in vocab["kata-tergabung"]:
        return f"{word[:2]} {word[2:]}"
    if len(word) >= 8 and _CAMEL.search(word):
        return _CAMEL.sub(" ", word)
    if vocab.verb_kind(low) == "operasional" or low in vocab.nominal:
        return None
    lexicon = _lexicon(vocab)

    def is_word(rest: str) -> bool:
        return len(rest) >= 4 and (rest in lexicon or vocab.is_activity_noun(rest)
                                   or vocab.verb_kind(rest) == "operasional")

    for verb in vocab["kata-kerja-operasional"].words:
        if len(verb) >= 6 and low.startswith(verb):
            rest = low[len(verb):]
            if rest not in _SUFFIX and is_word(rest):
                return f"{word[:len(verb)]} {word[len(verb):]}"
    for fw in vocab["kata-fungsi"].words:
        if len(fw) >= 3 and low.startswith(fw) and is_word(low[len(fw):]):
            return f"{word[:len(fw)]} {word[len(fw):]}"
    if len(low) >= 16:
        cuts: set[int] = set()
        for fw in _INNER:
            at = low.find(fw, 3)
            while at >= 3:
                if len(low) - at - len(fw) >= 3:
                    cuts.update((at, at + len(fw)))
                at = low.find(fw, at + 1)
        if cuts:
            bounds = [0, *sorted(cuts), len(word)]
            return " ".join(word[a:b] for a, b in zip(bounds, bounds[1:]) if a < b)
    return None


def check(ctx) -> Iterator[Finding]:
    for i, k in ctx.kegiatan():
        for rel, text in texts_of_kegiatan(k):
            hit = next(((m.group(0), s) for m in _WORD.finditer(text)
                        if (s := split_of(ctx.vocab, m.group(0)))), None)
            if hit:
                yield ctx.report(("kegiatan", i, *rel), word=hit[0], split=hit[1])
                break
