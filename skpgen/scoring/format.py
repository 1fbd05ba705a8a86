"""Display helpers for scores: Indonesian number formatting and half-up rounding.

Rounding exists only here, for display. The scoring model itself keeps exact Decimals.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

__all__ = ["round_half_up", "fmt_number", "fmt_plain", "fmt_en_number"]


def _dec(value: Decimal | int | float | str) -> Decimal:
    if isinstance(value, Decimal):
        return value
    return Decimal(str(value))


def round_half_up(value: Decimal | int | float | str, places: int = 2) -> Decimal:
    """Round half-up (away from zero on a tie) to `places` decimals, as the official forms print."""
    d = _dec(value)
    q = Decimal(1).scaleb(-places)
    r = d.quantize(q, rounding=ROUND_HALF_UP)
    if r == 0:
        r = abs(r)  # never print "-0,00"
    return r


def _group(int_digits: str, sep: str) -> str:
    out = []
    while len(int_digits) > 3:
        out.append(int_digits[-3:])
        int_digits = int_digits[:-3]
    out.append(int_digits)
    return sep.join(reversed(out))


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


def fmt_number(value: Decimal | int | float | str, places: int = 2) -> str:
    """Indonesian display of a computed figure: ``Decimal("1234.5")`` → ``"1.234,50"``.

    Rounds half-up to `places` decimals (``90.995`` → ``"91,00"``).
    """
    return _render(round_half_up(value, places), ".", ",")


def fmt_en_number(value: Decimal | int | float | str, places: int = 2) -> str:
    """English display of a computed figure: ``"1,234.50"`` (same rounding as :func:`fmt_number`)."""
    return _render(round_half_up(value, places), ",", ".")


def fmt_plain(value: Decimal | int | float | str) -> str:
    """Indonesian display of an input number as written, without forced decimals.

    ``9.12`` → ``"9,12"``, ``12`` → ``"12"``, ``100000000`` → ``"100.000.000"``, ``1.76`` → ``"1,76"``.
    """
    d = _dec(value)
    if d == d.to_integral_value():
        d = d.quantize(Decimal(1))
    else:
        d = d.normalize()
    return _render(d, ".", ",")
