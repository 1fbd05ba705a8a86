"""``skpgen render`` (official forms as .docx, optionally PDF) and ``skpgen template export|check``.

Exit codes (SPEC §5): 0 every plan rendered; 1 some plan did not validate and was skipped (the rest
rendered); 2 the run failed somewhere: unreadable/unparseable input, unwritable output folder,
LibreOffice missing with --pdf, a template or render error.

Batches stream: plans are handed to the workers through a bounded window, each worker writes its
own documents and returns only file names and messages, so memory does not grow with the batch.
"""

from __future__ import annotations

import os
import re
import sys
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from skpgen.commands._common import iter_yaml_files, lang_option, resolve_lang
from skpgen.i18n import Catalogue
from skpgen.loader import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH

_SAFE = re.compile(r"[^0-9A-Za-z._-]+")


# ------------------------------------------------------------------------------------ messages

_MESSAGES = Catalogue(Path(__file__).resolve().parents[1] / "render" / "messages.toml")


def msg(key: str, lang: str, **kw: Any) -> str:
    return _MESSAGES.t(key, lang, **kw)


def describe_render_error(exc: Any, lang: str) -> tuple[str, str]:
    """(translated message with the engine's detail, location suffix) for a RenderError."""
    text = msg(exc.id, lang)
    if text == exc.id:
        text = exc.detail
    elif exc.detail:
        text = f"{text}: {exc.detail}"
    where = []
    if exc.tag:
        where.append(f"tag {exc.tag}")
    if exc.part:
        where.append(exc.part)
    return f"[{exc.id}] {text}", (f" ({', '.join(where)})" if where else "")


def describe_issue(issue: Any, lang: str) -> str:
    if issue.id == "template/unknown-path":
        m = re.search(r"'([^']*)'", issue.message)
        text = msg(issue.id, lang, path=m.group(1) if m else "?")
    else:
        text = msg(issue.id, lang)
    if text == issue.id:
        text = issue.message
    detail = issue.message if issue.id in ("template/syntax-error", "template/malformed-xml",
                                           "template/not-docx", "template/unreadable", "template/unbalanced-block",
                                           "template/block-crosses-boundary") else ""
    sev = msg(f"severity_{issue.severity}", lang)
    parts = [f"{sev} [{issue.id}] {text}"]
    if detail and detail != text:
        parts.append(f": {detail}")
    loc = []
    if issue.tag:
        loc.append(f"tag {issue.tag}")
    if issue.part:
        loc.append(issue.part)
    if issue.paragraph:
        loc.append(f"'{issue.paragraph}'")
    if loc:
        parts.append(f" ({', '.join(loc)})")
    return "".join(parts)


# ------------------------------------------------------------------------------------ the work

@dataclass(frozen=True)
class Options:
    outdir: str
    forms: tuple[str, ...] = ()
    template: str | None = None
    pdf: bool = False
    soffice: str | None = None
    lang: str = "id"
    quiet: bool = False
    date_time: tuple[int, int, int, int, int, int] = (1980, 1, 1, 0, 0, 0)
    max_bytes: int = DEFAULT_MAX_BYTES
    max_depth: int = DEFAULT_MAX_DEPTH


@dataclass
class Result:
    file: str
    status: str = "ok"          # ok | invalid | load-failed | render-error | write-error | pdf-error
    written: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)   # messages for stderr
    notes: list[str] = field(default_factory=list)    # informational (not shown with --quiet)


def output_name(plan: Mapping[str, Any], form: str) -> str:
    """``{tahun}_{nip}_{form}.docx`` (characters outside [0-9A-Za-z._-] replaced by '-')."""
    tahun = _SAFE.sub("-", str((plan.get("periode") or {}).get("tahun", "tahun")))
    nip = _SAFE.sub("-", str((plan.get("pegawai") or {}).get("nip", "nip")))
    return f"{tahun}_{nip}_{_SAFE.sub('-', form)}.docx"


def _reason(form: Any, plan: Mapping[str, Any], score: Any, lang: str) -> str:
    if plan.get("aturan") != form.aturan:
        return msg("reason_aturan", lang, aturan=plan.get("aturan"))
    for need in form.requires:
        probe = type(form)(form.name, form.file, form.title, form.aturan, (need,))
        if not probe.applies(plan, score):
            return msg(f"reason_{need}", lang)
    return ""


def core_properties(plan: Mapping[str, Any], title: str) -> Any:
    from skpgen.render.engine import CoreProperties

    mulai = (plan.get("periode") or {}).get("mulai")
    return CoreProperties(title=title, creator=str((plan.get("pegawai") or {}).get("nama") or ""),
                          created=mulai or None, modified=mulai or None)


