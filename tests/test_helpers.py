"""The test helper assert_certified can fail: it refuses wrong values, wide balls and unasked-for weaker rules.

References are exact by construction (balls built by hand around known rationals and π).
"""

from fractions import Fraction

import mpmath
import pytest
import sympy as sp
from flint import arb, ctx
from helpers import assert_certified, assert_encloses, assert_narrow

import hardverify as hv
from hardverify.numeric.enclosure import Enclosure


def test_exact_truths_are_contained_exactly():
    e = hv.enclose(sp.Rational(1, 3), 30)
    assert_certified(e, sp.Rational(1, 3), 30)
    assert_certified(e, Fraction(1, 3), 30)
    with pytest.raises(AssertionError, match="does not enclose"):
        assert_certified(e, sp.Rational(1, 3) + sp.Rational(1, 10 ** 35), 30)
    with pytest.raises(AssertionError, match="does not enclose"):
        assert_certified(hv.enclose(sp.pi, 30), sp.pi + sp.Rational(1, 10 ** 32), 30)


def test_decimal_strings_are_read_as_correctly_rounded():
    e = hv.enclose(sp.pi, 40)
    assert_certified(e, "3.1415926535897932384626433832795", 40)           # rounded at the 31st decimal
    with pytest.raises(AssertionError, match="does not enclose"):
        assert_certified(e, "3.1415926535897932384626433832796", 40)       # one unit off in the last digit
    # an exact decimal demands exact containment: pass it as a Fraction
    with pytest.raises(AssertionError, match="does not enclose"):
        assert_encloses(e, Fraction("3.1415926535897932384626433832795"))


def test_mpmath_references_with_and_without_their_error():
    e = Enclosure(arb("0.5 +/- 1e-30"), 29)
    with mpmath.workdps(50):
        ref = mpmath.mpf("0.5") + mpmath.mpf("2e-30")               # 2e-30 away: outside the ball
    with pytest.raises(AssertionError, match="does not enclose"):
        assert_certified(e, ref, 29)                                  # an mpf is a binary number, read exactly
    assert_certified(e, ref, 29, err=mpmath.mpf("1.5e-30"))           # ± its own error, the intervals meet
    with pytest.raises(AssertionError, match="does not enclose"):
        assert_certified(e, ref, 29, err=mpmath.mpf("5e-31"))


def test_ball_references_must_overlap():
    e = Enclosure(arb("0.5 +/- 1e-30"), 29)
    with ctx.workprec(200):                                       # read the decimals at 200 bits, not 53
        near, far = arb("0.5 +/- 1e-40"), arb("0.50000000000000000000000000001 +/- 1e-40")
    assert_certified(e, near, 29)
    with pytest.raises(AssertionError, match="does not enclose"):
        assert_certified(e, far, 29)


def test_narrowness_is_the_full_requested_dps():
    e = hv.enclose(sp.pi, 20)
    assert_certified(e, sp.pi, 20)
    with ctx.workprec(200):
        wide = Enclosure(arb.pi() + arb("0 +/- 1e-21"), 20)          # 21 digits: enough for 20, not for 25
    assert_narrow(wide, 20)
    with pytest.raises(AssertionError, match="not narrow at dps = 25"):
        assert_certified(wide, sp.pi, 25)


def test_weaker_rules_only_when_asked():
    zero = Enclosure(arb("0 +/- 1e-31"), 30)                     # a zero at the absolute rule
    tiny = Enclosure(arb("1e-40 +/- 1e-45"))                      # far below 10^-30, 5 significant digits
    with pytest.raises(AssertionError, match="not narrow"):
        assert_certified(zero, 0, 30)
    assert_certified(zero, 0, 30, zero_scale=1)
    with pytest.raises(AssertionError, match="not narrow"):
        assert_certified(zero, 0, 30, zero_scale=Fraction(1, 100))   # radius 1e-31 > 10^-30 · 10^-2
    with pytest.raises(AssertionError, match="not narrow"):
        assert_narrow(tiny, 30, zero_scale=1)                      # it excludes 0: the zero rule does not apply
    assert_narrow(tiny, 30, bound_scale=1)                          # |x| ≤ 10^-30: the quadratures' bound rule
    with pytest.raises(AssertionError, match="not narrow"):
        assert_narrow(tiny, 30, bound_scale="1e-11")


def test_only_enclosures_are_certified():
    with pytest.raises(AssertionError, match="expected an Enclosure"):
        assert_certified(sp.pi, sp.pi, 10)
    with pytest.raises(AssertionError, match="expected an Enclosure"):
        assert_narrow(arb.pi(), 10)
