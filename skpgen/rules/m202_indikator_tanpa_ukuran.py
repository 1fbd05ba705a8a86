"""Indikator memuat angka, persen atau skala yang terdefinisi.

## Apa yang diperiksa
Setiap `indikator` harus dapat diukur: teksnya memuat angka atau persen, atau skala terdefinisi
("tinggi/sedang/rendah", "skala 1–5"), atau ia punya `target` sendiri, atau ber-`aspek` yang
nilainya ada di `target` kegiatan (misalnya aspek kuantitas dengan target.kuantitas). Target
IKI deskriptif (pendekatan kualitatif 6/2022) juga harus menyebut angka atau skala.

## Mengapa
Panduan SKP (Measurable): "Gunakan ukuran kuantitatif (angka, persen) atau kualitatif dengan skala
terdefinisi (tinggi/sedang/rendah)". Contoh buruk: "Meningkatkan kualitas laporan"; contoh SMART:
"Mencapai tingkat kepuasan pengguna laporan ≥ 90% berdasarkan survei".

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun laporan evaluasi program
    jenis: utama
    indikator:
      - {teks: Meningkatkan kualitas laporan}
    target: {kuantitas: 4, satuan: laporan, kualitas: 100, waktu: 12}
```

## Contoh baik
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun laporan evaluasi program
    jenis: utama
    indikator:
      - {teks: Mencapai tingkat kepuasan pengguna laporan ≥ 90% berdasarkan survei}
      - {teks: Laporan evaluasi program triwulanan, aspek: kuantitas}
    target: {kuantitas: 4, satuan: laporan, kualitas: 100, waktu: 12}
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._util import is_number, label

CODE = "M202"
NAME = "indikator-tanpa-ukuran"
FAMILY = "M"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Indikator '{teks}' kegiatan '{id}' tidak terukur; sertakan angka, persen atau skala (misalnya '≥ 90% berdasarkan survei').",
    "en": "Indicator '{teks}' of kegiatan '{id}' is not measurable; include a number, a percentage or a scale (e.g. '≥ 90% berdasarkan survei').",
}
_MEASURE = re.compile(r"\d|%|≥|≤|\bpersen\b|\bskala\b|\btinggi\b.*\brendah\b|\bjumlah\b|\bpersentase\b|\bindeks\b"
                      r"|\brasio\b|\bsatu\b|\bdua\b|\btiga\b|\bempat\b|\blima\b|\bsetiap\b|\bper\s+\w+|\btepat waktu\b"
                      r"|\bpaling lambat\b|\bsebelum tanggal\b|\btanpa\b", re.IGNORECASE)
_ASPECT_KEYS = {"kuantitas": "kuantitas", "kualitas": "kualitas", "waktu": "waktu", "biaya": "biaya"}


def _measured(text: str) -> bool:
    return bool(_MEASURE.search(text))


def check(ctx) -> Iterator[Finding]:
    for i, k in ctx.kegiatan():
        items = k.get("indikator")
        if not isinstance(items, list):
            continue
        target = k.get("target") if isinstance(k.get("target"), dict) else {}
        for j, item in enumerate(items):
            if not isinstance(item, dict) or not isinstance(item.get("teks"), str):
                continue
            teks = item["teks"]
            own = item.get("target")
            path = ("kegiatan", i, "indikator", j)
            if isinstance(own, dict):
                continue
            if isinstance(own, str):
                if not _measured(own) and not _measured(teks):
                    yield ctx.report(path + ("target",), teks=own, id=label(k, i))
                continue
            if ctx.is_6_2022:
                continue  # an IKI without a target is M205
            aspek = item.get("aspek")
            if aspek in _ASPECT_KEYS and is_number(target.get(_ASPECT_KEYS[aspek])):
                continue
            if not _measured(teks):
                yield ctx.report(path + ("teks",), teks=teks, id=label(k, i))
