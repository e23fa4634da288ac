"""SPEC C2, C3: the Gaussian-pancake density (homogeneous CLWE) along its secret and its χ² from D_1.

BRST convention (SPEC §0.3).  H_{w,β,γ} has density ∝ ρ(y) Σ_{k∈Z} ρ_β(k - γ⟨y, w⟩) on R^n: it is D_1
orthogonally to w, and along w it has the density p(t), t = ⟨y, w⟩, in two equivalent forms
(s = β² + γ²):

* **mixture form** p(t) = Σ_k π_k N(t; kγ/s, β²/(2πs)), π_k = e^{-πk²/s} / Σ_k e^{-πk²/s};
* **theta (Poisson) form** p(t) = e^{-πt²} [1 + 2 Σ_{j≥1} a_j cos(2πjγt)] / Z, a_j = e^{-πβ²j²},
  Z = 1 + 2 Σ_{j≥1} e^{-π s j²} = θ_3(0, i s);
* and, as a third route, p(t) = e^{-πt²} θ_3(γt, iβ²) / θ_3(0, i s) evaluated by python-flint's
  certified Jacobi theta function ``acb.modular_theta`` (no truncation of ours).

Truncations (SPEC §9.7), each bounded explicitly with the bounds of :mod:`.series`: the theta sums at
J terms (Gaussian tail, rate πβ² resp. πs); the mixture at the K + 1 components on either side of
k_c = round(γt) (centred tail, rate π/β²: each component equals (√s/β) e^{-πt²} e^{-π(k - γt)²/β²})
and its normaliser (Gaussian tail, rate π/s).  The cut-offs grow with the working precision, so the
precision loop of :func:`~.series.certify` also lengthens the sums.

**C3.**  With e_j = e^{-πγ²j²}, χ²(p ‖ D_1) = E_{D_1}[(p/D_1)²] - 1 =
[1 + 4 Σ_j a_j e_j + 2 Σ_{j,l≥1} a_j a_l (e^{-πγ²(j-l)²} + e^{-πγ²(j+l)²})] / Z² - 1 (series), and,
summing the mixture form instead (derived here: a Gaussian integral per pair (k, k′), then
M = k + k′, m = k - k′ with M ≡ m mod 2),

    χ² + 1 = [θ_3(2i/s_1) θ_3(2i/β²) + θ_2(2i/s_1) θ_2(2i/β²)] / (β √s_1 Z²),   s_1 = β² + 2γ²,

with θ_{2,3}(τ) = θ_{2,3}(0, τ).  As γ → ∞, χ² → Σ_{j≠0} e^{-2πβ²j²} = (1/(β√2)) Σ_j e^{-πj²/(2β²)} - 1.

>>> e = chi_square("0.1", 5, dps=20)
>>> e.matches("6.071067811865475244")                            # SPEC C3, β = 0.1, γ = 5
True
>>> chi_square("0.1", 5, dps=20, algorithm="theta").ball.overlaps(e.ball)
True
"""

from __future__ import annotations

import math
from fractions import Fraction

from flint import acb, arb

from ...errors import DomainError
from .conventions import check_positive, exact_number
from .series import centred_tail, certify, gaussian_tail, pm, terms_needed, to_arb

__all__ = ["normaliser", "density", "density_integral", "chi_square", "chi_square_limit", "DENSITY_FORMS",
           "theta_constants"]

DENSITY_FORMS = ("theta", "mixture", "modular")
LN2 = 0.6931471805599453


def _params(beta, gamma):
    return check_positive(beta, "beta"), check_positive(gamma, "gamma")


def theta_constants(tau_imag: arb):
    """(θ_2(0, iu), θ_3(0, iu)) for u > 0, certified by ``acb.modular_theta`` (real balls).

    θ_2(0, τ) = Σ_k q^{(k+½)²}, θ_3(0, τ) = Σ_k q^{k²} with q = e^{iπτ}.

    Parameters
    ----------
    tau_imag : arb
        u = Im τ > 0, at the caller's precision.

    Returns
    -------
    tuple of arb
        ``(theta_2, theta_3)``, the real parts (the imaginary parts vanish).

    Examples
    --------
    Jacobi's imaginary transformation θ_3(0, i/u) = √u θ_3(0, iu), at u = 2:

    >>> from flint import arb
    >>> (theta_constants(arb(1) / 2)[1] - arb(2).sqrt() * theta_constants(arb(2))[1]).contains(0)
    True
    """
    th = acb(0).modular_theta(acb(0, tau_imag))
    return th[1].real, th[2].real


