"""DKKZ 2020: the planar alternating-sign ReLU network (SPEC D1) and correlation decay (SPEC D2).

D1 (construction [MEM], properties checked here)::

    F_k(x) = Σ_{i=0}^{2k-1} (-1)^i ReLU(⟨u_i, x⟩),   u_i = (cos(πi/k), sin(πi/k)) ∈ R²   (2k units).

Since u_{i+k} = -u_i and ReLU(t) = |t|/2 + t/2, F_k ≡ 0 for odd k ≥ 3 (the parity obstruction of
GGJKK G2), while for even k, F_k = Σ_{i<k} (-1)^i |⟨u_i, x⟩| has no Hermite component of degree < k
and a non-zero one of degree k.  E[F_2²] = 2 - 4/π (F_2 = |x1| - |x2| is the GGJKK k = 2 network
rotated by 45°) and, derived here from the arc-cosine kernel,

    E[F_4²] = 4 - 2√2 + 8(1 - √2)/π = 0.1167867...

D2 (correlation decay): if F has no Hermite component of degree < m and U, V ∈ R^{d×2} have
orthonormal columns, |E[F(U^T x) F(V^T x)]| ≤ ‖U^T V‖_op^m E[F²] (multivariate Mehler:
E[F(U^T x)F(V^T x)] = Σ_ℓ ⟨F_ℓ, (U^T V)^{⊗ℓ} F_ℓ⟩).  :func:`decay_correlation` computes the
left side exactly for any 2×2 contraction A = U^T V (U = [e1 e2], V = [A; C] with C^T C = I - A^T A).

>>> import sympy as sp
>>> sp.simplify(norm2(4) - F4_NORM2)                     # SPEC D1 (derived closed form)
0
>>> planar_network(3).is_identically_zero()              # odd k ≥ 3: F_k ≡ 0
True
"""

from __future__ import annotations

import functools

import sympy as sp

from ...distributions import Gaussian
from ...errors import DomainError
from ...networks import Network, hermite_component, inner_product
from ...validate import as_int_at_least

__all__ = ["planar_network", "norm2", "F4_NORM2", "hermite_degree_profile", "monomial_correlation",
           "monomial_correlation_formula", "decay_correlation", "decay_bound", "embedding"]

#: E[F_4²] (derived: see the module docstring and docs/goel2020.md).
F4_NORM2 = 4 - 2 * sp.sqrt(2) + 8 * (1 - sp.sqrt(2)) / sp.pi


def planar_network(k: int) -> Network:
    """F_k(x) = Σ_{i=0}^{2k-1} (-1)^i ReLU(⟨u_i, x⟩) on R², u_i = (cos(πi/k), sin(πi/k)) (SPEC D1).

    Parameters
    ----------
    k : int
        ``1 <= k <= 64`` (2k units).

    Returns
    -------
    Network
        Exact weights; cached per k.

    Raises
    ------
    DomainError
        If k is not an integer >= 1.
    ResourceLimit
        If k > 64.

    References
    ----------
    Diakonikolas, Kane, Kontonis, Zarifis, *Algorithms and SQ lower bounds for PAC learning
    one-hidden-layer ReLU networks*, COLT 2020 (eq. (3), Lemmas 16 and 17); SPEC §6 and §11.

    Examples
    --------
    F_2 = |x_1| - |x_2|:

    >>> F = planar_network(2)
    >>> F.width, F([3, -5]), F([-2, 1])
    (4, -2, 1)
    """
    return _planar_network(as_int_at_least(k, 1, "k", maximum=64))


@functools.lru_cache(maxsize=32)
def _planar_network(k: int) -> Network:
    rows = [[sp.cos(sp.pi * i / k), sp.sin(sp.pi * i / k)] for i in range(2 * k)]
    return Network(rows, "relu", outputs=[(-1) ** i for i in range(2 * k)], name=f"DKKZ F_{k}")


def norm2(k: int):
    """E[F_k²] under N(0, I_2), exact (dual kernels at ρ = cos(π(i - j)/k)).

    Parameters
    ----------
    k : int
        ``1 <= k <= 64``.

    Returns
    -------
    sympy.Expr
        Exact.

    Raises
    ------
    DomainError, ResourceLimit
        As :func:`planar_network`.

    Examples
    --------
    SPEC D1: E[F_2²] = 2 - 4/π (F_2 = |x_1| - |x_2|), and F_3 ≡ 0:

    >>> norm2(2), norm2(3)
    (2 - 4/pi, 0)
    """
    F = planar_network(k)
    return inner_product(F, F, Gaussian(2))


