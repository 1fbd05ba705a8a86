"""Indonesian formatting filters for templates (pure Python, no Babel).

All filters are pure functions; they are registered in the sandboxed Jinja environment by
:mod:`skpgen.render.engine` under the names below. Month names and separators come from
``locale_id.json`` next to this module.

=============  ==========================================  ===========================
filter         example                                     result
=============  ==========================================  ===========================
tanggal        ``"2025-01-15" | tanggal``                  ``15 Januari 2025``
angka          ``1234.5 | angka`` / ``1234.5 | angka(0)``  ``1.234,50`` / ``1.235``
rupiah         ``2000000 | rupiah``                        ``Rp 2.000.000``
nilai          ``85.555 | nilai``                          ``85,56`` (2 dp, half-up)
persen         ``85.5 | persen``                           ``85,50%``
default_dash   ``None | default_dash``                     ``-``
=============  ==========================================  ===========================

Numbers go through the one number formatter, :mod:`skpgen.scoring.format` (floats through
``repr`` so ``0.1`` stays ``0.1``; rounded half-up, as printed on the official forms). ``None`` and ``""`` give ``""`` from the
number/date filters, so ``x | angka | default_dash`` prints ``-`` for a missing value.
"""

from __future__ import annotations

import datetime as _dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from skpgen.scoring.format import fmt_number, fmt_rupiah, to_display_decimal

_LOCALE = json.loads((Path(__file__).with_name("locale_id.json")).read_text(encoding="utf-8"))
BULAN: tuple[str, ...] = tuple(_LOCALE["bulan"])
HARI: tuple[str, ...] = tuple(_LOCALE["hari"])
_DASH: str = _LOCALE["tanda_kosong"]


class FilterError(ValueError):
    """A filter got a value it cannot format (the engine turns it into a RenderError)."""


def _to_decimal(value: Any, filter_name: str) -> Decimal:
    try:
        d = to_display_decimal(value)
    except (TypeError, ValueError) as exc:
        raise FilterError(f"{filter_name}: {exc}") from None
    if not d.is_finite():
        raise FilterError(f"{filter_name}: not a finite number: {value!r}")
    return d


def _format_decimal(d: Decimal, places: int) -> str:
    try:
        return fmt_number(d, places)
    except ValueError as exc:  # places out of range
        raise FilterError(str(exc)) from None


def angka(value: Any, places: int = 2) -> str:
    """1234.5 → "1.234,50"; ``places`` decimals, rounded half-up. None/"" → ""."""
    if value is None or value == "":
        return ""
    return _format_decimal(_to_decimal(value, "angka"), places)


def nilai(value: Any) -> str:
    """A score as printed on the forms: 2 decimals, half-up, Indonesian separators."""
    if value is None or value == "":
        return ""
    return _format_decimal(_to_decimal(value, "nilai"), 2)


def persen(value: Any, places: int = 2) -> str:
    """85.5 → "85,50%"."""
    if value is None or value == "":
        return ""
    return _format_decimal(_to_decimal(value, "persen"), places) + "%"


def rupiah(value: Any, places: int = 0) -> str:
    """2000000 → "Rp 2.000.000"; negative → "-Rp 2.000.000"."""
    if value is None or value == "":
        return ""
    d = _to_decimal(value, "rupiah")
    try:
        return fmt_rupiah(d, places)
    except ValueError as exc:  # places out of range
        raise FilterError(str(exc)) from None


def _to_date(value: Any) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            if len(text) > 10 and text[10] in "Tt ":
                return _dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
            return _dt.date.fromisoformat(text)
        except ValueError:
            raise FilterError(f"tanggal: not an ISO date (YYYY-MM-DD): {value!r}") from None
    raise FilterError(f"tanggal: expected a date, got {type(value).__name__}")


def tanggal(value: Any, dengan_hari: bool = False) -> str:
    """"2025-01-15" → "15 Januari 2025"; ``dengan_hari=True`` → "Rabu, 15 Januari 2025"."""
    if value is None or value == "":
        return ""
    d = _to_date(value)
    text = f"{d.day} {BULAN[d.month - 1]} {d.year}"
    if dengan_hari:
        text = f"{HARI[d.weekday()]}, {text}"
    return text


def bulan(value: Any) -> str:
    """A month number 1..12 or a date → its Indonesian name ("Januari")."""
    if isinstance(value, int) and not isinstance(value, bool):
        if 1 <= value <= 12:
            return BULAN[value - 1]
        raise FilterError(f"bulan: month must be 1..12, got {value!r}")
    return BULAN[_to_date(value).month - 1]


def default_dash(value: Any) -> Any:
    """None, "" or whitespace-only text → "-"; anything else unchanged."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return _DASH
    return value


FILTERS = {
    "tanggal": tanggal,
    "angka": angka,
    "nilai": nilai,
    "persen": persen,
    "rupiah": rupiah,
    "bulan": bulan,
    "default_dash": default_dash,
}
