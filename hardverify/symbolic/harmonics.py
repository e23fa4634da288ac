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
    """Δf = Σ_i ∂²f/∂x_i²."""
    return sp.expand(sum(sp.diff(f, x, 2) for x in _vars(xs)))


def _norm2(xs):
    return sum(x ** 2 for x in xs)


def harmonic_part(p, xs) -> sp.Expr:
    """K[p] for a homogeneous polynomial p (the unique harmonic h with p - h divisible by |x|²)."""
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
    """The H_k^n component of f restricted to S^{n-1}, as a harmonic homogeneous polynomial of degree k."""
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
    """Z_y(x) = N(n,k) |x|^k P_k^{(n)}(⟨x,y⟩/|x|) for a unit vector y: harmonic, and = N P_k(⟨x,y⟩) on the sphere."""
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
    """E_{x~U_n}[f(x)] for a polynomial f (exact, monomial by monomial)."""
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
    """(xs, basis, Gram): a basis of H_k^n (projected monomials) and G_ij = E_{U_n}[Y_i Y_j]; len(basis) = N(n,k)."""
    n = as_nonneg_int(n, "dimension n", maximum=8)
    if n < 2:
        raise DomainError("dimension n must be an integer >= 2")
    return _basis(n, as_nonneg_int(k, "degree k", maximum=8))


def addition_kernel(n: int, k: int, x, y) -> sp.Expr:
    """Σ_j Y_j(x) Y_j(y) over a U_n-orthonormal basis of H_k^n, computed as v(x)ᵀ G^{-1} v(y) (F3)."""
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
