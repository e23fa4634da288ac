"""Planted errors in the GGJKK 2020 claims (SPEC §3 G1–G9, §8 V12, V15): each must be REFUTED.

Every function is a negative control with the planted error switched on by default; with
``planted=False`` it checks the correct statement by the same code path (see ``_planted.py``).
Kinds: E[f_S²] off by one ulp at 50 digits, SPEC's own misprinted V12 digits, sign flips (the value
f_S(1) on the hypercube; the parity character χ(w) dropped), a perturbed hidden weight, a shifted
Gaussian and a correlated Gaussian that break the reflections, a law that declares reflections it lacks
(audited against its exact second moments), k off by one in the G3 correlation grid, wrong normalisation
constants (an outer 2^{-k}, the inner 1/√k dropped, the k!/k^k of G4 dropped), the hypercube norm
taken for the Gaussian one, and an enclosure radius shrunk below its error.
"""

import functools
import itertools
import math
import runpy
from pathlib import Path

import mpmath
import sympy as sp

import hardverify as hv
from hardverify import checks
from hardverify.checks.orthogonality import check_family_orthogonality
from hardverify.constructions.goel2020 import GGJKK
from hardverify.distributions import CorrelatedGaussian, Gaussian, ShiftedGaussian, reflection
from hardverify.networks import Network, SubsetFamily
from hardverify.verdict import Verdict

P = runpy.run_path(str(Path(__file__).with_name("_planted.py")))
mutant = P["mutant"]


@functools.lru_cache(maxsize=None)
def ggjkk(k, act, **kw):
    return GGJKK(k, act, **dict(kw))


def _template(k, outputs_from_chi=True, perturb=None):
    """f_{1..k} on R^k built by hand: Σ_w χ(w) ReLU(⟨w, x⟩/√k); ``perturb`` = (unit, δ) adds δ to
    every weight of that unit."""
    ws = list(itertools.product((1, -1), repeat=k))
    rows = [[sp.Integer(v) for v in w] for w in ws]
    if perturb is not None:
        i, d = perturb
        rows[i] = [v + d for v in rows[i]]
    outs = [math.prod(w) if outputs_from_chi else 1 for w in ws]
    return Network(rows, "relu", outputs=outs, scale=1 / sp.sqrt(k))


# ------------------------------------------------------------------------ digits
@functools.lru_cache(maxsize=None)
def _norm_relu4_digits():
    k = 4
    with mpmath.workdps(90):                     # SPEC G3 with the SPEC H4 arc-cosine kernel, in mpmath
        K = lambda r: (mpmath.sqrt(1 - r * r) + (mpmath.pi - mpmath.acos(r)) * r) / (2 * mpmath.pi)  # noqa: E731
        v = 2 ** k * mpmath.fsum((-1) ** j * mpmath.binomial(k, j) * K(1 - mpmath.mpf(2 * j) / k) for j in range(k + 1))
        return P["off_by_one_ulp"](v)


@mutant("G5", "ulp", "E[f_S²] for ReLU, k = 4, printed to 50 digits with the last digit off by one", note="reference: SPEC G3 with the H4 closed form, mpmath at 90 digits; hardverify: "
                          "GGJKK.norm2 at 60 digits")
def ulp_norm_relu4(planted=True):
    good, wrong = _norm_relu4_digits()
    return checks.matches(ggjkk(4, "relu").norm2(dps=60), wrong if planted else good)


@mutant("V12", "transcription", "E[f_S²] = 2 - 4/π as printed in SPEC §8 V12 (0.726760455264837313848929893024: the last two "
              "digits are a transcription error)",
       note="a real misprint found by the proofs (see proofs/goel2020.py G5); the twin is mpmath's rounding")
def misprinted_reference(planted=True):
    with mpmath.workdps(50):
        good = P["rounded"](2 - 4 / mpmath.pi, 30)
    return checks.matches(ggjkk(2, "relu").norm2(dps=40), "0.726760455264837313848929893024" if planted else good)


# ------------------------------------------------------------------------ signs
@mutant("G6", "sign", "f_S(1,…,1) = +2 for ReLU at k = 4 (sign flipped; SPEC G6: -2)")
def sign_flip_hypercube_value(planted=True):
    return checks.exact_equal(ggjkk(4, "relu").hypercube_value(), 2 if planted else -2)


@mutant("G1", "sign", "the family Σ_w σ(⟨w, x_S⟩/√k) without the parity character χ(w) is orthogonal (k = 2, n = 4)")
def parity_character_dropped(planted=True):
    fam = SubsetFamily(_template(2, outputs_from_chi=not planted), 4)
    return check_family_orthogonality(fam, Gaussian(4), dps=15)


# ------------------------------------------------------------------------ a weight, a law
@mutant("G1", "weight", "orthogonality of the family whose template has one hidden weight (1, 1) perturbed to "
             "(1 + 1/100, 1 + 1/100) (k = 2, n = 4)")
def perturbed_weight(planted=True):
    fam = SubsetFamily(_template(2, perturb=(0, sp.Rational(1, 100)) if planted else None), 4)
    return check_family_orthogonality(fam, Gaussian(4), dps=15)


@mutant("G1", "symmetry", "orthogonality under N(μ, I_4) with μ = 1/10 on coordinates 1 and 3 only (k = 2, ReLU)")
def shifted_gaussian(planted=True):
    dist = ShiftedGaussian(4, {1: sp.Rational(1, 10), 3: sp.Rational(1, 10)}) if planted else Gaussian(4)
    return check_family_orthogonality(ggjkk(2, "relu").family(4), dist, dps=15)


