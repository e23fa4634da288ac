"""Certified Funk–Hecke eigenvalues μ_k(σ; n) of any activation by quadrature (SPEC §0.2, F3, F4).

    μ_k(σ; n) = c_n ∫_{-1}^{1} σ(t) P_k^{(n)}(t) (1-t²)^{(n-3)/2} dt,   c_n = Γ(n/2)/(√π Γ((n-1)/2)).

Method (every truncation bounded; all k ≤ K from one set of evaluations):

1. **parity**: degrees that vanish by the activation's *proved* parity are exact zeros (an even
   polynomial is orthogonal to P_k for k above its degree, an odd function to even P_k, ...);
2. **large n**: the weight concentrates in |t| ≲ 1/√n, so [-1, 1] is truncated to [-T, T] with
   ∫_T^1 |σ P_k| (1-t²)^s dt ≤ G ∫_T^1 (t/T)(1-t²)^s dt = G (1-T²)^{s+1}/(2T(s+1)), s = (n-3)/2,
   where G ≥ sup_{[-1,1]}|σ| (ball evaluation) and |P_k| ≤ 1;
3. **ends** (no truncation): for even n (half-integer power) or when σ itself is not analytic at ±1,
   t = ±(1 - u²) on |t| ≥ 1 - δ turns the weight into 2u^{n-2}(2-u²)^{(n-3)/2} du, analytic at u = 0;
   if σ is singular at the end, [0, ε] in u is bounded explicitly by 2 G max(1, 2^{(n-3)/2}) ε^{n-1}/(n-1);
4. **pieces**: the rest is split at the kinks and integrated against the whole family P_0..P_K at
   once by :func:`~hardverify.numeric.quadrature.integrate_family` (Gauss–Legendre with a Bernstein-
   ellipse bound), with sup|P_m| on each cell from Laplace's integral (:mod:`.gegenbauer`);
5. **tolerances**: first absolute, 10^{-dps-1} G/√N(n,k) (Cauchy–Schwarz: |μ_k| ≤ ‖σ‖/√N(n,k)),
   then 10^{-dps} relative for every eigenvalue certified non-zero, until dps digits are certain.

Each result is an :class:`~hardverify.numeric.enclosure.Enclosure` with dps correct significant
digits, or, for a value far below its natural size, a ball inside [-ε_k, ε_k] with
ε_k = 10^{-dps} G/√N(n,k) (so |μ_k| ≤ ε_k is certified).

>>> import hardverify as hv
>>> mu = funk_hecke_eigenvalues(hv.activation("relu"), 3, 4, dps=30)
>>> mu[2].contains("0.0625"), mu[4].matches("-0.0104166666666666666666666666667")   # SPEC V10
(True, True)
"""

from __future__ import annotations

import math

import sympy as sp
from flint import acb, arb, ctx, fmpq

from ..core.activations import Activation, t
from ..core.arbeval import compile_expr
from ..core.counting import harmonic_dimension
from ..errors import DomainError, NotCertified, ResourceLimit
from .enclosure import Enclosure
from .gegenbauer import EndFamily, GegenbauerFamily
from .precision import bits_for_dps, refine_tolerances
from .quadrature import N_MAX, integrate_family

__all__ = ["funk_hecke_eigenvalues", "weight_constant", "surface_factor", "sup_abs", "clipped_pieces",
           "recurrence_guard_bits", "MAX_QUADRATURE_DEGREE"]

#: the largest degree of the quadrature route (Gauss–Legendre rules of ≤ 512 nodes must integrate P_k).
MAX_QUADRATURE_DEGREE = 800
_MAX_PASSES = 6
_DELTA = fmpq(1, 4)            # end regions |t| ≥ 1 - δ use t = ±(1 - u²), u ∈ [0, 1/2]


def weight_constant(n: int) -> arb:
    """c_n = Γ(n/2)/(√π Γ((n-1)/2)) at the ambient precision.

    Parameters
    ----------
    n : int
        The dimension, ``n >= 2``.

    Returns
    -------
    flint.arb
        A ball containing c_n (1/π for n = 2).

    Examples
    --------
    >>> from flint import ctx
    >>> with ctx.workprec(80):
    ...     print(weight_constant(3).contains(fmpq(1, 2)), weight_constant(2).contains(1 / arb.pi()))
    True True
    """
    if n == 2:
        return 1 / arb.pi()
    return ((arb(n) / 2).lgamma() - (arb(n - 1) / 2).lgamma()).exp() / arb.pi().sqrt()


