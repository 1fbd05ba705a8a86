"""Tugas titipan dari pimpinan ("tugas lain yang diberikan atasan") bukan kegiatan jabatan.

## Apa yang diperiksa
`uraian` yang berisi pekerjaan sisa dari pimpinan, bukan kegiatan sendiri: "tugas (kedinasan)
lain", "yang diberikan atasan", "yang diperintahkan oleh pimpinan", "sesuai perintah atasan"
(daftar `rules/tugas-titipan.txt`).

## Mengapa
PP 46/2011 dan PermenPANRB 6/2022: SKP memuat kegiatan tugas jabatan dengan target yang nyata.
"Melaksanakan tugas lain dari pimpinan" tidak bisa diberi target; tugas yang benar-benar diberikan
dicatat sebagai tugas tambahan (`jenis: tambahan`) dengan bukti penugasannya, atau dirumuskan
sebagai kegiatan dengan keluarannya sendiri.

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Melaksanakan tugas kedinasan lain yang diperintahkan oleh pimpinan
    jenis: utama
    target: {kuantitas: 12, satuan: kegiatan, kualitas: 100, waktu: 12}
```

## Contoh baik
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun telaahan staf atas disposisi pimpinan tentang usulan mutasi pegawai
    jenis: utama
    target: {kuantitas: 12, satuan: telaahan, kualitas: 100, waktu: 12}
```

## Opsi
Tidak ada. Frasa diatur di `tugas-titipan.txt`.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding

CODE = "S112"
NAME = "tugas-titipan"
FAMILY = "S"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "'{phrase}' adalah tugas titipan, bukan kegiatan jabatan; catat sebagai tugas tambahan dengan bukti penugasan, atau tulis kegiatan dan keluarannya sendiri.",
    "en": "'{phrase}' is residual work delegated by the superior, not an activity of the position; record it as a tugas tambahan with proof of assignment, or write the activity and its own output.",
}


def check(ctx) -> Iterator[Finding]:
    phrases = ctx.vocab["tugas-titipan"]
    for i, _, uraian, _ in ctx.uraian():
        phrase = phrases.find(uraian)
        if phrase:
            yield ctx.report(("kegiatan", i, "uraian"), phrase=phrase)
