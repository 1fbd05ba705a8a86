"""Build the built-in form templates (templates/*.docx) with python-docx (a development tool:
python-docx is a test/dev dependency, not a runtime one, and this script is not in the wheel).

Run ``python tools/build_templates.py`` after changing a layout; commit the script and the .docx files.
The output is deterministic (fixed core properties, zip entries in fixed order and time).

Layout conventions (ECOSYSTEM §2.7): A4, landscape for the wide tables; fixed table layout with
explicit widths on every ``w:gridCol`` and ``w:tcW``; header rows repeated on each page
(``w:tblHeader``); page numbers in the footer (PAGE / NUMPAGES fields); signature blocks with
place and Indonesian date. Tags follow :mod:`skpgen.render.engine`: ``{{ }}`` values,
``{%p %}`` paragraph blocks, ``{%tr %}`` row blocks.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

HERE = Path(__file__).resolve().parents[1] / "templates"  # where the built forms live
FONT = "Arial"
BAR_GOOD = RGBColor(0x1F, 0x5F, 0xA8)   # blue: Baik / Sangat Baik (or IKI target met)
BAR_LOW = RGBColor(0xC0, 0x50, 0x1E)    # orange: below Baik
HEAD_FILL = "D9D9D9"
SECTION_FILL = "F2F2F2"
TWIPS_PER_CM = 567


# ------------------------------------------------------------------------------------------ document

def new_document(landscape: bool):
    doc = Document()
    sec = doc.sections[0]
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
        sec.left_margin = sec.right_margin = Cm(1.5)
        sec.top_margin, sec.bottom_margin = Cm(1.5), Cm(1.5)
    else:
        sec.orientation = WD_ORIENT.PORTRAIT
        sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
        sec.left_margin, sec.right_margin = Cm(2.0), Cm(2.0)
        sec.top_margin, sec.bottom_margin = Cm(1.5), Cm(1.5)
    sec.header_distance = sec.footer_distance = Cm(0.8)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(9)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    pf = normal.paragraph_format
    pf.space_before, pf.space_after, pf.line_spacing = Pt(0), Pt(0), 1.0
    # core properties: fixed, so the template file is reproducible; rendering replaces them
    import datetime as dt

    cp = doc.core_properties
    cp.author = cp.last_modified_by = "skpgen"
    cp.created = cp.modified = dt.datetime(2025, 1, 1)
    cp.revision = 1
    cp.title = cp.subject = cp.comments = cp.keywords = cp.category = ""
    footer(doc)
    return doc


def usable_cm(doc) -> float:
    sec = doc.sections[0]
    return round((sec.page_width - sec.left_margin - sec.right_margin) / 360000, 2)


def _field(paragraph, instr: str, placeholder: str) -> None:
    def run_with(child):
        r = OxmlElement("w:r")
        r.append(child)
        paragraph._p.append(r)
        return r

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = f" {instr} "
    run_with(it)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    t = OxmlElement("w:t")
    t.text = placeholder
    run_with(t)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def footer(doc) -> None:
    sec = doc.sections[0]
    p = sec.footer.paragraphs[0]
    p.text = ""
    p.style = doc.styles["Normal"]  # the Footer style's own tab stops would catch the page number
    p.paragraph_format.tab_stops.add_tab_stop(Cm(usable_cm(doc)), WD_TAB_ALIGNMENT.RIGHT)
    r = p.add_run("{{ form.kaki }}")
    r.font.size = Pt(7)
    p.add_run("\tHalaman ").font.size = Pt(7)
    _field(p, "PAGE", "1")
    p.add_run(" dari ").font.size = Pt(7)
    _field(p, "NUMPAGES", "1")
    for r in p._p.iter(qn("w:r")):
        rpr = r.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            r.insert(0, rpr)
        if rpr.find(qn("w:sz")) is None:
            sz = OxmlElement("w:sz")
            sz.set(qn("w:val"), "14")
            rpr.append(sz)


def para(doc_or_cell, text: str = "", *, bold: bool = False, size: float | None = None,
         align: str | None = None, italic: bool = False, space_after: float = 0, space_before: float = 0,
         indent_cm: float = 0, keep_next: bool = False, underline: bool = False):
    p = doc_or_cell.add_paragraph()
    if text:
        r = p.add_run(text)
        r.bold, r.italic = bold or None, italic or None
        if underline:
            r.underline = True
        if size:
            r.font.size = Pt(size)
    if align:
        p.alignment = {"c": WD_ALIGN_PARAGRAPH.CENTER, "r": WD_ALIGN_PARAGRAPH.RIGHT,
                       "l": WD_ALIGN_PARAGRAPH.LEFT, "j": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]
    pf = p.paragraph_format
    pf.space_after, pf.space_before = Pt(space_after), Pt(space_before)
    if indent_cm:
        pf.left_indent = Cm(indent_cm)
    if keep_next:
        pf.keep_with_next = True
    return p


def tag(doc, text: str):
    """A paragraph holding only a {%p %} tag."""
    return para(doc, text)


def page_break(doc) -> None:
    p = doc.add_paragraph()
    p.add_run().add_break(WD_BREAK.PAGE)


def title(doc, *lines: str, size: float = 11) -> None:
    for i, line in enumerate(lines):
        para(doc, line, bold=True, size=size, align="c", space_after=4 if i == len(lines) - 1 else 0)


# --------------------------------------------------------------------------------------------- tables

class Table:
    """A fixed-layout table with explicit widths; rows are added as lists of cell specs.

    A cell spec is a str (one paragraph; "\\n" separates paragraphs), None (empty), or a dict with
    keys text, bold, align, span (gridSpan), vmerge ("restart" | "continue"), fill, size, runs
    (list of (text, {bold, color, size}) in one paragraph)."""

    def __init__(self, doc, widths_cm: list[float], *, borders: bool = True, size: float = 8):
        self.doc = doc
        self.widths = [int(round(w * TWIPS_PER_CM)) for w in widths_cm]
        self.size = size
        self.tbl = doc.add_table(rows=0, cols=len(widths_cm))
        if borders:
            self.tbl.style = doc.styles["Table Grid"]
        self._setup(borders)

    def _setup(self, borders: bool) -> None:
        tbl = self.tbl._tbl
        tblPr = tbl.tblPr
        for child in list(tblPr):
            if child.tag in (qn("w:tblW"), qn("w:tblLayout"), qn("w:tblLook"), qn("w:tblInd")):
                tblPr.remove(child)
        w = OxmlElement("w:tblW")
        w.set(qn("w:w"), str(sum(self.widths)))
        w.set(qn("w:type"), "dxa")
        tblPr.append(w)
        if not borders:
            b = OxmlElement("w:tblBorders")
            for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
                e = OxmlElement(f"w:{side}")
                e.set(qn("w:val"), "nil")
                b.append(e)
            tblPr.append(b)
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        tblPr.append(layout)
        mar = OxmlElement("w:tblCellMar")
        for side, val in (("top", 17), ("left", 57), ("bottom", 17), ("right", 57)):
            e = OxmlElement(f"w:{side}")
            e.set(qn("w:w"), str(val))
            e.set(qn("w:type"), "dxa")
            mar.append(e)
        tblPr.append(mar)
        grid = tbl.tblGrid
        for gc, width in zip(grid.findall(qn("w:gridCol")), self.widths):
            gc.set(qn("w:w"), str(width))

    def row(self, cells: list, *, header: bool = False, fill: str | None = None, bold: bool = False,
            align: str | None = None, cant_split: bool | None = None, height_cm: float | None = None,
            keep_next: bool = False):
        """``keep_next``: the row never splits and stays on the page of the next row (keep-with-next
        on its paragraphs), for blocks that must stay together such as signatures."""
        if keep_next:
            cant_split = True
        tr = OxmlElement("w:tr")
        trPr = OxmlElement("w:trPr")
        # header rows never split; data rows may (Word clips an unsplittable row taller than a page)
        if header if cant_split is None else cant_split:
            trPr.append(OxmlElement("w:cantSplit"))
        if height_cm:
            h = OxmlElement("w:trHeight")
            h.set(qn("w:val"), str(int(height_cm * TWIPS_PER_CM)))
            h.set(qn("w:hRule"), "atLeast")
            trPr.append(h)
        if header:
            trPr.append(OxmlElement("w:tblHeader"))
        if len(trPr):
            tr.append(trPr)
        col = 0
        for spec in cells:
            if not isinstance(spec, dict):
                spec = {"text": spec}
            span = spec.get("span", 1)
            width = sum(self.widths[col:col + span])
            col += span
            tc = OxmlElement("w:tc")
            tcPr = OxmlElement("w:tcPr")
            tcW = OxmlElement("w:tcW")
            tcW.set(qn("w:w"), str(width))
            tcW.set(qn("w:type"), "dxa")
            tcPr.append(tcW)
            if span > 1:
                gs = OxmlElement("w:gridSpan")
                gs.set(qn("w:val"), str(span))
                tcPr.append(gs)
            if spec.get("vmerge"):
                vm = OxmlElement("w:vMerge")
                if spec["vmerge"] == "restart":
                    vm.set(qn("w:val"), "restart")
                tcPr.append(vm)
            cell_fill = spec.get("fill", fill)
            if cell_fill:
                shd = OxmlElement("w:shd")
                shd.set(qn("w:val"), "clear")
                shd.set(qn("w:color"), "auto")
                shd.set(qn("w:fill"), cell_fill)
                tcPr.append(shd)
            if spec.get("nowrap"):
                tcPr.append(OxmlElement("w:noWrap"))
            va = OxmlElement("w:vAlign")
            va.set(qn("w:val"), "center" if header else "top")
            tcPr.append(va)
            tc.append(tcPr)
            tr.append(tc)
            self._fill_cell(tc, spec, bold=bold or header, align=spec.get("align", align or ("c" if header else None)))
        assert col == len(self.widths), f"row spans {col} of {len(self.widths)} columns: {cells!r}"
        if keep_next:
            from docx.text.paragraph import Paragraph

            for p in tr.iter(qn("w:p")):
                Paragraph(p, None).paragraph_format.keep_with_next = True
        self.tbl._tbl.append(tr)
        return tr

    def _fill_cell(self, tc, spec: dict, *, bold: bool, align: str | None) -> None:
        from docx.table import _Cell

        cell = _Cell(tc, self.tbl)
        size = spec.get("size", self.size)
        b = spec.get("bold", bold)
        lines_spec = spec.get("lines")
        if lines_spec is not None:
            for text, props in lines_spec:
                p = cell.add_paragraph()
                if text:
                    r = p.add_run(text)
                    r.font.size = Pt(props.get("size", size))
                    if props.get("bold", b):
                        r.bold = True
                self._align(p, align)
            return
        runs = spec.get("runs")
        if runs is not None:
            p = cell.add_paragraph()
            for text, props in runs:
                r = p.add_run(text)
                r.font.size = Pt(props.get("size", size))
                if props.get("bold", b):
                    r.bold = True
                if props.get("color") is not None:
                    r.font.color.rgb = props["color"]
            self._align(p, align)
            return
        text = spec.get("text")
        lines = [] if text is None else str(text).split("\n")
        if not lines:
            cell.add_paragraph()
        for line in lines:
            p = cell.add_paragraph()
            if line:
                r = p.add_run(line)
                r.font.size = Pt(size)
                if b:
                    r.bold = True
                if spec.get("italic"):
                    r.italic = True
            self._align(p, align)

    @staticmethod
    def _align(p, align: str | None) -> None:
        if align:
            p.alignment = {"c": WD_ALIGN_PARAGRAPH.CENTER, "r": WD_ALIGN_PARAGRAPH.RIGHT,
                           "l": WD_ALIGN_PARAGRAPH.LEFT}[align]

    def loop(self, statement: str) -> None:
        """A {%tr … %} row: the tag alone in the first cell, every column present."""
        self.row([f"{{%tr {statement} %}}"] + [None] * (len(self.widths) - 1), cant_split=False)


def fit_widths(total_cm: float, widths: list[float | None]) -> list[float]:
    """Column widths that fill ``total_cm``: the one ``None`` column (the text column) takes what the
    fixed columns leave, so a table follows the page width instead of assuming one."""
    fixed = sum(w for w in widths if w is not None)
    assert widths.count(None) == 1 and fixed < total_cm, (total_cm, widths)
    return [round(total_cm - fixed, 2) if w is None else w for w in widths]


def chart_slot(doc, name: str, width_cm: float, height_cm: float, descr: str) -> None:
    """A centred paragraph holding a native chart that rendering fills from the context value
    ``name`` (a :class:`skpgen.render.chart.BarChart`): the chart part, its embedded workbook, the
    relationships and content types are written into the template; the drawing is named
    ``skpgen:NAME`` so the engine finds the slot. The template's own chart is an empty sample."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    from skpgen.render import chart as ch

    package = doc.part.package
    n = 1 + sum(1 for p in package.iter_parts() if p.content_type == ch.CT_CHART)
    sample = ch.BarChart(title="", categories=["K1", "K2", "K3"], series=[ch.Series("Nilai", [0, 0, 0])],
                         axis_max=100, axis_step=20)
    book = Part(PackURI(f"/word/embeddings/grafik{n}.xlsx"), ch.CT_XLSX, ch.workbook_xlsx(sample), package)
    part = Part(PackURI(f"/word/charts/chart{n}.xml"), ch.CT_CHART, b"", package)
    book_rid = part.relate_to(book, RT.PACKAGE)
    part._blob = ch.chart_xml(sample, book_rid)
    rid = doc.part.relate_to(part, RT.CHART)
    p = para(doc, align="c", keep_next=True)
    run = p.add_run()
    run._r.append(parse_xml(ch.inline_drawing_xml(rid, name=ch.SLOT_PREFIX + name, width_cm=width_cm,
                                                  height_cm=height_cm, docpr_id=n, descr=descr)))


