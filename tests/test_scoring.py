"""Scoring (SPEC §4, §9): worked examples from DOMAIN.md §A and every edge of issue 3, with values written out."""

from __future__ import annotations

import json
from decimal import Decimal, localcontext

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skpgen.scoring import (
    BRANCH_GT24,
    BRANCH_LE24,
    BRANCH_NOT_DONE,
    BRANCH_RATIO,
    explain,
    fmt_number,
    fmt_plain,
    predikat_kinerja,
    predikat_pp46,
    score_kegiatan,
    score_plan,
    score_ratio,
    score_time_like,
    tugas_tambahan_bonus,
)

D = Decimal


def keg(kid="K1", *, to=1, tk=100, tw=12, tb=None, ro=None, rk=None, rw=None, rb=None, jenis="utama",
        satuan_waktu="bulan", realisasi=True, **extra):
    k = {"id": kid, "uraian": f"Kegiatan {kid}", "jenis": jenis,
         "target": {"kuantitas": to, "satuan": "dokumen", "kualitas": tk, "waktu": tw,
                    "satuan_waktu": satuan_waktu, "biaya": tb}}
    if realisasi:
        k["realisasi"] = {"kuantitas": ro, "kualitas": rk, "waktu": rw, "biaya": rb}
    k.update(extra)
    return k


def plan(*kegiatan, perilaku=None, aturan="pp46-2011", **extra):
    p = {"versi": 1, "aturan": aturan, "kegiatan": list(kegiatan)}
    if perilaku is not None:
        p["perilaku_kerja"] = perilaku
    p.update(extra)
    return p


def values(k):
    return {name: (a.value if a is not None else None) for name, a in k.aspek.items()}


PERILAKU5 = {"orientasi_pelayanan": 85, "integritas": 88, "komitmen": 84, "disiplin": 90, "kerja_sama": 86}


# ----------------------------------------------------------------- worked examples (DOMAIN.md §A)

def test_spreadsheet_row_with_biaya_gives_85_50():
    # RUMUS-XLS: 100 + 90 + 76 + 76 = 342, "Nilai Capaian SKP = 85.50"
    k = score_kegiatan(keg(to=1, tk=100, tw=12, tb=170395000, ro=1, rk=90, rw=12, rb=170395000))
    assert values(k) == {"kuantitas": D(100), "kualitas": D(90), "waktu": D(76), "biaya": D(76)}
    assert k.perhitungan == D(342)
    assert k.nilai_capaian == D("85.5")
    assert fmt_number(k.nilai_capaian) == "85,50"
    assert k.aspek["biaya"].substituted == (
        "efisiensi = 100 − (170.395.000/170.395.000 × 100) = 0,00% ≤ 24% → "
        "((1,76 × 170.395.000 − 170.395.000)/170.395.000) × 100 = 76,00")


def test_five_day_target_four_days_realised_gives_96():
    # BLOG-WAKTU: TW 5 hari, RW 4 hari → efisiensi 20 %, waktu 96
    k = score_kegiatan(keg(tw=5, satuan_waktu="hari", ro=1, rk=100, rw=4))
    w = k.aspek["waktu"]
    assert w.efisiensi == D(20)
    assert w.branch == BRANCH_LE24
    assert w.value == D(96)
    assert w.satuan == "hari"
    lines = [str(x) for x in explain(score_plan(plan(keg(tw=5, satuan_waktu="hari", ro=1, rk=100, rw=4))))]
    assert "waktu (hari): efisiensi = 100 − (4/5 × 100) = 20,00% ≤ 24% → ((1,76 × 5 − 4)/5) × 100 = 96,00" in lines


@pytest.mark.parametrize("rk, perhitungan, shown", [
    (90, 266, "88,67"),   # GURU table prints 88,67 (its text truncates to 88,66: wrong)
    (98, 274, "91,33"),   # GURU table step arithmetic gives 91,34: wrong
    (99, 275, "91,67"),   # GURU table 91,67
])
def test_guru_examples(rk, perhitungan, shown):
    k = score_kegiatan(keg(to=1, tk=100, tw=12, ro=1, rk=rk, rw=12))
    assert k.aspek["waktu"].value == D(76)        # TW 12, RW 12 → 76
    assert k.perhitungan == D(perhitungan)
    assert fmt_number(k.nilai_capaian) == shown


