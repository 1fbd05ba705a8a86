"""Satu uraian memuat dua kegiatan yang masing-masing punya obyek ("… dan mengirimkan …").

## Apa yang diperiksa
Uraian PP 46/2011 yang menggabungkan dua kegiatan dengan "dan"/"serta" + kata kerja aktif, ketika
kata kerja pertama sudah punya obyeknya sendiri ("Menyusun laporan keuangan dan mengirimkan surat
tagihan"). Dua kata kerja yang berbagi satu obyek ("Menyusun dan menyampaikan laporan") tidak
ditandai.

## Mengapa
Satu baris SKP adalah satu keluaran dengan satu target kuantitas, kualitas dan waktu. Dua
kegiatan dalam satu baris tidak dapat diberi target dan realisasi yang jujur.

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun laporan keuangan dan mengirimkan surat tagihan kepada rekanan
    jenis: utama
    target: {kuantitas: 12, satuan: laporan, kualitas: 100, waktu: 12}
```

## Contoh baik
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun dan menyampaikan laporan keuangan bulanan
    jenis: utama
    target: {kuantitas: 12, satuan: laporan, kualitas: 100, waktu: 12}
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.lint.vocab import tokens

CODE = "S106"
NAME = "kegiatan-majemuk"
FAMILY = "S"
SEVERITY = "info"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Uraian menggabungkan dua kegiatan ('{first}' … '{second}'); pisahkan menjadi dua kegiatan dengan target masing-masing.",
    "en": "The uraian joins two activities ('{first}' … '{second}'); split them into two kegiatan with their own targets.",
}
_ACTIVE = ("operasional", "aktif", "kabur")


def check(ctx) -> Iterator[Finding]:
    if ctx.is_6_2022:
        return
    for i, k in ctx.kegiatan():
        uraian = k.get("uraian")
        if not isinstance(uraian, str):
            continue
        toks = tokens(uraian)
        if len(toks) < 5 or ctx.vocab.verb_kind(toks[0]) not in _ACTIVE:
            continue
        for j in range(2, len(toks) - 1):
            if toks[j] in ("dan", "serta") and ctx.vocab.verb_kind(toks[j + 1]) in _ACTIVE:
                yield ctx.report(("kegiatan", i, "uraian"), first=toks[0], second=toks[j + 1])
                break
