"""The built-in forms: golden text snapshots, official headings and figures, layout invariants,
the appendix, determinism, atomic writes, adversarial input, user templates and the sandbox.

Golden snapshots live in tests/golden/<example>__<form>.txt (document.xml normalised to text lines
and table structure). Regenerate them after an intended change with
``SKPGEN_UPDATE_GOLDEN=1 python -m pytest tests/test_render_forms.py``.
"""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from lxml import etree

from skpgen.render.batch import Options, output_name, render_plan
from skpgen.pipeline import load_and_validate
from skpgen.render import chart
from skpgen.render.context import CONTEXT_NAMES, build_context, with_form
from skpgen.render.check import check_template
from skpgen.render.engine import RenderError, Template
from skpgen.render.forms import all_forms, forms_for, load_template
from skpgen.scoring import explain, score_plan

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
UPDATE = bool(os.environ.get("SKPGEN_UPDATE_GOLDEN"))


# ------------------------------------------------------------------------------------ helpers

def load_plan(path: Path) -> dict[str, Any]:
    doc, findings, failed = load_and_validate(path, str(path), "id")
    assert not failed and not [f for f in findings if f.severity == "error"], findings
    return doc.data


def render_form(plan: dict[str, Any], form_name: str) -> bytes:
    form = all_forms()[form_name]
    ctx = build_context(plan, score_plan(plan))
    return load_template(form.path).render(with_form(ctx, form.name, form.title))


def part_xml(data: bytes, name: str = "word/document.xml") -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return etree.fromstring(zf.read(name))


def _para_text(p: etree._Element) -> str:
    out = []
    for el in p.iter(W + "t", W + "br", W + "tab", W + "instrText"):
        if el.tag == W + "t":
            out.append(el.text or "")
        elif el.tag == W + "br":
            out.append("\n")
        elif el.tag == W + "tab":
            if el.getparent().tag == W + "r":   # not the tab stops of w:pPr/w:tabs
                out.append("\t")
        else:
            out.append("{" + (el.text or "").strip() + "}")
    return "".join(out)


def normalise(data: bytes) -> str:
    """document.xml (and footer) as text: paragraphs as lines, tables as rows of cells with
    their structure (column widths, header rows, spans, vertical merges)."""
    root = part_xml(data)
    body = root.find(W + "body")
    lines: list[str] = []

    def cell_text(tc: etree._Element) -> str:
        texts = [_para_text(p) for p in tc.findall(W + "p")]
        text = " / ".join(t for t in texts if t.strip()).replace("\n", " / ")
        pr = tc.find(W + "tcPr")
        marks = ""
        if pr is not None:
            gs = pr.find(W + "gridSpan")
            if gs is not None:
                marks += f"<span={gs.get(W + 'val')}>"
            vm = pr.find(W + "vMerge")
            if vm is not None:
                marks += "<vm-restart>" if vm.get(W + "val") == "restart" else "<vm>"
        return marks + text

    for el in body:
        if el.tag == W + "p":
            text = _para_text(el)
            if el.find(f".//{W}br[@{W}type='page']") is not None:
                lines.append("---- page break ----")
            if text.strip():
                lines.append(text)
            lines.extend(chart_lines(data, el))
        elif el.tag == W + "tbl":
            widths = [g.get(W + "w") for g in el.find(W + "tblGrid")]
            lines.append(f"TABLE widths={','.join(widths)}")
            for tr in el.findall(W + "tr"):
                head = "H" if tr.find(f"{W}trPr/{W}tblHeader") is not None else " "
                lines.append(f"{head}| " + " | ".join(cell_text(tc) for tc in tr.findall(W + "tc")) + " |")
            lines.append("END TABLE")
    footer_names = []
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        footer_names = sorted(n for n in zf.namelist() if n.startswith("word/footer"))
    for name in footer_names:
        for p in part_xml(data, name).iter(W + "p"):
            text = _para_text(p)
            if text.strip():
                lines.append(f"FOOTER: {text}")
    return "\n".join(lines) + "\n"


C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def chart_of(data: bytes, rid: str) -> tuple[str, etree._Element]:
    """The chart part (name, root) a document relationship id points to."""
    rels = part_xml(data, "word/_rels/document.xml.rels")
    target = next(r.get("Target") for r in rels if r.get("Id") == rid)
    name = "word/" + target
    return name, part_xml(data, name)


