"""Certified integrals of an analytic function against a whole polynomial family at once.

Computes enclosures of

    I_m = ∫_a^b F(t) p_m(t) dt,   m = 0, ..., M,

where F is analytic on a complex neighbourhood of [a, b] (given as a ball
function ``F(x, analytic)``, see :mod:`hardverify.core.arbeval`) and
(p_m) is a polynomial family with deg p_m = m (Hermite, Gegenbauer, ...),
from *one* set of evaluations of F.

The error bound (every term rigorous):

* [a, b] is cut into subintervals J = [c - h, c + h]; on each, an n-point
  Gauss–Legendre rule integrates polynomials of degree ≤ 2n - 1 exactly;
* if P is any polynomial of degree d_m = 2n - 1 - m, then P p_m is integrated
  exactly, so the error on J is ``(I - Q)[(F - P) p_m]``, and
  ``|(I - Q)[g]| ≤ (∫_J + Σ_i h w_i)|g| ≤ 4h ‖F - P‖_J sup_J |p_m|``
  because the weights are positive and sum to 2;
* F is analytic and bounded by B on the Bernstein ellipse E_ρ of J, so its
  Chebyshev truncation of degree d satisfies ``‖F - P‖_J ≤ 2Bρ^{-d}/(ρ - 1)``
  (Trefethen, *Approximation Theory and Approximation Practice*, Thm 8.2);
* B is an upper bound of |F| over a grid of complex boxes covering the
  ellipse, each evaluated with ``analytic=True`` (which also proves F analytic
  there); boxes in the lower half-plane are mirrored (F is real on the real
  line, so |F(z̄)| = |F(z)|);
* ``sup_J |p_m|`` comes from the family (:meth:`Family.sup_bounds`).

So the error for degree m on J is ``8 h S_m B ρ^{-(2n-1-m)} / (ρ - 1)``.  The
planner picks, per subinterval, the ρ and n that meet the per-degree
tolerances, bisecting where F is not analytic enough; the sums are then taken in
ball arithmetic at a precision chosen from the same bounds.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import Protocol, Sequence

from flint import acb, arb, ctx, fmpq

from ..errors import NotCertified

__all__ = ["Family", "integrate_family", "gauss_legendre", "QuadratureReport"]

#: Bernstein ellipse parameters tried on each subinterval (exact rationals).
RHOS = (fmpq(16), fmpq(8), fmpq(4), fmpq(5, 2), fmpq(8, 5), fmpq(5, 4))
#: largest Gauss–Legendre rule used before bisecting.
N_MAX = 512
#: bisection depth limit (deep cells only occur next to singular points).
DEPTH_MAX = 200
PLAN_PREC = 64


class Family(Protocol):
    """A polynomial family p_0, p_1, ... with deg p_m = m.

    A structural protocol (:class:`typing.Protocol`): any object with these two methods is a family
    (:class:`~hardverify.numeric.hermite.HermiteFamily`, :class:`~hardverify.numeric.gegenbauer.GegenbauerFamily`,
    :class:`~hardverify.numeric.gegenbauer.EndFamily`).

    Parameters
    ----------
    *args, **kwargs
        A protocol is not instantiated; implementations define their own constructors.
    """

    def sup_bounds(self, lo: arb, hi: arb, M: int) -> list[arb]:
        """Upper bounds of sup_{t∈[lo,hi]} |p_m(t)|, m = 0..M.

        Parameters
        ----------
        lo, hi : flint.arb
            The interval.
        M : int
            The largest degree.

        Returns
        -------
        list of flint.arb
            M + 1 rigorous upper bounds (they enter the error bound of every cell).
        """

    def accumulate(self, xs: Sequence[arb], vs: Sequence[arb], M: int) -> list[arb]:
        """Σ_i v_i p_m(x_i) for m = 0..M.

        Parameters
        ----------
        xs, vs : sequence of flint.arb
            Quadrature nodes and weighted integrand values.
        M : int
            The largest degree.

        Returns
        -------
        list of flint.arb
            M + 1 balls.
        """


@functools.lru_cache(maxsize=64)
def gauss_legendre(n: int, prec: int) -> tuple[tuple[arb, ...], tuple[arb, ...]]:
    """Certified n-point Gauss–Legendre nodes and weights on [-1, 1] (flint balls).

    Parameters
    ----------
    n : int
        The number of nodes, ``n >= 1``.
    prec : int
        The working precision in bits.

    Returns
    -------
    tuple
        ``(nodes, weights)``, two tuples of n balls each (``arb.legendre_p_root``); the weights are positive
        and sum to 2.

    Examples
    --------
    >>> xs, ws = gauss_legendre(5, 128)
    >>> sum(ws).contains(2) and sum(w * x**8 for x, w in zip(xs, ws)).contains(arb(2) / 9)   # exact to degree 9
    True
    """
    with ctx.workprec(prec):
        pairs = [arb.legendre_p_root(n, k, weight=True) for k in range(n)]
    return tuple(p[0] for p in pairs), tuple(p[1] for p in pairs)


def _ellipse_sup(F, c: arb, h: arb, rho: fmpq, nx: int = 12, ny: int = 5):
    """Upper bound of |F| on the Bernstein ellipse E_ρ of [c-h, c+h], or None if F may be non-analytic there."""
    r = arb(rho)
    A = h * (r + 1 / r) / 2
    B = h * (r - 1 / r) / 2
    best = arb(0)
    dx = 2 * A / nx
    dy = B / ny
    for i in range(nx):
        x0 = c - A + i * dx
        x1 = x0 + dx
        # distance from the centre to the box along x (0 if the box straddles c)
        if (x0 <= c) and (c <= x1):
            nearx = arb(0)
        else:
            nearx = (x0 - c).abs_lower().min((x1 - c).abs_lower())
        for j in range(ny):
            y0 = j * dy
            if ((nearx / A) ** 2 + (y0 / B) ** 2) > 1:
                continue  # the box lies outside the ellipse
            box = acb(arb((x0 + x1) / 2, dx / 2 * (1 + arb("1e-10"))),
                      arb(y0 + dy / 2, dy / 2 * (1 + arb("1e-10"))))
            v = F(box, True)
            if not v.is_finite():
                return None
            best = best.max(v.abs_upper())
    return best


@dataclass
class _Cell:
    flo: fmpq
    fhi: fmpq
    h: arb
    n: int
    rho: fmpq
    B: arb
    S: list


@dataclass
class QuadratureReport:
    """What the planner did: subintervals, nodes and working precision.

    Parameters
    ----------
    cells : int
        The number of subintervals.
    nodes : int
        The total number of Gauss–Legendre nodes.
    prec : int
        The working precision of the sums (bits).
    """

    cells: int
    nodes: int
    prec: int


def _log2(x: arb) -> float:
    if x <= 0:
        return -math.inf
    return float(x.log() / arb(2).log())


def _choose(F, c, h, family, M, tols, log2_tols):
    """Best (n, rho, B, S) for one subinterval, or None if no ellipse works."""
    S = family.sup_bounds(c - h, c + h, M)
    logS = [_log2(s) for s in S]
    best = None
    for rho in RHOS:
        B = _ellipse_sup(F, c, h, rho)
        if B is None:
            continue
        logpre = _log2(8 * h * B / (arb(rho) - 1))
        lr = math.log2(float(rho.p) / float(rho.q))
        n = 1
        for m in range(M + 1):
            need = logpre + logS[m] - log2_tols[m]
            d = max(0, math.ceil(need / lr)) if need > 0 else 0
            n = max(n, math.ceil((m + 1 + d) / 2))
        n = -(-n // 4) * 4  # round up to a multiple of 4 (cache reuse)
        if best is None or n < best[0]:
            best = (n, rho, B, S)
    return best


def _endpoint(x) -> arb:
    """An exact value (int, Fraction-like, sympy number) as a ball at the current precision."""
    if isinstance(x, arb):
        return +x
    from ..core.arbeval import enclose_constant
    return enclose_constant(x)


def _crude_bound(F, c, h, family, M):
    """Upper bounds of |∫_J F p_m| ≤ 2h · sup_J |F| · sup_J |p_m| by real ball evaluation on J, or None."""
    v = F(arb(c, h.upper()), False)
    if not v.is_finite():
        return None
    S = family.sup_bounds(c - h, c + h, M)
    top = v.abs_upper()
    return [(2 * h * top * s).upper() for s in S]


def _plan(F, a, b, family, M, tols):
    """Cells as dyadic fractions (lo, hi) of [a, b] with their rule; a, b exact.

    Half of the tolerance is shared among Gauss–Legendre cells in proportion to their
    length.  The other half is a reserve for *crude* cells: a tiny cell next to a point
    where F is not analytic (an integrable singularity at a piece end, such as √t at 0)
    is accepted with the explicit bound 2h·sup|F|·sup|p_m| when that bound fits in half of
    the remaining reserve, so the reserve is never exceeded.
    """
    log2_tols = [_log2(t) for t in tols]
    A, Bend = _endpoint(a), _endpoint(b)
    length = Bend - A
    # initial cells of half-width <= 1, as dyadic fractions of [a, b]
    k = 1
    while float(length) / k > 2:
        k *= 2
    stack = [(fmpq(i, k), fmpq(i + 1, k), 0) for i in range(k)]
    cells = []
    reserve = [t / 2 for t in tols]
    while stack:
        flo, fhi, depth = stack.pop()
        c = A + length * arb(flo + fhi) / 2
        h = length * arb(fhi - flo) / 2
        local = [_log2(arb(fhi - flo)) - 1 + lt for lt in log2_tols]
        choice = _choose(F, c, h, family, M, tols, local)
        if choice is None or choice[0] > N_MAX:
            if depth >= 6:
                crude = _crude_bound(F, c, h, family, M)
                if crude is not None and all(e <= r / 2 for e, r in zip(crude, reserve)):
                    reserve = [r - e for r, e in zip(reserve, crude)]
                    cells.append(_Cell(flo, fhi, h, 0, fmpq(0), arb(0), crude))
                    continue
            if depth >= DEPTH_MAX:
                raise NotCertified(
                    f"the integrand is not analytic near t = {float(c):.6g} and not bounded enough there to "
                    "bound the integral (bisection depth limit reached); certified quadrature needs each piece "
                    "of the activation analytic on its open interval with at most integrable, bounded "
                    "singularities at the ends"
                )
            mid = (flo + fhi) / 2
            stack.append((flo, mid, depth + 1))
            stack.append((mid, fhi, depth + 1))
            continue
        n, rho, B, S = choice
        cells.append(_Cell(flo, fhi, h, n, rho, B, S))
    return cells


def integrate_family(F, a, b, family: Family, M: int, tols: Sequence[arb], *, prec_floor: int = 64):
    """Enclosures of ∫_a^b F p_m for m = 0..M, each within its tolerance when possible.

    Parameters
    ----------
    F : callable
        ``F(x, analytic)`` on arb/acb balls (real-analytic on a neighbourhood of [a, b]).
    a, b : int, sympy number or exact arb
        Finite endpoints, a < b, given exactly (they are re-evaluated at the working
        precision, so an irrational kink such as √2 costs no accuracy).
    family : Family
        The polynomial family p_0..p_M (its sup bounds and its sums).
    M : int
        The largest degree, ``M <= 1023``.
    tols : sequence of arb
        Target absolute errors per degree (the quadrature error bound is made ≤ tols[m]).
    prec_floor : int
        Minimum working precision (bits).

    Returns
    -------
    (list of arb, QuadratureReport)
        Balls that contain the integrals (quadrature error and rounding included).

    Raises
    ------
    NotCertified
        If ``M > 1023`` (beyond the largest rule), or the integrand is not analytic enough near a point to
        bound the integral (bisection depth limit).

    Examples
    --------
    >>> from flint import arb, ctx
    >>> from hardverify.numeric.hermite import HermiteFamily
    >>> F = lambda x, analytic: (-(x * x) / 2).exp() / (2 * arb.pi()).sqrt()    # φ on [0, 1]
    >>> with ctx.workprec(128):
    ...     I, rep = integrate_family(F, 0, 1, HermiteFamily(), 1, [arb("1e-30")] * 2)
    >>> I[1].overlaps((1 - (-arb(1) / 2).exp()) / (2 * arb.pi()).sqrt())          # ∫_0^1 t φ = φ(0) - φ(1)
    True
    """
    if M > 2 * N_MAX - 1:   # every cell needs 2n - 1 >= M: bisection cannot help, so fail at once
        raise NotCertified(f"degree {M} is beyond the certified quadrature ({N_MAX}-point rules integrate "
                           f"degree ≤ {2 * N_MAX - 1} exactly); lower the degree m_max")
    with ctx.workprec(PLAN_PREC):
        cells = _plan(F, a, b, family, M, tols)
        # rounding errors ~ 2^-prec Σ_J 2h B S_m must stay below the tolerance
        need = 0.0
        for m in range(M + 1):
            mass = sum((2 * cl.h * cl.B * cl.S[m] for cl in cells if cl.n), arb(0))
            need = max(need, _log2(mass) - _log2(tols[m]))
        errs = [arb(0)] * (M + 1)
        for cl in cells:
            if cl.n == 0:                      # crude cell: its bound is the whole contribution
                errs = [e + b for e, b in zip(errs, cl.S)]
                continue
            r = arb(cl.rho)
            pre = 8 * cl.h * cl.B / (r - 1)
            for m in range(M + 1):
                d = 2 * cl.n - 1 - m
                errs[m] = errs[m] + pre * cl.S[m] * r ** (-d)
    prec = max(prec_floor, int(need) + 40 + int(math.log2(M + 2)) * 2)
    total = [arb(0)] * (M + 1)
    with ctx.workprec(prec):
        A, Bend = _endpoint(a), _endpoint(b)
        length = Bend - A
        for cl in cells:
            if cl.n == 0:
                continue
            s, w = gauss_legendre(cl.n, prec)
            c = A + length * arb(cl.flo + cl.fhi) / 2
            h = length * arb(cl.fhi - cl.flo) / 2
            xs = [c + h * si for si in s]
            vs = [h * wi * F(x, False) for x, wi in zip(xs, w)]
            part = family.accumulate(xs, vs, M)
            total = [tm + pm for tm, pm in zip(total, part)]
        out = [tm + arb(0, e.upper()) for tm, e in zip(total, errs)]
    return out, QuadratureReport(len(cells), sum(cl.n for cl in cells), prec)
