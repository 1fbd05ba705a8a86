"""``skpgen render`` and ``skpgen template`` through the real CLI: file names, exit codes, messages."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import docx
import pytest

from conftest import EXAMPLES, ROOT, run_cli

EXPECTED = sorted([
    "2025_198503122010011002_formulir-skp.docx",
    "2025_198503122010011002_penilaian-capaian.docx",
    "2025_198503122010011002_penilaian-prestasi.docx",
    "2025_199107182015031004_formulir-skp.docx",
    "2025_199107182015031004_penilaian-capaian.docx",
    "2025_199107182015031004_penilaian-prestasi.docx",
    "2026_199005052014021003_formulir-skp.docx",
    "2025_198709252011012007_formulir-skp.docx",
    "2025_198204102003122001_formulir-skp.docx",
    "2025_198204102003122001_penilaian-capaian.docx",
    "2025_198204102003122001_penilaian-prestasi.docx",
    "2024_199402172019031006_skp-2022.docx",
    "2024_199402172019031006_evaluasi-2022.docx",
    "2024_199402172019031006_evaluasi-2022-triwulan-1.docx",
    "2024_199402172019031006_evaluasi-2022-triwulan-2.docx",
    "2024_199402172019031006_evaluasi-2022-triwulan-3.docx",
    "2024_199402172019031006_evaluasi-2022-triwulan-4.docx",
    "2024_199402172019031006_dokumen-evaluasi-2022.docx",
    "2024_199402172019031006_dokumen-evaluasi-2022-triwulan-1.docx",
    "2024_199402172019031006_dokumen-evaluasi-2022-triwulan-2.docx",
    "2024_199402172019031006_dokumen-evaluasi-2022-triwulan-3.docx",
    "2024_199402172019031006_dokumen-evaluasi-2022-triwulan-4.docx",
    # examples/unit-aptika: nine 6/2022 plans with evaluasi in every period (the unit file is not a plan)
    *(f"2025_{nip}_{form}.docx" for nip in (
        "197805232003121002", "198204172006042011", "198109122009011003", "199402172019031006",
        "199703112022031004", "199512032020122012", "199101052015031002", "199806212022032009",
        "198807142010011004") for form in (
            "skp-2022", "evaluasi-2022", "dokumen-evaluasi-2022",
            *(f"{doc}-triwulan-{n}" for doc in ("evaluasi-2022", "dokumen-evaluasi-2022") for n in range(1, 5)))),
])

INVALID = """\
versi: 1
aturan: pp46-2011
instansi: Pemerintah Kota Contoh
periode: {tahun: 2025, mulai: "2025-01-02", selesai: "2025-12-31"}
pegawai: {nama: X, nip: "198503122010011002", pangkat: Penata, golongan: III/c, jabatan: A,
          jenis_jabatan: pelaksana, unit_kerja: B}
pejabat_penilai: {nama: Y, nip: "197002021995032001", pangkat: Pembina, golongan: IV/a, jabatan: C,
                  jenis_jabatan: struktural, unit_kerja: B}
kegiatan:
  - id: K1
    uraian: Menyusun laporan
    jenis: utama
    target: {kuantitas: 0, satuan: laporan, kualitas: 100, waktu: 12}