def chart_lines(data: bytes, p: etree._Element) -> list[str]:
    """A native chart in paragraph ``p`` as text: slot name, size, title, and per series the
    cached categories and values."""
    out = []
    for inline in p.iter(WP + "inline"):
        ref = inline.find(f".//{C}chart")
        if ref is None:
            continue
        ext = inline.find(WP + "extent")
        name, root = chart_of(data, ref.get(R_ID))
        title = "".join(t.text or "" for t in root.iterfind(f"{C}chart/{C}title//{{*}}t"))
        out.append(f"CHART {inline.find(WP + 'docPr').get('name')} {ext.get('cx')}x{ext.get('cy')} {name}: {title}")
        for ser in root.iter(C + "ser"):
            cats = [v.text for v in ser.iterfind(f"{C}cat//{C}pt/{C}v")]
            vals = {pt.get("idx"): pt.find(C + "v").text for pt in ser.iterfind(f"{C}val//{C}pt")}
            colours = {d.find(C + "idx").get("val"): d.find(".//{*}srgbClr").get("val") for d in ser.iterfind(C + "dPt")}
            base = ser.find(f"{C}spPr//{{*}}srgbClr").get("val")
            series = "".join(v.text or "" for v in ser.iterfind(f"{C}tx//{C}v"))
            points = ", ".join(f"{c}={vals.get(str(i), '')}#{colours.get(str(i), base)}" for i, c in enumerate(cats))
            out.append(f"  SERIES {series}: {points}")
    return out


def example_forms() -> list[tuple[str, str]]:
    out = []
    for path in sorted(EXAMPLES.glob("*.skp.yaml")):
        plan = load_plan(path)
        for form in forms_for(plan, score_plan(plan)):
            out.append((path.name, form.name))
    return out


EXAMPLE_FORMS = example_forms()


# ------------------------------------------------------------------------------------ golden

@pytest.mark.parametrize(("example", "form"), EXAMPLE_FORMS, ids=[f"{e.split('.')[0]}-{f}" for e, f in EXAMPLE_FORMS])
def test_golden_snapshot(example: str, form: str) -> None:
    text = normalise(render_form(load_plan(EXAMPLES / example), form))
    check_golden(GOLDEN / f"{example.split('.')[0]}__{form}.txt", text)


def check_golden(golden: Path, text: str) -> None:
    """``text`` equals the snapshot ``golden`` (written instead with SKPGEN_UPDATE_GOLDEN=1)."""
    if UPDATE or not golden.exists():
        if not UPDATE:
            pytest.fail(f"missing golden file {golden}; run with SKPGEN_UPDATE_GOLDEN=1")
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_every_form_has_a_golden_snapshot_and_no_stale_ones() -> None:
    expected = {f"{e.split('.')[0]}__{f}.txt" for e, f in EXAMPLE_FORMS}
    assert {p.name for p in GOLDEN.glob("*.txt")} == expected
    assert {f for _, f in EXAMPLE_FORMS} == set(all_forms())  # every form is covered by an example


# ------------------------------------------------------------------------------------ registry

def test_form_registry_names_titles_and_regimes() -> None:
    forms = all_forms()
    assert list(forms) == ["formulir-skp", "penilaian-capaian", "penilaian-prestasi", "skp-2022", "evaluasi-2022",
                           "dokumen-evaluasi-2022"]
    assert forms["dokumen-evaluasi-2022"].title == "Dokumen Evaluasi Kinerja Pegawai"
    assert forms["evaluasi-2022"].per_periode and forms["dokumen-evaluasi-2022"].per_periode
    assert forms["formulir-skp"].title == "Formulir Sasaran Kerja Pegawai Negeri Sipil"
    assert forms["penilaian-capaian"].title == "Penilaian Capaian Sasaran Kerja Pegawai Negeri Sipil"
    assert forms["penilaian-prestasi"].title == "Penilaian Prestasi Kerja Pegawai Negeri Sipil"
    assert forms["skp-2022"].aturan == forms["evaluasi-2022"].aturan == "permenpanrb-6-2022"
    for form in forms.values():
        assert form.path.is_file(), form.path


@pytest.mark.parametrize(("example", "expected"), [
    ("analis-kebijakan-2025.skp.yaml", ["formulir-skp", "penilaian-capaian", "penilaian-prestasi"]),
    ("guru-2025.skp.yaml", ["formulir-skp"]),
    ("pranata-komputer-2024.skp.yaml", ["skp-2022", "evaluasi-2022", "dokumen-evaluasi-2022"]),
])
def test_which_forms_apply(example: str, expected: list[str]) -> None:
    plan = load_plan(EXAMPLES / example)
    assert [f.name for f in forms_for(plan, score_plan(plan))] == expected


def test_capaian_without_perilaku_and_evaluasi_only_with_entries() -> None:
    plan = load_plan(EXAMPLES / "analis-kebijakan-2025.skp.yaml")
    plan.pop("perilaku_kerja")
    assert [f.name for f in forms_for(plan, score_plan(plan))] == ["formulir-skp", "penilaian-capaian"]
    plan6 = load_plan(EXAMPLES / "pranata-komputer-2024.skp.yaml")
    plan6["evaluasi"] = []
    assert [f.name for f in forms_for(plan6, score_plan(plan6))] == ["skp-2022"]


@pytest.mark.parametrize("name", list(all_forms()))
def test_builtin_templates_pass_template_check(name: str) -> None:
    issues = check_template(all_forms()[name].path, allowed_names=CONTEXT_NAMES)
    assert issues == []


# ------------------------------------------------------------------------------------ content

def _docx_all_text(data: bytes) -> str:
    return normalise(data)