def surface_factor(n: int) -> arb:
    """|S^{n-1}| = 2 π^{n/2}/Γ(n/2) at the ambient precision.

    Parameters
    ----------
    n : int
        The dimension, ``n >= 2``.

    Returns
    -------
    flint.arb
        A ball containing |S^{n-1}| (log-Gamma, so n = 10⁶ does not overflow).

    Examples
    --------
    >>> from flint import ctx
    >>> with ctx.workprec(80):
    ...     print(surface_factor(3).overlaps(4 * arb.pi()))
    True
    """
    return 2 * (arb(n) / 2 * arb.pi().log() - (arb(n) / 2).lgamma()).exp()


# ------------------------------------------------------------------------------ the activation on [-1, 1]
_U = sp.Symbol("u", positive=True)


def _rewrite(expr):
    """acos x = π/2 - asin x, asin x = 2 atan(x/(1 + √(1-x²))) (exact on [-1, 1]; the latter stays finite at ±1)."""
    expr = expr.replace(sp.acos, lambda x: sp.pi / 2 - sp.asin(x))
    return expr.replace(sp.asin, lambda x: 2 * sp.atan(x / (1 + sp.sqrt(1 - x ** 2))))


def clipped_pieces(act: Activation):
    """(left, right, f, expr) for the analytic pieces meeting (-1, 1), clipped to [-1, 1] (exact endpoints).

    Parameters
    ----------
    act : Activation
        The activation.

    Returns
    -------
    list of tuple
        ``(left, right, f, expr)``: exact endpoints in [-1, 1], the ball function of the piece (acos
        rewritten as π/2 - asin) and its sympy expression.
    """
    out = []
    for p in act.pieces:
        lo, hi = sp.Max(p.left, -1), sp.Min(p.right, 1)
        if bool(lo < hi):
            expr = p.expr.replace(sp.acos, lambda x: sp.pi / 2 - sp.asin(x))
            out.append((lo, hi, compile_expr(expr, t), p.expr))
    return out


def _end_function(expr, sign: int):
    """u ↦ σ(sign·(1 - u²)) compiled after exact simplification: radicands are factored so that
    √(1 - t²) becomes u√(2 - u²), analytic at u = 0 (ball arithmetic cannot see through the cancellation)."""
    e = _rewrite(expr).subs(t, sign * (1 - _U ** 2))
    e = e.replace(lambda x: x.is_Pow and x.exp.is_Rational and not x.exp.is_Integer,
                  lambda x: sp.factor(x.base) ** x.exp)
    return compile_expr(e, _U)


def sup_abs(pieces, depth: int = 14) -> arb:
    """An upper bound of sup_{[-1,1]} |σ| by ball evaluation (bisecting where a ball is too wide).

    A real ball that leaves the domain of a function (√(1-t²) or asin t at a ball poking past t = 1)
    is re-evaluated as a complex ball with ``analytic=False``: the principal branches agree with the
    real function on [-1, 1], so the complex enclosure also bounds the real values.

    Parameters
    ----------
    pieces : list
        The output of :func:`clipped_pieces`.
    depth : int
        The bisection depth limit.

    Returns
    -------
    flint.arb
        An exact upper bound G ≥ sup_{[-1,1]} |σ|.

    Raises
    ------
    DomainError
        If σ is not bounded on [-1, 1] (the bisection limit is reached).
    """
    from ..core.arbeval import enclose_constant
    best = arb(0)
    with ctx.workprec(64):
        for lo, hi, f, _ in pieces:
            a, b = enclose_constant(lo), enclose_constant(hi)
            stack = [(a + (b - a) * fmpq(i, 16), a + (b - a) * fmpq(i + 1, 16), 0) for i in range(16)]
            while stack:
                x0, x1, d = stack.pop()
                ball = arb.union(x0, x1)
                v = f(ball, False)
                if not v.is_finite():
                    v = f(acb(ball), False)
                if v.is_finite() and v.rad() < 1e6 * (1 + abs(v.mid())):
                    best = best.max(v.abs_upper())
                    continue
                if d >= depth:
                    raise DomainError(
                        f"the activation is not bounded on [-1, 1] near t = {float(x0.mid()):.6g}; Funk–Hecke "
                        "eigenvalues need σ bounded (hence integrable against (1-t²)^((n-3)/2)) on [-1, 1]")
                m = (x0 + x1) / 2
                stack += [(x0, m, d + 1), (m, x1, d + 1)]
    return best.upper()


