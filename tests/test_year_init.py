"""`skpgen init`: a schema-valid scaffold, blank or rolled over from last year (SPEC §7)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES, MINIMAL, run_cli
from skpgen.loader import load_path, load_text
from skpgen.validate import validate_document
from skpgen.year.scaffold import flow, shift_year

MODELINE = "# yaml-language-server: $schema=./skp.schema.json"
SCHEMA = Path(__file__).resolve().parents[1] / "schemas" / "skp.schema.json"

LAST_YEAR = MINIMAL.replace(
    '    target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3, satuan_waktu: bulan, tenggat: "2025-03-31"}\n',
    '    indikator:\n'
    '      - {teks: Dokumen RKA sesuai format, aspek: kuantitas, realisasi: 1}\n'
    '    target: {kuantitas: 1, satuan: dokumen, kualitas: 100, waktu: 3, satuan_waktu: bulan, tenggat: "2025-03-31"}\n'
    '    historis: [{tahun: 2024, kuantitas: 1, kualitas: 90}]\n'
    '    realisasi: {kuantitas: 1, kualitas: 95, waktu: 3, tanggal_selesai: "2025-03-28"}\n'
    '    tindak_lanjut: Koordinasi dengan TAPD\n'
    '    pemantauan: [{tanggal: "2025-03-28", status: selesai, progres: 100}]\n',
) + (
    '  - id: T1\n    uraian: Menjadi panitia rapat kerja\n    jenis: tambahan\n'
    '    bukti: ["ST 800/12/2025"]\n'
    'perilaku_kerja: {orientasi_pelayanan: 85, integritas: 88, komitmen: 84, disiplin: 90, kerja_sama: 86}\n'
    'jadwal_review: ["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-15"]\n'
    'persetujuan: {dibahas: "2025-01-08", ditandatangani: "2025-01-10", tempat: Kota Contoh}\n'
    'jurnal: [{tanggal: "2025-04-15", kegiatan: K1, uraian: "Rapat TAPD"}]\n'
    'revisi: [{tanggal: "2025-07-01", alasan: "APBD Perubahan", disetujui: true}]\n'
    'rencana_pelatihan: [{kebutuhan: "Pelatihan SIPD", waktu: "2025-06"}]\n'
)


def check_valid(path: Path, placeholders: bool = False) -> dict:
    """The scaffold is a valid plan; a blank one apart from its placeholders, each an E065 finding
    (SPEC §3: placeholders are findings until they are replaced)."""
    doc = load_path(path)
    problems = validate_document(doc)
    if placeholders:
        assert problems and {p.code for p in problems} == {"E065"}, [p.message for p in problems]
        assert {p.path for p in problems} >= {("pegawai", "nip"), ("pejabat_penilai", "nip")}
    else:
        assert problems == [], "the scaffold must be a valid plan"
    return doc.data


def test_blank_pp46(tmp_path):
    out = tmp_path / "baru.skp.yaml"
    r = run_cli("init", "-o", str(out), "--tahun", "2026")
    assert r.returncode == 0, r.stderr
    assert r.stderr.splitlines() == [
        f"Kerangka SKP ditulis: {out} (periode 2026).",
        f"Skema untuk editor ditulis: {tmp_path / 'skp.schema.json'} (dirujuk baris yaml-language-server, "
        "bekerja tanpa jaringan)."]
    text = out.read_text(encoding="utf-8")
    assert text.splitlines()[0] == MODELINE  # offline: a schema file next to the plan, no https
    assert (tmp_path / "skp.schema.json").read_bytes() == SCHEMA.read_bytes()
    assert "# Pegawai yang dinilai. NIP 18 digit, selalu ditulis dalam tanda kutip." in text
    assert "# Kegiatan tugas jabatan: 5–7 kegiatan utama dengan format \"[verba aksi] + [obyek]\"." in text
    data = check_valid(out, placeholders=True)
    assert data["aturan"] == "pp46-2011"
    assert data["periode"] == {"tahun": 2026, "mulai": "2026-01-02", "selesai": "2026-12-31"}
    assert data["jadwal_review"] == ["2026-03-31", "2026-06-30", "2026-09-30", "2026-12-15"]
    assert data["kegiatan"][0]["target"]["tenggat"] == "2026-12-31"
    assert data["jurnal"] == [] and data["revisi"] == []


def test_blank_permenpanrb_and_custom_schema(tmp_path):
    out = tmp_path / "rhk.skp.yaml"
    r = run_cli("init", "-o", str(out), "--tahun", "2025", "--aturan", "permenpanrb-6-2022",
                "--schema", "../schemas/skp.schema.json")
    assert r.returncode == 0, r.stderr
    assert out.read_text(encoding="utf-8").splitlines()[0] == \
        "# yaml-language-server: $schema=../schemas/skp.schema.json"
    data = check_valid(out, placeholders=True)
    assert data["aturan"] == "permenpanrb-6-2022"
    assert data["kegiatan"][0]["rhk_atasan"] == "[RHK atasan yang diintervensi]"
    assert data["kegiatan"][0]["indikator"][0]["target"] == {"nilai": 1, "satuan": "dokumen"}
    assert sorted(data["perilaku_kerja"]) == ["adaptif", "akuntabel", "berorientasi_pelayanan", "harmonis",
                                              "kolaboratif", "kompeten", "loyal"]
    assert data["lampiran"] == {"dukungan_sumber_daya": [], "skema_pertanggungjawaban": [], "konsekuensi": []}


def test_never_overwrites_without_force(tmp_path):
    out = tmp_path / "ada.skp.yaml"
    out.write_text("isi lama\n", encoding="utf-8")
    r = run_cli("init", "-o", str(out))
    assert r.returncode == 2
    assert f"Berkas {out} sudah ada; tidak ditimpa. Pakai --force untuk menimpanya." in r.stderr
    assert out.read_text(encoding="utf-8") == "isi lama\n"
    r = run_cli("init", "-o", str(out), "--lang", "en")
    assert "already exists; not overwritten" in r.stderr
    r = run_cli("init", "-o", str(out), "--force", "--tahun", "2025")
    assert r.returncode == 0
    check_valid(out, placeholders=True)


def test_from_last_year(tmp_path):
    src = tmp_path / "2025.skp.yaml"
    src.write_text(LAST_YEAR, encoding="utf-8")
    assert validate_document(load_path(src)) == []
    out = tmp_path / "2026.skp.yaml"
    r = run_cli("init", "--from", str(src), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert r.stderr.splitlines()[0] == f"Kerangka SKP ditulis: {out} (periode 2026, dari {src})."
    text = out.read_text(encoding="utf-8")
    assert text.splitlines()[0] == MODELINE
    assert f"# SKP periode 2026, disusun dari {src} (periode 2025)." in text
    new = check_valid(out)
    old = load_text(LAST_YEAR, "old").data
    for key in ("versi", "aturan", "instansi", "pegawai", "pejabat_penilai", "keselarasan"):
        assert new[key] == old[key], key
    assert new["periode"] == {"tahun": 2026, "mulai": "2026-01-02", "selesai": "2026-12-31"}
    assert new["jadwal_review"] == ["2026-03-31", "2026-06-30", "2026-09-30", "2026-12-15"]
    assert new["kegiatan"][0] == {
        "id": "K1", "uraian": "Menyusun RKA Unit Kerja", "jenis": "utama", "mendukung": ["SS1"],
        "indikator": [{"teks": "Dokumen RKA sesuai format", "aspek": "kuantitas"}],
        "target": {"kuantitas": 1, "satuan": "dokumen", "kualitas": 100, "waktu": 3, "satuan_waktu": "bulan",
                   "tenggat": "2026-03-31"},
        "historis": [{"tahun": 2024, "kuantitas": 1, "kualitas": 90},
                     {"tahun": 2025, "kuantitas": 1, "kualitas": 95, "waktu": 3}],
    }
    assert new["kegiatan"][1]["target"] == old["kegiatan"][1]["target"]  # no tenggat, no realisation
    assert "historis" not in new["kegiatan"][1]
    assert new["kegiatan"][2] == {"id": "T1", "uraian": "Menjadi panitia rapat kerja", "jenis": "tambahan"}
    assert "perilaku_kerja" not in new and "evaluasi" not in new
    assert new["jurnal"] == [] and new["revisi"] == [] and new["rencana_pelatihan"] == []
    assert new["persetujuan"] == {"tempat": "Kota Contoh"}


def test_from_last_year_to_a_given_year(tmp_path):
    src = tmp_path / "2025.skp.yaml"
    src.write_text(LAST_YEAR, encoding="utf-8")
    out = tmp_path / "2027.skp.yaml"
    assert run_cli("init", "--from", str(src), "--tahun", "2027", "-o", str(out)).returncode == 0
    new = check_valid(out)
    assert new["periode"] == {"tahun": 2027, "mulai": "2027-01-02", "selesai": "2027-12-31"}
    assert new["kegiatan"][0]["target"]["tenggat"] == "2027-03-31"


def test_bad_sources(tmp_path):
    bad = tmp_path / "rusak.skp.yaml"
    bad.write_text(MINIMAL.replace("jenis: utama", "jenis: pokok", 1), encoding="utf-8")
    r = run_cli("init", "--from", str(bad), "-o", str(tmp_path / "x.yaml"))
    assert r.returncode == 1
    assert "berkas sumber tidak valid (1 kesalahan)" in r.stderr
    assert not (tmp_path / "x.yaml").exists()
    r = run_cli("init", "--from", str(tmp_path / "hilang.yaml"), "-o", str(tmp_path / "y.yaml"))
    assert r.returncode == 2 and "E001" in r.stderr and not (tmp_path / "y.yaml").exists()
    r = run_cli("init", "-o", str(tmp_path / "z.yaml"), "--tahun", "99")
    assert r.returncode == 2 and "Tahun tidak valid: 99" in r.stderr


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")) if EXAMPLES.is_dir() else [],
                         ids=lambda p: p.name)
def test_from_each_example(example, tmp_path):
    out = tmp_path / "next.skp.yaml"
    r = run_cli("init", "--from", str(example), "-o", str(out))
    assert r.returncode == 0, r.stderr
    new = check_valid(out)
    old = load_path(example).data
    assert new["periode"]["tahun"] == old["periode"]["tahun"] + 1
    assert [k["id"] for k in new["kegiatan"]] == [k["id"] for k in old["kegiatan"]]
    assert new["pegawai"] == old["pegawai"]
    for k in new["kegiatan"]:
        assert not {"realisasi", "pemantauan", "bukti", "tindak_lanjut"} & set(k)


def test_shift_year():
    assert shift_year("2024-02-29", 1) == "2025-02-28"
    assert shift_year("2025-03-31", 2) == "2027-03-31"
    assert shift_year("bukan tanggal", 1) == "bukan tanggal"


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
_scalar = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12),
                    st.floats(allow_nan=False, allow_infinity=False), _text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_scalar, st.lists(_scalar, max_size=4), st.dictionaries(_text.filter(bool), _scalar, max_size=4)))
def test_flow_round_trips_through_the_strict_loader(value):
    assert load_text("k: " + flow(value) + "\n", "t.yaml").data["k"] == value


def test_schema_file_above_the_plan_is_reused_up_to_the_project_root(tmp_path):
    """One skp.schema.json at the root of a folder of plans serves them all (relative modeline)."""
    (tmp_path / ".skpgen.yaml").write_text("bahasa: id\n", encoding="utf-8")
    (tmp_path / "skp.schema.json").write_bytes(SCHEMA.read_bytes())
    out = tmp_path / "unit" / "seksi" / "a.skp.yaml"
    r = run_cli("init", "-o", str(out), "--tahun", "2026")
    assert r.returncode == 0, r.stderr
    assert out.read_text(encoding="utf-8").splitlines()[0] == \
        "# yaml-language-server: $schema=../../skp.schema.json"
    assert not (out.parent / "skp.schema.json").exists()
    assert r.stderr.splitlines() == [f"Kerangka SKP ditulis: {out} (periode 2026)."]

    # an outdated copy is kept (never silently replaced) and the user is told how to refresh it
    (tmp_path / "skp.schema.json").write_text("{}\n", encoding="utf-8")
    out2 = tmp_path / "unit" / "b.skp.yaml"
    r = run_cli("init", "-o", str(out2), "--tahun", "2026")
    assert r.returncode == 0, r.stderr
    stale = tmp_path / "skp.schema.json"
    assert r.stderr.splitlines()[-1] == (f"Catatan: {stale} berbeda dari skema skpgen versi ini; perbarui "
                                         f"dengan `skpgen schema -o {stale}`.")
    assert stale.read_text(encoding="utf-8") == "{}\n"


def test_schema_search_stops_at_the_project_root(tmp_path):
    (tmp_path / "skp.schema.json").write_text("{}\n", encoding="utf-8")  # outside the project
    project = tmp_path / "proyek"
    (project / ".git").mkdir(parents=True)
    out = project / "a.skp.yaml"
    r = run_cli("init", "-o", str(out), "--tahun", "2026")
    assert r.returncode == 0, r.stderr
    assert out.read_text(encoding="utf-8").splitlines()[0] == MODELINE
    assert (project / "skp.schema.json").read_bytes() == SCHEMA.read_bytes()


def test_schema_command_writes_the_file(tmp_path):
    target = tmp_path / "sub" / "skp.schema.json"
    r = run_cli("schema", "-o", str(target))
    assert r.returncode == 0, r.stderr
    assert target.read_bytes() == SCHEMA.read_bytes()
    r = run_cli("schema", "-o", str(tmp_path / "sub" / "skp.schema.json" / "x"))
    assert r.returncode == 2
    assert r.stderr.startswith(f"skpgen: Skema tidak dapat ditulis ke {tmp_path / 'sub' / 'skp.schema.json' / 'x'}: ")


@pytest.mark.parametrize("aturan", ["pp46-2011", "permenpanrb-6-2022"])
def test_blank_scaffold_shows_the_year_and_every_placeholder_is_a_finding(tmp_path, aturan):
    """Issue 10 item 9: more than one kegiatan, commented examples of realisasi/tanggal_selesai,
    tambahan, kreatif and bukti that are valid once uncommented, and placeholders that never pass
    validate silently (each an E065 naming the place)."""
    out = tmp_path / "baru.skp.yaml"
    assert run_cli("init", "-o", str(out), "--tahun", "2026", "--aturan", aturan).returncode == 0
    text = out.read_text(encoding="utf-8")
    data = check_valid(out, placeholders=True)
    assert [k["id"] for k in data["kegiatan"]] == ["K1", "K2"]
    for word in ("jenis: tambahan", "jenis: kreatif", "bukti:"):
        assert f"#     {word}" in text, word
    if aturan == "pp46-2011":
        assert "#     realisasi: {kuantitas: 1, kualitas: 95, waktu: 11, tanggal_selesai: YYYY-MM-DD}" in text
        assert "#     tingkat: unit_kerja" in text
    r = run_cli("validate", str(out), "--format", "concise")
    assert r.returncode == 1
    assert f"{out}:18:8: E065 [error] pegawai.nip masih berisi isian contoh dari kerangka (000000000000000000); " \
           "ganti dengan data sebenarnya." in r.stdout
    # uncommented, the examples are valid (apart from the same kind of placeholders)
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("# Contoh lain"))
    body = []
    for i, line in enumerate(lines):
        if (i > start and line.startswith("#   ")) or line.startswith("#     realisasi:"):
            line = line[2:]
        body.append(line.replace("YYYY-MM-DD", "2026-03-20"))
    used = tmp_path / "contoh.skp.yaml"
    used.write_text("\n".join(body) + "\n", encoding="utf-8")
    doc = check_valid(used, placeholders=True)
    assert [k["jenis"] for k in doc["kegiatan"]] == ["utama", "utama", "tambahan", "kreatif"]
    assert all(k.get("bukti") for k in doc["kegiatan"][2:])