def render_plan(path: str, display: str, opts: Options) -> Result:
    """Load, validate, score and render one plan; write its documents. Never raises for bad input."""
    from skpgen.pipeline import load_and_validate
    from skpgen.fsutil import atomic_write_bytes
    from skpgen.render.context import build_context, with_form
    from skpgen.render.engine import RenderError
    from skpgen.render.forms import all_forms, load_template
    from skpgen.report import format_concise, sort_findings
    from skpgen.scoring import score_plan

    res = Result(display)
    lang = opts.lang
    doc, findings, failed = load_and_validate(Path(path), display, lang, opts.max_bytes, opts.max_depth)
    errors = [f for f in findings if f.severity == "error"]
    if failed or doc is None:
        res.status = "load-failed"
        res.errors.append(format_concise(sort_findings(findings)).rstrip("\n"))
        return res
    if errors:
        res.status = "invalid"
        res.errors.append(format_concise(sort_findings(errors)).rstrip("\n"))
        res.errors.append(msg("skipped_invalid", lang, file=display))
        return res
    plan = doc.data if isinstance(doc.data, Mapping) else {}
    score = score_plan(plan)
    ctx = build_context(plan, score)

    jobs: list[tuple[str, str, Path]] = []   # (form name, title, template path)
    if opts.template:
        stem = Path(opts.template).stem
        jobs.append((stem, stem, Path(opts.template)))
    else:
        forms = all_forms()
        for name in opts.forms or tuple(forms):
            form = forms[name]
            if form.applies(plan, score):
                jobs.append((name, form.title, form.path))
            elif opts.forms:
                res.notes.append(msg("not_applicable", lang, file=display, form=name,
                                     reason=_reason(form, plan, score, lang)))
    outdir = Path(opts.outdir)
    written_docx: list[Path] = []
    for name, title, tpath in jobs:
        tpl = load_template(tpath)
        target = outdir / output_name(plan, name)
        try:
            data = tpl.render(with_form(ctx, name, title), core=core_properties(plan, title), date_time=opts.date_time)
        except RenderError as exc:
            text, where = describe_render_error(exc, lang)
            res.status = "render-error"
            res.errors.append(msg("render_failed", lang, file=display, form=name, message=text, where=where))
            continue
        try:
            atomic_write_bytes(target, data, durable=False)
        except OSError as exc:
            res.status = "write-error"
            res.errors.append(msg("write_failed", lang, file=display, path=str(target), error=exc.strerror or exc))
            continue
        del data
        written_docx.append(target)
        res.written.append(str(target))
    if opts.pdf and written_docx:
        from skpgen.render.pdf import PdfError, convert

        try:
            for pdf in convert(written_docx, soffice=opts.soffice):
                res.written.append(str(pdf))
        except (PdfError, OSError) as exc:
            res.status = "pdf-error"
            res.errors.append(msg("pdf_failed", lang, file=display, error=exc))
    return res


_WORKER_OPTS: Options | None = None


def _init_worker(opts: Options) -> None:
    global _WORKER_OPTS
    _WORKER_OPTS = opts
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C


def _work(item: tuple[str, str]) -> Result:
    assert _WORKER_OPTS is not None
    try:
        return render_plan(item[0], item[1], _WORKER_OPTS)
    except Exception as exc:  # noqa: BLE001 - a message, never a traceback in the parent
        return Result(item[1], "render-error", errors=[f"{item[1]}: {type(exc).__name__}: {exc}"])


def _warm_up(opts: Options) -> None:
    """Import the render path and compile the templates once, before the workers fork."""
    from skpgen.pipeline import load_and_validate  # noqa: F401
    from skpgen.render.context import build_context  # noqa: F401
    from skpgen.render.forms import all_forms, load_template
    from skpgen.pipeline import warm_up

    warm_up()
    if opts.template:
        load_template(Path(opts.template))
        return
    forms = all_forms()
    for name in opts.forms or tuple(forms):
        load_template(forms[name].path)


def run_batch(items: list[tuple[str, str]], opts: Options, jobs: int) -> Iterator[Result]:
    """Results in input order; with jobs > 1 through a process pool and a bounded window."""
    if jobs <= 1 or len(items) <= 1:
        for path, display in items:
            yield render_plan(path, display, opts)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
    if ctx is not None:
        _warm_up(opts)  # forked workers inherit the imports and compiled templates
    window = jobs * 4
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker, initargs=(opts,)) as pool:
        pending: deque = deque()
        it = iter(items)
        for item in it:
            pending.append(pool.submit(_work, item))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


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
    from skpgen.render.engine import check_template

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
