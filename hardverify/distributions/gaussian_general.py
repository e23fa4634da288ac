"""Gaussians with a general covariance: N(μ, Σ) with Σ symmetric positive definite, exactly.

:class:`CorrelatedGaussian` stores Σ as a diagonal (default 1) plus a dict of non-zero off-diagonal
entries, and μ as a default plus exceptions (:class:`~hardverify.distributions.controls.CoordVector`),
so N(0, I + ½(e_1e_3ᵀ + e_3e_1ᵀ)) on R^{10^6} costs O(1).  Positive definiteness is **proved** by an
exact LDLᵀ factorisation (over the rationals with python-flint ``fmpq``, or over sympy's exact reals) of
every connected block of correlated coordinates: Σ ≻ 0 iff every pivot d_k > 0.

Symmetries are **computed**, never declared.  For a signed permutation R, (R x)_{π(i)} = s_i x_i, one
has R x ~ N(Rμ, RΣRᵀ), so R preserves N(μ, Σ) iff

    μ_{π(i)} = s_i μ_i  and  Σ_{π(i)π(j)} = s_i s_j Σ_ij   for all i, j.

In particular the reflection x_i ↦ -x_i is a symmetry iff μ_i = 0 and Σ_ij = 0 for every j ≠ i; a
transposition iff it permutes μ and Σ consistently; x ↦ -x iff μ = 0.  A correlated Σ therefore
breaks the single reflections that SPEC G1's orthogonality argument uses, while a diagonal Σ with
μ = 0 keeps all of them.

Integrals reduce to the standard Gaussian by x = μ + Lz (Σ = LLᵀ): σ(⟨w, x⟩ + b) = σ(⟨Lᵀw, z⟩ + b + ⟨w, μ⟩),
and two such units are correlated through ⟨Lᵀw, Lᵀw'⟩ = wᵀΣw'.  Only the quadratic form
(:meth:`CorrelatedGaussian.covariance_form`) and ⟨w, μ⟩ (:meth:`CorrelatedGaussian.mean_form`) enter,
so the exact route needs no square roots (L itself is only used by the sampler).

Only the structure is decided here; :func:`hardverify.networks.inner_product` does the integration.

>>> from hardverify.distributions import reflection, transposition
>>> D = CorrelatedGaussian(3, {(1, 3): sp.Rational(1, 2)})          # Σ = I + ½(e_1e_3ᵀ + e_3e_1ᵀ)
>>> [D.is_invariant_under(reflection(i)) for i in (1, 2, 3)]        # x_2 is uncorrelated
[False, True, False]
>>> D.is_invariant_under(reflection(1, 3)), D.is_invariant_under(transposition(1, 3))
(True, True)
>>> D.moment({1: 1, 3: 1}), D.moment({1: 2, 3: 2})                  # Σ_13, Σ_11Σ_33 + 2Σ_13² (Isserlis)
(1/2, 3/2)
>>> CorrelatedGaussian(2, [[1, 2], [2, 1]])
Traceback (most recent call last):
    ...
hardverify.errors.DomainError: cov must be symmetric positive definite: the LDLᵀ pivot at coordinate 2 ... is -3 ...
"""

from __future__ import annotations

import itertools
import numbers

import numpy as np
import sympy as sp
from flint import fmpq

from ..core.numbers import exact_real, sign_of
from ..errors import DomainError, ResourceLimit
from ..symbolic.moments import check_moment_degree
from .controls import CoordVector
from .laws import Distribution, check_transform, multi_index

__all__ = ["CorrelatedGaussian", "ldl", "MAX_DENSE_COV", "MAX_BLOCK", "MAX_MOMENT_STATES"]

#: the largest n for which a dense n × n covariance is read (beyond it pass the non-zero entries as a dict).
MAX_DENSE_COV = 400
#: the largest connected block of correlated coordinates whose positive definiteness is proved (O(b³) exact).
MAX_BLOCK = 200
#: the most multi-indices β ≤ α the exact moment recursion visits.
MAX_MOMENT_STATES = 10 ** 6


