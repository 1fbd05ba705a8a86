"""Native Word charts: DrawingML ``c:chart`` parts with cached values and an embedded workbook.

A :class:`BarChart` (title, categories, one or more :class:`Series` of values, per-point colours,
axis maximum) becomes

* :func:`chart_xml` — the chart part (``word/charts/chartN.xml``). Every series carries its
  categories in ``c:strCache`` and its values in ``c:numCache``, so Word and LibreOffice draw the
  chart from the part itself, without recomputing anything from the workbook;
* :func:`workbook_xlsx` — the embedded workbook the chart's ``c:externalData`` points to (sheet
  ``Data``: categories in column A, one column per series), so Word's "Edit Data" opens the
  figures. It is a minimal SpreadsheetML package written directly through the project's
  deterministic zip writer (fixed member order and timestamps): byte-reproducible, and two orders
  of magnitude cheaper per document than building it with openpyxl;
* :func:`inline_drawing_xml` — the ``w:drawing`` run content (``wp:inline`` with
  ``c:chart r:id``) that places a chart part in a paragraph.

No plotting stack is involved; the output is text, so the same chart gives the same bytes.

How a document gets a chart. A template has a *chart slot*: a drawing whose ``wp:docPr`` name is
``skpgen:NAME`` (see :data:`SLOT_PREFIX`) pointing to a chart part (and that part to its
workbook). ``tools/build_templates.py`` creates slots with ``chart_slot(doc, "NAME", …)``; the
relationships and ``[Content_Types].xml`` overrides are part of the template package. When the
render context holds a :class:`BarChart` under ``NAME``, :class:`skpgen.render.engine.Template`
writes the chart part and the workbook of that slot from it (``None`` keeps the template's own).

Example (the predikat distribution curve of a unit: five categories, counts, and the rule as a
second series)::

    BarChart(title="Sebaran predikat", categories=PREDIKAT_NAMES,
             series=(Series("Pegawai", (2, 5, 9, 1, 0), point_colours=tuple(band_colour(p) for p in PREDIKAT_NAMES)),
                     Series("Kurva (aturan)", (1, 4, 10, 2, 0), colour="A6A6A6")),
             value_format="0", axis_max=None)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from skpgen.render.xmlsafe import escape_text

#: ``wp:docPr`` names starting with this mark a chart slot; the rest is the context name.
SLOT_PREFIX = "skpgen:"

CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
CT_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
REL_PACKAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"
CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
NS_C = CHART_URI
NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
EMU_PER_CM = 360000

#: Fill colours by predikat band (PP 46/2011 names and the 6/2022 predikat kinerja): blues for the
#: good bands, warm colours below (as the forms' legend says: "biru … jingga …").
BAND_COLOURS = {
    "Sangat Baik": "1F4E79",
    "Baik": "1F5FA8",
    "Cukup": "E0A030",
    "Kurang": "C0501E",
    "Buruk": "9E1B1B",
    "Butuh Perbaikan": "E0A030",
    "Sangat Kurang": "9E1B1B",
}
GOOD = "1F5FA8"      # target met / Baik
LOW = "C0501E"       # below target / below Baik
NEUTRAL = "7F7F7F"
SHEET = "Data"
FONT = "Arial"


def band_colour(predikat: str | None) -> str:
    """Fill colour (RRGGBB) of a predikat band; grey for an unknown or missing predikat.

    >>> band_colour("Baik"), band_colour("Kurang"), band_colour(None)
    ('1F5FA8', 'C0501E', '7F7F7F')
    """
    return BAND_COLOURS.get(predikat or "", NEUTRAL)


Number = Decimal | int | float


@dataclass(frozen=True)
class Series:
    """One row of bars: a name (legend / workbook header), one value per category (None = gap),
    a fill colour and optional per-point colours (None entries use the series colour)."""

    name: str
    values: Sequence[Number | None]
    colour: str = GOOD
    point_colours: Sequence[str | None] = ()


@dataclass(frozen=True)
class BarChart:
    """A clustered bar (column) chart. ``axis_max``/``axis_step`` fix the value axis (None: the
    application chooses); ``value_format`` is the number format of the cached values (and of the
    data labels when ``show_values``); ``horizontal`` draws bars instead of columns."""

    title: str
    categories: Sequence[str]
    series: Sequence[Series]
    axis_max: Number | None = None
    axis_step: Number | None = None
    value_format: str = "0.00"
    value_title: str = ""
    category_title: str = ""
    horizontal: bool = False
    show_values: bool = False
    descr: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        n = len(self.categories)
        if not self.series:
            raise ValueError("a chart needs at least one series")
        for s in self.series:
            if len(s.values) != n:
                raise ValueError(f"series {s.name!r} has {len(s.values)} values for {n} categories")
            if s.point_colours and len(s.point_colours) != n:
                raise ValueError(f"series {s.name!r} has {len(s.point_colours)} point colours for {n} categories")
            for colour in (s.colour, *[p for p in s.point_colours if p is not None]):
                _check_colour(colour)


def _check_colour(value: str) -> None:
    if len(value) != 6 or any(ch not in "0123456789ABCDEFabcdef" for ch in value):
        raise ValueError(f"colour must be RRGGBB hex: {value!r}")


def scale_max(values: Iterable[Number | None], floor: int = 100, step: int = 20) -> int:
    """The axis maximum: at least ``floor``, rounded up to a multiple of ``step``.

    >>> scale_max([Decimal("112"), Decimal("90")]), scale_max([Decimal("80")]), scale_max([])
    (120, 100, 100)
    """
    top = max([Decimal(floor)] + [Decimal(str(v)) for v in values if v is not None])
    n = int((top / step).to_integral_value(rounding="ROUND_CEILING"))
    return max(floor, n * step)


# ------------------------------------------------------------------------------------ helpers

def _num(value: Number) -> str:
    """A number as XML/spreadsheet text: plain decimal notation, no exponent, no trailing zeros.

    >>> _num(Decimal("94.2200")), _num(Decimal("1E+2")), _num(7), _num(0.5)
    ('94.22', '100', '7', '0.5')
    """
    d = value if isinstance(value, Decimal) else Decimal(str(value))
    if not d.is_finite():
        raise ValueError(f"chart value is not a finite number: {value!r}")
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _col(index: int) -> str:
    """Spreadsheet column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def _fill(colour: str) -> str:
    return f'<c:spPr><a:solidFill><a:srgbClr val="{colour.upper()}"/></a:solidFill></c:spPr>'