@mutant("G1", "symmetry", "orthogonality under a correlated Gaussian N(0, Σ), Σ = I_4 + ½(e_1e_3ᵀ + e_3e_1ᵀ) "
             "(k = 2, ReLU): the flips of x_1 and x_3 alone no longer preserve the law",
        note="twin: the same variances without the correlation (a diagonal Σ keeps every reflection)")
def correlated_gaussian(planted=True):
    dist = CorrelatedGaussian(4, {(1, 3): sp.Rational(1, 2)} if planted else {(1, 1): 1})
    return check_family_orthogonality(ggjkk(2, "relu").family(4), dist, dps=15)


class _DeclaresReflections(CorrelatedGaussian):
    """A law that declares every coordinate reflection whatever its covariance (the planted error)."""

    def is_invariant_under(self, R):
        return True


@mutant("G1", "symmetry", "a correlated Gaussian (Σ_13 = 1/2 on R^3) that declares every reflection x_i ↦ -x_i: "
             "audited against its exact first and second moments",
        note="R x ~ N(Rμ, RΣRᵀ), so for a Gaussian R is a symmetry iff it preserves the mean and every E[x_a x_b]: "
             "a declared reflection is checked by comparing E[(Rx)_a (Rx)_b] = s_a s_b E[x_a x_b] with E[x_a x_b] "
             "exactly; twin: the honest law, whose declared reflections (only x_2 ↦ -x_2) pass the audit")
def declared_reflection(planted=True):
    law = (_DeclaresReflections if planted else CorrelatedGaussian)(3, {(1, 3): sp.Rational(1, 2)})
    out = []
    for i in (1, 2, 3):
        if not law.is_invariant_under(reflection(i)):
            continue
        for a, b in itertools.combinations_with_replacement((1, 2, 3), 2):
            m = law.moment({a: 1, b: 1} if a != b else {a: 2})
            s = (-1 if a == i else 1) * (-1 if b == i else 1)
            out.append(checks.exact_equal(s * m, m).with_(method=f"x_{i} ↦ -x_{i}: E[(Rx)_{a}(Rx)_{b}] = E[x_{a}x_{b}]"))
        out.append(checks.exact_equal(-law.moment({i: 1}), law.moment({i: 1})).with_(method=f"x_{i} ↦ -x_{i}: mean"))
    return Verdict.combine(out)


@mutant("G6", "convention", "E_{±1}[f_S²] = E_γ[f_S²] (the hypercube norm f_S(1)² = 2 taken for the Gaussian 2 - 4/π, k = 2)")
def hypercube_for_gaussian(planted=True):
    g = ggjkk(2, "relu")
    return checks.exact_equal(g.norm2(dist=hv.Hypercube(4)), g.norm2() if planted else g.hypercube_value() ** 2)


# ------------------------------------------------------------------------ off by one, constants
@mutant("G3", "off by one", "E[f_S²] = 2^k Σ_j (-1)^j C(k,j) K(1 - 2j/(k+1)) (k off by one in the correlation grid), ReLU, k = 2")
def correlation_grid_off_by_one(planted=True):
    k = 2
    d = k + 1 if planted else k
    claimed = 2 ** k * sp.Add(*[(-1) ** j * math.comb(k, j) * hv.dual_kernel("relu", rho=1 - sp.Rational(2 * j, d))
                                for j in range(k + 1)])
    return checks.exact_equal(ggjkk(k, "relu").norm2(), claimed)


@mutant("G5", "normalisation", "E[f_S²] = 2 - 4/π for the network normalised by an outer 2^{-k} (k = 2)")
def outer_normalisation(planted=True):
    g = ggjkk(2, "relu", outer_scale=sp.Rational(1, 4)) if planted else ggjkk(2, "relu")
    return checks.exact_equal(g.norm2(), 2 - 4 / sp.pi)


@mutant("G6", "normalisation", "f_S(1,…,1) = Σ_j (-1)^j C(k,j) σ(k - 2j): the inner 1/√k dropped (ReLU, k = 2; SPEC: √2)")
def inner_scale_dropped(planted=True):
    k, s = 2, (1 if planted else 1 / sp.sqrt(2))
    claimed = sp.Add(*[(-1) ** j * math.comb(k, j) * sp.Max(0, s * (k - 2 * j)) for j in range(k + 1)])
    return checks.exact_equal(ggjkk(k, "relu").hypercube_value(), claimed)


@mutant("G4", "normalisation", "E[f_S²] ≥ 4^k c_k(σ)² (the factor k!/k^k of SPEC G4 dropped), ReLU, k = 4")
def lower_bound_constant(planted=True):
    k = 4
    bound = 4 ** k * hv.hermite_coefficient("relu", k) ** 2 * (1 if planted else sp.factorial(k) / sp.Integer(k) ** k)
    return checks.less(bound, ggjkk(k, "relu").norm2(dps=30), strict=False)


# ------------------------------------------------------------------------ an enclosure that lies
@mutant("G5", "radius", "E[f_S²] for erf, k = 3, at 12 certified digits stored with a double midpoint and the radius shrunk by 2⁻²⁰⁰", note="independent check: the T(k,m) Hermite series at 16 digits (the value itself is the G3 closed form)")
def shrunk_radius(planted=True):
    g = ggjkk(3, "erf")
    e = g.norm2(dps=12)
    e = P["shrink"](e) if planted else e
    return checks.consistent(e, g.norm2_hermite_series(dps=16), 12)
