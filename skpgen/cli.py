"""The ``skpgen`` command line. Subcommands are imported only when they are run, so that
``skpgen --help`` stays fast (no docx, jsonschema or openpyxl at start-up)."""

from __future__ import annotations

import importlib
import os
import sys

import click

from skpgen import __version__

# command name -> "module:attribute"; help texts are here so that --help imports nothing else.
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("skpgen.commands.validate:validate", "Periksa berkas SKP terhadap skema JSON."),
    "schema": ("skpgen.commands.validate:schema", "Cetak skema JSON berkas SKP."),
    "lint": ("skpgen.commands.lint:lint", "Periksa SKP dengan aturan SMART dan jebakan umum."),
    "rules": ("skpgen.commands.lint:rules", "Daftar aturan lint, atau dokumentasi satu aturan."),
    "score": ("skpgen.commands.score:score", "Hitung nilai capaian SKP dan predikat."),
    "render": ("skpgen.commands.render:render", "Buat formulir resmi (DOCX/PDF)."),
    "template": ("skpgen.commands.render:template", "Ekspor atau periksa templat formulir."),
    "status": ("skpgen.commands.year:status", "Status pemantauan kegiatan."),
    "dashboard": ("skpgen.commands.year:dashboard", "Dasbor Excel untuk satu folder SKP."),
    "diff": ("skpgen.commands.year:diff", "Bandingkan dua versi SKP (revisi)."),
    "init": ("skpgen.commands.year:init", "Buat kerangka SKP baru."),
    "lsp": ("skpgen.commands.lsp:lsp", "Language server untuk editor (stdio)."),
    "unit": ("skpgen.commands.unit:unit", "Unit kerja 6/2022: hierarki, cascading RHK, Matriks Peran Hasil."),
}


class LazyGroup(click.Group):
    """A group whose commands are imported only when run (``table``: name → ("module:attr", help));
    also the base of command groups such as ``skpgen unit``."""

    table: dict[str, tuple[str, str]] = COMMANDS

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.table)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        spec = self.table.get(name)
        if spec is None:
            return None
        module_name, attr = spec[0].split(":")
        # every listed command is part of the package: a module that fails to import is a bug to
        # see (internal error), never a command quietly reported as "not available"
        return getattr(importlib.import_module(module_name), attr)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, help_text) for name, (_, help_text) in self.table.items()]
        with formatter.section("Perintah / Commands"):
            formatter.write_dl(rows)


def _set_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    # The global option applies to every command (and to the worker processes of a batch) through
    # SKPGEN_LANG; a command's own --lang still wins (skpgen.i18n.get_lang).
    if value:
        os.environ["SKPGEN_LANG"] = value
    return value


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="skpgen")
@click.option("--lang", type=click.Choice(["id", "en"]), default=None, expose_value=False, is_eager=True,
              callback=_set_lang, help="Bahasa pesan untuk semua perintah: id (bawaan) atau en. / Message language.")
def cli() -> None:
    """skpgen — SKP (Sasaran Kinerja Pegawai) sebagai kode: validasi, lint, nilai, dan formulir resmi.

    Pesan berbahasa Indonesia; gunakan --lang en (atau SKPGEN_LANG=en) untuk bahasa Inggris:
    `skpgen --lang en PERINTAH …` atau `skpgen PERINTAH --lang en …`.
    """


def main() -> None:
    try:
        cli(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Dihentikan. / Interrupted.", err=True)
        sys.exit(130)
    except click.UsageError as exc:
        exc.show()  # click's own detail is English; say in Indonesian first what went wrong
        click.echo("skpgen: argumen tidak valid / invalid arguments.", err=True)
        sys.exit(2)  # bad arguments: SPEC §5 exit code 2
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("Dihentikan. / Interrupted.", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # noqa: BLE001 - last resort: a message, never a traceback
        if os.environ.get("SKPGEN_DEBUG"):
            raise
        click.echo(f"skpgen: kesalahan internal / internal error: {type(exc).__name__}: {exc}", err=True)
        click.echo("skpgen: jalankan ulang dengan SKPGEN_DEBUG=1 untuk rincian.", err=True)
        sys.exit(2)
