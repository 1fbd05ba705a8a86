"""``skpgen init``: a new plan, blank or rolled over from last year's (SPEC §7).

The YAML text comes from the template ``scaffold.yaml.j2`` beside this module (so the Indonesian
comments and the editor modeline are data, not code); values are written by a small flow-style
emitter whose output the strict loader reads back unchanged.
"""

from __future__ import annotations

import copy
import datetime as dt
import math
import os
import re
from functools import cache
from pathlib import Path
from typing import Any

from skpgen.trust import PLACEHOLDER_NIP

_TEMPLATE = Path(__file__).resolve().parent / "scaffold.yaml.j2"

PP46 = "pp46-2011"
R6_2022 = "permenpanrb-6-2022"
BERAKHLAK = ("berorientasi_pelayanan", "akuntabel", "kompeten", "harmonis", "loyal", "adaptif", "kolaboratif")

# key order of a kegiatan in the scaffold
KEGIATAN_ORDER = ("id", "uraian", "jenis", "perspektif", "rhk_atasan", "mendukung", "angka_kredit",
                  "indikator", "target", "historis", "bukti", "tingkat")
# monitoring and year-end data that a new year starts without
KEGIATAN_CLEARED = ("realisasi", "pemantauan", "tindak_lanjut", "bukti")
TOP_CLEARED = ("jurnal", "evaluasi", "revisi", "rencana_pelatihan")

# ---- a minimal YAML emitter (flow style for values) ----------------------------------------------

_BARE = re.compile(r"[A-Za-z\u00C0-\uFFFF][^:#\[\]{},&*!|>'\"%@`\n\r\t]*\Z")
_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def flow(value: Any) -> str:
    """``value`` as a YAML 1.2 flow node that the strict loader reads back as the same value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"not a finite number: {value!r}")
        return repr(value)
    if isinstance(value, str):
        if _DATE.match(value):
            return value
        if (_BARE.match(value) and value.isprintable() and value == value.strip()
                and value.lower() not in _RESERVED and " -" not in value and not value.endswith(("-", "."))):
            return value
        return quote(value)
    if isinstance(value, list):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{flow(str(k))}: {flow(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"cannot write {type(value).__name__} to YAML")


def quote(text: str) -> str:
    """A YAML double-quoted scalar; every non-printable character is escaped (no literal U+2028)."""
    out = ['"']
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == " " or ch.isprintable():
            out.append(ch)
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    out.append('"')
    return "".join(out)


def block(mapping: dict[str, Any], indent: int = 2) -> str:
    """A block mapping; lists of mappings become block sequences of flow mappings."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(mapping, list):
        return "\n".join(f"{pad}- {flow(v)}" for v in mapping) if mapping else f"{pad}[]"
    for key, value in mapping.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            lines.append(f"{pad}{flow(key)}:")
            lines.extend(f"{pad}  - {flow(v)}" for v in value)
        else:
            lines.append(f"{pad}{flow(key)}: {flow(value)}")
    return "\n".join(lines)


def item(mapping: dict[str, Any], indent: int = 2) -> str:
    """One element of a block sequence, written as a block mapping (``- id: K1`` …)."""
    ordered = {k: mapping[k] for k in KEGIATAN_ORDER if k in mapping}
    ordered.update({k: v for k, v in mapping.items() if k not in ordered})
    text = block(ordered, indent + 2)
    return " " * indent + "- " + text[indent + 2:]


@cache
def _template() -> Any:
    from jinja2 import Environment, StrictUndefined

    env = Environment(autoescape=False, keep_trailing_newline=True, trim_blocks=True,
                      lstrip_blocks=True, undefined=StrictUndefined)
    env.filters["y"] = flow
    env.filters["block"] = block
    env.filters["item"] = item
    return env.from_string(_TEMPLATE.read_text(encoding="utf-8"))


SCHEMA_FILE_NAME = "skp.schema.json"
_PROJECT_MARKERS = (".git", ".skpgen.yaml", "pyproject.toml")


def default_schema_ref() -> str:
    """The modeline target when no plan location is known: a schema file next to the plan."""
    return "./" + SCHEMA_FILE_NAME


