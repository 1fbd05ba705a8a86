"""Pejabat penilai tidak sama dengan pegawai yang dinilai.

## Apa yang diperiksa
`pejabat_penilai.nip` berbeda dari `pegawai.nip` (dan, bila NIP kosong, namanya berbeda).

## Mengapa
Pejabat penilai adalah atasan langsung; menilai diri sendiri membatalkan kesepakatan dan penilaian
SKP (DOMAIN.md E.1.8). Biasanya ini salah salin blok `pegawai`.

## Contoh buruk
```yaml
pejabat_penilai:
  nama: "Ali Rahman, S.E."
  nip: "198503122010011002"
  pangkat: Penata
  golongan: III/c
  jabatan: Analis Kebijakan Ahli Muda
  jenis_jabatan: fungsional_tertentu
  unit_kerja: Bagian Perencanaan
```

## Contoh baik
```yaml
pejabat_penilai:
  nama: "Dra. Sri Wahyuni, M.Si."
  nip: "197104221996032003"
  pangkat: Pembina
  golongan: IV/a
  jabatan: Kepala Bagian Perencanaan
  jenis_jabatan: struktural
  unit_kerja: Sekretariat Daerah
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

from collections.abc import Iterator

from skpgen.findings import Finding

CODE = "P607"
NAME = "penilai-sama-dengan-dinilai"
FAMILY = "P"
SEVERITY = "error"
OPTIONS: dict = {}
MESSAGE = {
    "id": "Pejabat penilai sama dengan pegawai yang dinilai ({who}); isi pejabat_penilai dengan atasan langsung.",
    "en": "The assessing official is the assessed employee ({who}); fill in pejabat_penilai with the direct supervisor.",
}


def _norm(s: object) -> str:
    return " ".join(str(s).lower().split()) if s else ""


def check(ctx) -> Iterator[Finding]:
    peg, pen = ctx.data.get("pegawai"), ctx.data.get("pejabat_penilai")
    if not isinstance(peg, dict) or not isinstance(pen, dict):
        return
    same_nip = peg.get("nip") and peg.get("nip") == pen.get("nip")
    same_name = not (peg.get("nip") and pen.get("nip")) and _norm(peg.get("nama")) and \
        _norm(peg.get("nama")) == _norm(pen.get("nama"))
    if same_nip or same_name:
        who = f"NIP {pen.get('nip')}" if same_nip else str(pen.get("nama"))
        yield ctx.report(("pejabat_penilai", "nip") if same_nip else ("pejabat_penilai", "nama"), who=who)
