"""Exact spherical harmonics on S^{n-1}: projections, zonal harmonics, the addition theorem, Funk–Hecke (F1, F3).

Everything is exact polynomial algebra in variables x_1..x_n, with sphere expectations from the Gamma
formula of :func:`~hardverify.symbolic.moments.sphere_moment` (E over the probability measure U_n):

* :func:`harmonic_part` — the harmonic projection K[p] of a homogeneous p of degree m (Gauss
  decomposition p = K[p] + |x|² q):  K[p] = Σ_j (-1)^j |x|^{2j} Δ^j p / (2^j j! Π_{i=1}^{j} (n+2m-2-2i));
* :func:`harmonic_projection` — the component of f|_{S^{n-1}} in H_k^n, as a harmonic homogeneous
  polynomial of degree k;
* :func:`zonal_harmonic` — N(n,k) |x|^k P_k^{(n)}(⟨x,y⟩/|x|), the reproducing kernel of H_k^n (F3);
* :func:`harmonic_basis` / :func:`addition_kernel` — a basis of H_k^n from projected monomials, its Gram
  matrix, and Σ_j Y_j(x) Y_j(y) = v(x)ᵀ G^{-1} v(y) for any basis v (no square roots needed);
* :func:`slice_average` — for y = (t, √(1-t²) ω), ω ~ U_{n-1}, the average Q(t) = E_ω[Y(y)]; Funk–Hecke
  (F3) says Q = Y(e_1) P_k^{(n)} for Y ∈ H_k^n, so E_y[F(y_1) Y(y)] = E_{t~ν_n}[F(t) Q(t)] = μ_k(F) Y(e_1).

>>> import sympy as sp
>>> xs = sp.symbols("x1:4")
>>> Y = harmonic_projection(xs[0]**2 * xs[1], 3, xs)
>>> Y, laplacian(Y, xs)                                        # x1² x2 - |x|² x2/5 on the sphere
(4*x1**2*x2/5 - x2**3/5 - x2*x3**2/5, 0)
"""

from __future__ import annotations

import functools
import itertools

import sympy as sp

from ..errors import DomainError
from ..validate import as_nonneg_int
from .gegenbauer import harmonic_dimension, legendre_coefficients
from .moments import sphere_moment

__all__ = ["laplacian", "harmonic_part", "harmonic_projection", "zonal_harmonic", "harmonic_basis",
           "addition_kernel", "sphere_expectation", "slice_average"]


def _vars(xs):
    try:
        xs = tuple(xs)
    except TypeError:
        raise DomainError(f"xs must be a sequence of at least 2 sympy Symbols (the coordinates of R^n), got {xs!r}; "
                          "for the Funk–Hecke eigenvalues of an activation use hv.funk_hecke(σ, n, k)") from None
    if len(xs) < 2 or not all(isinstance(x, sp.Symbol) for x in xs):
        raise DomainError("xs must be a sequence of at least 2 sympy Symbols (the coordinates of R^n)")
    return xs


def laplacian(f, xs) -> sp.Expr:
    """Δf = Σ_i ∂²f/∂x_i².

    Parameters
    ----------
    f : sympy.Expr
        A function of ``xs``.
    xs : sequence of sympy.Symbol
        The coordinates x_1..x_n of R^n (at least 2).

    Returns
    -------
    sympy.Expr
        Δf, expanded.

    Raises
    ------
    DomainError
        If ``xs`` is not a sequence of at least 2 Symbols.

    Examples
    --------
    >>> import sympy as sp
    >>> x, y = sp.symbols("x y")
    >>> laplacian(x**2 - y**2, (x, y)), laplacian(x**2 + y**2, (x, y))     # harmonic, and not
    (0, 4)
    """
    return sp.expand(sum(sp.diff(f, x, 2) for x in _vars(xs)))


def _norm2(xs):
    return sum(x ** 2 for x in xs)


