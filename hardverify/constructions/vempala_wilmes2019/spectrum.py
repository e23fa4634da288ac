"""SPEC W2: the infinite-width operator T_∞, per-degree decay, stability and the iteration count.

With w ~ U_n, T_∞ h(x) = E_w[σ(⟨w, x⟩) E_y[σ(⟨w, y⟩) h(y)]].  For Y ∈ H_ℓ^n Funk–Hecke (F3) used twice
gives E_y[σ(⟨w,y⟩)Y(y)] = μ_ℓ Y(w), then E_w[σ(⟨w,x⟩) μ_ℓ Y(w)] = μ_ℓ² Y(x): **T_∞ = μ_ℓ(σ; n)² on H_ℓ^n**
(F5; PROVED from the exact μ_ℓ).  Independently, :func:`kernel_rate` encloses the Funk–Hecke eigenvalue
of the random-feature kernel κ itself (certified quadrature of the closed form of κ, no μ_ℓ used).

So with η' = η m and r_0 = f, ‖Π_ℓ r_t‖ = |1 - η' μ_ℓ²|^t ‖Π_ℓ f‖ (:class:`InfiniteWidthGD`).

**Supremum over all degrees.**  Σ_ℓ N(n,ℓ) μ_ℓ² = E_{ν_n}[σ²] (Parseval), so μ_ℓ² ≤ E[σ²]/N(n,ℓ); N(n,ℓ)
increases in ℓ for n ≥ 3, hence M = sup_ℓ μ_ℓ² is attained below the first L with E[σ²]/N(n,L) < max_{ℓ<L} μ_ℓ²
(:func:`sup_rate`, certified).  **Stability.**  Every factor satisfies |1 - η'μ_ℓ²| ≤ 1 iff η' M ≤ 2; SPEC's
η' ≤ 1/M is the sufficient condition that makes every factor lie in [0, 1] (monotone, no oscillation).
**Iterations.**  With η' = 1/M, degree ℓ reaches ε after ⌈log ε / log(1 - μ_ℓ²/M)⌉ ≤ (M/μ_ℓ²) log(1/ε)
steps; the count for degrees ≤ k is (M / min_{ℓ≤k, μ_ℓ≠0} μ_ℓ²) log(1/ε) (:func:`iteration_count`).

>>> import sympy as sp
>>> from hardverify.constructions.vempala_wilmes2019 import HarmonicTarget
>>> f = HarmonicTarget.zonal(3, {2: 1, 4: 1}, u=(0, 0, 1))
>>> gd = InfiniteWidthGD(f, "relu", eta_prime=16)                      # η' = 1/M, M = μ_0² = 1/16
>>> [gd.mu[l] for l in (2, 4)]                                         # SPEC W2: 1/16, -1/96
[1/16, -1/96]
>>> gd.degree_norm2(1, 2) == (1 - sp.Rational(16, 256)) ** 2 * 5      # (1 - η'μ_2²)² ‖Y_2‖²
True
>>> sup_rate("relu", 3)["value"], sup_rate("relu", 3)["degree"]
(1/16, 0)
"""

from __future__ import annotations

import functools

import sympy as sp
from flint import arb, ctx

from hardverify.core.activations import Activation, activation
from hardverify.core.markup import clip
from hardverify.core.numbers import canonical_exact
from hardverify.errors import DomainError, NoClosedForm, NotCertified
from hardverify.numeric.enclosure import Enclosure, bits_for_dps, enclose
from hardverify.sphere import funk_hecke_eigenvalues, harmonic_dimension, kernel_eigenvalue, random_feature_kernel
from hardverify.verdict import Status, Verdict

from ..protocol import Display
from .dynamics import as_step, as_steps
from .targets import HarmonicTarget

__all__ = ["eigenvalues", "kernel_rate", "InfiniteWidthGD", "sup_rate", "stability", "iteration_count",
           "predicted_exponent", "ACTIVATIONS"]

SOURCE = "SPEC §4 W2 (VW 2019) [DER + VER via F5]"
#: sup_rate and stability use exact eigenvalues up to this n (beyond it the exact rationals have huge digits)
EXACT_MAX_N = 1000
#: the five activations of the iteration table
ACTIVATIONS = ("relu", "step", "sigmoid", "tanh", "erf")


def _act(a) -> Activation:
    return a if isinstance(a, Activation) else activation(a)


