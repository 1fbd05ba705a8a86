"""Setiap pegawai unit punya SKP untuk tahun unit di folder unit.

## Apa yang diperiksa
Bila folder yang diperiksa memuat berkas unit (`*.unit.yaml`): pimpinan unit, setiap pegawai pada
`matriks` (dan atasan yang disebut `atasan`-nya), setiap ketua dan anggota `tim`, serta setiap
pegawai yang punya SKP tahun lain di folder unit, punya SKP dengan `periode.tahun` sama dengan
`tahun` unit di folder itu. Temuan ditaruh di berkas unit pada tempat NIP itu pertama disebut,
atau pada NIP pegawai di SKP tahun lainnya.

## Mengapa
Keluhan paling umum pengguna e-Kinerja: staf tidak dapat memilih "RHK pimpinan yang diintervensi"
karena SKP atasannya belum ada; pegawai tanpa SKP juga tidak masuk kurva distribusi unit
(DOMAIN.md §G.7).

## Contoh buruk
```yaml unit
versi: 1
jenis: unit
nama: Bidang Keperawatan
instansi: RSUD Kota Contoh
tahun: 2025
pimpinan: "197805122005011003"
matriks:
  - nip: "199203302019022001"
    peran: {RHK2: Meningkatnya kepatuhan identifikasi pasien rawat inap}
```
```yaml
aturan: permenpanrb-6-2022
```

## Contoh baik
```yaml unit
versi: 1
jenis: unit
nama: Bidang Keperawatan
instansi: RSUD Kota Contoh
tahun: 2025
pimpinan: "199001152015032004"
```
```yaml
aturan: permenpanrb-6-2022
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

from skpgen.findings import Finding
from skpgen.unit import cascade as _cascade

CODE = "U704"
NAME = "pegawai-tanpa-skp"
FAMILY = "U"
SEVERITY = "warning"
OPTIONS: dict = {}
BATCH = True
UNIT = True
MESSAGE = {
    "id": "{siapa} {nip}{nama} tidak punya SKP {tahun} di folder unit {unit}.",
    "en": "{siapa} {nip}{nama} has no {tahun} plan in the folder of unit {unit}.",
}
MESSAGES = {
    "lain": {
        "id": "Pegawai {nip}{nama} punya SKP {lain} di folder unit {unit}, tetapi tidak punya SKP {tahun}.",
        "en": "Employee {nip}{nama} has a {lain} plan in the folder of unit {unit} but no {tahun} plan.",
    },
}
_WHO = {
    "pimpinan": {"id": "Pimpinan unit", "en": "The unit leader"},
    "pegawai": {"id": "Pegawai", "en": "Employee"},
    "atasan": {"id": "Atasan pada matriks", "en": "The matrix supervisor"},
    "ketua": {"id": "Ketua tim", "en": "Team leader"},
}


def check(ctx) -> Iterator[Finding]:
    return iter(())  # cross-file: see finish()


collect = _cascade.collect


def finish(states: list[dict[str, Any]], lang: str, severity: str) -> list[Finding]:
    rule = sys.modules[__name__]
    out: list[Finding] = []
    for uc, report in _cascade.from_states(states):
        unit, h = uc.unit, uc.hierarchy
        places: list[tuple[str, tuple[str | int, ...], str]] = [(unit.pimpinan, ("pimpinan",), "pimpinan")]
        for row in unit.matriks:
            places.append((row.nip, ("matriks", row.index, "nip"), "pegawai"))
            if row.atasan:
                places.append((row.atasan, ("matriks", row.index, "atasan"), "atasan"))
        for tim in unit.tim:
            places.append((tim.ketua, ("tim", tim.index, "ketua"), "ketua"))
            places += [(nip, ("tim", tim.index, "anggota", j), "pegawai") for j, nip in enumerate(tim.anggota)]
        done: set[str] = set()
        for nip, path, who in places:
            if nip in done or h.plan(nip) is not None:
                continue
            done.add(nip)
            if unit.file in report:
                m = h.members.get(nip)
                nama = f" ({m.nama})" if m and m.nama else ""
                out.append(_cascade.finding(rule, unit.file, unit.loc(path), severity, lang,
                                            siapa=_WHO[who].get(lang, _WHO[who]["id"]), nip=nip, nama=nama,
                                            tahun=unit.tahun, unit=unit.nama))
        for nip, plans in sorted(h.other_years.items()):
            if nip in done or h.plan(nip) is not None:
                continue
            done.add(nip)
            p = plans[0]
            if p.file in report:
                nama = f" ({p.nama})" if p.nama else ""
                out.append(_cascade.finding(rule, p.file, p.loc_nip, severity, lang, "lain", nip=nip, nama=nama,
                                            lain=p.tahun, tahun=unit.tahun, unit=unit.nama))
    return out
