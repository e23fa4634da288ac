"""Certified Hermite coefficients: containment AND narrowness against independent references.

Independent references: SPEC §8 (V1–V8, each computed two ways by the SPEC authors) and
mpmath.quad at high working precision with breakpoints at the kinks (mpmath does not share any
code with python-flint's ball arithmetic used by hardverify).
"""

import mpmath
import pytest
import sympy as sp
from helpers import assert_certified
from references import mp_c, mp_coefficient

import hardverify as hv
from hardverify import errors

t = hv.t


MP = {
    "sigmoid": lambda x: 1 / (1 + mpmath.exp(-x)),
    "tanh": mpmath.tanh,
    "gelu": lambda x: x * mpmath.ncdf(x),
    "softplus": lambda x: mpmath.log1p(mpmath.exp(x)),
    "silu": lambda x: x / (1 + mpmath.exp(-x)),
}


@pytest.mark.parametrize("ref", [
    ("relu", 2, "0.282094791773878143474039725780"),          # V1
    ("relu", 4, "-0.0814337519838199869310641038064"),        # V2
    ("relu", 6, "0.0446031029038192778634741593141"),         # V3
    ("sign", 3, "-0.325735007935279947724256415226"),         # V4
    ("sign", 5, "0.218509686118415814108677141161"),          # V5
    ("sigmoid", 1, "0.206620964141907037262350828718"),       # V6
    ("sigmoid", 3, "-0.0254732579073234166703436797642"),     # V7
    ("tanh", 1, "0.605705509602158825583540227556"),          # V8
])
def test_spec_reference_values(ref):
    act, m, value = ref
    c = hv.hermite_coefficient(act, m, dps=30, algorithm="quadrature")
    assert_certified(c, value, 30)                # encloses, and narrow: the requested digits are certain
    assert c.rad < mpmath.mpf("1e-31")


@pytest.mark.parametrize("name", sorted(MP))
def test_smooth_activations_against_mpmath(name):
    cs = hv.hermite_coefficients(name, 8, dps=25)
    for m, c in enumerate(cs):
        ref = mp_coefficient(MP[name], m)
        if c.is_exact_zero():                       # a zero proved by parity: mpmath must agree
            assert abs(ref) < mpmath.mpf("1e-40")
            continue
        # (containing the 60-digit mpf implies matching its correctly rounded 40-digit string)
        assert_certified(c, mpmath.nstr(ref, 40, strip_zeros=False), 25, what=(name, m))


def test_custom_expression_with_singular_point():
    # √|t| is not analytic at 0 (a bounded branch point at a piece end): certified anyway.
    x = sp.Symbol("x")
    act = hv.activation(sp.sqrt(sp.Abs(x)), x)
    cs = hv.hermite_coefficients(act, 4, dps=20)
    for m in (0, 2, 4):
        ref = mp_coefficient(lambda y: mpmath.sqrt(abs(y)), m, dps=40)
        assert_certified(cs[m], mpmath.nstr(ref, 30, strip_zeros=False), 20, what=m)
    assert cs[1].is_exact_zero() and cs[3].is_exact_zero()       # even function


def test_high_degree_sigmoid_against_mpmath():
    # SPEC §9.8: float quadrature fails at high m; mpmath at 90 digits resolves m = 61 (SPEC H5 table).
    c = hv.hermite_coefficient("sigmoid", 61, dps=30)
    ref = mp_coefficient(MP["sigmoid"], 61, dps=90)
    assert_certified(c, mpmath.nstr(ref, 45, strip_zeros=False), 30)
    # SPEC H5: log|c_61| + π√61 = 1.97
    assert abs(mpmath.log(abs(ref)) + mpmath.pi * mpmath.sqrt(61) - mpmath.mpf("1.97")) < 0.005


def test_parity_zeros_are_exact():
    cs = hv.hermite_coefficients("tanh", 10, dps=20)
    assert all(cs[m].is_exact_zero() for m in range(0, 11, 2))
    cs = hv.hermite_coefficients("sigmoid", 10, dps=20)
    assert_certified(cs[0], sp.Rational(1, 2), 20)                # c_0 = E[σ(g)] = 1/2 (σ(t) - 1/2 is odd)
    assert all(cs[m].is_exact_zero() for m in range(2, 11, 2))


def test_physicists_normalisation_numeric():
    # d_m = ∫ tanh(x) H_m(x) e^{-x²} dx / (√π 2^m m!)  (mpmath reference)
    for m in (1, 3):
        with mpmath.workdps(40):
            ref = mpmath.quad(lambda x: mpmath.tanh(x) * mpmath.hermite(m, x) * mpmath.exp(-x * x), [-mpmath.inf, mpmath.inf])
            ref /= mpmath.sqrt(mpmath.pi) * 2 ** m * mpmath.factorial(m)
        c = hv.hermite_coefficient("tanh", m, dps=25, normalization="physicists")
        assert_certified(c, mpmath.nstr(ref, 30, strip_zeros=False), 25, what=m)


def test_exact_route_and_quadrature_route_agree_on_gelu():
    exact = hv.hermite_coefficients("gelu", 10)
    num = hv.hermite_coefficients("gelu", 10, dps=30, algorithm="quadrature")
    for e, c in zip(exact, num):
        assert_certified(c, e, 30)


def test_auto_route_for_exact_class_is_an_enclosure_of_the_closed_form():
    c = hv.hermite_coefficient("relu", 4, dps=50)
    assert isinstance(c, hv.Enclosure)
    assert_certified(c, -1 / (4 * sp.sqrt(3 * sp.pi)), 50)


