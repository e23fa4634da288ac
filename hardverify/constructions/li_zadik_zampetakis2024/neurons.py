"""SPEC C5: correlations of periodic neurons φ(γ_std⟨w, x⟩) under x ~ N(0, I_d) (standard convention).

For unit w, w′ with ρ = ⟨w, w′⟩, (u, v) = (⟨w, x⟩, ⟨w′, x⟩) is a standard bivariate normal with
correlation ρ, so everything depends on (γ_std, ρ) only — never on d (SPEC §9.2).  With
E e^{2πi(ju - lv)γ} = e^{-2π²γ²(j² + l² - 2jlρ)}, a 1-periodic φ = a_0 + Σ_{j≥1} a_j cos 2πjt has

    E φ(γu) = a_0 + Σ_j a_j e^{-2π²γ²j²},
    Cov(φ(γu), φ(γv)) = Σ_{j,l≥1} a_j a_l e^{-2π²γ²(j²+l²)} (cosh(4π²γ²jlρ) - 1)

(the C4 sum with r = 2π²γ², summed by :func:`~.pairs.cosh_pair_sum` with the same tail bound).

* ``"cos"``: φ(t) = cos 2πt: E[φφ′] = ½[e^{-2π²γ²‖w-w′‖²} + e^{-2π²γ²‖w+w′‖²}] (‖w ∓ w′‖² = 2 ∓ 2ρ), mean
  e^{-2π²γ²}, covariance 2e^{-4π²γ²} sinh²(2π²γ²ρ) (closed forms).
* ``"triangle"``: φ(t) = dist(t, Z) = ¼ - Σ_{j odd} (2/(π²j²)) cos 2πjt (|a_j| ≤ 2/π²).  At |ρ| = 1 the
  series bound needs 1 - |ρ| > 0, so the variance uses φ² = t² on [-½, ½]:
  φ² = 1/12 + Σ_{j≥1} ((-1)^j/(π²j²)) cos 2πjt.  φ is even, so ρ = -1 gives the variance too.

At ρ ≈ 0 the uncentred correlation is the product of the means, e^{-4π²γ²} for cos: d^{-4π²} once
γ_std = √(ln d) — super-polynomially small in d for γ_std = ω(√(log d)) (SPEC C5), and in float64 it
underflows to 0 once γ_std > 4.24 (SPEC §9.7).  Certified balls do not underflow.

>>> c = correlation("0.3", "cos", "0.5", dps=25)
>>> c.ball.overlaps(correlation("0.3", "cos", "0.5", dps=25, algorithm="series").ball)
True
>>> covariance(0, "triangle", 1, dps=20).is_exact_zero()
True
"""

from __future__ import annotations

from flint import arb

from ...errors import DomainError
from .conventions import check_correlation, check_positive
from .pairs import cosh_pair_sum
from .pancakes import LN2
from .series import certify, gaussian_tail, pm, terms_needed, to_arb

__all__ = ["NEURONS", "mean", "covariance", "correlation", "fourier_coefficient", "triangle_mean_pieces"]

NEURONS = ("cos", "triangle")


def _neuron(phi):
    if phi not in NEURONS:
        raise DomainError(f"phi must be one of {NEURONS} (cos 2πt or the triangle wave dist(t, Z)), got {phi!r}")
    return phi


def fourier_coefficient(phi: str, j: int) -> arb:
    """a_j of φ = a_0 + Σ a_j cos 2πjt (cos: a_1 = 1; triangle: a_0 = ¼, a_j = -2/(π²j²) for odd j, else 0).

    Parameters
    ----------
    phi : {"cos", "triangle"}
        The 1-periodic neuron.
    j : int
        The frequency, j ≥ 0.

    Returns
    -------
    arb
        Exact for cos and a_0; a certified ball at the current precision otherwise.

    Raises
    ------
    DomainError
        If ``phi`` is unknown.

    Examples
    --------
    The triangle wave vanishes at 0: φ(0) = a_0 + Σ_j a_j = ¼ - (2/π²)(π²/8) = 0:

    >>> from flint import arb
    >>> s = fourier_coefficient("triangle", 0) + sum(fourier_coefficient("triangle", j) for j in range(1, 20001))
    >>> abs(s) < arb("1e-5"), fourier_coefficient("cos", 2) == 0
    (True, True)
    """
    _neuron(phi)
    if phi == "cos":
        return arb(1 if j == 1 else 0)
    if j == 0:
        return arb(1) / 4
    return -2 / (arb.pi() ** 2 * j * j) if j % 2 else arb(0)