def _n(n) -> int:
    if isinstance(n, bool) or not isinstance(n, int) or n < 3:
        raise DomainError(f"the dimension n must be an integer >= 3 (N(n, ℓ) increasing in ℓ), got {n!r}")
    return n


def _k(k, name="k") -> int:
    if isinstance(k, bool) or not isinstance(k, int) or not 0 <= k <= 1000:
        raise DomainError(f"{name} must be an integer in 0..1000, got {k!r}")
    return k


def eigenvalues(act, n: int, k: int, *, dps: int | None = None) -> list:
    """[μ_0(σ; n), …, μ_k(σ; n)]: exact without ``dps`` (piecewise polynomials), else certified Enclosures.

    μ_ℓ(σ; n) = E_{t~ν_n}[σ(t) P_ℓ^{(n)}(t)], the Funk–Hecke eigenvalue (SPEC F3), cached.

    Parameters
    ----------
    act : str or Activation
        σ.
    n : int
        The dimension.
    k : int
        The top degree, 0..1000.
    dps : int, optional
        Decimal digits of certified eigenvalues; None for exact ones.

    Returns
    -------
    list
        k + 1 sympy numbers or Enclosures.

    Raises
    ------
    DomainError
        If k is not in 0..1000 or ``act`` is unknown.
    NoClosedForm
        If ``dps`` is None and σ has no exact eigenvalues.

    Examples
    --------
    SPEC W2 for ReLU on S^2:

    >>> eigenvalues("relu", 3, 4)
    [1/4, 1/6, 1/16, 0, -1/96]
    """
    return list(_eigenvalues(_act(act), n, _k(k), dps))


@functools.lru_cache(maxsize=512)
def _eigenvalues(a, n, k, dps):
    if k < 11:                                    # one table up to degree 11 serves every smaller k
        return tuple(_eigenvalues(a, n, 11, dps)[: k + 1])
    return tuple(funk_hecke_eigenvalues(a, n, k, dps=dps))


def _ball(x, dps: int) -> arb:
    return x.ball if isinstance(x, Enclosure) else enclose(x, dps).ball


def _is_zero(x) -> bool | None:
    """True for an exact zero, False for a certified non-zero, None when undecided."""
    if isinstance(x, Enclosure):
        return True if x.is_exact_zero() else (False if not x.contains_zero() else None)
    return sp.sympify(x) == 0 or (None if sp.sympify(x).is_zero is None else bool(sp.sympify(x).is_zero))


def kernel_rate(act, n: int, ell: int, *, dps: int = 20) -> Enclosure:
    """μ_ℓ(κ; n) for the random-feature kernel κ(ρ) = E_w[σ(⟨w,x⟩)σ(⟨w,y⟩)] (certified quadrature of κ's
    closed form; positively homogeneous σ only).  F5 says it equals μ_ℓ(σ; n)².

    Parameters
    ----------
    act : str or Activation
        σ, positively homogeneous.
    n : int
        The dimension, n ≥ 3.
    ell : int
        The degree ℓ, 0..1000.
    dps : int
        Decimal digits (default 20).

    Returns
    -------
    Enclosure
        Certified, independent of the μ_ℓ(σ; n).

    Raises
    ------
    DomainError
        If n < 3 or ℓ is not in 0..1000.
    NoClosedForm
        If κ has no closed form for σ.

    Examples
    --------
    SPEC F5 at ReLU, n = 3, ℓ = 2: μ_2(κ) = μ_2(σ)² = (1/16)²:

    >>> kernel_rate("relu", 3, 2, dps=15).contains(eigenvalues("relu", 3, 2)[2] ** 2)
    True
    """
    return _kernel_rate(_act(act), _n(n), _k(ell, "ℓ"), dps)


@functools.lru_cache(maxsize=256)
def _kernel_rate(a, n, ell, dps):
    kappa = Activation(sp.sympify(random_feature_kernel(a, _n(n), sp.Symbol("t", real=True))),
                       sp.Symbol("t", real=True), name=f"κ[{a.label}]")
    return kernel_eigenvalue(kappa, n, ell, dps=dps)


