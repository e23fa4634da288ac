"""SPEC C1: phase-noise damping, E_e[cos 2π(θ + e)] = e^{-πβ²} cos 2πθ for e ~ D_β = N(0, β²/(2π)).

Generally E[cos 2πe] = exp(-2π² Var e) and E[sin 2πe] = 0 (e is symmetric), so by the addition
formula E[cos 2π(θ + e)] = E[cos 2πe] cos 2πθ.  Hence (x = √(2π) y, cos 2πz) from a CLWE sample is a
bounded-noise sample of the damped cosine neuron e^{-πβ²} cos(2π γ_std ⟨x, w⟩) (BRST ⇒ SZB).

Three routes, kept apart:

* :func:`damping_exact` — the Gaussian integral done by sympy (exact, symbolic in β and θ);
* :func:`damping_factor` — e^{-πβ²} as a certified ball (closed form);
* :func:`damped_cosine_quadrature` — ∫ cos 2π(θ + e) φ_β(e) de by python-flint's certified integrator
  ``acb.integral`` on [-L, L] plus the Gaussian tail bound ∫_{|e|>L} φ_β ≤ erfc(√π L/β), an
  independent certified route.

>>> import sympy as sp
>>> beta, theta = sp.symbols("beta theta", positive=True)
>>> sp.simplify(damping_exact(beta, theta) - sp.exp(-sp.pi * beta**2) * sp.cos(2 * sp.pi * theta))
0
>>> damping_factor("0.37", dps=30).matches("0.650454431959027169244303024495")     # SPEC V21
True
"""

from __future__ import annotations

import functools

import sympy as sp
from flint import acb, arb

from ...errors import DomainError
from .conventions import check_nonnegative, exact_number
from .series import certify, pm, to_arb

__all__ = ["damping_exact", "damping_factor", "damped_cosine", "damped_cosine_quadrature"]


@functools.lru_cache(maxsize=4)
def _symbolic():
    b = sp.Symbol("b", positive=True)
    th, e = sp.symbols("th e", real=True)
    dens = sp.exp(-sp.pi * e ** 2 / b ** 2) / b                     # the D_β density ρ_β(e)/β
    # cos 2π(θ + e) = cos 2πθ cos 2πe - sin 2πθ sin 2πe; sympy integrates each Gaussian integral
    c = sp.integrate(sp.cos(2 * sp.pi * e) * dens, (e, -sp.oo, sp.oo))
    s = sp.integrate(sp.sin(2 * sp.pi * e) * dens, (e, -sp.oo, sp.oo))
    return b, th, sp.cos(2 * sp.pi * th) * c - sp.sin(2 * sp.pi * th) * s


def damping_exact(beta, theta):
    """E_e[cos 2π(θ + e)], e ~ N(0, β²/(2π)), integrated by sympy (exact; β > 0 and θ symbols or numbers).

    The integral is computed once with symbols and substituted, so this is the PROVED route of C1.

    Parameters
    ----------
    beta : sympy expression or number
        β > 0 (a positive symbol or number; not validated).
    theta : sympy expression or number
        The phase θ (real).

    Returns
    -------
    sympy.Expr
        Exact; equals e^{-πβ²} cos 2πθ.

    Examples
    --------
    >>> import sympy as sp
    >>> damping_exact(1, 0), damping_exact(1, sp.Rational(1, 4))       # cos 0 = 1, cos(π/2) = 0
    (exp(-pi), 0)
    """
    b, th, val = _symbolic()
    return val.subs({b: beta, th: theta})


def damping_factor(beta, *, dps: int = 30):
    """e^{-πβ²} = E[cos 2πe], e ~ D_β, certified to ``dps`` digits.

    Parameters
    ----------
    beta : number
        β ≥ 0, exact (a decimal string is read exactly).
    dps : int
        Decimal digits (default 30).

    Returns
    -------
    Enclosure
        Certified.

    Raises
    ------
    DomainError
        If β is not a non-negative exact real.

    Examples
    --------
    >>> damping_factor(0).matches("1"), damping_factor("0.37", dps=20).rel_accuracy_digits() >= 20
    (True, True)
    """
    bv = check_nonnegative(beta, "beta")
    return certify(lambda prec: (-arb.pi() * to_arb(bv, prec) ** 2).exp(), dps)


def damped_cosine(theta, beta, *, dps: int = 30):
    """e^{-πβ²} cos 2πθ, certified (the closed form of C1).

    Parameters
    ----------
    theta : number
        The phase θ, exact.
    beta : number
        β ≥ 0, exact.
    dps : int
        Decimal digits (default 30); a value at 0 is certified to an absolute 10^{-dps}.

    Returns
    -------
    Enclosure
        Certified.

    Raises
    ------
    DomainError
        If θ is not an exact real or β is not a non-negative one.

    Examples
    --------
    At θ = 1/4 the cosine vanishes; at θ = 0 the value is the damping factor:

    >>> damped_cosine("0.25", "0.37").contains(0), damped_cosine(0, "0.37").matches(
    ...     "0.650454431959027169244303024495")
    (True, True)
    """
    bv, tv = check_nonnegative(beta, "beta"), exact_number(theta, "theta")
    return certify(lambda prec: (-arb.pi() * to_arb(bv, prec) ** 2).exp() * (2 * arb.pi() * to_arb(tv, prec)).cos(),
                   dps)


def damped_cosine_quadrature(theta, beta, *, dps: int = 20, half_width: int = 12):
    """∫ cos 2π(θ + e) ρ_β(e)/β de by certified integration (``acb.integral``) on [-Lβ, Lβ] plus a tail bound.

    The omitted mass is ∫_{|e| > Lβ} ρ_β(e)/β de = erfc(√π L) ≤ e^{-πL²} (and |cos| ≤ 1), added to the
    radius; ``half_width`` L must make that ≤ 10^{-dps} (DomainError otherwise).

    Parameters
    ----------
    theta : number
        The phase θ, exact.
    beta : number
        β > 0, exact.
    dps : int
        Decimal digits (default 20).
    half_width : int
        L, the integration range in units of β (default 12).

    Returns
    -------
    Enclosure
        Certified, independent of the closed form.

    Raises
    ------
    DomainError
        If β = 0 (nothing to integrate), θ or β is not exact, or e^{-πL²} > 10^{-dps}.

    Examples
    --------
    The independent route agrees with the closed form (SPEC C1):

    >>> q = damped_cosine_quadrature("0.1", "0.37", dps=15)
    >>> q.contains(damped_cosine("0.1", "0.37").ball), q.rel_accuracy_digits() >= 15
    (True, True)
    """
    bv, tv = check_nonnegative(beta, "beta"), exact_number(theta, "theta")
    if bv == 0:
        raise DomainError("the quadrature route needs beta > 0 (at beta = 0 there is no noise to integrate)")
    L = int(half_width)
    if L * L * 3.14159 < dps * 2.3026 + 2:
        raise DomainError(f"half_width = {L} leaves a tail e^(-pi L^2) above 10^-{dps}; use L ≥ "
                          f"{int((dps * 2.3026 / 3.14159) ** 0.5) + 2}")

    def compute(prec):
        b, th = to_arb(bv, prec), to_arb(tv, prec)
        pi = arb.pi()
        f = lambda z, analytic: (2 * pi * (acb(th) + z)).cos() * (-pi * z * z / (b * b)).exp() / b
        core = acb.integral(f, acb(-L * b), acb(L * b)).real
        tail = (arb(L) * pi.sqrt()).erfc()
        return core + pm(tail)
    return certify(compute, dps)
