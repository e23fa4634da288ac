"""Certified Gaussian expectations and dual kernels for any activation.

* :func:`gaussian_expectation`: E[σ(g)], g ~ N(0,1), by the certified quadrature of
  :mod:`hardverify.numeric.hermite` with m = 0.
* :func:`dual_kernel`: K_{σ,τ}(ρ) = E[σ(U) τ(V)] with (U, V) standard normal and corr(U, V) = ρ.
  For |ρ| < 1 it is the Mehler series Σ_m c_m(σ) c_m(τ) ρ^m, summed to degree M with a rigorous
  tail: by Cauchy–Schwarz,

      |Σ_{m>M} c_m(σ) c_m(τ) ρ^m| ≤ |ρ|^{M+1} √(R_σ R_τ),   R_σ = E[σ(g)²] - Σ_{m≤M} c_m(σ)²,

  where E[σ²] and the c_m are certified enclosures (Parseval makes R_σ ≥ 0, so the upper end of
  its enclosure is a valid bound).  At ρ = ±1 the kernel is the one-dimensional expectation
  E[σ(g) τ(±g)].  By default the coefficients come from certified quadrature
  (:mod:`hardverify.numeric.hermite`), and this module never imports the symbolic layer, so the route
  is an independent check of the closed forms of :mod:`hardverify.symbolic.dual`.  The router may pass
  ``table=`` a builder of tables from enclosed closed forms (faster, not independent).
* :func:`hermite_table`: the certified c_0..c_M of σ with E[σ²] and the Parseval remainders,
  cached (bounded) per activation so that a network with many units reuses one table for all its pairs.

>>> import hardverify as hv
>>> K = dual_kernel(hv.activation("relu"), None, "0.5", dps=30)
>>> K.matches("0.304498890522114679044498291245")            # SPEC H4
True
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import sympy as sp
from flint import arb, ctx

from ..caching import LRU
from ..core.activations import Activation, activation, t
from ..core.numbers import as_arb, exact_real, sign_of
from ..errors import DomainError, NotCertified
from ..validate import as_dps
from .enclosure import Enclosure, exact_fraction
from .hermite import MAX_NUMERIC_DEGREE, hermite_coefficient, hermite_coefficients
from .precision import bits_for_dps, meets

__all__ = ["gaussian_expectation", "dual_kernel", "hermite_table", "HermiteTable", "mehler_ball", "MAX_DEGREE"]

#: the largest Mehler truncation degree tried before giving up (tables of exact coefficients); tables
#: built by certified quadrature stop at MAX_NUMERIC_DEGREE = 1023, what 512-point rules integrate.
MAX_DEGREE = 1600


def _act(a):
    return a if isinstance(a, Activation) else activation(a)


@functools.lru_cache(maxsize=1024)
def _expectation(act: Activation, dps: int) -> Enclosure:
    return hermite_coefficient(act, 0, dps=dps)            # c_0 = E[σ(g) He_0(g)] = E[σ(g)]


def gaussian_expectation(act, *, dps: int) -> Enclosure:
    """Certified E[σ(g)] for g ~ N(0, 1).

    Parameters
    ----------
    act : Activation or str
        Any activation with a growth bound.
    dps : int
        Certified decimal digits.

    Returns
    -------
    Enclosure
        A certified ball (c_0 by certified quadrature; cached).

    Raises
    ------
    DomainError, ResourceLimit, NotCertified
        As in :func:`hardverify.numeric.hermite.hermite_coefficients`.

    Examples
    --------
    >>> import hardverify as hv
    >>> gaussian_expectation(hv.activation("relu"), dps=20).matches("0.39894228040143267794")
    True
    """
    return _expectation(_act(act), as_dps(dps))


def _product(s: Activation, tau: Activation, sign: int) -> Activation:
    return Activation(s.expr * tau.expr.subs(t, sign * t))


@dataclass
class HermiteTable:
    """Certified c_0..c_M of σ, E[σ²] and the Parseval remainders R_M = E[σ²] - Σ_{m≤M} c_m².

    ``source`` says where the coefficients came from: ``"quadrature"`` (certified, independent of the
    symbolic layer) or ``"exact"`` (enclosed closed forms, supplied by the router).

    Parameters
    ----------
    coeffs : list of flint.arb
        The certified c_0..c_M (orthonormal).
    norm2 : flint.arb
        A certified ball of E[σ(g)²].
    dps : int
        The digits the table was computed with.
    source : {"quadrature", "exact"}
        Where the coefficients came from.

    Examples
    --------
    >>> import hardverify as hv
    >>> tab = hermite_table(hv.activation("relu"), 10, 20)
    >>> tab.degree >= 10, tab.norm2.contains(arb(1) / 2)                # E[ReLU(g)²] = 1/2
    (True, True)
    >>> tab.remainder(10) >= 0 and tab.remainder(tab.degree) <= tab.remainder(2)   # Parseval tails shrink
    True
    """

    coeffs: list
    norm2: arb
    dps: int
    source: str = "quadrature"

    @property
    def degree(self) -> int:
        """The largest degree M of the table.

        Returns
        -------
        int
            M, the index of the last coefficient.
        """
        return len(self.coeffs) - 1

    def remainder(self, M: int) -> arb:
        """An upper bound of Σ_{m>M} c_m² (Parseval; clipped at 0 from below).

        Parameters
        ----------
        M : int
            The last degree summed, ``M <= degree``.

        Returns
        -------
        flint.arb
            An exact ball ≥ 0 that bounds R_M = E[σ²] - Σ_{m≤M} c_m² from above.
        """
        with ctx.workprec(bits_for_dps(self.dps) + 64):
            r = self.norm2 - sum((c ** 2 for c in self.coeffs[: M + 1]), arb(0))
            return r.upper().max(arb(0))


_TABLES = LRU(256)              # (activation, dps, source) -> HermiteTable


def quadrature_coefficients(act: Activation, M: int, dps: int) -> list:
    """c_0..c_M as balls from certified quadrature (:mod:`hardverify.numeric.hermite`).

    Parameters
    ----------
    act : Activation
        The activation.
    M : int
        The largest degree.
    dps : int
        Certified decimal digits.

    Returns
    -------
    list of flint.arb
        The M + 1 balls.
    """
    return [c.ball for c in hermite_coefficients(act, M, dps=dps)]


def hermite_table(act: Activation, M: int, dps: int, *, coefficients=quadrature_coefficients,
                  source: str = "quadrature") -> HermiteTable:
    """A cached table of σ with degree ≥ M and at least ``dps`` digits.

    ``coefficients(act, M, dps)`` gives the coefficient balls (default: certified quadrature).  Precision
    is rounded up to a multiple of 20 digits so that nearby requests share one table; a table is
    recomputed only to grow its degree (to 1.5 times the request, to limit regrowth).

    Parameters
    ----------
    act : Activation
        The activation.
    M : int
        The smallest degree wanted (the table may be larger; at most :data:`MAX_DEGREE` for
        ``source="exact"``, at most 1023 (:data:`~hardverify.numeric.hermite.MAX_NUMERIC_DEGREE`)
        otherwise: certified quadrature integrates no higher degree).
    dps : int
        The smallest digits wanted.
    coefficients : callable, optional
        ``coefficients(act, M, dps)`` returning the coefficient balls.
    source : {"quadrature", "exact"}
        The label of the coefficients (part of the cache key).

    Returns
    -------
    HermiteTable
        A table with ``degree >= M`` (unless capped as above) and at least ``dps`` digits.

    Raises
    ------
    NotCertified
        As in :func:`hardverify.numeric.hermite.hermite_coefficients`.
    """
    dps = 20 * -(-dps // 20)
    for d in range(dps, dps + 101, 20):             # a more precise table serves too
        tab = _TABLES.get((act, d, source))
        if tab is not None and tab.degree >= M:
            return tab
    key = (act, dps, source)
    tab = _TABLES.get(key)
    cap = MAX_DEGREE if source == "exact" else MAX_NUMERIC_DEGREE
    M = min(max(M, 3 * (tab.degree if tab is not None else 0) // 2), cap)
    if tab is not None and tab.degree >= M:         # already at the cap
        return tab
    cs = coefficients(act, M, dps)
    norm = tab.norm2 if tab is not None else gaussian_expectation(_product(act, act, 1), dps=dps + 10).ball
    tab = HermiteTable(list(cs), norm, dps, source)
    _TABLES.put(key, tab)
    return tab


def mehler_ball(ts: HermiteTable, tt: HermiteTable, rho: arb, M: int) -> arb:
    """Σ_{m≤M} c_m(σ)c_m(τ)ρ^m plus the tail ball |ρ|^{M+1} √(R_σ(M) R_τ(M)) (needs |ρ| < 1).

    M is capped at the tables' degree: the tail must start right after the last term summed.

    Parameters
    ----------
    ts, tt : HermiteTable
        The tables of σ and τ.
    rho : flint.arb
        The correlation, |ρ| < 1.
    M : int
        The truncation degree (capped at the tables' degree).

    Returns
    -------
    flint.arb
        A ball containing K_{σ,τ}(ρ).

    Examples
    --------
    >>> import hardverify as hv
    >>> from flint import ctx
    >>> tab = hermite_table(hv.activation("sign"), 40, 20)
    >>> with ctx.workprec(100):
    ...     b = mehler_ball(tab, tab, arb(1) / 2, 40)
    >>> b.contains(arb(1) / 3)                                           # (2/π) asin(1/2) = 1/3
    True
    """
    M = min(M, ts.degree, tt.degree)
    partial = arb(0)
    p = arb(1)
    for a, b in zip(ts.coeffs[: M + 1], tt.coeffs[: M + 1]):
        partial += a * b * p
        p *= rho
    tail = (abs(rho) ** (M + 1) * (ts.remainder(M) * tt.remainder(M)).sqrt()).upper()
    return partial + arb(0, tail)


def read_rho(rho):
    """ρ as an exact real (decimal strings and floats read as the decimals they show), in [-1, 1].

    Parameters
    ----------
    rho : int, Fraction, str, float or sympy.Expr
        The correlation (a string is a decimal or a fraction; a float the decimal it prints).

    Returns
    -------
    int or sympy.Expr
        The exact value.

    Raises
    ------
    DomainError
        If ``rho`` is not a finite real number, or lies outside [-1, 1].

    Examples
    --------
    >>> read_rho("0.3"), read_rho(0.3), read_rho(1)
    (3/10, 3/10, 1)
    """
    if isinstance(rho, str):
        q = exact_fraction(rho)
        rho = sp.Rational(q.numerator, q.denominator)
    r = exact_real(rho, "rho")
    if sign_of(sp.sympify(r) - 1) == 1 or sign_of(sp.sympify(r) + 1) == -1:
        raise DomainError(f"rho must lie in [-1, 1], got {rho}")
    return r


def _degree_for(rho_abs: float, goal: float) -> int:
    """A first guess of M with |ρ|^{M+1} ≤ goal (ignoring the remainders, which only help)."""
    if rho_abs <= 0:
        return 8
    return max(8, min(MAX_DEGREE, int(math.log(goal) / math.log(rho_abs)) + 1))


def dual_kernel(sigma, tau, rho, *, dps: int, absolute=None, max_degree: int = MAX_DEGREE,
                table=hermite_table) -> Enclosure:
    """Certified K_{σ,τ}(ρ) by the Mehler series (τ = σ when ``tau`` is None).

    Parameters
    ----------
    sigma, tau : Activation or str
        The activations (``tau=None``: τ = σ).
    rho : int, Fraction, str, float or sympy.Expr
        An exact real in [-1, 1] (a decimal string or float is read as the decimal it shows; sympy numbers
        include algebraic ones).
    dps : int
        Correct significant digits of the result ...
    absolute : arb, optional
        ... or, when given, an absolute radius that is enough (used when the value may be 0).
    max_degree : int
        The largest Mehler degree tried (NotCertified beyond it, or beyond the tables' degree: 1023 for
        tables from certified quadrature).
    table : callable, optional
        ``table(act, M, dps)`` returning a :class:`HermiteTable` (default: certified quadrature tables).

    Returns
    -------
    Enclosure
        A certified ball with ``dps`` digits, or (with ``absolute``) radius ≤ ``absolute``; at ρ = ±1 the
        certified E[σ(g) τ(±g)].

    Raises
    ------
    DomainError
        If ``rho`` is not an exact real in [-1, 1] or ``dps`` is invalid.
    NotCertified
        If the series does not reach the digits by ``max_degree``.

    Examples
    --------
    >>> import sympy as sp, hardverify as hv
    >>> k = dual_kernel("relu", "sign", "-0.5", dps=15)                 # only c_1 c_1 ρ survives: ρ/√(2π)
    >>> k.contains(-sp.Rational(1, 2) / sp.sqrt(2 * sp.pi))
    True
    """
    dps = as_dps(dps)
    s = _act(sigma)
    tt = s if tau is None else _act(tau)
    r = read_rho(rho)
    if sign_of(sp.sympify(r) - 1) == 0 or sign_of(sp.sympify(r) + 1) == 0:
        return gaussian_expectation(_product(s, tt, 1 if sign_of(sp.sympify(r)) == 1 else -1), dps=dps)
    prec = bits_for_dps(dps) + 64
    with ctx.workprec(prec):
        M = min(64, _degree_for(float(abs(as_arb(r, prec)).upper()), 10.0 ** (-dps - 3)))
    while True:
        ts = table(s, M, dps + 5)
        tb = ts if tt == s else table(tt, M, dps + 5)
        with ctx.workprec(prec):
            ball = mehler_ball(ts, tb, as_arb(r, prec), M)
        if meets(ball, dps):
            return Enclosure(ball, dps)
        if absolute is not None and ball.rad() <= absolute:
            return Enclosure.labelled(ball, dps)
        if M >= max_degree or min(ts.degree, tb.degree) < M:     # no more terms (quadrature tables stop at 1023)
            break
        M = min(2 * M, max_degree)
    used = min(M, ts.degree, tb.degree)
    raise NotCertified(
        f"the Mehler series at rho = {rho} did not reach {dps} digits with {used} terms (max_degree = {max_degree}; "
        f"tables from certified quadrature stop at degree {MAX_NUMERIC_DEGREE}); raise max_degree or lower dps "
        "(|rho| close to 1 converges slowly for kinked activations)"
    )
