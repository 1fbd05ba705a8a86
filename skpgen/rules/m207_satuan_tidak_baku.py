"""Satuan target dikenali sebagai satuan keluaran.

## Apa yang diperiksa
Kata pertama `target.satuan` (dan `indikator[].target.satuan`) ada di daftar satuan
`rules/satuan.txt` (dokumen, laporan, berkas, pasien, …). Satuan lain ditandai sebagai info agar
diperiksa: sering kali itu kata kabur ("hal", "kali kegiatan") atau salah ketik.

## Mengapa
Satuan yang baku memudahkan atasan dan BKPSDM membandingkan target dengan realisasi dan antar
pegawai. Instansi dapat menambah satuannya sendiri lewat `--vocab`.

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun laporan realisasi anggaran
    jenis: utama
    target: {kuantitas: 12, satuan: hal, kualitas: 100, waktu: 12}
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
Tidak ada. Tambahkan satuan di `satuan.txt` pada folder `--vocab`.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.lint.vocab import tokens
from skpgen.rules._util import label

CODE = "M207"
NAME = "satuan-tidak-baku"
FAMILY = "M"
SEVERITY = "info"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Satuan '{satuan}' pada kegiatan '{id}' tidak ada di daftar satuan; pakai satuan keluaran yang baku (dokumen, laporan, berkas, …).",
    "en": "Unit '{satuan}' of kegiatan '{id}' is not in the unit list; use a standard output unit (dokumen, laporan, berkas, …).",
}


def check(ctx) -> Iterator[Finding]:
    units = ctx.vocab["satuan"]
    for i, k in ctx.kegiatan():
        places = []
        if isinstance(k.get("target"), dict):
            places.append((("kegiatan", i, "target", "satuan"), k["target"].get("satuan")))
        if isinstance(k.get("indikator"), list):
            for j, item in enumerate(k["indikator"]):
                if isinstance(item, dict) and isinstance(item.get("target"), dict):
                    places.append((("kegiatan", i, "indikator", j, "target", "satuan"), item["target"].get("satuan")))
        for path, satuan in places:
            if not isinstance(satuan, str) or not satuan.strip():
                continue
            toks = tokens(satuan)
            if toks and toks[0] not in units and satuan.strip().lower() not in units:
                yield ctx.report(path, satuan=satuan, id=label(k, i))
