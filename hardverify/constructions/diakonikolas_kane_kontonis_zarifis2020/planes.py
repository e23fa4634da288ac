"""DKKZ 2020's hard family: F_k(U_fᵀ x) over an explicit, counted family of nearly orthogonal planes (SPEC D1, D2).

DKKZ Lemma 17 shows by a probabilistic argument that ≥ 2^{Ω(d^c)} planes with pairwise ‖AᵀB‖₂ = O(d^{c-1/2})
exist.  Here the planes are **explicit** (a Reed–Solomon-type code):

* p a prime, r ≤ p, and d = 2p² coordinates split into two blocks of p² indexed by F_p × F_p;
* for each polynomial f ∈ F_p[X] of degree < r (N = p^r of them) the plane is spanned by
  u_f = p^{-1/2} Σ_{x∈F_p} e_{(x, f(x))} in block 1 and u′_f, the same vector in block 2;
* u_f, u′_f are orthonormal (p unit entries / √p; disjoint blocks), and for f ≠ g
  **U_fᵀ U_g = (j/p)·I₂** with j = #{x : f(x) = g(x)} = the number of roots of f - g in F_p ≤ r - 1
  (a non-zero polynomial of degree < r has at most r - 1 roots).

Correlation bound (proved): (U_fᵀx, U_gᵀx) is a pair of standard 2-D Gaussians with cross-covariance
ρI₂, ρ = j/p, so by the Mehler expansion E[F(U_fᵀx) F(U_gᵀx)] = Σ_ℓ ρ^ℓ ‖F^{[ℓ]}‖² (DKKZ Lemma 16 with
‖U_fᵀU_g‖₂ = ρ; SPEC D2).  F_k (even k) has no Hermite component of degree < k (D1), hence
0 ≤ ⟨F(U_fᵀx), F(U_gᵀx)⟩ ≤ (j/p)^k E[F_k²], and = 0 for j = 0.  The orbit of j holds
p^r · E_j ordered pairs, E_j = #{h ≠ 0 : deg h < r, exactly j roots in F_p}, counted by inclusion–exclusion
(E_j = Σ_{t ≥ j} (-1)^{t-j} C(t, j) C(p, t) Z_t with Z_t = p^{r-t} for t < r and 1 for t ≥ r), never by
enumeration.  At dimension n the largest prime p with 2p² ≤ n is used (the other coordinates are unused).

>>> fam = DKKZPlanes(4, degree=2)
>>> fam.prime(50), fam.family_size(50)                      # p = 5: 2·25 = 50 coordinates, N = 5²
(5, 25)
>>> [(o.invariant, o.pairs) for o in fam.correlation_profile(50).orbits]    # 25 × (4 constants, 20 lines)
[(0, 100), (1, 500)]
"""

from __future__ import annotations

import functools
import itertools
import math

import sympy as sp

from ...distributions import Gaussian
from ...errors import DomainError, HypothesisFailed
from ...verdict import Status, Verdict
from ..protocol import Construction, CorrelationProfile, Display, Orbit
from .planar import hermite_degree_profile, planar_network
from .planar import norm2 as _planar_norm2

__all__ = ["DKKZPlanes", "root_count_distribution"]

SOURCE = "SPEC §6 D1, D2 (DKKZ 2020, Lemmas 16, 17)"


def _int(v, name, lo, hi=None):
    if isinstance(v, bool) or not isinstance(v, int) or v < lo or (hi is not None and v > hi):
        rng = f"{lo} ≤ {name}" + (f" ≤ {hi}" if hi is not None else "")
        raise DomainError(f"{name} must be an int with {rng}, got {v!r}")
    return v


def root_count_distribution(p: int, r: int) -> dict:
    """The number E_j of non-zero h ∈ F_p[X] of degree < r with exactly j distinct roots in F_p.

    By inclusion–exclusion (module docstring), never by enumeration; Σ_j E_j = p^r - 1.

    Parameters
    ----------
    p : int
        A prime.
    r : int
        ``1 <= r <= p``.

    Returns
    -------
    dict
        ``{j: E_j}`` for j = 0..r-1, zero counts left out (exact ints).

    Raises
    ------
    DomainError
        If p is not a prime or r is outside 1..p.

    Examples
    --------
    Over F_3 with degree < 3: 8 polynomials have no root (2 non-zero constants, 6 irreducible
    quadratics), and the counts add up to 3³ - 1:

    >>> E = root_count_distribution(3, 3)
    >>> E, sum(E.values()) == 3 ** 3 - 1
    ({0: 8, 1: 12, 2: 6}, True)
    """
    _int(p, "p", 2)
    if not sp.isprime(p):
        raise DomainError(f"p must be prime, got {p}")
    _int(r, "r", 1, p)
    Z = [p ** (r - t) if t < r else 1 for t in range(p + 1)]
    out = {}
    for j in range(r):
        out[j] = sum((-1) ** (t - j) * math.comb(t, j) * math.comb(p, t) * Z[t] for t in range(j, p + 1))
    return {j: c for j, c in out.items() if c}


