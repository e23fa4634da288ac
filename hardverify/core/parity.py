"""Exact parity of a function given by analytic pieces.

:func:`parity` decides, by exact sympy simplification on every piece and its
mirror image, whether σ is *odd up to an even polynomial* (σ(t) + σ(-t) = 2E(t)
with E a polynomial) and whether it is *even up to an odd polynomial*
(σ(t) - σ(-t) = 2O(t)).  A property is only recorded when sympy *proves* it;
otherwise it is unknown (``None``) and no coefficient is declared zero on its
account.

Consequence (:meth:`Parity.vanishes`): if σ - E is odd then c_m(σ) = 0 for every
even m > deg E; if σ - O is even then c_m(σ) = 0 for every odd m > deg O.
Examples: sigmoid - 1/2 is odd; ReLU - t/2 = |t|/2 is even; GELU - t/2 is even.

>>> import sympy as sp
>>> from hardverify.core.piecewise import split_pieces
>>> t = sp.Symbol("t", real=True)
>>> P = parity(split_pieces(1 / (1 + sp.exp(-t)), t), t)
>>> P
Parity(odd_up_to=1/2, even_up_to=None)
>>> [m for m in range(8) if P.vanishes(m)]
[2, 4, 6]
>>> parity(split_pieces(sp.Max(0, t), t), t)
Parity(odd_up_to=None, even_up_to=t/2)
"""

from __future__ import annotations

from dataclasses import dataclass

import mpmath
import sympy as sp

from .piecewise import Piece, midpoint

__all__ = ["Parity", "parity"]


@dataclass(frozen=True)
class Parity:
    """Proved parity facts: ``σ - odd_up_to`` is odd, ``σ - even_up_to`` is even.

    Each field is a polynomial in t (an sympy expression) or None when not proved.

    Parameters
    ----------
    odd_up_to : sympy.Expr or None
        E with σ - E odd (a polynomial; 0 when σ is odd), or None if not proved.
    even_up_to : sympy.Expr or None
        O with σ - O even (0 when σ is even), or None if not proved.
    var : sympy.Symbol, optional
        The variable of the polynomials (needed for their degrees).
    """

    odd_up_to: sp.Expr | None
    even_up_to: sp.Expr | None
    var: sp.Symbol | None = None

    def __repr__(self) -> str:
        return f"Parity(odd_up_to={self.odd_up_to}, even_up_to={self.even_up_to})"

    def _deg(self, poly) -> int:
        if poly == 0:
            return -1
        return int(sp.Poly(poly, self.var).degree()) if self.var is not None and poly.has(self.var) else 0

    def vanishes(self, m: int) -> bool:
        """True if c_m(σ) = 0 follows from the proved parity.

        Parameters
        ----------
        m : int
            The Hermite (or Gegenbauer) degree.

        Returns
        -------
        bool
            True only when proved: m even with m > deg E (σ - E odd), or m odd with m > deg O (σ - O even).

        Examples
        --------
        >>> import hardverify as hv
        >>> P = hv.activation("relu").parity                   # ReLU - t/2 is even
        >>> [m for m in range(6) if P.vanishes(m)]
        [3, 5]
        """
        if m % 2 == 0 and self.odd_up_to is not None:
            return m > self._deg(self.odd_up_to)
        if m % 2 == 1 and self.even_up_to is not None:
            return m > self._deg(self.even_up_to)
        return False

    @property
    def is_even(self) -> bool:
        """True if σ is proved even (σ(-t) = σ(t)).

        Returns
        -------
        bool
        """
        return self.even_up_to is not None and self.even_up_to == 0

    @property
    def is_odd(self) -> bool:
        """True if σ is proved odd (σ(-t) = -σ(t)).

        Returns
        -------
        bool
        """
        return self.odd_up_to is not None and self.odd_up_to == 0

    def describe(self) -> str:
        """The proved parity in words.

        Returns
        -------
        str
            ``"even"``, ``"odd"``, ``"odd up to E"``, ``"even up to O"`` or ``"none"``.

        Examples
        --------
        >>> import hardverify as hv
        >>> hv.activation("tanh").parity.describe(), hv.activation("sigmoid").parity.describe()
        ('odd', 'odd up to 1/2')
        """
        if self.is_even:
            return "even"
        if self.is_odd:
            return "odd"
        if self.odd_up_to is not None:
            return f"odd up to {self.odd_up_to}"
        if self.even_up_to is not None:
            return f"even up to {self.even_up_to}"
        return "none"


#: full ``sympy.simplify`` is tried only on expressions up to this many operations: on larger ones it can
#: take minutes (trigsimp → factor), and "not shown" is always a safe answer for a parity fact
SIMPLIFY_MAX_OPS = 40
#: polynomial parts of degree above this are not looked for (the numeric screen's finite-difference order)
MAX_POLY_DEGREE = 20


