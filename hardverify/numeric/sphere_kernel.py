"""Certified zonal kernels on the sphere for any activation, by the Gegenbauer (Funk–Hecke) series (SPEC F5).

For unit vectors u, v with ⟨u, v⟩ = ρ and x ~ U_n (the uniform probability measure on S^{n-1}),

    K_{σ,τ}(ρ; n) = E_x[σ(⟨u,x⟩) τ(⟨v,x⟩)] = Σ_ℓ μ_ℓ(σ; n) μ_ℓ(τ; n) N(n, ℓ) P_ℓ^{(n)}(ρ),

with μ_ℓ the Funk–Hecke eigenvalues for the normalised measure (SPEC §0.2) and P_ℓ^{(n)}(1) = 1 (F2).  (By
symmetry this is also E_{w~U_n}[σ(⟨w,x⟩) τ(⟨w,y⟩)] for fixed unit x, y with ⟨x,y⟩ = ρ: SPEC F5's κ.)
This module sums **combinations** Σ_j w_j K_{σ,τ}(ρ_j; n) (one kernel is the case of one term; the GGJKK
norm G3 is Σ_j (-1)^j C(k,j) K(1 - 2j/k)), as

    Σ_ℓ μ_ℓ(σ) μ_ℓ(τ) N(n, ℓ) D_ℓ,     D_ℓ = Σ_j w_j P_ℓ^{(n)}(ρ_j)

(D_ℓ exact rationals when every w_j, ρ_j is rational: no cancellation between the kernels is paid in
precision).  **Truncation bound** after degree L: |D_ℓ| ≤ W_L = Σ_j |w_j| B_L(ρ_j) with
B_L(ρ) ≥ sup_{ℓ>L} |P_ℓ^{(n)}(ρ)| from Laplace's integral (|P_ℓ(ρ)| ≤ E[(ρ² + (1-ρ²)X)^q] for ℓ ≥ 2q,
decreasing in q, :func:`~hardverify.numeric.gegenbauer.laplace_bounds`; B_L ≤ 1, = 1 at |ρ| = 1 or n = 2), and
Parseval (Σ_ℓ μ_ℓ² N(n,ℓ) = E_{ν_n}[σ²]) with Cauchy–Schwarz gives

    |Σ_{ℓ>L} μ_ℓ(σ) μ_ℓ(τ) N D_ℓ| ≤ W_L √(T_σ T_τ),   T_σ = E_ν[σ_c²] - Σ_{ℓ≤L, ℓ∈c} μ_ℓ(σ)² N(n, ℓ),

where c is the set of degree parities that can occur (D_ℓ = 0 for odd ℓ when the terms are symmetric under
(w, ρ) ↦ (w, -ρ), for even ℓ under (w, ρ) ↦ (-w, -ρ); σ_c is σ's even part, odd part, or σ), and
E[σ_e²], E[σ_o²] = (E[σ²] ± E[σ(t)σ(-t)])/2.  A certified lower bound of the partial Parseval sum is an upper
bound of T_σ.  The 1-D moments and the eigenvalues come from callables given by the router (so this module
never reads the symbolic layer itself).

Routes by (ρ, n): a single kernel at ρ = ±1 is the 1-D moment E_ν[σ(t)τ(±t)] (no series); every other
case is the series.  For σ analytic on [-1, 1] (sigmoid, tanh, erf, GELU, softplus) μ_ℓ decays
geometrically at small n and like n^{-ℓ} at large n, so a few dozen degrees give 30 digits at n = 3 and a
handful at n = 10⁶, whatever ρ.  For σ with a kink in [-1, 1] (ReLU with a bias, hard tanh) the eigenvalues
decay only algebraically; the factor B_L(ρ) still decays like |ρ|^L at large n (like L^{-(n-2)/2} at small n),
so |ρ| < 1 is certified from n ≈ 10 on, while at n = 3 or |ρ| = 1 the bound stalls and
:class:`~hardverify.errors.NotCertified` says so (ReLU, step, |t|, sign have closed forms, used by the router).

>>> import hardverify as hv
>>> from hardverify import sphere
>>> K = sphere.random_feature_kernel("tanh", 3, "1/2", dps=30)
>>> K.rel_accuracy_digits() >= 30 and K.matches("0.118097104498397499193846298077")   # mpmath 2-D quadrature
True
"""

