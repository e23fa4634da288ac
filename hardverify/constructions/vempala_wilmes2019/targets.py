"""Harmonic targets and exact unit points on S^{n-1} for the VW dynamics (SPEC §4, F1–F3).

A :class:`HarmonicTarget` is f = Σ_ℓ Y_ℓ restricted to S^{n-1}, each Y_ℓ a **harmonic homogeneous**
polynomial of degree ℓ in x_1..x_n (so Y_ℓ ∈ H_ℓ^n).  That is the "harmonic basis" the exact dynamics
need: by Funk–Hecke (F3) a feature σ(⟨w, ·⟩) meets Y_ℓ only through μ_ℓ(σ; n) Y_ℓ(w).  Sums of zonal
harmonics N(n,ℓ) |x|^ℓ P_ℓ^{(n)}(⟨u, x⟩/|x|) (:meth:`HarmonicTarget.zonal`) and of multilinear monomials
x_S (:meth:`HarmonicTarget.monomials`) are the two usual inputs.  Inner products E_{U_n}[Y_ℓ Y'_ℓ] are
exact, from the sphere moments (Gamma formula, :func:`hardverify.sphere_moment`).

>>> import sympy as sp
>>> f = HarmonicTarget.zonal(3, {2: 1, 4: 1}, u=(0, 0, 1))
>>> sorted(f.degrees), f.norm2(2), f.norm2(4)                     # E[Z_ℓ²] = N(3, ℓ) = 2ℓ + 1
([2, 4], 5, 9)
>>> from hardverify.sphere import harmonic_dimension
>>> f.value(4, (0, 0, 1)) == harmonic_dimension(3, 4)          # Z_ℓ(u) = N(n, ℓ) P_ℓ(1)
True
"""

from __future__ import annotations

import functools
from fractions import Fraction

import sympy as sp

from hardverify.core.numbers import canonical_exact
from hardverify.errors import DomainError
from hardverify.sphere import sphere_moment, zonal_harmonic

__all__ = ["HarmonicTarget", "as_unit_point", "as_unit_points", "as_float_points", "coordinates", "POINT_TOLERANCE"]

#: how far a float point's norm may be from 1 (float inputs to the float64 experiment only).
POINT_TOLERANCE = 1e-9


@functools.lru_cache(maxsize=64)
def coordinates(n: int) -> tuple:
    """The sympy symbols x1..xn used for polynomials on R^n.

    Parameters
    ----------
    n : int
        The dimension.

    Returns
    -------
    tuple of sympy.Symbol
        Real symbols, cached.
    """
    return sp.symbols(f"x1:{n + 1}", real=True)


def _check_dimension(n) -> int:
    if isinstance(n, bool) or not isinstance(n, int) or n < 2:
        raise DomainError(f"the dimension n must be an integer >= 2, got {n!r}")
    return n


def as_unit_point(w, n: int, name: str = "point") -> tuple:
    """An exact point of S^{n-1}: a sequence of n exact rationals (or sympy numbers) with Σ w_i² = 1 exactly.

    Floats are refused: the exact dynamics need exact unit norm (use Pythagorean points such as
    (3/5, 4/5, 0), or :func:`rational_sphere_point`).

    Parameters
    ----------
    w : sequence
        n exact real coordinates.
    n : int
        The dimension.
    name : str
        The argument's name, for the error message.

    Returns
    -------
    tuple of sympy numbers

    Raises
    ------
    DomainError
        If w is not a sequence of n exact real numbers (a float is refused) or Σ w_i² ≠ 1.

    Examples
    --------
    >>> import sympy as sp
    >>> as_unit_point((sp.Rational(3, 5), sp.Rational(4, 5)), 2)
    (3/5, 4/5)
    """
    try:
        w = tuple(w)
    except TypeError:
        raise DomainError(f"{name} must be a sequence of {n} coordinates, got {w!r}") from None
    if len(w) != n:
        raise DomainError(f"{name} must have n = {n} coordinates, got {len(w)}")
    out = []
    for c in w:
        if isinstance(c, float):
            raise DomainError(f"{name} has a float coordinate {c!r}: exact points need exact coordinates of "
                              "norm exactly 1 (e.g. 3/5, 4/5 as sympy.Rational or fractions.Fraction)")
        if isinstance(c, Fraction):
            c = sp.Rational(c.numerator, c.denominator)
        c = sp.sympify(c)
        if not c.is_number or c.is_real is False:
            raise DomainError(f"{name} has a non-real or symbolic coordinate {c!r}")
        out.append(c)
    norm2 = canonical_exact(sum(c * c for c in out))
    if norm2 != 1:
        raise DomainError(f"{name} is not on the unit sphere: Σ w_i² = {norm2} ≠ 1 (exact points must have norm "
                          "exactly 1)")
    return tuple(out)