def test_bkn_manual_example_corrected():
    # DES p.10 divides by RW and prints 111,2 / 205 / 68,33; by its own formula: 92,67 / 185 / 61,67
    k = score_kegiatan(keg(to=15, tk=100, tw=12, ro=2, rk=79, rw=10))
    assert fmt_number(k.aspek["kuantitas"].value) == "13,33"
    assert k.aspek["kualitas"].value == D(79)
    assert k.aspek["waktu"].branch == BRANCH_LE24
    assert fmt_number(k.aspek["waktu"].value) == "92,67"
    assert fmt_number(k.perhitungan) == "185,00"
    assert abs(k.perhitungan - D(185)) < D("1e-40")
    assert fmt_number(k.nilai_capaian) == "61,67"


def test_spec_section_9_example_json():
    p = plan(
        keg("K1", to=1, tk=100, tw=3, ro=1, rk=95, rw=3),
        {"id": "T1", "uraian": "FGD", "jenis": "tambahan", "bukti": ["ST/12/2025"]},
        {"id": "C1", "uraian": "Infografis", "jenis": "kreatif", "bukti": ["SK kepala unit"], "tingkat": "unit_kerja"},
        perilaku=PERILAKU5,
    )
    out = score_plan(p).to_json("examples/analis.skp.yaml")
    assert list(out) == ["file", "aturan", "kegiatan", "tugas_tambahan", "kreativitas", "nilai_skp",
                         "predikat_skp", "nilai_perilaku", "nilai_prestasi_kerja", "predikat"]
    k1 = out["kegiatan"][0]
    assert list(k1) == ["id", "jenis", "aspek", "perhitungan", "nilai_capaian"]
    assert k1["aspek"] == {"kuantitas": 100.0, "kualitas": 95.0, "waktu": 76.0, "biaya": None}
    assert k1["perhitungan"] == 271.0
    assert k1["nilai_capaian"] == pytest.approx(90.333333, abs=1e-6)
    assert k1["nilai_capaian"] != round(k1["nilai_capaian"], 2)  # unrounded
    assert out["tugas_tambahan"] == 1 and out["kreativitas"] == 3
    assert out["nilai_skp"] == pytest.approx(94.333333, abs=1e-6)
    assert out["predikat_skp"] == "Sangat Baik"
    assert out["nilai_perilaku"] == 86.6
    assert out["nilai_prestasi_kerja"] == pytest.approx(91.24, abs=1e-9)
    assert out["predikat"] == "Sangat Baik"
    assert out["kegiatan"][1] == {"id": "T1", "jenis": "tambahan",
                                  "aspek": {"kuantitas": None, "kualitas": None, "waktu": None, "biaya": None},
                                  "perhitungan": None, "nilai_capaian": None}
    json.dumps(out)  # serialisable


# ----------------------------------------------------------------- waktu: the 24 % cliff and the tails

def test_efficiency_exactly_24_percent_with_9_12_of_12_is_100():
    # in floating point 100 − 9.12/12×100 = 24.000000000000014 and takes the wrong branch (→ 76)
    assert 100 - 9.12 / 12 * 100 > 24
    w = score_time_like("waktu", D(12), D("9.12"))
    assert w.efisiensi == D(24)
    assert w.branch == BRANCH_LE24
    assert w.value == D(100)
    # through the plan data path (floats from YAML)
    k = score_kegiatan(keg(tw=12, ro=1, rk=100, rw=9.12))
    assert k.aspek["waktu"].value == D(100)
    assert k.aspek["waktu"].substituted == (
        "efisiensi = 100 − (9,12/12 × 100) = 24,00% ≤ 24% → ((1,76 × 12 − 9,12)/12) × 100 = 100,00")


@pytest.mark.parametrize("tw, rw", [(100, 76), (25, 19), (50, 38), (12.5, 9.5)])
def test_efficiency_exactly_24_percent_other_values(tw, rw):
    w = score_kegiatan(keg(tw=tw, ro=1, rk=100, rw=rw)).aspek["waktu"]
    assert (w.efisiensi, w.branch, w.value) == (D(24), BRANCH_LE24, D(100))


