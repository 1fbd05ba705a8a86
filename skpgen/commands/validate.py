"""``skpgen validate`` and ``skpgen schema``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from skpgen.commands._common import format_option, iter_yaml_files, lang_option, paths_argument, resolve_lang
from skpgen.i18n import t
from skpgen.loader import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH
from skpgen.report import JsonArrayStream, format_concise, format_full, source_reader, use_colour


@click.command()
@paths_argument
@format_option(["full", "concise", "json"], "full")
@lang_option
@click.option("--max-bytes", type=click.IntRange(1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Batas ukuran berkas (byte). / File size limit.")
@click.option("--max-depth", type=click.IntRange(1), default=DEFAULT_MAX_DEPTH, show_default=True,
              help="Batas kedalaman bersarang. / Nesting depth limit.")
@click.option("-q", "--quiet", is_flag=True, help="Jangan cetak berkas yang valid. / Do not list valid files.")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=None,
              help="Jumlah proses (bawaan: semua inti CPU; batch kecil tetap satu proses). / Worker processes.")
def validate(paths: tuple[Path, ...], fmt: str, lang: str | None, max_bytes: int, max_depth: int, quiet: bool,
             jobs: int | None) -> None:
    """Periksa berkas SKP (file atau folder) terhadap skema dan fakta lintas-kolom.

    Berkas unit (*.unit.yaml) diperiksa terhadap skema unit (schemas/unit.schema.json).

    Kode keluar: 0 valid; 1 ada kesalahan skema; 2 berkas tak terbaca/tak terurai atau argumen salah.
    """
    from skpgen.parallel import default_jobs
    from skpgen.pipeline import validate_batch

    lang = resolve_lang(lang)
    errors: list[str] = []
    # Files are processed in name order (on several processes, results kept in that order) and
    # each file's findings are printed as soon as it is done, so the output is sorted by file,
    # line, column, is the same for any --jobs, and memory does not grow with the batch.
    from skpgen.fsutil import batch_targets

    targets = batch_targets(iter_yaml_files(paths, lang, errors, units=True))
    def write(text: str) -> None:
        click.echo(text, nl=False)

    stream = JsonArrayStream(write) if fmt == "json" else None
    colour = use_colour()
    load_failed = False
    n_files = n_bad = n_findings = 0
    results = validate_batch(targets, jobs or default_jobs(), lang, max_bytes, max_depth, keep_lines=fmt == "full")
    for display, findings, failed, lines in results:
        n_files += 1
        load_failed |= failed
        if not findings:
            if fmt == "full" and not quiet:
                write(t("cli.valid", lang, file=display) + "\n")
            continue
        n_bad += 1
        n_findings += len(findings)
        if stream is not None:
            stream.add(findings)
        elif fmt == "concise":
            write(format_concise(findings))
        else:
            texts = {display: lines} if lines is not None else {}
            write(format_full(findings, source_reader(texts), colour=colour))
    if stream is not None:
        stream.close()
    for message in errors:
        click.echo(f"skpgen: {message}", err=True)
    if fmt == "full":
        if n_bad:
            click.echo(t("cli.summary_bad", lang, bad=n_bad, n=n_files, errors=n_findings), err=True)
        elif n_files:
            click.echo(t("cli.summary_ok", lang, n=n_files), err=True)
    if load_failed or errors:
        sys.exit(2)
    sys.exit(1 if n_findings else 0)


@click.command()
@click.option("--unit", "unit", is_flag=True, help="Skema berkas unit (*.unit.yaml). / The unit file schema.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Tulis skema ke berkas (atomik), mis. skp.schema.json di samping SKP untuk editor.")
@lang_option
def schema(unit: bool, output: Path | None, lang: str | None) -> None:
    """Cetak skema JSON berkas SKP (draft-07) untuk editor dan alat lain; --unit: skema berkas unit.

    Dengan -o, skema ditulis ke berkas: baris `# yaml-language-server: $schema=./skp.schema.json`
    pada SKP lalu bekerja tanpa jaringan (lihat `skpgen init`).
    """
    from skpgen.resources import schema_file, unit_schema_file

    text = (unit_schema_file() if unit else schema_file()).read_text(encoding="utf-8")
    if output is None:
        click.echo(text, nl=False)
        return
    from skpgen.fsutil import atomic_write_text

    try:
        atomic_write_text(output, text)
    except OSError as exc:
        click.echo("skpgen: " + t("cli.schema_write_failed", resolve_lang(lang), path=str(output),
                                  problem=exc.strerror or str(exc)), err=True)
        sys.exit(2)
