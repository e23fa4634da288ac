"""SPEC W4 (the SQ hard families, as constructions) and W5 (the dimension count, the projected rank).

**W4 is correlational only.**  VW's lower bound is a CSQ (inner-product query) bound for real-valued
targets; VW's own Prop. 4.1 gives a "cheating" general-SQ algorithm for such classes (SPEC §11), so
nothing here supports a general-SQ claim.  This module builds the *inputs* of the SQ engine
(:mod:`hardverify.sq`): families as :class:`~hardverify.constructions.protocol.Construction` objects with
counted :class:`~hardverify.constructions.protocol.CorrelationProfile` s; it computes no SQ bound.

* :class:`MonomialFamily` — the C(n, k) multilinear monomials x_S = Π_{i∈S} x_i, |S| = k: harmonic
  (Δ x_S = 0, so x_S ∈ H_k^n), pairwise orthogonal under every law invariant under the coordinate
  reflections (PROVED: for S ≠ T pick i ∈ S △ T; x_i ↦ -x_i keeps the law and flips x_S x_T), and on
  U_n, E[x_S²] = Γ(n/2)/(2^k Γ(n/2 + k)) = 1/(n(n+2)…(n+2k-2)) (two exact routes).
* :class:`ZonalFamily` — F_S = √N(n,k) P_k^{(n)}(⟨u_S, ·⟩) at the points u_S = 1_S/√s (|S| = s): by F3,
  E[F_S F_T] = P_k^{(n)}(⟨u_S, u_T⟩) = P_k^{(n)}(j/s), j = |S ∩ T| — exact rationals, counted by orbit
  (no bound is needed: every orbit's correlation is exact).  P_k^{(n)}(0) ~ (k-1)!! n^{-k/2} (F2.5) for
  the disjoint pairs; overlapping pairs keep P_k(j/s) → (j/s)^k but are a fraction O(s²/n) of all pairs.
* :func:`information_table` — log₂ C(n, k) = Θ(k log n), certified, beside the family size.
* :func:`dimension_count`, :func:`projected_rank` — W5.

>>> fam = MonomialFamily(3)
>>> p = fam.correlation_profile(6)
>>> p.size, p.diagonal, p.is_exactly_orthogonal()                 # SPEC W4 / V20: 1/480
(20, 1/480, True)
>>> [(o.invariant, o.pairs) for o in ZonalFamily(2, support=2).correlation_profile(4).orbits]
[(0, 6), (1, 24)]
"""

from __future__ import annotations

import functools
import math

import sympy as sp
from flint import arb, ctx, fmpq, fmpq_mat

from hardverify.core.activations import t
from hardverify.distributions import Hypercube, UniformSphere
from hardverify.errors import DomainError, HypothesisFailed
from hardverify.numeric.enclosure import Enclosure, bits_for_dps
from hardverify.sphere import (
    funk_hecke_eigenvalues,
    harmonic_dimension,
    harmonic_dimension_sum,
    legendre_polynomial,
    sphere_moment,
)
from hardverify.verdict import Status, Verdict

from ..protocol import Construction, CorrelationProfile, Display, Orbit
from .caveat import biased
from .targets import coordinates

__all__ = ["MonomialFamily", "ZonalFamily", "information_table", "dimension_count", "projected_rank", "PAPER"]

PAPER = ("Vempala, Wilmes, Gradient descent for one-hidden-layer neural networks: polynomial convergence and SQ "
         "lower bounds, COLT 2019 (arXiv 1805.02677)")
SOURCE = "SPEC §4 W4 (VW 2019; CSQ only, §11)"


def _int(x, name, lo, hi=None) -> int:
    if isinstance(x, bool) or not isinstance(x, int) or x < lo or (hi is not None and x > hi):
        rng = f">= {lo}" if hi is None else f"in {lo}..{hi}"
        raise DomainError(f"{name} must be an integer {rng}, got {x!r}")
    return x