def _theta_series(rate: arb, prec: int) -> arb:
    """1 + 2 Σ_{j≥1} e^{-rate j²} with its tail bound."""
    J = terms_needed(rate, -prec * LN2)
    s = 1 + 2 * sum((-rate * j * j).exp() for j in range(1, J + 1))
    return s + pm(2 * gaussian_tail(rate, J))


def _Z(b, g, prec, algorithm):
    s = b * b + g * g
    if algorithm == "modular":
        return theta_constants(s)[1]
    return _theta_series(arb.pi() * s, prec)


def normaliser(beta, gamma, *, dps: int = 30, algorithm: str = "series"):
    """Z = 1 + 2 Σ_{j≥1} e^{-π(β²+γ²)j²} = θ_3(0, i(β²+γ²)), the pancake normaliser (SPEC C2), certified.

    Parameters
    ----------
    beta, gamma : number
        β > 0, γ > 0, exact (BRST convention).
    dps : int
        Decimal digits (default 30).
    algorithm : {"series", "modular"}
        The truncated series with its Gaussian tail bound, or ``acb.modular_theta``.

    Returns
    -------
    Enclosure
        Certified.

    Raises
    ------
    DomainError
        If β or γ is not a positive exact real, or ``algorithm`` is unknown.

    Examples
    --------
    >>> z = normaliser("0.5", 1, dps=20)
    >>> z.ball.overlaps(normaliser("0.5", 1, dps=20, algorithm="modular").ball), z.rel_accuracy_digits() >= 20
    (True, True)
    """
    bv, gv = _params(beta, gamma)
    if algorithm not in ("series", "modular"):
        raise DomainError(f"algorithm must be 'series' or 'modular', got {algorithm!r}")
    return certify(lambda prec: _Z(to_arb(bv, prec), to_arb(gv, prec), prec, algorithm), dps)


def _density_theta(t, b, g, prec):
    pi = arb.pi()
    rate = pi * b * b
    J = terms_needed(rate, -prec * LN2)
    br = 1 + 2 * sum((-rate * j * j).exp() * (2 * pi * j * g * t).cos() for j in range(1, J + 1))
    br += pm(2 * gaussian_tail(rate, J))
    return (-pi * t * t).exp() * br / _Z(b, g, prec, "series")


def _density_mixture(t, b, g, prec):
    pi = arb.pi()
    s = b * b + g * g
    var = b * b / (2 * pi * s)
    x = g * t
    kc = math.floor(float(x.mid()))               # within 1 of round(γt)
    K = terms_needed(pi / (b * b), -prec * LN2)
    num = arb(0)
    for k in range(kc - K - 2, kc + K + 3):        # |k - k_c| ≤ K + 2 with k_c = ⌊γt⌋: omitted |k - γt| > K + ½
        w = (-pi * k * k / s).exp()
        num += w * (-(t - k * g / s) ** 2 / (2 * var)).exp() / (2 * pi * var).sqrt()
    num += pm(s.sqrt() / b * (-pi * t * t).exp() * centred_tail(pi / (b * b), K))
    return num / _theta_series(pi / s, prec)


def _density_modular(t, b, g, prec):
    s = b * b + g * g
    th3 = acb(g * t).modular_theta(acb(0, b * b))[2].real
    return (-arb.pi() * t * t).exp() * th3 / theta_constants(s)[1]


_DENSITY = {"theta": _density_theta, "mixture": _density_mixture, "modular": _density_modular}