class InfiniteWidthGD:
    """Output-layer GD at infinite width: r_{t+1} = (I - η' T_∞) r_t on a harmonic target (exact).

    Parameters
    ----------
    target : HarmonicTarget
        f = Σ_ℓ Y_ℓ.
    act : str or Activation
        σ with exact Funk–Hecke eigenvalues (piecewise polynomial), or any σ with ``dps``.
    eta_prime : exact positive number
        η' = η m.
    rate : {"mu2", "mu"}
        The eigenvalue of T_∞ used: ``"mu2"`` is μ_ℓ² (F5); ``"mu"`` (μ_ℓ, wrong) exists for the negative control.
    dps : int, optional
        Certified eigenvalues (any σ); the norms are then Enclosures.

    Attributes
    ----------
    mu : dict
        ``{ℓ: μ_ℓ(σ; n)}`` for the target's degrees.
    rate : dict
        ``{ℓ: λ_ℓ}``, the eigenvalue of T_∞ used.

    Raises
    ------
    DomainError
        If ``target`` is not a HarmonicTarget, ``rate`` is unknown or η' is not an exact positive number.
    NoClosedForm
        If ``dps`` is None and σ has no exact eigenvalues.

    References
    ----------
    Vempala, Wilmes, *Gradient descent for one-hidden-layer neural networks: polynomial convergence
    and SQ lower bounds*, COLT 2019 (arXiv 1805.02677); SPEC §4 and §11.

    Examples
    --------
    With η' = 1/μ_2² the degree-2 part is learned in one step; degree 3 is never learned by ReLU:

    >>> import sympy as sp
    >>> f = HarmonicTarget.zonal(3, {2: 1, 3: 1}, u=(0, 0, 1))
    >>> gd = InfiniteWidthGD(f, "relu", eta_prime=256)
    >>> gd.degree_norm2(1, 2), gd.degree_norm2(5, 3) == f.norm2(3)
    (0, True)
    """

    def __init__(self, target: HarmonicTarget, act, *, eta_prime, rate: str = "mu2", dps: int | None = None):
        if not isinstance(target, HarmonicTarget):
            raise DomainError(f"target must be a HarmonicTarget, got {type(target).__name__}")
        if rate not in ("mu2", "mu"):
            raise DomainError(f"rate must be 'mu2' (μ_ℓ², F5) or 'mu' (the wrong rate of the control), got {rate!r}")
        self.target, self.act, self.eta_prime, self.dps = target, _act(act), as_step(eta_prime, "eta_prime"), dps
        top = max(target.degrees, default=0)
        mus = eigenvalues(self.act, target.n, top, dps=dps)
        self.mu = {ell: mus[ell] for ell in target.degrees}
        self.rate = {ell: (m * m if rate == "mu2" else m) for ell, m in self.mu.items()}

    def factor(self, ell: int):
        """The per-step factor 1 - η' λ_ℓ of degree ℓ (λ_ℓ = μ_ℓ² with ``rate="mu2"``).

        Parameters
        ----------
        ell : int
            The degree (a degree absent from the target gives λ = 0, factor 1).

        Returns
        -------
        sympy.Expr or Enclosure
            Exact, or certified with ``dps``.
        """
        lam = self.rate.get(ell, 0)
        if isinstance(lam, Enclosure):
            with ctx.workprec(bits_for_dps(self.dps) + 64):
                return Enclosure(1 - _ball(self.eta_prime, self.dps + 10) * lam.ball, self.dps)
        return sp.expand(1 - self.eta_prime * lam)

    def degree_norm2(self, t: int, ell: int):
        """‖Π_ℓ r_t‖² = (1 - η'λ_ℓ)^{2t} ‖Y_ℓ‖² (exact, or an Enclosure with ``dps``).

        Parameters
        ----------
        t : int
            The step, t ≥ 0.
        ell : int
            The degree.

        Returns
        -------
        sympy.Expr or Enclosure

        Raises
        ------
        DomainError
            If t is not a valid step count.
        """
        t = as_steps(t)
        q, y2 = self.factor(ell), self.target.norm2(ell)
        if isinstance(q, Enclosure):
            with ctx.workprec(bits_for_dps(self.dps) + 64 + 4 * t):
                return Enclosure(q.ball ** (2 * t) * _ball(y2, self.dps + 10), self.dps)
        return sp.expand(q ** (2 * t) * y2)

    # -- display in notebooks: one Display, rendered as Markdown and LaTeX ------------------------------------
    def _rate_is_mu(self) -> bool:
        """True for the control's rate μ_ℓ (the rates are then the eigenvalues themselves, not their squares)."""
        return any(self.rate[ell] is self.mu[ell] and self.mu[ell] not in (0, 1) for ell in self.mu)

    def __repr__(self) -> str:
        return (f"InfiniteWidthGD(n={self.target.n}, {clip(self.act.label, 30)}, η'={clip(self.eta_prime, 20)}, "
                f"rate={'mu' if self._rate_is_mu() else 'mu2'}, {clip(repr(self.target), 50)})")

    def _display(self) -> Display:
        lam, lam_text = ((r"\mu_\ell", "μ_ℓ (the control's wrong rate)") if self._rate_is_mu()
                         else (r"\mu_\ell^2", "μ_ℓ²"))
        return Display(
            "VW infinite-width GD", (("n", self.target.n), ("σ", self.act.label), ("η′", self.eta_prime)),
            rf"r_{{t+1}} = (I - \eta' T_\infty)\, r_t,\quad T_\infty = {lam}\ \text{{on}}\ H_\ell^n",
            f"r_(t+1) = (I − η′ T_∞) r_t, T_∞ = {lam_text} on H_ℓ^n",
            (f"target {self.target!r}", "x ~ U(S^(n−1)) (SPEC W2, F5)"))

    def _repr_markdown_(self) -> str:
        return self._display().markdown()

    def _repr_latex_(self) -> str:
        return self._display().latex()


