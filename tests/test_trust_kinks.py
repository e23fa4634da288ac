"""Issue 10 item 2: every registry activation is its documented function, at its kinks too.

"step" is documented (SPEC H2, the registry) as 1{t > 0}; sympy's Heaviside has H(0) = 1/2, which is
invisible under continuous laws and wrong wherever a pre-activation sits at 0 with positive probability
(the hypercube).  The references below are the documented definitions written out in plain Python
(fractions), independent of sympy and of hardverify's pieces.
"""

import itertools
import math
from fractions import Fraction

import pytest
import sympy as sp
from flint import arb

import hardverify as hv
from hardverify.constructions.goel2020 import GGJKK
from hardverify.core.activations import ACTIVATIONS
from hardverify.core.arbeval import compile_expr
from hardverify.networks import Network
from hardverify.verdict import Status

#: the documented definitions (registry descriptions) at rational points.
DOCUMENTED = {
    "relu": lambda x: max(Fraction(0), x),
    "leaky_relu": lambda x: x if x > 0 else x / 100,
    "abs": lambda x: abs(x),
    "sign": lambda x: Fraction((x > 0) - (x < 0)),
    "step": lambda x: Fraction(1 if x > 0 else 0),
    "identity": lambda x: x,
}
POINTS = [Fraction(0), Fraction(1, 3), Fraction(-1, 3), Fraction(5), Fraction(-5)]


@pytest.mark.parametrize("name", sorted(DOCUMENTED))
def test_registry_values_at_kinks_and_around(name):
    act = hv.activation(name)
    pts = POINTS + [Fraction(str(k)) for k in act.kinks]
    for x in pts:
        want = DOCUMENTED[name](x)
        assert act(sp.Rational(x.numerator, x.denominator)) == sp.Rational(want.numerator, want.denominator), (name, x)
        ball = compile_expr(act.expr, hv.t)(arb(x.numerator) / x.denominator)     # the certified layer too
        assert ball.contains(arb(want.numerator) / want.denominator), (name, x)
        if x == 0:
            assert ball.rad() == 0, (name, x)              # exact input at the kink: exact value, no union


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_every_registry_activation_with_a_kink_is_checked_above(name):
    act = hv.activation(name, degree=3) if name == "monomial" else hv.activation(name)
    if act.kinks:
        assert name in DOCUMENTED                    # so its values at the kinks are checked above
    for k in act.kinks:
        assert act(k).is_Rational, (name, k)


def test_step_is_one_on_positive_reals_only():
    step = hv.activation("step")
    assert step(0) == 0 and step(sp.Rational(1, 10 ** 30)) == 1 and step(-1) == 0
    assert hv.parse_expression("step(t)").subs(hv.t, 0) == 0
    assert hv.parse_expression("heaviside(t)").subs(hv.t, 0) == sp.Rational(1, 2)   # sympy's convention, kept


def _ggjkk_hypercube_norm(k):
    """E[f_S²] on {±1}^k by enumeration: f_S(x) = Σ_q (Π q_i) 1{⟨q, x⟩/√k > 0} (SPEC §3.1, c = 1)."""
    total = Fraction(0)
    for x in itertools.product((-1, 1), repeat=k):
        f = sum(math.prod(q) * (1 if sum(a * b for a, b in zip(q, x)) > 0 else 0)
                for q in itertools.product((-1, 1), repeat=k))
        total += f * f
    return total / 2 ** k


@pytest.mark.parametrize("k", [2, 4])
def test_ggjkk_step_norm_on_the_hypercube(k):
    # Issue 10 reproducer: the H(0) = 1/2 step gave 0 for k = 2; the documented step gives 1 (k = 2), 9 (k = 4)
    want = _ggjkk_hypercube_norm(k)
    assert want == {2: 1, 4: 9}[k]
    assert GGJKK(k, "step").norm2(dist=hv.Hypercube(k)) == want


def test_step_network_is_not_proved_orthogonal_to_itself():
    # f = step(x1+x2) + step(-x1-x2) - step(x1-x2) - step(x2-x1) is 0 a.e. under a continuous law but
    # ±1 on {±1}²: (1, 1) ↦ 1, (1, -1) ↦ -1, (-1, 1) ↦ -1, (-1, -1) ↦ 1, so E[f²] = 1
    f = Network([[1, 1], [-1, -1], [1, -1], [-1, 1]], "step", outputs=[1, 1, -1, -1])
    assert not f.is_identically_zero()
    assert hv.inner_product(f, f, hv.Hypercube(2)) == 1
    v = hv.check_orthogonality(f, f, hv.Hypercube(2))
    assert v.status is Status.REFUTED


def test_two_argument_heaviside_is_evaluated_with_its_value_at_zero():
    for h0 in (0, sp.Rational(1, 2), 1):
        ball = compile_expr(sp.Heaviside(hv.t, h0), hv.t)(arb(0))
        assert ball.contains(arb(sp.Rational(h0).p) / sp.Rational(h0).q) and ball.rad() == 0