from __future__ import annotations

import math
from typing import Callable

import sympy as sp
from flint import arb, ctx, fmpq

from ..core.activations import Activation, t
from ..core.arbeval import enclose_constant
from ..core.counting import harmonic_dimension
from ..errors import NotCertified
from .enclosure import Enclosure
from .funk_hecke import recurrence_guard_bits
from .gegenbauer import dyadic_upper, laplace_bounds, legendre_values_arb
from .precision import bits_for_dps, meets

__all__ = ["zonal_combination", "legendre_rational", "degree_parities", "MAX_DEGREE"]

#: the largest Gegenbauer degree L of the series (beyond it the tail is refused, not guessed).
MAX_DEGREE = 384
_ATTEMPTS = 14

#: (act, L, dps) -> [μ_0, ..., μ_L] as Enclosures (the router's certified Funk–Hecke eigenvalues at dimension n)
EigenFn = Callable[[Activation, int, int], list]
#: (act, dps) -> E_{t~ν_n}[act(t)] as an Enclosure
MomentFn = Callable[[Activation, int], Enclosure]


def legendre_rational(n: int, L: int, x: fmpq) -> list:
    """[P_0^{(n)}(x), ..., P_L^{(n)}(x)] exactly (fmpq) by the recurrence F2.1, P_ℓ^{(n)}(1) = 1.

    (ℓ + n - 2) P_{ℓ+1} = (2ℓ + n - 2) x P_ℓ - ℓ P_{ℓ-1} from P_0 = 1, P_1 = x, in exact rational arithmetic:
    the D_ℓ of the module docstring for rational ρ, with no rounding.

    Parameters
    ----------
    n : int
        The dimension, ``n >= 2`` (not validated: the router passes a validated n).
    L : int
        The largest degree, ``L >= 0``.
    x : flint.fmpq
        The point (a rational, usually in [-1, 1]).

    Returns
    -------
    list of flint.fmpq
        ``L + 1`` exact values.

    Examples
    --------
    >>> legendre_rational(3, 2, fmpq(1, 2))                      # P_2(1/2) = (3/4 - 1)/2
    [1, 1/2, -1/8]
    >>> legendre_rational(7, 30, fmpq(1))[-1], legendre_rational(2, 4, fmpq(1, 2))[4]   # P(1) = 1; n = 2: T_4
    (1, -1/2)
    """
    P = [fmpq(1), x]
    for ell in range(1, L):
        P.append(((2 * ell + n - 2) * x * P[ell] - ell * P[ell - 1]) / (ell + n - 2))
    return P[: L + 1]


def _is_rational(v) -> bool:
    return isinstance(v, (int, sp.Rational)) or (isinstance(v, sp.Basic) and v.is_Rational is True)


def _fmpq(v) -> fmpq:
    q = sp.Rational(v)
    return fmpq(int(q.p), int(q.q))


