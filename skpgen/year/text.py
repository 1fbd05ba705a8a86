"""Message texts of the year commands, read from ``messages.toml`` beside this module."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from skpgen.i18n import Catalogue

_CATALOGUE = Path(__file__).resolve().parent / "messages.toml"


_MESSAGES = Catalogue(_CATALOGUE)


def msg(key: str, lang: str = "id", /, **kw: Any) -> str:
    """The text ``key`` in ``lang`` (falls back to Indonesian, then to the key itself)."""
    return _MESSAGES.t(key, lang, **kw)