def _is_rational(v) -> bool:
    return isinstance(v, int) or isinstance(v, sp.Rational)


def _to_fmpq(v):
    return fmpq(v) if isinstance(v, int) else fmpq(int(v.p), int(v.q))


def _from_fmpq(q):
    return int(q.p) if q.q == 1 else sp.Rational(int(q.p), int(q.q))


def ldl(A, labels=None):
    """The exact LDLᵀ factorisation of a symmetric matrix with exact real entries.

    Parameters
    ----------
    A : list of lists
        A square symmetric matrix of exact numbers (ints, sympy Rationals or exact sympy reals).
    labels : sequence, optional
        Names of the rows (coordinates) used in the error message.

    Returns
    -------
    (L, d) : (list of lists, list)
        L unit lower triangular and d the pivots, exact (rationals stay rational, computed with
        python-flint ``fmpq``), with A = L diag(d) Lᵀ.

    Raises
    ------
    DomainError
        If a pivot is ≤ 0 (A is not positive definite; the message names the coordinate) or its sign
        cannot be decided.

    >>> L, d = ldl([[4, 2], [2, 3]])
    >>> L, d                                         # [[4, 2], [2, 3]] = L diag(4, 2) Lᵀ
    ([[1, 0], [1/2, 1]], [4, 2])
    """
    m = len(A)
    labels = list(labels) if labels is not None else list(range(1, m + 1))
    rational = all(_is_rational(x) for row in A for x in row)
    if rational:
        M = [[_to_fmpq(x) for x in row] for row in A]
        zero, one = fmpq(0), fmpq(1)
    else:
        M = [[sp.sympify(x) for x in row] for row in A]
        zero, one = sp.Integer(0), sp.Integer(1)
    L = [[zero] * m for _ in range(m)]
    d = [zero] * m
    for k in range(m):
        s = M[k][k] - sum((L[k][j] * L[k][j] * d[j] for j in range(k)), zero)
        if not rational:
            s = sp.radsimp(sp.expand(s))
        sg = (1 if s > 0 else (0 if s == 0 else -1)) if rational else sign_of(s)
        if sg is None:
            raise DomainError(f"cov must be symmetric positive definite: the sign of the LDLᵀ pivot {s} at "
                              f"coordinate {labels[k]} cannot be decided (give rational entries)")
        if sg != 1:
            v = _from_fmpq(s) if rational else s
            raise DomainError(f"cov must be symmetric positive definite: the LDLᵀ pivot at coordinate "
                              f"{labels[k]} of the correlated block {tuple(labels)} is {v} (it must be > 0)")
        d[k] = s
        L[k][k] = one
        for i in range(k + 1, m):
            x = (M[i][k] - sum((L[i][j] * L[k][j] * d[j] for j in range(k)), zero)) / s
            L[i][k] = x if rational else sp.radsimp(sp.expand(x))
    if rational:
        return [[_from_fmpq(x) for x in row] for row in L], [_from_fmpq(x) for x in d]
    return L, d


