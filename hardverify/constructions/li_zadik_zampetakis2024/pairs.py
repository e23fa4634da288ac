"""SPEC C4: the pairwise χ-correlation of two pancake distributions, the input of SQ hardness.

For unit w, w′ with ρ = ⟨w, w′⟩ (BRST convention, a_j = e^{-πβ²j²}, e_j = e^{-πγ²j²}, Z as in C2):

* **difference form** χ(ρ) = Z^{-2} Σ_{j,l≥1} a_j a_l [2e^{-πγ²(j²+l²-2jlρ)} + 2e^{-πγ²(j²+l²+2jlρ)} - 4e_j e_l];
* **cosh form** χ(ρ) = 4Z^{-2} Σ_{j,l≥1} a_j a_l e^{-πγ²(j²+l²)} (cosh(2πγ²jlρ) - 1), summed as
  8 sinh²(πγ²jlρ)·(…) (no cancellation): ≥ 0, even in ρ, and exactly 0 at ρ = 0 (every term is);
* **theta form** (derived here from the mixture form of C2, as for C3: a 2-D Gaussian integral per pair
  (k, k′)), with s_± = β² + γ²(1 ± ρ),

      χ(ρ) + 1 = [θ_3(2i/s_+) θ_3(2i/s_-) + θ_2(2i/s_+) θ_2(2i/s_-)] / (Z² √(s_+ s_-)),

  evaluated with ``acb.modular_theta``; at ρ = 1 it is C3's closed form, at ρ = 0 Jacobi's
  θ_3(2τ)² + θ_2(2τ)² = θ_3(τ)² and θ_3(i/s) = √s θ_3(is) give exactly 0.  It computes χ + 1 and subtracts
  1, so the precision loop pays about log₂(1/χ) extra bits: use the cosh form when χ is astronomically small.

Truncation (j, l ≤ J): cosh x - 1 ≤ (x²/2) cosh x and 2jl|ρ| ≤ |ρ|(j² + l²) give, for every term,
|term| ≤ 8π²γ⁴ρ² j²l² b_j b_l with b_j = e^{-c j²}, c = π(β² + γ²(1 - |ρ|)); the omitted terms sum to at most
8π²γ⁴ρ² · 2 W_>(W_≤ + W_>), W_> = Σ_{j>J} j² b_j (the weighted tail of :mod:`.series`).  The bound carries the
factor ρ², so small correlations keep their relative accuracy.

Regimes (SPEC C4): 2πγ²|ρ| ≪ 1: χ ≈ 8π²γ⁴ρ² a_1² e^{-2πγ²}/Z²; 2πγ²|ρ| ≫ 1: χ ≈ 2a_1² e^{-2πγ²(1-|ρ|)}/Z².

>>> e = pair_correlation("0.1", "0.1", 1, dps=20)
>>> e.matches("1.22e-3"), pair_correlation(0, "0.1", 1, dps=20).is_exact_zero()      # SPEC C4
(True, True)
>>> theta = pair_correlation("0.1", "0.1", 2, dps=20, form="theta")
>>> theta.ball.overlaps(pair_correlation("0.1", "0.1", 2, dps=20).ball)
True
"""

from __future__ import annotations

from flint import arb

from ...errors import DomainError, ResourceLimit
from .conventions import check_correlation, check_positive
from .pancakes import _Z, LN2, theta_constants
from .series import certify, pm, terms_needed, to_arb, weighted_tail

__all__ = ["pair_correlation", "pair_correlation_approximations", "cosh_pair_sum", "PAIR_FORMS"]

PAIR_FORMS = ("cosh", "difference", "theta")
#: the largest J of the J × J double sums
MAX_PAIR_TERMS = 1500