def test_efficiency_25_percent_gives_75():
    w = score_kegiatan(keg(tw=12, ro=1, rk=100, rw=9)).aspek["waktu"]
    assert w.efisiensi == D(25)
    assert w.branch == BRANCH_GT24
    assert w.value == D(75)
    assert w.substituted == ("efisiensi = 100 − (9/12 × 100) = 25,00% > 24% → "
                             "76 − ((((1,76 × 12 − 9)/12) × 100) − 100) = 75,00")


def test_efficiency_just_above_24_shows_more_digits():
    w = score_time_like("waktu", D(100), D("75.999"))
    assert w.branch == BRANCH_GT24
    assert "24,001% > 24%" in w.substituted
    assert w.value == D("75.999")     # the cliff: 76 % of TW gives 100, a little less gives < 76


def test_late_realisation_rw_above_tw():
    w = score_kegiatan(keg(tw=12, ro=1, rk=100, rw=15)).aspek["waktu"]
    assert w.efisiensi == D(-25)
    assert w.branch == BRANCH_LE24
    assert w.value == D(51)
    assert fmt_number(score_time_like("waktu", D(12), D(13)).value) == "67,67"


def test_very_late_goes_negative_without_floor():
    assert score_time_like("waktu", D(12), D("21.12")).value == D(0)
    w = score_time_like("waktu", D(12), D(24))
    assert w.value == D(-24)
    assert fmt_number(w.value) == "-24,00"
    k = score_kegiatan(keg(tw=12, ro=1, rk=100, rw=24))
    assert k.perhitungan == D(176)
    assert fmt_number(k.nilai_capaian) == "58,67"


def test_rw_zero_with_output_gives_waktu_zero():
    k = score_kegiatan(keg(tw=12, ro=1, rk=100, rw=0))
    w = k.aspek["waktu"]
    assert w.efisiensi == D(100) and w.branch == BRANCH_GT24 and w.value == D(0)
    assert k.aspek["kuantitas"].value == D(100) and k.aspek["kualitas"].value == D(100)
    assert fmt_number(k.nilai_capaian) == "66,67"
    assert k.dilaksanakan is True


# ----------------------------------------------------------------- biaya and the divisor

def test_biaya_target_with_realisation_zero_scores_zero_and_divides_by_4():
    k = score_kegiatan(keg(tw=12, tb=50_000_000, ro=1, rk=100, rw=12, rb=0))
    b = k.aspek["biaya"]
    assert (b.efisiensi, b.branch, b.value) == (D(100), BRANCH_GT24, D(0))
    assert k.perhitungan == D(276)
    assert k.nilai_capaian == D(69)
    assert len(k.aspects_used) == 4


def test_biaya_realisation_null_with_target_counts_as_zero():
    k = score_kegiatan(keg(tw=12, tb=1_000_000, ro=1, rk=100, rw=12, rb=None))
    assert k.aspek["biaya"].value == D(0)
    assert k.nilai_capaian == D(69)


def test_biaya_saved_within_24_percent():
    b = score_kegiatan(keg(tw=12, tb=100_000_000, ro=1, rk=100, rw=12, rb=80_000_000)).aspek["biaya"]
    assert (b.efisiensi, b.branch, b.value) == (D(20), BRANCH_LE24, D(96))


@pytest.mark.parametrize("tb", [None, 0, "absent"])
def test_biaya_absent_divides_by_3(tb):
    k = keg(tw=12, tb=tb, ro=1, rk=100, rw=12, rb=5_000_000)
    if tb == "absent":
        del k["target"]["biaya"]
    s = score_kegiatan(k)
    assert s.aspek["biaya"] is None
    assert s.perhitungan == D(276)
    assert s.nilai_capaian == D(92)
    assert len(s.aspects_used) == 3


# ----------------------------------------------------------------- activity not carried out

def test_activity_not_done_scores_zero_on_every_aspect():
    p = plan(
        keg("K1", tw=12, ro=1, rk=100, rw=12),
        keg("K2", tw=12, tb=10_000_000, realisasi=False),           # no realisasi at all
        keg("K3", tw=12, ro=None, rk=None, rw=None),                 # realisasi with nulls only
        keg("K4", tw=12, ro=0, rk=0, rw=0),                          # all zero
    )
    s = score_plan(p)
    k1, k2, k3, k4 = s.kegiatan
    assert k1.nilai_capaian == D(92)
    assert values(k2) == {"kuantitas": D(0), "kualitas": D(0), "waktu": D(0), "biaya": D(0)}
    assert k2.aspek["waktu"].branch == BRANCH_NOT_DONE
    assert k2.perhitungan == D(0) and k2.nilai_capaian == D(0) and k2.dilaksanakan is False
    assert k2.has_realisasi is False
    for k in (k3, k4):
        assert values(k) == {"kuantitas": D(0), "kualitas": D(0), "waktu": D(0), "biaya": None}
        assert k.nilai_capaian == D(0)
    assert s.nilai_skp == D(23)                                      # (92 + 0 + 0 + 0) / 4
    assert s.predikat_skp == "Buruk"


