"""Exact moments of spherically symmetric laws on R^n (symbolic in n where possible).

* Gaussian x ~ N(0, I_n): E[x^α] = Π_i (α_i - 1)!! if every α_i is even, else 0.
* Uniform on the unit sphere S^{n-1} (probability measure U_n):

      E[x^α] = Γ(n/2) / Γ(n/2 + |α|/2) · Π_i Γ((α_i + 1)/2) / Γ(1/2)     (all α_i even; else 0)

  (write x = g/|g| with g Gaussian and use independence of |g| and g/|g|:
  E[g^α] = E[|g|^{|α|}] E[x^α] and E|g|^r = 2^{r/2} Γ((n+r)/2)/Γ(n/2)).
* Radial laws x = R·θ with θ ~ U_n independent of R: E[x^α] = E[R^{|α|}] E_{U_n}[θ^α].
  :func:`chi_moment` gives E[R^r] for R = |g| (the Gaussian), and the uniform ball has
  E[R^r] = n/(n + r).

``n`` may be a Python int or a positive-integer sympy Symbol.

>>> sphere_moment(6, (2, 2, 2))               # SPEC V20: E_{U(S^5)}[x1² x2² x3²] = 1/480
1/480
>>> import sympy as sp
>>> n = sp.Symbol("n", integer=True, positive=True)
>>> sp.simplify(sphere_moment(n, (2,)) - 1 / n)
0
"""

from __future__ import annotations

import sympy as sp

from ..errors import DomainError, ResourceLimit
from ..validate import as_dimension, as_nonneg_int

__all__ = ["gaussian_moment_multi", "sphere_moment", "chi_moment", "ball_radius_moment",
           "check_moment_degree", "MAX_MOMENT_DEGREE"]

#: the largest total degree |α| of an exact moment
MAX_MOMENT_DEGREE = 20_000


def _alpha(alpha, n=None):
    if isinstance(alpha, (str, bytes, dict, set)) or not hasattr(alpha, "__iter__"):
        raise DomainError(f"a multi-index must be a sequence of non-negative integers, got {alpha!r}")
    a = tuple(as_nonneg_int(x, "a multi-index entry") for x in alpha)
    if isinstance(n, int) and len(a) > n:
        raise DomainError(f"multi-index {a} has more than n = {n} entries")
    check_moment_degree(sum(a))
    return a


def check_moment_degree(total: int) -> None:
    """Refuse a moment of total degree |α| > MAX_MOMENT_DEGREE up front (its exact value has ~|α| log|α| digits).

    Parameters
    ----------
    total : int
        The total degree |α| = Σ α_i.

    Raises
    ------
    ResourceLimit
        If ``total > MAX_MOMENT_DEGREE`` (20000).
    """
    if total > MAX_MOMENT_DEGREE:
        raise ResourceLimit(f"exact moments are computed for total degree |α| ≤ {MAX_MOMENT_DEGREE}, got {total}")


def gaussian_moment_multi(alpha) -> sp.Integer:
    """E[x^α] for x ~ N(0, I): Π (α_i - 1)!! (0 if some α_i is odd).

    Parameters
    ----------
    alpha : sequence of int
        The multi-index (α_1, ..., α_d), entries ``>= 0``.

    Returns
    -------
    sympy.Integer
        The exact moment.

    Raises
    ------
    DomainError
        If ``alpha`` is not a sequence of non-negative integers.
    ResourceLimit
        If |α| > 20000.

    Examples
    --------
    >>> gaussian_moment_multi((4, 2)), gaussian_moment_multi((3,))            # 3!! · 1!!, odd → 0
    (3, 0)
    """
    a = _alpha(alpha)
    if any(x % 2 for x in a):
        return sp.Integer(0)
    out = sp.Integer(1)
    for x in a:
        out *= sp.factorial2(x - 1)
    return out


