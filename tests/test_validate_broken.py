"""A catalogue of broken inputs: each gets a located, Indonesian message and the SPEC §5 exit code.

Every case runs the real CLI in a subprocess and asserts exit code, error code, line, column and a
message fragment, and that no traceback is printed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import MINIMAL, run_cli


def sub(old: str, new: str, count: int = 1) -> str:
    assert old in MINIMAL, old
    return MINIMAL.replace(old, new, count)


K1_TARGET = 'target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3, satuan_waktu: bulan, tenggat: "2025-03-31"}'

# (id, file content (str or bytes), exit code, code, line, column, message fragment)
CASES: list[tuple[str, str | bytes, int, str, int, int, str]] = [
    ("syntax-unclosed-flow", sub("mendukung: [SS1]\n", "mendukung: [SS1\n"), 2, "E004", 27, 16, "kurung siku"),
    ("syntax-bad-indent", sub("  pangkat: Penata\n", " pangkat: Penata\n"), 2, "E004", 8, 2, "Sintaks YAML"),
    ("syntax-unclosed-quote", sub('nama: "Ali Rahman, S.Kom."', 'nama: "Ali Rahman, S.Kom.'), 2, "E004", 6, 9, "tanda kutip \" yang dibuka di sini tidak ditutup"),
    ("tab-indentation", sub("  pangkat: Penata\n", "\tpangkat: Penata\n"), 2, "E005", 8, 1, "tab"),
    ("duplicate-key", sub("  golongan: III/c\n", "  golongan: III/c\n  golongan: III/d\n"), 2, "E006", 10, 3,
     "baris 9 dan baris 10"),
    ("duplicate-top-key", MINIMAL + "versi: 2\n", 2, "E006", 34, 1, "Kunci 'versi' ditulis dua kali"),
    ("anchor", sub("  pangkat: Penata\n", "  pangkat: &p Penata\n"), 2, "E007", 8, 12, "Anchor/alias"),
    ("alias-bomb", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
     "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n", 2, "E007", 1, 4, "alias"),
    ("explicit-tag", sub("versi: 1", "versi: !!python/object:os.system 1"), 2, "E010", 1, 8, "Tag YAML"),
    ("too-deep", "a: " + "[" * 70 + "]" * 70 + "\n", 2, "E008", 1, 67, "kedalaman"),
    ("empty-file", "", 2, "E009", 1, 1, "berkas kosong"),
    ("only-comments", "# hanya komentar\n\n", 2, "E009", 1, 1, "berkas kosong"),
    ("list-top-level", "- versi: 1\n- aturan: pp46-2011\n", 2, "E009", 1, 1, "bukan daftar"),
    ("scalar-top-level", "sekadar teks\n", 2, "E009", 1, 1, "nilai tunggal"),
    ("two-documents", MINIMAL + "---\nversi: 1\n", 2, "E009", 34, 1, "lebih dari satu dokumen"),
    ("utf16", MINIMAL.encode("utf-16"), 2, "E002", 1, 1, "UTF-16"),
    ("latin1", sub("Ali Rahman", "Al\u00ed Rahman").encode("latin-1"), 2, "E002", 6, 12, "bukan UTF-8"),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 2, "E002", 3, 1, "NUL"),
    ("list-for-mapping", sub("  - {id: SS1, sasaran: Peningkatan kualitas perencanaan}", "  - SS1"), 1, "E022", 22, 5,
     "harus berupa pemetaan"),
    ("wrong-type-kuantitas", sub("kuantitas: 12,", 'kuantitas: "dua belas",'), 1, "E022", 33, 25, "harus berupa angka"),
    ("nip-as-number", sub('nip: "198503122010011002"', "nip: 198503122010011002"), 1, "E022", 7, 8, "harus berupa teks"),
    ("nip-17-digits", sub('nip: "198503122010011002"', 'nip: "19850312201001100"'), 1, "E024", 7, 8, "NIP 18 digit"),
    ("missing-required-top", sub("instansi: Pemerintah Kota Contoh\n", ""), 1, "E020", 1, 1, "Kunci wajib 'instansi'"),
    ("missing-required-nested", sub("  unit_kerja: Bagian Perencanaan\npejabat_penilai:", "pejabat_penilai:"), 1, "E020",
     6, 3, "Kunci wajib 'unit_kerja' tidak ada di pegawai"),
    ("missing-target-utama", sub("    " + K1_TARGET + "\n", ""), 1, "E020", 24, 5, "Kunci wajib 'target'"),
    ("unknown-key-near-miss", sub("  pangkat: Penata\n", "  pangkt: Penata\n"), 1, "E021", 8, 3, "Maksud Anda 'pangkat'?"),
    ("unknown-top-key", MINIMAL + "catatan: bebas\n", 1, "E021", 34, 1, "Kunci 'catatan' tidak dikenal"),
    ("invalid-enum-jenis", sub("    jenis: utama\n", "    jenis: pokok\n"), 1, "E023", 26, 12, "pilihan yang sah: utama, tambahan, kreatif"),
    ("invalid-enum-aturan", sub("aturan: pp46-2011", "aturan: pp46-2012"), 1, "E023", 2, 9, "Maksud Anda 'pp46-2011'?"),
    ("invalid-date-shape", sub('tenggat: "2025-03-31"', 'tenggat: "31-03-2025"'), 1, "E024", 28, 100, "tanggal YYYY-MM-DD"),
    ("invalid-date-calendar", sub('tenggat: "2025-03-31"', 'tenggat: "2025-02-30"'), 1, "E050", 28, 100, "tidak ada di kalender"),
    ("mulai-after-selesai", sub('mulai: "2025-01-02", selesai: "2025-12-31"', 'mulai: "2025-12-31", selesai: "2025-01-02"'),
     1, "E051", 4, 31, "jatuh setelah"),
    ("duplicate-kegiatan-id", sub("  - id: K2\n", "  - id: K1\n"), 1, "E052", 29, 9, "sudah dipakai pada baris 24"),
    ("dangling-mendukung", sub("    mendukung: [SS1]\n", "    mendukung: [SS9]\n"), 1, "E053", 27, 17, "'SS9'"),
    ("target-zero", sub("kuantitas: 12,", "kuantitas: 0,"), 1, "E054", 33, 25, "harus lebih besar dari 0"),
    ("target-negative-waktu", sub("waktu: 12,", "waktu: -3,"), 1, "E054", 33, 68, "bernilai -3"),
    ("negative-realisasi", MINIMAL + "    realisasi: {kuantitas: -2, kualitas: 90, waktu: 12}\n", 1, "E055", 34, 28,
     "tidak boleh negatif"),
    ("tingkat-on-utama", MINIMAL + "    tingkat: nasional\n", 1, "E056", 34, 5, "hanya untuk kegiatan kreatif"),
    ("kualitas-negative", sub("kualitas: 100, waktu: 12", "kualitas: -1, waktu: 12"), 1, "E025", 33, 56, "paling kecil 0"),
    ("key-of-other-regime", MINIMAL + "    rhk_atasan: Meningkatnya kualitas perencanaan\n", 1, "E028", 34, 5,
     "tidak berlaku untuk aturan pp46-2011"),
    ("empty-kegiatan", MINIMAL.split("kegiatan:\n")[0] + "kegiatan: []\n", 1, "E026", 23, 11, "paling sedikit 1"),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_broken_input(tmp_path: Path, case: tuple) -> None:
    _, content, exit_code, code, line, column, fragment = case
    path = tmp_path / "rusak.skp.yaml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    before = path.read_bytes()
    result = run_cli("validate", "--format", "json", str(path))
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == exit_code, result.stdout + result.stderr
    findings = json.loads(result.stdout)
    matching = [f for f in findings if f["code"] == code]
    assert matching, findings
    f = matching[0]
    assert (f["line"], f["column"]) == (line, column), f
    assert fragment in f["message"], f["message"]
    assert f["severity"] == "error"
    assert f["end_line"] >= f["line"]
    assert path.read_bytes() == before  # never modify an input file


def test_oversized_file(tmp_path: Path) -> None:
    path = tmp_path / "besar.skp.yaml"
    path.write_text(MINIMAL + "# " + "x" * (5 * 1024 * 1024) + "\n", encoding="utf-8")
    result = run_cli("validate", "--format", "concise", str(path))
    assert result.returncode == 2
    assert f"{path}:1:1: E003 [error] Berkas melebihi batas ukuran 2.0 MiB" in result.stdout
    # the cap is configurable
    result = run_cli("validate", "--max-bytes", str(8 * 1024 * 1024), str(path))
    assert result.returncode == 0, result.stdout + result.stderr


def test_depth_cap_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "dalam.yaml"
    path.write_text("a: " + "[" * 10 + "]" * 10 + "\n", encoding="utf-8")
    result = run_cli("validate", "--format", "concise", "--max-depth", "5", str(path))
    assert result.returncode == 2
    assert ":1:8: E008 [error]" in result.stdout


def test_english_messages(tmp_path: Path) -> None:
    path = tmp_path / "x.skp.yaml"
    path.write_text(sub("  pangkat: Penata\n", "  pangkt: Penata\n"), encoding="utf-8")
    result = run_cli("validate", "--lang", "en", "--format", "concise", str(path))
    assert result.returncode == 1
    assert ":8:3: E021 [error] Unknown key 'pangkt' in pegawai. Did you mean 'pangkat'?" in result.stdout
    result = run_cli("validate", "--format", "concise", str(path), env={"SKPGEN_LANG": "en"})
    assert "Unknown key 'pangkt'" in result.stdout


def test_yaml12_scalars_keep_strings(tmp_path: Path) -> None:
    from skpgen.loader import load_text

    doc = load_text("a: no\nb: yes\nc: on\nd: 2025-01-02\ne: 1:30\nf: true\ng: 012\nh: 0x1F\ni: '12'\nj: ~\nk: 1.5\n")
    assert doc.data == {"a": "no", "b": "yes", "c": "on", "d": "2025-01-02", "e": "1:30", "f": True, "g": 12,
                        "h": 31, "i": "12", "j": None, "k": 1.5}
    node = doc.node_at(("d",))
    assert (node.line, node.col, node.end_line, node.end_col) == (4, 4, 4, 14)


def test_directory_mixed_and_missing(tmp_path: Path) -> None:
    (tmp_path / "baik.skp.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "rusak.yml").write_text("a: [\n", encoding="utf-8")
    (tmp_path / "catatan.txt").write_text("bukan yaml", encoding="utf-8")
    result = run_cli("validate", "--format", "concise", str(tmp_path), str(tmp_path / "hilang.yaml"))
    assert result.returncode == 2
    assert "rusak.yml:2:1: E004" in result.stdout
    assert "hilang.yaml:1:1: E001 [error] Berkas tidak dapat dibaca" in result.stdout
    assert "baik.skp.yaml" not in result.stdout
    assert "catatan.txt" not in result.stdout


def test_valid_minimal_plan(tmp_path: Path) -> None:
    path = tmp_path / "ok.skp.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    result = run_cli("validate", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{path}: valid" in result.stdout


def test_compiled_schema_cache_is_used_and_survives_corruption(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    plan = tmp_path / "ok.skp.yaml"
    plan.write_text(MINIMAL, encoding="utf-8")
    bad = tmp_path / "bad.skp.yaml"
    bad.write_text(sub("kuantitas: 12,", 'kuantitas: "x",'), encoding="utf-8")
    env = {"XDG_CACHE_HOME": str(cache)}
    assert run_cli("validate", str(plan), env=env).returncode == 0
    files = list((cache / "skpgen").glob("schema-*.marshal"))
    assert len(files) == 1 and files[0].stat().st_size > 1000
    for content in (files[0].read_bytes(), b"not marshal data"):  # a good cache, then a corrupt one
        files[0].write_bytes(content)
        assert run_cli("validate", str(plan), env=env).returncode == 0
        result = run_cli("validate", "--format", "concise", str(bad), env=env)
        assert result.returncode == 1 and ":33:25: E022 [error]" in result.stdout


def test_the_test_suite_keeps_its_validator_cache_to_itself(tmp_path: Path) -> None:
    from conftest import TEST_CACHE

    assert os.environ["XDG_CACHE_HOME"] == str(TEST_CACHE)
    assert not str(TEST_CACHE).startswith(str(Path.home() / ".cache"))
    plan = tmp_path / "ok.skp.yaml"
    plan.write_text(MINIMAL, encoding="utf-8")
    assert run_cli("validate", str(plan)).returncode == 0
    assert list((TEST_CACHE / "skpgen").glob("schema-*.marshal"))