def _subset(S, n, k) -> tuple:
    try:
        S = tuple(sorted(S))
    except TypeError:
        raise DomainError(f"the index must be a set of {k} coordinates in 1..{n}, got {S!r}") from None
    if len(S) != k or len(set(S)) != k or not all(isinstance(i, int) and 1 <= i <= n for i in S):
        raise DomainError(f"the index must be a set of {k} distinct coordinates in 1..{n}, got {S!r}")
    return S


def _orbits(n: int, k: int, N: int, value) -> tuple:
    """Orbits of ordered pairs (S, T), S ≠ T, of k-subsets by j = |S ∩ T|: N C(k, j) C(n - k, k - j) pairs each."""
    return tuple(Orbit(j, N * math.comb(k, j) * math.comb(n - k, k - j), correlation=value(j))
                 for j in range(k) if math.comb(n - k, k - j))


class MonomialFamily(Construction):
    """{x_S : S ⊆ {1..n}, |S| = k} on the sphere (SPEC W4; correlational/CSQ claims only, see the module).

    Parameters
    ----------
    k : int
        The degree |S|, 1 ≤ k ≤ 64.
    normalized : bool
        False: the members are x_S; True: x_S / √E_D[x_S²] (unit norm under the law D of the profile;
        :meth:`member` then uses D = U_n), the form the SQ engine's bounds compare with a tolerance τ.

    Raises
    ------
    DomainError
        If k is not an int in 1..64 or ``normalized`` is not a bool.

    References
    ----------
    Vempala, Wilmes, *Gradient descent for one-hidden-layer neural networks: polynomial convergence
    and SQ lower bounds*, COLT 2019 (arXiv 1805.02677); SPEC §4 and §11.

    Examples
    --------
    SPEC V20: on S^5, E[x_S²] = 1/(6·8·10) = 1/480 for |S| = 3, by two routes:

    >>> import hardverify as hv
    >>> fam = MonomialFamily(3)
    >>> fam.norm2(dist=hv.UniformSphere(6)), fam.norm2(dist=hv.UniformSphere(6), algorithm="moments")
    (1/480, 1/480)
    """

    key = "vempala_wilmes2019.monomials"
    paper = PAPER
    claims = ("W4",)

    def __init__(self, k: int, *, normalized: bool = False):
        self.k = _int(k, "k", 1, 64)
        if not isinstance(normalized, bool):
            raise DomainError(f"normalized must be True or False, got {normalized!r}")
        self.normalized = normalized

    def __repr__(self) -> str:
        return f"VW monomials x_S{'/‖x_S‖' if self.normalized else ''} (k={self.k})"

    def family_size(self, n: int) -> int:
        """C(n, k), the number of members.  W4 feeds correlational (CSQ) bounds only.

        Parameters
        ----------
        n : int
            The dimension, n ≥ 2.

        Returns
        -------
        int
            Exact.

        Raises
        ------
        DomainError
            If n < 2 or k > n.
        """
        n = _int(n, "n", 2)
        if self.k > n:
            raise DomainError(f"k = {self.k} > n = {n}: no k-subsets")
        return math.comb(n, self.k)

    def member(self, index, n: int) -> sp.Expr:
        """x_S = Π_{i ∈ S} x_i as a sympy polynomial in x1..xn (a W4 member; CSQ claims only).

        With ``normalized`` it is x_S √(n(n+2)⋯(n+2k-2)), of unit norm on U_n.

        Parameters
        ----------
        index : iterable of int
            S, k distinct coordinates in 1..n.
        n : int
            The dimension.

        Returns
        -------
        sympy.Expr

        Raises
        ------
        DomainError
            If S is not a k-subset of {1, …, n}, or as :meth:`family_size`.

        Examples
        --------
        >>> MonomialFamily(2).member({3, 1}, 5)
        x1*x3
        """
        self.family_size(n)
        xs = coordinates(n)
        x = sp.Mul(*[xs[i - 1] for i in _subset(index, n, self.k)])
        return x * sp.sqrt(sp.Mul(*[n + 2 * i for i in range(self.k)])) if self.normalized else x   # 1/√E_{U_n}[x_S²]

    def harmonicity(self) -> Verdict:
        """W4 (CSQ only): PROVED Δx_S = 0 (on x_1⋯x_k; no other coordinate occurs); x_S homogeneous of degree k.

        Returns
        -------
        Verdict
            PROVED by the exact Laplacian (REFUTED if it were non-zero).
        """
        xs = coordinates(max(self.k, 2))[: self.k]
        p = sp.Mul(*xs)
        lap = sp.expand(sum(sp.diff(p, x, 2) for x in xs))
        st = Status.PROVED if lap == 0 else Status.REFUTED
        return Verdict(st, claim="W4", method="exact Laplacian", source=SOURCE, params={"k": self.k},
                       evidence=f"Δ(x_1⋯x_{self.k}) = {lap}: x_S ∈ H_{self.k}^n for every n ≥ {self.k}")

    def orthogonality(self, dist) -> Verdict:
        """W4 (CSQ only): PROVED when ``dist`` has every coordinate reflection (x_i ↦ -x_i, i ∈ S △ T flips x_S x_T).

        Parameters
        ----------
        dist : Distribution
            The law (its ``all_reflections`` flag is read).

        Returns
        -------
        Verdict
            PROVED, or UNDECIDED when the reflections are not known to preserve the law.

        Examples
        --------
        >>> import hardverify as hv
        >>> fam = MonomialFamily(2)
        >>> fam.orthogonality(hv.UniformSphere(4)).status.name, fam.orthogonality(hv.ShiftedGaussian(4, 1)).status.name
        ('PROVED', 'UNDECIDED')
        """
        ok = bool(getattr(dist, "all_reflections", False))
        return Verdict(Status.PROVED if ok else Status.UNDECIDED, claim="W4", source=SOURCE,
                       method="symmetry: coordinate reflections", params={"k": self.k, "law": repr(dist)},
                       evidence=("every reflection x_i ↦ -x_i preserves the law; for S ≠ T and i ∈ S △ T it maps "
                                 "x_S x_T to -x_S x_T, so E[x_S x_T] = 0" if ok else
                                 f"{dist!r} is not known to be invariant under every coordinate reflection"))

    def norm2(self, *, dps=None, algorithm: str = "auto", dist=None):
        """E_D[x_S²]: on U_n 1/(n(n+2)…(n+2k-2)) (``"product"``) = E[x_1²⋯x_k²] by the Gamma moment formula
        (``"moments"``); spherical laws scale by E[R^{2k}]; the hypercube gives 1.  Exact (``dps`` encloses it).
        W4, CSQ only.

        Parameters
        ----------
        dps : int, optional
            Decimal digits of an enclosure of the exact value; None for the exact value.
        algorithm : {"auto", "product", "moments"}
            The route on spherical laws.
        dist : Distribution
            Required: a spherical law (``is_spherical``) or the hypercube.  With ``normalized`` the value
            is 1.

        Returns
        -------
        sympy.Expr or Enclosure

        Raises
        ------
        DomainError
            If ``dist`` is None or of another kind, ``algorithm`` is unknown, or k > n.
        """
        if dist is None:
            raise DomainError("E[x_S²] depends on n: pass dist= (e.g. UniformSphere(n))")
        if algorithm not in ("auto", "product", "moments"):
            raise DomainError(f"algorithm must be 'auto', 'product' or 'moments', got {algorithm!r}")
        n, k = dist.n, self.k
        if k > n:
            raise DomainError(f"k = {k} > n = {n}")
        if isinstance(dist, Hypercube):
            v = sp.Integer(1)
        elif getattr(dist, "is_spherical", False):
            if algorithm == "moments":
                base = sphere_moment(n, (2,) * k)
            else:
                base = sp.Integer(1) / sp.Mul(*[n + 2 * i for i in range(k)])
            v = base * dist.radius_moment(2 * k)
        else:
            raise DomainError(f"E[x_S²] is computed for spherical laws and the hypercube, not {dist!r}")
        if self.normalized:
            v = sp.Integer(1)
        if dps is None:
            return v
        from hardverify.numeric.enclosure import enclose
        return enclose(v, dps)

    def correlation_profile(self, n: int, dist=None, *, dps: int | None = None) -> CorrelationProfile:
        """Counted by j = |S ∩ T|: every off-diagonal correlation is exactly 0; the diagonal is E[x_S²].

        Default law U_n.  A law that is not reflection invariant raises HypothesisFailed.  CSQ only.

        Parameters
        ----------
        n : int
            The dimension, n ≥ max(2, k).
        dist : Distribution, optional
            The law (default ``UniformSphere(n)``).
        dps : int, optional
            Enclose the diagonal; None for the exact value.

        Returns
        -------
        CorrelationProfile
            Exact zero correlations, evidence the PROVED harmonicity, orthogonality and norm verdicts.

        Raises
        ------
        HypothesisFailed
            If orthogonality is not proved under ``dist``.
        DomainError
            As :meth:`family_size` and :meth:`norm2`.
        """
        dist = UniformSphere(n) if dist is None else dist
        N = self.family_size(n)
        orth = self.orthogonality(dist)
        if not orth:
            raise HypothesisFailed(f"x_S are not proved orthogonal under {dist!r}", orth)
        c = self.norm2(dist=dist, dps=dps)
        norm = Verdict(Status.PROVED if dps is None else Status.CERTIFIED, claim="W4", source=SOURCE,
                       method=("exact: normalised to 1" if self.normalized
                               else "exact: Γ(n/2)/(2^k Γ(n/2+k)) · E[R^{2k}]"),
                       evidence=f"E[x_S²] = {c} for every S")
        return CorrelationProfile(construction=repr(self), n=n, size=N, law=repr(dist), invariant="j = |S ∩ T|",
                                  diagonal=c, orbits=_orbits(n, self.k, N, lambda j: sp.Integer(0)),
                                  evidence=(self.harmonicity(), orth, norm))

    # -- display in notebooks (Construction renders this Display as Markdown and LaTeX) -------------------
    def _display(self) -> Display:
        k = self.k
        member = r"\frac{x_S}{\|x_S\|_{L^2(U_n)}},\ " if self.normalized else ""
        return Display(
            "VW monomial family", (("k", k), ("normalized", "yes" if self.normalized else "no")),
            rf"{member}x_S = \prod_{{i \in S}} x_i,\quad |S| = {k},\quad x \sim \mathrm{{Unif}}(S^{{n-1}})",
            f"x_S = Π_(i ∈ S) x_i{' / ‖x_S‖' if self.normalized else ''}, |S| = {k}, x ~ U(S^(n−1))",
            (f"C(n, {k}) members, pairwise orthogonal, harmonic of degree {k}",
             "correlational (CSQ) claims only: SPEC W4, §11"))


