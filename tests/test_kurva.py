"""The distribution curve (SE MenPANRB 3/2023, SPEC §11): every boundary of every row of the rule
table for units of 1, 5, 9, 10, 11 and 30 employees, the rounding policy and the small-unit
statement as the output words them."""

from __future__ import annotations

import doctest

import pytest

import skpgen.kurva as kurva
from skpgen.kurva import PREDIKAT, cek_kurva, tabel_kurva

SIZES = (1, 5, 9, 10, 11, 30)
MAX70 = {1: 0, 5: 3, 9: 6, 10: 7, 11: 7, 30: 21}
MAX10 = {1: 0, 5: 0, 9: 0, 10: 1, 11: 1, 30: 3}
MIN60 = {1: 1, 5: 3, 9: 6, 10: 6, 11: 7, 30: 18}
MIN10 = {1: 1, 5: 1, 9: 1, 10: 1, 11: 2, 30: 3}
ONE = dict.fromkeys(SIZES, 1)
NONE = dict.fromkeys(SIZES, 0)

# (organisasi, predikat counted, batas) → expected limit in persons per unit size
EXPECTED = [
    ("istimewa", ("sangat_baik",), "maksimum", MAX70),
    ("baik", ("baik",), "maksimum", MAX70),
    ("baik", ("butuh_perbaikan", "kurang"), "minimum", ONE),
    ("butuh_perbaikan", ("sangat_baik",), "maksimum", MAX10),
    ("butuh_perbaikan", ("butuh_perbaikan",), "minimum", MIN60),
    ("kurang", ("sangat_baik",), "maksimum", MAX10),
    ("kurang", ("butuh_perbaikan",), "minimum", MIN10),
    ("kurang", ("kurang",), "minimum", MIN60),
    ("sangat_kurang", ("sangat_baik",), "maksimum", NONE),
    ("sangat_kurang", ("butuh_perbaikan", "kurang"), "minimum", MIN10),
    ("sangat_kurang", ("sangat_kurang",), "minimum", MIN60),
]


def test_table_rows_are_exactly_the_expected_ones():
    got = [(a.organisasi, a.predikat, a.batas) for a in tabel_kurva().aturan]
    assert got == [(o, p, b) for o, p, b, _ in EXPECTED]


def _unit(n: int, predikat: str, count: int, filler: str) -> list[str]:
    return [predikat] * count + [filler] * (n - count)


def _result_of(organisasi: str, predikat: tuple[str, ...], units: list[str]):
    h = cek_kurva(units, organisasi)
    [r] = [r for r in h.hasil if r.aturan.predikat == predikat]
    return h, r


CASES = [(o, p, b, lim, n) for o, p, b, lim in EXPECTED for n in SIZES]


@pytest.mark.parametrize(("organisasi", "predikat", "batas", "limits", "n"), CASES,
                         ids=[f"{o}-{'+'.join(p)}-{b}-n{n}" for o, p, b, _, n in CASES])
def test_every_boundary(organisasi: str, predikat: tuple[str, ...], batas: str, limits: dict[int, int], n: int):
    limit = limits[n]
    filler = next(p for p in ("baik", "sangat_kurang", "sangat_baik") if p not in predikat)
    counted = predikat[0]
    # at the limit: met
    h, r = _result_of(organisasi, predikat, _unit(n, counted, limit, filler))
    assert (r.batas, r.jumlah, r.patuh) == (limit, limit, True)
    assert h.n == n and h.jumlah[counted] == limit
    # one past the limit: not met, and the violation names the rule and the rounded limit
    beyond = limit + 1 if batas == "maksimum" else limit - 1
    if 0 <= beyond <= n:
        h, r = _result_of(organisasi, predikat, _unit(n, counted, beyond, filler))
        assert (r.jumlah, r.patuh) == (beyond, False)
        assert not h.patuh
        assert any(v.startswith(f"{r.predikat_teks}: {beyond} dari {n} pegawai, padahal ") and r.batas_teks in v
                   for v in h.pelanggaran)