def spacer(doc, pt: float = 6) -> None:
    p = doc.add_paragraph()
    p.paragraph_format.space_after = Pt(pt)
    p.paragraph_format.line_spacing = Pt(pt)


def c(text: str, **kw):
    return {"text": text, **kw}


# Alignment per column kind, one rule for every form: row numbers, codes and figures centred; text
# left; money centred too (so a "-" for "no budget" sits where the amounts sit), never wrapped, in a
# font small enough that Rp 1.800.000.000 fits the money column (MONEY_CM at MONEY_PT).
MONEY_PT = 7
MONEY_CM = 2.5


def num(text: str, **kw):
    return c(text, align="c", **kw)


def money(text: str, **kw):
    return c(text, align="c", nowrap=True, size=MONEY_PT, **kw)


# ------------------------------------------------------------------------------------ shared blocks

def identity_blocks(doc, left_head: str, right_head: str, left: str, right: str, widths: list[float],
                    rows: list[tuple[str, str]], right_rows: list[tuple[str, str]] | None = None) -> None:
    """Side-by-side blocks NO | left head | NO | right head, with rows (label, attribute)."""
    t = Table(doc, widths, size=8.5)
    t.row([c("NO"), c(left_head, span=2), c("NO"), c(right_head, span=2)], header=True, fill=HEAD_FILL)
    right_rows = right_rows or rows
    for i, ((label, attr), (rlabel, rattr)) in enumerate(zip(rows, right_rows), 1):
        t.row([c(str(i), align="c"), label, f"{{{{ {left}.{attr} }}}}",
               c(str(i), align="c"), rlabel, f"{{{{ {right}.{attr if rattr is None else rattr} }}}}"])


