"""Certified norms and inner products under the uniform sphere for non-homogeneous activations (SPEC F5, G3, §9.4).

Reference values are independent of hardverify's integration code: float64 product Gauss–Legendre rules written
here with numpy (the marginal of k coordinates of U(S^{n-1}) has density ∝ (1 - |y|²)^{(n-k-2)/2} on the unit
ball of R^k: n = 3 is the sphere S² itself, (n, k) = (5, 3) and (4, 2) are the uniform ball and disk, SPEC F3),
compared with their float error allowed (err=); mpmath 1-D quadrature of ν_n (SPEC §0.2) for k = 1; the leading
Taylor term at large n (evidence); seeded Monte Carlo (evidence).
"""

import itertools
import math

import mpmath
import numpy as np
import pytest
import sympy as sp
from helpers import assert_certified
from hypothesis import given, settings
from hypothesis import strategies as st

import hardverify as hv
from hardverify.checks import certify_family
from hardverify.constructions.goel2020 import GGJKK
from hardverify.errors import DomainError, NoClosedForm, NotCertified
from hardverify.networks import MonteCarloEstimate, Network

DPS = 30
NP = {
    "tanh": np.tanh,
    "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
    "erf": np.vectorize(math.erf, otypes=[float]),
    "softplus": lambda z: np.log1p(np.exp(z)),
    "gelu": np.vectorize(lambda z: z * (1 + math.erf(z / math.sqrt(2))) / 2, otypes=[float]),
}
MP = {"tanh": mpmath.tanh, "sigmoid": lambda z: 1 / (1 + mpmath.exp(-z)), "erf": mpmath.erf}


# ------------------------------------------------------------------------------------- numpy references
def sphere_rule(m=100):
    """Nodes (N, 3) and weights on S² for the uniform probability measure: Gauss–Legendre in cos θ, trapezoid in φ."""
    x, w = np.polynomial.legendre.leggauss(m)
    ph = 2 * np.pi * np.arange(2 * m) / (2 * m)
    T, P = np.meshgrid(np.arccos(x), ph, indexing="ij")
    X = np.stack([np.sin(T) * np.cos(P), np.sin(T) * np.sin(P), np.cos(T)], -1).reshape(-1, 3)
    return X, (np.outer(w, np.ones(2 * m)) / (4 * m)).ravel()


def ball_rule(m=60):
    """Nodes and weights for the uniform probability measure on the unit ball of R³ (density 3r² dr on [0, 1])."""
    X, W = sphere_rule(m)
    r, wr = np.polynomial.legendre.leggauss(m)
    r, wr = (r + 1) / 2, wr / 2 * 3 * ((r + 1) / 2) ** 2
    return (r[:, None, None] * X[None]).reshape(-1, 3), (wr[:, None] * W[None]).ravel()


def disk_rule(m=120):
    """Nodes and weights for the uniform probability measure on the unit disk (density 2r dr dφ/(2π))."""
    r, wr = np.polynomial.legendre.leggauss(m)
    r, wr = (r + 1) / 2, wr / 2 * 2 * (r + 1) / 2
    ph = 2 * np.pi * np.arange(2 * m) / (2 * m)
    R, P = np.meshgrid(r, ph, indexing="ij")
    return np.stack([R * np.cos(P), R * np.sin(P)], -1).reshape(-1, 2), (np.outer(wr, np.ones(2 * m)) / (2 * m)).ravel()


def ggjkk_np(act, k, Y, radius=1.0):
    """f_S(radius·y) = Σ_w χ(w) σ(radius ⟨w, y⟩/√k) on the first k coordinates of the rows of Y."""
    out = np.zeros(len(Y))
    for w in itertools.product((1, -1), repeat=k):
        out += math.prod(w) * NP[act](radius * (Y[:, :k] @ np.array(w, float)) / math.sqrt(k))
    return out