def degree_parities(terms) -> tuple:
    """The degree parities ℓ mod 2 with D_ℓ = Σ_j w_j P_ℓ(ρ_j) possibly non-zero (a proof by symmetry).

    P_ℓ(-ρ) = (-1)^ℓ P_ℓ(ρ): if the weights satisfy W(-ρ) = ε W(ρ) for every ρ, then D_ℓ = ε(-1)^ℓ D_ℓ, so
    D_ℓ = 0 unless (-1)^ℓ = ε.  Weights are compared exactly (structurally after ``radsimp``); an undecided
    comparison keeps both parities (a weaker bound, never a wrong one).

    Parameters
    ----------
    terms : iterable of (w, ρ)
        Exact weights and correlations (ints or sympy numbers); equal ρ's are merged first.

    Returns
    -------
    tuple of int
        ``(0,)`` (only even ℓ: W(-ρ) = W(ρ)), ``(1,)`` (only odd ℓ: W(-ρ) = -W(ρ)) or ``(0, 1)``.

    Examples
    --------
    >>> degree_parities([(1, sp.Integer(1)), (-2, sp.Integer(0)), (1, sp.Integer(-1))])   # GGJKK k = 2
    (0,)
    >>> degree_parities([(1, sp.Rational(1, 2))])
    (0, 1)
    >>> degree_parities([(1, sp.Rational(1, 2)), (-1, sp.Rational(-1, 2))])     # K(1/2) - K(-1/2): odd ℓ only
    (1,)
    """
    W: dict = {}
    for w, r in terms:
        r = sp.radsimp(sp.sympify(r))
        W[r] = W.get(r, 0) + sp.sympify(w)
    out = []
    for eps, parity in ((1, 0), (-1, 1)):
        if all(sp.simplify(W.get(sp.radsimp(-r), 0) - eps * w) == 0 for r, w in W.items()):
            out.append(parity)
    return tuple(out) if out else (0, 1)


def _reflected(act: Activation) -> Activation:
    return Activation(act.expr.subs(t, -t), name=f"{act.label}(-t)")


def _product(a: Activation, b: Activation) -> Activation:
    return Activation(a.expr * b.expr, name=f"{a.label}·{b.label}")


class _Parseval:
    """E_ν[σ_c²] for the parity classes c, from E[σ²] and E[σ(t)σ(-t)] (computed only when needed)."""

    def __init__(self, act: Activation, classes: tuple, moment: MomentFn):
        self.act, self.classes, self.moment = act, classes, moment
        par = act.parity
        self.zero_class = 1 if par.is_even else (0 if par.is_odd else None)     # σ_c ≡ 0 for this class

    def value(self, d: int) -> arb:
        sq = self.moment(_product(self.act, self.act), d).ball
        if len(self.classes) == 2:
            return sq
        c = self.classes[0]
        if self.zero_class is not None:
            return arb(0) if c == self.zero_class else sq
        cross = self.moment(_product(self.act, _reflected(self.act)), d).ball
        with ctx.workprec(bits_for_dps(d) + 64):
            return (sq + cross) / 2 if c == 0 else (sq - cross) / 2


def _D_values(terms, n: int, L: int, rational: bool) -> list:
    """D_ℓ = Σ_j w_j P_ℓ(ρ_j), ℓ = 0..L: fmpq when every term is rational, else balls (ambient precision)."""
    if rational:
        D = [fmpq(0)] * (L + 1)
        for w, r in terms:
            wq = _fmpq(w)
            for ell, p in enumerate(legendre_rational(n, L, _fmpq(r))):
                D[ell] += wq * p
        return D
    D = [arb(0)] * (L + 1)
    for w, r in terms:
        wb = enclose_constant(sp.sympify(w))
        for ell, p in enumerate(legendre_values_arb(n, L, enclose_constant(sp.sympify(r)))):
            D[ell] += wb * p
    return D


def _tail_weight(terms, n: int, L: int) -> arb:
    """An upper bound of sup_{ℓ > L} |D_ℓ| ≤ Σ_j |w_j| sup_{ℓ > L} |P_ℓ^{(n)}(ρ_j)| (ambient precision).

    Laplace's integral gives |P_ℓ(ρ)| ≤ f_q(ρ²) for ℓ ≥ 2q with f_q = E[(ρ² + (1-ρ²)X)^q] decreasing in q
    (:func:`~hardverify.numeric.gegenbauer.laplace_bounds`), so the tail after L decays like |ρ|^L at large n
    and like L^{-(n-2)/2} at small n for |ρ| < 1; at |ρ| = 1 (and for n = 2) the bound is |w_j|.
    """
    q = (L + 1) // 2
    total = arb(0)
    for w, r in terms:
        if _is_rational(r):
            x = _fmpq(abs(r))
        else:
            x = dyadic_upper(abs(enclose_constant(sp.sympify(r))))
        x = min(x, fmpq(1))
        total += abs(enclose_constant(sp.sympify(w))) * laplace_bounds(n, x, 2 * q)[2 * q]
    return total