def test_formulir_skp_headings_columns_and_signature() -> None:
    text = _docx_all_text(render_form(load_plan(EXAMPLES / "analis-kebijakan-2025.skp.yaml"), "formulir-skp"))
    assert "FORMULIR SASARAN KERJA\nPEGAWAI NEGERI SIPIL\n" in text
    assert "H| NO | <span=2>I. PEJABAT PENILAI | NO | <span=2>II. PEGAWAI NEGERI SIPIL YANG DINILAI |" in text
    assert "| 3 | Pangkat/Gol.Ruang | Pembina, IV/a | 3 | Pangkat/Gol.Ruang | Penata, III/c |" in text
    assert ("H| <vm-restart>NO | <vm-restart>III. KEGIATAN TUGAS JABATAN | <vm-restart>AK | <span=4>TARGET |" in text)
    assert "H| <vm> | <vm> | <vm> | KUANT/OUTPUT | KUAL/MUTU | WAKTU | BIAYA |" in text
    # K2: AK 0,08 per laporan × 12 laporan = 0,96
    assert "| 2 | Memverifikasi data usulan program perangkat daerah pada aplikasi e-Planning | 0,96 | 12 laporan | 100 | 12 bulan | - |" in text
    assert "* AK Bagi PNS yang memangku jabatan fungsional tertentu" in text
    assert "Kota Contoh, 10 Januari 2025" in text
    # the signature block is one row that may not split: a long table above moves it whole
    assert ("| Pejabat Penilai, / Dra. Sri Wahyuni, M.Si. / NIP 197104221996032003 |  | Kota Contoh, 10 Januari 2025 / "
            "Pegawai Negeri Sipil Yang Dinilai, / Ali Rahman, S.E., M.A.P. / NIP 198503122010011002 |") in text
    signature = part_xml(render_form(load_plan(EXAMPLES / "analis-kebijakan-2025.skp.yaml"), "formulir-skp")).findall(f".//{W}tbl")[2]
    assert [tr.find(f"{W}trPr/{W}cantSplit") is not None for tr in signature.findall(W + "tr")] == [True]
    assert "NIP 197104221996032003" in text and "NIP 198503122010011002" in text


def test_penilaian_capaian_columns_rows_and_final_value() -> None:
    text = _docx_all_text(render_form(load_plan(EXAMPLES / "analis-kebijakan-2025.skp.yaml"), "penilaian-capaian"))
    assert "PENILAIAN CAPAIAN SASARAN KERJA\nPEGAWAI NEGERI SIPIL\n" in text
    assert "Jangka Waktu Penilaian: 2 Januari 2025 s.d. 31 Desember 2025" in text
    assert "<span=4>TARGET | <vm-restart>AK | <span=4>REALISASI | <vm-restart>PENGHITUNGAN | <vm-restart>NILAI CAPAIAN SKP |" in text
    assert "H| " + " | ".join(str(i) for i in range(1, 15)) + " |" in text
    # K3: waktu 5 of 6 months → 92,67; (100 + 90 + 92,67) = 282,67; / 3 = 94,22
    assert ("| 3 | Menyusun kajian kebijakan bidang ketahanan pangan daerah | 3 | 2 naskah kajian | 100 | 6 bulan | - "
            "| 3 | 2 naskah kajian | 90 | 5 bulan | - | 282,67 | 94,22 |") in text
    assert "<span=14>II. TUGAS TAMBAHAN DAN KREATIVITAS/UNSUR PENUNJANG:" in text
    assert "| <span=12>a. Tugas Tambahan | 1 |" in text
    assert "| <span=12>b. Kreativitas | 6 |" in text
    assert "| <span=12>Menyusun infografis kebijakan baru untuk laman resmi instansi (tingkat: Organisasi) |" in text
    assert "| <span=12>Nilai Capaian SKP | <span=2>95,81 (Sangat Baik) |" in text
    assert "Kota Contoh, 31 Desember 2025" in text


def test_penilaian_prestasi_sections_and_weighting() -> None:
    text = _docx_all_text(render_form(load_plan(EXAMPLES / "analis-kebijakan-2025.skp.yaml"), "penilaian-prestasi"))
    for head in ("1 | <span=6>YANG DINILAI", "2 | <span=6>PEJABAT PENILAI", "3 | <span=6>ATASAN PEJABAT PENILAI",
                 "4 | <span=5>UNSUR YANG DINILAI | Jumlah",
                 "5 | KEBERATAN DARI PEGAWAI NEGERI SIPIL YANG DINILAI (APABILA ADA)",
                 "6 | TANGGAPAN PEJABAT PENILAI ATAS KEBERATAN", "7 | KEPUTUSAN ATASAN PEJABAT PENILAI ATAS KEBERATAN",
                 "8 | REKOMENDASI", "9. DIBUAT TANGGAL, 31 Desember 2025", "10. DITERIMA TANGGAL", "11. DITERIMA TANGGAL"):
        assert head in text, head
    assert "| c. | Pangkat, Golongan ruang, TMT | <span=4>Penata, III/c, TMT 1 April 2021 |" in text
    # SKP 95,81 × 60% = 57,49; perilaku (85+88+84+90+86)/5 = 86,60 × 40% = 34,64; NPK 92,13
    assert "| a. | Sasaran Kerja Pegawai (SKP) | 95,81 | x 60% |  | 57,49 |" in text
    assert "| 1. Orientasi Pelayanan | 85,00 | (Baik) |" in text
    assert "| 6. Kepemimpinan | - |" in text
    assert "| 7. Jumlah | 433,00 |" in text
    assert "| 9. Nilai Perilaku Kerja | 86,60 | x 40% | 34,64 |" in text
    assert "<span=6>NILAI PRESTASI KERJA | 92,13 / (Sangat Baik) |" in text