def cosh_pair_sum(coeffs, q_rate: arb, rho: arb, prec: int, *, coeff_rate: arb, coeff_bound: arb = None,
                  difference: bool = False) -> arb:
    """Σ_{j,l≥1} c_j c_l e^{-r(j²+l²)} (cosh(2r jlρ) - 1) with its tail bound (SPEC C4 and C5 share it).

    ``coeffs(j)`` is c_j, with |c_j| ≤ coeff_bound·e^{-coeff_rate j²}; r = ``q_rate``.  ``difference``
    sums the uncancelled form ½[e^{-r(j²+l²-2jlρ)} + e^{-r(j²+l²+2jlρ)}] - e^{-r(j²+l²)} instead.

    Parameters
    ----------
    coeffs : callable
        ``coeffs(j) -> arb``, the coefficient c_j (j ≥ 1).
    q_rate : arb
        r > 0.
    rho : arb
        ρ, |ρ| ≤ 1.
    prec : int
        The working precision in bits (sets the truncation J).
    coeff_rate : arb
        The decay rate of |c_j| (see above).
    coeff_bound : arb, optional
        B with |c_j| ≤ B e^{-coeff_rate j²} (default 1).
    difference : bool
        Sum the uncancelled difference form instead of the 2 sinh² form.

    Returns
    -------
    arb
        The J × J partial sum plus [0 ± tail bound] (the bound carries the factor ρ²).

    Raises
    ------
    ResourceLimit
        If the truncation needs J > ``MAX_PAIR_TERMS``.

    Examples
    --------
    Exactly 0 at ρ = 0, and the two forms agree:

    >>> from flint import arb
    >>> one = lambda j: arb(1)
    >>> cosh_pair_sum(one, arb(1), arb(0), 64, coeff_rate=arb(1)) == 0
    True
    >>> a = cosh_pair_sum(one, arb(1), arb("0.5"), 64, coeff_rate=arb(1))
    >>> a.overlaps(cosh_pair_sum(one, arb(1), arb("0.5"), 64, coeff_rate=arb(1), difference=True))
    True
    """
    coeff_bound = arb(1) if coeff_bound is None else coeff_bound
    c = coeff_rate + q_rate * (1 - abs(rho))
    J = max(terms_needed(c, -prec * LN2), 2)
    if J > MAX_PAIR_TERMS:
        raise ResourceLimit(f"the double sum needs J = {J} > {MAX_PAIR_TERMS} terms per index (J² in all): the decay "
                            "rate β² + γ²(1 - |ρ|) is too small for this dps; lower dps or use |ρ| = 1 / the theta "
                            "form")
    cs = [None] + [coeffs(j) for j in range(1, J + 1)]
    e = [None] + [(-q_rate * j * j).exp() for j in range(1, J + 1)]
    total = arb(0)
    for j in range(1, J + 1):
        for l in range(1, J + 1):
            if difference:
                x = 2 * q_rate * j * l * rho
                term = ((-q_rate * (j * j + l * l) + x).exp() + (-q_rate * (j * j + l * l) - x).exp()) / 2 - e[j] * e[l]
            else:
                term = 2 * e[j] * e[l] * (q_rate * j * l * rho).sinh() ** 2
            total += cs[j] * cs[l] * term
    # |c_j c_l e^{-r(j²+l²)}(cosh x - 1)| ≤ B² (2 r² ρ² j² l²) e^{-c(j²+l²)}  (x = 2r jlρ)
    W_gt = weighted_tail(c, J, 2)
    W_le = sum(arb(j * j) * (-c * j * j).exp() for j in range(1, J + 1))
    total += pm(coeff_bound ** 2 * 2 * q_rate ** 2 * rho * rho * 2 * W_gt * (W_le + W_gt))
    return total


def _chi_series(rho, b, g, prec, difference):
    pi = arb.pi()
    ra = pi * b * b
    s = cosh_pair_sum(lambda j: (-ra * j * j).exp(), pi * g * g, rho, prec, coeff_rate=ra,
                      difference=difference)
    Z = _Z(b, g, prec, "series")
    return 4 * s / (Z * Z)


def _chi_theta(rho, b, g, prec):
    two = arb(2)
    sp_, sm = b * b + g * g * (1 + rho), b * b + g * g * (1 - rho)
    t2p, t3p = theta_constants(two / sp_)
    t2m, t3m = theta_constants(two / sm)
    Z = theta_constants(b * b + g * g)[1]
    return (t3p * t3m + t2p * t2m) / (Z * Z * (sp_ * sm).sqrt()) - 1