def mp_k1(act, n):
    """E_{U_n}[f_S²] for k = 1: f = σ(x_1) - σ(-x_1), x_1 ~ ν_n (mpmath, 1-D)."""
    with mpmath.workdps(40):
        c = mpmath.gamma(mpmath.mpf(n) / 2) / (mpmath.sqrt(mpmath.pi) * mpmath.gamma(mpmath.mpf(n - 1) / 2))
        f = MP[act]
        return c * mpmath.quad(lambda t: (f(t) - f(-t)) ** 2 * (1 - t * t) ** (mpmath.mpf(n - 3) / 2), [-1, 0, 1])


# ------------------------------------------------------------------------------------- GGJKK norms
@pytest.mark.parametrize("act", ["tanh", "sigmoid", "erf"])
@pytest.mark.parametrize("n", [3, 10, 100])
def test_k1_against_mpmath(act, n):
    assert_certified(GGJKK(1, act).norm2(dist=hv.UniformSphere(n), dps=DPS), mp_k1(act, n), DPS,
                     err=mpmath.mpf(10) ** -35)


@pytest.mark.parametrize("act", ["tanh", "sigmoid", "erf"])
def test_k3_on_the_two_sphere_against_gauss_legendre(act):
    X, W = sphere_rule()
    ref = float((W * ggjkk_np(act, 3, X) ** 2).sum())
    assert_certified(GGJKK(3, act).norm2(dist=hv.UniformSphere(3), dps=DPS), mpmath.mpf(ref), DPS,
                     err=mpmath.mpf(1e-13) * abs(ref))


@pytest.mark.parametrize("act", ["tanh", "erf"])
def test_k3_at_n5_is_the_uniform_ball(act):
    X, W = ball_rule()
    ref = float((W * ggjkk_np(act, 3, X) ** 2).sum())
    assert_certified(GGJKK(3, act).norm2(dist=hv.UniformSphere(5), dps=DPS), mpmath.mpf(ref), DPS,
                     err=mpmath.mpf(1e-12) * abs(ref))


@pytest.mark.parametrize("act", ["softplus", "gelu"])
def test_even_k_at_n4_is_the_uniform_disk(act):
    # softplus - t/2 and the non-linear part of GELU are even: f_S ≢ 0 for even k (SPEC G2)
    X, W = disk_rule()
    ref = float((W * ggjkk_np(act, 2, X) ** 2).sum())
    assert_certified(GGJKK(2, act).norm2(dist=hv.UniformSphere(4), dps=DPS), mpmath.mpf(ref), DPS,
                     err=mpmath.mpf(1e-12) * abs(ref))


@pytest.mark.parametrize("act", ["tanh", "sigmoid"])
def test_uniform_ball_is_the_sphere_two_dimensions_up(act):
    # the uniform ball of R^n is the marginal of U(S^{n+1}); reference: the ball rule of R³ directly
    X, W = ball_rule()
    ref = float((W * ggjkk_np(act, 3, X) ** 2).sum())
    assert_certified(GGJKK(3, act).norm2(dist=hv.UniformBall(3), dps=DPS), mpmath.mpf(ref), DPS,
                     err=mpmath.mpf(1e-12) * abs(ref))
    # ... and on the ball of radius 2 in R², an inner product with a bias (the disk rule)
    f = Network([[1, 0], [1, -1]], act, biases=[0, sp.Rational(1, 3)], outputs=[2, -1])
    Y, V = disk_rule()
    F = 2 * NP[act](2 * Y[:, 0]) - NP[act](2 * (Y[:, 0] - Y[:, 1]) + 1 / 3)
    assert_certified(hv.inner_product(f, f, hv.UniformBall(2, radius=2), dps=20), mpmath.mpf(float((V * F * F).sum())),
                     20, err=mpmath.mpf(1e-12))