def test_no_output_realised_counts_as_not_done():
    # RO = 0: nothing was produced; a kualitas or waktu figure for it is meaningless
    k = score_kegiatan(keg(tw=12, ro=0, rk=90, rw=12))
    assert values(k) == {"kuantitas": D(0), "kualitas": D(0), "waktu": D(0), "biaya": None}


def test_plan_without_any_realisation_has_no_score():
    p = plan(keg("K1", realisasi=False), keg("K2", ro=None, rk=None, rw=None),
             {"id": "T1", "uraian": "Panitia", "jenis": "tambahan", "bukti": ["ST"]},
             perilaku=PERILAKU5)
    s = score_plan(p)
    assert s.has_realisasi is False
    out = s.to_json("x.yaml")
    for k in out["kegiatan"]:
        assert k["aspek"] == {"kuantitas": None, "kualitas": None, "waktu": None, "biaya": None}
        assert k["perhitungan"] is None and k["nilai_capaian"] is None
    assert out["nilai_skp"] is None and out["predikat_skp"] is None
    assert out["nilai_prestasi_kerja"] is None and out["predikat"] is None
    assert out["nilai_perilaku"] == 86.6
    assert out["tugas_tambahan"] == 1 and out["kreativitas"] == 0
    assert [str(x) for x in explain(s)] == [
        "Belum ada realisasi: nilai belum dapat dihitung (yang ada baru target)."]
    assert [str(x) for x in explain(s, "en")] == ["No realisation yet: there is no score, only targets."]


def test_output_above_target_is_not_capped():
    k = score_kegiatan(keg(to=10, tw=12, ro=12, rk=100, rw=12))
    assert k.aspek["kuantitas"].value == D(120)
    assert k.aspek["kuantitas"].branch == BRANCH_RATIO
    assert k.perhitungan == D(296)
    assert fmt_number(k.nilai_capaian) == "98,67"


def test_nilai_skp_above_100_is_not_capped():
    kreatif = {"id": "C1", "uraian": "x", "jenis": "kreatif", "bukti": ["SK Presiden"], "tingkat": "nasional"}
    tambahan = [{"id": f"T{i}", "uraian": "x", "jenis": "tambahan", "bukti": ["ST"]} for i in range(7)]
    s = score_plan(plan(keg(to=10, tw=12, ro=12, rk=100, rw=9.12), kreatif, *tambahan))
    # (120 + 100 + 100)/3 + 3 + 12
    assert fmt_number(s.nilai_skp) == "121,67"
    assert s.predikat_skp == "Sangat Baik"


# ----------------------------------------------------------------- bonuses

@pytest.mark.parametrize("count, bonus", [(0, 0), (1, 1), (3, 1), (4, 2), (6, 2), (7, 3), (12, 3)])
def test_tugas_tambahan_bonus_counts(count, bonus):
    assert tugas_tambahan_bonus(count) == bonus
    tambahan = [{"id": f"T{i}", "uraian": "Panitia", "jenis": "tambahan", "bukti": [f"ST/{i}"]} for i in range(count)]
    s = score_plan(plan(keg(ro=1, rk=100, rw=12), *tambahan))
    assert s.tugas_tambahan == bonus
    assert s.nilai_skp == D(92) + bonus


