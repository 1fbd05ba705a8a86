"""Sebaran predikat kinerja pegawai unit sesuai pola distribusi predikat kinerja organisasi.

## Apa yang diperiksa
Bila folder yang diperiksa memuat berkas unit (`*.unit.yaml`) dengan `predikat_organisasi`: untuk
setiap periode yang predikat organisasinya ditetapkan, predikat kinerja pegawai unit (dari
`evaluasi` SKP tahun unit; pimpinan unit tidak dihitung) dibandingkan dengan pola distribusi SE
MenPANRB 3/2023 (`rules/kurva-distribusi.toml`). Batas minimum dibulatkan ke atas, batas maksimum ke
bawah; unit yang terlalu kecil untuk suatu bagian persen disebutkan. Temuan ditempatkan pada
predikat organisasi periode itu di berkas unit. `skpgen unit kurva` menampilkan tabel dan grafiknya.

## Mengapa
Predikat kinerja pegawai dibatasi predikat kinerja organisasi (PermenPANRB 6/2022, SE MenPANRB
3/2023; DOMAIN.md §G.1). Kurva adalah pertimbangan pimpinan, bukan kuota mekanis: karena itu
temuan ini peringatan.

## Contoh buruk
```yaml unit
versi: 1
jenis: unit
nama: Bidang Keperawatan
instansi: RSUD Kota Contoh
tahun: 2025
pimpinan: "197805122005011003"
predikat_organisasi: {tahunan: butuh_perbaikan}
```
```yaml
aturan: permenpanrb-6-2022
evaluasi:
  - {periode: tahunan, rating_hasil_kerja: sesuai_ekspektasi, rating_perilaku: sesuai_ekspektasi}
```

## Contoh baik
```yaml unit
versi: 1
jenis: unit
nama: Bidang Keperawatan
instansi: RSUD Kota Contoh
tahun: 2025
pimpinan: "197805122005011003"
predikat_organisasi: {tahunan: baik}
```
```yaml
aturan: permenpanrb-6-2022
evaluasi:
  - {periode: tahunan, rating_hasil_kerja: di_bawah_ekspektasi, rating_perilaku: sesuai_ekspektasi}
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

from skpgen.findings import Finding
from skpgen.kurva import facts as _kf
from skpgen.unit import cascade as _cascade

CODE = "U751"
NAME = "kurva-distribusi-tidak-sesuai"
FAMILY = "U"
SEVERITY = "warning"
OPTIONS: dict = {}
BATCH = True
UNIT = True
MESSAGE = {
    "id": "Kurva {periode} unit {unit} tidak sesuai pola distribusi (predikat organisasi {organisasi}, {n} pegawai): {pelanggaran}.",
    "en": "The {periode} curve of unit {unit} does not follow the distribution (organisation predikat {organisasi}, {n} employees): {pelanggaran}.",
}


def check(ctx) -> Iterator[Finding]:
    return iter(())  # cross-file: see finish()


collect = _kf.collect


def finish(states: list[dict[str, Any]], lang: str, severity: str) -> list[Finding]:
    from skpgen.kurva.unit import curves_from_states

    rule = sys.modules[__name__]
    out: list[Finding] = []
    for unit, report, periode, hasil in curves_from_states(states, lang):
        if hasil.patuh or unit.file not in report:
            continue
        out.append(_cascade.finding(rule, unit.file, unit.loc(("predikat_organisasi", periode)), severity, lang,
                                    periode=periode, unit=unit.nama, organisasi=hasil.organisasi, n=hasil.n,
                                    pelanggaran="; ".join(hasil.pelanggaran)))
    return out
