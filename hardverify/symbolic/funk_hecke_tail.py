"""The Funk–Hecke eigenvalues of kinks at 0 beyond the polynomial degree, as one Γ term each (any n, any k).

For σ(t) = p_0(t) + Σ_j d_j t_+^j on [-1, 1] (every kink at 0, exact constants d_j) and k above D = max(deg p_0, max j),
only the k > j boundary terms of :mod:`hardverify.symbolic.funk_hecke` survive, and only for j ≡ k - 1 (mod 2).
With m = k - 1 - j (even) and s = (k - 1 + j)/2, SPEC F2.5 for P_m^{(n+2j+2)}(0) and
((n+1)/2)_j ((n+1)/2 + j)_{m/2} = ((n+1)/2)_s turn the term d_j j! A_n P_m^{(n+2j+2)}(0) / (2^{j+1} ((n+1)/2)_j) into

    μ_k = d_j j! (-1)^{m/2} / (2^{j+1} π) · Γ((m+1)/2) Γ(n/2) / Γ((n+1)/2 + s),

using (m-1)!! = 2^{m/2} Γ((m+1)/2)/√π.  For ReLU (j = 1, k = 2q + 2) this is SPEC F4's
(-1)^q (2q)! Γ(n/2)/(√π 2^{2q+2} q! Γ(q + (n+3)/2)).  Built from unevaluated
:class:`~hardverify.core.closed_forms.GammaRatio` factors it costs O(1) at any n and k and prints in a line,
where the rational form r_1 A_n needs ~k log₂ n bits and ~k² log₂ n work.

>>> import sympy as sp
>>> tail_term(((sp.Integer(0), (sp.Integer(0), sp.Integer(1))),), 10**30, 4)    # ReLU, k = 4 (F4, q = 1)
-(gamma(500000000000000000000000000000)/gamma(1000000000000000000000000000005/2))/(8*sqrt(pi))
"""

from __future__ import annotations

import sympy as sp

from ..core.closed_forms import GammaRatio

__all__ = ["tail_degree", "tail_term", "SMALL_M"]

#: below this m the factor Γ((m+1)/2)/√π = (m-1)!!/2^{m/2} is written as a rational
SMALL_M = 64


def tail_degree(base, kinks):
    """D such that :func:`tail_term` gives μ_k for every k > D, or None when σ has a kink away from 0 (then
    the general derivation is needed).

    D = max(deg p_0, max j) over the jets d_j t_+^j: above it E[t^m P_k] = 0 for the polynomial part (k > m)
    and each kink term is its single k > j boundary term.  A jet coefficient with a free symbol also gives
    None.

    Parameters
    ----------
    base : sequence
        The coefficients of p_0, lowest degree first (:attr:`KinkJets.base`).
    kinks : sequence of (a, (d_0, d_1, ...))
        The kinks in (-1, 1) with their jets (:attr:`KinkJets.kinks`).

    Returns
    -------
    int or None
        D, or None when some kink is not at 0.

    Examples
    --------
    >>> import hardverify as hv
    >>> from hardverify.symbolic.funk_hecke import kink_jets
    >>> [tail_degree(j.base, j.kinks) for j in map(kink_jets, map(hv.activation, ("relu", "abs", "sign")))]
    [1, 1, 0]
    >>> j = kink_jets(hv.activation("relu").affine(1, sp.Rational(-1, 2)))          # ReLU(t - 1/2): kink at 1/2
    >>> tail_degree(j.base, j.kinks) is None
    True
    """
    if any(a != 0 or any(sp.sympify(d).free_symbols for d in ds) for a, ds in kinks):
        return None
    return max([len(base) - 1] + [len(ds) - 1 for _a, ds in kinks])


def _double_factorial_ratio(m: int) -> sp.Rational:
    """(m-1)!!/2^{m/2} for even m (= Γ((m+1)/2)/√π)."""
    out = sp.Integer(1)
    for i in range(1, m, 2):
        out *= sp.Rational(i, 2)
    return out


def tail_term(kinks, n: int, k: int) -> sp.Expr:
    """μ_k(σ; n) for k > :func:`tail_degree` (integer n ≥ 2): a sum of at most one Γ term per kink (exact).

    The formula of the module docstring, d_j j! (-1)^{m/2} Γ((m+1)/2) Γ(n/2) / (2^{j+1} π Γ((n+1)/2 + s)) over
    the jets with m = k - 1 - j even and ≥ 0, the Γ ratios unevaluated
    (:class:`~hardverify.core.closed_forms.GammaRatio`; for m < :data:`SMALL_M` the factor Γ((m+1)/2)/√π
    is the rational (m-1)!!/2^{m/2}).  The normalised measure.

    Parameters
    ----------
    kinks : sequence of (a, (d_0, d_1, ...))
        The jets of σ (:attr:`KinkJets.kinks`); every kink must be at a = 0 (not checked: the caller checks
        :func:`tail_degree` is not None).
    n : int
        The dimension, ``n >= 2`` (not validated).
    k : int
        The degree, ``k >`` :func:`tail_degree` (for smaller k the result is not μ_k).

    Returns
    -------
    sympy.Expr
        The exact μ_k(σ; n), compact at any n and k (0 when no jet has the parity of k - 1).

    Examples
    --------
    >>> import hardverify as hv
    >>> from hardverify.symbolic.funk_hecke import funk_hecke, kink_jets
    >>> jets = kink_jets(hv.activation("relu"))
    >>> [tail_term(jets.kinks, 3, k).doit() for k in (2, 3, 4)]                   # SPEC F4 table, n = 3
    [1/16, 0, -1/96]
    >>> tail_term(jets.kinks, 5, 201).doit() == funk_hecke(hv.activation("relu"), 5, 201, compact=False)   # m ≥ 64
    True
    """
    out = sp.Integer(0)
    half_n = sp.Rational(n, 2)
    for _a, ds in kinks:
        for j, d in enumerate(ds):
            m = k - 1 - j
            if d == 0 or m < 0 or m % 2:
                continue
            s = sp.Rational(k - 1 + j, 2)
            coef = sp.sympify(d) * sp.factorial(j) * (-1) ** (m // 2) / 2 ** (j + 1)
            ratio = GammaRatio(half_n, half_n + sp.Rational(1, 2) + s)
            if m < SMALL_M:
                out += coef * _double_factorial_ratio(m) * ratio / sp.sqrt(sp.pi)
            else:
                out += coef * GammaRatio(sp.Rational(m + 1, 2), 1) * ratio / sp.pi
    return out
