"""``skpgen render`` (official forms as .docx, optionally PDF) and ``skpgen template export|check``.

Exit codes (SPEC §5): 0 every plan rendered; 1 some plan did not validate and was skipped (the rest
rendered); 2 the run failed somewhere: unreadable/unparseable input, unwritable output folder,
LibreOffice missing with --pdf, a template or render error.

The work itself (one plan's render path, the worker pool) lives in :mod:`skpgen.render.batch`.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from pathlib import Path
from typing import Any

import click

from skpgen.commands._common import iter_yaml_files, lang_option, resolve_lang
from skpgen.render.batch import Options, Result, describe_issue, msg, rhk_index, run_batch


def _date_time() -> tuple[int, int, int, int, int, int]:
    from skpgen.render.docxzip import DEFAULT_DATE_TIME, date_time_from_epoch

    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if raw.isdigit():
        return date_time_from_epoch(int(raw))
    return DEFAULT_DATE_TIME


def _check_outdir(outdir: Path) -> str | None:
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        import tempfile

        fd, probe = tempfile.mkstemp(prefix=".skpgen-probe-", dir=outdir)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        return str(exc.strerror or exc)
    return None


def _form_names() -> list[str]:
    from skpgen.render.forms import form_names

    return form_names()


class _FormChoice(click.ParamType):
    name = "FORM"

    def convert(self, value: Any, param: Any, ctx: Any) -> str:
        names = _form_names()
        if value not in names:
            self.fail(f"{value!r}: {', '.join(names)}", param, ctx)
        return value


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "outdir", required=True, type=click.Path(path_type=Path),
              help="Folder keluaran. / Output folder.")
@click.option("--form", "forms", multiple=True, type=_FormChoice(),
              help="Hanya formulir ini (boleh berulang): formulir-skp, penilaian-capaian, penilaian-prestasi, "
                   "skp-2022, evaluasi-2022. / Only these forms.")
@click.option("--template", "template", type=click.Path(path_type=Path, dir_okay=False),
              help="Templat .docx sendiri (konteks sama dengan formulir bawaan). / Your own .docx template.")
@click.option("--pdf", is_flag=True, help="Tulis juga PDF lewat LibreOffice. / Also write PDF via LibreOffice.")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=None,
              help="Jumlah proses (bawaan: jumlah CPU untuk batch besar). / Worker processes.")
@lang_option
@click.option("-q", "--quiet", is_flag=True, help="Hanya kesalahan. / Errors only.")
def render(paths: tuple[Path, ...], outdir: Path, forms: tuple[str, ...], template: Path | None, pdf: bool,
           jobs: int | None, lang: str | None, quiet: bool) -> None:
    """Buat formulir resmi SKP (.docx, opsional PDF) untuk berkas atau folder SKP.

    Nama keluaran: {tahun}_{nip}_{formulir}.docx. Kode keluar: 0 semua dirender; 1 ada rencana yang
    tidak valid (dilewati); 2 masukan tak terbaca, folder keluaran tak dapat ditulis, LibreOffice tidak
    ada (dengan --pdf), atau kesalahan templat.
    """
    lang = resolve_lang(lang)
    soffice = None
    if pdf:
        from skpgen.render.pdf import find_soffice

        soffice = find_soffice()
        if not soffice:
            click.echo(f"skpgen: {msg('soffice_missing', lang)}", err=True)
            sys.exit(2)
    problem = _check_outdir(outdir)
    if problem:
        click.echo(f"skpgen: {msg('outdir_error', lang, outdir=outdir, error=problem)}", err=True)
        sys.exit(2)
    if template is not None:
        from skpgen.render.engine import TemplateError
        from skpgen.render.forms import load_template

        try:
            load_template(template)
        except TemplateError as exc:
            click.echo(f"skpgen: {msg('template_unusable', lang, file=template)}", err=True)
            for issue in exc.issues:
                click.echo(f"  {describe_issue(issue, lang)}", err=True)
            sys.exit(2)
    else:
        # compile the built-in templates once, before forking workers (they inherit them)
        from skpgen.render.forms import all_forms, load_template

        for name in forms or tuple(all_forms()):
            load_template(all_forms()[name].path)

    dir_errors: list[str] = []
    items = [(str(t.path), t.display) for t in iter_yaml_files(paths, lang, dir_errors)]
    if jobs is None:
        jobs = min(os.cpu_count() or 1, 8) if len(items) >= 16 else 1
    opts = Options(str(outdir), tuple(dict.fromkeys(forms)), str(template) if template else None, pdf, soffice, lang,
                   quiet, _date_time())
    # batch-aware: the 6/2022 forms print the text of a supervisor RHK whose plan is in the batch
    opts = dataclasses.replace(opts, rhk_texts=rhk_index(items, opts))
    # the unit files among the inputs: organisation predikat and curve on the Evaluasi forms
    unit_files = [(str(t.path), t.display) for t in iter_yaml_files(paths, lang, [], units=True) if t.unit]
    if unit_files:
        from skpgen.kurva.unit import units_for_plans

        opts = dataclasses.replace(opts, units=units_for_plans(unit_files, items, lang, opts.max_bytes, opts.max_depth))

    show_bar = (not quiet and len(items) > 1 and bool(getattr(sys.stderr, "isatty", lambda: False)()))
    list_files = not quiet and not show_bar
    seen: dict[str, str] = {}
    n_forms = n_plans = n_skipped = 0
    load_failed = invalid = failed = False

    def handle(res: Result) -> None:
        nonlocal n_forms, n_plans, n_skipped, load_failed, invalid, failed
        for err in res.errors:
            echo_err(err)
        if not quiet:
            for note in res.notes:
                echo_err(note)
        if res.status == "load-failed":
            load_failed = True
            n_skipped += 1
        elif res.status == "invalid":
            invalid = True
            n_skipped += 1
        elif res.status == "internal-error":
            failed = True
            n_skipped += 1
        elif res.status != "ok":
            failed = True
        if res.written:
            n_plans += 1
        for path in res.written:
            if path.endswith(".docx"):
                n_forms += 1
                name = os.path.basename(path)
                if name in seen and seen[name] != res.file:
                    echo_err(msg("overwritten", lang, file=res.file, name=name, other=seen[name]))
                seen[name] = res.file
            if list_files:
                click.echo(path)

    if show_bar:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        console = Console(stderr=True)

        def echo_err(text: str) -> None:
            console.print(text, markup=False, highlight=False)

        with Progress(TextColumn("[bold]render"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                      console=console, transient=True) as progress:
            task = progress.add_task("render", total=len(items))
            for res in run_batch(items, opts, jobs):
                handle(res)
                progress.advance(task)
    else:
        def echo_err(text: str) -> None:
            click.echo(text, err=True)

        for res in run_batch(items, opts, jobs):
            handle(res)

    for message in dir_errors:
        click.echo(f"skpgen: {message}", err=True)
    if not quiet:
        key = "summary_skipped" if n_skipped else "summary"
        click.echo(msg(key, lang, forms=n_forms, plans=n_plans, outdir=outdir, skipped=n_skipped), err=True)
    if load_failed or failed or dir_errors:
        sys.exit(2)
    sys.exit(1 if invalid else 0)


# ------------------------------------------------------------------------------------ template

@click.group()
def template() -> None:
    """Ekspor templat formulir bawaan untuk diedit, atau periksa templat .docx."""


@template.command("export")
@click.argument("name", type=_FormChoice())
@click.option("-o", "--output", "output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Berkas tujuan (bawaan: NAME.docx). / Target file.")
@lang_option
def export(name: str, output: Path | None, lang: str | None) -> None:
    """Tulis templat bawaan NAME (.docx) untuk diedit di Word/LibreOffice."""
    from skpgen.fsutil import atomic_write_bytes
    from skpgen.render.forms import get_form

    lang = resolve_lang(lang)
    form = get_form(name)
    target = output or Path(f"{name}.docx")
    try:
        atomic_write_bytes(target, form.path.read_bytes())
    except OSError as exc:
        click.echo(f"skpgen: {msg('write_failed', lang, file=name, path=target, error=exc.strerror or exc)}", err=True)
        sys.exit(2)
    click.echo(msg("exported", lang, name=name, path=target), err=True)


@template.command("check")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@lang_option
def check(file: Path, lang: str | None) -> None:
    """Periksa templat .docx tanpa data: tag terpecah, kutip lengkung, blok tidak seimbang, jalur data
    yang tidak dikenal skema. Kode keluar: 0 tanpa kesalahan; 1 ada kesalahan; 2 berkas tak terbaca."""
    from skpgen.render.context import CONTEXT_NAMES
    from skpgen.render.check import check_template

    lang = resolve_lang(lang)
    issues = check_template(file, allowed_names=CONTEXT_NAMES)
    unreadable = any(i.id in ("template/unreadable", "template/not-docx") for i in issues)
    for issue in issues:
        click.echo(f"{file}: {describe_issue(issue, lang)}")
    n_err = sum(1 for i in issues if i.severity == "error")
    n_warn = len(issues) - n_err
    if issues:
        click.echo(msg("check_summary", lang, file=file, errors=n_err, warnings=n_warn), err=True)
    else:
        click.echo(msg("check_ok", lang, file=file), err=True)
    if unreadable:
        sys.exit(2)
    sys.exit(1 if n_err else 0)
