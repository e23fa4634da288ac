"""Activations: registry, pieces and kinks, proved parity, growth bounds, algebra."""

import pytest
import sympy as sp

import hardverify as hv
from hardverify.errors import DomainError

t = hv.t


def test_registry_covers_the_issue_list():
    expected = {"relu", "leaky_relu", "abs", "sign", "step", "erf", "sigmoid", "tanh", "gelu", "softplus",
                "silu", "identity", "monomial"}
    assert set(hv.ACTIVATIONS) == expected
    for name in expected - {"monomial"}:
        assert isinstance(hv.activation(name), hv.Activation)


@pytest.mark.parametrize("name,kinks", [("relu", (0,)), ("abs", (0,)), ("sign", (0,)), ("step", (0,)),
                                        ("leaky_relu", (0,)), ("sigmoid", ()), ("gelu", ()), ("erf", ())])
def test_kinks(name, kinks):
    assert hv.activation(name).kinks == kinks


@pytest.mark.parametrize("name,parity", [
    ("relu", "even up to t/2"), ("abs", "even"), ("sign", "odd"), ("step", "odd up to 1/2"),
    ("sigmoid", "odd up to 1/2"), ("tanh", "odd"), ("erf", "odd"), ("gelu", "even up to t/2"),
    ("softplus", "even up to t/2"), ("silu", "even up to t/2"), ("identity", "odd"),
])
def test_parity_is_proved(name, parity):
    assert hv.activation(name).parity.describe() == parity


@pytest.mark.parametrize("name,growth", [
    ("relu", (1, 1, 0)), ("sigmoid", (1, 0, 0)), ("tanh", (1, 0, 0)), ("erf", (1, 0, 0)),
    ("gelu", (1, 1, 0)), ("silu", (1, 1, 0)), ("softplus", (1, 1, 0)), ("sign", (1, 0, 0)),
])
def test_growth_bounds(name, growth):
    g = hv.activation(name).growth
    assert (g.A, g.p, g.a) == growth


def test_growth_bounds_hold_numerically():
    # a sanity check of the structural rules: |σ(t)| ≤ A(1+|t|)^p e^{a|t|} on a grid
    import mpmath
    for name in ("softplus", "gelu", "silu", "sigmoid"):
        act = hv.activation(name)
        g = act.growth
        f = sp.lambdify(t, act.expr, "mpmath")
        for x in [mpmath.mpf(k) / 4 for k in range(-80, 81)]:
            bound = float(g.A) * (1 + abs(x)) ** float(g.p) * mpmath.exp(float(g.a) * abs(x))
            assert abs(f(x)) <= bound


def test_piecewise_and_affine():
    act = hv.activation("relu").affine(2, -1)          # ReLU(2t - 1): kink at 1/2
    assert act.kinks == (sp.Rational(1, 2),)
    assert [p.expr for p in act.pieces] == [0, 2 * t - 1]


def test_algebra():
    relu, ident = hv.activation("relu"), hv.activation("identity")
    a = 2 * relu - ident
    assert sp.simplify(a.expr - sp.Abs(t)) == 0 or a.parity.describe() == "even"
    assert (relu + 1).parity.odd_up_to is None
    assert (-relu).expr == -sp.Max(0, t)
    with pytest.raises(DomainError, match="multiplied"):
        relu * ident


def test_expression_activation_with_other_variable():
    x = sp.Symbol("x")
    act = hv.activation(sp.tanh(x / 2), x)
    assert act.expr == sp.tanh(t / 2)
    assert act == hv.activation(sp.tanh(t / 2))
    assert "tanh" in repr(act)


def test_call_evaluates_exactly():
    assert hv.activation("relu")(-3) == 0 and hv.activation("relu")(sp.Rational(5, 2)) == sp.Rational(5, 2)


def test_named_parameters():
    assert hv.activation("monomial", degree=4).expr == t ** 4
    assert hv.activation("leaky_relu", slope=0.2).pieces[0].expr == t / 5
    assert repr(hv.activation("leaky_relu", slope=0.2)) == "activation('leaky_relu', slope=0.2)"
