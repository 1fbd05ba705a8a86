"""Angka kredit by conversion (SPEC §11, DOMAIN.md §G.4): the published worked examples, every
jenjang's koefisien, the period rules, and the score command's text / explain / json."""

from __future__ import annotations

import doctest
import json
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from skpgen.scoring import konversi, score_plan
from skpgen.scoring.format import fmt_number
from skpgen.scoring.konversi import akumulasi, angka_kredit_konversi, jenjang_dari_jabatan, tabel_konversi
from conftest import run_cli

PLAN = """\
versi: 1
aturan: permenpanrb-6-2022
instansi: Pemerintah Kota Contoh
periode: {tahun: 2023, mulai: "MULAI", selesai: "SELESAI"}
pegawai:
  nama: "Dimas Pratama, S.Kom."
  nip: "199402172019031006"
  pangkat: Penata Muda
  golongan: III/a
  jabatan: JABATAN
  jenis_jabatan: JENIS
  unit_kerja: Bidang Aplikasi Informatika
pejabat_penilai:
  nama: "Hadi Kurniawan, S.T."
  nip: "197805232003121002"
  pangkat: Pembina
  golongan: IV/a
  jabatan: Kepala Bidang Aplikasi Informatika
  jenis_jabatan: struktural
  unit_kerja: Dinas Komunikasi dan Informatika
kegiatan:
  - id: RHK1
    uraian: Meningkatnya ketersediaan layanan aplikasi perangkat daerah
    jenis: utama
    rhk_atasan: Meningkatnya kualitas layanan SPBE
    indikator:
      - {teks: Persentase ketersediaan aplikasi, aspek: kualitas, target: {nilai: 99, satuan: persen}}
evaluasi:
EVALUASI
"""

RATINGS = {  # predikat → (rating hasil kerja, rating perilaku)
    "Sangat Baik": ("di_atas_ekspektasi", "di_atas_ekspektasi"),
    "Baik": ("sesuai_ekspektasi", "sesuai_ekspektasi"),
    "Butuh Perbaikan": ("di_bawah_ekspektasi", "sesuai_ekspektasi"),
    "Kurang/Misconduct": ("sesuai_ekspektasi", "di_bawah_ekspektasi"),
    "Sangat Kurang": ("di_bawah_ekspektasi", "di_bawah_ekspektasi"),
}


def plan_text(evaluasi: list[tuple[str, str]], mulai: str = "2023-01-01", selesai: str = "2023-12-31",
              jabatan: str = "Pranata Komputer Ahli Pertama", jenis: str = "fungsional_tertentu",
              jenjang: str | None = None) -> str:
    lines = []
    for periode, predikat in evaluasi:
        hasil, perilaku = RATINGS[predikat]
        lines.append(f"  - {{periode: {periode}, rating_hasil_kerja: {hasil}, rating_perilaku: {perilaku}}}")
    text = (PLAN.replace("MULAI", mulai).replace("SELESAI", selesai).replace("JABATAN", jabatan)
            .replace("JENIS", jenis).replace("EVALUASI", "\n".join(lines)))
    if jenjang:
        text = text.replace("  jenis_jabatan: fungsional_tertentu\n",
                            f"  jenis_jabatan: fungsional_tertentu\n  jenjang: {jenjang}\n", 1)
    return text


def score(**kw):
    return score_plan(yaml.safe_load(plan_text(**kw)))


def test_worked_example_ahli_pertama_sangat_baik_full_year():
    s = score(evaluasi=[("tahunan", "Sangat Baik")])
    assert s.angka_kredit.total == Decimal("18.75")
    assert fmt_number(s.angka_kredit.total) == "18,75"
    [r] = s.angka_kredit.rincian
    assert (r.periode, r.predikat, r.bulan, r.persen, r.koefisien) == ("tahunan", "Sangat Baik", 12, 150, Decimal("12.5"))


