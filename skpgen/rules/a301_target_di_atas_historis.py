"""Target kuantitas jauh di atas capaian terbaik tahun-tahun sebelumnya (`historis`).

## Apa yang diperiksa
Bila kegiatan punya `historis`, target kuantitas tidak boleh melebihi capaian terbaik masa lalu
lebih dari `ambang_persen` (bawaan 20%). Contoh: rata-rata kunjungan 70% tetapi target 100%.

## Mengapa
Panduan SKP (Achievable): "Target harus realistis … mempertimbangkan rata-rata historis".
Contoh buruk: "Merealisasi 100% kunjungan lapangan setiap bulan (padahal rata-rata 70%)";
contoh SMART: "Merealisasi kunjungan minimal 75% dari jadwal triwulan". Target yang mustahil
menurunkan motivasi dan nilai capaian.

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Merealisasikan kunjungan lapangan terjadwal setiap bulan
    jenis: utama
    target: {kuantitas: 100, satuan: persen, kualitas: 100, waktu: 12}
    historis:
      - {tahun: 2023, kuantitas: 68}
      - {tahun: 2024, kuantitas: 70}
```

## Contoh baik
```yaml
kegiatan:
  - id: K1
    uraian: Merealisasikan kunjungan lapangan terjadwal setiap triwulan
    jenis: utama
    target: {kuantitas: 75, satuan: persen, kualitas: 100, waktu: 12}
    historis:
      - {tahun: 2023, kuantitas: 68}
      - {tahun: 2024, kuantitas: 70}
```

## Opsi
- `ambang_persen` (angka 0–1000, bawaan 20): kenaikan maksimum di atas capaian historis terbaik.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._options import Number
from skpgen.rules._util import is_number, label, percent_above, plain

CODE = "A301"
NAME = "target-di-atas-historis"
FAMILY = "A"
SEVERITY = "warning"
OPTIONS = {"ambang_persen": 20}
CONF = {"ambang_persen": Number(minimum=0, maximum=1000)}

MESSAGE = {
    "id": "Target kuantitas kegiatan '{id}' ({target}) {pct}% di atas capaian terbaik historis ({best}, tahun {tahun}); tetapkan target yang realistis (paling tinggi {limit}) atau jelaskan sumber daya tambahannya.",
    "en": "The kuantitas target of kegiatan '{id}' ({target}) is {pct}% above the best past result ({best}, year {tahun}); set a realistic target (at most {limit}) or explain the extra resources.",
}


def check(ctx) -> Iterator[Finding]:
    limit_pct = float(ctx.options["ambang_persen"])
    for i, k in ctx.kegiatan():
        target = k.get("target")
        hist = k.get("historis")
        if not isinstance(target, dict) or not isinstance(hist, list) or not is_number(target.get("kuantitas")):
            continue
        past = [(h["kuantitas"], h.get("tahun")) for h in hist
                if isinstance(h, dict) and is_number(h.get("kuantitas")) and h["kuantitas"] > 0]
        if not past:
            continue
        best, tahun = max(past, key=lambda p: p[0])
        value = target["kuantitas"]
        limit = best * (1 + limit_pct / 100)
        if value > limit + 1e-9:
            pct = percent_above(value, best)
            yield ctx.report(("kegiatan", i, "target", "kuantitas"), id=label(k, i), target=plain(value),
                             best=plain(best), tahun=tahun, pct=pct, limit=plain(limit))
