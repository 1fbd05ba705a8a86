"""The Evaluasi Kinerja Pegawai form per evaluasi period (TRIWULAN I–IV, AKHIR), with the
organisation's predikat marked and the unit's curve drawn under POLA DISTRIBUSI when the unit is
known, and the angka kredit of the period (SPEC §11)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from skpgen.kurva import kurva_unit
from skpgen.render.context import build_context, with_form
from skpgen.render.forms import all_forms, form_documents, load_template
from skpgen.scoring import score_plan
from conftest import EXAMPLES, run_cli
from test_angka_kredit import plan_text
from test_render_forms import load_plan, normalise

PRANATA = EXAMPLES / "pranata-komputer-2024.skp.yaml"


def render(plan, form_name: str, periode: str | None = None, unit=None) -> str:
    form = all_forms()[form_name]
    ctx = build_context(plan, score_plan(plan), unit=unit)
    return normalise(load_template(form.path).render(with_form(ctx, form.name, form.title, periode)))


def unit_of_six():
    """A unit of six whose tahunan curve under a 'baik' organisation has too many Baik."""
    predikat = ["Sangat Baik", "Baik", "Baik", "Baik", "Baik", "Baik"]
    plans = [yaml.safe_load(plan_text(evaluasi=[("tahunan", p), ("triwulan-1", "Baik")])
                            .replace("199402172019031006", f"19940217201903100{i}")) for i, p in enumerate(predikat)]
    return kurva_unit("Bidang Aplikasi Informatika", {"tahunan": "baik", "triwulan-1": "istimewa"}, plans)


def test_one_document_per_period_present_akhir_keeps_the_name():
    plan = load_plan(PRANATA)
    docs = form_documents(all_forms()["evaluasi-2022"], plan)
    assert docs == [("evaluasi-2022-triwulan-1", "triwulan-1"), ("evaluasi-2022-triwulan-2", "triwulan-2"),
                    ("evaluasi-2022-triwulan-3", "triwulan-3"), ("evaluasi-2022-triwulan-4", "triwulan-4"),
                    ("evaluasi-2022", "tahunan")]
    assert form_documents(all_forms()["skp-2022"], plan) == [("skp-2022", None)]
    only_q = {**plan, "evaluasi": plan["evaluasi"][:2]}
    assert form_documents(all_forms()["evaluasi-2022"], only_q) == [
        ("evaluasi-2022-triwulan-1", "triwulan-1"), ("evaluasi-2022", "triwulan-2")]


@pytest.mark.parametrize(("periode", "head", "hasil"), [
    ("triwulan-1", "PERIODE: TRIWULAN I", "SESUAI EKSPEKTASI"),
    ("triwulan-2", "PERIODE: TRIWULAN II", "DI ATAS EKSPEKTASI"),
    ("triwulan-4", "PERIODE: TRIWULAN IV", "SESUAI EKSPEKTASI"),
    ("tahunan", "PERIODE: AKHIR", "SESUAI EKSPEKTASI"),
])
def test_each_period_prints_its_own_evaluasi(periode: str, head: str, hasil: str):
    text = render(load_plan(PRANATA), "evaluasi-2022", periode)
    assert head in text.splitlines()
    assert f"| <span=5>RATING HASIL KERJA* | <span=2>{hasil} |" in text


def test_without_unit_the_choice_line_and_sentence_stay():
    text = render(load_plan(PRANATA), "evaluasi-2022", "tahunan")
    assert "CAPAIAN KINERJA ORGANISASI*: ISTIMEWA/ BAIK/ BUTUH PERBAIKAN/ KURANG/ SANGAT KURANG" in text
    assert "POLA DISTRIBUSI: sesuai penetapan predikat kinerja organisasi" in text
    assert "skpgen:kurva_chart" not in text


def test_with_unit_the_predikat_is_marked_and_the_curve_drawn():
    plan = load_plan(PRANATA)
    text = render(plan, "evaluasi-2022", "tahunan", unit_of_six())
    assert ("CAPAIAN KINERJA ORGANISASI*: [  ] ISTIMEWA   [X] BAIK   [  ] BUTUH PERBAIKAN   [  ] KURANG   "
            "[  ] SANGAT KURANG") in text
    assert ("POLA DISTRIBUSI: KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI BAIK — "
            "Bidang Aplikasi Informatika, 6 pegawai berpredikat") in text
    assert "SERIES Frekuensi pegawai: Sangat Kurang=0#9E1B1B, Kurang/Misconduct=0#C0501E, Butuh Perbaikan=0#E0A030, " \
           "Baik=5#1F5FA8, Sangat Baik=1#1F4E79" in text
    assert ("| Baik: paling banyak 70 % dari 6 pegawai = 4,2 → 4 orang (dibulatkan ke bawah) | 5 | TIDAK SESUAI |"
            in text)
    assert "| Butuh Perbaikan + Kurang/Misconduct: paling sedikit 1 orang (harus ada) | 0 | TIDAK SESUAI |" in text
    assert "Sebaran predikat TIDAK sesuai pola distribusi." in text
    assert "rules/kurva-distribusi.toml" in text and "[U]" in text
    # the triwulan-1 form marks that period's organisation predikat
    q1 = render(plan, "evaluasi-2022", "triwulan-1", unit_of_six())
    assert "[X] ISTIMEWA   [  ] BAIK" in q1 and "PERIODE: TRIWULAN I" in q1
    assert "| Sangat Baik: paling banyak 70 % dari 6 pegawai = 4,2 → 4 orang (dibulatkan ke bawah) | 0 | sesuai |" in q1
    # a period the unit file sets no predikat for: said so, no chart
    q2 = render(plan, "evaluasi-2022", "triwulan-2", unit_of_six())
    assert "ISTIMEWA/ BAIK/ BUTUH PERBAIKAN" in q2 and "belum ditetapkan dalam berkas unit" in q2
    assert "skpgen:kurva_chart" not in q2


def test_angka_kredit_of_the_period_on_the_form():
    plan = load_plan(PRANATA)
    akhir = render(plan, "evaluasi-2022", "tahunan")
    assert "| <span=3>ANGKA KREDIT (KONVERSI PREDIKAT)** | 12,50 (100% × 12,5 × 12/12; Ahli Pertama) |" in akhir
    q2 = render(plan, "evaluasi-2022", "triwulan-2")
    assert "3,13 (100% × 12,5 × 3/12; Ahli Pertama) (periode ini tidak dihitung" in q2
    struktural = yaml.safe_load(plan_text(evaluasi=[("tahunan", "Baik")], jabatan="Kepala Seksi",
                                          jenis="struktural"))
    assert "ANGKA KREDIT" not in render(struktural, "evaluasi-2022", "tahunan")


def test_render_cli_writes_every_period_reproducibly(tmp_path: Path):
    out1, out2 = tmp_path / "a", tmp_path / "b"
    for out in (out1, out2):
        r = run_cli("render", str(PRANATA), "-o", str(out), "--form", "evaluasi-2022", "--jobs", "1")
        assert r.returncode == 0, r.stderr
    names = sorted(p.name for p in out1.iterdir())
    assert names == ["2024_199402172019031006_evaluasi-2022-triwulan-1.docx",
                     "2024_199402172019031006_evaluasi-2022-triwulan-2.docx",
                     "2024_199402172019031006_evaluasi-2022-triwulan-3.docx",
                     "2024_199402172019031006_evaluasi-2022-triwulan-4.docx",
                     "2024_199402172019031006_evaluasi-2022.docx"]
    for name in names:
        assert (out1 / name).read_bytes() == (out2 / name).read_bytes()


@pytest.mark.e2e
@pytest.mark.slow
def test_marked_predikat_and_curve_chart_survive_libreoffice(tmp_path: Path):
    from conftest import libreoffice_or_skip
    from skpgen.render.pdf import convert
    from test_render_e2e import _pdftotext, _squash

    soffice = libreoffice_or_skip()
    plan = load_plan(PRANATA)
    form = all_forms()["evaluasi-2022"]
    ctx = build_context(plan, score_plan(plan), unit=unit_of_six())
    docx_path = tmp_path / "evaluasi.docx"
    data = load_template(form.path).render(with_form(ctx, form.name, form.title, "tahunan"))
    assert data == load_template(form.path).render(with_form(ctx, form.name, form.title, "tahunan"))
    docx_path.write_bytes(data)
    [pdf] = convert([docx_path], soffice=soffice)
    text = _squash(_pdftotext(pdf))
    assert "CAPAIAN KINERJA ORGANISASI*: [ ] ISTIMEWA [X] BAIK [ ] BUTUH PERBAIKAN" in text
    assert "KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI BAIK" in text
    # the native chart is drawn: its categories and title are in the PDF
    assert "Sangat Kurang Kurang/Misconduct Butuh Perbaikan Baik Sangat Baik" in text
    assert "Kurva distribusi predikat kinerja pegawai — Bidang Aplikasi Informatika, Tahunan" in text
    assert "ANGKA KREDIT (KONVERSI PREDIKAT)** 12,50" in text


def test_dokumen_evaluasi_summary_sheet():
    plan = load_plan(PRANATA)
    text = render(plan, "dokumen-evaluasi-2022", "tahunan", unit_of_six())
    lines = text.splitlines()
    assert lines[:4] == ["DOKUMEN EVALUASI KINERJA PEGAWAI", "PERIODE: AKHIR", "PEMERINTAH KOTA CONTOH",
                         "PERIODE PENILAIAN: 1 JANUARI 2024 S.D. 31 DESEMBER 2024"]
    for head in ("| 1 | <span=2>PEGAWAI YANG DINILAI |", "| 2 | <span=2>PEJABAT PENILAI KINERJA |",
                 "| 3 | <span=2>ATASAN PEJABAT PENILAI KINERJA |", "| 4 | <span=2>EVALUASI KINERJA |",
                 "| 5 | <span=2>CATATAN / REKOMENDASI |"):
        assert head in text
    assert "|  | NAMA | Ir. Dewi Lestari, M.T. |" in text            # the atasan pejabat penilai
    assert ("|  | CAPAIAN KINERJA ORGANISASI | [  ] ISTIMEWA   [X] BAIK   [  ] BUTUH PERBAIKAN   [  ] KURANG   "
            "[  ] SANGAT KURANG |") in text
    assert "|  | PREDIKAT KINERJA PEGAWAI | BAIK |" in text
    assert "|  | ANGKA KREDIT (KONVERSI PREDIKAT) | 12,50 (100% × 12,5 × 12/12; Ahli Pertama) |" in text
    assert "|  | <span=2>Pertahankan ketersediaan layanan; fokus 2025 pada keamanan aplikasi lama |" in text
    assert ("| Pegawai yang Dinilai, / Dimas Pratama, S.Kom. / NIP 199402172019031006 |  | Kota Contoh, 10 Januari 2025 / "
            "Pejabat Penilai Kinerja, / Hadi Kurniawan, S.T., M.Kom. / NIP 197805232003121002 |") in text
    q1 = render(plan, "dokumen-evaluasi-2022", "triwulan-1")
    assert "PERIODE: TRIWULAN I" in q1 and "Pemantauan uptime sudah rutin" in q1
