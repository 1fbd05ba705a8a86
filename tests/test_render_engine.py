"""Tests of the DOCX template engine (skpgen.render.engine) on small templates built here."""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from skpgen.render import filters
from skpgen.render.engine import (
    CoreProperties,
    RenderError,
    Template,
    TemplateError,
)
from skpgen.render.check import check_template

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _save(d: docx.document.Document, path: Path | None = None) -> bytes:
    buf = io.BytesIO()
    d.save(buf)
    data = buf.getvalue()
    if path is not None:
        path.write_bytes(data)
    return data


def _open(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def _texts(data: bytes) -> list[str]:
    return [p.text for p in _open(data).paragraphs]


def _split_runs_doc(*pieces: tuple[str, dict]) -> docx.document.Document:
    d = docx.Document()
    p = d.add_paragraph()
    for text, fmt in pieces:
        r = p.add_run(text)
        for k, v in fmt.items():
            setattr(r, k, v)
    return d


# ---------------------------------------------------------------- values and run normalisation


def test_tag_split_over_three_runs_with_mixed_formatting_renders(tmp_path: Path) -> None:
    d = _split_runs_doc(("Nama: {{ peg", {}), ("awai.na", {"bold": True}), ("ma }}.", {"italic": True}))
    _save(d, tmp_path / "t.docx")
    tpl = Template.from_path(tmp_path / "t.docx")
    out = tpl.render({"pegawai": {"nama": "Siti Aminah"}})
    assert _texts(out) == ["Nama: Siti Aminah."]
    # the tag took the formatting of its first run (not bold), the trailing "." stays italic
    runs = _open(out).paragraphs[0].runs
    assert [(r.text, bool(r.bold), bool(r.italic)) for r in runs] == [
        ("Nama: Siti Aminah", False, False),
        (".", False, True),
    ]
    assert [i.id for i in tpl.issues] == ["template/split-tag"]


def test_word_noise_between_runs_is_merged_without_warning() -> None:
    d = docx.Document()
    p = d.add_paragraph()
    r1 = p.add_run("{{ peg")
    r2 = p.add_run("awai.nama }}")
    # what Word writes: rsid attributes, a proofErr between the runs, a language on one run
    r1._r.set(qn("w:rsidR"), "00A1B2C3")
    r2._r.set(qn("w:rsidRPr"), "00D4E5F6")
    proof = etree.SubElement(p._p, qn("w:proofErr"))
    proof.set(qn("w:type"), "spellStart")
    p._p.remove(proof)
    r2._r.addprevious(proof)
    lang = etree.SubElement(r2._r.get_or_add_rPr(), qn("w:lang"))
    lang.set(qn("w:val"), "en-US")
    tpl = Template(_save(d))
    assert tpl.issues == []
    out = tpl.render({"pegawai": {"nama": "Budi"}})
    assert _texts(out) == ["Budi"]
    assert len(_open(out).paragraphs[0].runs) == 1


def test_xml_metacharacters_and_emoji_are_escaped_and_document_reopens() -> None:
    d = docx.Document()
    d.add_paragraph("[{{ v }}]")
    value = "A & B <w:t> \"kutip\" 'apos' 😀 ]]>"
    out = Template(_save(d)).render({"v": value})
    assert _texts(out) == [f"[{value}]"]
    xml = zipfile.ZipFile(io.BytesIO(out)).read("word/document.xml").decode("utf-8")
    assert "A &amp; B &lt;w:t&gt; &quot;kutip&quot; &apos;apos&apos; 😀 ]]&gt;" in xml


def test_newline_and_tab_become_break_and_tab() -> None:
    d = docx.Document()
    d.add_paragraph("{{ v }}")
    out = Template(_save(d)).render({"v": "baris 1\nbaris 2\r\nbaris 3\tkolom"})
    p = _open(out).paragraphs[0]._p
    assert len(p.findall(f".//{W}br")) == 2
    assert len(p.findall(f".//{W}tab")) == 1
    assert _texts(out) == ["baris 1\nbaris 2\nbaris 3\tkolom"]


def test_forbidden_control_character_is_refused_with_located_error() -> None:
    d = docx.Document()
    d.add_paragraph("Nama: {{ pegawai.nama }}")
    tpl = Template(_save(d))
    with pytest.raises(RenderError) as ei:
        tpl.render({"pegawai": {"nama": "Bu\x01di"}})
    err = ei.value
    assert err.id == "render/invalid-xml-char"
    assert err.tag == "{{ pegawai.nama }}"
    assert err.part == "word/document.xml"
    assert "U+0001" in str(err)
    assert "Nama: {{ pegawai.nama }}" in str(err)


def test_undefined_variable_is_a_clear_error() -> None:
    d = docx.Document()
    d.add_paragraph("intro")
    d.add_paragraph("Unit: {{ pegawai.unit_kerja }}")
    tpl = Template(_save(d))
    with pytest.raises(RenderError) as ei:
        tpl.render({"pegawai": {"nama": "X"}})
    assert ei.value.id == "render/undefined-variable"
    assert "unit_kerja" in str(ei.value)
    assert ei.value.tag == "{{ pegawai.unit_kerja }}"
    with pytest.raises(RenderError, match="'pegawai' is undefined"):
        tpl.render({})


# ---------------------------------------------------------------- blocks


def test_paragraph_loop() -> None:
    d = docx.Document()
    d.add_paragraph("Kegiatan:")
    d.add_paragraph("{%p for k in kegiatan %}")
    d.add_paragraph("{{ loop.index }}. {{ k.uraian }}")
    d.add_paragraph("{%p endfor %}")
    d.add_paragraph("Selesai")
    tpl = Template(_save(d))
    out = tpl.render({"kegiatan": [{"uraian": "Menyusun laporan"}, {"uraian": "Rapat"}]})
    assert _texts(out) == ["Kegiatan:", "1. Menyusun laporan", "2. Rapat", "Selesai"]
    assert _texts(tpl.render({"kegiatan": []})) == ["Kegiatan:", "Selesai"]


def test_paragraph_if_elif_else() -> None:
    d = docx.Document()
    d.add_paragraph("{%p if n > 90 %}")
    d.add_paragraph("Sangat Baik")
    d.add_paragraph("{%p elif n > 75 %}")
    d.add_paragraph("Baik")
    d.add_paragraph("{%p else %}")
    d.add_paragraph("Cukup")
    d.add_paragraph("{%p endif %}")
    tpl = Template(_save(d))
    assert _texts(tpl.render({"n": 95})) == ["Sangat Baik"]
    assert _texts(tpl.render({"n": 80})) == ["Baik"]
    assert _texts(tpl.render({"n": 10})) == ["Cukup"]


def test_inline_if_within_a_paragraph() -> None:
    d = docx.Document()
    d.add_paragraph("Biaya: {% if biaya %}{{ biaya | rupiah }}{% else %}-{% endif %}")
    tpl = Template(_save(d))
    assert _texts(tpl.render({"biaya": 2000000})) == ["Biaya: Rp 2.000.000"]
    assert _texts(tpl.render({"biaya": None})) == ["Biaya: -"]


def _row_loop_doc() -> docx.document.Document:
    d = docx.Document()
    t = d.add_table(rows=4, cols=3)
    for c, h in enumerate(["NO", "KEGIATAN", "TARGET"]):
        t.cell(0, c).text = h
    t.cell(1, 0).text = "{%tr for k in kegiatan %}"
    t.cell(2, 0).text = "{{ loop.index }}"
    t.cell(2, 1).text = "{{ k.uraian }}"
    t.cell(2, 2).text = "{{ k.target | angka(0) }} {{ k.satuan }}"
    t.cell(3, 0).text = "{%tr endfor %}"
    d.add_paragraph("akhir")
    return d


def test_table_row_loop_with_60_rows() -> None:
    tpl = Template(_save(_row_loop_doc()))
    kegiatan = [{"uraian": f"Kegiatan {i}", "target": 1000 * i, "satuan": "Dokumen"} for i in range(1, 61)]
    out = tpl.render({"kegiatan": kegiatan})
    rows = _open(out).tables[0].rows
    assert len(rows) == 61
    assert [c.text for c in rows[0].cells] == ["NO", "KEGIATAN", "TARGET"]
    assert [c.text for c in rows[1].cells] == ["1", "Kegiatan 1", "1.000 Dokumen"]
    assert [c.text for c in rows[60].cells] == ["60", "Kegiatan 60", "60.000 Dokumen"]


def test_loop_that_empties_table_and_cell_keeps_document_valid() -> None:
    d = docx.Document()
    t = d.add_table(rows=3, cols=1)
    t.cell(0, 0).text = "{%tr for k in xs %}"
    t.cell(1, 0).text = "{{ k }}"
    t.cell(2, 0).text = "{%tr endfor %}"
    t2 = d.add_table(rows=1, cols=1)
    cell = t2.cell(0, 0)
    cell.text = "{%p for k in xs %}"
    cell.add_paragraph("{{ k }}")
    cell.add_paragraph("{%p endfor %}")
    out = Template(_save(d)).render({"xs": []})
    doc = _open(out)
    assert len(doc.tables) == 1  # the table whose rows all came from the loop is dropped
    assert [p.text for p in doc.tables[0].cell(0, 0).paragraphs] == [""]  # the cell got a paragraph


def test_headers_and_footers_are_rendered() -> None:
    d = docx.Document()
    d.add_paragraph("isi")
    d.sections[0].header.paragraphs[0].text = "SKP {{ tahun }}"
    d.sections[0].footer.paragraphs[0].text = "NIP {{ nip }}"
    out = Template(_save(d)).render({"tahun": 2025, "nip": "198501012010011001"})
    doc = _open(out)
    assert doc.sections[0].header.paragraphs[0].text == "SKP 2025"
    assert doc.sections[0].footer.paragraphs[0].text == "NIP 198501012010011001"


# ---------------------------------------------------------------- sandbox


@pytest.mark.parametrize(
    "expr",
    ["''.__class__", "''.__class__.__mro__", "kegiatan.__class__.__mro__[1].__subclasses__()", "cycler.__init__.__globals__"],
)
def test_sandbox_refuses_dunder_access(expr: str) -> None:
    d = docx.Document()
    d.add_paragraph("{{ " + expr + " }}")
    tpl = Template(_save(d))
    with pytest.raises(RenderError) as ei:
        tpl.render({"kegiatan": []})
    assert ei.value.id in {"render/security", "render/undefined-variable"}
    assert "unsafe" in str(ei.value)


def test_sandbox_refuses_huge_range() -> None:
    d = docx.Document()
    d.add_paragraph("{% for i in range(10**9) %}x{% endfor %}")
    with pytest.raises(RenderError) as ei:
        Template(_save(d)).render({})
    assert ei.value.id == "render/range-too-large"


def test_output_size_is_capped() -> None:
    d = docx.Document()
    d.add_paragraph("{% for i in range(90000) %}{{ s }}{% endfor %}")
    tpl = Template(_save(d), max_output=1_000_000)
    with pytest.raises(RenderError) as ei:
        tpl.render({"s": "x" * 100})
    assert ei.value.id == "render/output-too-large"


@pytest.mark.parametrize("text", ["{{ x | attr('format') }}", "{{ x | safe }}", "{{ x | format(1) }}"])
def test_filters_outside_the_allow_list_are_refused_at_load(text: str) -> None:
    d = docx.Document()
    d.add_paragraph(text)
    with pytest.raises(TemplateError) as ei:
        Template(_save(d))
    assert ei.value.issues[0].id == "template/syntax-error"
    assert "No filter named" in ei.value.issues[0].message


# ---------------------------------------------------------------- determinism and writing


def test_render_twice_is_byte_identical(tmp_path: Path) -> None:
    data = _save(_row_loop_doc())
    ctx = {"kegiatan": [{"uraian": "A & B", "target": 12, "satuan": "Laporan"}]}
    core = CoreProperties(title="SKP 2025", creator="Siti", created="2025-01-02", modified="2025-01-02T08:00:00")
    a = Template(data).render(ctx, core=core)
    tpl = Template(data)
    b = tpl.render(ctx, core=core)
    c = tpl.render(ctx, core=core)
    assert hashlib.sha256(a).hexdigest() == hashlib.sha256(b).hexdigest() == hashlib.sha256(c).hexdigest()
    zf = zipfile.ZipFile(io.BytesIO(a))
    assert zf.testzip() is None
    assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert zf.namelist() == zipfile.ZipFile(io.BytesIO(data)).namelist()
    props = _open(a).core_properties
    assert (props.title, props.author, props.last_modified_by, props.revision) == ("SKP 2025", "Siti", "Siti", 1)
    assert props.created.isoformat() == "2025-01-02T00:00:00+00:00"
    assert props.modified.isoformat() == "2025-01-02T08:00:00+00:00"


def test_render_to_is_atomic_when_replace_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    d = docx.Document()
    d.add_paragraph("{{ v }}")
    tpl = Template(_save(d))
    target = tmp_path / "out.docx"
    target.write_bytes(b"old content")

    def boom(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        tpl.render_to(target, {"v": "baru"})
    assert target.read_bytes() == b"old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.docx"]
    monkeypatch.undo()
    tpl.render_to(target, {"v": "baru"})
    assert _texts(target.read_bytes()) == ["baru"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.docx"]


def test_failed_render_writes_nothing(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("{{ v }}")
    tpl = Template(_save(d))
    with pytest.raises(RenderError):
        tpl.render_to(tmp_path / "out.docx", {"v": "\x0c"})
    assert list(tmp_path.iterdir()) == []


def test_not_a_docx_is_a_template_error(tmp_path: Path) -> None:
    bad = tmp_path / "x.docx"
    bad.write_bytes(b"plain text")
    with pytest.raises(TemplateError) as ei:
        Template.from_path(bad)
    assert ei.value.issues[0].id == "template/not-docx"


# ---------------------------------------------------------------- check_template


def test_check_template_reports_split_tag_smart_quotes_and_unbalanced_block(tmp_path: Path) -> None:
    d = _split_runs_doc(("Nama {{ pegawai.", {}), ("nama }}", {"bold": True}))
    d.add_paragraph("{{ x | default(\u201c-\u201d) }}")
    d.add_paragraph("{%p for k in kegiatan %}")
    d.add_paragraph("{{ k.uraian }}")
    path = tmp_path / "t.docx"
    _save(d, path)
    issues = check_template(path)
    ids = [i.id for i in issues]
    assert "template/split-tag" in ids
    assert "template/smart-quote" in ids
    assert "template/unbalanced-block" in ids
    unbalanced = next(i for i in issues if i.id == "template/unbalanced-block")
    assert unbalanced.part == "word/document.xml"
    assert unbalanced.paragraph == "{%p for k in kegiatan %}"
    split = next(i for i in issues if i.id == "template/split-tag")
    assert split.paragraph == "Nama {{ pegawai.nama }}"


def test_smart_quotes_inside_tags_are_straightened_when_rendering() -> None:
    d = docx.Document()
    d.add_paragraph("{{ x | default(\u201ckosong\u201d) }} {{ \u2018a\u2019 }}")
    assert _texts(Template(_save(d)).render({})) == ["kosong a"]


def test_check_template_reports_misplaced_tr_and_crossing_blocks(tmp_path: Path) -> None:
    d = docx.Document()
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 1).text = "{%tr for k in xs %}"
    t.cell(1, 0).text = "{%tr endfor %}"
    d.add_paragraph("{% if a %} awal")
    d.add_paragraph("akhir {% endif %}")
    path = tmp_path / "t.docx"
    _save(d, path)
    ids = [i.id for i in check_template(path)]
    assert "template/tr-position" in ids
    assert "template/block-crosses-boundary" in ids
    with pytest.raises(TemplateError):
        Template.from_path(path)


def test_check_template_reports_jinja_syntax_error_with_its_paragraph(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("baik")
    d.add_paragraph("Nilai: {{ nilai + }}")
    path = tmp_path / "t.docx"
    _save(d, path)
    issues = check_template(path)
    assert [(i.id, i.paragraph, i.tag) for i in issues] == [
        ("template/syntax-error", "Nilai: {{ nilai + }}", "{{ nilai + }}")
    ]


# ---------------------------------------------------------------- filters


def test_indonesian_filters() -> None:
    assert filters.tanggal("2025-01-15") == "15 Januari 2025"
    assert filters.tanggal("2025-08-17", True) == "Minggu, 17 Agustus 2025"
    assert filters.angka(1234.5) == "1.234,50"
    assert filters.angka(1234567.891, 1) == "1.234.567,9"
    assert filters.angka(-1234.5, 0) == "-1.235"
    assert filters.angka(0.125) == "0,13"  # half-up, not banker's rounding
    assert filters.rupiah(2000000) == "Rp 2.000.000"
    assert filters.rupiah(-1500) == "-Rp 1.500"
    assert filters.nilai(2.675) == "2,68"
    assert filters.nilai("85.555") == "85,56"
    assert filters.persen(85.5) == "85,50%"
    assert filters.default_dash(None) == "-"
    assert filters.default_dash("  ") == "-"
    assert filters.default_dash(0) == 0
    assert filters.angka(None) == ""
    with pytest.raises(filters.FilterError):
        filters.tanggal("15/01/2025")
    with pytest.raises(filters.FilterError):
        filters.angka("abc")


def test_filter_error_is_a_render_error() -> None:
    d = docx.Document()
    d.add_paragraph("{{ t | tanggal }}")
    with pytest.raises(RenderError) as ei:
        Template(_save(d)).render({"t": "kemarin"})
    assert ei.value.id == "render/filter-error"
    assert ei.value.tag == "{{ t | tanggal }}"


def test_check_template_reports_data_paths_the_schema_does_not_define(tmp_path: Path) -> None:
    schema = {
        "type": "object",
        "properties": {
            "pegawai": {"$ref": "#/definitions/orang"},
            "kegiatan": {"type": "array", "items": {"$ref": "#/definitions/kegiatan"}},
        },
        "definitions": {
            "orang": {"type": "object", "properties": {"nama": {"type": "string"}, "nip": {"type": "string"}}},
            "kegiatan": {
                "type": "object",
                "allOf": [{"properties": {"uraian": {"type": "string"}}}],
                "properties": {"target": {"type": "object", "properties": {"kuantitas": {"type": "number"}}}},
            },
        },
    }
    schema_path = tmp_path / "skp.schema.json"
    schema_path.write_text(__import__("json").dumps(schema), encoding="utf-8")
    d = docx.Document()
    d.add_paragraph("{{ pegawai.nama }} {{ pegawai.nma }} {{ skor.nilai_skp }} {{ lain }}")
    t = d.add_table(rows=3, cols=2)
    t.cell(0, 0).text = "{%tr for k in kegiatan %}"
    t.cell(1, 0).text = "{{ k.uraian }} {{ loop.index }}"
    t.cell(1, 1).text = "{{ k.target.kuantitas | angka }} {{ k.target.kualitas }}"
    t.cell(2, 0).text = "{%tr endfor %}"
    d.add_paragraph("{% if pegawai.gelar is defined %}{{ pegawai.gelar }}{% endif %}")
    path = tmp_path / "t.docx"
    _save(d, path)
    issues = check_template(path, schema_path=schema_path, allowed_names={"skor"})
    assert [(i.id, i.message) for i in issues] == [
        ("template/unknown-path", "data path 'pegawai.nma' is not defined by the schema"),
        ("template/unknown-path", "data path 'lain' is not defined by the schema"),
        ("template/unknown-path", "data path 'kegiatan[].target.kualitas' is not defined by the schema"),
        ("template/unknown-path", "data path 'pegawai.gelar' is not defined by the schema"),
    ]
    assert issues[2].tag == "{{ k.target.kualitas }}"
    assert issues[2].paragraph == "{{ k.target.kuantitas | angka }} {{ k.target.kualitas }}"


def test_rendered_part_is_reparsed_strictly_and_structure_enforced() -> None:
    from skpgen.render.engine import _validate_part

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    with pytest.raises(RenderError) as ei:
        _validate_part("word/document.xml", f"<w:document {ns}><w:body><w:p></w:body></w:document>".encode())
    assert ei.value.id == "render/invalid-xml"
    with pytest.raises(RenderError) as ei:
        _validate_part("word/document.xml", f"<w:document {ns}><w:body><w:tbl><w:tr/></w:tbl></w:body></w:document>".encode())
    assert ei.value.id == "render/invalid-structure"
    fixed = _validate_part(
        "word/document.xml",
        f"<w:document {ns}><w:body><w:tbl><w:tr><w:tc><w:tcPr/></w:tc></w:tr></w:tbl><w:tbl/></w:body></w:document>".encode(),
    )
    root = etree.fromstring(fixed)
    assert len(root.findall(f".//{W}tbl")) == 1
    assert [c.tag for c in root.find(f".//{W}tc")] == [f"{W}tcPr", f"{W}p"]
