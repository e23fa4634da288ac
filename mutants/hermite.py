"""Planted errors in the Hermite claims (SPEC §1 H1–H5, §8 V1–V8): each must be REFUTED.

Every function is a negative control with the planted error switched on by default; with
``planted=False`` it checks the correct statement by the same code path (see ``_planted.py``).
Kinds: a value off by one ulp at 50 digits (closed form and quadrature-only), a wrong normalisation
constant, physicists' instead of probabilists' Hermite polynomials, sign flips, an index off by one,
a hidden weight that is not unit norm, a shifted Gaussian that breaks the parity argument, an
enclosure whose radius is smaller than its error (two ways), a truncated Mehler series, and erf
confused with 2Φ - 1.
"""

import functools
import runpy
from pathlib import Path

import mpmath
import sympy as sp

import hardverify as hv
from hardverify import checks
from hardverify.symbolic.gaussian import he_values

P = runpy.run_path(str(Path(__file__).with_name("_planted.py")))
t = hv.t
mutant = P["mutant"]


@functools.lru_cache(maxsize=None)
def _certified(act, m, dps, algorithm="auto"):
    return hv.hermite_coefficient(act, m, dps=dps, algorithm=algorithm)


# ------------------------------------------------------------------------ one ulp at 50 digits
@functools.lru_cache(maxsize=None)
def _c4_relu_digits():
    with mpmath.workdps(80):                     # SPEC H1/V2 closed form, evaluated by mpmath
        return P["off_by_one_ulp"](-1 / (4 * mpmath.sqrt(3 * mpmath.pi)))


@mutant("V2", "ulp", "c_4(ReLU) printed to 50 digits with the last digit off by one",
       note="reference: -1/(4√(3π)) by mpmath at 80 digits, rounded to 50; hardverify: certified "
            "quadrature at 60 digits (independent of the closed form)")
def ulp_relu_c4(planted=True):
    good, wrong = _c4_relu_digits()
    return checks.matches(_certified("relu", 4, 60, "quadrature"), wrong if planted else good)


@functools.lru_cache(maxsize=None)
def _c3_sigmoid_digits():
    with mpmath.workdps(75):                     # no closed form: mpmath tanh-sinh quadrature
        s = lambda x: 1 / (1 + mpmath.exp(-x))  # noqa: E731
        v = mpmath.quad(lambda x: s(x) * (x ** 3 - 3 * x) * mpmath.npdf(x), [-mpmath.inf, 0, mpmath.inf])
        return P["off_by_one_ulp"](v / mpmath.sqrt(6))


@mutant("V7", "ulp", "c_3(sigmoid) printed to 50 digits with the last digit off by one",
       note="reference: mpmath.quad at 75 digits of E[σ(g)He_3(g)]/√6, rounded to 50; hardverify: certified "
            "quadrature at 60 digits")
def ulp_sigmoid_c3(planted=True):
    good, wrong = _c3_sigmoid_digits()
    return checks.matches(_certified("sigmoid", 3, 60), wrong if planted else good)


# ------------------------------------------------------------------------ normalisation constants
@mutant("H1", "normalisation", "c_0(ReLU) = 1/√π: the Gaussian density normalised as e^{-x²}/√π (wrong constant)")
def normalisation_c0(planted=True):
    claimed = 1 / sp.sqrt(sp.pi) if planted else 1 / sp.sqrt(2 * sp.pi)
    return checks.exact_equal(hv.hermite_coefficient("relu", 0), claimed)


@mutant("H2", "convention", "c_3(sign) from physicists' H_3 = 8t³ - 12t normalised by √(2³ 3!) instead of He_3/√(3!)")
def physicists_hermite(planted=True):
    m = 3
    poly, norm = (sp.hermite(m, t), sp.sqrt(2 ** m * sp.factorial(m))) if planted else \
        (sp.hermite_prob(m, t), sp.sqrt(sp.factorial(m)))
    claimed = hv.gaussian_expectation(hv.Activation(sp.sign(t) * poly)) / norm
    return checks.exact_equal(hv.hermite_coefficient("sign", m), claimed)


@mutant("H4", "convention", "erf confused with 2Φ - 1 = erf(t/√2): c_1(erf) = 1/√π (true: 2/√(3π))")
def erf_convention(planted=True):
    claimed = 1 / sp.sqrt(sp.pi) if planted else 2 / sp.sqrt(3 * sp.pi)
    return checks.agrees(_certified("erf", 1, 30, "quadrature"), claimed)