def sphere_moment(n, alpha) -> sp.Expr:
    """E_{x~U_n}[x^α] on the unit sphere S^{n-1} (exact; symbolic in n allowed).

    E_{U_n}[x^α] = Γ(n/2)/Γ(n/2 + |α|/2) · Π_i Γ((α_i + 1)/2)/Γ(1/2) when every α_i is even, else 0 (see the
    module docstring); entries of α beyond its length are 0.

    Parameters
    ----------
    n : int or sympy.Expr
        The dimension, ``n >= 1``, or a positive-integer Symbol.
    alpha : sequence of int
        The multi-index, entries ``>= 0``, at most n of them.

    Returns
    -------
    sympy.Expr
        The exact moment: a rational for integer ``n``, an expression in ``n`` for a Symbol.

    Raises
    ------
    DomainError
        If ``n`` is not a valid dimension, ``alpha`` is not a sequence of non-negative integers, or it has
        more than n entries.
    ResourceLimit
        If |α| > 20000.

    Examples
    --------
    >>> import sympy as sp, hardverify as hv
    >>> hv.sphere_moment(3, (2,)), hv.sphere_moment(3, (4,)), hv.sphere_moment(3, (1, 1))   # E x1² = 1/n
    (1/3, 1/5, 0)
    >>> n = 7                                                    # Σ_i E[x_i²] = E|x|² = 1
    >>> sum(hv.sphere_moment(n, (0,) * i + (2,)) for i in range(n))
    1
    >>> hv.sphere_moment(6, (2, 2, 2))                           # SPEC V20
    1/480
    """
    n = as_dimension(n, minimum=1)
    a = _alpha(alpha, n)
    if any(x % 2 for x in a):
        return sp.Integer(0)
    total = sum(a)
    num = sp.Integer(1)
    for x in a:
        num *= sp.gamma(sp.Rational(x + 1, 2)) / sp.sqrt(sp.pi)
    if isinstance(n, int):
        # Γ(n/2)/Γ(n/2 + s) = 1/((n/2)(n/2+1)...(n/2+s-1)) with s = |α|/2: a rational
        s = total // 2
        den = sp.Integer(1)
        for i in range(s):
            den *= sp.Rational(n, 2) + i
        return num / den
    return sp.gammasimp(sp.gamma(n / 2) / sp.gamma(n / 2 + sp.Rational(total, 2)) * num)


def chi_moment(n, r) -> sp.Expr:
    """E|g|^r for g ~ N(0, I_n): 2^{r/2} Γ((n + r)/2) / Γ(n/2).

    Parameters
    ----------
    n : int or sympy.Expr
        The dimension, ``n >= 1``, or a positive-integer Symbol.
    r : number or sympy.Expr
        The power (any exact value with r > -n).

    Returns
    -------
    sympy.Expr
        The exact moment, Gamma-simplified.

    Raises
    ------
    DomainError
        If ``n`` is not a valid dimension.

    Examples
    --------
    >>> import sympy as sp
    >>> n = sp.Symbol("n", integer=True, positive=True)
    >>> chi_moment(n, 2), chi_moment(3, 4)                       # E|g|² = n, E|g|⁴ = n(n+2)
    (n, 15)
    """
    n = as_dimension(n, minimum=1)
    r = sp.sympify(r)
    return sp.gammasimp(2 ** (r / 2) * sp.gamma((n + r) / 2) / sp.gamma(sp.sympify(n) / 2))


def ball_radius_moment(n, r) -> sp.Expr:
    """E[R^r] for x uniform in the unit ball of R^n (R has density n r^{n-1} on [0, 1]): n/(n + r).

    Parameters
    ----------
    n : int or sympy.Expr
        The dimension, ``n >= 1``, or a positive-integer Symbol.
    r : number or sympy.Expr
        The power (r > -n).

    Returns
    -------
    sympy.Expr
        n/(n + r).

    Raises
    ------
    DomainError
        If ``n`` is not a valid dimension.

    Examples
    --------
    >>> ball_radius_moment(3, 2)                                 # E|x|² in the unit ball of R^3
    3/5
    """
    n = as_dimension(n, minimum=1)
    return sp.sympify(n) / (n + sp.sympify(r))