def _mean(phi, g, prec):
    pi = arb.pi()
    r = 2 * pi * pi * g * g
    if phi == "cos":
        return (-r).exp()
    J = terms_needed(r, -prec * LN2)
    s = arb(1) / 4 + sum(fourier_coefficient(phi, j) * (-r * j * j).exp() for j in range(1, J + 1, 2))
    return s + pm(2 / (pi * pi) * gaussian_tail(r, J))


def mean(phi, gamma_std, *, dps: int = 30):
    """E φ(γ_std g), g ~ N(0, 1), certified (the Fourier series with its Gaussian tail bound).

    For cos it is the closed form e^{-2π²γ_std²}.

    Parameters
    ----------
    phi : {"cos", "triangle"}
        The neuron.
    gamma_std : number
        γ_std > 0, exact (standard-normal convention).
    dps : int
        Decimal digits (default 30).

    Returns
    -------
    Enclosure
        Certified.

    Raises
    ------
    DomainError
        If ``phi`` is unknown or γ_std is not a positive exact real.

    Examples
    --------
    Agrees with the independent piecewise route; for small γ_std the triangle wave is |t| except on
    |t| > ½ (mass P(|g| > 5) ≈ 6e-7 at γ_std = 0.1), so the mean is close to E|γ_std g| = γ_std √(2/π):

    >>> import math
    >>> m = mean("triangle", "0.1", dps=15)
    >>> m.ball.overlaps(triangle_mean_pieces("0.1", dps=15).ball), abs(m.mid - 0.1 * math.sqrt(2 / math.pi)) < 1e-7
    (True, True)
    """
    _neuron(phi)
    gv = check_positive(gamma_std, "gamma_std")
    return certify(lambda prec: _mean(phi, to_arb(gv, prec), prec), dps)


def _variance_triangle(g, prec):
    pi = arb.pi()
    r = 2 * pi * pi * g * g
    J = terms_needed(r, -prec * LN2)
    sq = arb(1) / 12 + sum((-1) ** j * (-r * j * j).exp() / (pi * pi * j * j) for j in range(1, J + 1))
    sq += pm(gaussian_tail(r, J) / (pi * pi))
    m = _mean("triangle", g, prec)
    return sq - m * m


def _covariance(rho, phi, g, prec, algorithm):
    pi = arb.pi()
    r = 2 * pi * pi * g * g
    if phi == "cos" and algorithm == "closed":
        return 2 * (-2 * r).exp() * (r * rho).sinh() ** 2
    if phi == "triangle" and abs(rho) == 1:
        return _variance_triangle(g, prec)
    if phi == "cos":
        return cosh_pair_sum(lambda j: fourier_coefficient("cos", j), r, rho, prec, coeff_rate=arb(0))
    if not abs(rho) < 1:
        raise DomainError("the triangle-wave series needs |rho| < 1 or exactly |rho| = 1")
    return cosh_pair_sum(lambda j: fourier_coefficient("triangle", j), r, rho, prec, coeff_rate=arb(0),
                         coeff_bound=2 / (pi * pi))


def covariance(rho, phi, gamma_std, *, dps: int = 30, algorithm: str = "closed"):
    """Cov(φ(γ_std u), φ(γ_std v)) for a standard bivariate normal (u, v) with correlation ρ, certified.

    ``algorithm="closed"`` uses cos's closed form (the triangle wave always sums its Fourier series);
    ``"series"`` sums the Fourier double series for both.  Exactly 0 at ρ = 0; even in ρ.

    Parameters
    ----------
    rho : number
        ρ, |ρ| ≤ 1, exact.
    phi : {"cos", "triangle"}
        The neuron.
    gamma_std : number
        γ_std > 0, exact.
    dps : int
        Decimal digits (default 30).
    algorithm : {"closed", "series"}
        The route for cos (see above).

    Returns
    -------
    Enclosure
        Certified.

    Raises
    ------
    DomainError
        If |ρ| > 1, γ_std is not a positive exact real, or ``phi``/``algorithm`` is unknown.
    ResourceLimit
        If the double series needs too many terms (|ρ| close to 1 at high ``dps``).

    Examples
    --------
    The closed form and the series agree for cos; at ρ = 1 and small γ_std the triangle wave's
    variance is close to Var|γ g| = γ²(1 - 2/π) (they differ only on |γ g| > ½, P(|g| > 5) ≈ 6e-7):

    >>> c = covariance("0.3", "cos", "0.5", dps=15)
    >>> c.ball.overlaps(covariance("0.3", "cos", "0.5", dps=15, algorithm="series").ball)
    True
    >>> import math
    >>> abs(covariance(1, "triangle", "0.1", dps=15).mid - 0.01 * (1 - 2 / math.pi)) < 1e-7
    True
    """
    _neuron(phi)
    rv, gv = check_correlation(rho), check_positive(gamma_std, "gamma_std")
    if algorithm not in ("closed", "series"):
        raise DomainError(f"algorithm must be 'closed' or 'series', got {algorithm!r}")
    return certify(lambda prec: _covariance(to_arb(rv, prec), phi, to_arb(gv, prec), prec, algorithm), dps)


