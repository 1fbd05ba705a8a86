"""Messages in Indonesian (default) and English.

The catalogue is data: ``skpgen/locale/messages.toml``, one table per message key with an ``id``
and an ``en`` text (``str.format`` placeholders) and, for finding codes, a kebab-case ``name``.
The language is chosen by ``--lang``, else ``SKPGEN_LANG``, else the config's ``lang``, else ``id``.
"""

from __future__ import annotations

import os
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

LANGS = ("id", "en")
_CATALOGUE = Path(__file__).resolve().parent / "locale" / "messages.toml"


@cache
def catalogue() -> dict[str, dict[str, str]]:
    with open(_CATALOGUE, "rb") as fh:
        return tomllib.load(fh)


def get_lang(cli_value: str | None = None, config_value: str | None = None) -> str:
    for candidate in (cli_value, os.environ.get("SKPGEN_LANG"), config_value):
        if candidate:
            lang = candidate.strip().lower()[:2]
            if lang in LANGS:
                return lang
    return "id"


def t(msg_key: str, lang: str = "id", /, **kw: Any) -> str:
    """The message ``msg_key`` in ``lang``, formatted with ``kw``; unknown keys fall back to the key."""
    entry = catalogue().get(msg_key)
    if entry is None:
        return msg_key
    text = entry.get(lang) or entry.get("id") or msg_key
    try:
        return text.format(**kw) if kw else text
    except (KeyError, IndexError, ValueError):
        return text


def code_name(code: str) -> str:
    """The kebab-case name of a finding code (E0xx) from the catalogue."""
    return catalogue().get(code, {}).get("name", code.lower())
