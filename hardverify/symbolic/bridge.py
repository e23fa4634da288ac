"""The sphere ↔ Gaussian bridge (SPEC H6) and the random-feature kernel of homogeneous activations (F5, §9.4).

* H6 (polynomials): √N(n,k) P_k^{(n)}(x/√n) → h_k(x) = He_k(x)/√(k!) as n → ∞.
* H6 (eigenvalues): for σ positively p-homogeneous (σ(λt) = λ^p σ(t), λ > 0),
  √N(n,k) n^{p/2} μ_k(σ; n) → c_k(σ), the orthonormal Hermite coefficient.
* F5 / §9.4: for such σ, E_{w~U_n}[σ(⟨w,x⟩)σ(⟨w,y⟩)] = K_σ(ρ)/E‖g‖^{2p}, with K_σ the Gaussian dual
  kernel (H4) and E‖g‖^{2p} = 2^p Γ(n/2 + p)/Γ(n/2); so for ReLU κ(ρ) = K_ReLU(ρ)/n.

The limits are exact: μ_k = r_0(n) + r_1(n) A_n with rational r_0, r_1 and A_n = Γ(n/2)/(√π Γ((n+1)/2))
(:mod:`.funk_hecke`); Wendel's inequality (x/(x+1/2))^{1/2} ≤ Γ(x+1/2)/(x^{1/2} Γ(x)) ≤ 1 gives
A_n √(πn/2) → 1, so the limit is lim S r_0 + lim S r_1 √(2/(πn)) (S = √N n^{p/2}), both algebraic
limits computed by sympy (and required to be finite).

>>> import hardverify as hv
>>> gaussian_limit(hv.activation("relu"), 4) == hv.hermite_coefficient("relu", 4)      # SPEC H6
True
"""

from __future__ import annotations

import sympy as sp

from ..core.activations import Activation, activation, t
from ..errors import DomainError, NoClosedForm, NoConvergence
from ..validate import as_dimension, as_nonneg_int
from .dual import RHO, dual_kernel
from .funk_hecke import eigen_forms
from .gegenbauer import harmonic_dimension, legendre_polynomial

__all__ = ["gaussian_limit", "legendre_gaussian_limit", "random_feature_kernel", "N_SYMBOL"]

#: the dimension symbol used for limits n → ∞.
N_SYMBOL = sp.Symbol("n", integer=True, positive=True)


def _act(a) -> Activation:
    return a if isinstance(a, Activation) else activation(a)


def _scale(n, k: int, p: int):
    return sp.sqrt(harmonic_dimension(n, k)) * n ** sp.Rational(p, 2)


def gaussian_limit(act, k: int) -> sp.Expr:
    """Exact lim_{n→∞} √N(n,k) n^{p/2} μ_k(σ; n) for a positively p-homogeneous piecewise polynomial σ (H6).

    p is the homogeneity degree (σ(λt) = λ^p σ(t), λ > 0), N(n,k) = dim H_k^n, μ_k the Funk–Hecke
    eigenvalue (normalised measure); the limit is taken term by term on μ_k = r_0(n) + r_1(n) A_n with
    Wendel's inequality (see the module docstring), and equals the orthonormal Hermite coefficient c_k(σ).

    Parameters
    ----------
    act : Activation or str
        A positively homogeneous piecewise polynomial (pieces c·t^p, kink only at 0).
    k : int
        The degree, ``0 <= k <= 2000``.

    Returns
    -------
    sympy.Expr
        The exact limit.

    Raises
    ------
    DomainError
        If σ is not positively homogeneous or ``k`` is not a non-negative integer.
    ResourceLimit
        If ``k > 2000``.
    NoConvergence
        If a term of the limit is not finite.

    Examples
    --------
    >>> import hardverify as hv
    >>> [gaussian_limit("sign", k) == hv.hermite_coefficient("sign", k) for k in range(4)]     # SPEC H6
    [True, True, True, True]
    """
    act = _act(act)
    k = as_nonneg_int(k, "degree k", maximum=2000)
    p = act.homogeneity
    if p is None:
        raise DomainError(f"H6 needs a positively homogeneous piecewise polynomial (pieces c·t^p, kink at 0); "
                          f"{act.label} is not one")
    n = N_SYMBOL
    form = eigen_forms(act, n, k)[k]
    S = _scale(n, k, p)
    parts = [sp.limit(sp.simplify(S * form.r0), n, sp.oo),
             sp.limit(sp.simplify(S * form.r1 * sp.sqrt(2 / (sp.pi * n))), n, sp.oo)]
    if any(not v.is_finite for v in parts):
        raise NoConvergence(f"√N n^(p/2) μ_{k} of {act.label} has no finite limit term by term ({parts})")
    return sp.simplify(parts[0] + parts[1])


