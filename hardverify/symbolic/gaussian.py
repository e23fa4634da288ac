"""Exact Gaussian building blocks: Hermite polynomials, φ, Φ and truncated moments.

Conventions (SPEC §0.1): g ~ N(0, 1), φ(x) = e^{-x²/2}/√(2π), Φ its distribution
function; probabilists' Hermite He_0 = 1, He_1 = x, He_{m+1} = x He_m - m He_{m-1},
so E[He_m(g) He_l(g)] = m! δ_{ml}; physicists' H_m(x) = 2^{m/2} He_m(√2 x).

Numbers are exact throughout: python-flint ``fmpq`` when every input is
rational (fast), sympy otherwise.  :class:`GaussianForm` holds an exact linear
combination of the constants 1, φ(b) and Φ(b), which is what every integral of a
piecewise polynomial against φ reduces to.

>>> import sympy as sp
>>> x = sp.Symbol("x")
>>> sp.expand(hermite_he(4, x))
x**4 - 6*x**2 + 3
>>> he_values(sp.Integer(0), 6)          # He_{2j}(0) = (-1)^j (2j-1)!!
[1, 0, -1, 0, 3, 0, -15]
>>> truncated_moments(sp.Integer(0), sp.oo, 2)[2].to_sympy()   # E[g² 1{g>0}] = 1/2
1/2
"""

from __future__ import annotations

from collections import defaultdict

import sympy as sp
from flint import fmpq

__all__ = [
    "hermite_he", "he_values", "phys_hermite_values", "gaussian_moment",
    "phi", "Phi", "GaussianForm", "truncated_moments", "to_ring", "to_sympy_number",
]


def hermite_he(m: int, var) -> sp.Expr:
    """The probabilists' Hermite polynomial He_m(var) (an expanded sympy polynomial).

    Built by the recurrence He_{m+1} = x He_m - m He_{m-1}; orthogonal for N(0, 1) with
    E[He_m(g) He_l(g)] = m! δ_{ml} (DLMF 18.3, He_n).

    Parameters
    ----------
    m : int
        The degree, ``m >= 0`` (not validated: a building block for validated callers).
    var : sympy.Expr
        The variable.

    Returns
    -------
    sympy.Expr
        He_m(var), expanded.

    Examples
    --------
    >>> import sympy as sp
    >>> x = sp.Symbol("x")
    >>> sp.expand(hermite_he(5, x) - x * hermite_he(4, x) + 4 * hermite_he(3, x))   # the recurrence
    0
    >>> hermite_he(6, x) == sp.expand(sp.hermite_prob(6, x))                     # sympy's He_6
    True
    """
    a, b = sp.Integer(1), var
    if m == 0:
        return a
    for k in range(1, m):
        a, b = b, sp.expand(var * b - k * a)
    return b


def he_values(x, n: int) -> list:
    """[He_0(x), ..., He_n(x)] by the three-term recurrence, in the number type of x.

    Parameters
    ----------
    x : flint.fmpq, int or sympy.Expr
        The point; the values are in its number type (fmpq stays fmpq: fast exact arithmetic).
    n : int
        The largest degree, ``n >= 0``.

    Returns
    -------
    list
        The ``n + 1`` values He_0(x), ..., He_n(x).

    Examples
    --------
    >>> x = fmpq(1, 2)
    >>> he_values(x, 3) == [fmpq(1), x, x**2 - 1, x**3 - 3 * x]                # He_2 = x² - 1, He_3 = x³ - 3x
    True
    """
    vals = [x ** 0 if not isinstance(x, fmpq) else fmpq(1)]
    if n >= 1:
        vals.append(x)
    for k in range(1, n):
        vals.append(x * vals[k] - k * vals[k - 1])
    return vals[: n + 1]


