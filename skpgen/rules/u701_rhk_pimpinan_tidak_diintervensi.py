"""RHK utama pimpinan atau atasan dalam unit diintervensi oleh paling sedikit satu RHK bawahan.

## Apa yang diperiksa
Bila folder yang diperiksa memuat berkas unit (`*.unit.yaml`), setiap RHK `utama` pada SKP
pimpinan unit dan pada SKP setiap atasan di dalam unit (misalnya Kepala Seksi atau ketua tim)
dirujuk oleh `rhk_atasan` paling sedikit satu RHK bawahannya ("NIP#id", atau teks yang sama
dengan uraian RHK itu). Temuan ditaruh pada id RHK yang tidak diintervensi di SKP atasan.

## Mengapa
PermenPANRB 6/2022: kinerja pimpinan diturunkan (cascading) kepada pegawai melalui Matriks Peran
Hasil; RHK pimpinan yang tidak diintervensi siapa pun tidak punya pelaksana di unit, dan
capaiannya tidak didukung hasil kerja bawahan (DOMAIN.md §G.2).

## Contoh buruk
```yaml unit
versi: 1
jenis: unit
nama: Bidang Keperawatan
instansi: RSUD Kota Contoh
tahun: 2025
pimpinan: "197805122005011003"
```
```yaml lain
aturan: permenpanrb-6-2022
kegiatan:
  - id: RHK1
    uraian: Meningkatnya kualitas asuhan keperawatan pasien rawat inap
    jenis: utama
    rhk_atasan: "197805122005011003#RHK1"
    indikator:
      - {teks: Jumlah pasien yang mendapat asuhan keperawatan lengkap, aspek: kuantitas, target: {nilai: 300, satuan: pasien}}
```
```yaml
aturan: permenpanrb-6-2022
pegawai: {nama: "dr. Hendra Wijaya, Sp.PD.", nip: "197805122005011003", pangkat: Pembina, golongan: IV/a, jabatan: Kepala Bidang Keperawatan, jenis_jabatan: struktural, unit_kerja: RSUD Kota Contoh}
pejabat_penilai: {nama: "dr. Ratna Sari, M.Kes.", nip: "197003041998032002", pangkat: Pembina Tingkat I, golongan: IV/b, jabatan: Direktur RSUD, jenis_jabatan: struktural, unit_kerja: RSUD Kota Contoh}
kegiatan:
  - id: RHK1
    uraian: Meningkatnya mutu pelayanan keperawatan rawat inap
    jenis: utama
    rhk_atasan: "197003041998032002#RHK1"
    indikator:
      - {teks: Persentase pasien rawat inap yang puas terhadap pelayanan keperawatan, aspek: kualitas, target: {nilai: 90, satuan: persen}}
  - id: RHK2
    uraian: Meningkatnya keselamatan pasien di ruang rawat inap
    jenis: utama
    rhk_atasan: "197003041998032002#RHK2"
    indikator:
      - {teks: Jumlah insiden keselamatan pasien yang dilaporkan dan ditindaklanjuti, aspek: kuantitas, target: {nilai: 12, satuan: laporan}}
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
```yaml lain
aturan: permenpanrb-6-2022
kegiatan:
  - id: RHK1
    uraian: Meningkatnya kualitas asuhan keperawatan pasien rawat inap
    jenis: utama
    rhk_atasan: "197805122005011003#RHK1"
    indikator:
      - {teks: Jumlah pasien yang mendapat asuhan keperawatan lengkap, aspek: kuantitas, target: {nilai: 300, satuan: pasien}}
  - id: RHK2
    uraian: Terlaksananya pelaporan insiden keselamatan pasien rawat inap
    jenis: utama
    rhk_atasan: "197805122005011003#RHK2"
    indikator:
      - {teks: Jumlah laporan insiden keselamatan pasien, aspek: kuantitas, target: {nilai: 12, satuan: laporan}}
```
```yaml
aturan: permenpanrb-6-2022
pegawai: {nama: "dr. Hendra Wijaya, Sp.PD.", nip: "197805122005011003", pangkat: Pembina, golongan: IV/a, jabatan: Kepala Bidang Keperawatan, jenis_jabatan: struktural, unit_kerja: RSUD Kota Contoh}
pejabat_penilai: {nama: "dr. Ratna Sari, M.Kes.", nip: "197003041998032002", pangkat: Pembina Tingkat I, golongan: IV/b, jabatan: Direktur RSUD, jenis_jabatan: struktural, unit_kerja: RSUD Kota Contoh}
kegiatan:
  - id: RHK1
    uraian: Meningkatnya mutu pelayanan keperawatan rawat inap
    jenis: utama
    rhk_atasan: "197003041998032002#RHK1"
    indikator:
      - {teks: Persentase pasien rawat inap yang puas terhadap pelayanan keperawatan, aspek: kualitas, target: {nilai: 90, satuan: persen}}
  - id: RHK2
    uraian: Meningkatnya keselamatan pasien di ruang rawat inap
    jenis: utama
    rhk_atasan: "197003041998032002#RHK2"
    indikator:
      - {teks: Jumlah insiden keselamatan pasien yang dilaporkan dan ditindaklanjuti, aspek: kuantitas, target: {nilai: 12, satuan: laporan}}
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

CODE = "U701"
NAME = "rhk-pimpinan-tidak-diintervensi"
FAMILY = "U"
SEVERITY = "warning"
OPTIONS: dict = {}
BATCH = True
UNIT = True  # judged in the cross-file pass when a unit file is in the run
MESSAGE = {
    "id": "RHK utama '{id}' ({uraian}) tidak diintervensi RHK bawahan mana pun di unit; bawahan: {bawahan}.",
    "en": "Main RHK '{id}' ({uraian}) is intervened by no subordinate's RHK in the unit; subordinates: {bawahan}.",
}
MESSAGES = {
    "none": {
        "id": "RHK utama '{id}' ({uraian}) pimpinan unit tidak diintervensi siapa pun: tidak ada SKP bawahan di unit.",
        "en": "The unit leader's main RHK '{id}' ({uraian}) is intervened by nobody: no subordinate plan in the unit.",
    },
}


def check(ctx) -> Iterator[Finding]:
    return iter(())  # cross-file: see finish()


collect = _cascade.collect


def finish(states: list[dict[str, Any]], lang: str, severity: str) -> list[Finding]:
    rule = sys.modules[__name__]
    out: list[Finding] = []
    for uc, report in _cascade.from_states(states):
        h = uc.hierarchy
        for m in h.members.values():
            subs = h.subordinates(m.nip)
            if m.plan is None or (not subs and m.nip != uc.unit.pimpinan) or m.plan.file not in report:
                continue
            names = ", ".join(h.members[s].nama or s for s in subs[:5]) + (f" (+{len(subs) - 5})" if len(subs) > 5 else "")
            for rhk in m.plan.rhk:
                if rhk.jenis != "utama" or uc.intervening(m.nip, rhk.id):
                    continue
                out.append(_cascade.finding(rule, m.plan.file, rhk.loc, severity, lang, None if subs else "none",
                                            kegiatan=rhk.id, id=rhk.id, uraian=_cascade.short(rhk.uraian),
                                            bawahan=names))
    return out
