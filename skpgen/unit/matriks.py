"""The Matriks Peran Hasil (MPH) of a unit, built from its plans, written as DOCX or XLSX.

Rows are the employees below the leader with their jabatan, depth first (a Kepala Seksi, then the
staff under them, indented: the two levels of cascading shown as grouped rows); columns are the
leader's RHK, or the leader's IKI (``kolom="iki"``); a cell holds the text of the employee's RHK
that intervenes that column — directly (a Kepala Seksi intervening the leader) or through the
chain (a staff RHK intervening the Kepala Seksi RHK that intervenes the leader's). With IKI columns
an RHK is placed under one IKI when the written matrix of the unit file names that IKI
(``RHK1.2``) for it, and otherwise spans all IKI of the RHK.

Both files are reproducible byte for byte: the DOCX goes through the project's deterministic zip
writer, the XLSX through openpyxl with fixed timestamps (as the dashboard does). Every part is
re-parsed strictly before the file is written.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

from skpgen.unit.cascade import RESOLVED, UnitCascade
from skpgen.unit.model import ut
from skpgen.unit.refs import similarity


@dataclass(frozen=True)
class Column:
    key: str  # "RHK1", or "RHK1.2" (IKI 2 of RHK1)
    rhk: str
    iki: int | None  # 1-based IKI number
    title: str  # the RHK text
    subtitle: str | None = None  # the IKI text


@dataclass
class Row:
    level: int  # 1 = reports to the leader, 2 = one tier below, …
    nip: str
    nama: str
    jabatan: str
    group: bool  # has subordinates of their own (printed as a group heading)
    note: str | None = None  # e.g. "belum ada SKP 2025"
    cells: dict[str, list[str]] = field(default_factory=dict)  # column key (RHK id: spans its IKI) → texts


@dataclass
class Matrix:
    unit_nama: str
    instansi: str
    tahun: int
    leader_nama: str
    leader_nip: str
    leader_jabatan: str
    kolom: str  # "rhk" | "iki"
    columns: list[Column]
    rows: list[Row]

    def rhk_ids(self) -> list[str]:
        out: list[str] = []
        for c in self.columns:
            if c.rhk not in out:
                out.append(c.rhk)
        return out

    def span(self, rhk: str) -> list[Column]:
        return [c for c in self.columns if c.rhk == rhk]


def build_matrix(uc: UnitCascade, kolom: str = "rhk", lang: str = "id") -> Matrix:
    """The MPH of a unit's cascade (see the module docstring)."""
    unit, h = uc.unit, uc.hierarchy
    leader = h.members.get(unit.pimpinan)
    lplan = leader.plan if leader else None
    columns: list[Column] = []
    for r in (lplan.rhk if lplan else ()):
        if kolom == "iki" and r.iki:
            columns += [Column(f"{r.id}.{n}", r.id, n, r.uraian, text) for n, text in enumerate(r.iki, 1)]
        else:
            columns.append(Column(r.id, r.id, None, r.uraian))
    rhk_ids = {c.rhk for c in columns}
    target = {(x.plan.nip, x.rhk.id): x.target for x in uc.resolutions if x.status in RESOLVED and x.target}

    def leader_column(nip: str, rid: str) -> str | None:
        """The leader's column an RHK ends in, following the chain up (at most 10 tiers)."""
        seen = 0
        key: tuple[str, str] | None = (nip, rid)
        while key is not None and seen < 10:
            nxt = target.get(key)
            if nxt is None:
                return None
            if nxt[0] == unit.pimpinan:
                if nxt[1] not in rhk_ids:
                    return None
                return (_iki_key(unit, key[0], nxt[1], h, key) if kolom == "iki" else None) or nxt[1]
            key, seen = nxt, seen + 1
        return None

    rows: list[Row] = []
    for m in h.ordered():
        if m.nip == unit.pimpinan or m.level is None:
            continue
        row = Row(level=m.level, nip=m.nip, nama=m.nama or m.nip, jabatan=m.jabatan, group=bool(m.children))
        if m.plan is None:
            row.note = ut("matriks.no_plan", lang, tahun=unit.tahun)
        else:
            for r in m.plan.rhk:
                col = leader_column(m.nip, r.id)
                if col is not None:
                    row.cells.setdefault(col, []).append(r.uraian)
        rows.append(row)
    return Matrix(unit.nama, unit.instansi, unit.tahun, (leader.nama if leader else "") or unit.pimpinan,
                  unit.pimpinan, (leader.jabatan if leader else "") or "", kolom, columns, rows)


