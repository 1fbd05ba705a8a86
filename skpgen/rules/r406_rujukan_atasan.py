"""Rujukan "NIP#id" ke SKP atasan menunjuk pejabat penilai dan kegiatan/RHK yang ada.

## Apa yang diperiksa
Rujukan berbentuk "NIP#id" di `mendukung` atau `rhk_atasan`:
1. NIP-nya adalah NIP `pejabat_penilai` (kinerja diturunkan dari atasan langsung);
2. bila SKP pemilik NIP itu ikut diperiksa dalam satu kali `skpgen lint` (misalnya satu folder
   unit kerja), id tersebut ada di daftar kegiatan SKP atasan. SKP atasan yang tidak ikut diperiksa
   tidak dinilai.

## Mengapa
Cascading kinerja: RHK pegawai mengintervensi RHK atasan langsungnya (formulir 6/2022: "RENCANA
HASIL KERJA ATASAN YANG DIINTERVENSI"); matriks kegiatan panduan SKP §6 menautkan kegiatan ASN ke
sasaran di atasnya. Rujukan ke NIP lain atau ke RHK yang sudah tidak ada memutus rantai itu, dan
BKPSDM yang memeriksa satu folder ingin melihatnya.

## Contoh buruk
```yaml atasan
pegawai: {nama: "Dra. Sri Wahyuni, M.Si.", nip: "197104221996032003", pangkat: Pembina, golongan: IV/a, jabatan: Kepala Bagian Perencanaan, jenis_jabatan: struktural, unit_kerja: Sekretariat Daerah, pengelola_anggaran: true}
pejabat_penilai: {nama: "Ir. Bambang Setiawan, M.T.", nip: "196805141994031005", pangkat: Pembina Utama Muda, golongan: IV/c, jabatan: Asisten Perekonomian dan Pembangunan, jenis_jabatan: struktural, unit_kerja: Sekretariat Daerah}
```
```yaml
kegiatan:
  - {id: K1, uraian: Menyusun RKA Bagian Perencanaan, jenis: utama, mendukung: ["197104221996032003#K9"], target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3}}
  - {id: K2, uraian: Menyusun kajian kebijakan ketahanan pangan, jenis: utama, mendukung: ["196805141994031005#K1"], target: {kuantitas: 2, satuan: naskah, kualitas: 100, waktu: 6}}
  - {id: K3, uraian: Memverifikasi usulan program perangkat daerah, jenis: utama, mendukung: [SS1], target: {kuantitas: 12, satuan: laporan, kualitas: 100, waktu: 12}}
  - {id: K4, uraian: Menganalisis capaian indikator kinerja utama, jenis: utama, mendukung: [SS1], target: {kuantitas: 4, satuan: laporan, kualitas: 100, waktu: 12}}
  - {id: K5, uraian: Menyusun laporan kinerja instansi pemerintah, jenis: utama, mendukung: [SS1], target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 2}}
```

## Contoh baik
```yaml atasan
pegawai: {nama: "Dra. Sri Wahyuni, M.Si.", nip: "197104221996032003", pangkat: Pembina, golongan: IV/a, jabatan: Kepala Bagian Perencanaan, jenis_jabatan: struktural, unit_kerja: Sekretariat Daerah, pengelola_anggaran: true}
pejabat_penilai: {nama: "Ir. Bambang Setiawan, M.T.", nip: "196805141994031005", pangkat: Pembina Utama Muda, golongan: IV/c, jabatan: Asisten Perekonomian dan Pembangunan, jenis_jabatan: struktural, unit_kerja: Sekretariat Daerah}
```
```yaml
kegiatan:
  - {id: K1, uraian: Menyusun RKA Bagian Perencanaan, jenis: utama, mendukung: ["197104221996032003#K1"], target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3}}
  - {id: K2, uraian: Menyusun kajian kebijakan ketahanan pangan, jenis: utama, mendukung: ["197104221996032003#K3"], target: {kuantitas: 2, satuan: naskah, kualitas: 100, waktu: 6}}
  - {id: K3, uraian: Memverifikasi usulan program perangkat daerah, jenis: utama, mendukung: [SS1], target: {kuantitas: 12, satuan: laporan, kualitas: 100, waktu: 12}}
  - {id: K4, uraian: Menganalisis capaian indikator kinerja utama, jenis: utama, mendukung: [SS1], target: {kuantitas: 4, satuan: laporan, kualitas: 100, waktu: 12}}
  - {id: K5, uraian: Menyusun laporan kinerja instansi pemerintah, jenis: utama, mendukung: [SS1], target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 2}}
```

## Opsi
Tidak ada.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from skpgen.findings import Finding
from skpgen.rules._util import label
from skpgen.unit.refs import parse_ref

CODE = "R406"
NAME = "rujukan-atasan"
FAMILY = "R"
SEVERITY = "warning"
OPTIONS: dict = {}
BATCH = True  # also checked across all files of one run (skpgen.lint.engine.finish_batch)
MESSAGE = {
    "id": "Kegiatan '{id}' merujuk '{ref}', tetapi NIP {nip} bukan pejabat penilai ({penilai}); rujuk RHK/kegiatan atasan langsung.",
    "en": "Kegiatan '{id}' refers to '{ref}', but NIP {nip} is not the assessing official ({penilai}); refer to the direct supervisor's RHK/kegiatan.",
}
MESSAGES = {
    "missing": {
        "id": "Kegiatan '{id}' merujuk '{ref}', tetapi SKP atasan ({file}) tidak punya kegiatan/RHK '{rid}' (yang ada: {ids}).",
        "en": "Kegiatan '{id}' refers to '{ref}', but the supervisor's SKP ({file}) has no kegiatan/RHK '{rid}' (available: {ids}).",
    },
}


@dataclass(frozen=True)
class Ref:
    file: str
    line: int
    column: int
    end_line: int
    end_column: int
    kegiatan: str | None
    nip: str
    rid: str
    text: str


def _refs(ctx) -> Iterator[tuple[tuple[str | int, ...], dict[str, Any], int, str, tuple[str, str]]]:
    for i, k in ctx.kegiatan():
        items = k.get("mendukung")
        for j, ref in enumerate(items if isinstance(items, list) else []):
            if isinstance(ref, str) and "#" in ref:
                nip, rid = (s.strip() for s in ref.split("#", 1))
                yield ("kegiatan", i, "mendukung", j), k, i, ref, (nip, rid)
        parsed = parse_ref(k.get("rhk_atasan"))
        if parsed is not None:
            yield ("kegiatan", i, "rhk_atasan"), k, i, k["rhk_atasan"], parsed


def check(ctx) -> Iterator[Finding]:
    return iter(())  # judged in finish(), so that a unit rule (U702) can say more at the same place


def collect(ctx) -> dict[str, Any]:
    """Per document: the kegiatan ids it offers (by NIP), its pejabat penilai, and the "NIP#id"
    references it makes."""
    nip = str(ctx.get("pegawai", "nip") or "")
    ids = [str(k.get("id")) for _, k in ctx.kegiatan() if k.get("id") is not None]
    refs = []
    for path, k, i, ref, (ref_nip, rid) in _refs(ctx):
        node = ctx.doc.node_at(path)
        refs.append(Ref(ctx.file, node.line, node.col, node.end_line, node.end_col, label(k, i), ref_nip, rid, ref))
    return {"nip": nip, "ids": ids, "file": ctx.file, "refs": refs,
            "penilai": str(ctx.get("pejabat_penilai", "nip") or "")}


def finish(states: Iterable[dict[str, Any]], lang: str, severity: str) -> list[Finding]:
    """References to another NIP than the penilai; across the run: references to a supervisor plan
    that was linted but lacks the id.

    ``states`` is iterated three times (the engine may read it back from disk each time) and only
    the supervisors that are referenced are remembered: memory follows the references, not the
    number of plans in the run."""
    from skpgen.lint.context import rule_message
    import sys

    referenced = {r.nip for s in states for r in s["refs"]}
    offered: dict[str, tuple[str, list[str]]] = {}
    for s in states:
        if s["nip"] in referenced:
            offered.setdefault(s["nip"], (s["file"], s["ids"]))
    out = []
    module = sys.modules[__name__]

    def add(r: Ref, variant: str | None, **kw: Any) -> None:
        out.append(Finding(file=r.file, line=r.line, column=r.column, end_line=r.end_line,
                           end_column=r.end_column, code=CODE, name=NAME, severity=severity,  # type: ignore[arg-type]
                           message=rule_message(module, lang, variant, id=r.kegiatan, ref=r.text, **kw),
                           kegiatan=r.kegiatan))

    for s in states:
        penilai = s.get("penilai") or ""
        for r in s["refs"]:
            if penilai and r.nip != penilai:
                add(r, None, nip=r.nip, penilai=penilai)
            elif r.nip in offered and r.rid not in offered[r.nip][1]:
                file, ids = offered[r.nip]
                add(r, "missing", file=file, rid=r.rid, ids=", ".join(ids) or "-")
    return out
