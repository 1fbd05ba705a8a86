"""Bar chart of nilai capaian per activity, drawn with text: block characters in a table cell.

The forms' chart is a table (one row per activity: id, kegiatan, bar, value). The bar is a run of
U+2588 FULL BLOCK plus an optional U+258C LEFT HALF BLOCK, characters of the WGL4 set that Arial,
Liberation Sans, DejaVu and Courier New all carry, so it renders identically in Word and
LibreOffice, costs nothing to build (no image, no plotting stack) and stays searchable text.
Colour comes from the template (the run holding the bar), chosen per row by ``baik``.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

FULL = "\u2588"
HALF = "\u258c"
DEFAULT_WIDTH = 40  # full blocks for the whole scale


def scale_max(values: list[Decimal], floor: int = 100, step: int = 20) -> int:
    """The axis maximum: at least ``floor``, rounded up to a multiple of ``step``."""
    top = max([Decimal(floor)] + [v for v in values if v is not None])
    n = int((top / step).to_integral_value(rounding="ROUND_CEILING"))
    return max(floor, n * step)


def bar(value: Decimal | None, maximum: int, width: int = DEFAULT_WIDTH) -> str:
    """The bar for ``value`` on a 0..``maximum`` scale ``width`` blocks wide, in half blocks.

    Negative and missing values give an empty bar; values above the maximum are cut at it."""
    if value is None or value <= 0 or maximum <= 0:
        return ""
    halves = int((Decimal(value) * 2 * width / maximum).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    halves = min(halves, 2 * width)
    return FULL * (halves // 2) + (HALF if halves % 2 else "")


def step_per_block(maximum: int, width: int = DEFAULT_WIDTH) -> Decimal:
    return Decimal(maximum) / width
