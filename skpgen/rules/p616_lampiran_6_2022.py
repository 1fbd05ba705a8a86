"""Lampiran SKP 6/2022 lengkap (dukungan sumber daya, skema pertanggungjawaban, konsekuensi).

## Apa yang diperiksa
SKP `permenpanrb-6-2022` memuat `lampiran` dengan ketiga bagiannya terisi:
`dukungan_sumber_daya`, `skema_pertanggungjawaban`, `konsekuensi`.

## Mengapa
PermenPANRB 6/2022: ekspektasi kinerja terdiri atas rencana kinerja, dukungan sumber daya, skema
pertanggungjawaban dan konsekuensi; formulir SKP diakhiri "LAMPIRAN SASARAN KINERJA PEGAWAI"
dengan ketiga bagian itu.

## Contoh buruk
```yaml
aturan: permenpanrb-6-2022
lampiran:
  dukungan_sumber_daya: ["Formulir asuhan keperawatan elektronik"]
  skema_pertanggungjawaban: []
```

## Contoh baik
```yaml
aturan: permenpanrb-6-2022
lampiran:
  dukungan_sumber_daya: ["Formulir asuhan keperawatan elektronik"]
  skema_pertanggungjawaban: ["Laporan bulanan kepada Kepala Bidang Keperawatan"]
  konsekuensi: ["Sesuai ketentuan PermenPANRB 6/2022"]
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding

CODE = "P616"
NAME = "lampiran-6-2022"
FAMILY = "P"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Lampiran SKP belum lengkap: {missing} kosong; isi sesuai Lampiran SKP PermenPANRB 6/2022.",
    "en": "The SKP attachment is incomplete: {missing} empty; fill it in as in the PermenPANRB 6/2022 SKP attachment.",
}
_PARTS = ("dukungan_sumber_daya", "skema_pertanggungjawaban", "konsekuensi")


def check(ctx) -> Iterator[Finding]:
    if not ctx.is_6_2022:
        return
    lampiran = ctx.data.get("lampiran")
    lampiran = lampiran if isinstance(lampiran, dict) else {}
    missing = [p for p in _PARTS if not lampiran.get(p)]
    if missing:
        yield ctx.report(("lampiran",) if "lampiran" in ctx.data else ("aturan",), key=True,
                         missing=", ".join(missing))
