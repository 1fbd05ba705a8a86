"""SKP disalin dari tahun lalu tanpa perubahan berarti (`--previous FILE|DIR`).

## Apa yang diperiksa
Dengan `--previous FILE|DIR`, SKP tahun sebelumnya dari pegawai yang sama (NIP sama, tahun
periode lebih awal) dibandingkan: kemiripan token uraian dan target seluruh kegiatan (indeks
Jaccard) tidak boleh mencapai `ambang` (bawaan 0,9). Tanpa `--previous` aturan ini tidak berjalan.

## Mengapa
SKP adalah rencana tahun berjalan yang diturunkan dari Renja tahun itu. Salinan utuh tahun lalu
(uraian dan target sama) menandakan target tidak ditinjau terhadap capaian dan prioritas baru
(panduan SKP §4.4: "Gunakan data historis … untuk menetapkan baseline").

## Contoh buruk
```yaml previous
periode: {tahun: 2024, mulai: 2024-01-02, selesai: 2024-12-31}
jadwal_review: [2024-03-31, 2024-06-30, 2024-09-30, 2024-12-15]
persetujuan: {dibahas: 2024-01-08, ditandatangani: 2024-01-10, tempat: Kota Contoh}
```
```yaml
periode: {tahun: 2025, mulai: 2025-01-02, selesai: 2025-12-31}
```

## Contoh baik
```yaml previous
periode: {tahun: 2024, mulai: 2024-01-02, selesai: 2024-12-31}
kegiatan:
  - {id: K1, uraian: Menyusun Renja Bagian Perencanaan, jenis: utama, mendukung: [SS1], target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 4}}
  - {id: K2, uraian: Mengevaluasi pelaksanaan Renja triwulanan, jenis: utama, mendukung: [SS1], target: {kuantitas: 4, satuan: laporan, kualitas: 100, waktu: 12}}
jadwal_review: [2024-03-31, 2024-06-30, 2024-09-30, 2024-12-15]
persetujuan: {dibahas: 2024-01-08, ditandatangani: 2024-01-10, tempat: Kota Contoh}
```
```yaml
periode: {tahun: 2025, mulai: 2025-01-02, selesai: 2025-12-31}
```

## Opsi
- `ambang` (angka > 0 dan ≤ 1, bawaan 0.9): kemiripan minimum yang dianggap salinan.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from skpgen.findings import Finding
from skpgen.lint.vocab import tokens
from skpgen.rules._options import Number

CODE = "P614"
NAME = "salin-tahun-lalu"
FAMILY = "P"
SEVERITY = "warning"
OPTIONS = {"ambang": 0.9}
CONF = {"ambang": Number(above=0, maximum=1)}

MESSAGE = {
    "id": "Kegiatan dan target SKP ini {pct}% sama dengan SKP tahun {tahun} ({file}); tinjau target terhadap capaian tahun lalu dan Renja tahun berjalan.",
    "en": "The kegiatan and targets of this SKP are {pct}% identical to the {tahun} SKP ({file}); review the targets against last year's results and this year's Renja.",
}


def _signature(data: Any) -> set[str]:
    out: set[str] = set()
    items = data.get("kegiatan") if isinstance(data, dict) else None
    for k in items if isinstance(items, list) else []:
        if not isinstance(k, dict):
            continue
        for w in tokens(str(k.get("uraian") or "")):
            out.add(f"u:{w}")
        target = k.get("target")
        if isinstance(target, dict):
            for key in ("kuantitas", "satuan", "kualitas", "waktu", "biaya"):
                if target.get(key) is not None:
                    out.add(f"t:{k.get('uraian')}:{key}={target[key]}")
        for ind in k.get("indikator") or [] if isinstance(k.get("indikator"), list) else []:
            if isinstance(ind, dict):
                for w in tokens(str(ind.get("teks") or "")):
                    out.add(f"i:{w}")
                if ind.get("target") is not None:
                    out.add(f"it:{ind.get('teks')}={ind['target']}")
    return out


def check(ctx) -> Iterator[Finding]:
    tahun = ctx.get("periode", "tahun")
    if not isinstance(tahun, int):
        return
    earlier = [d for d in ctx.previous
               if isinstance(d.data, dict) and isinstance((d.data.get("periode") or {}).get("tahun"), int)
               and d.data["periode"]["tahun"] < tahun]
    if not earlier:
        return
    prev = earlier[0]  # newest earlier year first
    a, b = _signature(ctx.data), _signature(prev.data)
    if not a or not b:
        return
    sim = len(a & b) / len(a | b)
    if sim >= float(ctx.options["ambang"]):
        yield ctx.report(("kegiatan",), key=True, pct=round(sim * 100), tahun=prev.data["periode"]["tahun"],
                         file=prev.file)
