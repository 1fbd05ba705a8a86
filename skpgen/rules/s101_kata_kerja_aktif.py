"""Uraian kegiatan PP 46/2011 diawali kata kerja operasional (verba aksi).

## Apa yang diperiksa
Kata pertama `uraian` setiap kegiatan pada SKP `pp46-2011` harus kata kerja aktif berawalan meN-
(misalnya "Menyusun", "Memverifikasi", "Mengelola"). Kata benda ("Penyusunan", "Verifikasi",
"Monitoring"), kata kerja intransitif ber- ("Berkoordinasi") dan bentuk pasif ("Disusunnya")
ditandai, dengan saran verba pengganti bila diketahui; begitu juga kata meN- yang bukan kata kerja
aksi ("Menjadi anggota …", daftar `rules/kata-kerja-bukan-aksi.txt`) pada kegiatan utama (tugas
tambahan lazim ditulis "Menjadi wali kelas …"). Deteksi memperhatikan
imbuhan (meN-, mem-, men-, meng-, meny-, -kan, -i) dan daftar `rules/kata-kerja-operasional.txt`.
Kata kerja yang salah ketik ("Menyusn") dilaporkan S114, bukan di sini.

RHK PermenPANRB 6/2022 menyatakan *hasil* ("Meningkatnya …", "Terwujudnya …", "Tersedianya …"),
bukan aktivitas, sehingga aturan ini tidak berlaku untuk `aturan: permenpanrb-6-2022`.

## Mengapa
Panduan SKP: tulis uraian dengan format "[verba aksi] + [obyek]" dan mulailah dengan kata kerja
operasional. Kata benda atau intransitif tidak menyebut siapa melakukan apa, sehingga keluaran dan
ukurannya kabur.

## Contoh buruk
```yaml
kegiatan:
  - id: K1
    uraian: Penyusunan infografis kebijakan baru
    jenis: utama
    target: {kuantitas: 2, satuan: infografis, kualitas: 100, waktu: 12}
```

## Contoh baik
```yaml
kegiatan:
  - id: K1
    uraian: Menyusun infografis kebijakan baru untuk laman instansi
    jenis: utama
    target: {kuantitas: 2, satuan: infografis, kualitas: 100, waktu: 12}
```

## Opsi
Tidak ada. Tambahkan verba instansi di `kata-kerja-operasional.txt` pada folder `--vocab`.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding
from skpgen.rules._util import first_word

CODE = "S101"
NAME = "kata-kerja-aktif"
ALIASES = ("kata-kerja-operasional",)  # SPEC §9 names it kata-kerja-aktif
FAMILY = "S"
SEVERITY = "warning"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Uraian diawali '{word}', bukan kata kerja operasional; tulis sebagai [verba aksi] + [obyek], misalnya 'Menyusun …'.",
    "en": "The uraian starts with '{word}', not an operational verb; write it as [action verb] + [object], e.g. 'Menyusun …'.",
}
MESSAGES = {
    "nomina": {
        "id": "Uraian diawali kata benda '{word}'; ganti dengan kata kerja operasional: '{suggestion} …'.",
        "en": "The uraian starts with the noun '{word}'; use an operational verb instead: '{suggestion} …'.",
    },
    "intransitif": {
        "id": "'{word}' adalah kata kerja intransitif (ber-) yang tidak menyebut keluaran; mulai dengan verba aksi seperti 'Menyusun', 'Melaksanakan'.",
        "en": "'{word}' is an intransitive (ber-) verb that names no output; start with an action verb such as 'Menyusun', 'Melaksanakan'.",
    },
    "bukan-aksi": {
        "id": "'{word}' bukan kata kerja aksi: tidak menyebut pekerjaan yang dilakukan; mulai dengan verba aksi dan keluarannya, misalnya 'Menyusun …'.",
        "en": "'{word}' is not an action verb: it names no work done; start with an action verb and its output, e.g. 'Menyusun …'.",
    },
    "pasif": {
        "id": "Uraian diawali bentuk pasif/hasil '{word}'; kegiatan PP 46/2011 ditulis aktif: [verba aksi] + [obyek].",
        "en": "The uraian starts with the passive/result form '{word}'; a PP 46/2011 kegiatan is written actively: [action verb] + [object].",
    },
}


def check(ctx) -> Iterator[Finding]:
    if ctx.is_6_2022:
        return
    for i, k in ctx.kegiatan():
        raw = k.get("uraian")
        word = first_word(raw)
        if not word:
            continue
        kind = ctx.vocab.verb_kind(word)
        if kind in ("operasional", "aktif", "kabur") or ctx.vocab.typo_of(word):
            continue  # a misspelt verb is S114's: reported as a slip, not as "no verb"
        shown = raw.split()[0] if isinstance(raw, str) and raw.split() else word
        suggestion = ctx.vocab.suggest_verb(word)
        path = ("kegiatan", i, "uraian")
        if suggestion:
            yield ctx.report(path, variant="nomina", word=shown, suggestion=suggestion.capitalize())
        elif kind == "bukan-aksi":
            if k.get("jenis", "utama") == "utama":  # "Menjadi wali kelas" is how a tugas tambahan reads
                yield ctx.report(path, variant=kind, word=shown)
        elif kind in ("intransitif", "pasif"):
            yield ctx.report(path, variant=kind, word=shown)
        else:
            yield ctx.report(path, word=shown)