def _iki_key(unit, nip: str, leader_rid: str, h, key: tuple[str, str]) -> str | None:  # type: ignore[no-untyped-def]
    """The IKI column the written matrix gives the RHK ``key`` (of ``nip``), if any."""
    row = unit.row(nip)
    plan = h.plan(nip)
    rhk = plan.find(key[1]) if plan else None
    if row is None or rhk is None:
        return None
    for col, text in row.peran:
        if col.startswith(leader_rid + ".") and similarity(text, rhk.uraian) >= 0.85:
            return col
    return None


# ---- writers --------------------------------------------------------------------------------------

def write_matrix(matrix: Matrix, path: Path, lang: str = "id") -> None:
    """Write ``matrix`` to ``path`` (.docx or .xlsx by suffix), atomically."""
    from skpgen.fsutil import atomic_write_bytes

    data = matrix_xlsx(matrix, lang) if path.suffix.lower() == ".xlsx" else matrix_docx(matrix, lang)
    atomic_write_bytes(path, data)


def _labels(lang: str) -> dict[str, str]:
    return {k: ut(f"matriks.{k}", lang) for k in ("title", "no", "pegawai", "jabatan", "pimpinan", "unit",
                                                   "tahun", "rhk_pimpinan", "iki_pimpinan")}


def _row_cells(matrix: Matrix, row: Row) -> list[tuple[str, int]]:
    """(text, columns spanned) per column group of a row: an RHK-level cell spans the RHK's IKI."""
    out: list[tuple[str, int]] = []
    for rid in matrix.rhk_ids():
        cols = matrix.span(rid)
        if cols[0].iki is not None and rid in row.cells:
            extra = [t for c in cols for t in row.cells.get(c.key, [])]
            texts = row.cells[rid] + extra
            out.append(("\n".join(f"• {t}" if len(texts) > 1 else t for t in texts), len(cols)))
        else:
            for c in cols:
                texts = row.cells.get(c.key, [])
                out.append(("\n".join(f"• {t}" if len(texts) > 1 else t for t in texts), 1))
    return out


def _who(row: Row) -> str:
    return f"{row.nama}\nNIP {row.nip}"


# DOCX --------------------------------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PAGE_W, _PAGE_H, _MARGIN = 16838, 11906, 720  # A4 landscape, 1,27 cm margins (twips)

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/footer1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '</Types>')
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
    'Target="docProps/core.xml"/>'
    '</Relationships>')
_DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
    'Target="styles.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" '
    'Target="footer1.xml"/>'
    '</Relationships>')
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:styles xmlns:w="{_W}"><w:docDefaults><w:rPrDefault><w:rPr>'
    '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:sz w:val="18"/><w:szCs w:val="18"/>'
    '<w:lang w:val="id-ID"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '</w:styles>')
_FOOTER = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:ftr xmlns:w="{_W}"><w:p><w:pPr><w:jc w:val="right"/></w:pPr>'
    '<w:r><w:t xml:space="preserve">{page} </w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
    '</w:p></w:ftr>')


def _core(title: str, year: int) -> str:
    from skpgen.render.xmlsafe import escape_text

    stamp = f"{year:04d}-01-01T00:00:00Z"
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{escape_text(title)}</dc:title><dc:creator>skpgen</dc:creator>'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
            '</cp:coreProperties>')