def _read_cov(n: int, cov):
    """(diagonal entries {i: v}, off-diagonal {(i, j): c} with i < j, c ≠ 0), exact."""
    diag, off = {}, {}
    if isinstance(cov, dict):
        for key, value in cov.items():
            if not (isinstance(key, tuple) and len(key) == 2):
                raise DomainError(f"cov as a dict maps coordinate pairs (i, j) (1-based) to entries, got key {key!r}")
            i, j = key
            for c in (i, j):
                if isinstance(c, bool) or not isinstance(c, (numbers.Integral, np.integer)) or not 1 <= c <= n:
                    raise DomainError(f"cov: coordinates are numbered 1..{n}, got {key!r}")
            i, j = int(i), int(j)
            v = exact_real(value, f"cov[{i}, {j}]")
            if i == j:
                diag[i] = v
                continue
            a, b = min(i, j), max(i, j)
            if (a, b) in off and sign_of(off[(a, b)] - v) != 0:
                raise DomainError(f"cov must be symmetric: cov[{i}, {j}] = {v} but cov[{j}, {i}] = {off[(a, b)]}")
            off[(a, b)] = v
    else:
        shape = getattr(cov, "shape", None)
        rows = len(cov) if shape is None and hasattr(cov, "__len__") else (shape[0] if shape else None)
        if rows is None:
            raise DomainError("cov must be an n × n matrix (nested sequence, numpy array, sympy Matrix) or a dict "
                              f"{{(i, j): entry}} of the entries that differ from the identity; got {cov!r}")
        if rows > MAX_DENSE_COV:                              # refuse before reading n² entries
            raise ResourceLimit(f"a dense covariance is read for n ≤ {MAX_DENSE_COV}, got {rows} rows; pass the "
                                "entries that differ from the identity as a dict {(i, j): entry}")
        try:
            M = [list(cov.row(i)) for i in range(cov.rows)] if isinstance(cov, sp.MatrixBase) else \
                [list(r) for r in cov]
        except TypeError:
            raise DomainError(f"cov must be an n × n matrix, got {cov!r}") from None
        if len(M) != n or any(len(r) != n for r in M):
            raise DomainError(f"cov must be an n × n matrix with n = {n}, got {len(M)} rows of lengths "
                              f"{sorted({len(r) for r in M})}")
        E = [[exact_real(M[i][j], f"cov[{i + 1}, {j + 1}]") for j in range(n)] for i in range(n)]
        for i in range(n):
            diag[i + 1] = E[i][i]
            for j in range(i + 1, n):
                if sign_of(E[i][j] - E[j][i]) != 0:
                    raise DomainError(f"cov must be symmetric: cov[{i + 1}, {j + 1}] = {E[i][j]} but "
                                      f"cov[{j + 1}, {i + 1}] = {E[j][i]}")
                if sign_of(E[i][j]) != 0:
                    off[(i + 1, j + 1)] = E[i][j]
    for i, v in diag.items():
        if sign_of(v) != 1:
            raise DomainError(f"cov must be symmetric positive definite: the variance cov[{i}, {i}] = {v} "
                              "must be > 0")
    return diag, {k: v for k, v in off.items() if sign_of(v) != 0}


def _blocks(off: dict) -> list:
    """The connected components of the graph {i — j : Σ_ij ≠ 0}, each a sorted list."""
    parent: dict = {}

    def find(a):
        while parent.setdefault(a, a) != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a
    for i, j in off:
        parent[find(i)] = find(j)
    groups: dict = {}
    for a in parent:
        groups.setdefault(find(a), []).append(a)
    return sorted(sorted(g) for g in groups.values())


def _coord_vector(n: int, value, what: str, *, positive: bool = False) -> CoordVector:
    """A CoordVector whose default is the common value when every coordinate is listed with one value."""
    v = CoordVector(n, value, what, positive=positive)
    vals = list(v.rest.values())
    if len(vals) == n and all(sign_of(x - vals[0]) == 0 for x in vals):
        return CoordVector(n, vals[0], what, positive=positive)
    return v