def _sigma2_upper(a: Activation, n: int, dps: int) -> arb:
    """An upper bound on E_{ν_n}[σ²] (certified; exact for ReLU 1/(2n) and step 1/2 through the same route)."""
    sq = Activation(a.expr ** 2, name=f"({a.label})²")
    return funk_hecke_eigenvalues(sq, n, 0, dps=dps)[0].ball


def sup_rate(act, n: int, *, dps: int = 30, exact: bool | None = None, search: int = 200) -> dict:
    """M = sup_ℓ μ_ℓ(σ; n)² with its proof (see the module docstring).

    ``exact``: None (exact eigenvalues when σ has them and n ≤ EXACT_MAX_N), True or False.
    Returns a dict: ``value`` (exact when σ's eigenvalues are exact, else an Enclosure), ``degree`` (the
    ℓ attaining it), ``cutoff`` L (every ℓ ≥ L has μ_ℓ² ≤ E[σ²]/N(n, L) < M), ``proof`` (text).

    Parameters
    ----------
    act : str or Activation
        σ.
    n : int
        The dimension, n ≥ 3.
    dps : int
        Decimal digits of the certified comparisons (default 30).
    exact : bool, optional
        See above.
    search : int
        The largest degree searched.

    Returns
    -------
    dict
        ``{"value", "degree", "cutoff", "proof", "exact"}``.

    Raises
    ------
    DomainError
        If n < 3.
    NotCertified
        If the sup is not certified by degree ``search``.

    Examples
    --------
    >>> s = sup_rate("relu", 3)
    >>> s["value"], s["degree"], s["exact"]
    (1/16, 0, True)
    """
    return dict(_sup_rate(_act(act), n, dps, exact, search))


@functools.lru_cache(maxsize=256)
def _sup_rate(act, n, dps, exact, search):
    a, n = _act(act), _n(n)
    if exact is None:
        exact = n <= EXACT_MAX_N
    try:
        mus = eigenvalues(a, n, 1) if exact else None
    except NoClosedForm:
        mus = None
    exact = mus is not None
    s2 = _sigma2_upper(a, n, dps)
    L = 2
    while True:
        vals = eigenvalues(a, n, L, dps=None if exact else dps)
        with ctx.workprec(bits_for_dps(dps) + 64):
            balls = [_ball(v, dps) ** 2 for v in vals]
            best = max(range(L + 1), key=lambda i: float(balls[i].mid()))
            tail = s2 / arb(harmonic_dimension(n, L + 1))
            certain = all(i == best or balls[best] > balls[i] for i in range(L + 1)) and balls[best] > tail
        if certain:
            v = vals[best]
            value = sp.expand(v * v) if exact else Enclosure(balls[best], dps)
            proof = (f"μ_ℓ² for ℓ ≤ {L} computed {'exactly' if exact else 'certified'}; for ℓ > {L}, μ_ℓ² ≤ "
                     f"E[σ²]/N(n, ℓ) ≤ {s2.upper().str(8)}/N({n}, {L + 1}) = {tail.upper().str(6)} < μ_{best}²")
            return {"value": value, "degree": best, "cutoff": L + 1, "proof": proof, "exact": exact}
        if L >= search:
            raise NotCertified(f"could not certify sup_ℓ μ_ℓ² for {a.label} at n = {n} by degree {search}")
        L = min(2 * L, search)


