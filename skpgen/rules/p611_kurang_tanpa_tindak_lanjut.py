"""Realisasi di bawah target tanpa tindak lanjut.

## Apa yang diperiksa
Kegiatan yang realisasinya di bawah target — kuantitas kurang dari target, terlambat (nilai waktu
di bawah 76, yaitu RW > TW) atau tidak dilaksanakan — punya `tindak_lanjut` (di kegiatan atau di
salah satu catatan `pemantauan`). Perhitungan memakai pustaka penilaian skpgen.

## Mengapa
Panduan SKP §4.5: "Tambahkan kolom Tindak Lanjut untuk mencatat langkah koreksi jika target tidak
tercapai". Atasan perlu tahu apa yang akan dilakukan, bukan hanya bahwa target meleset.

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun rekomendasi kebijakan atas isu strategis daerah
    jenis: utama
    target: {kuantitas: 4, satuan: naskah, kualitas: 100, waktu: 12}
    realisasi: {kuantitas: 3, kualitas: 88, waktu: 12}
```

## Contoh baik
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun rekomendasi kebijakan atas isu strategis daerah
    jenis: utama
    target: {kuantitas: 4, satuan: naskah, kualitas: 100, waktu: 12}
    realisasi: {kuantitas: 3, kualitas: 88, waktu: 12}
    tindak_lanjut: "Isu keempat dijadwalkan ulang ke triwulan I 2026"
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from skpgen.findings import Finding
from skpgen.rules._util import label, plain

CODE = "P611"
NAME = "kurang-tanpa-tindak-lanjut"
FAMILY = "P"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Realisasi kegiatan '{id}' di bawah target ({why}) tanpa tindak lanjut; isi tindak_lanjut dengan langkah koreksinya.",
    "en": "The realisation of kegiatan '{id}' is below target ({why}) with no follow-up; fill in tindak_lanjut with the corrective step.",
}
_WHY = {
    "id": {"kuantitas": "kuantitas {r} dari {t}", "waktu": "terlambat: {r} dari {t} {s}", "tidak": "tidak dilaksanakan"},
    "en": {"kuantitas": "kuantitas {r} of {t}", "waktu": "late: {r} of {t} {s}", "tidak": "not carried out"},
}


def _has_follow_up(k: dict) -> bool:
    if isinstance(k.get("tindak_lanjut"), str) and k["tindak_lanjut"].strip():
        return True
    mon = k.get("pemantauan")
    return isinstance(mon, list) and any(isinstance(m, dict) and isinstance(m.get("tindak_lanjut"), str)
                                         and m["tindak_lanjut"].strip() for m in mon)


def check(ctx) -> Iterator[Finding]:
    if ctx.is_6_2022:
        return
    items = list(ctx.kegiatan())
    if not any(isinstance(k.get("realisasi"), dict) for _, k in items):
        return
    scores = ctx.score.kegiatan
    by_index = {}
    j = 0
    for i, _ in items:  # score_plan keeps the order of the mapping items
        if j < len(scores):
            by_index[i] = scores[j]
        j += 1
    words = _WHY.get(ctx.lang, _WHY["id"])
    for i, k in items:
        ks = by_index.get(i)
        if ks is None or not ks.has_realisasi or _has_follow_up(k):
            continue
        why = None
        if ks.dilaksanakan is False:
            why = words["tidak"]
        else:
            q, w = ks.aspek.get("kuantitas"), ks.aspek.get("waktu")
            if q is not None and q.value < Decimal(100):
                why = words["kuantitas"].format(r=plain(q.realisasi), t=plain(q.target))
            elif w is not None and w.realisasi is not None and w.target is not None and w.realisasi > w.target:
                why = words["waktu"].format(r=plain(w.realisasi), t=plain(w.target), s=w.satuan or "bulan")
        if why:
            yield ctx.report(("kegiatan", i, "realisasi"), id=label(k, i), why=why)