#: the default exponent c of the plane count 2^{Ω(d^c)}
HALF = sp.Rational(1, 2)


class DKKZPlanes(Construction):
    """F_k(U_fᵀ x) over the explicit planes of the module docstring.

    Parameters
    ----------
    k : int
        The planar function F_k (2k ReLUs); even k ≥ 2 (odd k ≥ 3 gives F_k ≡ 0).
    degree : int, optional
        r, the polynomials have degree < r (N = p^r planes).  Default: r = max(2, ⌊p^exponent⌋).
    exponent : number
        c in r = ⌊p^c⌋ (default 1/2: N = p^{√p} = exp(Ω(d^{1/4} log d)), ‖U_fᵀU_g‖ ≤ p^{-1/2}).

    Raises
    ------
    DomainError
        If k is not an int in 2..64, degree is not an int >= 1, or exponent is not in (0, 1).

    References
    ----------
    Diakonikolas, Kane, Kontonis, Zarifis, *Algorithms and SQ lower bounds for PAC learning
    one-hidden-layer ReLU networks*, COLT 2020 (eq. (3), Lemmas 16 and 17); SPEC §6 and §11.

    Examples
    --------
    A correlation profile needs no enumeration of the p^r planes (here 7² at n = 98):

    >>> fam = DKKZPlanes(4, degree=2)
    >>> p = fam.correlation_profile(98)
    >>> p.size, [(o.invariant, o.pairs) for o in p.orbits], p.orbits[1].bound == (fam.norm2() / 7 ** 4)
    (49, [(0, 294), (1, 2058)], True)
    """

    key = "dkkz2020"
    paper = ("Diakonikolas, Kane, Kontonis, Zarifis, Algorithms and SQ lower bounds for PAC learning one-hidden-layer "
             "ReLU networks, COLT 2020")
    claims = ("D1", "D2", "D0")

    def __init__(self, k: int = 4, *, degree: int | None = None, exponent=HALF):
        self.k = _int(k, "k", 2, 64)
        self.degree = None if degree is None else _int(degree, "degree", 1)
        self.exponent = sp.Rational(exponent)
        if not 0 < self.exponent < 1:
            raise DomainError(f"exponent must lie in (0, 1), got {exponent}")

    def __repr__(self) -> str:
        r = f"r={self.degree}" if self.degree is not None else f"r=⌊p^{self.exponent}⌋"
        return f"DKKZPlanes(k={self.k}, {r})"

    # -- sizes ---------------------------------------------------------------------------------
    def prime(self, n: int) -> int:
        """The largest prime p with 2p² ≤ n (which must be ≥ the degree bound r).

        Parameters
        ----------
        n : int
            The dimension.

        Returns
        -------
        int

        Raises
        ------
        DomainError
            If ``n < 1`` or no prime p ≥ r (2 when ``degree`` is None) has 2p² ≤ n.

        Examples
        --------
        >>> DKKZPlanes().prime(97), DKKZPlanes().prime(98)
        (5, 7)
        """
        _int(n, "n", 1)
        p = sp.prevprime(math.isqrt(n // 2) + 1) if n >= 8 else None
        if p is None or 2 * p * p > n or p < (self.degree or 2):
            raise DomainError(f"the planes need n ≥ 2p² for a prime p ≥ r = {self.degree or 2}; got n = {n}")
        return int(p)

    def r(self, n: int) -> int:
        """The degree bound r at dimension n: ``degree`` if given, else max(2, min(p, ⌊p^exponent⌋)).

        Parameters
        ----------
        n : int
            The dimension.

        Returns
        -------
        int

        Raises
        ------
        DomainError
            As :meth:`prime`.
        """
        p = self.prime(n)
        return self.degree if self.degree is not None else max(2, min(p, int(sp.floor(sp.Integer(p) ** self.exponent))))

    def family_size(self, n: int) -> int:
        """N = p^r, the number of planes at dimension n.

        Parameters
        ----------
        n : int
            The dimension.

        Returns
        -------
        int
            Exact.

        Raises
        ------
        DomainError
            As :meth:`prime`.
        """
        return self.prime(n) ** self.r(n)

    def max_overlap(self, n: int):
        """sup_{f ≠ g} ‖U_fᵀU_g‖₂ = (r - 1)/p (exact; attained, as r - 1 ≤ p - 1 distinct roots exist).

        Parameters
        ----------
        n : int
            The dimension.

        Returns
        -------
        sympy.Rational

        Raises
        ------
        DomainError
            As :meth:`prime`.
        """
        return sp.Rational(self.r(n) - 1, self.prime(n))

    # -- members -------------------------------------------------------------------------------
    def plane(self, index, n: int) -> sp.Matrix:
        """U_f ∈ R^{n×2} for the coefficient tuple f = (f_0, …, f_{r-1}) of f(X) = Σ f_i X^i (exact).

        Parameters
        ----------
        index : sequence of int
            r coefficients in 0..p-1.
        n : int
            The dimension.

        Returns
        -------
        sympy.Matrix
            n × 2, orthonormal columns (p entries 1/√p each, in disjoint blocks).

        Raises
        ------
        DomainError
            If ``index`` does not hold r ints in 0..p-1, or as :meth:`prime`.

        Examples
        --------
        Over F_5, f = 2 + X and g = 2 + 2X agree at x = 0 only, so U_fᵀU_g = I/5; f and 3 + X never agree:

        >>> import sympy as sp
        >>> fam = DKKZPlanes(2, degree=2)
        >>> U, V = fam.plane((2, 1), 50), fam.plane((2, 2), 50)
        >>> U.T * U == sp.eye(2), U.T * V == sp.eye(2) / 5, U.T * fam.plane((3, 1), 50) == sp.zeros(2)
        (True, True, True)
        """
        p, r = self.prime(n), self.r(n)
        f = tuple(index)
        if len(f) != r or not all(isinstance(c, int) and 0 <= c < p for c in f):
            raise DomainError(f"a plane's index is r = {r} coefficients in 0..{p - 1}, got {index!r}")
        U = sp.zeros(n, 2)
        for x in range(p):
            y = sum(c * x ** i for i, c in enumerate(f)) % p
            U[x * p + y, 0] = U[p * p + x * p + y, 1] = 1 / sp.sqrt(p)
        return U

    def member(self, index, n: int):
        """F_k(U_fᵀ x) on R^n as a Network (exact weights).

        Parameters
        ----------
        index : sequence of int
            The coefficient tuple f (see :meth:`plane`).
        n : int
            The dimension, at most 2000 for an explicit member.

        Returns
        -------
        Network
            2k units on the 2p coordinates of the plane.

        Raises
        ------
        DomainError
            If n > 2000, or as :meth:`plane`.
        """
        if n > 2000:
            raise DomainError("explicit members are built for n ≤ 2000 (the profile needs none)")
        return planar_network(self.k).precompose(self.plane(index, n).T, n)

    def indices(self, n: int):
        """All p^r coefficient tuples, lazily (for small explicit checks only).

        Parameters
        ----------
        n : int
            The dimension.

        Returns
        -------
        iterator of tuple
            ``itertools.product(range(p), repeat=r)``.

        Raises
        ------
        DomainError
            As :meth:`prime`.
        """
        p, r = self.prime(n), self.r(n)
        return itertools.product(range(p), repeat=r)

    def norm2(self, *, dps=None, algorithm: str = "auto", dist=None):
        """E[F_k(Uᵀx)²] = E[F_k²] under N(0, I) (exact; Uᵀx ~ N(0, I₂)), the same for every plane.

        Parameters
        ----------
        dps : int, optional
            Decimal digits of a certified result (the exact value enclosed); None for the exact value.
        algorithm : str
            Ignored (the value is exact).
        dist : Gaussian, optional
            None or a standard Gaussian.

        Returns
        -------
        sympy.Expr or Enclosure

        Raises
        ------
        DomainError
            If ``dist`` is given and is not a Gaussian.

        Examples
        --------
        >>> DKKZPlanes(2).norm2()                          # SPEC D1
        2 - 4/pi
        """
        if dist is not None and not isinstance(dist, Gaussian):
            raise DomainError("the planes family is defined under the standard Gaussian N(0, I_n)")
        v = _planar_norm2(self.k)
        if dps is None:
            return v
        from ...numeric.enclosure import enclose
        return enclose(v, dps)

    # -- profile ---------------------------------------------------------------------------------
    def correlation_profile(self, n: int, dist=None, *, dps: int | None = None) -> CorrelationProfile:
        """Bound-only profile by j = #agreements (see the module docstring): orbit j has correlation in
        [0, (j/p)^k E F_k²] (exact 0 for j = 0).  Needs N(0, I_n) and even k (F_k ≢ 0, no low degrees).

        Parameters
        ----------
        n : int
            The dimension (2p² ≤ n).
        dist : Gaussian, optional
            N(0, I_n) (the default).
        dps : int, optional
            Ignored: the profile is exact.

        Returns
        -------
        CorrelationProfile
            Orbit 0 with exact correlation 0, orbits j ≥ 1 with bound (j/p)^k E[F_k²]; evidence the
            PROVED D1 (no low degrees), D2 (plane overlaps) and norm verdicts.

        Raises
        ------
        HypothesisFailed
            If ``dist`` is not N(0, I_n) (UNDECIDED), or k is odd (REFUTED: F_k ≡ 0).
        DomainError
            As :meth:`prime`.

        Examples
        --------
        Orbit j = 1 of p = 5, r = 2: the 25 · 20 ordered pairs of lines f - g with one root:

        >>> p = DKKZPlanes(2, degree=2).correlation_profile(50)
        >>> p.orbits[1].pairs, p.orbits[1].bound
        (500, 2/25 - 4/(25*pi))
        """
        dist = Gaussian(n) if dist is None else dist
        if not isinstance(dist, Gaussian) or dist.n != n:
            v = Verdict(Status.UNDECIDED, claim="D2", source=SOURCE,
                        evidence=f"the decay bound is proved under N(0, I_n) only, got {dist!r}")
            raise HypothesisFailed(v.evidence, v)
        low = _low_degrees_vanish(self.k)
        if not low:
            raise HypothesisFailed(low.evidence, low)
        p, r, N = self.prime(n), self.r(n), self.family_size(n)
        c = self.norm2()
        E = root_count_distribution(p, r)
        orbits = tuple(Orbit(j, N * cnt, correlation=sp.Integer(0)) if j == 0 else
                       Orbit(j, N * cnt, bound=sp.Rational(j, p) ** self.k * c) for j, cnt in sorted(E.items()))
        planes = Verdict(Status.PROVED, claim="D2", source=SOURCE, method="derivation (polynomials over F_p)",
                         evidence=f"U_fᵀU_g = (j/p)I₂, j = #roots of f - g ≤ r - 1 = {r - 1} (p = {p}); "
                                  "Mehler: E[F(U_fᵀx)F(U_gᵀx)] = Σ_ℓ (j/p)^ℓ ‖F^[ℓ]‖² ∈ [0, (j/p)^k E F²]")
        norm = Verdict(Status.PROVED, claim="D1", source=SOURCE, method="exact dual kernels",
                       evidence=f"E[F_{self.k}²] = {c}")
        return CorrelationProfile(construction=repr(self), n=n, size=N, law=repr(dist),
                                  invariant="j = #{x ∈ F_p : f(x) = g(x)}", diagonal=c, orbits=orbits,
                                  evidence=(low, planes, norm))

    # -- display in notebooks (Construction renders this Display as Markdown and LaTeX) -------------------
    def _display(self) -> Display:
        k = self.k
        r = self.degree if self.degree is not None else sp.floor(sp.Symbol("p", positive=True) ** self.exponent)
        return Display(
            "DKKZ planes family", (("k", k), ("r", r)),
            rf"f_U(x) = F_{{{k}}}(U^{{\top}} x),\quad F_{{{k}}}(y) = \sum_{{i=0}}^{{{2 * k - 1}}} (-1)^i\,"
            rf"\mathrm{{ReLU}}(\langle u_i, y\rangle),"
            rf"\quad u_i = \left(\cos\tfrac{{\pi i}}{{{k}}}, \sin\tfrac{{\pi i}}{{{k}}}\right)",
            f"f_U(x) = F_{k}(Uᵀx), F_{k}(y) = Σ_(i<{2 * k}) (-1)^i ReLU(⟨u_i, y⟩), u_i = (cos(πi/{k}), sin(πi/{k}))",
            ("N = p^r planes U_f ∈ R^(n×2), one per f ∈ F_p[X] of degree < r; p the largest prime with 2p² ≤ n",
             "U_fᵀU_g = (j/p)·I₂ with j ≤ r − 1 roots of f − g (SPEC D1, D2)"))


@functools.lru_cache(maxsize=16)
def _low_degrees_vanish(k: int) -> Verdict:
    """D1: every Hermite component of F_k of degree < k is an exact 0 (the D2 hypothesis with m = k)."""
    if k % 2:
        return Verdict(Status.REFUTED, claim="D1", source=SOURCE, method="parity",
                       evidence=f"F_{k} ≡ 0 for odd k ≥ 3 (SPEC D1): no hard family")
    prof = hermite_degree_profile(k, k - 1)
    ok = all(sp.simplify(c) == 0 for ell in prof for c in prof[ell])
    return Verdict(Status.PROVED if ok else Status.UNDECIDED, claim="D1", source=SOURCE,
                   method="exact Hermite components", evidence=f"E[F_{k} H_α] = 0 for every |α| < {k}")
