"""SPEC C7: the regime calculator — is (d, β, γ, σ) in the hard regime of the LZZ chain, and why?

Each condition of the reduction CLWE (BRST) ⇒ periodic neuron (SZB/LZZ) ⇒ capped ReLU network (LZZ) is
one :class:`~hardverify.verdict.Verdict` with its numbers; the overall answer is ``"hard regime"`` when
every condition is PROVED/CERTIFIED, ``"not in the hard regime"`` when one is REFUTED (the reduction does
not apply — a statement about the theorem, not a proof that learning is easy, except for β = 0 where
the C8 attack solves CLWE), else ``"undecided"``.  Constants that SPEC marks [MEM] are parameters:

======================  ===========================================================  =================
condition               check                                                        parameter
======================  ===========================================================  =================
noise width             0 < β < 1 (BRST)                                             —
frequency               γ ≥ 2√d in BRST units (γ_std ≥ 2√d/√(2π)), exact             —
γ/β ≤ poly(d)           γ/β ≤ d^a                                                    ``poly_exponent`` a = 3
label noise             LZZ Gaussian: σ ≥ d^{-b} (polynomial); else the              ``noise_exponent`` b = 3,
                        sub-exponential variant σ² ≥ 2^{-d^η}, η = δ/(1+δ);          ``delta`` = None
                        SZB adversarial: the bound is reported, never mixed          ``noise_model``
capping radius          R = γ_std κ√(ln d), rounded up to ½Z; tail mass              ``kappa`` κ = 3,
                        P(|γ_std g| > R) = erfc(R/(√2 γ_std)) ≤ d^{-c}               ``tail_exponent`` c = 2
width                   4R + 1 triangle-wave ReLUs (C6), compared with √(d ln d)     —
advantage budget        ε > capping MSE bound ¼erfc(R/(√2γ_std)) + (1 - e^{-πβ²})    ``advantage`` ε = d^{-1}
======================  ===========================================================  =================

The advantage budget reads SPEC C7 literally: the learner's weak-learning advantage ε must exceed the
capping error (C6) plus the damping loss 1 - e^{-πβ²} of the phase noise (C1).  The paper's exact
bookkeeping is [MEM] (SPEC §10), so this condition is a documented reading, not the paper's lemma.

>>> r = regime(512, beta="0.001", gamma=2 * 512 ** 0.5 + 1, sigma="0.001")
>>> r.overall, [v.status.name for v in r.verdicts][:3]
('hard regime', ['PROVED', 'PROVED', 'CERTIFIED'])
>>> regime(512, beta="0.001", gamma=10, sigma="0.001").overall        # γ < 2√d: BRST does not apply
'not in the hard regime'
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction

import sympy as sp
from flint import arb

from ...core.numbers import canonical_exact
from ...errors import DomainError
from ...verdict import Status, Verdict
from .conventions import check_nonnegative, check_positive, exact_number
from .series import certify, to_arb

__all__ = ["RegimeReport", "regime", "NOISE_MODELS"]

NOISE_MODELS = ("gaussian", "adversarial")
SOURCE = "SPEC §5 C7 [3P + MEM]; §11 (BRST regime confirmed; LZZ Gaussian vs SZB adversarial noise)"


@dataclass(frozen=True)
class RegimeReport:
    """The verdicts of :func:`regime`, the overall answer and the numbers (``data``).

    ``str()`` gives one line per condition.

    Parameters
    ----------
    overall : str
        ``"hard regime"``, ``"not in the hard regime"`` or ``"undecided"``.
    verdicts : tuple of Verdict
        One per condition, in the order of the module docstring's table.
    data : dict
        The inputs and derived numbers (d, β, γ, γ_std, σ, the noise model, R, the width).
    """

    overall: str
    verdicts: tuple
    data: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        """The report as JSON-ready data.

        Returns
        -------
        dict
            ``{"overall": str, "verdicts": [Verdict.to_dict(), ...], "data": {name: str}}``.

        Examples
        --------
        >>> import json
        >>> r = regime(512, beta="0.001", gamma=46, sigma="0.001")
        >>> json.loads(json.dumps(r.to_dict()))["overall"] == r.overall
        True
        """
        return {"overall": self.overall, "verdicts": [v.to_dict() for v in self.verdicts],
                "data": {k: str(v) for k, v in self.data.items()}}

    def __str__(self) -> str:
        return "\n".join([f"overall: {self.overall}"] + [f"  {v}" for v in self.verdicts])


def _v(ok, name, evidence, method="exact comparison", certified=False, **data):
    st = (Status.CERTIFIED if certified else Status.PROVED) if ok is True else (Status.REFUTED if ok is False
                                                                             else Status.UNDECIDED)
    return Verdict(st, claim=f"C7: {name}", method=method, evidence=evidence, source=SOURCE,
                   data={k: str(x) for k, x in data.items()})


def regime(d, *, beta, gamma=None, gamma_std=None, sigma, noise_model: str = "gaussian", poly_exponent=3,
           noise_exponent=3, delta=None, kappa=3, tail_exponent=2, advantage=None, dps: int = 15) -> RegimeReport:
    """Check each condition of the LZZ reduction at (d, β, γ, σ) (see the module docstring).

    Parameters
    ----------
    d : int
        The dimension, d ≥ 2.
    beta : number
        β ≥ 0, the CLWE noise width (BRST units), exact.
    gamma, gamma_std : number
        Exactly one: BRST's γ > 0, or γ_std = γ/√(2π) > 0.
    sigma : number
        σ ≥ 0, the label-noise standard deviation in the periodic-neuron problem.
    noise_model : {"gaussian", "adversarial"}
        LZZ's Gaussian label noise or SZB's adversarial noise (kept apart: SPEC §11).
    poly_exponent, noise_exponent, delta, kappa, tail_exponent, advantage : number
        The [MEM] constants (documented defaults above); ``advantage`` defaults to 1/d.
    dps : int
        Decimal digits of the certified comparisons (default 15).

    Returns
    -------
    RegimeReport
        Verdicts PROVED for exact comparisons, CERTIFIED for interval ones, REFUTED when a condition
        fails, UNDECIDED when a comparison cannot be settled (and for the adversarial noise model).

    Raises
    ------
    DomainError
        If d is not an integer ≥ 2, ``noise_model`` is unknown, not exactly one of ``gamma``/``gamma_std``
        is given, or a number is not an exact real of the allowed sign.

    References
    ----------
    Li, Zadik, Zampetakis, *On the hardness of learning one hidden layer neural networks*, 2024
    (arXiv 2410.03477); Bruna, Regev, Song, Tang, *Continuous LWE* (BRST); Song, Zadik, Bruna
    (SZB, periodic neurons); SPEC §5 and §11.

    Examples
    --------
    Without label noise the LZZ reduction does not apply (SPEC C8: noise is necessary):

    >>> r = regime(100, beta="0.01", gamma=21, sigma=0)
    >>> r.overall, [v.status.name for v in r.verdicts if "label noise" in v.claim]
    ('not in the hard regime', ['REFUTED'])
    """
    if isinstance(d, bool) or not isinstance(d, int) or d < 2:
        raise DomainError(f"d must be an integer ≥ 2, got {d!r}")
    if noise_model not in NOISE_MODELS:
        raise DomainError(f"noise_model must be one of {NOISE_MODELS}, got {noise_model!r}")
    if (gamma is None) == (gamma_std is None):
        raise DomainError("give exactly one of gamma= (BRST units) or gamma_std= (standard normal, γ/√(2π))")
    b = check_nonnegative(beta, "beta")
    s = check_nonnegative(sigma, "sigma")
    g = check_positive(gamma, "gamma") if gamma is not None else None
    gs = check_positive(gamma_std, "gamma_std") if gamma_std is not None else None
    sym = lambda x: sp.Rational(x.numerator, x.denominator) if isinstance(x, Fraction) else x
    G = sym(g) if g is not None else sym(gs) * sp.sqrt(2 * sp.pi)        # γ in BRST units (exact)
    Gs = G / sp.sqrt(2 * sp.pi)
    a, bexp, c = (exact_number(x, n) for x, n in ((poly_exponent, "poly_exponent"), (noise_exponent, "noise_exponent"),
                                                  (tail_exponent, "tail_exponent")))
    kap = check_positive(kappa, "kappa")
    eps = sym(check_positive(advantage, "advantage")) if advantage is not None else sp.Rational(1, d)
    out = []
    # 1. β ∈ (0, 1)
    B = sym(b)
    out.append(_v(bool(0 < b < 1), "0 < beta < 1",
                  f"beta = {b}" + ("  (beta = 0: noiseless CLWE is easy by the LLL attack, C8)" if b == 0 else "")))
    # 2. γ ≥ 2√d (compare γ² with 4d exactly when γ² is rational)
    G2 = canonical_exact(G ** 2) if G.is_number else G ** 2
    ok = bool(G2 >= 4 * d) if G2.is_Rational else None
    if ok is None:
        with_ = certify(lambda prec: to_arb(G2 - 4 * d, prec), dps)
        ok = True if with_.ball >= 0 else (False if with_.ball < 0 else None)
    out.append(_v(ok, "gamma >= 2 sqrt(d)", f"gamma = {sp.N(G, 8)} vs 2 sqrt(d) = {sp.N(2 * sp.sqrt(d), 8)} "
                  f"(gamma_std = {sp.N(Gs, 8)} vs {sp.N(2 * sp.sqrt(d) / sp.sqrt(2 * sp.pi), 8)})",
                  gamma=G, gamma_std=Gs))
    # 3. γ/β ≤ d^a
    if b == 0:
        out.append(_v(False, "gamma/beta <= d^a", "beta = 0: gamma/beta is infinite"))
    else:
        ratio = G / B
        e = certify(lambda prec: to_arb(ratio, prec).log() / arb(d).log(), dps)
        A = to_arb(a, 64)
        out.append(_v(True if e.ball < A else (False if e.ball > A else None), "gamma/beta <= d^a",
                      f"gamma/beta = d^{e} (a = {a})", method="certified log comparison", certified=True,
                      exponent=e))
    # 4. label noise
    if noise_model == "adversarial":
        out.append(_v(None, "label noise (SZB adversarial)",
                      f"sigma = {s} is read as SZB's adversarial bound; LZZ's theorem is for Gaussian noise and is "
                      "not applied (SPEC §11)"))
    elif s == 0:
        out.append(_v(False, "label noise (LZZ Gaussian)", "sigma = 0: no label noise (C8: noise is necessary)"))
    else:
        S = sym(s)
        poly = certify(lambda prec: to_arb(S, prec) - arb(d) ** (-to_arb(bexp, prec)), dps)
        if poly.ball >= 0:
            out.append(_v(True, "label noise (LZZ Gaussian)", f"sigma = {s} ≥ d^-{bexp}", certified=True,
                          method="certified comparison"))
        elif delta is not None:
            dl = check_positive(delta, "delta")
            eta = sym(dl) / (1 + sym(dl))
            sub = certify(lambda prec: 2 * to_arb(S, prec).log() + arb(d) ** to_arb(eta, prec) * arb(2).log(), dps)
            out.append(_v(True if sub.ball >= 0 else (False if sub.ball < 0 else None),
                          "label noise (LZZ sub-exponential variant)",
                          f"sigma^2 = {s}^2 vs 2^(-d^eta), eta = delta/(1+delta) = {eta}; GapSVP factor 2^O(d^delta)",
                          certified=True, method="certified comparison"))
        else:
            out.append(_v(False, "label noise (LZZ Gaussian)", f"sigma = {s} < d^-{bexp}; give delta= for the "
                          "sub-exponential variant", certified=True))
    # 5. capping radius, tail mass, width
    R_float = float(sp.N(Gs * sym(kap) * sp.sqrt(sp.log(d)), 30))
    R = Fraction(math.ceil(2 * R_float), 2)                       # rounded up to ½Z (the h = ½ grid)
    Rs = sp.Rational(R.numerator, R.denominator)
    tail = certify(lambda prec: (to_arb(Rs / (sp.sqrt(2) * Gs), prec)).erfc(), dps)
    tail_ok = certify(lambda prec: arb(d) ** (-to_arb(c, prec)) - tail.ball, dps)
    out.append(_v(True if tail_ok.ball > 0 else (False if tail_ok.ball < 0 else None), "capping tail mass",
                  f"R = {R} (kappa = {kap}): P(|gamma_std g| > R) = {tail} vs d^-{c}", certified=True,
                  method="certified erfc", R=R, tail=tail))
    width = int(4 * R + 1)                                       # R ∈ ½Z, so 4R + 1 is an integer
    out.append(_v(True, "width 4R + 1", f"{width} ReLUs (C6, triangle wave, h = 1/2); sqrt(d ln d) = "
                  f"{math.sqrt(d * math.log(d)):.4g}", width=width))
    # 6. advantage budget
    damping_loss = lambda prec: 1 - (-arb.pi() * to_arb(B, prec) ** 2).exp()
    budget = certify(lambda prec: to_arb(eps, prec) - tail.ball / 4 - damping_loss(prec), dps)
    out.append(_v(True if budget.ball > 0 else (False if budget.ball < 0 else None), "advantage > capping + damping",
                  f"eps = {eps} minus capping bound {tail}/4 minus damping 1 - e^(-pi beta^2): {budget}",
                  certified=True, method="certified arithmetic", margin=budget))
    worst = max(v.status.rank for v in out)
    overall = {0: "hard regime", 1: "hard regime", 2: "undecided", 3: "not in the hard regime"}[worst]
    return RegimeReport(overall, tuple(out), {"d": d, "beta": b, "gamma": G, "gamma_std": Gs, "sigma": s,
                                              "noise_model": noise_model, "R": R, "width": width})