def _p(text: str, bold: bool = False, jc: str | None = None, size: int | None = None, indent: int = 0) -> str:
    from skpgen.render.xmlsafe import xml_text

    ppr = ""
    if jc or indent:
        ppr = "<w:pPr>" + (f'<w:ind w:left="{indent}"/>' if indent else "") + (f'<w:jc w:val="{jc}"/>' if jc else "") \
            + "</w:pPr>"
    rpr = ""
    if bold or size:
        rpr = "<w:rPr>" + ("<w:b/>" if bold else "") + (f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>' if size else "") \
            + "</w:rPr>"
    return f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{xml_text(text)}</w:t></w:r></w:p>'


def _tc(text: str, width: int, span: int = 1, bold: bool = False, shade: str | None = None, jc: str | None = None,
        indent: int = 0) -> str:
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>' + (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "")
    if shade:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    paras = "".join(_p(part, bold=bold, jc=jc, indent=indent) for part in (text.split("\n") if text else [""]))
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{paras}</w:tc>"


def matrix_docx(matrix: Matrix, lang: str = "id") -> bytes:
    """The MPH as a .docx (A4 landscape, header rows repeated on every page, page numbers)."""
    from lxml import etree

    from skpgen.render.docxzip import build_zip, deflate_member

    lab = _labels(lang)
    usable = _PAGE_W - 2 * _MARGIN
    n_cols = len(matrix.columns)
    fixed = [500, 2600, 2200]  # NO, PEGAWAI, JABATAN
    rest = usable - sum(fixed)
    col_w = max(rest // max(n_cols, 1), 900)
    widths = fixed + [col_w] * n_cols
    iki = matrix.kolom == "iki" and any(c.iki is not None for c in matrix.columns)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    head_shade = "D9E2F3"
    header_rows: list[str] = []
    tr_head = '<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>'
    if iki:
        top = [_tc(lab["no"], fixed[0], bold=True, shade=head_shade, jc="center"),
               _tc(lab["pegawai"], fixed[1], bold=True, shade=head_shade, jc="center"),
               _tc(lab["jabatan"], fixed[2], bold=True, shade=head_shade, jc="center")]
        for rid in matrix.rhk_ids():
            cols = matrix.span(rid)
            top.append(_tc(f"{rid}: {cols[0].title}", col_w * len(cols), len(cols), bold=True, shade=head_shade))
        sub = [_tc("", fixed[0], shade=head_shade), _tc("", fixed[1], shade=head_shade), _tc("", fixed[2], shade=head_shade)]
        for c in matrix.columns:
            sub.append(_tc(f"{c.key}: {c.subtitle}" if c.iki is not None else "", col_w, bold=True, shade=head_shade))
        header_rows = [f"<w:tr>{tr_head}{''.join(top)}</w:tr>", f"<w:tr>{tr_head}{''.join(sub)}</w:tr>"]
    else:
        cells = [_tc(lab["no"], fixed[0], bold=True, shade=head_shade, jc="center"),
                 _tc(lab["pegawai"], fixed[1], bold=True, shade=head_shade, jc="center"),
                 _tc(lab["jabatan"], fixed[2], bold=True, shade=head_shade, jc="center")]
        cells += [_tc(f"{c.key}: {c.title}", col_w, bold=True, shade=head_shade) for c in matrix.columns]
        header_rows = [f"<w:tr>{tr_head}{''.join(cells)}</w:tr>"]
    body: list[str] = []
    for n, row in enumerate(matrix.rows, 1):
        shade = "F2F2F2" if row.group else None
        indent = 240 * (row.level - 1)
        cells = [_tc(str(n), fixed[0], shade=shade, jc="center"),
                 _tc(_who(row), fixed[1], bold=row.group, shade=shade, indent=indent),
                 _tc(row.jabatan + (f"\n({row.note})" if row.note else ""), fixed[2], shade=shade, indent=indent)]
        cells += [_tc(text, col_w * span, span, shade=shade) for text, span in _row_cells(matrix, row)]
        body.append(f'<w:tr><w:trPr><w:cantSplit/></w:trPr>{"".join(cells)}</w:tr>')
    borders = "".join(f'<w:{b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                      for b in ("top", "left", "bottom", "right", "insideH", "insideV"))
    table = (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
             f'<w:tblBorders>{borders}</w:tblBorders><w:tblCellMar><w:left w:w="57" w:type="dxa"/>'
             f'<w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
             + "".join(header_rows) + "".join(body) + "</w:tbl>")
    head = (_p(lab["title"], bold=True, jc="center", size=24)
            + _p(f"{lab['unit']}: {matrix.unit_nama} — {matrix.instansi}", jc="center")
            + _p(f"{lab['tahun']}: {matrix.tahun}", jc="center")
            + _p(f"{lab['pimpinan']}: {matrix.leader_nama} (NIP {matrix.leader_nip})"
                 + (f", {matrix.leader_jabatan}" if matrix.leader_jabatan else ""))
            + _p(lab["iki_pimpinan"] if iki else lab["rhk_pimpinan"]) + _p(""))
    sect = (f'<w:sectPr><w:footerReference w:type="default" r:id="rId2"/>'
            f'<w:pgSz w:w="{_PAGE_W}" w:h="{_PAGE_H}" w:orient="landscape"/>'
            f'<w:pgMar w:top="{_MARGIN}" w:right="{_MARGIN}" w:bottom="{_MARGIN}" w:left="{_MARGIN}" '
            'w:header="360" w:footer="360" w:gutter="0"/></w:sectPr>')
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:document xmlns:w="{_W}" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                f"<w:body>{head}{table}{_p('')}{sect}</w:body></w:document>")
    parts = [("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _RELS),
             ("docProps/core.xml", _core(lab["title"], matrix.tahun)),
             ("word/document.xml", document), ("word/_rels/document.xml.rels", _DOC_RELS),
             ("word/styles.xml", _STYLES), ("word/footer1.xml", _FOOTER.replace("{page}", ut("matriks.page", lang)))]
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    members = []
    for name, text in parts:
        data = text.encode("utf-8")
        etree.fromstring(data, parser)  # every part re-parsed strictly before it is written
        members.append(deflate_member(name, data))
    return build_zip(members)


# XLSX --------------------------------------------------------------------------------------------

def matrix_xlsx(matrix: Matrix, lang: str = "id") -> bytes:
    """The MPH as an .xlsx (frozen header, wrapped text, merged RHK cells over their IKI)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    from skpgen.year.dashboard import normalise_xlsx

    lab = _labels(lang)
    stamp = dt.datetime(matrix.tahun, 1, 1, 0, 0, 0)
    wb = Workbook()
    wb.properties.creator = "skpgen"
    wb.properties.lastModifiedBy = "skpgen"
    wb.properties.title = lab["title"]
    wb.properties.created = stamp
    wb.properties.modified = stamp
    ws = wb.active
    ws.title = "MPH"
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    head_fill = PatternFill("solid", fgColor="D9E2F3")
    group_fill = PatternFill("solid", fgColor="F2F2F2")
    bold = Font(bold=True)
    ws.append([lab["title"]])
    ws["A1"].font = Font(bold=True, size=12)
    ws.append([f"{lab['unit']}: {matrix.unit_nama} — {matrix.instansi}"])
    ws.append([f"{lab['tahun']}: {matrix.tahun}"])
    ws.append([f"{lab['pimpinan']}: {matrix.leader_nama} (NIP {matrix.leader_nip})"
               + (f", {matrix.leader_jabatan}" if matrix.leader_jabatan else "")])
    iki = matrix.kolom == "iki" and any(c.iki is not None for c in matrix.columns)
    first = 6
    heads = [lab["no"], lab["pegawai"], "NIP", lab["jabatan"]]
    n_fixed = len(heads)
    ws.append([])
    ws.append(heads + [f"{c.rhk}: {c.title}" if iki else f"{c.key}: {c.title}" for c in matrix.columns])
    header_rows = 1
    if iki:
        ws.append([""] * n_fixed + [f"{c.key}: {c.subtitle}" if c.iki is not None else "" for c in matrix.columns])
        header_rows = 2
        col = n_fixed + 1
        for rid in matrix.rhk_ids():
            span = len(matrix.span(rid))
            if span > 1:
                ws.merge_cells(start_row=first, start_column=col, end_row=first, end_column=col + span - 1)
            col += span
        for c in range(1, n_fixed + 1):
            ws.merge_cells(start_row=first, start_column=c, end_row=first + 1, end_column=c)
    for r in range(first, first + header_rows):
        for c in range(1, n_fixed + len(matrix.columns) + 1):
            cell = ws.cell(row=r, column=c)
            cell.font, cell.fill, cell.border, cell.alignment = bold, head_fill, border, wrap
    r = first + header_rows
    for n, row in enumerate(matrix.rows, 1):
        values: list[object] = [n, ("  " * (row.level - 1)) + row.nama, row.nip,
                                row.jabatan + (f" ({row.note})" if row.note else "")]
        col = n_fixed + 1
        merges: list[tuple[int, int]] = []
        for text, span in _row_cells(matrix, row):
            values.append(text)
            values.extend([""] * (span - 1))
            if span > 1:
                merges.append((col, col + span - 1))
            col += span
        ws.append(values)
        for a, b in merges:
            ws.merge_cells(start_row=r, start_column=a, end_row=r, end_column=b)
        for c in range(1, n_fixed + len(matrix.columns) + 1):
            cell = ws.cell(row=r, column=c)
            cell.border, cell.alignment = border, wrap
            if row.group:
                cell.fill = group_fill
                if c == 2:
                    cell.font = bold
        r += 1
    for c, w in enumerate([5, 32, 21, 30] + [42] * len(matrix.columns), 1):
        ws.column_dimensions[get_column_letter(c)].width = w
    ws.freeze_panes = ws.cell(row=first + header_rows, column=n_fixed + 1)
    ws.print_title_rows = f"{first}:{first + header_rows - 1}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    buf = io.BytesIO()
    wb.save(buf)
    return normalise_xlsx(buf.getvalue(), stamp)


__all__ = ["Column", "Matrix", "Row", "build_matrix", "matrix_docx", "matrix_xlsx", "write_matrix"]
