"""Jadwal review SKP setiap triwulan (`jadwal_review`).

## Apa yang diperiksa
`jadwal_review` memuat paling sedikit satu tanggal di setiap triwulan periode penilaian (periode
dibagi per tiga bulan sejak `periode.mulai`).

## Mengapa
Panduan SKP §7: "Tidak mereview SKP → tidak adaptif, out-of-date; solusi: tetapkan jadwal evaluasi
triwulan". PermenPANRB 6/2022 juga mewajibkan evaluasi kinerja periodik.

## Contoh buruk
```yaml
jadwal_review: [2025-06-30, 2025-12-15]
```

## Contoh baik
```yaml
jadwal_review: [2025-03-31, 2025-06-30, 2025-09-30, 2025-12-15]
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._util import parse_date

CODE = "P610"
NAME = "tanpa-review-triwulan"
FAMILY = "P"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Jadwal review tidak mencakup setiap triwulan (tanpa review: {missing}); tetapkan paling sedikit satu review per triwulan.",
    "en": "The review schedule does not cover every quarter (no review in: {missing}); plan at least one review per quarter.",
}
MESSAGES = {
    "missing": {
        "id": "SKP tidak punya jadwal_review; tetapkan review triwulanan (misalnya akhir Maret, Juni, September, Desember).",
        "en": "The SKP has no jadwal_review; plan quarterly reviews (e.g. end of March, June, September, December).",
    },
}


def _add_months(d: _dt.date, n: int) -> _dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    return _dt.date(d.year + y, m + 1, 1)


def check(ctx) -> Iterator[Finding]:
    jadwal = ctx.data.get("jadwal_review")
    if not isinstance(jadwal, list) or not jadwal:
        yield ctx.report(("jadwal_review",) if "jadwal_review" in ctx.data else ("periode",), key=True,
                         variant="missing")
        return
    mulai, selesai = parse_date(ctx.get("periode", "mulai")), parse_date(ctx.get("periode", "selesai"))
    if not mulai or not selesai:
        return
    dates = [d for d in (parse_date(x) for x in jadwal) if d]
    start = _dt.date(mulai.year, mulai.month, 1)
    missing = []
    q = 0
    while True:
        a = start if q == 0 else _add_months(start, 3 * q)
        if a > selesai:
            break
        b = _add_months(start, 3 * (q + 1)) - _dt.timedelta(days=1)
        a_eff, b_eff = max(a, mulai), min(b, selesai)
        if not any(a_eff <= d <= b_eff for d in dates):
            missing.append(f"{a_eff.isoformat()}–{b_eff.isoformat()}")
        q += 1
    if missing:
        yield ctx.report(("jadwal_review",), key=True, missing=", ".join(missing))