def signature_cell(place: str, role: str, who: str) -> dict:
    """One signature as one cell: place/date, role, room to sign, name (bold), NIP."""
    return {"lines": [(place, {}), (role, {}), ("", {}), ("", {}), ("", {}),
                      (f"{{{{ {who}.nama }}}}", {"bold": True}), (f"NIP {{{{ {who}.nip }}}}", {})]}


def signature_pair(doc, left_role: str, left: str, right_role: str, right: str, date_expr: str,
                   widths: list[float], *, date_on_left: bool = False) -> None:
    """Two signature columns; the place and date above the right one (or the left one). The block
    is one table row that may not split, so a long table above pushes it to the next page whole."""
    t = Table(doc, widths, borders=False, size=9)
    place = "{{ ttd.tempat }}, " + date_expr
    t.row([signature_cell(place if date_on_left else "", left_role, left), None,
           signature_cell("" if date_on_left else place, right_role, right)], cant_split=True)


def lampiran_perhitungan(doc, *, regime: str) -> None:
    """The appendix every form ends with: explanation lines, band rule, chart."""
    width = usable_cm(doc)
    page_break(doc)
    title(doc, "LAMPIRAN PERHITUNGAN NILAI")
    para(doc, "{{ form.judul }} — {{ pegawai.nama }} (NIP {{ pegawai.nip }}) — periode {{ periode_teks }}",
         align="c", size=8.5, space_after=6)
    para(doc, "A. Rincian perhitungan (rumus dan angka yang disubstitusikan)", bold=True, size=9.5,
         space_after=3, keep_next=True)
    tag(doc, "{%p for l in perhitungan %}")
    tag(doc, "{%p if l.judul %}")
    para(doc, "{{ l.teks }}", bold=True, size=8.5, space_before=3)
    tag(doc, "{%p else %}")
    para(doc, "{{ l.teks }}", size=8.5, indent_cm=0.6)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    spacer(doc)
    para(doc, "B. Aturan predikat", bold=True, size=9.5, space_after=3, keep_next=True)
    para(doc, "{{ aturan_predikat }}", size=8.5, space_after=3)
    if regime == "pp46-2011":
        t = Table(doc, [4.0, 4.0], size=8.5)
        t.row([c("NILAI (dibulatkan 2 desimal)"), c("PREDIKAT")], header=True, fill=HEAD_FILL)
        t.loop("for b in band")
        t.row([c("{{ b.rentang }}", align="c"), c("{{ b.predikat }}", align="c")])
        t.loop("endfor")
    else:
        t = Table(doc, [min(5.0, round(width - 12.6, 2)), 4.2, 4.2, 4.2], size=8.5)
        t.row([c("RATING PERILAKU KERJA \\ RATING HASIL KERJA"), c("Di Bawah Ekspektasi"), c("Sesuai Ekspektasi"),
               c("Di Atas Ekspektasi")], header=True, fill=HEAD_FILL)
        t.loop("for m in matriks")
        t.row([c("{{ m.perilaku }}", bold=True), c("{{ m.h0 }}", align="c"), c("{{ m.h1 }}", align="c"),
               c("{{ m.h2 }}", align="c")])
        t.loop("endfor")
    spacer(doc)
    heading = ("C. Grafik nilai capaian per kegiatan" if regime == "pp46-2011"
               else "C. Grafik capaian indikator kinerja individu (realisasi / target × 100)")
    para(doc, heading, bold=True, size=9.5, space_after=3, keep_next=True)
    tag(doc, "{%p if grafik %}")
    pp46 = regime == "pp46-2011"
    chart_slot(doc, "grafik_chart", min(width, 18.0), 7.0,
               "Grafik nilai capaian per kegiatan" if pp46 else "Grafik capaian indikator kinerja individu")
    para(doc, "{{ grafik_info }}", size=7.5, italic=True, space_before=2, space_after=3)
    if pp46:
        t = Table(doc, fit_widths(width, [1.6, None, 2.2, 2.6]), size=8)
        t.row([c("ID"), c("KEGIATAN"), c("NILAI"), c("PREDIKAT")], header=True, fill=HEAD_FILL)
        t.loop("for g in grafik")
        t.row([c("{{ g.id }}", align="c"), c("{{ g.uraian }}"), c("{{ g.nilai }}", align="c"),
               c("{{ g.predikat }}", align="c")])
    else:
        t = Table(doc, fit_widths(width, [1.6, None, 2.6]), size=8)
        t.row([c("ID"), c("INDIKATOR KINERJA INDIVIDU"), c("CAPAIAN")], header=True, fill=HEAD_FILL)
        t.loop("for g in grafik")
        t.row([c("{{ g.id }}", align="c"), c("{{ g.uraian }}"), c("{{ g.nilai }}", align="c")])
    t.loop("endfor")
    tag(doc, "{%p else %}")
    para(doc, "{{ grafik_info }}", size=8.5, italic=True)
    tag(doc, "{%p endif %}")


