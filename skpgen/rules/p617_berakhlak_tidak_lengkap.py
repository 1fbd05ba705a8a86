"""Perilaku kerja BerAKHLAK pada SKP 6/2022.

## Apa yang diperiksa
SKP `permenpanrb-6-2022` memuat `perilaku_kerja` dengan ketujuh nilai BerAKHLAK
(berorientasi_pelayanan, akuntabel, kompeten, harmonis, loyal, adaptif, kolaboratif), masing-masing
boleh dengan `ekspektasi_khusus`.

## Mengapa
PermenPANRB 6/2022: SKP memuat hasil kerja **dan** perilaku kerja; perilaku kerja adalah nilai
dasar BerAKHLAK (SE MenPANRB 20/2021) dengan ekspektasi khusus pimpinan. Tanpanya rating perilaku
tidak punya acuan.

## Contoh buruk
```yaml
aturan: permenpanrb-6-2022
perilaku_kerja: null
```

## Contoh baik
```yaml
aturan: permenpanrb-6-2022
perilaku_kerja:
  berorientasi_pelayanan: {ekspektasi_khusus: "Menanggapi keluhan pasien dalam 1 x 24 jam"}
  akuntabel: {}
  kompeten: {}
  harmonis: {}
  loyal: {}
  adaptif: {}
  kolaboratif: {}
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding

CODE = "P617"
NAME = "berakhlak-tidak-lengkap"
FAMILY = "P"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Perilaku kerja BerAKHLAK belum lengkap ({missing}); cantumkan ketujuh nilai, masing-masing dengan ekspektasi khusus pimpinan bila ada.",
    "en": "The BerAKHLAK work behaviour is incomplete ({missing}); list all seven values, each with the leader's specific expectation where given.",
}
VALUES = ("berorientasi_pelayanan", "akuntabel", "kompeten", "harmonis", "loyal", "adaptif", "kolaboratif")


def check(ctx) -> Iterator[Finding]:
    if not ctx.is_6_2022:
        return
    perilaku = ctx.data.get("perilaku_kerja")
    perilaku = perilaku if isinstance(perilaku, dict) else {}
    missing = [v for v in VALUES if v not in perilaku]
    if missing:
        yield ctx.report(("perilaku_kerja",) if "perilaku_kerja" in ctx.data else ("aturan",), key=True,
                         missing=", ".join(missing))