def schema_location(plan: Path) -> tuple[str, Path, bool]:
    """Where the editor finds the schema for a new plan, offline (SPEC §10).

    yaml-language-server resolves a relative ``$schema=`` modeline against the plan's folder and
    reads the file from disk, so no network is needed. An existing ``skp.schema.json`` in the
    plan's folder or in a folder above it, up to the project root (the nearest folder with
    ``.git``, ``.skpgen.yaml`` or ``pyproject.toml``), is reused (one schema serves a repository of
    plans); otherwise the schema is written next to the plan. Returns (modeline reference, schema
    file, whether that file already exists).
    """
    folder = plan.absolute().parent
    for candidate in [folder, *folder.parents]:
        path = candidate / SCHEMA_FILE_NAME
        if path.is_file():
            rel = os.path.relpath(path, folder).replace(os.sep, "/")
            # the file as the user would name it (relative to the plan they gave)
            return ((rel if rel.startswith("../") else "./" + rel),
                    Path(os.path.normpath(plan.parent / rel)), True)
        if any((candidate / marker).exists() for marker in _PROJECT_MARKERS):
            break
    return "./" + SCHEMA_FILE_NAME, plan.parent / SCHEMA_FILE_NAME, False


def render_scaffold(plan: dict[str, Any], schema_ref: str | None = None, source: str | None = None,
                    old_tahun: int | None = None, matriks: str | None = None) -> str:
    old = old_tahun if old_tahun is not None else plan.get("_old_tahun")
    data = {k: v for k, v in plan.items() if not k.startswith("_")}
    return _template().render(plan=data, schema_ref=schema_ref or default_schema_ref(),
                              source=source, old_tahun=old, matriks=matriks)


# ---- plans ---------------------------------------------------------------------------------------

def shift_year(iso: Any, delta: int) -> Any:
    """An ISO date moved by ``delta`` years (29 February becomes 28 February); other values as is."""
    if not isinstance(iso, str) or not _DATE.match(iso):
        return iso
    try:
        d = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    year = d.year + delta
    try:
        return d.replace(year=year).isoformat()
    except ValueError:
        return d.replace(year=year, day=28).isoformat()


def _quarterly(tahun: int) -> list[str]:
    return [f"{tahun}-03-31", f"{tahun}-06-30", f"{tahun}-09-30", f"{tahun}-12-15"]


def blank_plan(tahun: int, aturan: str = PP46) -> dict[str, Any]:
    """A new plan with example values in every required place. The values in [square brackets] and
    the NIP 000000000000000000 are placeholders: the plan is valid apart from them, and each is an
    E065 finding (skpgen.trust) until it is replaced."""
    plan: dict[str, Any] = {
        "aturan": aturan,
        "instansi": "[Nama Instansi]",
        "periode": {"tahun": tahun, "mulai": f"{tahun}-01-02", "selesai": f"{tahun}-12-31"},
        "pegawai": {"nama": "[Nama Lengkap, Gelar]", "nip": PLACEHOLDER_NIP, "pangkat": "Penata Muda",
                    "golongan": "III/a", "jabatan": "[Nama Jabatan]", "jenis_jabatan": "pelaksana",
                    "unit_kerja": "[Nama Unit Kerja]", "pengelola_anggaran": False},
        "pejabat_penilai": {"nama": "[Nama Pejabat Penilai, Gelar]", "nip": PLACEHOLDER_NIP,
                            "pangkat": "Pembina", "golongan": "IV/a", "jabatan": "[Jabatan Atasan Langsung]",
                            "jenis_jabatan": "struktural", "unit_kerja": "[Nama Unit Kerja]"},
        "keselarasan": [{"id": "SS1", "sasaran": "[Sasaran strategis unit kerja]",
                         "sumber": f"Renja {tahun}", "indikator": "[Indikator kinerja sasaran]"}],
        "jadwal_review": _quarterly(tahun),
    }
    if aturan == R6_2022:
        plan["kegiatan"] = [{
            "id": f"K{n}", "uraian": f"Tersusunnya [hasil kerja {n}] yang [kualitas hasil]", "jenis": "utama",
            "rhk_atasan": "[RHK atasan yang diintervensi]", "mendukung": ["SS1"],
            "indikator": [{"teks": f"Jumlah [hasil kerja {n}] yang ditetapkan", "aspek": "kuantitas",
                           "target": {"nilai": 1, "satuan": "dokumen"}}],
        } for n in (1, 2)]
        plan["perilaku_kerja"] = {name: {"ekspektasi_khusus": None} for name in BERAKHLAK}
        plan["lampiran"] = {"dukungan_sumber_daya": [], "skema_pertanggungjawaban": [], "konsekuensi": []}
    else:
        plan["kegiatan"] = [
            {"id": "K1", "uraian": "Menyusun [obyek kegiatan pertama]", "jenis": "utama", "mendukung": ["SS1"],
             "indikator": [{"teks": "Jumlah [obyek] yang diselesaikan", "aspek": "kuantitas"}],
             "target": {"kuantitas": 1, "satuan": "dokumen", "kualitas": 100, "waktu": 12,
                        "satuan_waktu": "bulan", "tenggat": f"{tahun}-12-31"}},
            {"id": "K2", "uraian": "Memverifikasi [obyek kegiatan kedua]", "jenis": "utama", "mendukung": ["SS1"],
             "indikator": [{"teks": "Persentase [obyek] yang diverifikasi tepat waktu 100%", "aspek": "waktu"}],
             "target": {"kuantitas": 12, "satuan": "laporan", "kualitas": 100, "waktu": 12,
                        "satuan_waktu": "bulan"}},
        ]
    return plan