def test_growth_bound_supplied_by_the_user():
    x = sp.Symbol("x")
    # tanh(x)·cos(x) is bounded by 1; the automatic bound works too, but a user bound must be honoured
    act = hv.activation(sp.tanh(x) * sp.cos(x), x, growth=(1, 0, 0))
    c = hv.hermite_coefficient(act, 1, dps=20)
    ref = mp_coefficient(lambda y: mpmath.tanh(y) * mpmath.cos(y), 1)
    assert_certified(c, mpmath.nstr(ref, 25, strip_zeros=False), 20)


def test_false_user_growth_bound_is_refused():
    # log t is unbounded at 0+: the supplied bound (10, 1, 0) is false there, and is refused, never trusted
    x = sp.Symbol("x")
    bad = hv.activation(sp.Piecewise((sp.log(x), x > 0), (0, True)), x, growth=(10, 1, 0))
    with pytest.raises(errors.DomainError, match="is false"):
        hv.hermite_coefficient(bad, 0, dps=10)


# -- (moved from test_review_core.py)
def test_degrees_beyond_the_largest_rule_fail_fast():
    # a 512-point rule integrates degree ≤ 1023 exactly: beyond it no bisection can help, and the
    # planner used to bisect to depth 200 (about a minute) before a misleading "not analytic" error;
    # now the degree is refused up front (MAX_NUMERIC_DEGREE = 1023)
    with pytest.raises(errors.ResourceLimit, match="at most 1023.*got 1030"):
        hv.hermite_coefficients("sigmoid", 1030, dps=5)


_NUMERIC_CASES = {
    "relu(t - sqrt2)": (sp.Max(0, t - sp.sqrt(2)), (sp.sqrt(2),)),        # irrational kink
    "sigmoid(2t - 1)": (1 / (1 + sp.exp(-2 * t + 1)), ()),                 # poles at t = 1/2 ± iπ/2
    "sqrt relu": (sp.Piecewise((0, t < 0), (sp.sqrt(t), True)), (0,)),    # √ singularity at the kink
}


_SLOW_NUMERIC_CASES = {
    "erf(-3t/2 + 1/3)": (sp.erf(-sp.Rational(3, 2) * t + sp.Rational(1, 3)), ()),
    "1/(1+t^2)": (1 / (1 + t ** 2), ()),                                   # even; poles at ±i
    "tanh(3t + 1/2)": (sp.tanh(3 * t + sp.Rational(1, 2)), ()),
    "cbrt relu": (sp.Piecewise((0, t < 0), (t ** sp.Rational(1, 3), True)), (0,)),
    "softplus": (sp.log(1 + sp.exp(t)), ()),
    "sech^2": (sp.sech(t) ** 2, ()),
    "gelu(t - 1/2)": ((t - sp.Rational(1, 2)) * (1 + sp.erf((t - sp.Rational(1, 2)) / sp.sqrt(2))) / 2, ()),
    "sign(t^2 - 2) exp(-t)": (sp.sign(t ** 2 - 2) * sp.exp(-t), (-sp.sqrt(2), sp.sqrt(2))),
}


def _check_numeric(expr, kinks, M=5, dps=20):
    a = hv.activation(expr)
    cs = hv.hermite_coefficients(a, M, dps=dps, algorithm="quadrature")
    for m, c in enumerate(cs):
        # mpmath at 60 digits, compared with its own error (≤ 10^-50): the certified balls are often far
        # narrower than requested (radius 3.5e-42 for c_0 of softplus at dps = 20), narrower than a
        # 40-digit reference is accurate, so exact containment of a 40-digit mpf wrongly failed there
        ref = mp_c(expr, m, kinks, dps=60)
        if c.is_exact_zero():                       # a parity zero: the reference must vanish too
            assert abs(ref) < mpmath.mpf("1e-40") and a.parity.vanishes(m), (m, ref)
            continue
        # dps digits, or the absolute rule at a zero (the ball contains 0 with radius ≤ 10^-dps)
        assert_certified(c, ref, dps, err=mpmath.mpf(10) ** -50, zero_scale=1, what=m)


@pytest.mark.parametrize("name", list(_NUMERIC_CASES))
def test_certified_coefficients_against_mpmath(name):
    _check_numeric(*_NUMERIC_CASES[name])


@pytest.mark.slow
@pytest.mark.parametrize("name", list(_SLOW_NUMERIC_CASES))
def test_certified_coefficients_against_mpmath_slow(name):
    _check_numeric(*_SLOW_NUMERIC_CASES[name])


def test_certified_physicists_coefficients_against_mpmath():
    # d_m with σ = Σ d_m H_m in L²(e^{-x²}): d_m = ∫ σ H_m e^{-x²} dx / (√π 2^m m!)  (mpmath.hermite is H_m)
    expr = sp.Max(0, t - sp.Rational(1, 3))
    ds = hv.hermite_coefficients(hv.activation(expr), 5, dps=20, normalization="physicists", algorithm="quadrature")
    exact = hv.hermite_coefficients(hv.activation(expr), 5, normalization="physicists")
    with mpmath.workdps(40):
        for m, d in enumerate(ds):
            v = mpmath.quad(lambda x: (x - mpmath.mpf(1) / 3) * mpmath.hermite(m, x) * mpmath.exp(-x * x),
                            [mpmath.mpf(1) / 3, 4, mpmath.inf])
            ref = v / (mpmath.sqrt(mpmath.pi) * 2 ** m * mpmath.factorial(m))
            assert_certified(d, ref, 20, what=m)
            assert_certified(d, exact[m], 20, what=m)
