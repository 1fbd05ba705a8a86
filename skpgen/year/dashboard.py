"""The Excel dashboard of a folder of plans (SPEC §7 ``skpgen dashboard``).

Sheet "Kegiatan": one row per kegiatan per employee, frozen header, auto-filter, conditional
formatting by status and by predikat. Sheet "Ringkasan": per unit kerja the number of kegiatan per
status and the distribution of the employees' predikat, with two bar charts.

The workbook is reproducible: the document properties and every zip member's timestamp are set
from the plans' year (1 January, 00:00), so the same plans and reference day give the same bytes.
openpyxl is imported only here, and only when a dashboard is built.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile
from dataclasses import dataclass
from typing import Any

from skpgen.year.status import STATUSES, PlanStatus, parse_date, status_word

PREDIKAT_PP46 = ("Sangat Baik", "Baik", "Cukup", "Kurang", "Buruk")
PREDIKAT_6_2022 = ("Butuh Perbaikan", "Kurang/Misconduct", "Sangat Kurang")

# (fill, font) colours per status code / predikat; the sheets show status_word(code), so the
# conditional formats compare with the word
STATUS_COLOURS = {
    "terlambat": ("FFC7CE", "9C0006"),
    "selesai": ("C6EFCE", "006100"),
    "on-track": ("DDEBF7", "1F4E79"),
    "belum-mulai": ("EDEDED", "595959"),
}
PREDIKAT_COLOURS = {
    "Sangat Baik": ("A9D08E", "1E4620"),
    "Baik": ("E2EFDA", "375623"),
    "Cukup": ("FFEB9C", "7F6000"),
    "Butuh Perbaikan": ("FFEB9C", "7F6000"),
    "Kurang": ("F8CBAD", "833C0B"),
    "Kurang/Misconduct": ("F8CBAD", "833C0B"),
    "Buruk": ("FFC7CE", "9C0006"),
    "Sangat Kurang": ("FFC7CE", "9C0006"),
}

COLUMNS = ("unit", "nama", "nip", "id", "kegiatan", "jenis", "target", "realisasi", "status",
           "progres", "tenggat", "nilai", "predikat", "file")
WIDTHS = {"unit": 22, "nama": 22, "nip": 20, "id": 6, "kegiatan": 42, "jenis": 9, "target": 24,
          "realisasi": 24, "status": 14, "progres": 9, "tenggat": 11, "nilai": 9, "predikat": 14,
          "file": 36}
WRAPPED = ("unit", "nama", "kegiatan", "target", "realisasi")  # long text wraps instead of widening the print
PRINTED = COLUMNS[:-1]  # the file column helps filtering on screen; the printout leaves it out


@dataclass(slots=True)
class PlanEntry:
    """One plan for the dashboard: its data, its monitoring status and its score."""

    file: str
    data: dict[str, Any]
    status: PlanStatus
    score: Any  # skpgen.scoring.PlanScore
    rows: list[list[Any]] | None = None  # its "Kegiatan" rows, when made ahead (per-file isolation)

    def with_rows(self, lang: str) -> "PlanEntry":
        """This entry with its rows made now, so that a plan that cannot be shown fails alone."""
        self.rows = plan_rows(self, lang)
        return self


def _plain(value: Any) -> str:
    from skpgen.scoring.format import fmt_plain

    try:
        return fmt_plain(value)
    except Exception:  # noqa: BLE001 - anything not a number is shown as written
        return str(value)


def _is_num(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def describe_values(values: Any, target: Any = None) -> str:
    """Short text of a target/realisasi: ``"1 dokumen; kualitas 100; 3 bulan; Rp 2.000.000"``."""
    if not isinstance(values, dict):
        return ""
    ref = target if isinstance(target, dict) else values
    parts: list[str] = []
    if _is_num(values.get("kuantitas")):
        satuan = ref.get("satuan")
        parts.append(f"{_plain(values['kuantitas'])} {satuan}".strip() if isinstance(satuan, str)
                     else _plain(values["kuantitas"]))
    if _is_num(values.get("kualitas")):
        parts.append(f"kualitas {_plain(values['kualitas'])}")
    if _is_num(values.get("waktu")):
        unit = ref.get("satuan_waktu") if isinstance(ref.get("satuan_waktu"), str) else "bulan"
        parts.append(f"{_plain(values['waktu'])} {unit}")
    if _is_num(values.get("biaya")):
        parts.append(f"Rp {_plain(values['biaya'])}")
    return "; ".join(parts)


def describe_indikator(k: dict[str, Any], key: str) -> str:
    """6/2022: the IKI targets (``key="target"``) or realisations of a kegiatan, joined, each with
    its unit: ``"4 laporan; 90 persen"`` for targets and realisations alike."""
    parts = []
    for item in k.get("indikator") or []:
        if not isinstance(item, dict):
            continue
        value = item.get(key)
        target = item.get("target")
        # a realised figure is written bare (realisasi: 4); its unit is the target's (4 laporan)
        unit = target.get("satuan") if isinstance(target, dict) and isinstance(target.get("satuan"), str) else None
        if isinstance(value, dict) and _is_num(value.get("nilai")):
            sat = value.get("satuan") if isinstance(value.get("satuan"), str) else unit
            parts.append(f"{_plain(value['nilai'])} {sat}".strip() if sat else _plain(value["nilai"]))
        elif _is_num(value):
            parts.append(f"{_plain(value)} {unit}".strip() if unit else _plain(value))
        elif isinstance(value, str) and value.strip():
            parts.append(value.strip())
    return "; ".join(parts)


def employee_predikat(score: Any) -> str | None:
    if score is None:
        return None
    return score.predikat or score.predikat_skp


def plan_year(entries: list[PlanEntry]) -> int:
    years = [e.status.tahun for e in entries if isinstance(e.status.tahun, int) and 1980 <= e.status.tahun <= 2107]
    return max(years) if years else 1980


def _rows(entries: list[PlanEntry], lang: str) -> list[list[Any]]:
    return [row for e in entries for row in (e.rows if e.rows is not None else plan_rows(e, lang))]


def _cell_number(value: Any) -> float | str | None:
    """A figure for a cell: a float, or (beyond the float range, which a sheet cannot hold) its text."""
    if value is None:
        return None
    f = float(value)
    if math.isfinite(f):
        return f
    from skpgen.scoring.format import fmt_number

    return fmt_number(value)


def plan_rows(e: PlanEntry, lang: str) -> list[list[Any]]:
    """The "Kegiatan" sheet rows of one plan."""
    from skpgen.year.text import msg

    rows: list[list[Any]] = []
    pegawai = e.data.get("pegawai") if isinstance(e.data.get("pegawai"), dict) else {}
    kegiatan = [k for k in e.data.get("kegiatan") or [] if isinstance(k, dict)]
    scores = {}
    if e.score is not None:
        scores = {i: ks for i, ks in enumerate(e.score.kegiatan)}
    predikat = employee_predikat(e.score)
    for i, (k, ks) in enumerate(zip(kegiatan, e.status.kegiatan)):
        target = k.get("target") if isinstance(k.get("target"), dict) else None
        target_text = describe_values(target) or describe_indikator(k, "target")
        real_text = describe_values(k.get("realisasi"), target) or describe_indikator(k, "realisasi")
        nilai = scores.get(i).nilai_capaian if scores.get(i) is not None else None
        rows.append([
            pegawai.get("unit_kerja") or "", pegawai.get("nama") or "", str(pegawai.get("nip") or ""),
            ks.id or "", ks.uraian or "", ks.jenis or "", target_text, real_text,
            status_word(ks.effective_status, lang),
            ks.progres if ks.progres is not None else None,
            parse_date(ks.tenggat) if ks.tenggat else None,
            _cell_number(nilai),
            predikat, e.file,
        ])
    return rows


def _summary(entries: list[PlanEntry], lang: str) -> tuple[list[str], list[str], list[list[Any]]]:
    """(status columns, predikat columns, one row per unit: [unit, pegawai, kegiatan, *counts])."""
    from skpgen.year.text import msg

    no_pred = msg("dash.col.no_predikat", lang)
    status_cols = [status_word(code, lang) for code in (*STATUSES, None)]
    extra = [p for p in PREDIKAT_6_2022 if any(employee_predikat(e.score) == p for e in entries)]
    predikat_cols = [*PREDIKAT_PP46, *extra, no_pred]
    units: dict[str, dict[str, Any]] = {}
    for e in entries:
        unit = e.status.unit_kerja or "-"
        u = units.setdefault(unit, {"pegawai": 0, "kegiatan": 0, "status": dict.fromkeys(status_cols, 0),
                                     "predikat": dict.fromkeys(predikat_cols, 0)})
        u["pegawai"] += 1
        u["kegiatan"] += len(e.status.kegiatan)
        for ks in e.status.kegiatan:
            u["status"][status_word(ks.effective_status, lang)] += 1
        pred = employee_predikat(e.score)
        u["predikat"][pred if pred in u["predikat"] else no_pred] += 1
    rows = [[unit, u["pegawai"], u["kegiatan"], *u["status"].values(), *u["predikat"].values()]
            for unit, u in sorted(units.items())]
    return status_cols, predikat_cols, rows


def build_workbook(entries: list[PlanEntry], lang: str = "id", today: dt.date | None = None) -> bytes:
    """The dashboard as .xlsx bytes (deterministic for the same input)."""
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.pagebreak import Break

    from skpgen.year.text import msg

    entries = sorted(entries, key=lambda e: (e.status.unit_kerja or "", e.status.nama or "", e.file))
    year = plan_year(entries)
    stamp = dt.datetime(year, 1, 1, 0, 0, 0)

    wb = Workbook()
    wb.properties.creator = "skpgen"
    wb.properties.lastModifiedBy = "skpgen"
    wb.properties.title = "Dasbor SKP" if lang == "id" else "SKP dashboard"
    wb.properties.created = stamp
    wb.properties.modified = stamp

    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="305496")

    # ---- Kegiatan ------------------------------------------------------------------------------
    ws = wb.active
    ws.title = msg("dash.sheet_kegiatan", lang)
    ws.append([msg(f"dash.col.{c}", lang) for c in COLUMNS])
    for cell in ws[1]:
        cell.font = header_font
        cell.fill = header_fill
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    ws.row_dimensions[1].height = 2 * LINE_PT
    rows = _rows(entries, lang)
    col = {name: i + 1 for i, name in enumerate(COLUMNS)}
    wrapped = {col[name] for name in WRAPPED}
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=value)
            if c == col["nip"]:
                cell.number_format = "@"  # an 18-digit NIP is text, never a number
                cell.data_type = "s"
            elif c == col["tenggat"] and value is not None:
                cell.number_format = "yyyy-mm-dd"
            elif c == col["nilai"] and value is not None:
                cell.number_format = "0.00"
            elif c == col["progres"] and value is not None:
                cell.number_format = "0"
            cell.alignment = wrap if c in wrapped else top
        ws.row_dimensions[r].height = _row_height(row, col)
    for name, width in WIDTHS.items():
        ws.column_dimensions[get_column_letter(col[name])].width = width
    last_col = get_column_letter(len(COLUMNS))
    last_row = max(2, len(rows) + 1)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{last_col}{last_row}"
    _print_setup(ws, "1:1", f"A1:{get_column_letter(len(PRINTED))}{last_row}")
    status_colours = {status_word(code, lang): colours for code, colours in STATUS_COLOURS.items()}
    _value_rules(ws, f"{get_column_letter(col['status'])}2:{get_column_letter(col['status'])}{last_row}",
                 status_colours, CellIsRule, PatternFill, Font)
    _value_rules(ws, f"{get_column_letter(col['predikat'])}2:{get_column_letter(col['predikat'])}{last_row}",
                 PREDIKAT_COLOURS, CellIsRule, PatternFill, Font)

    # ---- Ringkasan ------------------------------------------------------------------------------
    ss = wb.create_sheet(msg("dash.sheet_ringkasan", lang))
    status_cols, predikat_cols, summary = _summary(entries, lang)
    ss.append([msg("dash.title_status", lang, today=(today.isoformat() if today else "-"))])
    ss["A1"].font = Font(bold=True, size=12)
    head = [msg("dash.col.unit", lang), msg("dash.col.pegawai", lang), msg("dash.col.jumlah_kegiatan", lang),
            *status_cols, *predikat_cols]
    ss.append(head)
    for cell in ss[2]:
        cell.font = header_font
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for row in summary:
        ss.append(row)
    n_units = len(summary)
    total_row = 3 + n_units
    ss.cell(row=total_row, column=1, value=msg("dash.col.total", lang)).font = Font(bold=True)
    for c in range(2, len(head) + 1):
        cell = ss.cell(row=total_row, column=c, value=sum(int(r[c - 1]) for r in summary))
        cell.font = Font(bold=True)
    ss.column_dimensions["A"].width = 36
    for c in range(2, len(head) + 1):
        ss.column_dimensions[get_column_letter(c)].width = 13
    ss.freeze_panes = "B3"
    _print_setup(ss, "1:2", None)
    # colour the status and predikat headers like their values
    for offset, name in enumerate(status_cols):
        colours = status_colours.get(name)
        if colours:
            cell = ss.cell(row=2, column=4 + offset)
            cell.fill = PatternFill("solid", fgColor=colours[0])
            cell.font = Font(bold=True, color=colours[1])
    for offset, name in enumerate(predikat_cols):
        colours = PREDIKAT_COLOURS.get(name)
        if colours:
            cell = ss.cell(row=2, column=4 + len(status_cols) + offset)
            cell.fill = PatternFill("solid", fgColor=colours[0])
            cell.font = Font(bold=True, color=colours[1])

    if n_units:
        cats = Reference(ss, min_col=1, min_row=3, max_row=2 + n_units)
        chart = BarChart()
        chart.type = "bar"
        chart.grouping = "stacked"
        chart.overlap = 100
        chart.title = msg("dash.chart_status", lang)
        chart.add_data(Reference(ss, min_col=4, max_col=3 + len(status_cols), min_row=2, max_row=2 + n_units),
                       titles_from_data=True)
        chart.set_categories(cats)
        chart.height, chart.width = 7 + 0.6 * n_units, 18
        # printed: the charts start on a page of their own, one under the other, and the second moves
        # to the next page when both do not fit, so no chart is cut in half
        ss.row_breaks.append(Break(id=total_row + 1))
        ss.add_chart(chart, f"A{total_row + 2}")
        rows_of_chart1 = math.ceil(chart.height / ROW_CM) + 2
        second = total_row + 2 + rows_of_chart1
        if 2 * chart.height + 1 > PAGE_CHART_CM:
            ss.row_breaks.append(Break(id=second - 1))

        chart2 = BarChart()
        chart2.type = "bar"  # unit names read on the left, as in the status chart (not rotated under columns)
        chart2.grouping = "clustered"
        chart2.title = msg("dash.chart_predikat", lang)
        first = 4 + len(status_cols)
        chart2.add_data(Reference(ss, min_col=first, max_col=first + len(predikat_cols) - 1, min_row=2,
                                  max_row=2 + n_units), titles_from_data=True)
        chart2.set_categories(cats)
        chart2.height, chart2.width = chart.height, 18
        ss.add_chart(chart2, f"A{second}")

    # The dashboard writes no formulas; a text from a plan that starts with "=" (uraian, unit_kerja)
    # must stay text, or Excel would run it (formula injection from a hostile plan).
    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
    buf = io.BytesIO()
    wb.save(buf)
    return normalise_xlsx(buf.getvalue(), stamp)


ROW_CM = 0.53          # a default row (15 pt) in cm: where to anchor the second chart
LINE_PT = 15           # one line of 11 pt text


def _row_height(row: list[Any], col: dict[str, int]) -> float:
    """Height (pt) for the wrapped text of a row: spreadsheet applications do not grow a row for
    wrapped text written by a program, so the lines are estimated (a character ≈ 0,9 width units)."""
    lines = 1
    for name in WRAPPED:
        text = row[col[name] - 1]
        if isinstance(text, str) and text:
            lines = max(lines, math.ceil(len(text) * 0.9 / WIDTHS[name]))
    return float(min(lines, 12) * LINE_PT)
PAGE_CHART_CM = 17.0   # chart height that fits a landscape A4 page below the repeated header rows


def _print_setup(ws: Any, title_rows: str, area: str | None) -> None:
    """Landscape A4, scaled to the page width (as many pages down as needed), header rows repeated
    on every page, narrow margins; ``area`` limits what is printed."""
    from openpyxl.worksheet.page import PageMargins

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.5, header=0.3, footer=0.3)
    ws.oddFooter.center.text = "&A — &P / &N"
    if area:
        ws.print_area = area


def _value_rules(ws: Any, ref: str, colours: dict[str, tuple[str, str]], CellIsRule: Any,
                 PatternFill: Any, Font: Any) -> None:
    for value, (fill, font) in colours.items():
        ws.conditional_formatting.add(ref, CellIsRule(
            operator="equal", formula=[f'"{value}"'],
            fill=PatternFill("solid", fgColor=fill, bgColor=fill), font=Font(color=font)))


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
_CREATED = re.compile(rb"(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)")


def normalise_xlsx(data: bytes, stamp: dt.datetime) -> bytes:
    """Rewrite the zip with fixed member timestamps and fixed created/modified properties."""
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            payload = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                payload = _MODIFIED.sub(rb"\g<1>" + iso + rb"\g<2>", payload)
                payload = _CREATED.sub(rb"\g<1>" + iso + rb"\g<2>", payload)
            zi = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 0
            dst.writestr(zi, payload)
    return out.getvalue()