def _realised(realisasi: Any) -> dict[str, Any]:
    if not isinstance(realisasi, dict):
        return {}
    return {k: realisasi[k] for k in ("kuantitas", "kualitas", "waktu", "biaya")
            if isinstance(realisasi.get(k), (int, float)) and not isinstance(realisasi.get(k), bool)}


def _roll_kegiatan(k: dict[str, Any], old_tahun: int | None, delta: int, aturan: str) -> dict[str, Any]:
    out = {key: copy.deepcopy(v) for key, v in k.items() if key not in KEGIATAN_CLEARED}
    if aturan == PP46:
        out.pop("rhk_atasan", None)
        out.pop("perspektif", None)
    if isinstance(out.get("indikator"), list):
        out["indikator"] = [{key: v for key, v in i.items() if key != "realisasi"} if isinstance(i, dict) else i
                            for i in out["indikator"]]
    if isinstance(out.get("target"), dict) and "tenggat" in out["target"]:
        out["target"]["tenggat"] = shift_year(out["target"]["tenggat"], delta)
    if aturan == PP46 and out.get("jenis") == "utama" and not isinstance(out.get("target"), dict):
        out["target"] = {"kuantitas": 1, "satuan": "dokumen", "kualitas": 100, "waktu": 12, "satuan_waktu": "bulan"}
    realised = _realised(k.get("realisasi"))
    if realised and old_tahun is not None:
        historis = [h for h in out.get("historis") or [] if isinstance(h, dict)]
        if not any(h.get("tahun") == old_tahun for h in historis):
            historis.append({"tahun": old_tahun, **realised})
        out["historis"] = sorted(historis, key=lambda h: h.get("tahun") if isinstance(h.get("tahun"), int) else 0)
    if out.get("jenis") != "kreatif":
        out.pop("tingkat", None)
    return out


def roll_over(data: dict[str, Any], tahun: int | None = None, aturan: str | None = None) -> dict[str, Any]:
    """Next year's plan from a (valid) plan: identities and kegiatan kept, the year's data cleared."""
    periode = data.get("periode") if isinstance(data.get("periode"), dict) else {}
    old_tahun = periode.get("tahun") if isinstance(periode.get("tahun"), int) else None
    new_tahun = tahun if tahun is not None else (old_tahun + 1 if old_tahun is not None else dt.date.today().year)
    delta = new_tahun - old_tahun if old_tahun is not None else 0
    aturan = aturan or data.get("aturan") or PP46

    plan: dict[str, Any] = {"_old_tahun": old_tahun, "aturan": aturan, "instansi": data.get("instansi")}
    plan["periode"] = {
        "tahun": new_tahun,
        "mulai": shift_year(periode.get("mulai"), delta) if periode.get("mulai") else f"{new_tahun}-01-02",
        "selesai": shift_year(periode.get("selesai"), delta) if periode.get("selesai") else f"{new_tahun}-12-31",
    }
    for key in ("pegawai", "pejabat_penilai", "atasan_pejabat_penilai", "keselarasan"):
        if data.get(key) is not None:
            plan[key] = copy.deepcopy(data[key])
    plan["kegiatan"] = [_roll_kegiatan(k, old_tahun, delta, aturan)
                        for k in data.get("kegiatan") or [] if isinstance(k, dict)]
    jadwal = [shift_year(d, delta) for d in data.get("jadwal_review") or [] if isinstance(d, str)]
    plan["jadwal_review"] = jadwal or _quarterly(new_tahun)
    persetujuan = data.get("persetujuan")
    if isinstance(persetujuan, dict) and isinstance(persetujuan.get("tempat"), str):
        plan["persetujuan"] = {"tempat": persetujuan["tempat"]}
    if aturan == R6_2022:
        perilaku = data.get("perilaku_kerja") if data.get("aturan") == R6_2022 else None
        plan["perilaku_kerja"] = copy.deepcopy(perilaku) if isinstance(perilaku, dict) and perilaku else \
            {name: {"ekspektasi_khusus": None} for name in BERAKHLAK}
        lampiran = data.get("lampiran")
        plan["lampiran"] = copy.deepcopy(lampiran) if isinstance(lampiran, dict) else \
            {"dukungan_sumber_daya": [], "skema_pertanggungjawaban": [], "konsekuensi": []}
    return plan