def _maybe_polynomial(expr, var) -> bool:
    """A fast numeric screen: False when expr is certainly not a polynomial of degree ≤ MAX_POLY_DEGREE.

    The (D+1)-th finite difference (step 1, D = MAX_POLY_DEGREE) of such a polynomial vanishes; it is
    evaluated in mpmath at 60 digits at t = -12..12.  Only a "no" is used (it skips the symbolic
    attempts, and "not shown" is always safe); a "maybe" leaves the decision to exact simplification.
    """
    D = MAX_POLY_DEGREE
    try:
        f = sp.lambdify(var, expr, modules="mpmath")
        with mpmath.workdps(60):
            vals = [mpmath.mpmathify(f(mpmath.mpf(x))) for x in range(-12, 13)]
            if any(not isinstance(v, mpmath.mpf) or not mpmath.isfinite(v) for v in vals):
                return False                      # complex or singular somewhere: not a real polynomial
            scale = max(max(abs(v) for v in vals), mpmath.mpf(1)) * mpmath.mpf(2) ** (D + 1)
            for start in range(len(vals) - D - 1):
                window = vals[start:start + D + 2]
                diff = mpmath.fsum((-1) ** (D + 1 - j) * mpmath.binomial(D + 1, j) * v for j, v in enumerate(window))
                if abs(diff) > scale * mpmath.mpf(10) ** -40:
                    return False
    except Exception:  # pragma: no cover - an expression mpmath cannot evaluate: let sympy decide
        return True
    return True


def _polynomial_value(expr, var):
    """``expr`` simplified, if sympy shows it is a polynomial in var; else None.

    A numeric screen rejects most non-polynomials at once; then cheap canonical forms (exp-rational
    functions over a common denominator, logs expanded), and ``simplify`` for small expressions only.
    """
    expr = sp.expand(expr)
    if expr.is_polynomial(var):
        return expr
    if not _maybe_polynomial(expr, var):
        return None
    attempts = [lambda e: sp.expand(sp.cancel(sp.together(sp.powsimp(e.rewrite(sp.exp))))),
                lambda e: sp.expand(sp.expand_log(e, force=True))]
    if sp.count_ops(expr) <= SIMPLIFY_MAX_OPS:
        attempts.insert(0, lambda e: sp.expand(sp.simplify(e)))
    for attempt in attempts:
        try:
            s = attempt(expr)
        except Exception:  # pragma: no cover - sympy internals; unknown is the safe answer
            continue
        if s.is_polynomial(var):
            return s
    return None


def _refine(pieces: list[Piece]):
    cuts = sorted({p.left for p in pieces} | {p.right for p in pieces}
                  | {-p.left for p in pieces} | {-p.right for p in pieces},
                  key=lambda x: sp.N(x, 50) if x.is_finite else (-1e308 if x == -sp.oo else 1e308))
    out = []
    for a, b in zip(cuts, cuts[1:]):
        if a == b:
            continue
        mid = midpoint(a, b)
        expr = next(p.expr for p in pieces if p.contains(mid))
        out.append((a, b, expr))
    return out


def _common(values):
    """The common value of a list of polynomials (None if they differ or any is None)."""
    first = values[0]
    if first is None:
        return None
    for v in values[1:]:
        if v is None or sp.expand(v - first) != 0:
            return None
    return first


def parity(pieces: list[Piece], var) -> Parity:
    """The proved parity facts of the function with these pieces.

    Parameters
    ----------
    pieces : list of Piece
        The analytic pieces of σ (:func:`hardverify.core.piecewise.split_pieces`).
    var : sympy.Symbol
        The variable.

    Returns
    -------
    Parity
        The facts sympy proves; a fact it cannot prove is None (never guessed).

    Examples
    --------
    >>> import sympy as sp
    >>> from hardverify.core.piecewise import split_pieces
    >>> t = sp.Symbol("t", real=True)
    >>> parity(split_pieces(t**3 + sp.Abs(t), t), t)                  # σ - t³ = |t| is even
    Parity(odd_up_to=None, even_up_to=t**3)
    >>> parity(split_pieces(t * sp.erf(t) + t**2, t), t).describe()   # even: t erf(t) and t² are
    'even'
    """
    refined = _refine(pieces)
    mirror = {(a, b): e for a, b, e in refined}
    sums, diffs = [], []
    for a, b, expr in refined:
        reflected = mirror[(-b, -a)].subs(var, -var)
        sums.append(_polynomial_value(expr + reflected, var) if not sums or sums[-1] is not None else None)
        diffs.append(_polynomial_value(expr - reflected, var) if not diffs or diffs[-1] is not None else None)
    s, d = _common(sums), _common(diffs)
    return Parity(None if s is None else sp.expand(s / 2), None if d is None else sp.expand(d / 2), var)