# ---------------------------------------------------------------------------------------- the forms

def formulir_skp() -> object:
    doc = new_document(landscape=True)
    W = usable_cm(doc)  # 26.7
    title(doc, "FORMULIR SASARAN KERJA", "PEGAWAI NEGERI SIPIL", size=12)
    para(doc, "{{ instansi }} — Jangka waktu penilaian: {{ periode_teks }}", align="c", size=8.5, space_after=6)
    half = (W - 2.0) / 2
    identity_blocks(doc, "I. PEJABAT PENILAI", "II. PEGAWAI NEGERI SIPIL YANG DINILAI",
                    "identitas.penilai", "identitas.dinilai",
                    [1.0, 3.2, round(half - 3.2, 2), 1.0, 3.2, round(half - 3.2, 2)],
                    [("Nama", "nama"), ("NIP", "nip"), ("Pangkat/Gol.Ruang", "pangkat_gol"),
                     ("Jabatan", "jabatan"), ("Unit Kerja", "unit_kerja")])
    spacer(doc)
    widths = fit_widths(W, [1.0, None, 1.6, 3.4, 2.0, 2.8, 3.4])
    t = Table(doc, widths, size=8.5)
    t.row([c("NO", vmerge="restart"), c("III. KEGIATAN TUGAS JABATAN", vmerge="restart"), c("AK", vmerge="restart"),
           c("TARGET", span=4)], header=True, fill=HEAD_FILL)
    t.row([c("", vmerge="continue"), c("", vmerge="continue"), c("", vmerge="continue"),
           c("KUANT/OUTPUT"), c("KUAL/MUTU"), c("WAKTU"), c("BIAYA")], header=True, fill=HEAD_FILL)
    t.row([c(str(i), size=7) for i in range(1, 8)], header=True, fill=SECTION_FILL)
    t.loop("for k in kegiatan_utama")
    t.row([c("{{ k.no }}", align="c"), "{{ k.uraian }}", c("{{ k.ak }}", align="c"), c("{{ k.t_kuant }}", align="c"),
           c("{{ k.t_kual }}", align="c"), c("{{ k.t_waktu }}", align="c"), money("{{ k.t_biaya }}")])
    t.loop("endfor")
    t.loop("if kegiatan_lain")
    t.row([c("TUGAS TAMBAHAN DAN KREATIVITAS", span=7, bold=True)], fill=SECTION_FILL)
    t.loop("for k in kegiatan_lain")
    t.row([c("{{ loop.index }}", align="c"), "{{ k.uraian }} ({{ k.jenis }})", c("{{ k.ak }}", align="c"),
           c("{{ k.t_kuant }}", align="c"), c("{{ k.t_kual }}", align="c"), c("{{ k.t_waktu }}", align="c"),
           money("{{ k.t_biaya }}")])
    t.loop("endfor")
    t.loop("endif")
    para(doc, "* AK Bagi PNS yang memangku jabatan fungsional tertentu", size=7.5, italic=True, space_before=2,
         space_after=8)
    signature_pair(doc, "Pejabat Penilai,", "identitas.penilai", "Pegawai Negeri Sipil Yang Dinilai,",
                   "identitas.dinilai", "{{ ttd.tanggal_rencana }}", [10.0, W - 20.0, 10.0])
    lampiran_perhitungan(doc, regime="pp46-2011")
    return doc