class ZonalFamily(Construction):
    """{F_S = √N(n,k) P_k^{(n)}(⟨u_S, ·⟩) : |S| = s}, u_S = 1_S/√s, on U_n (SPEC W4 alternative; CSQ only).

    Parameters
    ----------
    k : int
        The degree, 1 ≤ k ≤ 1000.
    support : int
        s, the number of non-zero coordinates of each point u_S, 1 ≤ s ≤ 64 (s = 1: the n points e_i).

    Raises
    ------
    DomainError
        If k or s is out of range.

    References
    ----------
    Vempala, Wilmes, *Gradient descent for one-hidden-layer neural networks: polynomial convergence
    and SQ lower bounds*, COLT 2019 (arXiv 1805.02677); SPEC §4 and §11.

    Examples
    --------
    P_2^{(n)}(t) = (nt² - 1)/(n - 1), so on S^3 two supports of size 2 sharing one coordinate
    (⟨u_S, u_T⟩ = 1/2) are exactly orthogonal:

    >>> z = ZonalFamily(2, support=2)
    >>> z.correlation(4, 1), z.correlation(4, 0), z.family_size(4)
    (0, -1/3, 6)
    """

    key = "vempala_wilmes2019.zonal"
    paper = PAPER
    claims = ("W4",)

    def __init__(self, k: int, *, support: int = 1):
        self.k = _int(k, "k", 1, 1000)
        self.s = _int(support, "support", 1, 64)

    def __repr__(self) -> str:
        return f"VW zonal √N P_k(⟨u_S,·⟩) (k={self.k}, |S|={self.s})"

    def family_size(self, n: int) -> int:
        """C(n, s), the number of members.  W4 feeds correlational (CSQ) bounds only.

        Parameters
        ----------
        n : int
            The dimension, n ≥ 2.

        Returns
        -------
        int

        Raises
        ------
        DomainError
            If n < 2 or s > n.
        """
        n = _int(n, "n", 2)
        if self.s > n:
            raise DomainError(f"support s = {self.s} > n = {n}")
        return math.comb(n, self.s)

    def point(self, index, n: int) -> tuple:
        """u_S = 1_S/√s (exact; W4, CSQ only).

        Parameters
        ----------
        index : iterable of int
            S, s distinct coordinates in 1..n.
        n : int
            The dimension.

        Returns
        -------
        tuple of sympy numbers

        Raises
        ------
        DomainError
            If S is not an s-subset of {1, …, n}.
        """
        self.family_size(n)
        S = set(_subset(index, n, self.s))
        r = 1 / sp.sqrt(self.s)
        return tuple(r if i + 1 in S else sp.Integer(0) for i in range(n))

    def member(self, index, n: int) -> sp.Expr:
        """F_S as a polynomial on the sphere: √N(n,k) P_k^{(n)}(⟨u_S, x⟩) in x1..xn (W4 member; CSQ only).

        Not homogeneous: it agrees with the zonal harmonic on S^{n-1} only.

        Parameters
        ----------
        index : iterable of int
            S.
        n : int
            The dimension.

        Returns
        -------
        sympy.Expr

        Raises
        ------
        DomainError
            As :meth:`point`.
        """
        u = self.point(index, n)
        xs = coordinates(n)
        inner = sum(a * x for a, x in zip(u, xs))
        return sp.sqrt(harmonic_dimension(n, self.k)) * legendre_polynomial(n, self.k, inner)

    def correlation(self, n: int, j: int):
        """E[F_S F_T] = P_k^{(n)}(j/s) for |S ∩ T| = j (F3 corollary; exact rational; W4, CSQ only).

        Parameters
        ----------
        n : int
            The dimension.
        j : int
            |S ∩ T|, 0..s.

        Returns
        -------
        sympy.Rational
        """
        return legendre_polynomial(n, self.k, sp.Rational(j, self.s))

    def norm2(self, *, dps=None, algorithm: str = "auto", dist=None):
        """E[F_S²] = N(n,k) E[P_k²] = 1 on U_n (W4, CSQ only).

        Parameters
        ----------
        dps : int, optional
            Ignored (the value is exact).
        algorithm : str
            Ignored.
        dist : UniformSphere, optional
            None or a uniform sphere.

        Returns
        -------
        sympy.Integer
            1.

        Raises
        ------
        DomainError
            If ``dist`` is given and is not a UniformSphere.
        """
        if dist is not None and not isinstance(dist, UniformSphere):
            raise DomainError(f"the zonal family is defined on the uniform sphere, not {dist!r}")
        return sp.Integer(1)

    def correlation_profile(self, n: int, dist=None, *, dps: int | None = None) -> CorrelationProfile:
        """Orbits by j = |S ∩ T| with the exact correlation P_k^{(n)}(j/s); diagonal 1.  U_n only; CSQ only.

        Parameters
        ----------
        n : int
            The dimension.
        dist : UniformSphere, optional
            None or ``UniformSphere(n)``.
        dps : int, optional
            Ignored (exact).

        Returns
        -------
        CorrelationProfile

        Raises
        ------
        DomainError
            If ``dist`` is not the uniform sphere of R^n, or as :meth:`family_size`.
        """
        if dist is not None and not (isinstance(dist, UniformSphere) and dist.n == n and dist.radius_moment(2) == 1):
            raise DomainError(f"the zonal family's correlations are computed on UniformSphere({n}) only, got {dist!r}")
        N = self.family_size(n)
        ev = Verdict(Status.PROVED, claim="W4", source=SOURCE, method="Funk–Hecke corollary (F3)",
                     evidence="E[F_u F_v] = N(n,k) E[P_k(⟨u,·⟩)P_k(⟨v,·⟩)] = P_k(⟨u,v⟩); ⟨u_S, u_T⟩ = |S ∩ T|/s")
        return CorrelationProfile(construction=repr(self), n=n, size=N, law=repr(UniformSphere(n)),
                                  invariant="j = |S ∩ T|", diagonal=sp.Integer(1),
                                  orbits=_orbits(n, self.s, N, lambda j: self.correlation(n, j)), evidence=(ev,))

    # -- display in notebooks (Construction renders this Display as Markdown and LaTeX) -------------------
    def _display(self) -> Display:
        k, s = self.k, self.s
        return Display(
            "VW zonal family", (("k", k), ("|S|", s)),
            rf"F_S(x) = \sqrt{{N(n, {k})}}\, P_{{{k}}}^{{(n)}}(\langle u_S, x\rangle),\quad u_S = 1_S/\sqrt{{{s}}},"
            rf"\quad |S| = {s},\quad x \sim \mathrm{{Unif}}(S^{{n-1}})",
            f"F_S(x) = √N(n, {k}) P_{k}^(n)(⟨u_S, x⟩), u_S = 1_S/√{s}, |S| = {s}, x ~ U(S^(n−1))",
            (f"C(n, {s}) members; E[F_S F_T] = P_{k}^(n)(|S ∩ T|/{s}) exactly (F3)",
             "correlational (CSQ) claims only: SPEC W4, §11"))


