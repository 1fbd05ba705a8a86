"""``skpgen lsp``: the language server (stdio)."""

from __future__ import annotations

import click

from skpgen.commands._common import lang_option


@click.command()
@lang_option
@click.option("--stdio", is_flag=True, help="Komunikasi lewat stdin/stdout (bawaan; untuk editor yang selalu menambahkannya).")
def lsp(lang: str | None, stdio: bool) -> None:
    """Language server untuk editor (VS Code, Neovim, Helix, Emacs): temuan `skpgen lint` saat
    mengetik, dokumentasi aturan saat hover, dan perbaikan cepat (code action).

    Berkomunikasi lewat stdin/stdout; konfigurasi, kosakata dan bahasa sama dengan `skpgen lint`.
    """
    from skpgen.lsp.server import serve

    serve(lang)
