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

__all__ = ["GammaRatio", "SphereArea", "MAX_EXPAND_ARGUMENT", "is_compact"]

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


def is_compact(value) -> bool:
    """Whether ``value`` contains a compact closed form of this module (a :class:`GammaRatio` or :class:`SphereArea`).

    Parameters
    ----------
    value : object
        Anything; only sympy expressions can contain a compact form.

    Returns
    -------
    bool
        True when ``value`` is a sympy expression with a GammaRatio or SphereArea in it (anywhere in its tree).

    Examples
    --------
    >>> import sympy as sp
    >>> is_compact(3 * GammaRatio(5 * 10**29, 5 * 10**29 + sp.Rational(1, 2))), is_compact(sp.pi / 4), is_compact(7)
    (True, False, False)
    """
    return isinstance(value, sp.Basic) and value.has(GammaRatio, SphereArea)
