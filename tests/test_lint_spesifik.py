"""The issue-15 Spesifik rules on concrete uraian: what each flags, what it leaves alone, and how
the typo rule and S101 share a misspelt verb (one finding, the slip, never "no verb")."""

from __future__ import annotations

import json

import pytest

from skpgen.lint import morfologi
from skpgen.lint.vocab import _typo_of, load_vocab, osa_distance
from skpgen.rules import s113_kata_tergabung
from test_lint_rules import lint_example


def codes(uraian: str, **row) -> dict[str, str]:
    """Warning/error codes (with their messages) found on one pp46 kegiatan."""
    k = {"id": "K1", "uraian": uraian, "jenis": "utama", "mendukung": ["SS1"],
         "target": {"kuantitas": 12, "satuan": "laporan", "kualitas": 100, "waktu": 12}, **row}
    snippet = "kegiatan:\n  - " + json.dumps(k, ensure_ascii=False) + "\n"
    return {f.code: f.message for f in lint_example(snippet) if f.kegiatan == "K1"
            and f.severity in ("warning", "error") and f.code[0] == "S"}


def rhk_codes(uraian: str) -> set[str]:
    k = {"id": "RHK1", "uraian": uraian, "jenis": "utama", "rhk_atasan": "197805122005011003#RHK2",
         "indikator": [{"teks": "Jumlah dokumen", "aspek": "kuantitas", "target": {"nilai": 4, "satuan": "dokumen"}}]}
    snippet = "aturan: permenpanrb-6-2022\nkegiatan:\n  - " + json.dumps(k, ensure_ascii=False) + "\n"
    return {f.code for f in lint_example(snippet) if f.kegiatan == "RHK1" and f.code[0] == "S"}


def test_misspelt_verb_is_a_slip_with_a_suggestion_not_a_missing_verb() -> None:
    got = codes("Menyusn laporan realisasi anggaran bulanan")
    assert got == {"S114": "'Menyusn' tampaknya salah ketik. Maksud Anda 'Menyusun'?"}
    assert set(codes("Melakukkan pelayanan medik umum rawat jalan")) == {"S114", "S110"}
    assert "S114" in codes("Mengelompokan surat menurut jenisnya")  # same root as the listed verb


@pytest.mark.parametrize("uraian", ["Membuang limbah obat sitostatika", "Mencari solusi atas kendala anggaran",
                                    "Memanaskan mesin kendaraan dinas", "Menyusun laporan realisasi anggaran"])
def test_real_verbs_near_a_listed_verb_are_not_slips(uraian: str) -> None:
    assert "S114" not in codes(uraian)


def test_the_affix_code_alone_cannot_tell_a_real_verb_from_a_slip(monkeypatch: pytest.MonkeyPatch) -> None:
    """Why PySastrawi: without its root dictionary "Mencari" reads as "Mencair" misspelt."""
    vocab = load_vocab()

    def fresh() -> None:
        morfologi._sastrawi.cache_clear()
        morfologi.root_of.cache_clear()
        _typo_of.cache_clear()

    try:
        monkeypatch.setenv("SKPGEN_MORFOLOGI", "afiks")
        fresh()
        assert morfologi.backend() == "afiks"
        assert vocab.typo_of("mencari") == "mencair"
        monkeypatch.setenv("SKPGEN_MORFOLOGI", "sastrawi")
        fresh()
        assert morfologi.backend() == "sastrawi"
        assert vocab.typo_of("mencari") is None
        assert vocab.typo_of("melakukkan") == "melakukan"
    finally:
        monkeypatch.delenv("SKPGEN_MORFOLOGI")
        fresh()


def test_osa_distance() -> None:
    assert osa_distance("menyusn", "menyusun", 1) == 1
    assert osa_distance("mencari", "mencair", 1) == 1  # a swap of neighbours is one edit
    assert osa_distance("memperivikasi", "memverifikasi", 2) == 2
    assert osa_distance("menyusun", "mengirim", 2) == 3  # capped at limit + 1


@pytest.mark.parametrize("word,split", [
    ("Menyusunlaporan", "Menyusun laporan"), ("danpenyetoran", "dan penyetoran"),
    ("termasukmembuat", "termasuk membuat"), ("kedalam", "ke dalam"), ("PerundangUndangan", "Perundang Undangan"),
    ("Kegiatansesuaidenganprosedur", "Kegiatan sesuai dengan prosedur"),
])
def test_glued_words_are_split(word: str, split: str) -> None:
    assert s113_kata_tergabung.split_of(load_vocab(), word) == split


@pytest.mark.parametrize("word", ["pertanggungjawaban", "sebagaimana", "eKinerja", "memberikan", "daripada",
                                  "menatausahakan", "penyelenggaraan", "sertifikat", "Menyusun"])
def test_ordinary_words_are_not_split(word: str) -> None:
    assert s113_kata_tergabung.split_of(load_vocab(), word) is None


def test_reduplicated_objects() -> None:
    assert codes("Mengumpulkan data-data kepegawaian")["S109"].startswith("'data-data'")
    assert "S109" in codes("Mempelajari peraturan yang berkaitan dengan tugas tugas perbendaharaan")
    assert "S109" not in codes("Menerima usulan dari masing-masing pegawai sesuai undang-undang")
    assert "S109" not in codes("Memilah-milah surat masuk menurut jenisnya")


def test_process_verb_with_activity_noun_needs_an_output() -> None:
    assert "S110" in codes("Melakukan pendampingan penyusunan anggaran desa")
    assert "S110" in codes("Menyelenggarakan rapat koordinasi lintas sektor")
    assert "S110" not in codes("Melakukan pendampingan penyusunan anggaran desa dan menyusun laporannya")
    assert "S110" not in codes("Melaksanakan pembelajaran Matematika kelas VIII (24 jam pelajaran per minggu)")
    indikator = [{"teks": "Jumlah kegiatan dengan berita acara", "aspek": "kuantitas"}]
    assert "S110" not in codes("Melaksanakan pelayanan perekaman KTP-el", indikator=indikator)


def test_nominal_uraian_generic_output_and_delegated_residue() -> None:
    assert {"S101", "S108"} <= set(codes("Rapat koordinasi"))
    assert "S108" not in codes("Penyusunan laporan keuangan")  # S101 still asks for the verb
    assert "S111" in codes("Menyusun karya ilmiah")
    assert "S111" not in codes("Menyusun naskah karya ilmiah tentang pembelajaran daring")
    got = codes("Melaksanakan tugas kedinasan lain yang diperintahkan oleh pimpinan")
    assert "S112" in got and "S103" not in got


def test_menjadi_is_no_action_in_a_main_activity_only() -> None:
    assert "S101" in codes("Menjadi anggota organisasi profesi")
    assert "S101" not in codes("Menjadi wali kelas VIII-B", jenis="tambahan",
                               bukti=["SK Kepala Sekolah"], target=None)


@pytest.mark.parametrize("uraian,flagged", [
    ("Menyusun materi sosialisasi aplikasi perizinan", True), ("Monitoring dan supervisi", True),
    ("Sosialisasi", True), ("Layanan penerbitan izin bangunan", True),
    ("Tersedianya materi sosialisasi aplikasi perizinan", False),
    ("Verifikasi berkas permohonan disampaikan tepat waktu", False),
    ("Pengelolaan anggaran program yang akuntabel", False), ("Kepuasan instansi pengusul", False),
    ("Meningkatnya kualitas layanan kepegawaian", False),
])
def test_rhk_worded_as_an_activity(uraian: str, flagged: bool) -> None:
    assert ("S107" in rhk_codes(uraian)) is flagged