def information_table(ns, ks, *, dps: int = 15) -> list:
    """Rows {n, k, size = C(n,k), log2_size (Enclosure), ratio = log₂C(n,k)/(k log₂ n) (Enclosure)}.

    log₂ C(n, k) = Θ(k log n): the information-theoretic cost of identifying one x_S (SPEC W4; the query lower
    bound it is compared with is correlational, CSQ only).

    Parameters
    ----------
    ns : iterable of int
        Dimensions, each ≥ 2.
    ks : iterable of int
        Degrees, each ≥ 1 (pairs with k > n are skipped).
    dps : int
        Decimal digits (default 15).

    Returns
    -------
    list of dict

    Raises
    ------
    DomainError
        If some n < 2 or k < 1.

    Examples
    --------
    >>> row, = information_table([10], [2, 20])                    # k = 20 > n is skipped
    >>> row["size"], row["log2_size"].matches("5.49185309632967")    # log2(45), math.log2
    (45, True)
    """
    rows = []
    with ctx.workprec(bits_for_dps(dps) + 64):
        for n in ns:
            for k in ks:
                n_, k_ = _int(n, "n", 2), _int(k, "k", 1)
                if k_ > n_:
                    continue
                c = math.comb(n_, k_)
                lg = arb(c).log() / arb(2).log()
                rows.append({"n": n_, "k": k_, "size": c, "log2_size": Enclosure(lg, dps),
                             "ratio": Enclosure(lg / (k_ * arb(n_).log() / arb(2).log()), dps)})
    return rows


