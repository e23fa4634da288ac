"""Certified Hermite coefficients of any activation (SPEC §0.1, H1–H5).

Definition as in :mod:`hardverify.symbolic.hermite`:
c_m(σ) = E[σ(g) He_m(g)] / √(m!) (orthonormal, default), b_m = E[σ He_m]/m!
(``"probabilists"``) or d_m (``"physicists"``, σ = Σ d_m H_m in L²(e^{-x²})).

Method (every truncation bounded; see :mod:`hardverify.numeric.quadrature` and
:mod:`hardverify.numeric.tails`):

1. coefficients that vanish by the activation's *proved* parity are exact zeros;
2. the real line is cut at the kinks and truncated to [-L, L], with L chosen so
   that the explicit tail bound is below a quarter of the tolerance;
3. on each analytic piece, σ(t)φ(t) is integrated against He_0..He_M at once by
   certified Gauss–Legendre quadrature, with sup |He_m| on [lo, hi] bounded by
   E[(t² + Z²)^{m/2}] at t = max(|lo|, |hi|) (He_m(t) = E[(t + iZ)^m]);
4. the tolerance starts absolute (10^{-dps}) and is then tightened to 10^{-dps}
   relative for every coefficient that is certified non-zero, raising the
   working precision until the requested digits are certain.

The result for each m is an :class:`~hardverify.numeric.enclosure.Enclosure` with
either ``dps`` correct significant digits, or, when the value is too small to
resolve, radius ≤ 10^{-dps}·max_m |c_m| around a ball that contains 0.

>>> import hardverify as hv
>>> c = hv.hermite_coefficient(hv.activation("sigmoid"), 3, dps=30)
>>> c.matches("-0.0254732579073234166703436797642")           # SPEC V7 (a rounded reference)
True
>>> c.rel_accuracy_digits() >= 30
True
"""

from __future__ import annotations

import functools
import math

import sympy as sp
from flint import arb, ctx, fmpq

from ..core.activations import Activation, activation, t
from ..core.arbeval import compile_expr, enclose_constant
from ..core.conventions import NORMALIZATIONS
from ..errors import NotCertified, ResourceLimit
from ..validate import as_choice, as_dps, as_nonneg_int
from .enclosure import Enclosure
from .precision import bits_for_dps, refine_tolerances
from .quadrature import N_MAX, integrate_family
from .tails import hermite_tail_bound

__all__ = ["HermiteFamily", "hermite_coefficients", "hermite_coefficient", "MAX_NUMERIC_DEGREE", "as_certified_degree"]

#: the largest degree the certified layer accepts: the largest (N_MAX = 512-point) Gauss–Legendre rule
#: integrates degree 2·512 - 1 = 1023 exactly, and bisection cannot raise that.
MAX_NUMERIC_DEGREE = 2 * N_MAX - 1
_MAX_PASSES = 6


class HermiteFamily:
    """The probabilists' Hermite polynomials He_m as a quadrature family."""

    def sup_bounds(self, lo: arb, hi: arb, M: int) -> list[arb]:
        """Upper bounds of sup |He_m| on [lo, hi] for m = 0..M (the quadrature family protocol).

        |He_m(t)| ≤ E[(t² + Z²)^{m/2}], Z ~ N(0, 1), since He_m(t) = E[(t + iZ)^m]; the bound increases in |t|
        and is evaluated at an exact dyadic upper bound of max(|lo|, |hi|) in rational arithmetic.

        Parameters
        ----------
        lo, hi : flint.arb
            The interval.
        M : int
            The largest degree.

        Returns
        -------
        list of flint.arb
            Exact upper bounds of sup_{[lo, hi]} |He_m|, m = 0..M.
        """
        # |He_m(t)| ≤ E[(t² + Z²)^{m/2}] =: μ_{m/2}(t²) since He_m(t) = E[(t + iZ)^m]; μ_q is increasing in
        # |t|, so evaluate it at an exact dyadic upper bound x of max(|lo|, |hi|).
        x = abs(lo).max(abs(hi)).upper()
        man, exp = x.man_exp()
        return _moment_bounds(fmpq(int(man)) * fmpq(2) ** int(exp) if exp >= 0
                              else fmpq(int(man), 2 ** (-int(exp))), M)

    def accumulate(self, xs, vs, M: int) -> list[arb]:
        """The weighted sums Σ_i v_i He_m(x_i), m = 0..M (the quadrature family protocol).

        Parameters
        ----------
        xs, vs : sequence of flint.arb
            The nodes x_i and the weighted integrand values v_i = w_i f(x_i).
        M : int
            The largest degree.

        Returns
        -------
        list of flint.arb
            Σ_i v_i He_m(x_i) for m = 0..M (He_m by its three-term recurrence at each node).
        """
        acc = [arb(0)] * (M + 1)
        for x, v in zip(xs, vs):
            a, b = v, v * x
            acc[0] += a
            if M >= 1:
                acc[1] += b
            for k in range(1, M):
                a, b = b, x * b - k * a
                acc[k + 1] += b
        return acc