def test_tambahan_without_bukti_not_counted():
    tambahan = [
        {"id": "T1", "uraian": "a", "jenis": "tambahan", "bukti": []},
        {"id": "T2", "uraian": "b", "jenis": "tambahan"},
        {"id": "T3", "uraian": "c", "jenis": "tambahan", "bukti": None},
        {"id": "T4", "uraian": "d", "jenis": "tambahan", "bukti": ["  "]},
    ]
    s = score_plan(plan(keg(ro=1, rk=100, rw=12), *tambahan))
    assert s.tugas_tambahan == 0
    assert s.jumlah_tambahan_berbukti == 0
    with_one = score_plan(plan(keg(ro=1, rk=100, rw=12), *tambahan,
                               {"id": "T5", "uraian": "e", "jenis": "tambahan", "bukti": ["ST/5"]}))
    assert with_one.tugas_tambahan == 1 and with_one.jumlah_tambahan_berbukti == 1


def test_several_kreatif_highest_tingkat_with_bukti_counts():
    k = lambda i, tingkat, bukti: {"id": f"C{i}", "uraian": "x", "jenis": "kreatif", "tingkat": tingkat, "bukti": bukti}
    base = keg(ro=1, rk=100, rw=12)
    s = score_plan(plan(base, k(1, "unit_kerja", ["SK"]), k(2, "nasional", ["Keppres"]), k(3, "organisasi", ["SK PPK"])))
    assert (s.kreativitas, s.tingkat_kreativitas) == (12, "nasional")
    assert s.nilai_skp == D(104)
    s = score_plan(plan(base, k(1, "unit_kerja", ["SK"]), k(2, "nasional", []), k(3, "organisasi", ["SK PPK"])))
    assert (s.kreativitas, s.tingkat_kreativitas) == (6, "organisasi")
    s = score_plan(plan(base, k(1, "unit_kerja", ["SK"]), k(2, "unit_kerja", ["SK 2"])))
    assert s.kreativitas == 3
    s = score_plan(plan(base, k(1, None, ["SK"])))
    assert s.kreativitas == 0


# ----------------------------------------------------------------- predikat

@pytest.mark.parametrize("value, expected", [
    ("112", "Sangat Baik"), ("91", "Sangat Baik"), ("90.995", "Sangat Baik"), ("90.99", "Baik"),
    ("90.5", "Baik"), ("76", "Baik"), ("75.995", "Baik"), ("75.994", "Cukup"), ("75.5", "Cukup"),
    ("61", "Cukup"), ("60.5", "Kurang"), ("51", "Kurang"), ("50.5", "Buruk"), ("50", "Buruk"),
    ("0", "Buruk"), ("-3", "Buruk"),
])
def test_predikat_bands_on_printed_value(value, expected):
    assert predikat_pp46(D(value)) == expected
    assert predikat_pp46(float(value)) == expected


def test_predikat_none():
    assert predikat_pp46(None) is None


def test_90_995_prints_91_00():
    assert fmt_number(D("90.995")) == "91,00"
    assert fmt_number(D("90.994999")) == "90,99"


# ----------------------------------------------------------------- perilaku and NPK

def test_perilaku_five_aspects_without_kepemimpinan():
    s = score_plan(plan(keg(ro=1, rk=100, rw=12), perilaku=PERILAKU5))
    assert s.nilai_perilaku == D("86.6")
    assert len(s.perilaku) == 5
    assert s.nilai_prestasi_kerja == D("0.6") * 92 + D("0.4") * D("86.6")  # 55.2 + 34.64 = 89.84
    assert s.nilai_prestasi_kerja == D("89.84")
    assert s.predikat == "Baik"


def test_perilaku_six_aspects_with_kepemimpinan():
    s = score_plan(plan(keg(ro=1, rk=100, rw=12), perilaku={**PERILAKU5, "kepemimpinan": 80}))
    assert s.nilai_perilaku == D("85.5")             # 513 / 6
    assert len(s.perilaku) == 6
    assert s.nilai_prestasi_kerja == D("89.4")       # 55.2 + 34.2


def test_no_perilaku_leaves_npk_null():
    out = score_plan(plan(keg(ro=1, rk=100, rw=12))).to_json("f.yaml")
    assert out["nilai_perilaku"] is None and out["nilai_prestasi_kerja"] is None and out["predikat"] is None
    assert out["nilai_skp"] == 92.0 and out["predikat_skp"] == "Sangat Baik"


# ----------------------------------------------------------------- permenpanrb-6-2022

