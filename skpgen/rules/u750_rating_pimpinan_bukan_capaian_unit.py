"""Rating hasil kerja pimpinan unit adalah capaian kinerja organisasi unitnya.

## Apa yang diperiksa
Bila folder yang diperiksa memuat berkas unit (`*.unit.yaml`) dengan `predikat_organisasi`: setiap
`evaluasi` pada SKP pimpinan unit (`pimpinan`) memberi `rating_hasil_kerja` yang sesuai dengan
predikat kinerja organisasi periode yang sama: istimewa → di_atas_ekspektasi; baik →
sesuai_ekspektasi; butuh_perbaikan, kurang, sangat_kurang → di_bawah_ekspektasi.

## Mengapa
SE MenPANRB 3/2023 dan PermenPANRB 6/2022: bila pegawai yang dinilai adalah pimpinan unit, capaian
kinerja unit **adalah** rating hasil kerjanya (DOMAIN.md §G.1 [Q]). Padanan predikat organisasi ke
rating mengikuti tabel `rules/kurva-distribusi.toml` ([pimpinan], label verifikasinya disebut di sana).

## Contoh buruk
```yaml unit
versi: 1
jenis: unit
nama: Bidang Keperawatan
instansi: RSUD Kota Contoh
tahun: 2025
pimpinan: "199001152015032004"
predikat_organisasi: {tahunan: baik}
```
```yaml
aturan: permenpanrb-6-2022
evaluasi:
  - {periode: tahunan, rating_hasil_kerja: di_atas_ekspektasi, rating_perilaku: di_atas_ekspektasi}
```

## Contoh baik
```yaml unit
versi: 1
jenis: unit
nama: Bidang Keperawatan
instansi: RSUD Kota Contoh
tahun: 2025
pimpinan: "199001152015032004"
predikat_organisasi: {tahunan: baik}
```
```yaml
aturan: permenpanrb-6-2022
evaluasi:
  - {periode: tahunan, rating_hasil_kerja: sesuai_ekspektasi, rating_perilaku: di_atas_ekspektasi}
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

CODE = "U750"
NAME = "rating-pimpinan-bukan-capaian-unit"
FAMILY = "U"
SEVERITY = "warning"
OPTIONS: dict = {}
BATCH = True
UNIT = True
MESSAGE = {
    "id": "Evaluasi {periode} pimpinan unit {unit}: rating hasil kerja {rating}, padahal predikat kinerja organisasi {organisasi} berarti {harus} (capaian unit adalah rating hasil kerja pimpinannya; {tabel}).",
    "en": "Evaluasi {periode} of the leader of {unit}: rating hasil kerja {rating}, but the organisation predikat {organisasi} means {harus} (the unit's achievement is its leader's rating hasil kerja; {tabel}).",
}


def check(ctx) -> Iterator[Finding]:
    return iter(())  # cross-file: see finish()


collect = _kf.collect


def finish(states: list[dict[str, Any]], lang: str, severity: str) -> list[Finding]:
    from skpgen.kurva import tabel_kurva

    rule = sys.modules[__name__]
    tabel = tabel_kurva()
    out: list[Finding] = []
    for uc, report in _cascade.from_states(states):
        unit = uc.unit
        leader = uc.hierarchy.members.get(unit.pimpinan)
        for plan in (leader.plans if leader else []):
            if plan.file not in report:
                continue
            for ev in _kf.evaluasi_of(states, plan.file):
                org = unit.predikat_organisasi.get(ev.periode)
                harus = tabel.rating_pimpinan.get(org or "")
                if harus is None or ev.rating_hasil_kerja == harus:
                    continue
                out.append(_cascade.finding(rule, plan.file, ev.loc_hasil, severity, lang, periode=ev.periode,
                                            unit=unit.nama, rating=ev.rating_hasil_kerja, organisasi=org,
                                            harus=harus, tabel=tabel.keterangan_pimpinan()))
    return out