def penilaian_capaian() -> object:
    doc = new_document(landscape=True)
    W = usable_cm(doc)
    title(doc, "PENILAIAN CAPAIAN SASARAN KERJA", "PEGAWAI NEGERI SIPIL", size=12)
    para(doc, "Jangka Waktu Penilaian: {{ periode_teks }}", align="c", size=9, space_after=2)
    para(doc, "{{ instansi }} — {{ identitas.dinilai.nama }}, NIP {{ identitas.dinilai.nip }}, "
              "{{ identitas.dinilai.jabatan }}", align="c", size=8.5, space_after=6)
    fixed = [0.8, 1.0, 1.9, 1.2, 1.6, MONEY_CM, 1.0, 1.9, 1.2, 1.6, MONEY_CM, 2.3, 2.0]
    kegiatan_w = round(W - sum(fixed), 2)
    widths = [0.8, kegiatan_w] + fixed[1:]
    n = len(widths)
    t = Table(doc, widths, size=7.5)
    v = {"vmerge": "restart"}
    cont = {"text": "", "vmerge": "continue"}
    t.row([c("NO", **v), c("I. Kegiatan Tugas Jabatan", **v), c("AK", **v), c("TARGET", span=4), c("AK", **v),
           c("REALISASI", span=4), c("PENGHITUNGAN", **v), c("NILAI CAPAIAN SKP", **v)],
          header=True, fill=HEAD_FILL)
    t.row([dict(cont), dict(cont), dict(cont), c("Kuant/ Output"), c("Kual/ Mutu"), c("Waktu"), c("Biaya"),
           dict(cont), c("Kuant/ Output"), c("Kual/ Mutu"), c("Waktu"), c("Biaya"), dict(cont), dict(cont)],
          header=True, fill=HEAD_FILL)
    t.row([c(str(i), size=7) for i in range(1, n + 1)], header=True, fill=SECTION_FILL)
    t.loop("for k in kegiatan_utama")
    t.row([c("{{ k.no }}", align="c"), "{{ k.uraian }}", c("{{ k.ak }}", align="c"), c("{{ k.t_kuant }}", align="c"),
           c("{{ k.t_kual }}", align="c"), c("{{ k.t_waktu }}", align="c"), money("{{ k.t_biaya }}"),
           c("{{ k.r_ak }}", align="c"), c("{{ k.r_kuant }}", align="c"), c("{{ k.r_kual }}", align="c"),
           c("{{ k.r_waktu }}", align="c"), money("{{ k.r_biaya }}"), c("{{ k.perhitungan }}", align="c"),
           c("{{ k.nilai }}", align="c")])
    t.loop("endfor")
    t.row([c("II. TUGAS TAMBAHAN DAN KREATIVITAS/UNSUR PENUNJANG:", span=n, bold=True)], fill=SECTION_FILL)
    t.row([None, c("a. Tugas Tambahan", span=n - 2, bold=True), c("{{ skor.tugas_tambahan }}", align="c", bold=True)])
    t.loop("for k in tambahan")
    t.row([c("{{ k.no }}", align="c"), c("{{ k.uraian }}", span=n - 2), None])
    t.loop("endfor")
    t.row([None, c("b. Kreativitas", span=n - 2, bold=True), c("{{ skor.kreativitas }}", align="c", bold=True)])
    t.loop("for k in kreatif")
    t.row([c("{{ k.no }}", align="c"), c("{{ k.uraian }} (tingkat: {{ k.tingkat }})", span=n - 2), None])
    t.loop("endfor")
    t.row([c("Nilai Capaian SKP", span=n - 2, bold=True, align="c"),
           c("{{ skor.nilai_skp_sebutan }}", span=2, bold=True, align="c")], fill=SECTION_FILL)
    spacer(doc, 8)
    t = Table(doc, [W - 10.0, 10.0], borders=False, size=9)
    t.row([None, signature_cell("{{ ttd.tempat }}, {{ ttd.tanggal_penilaian }}", "Pejabat Penilai,",
                                "identitas.penilai")], cant_split=True)
    lampiran_perhitungan(doc, regime="pp46-2011")
    return doc


def penilaian_prestasi() -> object:
    doc = new_document(landscape=False)
    W = usable_cm(doc)  # 17.0
    title(doc, "PENILAIAN PRESTASI KERJA", "PEGAWAI NEGERI SIPIL", size=12)
    t = Table(doc, [W - 7.0, 7.0], borders=False, size=8.5)
    t.row([c("{{ instansi }}", bold=True), c("JANGKA WAKTU PENILAIAN", bold=True)])
    t.row([None, c("{{ periode_teks }}")])
    spacer(doc, 4)
    widths = [0.9, 0.7, 5.0, 3.6, 1.9, 2.1]
    widths.append(round(W - sum(widths), 2))
    t = Table(doc, widths, size=9)

    def person_section(no: str, head: str, who: str) -> None:
        t.row([c(no, align="c", bold=True), c(head, span=6, bold=True)], fill=SECTION_FILL)
        for letter, label, attr in (("a.", "Nama", "nama"), ("b.", "NIP", "nip"),
                                    ("c.", "Pangkat, Golongan ruang, TMT", "pangkat_gol_tmt"),
                                    ("d.", "Jabatan/Pekerjaan", "jabatan"), ("e.", "Unit Organisasi", "unit_kerja")):
            t.row([None, c(letter), c(label), c(f"{{{{ identitas.{who}.{attr} }}}}", span=4)])

    person_section("1", "YANG DINILAI", "dinilai")
    person_section("2", "PEJABAT PENILAI", "penilai")
    person_section("3", "ATASAN PEJABAT PENILAI", "atasan")
    t.row([c("4", align="c", bold=True), c("UNSUR YANG DINILAI", span=5, bold=True), c("Jumlah", bold=True, align="c")],
          fill=SECTION_FILL)
    t.row([None, c("a."), c("Sasaran Kerja Pegawai (SKP)"), c("{{ skor.nilai_skp }}", align="c"),
           c("x 60%", align="c"), None, c("{{ skor.skp_60 }}", align="c")])
    t.row([None, c("b.", vmerge="restart"), c("Perilaku Kerja", vmerge="restart"), c("Aspek", bold=True),
           c("Nilai", bold=True, align="c"), c("Sebutan", bold=True, align="c"), None])
    t.loop("for p in perilaku_pp46")
    t.row([None, c("", vmerge="continue"), c("", vmerge="continue"), c("{{ p.no }}. {{ p.nama }}"),
           c("{{ p.nilai }}", align="c"), c("{{ p.sebutan }}", align="c"), None])
    t.loop("endfor")
    t.row([None, c("", vmerge="continue"), c("", vmerge="continue"), c("7. Jumlah"),
           c("{{ skor.jumlah_perilaku }}", align="c"), None, None])
    t.row([None, c("", vmerge="continue"), c("", vmerge="continue"), c("8. Nilai rata-rata"),
           c("{{ skor.nilai_perilaku }}", align="c"), c("{{ skor.predikat_perilaku }}", align="c"), None])
    t.row([None, c("", vmerge="continue"), c("", vmerge="continue"), c("9. Nilai Perilaku Kerja"),
           c("{{ skor.nilai_perilaku }}", align="c"), c("x 40%", align="c"), c("{{ skor.perilaku_40 }}", align="c")])
    t.row([c("NILAI PRESTASI KERJA", span=6, bold=True, align="c"),
           c("{{ skor.nilai_prestasi_kerja }}\n{{ skor.predikat }}", bold=True, align="c")], fill=SECTION_FILL)
    page_break(doc)
    t = Table(doc, [0.9, round(W - 0.9, 2)], size=8.5)
    blank = "Tanggal, ...................."
    for no, head in (("5", "KEBERATAN DARI PEGAWAI NEGERI SIPIL YANG DINILAI (APABILA ADA)"),
                     ("6", "TANGGAPAN PEJABAT PENILAI ATAS KEBERATAN"),
                     ("7", "KEPUTUSAN ATASAN PEJABAT PENILAI ATAS KEBERATAN")):
        t.row([c(no, align="c", bold=True), c(head, bold=True)], fill=SECTION_FILL)
        t.row([None, c("\n\n" + blank)], height_cm=1.6)
    t.row([c("8", align="c", bold=True), c("REKOMENDASI", bold=True)], fill=SECTION_FILL)
    t.row([None, c("\n\n")], height_cm=1.4)
    spacer(doc, 6)
    t = Table(doc, [0.9, round((W - 0.9) / 3, 2), round((W - 0.9) / 3, 2), round((W - 0.9) / 3, 2)], size=8.5)
    t.row([None, c("9. DIBUAT TANGGAL, {{ ttd.tanggal_penilaian }}", bold=True),
           c("10. DITERIMA TANGGAL, ....................", bold=True),
           c("11. DITERIMA TANGGAL, ....................", bold=True)], keep_next=True)
    t.row([None, c("PEJABAT PENILAI"), c("PEGAWAI NEGERI SIPIL YANG DINILAI"), c("ATASAN PEJABAT PENILAI")],
          keep_next=True)
    t.row([None, c("\n\n\n"), c("\n\n\n"), c("\n\n\n")], keep_next=True)
    t.row([None, c("{{ identitas.penilai.nama }}", bold=True), c("{{ identitas.dinilai.nama }}", bold=True),
           c("{{ identitas.atasan.nama }}", bold=True)], keep_next=True)
    t.row([None, c("NIP {{ identitas.penilai.nip }}"), c("NIP {{ identitas.dinilai.nip }}"),
           c("NIP {{ identitas.atasan.nip }}")])
    lampiran_perhitungan(doc, regime="pp46-2011")
    return doc