@pytest.mark.parametrize("perilaku, hasil, expected", [
    ("di_atas_ekspektasi", "di_bawah_ekspektasi", "Butuh Perbaikan"),
    ("di_atas_ekspektasi", "sesuai_ekspektasi", "Baik"),
    ("di_atas_ekspektasi", "di_atas_ekspektasi", "Sangat Baik"),
    ("sesuai_ekspektasi", "di_bawah_ekspektasi", "Butuh Perbaikan"),
    ("sesuai_ekspektasi", "sesuai_ekspektasi", "Baik"),
    ("sesuai_ekspektasi", "di_atas_ekspektasi", "Baik"),
    ("di_bawah_ekspektasi", "di_bawah_ekspektasi", "Sangat Kurang"),
    ("di_bawah_ekspektasi", "sesuai_ekspektasi", "Kurang/Misconduct"),
    ("di_bawah_ekspektasi", "di_atas_ekspektasi", "Kurang/Misconduct"),
])
def test_predikat_kinerja_matrix_all_nine_cells(perilaku, hasil, expected):
    assert predikat_kinerja(hasil, perilaku) == expected
    assert predikat_kinerja(rating_hasil=hasil, rating_perilaku=perilaku) == expected


def test_predikat_kinerja_accepts_display_spelling_and_rejects_unknown():
    assert predikat_kinerja("Di Atas Ekspektasi", "di atas") == "Sangat Baik"
    with pytest.raises(ValueError):
        predikat_kinerja("luar biasa", "sesuai_ekspektasi")


def plan_6_2022():
    return {
        "versi": 1, "aturan": "permenpanrb-6-2022",
        "kegiatan": [{
            "id": "R1", "uraian": "Tersusunnya dokumen perencanaan", "jenis": "utama",
            "indikator": [
                {"teks": "Jumlah dokumen", "aspek": "kuantitas", "target": {"nilai": 4, "satuan": "dokumen"},
                 "realisasi": {"nilai": 3}},
                {"teks": "Kualitas dokumen", "aspek": "kualitas", "target": "Diterima tanpa revisi"},
                {"teks": "Ketepatan waktu", "aspek": "waktu", "target": {"nilai": 12, "satuan": "bulan"}},
            ],
        }],
        "evaluasi": [
            {"periode": "triwulan-1", "rating_hasil_kerja": "sesuai_ekspektasi", "rating_perilaku": "di_atas_ekspektasi"},
            {"periode": "tahunan", "rating_hasil_kerja": "di_atas_ekspektasi", "rating_perilaku": "di_atas_ekspektasi"},
            {"periode": "triwulan-2", "rating_hasil_kerja": "sesuai_ekspektasi"},
        ],
    }


def test_6_2022_plan_json_and_iki():
    s = score_plan(plan_6_2022())
    out = s.to_json("rhk.yaml")
    assert list(out) == ["file", "aturan", "kegiatan", "tugas_tambahan", "kreativitas", "nilai_skp",
                         "predikat_skp", "nilai_perilaku", "nilai_prestasi_kerja", "predikat", "evaluasi",
                         "angka_kredit", "angka_kredit_rincian"]
    assert out["evaluasi"] == [
        {"periode": "triwulan-1", "rating_hasil_kerja": "sesuai_ekspektasi",
         "rating_perilaku": "di_atas_ekspektasi", "predikat_kinerja": "Baik"},
        {"periode": "tahunan", "rating_hasil_kerja": "di_atas_ekspektasi",
         "rating_perilaku": "di_atas_ekspektasi", "predikat_kinerja": "Sangat Baik"},
        {"periode": "triwulan-2", "rating_hasil_kerja": "sesuai_ekspektasi",
         "rating_perilaku": None, "predikat_kinerja": None},
    ]
    assert out["predikat"] == "Sangat Baik"          # the tahunan evaluasi
    assert out["nilai_skp"] is None and out["tugas_tambahan"] is None
    iki = s.kegiatan[0].iki
    assert [i.capaian for i in iki] == [D(75), None, None]
    assert [str(x) for x in explain(s)][0] == "R1 IKI 1 (kuantitas): capaian = 3/4 × 100 = 75,00"


def test_pp46_json_has_no_evaluasi_key():
    assert "evaluasi" not in score_plan(plan(keg(ro=1, rk=100, rw=12))).to_json("f")


# ----------------------------------------------------------------- explain, formatting, robustness

