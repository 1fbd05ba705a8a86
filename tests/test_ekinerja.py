"""e-Kinerja exports (DOMAIN.md §G.5) read by header name: a fixture built here with openpyxl from
the known column names (title block above the header, a Plt row, a mutasi duplicate) gives the
same curve as the equivalent plans; missing columns and unreadable values are named errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook

from skpgen.kurva import cek_kurva, predikat_rencana
from skpgen.kurva.ekinerja import EkinerjaError, baca_ekinerja
from test_angka_kredit import plan_text

UNIT = "Bidang Aplikasi Informatika"
OPD = "Dinas Komunikasi dan Informatika Kota Contoh"
LAIN = "Bidang Statistik"

# NIP → (predikat of the tahunan evaluasi, in the unit?) of the unit's employees
MEMBERS = {
    "199402172019031006": "Sangat Baik",
    "199001012015031001": "Baik",
    "199102022016032002": "Baik",
    "199203032017031003": "Baik",
    "199304042018032004": "Butuh Perbaikan",
    "198805052012031005": "Baik",     # came by mutasi in July: two rows in the Laporan SKP
}
PLT = "197511112000031001"            # head of another bidang, Plt in this unit: counted in his own
MOVED_OUT = "199512122019032007"      # left this unit by mutasi: counted where he went
HASIL = {"Sangat Baik": "SANGAT BAIK", "Baik": "BAIK", "Butuh Perbaikan": "CUKUP"}


def _title(ws, title: str) -> None:
    ws.append([title])
    ws.append([f"Instansi {OPD}"])
    ws.append([])
    ws.append(["Dicetak oleh e-Kinerja BKN"])
    ws.append([])
    ws.append([dt.datetime(2026, 1, 15, 9, 30)])
    ws.append([])


def build_exports(path: Path, drop: str | None = None, nip_as_number: bool = False) -> Path:
    wb = Workbook()
    pen = wb.active
    pen.title = "Penilaian SKP"
    _title(pen, "Laporan Penilaian SKP Tahun 2025")
    header = ["no", "nama", "hasil_akhir", "id", "jenis_pegawai"]      # not the usual order
    pen.append([h for h in header if h != drop])
    rows = [(nip, HASIL[p]) for nip, p in MEMBERS.items()] + [(PLT, "BAIK"), (MOVED_OUT, "SANGAT BAIK"),
                                                               ("198001012005011001", "-")]
    for i, (nip, hasil) in enumerate(rows, 1):
        values = {"no": i, "nama": f"Pegawai {i}", "hasil_akhir": hasil,
                  "id": int(nip) if nip_as_number else nip, "jenis_pegawai": "pns"}
        pen.append([values[h] for h in header if h != drop])

    lap = wb.create_sheet("Laporan SKP")
    _title(lap, "Laporan SKP Tahun 2025")
    lap.append(["nip", "nama", "skp_status", "skp_unor_induk", "unit_kerja", "skp_jabatan", "is_plt_plh",
                "periode_akhir"])
    end, mid = dt.datetime(2025, 12, 31), dt.datetime(2025, 6, 30)
    for nip in MEMBERS:
        if nip == "198805052012031005":
            lap.append([nip, "Mutasi Masuk", "persetujuan", OPD, LAIN, "Statistisi Ahli Muda", 0, mid])
        lap.append([nip, "Pegawai", "persetujuan", OPD, UNIT, "Pranata Komputer Ahli Pertama", 0, end])
    lap.append([PLT, "Kepala Bidang Statistik", "persetujuan", OPD, LAIN, "Kepala Bidang", 0, end])
    lap.append([PLT, "Kepala Bidang Statistik", "persetujuan", OPD, UNIT, "Plt. Kepala Bidang", 1, end])
    lap.append([MOVED_OUT, "Mutasi Keluar", "persetujuan", OPD, UNIT, "Pranata Komputer", 0, mid])
    lap.append([MOVED_OUT, "Mutasi Keluar", "persetujuan", OPD, LAIN, "Statistisi", 0, end])
    wb.save(path)
    return path


def equivalent_plans() -> list[dict]:
    plans = []
    for nip, predikat in MEMBERS.items():
        text = plan_text(evaluasi=[("tahunan", predikat)]).replace("199402172019031006", nip)
        plans.append(yaml.safe_load(text))
    return plans


def test_export_gives_the_same_curve_as_the_plans(tmp_path: Path):
    ek = baca_ekinerja([build_exports(tmp_path / "ekinerja.xlsx")])
    members = ek.anggota(UNIT, OPD)
    assert sorted(members) == sorted(MEMBERS)           # Plt row and the moved-out employee left out
    assert ek.predikat["198001012005011001"] is None    # "-" is no predikat
    assert ek.predikat["199304042018032004"] == "butuh_perbaikan"  # CUKUP
    from_export = cek_kurva([ek.predikat[nip] for nip in members], "baik")
    from_plans = cek_kurva([predikat_rencana(p, "tahunan") for p in equivalent_plans()], "baik")
    assert from_export == from_plans
    assert from_export.jumlah == {"sangat_baik": 1, "baik": 4, "butuh_perbaikan": 1, "kurang": 0, "sangat_kurang": 0}
    assert from_export.patuh and from_export.n == 6
    assert ek.penempatan[PLT].unit == LAIN and ek.penempatan[MOVED_OUT].unit == LAIN


def test_missing_hasil_akhir_is_named(tmp_path: Path):
    with pytest.raises(EkinerjaError) as exc:
        baca_ekinerja([build_exports(tmp_path / "e.xlsx", drop="hasil_akhir")])
    text = str(exc.value)
    assert "lembar 'Penilaian SKP' (baris judul 8): kolom Penilaian SKP tidak ditemukan: hasil_akhir" in text


def test_missing_id_is_named_and_never_taken_by_position(tmp_path: Path):
    with pytest.raises(EkinerjaError, match=r"tidak ditemukan: id \(atau nip\)"):
        baca_ekinerja([build_exports(tmp_path / "e.xlsx", drop="id")])


def test_nip_stored_as_number_is_refused(tmp_path: Path):
    with pytest.raises(EkinerjaError, match=r"lembar 'Penilaian SKP', baris 9, kolom id: NIP tersimpan sebagai angka"):
        baca_ekinerja([build_exports(tmp_path / "e.xlsx", nip_as_number=True)])


def test_unknown_hasil_akhir_and_bad_laporan_columns(tmp_path: Path):
    wb = Workbook()
    ws = wb.active
    ws.append(["id", "hasil_akhir"])
    ws.append(["199402172019031006", "LUAR BIASA"])
    wb.save(tmp_path / "a.xlsx")
    with pytest.raises(EkinerjaError, match="baris 2, kolom hasil_akhir: hasil_akhir 'LUAR BIASA' tidak dikenal"):
        baca_ekinerja([tmp_path / "a.xlsx"])
    wb = Workbook()
    ws = wb.active
    ws.append(["nip", "skp_unor_induk", "periode_akhir"])
    wb.save(tmp_path / "b.xlsx")
    with pytest.raises(EkinerjaError, match="kolom Laporan SKP tidak ditemukan: unit_kerja .* is_plt_plh"):
        baca_ekinerja([tmp_path / "b.xlsx"])


def test_not_an_xlsx(tmp_path: Path):
    bad = tmp_path / "x.xlsx"
    bad.write_text("nip,hasil_akhir\n", encoding="utf-8")
    with pytest.raises(EkinerjaError, match="tidak dapat dibaca sebagai .xlsx"):
        baca_ekinerja([bad])