def _rich(text: str, size: int, bold: bool) -> str:
    b = ' b="1"' if bold else ' b="0"'
    return (f'<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{size}"{b}/></a:pPr>'
            f'<a:r><a:rPr lang="id-ID" sz="{size}"{b}/><a:t>{escape_text(text)}</a:t></a:r></a:p></c:rich></c:tx>')


def _title(text: str, size: int = 1000) -> str:
    return f'<c:title>{_rich(text, size, True)}<c:overlay val="0"/></c:title>'


def _str_cache(ref: str, items: Sequence[str]) -> str:
    pts = "".join(f'<c:pt idx="{i}"><c:v>{escape_text(str(v))}</c:v></c:pt>' for i, v in enumerate(items))
    return f"<c:strRef><c:f>{ref}</c:f><c:strCache><c:ptCount val=\"{len(items)}\"/>{pts}</c:strCache></c:strRef>"


def _num_cache(ref: str, values: Sequence[Number | None], fmt: str) -> str:
    pts = "".join(f'<c:pt idx="{i}"><c:v>{_num(v)}</c:v></c:pt>' for i, v in enumerate(values) if v is not None)
    return (f"<c:numRef><c:f>{ref}</c:f><c:numCache><c:formatCode>{escape_text(fmt)}</c:formatCode>"
            f'<c:ptCount val="{len(values)}"/>{pts}</c:numCache></c:numRef>')


