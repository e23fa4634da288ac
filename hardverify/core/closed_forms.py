"""Compact exact numbers for huge arguments: Γ ratios and sphere areas that print, compare and evaluate.

At n = 10³⁰ the exact Funk–Hecke eigenvalue μ_2(ReLU; n) is a rational (odd n) or rational/π (even n)
with ~0.6 n digits, which no one can build; the same number is (1/(2(n+1)))·Γ(n/2)/(√π Γ((n+1)/2)).
These sympy expression classes hold such a number *unevaluated*:

* :class:`GammaRatio` ``(a, b)`` = Γ(a)/Γ(b) for exact rationals a, b > 0;
* :class:`SphereArea` ``(n)`` = |S^{n-1}| = 2 π^{n/2}/Γ(n/2).

They are exact (a sympy ``Function`` of exact rational arguments; sympy never evaluates them by itself),
and they evaluate *correctly* at any size: ``evalf``/``float`` go through python-flint's lgamma on balls with
enough guard bits for the size of log Γ, the precision raised until the ball is narrow (sympy's own
``gamma(5*10**29).evalf(15)`` is wrong in every digit: it evaluates log Γ ~ 3·10³¹ to 53 bits);
:func:`~hardverify.core.arbeval.enclose_constant` encloses them through :meth:`arb_ball`.  ``doit()`` gives
the plain number (gamma and π powers evaluated) up to :data:`MAX_EXPAND_ARGUMENT` and leaves larger forms
compact (sympy's ``simplify`` calls ``doit``); ``plain()`` raises :class:`~hardverify.errors.ResourceLimit` there.

>>> import sympy as sp
>>> g = GammaRatio(sp.Rational(11, 2), 6)
>>> g, g.doit(), g.doit() == sp.gamma(sp.Rational(11, 2)) / sp.gamma(6)
((gamma(11/2)/gamma(6)), 63*sqrt(pi)/256, True)
>>> big = GammaRatio(5 * 10**29, 5 * 10**29 + sp.Rational(1, 2))           # ~ (5·10²⁹)^{-1/2} (Wendel)
>>> float(big) == float(sp.sqrt(2) / 10**15), big                         # correctly rounded; prints compactly
(True, (gamma(500000000000000000000000000000)/gamma(1000000000000000000000000000001/2)))
>>> SphereArea(3).doit()
4*pi
"""

from __future__ import annotations

import math

import mpmath
import sympy as sp
from flint import arb, ctx, fmpq

from ..errors import DomainError, ResourceLimit

__all__ = ["GammaRatio", "SphereArea", "FactorialProduct", "MAX_EXPAND_ARGUMENT", "MAX_EXPAND_FACTORIAL",
           "is_compact"]

#: ``doit()`` expands to the plain number (sympy's gamma, π powers) only up to this argument (Γ(2·10⁴) has
#: 77 000 digits); above it ``doit()`` leaves the form compact and :meth:`plain` raises ResourceLimit.
MAX_EXPAND_ARGUMENT = 20_000


def _rational(x, what):
    x = sp.sympify(x)
    if not x.is_Rational or not x > 0:
        raise DomainError(f"{what} must be an exact positive rational, got {x}")
    return x


def _fmpq(x: sp.Rational) -> fmpq:
    return fmpq(int(x.p), int(x.q))


def _guard_bits(x: sp.Rational) -> int:
    """Bits lost when exp(log Γ(x)) is formed: log₂ of |log Γ(x)| ≤ x log(x + 1) + 1."""
    v = float(x)
    return int(math.log2(v * math.log(v + 2) + 2)) + 16


