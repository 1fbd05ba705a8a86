"""``skpgen lint`` and ``skpgen rules``."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from skpgen.commands._common import iter_yaml_files, lang_option
from skpgen.findings import SEVERITY_RANK
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
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=None,
              help="Jumlah proses (bawaan: semua inti CPU; batch kecil tetap satu proses).")
@click.option("--no-cache", is_flag=True,
              help="Jangan pakai/isi cache lint (.skpgen_cache/ di akar proyek).")
def lint(paths: tuple[Path, ...], fmt: str, lang: str | None, config_path: Path | None, select: tuple[str, ...],
         ignore: tuple[str, ...], previous: Path | None, vocab: Path | None, redact: bool, strict: bool,
         exit_zero: bool, output: Path | None, max_bytes: int | None, jobs: int | None, no_cache: bool) -> None:
    """Periksa SKP dengan aturan SMART dan jebakan umum (file atau folder, rekursif).

    Kode keluar: 0 tidak ada temuan pada/di atas ambang (bawaan error; --strict: warning);
    1 ada temuan seperti itu; 2 lint gagal berjalan (berkas tak terbaca/tak terurai, konfigurasi
    atau argumen salah).
    """
    from skpgen.lint.config import ConfigError, _norm_codes, load_config, rule_lookup
    from skpgen.lint.context import lt
    from skpgen.lint.settings import Settings, VocabError  # the engine loads only if files are linted

    lang0 = get_lang(lang)
    start = paths[0] if paths else Path.cwd()
    try:
        config = load_config(config_path, start, lang0)
        lang = get_lang(lang, config.lang)
        known = rule_lookup() if (select or ignore) else {}  # the registry only when codes are given
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
    if config.vocab is not None and not Path(config.vocab).is_dir():
        _fail(lt("config.vocab_missing", lang, path=config.vocab))
        return
    prev_index = None
    if previous is not None:
        from skpgen.lint.engine import PreviousIndex, previous_files

        if not previous.exists():
            _fail(lt("cli.previous_error", lang, file=str(previous), problem="tidak ditemukan / not found"))
        prev_index = PreviousIndex(previous_files(previous), lang)
    settings = Settings(config=config, lang=lang, previous=prev_index)  # vocabulary: on first use
    if prev_index is not None:
        prev_index.preload()  # here, once: the workers inherit it and its errors are reported here

    from skpgen.lint.runner import lint_batch, sorted_targets
    from skpgen.parallel import default_jobs

    errors: list[str] = []
    chosen = choose_format(fmt, output is not None)
    targets = sorted_targets(list(iter_yaml_files(paths, lang, errors, units=True)))
    cache = None
    if not no_cache:
        from skpgen.lint.cache import LintCache, cache_root, run_key

        cache = LintCache(cache_root(config.source, config.root),
                          run_key(config, lang, prev_index.paths if prev_index is not None else None))
    from skpgen.report import BufferedWriter, file_reader, use_colour

    colour = use_colour() if output is None else False
    output_key = f"{chosen}\0{int(colour)}\0{int(redact)}"  # what the report's text depends on
    try:
        run = lint_batch(targets, settings, jobs or default_jobs(), cache,
                         keep_files=chosen == "junit", keep_names=redact, output_key=output_key)
    except VocabError:
        _fail(lt("config.vocab_missing", lang, path=config.vocab))
        return

    from skpgen.lint.formats import Tally, redacted, write_findings

    # the report's text is kept (for a file, and to store beside a result stored whole: the next
    # run over the untouched tree then writes it without formatting a finding)
    keep = run.recorded and run.output is None
    chunks: list[str] = []
    if output is None:
        # JSON escapes every control character, so click need not scan it for ANSI codes to strip
        # (a tenth of a cached run's time on 1,000 plans); the text formats keep click's stripping
        plain = True if chosen == "json" else None
        echo = BufferedWriter(lambda chunk: click.echo(chunk, nl=False, color=plain))

        def emit(chunk: str) -> None:
            if keep:
                chunks.append(chunk)
            echo.write(chunk)
    else:
        emit = chunks.append
    if run.output is not None:
        text, state = run.output
        tally = Tally.restored(state)
        emit(text)
    else:
        reader = file_reader()
        findings = run.findings()
        if redact:
            findings, reader = redacted(findings, reader, run.names)
        tally = Tally(findings)
        write_findings(chosen, tally, run.files or [], reader, emit, colour=colour)
    if output is None:
        echo.flush()
    else:
        try:
            write_output(output, "".join(chunks))
        except OSError as exc:
            _fail(lt("cli.output_error", lang, path=str(output), problem=exc.strerror or str(exc)))
    if keep and not run.crashes:
        run.remember_output(output_key, "".join(chunks), tally.state())

    for message in errors:
        click.echo(f"skpgen: {message}", err=True)
    for message in run.crashes:
        click.echo(f"skpgen: {message}", err=True)
    if prev_index is not None:
        for message in prev_index.errors:
            click.echo(f"skpgen: {message}", err=True)
    if chosen == "full":
        _summary(tally, run.n_files, lang)
    if run.load_failed or errors or run.crashes:
        sys.exit(2)
    if exit_zero:
        sys.exit(0)
    threshold = SEVERITY_RANK["warning" if strict else "error"]
    sys.exit(1 if tally.worst >= threshold else 0)


def write_output(path: Path, text: str) -> None:
    """Atomic replacement of a regular file; a device or FIFO target is written to (see fsutil)."""
    from skpgen.fsutil import atomic_write_text

    atomic_write_text(path, text)


def _summary(tally: "Tally", n_files: int, lang: str) -> None:
    from skpgen.lint.context import lt

    counts = tally.counts
    if any(counts.values()):
        click.echo(lt("cli.summary_findings", lang, n=sum(counts.values()), errors=counts["error"],
                      warnings=counts["warning"], infos=counts["info"], files=tally.files,
                      total=n_files), err=True)
    else:
        click.echo(lt("cli.summary_clean", lang, total=n_files), err=True)


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
    from skpgen.lint.docs import rule_markdown as markdown

    return markdown(mod, lang)  # type: ignore[arg-type]


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
