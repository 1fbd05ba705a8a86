"""RHK PermenPANRB 6/2022 ditulis sebagai hasil, bukan sebagai aktivitas.

## Apa yang diperiksa
Pada SKP `permenpanrb-6-2022`, `uraian` RHK yang:
1. diawali kata kerja aksi ("Menyusun materi …", "Melaksanakan kegiatan …", "Memberikan
   bimbingan …"); atau
2. hanya nama aktivitas: kata benda peN-an/per-an, serapan -si, atau kata di
   `rules/nomina-aktivitas.txt` ("Sosialisasi", "Monitoring dan supervisi", "Pengawasan",
   "Layanan penerbitan izin") tanpa penanda hasil: bentuk hasil "-nya" ("Tersusunnya …"), kata
   kerja di- ("… disampaikan tepat waktu"), keterangan "yang …" ("… yang optimal") atau
   "tidak ada …".

## Mengapa
PermenPANRB 6/2022 dan bahan sosialisasi SKP: rencana kinerja ditulis dalam bahasa pencapaian
(hasil kerja), bukan aktivitas atau kategori pekerjaan ("Verifikasi berkas disampaikan tepat
waktu", bukan "Monitoring dan supervisi"). Keluhan yang paling sering dari pelatih e-Kinerja
(DOMAIN.md §G.7). Pemeriksaan keselarasan (cascading) memakai aturan ini untuk RHK bawahan.

## Contoh buruk
```yaml
aturan: permenpanrb-6-2022
kegiatan:
  - id: RHK1
    uraian: Menyusun materi sosialisasi aplikasi perizinan bangunan
    jenis: utama
    rhk_atasan: "197805122005011003#RHK2"
    indikator:
      - {teks: Jumlah materi sosialisasi, aspek: kuantitas, target: {nilai: 4, satuan: dokumen}}
```

## Contoh baik
```yaml
aturan: permenpanrb-6-2022
kegiatan:
  - id: RHK1
    uraian: Tersedianya materi sosialisasi aplikasi perizinan bangunan bagi pemerintah daerah
    jenis: utama
    rhk_atasan: "197805122005011003#RHK2"
    indikator:
      - {teks: Jumlah materi sosialisasi, aspek: kuantitas, target: {nilai: 4, satuan: dokumen}}
```

## Opsi
Tidak ada. Kata benda aktivitas diatur di `nomina-aktivitas.txt`; bentuk hasil di `hasil-rhk.txt`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from skpgen.findings import Finding

CODE = "S107"
NAME = "rhk-aktivitas"
FAMILY = "S"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "RHK '{rhk}' ditulis sebagai aktivitas ('{word}'), bukan hasil; tulis hasilnya, misalnya 'Tersusunnya …', 'Tersedianya …' atau '… disampaikan tepat waktu'.",
    "en": "RHK '{rhk}' is worded as an activity ('{word}'), not a result; state the result, e.g. 'Tersusunnya …', 'Tersedianya …' or '… disampaikan tepat waktu'.",
}
_ACTION = ("operasional", "aktif", "kabur")
# di- verbs mark a result statement ("… disampaikan tepat waktu"); a few di- nouns are not verbs
_DI_NOUNS = ("digital", "dinas", "direktori", "direktorat", "distribusi", "diklat", "disiplin", "diskusi",
             "dimensi", "diagnosa", "diagnosis")


def _result_marker(toks: tuple[str, ...]) -> bool:
    for t in toks[1:]:
        if t == "yang" or (t.endswith("nya") and len(t) >= 7):
            return True
        if len(t) >= 6 and t.startswith("di") and not t.startswith(_DI_NOUNS):
            return True
    return toks[:2] == ("tidak", "ada")


def check(ctx) -> Iterator[Finding]:
    if not ctx.is_6_2022:
        return
    vocab = ctx.vocab
    for i, _, uraian, toks in ctx.uraian():
        first = toks[0]
        slip = vocab.typo_of(first)
        if vocab.verb_kind(first) in _ACTION or (slip and vocab.verb_kind(slip) in _ACTION):
            pass
        elif not (vocab.is_activity_noun(first) and not _result_marker(toks)):
            continue
        word = re.split(r"[\s/]+", uraian.strip())[0]
        yield ctx.report(("kegiatan", i, "uraian"), rhk=" ".join(uraian.split()[:6]), word=word)
