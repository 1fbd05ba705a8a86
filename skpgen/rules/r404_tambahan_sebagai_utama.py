"""Pekerjaan yang bersifat tugas tambahan (panitia, forum, peringatan) dicatat sebagai `utama`.

## Apa yang diperiksa
Kegiatan `utama` yang uraiannya memuat kata khas tugas tambahan (daftar
`rules/mirip-tambahan.txt`): panitia, anggota tim/pokja, mewakili unit, peringatan hari besar,
upacara, lomba, dan sejenisnya.

## Mengapa
Panduan SKP: tugas tambahan "tidak secara langsung tercantum dalam tupoksi, tetapi diperintahkan
oleh atasan" (contoh: panitia pengadaan, forum koordinasi lintas instansi, peringatan hari besar
nasional) dan dicatat terpisah dengan bukti surat tugas. "Jangan mencampur aduk antara kegiatan
utama dan tambahan."

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Mengoordinasikan kegiatan peringatan hari besar nasional
    jenis: utama
    target: {kuantitas: 3, satuan: kegiatan, kualitas: 100, waktu: 12}
```

## Contoh baik
```yaml
kegiatan:
  - id: K1
    uraian: Mengoordinasikan kegiatan peringatan hari besar nasional
    jenis: tambahan
    bukti: ["Surat Tugas Sekretaris Daerah Nomor 800/045/2025"]
```

## Opsi
Tidak ada. Daftar diatur di `mirip-tambahan.txt`.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._util import label

CODE = "R404"
NAME = "tambahan-sebagai-utama"
FAMILY = "R"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Kegiatan '{id}' ('{phrase}') bersifat tugas tambahan, bukan tugas jabatan; catat sebagai jenis: tambahan dengan bukti surat tugas.",
    "en": "Kegiatan '{id}' ('{phrase}') is additional work by nature, not a duty of the position; record it as jenis: tambahan with the assignment letter as bukti.",
}


def check(ctx) -> Iterator[Finding]:
    words = ctx.vocab["mirip-tambahan"]
    for i, k in ctx.kegiatan():
        if k.get("jenis") != "utama" or not isinstance(k.get("uraian"), str):
            continue
        phrase = words.find(k["uraian"])
        if phrase:
            yield ctx.report(("kegiatan", i, "jenis"), id=label(k, i), phrase=phrase)