"""


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_batch_over_examples_writes_the_expected_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    r = run_cli("render", str(EXAMPLES), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in out.iterdir()) == EXPECTED
    assert sorted(Path(line).name for line in r.stdout.splitlines()) == EXPECTED
    assert "121 formulir ditulis untuk 15 rencana" in r.stderr
    for p in out.iterdir():
        docx.Document(str(p))  # every file re-opens


def test_jobs_2_gives_the_same_bytes_as_jobs_1(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert run_cli("render", str(EXAMPLES), "-o", str(a), "--jobs", "1", "-q").returncode == 0
    r = run_cli("render", str(EXAMPLES), "-o", str(b), "--jobs", "2", "-q")
    assert r.returncode == 0, r.stderr
    assert r.stdout == "" and r.stderr == ""
    assert {p.name: _sha(p) for p in a.iterdir()} == {p.name: _sha(p) for p in b.iterdir()}


def test_invalid_plan_is_skipped_with_exit_1_and_the_rest_renders(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(EXAMPLES / "guru-2025.skp.yaml", src / "a-guru.skp.yaml")
    (src / "b-rusak.skp.yaml").write_text(INVALID, encoding="utf-8")
    shutil.copy(EXAMPLES / "pranata-komputer-2024.skp.yaml", src / "c-pranata.skp.yaml")
    out = tmp_path / "out"
    r = run_cli("render", str(src), "-o", str(out), "--jobs", "2")
    assert r.returncode == 1, r.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "2024_199402172019031006_dokumen-evaluasi-2022-triwulan-1.docx",
        "2024_199402172019031006_dokumen-evaluasi-2022-triwulan-2.docx",
        "2024_199402172019031006_dokumen-evaluasi-2022-triwulan-3.docx",
        "2024_199402172019031006_dokumen-evaluasi-2022-triwulan-4.docx",
        "2024_199402172019031006_dokumen-evaluasi-2022.docx",
        "2024_199402172019031006_evaluasi-2022-triwulan-1.docx", "2024_199402172019031006_evaluasi-2022-triwulan-2.docx",
        "2024_199402172019031006_evaluasi-2022-triwulan-3.docx", "2024_199402172019031006_evaluasi-2022-triwulan-4.docx",
        "2024_199402172019031006_evaluasi-2022.docx", "2024_199402172019031006_skp-2022.docx",
        "2025_198709252011012007_formulir-skp.docx"]
    assert f"{src / 'b-rusak.skp.yaml'}:13:25: E054 [error]" in r.stderr   # located at kuantitas: 0
    assert f"{src / 'b-rusak.skp.yaml'}: dilewati karena tidak lolos validasi." in r.stderr
    assert "1 berkas dilewati" in r.stderr


def test_english_messages(tmp_path: Path) -> None:
    bad = tmp_path / "rusak.skp.yaml"
    bad.write_text(INVALID, encoding="utf-8")
    r = run_cli("render", str(bad), "-o", str(tmp_path / "out"), "--lang", "en")
    assert r.returncode == 1
    assert f"{bad}: skipped because it does not validate." in r.stderr
    assert "0 forms written for 0 plans" in r.stderr


def test_unreadable_input_exits_2_after_rendering_the_rest(tmp_path: Path) -> None:
    out = tmp_path / "out"
    r = run_cli("render", str(tmp_path / "tidak-ada.yaml"), str(EXAMPLES / "guru-2025.skp.yaml"), "-o", str(out))
    assert r.returncode == 2
    assert "tidak-ada.yaml" in r.stderr and "Traceback" not in r.stderr
    assert [p.name for p in out.iterdir()] == ["2025_198709252011012007_formulir-skp.docx"]


def test_unwritable_output_folder_exits_2(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    r = run_cli("render", str(EXAMPLES / "guru-2025.skp.yaml"), "-o", str(blocker / "out"))
    assert r.returncode == 2
    assert "folder keluaran" in r.stderr and "tidak dapat dibuat atau ditulisi" in r.stderr


def test_pdf_without_libreoffice_exits_2_with_a_clear_message(tmp_path: Path) -> None:
    out = tmp_path / "out"
    r = run_cli("render", str(EXAMPLES / "guru-2025.skp.yaml"), "-o", str(out), "--pdf",
                env={"SKPGEN_SOFFICE": str(tmp_path / "no-soffice")})
    assert r.returncode == 2
    assert "--pdf memerlukan LibreOffice (soffice)" in r.stderr
    assert not out.exists()
    r = run_cli("render", str(EXAMPLES / "guru-2025.skp.yaml"), "-o", str(out), "--pdf", "--lang", "en",
                env={"SKPGEN_SOFFICE": str(tmp_path / "no-soffice")})
    assert "--pdf needs LibreOffice (soffice)" in r.stderr


def test_form_option_limits_and_reports_forms_that_do_not_apply(tmp_path: Path) -> None:
    out = tmp_path / "out"
    r = run_cli("render", str(EXAMPLES / "analis-kebijakan-2025.skp.yaml"), str(EXAMPLES / "guru-2025.skp.yaml"),
                "-o", str(out), "--form", "penilaian-capaian", "--form", "skp-2022")
    assert r.returncode == 0, r.stderr
    assert [p.name for p in out.iterdir()] == ["2025_198503122010011002_penilaian-capaian.docx"]
    assert "formulir skp-2022 tidak berlaku untuk rencana ini (aturan pp46-2011)" in r.stderr
    assert "guru-2025.skp.yaml: formulir penilaian-capaian tidak berlaku untuk rencana ini (belum ada realisasi)" in r.stderr


def test_unknown_form_is_a_usage_error(tmp_path: Path) -> None:
    r = run_cli("render", str(EXAMPLES), "-o", str(tmp_path), "--form", "dp3")
    assert r.returncode == 2
    assert "formulir-skp" in r.stderr


def test_user_template_renders_with_the_same_context(tmp_path: Path) -> None:
    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("Nilai SKP {{ pegawai.")
    p.add_run("nama }}: {{ skor.nilai_skp_sebutan }}").bold = True   # split by formatting, as Word does
    d.add_paragraph("{{ periode.tahun }} — {{ form.name }}")
    tpl = tmp_path / "ringkas.docx"
    d.save(str(tpl))
    out = tmp_path / "out"
    r = run_cli("render", str(EXAMPLES / "analis-kebijakan-2025.skp.yaml"), "-o", str(out), "--template", str(tpl))
    assert r.returncode == 0, r.stderr
    target = out / "2025_198503122010011002_ringkas.docx"
    texts = [p.text for p in docx.Document(str(target)).paragraphs]
    assert texts == ["Nilai SKP Ali Rahman, S.E., M.A.P.: 95,81 (Sangat Baik)", "2025 — ringkas"]


@pytest.mark.parametrize(("tag", "error_id", "text_id", "text_en"), [
    ("{{ ''.__class__.__mro__ }}", "render/security", "operasi tidak aman ditolak oleh sandbox templat",
     "unsafe operation refused by the template sandbox"),
    ("{% for i in range(10**9) %}{{ i }}{% endfor %}", "render/range-too-large", "range terlalu besar dalam templat",
     "range too large in the template"),
])
def test_sandbox_escape_in_user_template_is_refused_and_translated(tmp_path: Path, tag: str, error_id: str,
                                                                   text_id: str, text_en: str) -> None:
    d = docx.Document()
    d.add_paragraph(tag)
    tpl = tmp_path / "jahat.docx"
    d.save(str(tpl))
    out = tmp_path / "out"
    r = run_cli("render", str(EXAMPLES / "guru-2025.skp.yaml"), "-o", str(out), "--template", str(tpl))
    assert r.returncode == 2
    assert f"formulir jahat: [{error_id}] {text_id}" in r.stderr
    assert "Traceback" not in r.stderr
    assert list(out.iterdir()) == []
    r = run_cli("render", str(EXAMPLES / "guru-2025.skp.yaml"), "-o", str(out), "--template", str(tpl), "--lang", "en")
    assert f"form jahat: [{error_id}] {text_en}" in r.stderr


def test_broken_user_template_exits_2_before_rendering(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("{% if pegawai.nama %} tanpa penutup")
    tpl = tmp_path / "rusak.docx"
    d.save(str(tpl))
    r = run_cli("render", str(EXAMPLES / "guru-2025.skp.yaml"), "-o", str(tmp_path / "out"), "--template", str(tpl))
    assert r.returncode == 2
    assert f"templat {tpl} tidak dapat dipakai:" in r.stderr
    assert "[template/unbalanced-block]" in r.stderr


def test_template_export_writes_the_builtin_template(tmp_path: Path) -> None:
    from skpgen.render.forms import all_forms

    target = tmp_path / "milik-kami.docx"
    r = run_cli("template", "export", "penilaian-capaian", "-o", str(target))
    assert r.returncode == 0, r.stderr
    assert target.read_bytes() == all_forms()["penilaian-capaian"].path.read_bytes()
    r = run_cli("template", "export", "penilaian-capaian", cwd=tmp_path, env={"PYTHONPATH": str(ROOT)})
    assert r.returncode == 0 and (tmp_path / "penilaian-capaian.docx").is_file()
    r = run_cli("template", "check", str(target))
    assert r.returncode == 0
    assert "tidak ada masalah" in r.stderr


def test_template_check_reports_split_tags_smart_quotes_unbalanced_blocks_and_unknown_paths(tmp_path: Path) -> None:
    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("{{ pegawai.na")
    p.add_run("ma }}").italic = True
    d.add_paragraph("{{ pegawai.nama | default(\u201c-\u201d) }}")
    d.add_paragraph("{{ pegawai.namaa }} {{ skor.nilai_skp }} {{ identitas.penilai.nip }}")
    tpl = tmp_path / "cek.docx"
    d.save(str(tpl))
    r = run_cli("template", "check", str(tpl))
    assert r.returncode == 1
    lines = r.stdout.splitlines()
    assert any("peringatan [template/split-tag] tag terpecah oleh Word" in line for line in lines)
    assert any("peringatan [template/smart-quote]" in line for line in lines)
    unknown = [line for line in lines if "[template/unknown-path]" in line]
    assert len(unknown) == 1 and "kesalahan" in unknown[0] and "'pegawai.namaa'" in unknown[0]
    assert "1 kesalahan, 2 peringatan." in r.stderr
    d = docx.Document()
    d.add_paragraph("{%p if skor.ada_realisasi %}")
    d.save(str(tpl))
    r = run_cli("template", "check", str(tpl))
    assert r.returncode == 1
    assert "kesalahan [template/unbalanced-block] blok tidak seimbang" in r.stdout and "never closed" in r.stdout


def test_template_check_on_a_non_docx_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bukan.docx"
    bad.write_text("bukan zip")
    r = run_cli("template", "check", str(bad))
    assert r.returncode == 2
    assert "[template/not-docx] bukan berkas .docx" in r.stdout
