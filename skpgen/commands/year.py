"""``skpgen status``, ``skpgen dashboard``, ``skpgen diff`` and ``skpgen init`` (SPEC §7)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import click

from skpgen.commands._common import echo_err, format_option, iter_yaml_files, lang_option, resolve_lang, stdout_is_tty
from skpgen.findings import Finding
from skpgen.year.text import msg

today_option = click.option(
    "--today", "today_text", metavar="YYYY-MM-DD", default=None,
    help="Tanggal acuan (bawaan: hari ini). / Reference day (default: today).")


def _parse_today(value: str | None, lang: str) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        echo_err("skpgen: " + msg("status.bad_today", lang, value=value))
        sys.exit(2)


def _print_findings(findings: list[Finding]) -> None:
    for f in findings:
        echo_err(f"{f.file}:{f.line}:{f.column}: {f.code} {f.message}")


def _load_valid(paths: tuple[Path, ...], lang: str) -> tuple[list[tuple[str, Any]], int]:
    """Load and validate every file; returns ([(display, data)], exit code so far).

    Unreadable files and folders without YAML give exit code 2, invalid files 1 (reported on
    stderr and skipped); the valid plans are still returned so the rest of the run goes ahead.
    """
    from skpgen.pipeline import load_and_validate

    errors: list[str] = []
    plans: list[tuple[str, Any]] = []
    code = 0
    for target in iter_yaml_files(paths, lang, errors):
        doc, findings, failed = load_and_validate(target.path, target.display, lang)
        if failed or doc is None:
            _print_findings(findings)
            code = 2
            continue
        if findings:
            _print_findings(findings)
            echo_err("skpgen: " + msg("status.invalid_file", lang, file=target.display, n=len(findings)))
            code = max(code, 1)
            continue
        plans.append((target.display, doc.data))
    for message in errors:
        echo_err(f"skpgen: {message}")
        code = 2
    return plans, code


def _per_plan(plans: list[tuple[str, Any]], lang: str, work: Any) -> tuple[list[Any], bool]:
    """``work(display, data)`` for each plan, isolated: a plan whose work raises is reported (E099
    on stderr) and left out, the others go on. Returns (results, whether any plan failed)."""
    from skpgen.isolation import run_per_file

    out: list[Any] = []
    failed = False
    for display, data in plans:
        value, problem = run_per_file(display, lang, work, display, data)
        if problem is not None:
            _print_findings([problem])
            failed = True
            continue
        out.append(value)
    return out, failed


def _write_output(path: Path, data: bytes, lang: str, failed_key: str) -> None:
    """Write an output file atomically (temp file + rename); exit 2 with a clear message if it fails.

    Parents are created; devices and FIFOs are streamed to (see :mod:`skpgen.fsutil`).
    """
    import errno

    from skpgen.fsutil import atomic_write_bytes

    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        name = errno.errorcode.get(exc.errno or 0, "")
        reason = msg(f"os.{name}", lang) if name and msg(f"os.{name}", lang) != f"os.{name}" else (exc.strerror or str(exc))
        echo_err("skpgen: " + msg(failed_key, lang, path=str(path), reason=reason))
        sys.exit(2)


# ---- status ------------------------------------------------------------------------------------

@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@today_option
@format_option(["text", "json"], "text")
@lang_option
def status(paths: tuple[Path, ...], today_text: str | None, fmt: str, lang: str | None) -> None:
    """Status pemantauan kegiatan per SKP: status, progres, tenggat, hambatan, tindak lanjut.

    Status diambil dari entri `pemantauan` terakhir (menurut tanggal) yang tidak melewati tanggal
    acuan; kegiatan yang realisasinya sudah dicatat (dengan `tanggal_selesai` yang tidak melewati
    tanggal acuan, atau tanpa tanggal) berstatus `selesai`. Kegiatan ditandai TERLAMBAT bila
    statusnya `terlambat`, atau bila tenggatnya
    (`target.tenggat`, atau akhir periode) sudah lewat dan belum `selesai`. Review di
    `jadwal_review` yang jatuh dalam 14 hari disebut jatuh tempo.

    Kode keluar: 0 berhasil; 1 ada berkas tidak valid (dilewati); 2 berkas tak terbaca.
    """
    from skpgen.year.status import format_text, plan_status, print_rich

    lang = resolve_lang(lang)
    today = _parse_today(today_text, lang)
    plans, code = _load_valid(paths, lang)
    def status_entry(display: str, data: Any) -> tuple[Any, Any]:
        plan = plan_status(data, display, today)
        # made per plan, so that a plan that cannot be shown is reported alone (well-formed JSON)
        return plan, (plan.to_json() if fmt == "json" else format_text([plan], lang))

    done, failed = _per_plan(plans, lang, status_entry)
    code = 2 if failed else code
    result = [plan for plan, _ in done]
    if fmt == "json":
        click.echo(json.dumps([item for _, item in done], ensure_ascii=False, indent=2))
    elif result and stdout_is_tty():
        print_rich(result, lang)
    else:
        click.echo(format_text(result, lang), nl=False)
    sys.exit(code)


# ---- dashboard ---------------------------------------------------------------------------------

@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "output", required=True, type=click.Path(path_type=Path),
              help="Berkas .xlsx keluaran. / Output .xlsx file.")
@today_option
@lang_option
def dashboard(paths: tuple[Path, ...], output: Path, today_text: str | None, lang: str | None) -> None:
    """Dasbor Excel: satu baris per kegiatan per pegawai, dan ringkasan per unit kerja.

    Lembar "Kegiatan" (filter, header beku, warna per status dan predikat) dan lembar
    "Ringkasan" (jumlah kegiatan per status, sebaran predikat, grafik). Keluaran dapat
    direproduksi: data dan tanggal acuan yang sama menghasilkan berkas yang identik.

    Kode keluar: 0 berhasil; 1 ada berkas tidak valid (dilewati); 2 berkas tak terbaca atau
    keluaran tak dapat ditulis.
    """
    from skpgen.scoring import score_plan
    from skpgen.year.dashboard import PlanEntry, build_workbook
    from skpgen.year.status import plan_status

    lang = resolve_lang(lang)
    if output.suffix.lower() != ".xlsx":
        echo_err("skpgen: " + msg("dash.not_xlsx", lang, path=str(output)))
        sys.exit(2)
    today = _parse_today(today_text, lang)
    plans, code = _load_valid(paths, lang)
    if not plans:
        echo_err("skpgen: " + msg("dash.no_plans", lang))
        sys.exit(code or 1)
    def dashboard_entry(display: str, data: Any) -> PlanEntry:
        return PlanEntry(display, data, plan_status(data, display, today), score_plan(data)).with_rows(lang)

    entries, failed = _per_plan(plans, lang, dashboard_entry)
    code = 2 if failed else code
    data = build_workbook(entries, lang, today)
    _write_output(output, data, lang, "dash.write_failed")
    units = {e.status.unit_kerja for e in entries}
    click.echo(msg("dash.written", lang, path=str(output), plans=len(entries),
                   rows=sum(len(e.status.kegiatan) for e in entries), units=len(units)), err=True)
    sys.exit(code)


# ---- diff --------------------------------------------------------------------------------------

def _load_for_diff(path: Path, display: str, lang: str, text: str | None = None) -> dict[str, Any]:
    """Load one side of a diff (no schema validation: a diff is informational); exit 2 on failure."""
    from skpgen.loader import LoadError, load_path, load_text

    try:
        doc = load_text(text, display, lang=lang) if text is not None else \
            load_path(path, lang=lang, display_name=display)
    except LoadError as exc:
        _print_findings([exc.finding])
        sys.exit(2)
    if not isinstance(doc.data, dict):
        echo_err("skpgen: " + msg("diff.not_mapping", lang, file=display))
        sys.exit(2)
    return doc.data


def _git_show(path: Path, rev: str, lang: str) -> str:
    import subprocess

    if not rev or rev.startswith("-") or any(c in rev for c in "\0\n\r"):
        echo_err("skpgen: " + msg("diff.git_bad_rev", lang, rev=rev))
        sys.exit(2)
    folder = path.resolve().parent
    try:
        proc = subprocess.run(["git", "show", f"{rev}:./{path.name}"], cwd=folder, capture_output=True,
                              timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        echo_err("skpgen: " + msg("diff.git_failed", lang, rev=rev, path=str(path), reason=str(exc)))
        sys.exit(2)
    if proc.returncode != 0:
        reason = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        echo_err("skpgen: " + msg("diff.git_failed", lang, rev=rev, path=str(path),
                                  reason=reason[-1] if reason else f"exit {proc.returncode}"))
        sys.exit(2)
    try:
        return proc.stdout.decode("utf-8")
    except UnicodeDecodeError as exc:
        echo_err("skpgen: " + msg("diff.git_failed", lang, rev=rev, path=str(path), reason=str(exc)))
        sys.exit(2)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--git", "rev", metavar="REV", default=None,
              help="Bandingkan dengan versi BERKAS pada revisi git REV. / Compare with FILE at git REV.")
@format_option(["text", "json"], "text")
@click.option("--exit-code", is_flag=True,
              help="Kode keluar 1 bila ada perbedaan. / Exit 1 when there are differences.")
@lang_option
def diff(files: tuple[Path, ...], rev: str | None, fmt: str, exit_code: bool, lang: str | None) -> None:
    """Bandingkan dua versi SKP: kegiatan ditambahkan, dihapus, dan diubah per kolom.

    \b
    skpgen diff LAMA.yaml BARU.yaml
    skpgen diff SKP.yaml --git HEAD~1     (versi yang di-commit dibandingkan dengan berkas kini)

    Kegiatan dicocokkan menurut id, lalu menurut kemiripan uraian bila id berubah. Kegiatan yang
    dihapus ditandai: perubahan di tengah tahun harus disetujui dan tidak boleh menghilangkan
    kegiatan tanpa alasan.

    Kode keluar: 0 berhasil (dengan --exit-code: 1 bila ada perbedaan); 2 berkas tak terbaca.
    """
    from skpgen.diff import compare_plans
    from skpgen.year.difftext import format_diff

    lang = resolve_lang(lang)
    if rev is not None:
        if len(files) != 1:
            echo_err("skpgen: " + msg("diff.args", lang))
            sys.exit(2)
        new_path = files[0]
        new_label = str(new_path)
        new = _load_for_diff(new_path, new_label, lang)
        old_label = f"{rev}:{new_path}"
        old = _load_for_diff(new_path, old_label, lang, text=_git_show(new_path, rev, lang))
    else:
        if len(files) != 2:
            echo_err("skpgen: " + msg("diff.args", lang))
            sys.exit(2)
        old_label, new_label = str(files[0]), str(files[1])
        old = _load_for_diff(files[0], old_label, lang)
        new = _load_for_diff(files[1], new_label, lang)
    result = compare_plans(old, new)
    if fmt == "json":
        click.echo(json.dumps({"lama": old_label, "baru": new_label, **result.to_dict()},
                              ensure_ascii=False, indent=2))
    else:
        click.echo(format_diff(result, old_label, new_label, lang), nl=False)
    sys.exit(1 if exit_code and result.has_changes else 0)


# ---- init --------------------------------------------------------------------------------------

def _plan_from_matrix(matriks: Path, nip: str | None, source: Path | None, lang: str) -> dict:
    """The plan data of ``init --matriks``: exits 2 on bad arguments or an unreadable unit file,
    1 when the unit file is invalid."""
    from skpgen.pipeline import load_and_validate
    from skpgen.unit.model import read_unit, ut
    from skpgen.unit.scaffold import MatrixRowError, plan_from_matrix

    if source is not None:
        echo_err("skpgen: " + ut("init.matriks_with_from", lang))
        sys.exit(2)
    if not nip:
        echo_err("skpgen: " + ut("init.need_nip", lang))
        sys.exit(2)
    res = read_unit(matriks, str(matriks), lang)
    if res.unit is None:
        _print_findings(res.findings)
        if not res.load_failed:
            echo_err("skpgen: " + ut("init.invalid_unit", lang, file=str(matriks), n=len(res.findings)))
        sys.exit(2 if res.load_failed else 1)
    docs = []
    for target in iter_yaml_files([matriks.parent], lang, []):
        doc, findings, failed = load_and_validate(target.path, target.display, lang)
        if doc is not None and not failed and not findings:
            docs.append(doc)
    try:
        return plan_from_matrix(res.unit, nip.strip(), docs, lang)
    except MatrixRowError as exc:
        echo_err(f"skpgen: {exc}")
        sys.exit(2)


@click.command()
@click.option("-o", "--output", "output", required=True, type=click.Path(path_type=Path),
              help="Berkas SKP baru (mis. 2026.skp.yaml). / New plan file.")
@click.option("--from", "source", type=click.Path(path_type=Path), default=None,
              help="SKP tahun lalu sebagai dasar. / Last year's plan to start from.")
@click.option("--tahun", type=int, default=None,
              help="Tahun periode (bawaan: tahun lalu + 1, atau tahun ini). / Period year.")
@click.option("--aturan", type=click.Choice(["pp46-2011", "permenpanrb-6-2022"]), default=None,
              help="Regulasi (bawaan: dari --from, atau pp46-2011). / Regime.")
@click.option("--schema", "schema_ref", default=None, metavar="URL|PATH",
              help="Alamat skema untuk baris yaml-language-server (bawaan: skp.schema.json di folder "
                   "berkas atau di atasnya, ditulis bila belum ada). / Schema location for the modeline "
                   "(default: a local skp.schema.json, written when missing).")
@click.option("--force", is_flag=True, help="Timpa berkas yang sudah ada. / Overwrite an existing file.")
@click.option("--matriks", "matriks", type=click.Path(path_type=Path), default=None,
              help="Berkas unit (*.unit.yaml) dengan Matriks Peran Hasil: satu RHK per sel baris --nip. "
                   "/ Unit file whose matrix row gives one RHK per cell.")
@click.option("--nip", "nip", default=None, help="NIP pegawai (dengan --matriks). / Employee NIP (with --matriks).")
@lang_option
def init(output: Path, source: Path | None, tahun: int | None, aturan: str | None, schema_ref: str | None,
         force: bool, matriks: Path | None, nip: str | None, lang: str | None) -> None:
    """Buat kerangka SKP baru yang valid, dengan komentar berbahasa Indonesia.

    Dengan --from, identitas, keselarasan dan kegiatan tahun lalu dipertahankan; realisasi,
    pemantauan, jurnal, evaluasi, nilai perilaku, persetujuan dan revisi dikosongkan; periode
    dan tanggal digeser ke tahun baru; realisasi tahun lalu ditambahkan ke `historis`.
    Berkas yang sudah ada tidak pernah ditimpa tanpa --force.

    Baris `# yaml-language-server: $schema=…` menunjuk skp.schema.json lokal (di folder berkas
    atau folder di atasnya sampai akar proyek; bila belum ada, ditulis di samping berkas), sehingga
    editor melengkapi dan memeriksa isian tanpa jaringan.

    Dengan --matriks FILE.unit.yaml --nip NIP: SKP 6/2022 tahun unit untuk pegawai pada baris
    matriks itu, satu RHK per sel, rhk_atasan berisi "NIP#id" RHK atasan; identitas pegawai dan
    pejabat penilai diambil dari SKP di folder unit bila ada.

    Kode keluar: 0 berhasil; 1 berkas sumber tidak valid; 2 berkas sudah ada, tak terbaca,
    atau tak dapat ditulis.
    """
    from skpgen.pipeline import load_and_validate
    from skpgen.loader import load_text
    from skpgen.validate import validate_document
    from skpgen.year.scaffold import blank_plan, render_scaffold, roll_over, schema_location

    lang = resolve_lang(lang)
    if tahun is not None and not 1900 <= tahun <= 2200:
        echo_err("skpgen: " + msg("init.bad_year", lang, tahun=tahun))
        sys.exit(2)
    if output.exists() and not force:
        echo_err("skpgen: " + msg("init.exists", lang, path=str(output)))
        sys.exit(2)
    matriks_file = None
    if matriks is not None:
        plan = _plan_from_matrix(matriks, nip, source, lang)
        matriks_file = str(matriks)
    elif source is not None:
        doc, findings, failed = load_and_validate(source, str(source), lang)
        if failed or doc is None:
            _print_findings(findings)
            sys.exit(2)
        if findings:
            _print_findings(findings)
            echo_err("skpgen: " + msg("init.invalid_source", lang, file=str(source), n=len(findings)))
            sys.exit(1)
        plan = roll_over(doc.data, tahun=tahun, aturan=aturan)
    else:
        plan = blank_plan(tahun=tahun or dt.date.today().year, aturan=aturan or "pp46-2011")
    schema_file, schema_exists = None, False
    if schema_ref is None:
        schema_ref, schema_file, schema_exists = schema_location(output)
    text = render_scaffold(plan, schema_ref=schema_ref, source=str(source) if source else None, matriks=matriks_file)

    # the scaffold must be a valid plan apart from its placeholders (E065, which `skpgen validate`
    # reports until they are replaced): check it exactly as `skpgen validate` would
    problems = [p for p in validate_document(load_text(text, str(output), lang=lang), lang) if p.code != "E065"]
    if problems:
        detail = "; ".join(f"{p.line}:{p.column} {p.message}" for p in problems[:3])
        echo_err("skpgen: " + msg("init.internal_invalid", lang, detail=detail))
        sys.exit(2)
    _write_output(output, text.encode("utf-8"), lang, "init.write_failed")
    click.echo(msg("init.written", lang, path=str(output), tahun=plan["periode"]["tahun"],
                   source=msg("init.from_source", lang, file=str(source)) if source else ""), err=True)
    if schema_file is not None:  # the editor's offline schema (SPEC §10), next to or above the plan
        from skpgen.resources import schema_file as packaged_schema

        current = packaged_schema().read_bytes()
        if not schema_exists:
            _write_output(schema_file, current, lang, "init.write_failed")
            click.echo(msg("init.schema_written", lang, path=str(schema_file)), err=True)
        elif schema_file.read_bytes() != current:
            click.echo(msg("init.schema_stale", lang, path=str(schema_file)), err=True)