def phys_hermite_values(x, n: int) -> list:
    """[H_0(x), ..., H_n(x)] (physicists'), H_{k+1} = 2x H_k - 2k H_{k-1}.

    Parameters
    ----------
    x : flint.fmpq, int or sympy.Expr
        The point (sympy values are expanded at each step).
    n : int
        The largest degree, ``n >= 0``.

    Returns
    -------
    list
        The ``n + 1`` values H_0(x), ..., H_n(x), with H_m(x) = 2^{m/2} He_m(√2 x).

    Examples
    --------
    >>> import sympy as sp
    >>> phys_hermite_values(sp.Integer(1), 3) == [sp.hermite(m, 1) for m in range(4)]    # sympy's H_m
    True
    """
    vals = [x ** 0 if not isinstance(x, fmpq) else fmpq(1)]
    if n >= 1:
        vals.append(2 * x)
    for k in range(1, n):
        vals.append(sp.expand(2 * x * vals[k] - 2 * k * vals[k - 1]) if isinstance(x, sp.Basic)
                    else 2 * x * vals[k] - 2 * k * vals[k - 1])
    return vals[: n + 1]


def gaussian_moment(k: int) -> int:
    """E[g^k] = (k-1)!! for even k, 0 for odd k.

    Parameters
    ----------
    k : int
        The power, ``k >= 0`` (not validated).

    Returns
    -------
    int
        The exact moment of g ~ N(0, 1).

    Examples
    --------
    >>> [gaussian_moment(k) for k in range(7)]
    [1, 0, 1, 0, 3, 0, 15]
    """
    return 0 if k % 2 else int(sp.factorial2(k - 1))


def phi(b) -> sp.Expr:
    """The standard normal density at b (0 at ±∞).

    φ(b) = e^{-b²/2}/√(2π).

    Parameters
    ----------
    b : sympy.Expr
        A point, or ±oo.

    Returns
    -------
    sympy.Expr
        The exact density value.
    """
    if b in (sp.oo, -sp.oo):
        return sp.Integer(0)
    return sp.exp(-b ** 2 / 2) / sp.sqrt(2 * sp.pi)


def Phi(b) -> sp.Expr:
    """The standard normal distribution function at b.

    Φ(b) = (1 + erf(b/√2))/2.

    Parameters
    ----------
    b : sympy.Expr
        A point, or ±oo.

    Returns
    -------
    sympy.Expr
        The exact value (1 at +oo, 0 at -oo).

    Examples
    --------
    >>> import sympy as sp
    >>> Phi(sp.Integer(0)), Phi(sp.oo), phi(sp.Integer(0)) == 1 / sp.sqrt(2 * sp.pi)
    (1/2, 1, True)
    """
    if b == sp.oo:
        return sp.Integer(1)
    if b == -sp.oo:
        return sp.Integer(0)
    return (1 + sp.erf(b / sp.sqrt(2))) / 2


def to_ring(values):
    """Convert exact sympy numbers to fmpq when all are rational; else keep sympy.

    Parameters
    ----------
    values : iterable
        Exact numbers (anything ``sympify`` reads).

    Returns
    -------
    tuple
        ``(converted, rational)``: a list of fmpq and True when every value is rational, else the sympy
        values and False.

    Examples
    --------
    >>> import sympy as sp
    >>> to_ring([1, sp.Rational(1, 2)])[1], to_ring([sp.sqrt(2)])[1]
    (True, False)
    """
    values = [sp.sympify(v) for v in values]
    if all(v.is_Rational for v in values):
        return [fmpq(int(v.p), int(v.q)) for v in values], True
    return values, False


def to_sympy_number(v) -> sp.Expr:
    """An exact number (fmpq, int or sympy) as a sympy number.

    Parameters
    ----------
    v : flint.fmpq, int or sympy.Expr
        An exact number.

    Returns
    -------
    sympy.Expr
        The same number as a sympy object (an fmpq becomes a Rational).
    """
    if isinstance(v, fmpq):
        return sp.Rational(int(v.p), int(v.q))
    return sp.sympify(v)


