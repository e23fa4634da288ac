"""Hypothesis strategies for the trust fuzzing (issue 10): heavy-tailed radial laws, singular and
super-Gaussian activations, each with the *true* integrability facts worked out by hand, so a test
can check that hardverify never proves what is false (kept apart from the tests, as in attrs).
"""

from dataclasses import dataclass

import sympy as sp
from hypothesis import strategies as st

import hardverify as hv

t = hv.t


@dataclass(frozen=True)
class Act:
    """An activation with hand-derived facts.

    kind: "poly" (locally bounded, |σ(t)| ~ |t|^p at infinity, exactly), "exp" (~e^{c|t|}, c > 0),
    "sg" (~|t|^j e^{c t²} with c = ``sg``), "singular" (not integrable near a point of the real line,
    finite at ±1); ``odd_zero``: σ(t) - σ(-t) ≡ 0 (σ even).
    """

    expr: sp.Expr
    kind: str
    p: sp.Rational = sp.Integer(0)
    sg: sp.Rational = sp.Integer(0)
    odd_zero: bool = False

    def gaussian_integrable(self) -> bool:
        """E|σ(X)| < ∞ for X ~ N(0, 1) (by hand: e^{c t²} e^{-t²/2} is integrable iff c < 1/2)."""
        if self.kind == "singular":
            return False
        return self.kind != "sg" or self.sg < sp.Rational(1, 2)


ACTS = [
    Act(sp.Max(0, t), "poly", 1), Act(sp.Abs(t), "poly", 1, odd_zero=True), Act(t ** 2, "poly", 2, odd_zero=True),
    Act(t ** 3, "poly", 3), Act(sp.sqrt(sp.Abs(t)), "poly", sp.Rational(1, 2), odd_zero=True),
    Act(1 / (1 + sp.exp(-t)), "poly", 0), Act(sp.tanh(t), "poly", 0), Act(sp.erf(t), "poly", 0),
    Act(sp.Piecewise((1, t > 0), (0, True)), "poly", 0), Act(sp.exp(t), "exp"), Act(sp.cosh(t), "exp", odd_zero=True),
    Act(t * sp.exp(t ** 2 / 3), "sg", sg=sp.Rational(1, 3)), Act(t * sp.exp(t ** 2), "sg", sg=sp.Integer(1)),
    Act(sp.exp(t ** 2 / 3), "sg", sg=sp.Rational(1, 3), odd_zero=True),
    Act(1 / t, "singular"), Act(1 / t ** 3, "singular"), Act(1 / (t - sp.Rational(1, 3)), "singular"),
]

activations = st.sampled_from(ACTS)
#: tail exponents of Pareto radii, around the thresholds 1/2, 1, 2, 3, 4 that the pool's degrees meet
alphas = st.one_of(st.sampled_from([sp.Rational(1, 2), 1, 2, 3, 4]),
                   st.fractions(min_value=sp.Rational(1, 6), max_value=6, max_denominator=6).map(
                       lambda f: sp.Rational(f.numerator, f.denominator)))


@st.composite
def laws(draw, n: int = 2):
    """(law, kind): a heavy-tailed radial law (kind ("pareto", α)) or a law with known tails."""
    which = draw(st.sampled_from(["pareto", "pareto", "pareto", "chi", "gaussian", "sphere", "ball", "cube",
                                  "hypercube"]))
    if which == "pareto":
        a = draw(alphas)
        return hv.Radial(n, hv.RadiusLaw.pareto(a, draw(st.sampled_from([1, sp.Rational(1, 2), 3])))), ("pareto", a)
    if which == "chi":
        return hv.Radial(n, hv.RadiusLaw.chi(draw(st.integers(1, 7)), draw(st.sampled_from([1, 2])))), ("chi", 0)
    return {"gaussian": hv.Gaussian(n), "sphere": hv.UniformSphere(n), "ball": hv.UniformBall(n),
            "cube": hv.UniformCube(n), "hypercube": hv.Hypercube(n)}[which], (which, 0)


def truly_integrable(fa: Act, ga: Act, law_kind):
    """E|f g| < ∞ for f(x) = σ(x_1) - σ(-x_1), g(x) = τ(x_2), by hand.

    f ≡ 0 when σ is even.  The hypercube has x_1 = ±1: every value is finite.  A singular σ or τ is not
    integrable under any law with a continuous density positive near x_1 = 0 (or x_2 = 1/3).  Under the
    Gaussian x_1, x_2 are independent: E|f|E|g|.  χ radii have Gaussian-type tails: polynomial and
    exponential growth are integrable (super-Gaussian growth is left out: "not integrable" is not
    claimed for it, only nothing is).  Pareto(α):
    |f g| ~ R^{p+q} θ-factor, finite iff p + q < α; exponential or super-Gaussian growth: infinite.
    """
    if fa.odd_zero:
        return True
    kind, alpha = law_kind
    if kind == "hypercube":
        return True
    if "singular" in (fa.kind, ga.kind):
        return False
    if kind in ("sphere", "ball", "cube"):
        return True
    if kind == "gaussian":
        return fa.gaussian_integrable() and ga.gaussian_integrable()
    if kind == "chi":              # polynomial and exponential growth are integrable; None: not settled here
        return True if (fa.kind in ("poly", "exp") and ga.kind in ("poly", "exp")) else None
    if fa.kind != "poly" or ga.kind != "poly":
        return False
    return bool(fa.p + ga.p < alpha)
