"""Planted errors in the sphere claims (SPEC §0.2, §2 F1–F5, H6, §8 V9–V11): each must be REFUTED.

Every function is a negative control with the planted error switched on by default; with
``planted=False`` it checks the correct statement by the same code path (see ``_planted.py``).
Kinds: values off by one ulp at 50 digits (closed form and series-only), the surface instead of the
normalised measure, dimensions off by one (a table for the wrong n, the harmonic dimension of R^{n-1},
the Gegenbauer index λ = (n-1)/2, the marginal exponent (n-2)/2), the orthogonality constant of n = 3
used at n = 5, a sign flip, a hidden weight that is not unit norm, a non-uniform law on the sphere
(the cross-polytope ±e_i), and an enclosure radius shrunk below its error.
"""

import functools
import runpy
from pathlib import Path

import mpmath
import sympy as sp

import hardverify as hv
from hardverify import checks, sphere
from hardverify.symbolic import harmonics as H

P = runpy.run_path(str(Path(__file__).with_name("_planted.py")))
t = hv.t
mutant = P["mutant"]


@functools.lru_cache(maxsize=None)
def _mu(act, n, k, dps, algorithm="auto"):
    return sphere.funk_hecke(act, n, k, dps=dps, algorithm=algorithm)


def F4_relu(n, l):
    """SPEC F4 closed form of μ_ℓ(ReLU; n) for even ℓ = 2q + 2 (normalised measure)."""
    q = (l - 2) // 2
    n = sp.Integer(n)
    return (-1) ** q * sp.factorial(2 * q) * sp.gamma(n / 2) / (
        sp.sqrt(sp.pi) * 2 ** (2 * q + 2) * sp.factorial(q) * sp.gamma(q + (n + 3) / 2))


# ------------------------------------------------------------------------ one ulp at 50 digits
@functools.lru_cache(maxsize=None)
def _mu2_relu4_digits():
    with mpmath.workdps(80):                     # SPEC F4 table: μ_2(ReLU; 4) = 2/(15π)
        return P["off_by_one_ulp"](2 / (15 * mpmath.pi))


@mutant("V10b", "ulp", "μ_2(ReLU; 4) printed to 50 digits with the last digit off by one",
       note="reference: 2/(15π) by mpmath at 80 digits; hardverify: certified quadrature at 60 digits")
def ulp_relu_mu2(planted=True):
    good, wrong = _mu2_relu4_digits()
    return checks.matches(_mu("relu", 4, 2, 60, "quadrature"), wrong if planted else good)


@functools.lru_cache(maxsize=None)
def _mu3_sigmoid10_digits():
    n, k = 10, 3
    x = sp.Symbol("x")
    C = sp.gegenbauer(k, sp.Rational(n - 2, 2), x)          # sympy's Gegenbauer polynomial (independent)
    Pk = sp.lambdify(x, sp.expand(C / C.subs(x, 1)), "mpmath")
    with mpmath.workdps(75):                     # no closed form: mpmath.quad
        cn = mpmath.gamma(mpmath.mpf(n) / 2) / (mpmath.sqrt(mpmath.pi) * mpmath.gamma(mpmath.mpf(n - 1) / 2))
        f = lambda y: Pk(y) * (1 - y * y) ** (mpmath.mpf(n - 3) / 2) / (1 + mpmath.exp(-y))  # noqa: E731
        return P["off_by_one_ulp"](cn * mpmath.quad(f, [-1, 0, 1]))


@mutant("F4", "ulp", "μ_3(sigmoid; 10) printed to 50 digits with the last digit off by one",
       note="reference: mpmath.quad at 75 digits with sympy's Gegenbauer polynomial; hardverify: the series route at 60 digits")
def ulp_sigmoid_mu3(planted=True):
    good, wrong = _mu3_sigmoid10_digits()
    return checks.matches(_mu("sigmoid", 10, 3, 60), wrong if planted else good)


# ------------------------------------------------------------------------ measures and constants
@mutant("F4", "convention", "μ_2(ReLU; 5) for the normalised measure taken as |S⁴|·(SPEC F4) (the surface eigenvalue λ_2)")
def surface_measure(planted=True):
    n = 5
    claimed = F4_relu(n, 2) * (2 * sp.pi ** sp.Rational(n, 2) / sp.gamma(sp.Rational(n, 2)) if planted else 1)
    return checks.agrees(_mu("relu", n, 2, 30, "quadrature"), claimed)


@mutant("F2", "normalisation", "E_ν5[P_2²] = 1/(2ℓ+1) = 1/5: Legendre's n = 3 constant used at n = 5 (true: 1/N(5,2) = 1/14)")
def orthogonality_constant(planted=True):
    n, l = 5, 2
    poly = sp.Poly(sphere.legendre_polynomial(n, l), t)
    value = sum(c * hv.sphere_moment(n, (i,)) for (i,), c in (poly * poly).terms())     # exact moments
    claimed = sp.Rational(1, 2 * l + 1) if planted else sp.Rational(1, 14)             # SPEC F1 table: N(5,2) = 14
    return checks.exact_equal(value, claimed)