def as_float_points(ws, n: int, name: str = "weights", tol: float = POINT_TOLERANCE):
    """An (m, n) float64 array of points whose norms are within ``tol`` of 1 (m ≥ 1), for the float experiment.

    Parameters
    ----------
    ws : array_like
        The points, one per row.
    n : int
        The dimension.
    name : str
        The argument's name, for the error message.
    tol : float
        The allowed deviation of a norm from 1 (default ``POINT_TOLERANCE`` = 1e-9).

    Returns
    -------
    numpy.ndarray of float, shape (m, n)

    Raises
    ------
    DomainError
        If ``ws`` is not numeric, not (m, n) with m ≥ 1, has non-finite entries, or a norm is off by more
        than ``tol``.
    """
    import numpy as np
    try:
        W = np.asarray(ws, dtype=float)
    except (TypeError, ValueError):
        raise DomainError(f"{name} must be an (m, {n}) array of numbers") from None
    if W.ndim != 2 or W.shape[1] != n or W.shape[0] < 1:
        raise DomainError(f"{name} must be an (m, {n}) array with m >= 1, got shape {W.shape}")
    if not np.all(np.isfinite(W)):
        raise DomainError(f"{name} has non-finite entries")
    err = float(np.max(np.abs(np.linalg.norm(W, axis=1) - 1)))
    if err > tol:
        raise DomainError(f"{name} are not on the unit sphere: a norm is off by {err:.3g} > tolerance {tol:g}")
    return W


def as_unit_points(ws, n: int, name: str = "weights") -> tuple:
    """A non-empty tuple of exact unit points (see :func:`as_unit_point`).

    Parameters
    ----------
    ws : iterable
        The points.
    n : int
        The dimension.
    name : str
        The argument's name, for the error message.

    Returns
    -------
    tuple of tuple

    Raises
    ------
    DomainError
        If there are no points or one is not an exact unit point.
    """
    ws = tuple(ws)
    if len(ws) < 1:
        raise DomainError(f"{name}: need m >= 1 points, got none")
    return tuple(as_unit_point(w, n, f"{name}[{i}]") for i, w in enumerate(ws))


def _laplacian(p, xs):
    """Δp = Σ_i ∂²p/∂x_i² by sparse polynomial differentiation (sympy Poly)."""
    P = sp.Poly(p, *xs)
    return sum((P.diff((x, 2)) for x in xs), sp.Poly(0, *xs)).as_expr()