def test_worked_example_two_months_baik_and_accumulated():
    two = score(evaluasi=[("tahunan", "Baik")], mulai="2023-11-01", selesai="2023-12-31")
    assert two.angka_kredit.rincian[0].bulan == 2
    assert fmt_number(two.angka_kredit.total) == "2,08"
    full = score(evaluasi=[("tahunan", "Sangat Baik")])
    assert fmt_number(akumulasi([two.angka_kredit.total, full.angka_kredit.total])) == "20,83"
    # the same two months as the quarter of a plan without an annual evaluasi
    q4 = score(evaluasi=[("triwulan-4", "Baik")], mulai="2023-11-01", selesai="2023-12-31")
    assert [(r.periode, r.bulan) for r in q4.angka_kredit.rincian] == [("triwulan-4", 2)]
    assert fmt_number(q4.angka_kredit.total) == "2,08"


@pytest.mark.parametrize(("jabatan", "jenjang", "koefisien"), [
    ("Analis Kebijakan Ahli Utama", "ahli_utama", "50"),
    ("Analis Kebijakan Ahli Madya", "ahli_madya", "37.5"),
    ("Analis Kebijakan Ahli Muda", "ahli_muda", "25"),
    ("Pranata Komputer Ahli Pertama", "ahli_pertama", "12.5"),
    ("Arsiparis Penyelia", "penyelia", "25"),
    ("Pranata Komputer Mahir", "mahir", "12.5"),
    ("Arsiparis Terampil", "terampil", "5"),
    ("Pengawas Benih Tanaman Pemula", "pemula", "3.75"),
])
def test_each_jenjang_koefisien(jabatan: str, jenjang: str, koefisien: str):
    assert jenjang_dari_jabatan(jabatan) == jenjang
    s = score(evaluasi=[("tahunan", "Baik")], jabatan=jabatan)
    assert s.angka_kredit.jenjang == jenjang
    assert s.angka_kredit.koefisien == Decimal(koefisien)
    assert s.angka_kredit.total == Decimal(koefisien)  # Baik = 100 %, full year


@pytest.mark.parametrize(("predikat", "persen"), [
    ("Sangat Baik", 150), ("Baik", 100), ("Butuh Perbaikan", 75), ("Kurang/Misconduct", 50), ("Sangat Kurang", 25),
])
def test_persentase_per_predikat(predikat: str, persen: int):
    s = score(evaluasi=[("tahunan", predikat)], jabatan="Analis Kebijakan Ahli Muda")
    assert s.angka_kredit.rincian[0].persen == persen
    assert s.angka_kredit.total == Decimal(25) * persen / 100


def test_non_jf_gives_null_and_explicit_jenjang_wins():
    s = score(evaluasi=[("tahunan", "Baik")], jabatan="Kepala Seksi Pelayanan", jenis="struktural")
    assert s.angka_kredit.total is None and s.angka_kredit.alasan == "bukan_jf"
    assert s.to_json("x")["angka_kredit"] is None and s.to_json("x")["angka_kredit_rincian"] == []
    unknown = score(evaluasi=[("tahunan", "Baik")], jabatan="Pranata Komputer")
    assert unknown.angka_kredit.total is None and unknown.angka_kredit.alasan == "jenjang_tidak_dikenal"
    explicit = score(evaluasi=[("tahunan", "Baik")], jabatan="Pranata Komputer", jenjang="mahir")
    assert explicit.angka_kredit.total == Decimal("12.5") and explicit.angka_kredit.sumber_jenjang == "jenjang"
    none_yet = score(evaluasi=[])
    assert none_yet.angka_kredit.total is None and none_yet.angka_kredit.alasan == "tanpa_predikat"


def test_quarters_accumulate_and_annual_replaces_them():
    quarters = [("triwulan-1", "Baik"), ("triwulan-2", "Sangat Baik"), ("triwulan-3", "Baik"),
                ("triwulan-4", "Butuh Perbaikan")]
    s = score(evaluasi=quarters)
    assert [fmt_number(r.nilai) for r in s.angka_kredit.rincian] == ["3,13", "4,69", "3,13", "2,34"]
    # 12,5 × 3/12 × (100 + 150 + 100 + 75) % = 13,28125
    assert s.angka_kredit.total == Decimal("13.28125")
    with_annual = score(evaluasi=[*quarters, ("tahunan", "Baik")])
    assert [r.periode for r in with_annual.angka_kredit.rincian] == ["tahunan"]
    assert with_annual.angka_kredit.total == Decimal("12.5")


