"""SKP belum dibahas dengan atasan (`persetujuan.dibahas` kosong).

## Apa yang diperiksa
`persetujuan.dibahas` (tanggal pembahasan dengan pejabat penilai) diisi.

## Mengapa
Panduan SKP §4.6 dan §7: "Tidak melibatkan atasan → kurang komitmen, mudah direvisi sepihak";
solusi: "Jadwalkan diskusi dan klarifikasi". Target SKP adalah kesepakatan, bukan rencana
sepihak.

## Contoh buruk
```yaml
persetujuan: {ditandatangani: 2025-01-10, tempat: Kota Contoh}
```

## Contoh baik
```yaml
persetujuan: {dibahas: 2025-01-08, ditandatangani: 2025-01-10, tempat: Kota Contoh}
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding

CODE = "P609"
NAME = "tanpa-pembahasan-atasan"
FAMILY = "P"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "SKP belum dibahas dengan pejabat penilai; jadwalkan pembahasan dan isi persetujuan.dibahas dengan tanggalnya.",
    "en": "The SKP has not been discussed with the assessing official; schedule the discussion and fill in persetujuan.dibahas with its date.",
}


def check(ctx) -> Iterator[Finding]:
    if not ctx.get("persetujuan", "dibahas"):
        yield ctx.report(("persetujuan",), key=True)