def hermite_degree_profile(k: int, max_degree: int) -> dict:
    """The Hermite components of F_k by degree, for ℓ ≤ max_degree (exact; SPEC D1 'first nonzero degree').

    H_α(x) = h_{α_1}(x_1) h_{α_2}(x_2) with the orthonormal h_m = He_m/√(m!).

    Parameters
    ----------
    k : int
        ``1 <= k <= 64``.
    max_degree : int
        The largest degree ℓ.

    Returns
    -------
    dict
        ``{ℓ: [E[F_k H_(a, ℓ-a)] for a = 0..ℓ]}``, exact and simplified.

    Raises
    ------
    DomainError, ResourceLimit
        As :func:`planar_network`.

    Examples
    --------
    F_2 = |x_1| - |x_2| has nothing below degree 2; at degree 2, ±c_2(|t|) = ±1/√π on x_2², x_1²:

    >>> hermite_degree_profile(2, 2)
    {0: [0], 1: [0, 0], 2: [-1/sqrt(pi), 0, 1/sqrt(pi)]}
    """
    F = planar_network(k)
    out = {}
    for ell in range(max_degree + 1):
        out[ell] = [sp.simplify(hermite_component(F, {1: a, 2: ell - a} if a and ell - a else
                                                  ({1: a} if a else ({2: ell} if ell else {}))))
                    for a in range(ell + 1)]
    return out


def monomial_correlation(k: int):
    """E[F_k · Re(x1 + i x2)^k] exactly, from the Hermite components of degree k.

    Re(x1 + i x2)^k = Σ_{|α|=k} p_α x^α and x^α = He_α + (lower degree), which is orthogonal to
    F_k (no components of degree < k, checked by :func:`hermite_degree_profile`), so
    E[F_k p] = Σ_α p_α √(α!) E[F_k H_α].

    Parameters
    ----------
    k : int
        ``1 <= k <= 64``; the identity above needs F_k to have no component below degree k (even k).

    Returns
    -------
    sympy.Expr
        Exact, simplified.

    Raises
    ------
    DomainError, ResourceLimit
        As :func:`planar_network`.

    Examples
    --------
    Agrees with the closed form of SPEC D1 at k = 2:

    >>> monomial_correlation(2) == monomial_correlation_formula(2)
    True
    """
    x1, x2 = sp.symbols("x1 x2", real=True)
    p = sp.Poly(sp.expand(sp.re(sp.expand((x1 + sp.I * x2) ** k))), x1, x2)
    F = planar_network(k)
    total = sp.Integer(0)
    for (a, b), coef in p.terms():
        alpha = {c: e for c, e in ((1, a), (2, b)) if e}
        total += coef * sp.sqrt(sp.factorial(a) * sp.factorial(b)) * hermite_component(F, alpha)
    return sp.simplify(total)


