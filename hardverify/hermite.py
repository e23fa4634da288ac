"""Public Hermite API: one entry point per quantity, exact or certified by keyword.

The layer is chosen by ``dps``: without it the result is **exact** (a sympy expression, from
:mod:`hardverify.symbolic`); with ``dps=D`` it is a **certified** :class:`~hardverify.numeric.enclosure.Enclosure`
with D correct digits (from :mod:`hardverify.numeric`).  ``algorithm`` picks the route; the names mean the
same everywhere in hardverify (:data:`hardverify.routes.ALGORITHMS`):

``"auto"``       the exact closed form when there is one (enclosed with ``dps=``), else certified quadrature;
``"exact"``      the exact closed form (NoClosedForm if there is none);
``"quadrature"`` (coefficients) certified quadrature, independent of the symbolic layer;
``"series"``     (dual kernels) the certified Mehler series with quadrature coefficients, independent of the
                 symbolic layer.

>>> import hardverify as hv
>>> relu = hv.activation("relu")
>>> hv.hermite_coefficient(relu, 2)
1/(2*sqrt(pi))
>>> c = hv.hermite_coefficient(relu, 2, dps=30, algorithm="quadrature")
>>> c.contains(hv.hermite_coefficient(relu, 2))          # the two layers agree
True
"""

from __future__ import annotations

from . import routes
from .symbolic.dual import RHO

__all__ = ["hermite_coefficient", "hermite_coefficients", "dual_kernel", "gaussian_expectation", "ALGORITHMS"]

#: the algorithms of the coefficient functions (the dual kernel takes "auto", "exact", "series").
ALGORITHMS = ("auto", "exact", "quadrature")


def hermite_coefficients(act, m_max: int, *, dps: int | None = None, normalization: str = "orthonormal",
                         algorithm: str = "auto") -> list:
    """[c_0, ..., c_{m_max}] of σ, exact (sympy) or certified (Enclosure).

    Definition: c_m = E[σ(g) h_m(g)] with h_m = He_m/√(m!) (``normalization="orthonormal"``);
    ``"probabilists"``: b_m = E[σ He_m]/m!; ``"physicists"``: σ = Σ d_m H_m in L²(e^{-x²}).

    >>> import sympy as sp, hardverify as hv
    >>> cs = hv.hermite_coefficients("sign", 7)
    >>> cs[5] == 3 / sp.sqrt(60 * sp.pi)                                  # SPEC H2
    True
    """
    return routes.hermite_coefficients(act, m_max, dps=dps, normalization=normalization, algorithm=algorithm)


def hermite_coefficient(act, m: int, *, dps: int | None = None, normalization: str = "orthonormal",
                        algorithm: str = "auto"):
    """c_m(σ), exact (sympy) or certified (Enclosure); see :func:`hermite_coefficients`.

    Certified values come from one growing table per (σ, dps, normalisation), so calling this in a loop
    over m costs about what one :func:`hermite_coefficients` call costs.

    >>> import hardverify as hv
    >>> hv.hermite_coefficient("sigmoid", 1, dps=30).matches("0.206620964141907037262350828718")   # SPEC V6
    True
    """
    return routes.hermite_coefficient(act, m, dps=dps, normalization=normalization, algorithm=algorithm)


def dual_kernel(sigma, tau=None, *, rho=RHO, dps: int | None = None, algorithm: str = "auto", absolute=None):
    """K_{σ,τ}(ρ) = E[σ(⟨u,x⟩) τ(⟨v,x⟩)] for unit u, v with ⟨u,v⟩ = ρ (τ = σ by default).

    Exact (a sympy expression in ``rho``) for polynomials plus sign, |t|, erf(αt) terms (and at
    ρ = ±1 whenever E[σ(g)τ(±g)] is exact); certified (``dps=``, an exact number ``rho``: int,
    Fraction, decimal string, float read as its decimal, sympy number) for any activations via
    the Mehler series with a Parseval tail bound (``algorithm="series"``: coefficients by certified
    quadrature, independent of the closed forms).  ``absolute`` (an arb) is an absolute radius
    that suffices when the value may be 0 (used inside alternating sums).

    >>> import hardverify as hv
    >>> hv.dual_kernel("sign")
    2*asin(rho)/pi
    """
    return routes.dual_kernel(sigma, tau, rho=rho, dps=dps, algorithm=algorithm, absolute=absolute)


def gaussian_expectation(act, *, dps: int | None = None, algorithm: str = "auto"):
    """E[σ(g)] for g ~ N(0, 1): exact, or a certified enclosure with ``dps=``.

    >>> import hardverify as hv
    >>> hv.gaussian_expectation("relu")
    sqrt(2)/(2*sqrt(pi))
    """
    return routes.gaussian_expectation(act, dps=dps, algorithm=algorithm)