def legendre_gaussian_limit(k: int, x=None) -> sp.Expr:
    """lim_{n→∞} √N(n,k) P_k^{(n)}(x/√n), coefficient by coefficient (H6: it is h_k(x) = He_k(x)/√(k!)).

    Parameters
    ----------
    k : int
        The degree, ``0 <= k <= 200``.
    x : sympy.Expr, optional
        The variable of the result (default a Symbol ``x``).

    Returns
    -------
    sympy.Expr
        The limit polynomial (expanded), equal to He_k(x)/√(k!).

    Raises
    ------
    DomainError
        If ``k`` is not a non-negative integer.
    ResourceLimit
        If ``k > 200``.

    Examples
    --------
    >>> import sympy as sp
    >>> x = sp.Symbol("x")
    >>> legendre_gaussian_limit(3, x) == sp.expand((x**3 - 3*x) / sp.sqrt(6))
    True
    """
    k = as_nonneg_int(k, "degree k", maximum=200)
    x = sp.Symbol("x") if x is None else x
    n = N_SYMBOL
    poly = sp.Poly(legendre_polynomial(n, k, t), t)
    out = sp.Integer(0)
    for (i,), c in poly.terms():
        out += sp.limit(sp.sqrt(harmonic_dimension(n, k)) * c * n ** sp.Rational(-i, 2), n, sp.oo) * x ** i
    return sp.expand(out)


def random_feature_kernel(act, n, rho=RHO) -> sp.Expr:
    """κ(ρ) = E_{w~U_n}[σ(⟨w,x⟩) σ(⟨w,y⟩)] for |x| = |y| = 1, ⟨x,y⟩ = ρ, exactly, for p-homogeneous σ (F5).

    By §9.4, E_{w~N(0,I)}[...] = E‖g‖^{2p} E_{w~U_n}[...], and the left side is the dual kernel K_σ(ρ) (H4).

    Parameters
    ----------
    act : Activation or str
        A positively p-homogeneous activation.
    n : int or sympy.Expr
        The dimension, ``n >= 2``, or a positive-integer Symbol.
    rho : sympy.Expr or number
        The inner product (default :data:`~hardverify.symbolic.dual.RHO`), an exact number in [-1, 1] or
        an expression.

    Returns
    -------
    sympy.Expr
        κ(ρ), simplified.

    Raises
    ------
    NoClosedForm
        If σ is not positively homogeneous.
    DomainError
        If ``n < 2`` or a numeric ρ is outside [-1, 1].

    Examples
    --------
    >>> import sympy as sp, hardverify as hv
    >>> rho = sp.Symbol("rho")
    >>> k = random_feature_kernel(hv.activation("relu"), 3, rho)
    >>> sp.simplify((k - (sp.sqrt(1 - rho**2) + (sp.pi - sp.acos(rho)) * rho) / (6 * sp.pi)).rewrite(sp.asin))  # F5
    0
    """
    act = _act(act)
    n = as_dimension(n, minimum=2)
    p = act.homogeneity
    if p is None:
        raise NoClosedForm(f"no closed-form random-feature kernel for {act.label} (it is not positively "
                           "homogeneous); use the certified Gegenbauer series, hv.random_feature_kernel(..., dps=)")
    # E‖g‖^{2p} = 2^p Γ(n/2+p)/Γ(n/2) = n (n+2) ... (n+2p-2)  (chi_moment, without evaluating huge Γ's)
    norm = sp.Mul(*[sp.sympify(n) + 2 * i for i in range(p)])
    return sp.simplify(dual_kernel(act, rho=rho) / norm)