def test_skp_2022_sections_rhk_groups_and_lampiran() -> None:
    text = _docx_all_text(render_form(load_plan(EXAMPLES / "pranata-komputer-2024.skp.yaml"), "skp-2022"))
    assert "SASARAN KINERJA PEGAWAI\nPENDEKATAN HASIL KERJA KUANTITATIF\nBAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL" in text
    assert "PERIODE PENILAIAN: 1 JANUARI 2024 S.D. 31 DESEMBER 2024" in text
    assert "H| NO | <span=2>PEGAWAI YANG DINILAI | NO | <span=2>PEJABAT PENILAI KINERJA |" in text
    assert ("H| NO | RENCANA HASIL KERJA ATASAN YANG DIINTERVENSI | RENCANA HASIL KERJA | ASPEK "
            "| INDIKATOR KINERJA INDIVIDU | TARGET |") in text
    assert "| <span=6>A. UTAMA |" in text and "| <span=6>B. TAMBAHAN |" in text
    # one RHK with two IKI: the RHK cells merge vertically
    assert ("| <vm-restart>1 | <vm-restart>[rujukan RHK1 pada SKP NIP 197805232003121002; SKP atasan tidak ikut dicetak] "
            "| <vm-restart>Meningkatnya ketersediaan "
            "layanan aplikasi perangkat daerah | Kualitas | Persentase ketersediaan (uptime) aplikasi layanan publik | 99 persen |") in text
    assert "| <vm> | <vm> | <vm> | Kuantitas | Jumlah aplikasi yang dipantau dan dilaporkan setiap bulan | 12 aplikasi |" in text
    assert "H| NO | <span=2>PERILAKU KERJA | EKSPEKTASI KHUSUS PIMPINAN |" in text
    assert "| 1 | Berorientasi Pelayanan | - Memahami dan memenuhi kebutuhan masyarakat" in text
    assert "| Menanggapi tiket layanan pengguna paling lama 4 jam kerja |" in text
    assert "| 4 | Harmonis |" in text
    assert "LAMPIRAN SASARAN KINERJA PEGAWAI" in text
    for head, item in (("DUKUNGAN SUMBER DAYA", "Akses administrator ke pusat data pemerintah daerah"),
                       ("SKEMA PERTANGGUNGJAWABAN", "Laporan triwulanan penilaian kerentanan"),
                       ("KONSEKUENSI", "Predikat kinerja menjadi dasar pemberian tunjangan kinerja")):
        assert f"<span=2>{head} |" in text and f"| {item} |" in text


def test_evaluasi_2022_columns_ratings_and_predikat() -> None:
    text = _docx_all_text(render_form(load_plan(EXAMPLES / "pranata-komputer-2024.skp.yaml"), "evaluasi-2022"))
    assert "EVALUASI KINERJA PEGAWAI\nPENDEKATAN HASIL KERJA KUANTITATIF\nPERIODE: AKHIR" in text
    assert "CAPAIAN KINERJA ORGANISASI*: ISTIMEWA/ BAIK/ BUTUH PERBAIKAN/ KURANG/ SANGAT KURANG" in text
    assert ("H| NO | RENCANA HASIL KERJA | INDIKATOR KINERJA INDIVIDU | TARGET | ASPEK | REALISASI BERDASARKAN BUKTI "
            "DUKUNG | UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG |") in text
    assert "H| (1) | (2) | (3) | (4) | (5) | (6) | (7) |" in text
    assert "| 85 persen (capaian 94,44%) |" in text      # RHK3 IKI 2: 85 / 90 × 100
    assert "| 99,4 persen (capaian 100,40%) |" in text
    assert "RATING HASIL KERJA* | <span=2>SESUAI EKSPEKTASI |" in text
    assert "RATING PERILAKU KERJA* | DI ATAS EKSPEKTASI |" in text
    assert "PREDIKAT KINERJA PEGAWAI* | BAIK |" in text
    assert "| Triwulan II | 5 Juli 2024 | Di Atas Ekspektasi | Sesuai Ekspektasi | Baik |" in text
    assert "Kota Contoh, 10 Januari 2025" in text