@functools.lru_cache(maxsize=4096)
def _moment_bounds(x: fmpq, M: int) -> list[arb]:
    """Upper bounds of E[(x² + Z²)^{m/2}], m = 0..M.

    μ_q(u) = E[(u + Z²)^q] satisfies μ_{q+1} = (u + 1 + 2q) μ_q - 2uq μ_{q-1} (from the moment
    generating function e^{us}(1 - 2s)^{-1/2}); it is run in exact rational arithmetic (the
    subtraction would lose accuracy in ball arithmetic).  For odd m = 2q + 1,
    E[A^{q+1/2}] ≤ √(E[A^q] E[A^{q+1}]) (Cauchy–Schwarz).
    """
    u = x * x
    mu = [fmpq(1), u + 1]
    for q in range(1, M // 2 + 1):
        mu.append((u + 1 + 2 * q) * mu[q] - 2 * u * q * mu[q - 1])
    out = []
    for m in range(M + 1):
        q = m // 2
        b = arb(mu[q]) if m % 2 == 0 else (arb(mu[q]) * arb(mu[q + 1])).sqrt()
        out.append(b.upper())
    return out


_HERMITE = HermiteFamily()


def _arb_upper(value) -> arb:
    with ctx.workprec(64):
        return enclose_constant(sp.sympify(value)).upper()


def _choose_L(growth, ms, tols):
    A, p, a = (_arb_upper(v) for v in (growth.A, growth.p, growth.a))
    L = max(4, int(math.ceil(float(2 * a + 1))))
    with ctx.workprec(64):
        while L <= 100_000:
            bL = arb(L)
            if all(2 * hermite_tail_bound(A, p, a, m, bL) <= tols[m] for m in ms):
                tails = [2 * hermite_tail_bound(A, p, a, m, bL) for m in range(len(tols))]
                return L, tails
            L += max(1, L // 8)
    raise NotCertified("the Gaussian tail could not be bounded below the tolerance (L > 1e5); "
                       "lower dps or check the activation's growth bound")


def _clip(piece, L: int):
    """The exact span of a piece inside [-L, L] (sympy numbers), or None if empty."""
    lo = sp.Max(piece.left, -L)
    hi = sp.Min(piece.right, L)
    if not bool(lo < hi):
        return None
    return lo, hi


def _integrand(piece_expr):
    f = compile_expr(piece_expr, t)

    def F(x, analytic):
        return f(x, analytic) * (-(x * x) / 2).exp() / (2 * arb.pi()).sqrt()
    return F


def _certify(act: Activation, M: int, dps: int, divisor):
    """Enclosures of E[σ He_m]/divisor(m) for m = 0..M (None where parity proves 0)."""
    zero = [act.parity.vanishes(m) for m in range(M + 1)]
    live = [m for m in range(M + 1) if not zero[m]]
    ten = arb(10)
    with ctx.workprec(64):
        div = [divisor(m) for m in range(M + 1)]
        tol_c = [ten ** (-dps - 1) for _ in range(M + 1)]
    growth = act.growth
    pieces = [(p, _integrand(p.expr)) for p in act.pieces]
    prec_floor = bits_for_dps(dps) + 32
    result = None
    for _ in range(_MAX_PASSES):
        with ctx.workprec(64):
            tol_I = [(tol_c[m] * div[m]).upper() for m in range(M + 1)]
            for m in range(M + 1):
                if zero[m]:
                    tol_I[m] = tol_I[m] * ten ** 300     # ignored degrees must not drive the rule
        L, tails = _choose_L(growth, live, [x / 4 for x in tol_I])
        sums = [arb(0)] * (M + 1)
        work = prec_floor
        for piece, F in pieces:
            span = _clip(piece, L)
            if span is None:
                continue
            lo, hi = span
            with ctx.workprec(64):
                frac = enclose_constant((hi - lo) / (2 * L))
                tq = [(x / 2 * frac).upper() for x in tol_I]
            part, rep = integrate_family(F, lo, hi, _HERMITE, M, tq, prec_floor=prec_floor)
            work = max(work, rep.prec)
            with ctx.workprec(work):
                sums = [s + q for s, q in zip(sums, part)]
        with ctx.workprec(work):
            balls = [None if zero[m] else (sums[m] + arb(0, tails[m].upper())) / divisor(m)
                     for m in range(M + 1)]
            scale = max((b.abs_upper() for b in balls if b is not None), default=arb(0))
            floor = (scale * ten ** (-dps)).upper()
        tols = dict(enumerate(tol_c))
        pending = refine_tolerances({m: balls[m] for m in live}, tols, dps, {m: floor for m in live}, factor=4)
        tol_c = [tols[m] for m in range(M + 1)]
        result = balls
        if not pending:
            break
        # the planner's rounding estimate can be optimistic (the He_m recurrence cancels at high m): each pass
        # must really raise the working precision, not only the floor below what the planner already chose
        prec_floor = max(prec_floor, work) + 64
    else:
        raise NotCertified(
            f"could not certify the Hermite coefficients m = {pending[:5]} of {act.label} to {dps} digits "
            f"after {_MAX_PASSES} passes; lower dps or m_max"
        )
    return [Enclosure(arb(0), dps) if b is None else Enclosure(b, dps, scale=scale.upper(), bound=True) for b in result]


def as_certified_degree(m, what: str = "degree m") -> int:
    """A degree for certified Hermite coefficients: an int in [0, :data:`MAX_NUMERIC_DEGREE`].

    Parameters
    ----------
    m : int
        The degree (Python, numpy or sympy integer).
    what : str
        Its name, for the message.

    Returns
    -------
    int
        ``int(m)``.

    Raises
    ------
    DomainError
        If m is not a non-negative integer.
    ResourceLimit
        If m > 1023 (what the 512-point rules integrate); the message says what to do instead.

    Examples
    --------
    >>> as_certified_degree(1023)
    1023
    >>> as_certified_degree(1100)
    Traceback (most recent call last):
    ...
    hardverify.errors.ResourceLimit: degree m must be at most 1023 for certified coefficients ...got 1100; ...
    """
    m = as_nonneg_int(m, what)
    if m > MAX_NUMERIC_DEGREE:
        raise ResourceLimit(f"{what} must be at most {MAX_NUMERIC_DEGREE} for certified coefficients (the "
                            f"{N_MAX}-point Gauss–Legendre rules integrate degree ≤ {MAX_NUMERIC_DEGREE}), got {m}; "
                            "lower the degree, or drop dps= for the exact route where a closed form exists")
    return m


def _resolve(act):
    return activation(act) if not isinstance(act, Activation) else act


def hermite_coefficients(act, m_max: int, *, dps: int, normalization: str = "orthonormal") -> list[Enclosure]:
    """Certified enclosures of [c_0, ..., c_{m_max}] (see the module docstring).

    Parameters
    ----------
    act : Activation or str
        Any activation with a growth bound (its pieces are compiled to ball arithmetic).
    m_max : int
        Largest degree, 0 ≤ m_max ≤ 1023 (:data:`MAX_NUMERIC_DEGREE`: what 512-point rules integrate).
    dps : int
        Requested correct significant decimal digits.
    normalization : {"orthonormal", "probabilists", "physicists"}
        The basis, as in :func:`hardverify.hermite_coefficients`.

    Returns
    -------
    list of Enclosure
        ``m_max + 1`` certified balls: ``dps`` correct digits, or radius ≤ 10^{-dps}·max_m |c_m| for a value
        too small to resolve; coefficients that vanish by proved parity are the exact ball 0.

    Raises
    ------
    NotCertified
        If the requested digits cannot be certified (the message says what to change).
    DomainError
        If ``m_max`` is not a non-negative integer, ``dps`` is not a positive integer or ``normalization``
        is not allowed; or σ is not integrable against the Gaussian (its growth bound).
    ResourceLimit
        If ``m_max > 1023`` or ``dps > 5000``.

    Examples
    --------
    >>> import sympy as sp, hardverify as hv
    >>> q = hermite_coefficients("relu", 6, dps=25)                  # certified quadrature, no closed forms read
    >>> all(e.contains(c) for e, c in zip(q, hv.hermite_coefficients("relu", 6)))
    True
    >>> q[3].is_exact_zero(), q[5].is_exact_zero()                   # ReLU - t/2 is even: odd m ≥ 3 vanish
    (True, True)
    """
    act = _resolve(act)
    M = as_certified_degree(m_max, "degree m_max")
    dps = as_dps(dps)
    normalization = as_choice(normalization, NORMALIZATIONS, "normalization")
    if normalization == "orthonormal":
        return _certify(act, M, dps, lambda m: arb.fac_ui(m).sqrt())
    if normalization == "probabilists":
        return _certify(act, M, dps, lambda m: arb.fac_ui(m))
    inner = act.affine(1 / sp.sqrt(2), 0)       # d_m(σ) = 2^{-m/2} b_m(σ(·/√2))
    return _certify(inner, M, dps, lambda m: arb.fac_ui(m) * arb(2) ** (arb(m) / 2))


def hermite_coefficient(act, m: int, *, dps: int, normalization: str = "orthonormal") -> Enclosure:
    """Certified enclosure of c_m(σ); see :func:`hermite_coefficients`.

    Parameters
    ----------
    act : Activation or str
        Any activation with a growth bound.
    m : int
        The degree, ``0 <= m <= 1023`` (what the 512-point quadrature rules integrate).
    dps : int
        Requested correct significant decimal digits.
    normalization : {"orthonormal", "probabilists", "physicists"}
        The basis.

    Returns
    -------
    Enclosure
        The certified ball (computed with the whole table c_0..c_m).

    Raises
    ------
    DomainError, ResourceLimit, NotCertified
        As in :func:`hermite_coefficients`.

    Examples
    --------
    >>> import hardverify as hv
    >>> c = hermite_coefficient("sign", 1, dps=20)               # c_1(sign) = E|g| = √(2/π)
    >>> c.contains(hv.hermite_coefficient("sign", 1)) and c.rel_accuracy_digits() >= 20
    True
    """
    m = as_certified_degree(m, "degree m")
    return hermite_coefficients(act, m, dps=dps, normalization=normalization)[m]