def dimension_count(n: int, k: int) -> Verdict:
    """SPEC W5/F1: Σ_{ℓ≤k} N(n,ℓ) = C(n+k-1, k) + C(n+k-2, k-1), exactly (two formulas).

    Parameters
    ----------
    n : int
        The dimension, n ≥ 2.
    k : int
        The top degree, 0..10^4.

    Returns
    -------
    Verdict
        PROVED when the two exact integers agree (REFUTED otherwise); ``data["dimension"]`` is the sum.

    Raises
    ------
    DomainError
        If n < 2 or k is out of range.

    Examples
    --------
    On S^2, N(3, ℓ) = 2ℓ + 1: 1 + 3 + 5 = 9:

    >>> v = dimension_count(3, 2)
    >>> v.status.name, v.data["dimension"]
    ('PROVED', 9)
    """
    n, k = _int(n, "n", 2), _int(k, "k", 0, 10 ** 4)
    a = harmonic_dimension_sum(n, k)
    b = math.comb(n + k - 1, k) + (math.comb(n + k - 2, k - 1) if k >= 1 else 0)
    st = Status.PROVED if a == b else Status.REFUTED
    return Verdict(st, claim="W5", method="exact integers", source="SPEC §4 W5, F1", params={"n": n, "k": k},
                   evidence=f"Σ N(n,ℓ) = {a} {'=' if a == b else '≠'} C(n+k-1,k) + C(n+k-2,k-1) = {b}",
                   data={"dimension": int(a)})