@pytest.mark.parametrize(("example", "form"), EXAMPLE_FORMS, ids=[f"{e.split('.')[0]}-{f}" for e, f in EXAMPLE_FORMS])
def test_every_form_ends_with_the_appendix_of_explained_figures(example: str, form: str) -> None:
    plan = load_plan(EXAMPLES / example)
    score = score_plan(plan)
    text = _docx_all_text(render_form(plan, form))
    tail = text[text.index("LAMPIRAN PERHITUNGAN NILAI"):]
    assert "---- page break ----\nLAMPIRAN PERHITUNGAN NILAI" in text
    for line in explain(score, "id"):
        assert str(line) in tail, str(line)          # every figure, formula and substitution, verbatim
    assert "B. Aturan predikat" in tail and "C. Grafik" in tail
    if plan["aturan"] == "pp46-2011":
        assert "| ≥ 91 | Sangat Baik |" in tail and "| 76 – < 91 | Baik |" in tail and "| < 51 | Buruk |" in tail
    else:
        assert "| Di Bawah Ekspektasi | Sangat Kurang | Kurang/Misconduct | Kurang/Misconduct |" in tail


def test_chart_is_a_native_chart_with_the_scores() -> None:
    plan = load_plan(EXAMPLES / "analis-kebijakan-2025.skp.yaml")
    score = score_plan(plan)
    ctx = build_context(plan, score)
    rows = {r["id"]: r for r in ctx["grafik"]}
    assert list(rows) == [k.id for k in score.kegiatan]
    assert rows["K3"]["nilai"] == "94,22" and rows["K3"]["predikat"] == "Sangat Baik"
    assert rows["K4"]["predikat"] == "Baik" and rows["K4"]["baik"] is True
    data = render_form(plan, "penilaian-capaian")
    d = docx.Document(io.BytesIO(data))          # python-docx finds the chart part through the relationship
    charts = [r.target_part for r in d.part.rels.values() if r.reltype == chart.REL_CHART]
    assert len(charts) == 1 and charts[0].content_type == chart.CT_CHART
    root = etree.fromstring(charts[0].blob)
    cats = [v.text for v in root.iterfind(f".//{C}cat//{C}v")]
    vals = [v.text for v in root.iterfind(f".//{C}val//{C}v")]
    assert cats == ["K1", "K2", "K3", "K4", "K5", "K6", "T1", "C1"]
    assert vals[2] == "94.22" and vals[3] == "79.67"                 # rounded half-up as printed
    assert root.find(f".//{C}valAx/{C}scaling/{C}max").get("val") == "100"
    # per-point colour by predikat band: K3 (Sangat Baik) dark blue; the series colour is Baik's
    dpts = {d.find(C + "idx").get("val"): d.find(".//{*}srgbClr").get("val") for d in root.iter(C + "dPt")}
    assert dpts == {"2": chart.band_colour("Sangat Baik")}
    assert root.find(f".//{C}ser/{C}spPr//{{*}}srgbClr").get("val") == chart.band_colour("Baik")
    # the embedded workbook holds the same figures for Word's "Edit Data"
    import openpyxl

    rel = next(iter(charts[0].rels.values()))
    assert rel.reltype == chart.REL_PACKAGE and rel.target_part.content_type == chart.CT_XLSX
    ws = openpyxl.load_workbook(io.BytesIO(rel.target_part.blob))["Data"]
    values = list(ws.values)
    assert values[0] == ("", "Nilai capaian") and values[3] == ("K3", 94.22) and len(values) == 9
    assert root.find(f"{C}externalData").get(R_ID) == rel.rId
    text = _docx_all_text(data)
    assert "| K3 | Menyusun kajian kebijakan bidang ketahanan pangan daerah | 94,22 | Sangat Baik |" in text


def test_chart_without_realisation_says_so() -> None:
    plan = load_plan(EXAMPLES / "guru-2025.skp.yaml")
    data = render_form(plan, "formulir-skp")
    text = _docx_all_text(data)
    assert "Belum ada realisasi: grafik belum dapat dibuat." in text
    assert "CHART" not in normalise(data)              # the drawing paragraph is left out with the block


def test_chart_scale_max() -> None:
    assert chart.scale_max([Decimal("112"), Decimal("90")]) == 120
    assert chart.scale_max([Decimal("80")]) == 100
    assert chart.scale_max([Decimal("100.01")]) == 120


# ------------------------------------------------------------------------------------ layout

ORIENT = {"formulir-skp": "landscape", "penilaian-capaian": "landscape", "penilaian-prestasi": "portrait",
          "skp-2022": "landscape", "evaluasi-2022": "landscape", "dokumen-evaluasi-2022": "portrait"}


