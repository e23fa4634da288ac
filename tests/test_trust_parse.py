"""Issue 10 item 4: decimal literals are read exactly from the text, never rounded through a float.

References: the exact rationals are written by hand from the literals (digits / 10^k).
"""

import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

import hardverify as hv
from hardverify.core.parse import MAX_DECIMAL_EXPONENT
from hardverify.errors import DomainError, ResourceLimit

t = hv.t


def test_twenty_digit_shift_is_kept():
    e = hv.parse_expression("max(0, t - 0.70000000000000000001)")
    assert e == sp.Max(0, t - sp.Rational(70000000000000000001, 10 ** 20))
    assert e != sp.Max(0, t - sp.Rational(7, 10))


def test_36_digit_pi_keeps_its_digits():
    e = hv.parse_expression("3.14159265358979323846264338327950288*t")
    assert e == sp.Rational(314159265358979323846264338327950288, 10 ** 35) * t


def test_tiny_literal_is_not_flushed_to_zero():
    e = hv.parse_expression("1.5e-400*t + tanh(t)")
    assert e == sp.Rational(3, 2 * 10 ** 400) * t + sp.tanh(t)
    act = hv.activation(e)
    assert act.parity.describe() == "odd"           # the term is there: σ is odd, not merely tanh


@pytest.mark.parametrize("text, value", [
    ("0.1", sp.Rational(1, 10)), ("1e3", 1000), ("2E+2", 200), (".5", sp.Rational(1, 2)), ("5.", 5),
    ("1_000.25", sp.Rational(4001, 4)), ("  0.125  ", sp.Rational(1, 8)), ("12.5e-1", sp.Rational(5, 4)),
])
def test_literal_forms(text, value):
    assert hv.parse_expression(text) == value


def test_literal_exponent_is_bounded():
    assert hv.parse_expression(f"1e-{MAX_DECIMAL_EXPONENT}") == sp.Rational(1, 10 ** MAX_DECIMAL_EXPONENT)
    with pytest.raises(ResourceLimit, match="decimal exponents are limited"):
        hv.parse_expression(f"1e{MAX_DECIMAL_EXPONENT + 1}")
    with pytest.raises(DomainError, match="only numbers"):
        hv.parse_expression("2j")


@given(st.integers(min_value=0, max_value=10 ** 40), st.integers(min_value=0, max_value=45),
       st.integers(min_value=-500, max_value=500))
def test_decimal_round_trip(mantissa, point, expo):
    digits = str(mantissa).rjust(point + 1, "0")
    text = f"{digits[:len(digits) - point]}.{digits[len(digits) - point:]}e{expo}"
    assert hv.parse_expression(text) == sp.Rational(mantissa) * sp.Rational(10) ** (expo - point)
