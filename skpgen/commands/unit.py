"""``skpgen unit``: the unit under PermenPANRB 6/2022 (SPEC §11).

``skpgen unit DIR`` is the summary (hierarchy and cascading findings of every unit file under
DIR); the subcommands (``matriks``, and ``kurva`` of the curve issue) are resolved lazily like the
top-level commands, so a subcommand module is imported only when it runs.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from skpgen.cli import LazyGroup
from skpgen.commands._common import iter_yaml_files, lang_option
from skpgen.findings import SEVERITY_RANK
from skpgen.i18n import get_lang

# subcommand → ("module:attribute", help). The summary is the default: `skpgen unit DIR`.
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "ringkasan": ("skpgen.commands.unit:ringkasan",
                  "Hierarki dan temuan cascading setiap berkas unit (bawaan: skpgen unit DIR)."),
    "matriks": ("skpgen.commands.unit:matriks", "Matriks Peran Hasil sebagai DOCX atau XLSX."),
    "kurva": ("skpgen.commands.unit:kurva", "Kurva distribusi predikat kinerja pegawai per unit dan periode."),
}
DEFAULT = "ringkasan"


class UnitGroup(LazyGroup):
    """Lazy subcommands; a first argument that is not one (a folder) runs the summary:
    ``skpgen unit DIR`` is ``skpgen unit ringkasan DIR``."""

    table = SUBCOMMANDS

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in SUBCOMMANDS and args[0] not in ("-h", "--help"):
            args = [DEFAULT, *args]
        return super().parse_args(ctx, args)


@click.group(cls=UnitGroup, context_settings={"help_option_names": ["-h", "--help"]})
def unit() -> None:
    """Unit kerja PermenPANRB 6/2022: hierarki, cascading RHK, Matriks Peran Hasil.

    skpgen unit DIR [--format text|json] meringkas setiap berkas unit (*.unit.yaml) di bawah DIR:
    hierarki dari pejabat_penilai.nip dan temuan cascading (U7xx, R402, R406). Kode keluar: 0 tanpa
    temuan error; 1 ada temuan error; 2 gagal berjalan (tidak ada berkas unit, berkas tak terbaca).
    """


def _fail(message: str) -> None:
    click.echo(f"skpgen: {message}", err=True)
    sys.exit(2)


def _analyse(paths: tuple[Path, ...], lang: str | None, keep_docs: bool = False):  # type: ignore[no-untyped-def]
    """(analysis, lang, run errors) for the unit commands; exits 2 on a bad config."""
    from skpgen.lint.config import ConfigError, load_config
    from skpgen.unit.analysis import analyse

    lang0 = get_lang(lang)
    try:
        config = load_config(None, paths[0], lang0)
    except ConfigError as exc:
        _fail(str(exc))
        raise  # unreachable
    lang = get_lang(lang, config.lang)
    errors: list[str] = []
    targets = list(iter_yaml_files(paths, lang, errors, units=True))
    result = analyse(targets, lang, config, keep_docs=keep_docs)
    result.errors.extend(errors)
    if not result.reports:
        from skpgen.unit.model import ut

        result.errors.extend(ut("cli.no_unit", lang, path=str(p)) for p in paths)
    return result, lang


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Format keluaran. / Output format.")
@lang_option
def ringkasan(paths: tuple[Path, ...], fmt: str, lang: str | None) -> None:
    """Ringkasan unit: hierarki pegawai dan temuan cascading setiap berkas unit di bawah DIR."""
    from skpgen.unit.analysis import report_json
    from skpgen.unit.summary import format_text

    result, lang = _analyse(paths, lang)
    if fmt == "json":
        click.echo(json.dumps([report_json(r) for r in result.reports], ensure_ascii=False, indent=2))
    else:
        click.echo(format_text(result, lang), nl=False)
    for message in result.errors + result.crashes:
        click.echo(f"skpgen: {message}", err=True)
    if result.load_failed or result.errors or result.crashes:
        sys.exit(2)
    worst = max((SEVERITY_RANK[f.severity] for r in result.reports for f in r.findings), default=-1)
    sys.exit(1 if worst >= SEVERITY_RANK["error"] else 0)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="Berkas keluaran: .docx atau .xlsx. / Output file (.docx or .xlsx).")
@click.option("--kolom", type=click.Choice(["rhk", "iki"]), default="rhk", show_default=True,
              help="Kolom: RHK pimpinan atau IKI pimpinan. / Columns: the leader's RHK or IKI.")
@lang_option
def matriks(paths: tuple[Path, ...], output: Path, kolom: str, lang: str | None) -> None:
    """Matriks Peran Hasil dari SKP di folder unit (DOCX atau XLSX): baris pegawai dengan jabatan,
    dikelompokkan dua tingkat; kolom RHK (atau IKI) pimpinan; sel RHK pegawai yang mengintervensinya.

    Kode keluar: 0 ditulis; 2 tidak ada atau lebih dari satu berkas unit, berkas tak terbaca, akhiran salah.
    """
    from skpgen.render.xmlsafe import IllegalXmlCharError
    from skpgen.unit.matriks import build_matrix, write_matrix
    from skpgen.unit.model import ut

    if output.suffix.lower() not in (".docx", ".xlsx"):
        _fail(ut("cli.matriks_suffix", get_lang(lang), path=str(output)))
    result, lang = _analyse(paths, lang)
    for message in result.errors + result.crashes:
        click.echo(f"skpgen: {message}", err=True)
    reports = [r for r in result.reports if r.cascade is not None]
    if not reports:
        sys.exit(2)
    if len(reports) > 1:
        _fail(ut("cli.matriks_many", lang, n=len(reports)))
    matrix = build_matrix(reports[0].cascade, kolom=kolom, lang=lang)
    try:
        write_matrix(matrix, output, lang)
    except IllegalXmlCharError as exc:
        _fail(ut("cli.bad_char", lang, problem=str(exc)))
    except OSError as exc:
        _fail(f"{output}: {exc.strerror or exc}")
    click.echo(ut("cli.matriks_written", lang, path=str(output), rows=len(matrix.rows), cols=len(matrix.columns)),
               err=True)
    click.echo(str(output))
    sys.exit(2 if result.load_failed or result.errors else 0)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--periode", type=click.Choice(["triwulan-1", "triwulan-2", "triwulan-3", "triwulan-4", "tahunan"]),
              default=None, help="Hanya periode ini (bawaan: setiap periode yang predikat organisasinya ditetapkan). "
                                 "/ Only this period.")
@click.option("--ekinerja", "ekinerja_files", multiple=True, type=click.Path(path_type=Path),
              help="Ekspor e-Kinerja .xlsx: Penilaian SKP (id, hasil_akhir), boleh ditambah Laporan SKP untuk unit; "
                   "dapat diulang. / e-Kinerja exports (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Format keluaran. / Output format.")
@lang_option
def kurva(paths: tuple[Path, ...], periode: str | None, ekinerja_files: tuple[Path, ...], fmt: str,
          lang: str | None) -> None:
    """Kurva distribusi predikat kinerja pegawai per unit dan periode (SE MenPANRB 3/2023).

    Predikat pegawai diambil dari evaluasi SKP di folder unit (pimpinan unit tidak dihitung), atau
    dari ekspor e-Kinerja (--ekinerja). Batas minimum dibulatkan ke atas, maksimum ke bawah.
    Kode keluar: 0 sesuai; 1 ada pelanggaran kurva; 2 gagal berjalan (tidak ada berkas unit,
    ekspor e-Kinerja tak terbaca atau kolomnya kurang).
    """
    from skpgen.kurva import msg as kmsg
    from skpgen.kurva.ekinerja import EkinerjaError, baca_ekinerja
    from skpgen.kurva.unit import format_text as kurva_text
    from skpgen.kurva.unit import kurva_units

    lang0 = get_lang(lang)
    ekinerja = None
    if ekinerja_files:
        try:
            ekinerja = baca_ekinerja(ekinerja_files, lang0)
        except EkinerjaError as exc:
            _fail(str(exc))
    result, lang = _analyse(paths, lang, keep_docs=True)
    curves = kurva_units(result.reports, result.docs, periode, ekinerja, lang)
    if fmt == "json":
        click.echo(json.dumps([k.to_json() for k in curves], ensure_ascii=False, indent=2))
    elif curves:
        click.echo(kurva_text(curves, lang), nl=False)
    for message in result.errors + result.crashes:
        click.echo(f"skpgen: {message}", err=True)
    if not curves and not result.errors:
        click.echo("skpgen: " + kmsg("teks_tanpa_unit", lang, path=", ".join(str(p) for p in paths)), err=True)
    if result.load_failed or result.errors or result.crashes or not curves:
        sys.exit(2)
    sys.exit(0 if all(k.hasil.patuh for k in curves) else 1)
