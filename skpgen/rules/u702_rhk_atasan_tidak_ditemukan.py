"""`rhk_atasan` menunjuk RHK nyata milik atasan langsung pegawai di dalam unit.

## Apa yang diperiksa
Bila folder yang diperiksa memuat berkas unit (`*.unit.yaml`), `rhk_atasan` setiap RHK pegawai
unit (selain pimpinan unit) harus menunjuk RHK yang ada pada SKP atasan langsungnya di folder itu:
pejabat penilai pada SKP-nya, atau ketua tim bila pegawai anggota `tim` di berkas unit.
Temuan bila rujukan:
- menunjuk atasan dari atasan (atasan pejabat penilai) alih-alih atasan langsung — pesan
  menyebut RHK atasan langsung yang mengintervensi RHK tersebut, bila ada;
- menunjuk NIP lain yang bukan atasan pegawai;
- menunjuk id yang tidak ada di SKP atasan;
- berupa teks yang tidak sama dengan RHK mana pun pada SKP atasan.

Temuan ini menggantikan R406 pada rujukan yang sama. RHK yang tertulis sebagai kegiatan dan bukan
hasil diperiksa aturan keluarga Spesifik, bukan di sini.

## Mengapa
Di e-Kinerja, "RHK pimpinan yang diintervensi" hanya muncul bila SKP atasan langsung ada dan
rujukannya benar; rujukan ke atasan yang salah atau ke RHK yang sudah tidak ada memutus cascading
unit (DOMAIN.md §G.2, §G.7).

## Contoh buruk
```yaml unit
versi: 1
jenis: unit
nama: Bidang Keperawatan
instansi: RSUD Kota Contoh
tahun: 2025
pimpinan: "197805122005011003"
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
```
```yaml
aturan: permenpanrb-6-2022
kegiatan:
  - id: RHK1
    uraian: Meningkatnya kualitas asuhan keperawatan pasien rawat inap
    jenis: utama
    rhk_atasan: "197805122005011003#RHK9"
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

## Opsi
Tidak ada.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

from skpgen.findings import Finding
from skpgen.unit import cascade as _cascade

CODE = "U702"
NAME = "rhk-atasan-tidak-ditemukan"
FAMILY = "U"
SEVERITY = "warning"
OPTIONS: dict = {}
BATCH = True
UNIT = True
SUPERSEDES = ("R406",)  # the same reference: this finding names the right supervisor and RHK
MESSAGE = {
    "id": "RHK '{id}' merujuk '{ref}', tetapi SKP atasan ({file}) tidak punya RHK '{rid}' (yang ada: {ids}).",
    "en": "RHK '{id}' refers to '{ref}', but the supervisor's SKP ({file}) has no RHK '{rid}' (available: {ids}).",
}
MESSAGES = {
    "grand": {
        "id": "RHK '{id}' merujuk RHK '{rid}' milik {nama} ({nip}), atasan dari atasan langsung; rujuk RHK atasan langsung ({atasan}){saran}.",
        "en": "RHK '{id}' refers to RHK '{rid}' of {nama} ({nip}), the supervisor's supervisor; refer to the direct supervisor's RHK ({atasan}){saran}.",
    },
    "other": {
        "id": "RHK '{id}' merujuk '{ref}', tetapi NIP {nip} bukan atasan langsung pegawai ini ({atasan}).",
        "en": "RHK '{id}' refers to '{ref}', but NIP {nip} is not this employee's direct supervisor ({atasan}).",
    },
    "nomatch": {
        "id": "RHK '{id}': rhk_atasan \"{ref}\" tidak sama dengan RHK mana pun pada SKP atasan ({atasan}); tulis \"NIP#id\" salah satu: {ids}.",
        "en": "RHK '{id}': rhk_atasan \"{ref}\" matches no RHK in the supervisor's SKP ({atasan}); write the \"NIP#id\" of one of: {ids}.",
    },
    "saran": {"id": ", misalnya {refs}", "en": ", e.g. {refs}"},
}


def check(ctx) -> Iterator[Finding]:
    return iter(())  # cross-file: see finish()


collect = _cascade.collect


def finish(states: list[dict[str, Any]], lang: str, severity: str) -> list[Finding]:
    from skpgen.lint.context import rule_message

    rule = sys.modules[__name__]
    out: list[Finding] = []
    for uc, report in _cascade.from_states(states):
        h = uc.hierarchy
        for r in uc.resolutions:
            if r.plan.file not in report or r.status not in ("grand", "other", "missing", "nomatch"):
                continue
            sups = h.supervisors(r.plan.nip)
            atasan = ", ".join(f"{h.members[s].nama or s} {s}" if s in h.members else s for s in sups)
            kw: dict[str, Any] = {"id": r.rhk.id, "ref": r.rhk.rhk_atasan, "atasan": atasan}
            variant: str | None = r.status
            if r.status == "missing" and r.target is not None:
                sp = h.plan(r.target[0])
                variant = None
                kw.update(file=sp.file if sp else "-", rid=r.target[1],
                          ids=", ".join(x.id for x in sp.rhk) if sp else "-")
            elif r.status == "grand" and r.target is not None:
                g = h.members.get(r.target[0])
                saran = rule_message(rule, lang, "saran", refs=" / ".join(r.suggestions)) if r.suggestions else ""
                kw.update(rid=r.target[1], nip=r.target[0], nama=(g.nama if g and g.nama else "-"), saran=saran)
            elif r.status == "other" and r.target is not None:
                kw.update(nip=r.target[0])
            elif r.status == "nomatch":
                kw.update(ids=", ".join(f"{s}#{x.id}" for s in sups if h.plan(s) for x in h.plan(s).rhk) or "-")
            out.append(_cascade.finding(rule, r.plan.file, r.rhk.loc_atasan, severity, lang, variant,
                                        kegiatan=r.rhk.id, **kw))
    return out
