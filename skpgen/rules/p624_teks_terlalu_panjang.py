"""Uraian kegiatan atau teks indikator terlalu panjang untuk dicetak dengan baik.

## Apa yang diperiksa
Panjang `uraian` setiap kegiatan dan `teks` setiap indikator (IKI), dihitung dalam karakter
setelah spasi berlebih dirapatkan, tidak melebihi `maks_karakter` (bawaan 300).

## Mengapa
Formulir resmi mencetak uraian dalam satu sel tabel (kolom KEGIATAN TUGAS JABATAN atau RENCANA
HASIL KERJA, selebar 6–13 cm). Uraian 2.000 karakter menjadi puluhan baris: tabel memanjang
beberapa halaman, lampiran membengkak, dan formulir sulit dibaca dan ditandatangani. Uraian yang
baik adalah satu kalimat hasil kerja; rincian cara kerja, dasar hukum dan daftar keluaran
tempatnya di bukti dukung atau catatan.

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: >-
      Menyusun laporan evaluasi pelaksanaan program dan kegiatan bidang perencanaan yang mencakup
      pengumpulan data dari seluruh sub bagian, verifikasi kelengkapan dokumen pendukung, analisis
      capaian indikator kinerja setiap triwulan, penyusunan rekomendasi perbaikan untuk pimpinan,
      pembahasan bersama tim teknis, perbaikan draf sesuai masukan, serta penyampaian laporan akhir
      kepada kepala dinas sesuai jadwal yang telah ditetapkan dalam rencana kerja tahunan unit
    jenis: utama
    target: {kuantitas: 4, satuan: laporan, kualitas: 100, waktu: 12, satuan_waktu: bulan}
```

## Contoh baik
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun laporan evaluasi triwulanan program bidang perencanaan
    jenis: utama
    target: {kuantitas: 4, satuan: laporan, kualitas: 100, waktu: 12, satuan_waktu: bulan}
```

## Opsi
- `maks_karakter` (bilangan bulat 50–5000, bawaan 300): panjang terpanjang yang masih tercetak rapi.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._options import Number
from skpgen.rules._util import label, plain, texts_of_kegiatan

CODE = "P624"
NAME = "teks-terlalu-panjang"
FAMILY = "P"
SEVERITY = "warning"
OPTIONS = {"maks_karakter": 300}
CONF = {"maks_karakter": Number(minimum=50, maximum=5000, integer=True)}
MESSAGE = {
    "id": "{bagian} kegiatan '{id}' panjangnya {panjang} karakter (batas {batas}): teks sepanjang ini memanjangkan tabel formulir beberapa halaman; ringkas menjadi satu kalimat hasil kerja dan pindahkan rinciannya ke bukti dukung.",
    "en": "The {bagian} of kegiatan '{id}' is {panjang} characters long (limit {batas}): text this long stretches the form's table over pages; shorten it to one result sentence and move the details to the evidence.",
}
_PART = {"id": {"uraian": "Uraian", "indikator": "Teks indikator"},
         "en": {"uraian": "uraian", "indikator": "indikator text"}}


def length(text: str) -> int:
    """Printed length: runs of whitespace (line breaks of a folded YAML block too) count as one.

    >>> length("Menyusun   laporan\\n  triwulan")
    26
    """
    return len(" ".join(text.split()))


def check(ctx) -> Iterator[Finding]:
    limit = ctx.options["maks_karakter"]
    names = _PART.get(ctx.lang, _PART["id"])
    for i, k in ctx.kegiatan():
        for rel, text in texts_of_kegiatan(k):
            n = length(text)
            if n > limit:
                yield ctx.report(("kegiatan", i, *rel), bagian=names[str(rel[0])], id=label(k, i),
                                 panjang=plain(n), batas=plain(limit))