class CorrelatedGaussian(Distribution):
    """N(μ, Σ) on R^n with an exact symmetric positive definite covariance Σ and exact mean μ.

    Parameters
    ----------
    n : int
        The dimension.
    cov : n × n matrix or dict
        Σ: a nested sequence, numpy array or sympy Matrix (n ≤ :data:`MAX_DENSE_COV`), or a dict
        ``{(i, j): entry}`` (1-based) of the entries that differ from the identity I_n — ``(i, i)``
        sets a variance, ``(i, j)`` sets Σ_ij = Σ_ji.  Floats are read as the decimals they print as.
    mean : number, sequence or dict, optional
        μ: a scalar (every coordinate), a length-n sequence or a dict ``{i: μ_i}`` (default 0).

    Raises
    ------
    DomainError
        Σ not symmetric, a variance ≤ 0, or an LDLᵀ pivot ≤ 0 (Σ not positive definite; the message
        names the coordinate), non-exact or non-finite entries.
    ResourceLimit
        A dense Σ with n > :data:`MAX_DENSE_COV`, or a connected block of correlated coordinates larger
        than :data:`MAX_BLOCK` (refused before the factorisation).

    Notes
    -----
    ``is_spherical`` is False even for Σ = c·I, μ = 0 (use :class:`~hardverify.distributions.Gaussian`
    there): the law claims only the signed permutations it is proved to have.

    >>> D = CorrelatedGaussian(10**6, {(1, 2): sp.Rational(1, 3), (5, 5): 4}, mean={7: 1})
    >>> D.covariance_form({1: 1, 2: 1}, {1: 1, 2: 1})       # (1, 1) Σ (1, 1)ᵀ = 1 + 1 + 2/3
    8/3
    >>> D.all_reflections, D.moment({5: 2}), D.moment({7: 2})
    (False, 4, 2)
    """

    is_spherical = False
    tails = "gaussian"

    def __init__(self, n, cov, mean=0):
        super().__init__(n)
        if not isinstance(self.n, int):
            raise DomainError("a correlated Gaussian needs a numeric dimension n")
        diag, off = _read_cov(self.n, cov)
        self.mean = _coord_vector(self.n, mean, "mean")
        self.variances = _coord_vector(self.n, diag, "variances", positive=True)
        self.covariances = off
        self._nbrs: dict = {}
        for (i, j), c in off.items():
            self._nbrs.setdefault(i, {})[j] = c
            self._nbrs.setdefault(j, {})[i] = c
        self.blocks = _blocks(off)
        big = [b for b in self.blocks if len(b) > MAX_BLOCK]
        if big:
            raise ResourceLimit(f"positive definiteness is proved for correlated blocks of at most {MAX_BLOCK} "
                                f"coordinates, got one of {len(big[0])}")
        self.pivots = {}
        for b in self.blocks:
            _, d = ldl(self._submatrix(b), labels=b)
            self.pivots.update(zip(b, d))
        self._factors: dict = {}

    # -- entries and forms ------------------------------------------------------------
    def entry(self, i: int, j: int):
        """Σ_ij, the covariance of x_i and x_j (exact).

        Parameters
        ----------
        i, j : int
            Coordinates, 1-based, in 1..n.

        Returns
        -------
        int or sympy.Expr
            The variance Σ_ii when ``i == j``, else the stored off-diagonal entry (0 when absent).

        Raises
        ------
        DomainError
            A coordinate that is not an integer in 1..n.

        Examples
        --------
        >>> D = CorrelatedGaussian(3, {(1, 3): sp.Rational(1, 2), (2, 2): 5})
        >>> D.entry(3, 1) == D.entry(1, 3) == sp.Rational(1, 2), D.entry(2, 2), D.entry(1, 2)
        (True, 5, 0)
        """
        i, j = self._coordinate(i), self._coordinate(j)
        if i == j:
            return self.variances[i]
        return self._nbrs.get(i, {}).get(j, 0)

    def _coordinate(self, i) -> int:
        if isinstance(i, bool) or not isinstance(i, (int, sp.Integer)) or not 1 <= int(i) <= self.n:
            raise DomainError(f"a coordinate must be an integer in 1..n = {self.n}, got {i!r}")
        return int(i)

    def _coordinates(self, coords) -> list:
        out = [self._coordinate(c) for c in coords]
        if len(set(out)) != len(out):
            raise DomainError(f"the coordinates of a marginal must be distinct, got {list(coords)!r}")
        return out

    def _submatrix(self, coords) -> list:
        coords = self._coordinates(coords)
        return [[self.entry(i, j) for j in coords] for i in coords]

    def marginal_covariance(self, coords) -> sp.Matrix:
        """Σ_CC, the covariance of the marginal x_C for the coordinates C = ``coords``, exactly.

        Parameters
        ----------
        coords : iterable of int
            Distinct coordinates in 1..n, in the order of the rows (DomainError otherwise).

        Returns
        -------
        sympy.Matrix
            The |C| × |C| matrix (Σ_{c_a c_b}), exact entries.

        Examples
        --------
        >>> D = CorrelatedGaussian(10**6, {(1, 3): sp.Rational(1, 2)})
        >>> D.marginal_covariance([3, 1]).det()          # 1 - (1/2)², and the marginal of N(0, Σ) is N(0, Σ_CC)
        3/4
        """
        return sp.Matrix(self._submatrix(list(coords)))

    def covariance_form(self, u: dict, v: dict):
        """uᵀ Σ v for sparse vectors ``{coordinate: value}`` (exact), at cost O(|u| · min(|v|, degree)).

        This is Cov(⟨u, x⟩, ⟨v, x⟩) for x ~ N(μ, Σ): two units σ(⟨w, x⟩ + b) and σ(⟨w', x⟩ + b') are
        correlated through wᵀ Σ w' (module docstring), so the exact route never needs a square root of Σ.

        Parameters
        ----------
        u, v : dict
            ``{coordinate: value}``, coordinates in 1..n (DomainError otherwise); absent coordinates are 0.

        Returns
        -------
        int or sympy.Expr
            Σ_i Σ_j u_i Σ_ij v_j, exact.

        Examples
        --------
        >>> D = CorrelatedGaussian(3, {(1, 2): sp.Rational(1, 3), (3, 3): 2})
        >>> u, v = {1: 1, 3: 2}, {2: 3, 3: 1}
        >>> D.covariance_form(u, v) == D.covariance_form(v, u) == 1 * sp.Rational(1, 3) * 3 + 2 * 2 * 1
        True
        """
        for c in list(u) + list(v):
            self._coordinate(c)
        total = 0
        for i, x in u.items():
            y = v.get(i)
            if y is not None:
                total += self.variances[i] * x * y
            nb = self._nbrs.get(i)
            if nb:
                small, big = (nb, v) if len(nb) <= len(v) else (v, nb)
                for j in small:
                    if j != i and j in big:
                        total += x * nb[j] * v[j]
        return total

    def mean_form(self, u: dict):
        """⟨u, μ⟩ = E⟨u, x⟩ for a sparse vector ``{coordinate: value}`` (exact).

        Parameters
        ----------
        u : dict
            ``{coordinate: value}``, coordinates in 1..n (DomainError otherwise); absent coordinates are 0.

        Returns
        -------
        int or sympy.Expr
            Σ_i u_i μ_i, exact.

        Examples
        --------
        >>> D = CorrelatedGaussian(5, {(1, 2): sp.Rational(1, 2)}, mean={2: 3})
        >>> D.mean_form({1: 7, 2: 2}) == D.moment({2: 1}) * 2      # μ_1 = 0, μ_2 = 3
        True
        """
        return sum((self.mean[self._coordinate(c)] * x for c, x in u.items()), 0)

    # -- symmetry -----------------------------------------------------------------------
    @property
    def symmetry(self) -> str:
        """A description of the symmetry group.

        Returns
        -------
        str
            The signed permutations R with R μ = μ and R Σ Rᵀ = Σ; :meth:`is_invariant_under` decides
            membership exactly.
        """
        return "signed permutations R with R μ = μ and R Σ Rᵀ = Σ (computed from μ and Σ)"

    def is_invariant_under(self, R) -> bool:
        """True iff R x ~ N(μ, Σ) for x ~ N(μ, Σ): μ_{π(i)} = s_i μ_i and Σ_{π(i)π(j)} = s_i s_j Σ_ij (exact).

        R x ~ N(Rμ, RΣRᵀ), and a Gaussian is determined by its mean and covariance, so the two exact
        equalities are necessary and sufficient.  Only the coordinates R moves, the exceptions of μ and of
        the variances, and the stored off-diagonal entries are compared (a cost linear in their number, not in n).

        Parameters
        ----------
        R : SignedPermutation
            A signed permutation of the coordinates 1..n.

        Returns
        -------
        bool
            Decided exactly (``sign_of`` on exact differences).

        Raises
        ------
        DomainError
            If R is not a SignedPermutation or moves a coordinate outside 1..n.

        Examples
        --------
        >>> from hardverify.distributions import point_reflection, transposition
        >>> D = CorrelatedGaussian(4, {(1, 2): sp.Rational(1, 2), (3, 4): sp.Rational(1, 2)})
        >>> D.is_invariant_under(point_reflection()), D.is_invariant_under(transposition(1, 3))
        (True, False)
        """
        check_transform(R, self.n)
        mu, v = self.mean, self.variances
        if R.flip_all and (sign_of(mu.default) != 0 or any(sign_of(x) != 0 for x in mu.rest.values())):
            return False
        for i in R.moved | set(mu.rest) | set(v.rest):
            j = R.image(i)
            if sign_of(v[j] - v[i]) != 0 or sign_of(mu[j] - R.sign(i) * mu[i]) != 0:
                return False
        # R permutes the pairs {i, j}; it maps the finitely many non-zero off-diagonal entries into themselves
        # (with the signs s_i s_j) iff it preserves the off-diagonal part of Σ.
        for (i, j), c in self.covariances.items():
            if sign_of(self.entry(R.image(i), R.image(j)) - R.sign(i) * R.sign(j) * c) != 0:
                return False
        return True

    @property
    def all_reflections(self) -> bool:
        """True iff every x_i ↦ -x_i preserves the law: μ = 0 and Σ diagonal.

        Returns
        -------
        bool
            Decided exactly; False as soon as one covariance Σ_ij (i ≠ j) or one mean μ_i is non-zero.
        """
        return (not self.covariances and sign_of(self.mean.default) == 0
                and all(sign_of(x) == 0 for x in self.mean.rest.values()))

    @property
    def permutation_invariant(self) -> bool:
        """True iff every permutation preserves the law: μ = c·1 and Σ = aI + bJ.

        Returns
        -------
        bool
            Decided exactly: constant mean and variances, and either no covariances or all
            n(n - 1)/2 of them stored and equal.
        """
        if not (self.mean.is_constant and self.variances.is_constant):
            return False
        if not self.covariances:
            return True
        vals = list(self.covariances.values())
        return len(vals) == self.n * (self.n - 1) // 2 and all(sign_of(x - vals[0]) == 0 for x in vals)

    # -- moments and samples -------------------------------------------------------------
    def moment(self, alpha):
        """E[x^α] exactly, by the Gaussian integration by parts (Stein) recursion

        E[x_i F(x)] = μ_i E[F] + Σ_j Σ_ij E[∂_j F],  with F = x^{β - e_i},

        over the multi-indices β ≤ α (at most :data:`MAX_MOMENT_STATES` of them).  For μ = 0 this is
        Isserlis' (Wick's) theorem: the sum over pairings of the covariances.

        Parameters
        ----------
        alpha : sequence or dict
            Powers of coordinates 1, 2, ... or ``{coordinate: power}``.

        Returns
        -------
        sympy.Expr
            The exact moment (a Rational for rational μ, Σ).

        Raises
        ------
        DomainError
            If α is malformed or names a coordinate outside 1..n.
        ResourceLimit
            If the total degree |α| is above the exact-moment limit, or Π(α_i + 1) exceeds
            :data:`MAX_MOMENT_STATES` (refused before the recursion).

        Examples
        --------
        >>> D = CorrelatedGaussian(2, {(1, 2): sp.Rational(1, 2)}, mean={1: 1})
        >>> D.moment({1: 1, 2: 1}) == D.entry(1, 2) + 1 * 0          # E[x_1 x_2] = Σ_12 + μ_1 μ_2
        True
        >>> D.moment({2: 4}) == 3 * D.entry(2, 2) ** 2                 # E[x_2⁴] = 3 Σ_22² (μ_2 = 0)
        True
        """
        a = multi_index(alpha, self.n)
        check_moment_degree(sum(a.values()))
        coords = sorted(a)
        top = tuple(a[c] for c in coords)
        states = 1
        for p in top:
            states *= p + 1
        if states > MAX_MOMENT_STATES:
            raise ResourceLimit(f"the exact moment recursion visits Π(α_i + 1) = {states} multi-indices, more than "
                                f"{MAX_MOMENT_STATES}; use a lower degree")
        mu = [self.mean[c] for c in coords]
        S = self._submatrix(coords)
        memo = {}
        for beta in itertools.product(*[range(p + 1) for p in top]):
            if not any(beta):
                memo[beta] = sp.Integer(1)
                continue
            i = next(k for k, b in enumerate(beta) if b)
            rest = list(beta)
            rest[i] -= 1
            val = mu[i] * memo[tuple(rest)] if mu[i] != 0 else 0
            for j, r in enumerate(rest):
                if r and S[i][j] != 0:
                    lower = list(rest)
                    lower[j] -= 1
                    val += S[i][j] * r * memo[tuple(lower)]
            memo[beta] = sp.sympify(val)
        out = memo[top]
        return out if out.is_Rational else sp.expand(out)

    def factor(self, coords) -> tuple:
        """(L, d) exact with Σ_CC = L diag(d) Lᵀ for the coordinates C = ``coords`` (L unit lower triangular).

        x_C = μ_C + L diag(√d) z with z ~ N(0, I) is the reduction x = μ + Lz of the module docstring.
        Factorisations are cached per ``coords`` (the cache is emptied once it holds more than 32).

        Parameters
        ----------
        coords : sequence of int
            Distinct coordinates in 1..n (DomainError otherwise).

        Returns
        -------
        (L, d) : (list of lists, list)
            Exact, as :func:`ldl` returns them.

        Raises
        ------
        ResourceLimit
            If ``len(coords) > MAX_BLOCK``.
        DomainError
            If Σ_CC is not positive definite, which for a valid law happens only when a coordinate is
            repeated.

        Examples
        --------
        >>> D = CorrelatedGaussian(3, {(1, 2): sp.Rational(1, 2)})
        >>> L, d = D.factor([1, 2])
        >>> sp.Matrix(L) * sp.diag(*d) * sp.Matrix(L).T == D.marginal_covariance([1, 2])
        True
        """
        key = tuple(coords)
        if key not in self._factors:
            if len(key) > MAX_BLOCK:
                raise ResourceLimit(f"the exact factor of a marginal is computed for at most {MAX_BLOCK} "
                                    f"coordinates, got {len(key)}")
            if len(self._factors) > 32:
                self._factors.clear()
            self._factors[key] = ldl(self._submatrix(key), labels=key)
        return self._factors[key]

    def _sample(self, coords, size, rng):
        """x_C = μ_C + L diag(√d) z, block by block (coordinates of different blocks are independent)."""
        z = rng.standard_normal((size, len(coords)))
        wanted = set(coords)
        block_of = {c: b for b, block in enumerate(self.blocks) for c in block if c in wanted}
        groups: dict = {}
        for pos, c in enumerate(coords):
            groups.setdefault(block_of.get(c), []).append(pos)
        alone = groups.pop(None, [])
        out = np.empty_like(z)
        out[:, alone] = z[:, alone] * np.sqrt(self.variances.floats([coords[p] for p in alone]))[None, :]
        for positions in groups.values():
            L, d = self.factor([coords[p] for p in positions])
            Lf = np.array([[float(x) for x in row] for row in L]) * np.sqrt([float(x) for x in d])[None, :]
            out[:, positions] = z[:, positions] @ Lf.T
        return self.mean.floats(coords) + out

    def __repr__(self) -> str:
        off = "" if not self.covariances else f", {len(self.covariances)} off-diagonal entries"
        return f"CorrelatedGaussian({self.n}, mean={self.mean!r}, variances={self.variances!r}{off})"
