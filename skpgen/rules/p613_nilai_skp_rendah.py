"""Nilai SKP di bawah 50: ambang hukuman disiplin.

## Apa yang diperiksa
Bila realisasi sudah diisi, nilai SKP (rata-rata nilai capaian kegiatan utama + tugas tambahan +
kreativitas, dihitung pustaka penilaian skpgen) tidak di bawah `ambang` (bawaan 50).

## Mengapa
"Nilai SKP tidak mencapai 50% dijatuhi hukuman disiplin" (PP 53/2010; DOMAIN.md E.1.9). Peringatan
dini memberi waktu untuk revisi target atau tindak lanjut sebelum penilaian akhir.

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun RKA Bagian Perencanaan
    jenis: utama
    target: {kuantitas: 4, satuan: dokumen, kualitas: 100, waktu: 3}
    realisasi: {kuantitas: 1, kualitas: 50, waktu: 6}
    tindak_lanjut: "Sisa dokumen diselesaikan setelah data pagu final"
```

## Contoh baik
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun RKA Bagian Perencanaan
    jenis: utama
    target: {kuantitas: 4, satuan: dokumen, kualitas: 100, waktu: 3}
    realisasi: {kuantitas: 4, kualitas: 90, waktu: 3}
```

## Opsi
- `ambang` (angka 0–100, bawaan 50): nilai SKP minimum.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from skpgen.findings import Finding
from skpgen.rules._options import Number

# skpgen.scoring is imported where a plan is checked: loading the rule registry stays cheap

CODE = "P613"
NAME = "nilai-skp-rendah"
FAMILY = "P"
SEVERITY = "warning"
OPTIONS = {"ambang": 50}
CONF = {"ambang": Number(minimum=0, maximum=100)}

MESSAGE = {
    "id": "Nilai SKP {value} di bawah {limit}: ambang hukuman disiplin (PP 53/2010); bahas tindak lanjut dan revisi target dengan pejabat penilai.",
    "en": "The nilai SKP {value} is below {limit}: the disciplinary threshold (PP 53/2010); discuss follow-up and target revision with the assessing official.",
}


def check(ctx) -> Iterator[Finding]:
    if ctx.is_6_2022:
        return
    if not any(isinstance(k.get("realisasi"), dict) for _, k in ctx.kegiatan()):
        return
    value = ctx.score.nilai_skp
    limit = Decimal(str(ctx.options["ambang"]))
    if value is not None and value < limit:
        from skpgen.scoring import fmt_number
        from skpgen.scoring.format import fmt_en_number

        fmt = fmt_number if ctx.lang == "id" else fmt_en_number
        yield ctx.report(("kegiatan",), key=True, value=fmt(value), limit=ctx.options["ambang"])