def _start_degree(n: int, dps: int) -> int:
    return min(MAX_DEGREE, max(8, int(1.3 * dps / max(1.0, math.log10(n))) + 6))


def zonal_combination(sigma: Activation, tau: Activation | None, n: int, terms, dps: int, *,
                      eigen: EigenFn, moment: MomentFn, series_only: bool = False,
                      relative: bool = False) -> Enclosure:
    """Certified Σ_j w_j K_{σ,τ}(ρ_j; n) with ``dps`` digits (see the module docstring).

    Parameters
    ----------
    sigma, tau : Activation
        τ = None means τ = σ.
    n : int ≥ 2
    terms : list of (w, ρ)
        Exact weights and correlations ρ ∈ [-1, 1] (ints or sympy numbers), validated by the caller.
    dps : int
    eigen, moment : callables
        The certified Funk–Hecke eigenvalues and 1-D moments at dimension n (from the router).
    series_only : bool
        Sum the series even for a single kernel at ρ = ±1 (a check of the series against the 1-D moment).
    relative : bool
        Demand ``dps`` significant digits even for a value far below its natural size (a norm that is known
        to be non-zero, e.g. E[f_S²] ~ n^{-k}); no absolute rule at zeros.

    Returns
    -------
    Enclosure
        ``dps`` correct digits, or — for a value that may be 0, unless ``relative`` — radius
        ≤ 10^{-dps} W √(E[σ_c²] E[τ_c²]).

    Raises
    ------
    NotCertified
        When the Parseval tail does not fall below the tolerance by degree :data:`MAX_DEGREE` (σ or τ with a
        kink in [-1, 1]) or the eigenvalues cannot be certified.
    """
    same = tau is None or tau == sigma
    tau = sigma if same else tau
    terms = [(sp.sympify(w), sp.sympify(r)) for w, r in terms if sp.sympify(w) != 0]
    if not terms:
        return Enclosure(arb(0), dps)
    classes = degree_parities(terms)
    ps, pt = sigma.parity, tau.parity
    for act_par in (ps, pt):                  # an odd (even) activation has only odd (even) degrees
        if act_par.is_odd:
            classes = tuple(c for c in classes if c == 1)
        elif act_par.is_even:
            classes = tuple(c for c in classes if c == 0)
    if not classes:
        return Enclosure(arb(0), dps)
    if len(terms) == 1 and abs(terms[0][1]) == 1 and not series_only:     # ρ = ±1: the 1-D moment E[σ(t)τ(±t)]
        w, r = terms[0]
        other = tau if r == 1 else _reflected(tau)
        m = moment(_product(sigma, other), dps + 5).ball
        with ctx.workprec(bits_for_dps(dps) + 64):
            value = m * enclose_constant(w)
        if meets(value, dps):
            return Enclosure(value, dps)
    rational = all(_is_rational(w) and _is_rational(r) for w, r in terms)
    W = sum((abs(w) for w, _ in terms), sp.Integer(0))
    ev_s, ev_t = _Parseval(sigma, classes, moment), (None if same else _Parseval(tau, classes, moment))
    L, d = _start_degree(n, dps), dps + 8
    history = []
    for _ in range(_ATTEMPTS):
        mus = eigen(sigma, L, d)
        nus = mus if same else eigen(tau, L, d)
        Es = ev_s.value(d)
        Et = Es if same else ev_t.value(d)
        prec = bits_for_dps(d) + 64 + (0 if rational else recurrence_guard_bits(n, L))
        with ctx.workprec(prec):
            D = _D_values(terms, n, L, rational)
            partial, ps_s, ps_t = arb(0), arb(0), arb(0)
            for ell in range(L + 1):
                if ell % 2 not in classes:
                    continue
                N = arb(harmonic_dimension(n, ell))
                a, b = mus[ell].ball, nus[ell].ball
                partial += a * b * N * arb(D[ell])
                ps_s += a * a * N
                ps_t += b * b * N
            Ts, Tt = Es - ps_s, (Es - ps_s) if same else Et - ps_t
            Wb = enclose_constant(W)
            WL = _tail_weight(terms, n, L).min(Wb)
            tail = WL * (Ts.upper().max(arb(0)) * Tt.upper().max(arb(0))).sqrt()
            value = partial + arb(0, tail.upper())
            natural = (Wb * (Es.upper().max(arb(0)) * Et.upper().max(arb(0))).sqrt()).upper()
        if meets(value, dps, scale=0 if relative else natural):
            return Enclosure(value, dps, scale=0 if relative else natural)
        with ctx.workprec(64):
            size = natural if value.contains(0) else value.abs_lower()
            if relative and value.contains(0):           # aim below the size the partial sum suggests
                size = size.min(abs(partial.mid()).max(value.rad() * arb(10) ** -6))
            target = size * arb(10) ** (-dps) / 8
            rounding = max(Ts.rad(), Tt.rad())
            smallest = Ts.mid().min(Tt.mid())                  # the smaller Parseval tail (its midpoint)
            true_tail = WL * (Ts.mid().max(arb(0)) * Tt.mid().max(arb(0))).sqrt()
            raise_digits = bool(partial.rad() > target or (tail > target and rounding * 2 >= smallest))
            raise_degree = bool(true_tail > target)
            clean = bool(rounding * 4 < smallest)             # the tails are resolved: their decay can be fitted
            lost = float(((tail.max(partial.rad()) + target) / target).log() / arb(10).log())
        if raise_degree:
            if clean:
                if history and history[-1][0] == L:
                    history.pop()
                history.append((L, float(true_tail)))
            if L >= MAX_DEGREE or (clean and _hopeless(history, float(target))):
                kinks = [k for a in (sigma, tau) for k in a.kinks if bool(abs(k) < 1)]
                why = (f"a kink at t = {kinks[0]} in (-1, 1) makes the Funk–Hecke eigenvalues decay only "
                       "algebraically" if kinks else "the eigenvalues decay slowly at this n")
                raise NotCertified(
                    f"the Gegenbauer series of K_{{{sigma.label},{tau.label}}}(ρ; n = {n}) converges too slowly: "
                    f"after degree {L} the Parseval tail bound is {float(tail):.3g}, above the {dps}-digit "
                    f"tolerance {float(target):.3g} ({why}); lower dps, or use a larger n or |ρ| < 1")
            L = min(MAX_DEGREE, 2 * L)
        if raise_digits or not raise_degree:
            d += max(8, int(math.ceil(lost)) + 4)
    raise NotCertified(f"could not certify the zonal kernel sum of {sigma.label} at n = {n} to {dps} digits; "
                       "lower dps")


def _hopeless(history: list, target: float) -> bool:
    """True when an algebraic fit T(L) ∝ L^{-a} of the last two tails needs a degree beyond 4·MAX_DEGREE."""
    if len(history) < 2:
        return False
    (L0, T0), (L1, T1) = history[-2:]
    if L1 <= L0:
        return False
    if not (T1 > 0 and T0 > T1):
        return T1 > 0 and T0 > 0
    a = math.log(T0 / T1) / math.log(L1 / L0)
    return L1 * (T1 / target) ** (1 / a) > 4 * MAX_DEGREE
