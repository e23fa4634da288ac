"""Certified Funk–Hecke eigenvalues of activations analytic near 0, by Taylor series and exact moments.

For σ analytic on a disc |z| ≤ r around 0 (sigmoid, tanh, erf, GELU, softplus, ... and any
activation whose kinks are far from 0 when n is large), with Taylor polynomial q_M = Σ_{m≤M} σ_m t^m:

    μ_k(σ; n) = Σ_{m ≤ M} σ_m E[t^m P_k] + E[(σ - q_M) P_k],

where E[t^m P_k] is the exact moment of F2.4 (run as the ratio recurrence
E[t^{m+2} P_k]/E[t^m P_k] = (m+1)(m+2)/((m-k+2)(n+m+k))), and the remainder is bounded by
Cauchy–Schwarz and orthogonality (E[P_k²] = 1/N(n, k), F2.3):

    |E[(σ - q_M) P_k]| ≤ ‖σ - q_M‖_{L²(ν_n)} / √N(n, k),
    ‖σ - q_M‖² ≤ (B r^{-(M+1)}/(1 - T/r))² E[t^{2M+2}] + (G + Σ_{m≤M}|σ_m|)² P(|t| > T),

with B ≥ sup_{|z|≤r}|σ| (Cauchy: |σ_m| ≤ B r^{-m}, so |σ - q_M|(t) ≤ B(|t|/r)^{M+1}/(1-|t|/r) on
|t| ≤ T < r), G ≥ sup_{[-1,1]}|σ|, and P(|t| > T) ≤ 2c_n(1-T²)^{(n-1)/2}/(T(n-1)).  T = 1 when σ is
analytic on a disc of radius r > 1 (no far region); for large n, T ≈ √(log/n) is small, so only a
neighbourhood of 0 matters.  This route is fast for large n and large k (n = 10⁶, k = 1000).

>>> import hardverify as hv
>>> mu = series_eigenvalues(hv.activation("sigmoid"), 2000, 3, dps=30)
>>> pred = hv.enclose(sp.Rational(-1, 8) * sp.gamma(1000) / (8 * sp.gamma(1003)), 30)   # SPEC F4 scaling
>>> (mu[3] / pred).matches("0.99950")
True
"""

from __future__ import annotations

import math

import sympy as sp
from flint import arb, ctx, fmpq

from ..core.activations import Activation, t
from ..core.arbeval import compile_expr
from ..core.counting import harmonic_dimension
from ..errors import NotCertified
from .enclosure import Enclosure
from .funk_hecke import clipped_pieces, sup_abs, surface_factor, weight_constant
from .precision import bits_for_dps, meets
from .taylor import disc_bound, taylor_coefficients

__all__ = ["series_eigenvalues", "central_piece"]

_RADII = (fmpq(4), fmpq(3), fmpq(2), fmpq(3, 2), fmpq(5, 4), fmpq(9, 8), fmpq(1), fmpq(3, 4), fmpq(1, 2),
          fmpq(3, 8), fmpq(1, 4), fmpq(1, 8), fmpq(1, 16))
_MAX_ORDER = 6000
_MAX_PASSES = 6


def central_piece(act: Activation):
    """(expr, span): the analytic piece around 0 and the distance from 0 to its nearest end (None if 0 is a kink).

    ``span`` is exact (a sympy number, or ``oo``): the near region |t| ≤ T must lie inside the piece, and a
    float would round a kink at 1 - 10^-20 up to 1 (then the series silently ignores the last piece).

    Parameters
    ----------
    act : Activation
        The activation.

    Returns
    -------
    tuple
        ``(expr, span)``: the sympy expression of the piece containing 0 and min(distance to its ends);
        ``(None, 0)`` when 0 is a kink.

    Examples
    --------
    >>> import hardverify as hv
    >>> central_piece(hv.activation("relu")), central_piece(hv.activation("relu").affine(1, -2))
    ((None, 0), (0, 2))
    """
    for p in act.pieces:
        if bool(p.left < 0) and bool(p.right > 0):
            return p.expr, sp.Min(-p.left, p.right)
    return None, sp.Integer(0)


def _inside(T: fmpq, span) -> bool:
    """T ≤ span, decided exactly (False when sympy cannot decide)."""
    try:
        return bool(sp.Rational(int(T.p), int(T.q)) <= span)
    except TypeError:
        return False