def test_radius_and_inner_scale():
    # x on the sphere of radius 1/2 and hidden weights of norm r = s√k = 2: σ(rR⟨ŵ, θ⟩) = σ(⟨ŵ, θ⟩)
    X, W = sphere_rule()
    ref = float((W * ggjkk_np("tanh", 3, X) ** 2).sum())
    g = GGJKK(3, "tanh", inner_scale=2 / sp.sqrt(3), outer_scale=sp.Rational(1, 8))
    assert_certified(g.norm2(dist=hv.UniformSphere(3, radius=sp.Rational(1, 2)), dps=DPS), mpmath.mpf(ref) / 64, DPS,
                     err=mpmath.mpf(1e-13) * abs(ref))


@pytest.mark.parametrize("act, k", [("sigmoid", 2), ("tanh", 4), ("gelu", 3), ("softplus", 5)])
def test_parity_zeros_are_exact(act, k):
    # SPEC G2: σ's parity kills every μ_ℓ with ℓ ≥ k, ℓ ≡ k, and D_ℓ = 0 for ℓ < k
    assert GGJKK(k, act).norm2(dist=hv.UniformSphere(7), dps=DPS).is_exact_zero()


@pytest.mark.parametrize("act", ["tanh", "sigmoid", "erf"])
@pytest.mark.parametrize("n", [10 ** 4, 10 ** 6])
@pytest.mark.parametrize("k", [3, 7])
def test_large_n_leading_term_evidence(act, n, k):
    # evidence, not a proof: f_S = σ_k k! 2^k k^{-k/2} x_1⋯x_k + O(|x|^{k+2}) (SPEC G2's lowest component, σ_k the
    # Taylor coefficient), E_{U_n}[x_1²⋯x_k²] = 1/(n(n+2)⋯(n+2k-2)); the relative correction is O(1/n) (measured:
    # about -8/n, -2/n, -6/n at k = 3 and -29/n, -7/n, -14/n at k = 7), here bounded by k²/n.  The values are
    # tiny (≈ 10⁻⁴⁴ at k = 7, n = 10⁶) and must still have their relative digits.
    a = hv.activation(act)
    sk = sp.diff(a.expr, hv.t, k).subs(hv.t, 0) / sp.factorial(k)
    lead = (sk * sp.factorial(k) * 2 ** k / sp.sqrt(k) ** k) ** 2 / sp.prod([n + 2 * i for i in range(k)])
    v = GGJKK(k, act).norm2(dist=hv.UniformSphere(n), dps=DPS)
    assert v.rel_accuracy_digits() >= DPS
    assert abs(float(v / hv.enclose(lead, 40)) - 1) <= k ** 2 / n


def test_k5_at_a_million_dimensions():
    v = GGJKK(5, "tanh").norm2(dist=hv.UniformSphere(10 ** 6), dps=DPS)
    assert v.rel_accuracy_digits() >= DPS and v.is_positive()
    assert GGJKK(5, "tanh").norm2(dist=hv.UniformSphere(10 ** 6), dps=DPS, algorithm="series").ball.overlaps(v.ball)


def test_series_route_is_independent_and_agrees():
    a = GGJKK(3, "sigmoid").norm2(dist=hv.UniformSphere(6), dps=DPS)
    b = GGJKK(3, "sigmoid").norm2(dist=hv.UniformSphere(6), dps=DPS, algorithm="series")
    assert a.rel_accuracy_digits() >= DPS and b.rel_accuracy_digits() >= DPS and a.ball.overlaps(b.ball)


def test_spectral_sum_equals_the_dual_term_sum():
    # G3 on the sphere: 2^k Σ_j (-1)^j C(k,j) K(1 - 2j/k; n), each kernel certified on its own (a different
    # summation from norm2's exact D_ℓ = Σ_j (-1)^j C(k,j) P_ℓ(1 - 2j/k))
    g, n = GGJKK(3, "tanh"), 8
    parts = [w * hv.random_feature_kernel("tanh", n, rho, dps=45) for w, rho in g.dual_terms()]
    total = 8 * sum(parts[1:], parts[0])
    assert_certified(g.norm2(dist=hv.UniformSphere(n), dps=DPS), total.ball, 20)


