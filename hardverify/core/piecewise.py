"""Split a real function given as a sympy expression into analytic pieces.

An expression built from ``Abs``, ``sign``, ``Heaviside``, ``Max``, ``Min`` and
``Piecewise`` is analytic except at finitely many switch points.  :func:`split_pieces`
finds them exactly (with ``solveset`` over the reals) and returns the pieces
``(left, right, expr)``, where ``expr`` is an expression without those functions
that equals the input on the open interval ``(left, right)`` and is analytic on a
complex neighbourhood of it (its analytic continuation is what certified
quadrature uses near the ends of a piece).

>>> import sympy as sp
>>> t = sp.Symbol("t", real=True)
>>> [(p.left, p.right, p.expr) for p in split_pieces(sp.Max(0, t - 1), t)]
[(-oo, 1, 0), (1, oo, t - 1)]
>>> [(p.left, p.right, p.expr) for p in split_pieces(sp.Abs(sp.Abs(t) - 1), t)]
[(-oo, -1, -t - 1), (-1, 0, t + 1), (0, 1, 1 - t), (1, oo, t - 1)]
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from ..errors import DomainError, ResourceLimit
from .numbers import sign_of

__all__ = ["Piece", "split_pieces", "switch_points", "midpoint", "NONANALYTIC", "sign_at"]

#: sympy heads that make an expression non-analytic at their switch points.
NONANALYTIC = (sp.Abs, sp.sign, sp.Heaviside, sp.Max, sp.Min, sp.Piecewise)

#: refuse to split into more pieces than this (a guard against explosive input).
MAX_PIECES = 256


@dataclass(frozen=True)
class Piece:
    """One analytic piece on the open interval ``(left, right)``.

    Parameters
    ----------
    left, right : sympy.Expr
        The exact ends, ``left < right`` (±oo allowed).
    expr : sympy.Expr
        The analytic expression of σ on (left, right).
    """

    left: sp.Expr
    right: sp.Expr
    expr: sp.Expr

    def contains(self, x) -> bool:
        """True if x lies in the open interval (left, right).

        Parameters
        ----------
        x : sympy.Expr or number
            A point.

        Returns
        -------
        bool
            True if left < x < right (the ends are excluded).

        Examples
        --------
        >>> p = split_pieces(sp.Max(0, sp.Symbol("t", real=True)), sp.Symbol("t", real=True))[1]
        >>> p.contains(1), p.contains(0)
        (True, False)
        """
        return bool(self.left < x) and bool(x < self.right)


def _has_nonanalytic(expr) -> bool:
    return any(isinstance(n, NONANALYTIC) for n in sp.preorder_traversal(expr))


def _innermost(expr):
    """A non-analytic node none of whose arguments contains another one."""
    for node in sp.postorder_traversal(expr):
        if isinstance(node, NONANALYTIC):
            return node
    return None


def sign_at(value) -> int:
    """Exact sign (-1, 0, 1) of a real constant sympy expression, or DomainError.

    Parameters
    ----------
    value : sympy.Expr
        A real constant (a Float is first read with ``nsimplify``).

    Returns
    -------
    int
        -1, 0 or 1.

    Raises
    ------
    DomainError
        If the sign cannot be decided exactly.

    Examples
    --------
    >>> sign_at(sp.sqrt(2) - sp.Rational(141, 100)), sign_at(sp.pi - 3), sign_at(sp.Integer(0))
    (1, 1, 0)
    """
    s = sign_of(sp.nsimplify(value) if value.is_Float else value)
    if s is None:
        raise DomainError(f"cannot decide the sign of {value}")
    return s


def _relationals(cond):
    if isinstance(cond, sp.core.relational.Relational):
        return [cond]
    if isinstance(cond, (sp.And, sp.Or, sp.Not)):
        out = []
        for a in cond.args:
            out.extend(_relationals(a))
        return out
    if cond in (sp.true, sp.false):
        return []
    raise DomainError(f"unsupported condition {cond} in Piecewise")


def _switch_functions(node, var):
    """Expressions whose real roots are the switch points of ``node``."""
    if isinstance(node, (sp.Abs, sp.sign, sp.Heaviside)):
        return [node.args[0]]
    if isinstance(node, (sp.Max, sp.Min)):
        args = node.args
        return [args[i] - args[j] for i in range(len(args)) for j in range(i + 1, len(args))]
    if isinstance(node, sp.Piecewise):
        out = []
        for _, cond in node.args:
            out.extend(r.lhs - r.rhs for r in _relationals(cond))
        return out
    raise AssertionError(node)  # pragma: no cover


def _roots_in(g, var, lo, hi):
    g = sp.expand(g)
    if not g.has(var):
        return []
    try:
        sol = sp.solveset(g, var, sp.Interval.open(lo, hi))
    except (NotImplementedError, TypeError, ValueError):  # sympy gave up
        sol = None
    if sol is sp.S.EmptySet:
        return []
    if not isinstance(sol, sp.FiniteSet):
        raise DomainError(
            f"cannot locate the switch points of {g} = 0 exactly; "
            "give the activation as an explicit Piecewise of analytic pieces"
        )
    return list(sol)


def _value_at(expr, var, point):
    return sp.nsimplify(expr.subs(var, point)) if expr.has(sp.Float) else expr.subs(var, point)


def _resolve(node, var, point):
    """The branch of the non-analytic ``node`` that is active at ``point``."""
    if isinstance(node, sp.Abs):
        g = node.args[0]
        return g if sign_at(_value_at(g, var, point)) > 0 else -g
    if isinstance(node, sp.sign):
        return sp.Integer(sign_at(_value_at(node.args[0], var, point)))
    if isinstance(node, sp.Heaviside):
        return sp.Integer(1 if sign_at(_value_at(node.args[0], var, point)) > 0 else 0)
    if isinstance(node, (sp.Max, sp.Min)):
        best = node.args[0]
        for cand in node.args[1:]:
            s = sign_at(_value_at(cand - best, var, point))
            if (s > 0 and isinstance(node, sp.Max)) or (s < 0 and isinstance(node, sp.Min)):
                best = cand
        return best
    if isinstance(node, sp.Piecewise):
        for e, cond in node.args:
            c = cond.subs(var, point) if cond not in (sp.true, sp.false) else cond
            if c == sp.true:
                return e
            if c != sp.false:
                raise DomainError(f"cannot decide the condition {cond} at {var} = {point}")
        raise DomainError(f"{node} is undefined near {var} = {point}")
    raise AssertionError(node)  # pragma: no cover


def _exact_end(v):
    try:
        e = sp.sympify(v, strict=True)                # strict: no strings, no arbitrary objects
    except (sp.SympifyError, TypeError, ValueError):
        e = None
    if not isinstance(e, sp.Expr) or e.has(sp.Float):
        raise DomainError(f"an interval end must be exact (an int, Fraction or sympy number), got {v!r}")
    return e


def midpoint(lo, hi):
    """An exact point inside (lo, hi): where a piece's branch is decided.

    Parameters
    ----------
    lo, hi : sympy.Expr or int
        The ends, lo < hi (±oo allowed); exact (ints, Fractions, sympy numbers), so the midpoint stays exact.

    Returns
    -------
    sympy.Expr
        (lo + hi)/2, or hi - 1 / lo + 1 next to an infinite end, or 0 for the whole line.

    Raises
    ------
    DomainError
        If an end is not exact (a float, a string, anything sympy does not read strictly).

    Examples
    --------
    >>> midpoint(-sp.oo, sp.oo), midpoint(-sp.oo, sp.Integer(2)), midpoint(sp.Integer(1), sp.Integer(2))
    (0, 1, 3/2)
    """
    lo, hi = _exact_end(lo), _exact_end(hi)
    if lo == -sp.oo and hi == sp.oo:
        return sp.Integer(0)
    if lo == -sp.oo:
        return hi - 1
    if hi == sp.oo:
        return lo + 1
    return (lo + hi) / 2


def _split(expr, var, lo, hi, out):
    node = _innermost(expr)
    if node is None:
        out.append(Piece(lo, hi, expr))
        if len(out) > MAX_PIECES:
            raise ResourceLimit(f"the expression has more than {MAX_PIECES} analytic pieces")
        return
    points = set()
    for g in _switch_functions(node, var):
        points.update(_roots_in(g, var, lo, hi))
    if any(not p.is_real for p in points):  # pragma: no cover - solveset over Reals
        raise DomainError(f"non-real switch point in {node}")
    cuts = [lo] + sorted(points, key=lambda p: sp.N(p, 50)) + [hi]
    for a, b in zip(cuts, cuts[1:]):
        branch = _resolve(node, var, midpoint(a, b))
        _split(expr.xreplace({node: branch}), var, a, b, out)


def switch_points(expr, var) -> tuple:
    """Every switch point of ``expr``, in increasing order.

    Including those where the two sides agree (which :func:`split_pieces` merges away).

    Parameters
    ----------
    expr : sympy.Expr
        An expression in ``var``.
    var : sympy.Symbol
        The variable.

    Returns
    -------
    tuple of sympy.Expr
        The switch points in increasing order.

    Raises
    ------
    DomainError
        If a condition or sign cannot be decided.
    ResourceLimit
        If there are more than 256 pieces.

    Examples
    --------
    >>> t = sp.Symbol("t", real=True)
    >>> switch_points(sp.Max(0, t) + sp.Min(0, t), t), split_pieces(sp.Max(0, t) + sp.Min(0, t), t)[0].expr
    ((0,), t)
    """
    pieces: list[Piece] = []
    _split(sp.sympify(expr), var, -sp.oo, sp.oo, pieces)
    return tuple(dict.fromkeys(p.right for p in pieces[:-1]))


def _same(e1, e2) -> bool:
    if e1 == e2:
        return True
    d = sp.expand(e1 - e2)
    return d == 0


def split_pieces(expr, var) -> list[Piece]:
    """The analytic pieces of ``expr`` on the real line, in increasing order.

    Adjacent pieces with the same expression are merged, so the boundaries
    that remain are genuine switch points (a boundary may still be a point
    where the function happens to be smooth, if sympy cannot see that the two
    expressions agree).

    Parameters
    ----------
    expr : sympy.Expr
        An expression in ``var`` built from analytic functions and Abs, sign, Heaviside, Max, Min, Piecewise.
    var : sympy.Symbol
        The variable.

    Returns
    -------
    list of Piece
        The pieces covering the real line, in increasing order.

    Raises
    ------
    DomainError
        If a condition or sign cannot be decided exactly, or a branch is undefined.
    ResourceLimit
        If there are more than 256 pieces.

    Examples
    --------
    >>> t = sp.Symbol("t", real=True)
    >>> [(p.left, p.right, p.expr) for p in split_pieces(sp.Max(t, 0) + sp.Min(t, 0), t)]   # = t: merged
    [(-oo, oo, t)]
    """
    expr = sp.sympify(expr)
    pieces: list[Piece] = []
    _split(expr, var, -sp.oo, sp.oo, pieces)
    merged: list[Piece] = []
    for p in pieces:
        p = Piece(p.left, p.right, sp.expand(p.expr) if p.expr.is_polynomial(var) else p.expr)
        if merged and _same(merged[-1].expr, p.expr):
            merged[-1] = Piece(merged[-1].left, p.right, merged[-1].expr)
        else:
            merged.append(p)
    return merged