class _LogGammaForm(sp.Function):
    """Shared machinery: a positive number exp(L) with L a combination of lgamma values (see subclasses)."""

    @classmethod
    def eval(cls, *args):              # never evaluate on construction: that is the point
        return None

    def _log_ball(self) -> arb:        # L at the ambient precision
        raise NotImplementedError

    def _guard(self) -> int:
        return max(_guard_bits(a) for a in self.args)

    def arb_ball(self) -> arb:
        """The value as an arb ball at the ambient precision (guard bits for the size of log Γ added)."""
        with ctx.workprec(ctx.prec + self._guard()):
            return self._log_ball().exp()

    def _eval_evalf(self, prec):
        for extra in (20, 60, 200, 1000):
            with ctx.workprec(prec + extra):
                b = self.arb_ball()
                if b.rel_accuracy_bits() >= prec + 4:
                    man, exp = b.mid().man_exp()
                    return sp.Float._new(mpmath.libmp.from_man_exp(int(man), int(exp), prec), prec)
        return None

    def _eval_is_positive(self):
        return True

    def _eval_is_real(self):
        return True

    def _eval_is_finite(self):
        return True

    def _eval_is_zero(self):
        return False

    def _expandable(self) -> bool:
        return max(self.args) <= MAX_EXPAND_ARGUMENT

    def plain(self) -> sp.Expr:
        """The plain number (gamma and π powers evaluated by sympy); ResourceLimit above MAX_EXPAND_ARGUMENT."""
        if not self._expandable():
            raise ResourceLimit(f"{self} has arguments above MAX_EXPAND_ARGUMENT = {MAX_EXPAND_ARGUMENT}: its plain "
                                "form has too many digits to build; keep the compact form (it evaluates with "
                                "evalf/float and encloses with hv.enclose(value, dps))")
        return self._expanded()

    def doit(self, **hints):
        """The plain number when its arguments are at most MAX_EXPAND_ARGUMENT, else ``self`` unchanged (sympy's
        simplify and other routines call doit; they must not start building a number of millions of digits)."""
        return self._expanded() if self._expandable() else self

    def _eval_rewrite_as_gamma(self, *args, **kwargs):
        return self.doit()


class GammaRatio(_LogGammaForm):
    """Γ(a)/Γ(b) for exact rationals a, b > 0, unevaluated (see the module docstring).

    Parameters
    ----------
    a, b : exact positive rationals (int, sympy Rational)

    Returns
    -------
    GammaRatio
        An exact sympy expression; ``doit()`` gives the plain number, ``evalf``/``float`` a correctly
        rounded value, :meth:`arb_ball` a certified ball.

    Raises
    ------
    DomainError
        When a or b is not an exact positive rational.

    Examples
    --------
    >>> import sympy as sp
    >>> r = GammaRatio(sp.Rational(7, 2), sp.Rational(9, 2))         # Γ(x)/Γ(x+1) = 1/x
    >>> r.doit(), sp.N(r, 20)
    (2/7, 0.28571428571428571429)
    """

    nargs = 2

    def __new__(cls, a, b):
        return super().__new__(cls, _rational(a, "a"), _rational(b, "b"))

    def _log_ball(self):
        a, b = self.args
        return arb(_fmpq(a)).lgamma() - arb(_fmpq(b)).lgamma()

    def _expanded(self):
        a, b = self.args
        return sp.gamma(a) / sp.gamma(b)

    def _sympystr(self, printer):
        a, b = (printer._print(x) for x in self.args)
        if self.args[1] == 1:
            return f"gamma({a})"
        return f"(gamma({a})/gamma({b}))"      # parenthesised: correct inside any product or power

    def _latex(self, printer):
        a, b = (printer._print(x) for x in self.args)
        return rf"\frac{{\Gamma\left({a}\right)}}{{\Gamma\left({b}\right)}}"


class SphereArea(_LogGammaForm):
    """|S^{n-1}| = 2 π^{n/2}/Γ(n/2), the surface area of the unit sphere in R^n, unevaluated (integer n ≥ 2).

    Exact (a sympy ``Function`` of an exact integer); ``evalf``/``float`` and :meth:`arb_ball` evaluate it by
    lgamma on balls at any n (see the module docstring), ``doit()`` gives 2π^{n/2}/Γ(n/2) for
    n ≤ :data:`MAX_EXPAND_ARGUMENT`.  :func:`hardverify.symbolic.gegenbauer.sphere_area` returns it for
    n > 1000 (or ``compact=True``).

    Parameters
    ----------
    n : int or sympy.Integer
        The dimension, an exact integer ``n >= 2``.

    Returns
    -------
    SphereArea
        An exact sympy expression.

    Raises
    ------
    DomainError
        If ``n`` is not an exact integer ``>= 2``.

    Examples
    --------
    >>> SphereArea(4).doit(), float(SphereArea(10**30)) == 0.0          # 2π², and it underflows a double
    (2*pi**2, True)
    >>> sp.N(SphereArea(10**30), 5)               # but evalf keeps its exponent (mpmath loggamma agrees)
    5.6223e-14383762824869316561391931949020
    """

    nargs = 1

    def __new__(cls, n):
        n = _rational(n, "n")
        if not n.is_Integer or n < 2:
            raise DomainError(f"SphereArea needs an integer n >= 2, got {n}")
        return super().__new__(cls, n)

    def _guard(self) -> int:
        return _guard_bits(self.args[0] / 2)

    def _log_ball(self):
        n = arb(_fmpq(self.args[0]))
        return arb(2).log() + n / 2 * arb.pi().log() - (n / 2).lgamma()

    def _expanded(self):
        n = self.args[0]
        return 2 * sp.pi ** (n / 2) / sp.gamma(n / 2)

    def _sympystr(self, printer):
        h = printer._print(self.args[0] / 2)
        return f"(2*pi**({h})/gamma({h}))"

    def _latex(self, printer):
        h = printer._print(self.args[0] / 2)
        return rf"\frac{{2\pi^{{{h}}}}}{{\Gamma\left({h}\right)}}"




