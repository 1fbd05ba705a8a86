"""Kegiatan ganda atau nyaris sama dalam satu SKP.

## Apa yang diperiksa
Dua kegiatan yang uraiannya sama atau nyaris sama (kemiripan token ≥ `ambang`, bawaan 0,9,
setelah huruf kecil dan tanda baca dihapus) ditandai pada kegiatan yang kedua.

## Mengapa
Kegiatan ganda menggelembungkan jumlah kegiatan utama dan menghitung satu keluaran dua kali;
gabungkan menjadi satu kegiatan dengan target kuantitas yang dijumlahkan.

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun laporan realisasi anggaran bulanan
    jenis: utama
    target: {kuantitas: 12, satuan: laporan, kualitas: 100, waktu: 12}
  - id: K2
    uraian: Menyusun laporan realisasi anggaran bulanan.
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
  - id: K2
    uraian: Menyusun laporan keuangan semesteran
    jenis: utama
    target: {kuantitas: 2, satuan: laporan, kualitas: 100, waktu: 12}
```

## Opsi
- `ambang` (angka > 0 dan ≤ 1, bawaan 0.9): kemiripan minimum yang dianggap ganda.
"""

from __future__ import annotations

from collections.abc import Iterator
from difflib import SequenceMatcher

from skpgen.findings import Finding
from skpgen.lint.vocab import tokens
from skpgen.rules._options import Number
from skpgen.rules._util import label

CODE = "S105"
NAME = "kegiatan-ganda"
FAMILY = "S"
SEVERITY = "warning"
OPTIONS = {"ambang": 0.9}
CONF = {"ambang": Number(above=0, maximum=1)}

MESSAGE = {
    "id": "Kegiatan '{id}' sama atau nyaris sama dengan '{other}' (baris {line}); gabungkan menjadi satu kegiatan.",
    "en": "Kegiatan '{id}' is the same as or nearly the same as '{other}' (line {line}); merge them into one kegiatan.",
}


def check(ctx) -> Iterator[Finding]:
    threshold = float(ctx.options["ambang"])
    seen: list[tuple[int, str, frozenset[str], str]] = []
    for i, k in ctx.kegiatan():
        uraian = k.get("uraian")
        if not isinstance(uraian, str):
            continue
        toks = tokens(uraian)
        norm, bag = " ".join(toks), frozenset(toks)
        if not norm:
            continue
        for j, other_norm, other_bag, other_label in seen:
            # cheap token-overlap filter first; the character ratio only for plausible pairs
            if norm != other_norm and len(bag & other_bag) / len(bag | other_bag) < threshold - 0.25:
                continue
            if norm == other_norm or SequenceMatcher(None, norm, other_norm).ratio() >= threshold:
                line = ctx.doc.node_at(("kegiatan", j, "uraian")).line
                yield ctx.report(("kegiatan", i, "uraian"), id=label(k, i), other=other_label, line=line)
                break
        seen.append((i, norm, bag, label(k, i)))