class HarmonicTarget:
    """f = Σ_ℓ Y_ℓ on S^{n-1}, Y_ℓ harmonic homogeneous of degree ℓ (exact sympy polynomials).

    Parameters
    ----------
    n : int
        The dimension, n ≥ 2.
    polynomial : sympy expression
        A polynomial in ``coordinates(n)``.  Every homogeneous component must be harmonic
        (Δ Y_ℓ = 0); otherwise DomainError (a non-harmonic polynomial restricted to the sphere mixes
        degrees: project it first with :func:`hardverify.harmonic_projection`).

    Attributes
    ----------
    components : dict
        ``{ℓ: Y_ℓ}``, the non-zero homogeneous components.

    Raises
    ------
    DomainError
        If n < 2, the polynomial uses other symbols, or a component is not harmonic.

    Examples
    --------
    x_1 x_2 is harmonic, x_1² is not:

    >>> x1, x2, x3 = coordinates(3)
    >>> HarmonicTarget(3, x1 * x2 + 2 * x3).degrees
    (1, 2)
    >>> HarmonicTarget(3, x1 ** 2)
    Traceback (most recent call last):
    ...
    hardverify.errors.DomainError: the degree-2 component of the target is not harmonic (ΔY ≠ 0); ...
    """

    def __init__(self, n: int, polynomial):
        self.n = _check_dimension(n)
        xs = coordinates(n)
        p = sp.expand(sp.sympify(polynomial))
        extra = p.free_symbols - set(xs)
        if extra:
            raise DomainError(f"the target may only use the coordinates x1..x{n}; it also uses "
                              f"{sorted(map(str, extra))}")
        poly = sp.Poly(p, *xs) if p != 0 else None
        comps: dict = {}
        if poly is not None:
            for monom, coef in poly.terms():
                comps.setdefault(sum(monom), []).append((monom, coef))
        self.components = {}
        for ell, terms in sorted(comps.items()):
            Y = sp.Add(*[c * sp.Mul(*[x ** e for x, e in zip(xs, mon)]) for mon, c in terms])
            if _laplacian(Y, xs) != 0:
                raise DomainError(f"the degree-{ell} component of the target is not harmonic (ΔY ≠ 0); a harmonic "
                                  "target is required — project it with hardverify.harmonic_projection")
            self.components[ell] = Y
        self._terms = {ell: terms for ell, terms in comps.items()}
        self._norms: dict = {}

    # -- builders ------------------------------------------------------------------------------
    @classmethod
    def zonal(cls, n: int, coefficients: dict, u) -> HarmonicTarget:
        """Σ_ℓ c_ℓ Z_ℓ^u with Z_ℓ^u(x) = N(n,ℓ) P_ℓ^{(n)}(⟨u, x⟩) (the zonal harmonic at the exact unit point u).

        As a polynomial Z_ℓ^u is homogeneous of degree ℓ (|x|^ℓ P_ℓ(⟨u, x⟩/|x|)), with E[(Z_ℓ^u)²] = N(n, ℓ).

        Parameters
        ----------
        n : int
            The dimension, n ≥ 2.
        coefficients : dict
            ``{ℓ: c_ℓ}``, degrees ℓ ≥ 0.
        u : sequence
            An exact unit point.

        Returns
        -------
        HarmonicTarget

        Raises
        ------
        DomainError
            If n < 2, a degree is not an int ≥ 0, or u is not an exact unit point.
        """
        n = _check_dimension(n)
        u = as_unit_point(u, n, "u")
        xs = coordinates(n)
        total = sp.Integer(0)
        for ell, c in dict(coefficients).items():
            if isinstance(ell, bool) or not isinstance(ell, int) or ell < 0:
                raise DomainError(f"degrees must be integers >= 0, got {ell!r}")
            total += sp.sympify(c) * zonal_harmonic(n, ell, u, xs)
        return cls(n, total)

    @classmethod
    def monomials(cls, n: int, coefficients: dict) -> HarmonicTarget:
        """Σ_S c_S x_S with x_S = Π_{i ∈ S} x_i (S a set of 1-based coordinates; multilinear, hence harmonic).

        Parameters
        ----------
        n : int
            The dimension, n ≥ 2.
        coefficients : dict
            ``{S: c_S}`` with S a tuple (or frozenset) of distinct coordinates in 1..n.

        Returns
        -------
        HarmonicTarget

        Raises
        ------
        DomainError
            If n < 2 or an index is not a set of distinct coordinates in 1..n.

        Examples
        --------
        On S^2, E[x_1² x_2²] = 1/15 and E[x_3²] = 1/3:

        >>> g = HarmonicTarget.monomials(3, {(1, 2): 1, (3,): 2})
        >>> g.norm2(2), g.norm2(1), g.norm2()
        (1/15, 4/3, 7/5)
        """
        n = _check_dimension(n)
        xs = coordinates(n)
        total = sp.Integer(0)
        for S, c in dict(coefficients).items():
            S = tuple(S)
            if len(set(S)) != len(S) or not all(isinstance(i, int) and 1 <= i <= n for i in S):
                raise DomainError(f"a monomial index must be a set of distinct coordinates in 1..{n}, got {S!r}")
            total += sp.sympify(c) * sp.Mul(*[xs[i - 1] for i in S])
        return cls(n, total)

    # -- exact quantities -----------------------------------------------------------------------
    @property
    def degrees(self) -> tuple:
        """The degrees ℓ with Y_ℓ ≠ 0, increasing.

        Returns
        -------
        tuple of int
        """
        return tuple(self.components)

    def component(self, ell: int):
        """Y_ℓ (0 if the target has no degree-ℓ part).

        Parameters
        ----------
        ell : int
            The degree.

        Returns
        -------
        sympy.Expr
            A homogeneous harmonic polynomial in ``coordinates(n)``.
        """
        return self.components.get(ell, sp.Integer(0))

    def value(self, ell: int, w) -> sp.Expr:
        """Y_ℓ(w) at a point w (exact).

        Parameters
        ----------
        ell : int
            The degree.
        w : sequence
            n coordinates (not checked to be a unit point).

        Returns
        -------
        sympy.Expr
            0 if the target has no degree-ℓ part.
        """
        if ell not in self._terms:
            return sp.Integer(0)
        return sp.expand(sp.Add(*[c * sp.Mul(*[wi ** e for wi, e in zip(w, mon)]) for mon, c in self._terms[ell]]))

    def norm2(self, ell: int | None = None) -> sp.Expr:
        """E_{U_n}[Y_ℓ²] (or E[f²] = Σ_ℓ E[Y_ℓ²] when ell is None), exact via sphere moments.

        Parameters
        ----------
        ell : int, optional
            The degree; None for the whole target (the components are orthogonal).

        Returns
        -------
        sympy.Expr
            Exact, cached per degree.
        """
        if ell is None:
            return sp.Add(*[self.norm2(e) for e in self.components])
        return self._norm2(ell)

    def _norm2(self, ell):
        if ell not in self._norms:
            self._norms[ell] = self._norm2_uncached(ell)
        return self._norms[ell]

    def _norm2_uncached(self, ell):
        terms = self._terms.get(ell)
        if not terms:
            return sp.Integer(0)
        acc: dict = {}
        for m1, c1 in terms:
            for m2, c2 in terms:
                key = tuple(a + b for a, b in zip(m1, m2))
                acc[key] = acc.get(key, 0) + c1 * c2
        return canonical_exact(sp.Add(*[c * _moment(self.n, key) for key, c in acc.items() if c != 0]))

    def __repr__(self) -> str:
        return f"HarmonicTarget(n={self.n}, degrees={list(self.degrees)})"


