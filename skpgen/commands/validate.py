"""``skpgen validate`` and ``skpgen schema``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from skpgen.commands._common import format_option, iter_yaml_files, lang_option, paths_argument, resolve_lang
from skpgen.i18n import t
from skpgen.loader import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH
from skpgen.pipeline import load_and_validate
from skpgen.report import JsonArrayStream, format_concise, format_full, sort_findings, source_reader, use_colour


@click.command()
@paths_argument
@format_option(["full", "concise", "json"], "full")
@lang_option
@click.option("--max-bytes", type=click.IntRange(1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Batas ukuran berkas (byte). / File size limit.")
@click.option("--max-depth", type=click.IntRange(1), default=DEFAULT_MAX_DEPTH, show_default=True,
              help="Batas kedalaman bersarang. / Nesting depth limit.")
@click.option("-q", "--quiet", is_flag=True, help="Jangan cetak berkas yang valid. / Do not list valid files.")
def validate(paths: tuple[Path, ...], fmt: str, lang: str | None, max_bytes: int, max_depth: int, quiet: bool) -> None:
    """Periksa berkas SKP (file atau folder) terhadap skema dan fakta lintas-kolom.

    Berkas unit (*.unit.yaml) diperiksa terhadap skema unit (schemas/unit.schema.json).

    Kode keluar: 0 valid; 1 ada kesalahan skema; 2 berkas tak terbaca/tak terurai atau argumen salah.
    """
    lang = resolve_lang(lang)
    errors: list[str] = []
    # Files are processed in name order and each file's findings are printed as soon as it is
    # done, so the output is sorted by file, line, column and memory does not grow with the batch.
    targets = sorted(iter_yaml_files(paths, lang, errors, units=True), key=lambda tg: tg.display)
    def write(text: str) -> None:
        click.echo(text, nl=False)

    stream = JsonArrayStream(write) if fmt == "json" else None
    colour = use_colour()
    load_failed = False
    n_files = n_bad = n_findings = 0
    for target in targets:
        n_files += 1
        doc, findings, failed = load_and_validate(target.path, target.display, lang, max_bytes, max_depth)
        load_failed |= failed
        if not findings:
            if fmt == "full" and not quiet:
                write(t("cli.valid", lang, file=target.display) + "\n")
            continue
        findings = sort_findings(findings)
        n_bad += 1
        n_findings += len(findings)
        if stream is not None:
            stream.add(findings)
        elif fmt == "concise":
            write(format_concise(findings))
        else:
            texts = {target.display: doc.lines} if doc is not None else {}
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
def schema(unit: bool) -> None:
    """Cetak skema JSON berkas SKP (draft-07) untuk editor dan alat lain; --unit: skema berkas unit."""
    from skpgen.resources import schema_file, unit_schema_file

    click.echo((unit_schema_file() if unit else schema_file()).read_text(encoding="utf-8"), nl=False)