def perilaku_table(doc, W: float) -> "Table":
    """The 6/2022 PERILAKU KERJA table (BerAKHLAK rows with the leader's expectations), shared by the SKP
    and Evaluasi forms; the caller may add rows after the loop."""
    t = Table(doc, [0.9, 5.0, round(W - 0.9 - 5.0 - 9.0, 2), 9.0], size=8)
    t.row([c("PERILAKU KERJA", span=4)], header=True, fill=HEAD_FILL)
    t.row([c("NO"), c("PERILAKU KERJA", span=2), c("EKSPEKTASI KHUSUS PIMPINAN")], header=True, fill=HEAD_FILL)
    t.loop("for b in berakhlak")
    t.row([c("{{ b.no }}", align="c"), c("{{ b.nama }}", bold=True), c("{{ b.panduan }}", size=7.5),
           c("{{ b.ekspektasi }}")])
    t.loop("endfor")
    return t

def hasil_kerja_table(doc, widths: list[float], heads: list[str], first: list, merged: set[int],
                      size: float) -> Table:
    """The 6/2022 HASIL KERJA table: title row, column heads, (1)…(n) numbers, then A. UTAMA and
    B. TAMBAHAN with one row per IKI; the columns in ``merged`` (RHK, number…) are merged down the
    IKI rows of one RHK. ``first`` is the cell row of an RHK's first IKI."""
    n = len(widths)
    t = Table(doc, widths, size=size)
    t.row([c("HASIL KERJA", span=n)], header=True, fill=HEAD_FILL)
    t.row([c(h) for h in heads], header=True, fill=HEAD_FILL)
    t.row([c(f"({i})", size=7) for i in range(1, n + 1)], header=True, fill=SECTION_FILL)
    nxt = [c("", vmerge="continue") if i in merged else cell for i, cell in enumerate(first)]
    for head, var in (("A. UTAMA", "rhk_utama"), ("B. TAMBAHAN", "rhk_tambahan")):
        t.row([c(head, span=n, bold=True)], fill=SECTION_FILL)
        _hasil_kerja_rows(t, var, n, first, nxt)
    return t


def _hasil_kerja_rows(t: Table, var: str, n_cols: int, cells_first, cells_next) -> None:
    t.loop(f"for r in {var}")
    t.loop("if r.first")
    t.row(cells_first)
    t.loop("else")
    t.row(cells_next)
    t.loop("endif")
    t.loop("endfor")
    t.loop(f"if not {var}")
    t.row([c("-", align="c")] + [c("-")] * (n_cols - 1))
    t.loop("endif")


def _head_2022(first_line: str, third_line: str) -> tuple[object, float]:
    """The shared head of the 6/2022 forms: landscape page, title lines, instansi, period and the
    side-by-side PEGAWAI YANG DINILAI / PEJABAT PENILAI KINERJA blocks. Returns (doc, usable width)."""
    doc = new_document(landscape=True)
    W = usable_cm(doc)
    title(doc, first_line, "{{ hasil.pendekatan }}", third_line, size=11)
    para(doc, "{{ instansi | upper }}", align="c", bold=True, size=9.5)
    para(doc, "PERIODE PENILAIAN: {{ periode_teks | upper }}", align="c", size=9, space_after=6)
    half = (W - 2.0) / 2
    identity_blocks(doc, "PEGAWAI YANG DINILAI", "PEJABAT PENILAI KINERJA", "identitas.dinilai", "identitas.penilai",
                    [1.0, 3.9, round(half - 3.9, 2), 1.0, 3.9, round(half - 3.9, 2)],
                    [("NAMA", "nama"), ("NIP", "nip"), ("PANGKAT/GOL RUANG", "pangkat_gol"), ("JABATAN", "jabatan"),
                     ("UNIT KERJA", "unit_kerja")])
    return doc, W