def _moment(n: int, alpha: tuple):
    if any(a % 2 for a in alpha):
        return sp.Integer(0)
    return sphere_moment(n, alpha)


def rational_sphere_point(y) -> tuple:
    """The exact point of S^{n-1} given by inverse stereographic projection of y ∈ Q^{n-1}.

    x = (2y, |y|² - 1)/(|y|² + 1), so Σ x_i² = 1 exactly (every rational point of the sphere but the
    north pole arises this way).

    Parameters
    ----------
    y : sequence
        n - 1 rationals (Fractions, ints or sympy Rationals).

    Returns
    -------
    tuple of sympy.Rational
        n coordinates with Σ x_i² = 1 exactly.

    Examples
    --------
    >>> rational_sphere_point([sp.Rational(1, 2)])
    (4/5, -3/5)
    """
    y = [sp.Rational(c.numerator, c.denominator) if isinstance(c, Fraction) else sp.Rational(canonical_exact(c))
         for c in y]
    s = sum(c * c for c in y)
    return tuple([2 * c / (s + 1) for c in y] + [(s - 1) / (s + 1)])


def random_rational_points(n: int, m: int, seed: int, *, bits: int = 12) -> tuple:
    """m exact rational points on S^{n-1} close to i.i.d. uniform ones (seeded).

    Uniform float points (normalised Gaussians) are mapped by stereographic projection, rounded to
    ``bits`` binary digits, and mapped back exactly by :func:`rational_sphere_point`.

    Parameters
    ----------
    n : int
        The dimension, n ≥ 2.
    m : int
        The number of points, m ≥ 1.
    seed : int
        The seed of ``numpy.random.default_rng``.
    bits : int
        The binary digits kept in the projected coordinates (default 12).

    Returns
    -------
    tuple of tuple
        m exact unit points.

    Raises
    ------
    DomainError
        If n < 2 or m < 1.

    Examples
    --------
    >>> pts = random_rational_points(3, 2, seed=0)
    >>> [sum(c * c for c in p) for p in pts], pts == random_rational_points(3, 2, seed=0)
    ([1, 1], True)
    """
    import numpy as np
    n = _check_dimension(n)
    if isinstance(m, bool) or not isinstance(m, int) or m < 1:
        raise DomainError(f"m must be an integer >= 1, got {m!r}")
    rng = np.random.default_rng(seed)
    out = []
    scale = 2 ** bits
    for _ in range(m):
        g = rng.standard_normal(n)
        x = g / np.linalg.norm(g)
        y = x[:-1] / (1 - x[-1])
        out.append(rational_sphere_point([Fraction(int(round(c * scale)), scale) for c in y]))
    return tuple(out)


__all__ += ["rational_sphere_point", "random_rational_points"]
