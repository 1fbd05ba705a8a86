"""SKP ditandatangani sebelum dibahas, atau disepakati jauh setelah periode dimulai.

## Apa yang diperiksa
`persetujuan.ditandatangani` tidak lebih awal dari `persetujuan.dibahas`, dan penandatanganan
tidak lebih dari `batas_hari` (bawaan 31) hari setelah `periode.mulai`.

## Mengapa
Target disepakati setelah dibahas dengan pejabat penilai, bukan sebaliknya (panduan SKP §4.6:
klarifikasi dan revisi, lalu finalisasi dan tanda tangan). SKP disusun "pada awal bulan Januari"
(DOMAIN.md E.1.7); SKP yang baru disepakati berbulan-bulan kemudian tidak lagi menjadi rencana.

## Contoh buruk
```yaml
persetujuan: {dibahas: 2025-01-15, ditandatangani: 2025-01-10, tempat: Kota Contoh}
```

## Contoh baik
```yaml
persetujuan: {dibahas: 2025-01-08, ditandatangani: 2025-01-10, tempat: Kota Contoh}
```

## Opsi
- `batas_hari` (bilangan bulat 0–366, bawaan 31): selisih hari terbesar antara periode.mulai dan penandatanganan.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._options import Number
from skpgen.rules._util import parse_date

CODE = "P622"
NAME = "ditandatangani-sebelum-dibahas"
FAMILY = "P"
SEVERITY = "warning"
OPTIONS = {"batas_hari": 31}
CONF = {"batas_hari": Number(minimum=0, maximum=366, integer=True)}

MESSAGE = {
    "id": "SKP ditandatangani ({ttd}) sebelum dibahas dengan pejabat penilai ({dibahas}); bahas dulu, lalu tandatangani.",
    "en": "The SKP was signed ({ttd}) before it was discussed with the assessing official ({dibahas}); discuss first, then sign.",
}
MESSAGES = {
    "late": {
        "id": "SKP baru ditandatangani {ttd}, {days} hari setelah periode dimulai ({mulai}); sepakati SKP pada awal periode.",
        "en": "The SKP was only signed on {ttd}, {days} days after the period started ({mulai}); agree the SKP at the start of the period.",
    },
}


def check(ctx) -> Iterator[Finding]:
    per = ctx.data.get("persetujuan")
    if not isinstance(per, dict):
        return
    ttd, dibahas = parse_date(per.get("ditandatangani")), parse_date(per.get("dibahas"))
    if ttd and dibahas and ttd < dibahas:
        yield ctx.report(("persetujuan", "ditandatangani"), ttd=per["ditandatangani"], dibahas=per["dibahas"])
        return
    mulai = parse_date(ctx.get("periode", "mulai"))
    if ttd and mulai and (ttd - mulai).days > int(ctx.options["batas_hari"]):
        yield ctx.report(("persetujuan", "ditandatangani"), variant="late", ttd=per["ditandatangani"],
                         days=(ttd - mulai).days, mulai=ctx.get("periode", "mulai"))
