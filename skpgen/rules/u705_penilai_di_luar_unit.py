"""Pejabat penilai setiap SKP di folder unit adalah pegawai unit itu.

## Apa yang diperiksa
Bila folder yang diperiksa memuat berkas unit (`*.unit.yaml`): `pejabat_penilai.nip` setiap SKP
tahun unit di folder itu (selain SKP pimpinan unit) adalah pegawai unit — pimpinan, pegawai yang
punya SKP di folder, atau pegawai yang disebut di `matriks`/`tim` berkas unit.

## Mengapa
Hierarki unit dibangun dari pejabat penilai. Penilai di luar unit biasanya berarti NIP atasan
salah ketik, SKP atasan belum ada di folder, atau pegawai masih dinilai atasan lama setelah mutasi —
dan RHK yang diintervensinya tidak dapat diperiksa (DOMAIN.md §G.7).

## Contoh buruk
```yaml unit
versi: 1
jenis: unit
nama: Bidang Keperawatan
instansi: RSUD Kota Contoh
tahun: 2025
pimpinan: "197003041998032002"
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
pimpinan: "197805122005011003"
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

CODE = "U705"
NAME = "penilai-di-luar-unit"
FAMILY = "U"
SEVERITY = "warning"
OPTIONS: dict = {}
BATCH = True
UNIT = True
MESSAGE = {
    "id": "Pejabat penilai {nip}{nama} bukan pegawai unit {unit} (tidak ada SKP-nya di folder, bukan pimpinan, tidak ada di matriks/tim).",
    "en": "The assessing official {nip}{nama} is not in unit {unit} (no plan in the folder, not the leader, not in the matrix or a team).",
}


def check(ctx) -> Iterator[Finding]:
    return iter(())  # cross-file: see finish()


collect = _cascade.collect


def finish(states: list[dict[str, Any]], lang: str, severity: str) -> list[Finding]:
    rule = sys.modules[__name__]
    out: list[Finding] = []
    for uc, report in _cascade.from_states(states):
        unit, h = uc.unit, uc.hierarchy
        for m in h.members.values():
            for p in m.plans:
                if p.nip == unit.pimpinan or p.file not in report or not p.penilai_nip or p.penilai_nip in h.members:
                    continue
                nama = f" ({p.penilai_nama})" if p.penilai_nama else ""
                out.append(_cascade.finding(rule, p.file, p.loc_penilai, severity, lang, nip=p.penilai_nip,
                                            nama=nama, unit=unit.nama))
    return out
