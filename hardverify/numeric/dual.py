"""Certified Gaussian expectations and dual kernels for any activation.

* :func:`gaussian_expectation`: E[σ(g)], g ~ N(0,1), by the certified quadrature of
  :mod:`hardverify.numeric.hermite` with m = 0.
* :func:`dual_kernel`: K_{σ,τ}(ρ) = Σ_m c_m(σ) c_m(τ) ρ^m for |ρ| < 1 as a partial
  Mehler sum plus a rigorous tail: by Cauchy–Schwarz,

      |Σ_{m>M} c_m(σ) c_m(τ) ρ^m| ≤ |ρ|^{M+1} √(R_σ R_τ),   R_σ = E[σ(g)²] - Σ_{m≤M} c_m(σ)²,

  where E[σ²] and the c_m are certified enclosures (Parseval makes R_σ ≥ 0, so the
  upper end of its enclosure is a valid bound).  At ρ = ±1 the kernel is the
  one-dimensional expectation E[σ(g) τ(±g)].

>>> import hardverify as hv
>>> K = dual_kernel(hv.activation("relu"), None, "0.5", dps=30)
>>> K.matches("0.304498890522114679044498291245")            # SPEC H4
True
"""

from __future__ import annotations

from flint import arb, ctx, fmpq

from .._validate import as_dps
from ..activations import Activation, activation, t
from ..errors import DomainError, NotCertified
from .enclosure import Enclosure, bits_for_dps, exact_fraction
from .hermite import _certify, hermite_coefficients

__all__ = ["gaussian_expectation", "dual_kernel"]


def _act(a):
    return a if isinstance(a, Activation) else activation(a)


def gaussian_expectation(act, *, dps: int) -> Enclosure:
    """Certified E[σ(g)] for g ~ N(0, 1).

    >>> import hardverify as hv
    >>> gaussian_expectation(hv.activation("relu"), dps=20).matches("0.39894228040143267794")
    True
    """
    return _certify(_act(act), 0, as_dps(dps), lambda m: arb(1))[0]


def _product(s: Activation, tau: Activation, sign: int) -> Activation:
    return Activation(s.expr * tau.expr.subs(t, sign * t))


def _read_rho(rho) -> fmpq:
    if isinstance(rho, float):          # a float means the decimal it prints as (0.1 is 1/10), as everywhere
        rho = repr(rho)
    try:
        q = exact_fraction(rho)
    except DomainError:
        raise DomainError(f"rho must be an exact number in [-1, 1] (int, Fraction, decimal string, "
                          f"float or sympy Rational), got {rho!r}") from None
    if not -1 <= q <= 1:
        raise DomainError(f"rho must lie in [-1, 1], got {rho}")
    return fmpq(q.numerator, q.denominator)


def dual_kernel(sigma, tau, rho, *, dps: int, max_degree: int = 1000) -> Enclosure:
    """Certified K_{σ,τ}(ρ) (τ = σ when ``tau`` is None); see the module docstring."""
    dps = as_dps(dps)
    s = _act(sigma)
    tt = s if tau is None else _act(tau)
    r = _read_rho(rho)
    if r in (1, -1):
        return gaussian_expectation(_product(s, tt, int(r)), dps=dps)
    inner = dps + 5
    ns = gaussian_expectation(_product(s, s, 1), dps=inner)
    nt = ns if tt == s else gaussian_expectation(_product(tt, tt, 1), dps=inner)
    work = bits_for_dps(inner) + 64
    M = 16
    while M <= max_degree:
        cs = hermite_coefficients(s, M, dps=inner)
        ct = cs if tt == s else hermite_coefficients(tt, M, dps=inner)
        with ctx.workprec(work):
            rb = arb(r)
            partial = sum((a.ball * b.ball * rb ** m for m, (a, b) in enumerate(zip(cs, ct))), arb(0))
            Rs = (ns.ball - sum((a.ball ** 2 for a in cs), arb(0))).upper().max(arb(0))
            Rt = Rs if tt == s else (nt.ball - sum((b.ball ** 2 for b in ct), arb(0))).upper().max(arb(0))
            tail = (abs(rb) ** (M + 1) * (Rs * Rt).sqrt()).upper()
            ball = partial + arb(0, tail)
            goal = arb(10) ** (-dps)
            if ball.rad() <= goal * ball.abs_lower() or (ball.contains(0) and ball.rad() <= goal):
                return Enclosure(ball, dps)
        M *= 2
    raise NotCertified(
        f"the Mehler series at rho = {rho} did not reach {dps} digits with {max_degree} terms; "
        "raise max_degree or lower dps"
    )
