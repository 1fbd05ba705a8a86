"""Messages in Indonesian (default) and English.

The catalogue is data: ``skpgen/locale/messages.toml``, one table per message key with an ``id``
and an ``en`` text (``str.format`` placeholders) and, for finding codes, a kebab-case ``name``.
The language is chosen by the command's ``--lang``, else the global ``skpgen --lang`` (which sets
``SKPGEN_LANG`` for the run), else ``SKPGEN_LANG``, else the config's ``lang``, else ``id``.
A key may have a singular variant ``KEY_one`` used when the message's ``n``/``count`` is 1.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

LANGS = ("id", "en")
_CATALOGUE = Path(__file__).resolve().parent / "locale" / "messages.toml"


class Catalogue:
    """A TOML message catalogue: one table per key with ``id`` and ``en`` texts (``str.format``).

    Each area keeps its texts beside its code (core, lint, render, year) and reads them through
    this one class: Indonesian falls back for a missing English text, the key for a missing entry,
    and a text whose placeholders do not fit is shown unformatted rather than failing.
    """

    def __init__(self, path: Path):
        self.path = path
        self._data: dict[str, dict[str, str]] | None = None

    @property
    def data(self) -> dict[str, dict[str, str]]:
        if self._data is None:
            import tomllib  # here: a run that prints no message (a cached lint) never parses TOML

            with open(self.path, "rb") as fh:
                self._data = tomllib.load(fh)
        return self._data

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def t(self, msg_key: str, lang: str = "id", /, **kw: Any) -> str:
        if _is_one(kw) and msg_key + "_one" in self.data:
            msg_key += "_one"  # the singular form ("1 file valid"), where the language needs one
        entry = self.data.get(msg_key)
        if entry is None:
            return msg_key
        text = entry.get(lang) or entry.get("id") or msg_key
        try:
            return text.format(**kw) if kw else text
        except (KeyError, IndexError, ValueError):
            return text


CORE = Catalogue(_CATALOGUE)


def _is_one(kw: dict[str, Any]) -> bool:
    """True when the count a message is about (``n`` or ``count``) is exactly one."""
    for name in ("n", "count"):
        if name in kw:
            return kw[name] == 1 and not isinstance(kw[name], bool)
    return False


def get_lang(cli_value: str | None = None, config_value: str | None = None) -> str:
    for candidate in (cli_value, os.environ.get("SKPGEN_LANG"), config_value):
        if candidate:
            lang = candidate.strip().lower()[:2]
            if lang in LANGS:
                return lang
    return "id"


def t(msg_key: str, lang: str = "id", /, **kw: Any) -> str:
    """The core message ``msg_key`` in ``lang``, formatted with ``kw``; unknown keys fall back to the key."""
    return CORE.t(msg_key, lang, **kw)


def code_name(code: str) -> str:
    """The kebab-case name of a finding code (E0xx) from the catalogue."""
    return CORE.get(code, {}).get("name", code.lower())
