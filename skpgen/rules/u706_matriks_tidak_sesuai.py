"""SKP pegawai sesuai dengan Matriks Peran Hasil yang tertulis di berkas unit.

## Apa yang diperiksa
Bila berkas unit (`*.unit.yaml`) memuat `matriks`, untuk setiap baris (pegawai) dan setiap sel
(kolom = id RHK atau IKI atasan baris itu, isi = peran pegawai sebagai hasil):
- SKP pegawai punya RHK yang mengintervensi RHK atasan pada kolom itu (temuan di sel matriks);
- uraian RHK tersebut sama dengan peran di sel (temuan di uraian RHK pada SKP);
- kolom matriks adalah RHK yang ada pada SKP atasan baris itu (temuan di sel matriks);
- atasan baris (`atasan`, ketua tim, atau pimpinan unit) adalah atasan pegawai menurut SKP-nya;
- RHK pegawai tidak mengintervensi RHK atasan yang tidak ada di baris matriksnya;
- setiap pegawai yang punya SKP di folder unit punya baris di matriks.

## Mengapa
Matriks Peran Hasil adalah kesepakatan pembagian peran pimpinan dan pegawai (DOMAIN.md §G.2);
SKP yang menyimpang darinya berarti peran yang disepakati tidak dikerjakan, atau matriks yang
diserahkan ke BKPSDM tidak lagi menggambarkan SKP yang berlaku.

## Contoh buruk
```yaml unit
versi: 1
jenis: unit
nama: Bidang Keperawatan
instansi: RSUD Kota Contoh
tahun: 2025
pimpinan: "197805122005011003"
matriks:
  - nip: "199001152015032004"
    peran:
      RHK2: Meningkatnya kualitas asuhan keperawatan pasien rawat inap
      RHK3: Terlaksananya edukasi kesehatan bagi pasien dan keluarga
```
```yaml atasan
aturan: permenpanrb-6-2022
pegawai: {nama: "dr. Hendra Wijaya, Sp.PD.", nip: "197805122005011003", pangkat: Pembina, golongan: IV/a, jabatan: Kepala Bidang Keperawatan, jenis_jabatan: struktural, unit_kerja: RSUD Kota Contoh}
pejabat_penilai: {nama: "dr. Ratna Sari, M.Kes.", nip: "197003041998032002", pangkat: Pembina Tingkat I, golongan: IV/b, jabatan: Direktur RSUD, jenis_jabatan: struktural, unit_kerja: RSUD Kota Contoh}
kegiatan:
  - id: RHK2
    uraian: Meningkatnya mutu pelayanan keperawatan rawat inap
    jenis: utama
    rhk_atasan: "197003041998032002#RHK1"
    indikator:
      - {teks: Persentase pasien rawat inap yang puas terhadap pelayanan keperawatan, aspek: kualitas, target: {nilai: 90, satuan: persen}}
  - id: RHK3
    uraian: Meningkatnya literasi kesehatan pasien dan keluarga
    jenis: utama
    rhk_atasan: "197003041998032002#RHK2"
    indikator:
      - {teks: Persentase pasien pulang yang menerima edukasi kesehatan, aspek: kualitas, target: {nilai: 90, satuan: persen}}
```
```yaml
aturan: permenpanrb-6-2022
kegiatan:
  - id: RHK1
    uraian: Meningkatnya kualitas asuhan keperawatan pasien rawat inap
    jenis: utama
    rhk_atasan: "197805122005011003#RHK2"
    indikator:
      - {teks: Jumlah pasien yang mendapat asuhan keperawatan lengkap, aspek: kuantitas, target: {nilai: 300, satuan: pasien}}
```

## Contoh baik
```yaml unit
versi: 1
jenis: unit
nama: Bidang Keperawatan
instansi: RSUD Kota Contoh
tahun: 2025
pimpinan: "197805122005011003"
matriks:
  - nip: "199001152015032004"
    peran:
      RHK2: Meningkatnya kualitas asuhan keperawatan pasien rawat inap
      RHK3: Terlaksananya edukasi kesehatan bagi pasien dan keluarga
```
```yaml atasan
aturan: permenpanrb-6-2022
pegawai: {nama: "dr. Hendra Wijaya, Sp.PD.", nip: "197805122005011003", pangkat: Pembina, golongan: IV/a, jabatan: Kepala Bidang Keperawatan, jenis_jabatan: struktural, unit_kerja: RSUD Kota Contoh}
pejabat_penilai: {nama: "dr. Ratna Sari, M.Kes.", nip: "197003041998032002", pangkat: Pembina Tingkat I, golongan: IV/b, jabatan: Direktur RSUD, jenis_jabatan: struktural, unit_kerja: RSUD Kota Contoh}
kegiatan:
  - id: RHK2
    uraian: Meningkatnya mutu pelayanan keperawatan rawat inap
    jenis: utama
    rhk_atasan: "197003041998032002#RHK1"
    indikator:
      - {teks: Persentase pasien rawat inap yang puas terhadap pelayanan keperawatan, aspek: kualitas, target: {nilai: 90, satuan: persen}}
  - id: RHK3
    uraian: Meningkatnya literasi kesehatan pasien dan keluarga
    jenis: utama
    rhk_atasan: "197003041998032002#RHK2"
    indikator:
      - {teks: Persentase pasien pulang yang menerima edukasi kesehatan, aspek: kualitas, target: {nilai: 90, satuan: persen}}
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
from skpgen.unit.refs import similarity

CODE = "U706"
NAME = "matriks-tidak-sesuai"
FAMILY = "U"
SEVERITY = "warning"
OPTIONS: dict = {}
BATCH = True
UNIT = True
MESSAGE = {
    "id": "Matriks: {nama} berperan \"{peran}\" pada {kolom} {atasan}, tetapi SKP-nya ({file}) tidak punya RHK yang mengintervensi {ref}.",
    "en": "Matrix: {nama} has the role \"{peran}\" in {kolom} of {atasan}, but their SKP ({file}) has no RHK intervening {ref}.",
}
MESSAGES = {
    "teks": {
        "id": "RHK '{id}' mengintervensi {ref}, tetapi uraiannya berbeda dari peran pada matriks ({unit} baris {line}): \"{peran}\".",
        "en": "RHK '{id}' intervenes {ref}, but its text differs from the role in the matrix ({unit} line {line}): \"{peran}\".",
    },
    "kolom": {
        "id": "Matriks: kolom '{kolom}' bukan RHK pada SKP {atasan} ({file}; yang ada: {ids}).",
        "en": "Matrix: column '{kolom}' is not an RHK of {atasan}'s SKP ({file}; available: {ids}).",
    },
    "atasan": {
        "id": "Matriks menaruh {nama} di bawah {atasan}, tetapi menurut SKP-nya ({file}) atasannya {sebenarnya}.",
        "en": "The matrix places {nama} under {atasan}, but by their SKP ({file}) the supervisor is {sebenarnya}.",
    },
    "lebih": {
        "id": "RHK '{id}' mengintervensi {ref}, yang tidak ada pada baris matriks pegawai ini ({unit} baris {line}).",
        "en": "RHK '{id}' intervenes {ref}, which is not in this employee's matrix row ({unit} line {line}).",
    },
    "tanpa_baris": {
        "id": "Pegawai {nip} tidak punya baris pada matriks berkas unit {unit}.",
        "en": "Employee {nip} has no row in the matrix of unit file {unit}.",
    },
}


def check(ctx) -> Iterator[Finding]:
    return iter(())  # cross-file: see finish()


collect = _cascade.collect


def finish(states: list[dict[str, Any]], lang: str, severity: str) -> list[Finding]:
    rule = sys.modules[__name__]
    out: list[Finding] = []
    for uc, report in _cascade.from_states(states):
        unit, h = uc.unit, uc.hierarchy
        if not unit.matriks:
            continue

        def add(file: str, loc: Any, variant: str | None, /, kegiatan: str | None = None, **kw: Any) -> None:
            if file in report:
                out.append(_cascade.finding(rule, file, loc, severity, lang, variant, kegiatan=kegiatan, **kw))

        for row in unit.matriks:
            plan = h.plan(row.nip)
            atasan = unit.row_atasan(row)
            atasan_plan = h.plan(atasan)
            a_name = f"{h.members[atasan].nama or atasan}" if atasan in h.members else atasan
            row_line = unit.loc(("matriks", row.index))[0]
            name = (plan.nama if plan else None) or row.nama or row.nip
            cols = {col.split(".")[0] for col, _ in row.peran}
            if plan is not None and atasan not in h.supervisors(row.nip):
                sup = ", ".join(h.supervisors(row.nip)) or "-"
                add(unit.file, unit.loc(("matriks", row.index, "atasan" if row.atasan else "nip")), "atasan",
                    nama=name, atasan=f"{a_name} ({atasan})", file=plan.file, sebenarnya=sup)
                continue
            for col, peran in row.peran:
                rid = col.split(".")[0]
                where = unit.loc(("matriks", row.index, "peran", col))
                if atasan_plan is not None and atasan_plan.find(rid) is None:
                    add(unit.file, where, "kolom", kolom=col, atasan=a_name, file=atasan_plan.file,
                        ids=", ".join(r.id for r in atasan_plan.rhk) or "-")
                    continue
                if plan is None:
                    continue  # U704 says the plan is missing
                mine = [r for r in uc.resolutions if r.plan is plan and r.status in _cascade.RESOLVED
                        and r.target == (atasan, rid)]
                ref = f"{atasan}#{rid}"
                if not mine:
                    add(unit.file, where, None, nama=name, peran=_cascade.short(peran), kolom=col, atasan=a_name,
                        file=plan.file, ref=ref)
                elif max(similarity(peran, r.rhk.uraian) for r in mine) < _cascade.MATCH:
                    r = mine[0]
                    add(plan.file, r.rhk.loc_uraian, "teks", kegiatan=r.rhk.id, id=r.rhk.id, ref=ref,
                        unit=unit.file, line=row_line, peran=_cascade.short(peran))
            if plan is not None:
                for r in uc.resolutions:
                    if r.plan is plan and r.status in _cascade.RESOLVED and r.target is not None \
                            and r.target[0] == atasan and r.target[1] not in cols:
                        add(plan.file, r.rhk.loc_atasan, "lebih", kegiatan=r.rhk.id, id=r.rhk.id,
                            ref=f"{atasan}#{r.target[1]}", unit=unit.file, line=row_line)
        rows = {row.nip for row in unit.matriks}
        for m in h.members.values():
            if m.nip != unit.pimpinan and m.nip not in rows:
                for p in m.plans:
                    add(p.file, p.loc_nip, "tanpa_baris", nip=m.nip, unit=unit.file)
    return out
