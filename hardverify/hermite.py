"""Public Hermite API: one entry point per quantity, exact or certified by keyword.

The layer is chosen by ``dps``: without it the result is **exact** (a sympy
expression, from :mod:`hardverify.symbolic`); with ``dps=D`` it is a **certified**
:class:`~hardverify.numeric.enclosure.Enclosure` with D correct digits (from
:mod:`hardverify.numeric`).  ``algorithm`` picks the route for certified results:

``"auto"``       evaluate the exact closed form when there is one, else quadrature;
``"exact"``      evaluate the exact closed form (NoClosedForm if there is none);
``"quadrature"`` certified quadrature, independent of the symbolic layer (for cross-checks).

>>> import hardverify as hv
>>> relu = hv.activation("relu")
>>> hv.hermite_coefficient(relu, 2)
1/(2*sqrt(pi))
>>> c = hv.hermite_coefficient(relu, 2, dps=30, algorithm="quadrature")
>>> c.contains(hv.hermite_coefficient(relu, 2))          # the two layers agree
True
"""

from __future__ import annotations

import functools

import sympy as sp

from ._validate import as_choice, as_dps
from .activations import Activation, activation
from .errors import DomainError, NoClosedForm
from .numeric import dual as _ndual
from .numeric import hermite as _nh
from .numeric.enclosure import Enclosure, enclose
from .symbolic import dual as _sdual
from .symbolic import hermite as _sh
from .symbolic.hermite import exact_form

__all__ = ["hermite_coefficient", "hermite_coefficients", "dual_kernel", "gaussian_expectation", "ALGORITHMS"]

ALGORITHMS = ("auto", "exact", "quadrature")


def _act(a) -> Activation:
    return a if isinstance(a, Activation) else activation(a)


def _route(dps, algorithm):
    algorithm = as_choice(algorithm, ALGORITHMS, "algorithm")
    if dps is None:
        if algorithm == "quadrature":
            raise DomainError("algorithm='quadrature' gives a certified enclosure; pass dps=")
        return None, algorithm
    return as_dps(dps), algorithm


def _exact(act, fn):
    """Run an exact computation.  When σ has no closed form because it is not even integrable
    against the Gaussian (e.g. exp(t²)), raise that DomainError instead of NoClosedForm."""
    try:
        return fn()
    except NoClosedForm as exc:
        try:
            act.growth
        except DomainError as growth_error:
            raise growth_error from exc
        raise


def _has_closed_form(act) -> bool:
    try:
        exact_form(act)
        return True
    except NoClosedForm:
        return False


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
    return _dispatch(act, dps, algorithm,
                     lambda a: _sh.hermite_coefficients(a, m_max, normalization=normalization),
                     lambda a, d: _nh.hermite_coefficients(a, m_max, dps=d, normalization=normalization))


def hermite_coefficient(act, m: int, *, dps: int | None = None, normalization: str = "orthonormal",
                        algorithm: str = "auto"):
    """c_m(σ), exact (sympy) or certified (Enclosure); see :func:`hermite_coefficients`.

    >>> import hardverify as hv
    >>> hv.hermite_coefficient("sigmoid", 1, dps=30).matches("0.206620964141907037262350828718")   # SPEC V6
    True
    """
    return _dispatch(act, dps, algorithm,
                     lambda a: _sh.hermite_coefficient(a, m, normalization=normalization),
                     lambda a, d: _nh.hermite_coefficient(a, m, dps=d, normalization=normalization))


def _dispatch(act, dps, algorithm, exact, certified):
    """The routing shared by the coefficient functions (see the module docstring)."""
    act = _act(act)
    dps, algorithm = _route(dps, algorithm)
    if dps is None:
        return _exact(act, lambda: exact(act))
    if algorithm == "quadrature" or (algorithm == "auto" and not _has_closed_form(act)):
        return certified(act, dps)
    value = _exact(act, lambda: exact(act))
    return [enclose(c, dps) for c in value] if isinstance(value, list) else enclose(value, dps)


def dual_kernel(sigma, tau=None, *, rho=_sdual.RHO, dps: int | None = None, algorithm: str = "auto",
                absolute=None):
    """K_{σ,τ}(ρ) = E[σ(⟨u,x⟩) τ(⟨v,x⟩)] for unit u, v with ⟨u,v⟩ = ρ (τ = σ by default).

    Exact (a sympy expression in ``rho``) for polynomials plus sign, |t|, erf(αt) terms (and at
    ρ = ±1 whenever E[σ(g)τ(±g)] is exact); certified (``dps=``, an exact number ``rho``: int,
    Fraction, decimal string, float read as its decimal, sympy number) for any activations via
    the Mehler series with a Parseval tail bound.  ``absolute`` (an arb) is an absolute radius
    that suffices when the value may be 0 (used inside alternating sums).

    >>> import hardverify as hv
    >>> hv.dual_kernel("sign")
    2*asin(rho)/pi
    """
    s = _act(sigma)
    tt = None if tau is None else _act(tau)
    dps, algorithm = _route(dps, algorithm)
    if dps is None:
        return _exact(s, lambda: _sdual.dual_kernel(s, tt, rho=rho))
    if isinstance(rho, sp.Symbol):
        raise DomainError("a certified dual kernel needs a numeric rho in [-1, 1]")
    r = _ndual.read_rho(rho)
    if algorithm != "quadrature":
        try:
            return enclose(_cached_exact_kernel(s, tt, sp.sympify(r)), dps)
        except NoClosedForm:
            if algorithm == "exact":
                raise
    return _ndual.dual_kernel(s, tt, r, dps=dps, absolute=absolute)


@functools.lru_cache(maxsize=4096)
def _cached_exact_kernel(s, tt, rho):
    return _sdual.dual_kernel(s, tt, rho=rho)


def gaussian_expectation(act, *, dps: int | None = None, algorithm: str = "auto"):
    """E[σ(g)] for g ~ N(0, 1): exact, or a certified enclosure with ``dps=``.

    >>> import hardverify as hv
    >>> hv.gaussian_expectation("relu")
    sqrt(2)/(2*sqrt(pi))
    """
    return hermite_coefficient(act, 0, dps=dps, algorithm=algorithm)


def _is_enclosure(x) -> bool:  # used by checks
    return isinstance(x, Enclosure)