@pytest.mark.parametrize("name", list(all_forms()))
def test_layout_page_tables_widths_headers_and_page_numbers(name: str) -> None:
    data = all_forms()[name].path.read_bytes()
    root = part_xml(data)
    pgsz = root.find(f".//{W}sectPr/{W}pgSz")
    w, h = int(pgsz.get(W + "w")), int(pgsz.get(W + "h"))
    if ORIENT[name] == "landscape":
        assert (w, h) == (16838, 11906) and pgsz.get(W + "orient") == "landscape"
    else:
        assert (w, h) == (11906, 16838)
    tables = root.findall(f".//{W}tbl")
    assert len(tables) >= 4
    for tbl in tables:
        assert tbl.find(f"{W}tblPr/{W}tblLayout").get(W + "type") == "fixed"
        grid = [int(g.get(W + "w")) for g in tbl.find(W + "tblGrid")]
        assert all(x > 0 for x in grid)
        for tr in tbl.findall(W + "tr"):
            col = 0
            for tc in tr.findall(W + "tc"):
                pr = tc.find(W + "tcPr")
                span = int(pr.find(W + "gridSpan").get(W + "val")) if pr.find(W + "gridSpan") is not None else 1
                tcw = pr.find(W + "tcW")
                assert tcw.get(W + "type") == "dxa" and int(tcw.get(W + "w")) == sum(grid[col:col + span])
                col += span
            assert col == len(grid)
    assert any(tr.find(f"{W}trPr/{W}tblHeader") is not None for tbl in tables for tr in tbl.findall(W + "tr"))
    text = normalise(data)
    assert "FOOTER: {{ form.kaki }}\tHalaman {PAGE}1 dari {NUMPAGES}1" in text


def test_the_wide_tables_fit_the_page() -> None:
    for name, form in all_forms().items():
        root = part_xml(form.path.read_bytes())
        sect = root.find(f".//{W}sectPr")
        usable = (int(sect.find(W + "pgSz").get(W + "w")) - int(sect.find(W + "pgMar").get(W + "left"))
                  - int(sect.find(W + "pgMar").get(W + "right")))
        for tbl in root.iter(W + "tbl"):
            assert sum(int(g.get(W + "w")) for g in tbl.find(W + "tblGrid")) <= usable + 10, name


def test_templates_are_reproducible_from_build_script(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_templates", ROOT / "tools" / "build_templates.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    for path in mod.build(tmp_path):
        assert path.read_bytes() == (ROOT / "templates" / path.name).read_bytes(), f"{path.name}: run tools/build_templates.py"


# ------------------------------------------------------------------------------------ output files

def _opts(outdir: Path, **kw: Any) -> Options:
    return Options(str(outdir), **kw)


def test_render_twice_gives_identical_bytes_and_core_properties(tmp_path: Path) -> None:
    ex = EXAMPLES / "analis-kebijakan-2025.skp.yaml"
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    ra, rb = render_plan(str(ex), str(ex), _opts(a)), render_plan(str(ex), str(ex), _opts(b))
    assert ra.status == rb.status == "ok"
    names = sorted(Path(p).name for p in ra.written)
    assert names == ["2025_198503122010011002_formulir-skp.docx", "2025_198503122010011002_penilaian-capaian.docx",
                     "2025_198503122010011002_penilaian-prestasi.docx"]
    for n in names:
        assert hashlib.sha256((a / n).read_bytes()).hexdigest() == hashlib.sha256((b / n).read_bytes()).hexdigest()
    d = docx.Document(str(a / names[1]))
    cp = d.core_properties
    assert cp.author == "Ali Rahman, S.E., M.A.P."
    assert cp.title == "Penilaian Capaian Sasaran Kerja Pegawai Negeri Sipil"
    assert cp.created.date().isoformat() == "2025-01-02" and cp.modified.date().isoformat() == "2025-01-02"
    with zipfile.ZipFile(a / names[0]) as zf:
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_source_date_epoch_sets_the_zip_time(tmp_path: Path) -> None:
    from skpgen.render.docxzip import date_time_from_epoch

    ex = EXAMPLES / "guru-2025.skp.yaml"
    res = render_plan(str(ex), str(ex), _opts(tmp_path, date_time=date_time_from_epoch(1735689600)))
    with zipfile.ZipFile(res.written[0]) as zf:
        assert {i.date_time for i in zf.infolist()} == {(2025, 1, 1, 0, 0, 0)}


def test_failure_mid_write_leaves_no_partial_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import skpgen.fsutil

    ex = EXAMPLES / "analis-kebijakan-2025.skp.yaml"
    calls = {"n": 0}
    real_fchmod = os.fchmod

    def failing_fchmod(fd: int, mode: int) -> None:
        calls["n"] += 1
        if calls["n"] == 2:       # the second document fails after its bytes were written
            raise OSError(28, "No space left on device")
        real_fchmod(fd, mode)

    monkeypatch.setattr(skpgen.fsutil.os, "fchmod", failing_fchmod)
    res = render_plan(str(ex), str(ex), _opts(tmp_path))
    assert res.status == "write-error"
    assert any("No space left on device" in e for e in res.errors)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "2025_198503122010011002_formulir-skp.docx", "2025_198503122010011002_penilaian-prestasi.docx"]
    for p in tmp_path.iterdir():
        with zipfile.ZipFile(p) as zf:
            assert zf.testzip() is None


def test_a_previous_file_survives_a_failed_rewrite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import skpgen.fsutil

    ex = EXAMPLES / "guru-2025.skp.yaml"
    render_plan(str(ex), str(ex), _opts(tmp_path))
    target = tmp_path / "2025_198709252011012007_formulir-skp.docx"
    before = target.read_bytes()

    def boom(src: Any, dst: Any) -> None:
        raise OSError(5, "I/O error")

    monkeypatch.setattr(skpgen.fsutil.os, "replace", boom)
    res = render_plan(str(ex), str(ex), _opts(tmp_path))
    assert res.status == "write-error"
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [target.name]   # no temp file left behind


