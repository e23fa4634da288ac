"""The CSQ game (issue 14, item 3): an adversary that answers 0 against seeded random bounded queries.

For a target family {f_i} the adversary answers every correlational query h with 0; the answer is
inconsistent with target f_i exactly when |⟨h, f_i⟩| > τ.  G7 (Bessel) bounds the number of such i by
``count < ‖f‖²/τ²`` for ‖h‖ ≤ 1 and an exactly orthogonal family of equal norm; Q2 by 1/(τ² - γ) in the
normalised form.  The game draws queries, computes ⟨h, f_i⟩ for **every** member and reports the largest
count next to the proved bound.

* :func:`cube_game` — GGJKK on the uniform hypercube {±1}^n (exact): f_S = f_S(1)·χ_S (G6), queries are
  random ReLU networks and random polynomials evaluated exactly at the 2^n points and divided by their
  exact max, so **|h| ≤ 1 pointwise**; ⟨h, f_S⟩ = f_S(1)·ĥ(S) with ĥ(S) an exact rational;
* :func:`csq_game` — any small family of networks under any law with certified inner products
  (``inner_product(..., dps=)``), queries random ReLU networks scaled to ‖h‖ ≤ 1 (certified), plus
  structured queries (normalised sums of a few members) that come close to the bound.

Seeds: numpy ``default_rng(seed)``; the same seed gives the same queries and counts.

>>> from hardverify.constructions.goel2020 import GGJKK
>>> r = cube_game(GGJKK(2), 4, "1/2", queries=20, seed=1)
>>> r.max_count <= r.bound, r.bound_text                      # G7: count < ‖f‖²/τ² = 2/(1/4) = 8
(True, 'count < 8')
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np
import sympy as sp

from ..errors import DomainError, ResourceLimit
from ..verdict import Status, Verdict
from .bounds import as_tolerance
from .numbers import compare, rational_or_none, show, to_sympy

__all__ = ["GameResult", "cube_game", "csq_game", "MAX_CUBE_N"]

#: the largest n for which the cube game enumerates {±1}^n (2^n points, C(n, k) Fourier coefficients)
MAX_CUBE_N = 12


@dataclass(frozen=True)
class GameResult:
    """Outcome of a CSQ game: the largest count seen next to the proved bound, and a Verdict.

    Parameters
    ----------
    max_count : int
        The largest number of members inconsistent with the answer 0 for one query.
    bound : number
        The proved bound (count < bound).
    bound_text : str
        ``"count < ..."``.
    counts : tuple of int
        The count of every query, in order.
    queries : int
        The number of queries played.
    members : int
        The number of members of the family.
    tau : sympy.Rational
        The tolerance.
    seed : int
        The seed of the queries.
    exact : bool
        True for the exact cube game, False for certified counts (upper counts).
    verdict : Verdict
        PROVED/CERTIFIED if every count is below the bound, REFUTED otherwise.
    """

    max_count: int
    bound: Any = None            # noqa: F821 - exact number (count < bound)
    bound_text: str = ""
    counts: tuple = ()
    queries: int = 0
    members: int = 0
    tau: Any = None              # noqa: F821
    seed: int = 0
    exact: bool = True
    verdict: Verdict = field(default=None)


Any = object  # (annotation helper for the dataclass above)


def _verdict(claim, counts, bound, exact, params, what) -> Verdict:
    worst = max(counts) if counts else 0
    holds = compare(worst, "<", bound)
    st = (Status.PROVED if exact else Status.CERTIFIED) if holds.ok else Status.REFUTED
    return Verdict(st, claim=claim, method=what, params=params,
                   evidence=f"largest count of |⟨h, f_i⟩| > τ over {len(counts)} queries: {worst}; proved bound: "
                            f"count < {show(bound)}", data={"max_count": worst, "bound": show(bound)})


def _random_relu_values(rng, X, width=3):
    """16·h at the rows of the ±1 array X for a random ReLU network h = Σ a_i ReLU(⟨w_i, x⟩ + b_i) with
    a_i, w_i, b_i ∈ Z/4 (an exact integer array)."""
    n = X.shape[1]
    out = np.zeros(X.shape[0], dtype=np.int64)
    for _ in range(width):
        w = rng.integers(-4, 5, n)
        b = int(rng.integers(-4, 5))
        a = int(rng.integers(-4, 5)) or 1
        out += a * np.maximum(X @ w + b, 0)
    return out


def _random_poly_values(rng, X, terms=4):
    """4·h at the rows of X for a random polynomial h = Σ c_m x^{α_m}, c_m ∈ Z/4, deg α_m ≤ 4 (exact)."""
    n = X.shape[1]
    out = np.zeros(X.shape[0], dtype=np.int64)
    for _ in range(terms):
        idx = rng.integers(0, n, int(rng.integers(1, 5)))
        c = int(rng.integers(-4, 5)) or 1
        out += c * np.prod(X[:, idx], axis=1)
    return out


def cube_game(ggjkk, n: int, tau, *, queries: int = 200, seed: int = 0) -> GameResult:
    """The CSQ game for GGJKK(k, σ) on the uniform hypercube {±1}^n, exact (see the module docstring).

    Query h = v/max|v| with v an exact integer array (so |h| ≤ 1 pointwise); ĥ(S) = I_S/(2^n max|v|) with
    the integer I_S = Σ_x v(x) χ_S(x); target f_S is inconsistent with the answer 0 iff c·ĥ(S)² > τ²
    (c = f_S(1)², a rational), decided in integers.  The bound is G7's count < c/τ².

    Parameters
    ----------
    ggjkk : GGJKK
        The construction (its ``k`` and ``hypercube_value()``).
    n : int
        The dimension, 1 ≤ n ≤ :data:`MAX_CUBE_N` (the cube is enumerated).
    tau : rational in (0, 1)
        The tolerance.
    queries : int
        The number of queries (alternately random ReLU networks and random polynomials).
    seed : int
        The seed of ``numpy.random.default_rng``.

    Returns
    -------
    GameResult
        Exact counts and the G7 verdict (PROVED when every count is below c/τ²).

    Raises
    ------
    DomainError
        If n, queries or τ is invalid, k > n, f_S(1)² is not rational, or f_S ≡ 0 on the cube.
    ResourceLimit
        If n > :data:`MAX_CUBE_N`.
    """
    tau = as_tolerance(tau)
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise DomainError(f"n must be a positive int, got {n!r}")
    if n > MAX_CUBE_N:
        raise ResourceLimit(f"the cube game enumerates 2^n points; n ≤ {MAX_CUBE_N}, got {n}")
    if isinstance(queries, bool) or not isinstance(queries, int) or queries < 1:
        raise DomainError(f"queries must be a positive int, got {queries!r}")
    k = ggjkk.k
    if k > n:
        raise DomainError(f"k = {k} > n = {n}")
    c = sp.nsimplify(sp.expand(to_sympy(ggjkk.hypercube_value()) ** 2))     # ‖f_S‖² on the cube (G6)
    if not c.is_Rational:
        raise DomainError(f"f_S(1)² = {c} is not rational; use csq_game")
    if c == 0:
        raise DomainError("f_S ≡ 0 on the cube for this (k, σ): no game to play")
    X = np.array(list(itertools.product((1, -1), repeat=n)), dtype=np.int64)
    subsets = list(itertools.combinations(range(n), k))
    chi = np.stack([np.prod(X[:, list(S)], axis=1) for S in subsets], axis=1)      # 2^n × C(n, k)
    rng = np.random.default_rng(seed)
    counts = []
    cp, cq, tp, tq = int(c.p), int(c.q), int(tau.p), int(tau.q)
    for q in range(queries):
        v = _random_relu_values(rng, X) if q % 2 == 0 else _random_poly_values(rng, X)
        m = int(np.max(np.abs(v)))
        if m == 0:
            counts.append(0)
            continue
        I = [int(x) for x in v @ chi]
        D = (X.shape[0] * m) ** 2
        # c ĥ² > τ²  ⇔  cp·I²·tq² > cq·tp²·D
        counts.append(sum(1 for x in I if cp * x * x * tq * tq > cq * tp * tp * D))
    bound = c / tau ** 2
    params = {"k": k, "n": n, "tau": str(tau), "queries": queries, "seed": seed, "law": f"Hypercube({n})"}
    v = _verdict("G7", counts, bound, True, params, "exact CSQ game on {±1}^n (integer Fourier coefficients)")
    return GameResult(max(counts), bound, f"count < {show(bound)}", tuple(counts), queries, len(subsets), tau, seed,
                      True, v)


def _upper_rational(e):
    """An exact rational ≥ every point of the Enclosure e (its upper endpoint)."""
    man, exp = e.ball.upper().man_exp()
    return sp.Integer(int(man)) * sp.Integer(2) ** int(exp)


def _as_gamma(gamma, tau):
    """γ of Q2 as an exact rational with 0 ≤ γ < τ², or :class:`DomainError` naming that range."""
    if isinstance(gamma, str):
        try:
            q = Fraction(gamma.strip())
        except (ValueError, ZeroDivisionError):
            q = None
    else:
        q = rational_or_none(gamma)
    if q is None:
        raise DomainError(f"gamma must be a rational number such as '1/8' with 0 <= gamma < tau**2, got {gamma!r}")
    if not 0 <= q < tau ** 2:
        raise DomainError(f"gamma must satisfy 0 <= gamma < tau**2 = {tau ** 2} (Q2 needs tau**2 > gamma), got {q}")
    return sp.Rational(q.numerator, q.denominator)


def csq_game(members, dist, tau, *, bound=None, gamma=0, queries: int = 100, seed: int = 0, dps: int = 15,
             structured: int = 10) -> GameResult:
    """The CSQ game for a small list of networks under ``dist`` with certified inner products.

    Queries are seeded random ReLU networks and ``structured`` sums of the first members, each
    scaled by a certified upper bound on its norm (so ‖h‖ ≤ 1); a member is counted unless
    |⟨h, f⟩| ≤ τ is certain, so the counts are upper counts and the verdict stays certified.

    Parameters
    ----------
    members : list of Network
        At most 64 networks on the same R^n.
    dist : Distribution
        The input law.
    tau : rational in (0, 1)
        The tolerance.
    bound : number, optional
        The proved count bound (count < bound); default c/τ² with c an upper bound on the largest
        ‖f‖² (G7; γ = 0), or c/(τ² - γ) when ``gamma`` > 0 (Q2).
    gamma : rational
        The sup of the normalised correlations for Q2 (default 0: G7); an exact rational (``"1/8"``,
        ``Fraction``, int) with 0 ≤ γ < τ² (Q2's hypothesis τ² > γ).
    queries : int
        The number of random queries.
    seed : int
        The seed of ``numpy.random.default_rng``.
    dps : int
        Digits of the certified inner products.
    structured : int
        How many structured queries (sums of 1, 2, ... members) to add.

    Returns
    -------
    GameResult
        Certified upper counts and the verdict (claim G7, or Q2 when ``gamma`` > 0).

    Raises
    ------
    DomainError
        If the members are not a non-empty list of Networks, τ is invalid, or γ is not a rational in
        [0, τ²).
    ResourceLimit
        If there are more than 64 members.
    """
    from ..networks import Network, inner_product

    tau = as_tolerance(tau)
    gamma = _as_gamma(gamma, tau)
    if not isinstance(members, (list, tuple)) or not members or not all(isinstance(f, Network) for f in members):
        raise DomainError("members must be a non-empty list of Networks")
    if len(members) > 64:
        raise ResourceLimit(f"the certified game computes every ⟨h, f_i⟩; at most 64 members, got {len(members)}")
    n = members[0].n
    norms = [inner_product(f, f, dist, dps=dps) for f in members]
    if bound is None:
        c = to_sympy(_upper_rational(max(norms, key=float)))
        bound = c / tau ** 2 if gamma == 0 else 1 / (tau ** 2 - gamma) * c
    rng = np.random.default_rng(seed)
    counts = []
    hs = []
    for _ in range(queries):
        W = []
        while len(W) < 2:                     # non-zero hidden weights
            w = rng.integers(-4, 5, n)
            if w.any():
                W.append([sp.Rational(int(v), 4) for v in w])
        hs.append(Network(W, "relu", outputs=[int(rng.integers(-4, 5)) or 1 for _ in range(2)], n=n))
    for q in range(min(structured, len(members))):            # normalised sums of q + 1 members
        h = members[0]
        for f in members[1:q + 1]:
            h = h + f
        hs.append(h)
    for h in hs:
        hh = inner_product(h, h, dist, dps=dps)
        if hh.is_exact_zero():
            counts.append(0)
            continue
        scale = _upper_rational(hh) ** sp.Rational(1, 2)     # ≥ ‖h‖: h/scale has ‖·‖ ≤ 1
        cnt = 0
        for f in members:
            v = inner_product(h, f, dist, dps=dps)
            # counted unless certainly |⟨h, f⟩|/scale ≤ τ (an upper count: the check stays certified)
            if not compare(abs(v), "<=", tau * scale).ok:
                cnt += 1
        counts.append(cnt)
    params = {"members": len(members), "tau": str(tau), "queries": len(hs), "seed": seed, "law": repr(dist)}
    v = _verdict("G7" if gamma == 0 else "Q2", counts, bound, False, params,
                 f"certified CSQ game (inner products to {dps} digits; counts are upper counts)")
    return GameResult(max(counts), bound, f"count < {show(bound)}", tuple(counts), len(hs), len(members), tau, seed,
                      False, v)
