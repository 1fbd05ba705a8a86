"""Rendering many plans: one plan's whole path (load, validate, score, render, write) as a function
of (path, options) → :class:`Result`, and the batch runner that fans those out to worker processes.

Batches stream: plans are handed to the workers through a bounded window, each worker writes its
own documents and returns only file names and messages, so memory does not grow with the batch.
The ``skpgen render`` command is a thin layer over :func:`run_batch`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from skpgen.i18n import Catalogue
from skpgen.loader import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH

_SAFE = re.compile(r"[^0-9A-Za-z._-]+")


# ------------------------------------------------------------------------------------ messages

_MESSAGES = Catalogue(Path(__file__).resolve().parent / "messages.toml")


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
    # the RHK of the batch's 6/2022 plans, for the intervened RHK's text: tahun → {"NIP#id": uraian}
    rhk_texts: Mapping[int, Mapping[str, str]] | None = None
    # plan path → skpgen.kurva.KurvaUnit of its unit (organisation predikat and curve on the Evaluasi forms)
    units: Mapping[str, Any] | None = None


@dataclass
class Result:
    file: str
    status: str = "ok"  # ok | invalid | load-failed | render-error | write-error | pdf-error | internal-error
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
    from skpgen.render.forms import all_forms, form_documents, forms_for, load_template
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
    tahun = (plan.get("periode") or {}).get("tahun")
    ctx = build_context(plan, score, rhk_texts=(opts.rhk_texts or {}).get(tahun), unit=(opts.units or {}).get(path))

    jobs: list[tuple[str, str, Path, str | None]] = []   # (document name, title, template path, periode)
    if opts.template:
        stem = Path(opts.template).stem
        jobs.append((stem, stem, Path(opts.template), None))
    else:
        chosen = forms_for(plan, score, opts.forms)
        jobs.extend((name, form.title, form.path, periode)
                    for form in chosen for name, periode in form_documents(form, plan))
        forms = all_forms()
        for name in opts.forms:
            if forms[name] not in chosen:
                res.notes.append(msg("not_applicable", lang, file=display, form=name,
                                     reason=_reason(forms[name], plan, score, lang)))
    outdir = Path(opts.outdir)
    written_docx: list[Path] = []
    for name, title, tpath, periode in jobs:
        tpl = load_template(tpath)
        target = outdir / output_name(plan, name)
        try:
            data = tpl.render(with_form(ctx, name, title, periode), core=core_properties(plan, title), date_time=opts.date_time)
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


_REF = re.compile(rb"\d{18}\s*#")


def rhk_index(items: list[tuple[str, str]], opts: Options) -> dict[int, dict[str, str]]:
    """tahun → {"NIP#id": uraian} of the valid 6/2022 plans among ``items``: the forms of a batch
    print the intervened RHK's text when the supervisor's plan is in the batch. Costs one more
    read of each file, and nothing more when no plan of the batch refers to "NIP#id"."""
    from skpgen.pipeline import load_and_validate

    def raw(path: str) -> bytes:
        try:
            with open(path, "rb") as fh:
                return fh.read(opts.max_bytes + 1)
        except OSError:
            return b""

    if len(items) < 2 or not any(_REF.search(raw(path)) for path, _ in items):
        return {}
    out: dict[int, dict[str, str]] = {}
    for path, display in items:
        doc, findings, failed = load_and_validate(Path(path), display, opts.lang, opts.max_bytes, opts.max_depth)
        if failed or doc is None or any(f.severity == "error" for f in findings):
            continue
        plan = doc.data
        tahun, nip = (plan.get("periode") or {}).get("tahun"), (plan.get("pegawai") or {}).get("nip")
        if plan.get("aturan") != "permenpanrb-6-2022" or not isinstance(tahun, int) or not nip:
            continue
        texts = out.setdefault(tahun, {})
        for k in plan.get("kegiatan") or []:
            if isinstance(k, Mapping) and k.get("id") is not None and isinstance(k.get("uraian"), str):
                texts.setdefault(f"{nip}#{k['id']}", k["uraian"])
    return out


_WORKER_OPTS: Options | None = None


def _init_worker(opts: Options) -> None:
    global _WORKER_OPTS
    _WORKER_OPTS = opts


def render_isolated(path: str, display: str, opts: Options) -> Result:
    """:func:`render_plan`, with any exception turned into this plan's E099 message (status
    ``internal-error``, exit 2) so that the rest of the batch still renders."""
    from skpgen.isolation import run_per_file
    from skpgen.report import format_concise

    res, problem = run_per_file(display, opts.lang, render_plan, path, display, opts)
    if res is not None:
        return res
    return Result(display, "internal-error", errors=[format_concise([problem] if problem else []).rstrip("\n")])


def _work(item: tuple[str, str]) -> Result:
    assert _WORKER_OPTS is not None
    return render_isolated(item[0], item[1], _WORKER_OPTS)


def _warm_up(opts: Options) -> None:
    """Import the render path and compile the templates once, before the workers fork."""
    from skpgen.pipeline import warm_up
    from skpgen.render.context import build_context  # noqa: F401
    from skpgen.render.forms import all_forms, load_template

    warm_up()
    if opts.template:
        load_template(Path(opts.template))
        return
    forms = all_forms()
    for name in opts.forms or tuple(forms):
        load_template(forms[name].path)


def run_batch(items: list[tuple[str, str]], opts: Options, jobs: int) -> Iterator[Result]:
    """Results in input order; with jobs > 1 through a process pool and a bounded window."""
    from skpgen.parallel import ordered_map

    # a form costs tens of milliseconds: a pool pays off from two plans on
    yield from ordered_map(_work, items, jobs, initializer=_init_worker, initargs=(opts,),
                           warm_up=lambda: _warm_up(opts), threshold=2, window=jobs * 4, chunk_size=1)
