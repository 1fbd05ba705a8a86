"""Read e-Kinerja BKN exports (DOMAIN.md §G.5) for the distribution curve, by header name only.

Two exports are known, and only these column names:
- "Penilaian SKP": ``id`` (the NIP; ``nip`` is accepted too) and ``hasil_akhir`` (SANGAT BAIK /
  BAIK / CUKUP / KURANG / SANGAT KURANG, "-" when none; CUKUP is Butuh Perbaikan).
- "Laporan SKP": ``nip``, ``skp_unor_induk`` (the OPD), a unit column (``unit_kerja`` |
  ``skp_unor`` | ``skp_unor_nama`` | ``unor_nama``), ``is_plt_plh`` (0/1) and ``periode_akhir``.
  An employee appears twice after a mutasi: the row with the latest ``periode_akhir`` is the
  current one. A Plt/Plh row (``is_plt_plh`` 1) is an acting assignment: the employee counts in
  the unit of their own position.

The header row is the row among the first 20 of a sheet with most known names (title blocks
above it are skipped). A column is never taken by its position; a missing column is named in the
error; a value that cannot be read for sure (a NIP stored as a number, an unknown hasil_akhir) is
an error naming the sheet, row and column.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from skpgen.kurva import msg

__all__ = ["EkinerjaError", "Ekinerja", "Penempatan", "baca_ekinerja", "HASIL_AKHIR"]

HEADER_ROWS = 20
HASIL_AKHIR = {
    "SANGAT BAIK": "sangat_baik", "BAIK": "baik", "CUKUP": "butuh_perbaikan", "BUTUH PERBAIKAN": "butuh_perbaikan",
    "KURANG": "kurang", "KURANG/MISCONDUCT": "kurang", "SANGAT KURANG": "sangat_kurang",
}
TANPA = ("-", "")
UNIT_COLUMNS = ("unit_kerja", "skp_unor", "skp_unor_nama", "unor_nama")
JABATAN_COLUMNS = ("skp_jabatan", "jabatan", "jabatan_akhir", "nama_jabatan")
KNOWN = {"id", "nip", "nama", "hasil_akhir", "is_plt_plh", "periode_akhir", "skp_status", "jenis_pegawai",
         "skp_unor_induk", *UNIT_COLUMNS, *JABATAN_COLUMNS}
PENILAIAN_REQUIRED = ("id", "hasil_akhir")       # ``nip`` stands in for ``id``
LAPORAN_REQUIRED = ("nip", "skp_unor_induk", "unit_kerja", "is_plt_plh", "periode_akhir")  # unit: any UNIT_COLUMNS
LAPORAN_MARKERS = {"skp_unor_induk", "is_plt_plh", "periode_akhir", *UNIT_COLUMNS}


class EkinerjaError(Exception):
    """A problem with an export, as a located Indonesian (or English) message."""


@dataclass(frozen=True)
class Penempatan:
    nip: str
    unor_induk: str
    unit: str
    periode_akhir: _dt.date
    plt: bool
    baris: int


@dataclass
class Ekinerja:
    """What the exports say: predikat per NIP ("Penilaian SKP") and unit per NIP ("Laporan SKP")."""

    predikat: dict[str, str | None] = field(default_factory=dict)
    penempatan: dict[str, Penempatan] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    @property
    def ada_laporan(self) -> bool:
        return bool(self.penempatan)

    def anggota(self, unit: str, unor_induk: str | None = None) -> list[str]:
        """NIPs whose current placement is ``unit`` (and ``unor_induk`` when given), case-insensitive."""
        def same(a: str, b: str) -> bool:
            return " ".join(a.lower().split()) == " ".join(b.lower().split())

        return [nip for nip, p in self.penempatan.items()
                if same(p.unit, unit) and (unor_induk is None or same(p.unor_induk, unor_induk))]

    def unit_unit(self) -> list[tuple[str, str]]:
        """(unor_induk, unit) of every unit in the Laporan SKP, sorted."""
        return sorted({(p.unor_induk, p.unit) for p in self.penempatan.values()})


def _norm(value: Any) -> str:
    return " ".join(str(value).split()).lower() if value is not None else ""


def _find_header(rows: list[tuple[Any, ...]]) -> tuple[int, dict[str, int]] | None:
    best: tuple[int, int, dict[str, int]] | None = None
    for i, row in enumerate(rows[:HEADER_ROWS]):
        cols: dict[str, int] = {}
        for j, cell in enumerate(row):
            name = _norm(cell)
            if name in KNOWN and name not in cols:
                cols[name] = j
        if cols and (best is None or len(cols) > best[1]):
            best = (i, len(cols), cols)
    return (best[0], best[2]) if best else None


def _text(row: tuple[Any, ...], col: int | None) -> Any:
    return row[col] if col is not None and col < len(row) else None


def _where(file: str, sheet: str, row: int, column: str, lang: str) -> str:
    return msg("ek_lokasi", lang, file=file, sheet=sheet, row=row, column=column)


def _nip(value: Any, where: str, lang: str) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise EkinerjaError(msg("ek_nip_angka", lang, where=where, value=value))
    text = str(value).strip().lstrip("'").replace(" ", "")
    if not (len(text) == 18 and text.isdigit()):
        raise EkinerjaError(msg("ek_nip_tidak_sah", lang, where=where, value=value))
    return text


def _hasil(value: Any, where: str, lang: str) -> str | None:
    text = " ".join(str(value if value is not None else "").split()).upper()
    if text in TANPA:
        return None
    if text not in HASIL_AKHIR:
        raise EkinerjaError(msg("ek_hasil_tidak_dikenal", lang, where=where, value=value))
    return HASIL_AKHIR[text]


def _plt(value: Any, where: str, lang: str) -> bool:
    text = str(value).strip() if value is not None else ""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    if text in ("0", "1"):
        return text == "1"
    raise EkinerjaError(msg("ek_plt_tidak_sah", lang, where=where, value=value))


def _tanggal(value: Any, where: str, lang: str) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise EkinerjaError(msg("ek_tanggal_tidak_sah", lang, where=where, value=value)) from None


def _sheet_rows(path: Path, lang: str) -> list[tuple[str, list[tuple[Any, ...]]]]:
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (OSError, InvalidFileException, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise EkinerjaError(msg("ek_tidak_terbaca", lang, file=str(path), reason=str(exc) or type(exc).__name__)) from None
    try:
        return [(ws.title, [tuple(r) for r in ws.iter_rows(values_only=True)]) for ws in wb.worksheets]
    finally:
        wb.close()


def _missing(cols: dict[str, int], required: Iterable[str]) -> list[str]:
    out = []
    for name in required:
        if name == "id" and ("id" in cols or "nip" in cols):
            continue
        if name == "unit_kerja" and any(c in cols for c in UNIT_COLUMNS):
            continue
        if name not in cols:
            out.append(" | ".join(UNIT_COLUMNS) if name == "unit_kerja" else ("id (atau nip)" if name == "id" else name))
    return out


def baca_ekinerja(paths: Iterable[Path | str], lang: str = "id") -> Ekinerja:
    """Read every sheet of the given workbooks. A sheet with ``hasil_akhir`` is a Penilaian SKP, one
    with a Laporan SKP column is a Laporan SKP; at least one Penilaian SKP is required."""
    out = Ekinerja()
    near_penilaian: list[str] = []
    laporan_rows: list[Penempatan] = []
    penilaian_sheets = 0
    for p in paths:
        path = Path(p)
        file = str(path)
        out.files.append(file)
        for sheet, rows in _sheet_rows(path, lang):
            found = _find_header(rows)
            if found is None:
                near_penilaian.append(msg("ek_tanpa_header", lang, file=file, sheet=sheet, n=HEADER_ROWS))
                continue
            head, cols = found
            if "hasil_akhir" in cols:
                penilaian_sheets += 1
                missing = _missing(cols, PENILAIAN_REQUIRED)
                if missing:
                    raise EkinerjaError(msg("ek_kolom_hilang", lang, file=file, sheet=sheet, row=head + 1,
                                            jenis="Penilaian SKP", kolom=", ".join(missing)))
                _read_penilaian(out, file, sheet, rows, head, cols, lang)
            elif LAPORAN_MARKERS & cols.keys():
                missing = _missing(cols, LAPORAN_REQUIRED)
                if missing:
                    raise EkinerjaError(msg("ek_kolom_hilang", lang, file=file, sheet=sheet, row=head + 1,
                                            jenis="Laporan SKP", kolom=", ".join(missing)))
                laporan_rows += _read_laporan(file, sheet, rows, head, cols, lang)
            else:
                near_penilaian.append(msg("ek_kolom_hilang", lang, file=file, sheet=sheet, row=head + 1,
                                          jenis="Penilaian SKP", kolom=", ".join(_missing(cols, PENILAIAN_REQUIRED))))
    if not penilaian_sheets:
        raise EkinerjaError(" ".join(near_penilaian) or msg("ek_tanpa_penilaian", lang))
    out.penempatan = _current(laporan_rows)
    return out


def _read_penilaian(out: Ekinerja, file: str, sheet: str, rows: list[tuple[Any, ...]], head: int,
                    cols: dict[str, int], lang: str) -> None:
    id_name = "id" if "id" in cols else "nip"
    for i in range(head + 1, len(rows)):
        row = rows[i]
        nip = _nip(_text(row, cols[id_name]), _where(file, sheet, i + 1, id_name, lang), lang)
        if nip is None:
            continue
        pid = _hasil(_text(row, cols["hasil_akhir"]), _where(file, sheet, i + 1, "hasil_akhir", lang), lang)
        if nip in out.predikat and out.predikat[nip] != pid:
            raise EkinerjaError(msg("ek_nip_ganda", lang, where=_where(file, sheet, i + 1, id_name, lang), nip=nip))
        out.predikat[nip] = pid


def _read_laporan(file: str, sheet: str, rows: list[tuple[Any, ...]], head: int, cols: dict[str, int],
                  lang: str) -> list[Penempatan]:
    unit_col = next(c for c in UNIT_COLUMNS if c in cols)
    found = []
    for i in range(head + 1, len(rows)):
        row = rows[i]
        nip = _nip(_text(row, cols["nip"]), _where(file, sheet, i + 1, "nip", lang), lang)
        if nip is None:
            continue
        found.append(Penempatan(
            nip=nip,
            unor_induk=" ".join(str(_text(row, cols["skp_unor_induk"]) or "").split()),
            unit=" ".join(str(_text(row, cols[unit_col]) or "").split()),
            periode_akhir=_tanggal(_text(row, cols["periode_akhir"]), _where(file, sheet, i + 1, "periode_akhir", lang),
                                   lang),
            plt=_plt(_text(row, cols["is_plt_plh"]), _where(file, sheet, i + 1, "is_plt_plh", lang), lang),
            baris=i + 1,
        ))
    return found


def _current(rows: list[Penempatan]) -> dict[str, Penempatan]:
    """Per NIP the definitive placement (Plt/Plh rows only when there is nothing else) with the
    latest periode_akhir (a mutasi leaves the earlier row behind)."""
    by_nip: dict[str, list[Penempatan]] = {}
    for r in rows:
        by_nip.setdefault(r.nip, []).append(r)
    out = {}
    for nip, items in by_nip.items():
        own = [r for r in items if not r.plt] or items
        out[nip] = max(own, key=lambda r: (r.periode_akhir, r.baris))
    return out