def density(t, beta, gamma, *, dps: int = 30, form: str = "theta"):
    """The pancake density p(t) along the secret (SPEC C2), certified to ``dps`` digits.

    Parameters
    ----------
    t : real number
        The coordinate ⟨y, w⟩ (BRST convention, y ~ D_1 orthogonally to w).
    beta, gamma : positive numbers
        β > 0 (at β = 0 the pancakes are singular: no density), γ > 0 (BRST units).
    dps : int
        Decimal digits (default 30).
    form : {"theta", "mixture", "modular"}
        Which of the three forms of the module docstring to sum.

    Returns
    -------
    Enclosure
        Certified, every truncation bounded; relative digits (p > 0 everywhere).

    Raises
    ------
    DomainError
        If β or γ is not a positive exact real, t is not an exact real, or ``form`` is unknown.

    Examples
    --------
    The three forms agree:

    >>> a, b, c = (density("0.3", "0.5", 1, dps=15, form=f) for f in DENSITY_FORMS)
    >>> a.ball.overlaps(b.ball) and b.ball.overlaps(c.ball)
    True
    """
    bv, gv = _params(beta, gamma)
    tv = exact_number(t, "t")
    if form not in _DENSITY:
        raise DomainError(f"form must be one of {DENSITY_FORMS}, got {form!r}")
    f = _DENSITY[form]
    # p > 0 everywhere, so relative digits are required (no absolute acceptance near 0)
    return certify(lambda prec: f(to_arb(tv, prec), to_arb(bv, prec), to_arb(gv, prec), prec), dps, absolute_ok=False)


def density_integral(beta, gamma, *, dps: int = 15):
    """∫ p(t) dt, certified: ``acb.integral`` of e^{-πt²}θ_3(γt, iβ²) on [-L, L] divided by Z, plus the tail.

    Tail bound: |θ_3(γt, iβ²)| ≤ θ_3(0, iβ²), so ∫_{|t|>L} p ≤ θ_3(0, iβ²) erfc(√π L)/Z; L is chosen to make
    it ≤ 10^{-dps-2}.  Should contain 1 (SPEC C2: ∫p = 1).  Offered for β ≥ 1/5 (DomainError below): for
    smaller β the integrand's theta function grows so fast off the real axis that the certified integrator
    needs minutes.

    Parameters
    ----------
    beta, gamma : number
        β ≥ 1/5, γ > 0, exact.
    dps : int
        Decimal digits (default 15).

    Returns
    -------
    Enclosure
        Certified.

    Raises
    ------
    DomainError
        If β < 1/5 or β, γ are not positive exact reals.

    Examples
    --------
    >>> density_integral("0.5", 1, dps=10).contains(1)              # SPEC C2: ∫p = 1
    True
    """
    bv, gv = _params(beta, gamma)
    if isinstance(bv, Fraction) and bv < Fraction(1, 5):
        raise DomainError(f"density_integral is offered for beta ≥ 1/5 (certified quadrature cost), got {beta}")

    def compute(prec):
        b, g = to_arb(bv, prec), to_arb(gv, prec)
        pi = arb.pi()
        th0 = theta_constants(b * b)[1]
        L = 1
        while (arb(L) * pi.sqrt()).erfc() * th0 > arb(10) ** (-dps - 2):
            L += 1
        tau = acb(0, b * b)
        f = lambda z, analytic: (-pi * z * z).exp() * (g * z).modular_theta(tau)[2]
        core = acb.integral(f, acb(-L), acb(L)).real
        Z = theta_constants(b * b + g * g)[1]
        return (core + pm((arb(L) * pi.sqrt()).erfc() * th0)) / Z
    return certify(compute, dps)


def _chi_square_series(b, g, prec):
    pi = arb.pi()
    ra, rg = pi * b * b, pi * g * g
    J = terms_needed(ra, -prec * LN2)
    a = [arb(0)] + [(-ra * j * j).exp() for j in range(1, J + 1)]
    e = [arb(0)] + [(-rg * j * j).exp() for j in range(1, 2 * J + 1)]
    eg = lambda m: arb(1) if m == 0 else e[abs(m)]
    total = 1 + 4 * sum(a[j] * e[j] for j in range(1, J + 1))
    total += 2 * sum(a[j] * a[l] * (eg(j - l) + e[j + l]) for j in range(1, J + 1) for l in range(1, J + 1))
    # omitted (j, l) ∉ [1, J]²: each term ≤ 2 a_j a_l, and Σ_{(j,l)∉[1,J]²} a_j a_l ≤ 2 T (S + T)
    T = gaussian_tail(ra, J)
    S = sum(a[1:])
    total += pm(4 * T)                                  # 4 Σ_{j>J} a_j e_j ≤ 4 T (e_j ≤ 1)
    total += pm(2 * 2 * 2 * T * (S + T))
    Z = _Z(b, g, prec, "series")
    return total / (Z * Z) - 1