def recurrence_guard_bits(n: int, K: int) -> int:
    """Bits lost by ball arithmetic in the recurrence F2.1 up to degree K on |t| ≤ 1.

    The radius can grow by |a_ℓ t| + b_ℓ ≤ (3ℓ + n - 2)/(ℓ + n - 2) per step (a_ℓ, b_ℓ the recurrence
    coefficients) while |P_ℓ| ≤ 1, so this many extra bits keep the rounding error of the family sums
    at the level of the working precision (about 1.6 K bits for small n, few bits for n ≫ K).

    Parameters
    ----------
    n : int
        The dimension, ``n >= 2``.
    K : int
        The largest degree.

    Returns
    -------
    int
        The extra bits, ``>= 1``.

    Examples
    --------
    >>> recurrence_guard_bits(3, 100) > recurrence_guard_bits(10**6, 100)       # the growth is mild for n ≫ K
    True
    """
    return int(sum(math.log2((3 * ell + n - 2) / (ell + n - 2)) for ell in range(1, K))) + 1


def _log2_upper(x: arb) -> float:
    """log2 of the upper end of a positive ball, as a float for planning (no underflow below 1e-308)."""
    return float(x.upper().log() / arb(2).log())


def _analytic_at(f, x: int) -> bool:
    with ctx.workprec(64):
        v = f(acb(arb(x, arb("1e-8"))), True)
    return v.is_finite()