# ------------------------------------------------------------------------ sign flips
@mutant("V2", "sign", "c_4(ReLU) = +1/(4√(3π)) (sign flipped)")
def sign_flip_c4(planted=True):
    claimed = (1 if planted else -1) / (4 * sp.sqrt(3 * sp.pi))
    return checks.agrees(_certified("relu", 4, 30, "quadrature"), claimed)


@mutant("H4", "sign", "step kernel 1/4 - arcsin(ρ)/(2π) at ρ = 3/10 (sign flipped), vs the certified Mehler series")
def sign_flip_step_kernel(planted=True):
    rho = sp.Rational(3, 10)
    claimed = sp.Rational(1, 4) + (-1 if planted else 1) * sp.asin(rho) / (2 * sp.pi)
    return checks.agrees(hv.dual_kernel("step", rho="0.3", dps=25, algorithm="series"), claimed)


# ------------------------------------------------------------------------ off by one
@mutant("H1", "off by one", "c_m(ReLU) = He_{m-1}(0)/(√(2π)√(m!)) (index off by one; SPEC: He_{m-2}), m = 6")
def index_off_by_one(planted=True):
    m = 6
    r = m - 1 if planted else m - 2
    claimed = he_values(sp.Integer(0), r)[r] / (sp.sqrt(2 * sp.pi) * sp.sqrt(sp.factorial(m)))
    return checks.exact_equal(hv.hermite_coefficient("relu", m), claimed)


# ------------------------------------------------------------------------ a weight, a distribution
@mutant("H1", "weight", "c_2 of ReLU(w·t) with the hidden weight w = 1 + 10⁻⁶ taken as a unit weight")
def perturbed_weight(planted=True):
    w = 1 + sp.Rational(1, 10 ** 6) if planted else sp.Integer(1)
    return checks.exact_equal(hv.hermite_coefficient(hv.activation("relu").affine(w, 0), 2),
                              1 / (2 * sp.sqrt(sp.pi)))


@mutant("H1", "symmetry", "odd coefficients of ReLU vanish beyond m = 1 also for g ~ N(1/10, 1) (parity needs a symmetric law)")
def shifted_gaussian_parity(planted=True):
    mu = sp.Rational(1, 10) if planted else 0
    # E_{g~N(μ,1)}[ReLU(g) He_3(g - μ)]/√(3!) = c_3(ReLU(· + μ))
    return checks.exact_zero(hv.hermite_coefficient(hv.activation("relu").affine(1, mu), 3))


# ------------------------------------------------------------------------ enclosures that lie
@functools.lru_cache(maxsize=None)
def _sigmoid_c3_double():
    with mpmath.workdps(15):                    # a double-precision quadrature result
        s = lambda x: 1 / (1 + mpmath.exp(-x))  # noqa: E731
        return mpmath.quad(lambda x: s(x) * (x ** 3 - 3 * x) * mpmath.npdf(x), [-mpmath.inf, 0, mpmath.inf]) \
            / mpmath.sqrt(6)


@mutant("V7", "radius", "a double-precision value of c_3(sigmoid) wrapped as an Enclosure of radius 2⁻⁸⁰|x| "
             "(claims 24 digits)",
       note="the honest twin uses radius 2⁻³⁰|x|; the independent check is certified quadrature at 40 digits")
def float_as_enclosure(planted=True):
    bogus = P["float_enclosure"](_sigmoid_c3_double(), 80 if planted else 30)
    return checks.consistent(bogus, _certified("sigmoid", 3, 40), 8)


@mutant("H5", "radius", "c_5(tanh) at 12 certified digits stored with a double midpoint and the radius shrunk by 2⁻²⁰⁰",
       note="independent check: certified quadrature at 40 digits (a fresh computation)")
def shrunk_radius(planted=True):
    e = _certified("tanh", 5, 12)
    e = P["shrink"](e) if planted else e
    return checks.consistent(e, _certified("tanh", 5, 40), 12)


# ------------------------------------------------------------------------ a truncated series
@mutant("H4", "truncation", "K_ReLU(9/10) = Σ_{m≤20} c_m² (9/10)^m: the Mehler series truncated without its tail")
def truncated_mehler(planted=True):
    rho = sp.Rational(9, 10)
    if planted:
        claimed = sum(c ** 2 * rho ** m for m, c in enumerate(hv.hermite_coefficients("relu", 20)))
    else:                                      # SPEC H4 closed form (second form)
        claimed = (sp.sqrt(1 - rho ** 2) + rho * sp.asin(rho)) / (2 * sp.pi) + rho / 4
    return checks.exact_equal(hv.dual_kernel("relu", rho=rho), claimed)