def _chi_square_theta(b, g, prec):
    s1 = b * b + 2 * g * g
    two = arb(2)
    t2a, t3a = theta_constants(two / s1)
    t2b, t3b = theta_constants(two / (b * b))
    Z = theta_constants(b * b + g * g)[1]
    return (t3a * t3b + t2a * t2b) / (b * s1.sqrt() * Z * Z) - 1


def chi_square(beta, gamma, *, dps: int = 30, algorithm: str = "series"):
    """χ²(p ‖ D_1) of the pancake marginal (SPEC C3), certified.

    ``algorithm="series"`` sums the SPEC C3 double series (J² terms, tail bounded); ``"theta"`` evaluates
    the theta-constant closed form of the module docstring with ``acb.modular_theta`` (independent).

    Parameters
    ----------
    beta, gamma : number
        β > 0, γ > 0, exact (BRST convention).
    dps : int
        Decimal digits (default 30).
    algorithm : {"series", "theta"}
        The route.

    Returns
    -------
    Enclosure
        Certified.

    Raises
    ------
    DomainError
        If β or γ is not a positive exact real, or ``algorithm`` is unknown.
    ResourceLimit
        If a truncated sum would need more than ``MAX_TERMS`` terms (β too small for ``dps``).

    Examples
    --------
    At γ = 3 the value is already within 10^{-12} of its γ → ∞ limit (:func:`chi_square_limit`):

    >>> c = chi_square("0.5", 3, dps=15)
    >>> c.ball.overlaps(chi_square("0.5", 3, dps=15, algorithm="theta").ball)
    True
    >>> abs(c.mid - chi_square_limit("0.5", dps=15).mid) < 1e-12
    True
    """
    bv, gv = _params(beta, gamma)
    f = {"series": _chi_square_series, "theta": _chi_square_theta}.get(algorithm)
    if f is None:
        raise DomainError(f"algorithm must be 'series' or 'theta', got {algorithm!r}")
    return certify(lambda prec: f(to_arb(bv, prec), to_arb(gv, prec), prec), dps)


def chi_square_limit(beta, *, dps: int = 30, form: str = "poisson"):
    """lim_{γ→∞} χ² = Σ_{j≠0} e^{-2πβ²j²} (``form="direct"``) = (1/(β√2)) Σ_j e^{-πj²/(2β²)} - 1 (``"poisson"``).

    The two forms are related by Poisson summation; each is a theta series with a Gaussian tail bound.

    Parameters
    ----------
    beta : number
        β > 0, exact.
    dps : int
        Decimal digits (default 30).
    form : {"poisson", "direct"}
        The series summed (the Poisson form converges fast for small β).

    Returns
    -------
    Enclosure
        Certified.

    Raises
    ------
    DomainError
        If β is not a positive exact real or ``form`` is unknown.

    Examples
    --------
    >>> a, b = chi_square_limit("0.5", dps=20), chi_square_limit("0.5", dps=20, form="direct")
    >>> a.ball.overlaps(b.ball)
    True
    """
    bv = check_positive(beta, "beta")
    if form not in ("direct", "poisson"):
        raise DomainError(f"form must be 'direct' or 'poisson', got {form!r}")

    def compute(prec):
        b = to_arb(bv, prec)
        pi = arb.pi()
        if form == "direct":
            return _theta_series(2 * pi * b * b, prec) - 1
        return _theta_series(pi / (2 * b * b), prec) / (b * arb(2).sqrt()) - 1
    return certify(compute, dps)
