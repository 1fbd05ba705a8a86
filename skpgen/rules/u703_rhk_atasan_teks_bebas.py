"""`rhk_atasan` berupa teks yang sama dengan RHK atasan: tulis rujukan "NIP#id" yang pasti.

## Apa yang diperiksa
Bila folder yang diperiksa memuat berkas unit (`*.unit.yaml`), `rhk_atasan` yang ditulis sebagai
teks dan sama (atau hampir sama: huruf besar, tanda baca, sedikit beda kata) dengan uraian satu RHK
pada SKP atasan langsung. Pesan menyebut rujukan "NIP#id" RHK itu untuk menggantikan teksnya.
Teks yang tidak sama dengan RHK atasan mana pun adalah temuan U702.

## Mengapa
Teks bebas putus diam-diam begitu atasan merevisi kalimat RHK-nya; "NIP#id" diperiksa setiap kali
lint berjalan, dan formulir tetap mencetak teks RHK atasan yang terbaru.

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
    rhk_atasan: Meningkatnya mutu pelayanan keperawatan rawat inap.
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

CODE = "U703"
NAME = "rhk-atasan-teks-bebas"
FAMILY = "U"
SEVERITY = "info"
OPTIONS: dict = {}
BATCH = True
UNIT = True
MESSAGE = {
    "id": "RHK '{id}': rhk_atasan ditulis sebagai teks yang sama dengan RHK '{rid}' atasan ({nama}); tulis rujukan pasti \"{saran}\".",
    "en": "RHK '{id}': rhk_atasan is text matching the supervisor's RHK '{rid}' ({nama}); write the exact reference \"{saran}\".",
}


def check(ctx) -> Iterator[Finding]:
    return iter(())  # cross-file: see finish()


collect = _cascade.collect


def finish(states: list[dict[str, Any]], lang: str, severity: str) -> list[Finding]:
    rule = sys.modules[__name__]
    out: list[Finding] = []
    for uc, report in _cascade.from_states(states):
        for r in uc.resolutions:
            if r.plan.file not in report or r.status != "text" or r.target is None:
                continue
            m = uc.hierarchy.members.get(r.target[0])
            out.append(_cascade.finding(rule, r.plan.file, r.rhk.loc_atasan, severity, lang, kegiatan=r.rhk.id,
                                        id=r.rhk.id, rid=r.target[1], nama=(m.nama if m and m.nama else r.target[0]),
                                        saran=r.suggestions[0]))
    return out