def test_mid_year_mutasi_splits_the_months():
    first = score(evaluasi=[("tahunan", "Baik")], mulai="2023-01-01", selesai="2023-07-14")
    second = score(evaluasi=[("tahunan", "Baik")], mulai="2023-07-15", selesai="2023-12-31")
    assert (first.angka_kredit.rincian[0].bulan, second.angka_kredit.rincian[0].bulan) == (6, 6)
    assert akumulasi([first.angka_kredit.total, second.angka_kredit.total]) == Decimal("12.5")


def test_pp46_plan_has_no_conversion_keys(minimal_text: str):
    s = score_plan(yaml.safe_load(minimal_text))
    assert "angka_kredit" not in s.to_json("x")


def test_table_is_data_with_labels():
    t = tabel_konversi()
    assert t.file == "rules/angka-kredit-konversi.toml" and t.versi
    assert (t.persentase_label, t.koefisien_label) == ("P", "S")
    assert "[S]" in t.keterangan() and "PerBKN 3/2023" in t.keterangan()


def test_docstring_examples():
    assert doctest.testmod(konversi).failed == 0


def test_score_cli_text_explain_json(tmp_path: Path):
    f = tmp_path / "jf.skp.yaml"
    f.write_text(plan_text(evaluasi=[("triwulan-1", "Baik"), ("triwulan-2", "Sangat Baik")]), encoding="utf-8")
    r = run_cli("score", "--explain", str(f))
    assert r.returncode == 0, r.stderr
    assert "Angka kredit (konversi): 7,81 — Ahli Pertama, koefisien 12,5" in r.stdout
    assert "angka kredit triwulan-2 (Sangat Baik): 150% × 12,5 × 3/12 = 4,69" in r.stdout
    assert "angka kredit = 3,13 + 4,69 = 7,81" in r.stdout
    assert "koefisien [S]" in r.stdout and "rules/angka-kredit-konversi.toml" in r.stdout
    r = run_cli("score", "--format", "json", str(f))
    [obj] = json.loads(r.stdout)
    assert obj["angka_kredit"] == 7.8125
    assert obj["angka_kredit_rincian"] == [
        {"periode": "triwulan-1", "predikat": "Baik", "bulan": 3, "persen": 100.0, "koefisien": 12.5, "nilai": 3.125},
        {"periode": "triwulan-2", "predikat": "Sangat Baik", "bulan": 3, "persen": 150.0, "koefisien": 12.5,
         "nilai": 4.6875},
    ]


def test_schema_accepts_jenjang_only_for_6_2022(tmp_path: Path, minimal_text: str):
    ok = tmp_path / "ok.skp.yaml"
    ok.write_text(plan_text(evaluasi=[("tahunan", "Baik")], jabatan="Pranata Komputer", jenjang="mahir"),
                  encoding="utf-8")
    assert run_cli("validate", str(ok)).returncode == 0
    bad = tmp_path / "bad.skp.yaml"
    bad.write_text(plan_text(evaluasi=[("tahunan", "Baik")], jenjang="ahli_kepala"), encoding="utf-8")
    r = run_cli("validate", str(bad))
    assert r.returncode == 1 and "jenjang" in r.stdout + r.stderr
    pp46 = tmp_path / "pp46.skp.yaml"
    pp46.write_text(minimal_text.replace("  jenis_jabatan: fungsional_tertentu\n",
                                         "  jenis_jabatan: fungsional_tertentu\n  jenjang: ahli_muda\n", 1),
                    encoding="utf-8")
    r = run_cli("validate", str(pp46))
    assert r.returncode == 1 and "jenjang" in r.stdout + r.stderr


def test_evaluasi_form_appendix_prints_words_and_angka_kredit():
    from test_render_forms import EXAMPLES, load_plan, normalise, render_form

    text = normalise(render_form(load_plan(EXAMPLES / "pranata-komputer-2024.skp.yaml"), "evaluasi-2022"))
    assert "_ekspektasi" not in text
    assert "evaluasi triwulan-1: hasil kerja Sesuai Ekspektasi, perilaku Sesuai Ekspektasi → Baik" in text
    assert "angka kredit tahunan (Baik): 100% × 12,5 × 12/12 = 12,50" in text
    assert "koefisien [S]" in text