def test_output_name_is_stable_and_safe() -> None:
    assert output_name({"periode": {"tahun": 2025}, "pegawai": {"nip": "198503122010011002"}}, "skp-2022") == \
        "2025_198503122010011002_skp-2022.docx"
    assert output_name({"periode": {"tahun": 2025}, "pegawai": {"nip": "../../etc"}}, "x") == "2025_..-..-etc_x.docx"


# ------------------------------------------------------------------------------------ adversarial

NASTY = "Tes & < > \" ' 🎉 ½ — ﷺ 日本"


def adversarial_plan(n: int = 60) -> dict[str, Any]:
    """A valid pp46 plan whose texts hold XML metacharacters, emoji and very long strings, with n kegiatan."""
    plan = yaml.safe_load((EXAMPLES / "analis-kebijakan-2025.skp.yaml").read_text(encoding="utf-8"))
    long_text = ("Menyusun laporan " + NASTY + " ") * 60
    plan["pegawai"]["nama"] = "Ali <b>Rahman</b> & \"Putra\" 'Jr' 😀"
    plan["instansi"] = "Pemerintah Kota <Contoh> & Sekitarnya 🏛️"
    plan["persetujuan"]["tempat"] = "Kota & <Tempat>"
    base = plan["kegiatan"][0]
    kegiatan = []
    for i in range(n):
        k = {key: base[key] for key in ("jenis", "mendukung", "angka_kredit", "indikator", "target", "realisasi")}
        k = yaml.safe_load(yaml.safe_dump(k))
        k["id"] = f"K{i + 1}"
        k["uraian"] = long_text if i % 10 == 0 else f"Menyusun dokumen {i + 1} {NASTY}"
        k["realisasi"]["waktu"] = 1 + i % 4
        k["target"]["tenggat"] = "2025-12-31"
        kegiatan.append(k)
    plan["kegiatan"] = kegiatan
    return plan


def write_plan(path: Path, plan: dict[str, Any]) -> Path:
    text = yaml.safe_dump(plan, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path


def test_adversarial_plan_renders_and_reopens(tmp_path: Path) -> None:
    src = write_plan(tmp_path / "nasty.skp.yaml", adversarial_plan())
    out = tmp_path / "out"
    out.mkdir()
    res = render_plan(str(src), str(src), _opts(out))
    assert res.status == "ok", res.errors
    assert len(res.written) == 3
    for path in res.written:
        d = docx.Document(path)
        body = "\n".join(c.text for t in d.tables for r in t.rows for c in r.cells) + "\n".join(p.text for p in d.paragraphs)
        assert "Ali <b>Rahman</b> & \"Putra\" 'Jr' 😀" in body
        assert f"Menyusun dokumen 60 {NASTY}" in body
    capaian = docx.Document(res.written[1])
    rows = capaian.tables[0].rows
    assert sum(1 for r in rows if r.cells[1].text.startswith("Menyus")) == 60
    xml = part_xml(Path(res.written[1]).read_bytes())
    assert xml is not None


def test_forbidden_xml_character_is_refused_with_a_located_message(tmp_path: Path) -> None:
    plan = yaml.safe_load((EXAMPLES / "guru-2025.skp.yaml").read_text(encoding="utf-8"))
    plan["kegiatan"][0]["uraian"] = "Menyusun modul\x07 ajar"
    ctx = build_context(plan, score_plan(plan))
    form = all_forms()["formulir-skp"]
    with pytest.raises(RenderError) as exc:
        load_template(form.path).render(with_form(ctx, form.name, form.title))
    assert exc.value.id == "render/invalid-xml-char"


# ------------------------------------------------------------------------------------ user templates

def _user_template(path: Path, *pieces: tuple[str, dict]) -> Path:
    d = docx.Document()
    p = d.add_paragraph()
    for text, fmt in pieces:
        r = p.add_run(text)
        for k, v in fmt.items():
            setattr(r, k, v)
    d.save(str(path))
    return path


def test_template_with_tags_split_by_word_renders(tmp_path: Path) -> None:
    tpl = _user_template(tmp_path / "surat.docx", ("Yth. {{ pega", {}), ("wai.na", {"bold": True}),
                         ("ma }} — nilai {{ skor.nilai_s", {"italic": True}), ("kp_sebutan }}", {}))
    plan = load_plan(EXAMPLES / "analis-kebijakan-2025.skp.yaml")
    ctx = with_form(build_context(plan, score_plan(plan)), "surat", "surat")
    data = Template.from_path(tpl).render(ctx)
    texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert "Yth. Ali Rahman, S.E., M.A.P. — nilai 95,81 (Sangat Baik)" in texts


@pytest.mark.parametrize(("tag", "error_id"), [
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "render/security"),
    ("{{ pegawai.__class__.__init__.__globals__ }}", "render/security"),
    ("{% for i in range(10**9) %}x{% endfor %}", "render/range-too-large"),
    ("{{ tidak_ada.sama_sekali }}", "render/undefined-variable"),
])
def test_sandbox_escapes_are_refused(tmp_path: Path, tag: str, error_id: str) -> None:
    tpl = _user_template(tmp_path / "jahat.docx", (tag, {}))
    plan = load_plan(EXAMPLES / "guru-2025.skp.yaml")
    ctx = with_form(build_context(plan, score_plan(plan)), "jahat", "jahat")
    with pytest.raises(RenderError) as exc:
        Template.from_path(tpl).render(ctx)
    assert exc.value.id == error_id