# ------------------------------------------------------------------------ dimensions off by one
@mutant("F4", "off by one", "μ_4(ReLU; 4) = -1/96: the n = 3 entry of the SPEC F4 table used at n = 4")
def table_wrong_dimension(planted=True):
    claimed = sp.Rational(-1, 96) if planted else -2 / (105 * sp.pi)
    return checks.exact_equal(sphere.funk_hecke("relu", 4, 4), claimed)


@mutant("F1", "off by one", "dim H_2 on S³ ⊂ R⁴ = N(3, 2) = 5 (the harmonic dimension of R^{n-1}), by the rank of the "
             "harmonic projections of the quadratic monomials")
def harmonic_dimension_off_by_one(planted=True):
    def N(n, l):                                # SPEC F1, evaluated here (independent of hardverify)
        return sp.binomial(n + l - 1, l) - sp.binomial(n + l - 3, l - 2)
    _, basis, _ = H.harmonic_basis(4, 2)
    return checks.exact_equal(len(basis), N(3, 2) if planted else N(4, 2))


@mutant("F2", "off by one", "P_3^(5)(3/10) with the Gegenbauer index λ = (n-1)/2 instead of (n-2)/2",
       note="the claimed value uses sympy's gegenbauer (independent of hardverify); checked against the "
            "certified ball recurrence at 30 digits")
def gegenbauer_index(planted=True):
    n, k, x = 5, 3, sp.Rational(3, 10)
    lam = sp.Rational(n - 1, 2) if planted else sp.Rational(n - 2, 2)
    claimed = sp.gegenbauer(k, lam, x) / sp.gegenbauer(k, lam, 1)
    return checks.agrees(sphere.legendre_polynomial(n, k, "0.3", dps=30), claimed)


@mutant("§0.2", "off by one", "the marginal of U(S⁴) taken as ∝ (1-t²)^{(n-2)/2}: E[x_1²] = 1/6 (true: 1/n = 1/5)")
def marginal_exponent(planted=True):
    n = 5
    a = sp.Rational(n - 2 if planted else n - 3, 2)
    # E[t²] for the density ∝ (1-t²)^a on [-1, 1]: B(3/2, a+1)/B(1/2, a+1)
    claimed = sp.gammasimp(sp.gamma(sp.Rational(3, 2)) * sp.gamma(a + 1) / sp.gamma(a + sp.Rational(5, 2))
                           / (sp.gamma(sp.Rational(1, 2)) * sp.gamma(a + 1) / sp.gamma(a + sp.Rational(3, 2))))
    return checks.exact_equal(hv.sphere_moment(n, (2,)), claimed)


# ------------------------------------------------------------------------ a sign, a weight
@mutant("V10c", "sign", "μ_3(step; 3) = +1/16 (sign flipped)")
def sign_flip_step(planted=True):
    return checks.agrees(_mu("step", 3, 3, 30, "quadrature"), sp.Rational(1 if planted else -1, 16))


@mutant("F4", "weight", "μ_2 of ReLU(w·t) at n = 7 with the hidden weight w = 1 + 10⁻³ taken as a unit vector")
def perturbed_weight(planted=True):
    w = 1 + sp.Rational(1, 1000) if planted else sp.Integer(1)
    return checks.exact_equal(sphere.funk_hecke(hv.activation("relu").affine(w, 0), 7, 2),
                              sphere.funk_hecke("relu", 7, 2))


# ------------------------------------------------------------------------ a law without rotations
_XS = sp.symbols("x1:4")
_Y2 = H.harmonic_projection(_XS[0] ** 2 + 3 * _XS[0] * _XS[1] - _XS[2] ** 2, 2, _XS)    # Y ∈ H_2^3


@mutant("F3", "symmetry", "Funk–Hecke E_y[ReLU(y_1) Y(y)] = μ_2(ReLU; 3) Y(e_1) for y uniform on the six points ±e_i "
             "(symmetric under signed permutations, not rotations)",
       note="the twin averages over U(S²) exactly (slice average + degree-0 eigenvalues of ReLU·t^i)")
def cross_polytope(planted=True):
    n = 3
    y1 = _Y2.subs({_XS[0]: 1, _XS[1]: 0, _XS[2]: 0})
    if planted:
        pts = [tuple(s if j == i else 0 for j in range(3)) for i in range(3) for s in (1, -1)]
        lhs = sp.Add(*[sp.Max(0, p[0]) * _Y2.subs(dict(zip(_XS, p))) for p in pts]) / len(pts)
    else:
        Q = H.slice_average(_Y2, _XS, n, t)
        lhs = sp.Add(*[c * sphere.funk_hecke(hv.activation(sp.Max(0, t) * t ** i), n, 0)
                       for (i,), c in sp.Poly(Q, t).terms()])
    return checks.exact_equal(lhs, sphere.funk_hecke("relu", n, 2) * y1)


# ------------------------------------------------------------------------ an enclosure that lies
@mutant("F4", "radius", "μ_5(tanh; 100) at 12 certified digits (series route) stored with a double midpoint and the radius shrunk by 2⁻²⁰⁰",
       note="independent check: certified quadrature at 30 digits")
def shrunk_radius(planted=True):
    e = _mu("tanh", 100, 5, 12, "series")
    e = P["shrink"](e) if planted else e
    return checks.consistent(e, _mu("tanh", 100, 5, 30, "quadrature"), 12)
