"""The one number formatter: Indonesian (and English) display of figures, half-up rounding.

Every place that prints a number for people (score tables, lint messages, form filters, the
dashboard) goes through here. Rounding exists only here, for display; the scoring model keeps
exact Decimals.

No Decimal makes these functions fail: they run in their own decimal context (so 10**30 or
1e308 is not cut to 28 digits and never raises ``InvalidOperation``), a figure with more than
:data:`MAX_DIGITS` integer digits (or, as written, more than that many leading zero decimals) is
shown in scientific form (``"1,00E+308"``), and NaN and
infinities are shown as ``"NaN"``, ``"∞"`` and ``"-∞"``.

    >>> fmt_number(Decimal("1234.5"))
    '1.234,50'
    >>> fmt_number(10**30)
    '1,00E+30'
    >>> fmt_number(Decimal("1e-300"))
    '0,00'
    >>> fmt_plain(100000000), fmt_plain(1e308), fmt_plain(1e-300), fmt_plain(Decimal("NaN"))
    ('100.000.000', '1E+308', '1E-300', 'NaN')
    >>> fmt_rupiah(-2000000)
    '-Rp 2.000.000'
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation, localcontext
from functools import lru_cache

__all__ = ["MAX_DIGITS", "round_half_up", "fmt_number", "fmt_plain", "fmt_en_number", "fmt_rupiah", "to_display_decimal"]

MAX_DIGITS = 21
"""Figures with more integer digits than this are shown in scientific form (no form has room)."""

_PLACES_MAX = 10


def to_display_decimal(value: Decimal | int | float | str) -> Decimal:
    """A Decimal for display: Decimals as they are, ints exactly, floats through ``repr`` (so
    ``0.1`` stays ``0.1``), text parsed. Raises ``ValueError`` for text that is not a number and
    ``TypeError`` for anything else (booleans included: a boolean is not a figure)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str):
        try:
            return Decimal(value.strip())
        except InvalidOperation:
            raise ValueError(f"not a number: {value!r}") from None
    raise TypeError(f"expected a number, got {type(value).__name__}")


def _context(d: Decimal, places: int) -> Context:
    # enough precision for every integer digit plus the decimals: quantize never raises
    digits = max(d.adjusted(), 0) + places + 2
    return _context_of(max(28, digits))


@lru_cache(maxsize=32)
def _context_of(prec: int) -> Context:
    """One context per precision, passed to each operation (``context=``): a figure on a form
    costs no context construction and no thread-local context switch."""
    return Context(prec=prec, rounding=ROUND_HALF_UP, Emax=999_999, Emin=-999_999)


_QUANTUM = {places: Decimal(1).scaleb(-places) for places in range(_PLACES_MAX + 1)}


def _check_places(places: int) -> int:
    if not isinstance(places, int) or isinstance(places, bool) or not 0 <= places <= _PLACES_MAX:
        raise ValueError(f"places must be an integer 0..{_PLACES_MAX}, got {places!r}")
    return places


def round_half_up(value: Decimal | int | float | str, places: int = 2) -> Decimal:
    """Round half-up (away from zero on a tie) to `places` decimals, as the official forms print.

    NaN, infinities and figures beyond :data:`MAX_DIGITS` integer digits come back unchanged."""
    d = to_display_decimal(value)
    _check_places(places)
    if not d.is_finite() or d.adjusted() >= MAX_DIGITS:
        return d
    ctx = _context(d, places)
    r = d.quantize(_QUANTUM[places], context=ctx)
    if r == 0:
        r = r.copy_abs()  # never print "-0,00"
    return r


def _special(d: Decimal) -> str | None:
    if d.is_nan():
        return "NaN"
    if d.is_infinite():
        return "-∞" if d < 0 else "∞"
    return None


def _group(int_digits: str, sep: str) -> str:
    head = len(int_digits) % 3 or 3
    parts = [int_digits[:head]] + [int_digits[i : i + 3] for i in range(head, len(int_digits), 3)]
    return sep.join(parts)


def _scientific(d: Decimal, places: int | None, decimal: str) -> str:
    spec = "E" if places is None else f".{places}E"
    with localcontext(_context(Decimal(1), _PLACES_MAX)):
        text = format(d.normalize() if places is None else d, spec)
    return text.replace(".", decimal)


def _render(d: Decimal, thousands: str, decimal: str) -> str:
    text = format(d, "f")
    sign = ""
    if text.startswith("-"):
        sign, text = "-", text[1:]
    whole, _, frac = text.partition(".")
    res = sign + _group(whole, thousands)
    if frac:
        res += decimal + frac
    return res


def _fixed(value: Decimal | int | float | str, places: int, thousands: str, decimal: str) -> str:
    d = to_display_decimal(value)
    special = _special(d)
    if special is not None:
        return special
    if d.adjusted() >= MAX_DIGITS:
        return _scientific(d, _check_places(places), decimal)
    return _render(round_half_up(d, places), thousands, decimal)


def fmt_number(value: Decimal | int | float | str, places: int = 2) -> str:
    """Indonesian display of a computed figure: ``Decimal("1234.5")`` → ``"1.234,50"``.

    Rounds half-up to `places` decimals (``90.995`` → ``"91,00"``).
    """
    return _fixed(value, places, ".", ",")


def fmt_en_number(value: Decimal | int | float | str, places: int = 2) -> str:
    """English display of a computed figure: ``"1,234.50"`` (same rounding as :func:`fmt_number`)."""
    return _fixed(value, places, ",", ".")


def fmt_plain(value: Decimal | int | float | str) -> str:
    """Indonesian display of an input number as written, without forced decimals.

    ``9.12`` → ``"9,12"``, ``12`` → ``"12"``, ``100000000`` → ``"100.000.000"``, ``1.76`` → ``"1,76"``.
    """
    d = to_display_decimal(value)
    special = _special(d)
    if special is not None:
        return special
    if d.adjusted() >= MAX_DIGITS or (d and d.adjusted() < -MAX_DIGITS):
        return _scientific(d, None, ",")
    if not d:
        return "0"
    ctx = _context(d, 0)
    if d == d.to_integral_value(context=ctx):
        d = d.quantize(_QUANTUM[0], context=ctx)
    else:
        d = d.normalize(context=ctx)
    return _render(d, ".", ",")


def fmt_rupiah(value: Decimal | int | float | str, places: int = 0) -> str:
    """An amount of money: ``2000000`` → ``"Rp 2.000.000"``; negative → ``"-Rp 2.000.000"``."""
    text = fmt_number(value, places)
    if text.startswith("-"):
        return f"-Rp {text[1:]}"
    return f"Rp {text}"