def skp_2022() -> object:
    doc, W = _head_2022("SASARAN KINERJA PEGAWAI", "{{ hasil.bagi }}")
    spacer(doc)
    # The lampiran has two approaches. Kuantitatif: ASPEK (or PERSPEKTIF for JPT) | IKI | TARGET, one
    # row per IKI with a numeric target. Kualitatif: the success measure is described in words, so
    # IKI and target form one column, "UKURAN KEBERHASILAN/ INDIKATOR KINERJA INDIVIDU, DAN TARGET",
    # and there is no ASPEK column.
    tag(doc, "{%p if hasil.kualitatif %}")
    first = [c("{{ r.no }}", align="c", vmerge="restart"), c("{{ r.rhk_atasan }}", vmerge="restart"),
             c("{{ r.rhk }}", vmerge="restart"), c("{{ r.ukuran }}")]
    hasil_kerja_table(doc, fit_widths(W, [0.9, 6.6, 6.6, None]),
                      ["NO", "RENCANA HASIL KERJA ATASAN YANG DIINTERVENSI", "RENCANA HASIL KERJA",
                       "UKURAN KEBERHASILAN/ INDIKATOR KINERJA INDIVIDU, DAN TARGET"], first, {0, 1, 2}, 8)
    tag(doc, "{%p else %}")
    first = [c("{{ r.no }}", align="c", vmerge="restart"), c("{{ r.rhk_atasan }}", vmerge="restart"),
             c("{{ r.rhk }}", vmerge="restart"),
             c("{% if hasil.perspektif %}{{ r.perspektif }}{% else %}{{ r.aspek }}{% endif %}"),
             c("{{ r.iki }}"), c("{{ r.target }}", align="c")]
    hasil_kerja_table(doc, fit_widths(W, [0.9, 6.0, 6.0, 2.2, None, 3.6]),
                      ["NO", "RENCANA HASIL KERJA ATASAN YANG DIINTERVENSI", "RENCANA HASIL KERJA",
                       "{{ hasil.kolom5 }}", "INDIKATOR KINERJA INDIVIDU", "TARGET"], first, {0, 1, 2}, 8)
    tag(doc, "{%p endif %}")
    spacer(doc)
    t = perilaku_table(doc, W)
    spacer(doc, 8)
    signature_pair(doc, "Pegawai yang Dinilai,", "identitas.dinilai", "Pejabat Penilai Kinerja,",
                   "identitas.penilai", "{{ ttd.tanggal_rencana }}", [10.0, W - 20.0, 10.0])
    page_break(doc)
    title(doc, "LAMPIRAN SASARAN KINERJA PEGAWAI")
    para(doc, "{{ identitas.dinilai.nama }} — NIP {{ identitas.dinilai.nip }} — periode {{ periode_teks }}",
         align="c", size=8.5, space_after=6)
    t = Table(doc, [0.9, round(W - 0.9, 2)], size=8.5)
    for head, key in (("DUKUNGAN SUMBER DAYA", "dukungan_sumber_daya"),
                      ("SKEMA PERTANGGUNGJAWABAN", "skema_pertanggungjawaban"), ("KONSEKUENSI", "konsekuensi")):
        t.row([c(head, span=2, bold=True)], fill=HEAD_FILL)
        t.loop(f"for x in lampiran_skp.{key}")
        t.row([c("{{ x.no }}", align="c"), c("{{ x.teks }}")])
        t.loop("endfor")
        t.loop(f"if not lampiran_skp.{key}")
        t.row([c("-", align="c"), c("-")])
        t.loop("endif")
    spacer(doc, 8)
    signature_pair(doc, "Pegawai yang Dinilai,", "identitas.dinilai", "Pejabat Penilai Kinerja,",
                   "identitas.penilai", "{{ ttd.tanggal_rencana }}", [10.0, W - 20.0, 10.0])
    lampiran_perhitungan(doc, regime="permenpanrb-6-2022")
    return doc


def evaluasi_2022() -> object:
    doc, W = _head_2022("EVALUASI KINERJA PEGAWAI", "PERIODE: {{ ev.periode }}")
    spacer(doc, 4)
    para(doc, "CAPAIAN KINERJA ORGANISASI*: {{ ev.organisasi }}", bold=True, size=8.5)
    para(doc, "POLA DISTRIBUSI: {{ ev.pola }}", size=8.5, space_after=6)
    tag(doc, "{%p if ev.kurva_ada %}")
    chart_slot(doc, "kurva_chart", min(W, 16.0), 6.0, "Kurva distribusi predikat kinerja pegawai")
    t = Table(doc, fit_widths(W, [None, 3.0, 3.0]), size=8)
    t.row([c("POLA DISTRIBUSI (SE MenPANRB 3/2023)"), c("JUMLAH PEGAWAI"), c("HASIL")], header=True,
          fill=HEAD_FILL)
    t.loop("for k in ev.kurva")
    t.row([c("{{ k.aturan }}"), c("{{ k.jumlah }}", align="c"), c("{{ k.status }}", align="c", bold=True)])
    t.loop("endfor")
    tag(doc, "{%p for x in ev.kurva_catatan %}")
    para(doc, "{{ x }}", size=7.5, italic=True)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    spacer(doc, 4)
    # kualitatif: IKI and target in one "UKURAN KEBERHASILAN" column, no ASPEK column (see skp_2022)
    tag(doc, "{%p if hasil.kualitatif %}")
    first = [c("{{ r.no }}", align="c", vmerge="restart"),
             {"text": "{{ r.rhk }}\nRHK atasan: {{ r.rhk_atasan }}", "vmerge": "restart"},
             c("{{ r.ukuran }}"), c("{{ r.realisasi }}"), c("{{ r.umpan_balik }}", vmerge="restart")]
    t = hasil_kerja_table(doc, fit_widths(W, [0.9, 6.2, None, 5.6, 5.6]),
                          ["NO", "RENCANA HASIL KERJA", "UKURAN KEBERHASILAN/ INDIKATOR KINERJA INDIVIDU, DAN TARGET",
                           "REALISASI BERDASARKAN BUKTI DUKUNG", "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG"],
                          first, {0, 1, 4}, 7.5)
    t.row([c("RATING HASIL KERJA*", span=3, bold=True, align="r"), c("{{ ev.hasil }}", span=2, bold=True)],
          fill=SECTION_FILL)
    tag(doc, "{%p else %}")
    first = [c("{{ r.no }}", align="c", vmerge="restart"),
             {"text": "{{ r.rhk }}\nRHK atasan: {{ r.rhk_atasan }}", "vmerge": "restart"},
             c("{{ r.iki }}"), c("{{ r.target }}", align="c"),
             c("{% if hasil.perspektif %}{{ r.perspektif }}{% else %}{{ r.aspek }}{% endif %}", align="c"),
             c("{{ r.realisasi }}"), c("{{ r.umpan_balik }}", vmerge="restart")]
    t = hasil_kerja_table(doc, fit_widths(W, [0.9, 6.2, None, 3.0, 2.2, 4.6, 5.0]),
                          ["NO", "RENCANA HASIL KERJA", "INDIKATOR KINERJA INDIVIDU", "TARGET", "{{ hasil.kolom5 }}",
                           "REALISASI BERDASARKAN BUKTI DUKUNG", "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG"],
                          first, {0, 1, 6}, 7.5)
    t.row([c("RATING HASIL KERJA*", span=5, bold=True, align="r"), c("{{ ev.hasil }}", span=2, bold=True)],
          fill=SECTION_FILL)
    tag(doc, "{%p endif %}")
    spacer(doc)
    t = perilaku_table(doc, W)
    t.row([c("UMPAN BALIK BERKELANJUTAN", span=2, bold=True), c("{{ ev.umpan_balik }}", span=2)])
    t.row([c("RATING PERILAKU KERJA*", span=3, bold=True, align="r"), c("{{ ev.perilaku }}", bold=True)],
          fill=SECTION_FILL)
    t.row([c("PREDIKAT KINERJA PEGAWAI*", span=3, bold=True, align="r"), c("{{ ev.predikat }}", bold=True)],
          fill=SECTION_FILL)
    t.loop("if ev.angka_kredit")
    t.row([c("ANGKA KREDIT (KONVERSI PREDIKAT)**", span=3, bold=True, align="r"), c("{{ ev.angka_kredit }}")],
          fill=SECTION_FILL)
    t.loop("endif")
    para(doc, "* Rating dan predikat ditetapkan pejabat penilai kinerja (PermenPANRB 6/2022). ** Jabatan "
              "fungsional: persentase predikat × koefisien jenjang × bulan/12 (PermenPANRB 1/2023, PerBKN 3/2023); "
              "rincian pada lampiran.", size=7.5,
         italic=True, space_before=2, space_after=6)
    para(doc, "RIWAYAT EVALUASI KINERJA PERIODIK", bold=True, size=9, space_after=3, keep_next=True)
    t = Table(doc, [2.6, 3.2, 4.0, 4.0, 3.6, round(W - 17.4, 2)], size=8)
    t.row([c("PERIODE"), c("TANGGAL"), c("RATING HASIL KERJA"), c("RATING PERILAKU KERJA"), c("PREDIKAT KINERJA"),
           c("UMPAN BALIK")], header=True, fill=HEAD_FILL)
    t.loop("for e in riwayat_evaluasi")
    t.row([c("{{ e.periode }}"), c("{{ e.tanggal }}"), c("{{ e.hasil }}"), c("{{ e.perilaku }}"),
           c("{{ e.predikat }}", bold=True), c("{{ e.umpan_balik }}")])
    t.loop("endfor")
    spacer(doc, 8)
    signature_pair(doc, "Pegawai yang Dinilai,", "identitas.dinilai", "Pejabat Penilai Kinerja,",
                   "identitas.penilai", "{{ ev.tanggal or ttd.tanggal_penilaian }}", [10.0, W - 20.0, 10.0])
    lampiran_perhitungan(doc, regime="permenpanrb-6-2022")
    return doc