def correlation(rho, phi, gamma_std, *, dps: int = 30, algorithm: str = "closed"):
    """E[φ(γ_std u) φ(γ_std v)] (uncentred) = Cov + (E φ)², certified.

    For cos with ``algorithm="closed"``: ½[e^{-4π²γ²(1-ρ)} + e^{-4π²γ²(1+ρ)}] (SPEC C5).

    Parameters
    ----------
    rho : number
        ρ, |ρ| ≤ 1, exact.
    phi : {"cos", "triangle"}
        The neuron.
    gamma_std : number
        γ_std > 0, exact.
    dps : int
        Decimal digits (default 30).
    algorithm : {"closed", "series"}
        The route for cos.

    Returns
    -------
    Enclosure
        Certified.

    Raises
    ------
    DomainError
        If |ρ| > 1, γ_std is not a positive exact real, or ``phi``/``algorithm`` is unknown.
    ResourceLimit
        If the double series needs too many terms.

    Examples
    --------
    At ρ = 0 the neurons are independent: the correlation is (E φ)² = e^{-4π²γ²}:

    >>> c, m = correlation(0, "cos", "0.5", dps=15), mean("cos", "0.5", dps=15)
    >>> c.ball.overlaps(m.ball ** 2)
    True
    """
    _neuron(phi)
    rv, gv = check_correlation(rho), check_positive(gamma_std, "gamma_std")
    if algorithm not in ("closed", "series"):
        raise DomainError(f"algorithm must be 'closed' or 'series', got {algorithm!r}")

    def compute(prec):
        r, g = to_arb(rv, prec), to_arb(gv, prec)
        if phi == "cos" and algorithm == "closed":
            q = 4 * arb.pi() ** 2 * g * g
            return ((-q * (1 - r)).exp() + (-q * (1 + r)).exp()) / 2
        m = _mean(phi, g, prec)
        return _covariance(r, phi, g, prec, "series") + m * m
    return certify(compute, dps)


def triangle_mean_pieces(gamma_std, *, dps: int = 20):
    """E dist(γ_std g, Z) by exact Gaussian integrals of the linear pieces (an independent route to :func:`mean`).

    On [k/2, (k+1)/2] the triangle wave is linear; ∫ (a + bt) φ_s(t) dt has a closed form in erf and
    e^{-t²/(2s²)} (s = γ_std).  Pieces with |t| ≤ L s are summed, the rest bounded by ½·erfc(L/√2).

    Parameters
    ----------
    gamma_std : number
        s = γ_std > 0, exact.
    dps : int
        Decimal digits (default 20).

    Returns
    -------
    Enclosure
        Certified.

    Raises
    ------
    DomainError
        If γ_std is not a positive exact real.

    Examples
    --------
    >>> triangle_mean_pieces("0.5", dps=15).ball.overlaps(mean("triangle", "0.5", dps=15).ball)
    True
    """
    gv = check_positive(gamma_std, "gamma_std")

    def compute(prec):
        s = to_arb(gv, prec)
        pi = arb.pi()
        L = 4
        while (arb(L) / arb(2).sqrt()).erfc() / 2 > arb(10) ** (-dps - 2):
            L += 1
        n = int(float((2 * L * s).mid())) + 1          # pieces [k/2, (k+1)/2] with |k| ≤ n cover [-Ls, Ls]
        total = arb(0)
        for k in range(-n, n):
            a, b = arb(k) / 2, arb(k + 1) / 2          # T(t) = t - m on the rising half, m - t on the falling one
            m = arb(k // 2 + (k % 2))                   # nearest integer on this half-period
            # k even: [m, m+½] rising (T = t - m); k odd: falling (T = m - t)
            sign = 1 if k % 2 == 0 else -1
            z0, z1 = a / (s * arb(2).sqrt()), b / (s * arb(2).sqrt())
            p0 = (z1.erf() - z0.erf()) / 2                                # ∫ φ_s
            p1 = s * ((-z0 * z0).exp() - (-z1 * z1).exp()) / (2 * pi).sqrt()   # ∫ t φ_s
            total += sign * (p1 - m * p0)
        edge = arb(n) / 2
        return total + pm((edge / (s * arb(2).sqrt())).erfc() / 2)
    return certify(compute, dps)