@functools.lru_cache(maxsize=256)
def _legendre_coeffs(n, ell):
    p = sp.Poly(legendre_polynomial(n, ell), t)
    return [fmpq(int(c.p), int(c.q)) for c in p.all_coeffs()]


def projected_rank(weights, act, n: int, k: int, *, bias=0) -> dict:
    """W5: the exact rank of the Gram matrix of Π_{≤k} σ(⟨w_i, ·⟩ + b), i = 1..m, for exact rational unit w_i.

    The Gram matrix is Σ_{ℓ≤k} μ_ℓ² A_ℓ with A_ℓ = N(n,ℓ) P_ℓ(⟨w_i, w_j⟩) positive semidefinite (addition
    theorem).  The range of a positive combination of PSD matrices is the sum of their ranges, so its rank is
    rank(Σ_{ℓ∈J} A_ℓ), J = {ℓ ≤ k : μ_ℓ ≠ 0} — a rational matrix, ranked exactly (python-flint fmpq_mat).
    Returns {rank, m, degrees J, dim_J = Σ_{ℓ∈J} N(n,ℓ), dim = Σ_{ℓ≤k} N(n,ℓ)}.

    Parameters
    ----------
    weights : iterable
        m exact rational unit points of S^{n-1} (e.g. :func:`~.targets.random_rational_points`).
    act : str or Activation
        σ, with exact Funk–Hecke eigenvalues (piecewise polynomial).
    n : int
        The dimension, n ≥ 2.
    k : int
        The top degree, 0..40.
    bias : number
        b (default 0).

    Returns
    -------
    dict
        ``{"rank", "m", "degrees", "dim_J", "dim"}``, exact.

    Raises
    ------
    DomainError
        If n or k is out of range or a point is not an exact rational unit point.
    NoClosedForm
        If σ(· + b) has no exact eigenvalues.

    Examples
    --------
    Unbiased ReLU misses degree 3, so at most dim_J = 1 + 3 + 5 + 9 = 18 of the 25 dimensions of
    degree ≤ 4 on S^2 are reachable, whatever the width:

    >>> from hardverify.constructions.vempala_wilmes2019.targets import random_rational_points
    >>> r = projected_rank(random_rational_points(3, 30, seed=0), "relu", 3, 4)
    >>> r["degrees"], r["rank"], r["dim_J"], r["dim"]
    ([0, 1, 2, 4], 18, 18, 25)
    """
    from .targets import as_unit_points
    n, k = _int(n, "n", 2), _int(k, "k", 0, 40)
    W = as_unit_points(weights, n)
    for w in W:
        if not all(sp.sympify(c).is_Rational for c in w):
            raise DomainError("projected_rank needs rational unit points (e.g. random_rational_points)")
    mus = funk_hecke_eigenvalues(biased(act, bias), n, k)
    J = [ell for ell, m in enumerate(mus) if sp.sympify(m) != 0]
    Wq = [[fmpq(int(c.p), int(c.q)) for c in map(sp.Rational, w)] for w in W]
    m = len(W)
    rho = [[sum((a * b for a, b in zip(Wq[i], Wq[j])), fmpq(0)) for j in range(m)] for i in range(m)]
    K = fmpq_mat(m, m)
    for ell in J:
        coeffs, N = _legendre_coeffs(n, ell), fmpq(harmonic_dimension(n, ell))
        for i in range(m):
            for j in range(m):
                v = fmpq(0)
                for c in coeffs:                                       # Horner
                    v = v * rho[i][j] + c
                K[i, j] += N * v
    return {"rank": K.rank(), "m": m, "degrees": J, "dim_J": sum(harmonic_dimension(n, ell) for ell in J),
            "dim": int(harmonic_dimension_sum(n, k))}