def _log_moment(n: int, j: int) -> float:
    """log E_{ν_n}[t^{2j}] = log Γ(n/2)Γ(j+1/2)/(√π Γ(n/2+j))."""
    return math.lgamma(n / 2) + math.lgamma(j + 0.5) - 0.5 * math.log(math.pi) - math.lgamma(n / 2 + j)


def _log_tail(n: int, T: float) -> float:
    """log of the bound on P(|t| > T) (log-space, for planning)."""
    if T >= 1:
        return -math.inf
    cn = math.lgamma(n / 2) - math.lgamma((n - 1) / 2) - 0.5 * math.log(math.pi)
    return math.log(2) + cn + (n - 1) / 2 * math.log1p(-T * T) - math.log(T * (n - 1))


def _plan(n, K, discs, span, G, log_target):
    """(M, r, B, T) with a remainder bound below exp(log_target), smallest M first; None if none found."""
    best = None
    lg = math.log(float(G) + 1e-300)
    orders = sorted({K + d for d in [0, 2, 4, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024,
                                     1536, 2048, 3072, 4096] if K + d < _MAX_ORDER})
    whole = _inside(fmpq(1), span)                       # the piece covers [-1, 1]: no far region
    inside = [fmpq(j, 64) for j in range(1, 64) if _inside(fmpq(j, 64), span)]
    for r, B in discs:
        rf, lb = float(r), math.log(float(B) + 1e-300)
        Ts = [fmpq(1)] if (whole and rf > 1) else []
        Ts += [T for T in inside if float(T) < 0.95 * rf]
        for M in orders:
            if best is not None and M >= best[0]:
                break
            q = lb + (M + 1) * max(0.0, -math.log(rf)) + math.log(M + 1)           # ≥ log Σ_{m≤M}|σ_m|
            for T in Ts:
                tf = float(T)
                near = lb - (M + 1) * math.log(rf) - math.log1p(-min(tf / rf, 0.999)) + 0.5 * _log_moment(n, M + 1)
                far = 0.5 * _log_tail(n, tf) + max(lg, q) + math.log(2)
                if max(near, far) + math.log(2) <= log_target:
                    best = (M, r, B, T)
                    break
            if best is not None and best[0] == M:
                break
    return best


def _moment_sums(cs, n: int, K: int, M: int, live) -> list:
    """Σ_{m ≤ M, m ≡ k} σ_m E[t^m P_k] for k in live (ambient precision)."""
    out = [arb(0)] * (K + 1)
    ekk = arb(1)                                           # E[t^k P_k] = k!/(2^k (n/2)_k)
    ekks = [ekk]
    for k in range(K):
        ekk = ekk * fmpq(k + 1, n + 2 * k)
        ekks.append(ekk)
    for k in live:
        e, acc = ekks[k], cs[k] * ekks[k]
        for m in range(k, M - 1, 2):
            e = e * fmpq((m + 1) * (m + 2), (m - k + 2) * (n + m + k))
            acc += cs[m + 2] * e
        out[k] = acc
    return out


def _remainder(n, M, r, B, T, G, cs):
    """Rigorous ‖σ - q_M‖_{L²(ν_n)} bound (see the module docstring)."""
    R, bT = arb(r), arb(T)
    mom = ((arb(n) / 2).lgamma() + (arb(M + 1) + arb(1) / 2).lgamma() - (arb(n) / 2 + M + 1).lgamma()).exp() \
        / arb.pi().sqrt()
    near = B * R ** (-(M + 1)) / (1 - bT / R) * mom.sqrt()
    if T >= 1:
        return near.upper()
    Q = sum((c.abs_upper() for c in cs), arb(0))
    s1 = arb(n - 1) / 2
    tail = 2 * weight_constant(n) * (1 - bT * bT) ** s1 / (2 * bT * s1)
    return (near + (G + Q) * tail.sqrt()).upper()


