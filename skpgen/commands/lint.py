"""``skpgen lint`` and ``skpgen rules``."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from skpgen.commands._common import iter_yaml_files, lang_option
from skpgen.findings import SEVERITY_RANK, Finding
from skpgen.i18n import get_lang

FORMATS = ["auto", "full", "concise", "json", "sarif", "github", "junit"]


def _fail(message: str) -> None:
    click.echo(f"skpgen: {message}", err=True)
    sys.exit(2)


def _split_codes(values: tuple[str, ...]) -> list[str]:
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


def choose_format(fmt: str, to_file: bool) -> str:
    if fmt != "auto":
        return fmt
    if os.environ.get("GITHUB_ACTIONS") == "true" or os.environ.get("GITHUB_ACTIONS") == "1":
        return "github"
    if not to_file and bool(getattr(sys.stdout, "isatty", lambda: False)()):
        return "full"
    return "concise"


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="auto", show_default=True,
              help="Format keluaran (auto: github di GitHub Actions, full di terminal, selain itu concise).")
@lang_option
@click.option("--config", "config_path", type=click.Path(path_type=Path), default=None,
              help="Berkas konfigurasi (bawaan: .skpgen.yaml terdekat, lalu [tool.skpgen] di pyproject.toml).")
@click.option("--select", "select", multiple=True, help="Hanya aturan ini (kode atau awalan, dipisah koma).")
@click.option("--ignore", "ignore", multiple=True, help="Abaikan aturan ini (kode atau awalan, dipisah koma).")
@click.option("--previous", "previous", type=click.Path(path_type=Path), default=None,
              help="SKP tahun lalu atau versi sebelumnya (berkas atau folder) untuk P614/P615.")
@click.option("--vocab", "vocab", type=click.Path(path_type=Path), default=None,
              help="Folder kosakata tambahan (nama berkas sama dengan rules/*.txt).")
@click.option("--redact", is_flag=True, help="Samarkan nama dan NIP dalam pesan (untuk log CI).")
@click.option("--strict", is_flag=True, help="Gagal (kode 1) juga karena warning.")
@click.option("--exit-zero", is_flag=True, help="Selalu keluar 0 bila lint berjalan (mode saran).")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Tulis keluaran ke berkas (atomik) alih-alih stdout.")
@click.option("--max-bytes", type=click.IntRange(1), default=None, help="Batas ukuran berkas (byte).")
def lint(paths: tuple[Path, ...], fmt: str, lang: str | None, config_path: Path | None, select: tuple[str, ...],
         ignore: tuple[str, ...], previous: Path | None, vocab: Path | None, redact: bool, strict: bool,
         exit_zero: bool, output: Path | None, max_bytes: int | None) -> None:
    """Periksa SKP dengan aturan SMART dan jebakan umum (file atau folder, rekursif).

    Kode keluar: 0 tidak ada temuan pada/di atas ambang (bawaan error; --strict: warning);
    1 ada temuan seperti itu; 2 lint gagal berjalan (berkas tak terbaca/tak terurai, konfigurasi
    atau argumen salah).
    """
    from skpgen.lint.config import ConfigError, _norm_codes, load_config, rule_lookup
    from skpgen.lint.context import lt
    from skpgen.lint.engine import PreviousIndex, Settings, lint_path, previous_files
    from skpgen.lint.vocab import VocabError, load_vocab

    lang0 = get_lang(lang)
    start = paths[0] if paths else Path.cwd()
    try:
        config = load_config(config_path, start, lang0)
        lang = get_lang(lang, config.lang)
        known = rule_lookup()
        if select:
            config.select = _norm_codes(_split_codes(select), "--select", "CLI", lang, known)
        if ignore:
            config.ignore = config.ignore + _norm_codes(_split_codes(ignore), "--ignore", "CLI", lang, known)
    except ConfigError as exc:
        _fail(str(exc))
        return
    if max_bytes:
        config.max_bytes = max_bytes
    if vocab is not None:
        config.vocab = str(vocab.resolve())
    try:
        vocabulary = load_vocab(config.vocab)
    except (VocabError, OSError):
        _fail(lt("config.vocab_missing", lang, path=config.vocab))
        return
    prev_index = None
    if previous is not None:
        if not previous.exists():
            _fail(lt("cli.previous_error", lang, file=str(previous), problem="tidak ditemukan / not found"))
        prev_index = PreviousIndex(previous_files(previous), lang)
    settings = Settings(config=config, lang=lang, vocab=vocabulary, previous=prev_index)

    errors: list[str] = []
    findings: list[Finding] = []
    files: list[str] = []
    texts: dict[str, list[str]] = {}
    names: set[str] = set()
    load_failed = False
    from skpgen.lint.formats import collect_names

    chosen = choose_format(fmt, output is not None)
    from skpgen.lint.engine import lint_unit_path

    for target in iter_yaml_files(paths, lang, errors, units=True):
        lint_one = lint_unit_path if target.unit else lint_path
        result = lint_one(target.path, target.display, settings)
        files.append(target.display)
        load_failed |= result.load_failed
        if result.doc is not None:
            if chosen == "full" and result.findings:  # source lines only where they are shown
                texts[target.display] = result.doc.lines
            if redact:
                names |= collect_names(result.doc.data)
        findings.extend(result.findings)
    from skpgen.lint.engine import finish_batch

    findings.extend(finish_batch(settings))
    findings.sort(key=Finding.sort_key)

    from skpgen.report import source_reader

    reader = source_reader(texts)
    if redact:
        from skpgen.lint.formats import Redactor

        red = Redactor(names)
        for f in findings:
            f.message = red(f.message)
        plain_reader = reader

        def reader(file: str) -> list[str] | None:  # noqa: F811 - the redacting variant
            lines = plain_reader(file)
            return [red(line) for line in lines] if lines is not None else None

    if chosen == "json" and output is None:
        # stream the array: no second copy of every finding as dicts and one big string
        from skpgen.report import JsonArrayStream

        stream = JsonArrayStream(lambda chunk: click.echo(chunk, nl=False))
        stream.add(findings)
        stream.close()
        text = None
    else:
        text = _render(chosen, findings, files, reader, output is None)
    if output is not None:
        try:
            write_output(output, text)
        except OSError as exc:
            _fail(lt("cli.output_error", lang, path=str(output), problem=exc.strerror or str(exc)))
    elif text is not None:
        click.echo(text, nl=False)

    for message in errors:
        click.echo(f"skpgen: {message}", err=True)
    for message in settings.crashes:
        click.echo(f"skpgen: {message}", err=True)
    if prev_index is not None:
        for message in prev_index.errors:
            click.echo(f"skpgen: {message}", err=True)
    if chosen == "full":
        _summary(findings, files, lang)
    if load_failed or errors or settings.crashes:
        sys.exit(2)
    if exit_zero:
        sys.exit(0)
    threshold = SEVERITY_RANK["warning" if strict else "error"]
    sys.exit(1 if any(SEVERITY_RANK[f.severity] >= threshold for f in findings) else 0)


def write_output(path: Path, text: str) -> None:
    """Atomic replacement of a regular file; a device or FIFO target is written to (see fsutil)."""
    from skpgen.fsutil import atomic_write_text

    atomic_write_text(path, text)


def _render(fmt: str, findings: list[Finding], files: list[str], reader, to_stdout: bool) -> str:  # type: ignore[no-untyped-def]
    from skpgen.report import format_concise, format_full, format_json, use_colour

    if fmt == "json":
        return format_json(findings)
    if fmt == "concise":
        return format_concise(findings)
    if fmt == "sarif":
        from skpgen.lint.formats import format_sarif

        return format_sarif(findings)
    if fmt == "github":
        from skpgen.lint.formats import format_github

        return format_github(findings)
    if fmt == "junit":
        from skpgen.lint.formats import format_junit

        return format_junit(findings, files)
    return format_full(findings, reader, colour=to_stdout and use_colour())


def _summary(findings: list[Finding], files: list[str], lang: str) -> None:
    from skpgen.lint.context import lt

    if findings:
        counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
        click.echo(lt("cli.summary_findings", lang, n=len(findings), errors=counts["error"],
                      warnings=counts["warning"], infos=counts["info"], files=len({f.file for f in findings}),
                      total=len(files)), err=True)
    else:
        click.echo(lt("cli.summary_clean", lang, total=len(files)), err=True)


@click.command()
@click.argument("rule", required=False)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True, help="Format keluaran.")
@lang_option
def rules(rule: str | None, fmt: str, lang: str | None) -> None:
    """Daftar aturan lint, atau dokumentasi satu aturan (kode atau nama)."""
    from skpgen.lint.context import lt
    from skpgen.rules import RULES, doc_sections, get, summary

    lang = get_lang(lang)
    if rule is not None:
        mod = get(rule)
        if mod is None:
            _fail(lt("cli.bad_rule", lang, rule=rule))
            return
        selected = [mod]
    else:
        selected = list(RULES.values())
    if fmt == "json":
        out = []
        for mod in selected:
            _, sections = doc_sections(mod)
            out.append({"code": mod.CODE, "name": mod.NAME, "family": mod.FAMILY,
                        "family_name": lt(f"family.{mod.FAMILY}", lang), "severity": mod.SEVERITY,
                        "summary": summary(mod, lang), "options": mod.OPTIONS,
                        **({"documentation": sections} if rule is not None else {})})
        click.echo(json.dumps(out if rule is None else out[0], ensure_ascii=False, indent=2))
        return
    if rule is not None:
        click.echo(rule_markdown(selected[0], lang))
        return
    if fmt == "markdown":
        click.echo(rules_page(lang), nl=False)
        return
    rows = [(m.CODE, m.NAME, lt(f"family.{m.FAMILY}", lang), m.SEVERITY, summary(m, lang)) for m in selected]
    w_name = max(len(r[1]) for r in rows)
    w_fam = max(len(r[2]) for r in rows)
    for code, name, fam, sev, summary in rows:
        click.echo(f"{code}  {name:<{w_name}}  {fam:<{w_fam}}  {sev:<7}  {summary}")


def rule_markdown(mod: object, lang: str = "id") -> str:
    from skpgen.lint.context import lt
    from skpgen.rules import SECTIONS, doc_sections

    summary, sections = doc_sections(mod)  # type: ignore[arg-type]
    if lang == "en":
        from skpgen.rules import english_sections

        summary, sections = english_sections(mod)  # type: ignore[arg-type]
    head = (f"## {mod.CODE} {mod.NAME}\n\n{summary}\n\n"  # type: ignore[attr-defined]
            + lt("rules.doc_head", lang, family=lt('family.' + mod.FAMILY, lang), severity=mod.SEVERITY))  # type: ignore[attr-defined]
    body = [f"### {lt('rules.section.' + str(i), lang) if lang == 'en' else title}\n\n{sections.get(title, '')}"
            for i, title in enumerate(SECTIONS)]
    return head + "\n\n" + "\n\n".join(body)


def rules_page(lang: str = "id") -> str:
    """The whole rule reference (docs/rules.md): an index table, then every rule's documentation."""
    from skpgen.lint.context import lt
    from skpgen.rules import RULES, doc_sections

    lines = ["# Aturan lint skpgen", "",
             "Halaman ini dibuat dari docstring modul aturan (`skpgen/rules/`) dengan",
             "`skpgen rules --format markdown > docs/rules.md`; jangan diedit manual. Setiap contoh buruk",
             "dan baik dijalankan sebagai uji (`tests/test_lint_rules.py`).", "",
             "| kode | nama | keluarga | tingkat | ringkasan |", "|---|---|---|---|---|"]
    for code, mod in RULES.items():
        lines.append(f"| [{code}](#{code.lower()}-{mod.NAME}) | {mod.NAME} | {lt('family.' + mod.FAMILY, lang)} "
                     f"| {mod.SEVERITY} | {doc_sections(mod)[0]} |")
    body = "\n\n".join(rule_markdown(mod, lang) for mod in RULES.values())
    return "\n".join(lines) + "\n\n" + body + "\n"