def pair_correlation(rho, beta, gamma, *, dps: int = 30, form: str = "cosh"):
    """χ_{D_1}(H_w, H_{w′}) for ⟨w, w′⟩ = ρ (SPEC C4), certified to ``dps`` digits.

    Parameters
    ----------
    rho : number
        ρ = ⟨w, w′⟩, |ρ| ≤ 1, exact.
    beta, gamma : number
        β > 0, γ > 0, exact (BRST convention; β > 0 makes the pancakes densities).
    dps : int
        Decimal digits (default 30).
    form : {"cosh", "difference", "theta"}
        See the module docstring: two truncated series (the same tail bound) and the theta closed form.

    Returns
    -------
    Enclosure
        Certified; an exact 0 at ρ = 0 for the series forms; at ρ = ±1 it is χ² of C3.

    Raises
    ------
    DomainError
        If |ρ| > 1, β or γ is not a positive exact real, or ``form`` is unknown.
    ResourceLimit
        If the double sum needs more than ``MAX_PAIR_TERMS`` terms per index.

    Examples
    --------
    At ρ = 1 the pair correlation is the χ² of C3; it is even in ρ:

    >>> from hardverify.constructions.li_zadik_zampetakis2024 import chi_square
    >>> pair_correlation(1, "0.5", 1, dps=15).ball.overlaps(chi_square("0.5", 1, dps=15).ball)
    True
    >>> pair_correlation("-0.3", "0.5", 1, dps=15).ball.overlaps(pair_correlation("0.3", "0.5", 1, dps=15).ball)
    True
    """
    rv = check_correlation(rho)
    bv, gv = check_positive(beta, "beta"), check_positive(gamma, "gamma")
    if form not in PAIR_FORMS:
        raise DomainError(f"form must be one of {PAIR_FORMS}, got {form!r}")

    def compute(prec):
        r, b, g = to_arb(rv, prec), to_arb(bv, prec), to_arb(gv, prec)
        if form == "theta":
            return _chi_theta(r, b, g, prec)
        return _chi_series(r, b, g, prec, form == "difference")
    return certify(compute, dps)


def pair_correlation_approximations(rho, beta, gamma, *, dps: int = 30):
    """(small-ρ, large-ρ) approximations of SPEC C4: 8π²γ⁴ρ²a_1²e^{-2πγ²}/Z² and 2a_1²e^{-2πγ²(1-|ρ|)}/Z².

    Certified values of the approximating formulas themselves (a_1 = e^{-πβ²}); how close they are
    to χ(ρ) depends on the regime (2πγ²|ρ| ≪ 1 resp. ≫ 1) and is not certified here.

    Parameters
    ----------
    rho : number
        ρ, |ρ| ≤ 1, exact.
    beta, gamma : number
        β > 0, γ > 0, exact (BRST convention).
    dps : int
        Decimal digits (default 30).

    Returns
    -------
    tuple of Enclosure
        ``(small, large)``.

    Raises
    ------
    DomainError
        If |ρ| > 1 or β, γ are not positive exact reals.

    Examples
    --------
    Deep in the small-ρ regime (2πγ²ρ ≈ 0.06) the first is within 0.1% of χ(ρ):

    >>> small, large = pair_correlation_approximations("0.01", "0.1", 1, dps=10)
    >>> abs(small.mid / pair_correlation("0.01", "0.1", 1, dps=10).mid - 1) < 1e-3
    True
    """
    rv = check_correlation(rho)
    bv, gv = check_positive(beta, "beta"), check_positive(gamma, "gamma")

    def small(prec):
        r, b, g = to_arb(rv, prec), to_arb(bv, prec), to_arb(gv, prec)
        pi, Z = arb.pi(), _Z(b, g, prec, "series")
        return 8 * pi ** 2 * g ** 4 * r * r * (-2 * pi * b * b).exp() * (-2 * pi * g * g).exp() / (Z * Z)

    def large(prec):
        r, b, g = to_arb(rv, prec), to_arb(bv, prec), to_arb(gv, prec)
        pi, Z = arb.pi(), _Z(b, g, prec, "series")
        return 2 * (-2 * pi * b * b).exp() * (-2 * pi * g * g * (1 - abs(r))).exp() / (Z * Z)
    return certify(small, dps), certify(large, dps)