def series_eigenvalues(act: Activation, n: int, K: int, *, dps: int, measure: str = "normalized") -> list:
    """Certified [μ_0, ..., μ_K] for σ analytic near 0 (λ_k = |S^{n-1}| μ_k with ``measure="surface"``).

    Parameters
    ----------
    act : Activation
        An activation analytic on a neighbourhood of 0 (kinks, if any, away from 0).
    n : int
        The dimension, ``n >= 2``.
    K : int
        The largest degree.
    dps : int
        Certified decimal digits.
    measure : {"normalized", "surface"}
        The measure.

    Returns
    -------
    list of Enclosure
        K + 1 certified balls with ``dps`` digits (or the absolute rule at values far below their size);
        degrees that vanish by proved parity are the exact ball 0.

    Raises
    ------
    NotCertified
        If σ is not analytic at 0 or no Taylor order ≤ 6000 reaches the tolerance (use quadrature).

    Examples
    --------
    >>> import hardverify as hv
    >>> q = series_eigenvalues(hv.activation("sigmoid"), 50, 4, dps=20)     # independent of the quadrature route
    >>> from hardverify.numeric.funk_hecke import funk_hecke_eigenvalues
    >>> r = funk_hecke_eigenvalues(hv.activation("sigmoid"), 50, 4, dps=20)
    >>> all(a.ball.overlaps(b.ball) for a, b in zip(q, r)), q[2].is_exact_zero()   # σ - 1/2 is odd
    (True, True)
    """
    surface = measure == "surface"
    expr, span = central_piece(act)
    if expr is None:
        raise NotCertified(f"{act.label} has a kink at 0: the series route needs σ analytic near 0; "
                           "use algorithm='quadrature' (or the exact route for piecewise polynomials)")
    f = compile_expr(expr, t)
    with ctx.workprec(64):
        discs = [(r, b) for r in _RADII if (b := disc_bound(f, r)) is not None]
    if not discs:
        raise NotCertified(f"{act.label} is not certified analytic on any disc around 0; use algorithm='quadrature'")
    G = sup_abs(clipped_pieces(act))
    zero = [act.parity.vanishes(k) for k in range(K + 1)]
    live = [k for k in range(K + 1) if not zero[k]]
    log_rootN = [0.5 * math.log(harmonic_dimension(n, k)) for k in range(K + 1)]
    rel = [None] * (K + 1)                                  # log |μ_k| once it is known
    extra = 32
    for _ in range(_MAX_PASSES):
        # target on ‖σ - q_M‖: 10^{-dps-1} G at first, then 10^{-dps} |μ_k| √N(n,k) / 8
        logs = [math.log(float(G) + 1e-300) - (dps + 1) * math.log(10)] + \
            [rel[k] + log_rootN[k] - dps * math.log(10) - math.log(8) for k in live if rel[k] is not None]
        plan = _plan(n, K, discs, span, G, min(logs))
        if plan is None:
            raise NotCertified(f"the Taylor series of {act.label} converges too slowly at n = {n}; "
                               "use algorithm='quadrature'")
        M, r, B, T = plan
        prec = bits_for_dps(dps) + extra + (K if n < 100 else 0)
        with ctx.workprec(prec):
            cs = taylor_coefficients(expr, t, M + 2)
            sums = _moment_sums(cs, n, K, M, live)
            err = _remainder(n, M, r, B, T, G, cs[: M + 1])
            fac = surface_factor(n) if surface else arb(1)
            balls = [None if zero[k] else (sums[k] + arb(0, (err / arb(harmonic_dimension(n, k)).sqrt()).upper()))
                     * fac for k in range(K + 1)]
            pending, rounding = [], False
            sizes = [(G * fac / arb(harmonic_dimension(n, k)).sqrt()).upper() for k in range(K + 1)]
            for k in live:
                b = balls[k]
                # stricter than the common contract: a value away from 0 always gets dps digits (cheap here)
                if meets(b, dps, scale=sizes[k] if b.contains(0) else 0):
                    continue
                pending.append(k)
                if b.contains(0):
                    rounding = True
                else:
                    rel[k] = float((b.abs_lower() / fac).log())
                    rounding = rounding or sums[k].rad() > b.rad() / 4
        if not pending:
            return [Enclosure(arb(0), dps) if b is None else Enclosure(b, dps, scale=sizes[k])
                    for k, b in enumerate(balls)]
        if rounding:
            extra *= 2
    raise NotCertified(f"could not certify μ_k for k = {pending[:5]} of {act.label} at n = {n} to {dps} digits "
                       "with the series route; use algorithm='quadrature'")