def stability(act, n: int, eta_prime, *, dps: int = 30) -> Verdict:
    """Is every factor |1 - η'μ_ℓ²| ≤ 1 (ℓ = 0, 1, 2, …)?  Holds iff η' M ≤ 2, M = sup_ℓ μ_ℓ².

    PROVED/CERTIFIED when η' M ≤ 2 is certain; REFUTED (with the degree whose residual grows) when
    η' M > 2 is certain; UNDECIDED otherwise.

    Parameters
    ----------
    act : str or Activation
        σ.
    n : int
        The dimension, n ≥ 3.
    eta_prime : number
        η' = η m, exact and positive.
    dps : int
        Decimal digits (default 30).

    Returns
    -------
    Verdict
        Claim W2.

    Raises
    ------
    DomainError, NotCertified
        As :func:`sup_rate`; DomainError also for an invalid η'.

    Examples
    --------
    ReLU on S^2 has M = 1/16, so η' = 32 is the edge of stability:

    >>> stability("relu", 3, 32).status.name, stability("relu", 3, 33).status.name
    ('PROVED', 'REFUTED')
    """
    eta = as_step(eta_prime, "eta_prime")
    s = sup_rate(act, n, dps=dps)
    M, ell = s["value"], s["degree"]
    params = {"activation": _act(act).label, "n": n, "eta_prime": str(eta)}
    if s["exact"]:
        prod = canonical_exact(eta * M)
        if prod.is_Rational:
            ok = prod <= 2
            return Verdict(Status.PROVED if ok else Status.REFUTED, claim="W2", params=params, source=SOURCE,
                           method="exact: η' · sup_ℓ μ_ℓ² vs 2",
                           evidence=(f"η' M = {prod} {'≤' if ok else '>'} 2 (M = μ_{ell}² = {M}; {s['proof']})"
                                     + ("" if ok else f": |1 - η'μ_{ell}²| = {abs(1 - prod)} > 1, degree {ell} "
                                                      "diverges")))
    with ctx.workprec(bits_for_dps(dps) + 64):
        prod = _ball(eta, dps + 10) * _ball(M, dps + 10)
        if prod <= 2:
            st = Status.CERTIFIED
        elif prod > 2:
            st = Status.REFUTED
        else:
            st = Status.UNDECIDED
    return Verdict(st, claim="W2", params=params, source=SOURCE, method="interval: η' · sup_ℓ μ_ℓ² vs 2",
                   precision=dps, evidence=f"η' M = {prod.str(10, radius=True)} (M = μ_{ell}²; {s['proof']})")


def _lowest_nonzero(vals, k):
    """The ℓ ≤ k with the smallest non-zero μ_ℓ² (certified), or None if all are zero; NotCertified if unsure."""
    best, best_ball = None, None
    for ell in range(k + 1):
        z = _is_zero(vals[ell])
        if z is None:
            raise NotCertified(f"cannot decide whether μ_{ell} = 0 (its ball contains 0); raise dps")
        if z:
            continue
        b = _ball(vals[ell], 40) ** 2
        if best is None or float(b.mid()) < float(best_ball.mid()):
            best, best_ball = ell, b
    return best


