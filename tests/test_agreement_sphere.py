"""Agreement of the exact, certified-quadrature and certified-series sphere layers (SPEC F3–F5, H6).

The quadrature route never looks at the symbolic layer; the series route uses exact moments (F2.4) but
no closed form of any eigenvalue; so agreement is a genuine cross-check.  A float route (Gauss–Jacobi
nodes from scipy.special.roots_jacobi, SPEC §9.3) is shown as evidence only, with a float tolerance.
"""

import numpy as np
import pytest
import scipy.special
import sympy as sp
from flint import ctx
from helpers import assert_certified, assert_encloses

import hardverify as hv
from hardverify import sphere
from hardverify.symbolic.funk_hecke import eigen_forms

t = hv.t

PIECEWISE = {
    "relu": hv.activation("relu"),
    "step": hv.activation("step"),
    "sign": hv.activation("sign"),
    "leaky": hv.activation("leaky_relu", slope=sp.Rational(1, 10)),
    "relu2": hv.activation(sp.Max(0, t) ** 2),
    "shifted": hv.activation(sp.Max(0, t + sp.Rational(2, 5))),
    "irrational_kink": hv.activation(sp.Abs(t - sp.sqrt(2) / 3)),
    "cubic": hv.activation(t ** 3 - t / 2 + 1),
}


KINK_AT_ZERO = ["relu", "step", "sign", "leaky", "relu2", "cubic"]


@pytest.mark.parametrize("name,n", [(a, n) for a in sorted(PIECEWISE) for n in (2, 3, 4, 7, 100, 1000)]
                         + [(a, 10 ** 6) for a in KINK_AT_ZERO])
def test_exact_vs_quadrature(name, n):
    act = PIECEWISE[name]
    quad = sphere.funk_hecke_eigenvalues(act, n, 12, dps=25, algorithm="quadrature")
    forms = eigen_forms(act, n, 12)
    with ctx.workprec(400):
        for k, (q, f) in enumerate(zip(quad, forms)):
            exact = f.to_arb()
            if f.is_zero():
                assert_encloses(q, exact, what=k)
                continue
            # dps digits, or the certified bound |μ_k| ≤ 10^-25 (a value far below its size)
            assert_certified(q, exact, 25, bound_scale=1, what=k)


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "erf", "gelu", "softplus", "silu"])
@pytest.mark.parametrize("n", [3, 8, 1000])
def test_series_vs_quadrature(name, n):
    a = sphere.funk_hecke_eigenvalues(name, n, 10, dps=25, algorithm="series")
    b = sphere.funk_hecke_eigenvalues(name, n, 10, dps=25, algorithm="quadrature")
    for x, y in zip(a, b):
        assert x.is_exact_zero() == y.is_exact_zero()
        assert x.ball.overlaps(y.ball)


def test_auto_picks_exact_for_piecewise_polynomials():
    e = sphere.funk_hecke("relu", 10 ** 6, 1000, dps=50)
    q = sphere.funk_hecke("relu", 10 ** 6, 1000)          # the exact rational/π
    assert_certified(e, q, 50)


def test_h6_certified_against_hermite():
    for act in ("relu", "step"):
        for k in (2, 3, 4, 5):
            s = sphere.gaussian_scaled_eigenvalue(act, 10 ** 6, k, dps=25, algorithm="quadrature")
            c = hv.hermite_coefficient(act, k, dps=25, algorithm="quadrature")
            if c.is_exact_zero():
                assert s.is_exact_zero()
                continue
            rel = abs(float(s.mid) / float(c.mid) - 1)
            assert rel < k * k * 1e-6                         # SPEC H6: the ratio tends to 1, error O(1/n)


@pytest.mark.parametrize("n", [5, 10, 100])
def test_gauss_jacobi_float_evidence(n):
    # evidence only: scipy's Gauss–Jacobi nodes for (1-t)^α(1+t)^α, α = (n-3)/2 (SPEC §9.3)
    x, w = scipy.special.roots_jacobi(80, (n - 3) / 2, (n - 3) / 2)
    cn = float(sp.gamma(sp.Rational(n, 2)) / (sp.sqrt(sp.pi) * sp.gamma(sp.Rational(n - 1, 2))))
    sig = 1 / (1 + np.exp(-x))
    cert = sphere.funk_hecke_eigenvalues("sigmoid", n, 7, dps=20)
    for k in range(8):
        P = sp.lambdify(t, sphere.legendre_polynomial(n, k), "numpy")(x)
        approx = cn * np.sum(w * sig * P)
        assert abs(approx - float(cert[k].mid)) < 1e-13


# -- (moved from test_review_sphere.py)
def test_arcsine_law_n2_step_all_routes():
    # n = 2 (Chebyshev, arcsine marginal): μ_k(step) = sin(kπ/2)/(kπ), μ_0 = 1/2 (direct integration in θ)
    ref = [sp.Rational(1, 2)] + [sp.sin(k * sp.pi / 2) / (k * sp.pi) for k in range(1, 9)]
    assert sphere.funk_hecke_eigenvalues("step", 2, 8) == ref
    for alg in ("exact", "quadrature"):
        mus = sphere.funk_hecke_eigenvalues("step", 2, 8, dps=30, algorithm=alg)
        for k, (m, r) in enumerate(zip(mus, ref)):
            if r == 0:
                assert m.is_exact_zero(), (alg, k)
            else:
                assert_certified(m, r, 30, what=(alg, k))