@pytest.mark.parametrize(("n", "text"), [
    (1, "paling banyak 70 % dari 1 pegawai = 0,7 → 0 orang (dibulatkan ke bawah)"),
    (5, "paling banyak 70 % dari 5 pegawai = 3,5 → 3 orang (dibulatkan ke bawah)"),
    (9, "paling banyak 70 % dari 9 pegawai = 6,3 → 6 orang (dibulatkan ke bawah)"),
    (10, "paling banyak 70 % dari 10 pegawai = 7 → 7 orang (dibulatkan ke bawah)"),
    (11, "paling banyak 70 % dari 11 pegawai = 7,7 → 7 orang (dibulatkan ke bawah)"),
    (30, "paling banyak 70 % dari 30 pegawai = 21 → 21 orang (dibulatkan ke bawah)"),
])
def test_seventy_percent_as_stated(n: int, text: str):
    _, r = _result_of("baik", ("baik",), ["baik"] * n)
    assert r.batas_teks == text


@pytest.mark.parametrize(("n", "sixty", "ten"), [
    (1, "paling sedikit 60 % dari 1 pegawai = 0,6 → 1 orang (dibulatkan ke atas)",
        "paling sedikit 10 % dari 1 pegawai = 0,1 → 1 orang (dibulatkan ke atas)"),
    (5, "paling sedikit 60 % dari 5 pegawai = 3 → 3 orang (dibulatkan ke atas)",
        "paling sedikit 10 % dari 5 pegawai = 0,5 → 1 orang (dibulatkan ke atas)"),
    (9, "paling sedikit 60 % dari 9 pegawai = 5,4 → 6 orang (dibulatkan ke atas)",
        "paling sedikit 10 % dari 9 pegawai = 0,9 → 1 orang (dibulatkan ke atas)"),
    (10, "paling sedikit 60 % dari 10 pegawai = 6 → 6 orang (dibulatkan ke atas)",
         "paling sedikit 10 % dari 10 pegawai = 1 → 1 orang (dibulatkan ke atas)"),
    (11, "paling sedikit 60 % dari 11 pegawai = 6,6 → 7 orang (dibulatkan ke atas)",
         "paling sedikit 10 % dari 11 pegawai = 1,1 → 2 orang (dibulatkan ke atas)"),
    (30, "paling sedikit 60 % dari 30 pegawai = 18 → 18 orang (dibulatkan ke atas)",
         "paling sedikit 10 % dari 30 pegawai = 3 → 3 orang (dibulatkan ke atas)"),
])
def test_sixty_and_ten_percent_minimums_as_stated(n: int, sixty: str, ten: str):
    h = cek_kurva(["baik"] * n, "kurang")
    by = {r.aturan.predikat: r.batas_teks for r in h.hasil}
    assert by[("kurang",)] == sixty and by[("butuh_perbaikan",)] == ten


@pytest.mark.parametrize(("n", "small"), [
    (1, "Unit 1 pegawai terlalu kecil untuk bagian 10 % (0,1 orang): batas maksimum menjadi 0 orang."),
    (5, "Unit 5 pegawai terlalu kecil untuk bagian 10 % (0,5 orang): batas maksimum menjadi 0 orang."),
    (9, "Unit 9 pegawai terlalu kecil untuk bagian 10 % (0,9 orang): batas maksimum menjadi 0 orang."),
    (10, None), (11, None), (30, None),
])
def test_small_unit_statement_for_ten_percent(n: int, small: str | None):
    h = cek_kurva(["baik"] * n, "butuh_perbaikan")
    ten = [c for c in h.catatan if "10 %" in c]
    assert ten == ([small] if small else [])
    # "harus ada" and "tidak ada" are counts of persons: never a small-unit statement
    assert cek_kurva(["butuh_perbaikan"] * n, "baik").catatan == ([
        "Unit 1 pegawai terlalu kecil untuk bagian 70 % (0,7 orang): batas maksimum menjadi 0 orang."] if n == 1 else [])