def iteration_count(act, n: int, k: int, *, eps="1/1000", dps: int = 20) -> dict:
    """The W2 iteration count for accuracy ε on degrees ≤ k, with η' = 1/M.

    Returns a dict: ``ratio`` = M / min_{ℓ≤k, μ_ℓ≠0} μ_ℓ² and ``count`` = ratio · log(1/ε) (Enclosures),
    ``slowest`` (the ℓ attaining the min), ``steps`` = ⌈log ε / log(1 - μ²/M)⌉ for that ℓ (exact integer
    when its enclosure decides the ceiling, else None), ``zero_degrees`` (ℓ ≤ k with μ_ℓ = 0: never learned, W3).

    Parameters
    ----------
    act : str or Activation
        σ.
    n : int
        The dimension, n ≥ 3.
    k : int
        The top degree.
    eps : number
        ε in (0, 1), exact (default 1/1000).
    dps : int
        Decimal digits (default 20).

    Returns
    -------
    dict
        ``{"ratio", "count", "slowest", "steps", "zero_degrees", "sup_degree"}``.

    Raises
    ------
    DomainError
        If n < 3, k is invalid, ε is not in (0, 1), or every μ_ℓ with ℓ ≤ k vanishes.
    NotCertified
        If a μ_ℓ cannot be decided zero or non-zero.

    Examples
    --------
    ReLU on S^2 up to degree 2: M = μ_0² = 1/16, slowest μ_2² = 1/256, ratio 16:

    >>> r = iteration_count("relu", 3, 2)
    >>> r["slowest"], r["ratio"].contains(16), r["zero_degrees"]
    (2, True, [])
    """
    a, n, k = _act(act), _n(n), _k(k)
    e = as_step(eps, "eps")
    if not e < 1:
        raise DomainError(f"eps must lie in (0, 1), got {e}")
    vals = eigenvalues(a, n, k, dps=dps)
    ell = _lowest_nonzero(vals, k)
    zeros = [i for i in range(k + 1) if _is_zero(vals[i])]
    if ell is None:
        raise DomainError(f"every μ_ℓ(σ; n) with ℓ ≤ {k} vanishes for {a.label}: nothing is learned")
    s = sup_rate(a, n, dps=dps + 10)
    with ctx.workprec(bits_for_dps(dps) + 64):
        M = _ball(s["value"], dps + 10)
        mu2 = _ball(vals[ell], dps + 10) ** 2
        ratio = M / mu2
        log_inv = _ball(1 / e, dps + 10).log()
        count = ratio * log_inv
        steps = None
        if ell == s["degree"]:                                     # factor 1 - η'M = 0: one step
            steps = 1
        elif M > mu2:
            steps_ball = log_inv / -(1 - mu2 / M).log()
            lo, hi = steps_ball.lower(), steps_ball.upper()
            if lo.is_finite() and hi.is_finite() and lo.floor() == hi.floor() and lo.floor() != lo:
                steps = int(lo.floor().unique_fmpz()) + 1          # the ceiling is decided
    return {"ratio": Enclosure(ratio, dps), "count": Enclosure(count, dps), "slowest": ell, "steps": steps,
            "zero_degrees": zeros, "sup_degree": s["degree"]}


def predicted_exponent(act, k: int) -> int:
    """The exponent e with ratio(n, k) ≍ n^e as n → ∞ (DER from F4/F5 scaling; see docs).

    ReLU: μ_0² ~ n^{-1} is the sup, μ_ℓ² ~ n^{-(ℓ+1)} for ℓ = 1 and even ℓ, so e = ℓ* (the largest such ℓ ≤ k);
    step: μ_0² = 1/4, μ_ℓ² ~ n^{-ℓ} for odd ℓ: e = ℓ*; sigmoid: μ_0² → 1/4, μ_ℓ² ~ n^{-2ℓ} (odd ℓ): e = 2ℓ*;
    tanh, erf (odd, μ_0 = 0, sup μ_1² ~ n^{-2}): e = 2ℓ* - 2.

    Parameters
    ----------
    act : str or Activation
        One of :data:`ACTIVATIONS`.
    k : int
        The top degree, 0..1000.

    Returns
    -------
    int

    Raises
    ------
    DomainError
        If σ is not one of :data:`ACTIVATIONS`, k is invalid, or (tanh, erf) k = 0.

    Examples
    --------
    >>> predicted_exponent("relu", 4), predicted_exponent("sigmoid", 3), predicted_exponent("tanh", 3)
    (4, 6, 4)
    """
    name = _act(act).label
    k = _k(k)
    if name == "relu":
        top = max([l for l in range(k + 1) if l <= 1 or l % 2 == 0])
        return top
    odd = max([l for l in range(k + 1) if l % 2 == 1], default=0)
    if name == "step":
        return odd
    if name == "sigmoid":
        return 2 * odd
    if name in ("tanh", "erf"):
        if odd == 0:
            raise DomainError(f"{name} has μ_0 = 0: degrees ≤ 0 are never learned")
        return 2 * odd - 2
    raise DomainError(f"no predicted exponent for {name}; known: {ACTIVATIONS}")