#: ``doit()`` of a :class:`FactorialProduct` builds the plain number only when every n is at most this (above it
#: sympy would trial-factor the huge integers under the square roots, for seconds).
MAX_EXPAND_FACTORIAL = 5_000


class FactorialProduct(_LogGammaForm):
    """2^e · Π_i (n_i!)^{e_i} for an exact rational e, integers n_i ≥ 0 and exact rationals e_i, unevaluated.

    The compact form of exact Hermite coefficients at large degree, e.g. 1/√(m!) or
    |He_k(0)|/√(m!) = 2^{-k/2} k!/((k/2)! √(m!)).  Equal n are merged, 0! = 1! = 1 dropped.  It prints in a
    line, ``doit()`` gives the plain number when every n ≤ :data:`MAX_EXPAND_FACTORIAL` (else it stays
    compact and :meth:`plain` raises ResourceLimit), ``evalf``/``float`` evaluate it correctly and
    :meth:`arb_ball` encloses it (log-factorials on arb balls, guard bits for their size).

    Parameters
    ----------
    two_exp : exact rational
        The power e of 2.
    factors : dict
        ``{n_i: e_i}``, integers n_i ≥ 0 and exact rational exponents e_i.

    Returns
    -------
    FactorialProduct
        An exact positive sympy expression.

    Raises
    ------
    DomainError
        When an exponent is not an exact rational or some n_i is not a non-negative integer.

    >>> import sympy as sp
    >>> f = FactorialProduct(-sp.Rational(5, 2), {4: 1, 2: -1, 6: -sp.Rational(1, 2)})   # He_4(0)/(√2·√(6!))
    >>> f, f.doit() == 3 / sp.sqrt(2 * sp.factorial(6))
    ((2**(-5/2)*factorial(4)/(factorial(2)*sqrt(factorial(6)))), True)
    >>> big = FactorialProduct(0, {20000: -sp.Rational(1, 2)})      # 1/√(20000!); mpmath loggamma agrees
    >>> sp.N(big, 8), big.doit() is big
    (2.3445474e-38669, True)
    """

    def __new__(cls, two_exp, *factors):
        # FactorialProduct(e, {n: e_n}) as documented, or the flat args (e, n_1, e_1, ...) sympy rebuilds from
        if len(factors) == 1 and isinstance(factors[0], dict):
            factors = factors[0]
        elif len(factors) % 2 == 0:
            factors = dict(zip(factors[::2], factors[1::2]))
        else:
            raise DomainError("FactorialProduct takes (two_exp, {n: exponent}) or (two_exp, n_1, e_1, n_2, e_2, ...)")
        two_exp = sp.sympify(two_exp)
        if not two_exp.is_Rational:
            raise DomainError(f"the power of 2 must be an exact rational, got {two_exp}")
        merged: dict = {}
        for n, e in factors.items():
            n = sp.Integer(n) if isinstance(n, int) else sp.sympify(n)
            e = sp.Integer(e) if isinstance(e, int) else sp.sympify(e)
            if not (n.is_Integer and n >= 0):
                raise DomainError(f"factorial arguments must be non-negative integers, got {n}")
            if not e.is_Rational:
                raise DomainError(f"factorial exponents must be exact rationals, got {e}")
            if n > 1:
                merged[n] = merged.get(n, 0) + e
        args = [two_exp]
        for n in sorted(merged):
            if merged[n] != 0:
                args += [n, merged[n]]
        return sp.Basic.__new__(cls, *args)      # canonical exact args; sympy's Function.__new__ is slow

    def _pairs(self):
        a = self.args
        return [(a[i], a[i + 1]) for i in range(1, len(a), 2)]

    def _guard(self) -> int:
        ns = [n for n, _ in self._pairs()] or [sp.Integer(1)]
        es = [abs(e) for _, e in self._pairs()] + [abs(self.args[0]), sp.Integer(1)]
        return _guard_bits(max(ns) + 1) + int(math.log2(float(max(es)) + 1)) + 4

    def _log_ball(self):
        acc = arb(_fmpq(self.args[0])) * arb(2).log()
        for n, e in self._pairs():
            acc += arb(_fmpq(e)) * arb(int(n) + 1).lgamma()
        return acc

    def _expandable(self) -> bool:
        return all(n <= MAX_EXPAND_FACTORIAL for n, _ in self._pairs())

    def plain(self) -> sp.Expr:
        """The plain number; ResourceLimit when some n exceeds MAX_EXPAND_FACTORIAL.

        Returns
        -------
        sympy.Expr
            The same number, expanded (rationals times square roots of integers).

        Raises
        ------
        ResourceLimit
            When some n exceeds :data:`MAX_EXPAND_FACTORIAL`.
        """
        if not self._expandable():
            raise ResourceLimit(f"{self} has factorials above MAX_EXPAND_FACTORIAL = {MAX_EXPAND_FACTORIAL}: its "
                                "plain form is too large to build; keep the compact form (it evaluates with "
                                "evalf/float and encloses with hv.enclose(value, dps))")
        return self._expanded()

    def _expanded(self):
        out = sp.Integer(2) ** self.args[0]
        for n, e in self._pairs():
            out *= sp.factorial(n) ** e
        return out

    def _eval_rewrite_as_factorial(self, *args, **kwargs):
        return self.doit()

    def _eval_power(self, expt):       # (2^e Π (n!)^{e_n})^r stays one compact product for rational r
        if expt.is_Rational:
            return FactorialProduct(self.args[0] * expt, {n: e * expt for n, e in self._pairs()})
        return None

    @staticmethod
    def _power(base: str, e: sp.Rational, printer) -> str:
        if e == 1:
            return base
        if e == sp.S.Half:
            return f"sqrt({base})"
        if e.is_Integer and e > 0:
            return f"{base}**{printer._print(e)}"
        return f"{base}**({printer._print(e)})"

    def _sympystr(self, printer):
        num, den = [], []
        if self.args[0] != 0:
            num.append(self._power("2", self.args[0], printer))
        for n, e in self._pairs():
            base = f"factorial({printer._print(n)})"
            (num if e > 0 else den).append(self._power(base, abs(e), printer))
        top = "*".join(num) or "1"
        if not den:
            return f"({top})"
        bottom = den[0] if len(den) == 1 else "(" + "*".join(den) + ")"
        return f"({top}/{bottom})"

    def _latex(self, printer):
        def part(base, e):
            if e == 1:
                return base
            if e == sp.S.Half:
                return rf"\sqrt{{{base}}}"
            return rf"{{{base}}}^{{{printer._print(e)}}}"
        num, den = [], []
        if self.args[0] != 0:
            num.append(part("2", self.args[0]))
        for n, e in self._pairs():
            (num if e > 0 else den).append(part(rf"{printer._print(n)}!", abs(e)))
        top = r" \cdot ".join(num) or "1"
        return rf"\frac{{{top}}}{{{r' '.join(den)}}}" if den else top


def is_compact(value) -> bool:
    """Whether ``value`` contains a compact closed form of this module.

    The compact forms are :class:`GammaRatio`, :class:`SphereArea` and :class:`FactorialProduct`.

    Parameters
    ----------
    value : object
        Anything; only sympy expressions can contain a compact form.

    Returns
    -------
    bool
        True when ``value`` is a sympy expression with a compact form anywhere in its tree.

    Examples
    --------
    >>> import sympy as sp
    >>> is_compact(3 * GammaRatio(5 * 10**29, 5 * 10**29 + sp.Rational(1, 2))), is_compact(sp.pi / 4), is_compact(7)
    (True, False, False)
    """
    return isinstance(value, sp.Basic) and value.has(GammaRatio, SphereArea, FactorialProduct)
