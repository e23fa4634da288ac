"""Issue 10 item 3: a user's growth= bound is verified or refused, never trusted.

Counterexamples are checked by hand: e^{6t} > e^{3t} for every t > 0; |log t| > 10(1 + t) as t → 0+
(log 10^-12 ≈ -27.6); tanh(1) ≈ 0.76 > 1/2.
"""

import mpmath
import pytest
import sympy as sp

import hardverify as hv
from hardverify.core.growth import Growth, verify_growth
from hardverify.errors import DomainError, NotCertified

t = hv.t


def test_issue_reproducer_is_refused_before_any_enclosure():
    act = hv.activation(sp.exp(6 * t), growth=(1, 0, 3))
    with pytest.raises(DomainError, match=r"growth=.* is false"):
        hv.hermite_coefficient(act, 0, dps=20)


@pytest.mark.parametrize("expr, bound", [
    (sp.exp(6 * t), (1, 0, 3)),
    (sp.tanh(t), (sp.Rational(1, 2), 0, 0)),
    (t ** 3, (1, 2, 0)),
    (sp.Piecewise((sp.log(t), t > 0), (0, True)), (10, 1, 0)),
    (sp.Max(0, t - 5) * 1000, (1, 1, 0)),
])
def test_false_bounds_are_refuted_with_a_point(expr, bound):
    with pytest.raises(DomainError, match="is false"):
        _ = hv.activation(expr, growth=bound).growth


@pytest.mark.parametrize("expr, bound", [
    (sp.exp(6 * t), (1, 0, 6)),
    (sp.exp(6 * t), (3, 2, 7)),
    (sp.tanh(t) * sp.cos(t), (1, 0, 0)),
    (sp.Max(0, t), (2, 1, 0)),
])
def test_bounds_implied_by_the_proved_one_are_used(expr, bound):
    g = hv.activation(expr, growth=bound).growth
    assert (g.A, g.p, g.a) == tuple(sp.sympify(b) for b in bound)


def test_true_but_unproved_bounds_are_not_certified():
    # |tanh t| ≤ (1 + |t|)/2 is true (checked below with mpmath on a grid) but hardverify proves only
    # |tanh t| ≤ 1, which does not imply it: refused, never used
    assert all(abs(mpmath.tanh(x)) <= (1 + abs(x)) / 2 for x in mpmath.linspace(-20, 20, 4001))
    with pytest.raises(NotCertified, match="cannot be verified"):
        _ = hv.activation(sp.tanh(t), growth=(sp.Rational(1, 2), 1, 0)).growth
    # no proved bound at all (a singular σ): the supplied one cannot rest on anything
    with pytest.raises(NotCertified, match="proves no growth bound"):
        # (|log 10^-12| ≈ 27.6 < 100 at every probe point, yet log is unbounded at 0+: the bound is false)
        _ = hv.activation(sp.Piecewise((sp.log(t), t > 0), (0, True)), growth=(100, 0, 0)).growth


def test_verify_growth_directly():
    act = hv.activation("relu")
    ok = verify_growth(Growth(sp.Integer(1), sp.Integer(1), sp.Integer(0)), act.pieces, t, act.ball_at)
    assert ok == Growth(1, 1, 0)
    with pytest.raises(NotCertified):
        verify_growth(Growth(sp.Integer(1), sp.Integer(1) / 2, sp.Integer(1)), act.pieces, t, act.ball_at)