def monomial_correlation_formula(k: int):
    """SPEC D1: E[F_k Re(x_1 + i x_2)^k] = (2k(-1)^{k/2+1}/(π(k² - 1))) 2^{(k+1)/2} Γ((k+3)/2), even k.

    Parameters
    ----------
    k : int
        An even integer >= 2 (a Python, numpy or sympy integer; floats are refused).

    Returns
    -------
    sympy.Expr
        Exact (no Float).

    Raises
    ------
    DomainError
        If k is not an integer >= 2, or k is odd.

    Examples
    --------
    >>> monomial_correlation_formula(2)
    2*sqrt(2)/sqrt(pi)
    """
    k = as_int_at_least(k, 2, "k")
    if k % 2:
        raise DomainError(f"the SPEC D1 formula is stated for even k >= 2, got {k}")
    return (2 * k * (-1) ** (k // 2 + 1) / (sp.pi * (k * k - 1)) * 2 ** sp.Rational(k + 1, 2)
            * sp.gamma(sp.Rational(k + 3, 2)))


def embedding(A) -> tuple:
    """(U, V) ∈ R^{4×2} with orthonormal columns and U^T V = A (‖A‖_op ≤ 1), exact.

    U = [e1 e2]; V = [A; C] with C upper triangular, C^T C = I - A^T A (Cholesky).

    Parameters
    ----------
    A : matrix-like
        An exact 2 × 2 matrix with ‖A‖_op ≤ 1.

    Returns
    -------
    tuple of sympy.Matrix
        ``(U, V)``, both 4 × 2, exact.

    Raises
    ------
    DomainError
        If A is not 2 × 2 or I - AᵀA is not positive semidefinite.

    Examples
    --------
    >>> import sympy as sp
    >>> A = sp.Matrix([[sp.Rational(1, 2), 0], [sp.Rational(1, 3), 0]])
    >>> U, V = embedding(A)
    >>> U.T * V == A, V.T * V == sp.eye(2), U.T * U == sp.eye(2)
    (True, True, True)
    """
    A = sp.Matrix(A)
    if A.shape != (2, 2):
        raise DomainError(f"A = U^T V must be 2 × 2, got {A.shape}")
    G = sp.eye(2) - A.T * A
    if G[0, 0] < 0 or G.det() < 0:
        raise DomainError("A = U^T V must have operator norm ≤ 1 (I - A^T A positive semidefinite)")
    c11 = sp.sqrt(G[0, 0])
    c12 = G[0, 1] / c11 if c11 != 0 else sp.Integer(0)
    c22 = sp.sqrt(sp.radsimp(G[1, 1] - c12 ** 2))
    C = sp.Matrix([[c11, c12], [0, c22]])
    U = sp.Matrix([[1, 0], [0, 1], [0, 0], [0, 0]])
    V = sp.Matrix.vstack(A, C).applyfunc(sp.radsimp)
    return U, V


def decay_correlation(k: int, A, *, dps=None):
    """E[F_k(U^T x) F_k(V^T x)], x ~ N(0, I_4), U^T V = A (:func:`embedding`): exact, or certified.

    The left side of SPEC D2; compare with :func:`decay_bound`.

    Parameters
    ----------
    k : int
        ``1 <= k <= 64``.
    A : matrix-like
        An exact 2 × 2 contraction.
    dps : int, optional
        Decimal digits of a certified result; None for the exact value.

    Returns
    -------
    sympy.Expr or Enclosure
        Exact when ``dps`` is None, else certified.

    Raises
    ------
    DomainError
        As :func:`embedding` and :func:`planar_network`.

    Examples
    --------
    SPEC D2 at k = 2, A = I/2: 0 ≤ E[F(Uᵀx)F(Vᵀx)] ≤ (1/2)² E[F_2²]:

    >>> import sympy as sp
    >>> A = sp.eye(2) / 2
    >>> c = decay_correlation(2, A)
    >>> bool(0 <= c <= decay_bound(2, A)), decay_bound(2, A)
    (True, 1/2 - 1/pi)
    """
    U, V = embedding(A)
    F = planar_network(k)
    return inner_product(F.precompose(U.T, 4), F.precompose(V.T, 4), Gaussian(4), dps=dps)


def decay_bound(k: int, A, m: int | None = None):
    """The SPEC D2 bound ‖A‖_op^m E[F_k²] on |E[F_k(Uᵀx) F_k(Vᵀx)]|, exact.

    Parameters
    ----------
    k : int
        ``1 <= k <= 64``.
    A : matrix-like
        The exact 2 × 2 matrix UᵀV.
    m : int, optional
        The lowest Hermite degree of F_k (default k, right for even k).

    Returns
    -------
    sympy.Expr
        Exact.

    Raises
    ------
    DomainError
        If ``m < 0``, or as :func:`planar_network`.

    Examples
    --------
    >>> import sympy as sp
    >>> decay_bound(2, sp.eye(2)) == norm2(2)          # ‖I‖ = 1: the bound is E[F²]
    True
    """
    A = sp.Matrix(A)
    m = k if m is None else as_int_at_least(m, 0, "m")
    eig = (A.T * A).eigenvals()
    op = sp.sqrt(max(eig, key=lambda e: sp.N(e, 50)))
    return sp.radsimp(op) ** m * norm2(k)