def dokumen_evaluasi_2022() -> object:
    """The "Dokumen Evaluasi Kinerja Pegawai" summary sheet HR units require for kenaikan pangkat
    (DOMAIN.md §G.3): identities of the three officials, the evaluation, catatan, signatures."""
    doc = new_document(landscape=False)
    W = usable_cm(doc)
    title(doc, "DOKUMEN EVALUASI KINERJA PEGAWAI", "PERIODE: {{ ev.periode }}", size=11)
    para(doc, "{{ instansi | upper }}", align="c", bold=True, size=9.5)
    para(doc, "PERIODE PENILAIAN: {{ periode_teks | upper }}", align="c", size=9, space_after=8)
    t = Table(doc, fit_widths(W, [1.0, 5.6, None]), size=9)
    blocks = (("1", "PEGAWAI YANG DINILAI", "identitas.dinilai"), ("2", "PEJABAT PENILAI KINERJA", "identitas.penilai"),
              ("3", "ATASAN PEJABAT PENILAI KINERJA", "identitas.atasan"))
    for no, head, who in blocks:
        t.row([c(no, align="c", bold=True), c(head, span=2, bold=True)], fill=HEAD_FILL)
        for label, attr in (("NAMA", "nama"), ("NIP", "nip"), ("PANGKAT/GOL. RUANG", "pangkat_gol"),
                            ("JABATAN", "jabatan"), ("UNIT KERJA", "unit_kerja")):
            t.row(["", label, f"{{{{ {who}.{attr} }}}}"])
    t.row([c("4", align="c", bold=True), c("EVALUASI KINERJA", span=2, bold=True)], fill=HEAD_FILL)
    t.row(["", "CAPAIAN KINERJA ORGANISASI", "{{ ev.organisasi }}"])
    t.row(["", "PREDIKAT KINERJA PEGAWAI", c("{{ ev.predikat }}", bold=True)])
    t.loop("if ev.angka_kredit")
    t.row(["", "ANGKA KREDIT (KONVERSI PREDIKAT)", "{{ ev.angka_kredit }}"])
    t.loop("endif")
    t.row([c("5", align="c", bold=True), c("CATATAN / REKOMENDASI", span=2, bold=True)], fill=HEAD_FILL)
    t.row(["", c("{{ ev.umpan_balik }}", span=2)])
    spacer(doc, 10)
    signature_pair(doc, "Pegawai yang Dinilai,", "identitas.dinilai", "Pejabat Penilai Kinerja,",
                   "identitas.penilai", "{{ ev.tanggal or ttd.tanggal_penilaian }}",
                   [round((W - 1.0) / 2, 2), 1.0, round((W - 1.0) / 2, 2)])
    lampiran_perhitungan(doc, regime="permenpanrb-6-2022")
    return doc


BUILDERS = {
    "formulir-skp": formulir_skp,
    "penilaian-capaian": penilaian_capaian,
    "penilaian-prestasi": penilaian_prestasi,
    "skp-2022": skp_2022,
    "evaluasi-2022": evaluasi_2022,
    "dokumen-evaluasi-2022": dokumen_evaluasi_2022,
}


def _deterministic(data: bytes) -> bytes:
    """Re-zip with sorted-as-written members, fixed timestamps and no extra fields."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def build(outdir: Path = HERE, names: list[str] | None = None) -> list[Path]:
    written = []
    for name in names or list(BUILDERS):
        doc = BUILDERS[name]()
        buf = io.BytesIO()
        doc.save(buf)
        path = outdir / f"{name}.docx"
        path.write_bytes(_deterministic(buf.getvalue()))
        written.append(path)
    return written


if __name__ == "__main__":
    for p in build(names=sys.argv[1:] or None):
        print(p)
