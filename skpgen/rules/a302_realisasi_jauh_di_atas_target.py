"""Realisasi jauh di atas target: target ditetapkan terlalu rendah.

## Apa yang diperiksa
Realisasi kuantitas (RO) lebih dari `ambang_persen` (bawaan 20%) di atas target kuantitas (TO).

## Mengapa
RO > TO memberi nilai kuantitas di atas 100 tanpa batas; bila berulang, targetnya tidak
menantang dan harus dinaikkan pada SKP berikutnya (DOMAIN.md E.1.12).

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun telaahan staf atas surat masuk
    jenis: utama
    target: {kuantitas: 10, satuan: naskah, kualitas: 100, waktu: 12}
    realisasi: {kuantitas: 25, kualitas: 90, waktu: 12}
```

## Contoh baik
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun telaahan staf atas surat masuk
    jenis: utama
    target: {kuantitas: 24, satuan: naskah, kualitas: 100, waktu: 12}
    realisasi: {kuantitas: 25, kualitas: 90, waktu: 12}
```

## Opsi
- `ambang_persen` (angka 0–1000, bawaan 20): kelebihan realisasi di atas target yang masih wajar.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._options import Number
from skpgen.rules._util import is_number, label, percent_above, plain

CODE = "A302"
NAME = "realisasi-jauh-di-atas-target"
FAMILY = "A"
SEVERITY = "warning"
OPTIONS = {"ambang_persen": 20}
CONF = {"ambang_persen": Number(minimum=0, maximum=1000)}

MESSAGE = {
    "id": "Realisasi kuantitas kegiatan '{id}' ({real}) {pct}% di atas target ({target}); target terlalu rendah, naikkan pada SKP berikutnya.",
    "en": "The kuantitas realisation of kegiatan '{id}' ({real}) is {pct}% above the target ({target}); the target is too low, raise it in the next SKP.",
}


def check(ctx) -> Iterator[Finding]:
    limit_pct = float(ctx.options["ambang_persen"])
    for i, k in ctx.kegiatan():
        target, real = k.get("target"), k.get("realisasi")
        if not isinstance(target, dict) or not isinstance(real, dict):
            continue
        to, ro = target.get("kuantitas"), real.get("kuantitas")
        if is_number(to) and is_number(ro) and to > 0 and ro > to * (1 + limit_pct / 100) + 1e-9:
            yield ctx.report(("kegiatan", i, "realisasi", "kuantitas"), id=label(k, i), real=plain(ro),
                             target=plain(to), pct=percent_above(ro, to))
