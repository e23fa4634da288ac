"""Certified Taylor coefficients of analytic expressions, and discs of analyticity.

:func:`taylor_coefficients` evaluates a sympy expression on the power series x + O(x^{M+1}) with
python-flint's ``arb_series`` (ball arithmetic on truncated series), so every coefficient σ_m is a
certified enclosure.  :func:`disc_bound` certifies that σ is analytic on the closed disc |z| ≤ r and
bounds |σ| there, by evaluating it on a grid of complex boxes covering the (upper half of the) disc
with ``analytic=True`` (σ is real on the real line, so |σ(z̄)| = |σ(z)|); Cauchy's estimate then gives
|σ_m| ≤ B r^{-m} and, for |t| < r, |σ(t) - Σ_{m≤M} σ_m t^m| ≤ B (|t|/r)^{M+1}/(1 - |t|/r).

>>> import sympy as sp
>>> from flint import arb, ctx
>>> t = sp.Symbol("t", real=True)
>>> with ctx.workprec(100):
...     cs = taylor_coefficients(1 / (1 + sp.exp(-t)), t, 5)        # sigmoid: 1/2 + t/4 - t³/48 + t⁵/480
...     ok = cs[3].overlaps(arb(-1) / 48) and cs[5].overlaps(arb(1) / 480) and cs[4].contains(0)
>>> ok, cs[5].rad() < 1e-28
(True, True)
"""

from __future__ import annotations

import sympy as sp
from flint import acb, arb, arb_series, ctx, fmpq

from ..errors import DomainError

__all__ = ["taylor_coefficients", "disc_bound"]


def _const(value):
    from ..core.arbeval import enclose_constant
    return enclose_constant(value)


def _pow(base, expo):
    if expo.is_Integer:
        e = int(expo)
        return base ** e if e >= 0 else 1 / base ** (-e)
    if expo == sp.S.Half:
        return base.sqrt()
    if expo == -sp.S.Half:
        return base.rsqrt()
    return (base.log() * _const(expo)).exp()


def _tanh(s):
    return 1 - 2 / ((2 * s).exp() + 1)


def _series(node, var, x):
    if node == var:
        return x
    if not node.has(var):
        return arb_series([_const(node)])
    if node.is_Add:
        out = _series(node.args[0], var, x)
        for a in node.args[1:]:
            out = out + _series(a, var, x)
        return out
    if node.is_Mul:
        out = _series(node.args[0], var, x)
        for a in node.args[1:]:
            out = out * _series(a, var, x)
        return out
    if node.is_Pow and not node.exp.has(var):
        return _pow(_series(node.base, var, x), node.exp)
    if node.is_Pow:
        return (_series(node.base, var, x).log() * _series(node.exp, var, x)).exp()
    simple = {sp.exp: "exp", sp.log: "log", sp.sin: "sin", sp.cos: "cos", sp.tan: "tan", sp.atan: "atan",
              sp.asin: "asin", sp.erf: "erf", sp.erfc: "erfc"}
    if node.func in simple and len(node.args) == 1:
        return getattr(_series(node.args[0], var, x), simple[node.func])()
    if node.func in (sp.sinh, sp.cosh, sp.tanh, sp.sech) and len(node.args) == 1:
        s = _series(node.args[0], var, x)
        if node.func is sp.tanh:
            return _tanh(s)
        e, ei = s.exp(), (-s).exp()
        return (e - ei) / 2 if node.func is sp.sinh else (e + ei) / 2 if node.func is sp.cosh else 2 / (e + ei)
    raise DomainError(f"no Taylor series for {node.func} in {node} (not analytic or not supported)")


def taylor_coefficients(expr, var, M: int) -> list:
    """Certified [σ_0, ..., σ_M], σ(t) = Σ σ_m t^m at t = 0, at the ambient flint precision.

    Parameters
    ----------
    expr : sympy.Expr
        An expression in ``var`` built from + - * /, powers, exp, log, sin, cos, tan, atan, asin, erf, erfc,
        sinh, cosh, tanh, sech.
    var : sympy.Symbol
        The variable.
    M : int
        The largest order, ``M >= 0``.

    Returns
    -------
    list of flint.arb
        The ``M + 1`` certified coefficients.

    Raises
    ------
    DomainError
        If a function is not supported or the expression is not analytic at 0.

    Examples
    --------
    >>> import sympy as sp
    >>> t = sp.Symbol("t", real=True)
    >>> with ctx.workprec(80):
    ...     cs = taylor_coefficients(sp.exp(t), t, 6)
    >>> all(c.overlaps(1 / arb.fac_ui(m)) for m, c in enumerate(cs))           # e^t = Σ t^m/m!
    True
    """
    old = ctx.cap
    try:
        ctx.cap = M + 1
        x = arb_series([0, 1])
        s = _series(expr, var, x)
        cs = list(s.coeffs())
    finally:
        ctx.cap = old
    cs += [arb(0)] * (M + 1 - len(cs))
    if not all(c.is_finite() for c in cs[: M + 1]):
        raise DomainError(f"{expr} is not analytic at 0 (its Taylor coefficients are not finite)")
    return cs[: M + 1]


def disc_bound(f, r: fmpq, grid: int = 8):
    """Upper bound of |f| on the closed disc |z| ≤ r (None unless f is certified analytic there).

    ``f(z, analytic)`` is a compiled ball function (:func:`~hardverify.core.arbeval.compile_expr`).

    Parameters
    ----------
    f : callable
        ``f(z, analytic)`` on acb boxes, real on the real line.
    r : flint.fmpq
        The radius, ``r > 0``.
    grid : int
        Boxes per radius along each axis.

    Returns
    -------
    flint.arb or None
        An exact upper bound of sup_{|z|≤r} |f|, or None when f may be non-analytic on the disc.

    Examples
    --------
    >>> import sympy as sp
    >>> from hardverify.core.arbeval import compile_expr
    >>> t = sp.Symbol("t", real=True)
    >>> with ctx.workprec(64):
    ...     B = disc_bound(compile_expr(sp.exp(t), t), fmpq(1))           # sup_{|z|≤1} |e^z| = e
    ...     print(B >= arb(1).exp(), B < 4, disc_bound(compile_expr(1 / (1 + t**2), t), fmpq(2)))   # poles at ±i
    True True None
    """
    R = arb(r)
    step = R / grid
    best = arb(0)
    pad = 1 + arb("1e-10")
    for i in range(-grid, grid):
        x0, x1 = i * step, (i + 1) * step
        nearx = arb(0) if i in (-1, 0) else min(abs(x0), abs(x1))
        for j in range(grid):
            y0 = j * step
            if nearx * nearx + y0 * y0 > R * R:
                continue
            box = acb(arb((x0 + x1) / 2, step / 2 * pad), arb(y0 + step / 2, step / 2 * pad))
            v = f(box, True)
            if not v.is_finite():
                return None
            best = best.max(v.abs_upper())
    return best.upper()
