"""Options and helpers shared by the commands."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import click

from skpgen.fsutil import FileTarget, yaml_file_names
from skpgen.i18n import get_lang, t

lang_option = click.option("--lang", type=click.Choice(["id", "en"]), default=None,
                           help="Bahasa pesan: id (bawaan) atau en. / Message language.")


def format_option(choices: Sequence[str], default: str) -> "click.decorators.FC":  # type: ignore[name-defined]
    return click.option("--format", "fmt", type=click.Choice(list(choices)), default=default, show_default=True,
                        help="Format keluaran. / Output format.")


paths_argument = click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))


def iter_yaml_files(paths: Sequence[Path], lang: str, errors: list[str], units: bool = False) -> Iterator[FileTarget]:
    """Files as given, and ``*.yaml``/``*.yml`` under directories (recursively, sorted).

    A directory without YAML files is reported in ``errors`` (the caller exits 2 after the rest
    ran); a path that does not exist is yielded so that loading reports it as E001.
    Hidden directories (``.git``, ``.venv``) are skipped. Unit files (``*.unit.yaml``, SPEC §11)
    are yielded (``FileTarget.unit``) only to commands that check them (``units=True``); the others
    skip them in a directory and refuse one given by name (an error, exit 2).
    """
    from skpgen.fsutil import is_unit_file

    for p in paths:
        if p.is_dir():
            found = yaml_file_names(p)  # text, not a Path per file: a tree may hold 100,000 plans
            if not units:
                found = [f for f in found if not is_unit_file(f)]
            if not found:
                errors.append(t("cli.no_files", lang, path=str(p)))
            for f in found:
                yield FileTarget(f, f, is_unit_file(f))  # the path as text: lint never needs a Path
        elif is_unit_file(p.name) and not units:
            from skpgen.unit.model import ut

            errors.append(ut("cli.unit_is_not_plan", lang, path=str(p)))
        elif p.exists() or p.is_symlink():
            yield FileTarget(str(p), str(p), is_unit_file(p.name))
        else:
            # a missing path is still yielded: the loader reports it as an E001 finding (exit 2)
            yield FileTarget(str(p), str(p), is_unit_file(p.name))


def resolve_lang(lang: str | None) -> str:
    return get_lang(lang)


def echo_err(message: str) -> None:
    click.echo(message, err=True)


def stdout_is_tty() -> bool:
    return bool(getattr(sys.stdout, "isatty", lambda: False)())
