"""Native DrawingML charts (skpgen.render.chart) and the engine's chart slots."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import docx
import openpyxl
import pytest
from lxml import etree

from skpgen.render import chart
from skpgen.render.chart import BarChart, Series
from skpgen.render.engine import RenderError, Template
from skpgen.render.forms import all_forms

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
PREDIKAT = ("Sangat Baik", "Baik", "Cukup", "Kurang", "Buruk")


def curve() -> BarChart:
    """The distribution curve of a unit as issue 12 draws it: counts per predikat and the rule."""
    return BarChart(
        title="Sebaran predikat <unit> & \"kurva\"",
        categories=PREDIKAT,
        series=(Series("Pegawai", (2, 5, 9, 1, 0), point_colours=tuple(chart.band_colour(p) for p in PREDIKAT)),
                Series("Kurva", (Decimal("1.5"), 4, 10, 2, None), colour="A6A6A6")),
        value_format="0",
    )


def test_chart_part_has_cached_categories_values_colours_and_is_escaped() -> None:
    root = etree.fromstring(chart.chart_xml(curve(), "rId7"))
    assert root.tag == C + "chartSpace"
    assert "".join(root.find(f"{C}chart/{C}title").itertext()) == "Sebaran predikat <unit> & \"kurva\""
    sers = root.findall(f".//{C}barChart/{C}ser")
    assert len(sers) == 2
    cats = [v.text for v in sers[0].iterfind(f"{C}cat/{C}strRef/{C}strCache/{C}pt/{C}v")]
    assert cats == list(PREDIKAT)
    assert sers[0].find(f"{C}cat/{C}strRef/{C}f").text == "Data!$A$2:$A$6"
    assert sers[1].find(f"{C}val/{C}numRef/{C}f").text == "Data!$C$2:$C$6"
    pts = {p.get("idx"): p.find(C + "v").text for p in sers[1].iterfind(f"{C}val//{C}pt")}
    assert pts == {"0": "1.5", "1": "4", "2": "10", "3": "2"}     # None is a gap, not a zero
    assert sers[1].find(f"{C}val//{C}ptCount").get("val") == "5"
    # per-point colours only where they differ from the series colour (GOOD = Baik's blue)
    dpts = {d.find(C + "idx").get("val"): d.find(".//{*}srgbClr").get("val") for d in sers[0].iter(C + "dPt")}
    assert dpts == {"0": "1F4E79", "2": "E0A030", "3": "C0501E", "4": "9E1B1B"}
    assert root.find(f"{C}chart/{C}legend") is not None                   # two series → a legend
    assert root.find(f"{C}externalData").get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id") == "rId7"


def test_chart_and_workbook_are_byte_reproducible_and_the_workbook_opens() -> None:
    assert chart.chart_xml(curve()) == chart.chart_xml(curve())
    a, b = chart.workbook_xlsx(curve()), chart.workbook_xlsx(curve())
    assert a == b
    with zipfile.ZipFile(io.BytesIO(a)) as zf:
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    ws = openpyxl.load_workbook(io.BytesIO(a))["Data"]
    assert list(ws.values) == [("", "Pegawai", "Kurva"), ("Sangat Baik", 2, 1.5), ("Baik", 5, 4), ("Cukup", 9, 10),
                               ("Kurang", 1, 2), ("Buruk", 0, None)]


def test_chart_refuses_inconsistent_input() -> None:
    with pytest.raises(ValueError, match="2 values for 3 categories"):
        BarChart("t", ["a", "b", "c"], [Series("s", [1, 2])])
    with pytest.raises(ValueError, match="RRGGBB"):
        BarChart("t", ["a"], [Series("s", [1], colour="blue")])
    with pytest.raises(ValueError, match="at least one series"):
        BarChart("t", ["a"], [])
    with pytest.raises(ValueError, match="finite"):
        chart.chart_xml(BarChart("t", ["a"], [Series("s", [Decimal("NaN")])]))


def test_template_chart_slot_is_filled_from_the_context() -> None:
    tpl = Template.from_path(all_forms()["penilaian-capaian"].path)
    slot = tpl.chart_slots["grafik_chart"]
    assert (slot.chart_part, slot.workbook_part, slot.workbook_rid) == (
        "word/charts/chart1.xml", "word/embeddings/grafik1.xlsx", "rId1")
    from test_render_forms import EXAMPLES, load_plan
    from skpgen.render.context import build_context, with_form
    from skpgen.scoring import score_plan

    plan = load_plan(EXAMPLES / "arsiparis-2025.skp.yaml")
    ctx = with_form(build_context(plan, score_plan(plan)), "penilaian-capaian", "x")
    ctx["grafik_chart"] = curve()
    data = tpl.render(ctx)
    d = docx.Document(io.BytesIO(data))
    part = next(r.target_part for r in d.part.rels.values() if r.reltype == chart.REL_CHART)
    assert part.blob == chart.chart_xml(curve(), "rId1")
    book = next(iter(part.rels.values())).target_part
    assert book.blob == chart.workbook_xlsx(curve())
    ctx["grafik_chart"] = "not a chart"
    with pytest.raises(RenderError) as err:
        tpl.render(ctx)
    assert err.value.id == "render/chart-value"
    ctx["grafik_chart"] = BarChart("bad \x01 title", ["a"], [Series("s", [1])])
    with pytest.raises(RenderError) as err:
        tpl.render(ctx)
    assert err.value.id == "render/invalid-xml-char"


def test_every_form_has_exactly_one_chart_slot_sized_to_the_page() -> None:
    for name, form in all_forms().items():
        tpl = Template.from_path(form.path)
        # the Evaluasi form also draws the unit's curve under POLA DISTRIBUSI
        expected = ["kurva_chart", "grafik_chart"] if name == "evaluasi-2022" else ["grafik_chart"]
        assert list(tpl.chart_slots) == expected, name


def test_chart_module_docstring_examples() -> None:
    import doctest

    result = doctest.testmod(chart)
    assert result.attempted >= 3 and result.failed == 0
