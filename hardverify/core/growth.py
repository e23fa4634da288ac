"""Rigorous growth bounds for activations (used to bound truncated Gaussian tails).

A :class:`Growth` ``(A, p, a)`` asserts, for every real ``t``,

    |σ(t)| ≤ A (1 + |t|)^p exp(a |t|).

Every function of this class is integrable against the Gaussian weight with
any polynomial, which is what the certified quadrature needs.  :func:`growth_bound`
derives such a bound structurally from a sympy expression (each rule is a
one-line inequality stated beside it); it raises
:class:`~hardverify.errors.DomainError` for faster growth such as ``exp(t**2)``
(not integrable against the Gaussian) and for expressions it cannot bound.

>>> import sympy as sp
>>> t = sp.Symbol("t", real=True)
>>> growth_bound(1 / (1 + sp.exp(-t)), t)            # sigmoid: |σ| ≤ 1
Growth(A=1, p=0, a=0)
>>> growth_bound(sp.Max(0, t), t)
Growth(A=1, p=1, a=0)
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp
from flint import ctx

from ..errors import DomainError, NotCertified
from .arbeval import enclose_constant

__all__ = ["Growth", "growth_bound", "lower_bound", "piecewise_growth", "verify_growth", "PROBE_POINTS"]


@dataclass(frozen=True)
class Growth:
    """``|σ(t)| ≤ A (1+|t|)^p exp(a|t|)`` for all real t (A, p, a exact and ≥ 0).

    Parameters
    ----------
    A, p, a : sympy.Expr
        The exact non-negative constants of the bound.

    Examples
    --------
    >>> import sympy as sp
    >>> t = sp.Symbol("t", real=True)
    >>> g = growth_bound(sp.exp(t) + t**3, t)              # |e^t + t³| ≤ A (1+|t|)^3 e^{|t|}
    >>> g.p, g.a
    (3, 1)
    """

    A: sp.Expr
    p: sp.Expr
    a: sp.Expr

    def __repr__(self) -> str:
        return f"Growth(A={self.A}, p={self.p}, a={self.a})"


_BOUNDED = {
    sp.tanh: 1, sp.sin: 1, sp.cos: 1, sp.erf: 1, sp.erfc: 2, sp.sech: 1,
    sp.atan: sp.pi / 2, sp.sign: 1, sp.Heaviside: 1,
}


def _nonneg(x):
    return sp.Max(0, x) if not (x.is_nonnegative) else x


def _cant(expr, why=""):
    msg = f"cannot bound the growth of {expr} automatically"
    if why:
        msg += f" ({why})"
    msg += "; pass growth=(A, p, a) with |σ(t)| ≤ A(1+|t|)^p exp(a|t|) to hv.activation"
    return DomainError(msg)


def _real_on(g, var, domain=None) -> bool:
    """True if g is certainly real for t in ``domain``: sympy proves it, or g has a growth bound there
    (the rules of :func:`growth_bound` and :func:`lower_bound` accept only real-valued expressions).

    The rules for bounded functions, exp, cosh and even powers need this: with sympy's principal
    branches cos(√t) = cosh(√|t|) for t < 0, which is real but unbounded.
    """
    if g.is_extended_real:
        return True
    try:
        growth_bound(g, var, domain)
    except DomainError:
        return False
    return True


def lower_bound(expr, var, domain=None):
    """An exact number L with ``expr(t) ≥ L`` for every t in ``domain`` (default: all reals), or None.

    ``domain`` is an interval ``(lo, hi)`` of sympy numbers (±oo allowed); it lets a piece such as
    √t on (0, ∞) be bounded.

    Parameters
    ----------
    expr : sympy.Expr
        A real expression in ``var``.
    var : sympy.Symbol
        The variable.
    domain : tuple, optional
        ``(lo, hi)``, sympy numbers (±oo allowed).

    Returns
    -------
    sympy.Expr or None
        An exact lower bound, or None when none is found.

    Examples
    --------
    >>> import sympy as sp
    >>> t = sp.Symbol("t", real=True)
    >>> lower_bound(t**2 - 2*t, t), lower_bound(sp.exp(t), t), lower_bound(t, t)      # min of t² - 2t is -1
    (-1, 0, None)
    """
    if not expr.has(var):
        return expr if expr.is_real else None
    if expr.is_polynomial(var):                                # exact minimum over the (closed) domain
        lo, hi = domain if domain is not None else (-sp.oo, sp.oo)
        try:
            low = sp.calculus.util.minimum(expr, var, sp.Interval(lo, hi))
        except (NotImplementedError, ValueError):  # pragma: no cover - sympy gave up
            return None
        return low if low.is_finite else None
    if isinstance(expr, (sp.exp, sp.cosh)):                    # exp(real) > 0, cosh(real) ≥ 1
        if not _real_on(expr.args[0], var, domain):
            return None
        return sp.Integer(0) if isinstance(expr, sp.exp) else sp.Integer(1)
    if isinstance(expr, sp.Abs):
        return sp.Integer(0)
    if expr.is_Pow:
        base, e = expr.args
        if e.is_Integer and e > 0 and e.is_even and _real_on(base, var, domain):
            return sp.Integer(0)                               # even power of a real ≥ 0
        lb = lower_bound(base, var, domain)
        if lb is not None and lb >= 0 and e.is_positive:
            return lb ** e                                     # monotone for base ≥ 0
        return None
    if expr.is_Add:
        lbs = [lower_bound(a, var, domain) for a in expr.args]
        return None if any(lb is None for lb in lbs) else sp.Add(*lbs)
    if expr.is_Mul:
        const, rest = expr.as_independent(var)
        if rest.is_Mul:
            lbs = [lower_bound(f, var, domain) for f in rest.args]
            if any(lb is None or lb < 0 for lb in lbs):
                return None
            prod = sp.Mul(*lbs)
        else:
            prod = lower_bound(rest, var, domain)
            if prod is None:
                return None
        if const.is_nonnegative and prod >= 0:
            return const * prod
        return None
    return None


def _upper_affine(g, var, domain=None):
    """(u0, u1) with g(t) ≤ u0 + u1|t| for all real t; DomainError if g grows faster."""
    if g.is_polynomial(var):
        poly = sp.Poly(g, var)
        deg = poly.degree()
        if deg <= 1:
            coeffs = poly.all_coeffs()[::-1] + [0, 0]
            return sp.Abs(coeffs[0]), sp.Abs(coeffs[1])
        lead = poly.LC()
        if deg % 2 == 0 and lead.is_negative:
            region = sp.S.Reals if domain is None else sp.Interval(*domain)
            top = sp.calculus.util.maximum(g, var, region)          # bounded above
            return _nonneg(top), sp.Integer(0)
        if deg == 2 and lead.is_positive and bool(lead < sp.Rational(1, 2)):
            why = (f"exp({g}) is integrable against the Gaussian weight (exp(c{var}²) is, for c = {lead} < 1/2) "
                   f"but grows faster than the class hardverify certifies")
        else:
            why = f"exp({g}) grows like exp({var}**{deg}): not integrable against the Gaussian weight"
        raise DomainError(f"{why}; hardverify supports growth at most A(1+|{var}|)^p exp(a|{var}|)")
    if g.is_Add:
        poly_part = sp.Add(*[a for a in g.args if a.is_polynomial(var)])
        rest = [a for a in g.args if not a.is_polynomial(var)]
        u0, u1 = _upper_affine(poly_part, var, domain) if poly_part != 0 else (sp.Integer(0), sp.Integer(0))
        for r in rest:
            r0, r1 = _upper_affine(r, var, domain)
            u0, u1 = u0 + r0, u1 + r1
        return u0, u1
    if g.is_Mul:
        const, rest = g.as_independent(var)
        lb = lower_bound(rest, var, domain)
        if const.is_negative and lb is not None and lb >= 0:
            return sp.Integer(0), sp.Integer(0)                # negative times non-negative ≤ 0
    gr = growth_bound(g, var, domain)
    if gr.a == 0 and gr.p <= 1:
        return gr.A, gr.A                                      # |g| ≤ A(1+|t|)
    raise _cant(sp.exp(g), f"cannot bound {g} above by an affine function of |{var}|")


def growth_bound(expr, var, domain=None) -> Growth:
    """A :class:`Growth` bound for ``expr``, valid for t in ``domain`` (default: all reals).

    Parameters
    ----------
    expr : sympy.Expr
        An expression in ``var``.
    var : sympy.Symbol
        The variable.
    domain : tuple, optional
        ``(lo, hi)``, sympy numbers (±oo allowed).

    Returns
    -------
    Growth
        A bound proved by structural rules (each inequality stated in the code).

    Raises
    ------
    DomainError
        For growth faster than A(1+|t|)^p e^{a|t|} (e.g. exp(t²): not integrable against the Gaussian) and
        for expressions the rules cannot bound.

    Examples
    --------
    >>> import sympy as sp
    >>> t = sp.Symbol("t", real=True)
    >>> growth_bound(sp.exp(t**2), t)
    Traceback (most recent call last):
    ...
    hardverify.errors.DomainError: exp(t**2) grows like exp(t**2): not integrable against the Gaussian weight; ...
    """
    expr = sp.sympify(expr)
    if not expr.has(var):
        if not expr.is_real:
            raise DomainError(f"{expr} is not a real constant")
        return Growth(sp.Abs(expr), sp.Integer(0), sp.Integer(0))
    if expr == var:
        return Growth(sp.Integer(1), sp.Integer(1), sp.Integer(0))   # |t| ≤ 1 + |t|
    if expr.is_Add:                                            # |f+g| ≤ |f| + |g|
        gs = [growth_bound(a, var, domain) for a in expr.args]
        return Growth(sp.Add(*[g.A for g in gs]), sp.Max(*[g.p for g in gs]), sp.Max(*[g.a for g in gs]))
    if expr.is_Mul:
        const, rest = expr.as_independent(var)
        factors = rest.args if rest.is_Mul else (rest,)
        gs = [growth_bound(f, var, domain) for f in factors]           # |fg| ≤ |f||g|
        return Growth(sp.Abs(const) * sp.Mul(*[g.A for g in gs]),
                      sp.Add(*[g.p for g in gs]), sp.Add(*[g.a for g in gs]))
    if expr.is_Pow:
        base, e = expr.args
        if e.has(var):
            raise _cant(expr, "variable exponent")
        if e.is_positive:
            if not e.is_Integer:
                lb = lower_bound(base, var, domain)
                if lb is None or lb < 0:
                    raise _cant(expr, f"cannot show {base} ≥ 0")
            g = growth_bound(base, var, domain)
            return Growth(g.A ** e, g.p * e, g.a * e)
        if e.is_negative:                                      # |b^-k| ≤ lb^-k when b ≥ lb > 0
            lb = lower_bound(base, var, domain)
            if lb is None or not lb.is_positive:
                raise _cant(expr, f"cannot bound {base} away from 0")
            return Growth(lb ** e, sp.Integer(0), sp.Integer(0))
        raise _cant(expr)
    if isinstance(expr, sp.exp):
        u0, u1 = _upper_affine(expr.args[0], var, domain)             # exp(g) ≤ e^{u0} e^{u1|t|}
        return Growth(sp.exp(u0), sp.Integer(0), u1)
    if isinstance(expr, (sp.sinh, sp.cosh)):
        g = growth_bound(expr.args[0], var, domain)
        if g.a != 0 or g.p > 1:
            raise _cant(expr, "argument grows faster than linearly")
        return Growth(sp.exp(g.A), sp.Integer(0), g.A)         # |sinh g|, cosh g ≤ e^{|g|}
    if isinstance(expr, sp.log):
        arg = expr.args[0]
        lb = lower_bound(arg, var, domain)
        if lb is None or not lb.is_positive:
            raise _cant(expr, f"cannot bound {arg} away from 0")
        g = growth_bound(arg, var, domain)
        # log(arg) ∈ [log lb, log A + p log(1+|t|) + a|t|] and log(1+|t|) ≤ |t|
        C = sp.Max(sp.Abs(sp.log(lb)), _nonneg(sp.log(g.A)), g.p + g.a)
        return Growth(C, sp.Integer(1), sp.Integer(0))
    if type(expr) in _BOUNDED:                                 # bounded on the real line only
        if not _real_on(expr.args[0], var, domain):
            raise _cant(expr, f"cannot show that {expr.args[0]} is real")
        return Growth(sp.sympify(_BOUNDED[type(expr)]), sp.Integer(0), sp.Integer(0))
    if isinstance(expr, sp.Abs):
        return growth_bound(expr.args[0], var, domain)
    if isinstance(expr, (sp.Max, sp.Min)):                     # |max(f,g)| ≤ max(|f|, |g|)
        gs = [growth_bound(a, var, domain) for a in expr.args]
        return Growth(sp.Max(*[g.A for g in gs]), sp.Max(*[g.p for g in gs]), sp.Max(*[g.a for g in gs]))
    if isinstance(expr, sp.Piecewise):
        gs = [growth_bound(e, var, domain) for e, _ in expr.args]
        return Growth(sp.Max(*[g.A for g in gs]), sp.Max(*[g.p for g in gs]), sp.Max(*[g.a for g in gs]))
    raise _cant(expr)


def piecewise_growth(pieces, var) -> Growth:
    """One growth bound for a function given by analytic pieces.

    Each piece is bounded on its own interval, and |σ| ≤ max_i G_i ≤ (max A_i)(1+|t|)^{max p} e^{max a |t|}.

    Parameters
    ----------
    pieces : list of Piece
        The analytic pieces (:func:`hardverify.core.piecewise.split_pieces`).
    var : sympy.Symbol
        The variable.

    Returns
    -------
    Growth
        One bound for the whole function.

    Raises
    ------
    DomainError
        As in :func:`growth_bound`, for any piece.

    Examples
    --------
    >>> import sympy as sp
    >>> from hardverify.core.piecewise import split_pieces
    >>> t = sp.Symbol("t", real=True)
    >>> piecewise_growth(split_pieces(sp.Piecewise((0, t < 0), (sp.sqrt(t), True)), t), t)
    Growth(A=1, p=1/2, a=0)
    """
    gs = [growth_bound(p.expr, var, (p.left, p.right)) for p in pieces]
    return Growth(sp.Max(*[g.A for g in gs]), sp.Max(*[g.p for g in gs]), sp.Max(*[g.a for g in gs]))


#: where a supplied growth bound is probed for a counterexample: ±10^j (j = -12..3) around 0 and every kink.
PROBE_POINTS = tuple(sp.Integer(s) * sp.Integer(10) ** j for j in range(-12, 4) for s in (1, -1))


def _dominates(big: Growth, small: Growth) -> bool:
    """True if big ≥ small pointwise, decided from A_b ≥ A_s, p_b ≥ p_s, a_b ≥ a_s (1 + |t| ≥ 1)."""
    def ge(x, y):
        d = sp.sympify(x) - sp.sympify(y)
        if d.is_nonnegative:
            return True
        if not d.is_number:
            return False
        with ctx.workprec(128):
            return bool(enclose_constant(d) >= 0)         # certain only (arb comparison)
    return ge(big.A, small.A) and ge(big.p, small.p) and ge(big.a, small.a)


def _violation(bound: Growth, evaluate, kinks):
    """A point t with |σ(t)| > A(1+|t|)^p e^{a|t|} certainly (ball arithmetic), or None."""
    pts = list(PROBE_POINTS)
    for k in kinks:
        pts += [k + d for d in PROBE_POINTS if abs(d) < 1]
    with ctx.workprec(128):
        A, p, a = (enclose_constant(v) for v in (bound.A, bound.p, bound.a))
        for x in pts:
            try:
                v = evaluate(x)
            except (DomainError, ZeroDivisionError, ValueError):
                continue
            ax = enclose_constant(abs(x))
            rhs = A * (1 + ax) ** p * (a * ax).exp()
            if v is not None and abs(v) > rhs:
                return x
    return None


def verify_growth(supplied: Growth, pieces, var, evaluate, kinks=()) -> Growth:
    """A user's growth bound, accepted only when hardverify proves it.

    It must dominate the bound that :func:`piecewise_growth` derives (A, p, a each at least as large;
    then it holds at every t).

    A bound violated at a probe point (a certified ball of |σ(t)| above it) raises DomainError with the
    point; a bound neither proved nor refuted raises :class:`NotCertified` (a certified result may
    rest only on what hardverify proved).  ``evaluate(x)`` is a ball of σ(x) (or None).

    Parameters
    ----------
    supplied : Growth
        The user's bound.
    pieces : list of Piece
        The analytic pieces of σ.
    var : sympy.Symbol
        The variable.
    evaluate : callable
        ``evaluate(x)``: a ball of σ(x) at an exact point, or None.
    kinks : tuple
        Extra probe centres (the kinks of σ).

    Returns
    -------
    Growth
        ``supplied``, once proved.

    Raises
    ------
    DomainError
        If ``supplied`` is violated at a probe point.
    NotCertified
        If ``supplied`` does not dominate the proved bound, or no bound can be proved.

    Examples
    --------
    >>> import hardverify as hv
    >>> relu = hv.activation("relu")
    >>> verify_growth(Growth(2, 1, 0), relu.pieces, hv.t, relu.ball_at, relu.kinks)    # dominates (1, 1, 0)
    Growth(A=2, p=1, a=0)
    >>> verify_growth(Growth(sp.Rational(1, 2), 1, 0), relu.pieces, hv.t, relu.ball_at, relu.kinks)
    Traceback (most recent call last):
    ...
    hardverify.errors.DomainError: growth=Growth(A=1/2, p=1, a=0) is false: |σ(10)| exceeds ...; ...
    """
    bad = _violation(supplied, evaluate, kinks)
    if bad is not None:
        raise DomainError(f"growth={supplied!r} is false: |σ({bad})| exceeds A(1+|t|)^p e^(a|t|) there; "
                          "omit growth= (hardverify derives a proved bound) or pass a true one")
    try:
        proved = piecewise_growth(pieces, var)
    except DomainError as exc:
        raise NotCertified(f"growth={supplied!r} cannot be verified: hardverify proves no growth bound for "
                           f"this σ ({exc}); a certified result may rest only on a proved bound") from None
    if not _dominates(supplied, proved):
        raise NotCertified(f"growth={supplied!r} cannot be verified: hardverify proves {proved!r}, and the "
                           "supplied bound is not at least as large in each of A, p, a; omit growth= to "
                           "use the proved bound")
    return supplied