def harmonic_part(p, xs) -> sp.Expr:
    """K[p] for a homogeneous polynomial p (the unique harmonic h with p - h divisible by |x|²).

    Parameters
    ----------
    p : sympy.Expr
        A homogeneous polynomial in ``xs`` of degree m.
    xs : sequence of sympy.Symbol
        The coordinates x_1..x_n of R^n (at least 2).

    Returns
    -------
    sympy.Expr
        K[p], harmonic and homogeneous of degree m (expanded); K[p] = p when p is harmonic.

    Raises
    ------
    DomainError
        If ``p`` is not homogeneous, or ``xs`` is not a sequence of at least 2 Symbols.

    Examples
    --------
    >>> import sympy as sp
    >>> xs = sp.symbols("x1:4")
    >>> h = harmonic_part(xs[0]**2, xs)
    >>> h, laplacian(h, xs)                                # x1² - |x|²/3
    (2*x1**2/3 - x2**2/3 - x3**2/3, 0)
    """
    xs = _vars(xs)
    n = len(xs)
    p = sp.expand(p)
    if p == 0:
        return p
    poly = sp.Poly(p, *xs)
    if not poly.is_homogeneous:
        raise DomainError(f"harmonic_part needs a homogeneous polynomial, got {p}")
    m = poly.total_degree()
    out, lap, r2 = p, p, sp.Integer(1)
    den = sp.Integer(1)
    for j in range(1, m // 2 + 1):
        lap = laplacian(lap, xs)
        r2 = r2 * _norm2(xs)
        den = den * 2 * j * (n + 2 * m - 2 - 2 * j)
        out += (-1) ** j * r2 * lap / den
    return sp.expand(out)


def harmonic_projection(f, k: int, xs) -> sp.Expr:
    """The H_k^n component of f restricted to S^{n-1}, as a harmonic homogeneous polynomial of degree k.

    The component in H_k^n of the restriction of f to the sphere S^{n-1} (n = len(xs)), from the Gauss
    decomposition f_d = Σ_j |x|^{2j} h_{d-2j} of each homogeneous part f_d; on the sphere
    f = Σ_k harmonic_projection(f, k, xs).  Exact polynomial algebra (SPEC F1, F3).

    Parameters
    ----------
    f : sympy.Expr
        A polynomial in ``xs`` (not a string).
    k : int
        The degree, ``k >= 0``.
    xs : sequence of sympy.Symbol
        The coordinates x_1..x_n of R^n (at least 2).

    Returns
    -------
    sympy.Expr
        A harmonic homogeneous polynomial of degree k (0 when f has no degree-k component).

    Raises
    ------
    DomainError
        If ``f`` is not a sympy polynomial in ``xs``, ``k`` is not a non-negative integer, or ``xs`` is not
        a sequence of at least 2 Symbols.

    Examples
    --------
    >>> import sympy as sp, hardverify as hv
    >>> xs = sp.symbols("x1:4")
    >>> f = xs[0]**2 + xs[0] * xs[1]
    >>> parts = [hv.harmonic_projection(f, k, xs) for k in range(3)]
    >>> parts[0], parts[1]                                # the mean E[x1²] = 1/3; no odd part
    (1/3, 0)
    >>> sp.expand(sum(parts) - f).subs(xs[2]**2, 1 - xs[0]**2 - xs[1]**2).expand()   # f = Σ_k parts on S²
    0
    """
    xs = _vars(xs)
    k = as_nonneg_int(k, "degree k")
    if not isinstance(f, str):                                     # never sympify a string (it would eval it)
        try:
            f = sp.sympify(f, strict=True)
        except (sp.SympifyError, TypeError):
            pass
    if not isinstance(f, sp.Expr) or not f.is_polynomial(*xs):
        raise DomainError(f"f must be a sympy polynomial in {xs}, got {f!r}; for an activation σ(⟨w, x⟩) use "
                          "hv.funk_hecke(σ, n, k) (its component in H_k is μ_k N(n, k) P_k(⟨w, x⟩))")
    poly = sp.Poly(sp.expand(f), *xs)
    by_degree: dict = {}
    for mon, c in poly.terms():
        d = sum(mon)
        by_degree[d] = by_degree.get(d, 0) + c * sp.Mul(*[x ** e for x, e in zip(xs, mon)])
    out = sp.Integer(0)
    r2 = _norm2(xs)
    for d, fd in by_degree.items():
        if d < k or (d - k) % 2:
            continue
        # Gauss decomposition f_d = Σ_j |x|^{2j} h_{d-2j}; peel off harmonic parts until degree k
        rest = sp.expand(fd)
        for deg in range(d, k - 1, -2):
            h = harmonic_part(rest, xs) if rest != 0 else sp.Integer(0)
            if deg == k:
                out += h
                break
            rest = sp.expand(sp.cancel((rest - h) / r2))
    return sp.expand(out)


def zonal_harmonic(n: int, k: int, y, xs) -> sp.Expr:
    """Z_y(x) = N(n,k) |x|^k P_k^{(n)}(⟨x,y⟩/|x|) for a unit vector y: harmonic, and = N P_k(⟨x,y⟩) on the sphere.

    Z_y is the reproducing kernel of H_k^n for the probability measure U_n:
    E_{x~U_n}[Z_y(x) Y(x)] = Y(y) for every Y ∈ H_k^n (SPEC F3).

    Parameters
    ----------
    n : int
        The dimension, ``n >= 2`` (= ``len(xs)``).
    k : int
        The degree, ``k >= 0``.
    y : sequence of sympy numbers
        A unit vector of length n (checked exactly).
    xs : sequence of sympy.Symbol
        The coordinates x_1..x_n of R^n (at least 2).

    Returns
    -------
    sympy.Expr
        Z_y(x), a harmonic homogeneous polynomial of degree k in ``xs``.

    Raises
    ------
    DomainError
        If ``len(xs)`` or ``len(y)`` is not n, y is not a unit vector, ``n < 2``, or ``k`` is not a
        non-negative integer.

    Examples
    --------
    >>> import sympy as sp, hardverify as hv
    >>> from hardverify.symbolic.harmonics import laplacian, sphere_expectation
    >>> xs = sp.symbols("x1:4")
    >>> Z = hv.zonal_harmonic(3, 2, (0, 0, 1), xs)
    >>> laplacian(Z, xs), Z.subs({xs[0]: 0, xs[1]: 0, xs[2]: 1})         # harmonic; Z_y(y) = N(3, 2) = 5
    (0, 5)
    >>> Y = xs[0]**2 - xs[2]**2                                          # Y ∈ H_2^3: E[Z_y Y] = Y(y) = -1
    >>> sphere_expectation(Z * Y, xs)
    -1
    """
    xs = _vars(xs)
    if len(xs) != n or len(y) != n:
        raise DomainError(f"zonal_harmonic needs n = {n} coordinates and a vector y of length n")
    y = [sp.sympify(v) for v in y]
    if sp.simplify(sum(v ** 2 for v in y) - 1) != 0:
        raise DomainError(f"y must be a unit vector, got {y}")
    s = sum(a * b for a, b in zip(xs, y))
    cs = legendre_coefficients(n, k)
    r2 = _norm2(xs)
    return sp.expand(harmonic_dimension(n, k) * sum(c * s ** i * r2 ** ((k - i) // 2)
                                                    for i, c in enumerate(cs) if c != 0))


def sphere_expectation(f, xs) -> sp.Expr:
    """E_{x~U_n}[f(x)] for a polynomial f (exact, monomial by monomial).

    Parameters
    ----------
    f : sympy.Expr
        A polynomial in ``xs``.
    xs : sequence of sympy.Symbol
        The coordinates x_1..x_n of R^n (at least 2).

    Returns
    -------
    sympy.Expr
        The exact expectation over the uniform probability measure on S^{n-1}, n = len(xs).

    Raises
    ------
    DomainError
        If ``xs`` is not a sequence of at least 2 Symbols.

    Examples
    --------
    >>> import sympy as sp
    >>> xs = sp.symbols("x1:4")
    >>> sphere_expectation(xs[0]**2, xs), sphere_expectation(xs[0]**4, xs), sphere_expectation(xs[0] * xs[1], xs)
    (1/3, 1/5, 0)
    """
    xs = _vars(xs)
    n = len(xs)
    poly = sp.Poly(sp.expand(f), *xs)
    return sp.Add(*[c * sphere_moment(n, mon) for mon, c in poly.terms()])


@functools.lru_cache(maxsize=32)
def _basis(n: int, k: int):
    xs = sp.symbols(f"x1:{n + 1}")
    kept = []
    for combo in itertools.combinations_with_replacement(range(n), k):
        mon = sp.Mul(*[xs[i] for i in combo])
        h = harmonic_projection(mon, k, xs)
        trial = kept + [h]
        coeff_rows = _coefficient_matrix(trial, xs)
        if coeff_rows.rank() == len(trial):
            kept = trial
    G = sp.Matrix(len(kept), len(kept), lambda i, j: sphere_expectation(kept[i] * kept[j], xs))
    return xs, tuple(kept), G


def _coefficient_matrix(polys, xs):
    monos = sorted({m for p in polys for m in sp.Poly(p, *xs).monoms()})
    idx = {m: i for i, m in enumerate(monos)}
    M = sp.zeros(len(polys), len(monos))
    for r, p in enumerate(polys):
        for m, c in sp.Poly(p, *xs).terms():
            M[r, idx[m]] = c
    return M


def harmonic_basis(n: int, k: int):
    """(xs, basis, Gram): a basis of H_k^n (projected monomials) and G_ij = E_{U_n}[Y_i Y_j]; len(basis) = N(n,k).

    Parameters
    ----------
    n : int
        The dimension, ``2 <= n <= 8``.
    k : int
        The degree, ``0 <= k <= 8``.

    Returns
    -------
    tuple
        ``(xs, basis, G)``: the Symbols x1..xn, a tuple of N(n, k) harmonic polynomials, and their Gram
        matrix (sympy Matrix) under U_n.

    Raises
    ------
    DomainError
        If ``n < 2`` or ``n``, ``k`` are not non-negative integers.
    ResourceLimit
        If ``n > 8`` or ``k > 8`` (the basis is built by exact linear algebra).

    Examples
    --------
    >>> xs, basis, G = harmonic_basis(3, 2)
    >>> len(basis) == harmonic_dimension(3, 2) == 5, G.is_symmetric()
    (True, True)
    """
    n = as_nonneg_int(n, "dimension n", maximum=8)
    if n < 2:
        raise DomainError("dimension n must be an integer >= 2")
    return _basis(n, as_nonneg_int(k, "degree k", maximum=8))


def addition_kernel(n: int, k: int, x, y) -> sp.Expr:
    """Σ_j Y_j(x) Y_j(y) over a U_n-orthonormal basis of H_k^n, computed as v(x)ᵀ G^{-1} v(y) (F3).

    By the addition theorem it equals N(n,k) P_k^{(n)}(⟨x,y⟩) for unit x, y, an independent check of
    :func:`zonal_harmonic` and of the Legendre polynomials (SPEC F3).

    Parameters
    ----------
    n : int
        The dimension, ``2 <= n <= 8``.
    k : int
        The degree, ``0 <= k <= 8``.
    x, y : sequence of sympy.Expr
        Points (or symbolic vectors) with n coordinates each.

    Returns
    -------
    sympy.Expr
        The exact kernel value (expanded).

    Raises
    ------
    DomainError
        If ``x`` or ``y`` does not have n coordinates, or as in :func:`harmonic_basis`.
    ResourceLimit
        As in :func:`harmonic_basis`.

    Examples
    --------
    >>> addition_kernel(3, 2, (0, 0, 1), (0, 0, 1)) == harmonic_dimension(3, 2)       # N(n,k) P_k(1)
    True
    >>> addition_kernel(3, 2, (0, 0, 1), (1, 0, 0)) == 5 * legendre_coefficients(3, 2)[0]      # N(3,2) P_2(0) = -5/2
    True
    """
    xs, basis, G = harmonic_basis(n, k)
    if len(x) != n or len(y) != n:
        raise DomainError(f"x and y must have n = {n} coordinates")
    Ginv = G.inv()
    vx = sp.Matrix([b.subs(dict(zip(xs, x)), simultaneous=True) for b in basis])
    vy = sp.Matrix([b.subs(dict(zip(xs, y)), simultaneous=True) for b in basis])
    return sp.expand((vx.T * Ginv * vy)[0, 0])


def slice_average(Y, xs, n=None, t=None) -> sp.Expr:
    """Q(t) = E_ω[Y(t, √(1-t²) ω)], ω ~ U_{n-1} on S^{n-2}: the e_1-zonal average of a polynomial Y (exact).

    ``xs`` are the coordinates Y depends on (x_1 first); n ≥ len(xs) is the ambient dimension (Y does
    not depend on the other coordinates), so n may be large, e.g. 10⁶.

    Parameters
    ----------
    Y : sympy.Expr
        A polynomial in ``xs``.
    xs : sequence of sympy.Symbol
        The coordinates x_1..x_n of R^n (at least 2).
    n : int, optional
        The ambient dimension, ``n >= max(2, len(xs))`` (default ``len(xs)``).
    t : sympy.Symbol, optional
        The variable of the result (default a real Symbol ``t``).

    Returns
    -------
    sympy.Expr
        Q(t), a polynomial in ``t``.

    Raises
    ------
    DomainError
        If ``n`` is smaller than ``len(xs)`` or 2, or ``xs`` is not a sequence of at least 2 Symbols.

    Examples
    --------
    >>> import sympy as sp
    >>> import hardverify as hv
    >>> xs = sp.symbols("x1:3")
    >>> Y = xs[0]**2 - xs[1]**2                            # harmonic in R^n for every n; Y(e_1) = 1
    >>> slice_average(Y, xs, n=5, t=hv.t) == hv.legendre_polynomial(5, 2)        # Funk–Hecke: Q = Y(e_1) P_2^(5)
    True
    """
    xs = _vars(xs)
    n = len(xs) if n is None else as_nonneg_int(n, "dimension n")
    if n < len(xs) or n < 2:
        raise DomainError(f"n must be at least the number of coordinates ({len(xs)}) and >= 2")
    t = sp.Symbol("t", real=True) if t is None else t
    poly = sp.Poly(sp.expand(Y), *xs)
    out = sp.Integer(0)
    for mon, c in poly.terms():
        a1, rest = mon[0], mon[1:]
        if any(e % 2 for e in rest):
            continue
        s = sum(rest)
        out += c * t ** a1 * (1 - t ** 2) ** (s // 2) * sphere_moment(n - 1, rest)
    return sp.expand(out)