def test_harus_ada_and_tidak_ada_wording():
    h = cek_kurva(["baik"] * 3 + ["sangat_baik"] * 7, "baik")
    assert h.pelanggaran == [
        "Butuh Perbaikan + Kurang/Misconduct: 0 dari 10 pegawai, padahal paling sedikit 1 orang (harus ada) bila "
        "predikat kinerja organisasi Baik (harus ada Butuh Perbaikan dan/atau Kurang/Misconduct)"]
    h = cek_kurva(["sangat_baik"] + ["sangat_kurang"] * 8 + ["kurang"], "sangat_kurang")
    assert h.pelanggaran == [
        "Sangat Baik: 1 dari 10 pegawai, padahal tidak boleh ada (0 orang) bila predikat kinerja organisasi "
        "Sangat Kurang (tidak ada Sangat Baik)"]


def test_whole_units():
    typical = ["sangat_baik"] * 2 + ["baik"] * 7 + ["butuh_perbaikan"]
    h = cek_kurva(typical, "baik")
    assert h.patuh and h.pelanggaran == [] and h.n == 10
    assert h.jumlah == {"sangat_baik": 2, "baik": 7, "butuh_perbaikan": 1, "kurang": 0, "sangat_kurang": 0}
    # the national pattern (88.5 % Baik) breaks the curve of a "Baik" organisation twice
    h = cek_kurva(["baik"] * 9 + ["sangat_baik"], "baik")
    assert not h.patuh and len(h.pelanggaran) == 2
    # employees without a predikat are not counted
    h = cek_kurva(["baik", None, "butuh_perbaikan"], "baik")
    assert (h.n, h.tanpa_predikat) == (2, 1)
    # no organisation predikat: nothing to check; no employee: said so
    assert cek_kurva(["baik"], None).patuh
    assert cek_kurva([], "baik").catatan == [
        "Tidak ada pegawai dengan predikat kinerja pada periode ini: kurva tidak dapat diperiksa."]


def test_json_object_keys_are_the_spec_ones():
    h = cek_kurva(["baik"] * 3 + ["butuh_perbaikan"], "baik")
    assert h.to_json("Bidang X", "tahunan") == {
        "unit": "Bidang X", "periode": "tahunan", "predikat_organisasi": "baik", "n": 4,
        "jumlah": {"sangat_baik": 0, "baik": 3, "butuh_perbaikan": 1, "kurang": 0, "sangat_kurang": 0},
        "patuh": False,
        "pelanggaran": ["Baik: 3 dari 4 pegawai, padahal paling banyak 70 % dari 4 pegawai = 2,8 → 2 orang "
                        "(dibulatkan ke bawah) bila predikat kinerja organisasi Baik (sebagian besar Baik, paling "
                        "banyak 70 %)"],
    }
    assert list(h.jumlah) == list(PREDIKAT)


def test_english_and_table_statement():
    h = cek_kurva(["baik"] * 4, "baik", lang="en")
    assert "at most 70 % of 4 employees = 2,8 → 2 (rounded down)" in h.pelanggaran[0]
    text = tabel_kurva().keterangan()
    assert "rules/kurva-distribusi.toml" in text and "SE MenPANRB Nomor 3 Tahun 2023" in text
    assert "[Q]" in text and "[U]" in text and "dibulatkan ke atas" in text


def test_bad_table_row_is_refused(tmp_path):
    bad = tmp_path / "kurva.toml"
    bad.write_text('nama="x"\nversi="1"\nsumber="s"\nlabel="Q"\npembulatan="p"\npembulatan_label="U"\n'
                   '[[aturan]]\norganisasi="baik"\npredikat=["bagus"]\nbatas="maksimum"\npersen=70\nteks="t"\n',
                   encoding="utf-8")
    with pytest.raises(ValueError, match="aturan #1"):
        kurva._read_table(bad)


def test_docstring_examples():
    assert doctest.testmod(kurva).failed == 0


def test_leader_rating_table_is_data_with_labels():
    t = tabel_kurva()
    assert t.rating_pimpinan == {"istimewa": "di_atas_ekspektasi", "baik": "sesuai_ekspektasi",
                                 "butuh_perbaikan": "di_bawah_ekspektasi", "kurang": "di_bawah_ekspektasi",
                                 "sangat_kurang": "di_bawah_ekspektasi"}
    assert t.keterangan_pimpinan() == ("rules/kurva-distribusi.toml versi 2023.1 [pimpinan]: asas [Q], padanan "
                                       "predikat organisasi ke rating [U]")
