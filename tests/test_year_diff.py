"""skpgen.diff.compare_plans and the `skpgen diff` command (SPEC §7)."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import MINIMAL, run_cli
from skpgen.diff import compare_plans
from skpgen.loader import load_text

BASE = load_text(MINIMAL, "base.yaml").data


def plan(**changes):
    data = copy.deepcopy(BASE)
    data.update(changes)
    return data


def k(i: int) -> dict:
    return copy.deepcopy(BASE["kegiatan"][i])


# ---- compare_plans --------------------------------------------------------------------------------

def test_identical_plans_have_no_changes():
    d = compare_plans(BASE, copy.deepcopy(BASE))
    assert not d.has_changes
    assert d.unchanged == 2
    assert d.to_dict()["ada_perbedaan"] is False


def test_removed_and_added_by_id():
    k3 = {"id": "K3", "uraian": "Menyelenggarakan bimbingan teknis SIPD", "jenis": "tambahan"}
    d = compare_plans(BASE, plan(kegiatan=[k(0), k3]))
    assert [(r.id, r.uraian, r.jenis, r.index) for r in d.removed] == [
        ("K2", "Memverifikasi data e-Planning", "utama", 1)]
    assert [(a.id, a.jenis, a.index) for a in d.added] == [("K3", "tambahan", 1)]
    assert d.changed == () and d.unchanged == 1


def test_target_changes_field_by_field():
    k1 = k(0)
    k1["target"]["kuantitas"] = 2
    k1["target"]["tenggat"] = "2025-04-30"
    del k1["target"]["satuan_waktu"]
    k1["target"]["biaya"] = 5000000
    d = compare_plans(BASE, plan(kegiatan=[k1, k(1)]))
    (c,) = d.changed
    assert (c.old_id, c.new_id, c.matched_by) == ("K1", "K1", "id")
    assert [(f.field, f.old, f.new) for f in c.changes] == [
        ("target.kuantitas", 1, 2),
        ("target.satuan_waktu", "bulan", None),
        ("target.tenggat", "2025-03-31", "2025-04-30"),
        ("target.biaya", None, 5000000),
    ]


def test_uraian_jenis_and_indikator_changes():
    k2 = k(1)
    k2["uraian"] = "Memverifikasi data usulan program pada e-Planning"
    k2["jenis"] = "tambahan"
    k2["indikator"] = [{"teks": "Laporan verifikasi bulanan", "aspek": "kuantitas"}]
    d = compare_plans(BASE, plan(kegiatan=[k(0), k2]))
    (c,) = d.changed
    assert [f.field for f in c.changes] == ["uraian", "jenis", "indikator"]
    assert c.changes[2].old is None
    assert c.changes[2].new == [{"teks": "Laporan verifikasi bulanan", "aspek": "kuantitas"}]


def test_renamed_id_is_matched_by_uraian_similarity():
    k2 = k(1)
    k2["id"] = "K9"
    k2["uraian"] = "Memverifikasi data e-Planning."  # punctuation only: similarity 1.0
    d = compare_plans(BASE, plan(kegiatan=[k(0), k2]))
    assert d.removed == () and d.added == ()
    (c,) = d.changed
    assert (c.old_id, c.new_id, c.matched_by, c.similarity) == ("K2", "K9", "uraian", 1.0)
    assert [(f.field, f.old, f.new) for f in c.changes] == [
        ("id", "K2", "K9"), ("uraian", "Memverifikasi data e-Planning", "Memverifikasi data e-Planning.")]


def test_dissimilar_renamed_activity_is_removed_plus_added():
    k2 = k(1)
    k2["id"] = "K9"
    k2["uraian"] = "Menyusun laporan keuangan tahunan"
    d = compare_plans(BASE, plan(kegiatan=[k(0), k2]))
    assert [r.id for r in d.removed] == ["K2"]
    assert [a.id for a in d.added] == ["K9"]


def test_plan_fields_and_new_revisions_are_reported():
    new = plan(periode={"tahun": 2025, "mulai": "2025-01-02", "selesai": "2025-11-30"},
               revisi=[{"tanggal": "2025-07-01", "alasan": "APBD Perubahan", "disetujui": True}])
    d = compare_plans(BASE, new)
    assert [(f.field, f.old, f.new) for f in d.plan_changes] == [("periode.selesai", "2025-12-31", "2025-11-30")]
    assert d.new_revisions == ({"tanggal": "2025-07-01", "alasan": "APBD Perubahan", "disetujui": True},)


def test_to_dict_shape():
    k1 = k(0)
    k1["target"]["kualitas"] = 90
    out = compare_plans(BASE, plan(kegiatan=[k1])).to_dict()
    assert out == {
        "ada_perbedaan": True,
        "ditambahkan": [],
        "dihapus": [{"id": "K2", "uraian": "Memverifikasi data e-Planning", "jenis": "utama", "indeks": 1}],
        "diubah": [{"id_lama": "K1", "id_baru": "K1", "uraian": "Menyusun RKA Unit Kerja", "dicocokkan": "id",
                    "kemiripan": 1.0, "perubahan": [{"kolom": "target.kualitas", "lama": 100, "baru": 90}]}],
        "tidak_berubah": 0,
        "perubahan_rencana": [],
        "revisi_baru": [],
    }


def test_garbage_kegiatan_does_not_crash():
    d = compare_plans({"kegiatan": "x"}, {"kegiatan": [None, {"id": 3}]})
    assert [a.id for a in d.added] == [None, "3"]


# ---- the command ----------------------------------------------------------------------------------

REVISED = (MINIMAL
           .replace("kuantitas: 12, satuan: laporan", "kuantitas: 10, satuan: laporan")
           .replace("  - id: K1\n    uraian: Menyusun RKA Unit Kerja\n    jenis: utama\n    mendukung: [SS1]\n"
                    "    target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3, satuan_waktu: bulan, "
                    "tenggat: \"2025-03-31\"}\n", "")
           + "  - id: K3\n    uraian: Menyusun laporan monitoring pengadaan\n    jenis: utama\n"
             "    mendukung: [SS1]\n    target: {kuantitas: 4, satuan: laporan, kualitas: 100, waktu: 12}\n")


@pytest.fixture
def two_files(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "lama.skp.yaml", tmp_path / "baru.skp.yaml"
    old.write_text(MINIMAL, encoding="utf-8")
    new.write_text(REVISED, encoding="utf-8")
    return old, new


def test_cli_text(two_files):
    old, new = two_files
    r = run_cli("diff", str(old), str(new))
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == [
        f"Perbandingan {old} → {new}",
        "Kegiatan dihapus (1):",
        "  - K1  Menyusun RKA Unit Kerja [utama]",
        "Kegiatan ditambahkan (1):",
        "  + K3  Menyusun laporan monitoring pengadaan [utama]",
        "Kegiatan diubah (1):",
        "  ~ K2  Memverifikasi data e-Planning",
        "      target.kuantitas: 12 → 10",
        "",
        "PERHATIAN: kegiatan dihapus — perubahan SKP di tengah tahun harus disetujui dan tidak boleh "
        "menghilangkan kegiatan tanpa alasan.",
        "Tidak ada catatan revisi baru yang menjelaskan perubahan ini (tambahkan entri 'revisi' dengan "
        "alasan dan persetujuan).",
    ]


def test_cli_json_english_and_exit_code(two_files):
    old, new = two_files
    r = run_cli("diff", str(old), str(new), "--format", "json", "--exit-code")
    assert r.returncode == 1
    out = json.loads(r.stdout)
    assert out["lama"] == str(old) and out["baru"] == str(new)
    assert [x["id"] for x in out["dihapus"]] == ["K1"]
    assert out["diubah"][0]["perubahan"] == [{"kolom": "target.kuantitas", "lama": 12, "baru": 10}]
    r = run_cli("diff", str(old), str(new), "--lang", "en")
    assert "WARNING: activities removed" in r.stdout
    assert "Activities added (1):" in r.stdout


def test_cli_same_file_no_difference(two_files):
    old, _ = two_files
    r = run_cli("diff", str(old), str(old), "--exit-code")
    assert r.returncode == 0
    assert r.stdout.splitlines()[1] == "Tidak ada perbedaan kegiatan, target, maupun identitas."


def test_cli_unreadable_and_bad_arguments(two_files, tmp_path):
    old, _ = two_files
    r = run_cli("diff", str(old), str(tmp_path / "hilang.yaml"))
    assert r.returncode == 2
    assert "E001" in r.stderr and "Traceback" not in r.stderr
    bad = tmp_path / "rusak.yaml"
    bad.write_text("a: [1\n", encoding="utf-8")
    r = run_cli("diff", str(bad), str(old))
    assert r.returncode == 2 and "E004" in r.stderr
    r = run_cli("diff", str(old))
    assert r.returncode == 2
    assert "Berikan dua berkas" in r.stderr


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_cli_git_revision(tmp_path):
    repo = tmp_path / "repo"
    (repo / "skp").mkdir(parents=True)
    f = repo / "skp" / "ali.skp.yaml"
    f.write_text(MINIMAL, encoding="utf-8")
    git = ["git", "-c", "user.email=t@example.org", "-c", "user.name=t", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "add", "."], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "awal"], cwd=repo, check=True)
    f.write_text(REVISED, encoding="utf-8")
    r = run_cli("diff", str(f), "--git", "HEAD", "--format", "json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["lama"] == f"HEAD:{f}"
    assert [x["id"] for x in out["dihapus"]] == ["K1"]
    assert [x["id"] for x in out["ditambahkan"]] == ["K3"]
    r = run_cli("diff", str(f), "--git", "tidak-ada")
    assert r.returncode == 2 and "dari git" in r.stderr
    r = run_cli("diff", str(f), "--git", "--output=/tmp/x")
    assert r.returncode == 2 and "tidak valid" in r.stderr