def test_explain_full_plan_lines():
    p = plan(keg("K1", to=1, tw=12, tb=1_000_000, ro=1, rk=90, rw=9, rb=1_000_000),
             {"id": "T1", "uraian": "Panitia", "jenis": "tambahan", "bukti": ["ST"]}, perilaku=PERILAKU5)
    lines = [str(x) for x in explain(score_plan(p))]
    assert lines[:7] == [
        "K1 (utama) — Kegiatan K1",
        "kuantitas: 1/1 × 100 = 100,00",
        "kualitas: 90/100 × 100 = 90,00",
        "waktu (bulan): efisiensi = 100 − (9/12 × 100) = 25,00% > 24% → 76 − ((((1,76 × 12 − 9)/12) × 100) − 100) = 75,00",
        "biaya: efisiensi = 100 − (1.000.000/1.000.000 × 100) = 0,00% ≤ 24% → ((1,76 × 1.000.000 − 1.000.000)/1.000.000) × 100 = 76,00",
        "perhitungan = 100,00 + 90,00 + 75,00 + 76,00 = 341,00",
        "nilai capaian = 341,00 / 4 = 85,25",
    ]
    assert "nilai SKP = 85,25 + 1 + 0 = 86,25 → Baik" in lines
    assert "nilai perilaku = (85 + 88 + 84 + 90 + 86)/5 = 86,60" in lines
    assert "nilai prestasi kerja = 60% × 86,25 + 40% × 86,60 = 86,39 → Baik" in lines
    en = [str(x) for x in explain(score_plan(p), lang="en")]
    assert "biaya: not counted (biaya target empty or 0)" not in en
    assert "tugas tambahan: 1 activity with evidence → 1 (0 → 0; 1–3 → 1; 4–6 → 2; ≥ 7 → 3)" in en
    structured = explain(score_plan(p))
    assert structured[3].kegiatan == "K1" and structured[3].topic == "waktu"


def test_explain_not_done_and_unused_biaya():
    lines = [str(x) for x in explain(score_plan(plan(keg("K1", ro=1, rk=100, rw=12), keg("K2", realisasi=False))))]
    assert "kuantitas: tidak dilaksanakan (tidak ada realisasi) → 0,00" in lines
    assert "biaya: tidak dihitung (target biaya kosong atau 0)" in lines
    assert "nilai capaian = 0,00 / 3 = 0,00" in lines


@pytest.mark.parametrize("value, text", [
    (D("1234.5"), "1.234,50"), (D("90.995"), "91,00"), (D("-24"), "-24,00"), (D("-0.004"), "0,00"),
    (D("1234567.891"), "1.234.567,89"), (D("0.005"), "0,01"), (D("-0.005"), "-0,01"), (100, "100,00"),
])
def test_fmt_number(value, text):
    assert fmt_number(value) == text


def test_fmt_plain():
    assert fmt_plain(9.12) == "9,12"
    assert fmt_plain(D("12.0")) == "12"
    assert fmt_plain(170395000) == "170.395.000"
    assert fmt_plain(D("1E+2")) == "100"


@pytest.mark.parametrize("bad,aturan,kegiatan", [
    (None, None, []), ([], None, []), ("teks", None, []),
    ({"kegiatan": "bukan daftar"}, None, []),
    ({"kegiatan": [1, None, "x"]}, None, []),
    ({"kegiatan": [{"jenis": "utama", "target": {"kuantitas": "abc", "waktu": 0},
                    "realisasi": {"kuantitas": True}}]}, None, [("utama", None)]),
    ({"aturan": "permenpanrb-6-2022", "evaluasi": "x", "kegiatan": [{"indikator": 3}]},
     "permenpanrb-6-2022", [(None, None)]),
])
def test_odd_data_never_raises(bad, aturan, kegiatan):
    """Data the schema rejects still scores to a plain "nothing computable" result, never an exception."""
    s = score_plan(bad)
    payload = json.loads(json.dumps(s.to_json("f"), allow_nan=False))
    assert payload["file"] == "f" and payload["aturan"] == aturan
    assert [(k["jenis"], k["nilai_capaian"]) for k in payload["kegiatan"]] == kegiatan
    # nothing here is a scorable realisation: no score and no predikat are invented
    assert (payload["nilai_skp"], payload["predikat_skp"], payload["nilai_prestasi_kerja"]) == (None, None, None)
    lines = explain(s)
    assert lines and all(isinstance(line, str) and line for line in lines)


