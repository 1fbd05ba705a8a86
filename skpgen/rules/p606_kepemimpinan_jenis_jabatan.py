"""Aspek perilaku kepemimpinan hanya (dan wajib) untuk pejabat struktural.

## Apa yang diperiksa
Pada SKP `pp46-2011` dengan `perilaku_kerja`: `kepemimpinan` tidak diisi bila
`pegawai.jenis_jabatan` bukan `struktural`, dan diisi bila pegawai struktural.

## Mengapa
PP 46/2011: perilaku kerja terdiri atas orientasi pelayanan, integritas, komitmen, disiplin, kerja
sama dan kepemimpinan, yang terakhir hanya bagi pejabat struktural. Nilai perilaku adalah
rata-rata 5 atau 6 aspek; aspek yang salah mengubah pembaginya.

## Contoh buruk
```yaml
perilaku_kerja: {orientasi_pelayanan: 85, integritas: 88, komitmen: 84, disiplin: 90, kerja_sama: 86, kepemimpinan: 80}
```

## Contoh baik
```yaml
perilaku_kerja: {orientasi_pelayanan: 85, integritas: 88, komitmen: 84, disiplin: 90, kerja_sama: 86}
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding

CODE = "P606"
NAME = "kepemimpinan-jenis-jabatan"
FAMILY = "P"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Aspek kepemimpinan diisi untuk pegawai {jenis}; kepemimpinan hanya dinilai bagi pejabat struktural, hapus nilainya.",
    "en": "The kepemimpinan aspect is filled in for a {jenis} employee; leadership is assessed for structural officials only, remove it.",
}
MESSAGES = {
    "missing": {
        "id": "Pegawai struktural tanpa nilai kepemimpinan; isi perilaku_kerja.kepemimpinan.",
        "en": "A structural official without a kepemimpinan score; fill in perilaku_kerja.kepemimpinan.",
    },
}


def check(ctx) -> Iterator[Finding]:
    perilaku = ctx.data.get("perilaku_kerja")
    if ctx.is_6_2022 or not isinstance(perilaku, dict):
        return
    jenis = ctx.get("pegawai", "jenis_jabatan")
    has = perilaku.get("kepemimpinan") is not None
    if has and jenis != "struktural":
        yield ctx.report(("perilaku_kerja", "kepemimpinan"), key=True, jenis=jenis)
    elif not has and jenis == "struktural":
        yield ctx.report(("perilaku_kerja",), key=True, variant="missing")