class GaussianForm:
    """An exact linear combination ``c + Σ_b (u_b φ(b) + v_b Φ(b))``.

    Keys are ``1``, ``("phi", b)`` and ``("Phi", b)`` with b a finite sympy number;
    values are exact (fmpq or sympy).  ``to_sympy`` builds the closed form.

    Parameters
    ----------
    terms : dict, optional
        Initial ``{key: coefficient}`` entries (added with :meth:`add`, so ±∞ keys are reduced).

    Examples
    --------
    >>> import sympy as sp
    >>> f = GaussianForm({1: 1, ("Phi", sp.Integer(0)): 2, ("phi", sp.oo): 5})   # φ(∞) = 0 is dropped
    >>> f.to_sympy()
    2
    """

    __slots__ = ("terms",)

    def __init__(self, terms=None):
        self.terms = defaultdict(int)
        if terms:
            for k, v in terms.items():
                self.add(k, v)

    def add(self, key, coef):
        """Add ``coef`` times the atom ``key`` in place.

        Parameters
        ----------
        key : 1 or tuple
            ``1``, ``("phi", b)`` or ``("Phi", b)``; at b = ±∞, φ vanishes and Φ becomes 1 or 0.
        coef : flint.fmpq, int or sympy.Expr
            The exact coefficient.

        Returns
        -------
        None
        """
        if isinstance(key, tuple) and key[1] in (sp.oo, -sp.oo):
            if key[0] == "phi":
                return
            if key[1] == sp.oo:      # Φ(∞) = 1
                key = 1
            else:                    # Φ(-∞) = 0
                return
        self.terms[key] = self.terms[key] + coef

    def iadd_scaled(self, other: "GaussianForm", scale):
        """Add ``scale`` times ``other`` in place and return self.

        Parameters
        ----------
        other : GaussianForm
            The form to add.
        scale : flint.fmpq, int or sympy.Expr
            The exact factor.

        Returns
        -------
        GaussianForm
            ``self``, updated.
        """
        for k, v in other.terms.items():
            self.add(k, scale * v)
        return self

    def to_sympy(self) -> sp.Expr:
        """The closed form as a sympy expression.

        Returns
        -------
        sympy.Expr
            c + Σ_b (u_b φ(b) + v_b Φ(b)) with zero terms dropped.
        """
        out = []
        for key, coef in self.terms.items():
            c = to_sympy_number(coef)
            if c == 0:
                continue
            if key == 1:
                out.append(c)
            elif key[0] == "phi":
                out.append(c * phi(key[1]))
            else:
                out.append(c * Phi(key[1]))
        return sp.Add(*out)


def truncated_moments(a, b, K: int, ring=None) -> list[GaussianForm]:
    """[M_0, ..., M_K] with M_k = ∫_a^b t^k φ(t) dt as :class:`GaussianForm` objects.

    M_0 = Φ(b) - Φ(a), M_1 = φ(a) - φ(b), M_k = (k-1) M_{k-2} + a^{k-1}φ(a) - b^{k-1}φ(b)
    (integration by parts, using φ' = -tφ).  ``ring`` converts the finite endpoint
    powers (fmpq or sympy); ±∞ endpoints contribute nothing.

    Parameters
    ----------
    a, b : sympy.Expr
        The endpoints, a ≤ b (±oo allowed).
    K : int
        The largest power, ``K >= 0``.
    ring : callable, optional
        Converts a finite endpoint before its powers are taken (e.g. to fmpq).

    Returns
    -------
    list of GaussianForm
        The ``K + 1`` exact moments.

    Examples
    --------
    >>> import sympy as sp
    >>> [m.to_sympy() for m in truncated_moments(-sp.oo, sp.oo, 4)]     # the full moments 1, 0, 1, 0, 3
    [1, 0, 1, 0, 3]
    """
    conv = ring or (lambda v: v)
    ends = [(a, 1), (b, -1)]
    out = [GaussianForm({("Phi", b): 1, ("Phi", a): -1})]
    if K >= 1:
        out.append(GaussianForm({("phi", a): 1, ("phi", b): -1}))
    for k in range(2, K + 1):
        f = GaussianForm().iadd_scaled(out[k - 2], k - 1)
        for e, s in ends:
            if e not in (sp.oo, -sp.oo):
                f.add(("phi", e), s * conv(e) ** (k - 1))
        out.append(f)
    return out