def _text_props(size: int = 800) -> str:
    return (f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{size}">'
            f'<a:latin typeface="{FONT}"/><a:cs typeface="{FONT}"/></a:defRPr></a:pPr>'
            '<a:endParaRPr lang="id-ID"/></a:p></c:txPr>')


def _sheet_ref(col: int, first_row: int, last_row: int) -> str:
    c = _col(col)
    return f"{SHEET}!${c}${first_row}" if first_row == last_row else f"{SHEET}!${c}${first_row}:${c}${last_row}"


# ------------------------------------------------------------------------------------ chart part

def chart_xml(chart: BarChart, workbook_rid: str | None = "rId1") -> bytes:
    """The ``c:chartSpace`` part of ``chart`` (UTF-8 bytes). ``workbook_rid`` is the relationship
    id of the embedded workbook in the chart part's .rels (None: no ``c:externalData``)."""
    n = len(chart.categories)
    last = n + 1
    cats = _str_cache(_sheet_ref(0, 2, last), [str(c) for c in chart.categories])
    out = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n',
        f'<c:chartSpace xmlns:c="{NS_C}" xmlns:a="{NS_A}" xmlns:r="{NS_R}">',
        '<c:date1904 val="0"/><c:lang val="id-ID"/><c:roundedCorners val="0"/>',
        "<c:chart>",
        _title(chart.title) if chart.title else "",
        f'<c:autoTitleDeleted val="{0 if chart.title else 1}"/>',
        "<c:plotArea><c:layout/><c:barChart>",
        f'<c:barDir val="{"bar" if chart.horizontal else "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>',
    ]
    for i, s in enumerate(chart.series):
        out.append(f'<c:ser><c:idx val="{i}"/><c:order val="{i}"/>')
        out.append(f"<c:tx>{_str_cache(_sheet_ref(i + 1, 1, 1), [s.name])}</c:tx>")
        out.append(_fill(s.colour))
        out.append('<c:invertIfNegative val="0"/>')
        for k, colour in enumerate(s.point_colours):
            if colour is not None and colour.upper() != s.colour.upper():
                out.append(f'<c:dPt><c:idx val="{k}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>{_fill(colour)}</c:dPt>')
        if chart.show_values:
            out.append(f'<c:dLbls><c:numFmt formatCode="{escape_text(chart.value_format)}" sourceLinked="0"/>'
                       '<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>' + _text_props(700) +
                       '<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/>'
                       '<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/>'
                       '<c:showBubbleSize val="0"/></c:dLbls>')
        out.append(f"<c:cat>{cats}</c:cat>")
        out.append(f"<c:val>{_num_cache(_sheet_ref(i + 1, 2, last), list(s.values), chart.value_format)}</c:val>")
        out.append("</c:ser>")
    out.append('<c:gapWidth val="60"/>')
    if len(chart.series) > 1:
        out.append('<c:overlap val="-10"/>')
    out.append('<c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>')
    cat_pos, val_pos = ("l", "b") if chart.horizontal else ("b", "l")
    out.append(
        f'<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="{"maxMin" if chart.horizontal else "minMax"}"/></c:scaling>'
        f'<c:delete val="0"/><c:axPos val="{cat_pos}"/>'
        + (_title(chart.category_title, 800) if chart.category_title else "")
        + '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>'
        '<c:tickLblPos val="nextTo"/>' + _text_props(800)
        + '<c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>'
        '<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
    )
    scaling = '<c:orientation val="minMax"/>'
    if chart.axis_max is not None:
        scaling += f'<c:max val="{_num(chart.axis_max)}"/>'
    scaling += '<c:min val="0"/>'
    out.append(
        f'<c:valAx><c:axId val="50010002"/><c:scaling>{scaling}</c:scaling><c:delete val="0"/>'
        f'<c:axPos val="{val_pos}"/>'
        '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>'
        + (_title(chart.value_title, 800) if chart.value_title else "")
        + '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>'
        '<c:tickLblPos val="nextTo"/>' + _text_props(800)
        + '<c:crossAx val="50010001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/>'
        + (f'<c:majorUnit val="{_num(chart.axis_step)}"/>' if chart.axis_step is not None else "")
        + "</c:valAx>"
    )
    out.append('<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>')
    if len(chart.series) > 1:
        out.append('<c:legend><c:legendPos val="b"/><c:overlay val="0"/>' + _text_props(800) + "</c:legend>")
    out.append('<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>')
    out.append('<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>')
    out.append(_text_props(800))
    if workbook_rid:
        out.append(f'<c:externalData r:id="{escape_text(workbook_rid)}"><c:autoUpdate val="0"/></c:externalData>')
    out.append("</c:chartSpace>")
    return "".join(out).encode("utf-8")