def test_context_exposes_plan_keys_and_defaults_absent_optional_ones() -> None:
    plan = load_plan(EXAMPLES / "guru-2025.skp.yaml")
    ctx = build_context(plan, score_plan(plan))
    assert ctx["pegawai"]["nama"] == "Siti Nurhaliza, S.Pd."
    assert ctx["evaluasi"] is None and ctx["lampiran"] is None
    assert set(ctx) >= CONTEXT_NAMES - {"form"}
    assert with_form(ctx, "formulir-skp", "Formulir")["form"]["name"] == "formulir-skp"


@pytest.mark.parametrize("name", ["formulir-skp", "penilaian-capaian"])
def test_money_cells_centred_unwrapped_in_a_font_that_fits(name: str) -> None:
    """Biaya cells: centred like the other figures (a "-" sits where amounts sit), no wrap, 7 pt, in
    a column wide enough for Rp 1.800.000.000 (16 characters of Arial at 7 pt ≈ 62 pt + margins)."""
    root = part_xml(all_forms()[name].path.read_bytes())
    cells = [tc for tc in root.iter(W + "tc") if "_biaya }}" in "".join(tc.itertext())]
    assert len(cells) >= 2 if name == "penilaian-capaian" else len(cells) >= 1
    for tc in cells:
        assert tc.find(f"{W}tcPr/{W}noWrap") is not None
        assert tc.find(f".//{W}pPr/{W}jc").get(W + "val") == "center"
        assert tc.find(f".//{W}rPr/{W}sz").get(W + "val") == "14"
        assert int(tc.find(f"{W}tcPr/{W}tcW").get(W + "w")) >= (62 + 2 * 2.85) * 20   # twips: text + cell margins


def qualitative_plan() -> dict[str, Any]:
    """The 6/2022 example with every IKI target (and realisation) described in words."""
    plan = load_plan(EXAMPLES / "pranata-komputer-2024.skp.yaml")
    for k in plan["kegiatan"]:
        for n, item in enumerate(k.get("indikator") or [], 1):
            item["target"] = f"Target mutu {k['id']}.{n} tercapai sesuai standar layanan"
            if "realisasi" in item:
                item["realisasi"] = f"Standar layanan {k['id']}.{n} terpenuhi"
    return plan


def test_qualitative_2022_forms_have_the_qualitative_table() -> None:
    """Pendekatan kualitatif: the IKI and its target in words share one column ("UKURAN KEBERHASILAN/
    INDIKATOR KINERJA INDIVIDU, DAN TARGET") and there is no ASPEK column; the kuantitatif example
    keeps ASPEK | IKI | TARGET (its golden files)."""
    plan = qualitative_plan()
    assert all(i.capaian is None for _, i in score_plan(plan).iki)        # words have no percentage
    skp = normalise(render_form(plan, "skp-2022"))
    assert "PENDEKATAN HASIL KERJA KUALITATIF" in skp
    assert ("H| NO | RENCANA HASIL KERJA ATASAN YANG DIINTERVENSI | RENCANA HASIL KERJA | "
            "UKURAN KEBERHASILAN/ INDIKATOR KINERJA INDIVIDU, DAN TARGET |") in skp
    assert "H| (1) | (2) | (3) | (4) |" in skp
    assert "| Persentase ketersediaan (uptime) aplikasi layanan publik / Target: Target mutu RHK1.1 tercapai sesuai standar layanan |" in skp
    assert "ASPEK" not in skp and "| Kuantitas |" not in skp
    ev = normalise(render_form(plan, "evaluasi-2022"))
    assert ("H| NO | RENCANA HASIL KERJA | UKURAN KEBERHASILAN/ INDIKATOR KINERJA INDIVIDU, DAN TARGET | "
            "REALISASI BERDASARKAN BUKTI DUKUNG | UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG |") in ev
    assert "Target: Target mutu RHK1.2 tercapai sesuai standar layanan | Standar layanan RHK1.2 terpenuhi |" in ev
    assert "| <span=3>RATING HASIL KERJA* | <span=2>" in ev
    assert "Realisasi diuraikan dengan kata-kata (pendekatan kualitatif)" in ev and "CHART" not in ev
    quantitative = normalise(render_form(load_plan(EXAMPLES / "pranata-komputer-2024.skp.yaml"), "skp-2022"))
    assert "UKURAN KEBERHASILAN" not in quantitative and "| INDIKATOR KINERJA INDIVIDU | TARGET |" in quantitative
