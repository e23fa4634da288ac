"""Enclosure semantics: containment is exact and certain; matches() reads rounded references."""

from fractions import Fraction

import mpmath
import pytest
import sympy as sp
from flint import arb, ctx

import hardverify as hv
from hardverify import checks
from hardverify.errors import DomainError
from hardverify.numeric.enclosure import Enclosure, exact_fraction
from hardverify.verdict import Status


def ball(s, prec=200):
    with ctx.workprec(prec):
        return hv.Enclosure(arb(s), 30)


def test_contains_is_exact_at_the_endpoints():
    e = hv.Enclosure(arb(1, arb(2) ** -10))     # radius as stored by arb (an upper bound, ≥ 2^-10)
    hi = hv.numeric.enclosure.exact_fraction(e.upper)
    lo = hv.numeric.enclosure.exact_fraction(e.lower)
    assert hi >= 1 + Fraction(1, 1024) and lo <= 1 - Fraction(1, 1024)
    assert e.contains(hi) and e.contains(lo)
    assert not e.contains(hi + Fraction(1, 10 ** 40)) and not e.contains(lo - Fraction(1, 10 ** 40))
    assert e.excludes(hi + Fraction(1, 10 ** 40))
    assert e.excludes("1.1") and not e.excludes("1.0005")


def test_contains_closed_forms():
    e = hv.enclose(sp.pi / 4, 40)
    assert e.contains(sp.pi / 4)
    assert not e.contains(sp.Rational(355, 452)) and e.excludes(sp.Rational(355, 452))


def test_matches_rounded_references():
    e = hv.enclose(1 / sp.sqrt(2 * sp.pi), 40)
    assert e.matches("0.398942280401432677939946059934")       # 30 digits, rounded
    assert not e.matches("0.398942280401432677939946059935")
    assert not e.contains("0.398942280401432677939946059934")   # the rounded value is not the number


def test_narrowness_and_digits():
    e = hv.enclose(sp.sqrt(2), 25)
    assert e.rel_accuracy_digits() >= 25 and e.rad < mpmath.mpf("1e-25")
    with mpmath.workdps(60):
        assert e.lower < mpmath.sqrt(2) < e.upper


def test_exact_zero_and_signs():
    z = hv.enclose(0, 10)
    assert z.is_exact_zero() and z.contains_zero()
    assert hv.enclose(-sp.pi, 10).is_negative() and not hv.enclose(-sp.pi, 10).is_positive()


def test_str_and_float():
    e = hv.enclose(sp.Rational(1, 3), 20)
    assert str(e).startswith("[0.33333333333333333333") and float(e) == pytest.approx(1 / 3)


@pytest.mark.parametrize("bad", [float("nan"), "abc", object(), True])
def test_contains_rejects_garbage(bad):
    with pytest.raises(DomainError):
        hv.enclose(1, 10).contains(bad)


def test_enclosure_must_be_finite_and_division_checked():
    with pytest.raises(DomainError):
        hv.Enclosure(arb("nan"))
    with pytest.raises(DomainError):
        hv.Enclosure(arb(1)) / hv.Enclosure(arb(0, 1))
    with pytest.raises(DomainError):
        hv.Enclosure(1.0)


# -- (moved from test_review_core.py)
def test_exact_fraction_keeps_the_sign_of_an_mpmath_number():
    # mpmath's mpf.man_exp returns the *unsigned* mantissa: -0.75 was read as +3/4, so
    # Enclosure(0.75).contains(mpf(-0.75)) said True and less(-1, 0) said REFUTED.
    assert exact_fraction(mpmath.mpf("-0.75")) == Fraction(-3, 4)
    assert exact_fraction(mpmath.mpf(-3)) == -3
    e = Enclosure(arb("0.75"))
    assert not e.contains(mpmath.mpf("-0.75")) and e.excludes(mpmath.mpf("-0.75"))
    assert checks.less(mpmath.mpf(-1), 0).status is Status.PROVED
    neg = hv.enclose(-1 / sp.sqrt(3), 30)
    assert neg.contains(neg.lower) and neg.contains(neg.upper)          # its own exact endpoints
    assert checks.in_range(neg, neg.lower, neg.upper).status is Status.CERTIFIED
