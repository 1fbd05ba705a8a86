"""`skpgen status`: the monitoring table, late flags and due reviews (SPEC §7, guide §6c/§9)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import EXAMPLES, MINIMAL, run_cli
from skpgen.loader import load_text
from skpgen.year.status import plan_status, review_status

D = dt.date.fromisoformat

# K1: tenggat 2025-03-31, entries out of order (latest by date is on-track 80 on 05-20)
# K2: no tenggat (falls back to periode.selesai), reported terlambat
# K3: selesai before its tenggat; K4: tenggat passed, never monitored
PLAN = MINIMAL.replace(
    '    target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3, satuan_waktu: bulan, tenggat: "2025-03-31"}\n',
    '    target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3, satuan_waktu: bulan, tenggat: "2025-03-31"}\n'
    '    pemantauan:\n'
    '      - {tanggal: "2025-05-20", status: on-track, progres: 80, hambatan: "Menunggu data Unit A", tindak_lanjut: "Kirim pengingat"}\n'
    '      - {tanggal: "2025-02-10", status: on-track, progres: 30}\n'
    '      - {tanggal: "2025-11-01", status: selesai, progres: 100}\n',
).replace(
    '    target: {kuantitas: 12, satuan: laporan, kualitas: 100, waktu: 12, satuan_waktu: bulan}\n',
    '    target: {kuantitas: 12, satuan: laporan, kualitas: 100, waktu: 12, satuan_waktu: bulan}\n'
    '    pemantauan:\n'
    '      - {tanggal: "2025-06-30", status: terlambat, progres: 40, hambatan: "Aplikasi gangguan"}\n',
) + (
    '  - id: K3\n    uraian: Menyusun laporan monitoring pengadaan\n    jenis: utama\n    mendukung: [SS1]\n'
    '    target: {kuantitas: 1, satuan: laporan, kualitas: 100, waktu: 2, tenggat: "2025-02-28"}\n'
    '    pemantauan: [{tanggal: "2025-02-20", status: selesai, progres: 100}]\n'
    '  - id: K4\n    uraian: Menyusun SOP pelayanan\n    jenis: utama\n    mendukung: [SS1]\n'
    '    target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 6, tenggat: "2025-06-30"}\n'
    'jadwal_review: ["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-15"]\n'
)


def status_of(today: str, text: str = PLAN):
    return plan_status(load_text(text, "p.yaml").data, "p.yaml", D(today))


def test_latest_entry_by_date_and_late_flags():
    s = status_of("2025-07-01")
    k1, k2, k3, k4 = s.kegiatan
    # K1: latest entry on or before the day is 05-20 (the list order does not matter)
    assert (k1.status, k1.progres, k1.tanggal, k1.hambatan, k1.tindak_lanjut) == (
        "on-track", 80, "2025-05-20", "Menunggu data Unit A", "Kirim pengingat")
    assert (k1.terlambat, k1.hari_lewat, k1.tenggat) == (True, 92, "2025-03-31")
    assert k1.entri_diabaikan == 1  # the 2025-11-01 entry is after the day
    # K2: reported terlambat, deadline from the period, not past yet
    assert (k2.status, k2.terlambat, k2.hari_lewat, k2.tenggat, k2.tenggat_sumber) == (
        "terlambat", True, None, "2025-12-31", "periode")
    assert (k3.status, k3.terlambat) == ("selesai", False)
    assert (k4.status, k4.terlambat, k4.hari_lewat) == (None, True, 1)
    assert s.counts() == {"belum-mulai": 0, "on-track": 0, "terlambat": 3, "selesai": 1, "belum-dipantau": 0}


def test_replaying_an_earlier_day():
    k1, k2, k3, k4 = status_of("2025-03-01").kegiatan
    assert (k1.status, k1.progres, k1.terlambat) == ("on-track", 30, False)
    assert (k2.status, k2.terlambat) == (None, False)
    assert (k3.status, k4.status, k4.terlambat) == ("selesai", None, False)


def test_selesai_after_the_deadline_is_not_late():
    k1 = status_of("2025-12-01").kegiatan[0]
    assert (k1.status, k1.terlambat, k1.hari_lewat) == ("selesai", False, None)


def test_realisation_date_counts_as_selesai_without_monitoring():
    text = PLAN.replace('tenggat: "2025-06-30"}\n',
                        'tenggat: "2025-06-30"}\n    realisasi: {kuantitas: 1, kualitas: 90, waktu: 5, '
                        'tanggal_selesai: "2025-06-10"}\n')
    k4 = status_of("2025-07-01", text).kegiatan[3]
    assert (k4.status, k4.tanggal, k4.terlambat) == ("selesai", "2025-06-10", False)
    assert status_of("2025-06-01", text).kegiatan[3].status is None


@pytest.mark.parametrize("today, lalu, berikutnya, hari, due", [
    ("2025-03-20", [], "2025-03-31", 11, True),
    ("2025-03-31", [], "2025-03-31", 0, True),
    ("2025-04-01", ["2025-03-31"], "2025-06-30", 90, False),
    ("2025-06-16", ["2025-03-31"], "2025-06-30", 14, True),
    ("2025-06-15", ["2025-03-31"], "2025-06-30", 15, False),
    ("2025-12-16", ["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-15"], None, None, False),
])
def test_reviews(today, lalu, berikutnya, hari, due):
    r = review_status(["2025-09-30", "2025-03-31", "2025-06-30", "2025-12-15"], D(today))
    assert (r.lalu, r.berikutnya, r.hari_lagi, r.jatuh_tempo) == (lalu, berikutnya, hari, due)


# ---- the command ----------------------------------------------------------------------------------

@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    f = tmp_path / "ali.skp.yaml"
    f.write_text(PLAN, encoding="utf-8")
    return f


def test_cli_text_output(plan_file):
    r = run_cli("status", str(plan_file), "--today", "2025-09-20")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == [
        f"{plan_file} — Ali Rahman, S.Kom. (NIP 198503122010011002), Bagian Perencanaan; periode 2025; per 2025-09-20",
        "ID  Kegiatan                               Status                                Progres  Tenggat                      Hambatan              Tindak lanjut",
        "K1  Menyusun RKA Unit Kerja                TERLAMBAT (dilaporkan sesuai jadwal)  80%      2025-03-31 (lewat 173 hari)  Menunggu data Unit A  Kirim pengingat",
        "K2  Memverifikasi data e-Planning          TERLAMBAT                             40%      2025-12-31                   Aplikasi gangguan     -",
        "K3  Menyusun laporan monitoring pengadaan  selesai                               100%     2025-02-28                   -                     -",
        "K4  Menyusun SOP pelayanan                 TERLAMBAT                             -        2025-06-30 (lewat 82 hari)   -                     -",
        "4 kegiatan: 3 terlambat, 1 selesai; 3 ditandai TERLAMBAT.",
        "1 entri pemantauan bertanggal setelah 2025-09-20 tidak dihitung.",
        "Review yang sudah lewat: 2025-03-31, 2025-06-30",
        "Review jatuh tempo: 2025-09-30 (10 hari lagi)",
    ]


def test_cli_json_and_english(plan_file):
    r = run_cli("status", str(plan_file), "--today", "2025-09-20", "--format", "json")
    assert r.returncode == 0
    (out,) = json.loads(r.stdout)
    assert out["tanggal_acuan"] == "2025-09-20" and out["nip"] == "198503122010011002"
    assert out["jumlah_terlambat"] == 3
    assert out["kegiatan"][0] == {
        "id": "K1", "uraian": "Menyusun RKA Unit Kerja", "jenis": "utama", "status": "on-track",
        "status_efektif": "terlambat", "progres": 80, "tanggal_pemantauan": "2025-05-20",
        "hambatan": "Menunggu data Unit A", "tindak_lanjut": "Kirim pengingat", "tenggat": "2025-03-31",
        "tenggat_sumber": "target", "terlambat": True, "hari_lewat_tenggat": 173,
    }
    assert out["review"] == {"lalu": ["2025-03-31", "2025-06-30"], "berikutnya": "2025-09-30",
                             "hari_lagi": 10, "jatuh_tempo": True}
    r = run_cli("status", str(plan_file), "--today", "2025-09-20", "--lang", "en")
    assert "LATE (reported on track)" in r.stdout
    assert "Review due: 2025-09-30 (in 10 days)" in r.stdout


def test_cli_invalid_file_is_skipped_with_exit_1(plan_file, tmp_path):
    bad = tmp_path / "rusak.skp.yaml"
    bad.write_text(MINIMAL.replace("jenis: utama", "jenis: pokok", 1), encoding="utf-8")
    r = run_cli("status", str(tmp_path), "--today", "2025-09-20")
    assert r.returncode == 1
    assert "rusak.skp.yaml: berkas tidak valid (1 kesalahan); dilewati" in r.stderr
    assert "E023" in r.stderr
    assert "Menyusun SOP pelayanan" in r.stdout  # the valid plan is still shown


def test_cli_unreadable_and_bad_date(plan_file, tmp_path):
    r = run_cli("status", str(tmp_path / "tidak-ada.yaml"))
    assert r.returncode == 2 and "E001" in r.stderr and "Traceback" not in r.stderr
    r = run_cli("status", str(plan_file), "--today", "2025-13-01")
    assert r.returncode == 2
    assert "Tanggal --today tidak valid: '2025-13-01'" in r.stderr
    empty = tmp_path / "kosong"
    empty.mkdir()
    assert run_cli("status", str(empty)).returncode == 2


@pytest.mark.skipif(not (EXAMPLES / "analis-kebijakan-2025.skp.yaml").exists(), reason="examples not present")
def test_examples_demo_run():
    r = run_cli("status", "examples/", "--today", "2025-10-01")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    k4 = next(line for line in lines if line.startswith("K4  Menyusun rekomendasi kebijakan"))
    assert "TERLAMBAT" in k4 and "60%" in k4 and "Data survei pasar belum tersedia" in k4
    assert "Review berikutnya: 2025-12-15 (75 hari lagi)" in lines


def test_realisation_without_date_is_selesai_not_terlambat():
    """Issue 10 item 10: a realisation filled in without tanggal_selesai is finished work, also
    before the period ends and also when an older monitoring entry said on-track."""
    text = PLAN.replace('tenggat: "2025-06-30"}\n',
                        'tenggat: "2025-06-30"}\n    realisasi: {kuantitas: 1, kualitas: 90, waktu: 5}\n')
    k4 = status_of("2025-07-01", text).kegiatan[3]
    assert (k4.status, k4.terlambat, k4.hari_lewat) == ("selesai", False, None)
    # a dated finish after the latest monitoring entry wins over that entry's on-track
    text = PLAN.replace('tenggat: "2025-03-31"}\n', 'tenggat: "2025-03-31"}\n    realisasi: {kuantitas: 1, '
                        'kualitas: 95, waktu: 3, tanggal_selesai: "2025-05-25"}\n', 1)
    k1 = status_of("2025-06-01", text).kegiatan[0]
    assert (k1.status, k1.terlambat, k1.progres, k1.tanggal) == ("selesai", False, 80, "2025-05-25")
