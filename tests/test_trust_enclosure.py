"""Issue 10 item 7: enclosures keep the digits they can prove, format honestly, compare like arb.

Reference: c_3(sigmoid) to 40 digits from mpmath.quad at 60 digits (split at 0) of σ(x) He_3(x) φ(x)/√6,
computed in the test itself (independent of hardverify's quadrature).
"""

import mpmath
import pytest
import sympy as sp
from flint import arb

import hardverify as hv
from hardverify.errors import DomainError

DPS = 30


@pytest.fixture(scope="module")
def c3():
    with mpmath.workdps(60):
        f = lambda x: mpmath.exp(-x * x / 2) / mpmath.sqrt(2 * mpmath.pi) / (1 + mpmath.exp(-x)) \
            * (x ** 3 - 3 * x) / mpmath.sqrt(6)
        ref = mpmath.quad(f, [-mpmath.inf, 0, mpmath.inf])
        return hv.hermite_coefficient("sigmoid", 3, dps=DPS), mpmath.nstr(ref, 45)


def _arb(text):
    return arb(text)


@pytest.mark.parametrize("op, ref_op", [
    (lambda e: -e, lambda r: -r), (lambda e: abs(e), abs), (lambda e: +e, lambda r: r),
    (lambda e: e + 1, lambda r: r + 1), (lambda e: 2 - e, lambda r: 2 - r), (lambda e: 3 * e, lambda r: 3 * r),
    (lambda e: e / 7, lambda r: r / 7), (lambda e: e * e, lambda r: r * r), (lambda e: 1 / e, lambda r: 1 / r),
    (lambda e: e * sp.Rational(1, 3), lambda r: r / 3),
])
def test_operations_keep_the_digits(c3, op, ref_op):
    e, ref = c3
    with mpmath.workdps(45):
        want = mpmath.nstr(ref_op(mpmath.mpf(ref)), 45)
    out = op(e)
    assert out.dps == DPS and out.rel_accuracy_digits() >= DPS
    assert out.ball.overlaps(_arb(want))


def test_mixed_precision_is_labelled_with_what_it_keeps():
    a = hv.enclose(sp.pi, 30)
    b = hv.enclose(sp.E, 8)
    s = a + b
    assert s.dps is not None and s.rel_accuracy_digits() >= s.dps        # never claims 30 digits it lacks
    assert s.contains(sp.pi + sp.E)


def test_format(c3):
    e, _ = c3
    assert f"{e}" == str(e)
    assert f"{e:.12}".startswith("[-0.0254732579073") and "+/-" in f"{e:.12}"
    assert f"{hv.enclose(sp.Rational(1, 4), 10):.5}" == "0.25000"
    assert f"{e:.4f}" == "-0.0255" and f"{e:.3e}" == "-2.547e-02"
    with pytest.raises(DomainError, match="unknown format"):
        f"{e:q}"


def test_comparisons_answer_only_when_certain(c3):
    e, _ = c3
    assert e < 0 and e <= 0 and not e > 0 and e != 0 and not e == 0
    close = hv.Enclosure(e.ball.mid())                     # an exact point inside e's ball
    assert not (e < close) and not (e > close)            # overlapping balls: neither relation is certain
    assert hv.enclose(1, 10) == 1 and not (hv.enclose(sp.pi, 10) == sp.pi)
