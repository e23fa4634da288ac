"""Planted errors in the DKKZ 2020 claims (SPEC §6 D1, D2): each must be REFUTED.

Every function is a negative control with the planted error switched on by default; with
``planted=False`` it checks the correct statement by the same code path (see ``_planted.py``).
Kinds: E[F_4²] off by one ulp at 50 digits, sign flips (in the D1 monomial formula and in the derived
closed form of E[F_4²]), a hidden weight rounded (√2/2 → 7/10), the angle grid π i/(k+1) instead of
π i/k (off by one), degree k - 1 taken as F_k's first Hermite degree, the uniform-circle value of
E[F_2²] taken for the Gaussian one (a radial normalisation), an anisotropic Gaussian that breaks the
rotation invariance, the decay exponent of F_4 used for F_2, and an enclosure radius shrunk below its
error.
"""

import functools
import runpy
from pathlib import Path

import mpmath
import sympy as sp

from hardverify import checks
from hardverify.constructions import dkkz2020 as D
from hardverify.distributions import AnisotropicGaussian, Gaussian
from hardverify.networks import Network, hermite_component, inner_product

P = runpy.run_path(str(Path(__file__).with_name("_planted.py")))
mutant = P["mutant"]
A_08 = ((sp.Rational(4, 5), 0), (0, sp.Rational(4, 5)))


def _planar(k, angles_over=None, rows=None):
    """F_k with u_i at angle π i / angles_over (default k), or with explicit rows."""
    d = k if angles_over is None else angles_over
    rows = rows or [[sp.cos(sp.pi * i / d), sp.sin(sp.pi * i / d)] for i in range(2 * k)]
    return Network(rows, "relu", outputs=[(-1) ** i for i in range(2 * k)])


# ------------------------------------------------------------------------ digits
@functools.lru_cache(maxsize=None)
def _f4_norm_digits():
    with mpmath.workdps(90):                     # E[F_4²] = Σ_{i,j<8} (-1)^{i+j} K(cos(π(i-j)/4)), SPEC H4 kernel
        K = lambda r: (mpmath.sqrt(1 - r * r) + (mpmath.pi - mpmath.acos(r)) * r) / (2 * mpmath.pi)  # noqa: E731
        v = mpmath.fsum((-1) ** (i + j) * K(mpmath.cos(mpmath.pi * (i - j) / 4)) for i in range(8) for j in range(8))
        return P["off_by_one_ulp"](v)


@mutant("D1", "ulp", "E[F_4²] printed to 50 digits with the last digit off by one",
       note="reference: the 64 arc-cosine kernels of SPEC H4 summed by mpmath at 90 digits; hardverify: the "
            "certified pair expansion at 60 digits")
def ulp_f4_norm(planted=True):
    good, wrong = _f4_norm_digits()
    F = D.planar_network(4)
    return checks.matches(inner_product(F, F, Gaussian(2), dps=60), wrong if planted else good)


# ------------------------------------------------------------------------ signs
@mutant("D1", "sign", "E[F_k Re(x1 + i x2)^k] with (-1)^{k/2} instead of (-1)^{k/2+1} (k = 4)")
def sign_flip_monomial_formula(planted=True):
    k = 4
    s = (-1) ** (k // 2) if planted else (-1) ** (k // 2 + 1)
    claimed = 2 * k * s / (sp.pi * (k * k - 1)) * 2 ** sp.Rational(k + 1, 2) * sp.gamma(sp.Rational(k + 3, 2))
    return checks.exact_equal(D.monomial_correlation(k), claimed)


@mutant("D1", "sign", "E[F_4²] = 4 - 2√2 - 8(1 - √2)/π (sign of the 1/π term flipped in the derived closed form)")
def sign_flip_closed_form(planted=True):
    claimed = 4 - 2 * sp.sqrt(2) + (-1 if planted else 1) * 8 * (1 - sp.sqrt(2)) / sp.pi
    return checks.exact_equal(D.norm2(4), claimed)


# ------------------------------------------------------------------------ weights
@mutant("D1", "weight", "F_4 with u_1 = (7/10, 7/10) (√2/2 rounded) has no Hermite component of degree 2")
def rounded_weight(planted=True):
    h = sp.Rational(7, 10) if planted else sp.sqrt(2) / 2
    rows = [[sp.cos(sp.pi * i / 4), sp.sin(sp.pi * i / 4)] for i in range(8)]
    rows[1] = [h, h]
    F = _planar(4, rows=rows)
    return checks.exact_zero(hermite_component(F, {1: 1, 2: 1}))


@mutant("D1", "off by one", "F_4 built on the angle grid π i/5 (k + 1) is orthogonal to x_1 (no degree-1 component)")
def angle_grid_off_by_one(planted=True):
    F = _planar(4, angles_over=5 if planted else 4)
    return checks.exact_zero(hermite_component(F, {1: 1}))


@mutant("D1", "off by one", "F_4 has a non-zero Hermite component of degree k - 1 = 3 (its first degree is k = 4)")
def first_degree_off_by_one(planted=True):
    deg = 3 if planted else 4
    prof = D.hermite_degree_profile(4, deg)
    return checks.has_sign(sum(c ** 2 for c in prof[deg]), 1)


# ------------------------------------------------------------------------ laws and constants
@mutant("D1", "normalisation", "E_{N(0,I_2)}[F_2²] = 1 - 2/π (the value under the uniform law on the circle, E[R²] = 1 not 2)")
def circle_for_gaussian(planted=True):
    return checks.exact_equal(D.norm2(2), 1 - 2 / sp.pi if planted else 2 - 4 / sp.pi)


@mutant("D1", "symmetry", "E[F_4] = 0 under N(0, diag(1, 2)) (rotation invariance broken; true under N(0, I_2))")
def anisotropic_gaussian(planted=True):
    F = D.planar_network(4)
    one = Network([[0, 0]], "identity", biases=[1])           # the constant function 1
    dist = AnisotropicGaussian(2, [1, 2]) if planted else Gaussian(2)
    return checks.exact_zero(inner_product(F, one, dist))


@mutant("D2", "other", "|E[F_2(Uᵀx) F_2(Vᵀx)]| ≤ ‖UᵀV‖⁴ E[F_2²] (F_4's exponent used for F_2, whose first degree is 2), "
             "UᵀV = (4/5) I")
def decay_exponent(planted=True):
    return checks.less(abs(D.decay_correlation(2, A_08, dps=20)), D.decay_bound(2, A_08, m=4 if planted else 2),
                       strict=False)


# ------------------------------------------------------------------------ an enclosure that lies
@mutant("D2", "radius", "E[F_4(Uᵀx) F_4(Vᵀx)] at UᵀV = (4/5) I, 12 certified digits stored with a double midpoint and "
             "the radius shrunk by 2⁻²⁰⁰",
       note="independent check: the exact value (closed-form arc-cosine kernels)")
def shrunk_radius(planted=True):
    e = D.decay_correlation(4, A_08, dps=12)
    e = P["shrink"](e) if planted else e
    return checks.agrees(e, D.decay_correlation(4, A_08))
