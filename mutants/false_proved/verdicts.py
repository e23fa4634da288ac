"""Planted errors of the false-PROVED classes (issue 10): each must come out REFUTED or UNDECIDED, never PROVED.

These sit apart from ``mutants/*.py`` because two of their classes have no counterexample *value*: when
E|fg| = ∞ the expectation E[fg] does not exist, so "E[fg] = 0" is neither true nor refutable by a
certified number — the honest verdict is UNDECIDED with the reason (the integrability hypothesis is not
proved).  The other classes (a wrong value at a kink, a false growth bound, a rounded literal) are
REFUTED by an exact or certified counterexample.  ``tests/test_planted_errors.py`` checks the
outcomes; each function with ``planted=False`` checks the correct statement by the same code path and
must be PROVED or CERTIFIED.

Why each planted statement is false (by hand):

* Pareto(1) radius: f_S f_T is homogeneous of degree 2 and E[R²] = ∫_1^∞ r² r^{-2} dr = ∞;
* Pareto(2) radius: E[R²] = ∫_1^∞ 2 r^{-1} dr = ∞ (the boundary case);
* 1/x₁ against x₂ under N(0, I₂): E|x₂/x₁| = E|x₂| · E|1/x₁| and ∫_0^1 e^{-x²/2}/x dx ≥ e^{-1/2}∫_0^1 dx/x = ∞;
* 1/x₁ on the uniform circle: ∫|tan θ| dθ = ∞ near θ = π/2;
* t e^{t²/3} · e^{t²/3} under N(0, 1): ∫ |t| e^{2t²/3 - t²/2} dt = ∫ |t| e^{t²/6} dt = ∞;
* H(0) = 1/2 for the step: with the documented 1{t > 0}, E[f_S²] on {±1}² is 1 by enumeration
  (tests/test_trust_kinks.py), not the 0 that H(0) = 1/2 gives;
* e^{6t} ≤ e^{3|t|} fails at every t > 0;
* 0.70000000000000000001 ≠ 0.7, and c_0(ReLU(t - b)) = φ(b) - b(1 - Φ(b)) is strictly decreasing in b.
"""

import sympy as sp

import hardverify as hv
from hardverify import checks
from hardverify.checks.orthogonality import check_family_orthogonality
from hardverify.constructions.goel2020 import GGJKK
from hardverify.errors import DomainError
from hardverify.networks import Network
from hardverify.proofs import claim
from hardverify.verdict import Status, Verdict

t = hv.t
SOURCE = "planted error (issue 10: false PROVED)"

#: the kinds of this file, with the outcome an honest verifier gives.
KINDS = {
    "integrability": "UNDECIDED",        # E|fg| = ∞: E[fg] does not exist
    "heavy tail": "UNDECIDED",           # a radial law without the moments the growth needs
    "kink": "REFUTED",                   # a wrong value at a kink
    "growth": "REFUTED",                 # a false growth= bound
    "literal": "REFUTED",                # a decimal literal rounded through a float
}


def mutant(id: str, kind: str, title: str, **kw):
    assert kind in KINDS, kind
    return claim(id, f"[{kind}] {title}", source=SOURCE, control=True, **kw)


def _pareto(n, alpha):
    return hv.Radial(n, hv.RadiusLaw.pareto(alpha))


# ------------------------------------------------------------------ integrability
@mutant("G1", "heavy tail", "E[f_S f_T] = 0 for ReLU GGJKK (k = 2) under a Pareto(1) radius, by the reflection x_1 ↦ -x_1")
def pareto_one_pair(planted=True):
    G = GGJKK(2, "relu")
    return hv.check_orthogonality(G.network((1, 2), 4), G.network((2, 3), 4), _pareto(4, 1 if planted else 3),
                                  cross_check=False)


@mutant("G1", "heavy tail", "the ReLU GGJKK family (k = 2, n = 5) is orthogonal under a Pareto(2) radius (E[R²] = ∞)")
def pareto_two_family(planted=True):
    law = _pareto(5, 2 if planted else sp.Rational(5, 2))
    return check_family_orthogonality(GGJKK(2, "relu").family(5), law)


@mutant("G1", "integrability", "E[x_2 / x_1] = 0 under N(0, I_2), by the reflection x_1 ↦ -x_1")
def singular_gaussian(planted=True):
    f = Network([[1, 0]], hv.activation(1 / t if planted else t / (1 + t ** 2)))
    return hv.check_orthogonality(f, Network([[0, 1]], "identity"), hv.Gaussian(2), cross_check=False)


@mutant("G1", "integrability", "E[x_2 / x_1] = 0 on the uniform circle S^1, by the reflection x_1 ↦ -x_1")
def singular_sphere(planted=True):
    f = Network([[1, 0]], hv.activation(1 / t if planted else sp.atan(t)))
    return hv.check_orthogonality(f, Network([[0, 1]], "identity"), hv.UniformSphere(2), cross_check=False)


@mutant("G1", "integrability", "E[x_1 e^{x_1²/3} · e^{x_1²/3}] = 0 under N(0, 1) (E|fg| = ∞: super-Gaussian growth)")
def super_gaussian(planted=True):
    f = Network([[1]], hv.activation(t * sp.exp(t ** 2 / 3) if planted else t))
    g = Network([[1]], hv.activation(sp.exp(t ** 2 / 3) if planted else sp.cosh(t)))
    return hv.check_orthogonality(f, g, hv.Gaussian(1), cross_check=False)


# ------------------------------------------------------------------ a kink, a bound, a literal
@mutant("G3", "kink", "E[f_S²] = 0 on {±1}² for the step GGJKK (k = 2): the step taken with H(0) = 1/2")
def step_half_at_zero(planted=True):
    G = GGJKK(2, "step")
    claimed = 0 if planted else 1           # 0 is what sympy's Heaviside(0) = 1/2 gives; 1 by enumeration
    return checks.exact_equal(G.norm2(dist=hv.Hypercube(2)), claimed)


@mutant("H1", "growth", "|e^{6t}| ≤ e^{3|t|} for every real t (a growth= bound handed to hv.activation)")
def false_growth_bound(planted=True):
    bound = (1, 0, 3) if planted else (1, 0, 6)
    try:
        g = hv.activation(sp.exp(6 * t), growth=bound).growth
    except DomainError as exc:               # a certified counterexample point (ball arithmetic)
        return Verdict(Status.REFUTED, claim="H1", method="certified counterexample", evidence=str(exc),
                       source=SOURCE)
    return Verdict(Status.PROVED, claim="H1", method="exact: dominates the proved bound",
                   evidence=f"growth={g!r} is implied by hardverify's proved bound", source=SOURCE)


@mutant("H1", "literal", "c_0(max(0, t - 0.70000000000000000001)) = c_0(max(0, t - 0.7)) (the literal rounded to a double)")
def rounded_literal(planted=True):
    a = hv.hermite_coefficient(hv.activation("max(0, t - 0.70000000000000000001)"), 0)
    b = hv.hermite_coefficient(hv.activation("max(0, t - 0.7)" if planted else "max(0, t - 0.70000000000000000001)"), 0)
    return checks.exact_equal(a, b)
