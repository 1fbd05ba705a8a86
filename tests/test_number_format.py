"""The one number formatter (skpgen.scoring.format): exact outputs, and no Decimal makes it fail."""

from __future__ import annotations

import doctest
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skpgen.render import filters
from skpgen.scoring import format as numfmt
from skpgen.scoring.format import fmt_en_number, fmt_number, fmt_plain, fmt_rupiah, round_half_up

D = Decimal


def test_doctests_of_the_formatter_run() -> None:
    result = doctest.testmod(numfmt)
    assert result.attempted >= 5 and result.failed == 0


@pytest.mark.parametrize(("value", "number", "en", "plain", "rupiah"), [
    (D("1234.5"), "1.234,50", "1,234.50", "1.234,5", "Rp 1.235"),
    (D("90.995"), "91,00", "91.00", "90,995", "Rp 91"),
    (D("-0.001"), "0,00", "0.00", "-0,001", "Rp 0"),
    (100000000, "100.000.000,00", "100,000,000.00", "100.000.000", "Rp 100.000.000"),
    (-2000000, "-2.000.000,00", "-2,000,000.00", "-2.000.000", "-Rp 2.000.000"),
    (D("999999999999999999999.995"), "1.000.000.000.000.000.000.000,00", "1,000,000,000,000,000,000,000.00",
     "999.999.999.999.999.999.999,995", "Rp 1.000.000.000.000.000.000.000"),
    # the reported crash: beyond 28 digits quantize raised InvalidOperation
    (1e308, "1,00E+308", "1.00E+308", "1E+308", "Rp 1E+308"),
    (-1e308, "-1,00E+308", "-1.00E+308", "-1E+308", "-Rp 1E+308"),
    (10**30, "1,00E+30", "1.00E+30", "1E+30", "Rp 1E+30"),
    (D(10**30) / 3, "3,33E+29", "3.33E+29", "3,333333333333333333333333333E+29", "Rp 3E+29"),
    (1e-300, "0,00", "0.00", "1E-300", "Rp 0"),
    (D("NaN"), "NaN", "NaN", "NaN", "Rp NaN"),
    (D("sNaN"), "NaN", "NaN", "NaN", "Rp NaN"),
    (D("Infinity"), "∞", "∞", "∞", "Rp ∞"),
    (D("-Infinity"), "-∞", "-∞", "-∞", "-Rp ∞"),
    (D("1E+999999"), "1,00E+999999", "1.00E+999999", "1E+999999", "Rp 1E+999999"),
])
def test_exact_display(value, number, en, plain, rupiah) -> None:
    assert fmt_number(value) == number
    assert fmt_en_number(value) == en
    assert fmt_plain(value) == plain
    assert fmt_rupiah(value) == rupiah


@settings(max_examples=300, deadline=None)
@given(st.decimals(allow_nan=True, allow_infinity=True) | st.floats() | st.integers(min_value=-10**400, max_value=10**400),
       st.integers(min_value=0, max_value=10))
def test_no_decimal_makes_the_formatter_fail(value, places) -> None:
    for text in (fmt_number(value, places), fmt_en_number(value, places), fmt_plain(value), fmt_rupiah(value)):
        assert isinstance(text, str) and 0 < len(text) <= 60


def test_rounding_is_half_up_and_never_negative_zero() -> None:
    assert round_half_up(D("0.125")) == D("0.13")
    assert round_half_up(D("-0.125")) == D("-0.13")
    assert str(round_half_up(D("-0.001"))) == "0.00"


def test_form_filters_use_the_same_formatter_and_still_reject_non_figures() -> None:
    assert filters.angka(10**30) == fmt_number(10**30) == "1,00E+30"
    assert filters.rupiah(1e308) == "Rp 1E+308"
    with pytest.raises(filters.FilterError):
        filters.angka(float("nan"))
    with pytest.raises(filters.FilterError):
        filters.angka(True)
    with pytest.raises(filters.FilterError):
        filters.angka(1, 11)