# ------------------------------------------------------------------------------ integrands
def _weight_t(n: int):
    s2 = n - 3                                       # w = (1-x²)^{s2/2}

    def w(x, analytic):
        base = 1 - x * x
        if s2 % 2 == 0:
            return base ** (s2 // 2)
        r = base.sqrt(analytic=analytic) if isinstance(base, acb) else base.sqrt()
        return r ** s2 if s2 >= 0 else 1 / r
    return w


def _integrand_t(f, n: int):
    w = _weight_t(n)
    return lambda x, analytic: f(x, analytic) * w(x, analytic)


def _integrand_u(f_u, n: int):
    """u ↦ 2 σ(±(1-u²)) u^{n-2} (2-u²)^{(n-3)/2}, from t = ±(1 - u²), with f_u(u) = σ(±(1-u²))."""
    s2 = n - 3

    def F(u, analytic):
        uu = u * u
        base = 2 - uu
        if s2 % 2 == 0:
            w = base ** (s2 // 2)
        else:
            r = base.sqrt(analytic=analytic) if isinstance(base, acb) else base.sqrt()
            w = r ** s2 if s2 >= 0 else 1 / r
        return 2 * f_u(u, analytic) * u ** (n - 2) * w
    return F


# ------------------------------------------------------------------------------ the plan
def _truncation(n: int, G: arb, tol: arb):
    """The smallest dyadic T ≤ 7/8 with c_n 2 G (1-T²)^{s+1}/(2T(s+1)) ≤ tol, with that bound; else None."""
    s1 = arb(n - 1) / 2                               # s + 1
    cn = weight_constant(n)
    for j in range(1, 57):
        T = fmpq(j, 64)
        bT = arb(T)
        bound = cn * 2 * G * (1 - bT * bT) ** s1 / (2 * bT * s1)
        if bound <= tol:
            return T, bound.upper()
    return None, None


def _tasks(pieces, n: int, T, G: arb, tol: arb):
    """Integration tasks (F, lo, hi, family, sign, variable) and the explicit bound for what they leave out."""
    fam_t, fam_u = GegenbauerFamily(n), EndFamily(n)
    tasks, left_out = [], arb(0)
    d = sp.Rational(_DELTA.p, _DELTA.q)
    if T is not None:
        lo_t, hi_t = -sp.Rational(T.p, T.q), sp.Rational(T.p, T.q)
        ends = {}
    else:
        f_lo, f_hi = pieces[0][2], pieces[-1][2]
        ends = {s: (n % 2 == 0 or not _analytic_at(f, s)) for s, f in ((-1, f_lo), (1, f_hi))}
        lo_t = -1 + d if ends[-1] else sp.Integer(-1)
        hi_t = 1 - d if ends[1] else sp.Integer(1)
    for lo, hi, f, _ in pieces:
        a, b = sp.Max(lo, lo_t), sp.Min(hi, hi_t)
        if bool(a < b):
            tasks.append((_integrand_t(f, n), a, b, fam_t, 1, "t"))
    for s, needed in ends.items():
        if not needed:
            continue
        for lo, hi, _f, expr in pieces:
            # the piece ∩ {s t ≥ 1 - δ}, in u = √(1 - s t) (decreasing in s t)
            a, b = (sp.Max(lo, 1 - d), hi) if s == 1 else (lo, sp.Min(hi, -1 + d))
            if not bool(a < b):
                continue
            ua, ub = (sp.sqrt(1 - b), sp.sqrt(1 - a)) if s == 1 else (sp.sqrt(1 + a), sp.sqrt(1 + b))
            f_u = _end_function(expr, s)
            if ua == 0 and not _analytic_at(f_u, 0):
                # σ is singular at the end even in u: bound [0, ε] by 2 G max(1, 2^{(n-3)/2}) ε^{n-1}/(n-1)
                # (2-u²)^{(n-3)/2} ≤ max(1, 2^{(n-3)/2}) on [0, ε]; in ball arithmetic (a float power of 2
                # may round down, and overflows for n > 2051); floats only choose ε
                cfac = arb(1).max(arb(2) ** (arb(n - 3) / 2))
                e = (_log2_upper(tol) + math.log2(n - 1) - 4 - _log2_upper(G) - max(0.0, (n - 3) / 2)) / (n - 1)
                ua = sp.Rational(1, 2 ** (max(8, int(-e) + 1) if math.isfinite(e) else 8))
                left_out += 2 * G * cfac * arb(fmpq(int(ua.p), int(ua.q))) ** (n - 1) / (n - 1)
            tasks.append((_integrand_u(f_u, n), ua, ub, fam_u, s, "u"))
    return tasks, left_out


def _integrate(tasks, M: int, tol_I, prec_floor: int):
    """Σ over tasks of ∫ F p_m (m ≤ M), each task within a share of tol_I."""
    share = len(tasks)
    sums = [arb(0)] * (M + 1)
    work = prec_floor
    for F, a, b, fam, sign, var in tasks:
        if var == "t":
            tq = [(x / share).upper() for x in tol_I]
            part, rep = integrate_family(F, a, b, fam, M, tq, prec_floor=prec_floor)
        else:
            # EndFamily index 2m is P_m; odd indices are not needed (their tolerance is irrelevant)
            tq = [(tol_I[j // 2] / share).upper() if j % 2 == 0 else arb(10) ** 300 for j in range(2 * M + 1)]
            raw, rep = integrate_family(F, a, b, fam, 2 * M, tq, prec_floor=prec_floor)
            with ctx.workprec(rep.prec):             # P_m(-(1-u²)) = (-1)^m P_m(1-u²)
                part = [raw[2 * m] if sign == 1 or m % 2 == 0 else -raw[2 * m] for m in range(M + 1)]
        work = max(work, rep.prec)
        with ctx.workprec(work):
            sums = [x + y for x, y in zip(sums, part)]
    return sums, work


def funk_hecke_eigenvalues(act: Activation, n: int, K: int, *, dps: int, measure: str = "normalized") -> list:
    """Certified [μ_0, ..., μ_K] (λ_k = |S^{n-1}| μ_k with ``measure="surface"``); see the module docstring.

    Arguments are validated by the public API (:func:`hardverify.sphere.funk_hecke_eigenvalues`).

    Parameters
    ----------
    act : Activation
        A bounded activation on [-1, 1] (analytic pieces between kinks).
    n : int
        The dimension, ``n >= 2``.
    K : int
        The largest degree, ``K <= 800``.
    dps : int
        Certified decimal digits.
    measure : {"normalized", "surface"}
        The measure.

    Returns
    -------
    list of Enclosure
        K + 1 certified balls: ``dps`` digits, or |μ_k| ≤ 10^{-dps} G/√N(n,k) for values far below that
        size; degrees that vanish by proved parity are the exact ball 0.

    Raises
    ------
    ResourceLimit
        If ``K > 800``.
    NotCertified
        If the end regions need ``K > 511``, or the digits are not reached within the passes.
    DomainError
        If σ is not bounded on [-1, 1].

    Examples
    --------
    >>> import sympy as sp, hardverify as hv
    >>> mu = funk_hecke_eigenvalues(hv.activation("relu"), 4, 3, dps=20)        # even n: end substitution
    >>> mu[1].contains(sp.Rational(1, 8)), mu[3].contains(hv.funk_hecke("relu", 4, 3))   # μ_1 = 1/(2n)
    (True, True)
    """
    surface = measure == "surface"
    if K > MAX_QUADRATURE_DEGREE:
        raise ResourceLimit(f"the quadrature route takes degrees k ≤ {MAX_QUADRATURE_DEGREE}, got {K}; for "
                          "larger k use algorithm='series' (analytic σ) or the exact route (piecewise polynomials)")
    zero = [act.parity.vanishes(k) for k in range(K + 1)]
    live = [k for k in range(K + 1) if not zero[k]]
    pieces = clipped_pieces(act)
    G = sup_abs(pieces)
    ten = arb(10)
    with ctx.workprec(64):
        cn = weight_constant(n)
        scale = [(G / arb(harmonic_dimension(n, k)).sqrt()).upper() for k in range(K + 1)]
        tol = [(ten ** (-dps - 1) * s).upper() for s in scale]          # absolute target for μ_k
    prec_floor = bits_for_dps(dps) + 32 + recurrence_guard_bits(n, K)
    result, pending = None, live
    for _ in range(_MAX_PASSES):
        with ctx.workprec(64):
            tol_I = [(tol[k] / cn / 2).upper() if not zero[k] else ten ** 300 for k in range(K + 1)]
            tmin = min((tol_I[k] for k in live), default=ten ** -dps)
            T, far = _truncation(n, G, (tmin * cn / 4).upper())
            tasks, left_out = _tasks(pieces, n, T, G, (tmin / 4).upper())
            tail = (far if T is not None else arb(0)) + cn * left_out
        if 2 * K > 2 * N_MAX - 1 and any(task[5] == "u" for task in tasks):
            # next to t = ±1 the family is P_k(1 - u²), of degree 2k in u
            raise NotCertified(f"the quadrature route needs k ≤ {N_MAX - 1} at n = {n} (its end regions "
                               f"integrate P_k(±(1 - u²)), of degree 2k); got k = {K}: lower k, or use "
                               "algorithm='series' (σ analytic near 0) or the exact route")
        sums, work = _integrate(tasks, K, tol_I, prec_floor) if tasks else ([arb(0)] * (K + 1), prec_floor)
        with ctx.workprec(work + 16):
            c = weight_constant(n)
            if surface:
                c = c * surface_factor(n)
                tail = tail * surface_factor(n)
            balls = [None if zero[k] else c * sums[k] + arb(0, tail.upper()) for k in range(K + 1)]
            sizes = [(scale[k] * (surface_factor(n) if surface else 1)).upper() for k in range(K + 1)]
            floors = {k: (ten ** (-dps) * sizes[k]).upper() for k in live}
        tols = dict(enumerate(tol))
        pending = refine_tolerances({k: balls[k] for k in live}, tols, dps, floors, factor=8)
        tol = [tols[k] for k in range(K + 1)]
        result = balls
        if not pending:
            break
        prec_floor = max(prec_floor, work) + 64          # really raise the precision (see numeric.hermite)
    else:
        raise NotCertified(f"could not certify μ_k for k = {pending[:5]} of {act.label} at n = {n} to {dps} "
                           f"digits after {_MAX_PASSES} passes; lower dps or k")
    return [Enclosure(arb(0), dps) if b is None else Enclosure(b, dps, scale=sizes[k], bound=True)
            for k, b in enumerate(result)]