def test_monte_carlo_evidence():
    g = GGJKK(3, "tanh")
    f = g.network((1, 2, 3), 5)
    mc = hv.monte_carlo_inner(f, f, hv.UniformSphere(5), samples=200_000, seed=7)
    assert mc.consistent_with(g.norm2(dist=hv.UniformSphere(5), dps=20))


def test_certify_family_reports_a_certified_norm():
    # issue 10, item 8: GGJKK(3, "tanh") under U(S^49): orthogonality PROVED, the norm certified with dps=
    v = certify_family(GGJKK(3, "tanh"), 50, hv.UniformSphere(50), dps=20)
    assert v.status is hv.Status.CERTIFIED and "c = [" in v.evidence
    exact = certify_family(GGJKK(3, "tanh"), 50, hv.UniformSphere(50))
    assert exact.status is hv.Status.PROVED and "pass dps=" in exact.evidence


# ------------------------------------------------------------------------------------- inner products
def test_inner_product_with_biases_norms_and_a_constant_unit():
    f = Network([[1, 1, 0], [0, 1, -1]], "tanh", biases=[sp.Rational(1, 2), 0], outputs=[1, -2])
    g = Network([[1, 0, 0], [0, 0, 0]], "sigmoid", biases=[0, 1], outputs=[3, 1])
    X, W = sphere_rule(120)
    F = np.tanh(X[:, 0] + X[:, 1] + 0.5) - 2 * np.tanh(X[:, 1] - X[:, 2])
    G = 3 * NP["sigmoid"](X[:, 0]) + NP["sigmoid"](1.0)
    ref = float((W * F * G).sum())
    assert_certified(hv.inner_product(f, g, hv.UniformSphere(3), dps=25), mpmath.mpf(ref), 25,
                     err=mpmath.mpf(1e-13))
    # the same pair on the sphere of radius 1/2: σ(⟨w, x⟩) = σ(⟨w, θ⟩/2)
    F2 = np.tanh((X[:, 0] + X[:, 1]) / 2 + 0.5) - 2 * np.tanh((X[:, 1] - X[:, 2]) / 2)
    G2 = 3 * NP["sigmoid"](X[:, 0] / 2) + NP["sigmoid"](1.0)
    ref2 = float((W * F2 * G2).sum())
    assert_certified(hv.inner_product(f, g, hv.UniformSphere(3, radius=sp.Rational(1, 2)), dps=25), mpmath.mpf(ref2),
                     25, err=mpmath.mpf(1e-13))


def test_inner_product_of_ggjkk_members():
    g = GGJKK(3, "tanh")
    f = g.network((1, 2, 3), 6)
    assert_certified(hv.inner_product(f, f, hv.UniformSphere(6), dps=DPS), g.norm2(dist=hv.UniformSphere(6), dps=40).ball,
                     DPS)
    h = g.network((2, 3, 4), 6)                         # S ≠ T: exactly orthogonal (G1); certified ≈ 0
    e = hv.inner_product(f, h, hv.UniformSphere(6), dps=DPS)
    assert e.contains(0) and e.rad < mpmath.mpf(10) ** -DPS


def test_mixed_activations_series_route():
    f = Network([[1, 0], [1, 1]], "erf", outputs=[1, 1], scale=sp.Rational(1, 2))
    g = Network([[0, 1]], "gelu", biases=[sp.Rational(-1, 4)])
    a = hv.inner_product(f, g, hv.UniformSphere(2), dps=20)
    b = hv.inner_product(f, g, hv.UniformSphere(2), dps=20, algorithm="series")
    assert a.rel_accuracy_digits() >= 20 and a.ball.overlaps(b.ball)
    # n = 2: x = (cos θ, sin θ), mpmath 1-D
    with mpmath.workdps(30):
        def fg(th):
            c, s = mpmath.cos(th), mpmath.sin(th)
            gelu = (s - 0.25) * (1 + mpmath.erf((s - 0.25) / mpmath.sqrt(2))) / 2
            return (mpmath.erf(c / 2) + mpmath.erf((c + s) / 2)) * gelu
        ref = mpmath.quad(fg, mpmath.linspace(0, 2 * mpmath.pi, 9)) / (2 * mpmath.pi)
    assert_certified(a, ref, 20, err=mpmath.mpf(10) ** -25)


