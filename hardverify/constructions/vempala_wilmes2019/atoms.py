"""Exact arithmetic on sympy numbers by a polynomial ring over Q in their transcendental atoms.

The Gram entries of the VW dynamics are numbers like (6 arcsin(3/5) + 8 + 3π)/(60π).  The GD
iteration only adds and multiplies them, so we map each atom (π, 1/π, arcsin(3/5), √3, …) to a free
generator of Q[g_1, …, g_r] and iterate there: sparse rational polynomials, no simplification.  The
evaluation g_i ↦ atom_i is a ring homomorphism, so an identity that holds in the ring (``a == b``)
holds for the real numbers: a proof, even though relations such as π · (1/π) = 1 are forgotten.

>>> import sympy as sp
>>> R = AtomRing([1 / sp.pi, sp.pi, sp.asin(sp.Rational(3, 5))])
>>> x = R(sp.pi / 4 + sp.asin(sp.Rational(3, 5)))
>>> R.to_expr(x * x - x * x), sp.simplify(R.to_expr(x * 2) - (sp.pi / 2 + 2 * sp.asin(sp.Rational(3, 5))))
(0, 0)
"""

from __future__ import annotations

import sympy as sp
from flint import arb, ctx, fmpq
from sympy.polys.domains import QQ
from sympy.polys.rings import ring

from hardverify.errors import DomainError, NotCertified
from hardverify.numeric.enclosure import Enclosure, bits_for_dps, enclose
from hardverify.numeric.precision import meets

__all__ = ["AtomRing"]


def _factors(expr):
    """Yield (coefficient, [(base, exponent)]) for each term of expand(expr)."""
    for term in sp.Add.make_args(sp.expand(expr)):
        coef, rest = sp.Integer(1), []
        for f in sp.Mul.make_args(term):
            if f.is_Rational:
                coef *= f
            elif f.is_Pow and f.exp.is_Integer:
                rest.append((f.base, int(f.exp)))
            else:
                rest.append((f, 1))
        yield coef, rest


class AtomRing:
    """Q[atoms] for the atoms of the given sympy numbers (see the module docstring).

    ``R(expr)`` maps an expression built from the declared atoms to its ring element (DomainError for
    an undeclared atom); ring arithmetic is exact, and :meth:`to_expr` / :meth:`enclose` map back.

    Parameters
    ----------
    exprs : iterable of sympy numbers
        Numbers whose atoms (factors of the terms of their expansion, with integer powers split into
        base and sign of the exponent) become the generators.

    Attributes
    ----------
    keys : list of tuple
        ``(base, inverted)`` per generator.
    ring : sympy PolyRing
        Q[g_0, …, g_{r-1}].

    Raises
    ------
    DomainError
        If an entry of ``exprs`` is not a number (has free symbols).

    Examples
    --------
    Relations between atoms are forgotten (π·(1/π) is a monomial, not 1) but evaluation restores them:

    >>> import sympy as sp
    >>> R = AtomRing([sp.pi, 1 / sp.pi])
    >>> x = R(sp.pi) * R(1 / sp.pi)
    >>> x == R(1), R.to_expr(x)
    (False, 1)
    """

    def __init__(self, exprs):
        bases = []
        for e in exprs:
            e = sp.sympify(e)
            if not e.is_number:
                raise DomainError(f"AtomRing takes numbers, got {e!r}")
            for _, rest in _factors(e):
                for b, k in rest:
                    key = (b, k < 0)
                    if key not in bases:
                        bases.append(key)
        self.keys = bases
        self.symbols = sp.symbols(f"g0:{max(len(bases), 1)}")
        self.ring, *self.gens = ring(self.symbols[: max(len(bases), 1)], QQ)
        self._index = {key: i for i, key in enumerate(bases)}

    def __call__(self, expr):
        """The ring element of an expression whose atoms were given at construction."""
        out = self.ring.zero
        for coef, rest in _factors(sp.sympify(expr)):
            term = self.ring(QQ(int(coef.p), int(coef.q)))
            for b, k in rest:
                i = self._index.get((b, k < 0))
                if i is None:
                    raise DomainError(f"the atom {b} was not declared to this AtomRing")
                term *= self.gens[i] ** abs(k)
            out += term
        return out

    def to_expr(self, element) -> sp.Expr:
        """The sympy number an element stands for (evaluation homomorphism g_i ↦ atom_i).

        Parameters
        ----------
        element : PolyElement
            An element of :attr:`ring`.

        Returns
        -------
        sympy.Expr
            Exact (a Rational for constants).
        """
        sub = {}
        for (b, inv), s in zip(self.keys, self.symbols):
            sub[s] = 1 / b if inv else b
        if element.is_ground:
            c = element.LC if element else QQ(0)
            return sp.Rational(int(c.numerator), int(c.denominator))
        return element.as_expr().xreplace(sub)

    def enclose(self, element, dps: int) -> Enclosure:
        """A certified ball around the number an element stands for (ball arithmetic on its terms).

        Parameters
        ----------
        element : PolyElement
            An element of :attr:`ring`.
        dps : int
            Decimal digits required.

        Returns
        -------
        Enclosure
            Certified, with at least ``dps`` relative digits (or exact); at a zero (a ball that
            contains 0, e.g. for π·(1/π) - 1, a non-zero element whose value is 0) the house's
            absolute rule (:func:`hardverify.numeric.precision.meets`): radius ≤ 10^{-dps}.

        Raises
        ------
        NotCertified
            If the digits are not reached after six doublings of the precision (heavy cancellation).

        Examples
        --------
        >>> import sympy as sp
        >>> R = AtomRing([sp.pi, 1 / sp.pi])
        >>> R.enclose(R(sp.pi) * R(1 / sp.pi), 20).contains(1)
        True
        >>> R.enclose(R(sp.pi) * R(1 / sp.pi) - 1, 20).contains(0)     # a hidden zero: an absolute ball
        True
        >>> R.enclose(R(sp.pi), 30).matches("3.14159265358979323846264338328")
        True
        """
        prec = bits_for_dps(dps) + 64
        for _ in range(6):
            with ctx.workprec(prec):
                vals = [enclose(1 / b if inv else b, dps + 20 + prec // 4).ball for b, inv in self.keys]
                total = arb(0)
                for monom, c in element.terms():
                    term = arb(fmpq(int(c.numerator), int(c.denominator)))
                    for v, e in zip(vals, monom):
                        if e:
                            term *= v ** e
                    total += term
                if (total.rad() == 0 or total.rel_accuracy_bits() >= bits_for_dps(dps) + 4
                        or (total.contains(0) and meets(total, dps))):     # the absolute rule at zeros
                    return Enclosure(total, dps)
            prec *= 2
        raise NotCertified(f"could not enclose a ring element to {dps} digits")
