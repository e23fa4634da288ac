"""Bivariate Gaussian expectations E[σ(U) τ(V)], (U, V) standard normal with correlation ρ.

This is the 2-D kernel every Gaussian network integral reduces to (SPEC §9.2): for units
σ(⟨u, x⟩ + b) under x ~ N(μ, Σ) only the norms, the shifted biases and the correlation ρ matter,
and the scale and bias go into the activation (``σ.affine(r, b)``).

* :func:`pair_exact` — exact (sympy): the closed-form dual kernels of
  :mod:`hardverify.symbolic.dual` for |ρ| < 1, the exact 1-D expectation E[σ(g)τ(±g)] at ρ = ±1;
  raises NoClosedForm otherwise.
* :func:`pair_certified` — a certified :class:`~hardverify.numeric.enclosure.Enclosure` for any
  activations: the Mehler series Σ_m c_m(σ) c_m(τ) ρ^m with certified coefficients and the
  Cauchy–Schwarz/Parseval tail |ρ|^{M+1} √(R_σ R_τ), R_σ = E[σ²] - Σ_{m≤M} c_m(σ)² (as in
  :mod:`hardverify.numeric.dual`, but ρ may be any algebraic number and the coefficient tables
  are cached per activation, so a network sum reuses one table for all its pairs).

:func:`hermite_table` is that cache: certified c_0..c_M of σ (``hardverify.numeric.hermite``,
quadrature independent of the symbolic layer) and the Parseval remainders.

>>> import sympy as sp, hardverify as hv
>>> relu = hv.activation("relu")
>>> e = pair_certified(relu, relu, sp.Rational(1, 2), dps=30, algorithm="series")
>>> e.matches("0.304498890522114679044498291245")        # SPEC H4, by the Mehler series
True
>>> sp.simplify(pair_exact(relu, relu, sp.Rational(1, 2)) - (sp.sqrt(3) / 2 + sp.pi / 12) / (2 * sp.pi) - sp.Rational(1, 8))
0
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import sympy as sp
from flint import arb, ctx

from ._exact import as_arb, sign_of
from .activations import Activation, t
from .errors import DomainError, NoClosedForm, NotCertified
from .hermite import gaussian_expectation
from .numeric import hermite as _nh
from .numeric.enclosure import Enclosure, bits_for_dps, enclose
from .symbolic import dual as _sdual

__all__ = ["pair_exact", "pair_certified", "hermite_table", "HermiteTable", "mehler_ball"]

#: largest Mehler truncation degree tried before giving up.
MAX_DEGREE = 1600


def _product(s: Activation, tau: Activation, sign: int) -> Activation:
    return Activation(s.expr * tau.expr.subs(t, sign * t))


def _unit_rho(rho):
    """+1 / -1 if ρ is exactly ±1, else None (DomainError outside [-1, 1])."""
    d1, d2 = sign_of(sp.sympify(rho) - 1), sign_of(sp.sympify(rho) + 1)
    if d1 == 1 or d2 == -1:
        raise DomainError(f"a correlation must lie in [-1, 1], got {rho}")
    if d1 == 0:
        return 1
    if d2 == 0:
        return -1
    return None


@functools.lru_cache(maxsize=4096)
def pair_exact(sigma: Activation, tau: Activation, rho) -> sp.Expr:
    """Exact E[σ(U) τ(V)] with corr(U, V) = ρ (ρ an exact sympy number); NoClosedForm otherwise."""
    unit = _unit_rho(rho)
    try:        # the closed forms are continuous on [-1, 1], so they also hold at ρ = ±1 (Abel)
        return _sdual.dual_kernel(sigma, tau, rho=sp.sympify(rho))
    except NoClosedForm:
        if unit is None:
            raise
    return gaussian_expectation(_product(sigma, tau, unit))


@dataclass
class HermiteTable:
    """Certified c_0..c_M of σ, E[σ²] and the Parseval remainders R_M = E[σ²] - Σ_{m≤M} c_m²."""

    coeffs: list
    norm2: arb
    dps: int

    @property
    def degree(self) -> int:
        return len(self.coeffs) - 1

    def remainder(self, M: int) -> arb:
        """An upper bound of Σ_{m>M} c_m² (Parseval; clipped at 0 from below)."""
        with ctx.workprec(bits_for_dps(self.dps) + 64):
            r = self.norm2 - sum((c ** 2 for c in self.coeffs[: M + 1]), arb(0))
            return r.upper().max(arb(0))


_TABLES: dict = {}


def hermite_table(act: Activation, M: int, dps: int) -> HermiteTable:
    """A cached table of σ with degree ≥ M and at least ``dps`` digits.

    Precision is rounded up to a multiple of 20 digits so that nearby requests share one table; a
    table is recomputed only to grow its degree (to 1.5 times the request, to limit regrowth).
    """
    for (a, d), tab in _TABLES.items():
        if a == act and d >= dps and tab.degree >= M:
            return tab
    dps = 20 * -(-dps // 20)
    key = (act, dps)
    tab = _TABLES.get(key)
    if tab is None or tab.degree < M:
        M = max(M, 3 * (tab.degree if tab is not None else 0) // 2)
        M = min(M, MAX_DEGREE)
        cs = _nh.hermite_coefficients(act, M, dps=dps)
        norm = tab.norm2 if tab is not None else gaussian_expectation(_product(act, act, 1), dps=dps + 10).ball
        tab = HermiteTable([c.ball for c in cs], norm, dps)
        _TABLES[key] = tab
    return tab


def mehler_ball(ts: HermiteTable, tt: HermiteTable, rho: arb, M: int) -> arb:
    """Σ_{m≤M} c_m(σ)c_m(τ)ρ^m plus the tail ball |ρ|^{M+1} √(R_σ(M) R_τ(M)) (needs |ρ| < 1)."""
    partial = arb(0)
    p = arb(1)
    for a, b in zip(ts.coeffs[: M + 1], tt.coeffs[: M + 1]):
        partial += a * b * p
        p *= rho
    tail = (abs(rho) ** (M + 1) * (ts.remainder(M) * tt.remainder(M)).sqrt()).upper()
    return partial + arb(0, tail)


def _degree_for(rho_abs: float, goal: float) -> int:
    """A first guess of M with |ρ|^{M+1} ≤ goal (ignoring the remainders, which only help)."""
    if rho_abs <= 0:
        return 8
    return max(8, min(MAX_DEGREE, int(math.log(goal) / math.log(rho_abs)) + 1))


def pair_certified(sigma: Activation, tau: Activation, rho, *, dps: int, algorithm: str = "auto",
                   absolute=None) -> Enclosure:
    """Certified E[σ(U) τ(V)], corr(U, V) = ρ (exact sympy number).

    ``algorithm="auto"`` encloses :func:`pair_exact` when it exists and falls back to the Mehler
    series; ``"series"`` always uses the series (independent of the closed forms).  The result has
    ``dps`` correct digits, or absolute radius ≤ ``absolute`` (an arb) when that is given.
    """
    if algorithm == "auto":
        try:
            return enclose(pair_exact(sigma, tau, sp.sympify(rho)), dps)
        except NoClosedForm:
            pass
    unit = _unit_rho(rho)
    if unit is not None:
        return _expectation_1d(_product(sigma, tau, unit), dps)
    prec = bits_for_dps(dps) + 64
    goal = 10.0 ** (-dps - 3)
    with ctx.workprec(prec):
        r = as_arb(rho, prec)
        M = min(64, _degree_for(float(abs(r).upper()), goal))
    for _ in range(12):
        ts = hermite_table(sigma, M, dps + 5)
        tt = ts if tau == sigma else hermite_table(tau, M, dps + 5)
        with ctx.workprec(prec):
            ball = mehler_ball(ts, tt, as_arb(rho, prec), M)
            target = arb(10) ** (-dps)
            ok_rel = ball.rad() <= target * ball.abs_lower()
            ok_abs = absolute is not None and ball.rad() <= absolute
            if ok_rel or ok_abs or (ball.contains(0) and ball.rad() <= target):
                return Enclosure(ball, dps)
        M = 2 * M
        if M > MAX_DEGREE:
            break
    raise NotCertified(f"the Mehler series at rho = {rho} did not reach {dps} digits by degree {MAX_DEGREE}; "
                       "lower dps (|rho| close to 1 converges slowly for kinked activations)")


@functools.lru_cache(maxsize=1024)
def _expectation_1d(act: Activation, dps: int) -> Enclosure:
    return gaussian_expectation(act, dps=dps)
