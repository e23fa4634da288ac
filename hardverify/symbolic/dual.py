"""Closed-form dual kernels K_{σ,τ}(ρ) = E[σ(⟨u,x⟩) τ(⟨v,x⟩)] (SPEC §0.1 Mehler, H4).

For unit u, v with ρ = ⟨u, v⟩ and x ~ N(0, I), Mehler's formula gives
K_{σ,τ}(ρ) = Σ_m c_m(σ) c_m(τ) ρ^m.

Closed forms are derived, not tabulated per activation: each activation with
at most one kink, at 0, and erf terms erf(αt) is split into

    σ = P(t) + u·sign(t) + v·|t| + Σ_j w_j erf(α_j t)      (P a polynomial)

and K is bilinear.  Pairs involving P are *finite* Mehler sums (P has finitely
many Hermite coefficients); the others use four classical kernels, each checked
against its Mehler series in the tests:

* sign × sign: (2/π) arcsin ρ                         (Sheppard)
* |t| × |t|: (2/π)(√(1-ρ²) + ρ arcsin ρ)               (arc-cosine kernel of degree 1)
* sign × erf(αt): (2/π) arcsin(√2 αρ / √(1+2α²))
* erf(αt) × erf(βt): (2/π) arcsin(2αβρ / √((1+2α²)(1+2β²)))   (Williams)

and the even/odd pairs (sign or erf with |t|) vanish by parity.

>>> import sympy as sp, hardverify as hv
>>> rho = sp.Symbol("rho")
>>> K = dual_kernel(hv.activation("relu"), rho=rho)
>>> sp.expand(K - ((sp.sqrt(1 - rho**2) + rho * sp.asin(rho)) / (2 * sp.pi) + rho / 4)) == 0   # SPEC H4
True
>>> dual_kernel(hv.activation("step"), rho=rho) == sp.Rational(1, 4) + sp.asin(rho) / (2 * sp.pi)
True
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from ..core.activations import Activation, activation, t
from ..core.numbers import as_expr
from ..errors import DomainError, NoClosedForm
from .hermite import exact_form, hermite_coefficients

__all__ = ["dual_kernel", "RHO", "KernelBasis", "kernel_basis"]

#: the default correlation symbol.
RHO = sp.Symbol("rho", real=True)


@dataclass(frozen=True)
class KernelBasis:
    """σ = poly + u·sign(t) + v·|t| + Σ w_j erf(α_j t).

    Parameters
    ----------
    poly : sympy.Expr
        The polynomial part P(t).
    u : sympy.Expr
        The coefficient of sign(t).
    v : sympy.Expr
        The coefficient of |t|.
    erfs : tuple of (sympy.Expr, sympy.Expr)
        The pairs (w_j, α_j) of the terms w_j erf(α_j t).

    Examples
    --------
    >>> import hardverify as hv
    >>> b = kernel_basis(hv.activation("relu"))                  # ReLU = t/2 + |t|/2
    >>> b.poly, b.u, b.v, b.erfs
    (t/2, 0, 1/2, ())
    """

    poly: sp.Expr
    u: sp.Expr
    v: sp.Expr
    erfs: tuple  # ((w_j, α_j), ...)

    def nonpoly(self) -> sp.Expr:
        """The non-polynomial part of σ, as an expression in :data:`hardverify.t`.

        Returns
        -------
        sympy.Expr
            u·sign(t) + v·|t| + Σ w_j erf(α_j t).
        """
        return self.u * sp.sign(t) + self.v * sp.Abs(t) + sp.Add(*[w * sp.erf(a * t) for w, a in self.erfs])


def _nope(act, why):
    return NoClosedForm(
        f"no closed-form dual kernel for {act.label}: {why}. Closed forms cover polynomials plus "
        "sign(t), |t| and erf(αt) terms (kinks only at 0); use dps= for a certified value of the Mehler series"
    )


def kernel_basis(act: Activation) -> KernelBasis:
    """Split ``act`` over the kernel basis, or raise NoClosedForm.

    Parameters
    ----------
    act : Activation
        The activation (a registry name is not accepted here; use :func:`hardverify.activation`).

    Returns
    -------
    KernelBasis
        The exact decomposition.

    Raises
    ------
    NoClosedForm
        If σ is not a piecewise polynomial plus erf terms, an erf term has a shift or polynomial factor,
        σ has a kink away from 0 or more than one kink, or the jump at 0 has degree > 1.

    Examples
    --------
    >>> import hardverify as hv
    >>> kernel_basis(hv.activation("step"))                     # 1{t > 0} = 1/2 + sign(t)/2
    KernelBasis(poly=1/2, u=1/2, v=0, erfs=())
    """
    try:
        form = exact_form(act)
    except NoClosedForm as exc:
        raise _nope(act, "it is not piecewise polynomial plus erf terms") from exc
    erfs = []
    for q, alpha, beta in form.erf_terms:
        if beta != 0 or len(q) > 1:
            raise _nope(act, "an erf term has a shift or a polynomial factor")
        erfs.append((q[0], alpha))
    pieces = form.pieces
    poly = lambda cs: sp.Add(*[c * t ** k for k, c in enumerate(cs)])
    if len(pieces) == 1:
        return KernelBasis(sp.expand(poly(pieces[0][2])), sp.Integer(0), sp.Integer(0), tuple(erfs))
    if len(pieces) != 2 or pieces[0][1] != 0:
        raise _nope(act, f"it has kinks at {[p[1] for p in pieces[:-1]]}, not a single kink at 0")
    left, right = poly(pieces[0][2]), poly(pieces[1][2])
    odd_part = sp.Poly(sp.expand((right - left) / 2), t)
    if odd_part.degree() > 1:
        raise _nope(act, "the jump part sign(t)·D(t) has deg D > 1")
    d = [sp.sympify(c) for c in reversed(odd_part.all_coeffs())] + [sp.Integer(0), sp.Integer(0)]
    return KernelBasis(sp.expand((left + right) / 2), d[0], d[1], tuple(erfs))


def _k_sign_sign(r):
    return 2 / sp.pi * sp.asin(r)


def _k_abs_abs(r):
    return 2 / sp.pi * (sp.sqrt(1 - r ** 2) + r * sp.asin(r))


def _k_sign_erf(alpha, r):
    return 2 / sp.pi * sp.asin(sp.sqrt(2) * alpha * r / sp.sqrt(1 + 2 * alpha ** 2))


def _k_erf_erf(alpha, beta, r):
    return 2 / sp.pi * sp.asin(2 * alpha * beta * r / sp.sqrt((1 + 2 * alpha ** 2) * (1 + 2 * beta ** 2)))


def _finite_mehler(p_act, other, r):
    """Σ_{m ≤ deg p} c_m(p) c_m(other) ρ^m for a polynomial activation p."""
    deg = sp.Poly(p_act.expr, t).degree() if p_act.expr.has(t) else 0
    cp = hermite_coefficients(p_act, deg)
    co = hermite_coefficients(other, deg)
    return sp.Add(*[a * b * r ** m for m, (a, b) in enumerate(zip(cp, co))])


def _nonpoly_kernel(bs: KernelBasis, bt: KernelBasis, r):
    out = bs.u * bt.u * _k_sign_sign(r) + bs.v * bt.v * _k_abs_abs(r)
    for w, a in bt.erfs:
        out += bs.u * w * _k_sign_erf(a, r)
    for w, a in bs.erfs:
        out += bt.u * w * _k_sign_erf(a, r)
        for w2, b in bt.erfs:
            out += w * w2 * _k_erf_erf(a, b, r)
    return out


def dual_kernel(sigma, tau=None, *, rho=RHO) -> sp.Expr:
    """Exact K_{σ,τ}(ρ) = E[σ(⟨u,x⟩) τ(⟨v,x⟩)] (τ = σ by default) as a sympy expression in ``rho``.

    x ~ N(0, I), u, v unit vectors with ⟨u,v⟩ = ρ; by Mehler K = Σ_m c_m(σ) c_m(τ) ρ^m (SPEC H3, H4).
    The closed forms are continuous on [-1, 1], so they hold at ρ = ±1 too (Abel); outside the
    closed-form class, K(±1) = E[σ(g) τ(±g)] is still exact when that product is.

    Parameters
    ----------
    sigma, tau : Activation or str
        The activations (``tau=None``: τ = σ).
    rho : sympy.Symbol or exact number
        The correlation: a symbol (default :data:`RHO`), or an exact number in [-1, 1] (a string is
        parsed safely, floats are read as their decimals).

    Returns
    -------
    sympy.Expr
        The exact kernel: an expression in ``rho`` for a symbol, an exact number for a number.

    Raises
    ------
    DomainError
        If a numeric ``rho`` is not a real number in [-1, 1].
    NoClosedForm
        Outside the class described in the module docstring (use ``dps=`` in
        :func:`hardverify.dual_kernel`).

    Examples
    --------
    >>> import sympy as sp, hardverify as hv
    >>> dual_kernel("sign", rho=sp.Rational(1, 2))              # Sheppard: (2/π) asin(1/2)
    1/3
    >>> K = dual_kernel("relu", "sign")                         # only c_1 of sign meets the odd part of ReLU
    >>> K == sp.sqrt(2) * RHO / (2 * sp.sqrt(sp.pi))
    True
    >>> s = hv.activation("relu").affine(1, -1)                 # kink at 1: no closed form in ρ, but K(1) = E[σ(g)²]
    >>> dual_kernel(s, rho=1) == hv.gaussian_expectation(hv.activation(s.expr**2))
    True
    """
    s = sigma if isinstance(sigma, Activation) else activation(sigma)
    tt = s if tau is None else (tau if isinstance(tau, Activation) else activation(tau))
    r = as_expr(rho, "rho", allow_symbols=True)
    if r.is_number and (not r.is_real or bool(r > 1) or bool(r < -1)):
        raise DomainError(f"rho must lie in [-1, 1], got {rho}")
    try:
        bs, bt = kernel_basis(s), kernel_basis(tt)
    except NoClosedForm:
        if r.is_number and r in (1, -1):        # K(±1) = E[σ(g) τ(±g)], a one-dimensional expectation
            return hermite_coefficients(Activation(s.expr * tt.expr.subs(t, r * t)), 0)[0]
        raise
    out = sp.Integer(0)
    if bs.poly != 0:
        out += _finite_mehler(Activation(bs.poly), tt, r)        # K(P_σ, τ)
    nonpoly_s = bs.nonpoly()
    if bt.poly != 0 and nonpoly_s != 0:
        out += _finite_mehler(Activation(bt.poly), Activation(nonpoly_s), r)   # K(N_σ, P_τ)
    out += _nonpoly_kernel(bs, bt, r)
    return out
