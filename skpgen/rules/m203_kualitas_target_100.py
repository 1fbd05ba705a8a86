"""Target kualitas ada dan bernilai 100 (konvensi penilaian PP 46/2011).

## Apa yang diperiksa
Pada SKP `pp46-2011`, `target.kualitas` kegiatan utama diisi, dan nilainya 100. Target di atas
100 adalah kesalahan validasi E063.

## Mengapa
Target kualitas (TK) lazimnya 100; realisasi kualitas (RK) dinilai atasan dengan kriteria
91–100 "hasil kerja sempurna", 76–90 "1–2 kesalahan kecil", dan seterusnya. Target di bawah 100
menggelembungkan nilai kualitas (RK/TK × 100) tanpa alasan.

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun laporan realisasi anggaran
    jenis: utama
    target: {kuantitas: 12, satuan: laporan, kualitas: 80, waktu: 12}
```

## Contoh baik
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun laporan realisasi anggaran
    jenis: utama
    target: {kuantitas: 12, satuan: laporan, kualitas: 100, waktu: 12}
```

## Opsi
- `nilai` (angka > 0 dan ≤ 100, bawaan 100): target kualitas yang diharapkan.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._options import Number
from skpgen.rules._util import is_number, label

CODE = "M203"
NAME = "kualitas-target-100"
FAMILY = "M"
SEVERITY = "warning"
OPTIONS = {"nilai": 100}
CONF = {"nilai": Number(above=0, maximum=100)}

MESSAGE = {
    "id": "Target kualitas kegiatan '{id}' bernilai {value}; menurut konvensi target kualitas adalah {expected}.",
    "en": "The kualitas target of kegiatan '{id}' is {value}; by convention the kualitas target is {expected}.",
}
MESSAGES = {
    "missing": {
        "id": "Kegiatan utama '{id}' tidak punya target kualitas; isi target.kualitas: {expected}.",
        "en": "Main kegiatan '{id}' has no kualitas target; set target.kualitas: {expected}.",
    },
}


def check(ctx) -> Iterator[Finding]:
    if ctx.is_6_2022:
        return
    expected = ctx.options["nilai"]
    for i, k in ctx.kegiatan():
        target = k.get("target")
        if not isinstance(target, dict):
            continue
        value = target.get("kualitas")
        if is_number(value):
            if value < expected:
                yield ctx.report(("kegiatan", i, "target", "kualitas"), id=label(k, i), value=value, expected=expected)
        elif k.get("jenis") == "utama":
            yield ctx.report(("kegiatan", i, "target"), variant="missing", id=label(k, i), expected=expected)