def chart_rels_xml(workbook_target: str, rid: str = "rId1") -> bytes:
    """The chart part's relationships: its embedded workbook (target relative to the chart part)."""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="{escape_text(rid)}" Type="{REL_PACKAGE}" Target="{escape_text(workbook_target)}"/>'
            "</Relationships>").encode("utf-8")


def inline_drawing_xml(rid: str, *, name: str, width_cm: float, height_cm: float, docpr_id: int = 1,
                       descr: str = "") -> str:
    """``<w:drawing>`` placing the chart of relationship ``rid`` inline (a run's child)."""
    cx, cy = int(round(width_cm * EMU_PER_CM)), int(round(height_cm * EMU_PER_CM))
    return (
        '<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        f'xmlns:wp="{NS_WP}" xmlns:a="{NS_A}" xmlns:c="{NS_C}" xmlns:r="{NS_R}">'
        f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{docpr_id}" name="{escape_text(name)}" descr="{escape_text(descr)}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{CHART_URI}"><c:chart r:id="{escape_text(rid)}"/></a:graphicData></a:graphic>'
        "</wp:inline></w:drawing>"
    )


# ------------------------------------------------------------------------------------ workbook

_XL_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'


def _cell_text(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape_text(text)}</t></is></c>'


def workbook_xlsx(chart: BarChart) -> bytes:
    """The embedded workbook: sheet ``Data`` with the categories (A2…) and one column per series
    (header in row 1). Deterministic: fixed member order, 1980-01-01 timestamps, no metadata."""
    from skpgen.render.docxzip import build_zip, deflate_member

    rows = ['<row r="1">' + _cell_text("A1", "") + "".join(
        _cell_text(f"{_col(j + 1)}1", s.name) for j, s in enumerate(chart.series)) + "</row>"]
    for i, cat in enumerate(chart.categories):
        r = i + 2
        cells = [_cell_text(f"A{r}", str(cat))]
        for j, s in enumerate(chart.series):
            v = s.values[i]
            if v is not None:
                cells.append(f'<c r="{_col(j + 1)}{r}"><v>{_num(v)}</v></c>')
        rows.append(f'<row r="{r}">' + "".join(cells) + "</row>")
    last = f"{_col(len(chart.series))}{len(chart.categories) + 1}"
    sheet = (_XML_HEAD + f'<worksheet xmlns="{_XL_MAIN}"><dimension ref="A1:{last}"/>'
             '<cols><col min="1" max="1" width="28" customWidth="1"/></cols>'
             f"<sheetData>{''.join(rows)}</sheetData></worksheet>")
    members = {
        "[Content_Types].xml": _XML_HEAD + (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            "</Types>"),
        "_rels/.rels": _XML_HEAD + (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"),
        "xl/workbook.xml": _XML_HEAD + (
            f'<workbook xmlns="{_XL_MAIN}" xmlns:r="{NS_R}"><sheets>'
            f'<sheet name="{SHEET}" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": _XML_HEAD + (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            "</Relationships>"),
        "xl/worksheets/sheet1.xml": sheet,
    }
    return build_zip([deflate_member(name, text.encode("utf-8")) for name, text in members.items()])