UNIT = st.tuples(st.integers(-2, 2), st.integers(-2, 2), st.integers(-3, 3))     # (w1, w2, 4·bias)


@settings(max_examples=4, deadline=None)
@given(units=st.lists(UNIT, min_size=1, max_size=3), act=st.sampled_from(["tanh", "erf", "sigmoid"]))
def test_random_networks_on_the_circle_against_mpmath(units, act):
    # E_{U(S¹)}[f²] for f = Σ_i σ(⟨w_i, x⟩ + b_i) (zero rows and repeated units allowed), mpmath 1-D at 30 digits
    f = Network([[a, b] for a, b, _ in units], act, biases=[sp.Rational(c, 4) for _, _, c in units])
    with mpmath.workdps(30):
        def sq(th):
            x = (mpmath.cos(th), mpmath.sin(th))
            return sum(MP[act](a * x[0] + b * x[1] + mpmath.mpf(c) / 4) for a, b, c in units) ** 2
        ref = mpmath.quad(sq, mpmath.linspace(0, 2 * mpmath.pi, 17)) / (2 * mpmath.pi)
    assert_certified(hv.inner_product(f, f, hv.UniformSphere(2), dps=15), ref, 15, err=mpmath.mpf(10) ** -25)


# ------------------------------------------------------------------------------------- refusals
def test_other_radius_laws_are_refused_with_a_runnable_hint():
    for dist in (hv.Radial(5, hv.RadiusLaw.power(3)), hv.Radial(5, hv.RadiusLaw.chi(3))):
        with pytest.raises(NotCertified, match="radius law") as err:
            GGJKK(3, "tanh").norm2(dist=dist, dps=20)
        code = str(err.value).split("run: ")[1]
        out = {}
        exec(code.replace("print(", "result = ("), out)       # the printed suggestion runs as printed
        assert isinstance(out["result"], MonteCarloEstimate)


@pytest.mark.parametrize("call, error, message", [
    (lambda: GGJKK(3, "tanh").norm2(dist=hv.UniformSphere(5)), NoClosedForm, "pass dps="),
    (lambda: GGJKK(3, "tanh").norm2(dist=hv.UniformSphere(5), dps=10, algorithm="exact"), NoClosedForm,
     "closed form"),
    (lambda: GGJKK(3, "tanh").norm2(dist=hv.UniformSphere(2), dps=10), DomainError, "k = 3"),
    (lambda: GGJKK(1, hv.activation(sp.Max(0, hv.t - sp.Rational(1, 10)))).norm2(dist=hv.UniformSphere(3), dps=10),
     NotCertified, "converges too slowly"),
    (lambda: hv.inner_product(Network([[1, 0]], "tanh"), Network([[1, 0]], "tanh"), hv.UniformSphere(2)),
     NoClosedForm, "pass dps="),
    (lambda: hv.inner_product(Network([[1, 0]], "tanh"), Network([[1, 0]], "tanh"), hv.UniformSphere(2), dps=10,
                              algorithm="exact"), NoClosedForm, "closed form"),
    (lambda: hv.inner_product(Network([[1, 0]], "tanh"), Network([[1, 0]], "tanh"),
                              hv.Radial(2, hv.RadiusLaw.pareto(3)), dps=10), NotCertified, "radius law"),
])
def test_bad_input(call, error, message):
    with pytest.raises(error, match=message):
        call()