def test_string_numbers_and_zero_target_are_tolerated():
    k = score_kegiatan({"id": "K", "jenis": "utama", "target": {"kuantitas": 0, "kualitas": 100, "waktu": "12"},
                        "realisasi": {"kuantitas": 1, "kualitas": 100, "waktu": "12"}})
    assert k.aspek["kuantitas"] is None                       # target 0: aspect not usable
    assert k.aspek["waktu"].value == D(76)
    assert k.nilai_capaian == D(88)                           # (100 + 76) / 2


# ----------------------------------------------------------------- properties

pos = st.decimals(min_value=D("0.01"), max_value=D("100000"), places=2, allow_nan=False, allow_infinity=False)
nonneg = st.decimals(min_value=D("0"), max_value=D("100000"), places=2, allow_nan=False, allow_infinity=False)


@settings(max_examples=200, deadline=None)
@given(t=pos, a=nonneg, b=nonneg, aspek=st.sampled_from(["kuantitas", "kualitas"]))
def test_ratio_monotone_in_realisation(t, a, b, aspek):
    lo, hi = sorted((a, b))
    assert score_ratio(aspek, t, lo).value <= score_ratio(aspek, t, hi).value


@settings(max_examples=300, deadline=None)
@given(t=pos, a=nonneg, b=nonneg)
def test_waktu_monotone_decreasing_in_rw_on_each_branch(t, a, b):
    lo, hi = sorted((a, b))
    s_lo, s_hi = score_time_like("waktu", t, lo), score_time_like("waktu", t, hi)
    if s_lo.branch == s_hi.branch == BRANCH_LE24:
        assert s_lo.value >= s_hi.value            # later → lower
    elif s_lo.branch == s_hi.branch == BRANCH_GT24:
        assert s_lo.value <= s_hi.value            # earlier than 76 % of TW → lower
    else:                                          # lo is the > 24 % side, hi the ≤ 24 % side
        assert (s_lo.branch, s_hi.branch) == (BRANCH_GT24, BRANCH_LE24)
    assert score_time_like("waktu", t, t * D("0.76")).value == D(100)   # the peak


@settings(max_examples=200, deadline=None)
@given(to=pos, tk=pos, tw=pos, tb=st.one_of(st.none(), st.just(0), pos),
       ro=pos, rk=nonneg, rw=nonneg, rb=st.one_of(st.none(), nonneg))
def test_nilai_capaian_is_mean_of_aspects_used(to, tk, tw, tb, ro, rk, rw, rb):
    k = score_kegiatan(keg(to=to, tk=tk, tw=tw, tb=tb, ro=ro, rk=rk, rw=rw, rb=rb))
    used = k.aspects_used
    assert len(used) == (4 if tb else 3)
    with localcontext() as ctx:
        ctx.prec = 80
        assert abs(k.perhitungan - sum(a.value for a in used)) < D("1e-40")
        assert abs(k.nilai_capaian - k.perhitungan / len(used)) < D("1e-40")


def test_prestasi_parts_and_angka_kredit_come_from_the_library() -> None:
    from decimal import Decimal

    from skpgen.scoring import angka_kredit

    plan = {
        "aturan": "pp46-2011",
        "kegiatan": [{"id": "K1", "jenis": "utama",
                      "target": {"kuantitas": 1, "kualitas": 100, "waktu": 12},
                      "realisasi": {"kuantitas": 1, "kualitas": 90, "waktu": 12}}],
        "perilaku_kerja": {"orientasi_pelayanan": 85, "integritas": 88, "komitmen": 84, "disiplin": 90,
                           "kerja_sama": 86},
    }
    s = score_plan(plan)
    # (100 + 90 + 76) / 3 = 88.666…; 60 % = 53.2; perilaku 433 / 5 = 86.6; 40 % = 34.64
    assert s.bagian_skp == Decimal("0.6") * s.nilai_skp
    assert round(s.bagian_skp, 10) == Decimal("53.2000000000")
    assert s.jumlah_perilaku == Decimal(433)
    assert s.bagian_perilaku == Decimal("34.64")
    assert s.nilai_prestasi_kerja == s.bagian_skp + s.bagian_perilaku
    assert angka_kredit(0.5, 12) == Decimal("6.0")
    assert angka_kredit(None, 12) is None
