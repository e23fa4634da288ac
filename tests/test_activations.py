"""Activations: registry, pieces and kinks, proved parity, growth bounds, algebra."""

import mpmath
import pytest
import sympy as sp
from references import mp_c, mp_function

import hardverify as hv
from hardverify.core.growth import growth_bound
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


# -- (moved from test_review_core.py)
def test_growth_bound_needs_a_real_argument():
    # With sympy's principal branches cos(√(t+40)) = cosh(√(-t-40)) for t < -40: a real, unbounded
    # function.  The rule "cos is bounded by 1" gave Growth(1, 0, 0), and a certified enclosure
    # was produced under that false hypothesis.
    sigma = sp.cos(sp.sqrt(t + 40))
    assert sigma.subs(t, -200).evalf() > 10 ** 5                       # the "bound 1" is false
    with pytest.raises(DomainError, match="real"):
        growth_bound(sigma, t)
    with pytest.raises(DomainError):
        growth_bound(1 / sp.cosh(sp.sqrt(t)), t)                        # 1/cos(√|t|) has poles on t < 0
    # still accepted where the argument is real (on its piece) or sympy proves it real
    assert hv.activation(sp.Piecewise((0, t < 0), (sp.cos(sp.sqrt(t)), True))).growth.A == 1
    assert growth_bound(sp.sin(sp.exp(t ** 2)), t).A == 1
    assert growth_bound(1 / (1 + sp.exp(-t)), t).A == 1


@pytest.mark.parametrize("expr", [
    sp.Max(0, t) ** 2, sp.sign(t) * t ** 2, sp.log(1 + sp.exp(t)), t * sp.erf(t) + t ** 3,
    sp.exp(-t ** 2) + t, 1 / (1 + sp.exp(-t)) + t ** 2, sp.Heaviside(t), sp.Abs(t - 1) + sp.Abs(t + 1),
])
def test_declared_parity_zeros_are_true_zeros(expr):
    a = hv.activation(expr)
    kinks = a.kinks
    for m in range(9):
        if a.parity.vanishes(m):
            assert abs(mp_c(expr, m, kinks, dps=40)) < mpmath.mpf("1e-32"), (expr, m)


def test_parity_is_not_claimed_for_an_almost_odd_function():
    # σ(t) + σ(-t) = 1 + 2·10^{-30}·cosh-ish term: not a polynomial, so no coefficient may be declared 0
    a = hv.activation(1 / (1 + sp.exp(-t)) + sp.Rational(1, 10 ** 30) * sp.exp(t))
    assert a.parity.odd_up_to is None and a.parity.even_up_to is None
    assert not any(a.parity.vanishes(m) for m in range(10))


_GROWTH_EXPRS = [
    sp.Max(0, t), sp.Piecewise((t / 100, t < 0), (t, True)), t * (1 + sp.erf(t / sp.sqrt(2))) / 2,
    sp.log(1 + sp.exp(t)), t / (1 + sp.exp(-t)), t ** 5, sp.exp(-t), sp.exp(t / 3) * sp.sin(t), sp.log(1 + t ** 2),
    sp.sqrt(1 + t ** 2), sp.Piecewise((sp.exp(t), t < 0), (1 + t, True)), sp.Piecewise((0, t < 1), (sp.log(t), True)),
    sp.cosh(t / 2), sp.sinh(-2 * t + 1), sp.exp(-t ** 2 + 3 * t), (1 + sp.exp(-t)) ** -2, sp.Max(t ** 2, 1 - t),
    sp.Min(sp.exp(t), 3), sp.Abs(t - 3) ** sp.Rational(3, 2), sp.exp(t * sp.sin(t)), sp.exp(sp.sqrt(t ** 2 + 1)),
    sp.log(1 + sp.exp(-3 * t + 2)), sp.erfc(t) * t ** 2, sp.sech(t) * sp.exp(t / 2), sp.exp(sp.Abs(t) - t ** 2 / 4),
    sp.Piecewise((t ** 2, t < -1), (sp.exp(-t), t < 2), (t, True)), sp.Heaviside(t) * sp.exp(-t) * t ** 3,
]


def test_growth_bounds_hold_far_out():
    # |σ(t)| ≤ A(1+|t|)^p e^{a|t|} checked in mpmath at |t| up to 10^4 on both sides
    pts = [mpmath.mpf(k) / 4 for k in range(-2000, 2001, 37)] + [s * mpmath.mpf(10) ** k for k in (2, 3, 4) for s in (-1, 1)]
    with mpmath.workdps(30):
        for expr in _GROWTH_EXPRS:
            G = hv.activation(expr).growth
            A, p, al = (mpmath.mpf(sp.N(v, 40)) for v in (G.A, G.p, G.a))
            f = mp_function(expr)
            for x in pts:
                assert abs(f(x)) <= A * (1 + abs(x)) ** p * mpmath.exp(al * abs(x)), (expr, G, x)
