"""The two Gaussian conventions of the CLWE literature and explicit conversions (SPEC §0.3).

BRST (Bruna–Regev–Song–Tang) write the input as y ~ D_1 = N(0, I/(2π)) (density ρ(y) = e^{-π‖y‖²})
and the noise as e ~ D_β = N(0, β²/(2π)); SZB and LZZ write x ~ N(0, I) (standard normal).  The map
x = √(2π) y carries D_1 to N(0, I), and the phase γ⟨y, w⟩ becomes γ_std⟨x, w⟩ with

    γ_std = γ / √(2π).

The label z ∈ [0, 1) (a phase mod 1) and the noise e are not rescaled: e has standard deviation
β/√(2π) in both conventions.  Every function of this package that takes a frequency says which one
it means (``gamma`` is BRST's γ, ``gamma_std`` the standard-normal one); nothing converts silently.

>>> import sympy as sp
>>> g = gamma_std(2 * sp.sqrt(512))                 # BRST's threshold γ = 2√d at d = 512
>>> g, gamma_brst(g) == 2 * sp.sqrt(512)
(32/sqrt(pi), True)
>>> noise_std(sp.Rational(37, 100))                 # the standard deviation of e ~ D_β
37*sqrt(2)/(200*sqrt(pi))
"""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from ...errors import DomainError
from ...numeric.enclosure import Enclosure, enclose, exact_fraction

__all__ = ["BRST", "STANDARD", "CONVENTIONS", "gamma_std", "gamma_brst", "noise_std", "as_convention",
           "exact_number", "check_positive", "check_nonnegative", "check_correlation"]

#: BRST's convention: y ~ D_1 = N(0, I/(2π)).
BRST = "brst"
#: the standard-normal convention of SZB and LZZ: x ~ N(0, I).
STANDARD = "standard"
CONVENTIONS = (BRST, STANDARD)


def as_convention(name) -> str:
    """Validate a convention name: ``"brst"`` (y ~ N(0, I/(2π))) or ``"standard"`` (x ~ N(0, I)).

    Parameters
    ----------
    name : str
        :data:`BRST` or :data:`STANDARD`; there is no default.

    Returns
    -------
    str
        ``name`` unchanged.

    Raises
    ------
    DomainError
        If ``name`` is neither.

    Examples
    --------
    >>> as_convention(BRST)
    'brst'
    """
    if name not in CONVENTIONS:
        raise DomainError(f"convention must be one of {CONVENTIONS} (BRST's D_1 = N(0, I/(2π)) or the "
                          f"standard normal N(0, I)), got {name!r}")
    return name


def exact_number(x, name: str):
    """An exact real number: a Fraction for rationals (int, str, float, Fraction, sympy Rational), else a
    real constant sympy expression (``2*sqrt(5)``).

    A decimal string is read exactly (``"0.1"`` is 1/10); a float is read as its binary value.

    Parameters
    ----------
    x : int, str, float, Fraction or sympy expression
        The number.
    name : str
        The argument's name, for the error message.

    Returns
    -------
    Fraction or sympy.Expr

    Raises
    ------
    DomainError
        If x is a bool, an Enclosure, a non-numeric string, has free symbols or is not real.

    Examples
    --------
    >>> import sympy as sp
    >>> exact_number("0.25", "beta"), exact_number(2 * sp.sqrt(5), "gamma")
    (Fraction(1, 4), 2*sqrt(5))
    """
    if isinstance(x, bool):
        raise DomainError(f"{name} must be a real number, got {x!r}")
    try:
        return exact_fraction(x)
    except DomainError:
        pass
    if isinstance(x, Enclosure):
        raise DomainError(f"{name} must be an exact number, not an enclosure")
    try:
        e = sp.sympify(x) if isinstance(x, sp.Basic) else None
    except (sp.SympifyError, TypeError):
        e = None
    if e is None or e.free_symbols or not e.is_real:
        raise DomainError(f"{name} must be a real number (int, Fraction, decimal string, float or a real "
                          f"sympy constant), got {x!r}")
    return e


def _sign(x) -> int:
    if isinstance(x, Fraction):
        return (x > 0) - (x < 0)
    e = enclose(x, 20)
    if e.is_positive():
        return 1
    if e.is_negative():
        return -1
    if sp.simplify(x) == 0:
        return 0
    raise DomainError(f"cannot decide the sign of {x}")


def check_positive(x, name: str):
    """x as an exact number (:func:`exact_number`), checked to be > 0.

    Parameters
    ----------
    x : number
        The value.
    name : str
        The argument's name, for the error message.

    Returns
    -------
    Fraction or sympy.Expr

    Raises
    ------
    DomainError
        If x is not an exact real number, x ≤ 0, or its sign cannot be decided.
    """
    v = exact_number(x, name)
    if _sign(v) <= 0:
        raise DomainError(f"{name} must be > 0, got {x}")
    return v


def check_nonnegative(x, name: str):
    """x as an exact number (:func:`exact_number`), checked to be ≥ 0.

    Parameters
    ----------
    x : number
        The value.
    name : str
        The argument's name, for the error message.

    Returns
    -------
    Fraction or sympy.Expr

    Raises
    ------
    DomainError
        If x is not an exact real number, x < 0, or its sign cannot be decided.
    """
    v = exact_number(x, name)
    if _sign(v) < 0:
        raise DomainError(f"{name} must be ≥ 0, got {x}")
    return v


def check_correlation(x, name: str = "rho"):
    """x as an exact number (:func:`exact_number`), checked to satisfy |x| ≤ 1.

    Parameters
    ----------
    x : number
        The value (a correlation ⟨w, w'⟩ of unit vectors).
    name : str
        The argument's name, for the error message (default ``"rho"``).

    Returns
    -------
    Fraction or sympy.Expr

    Raises
    ------
    DomainError
        If x is not an exact real number or |x| > 1.

    Examples
    --------
    >>> check_correlation("-1")
    Fraction(-1, 1)
    """
    v = exact_number(x, name)
    if _sign(1 - abs(v) if isinstance(v, Fraction) else 1 - sp.Abs(v)) < 0:
        raise DomainError(f"{name} must satisfy |{name}| ≤ 1 (a correlation of unit vectors), got {x}")
    return v


def _sym(x):
    return sp.Rational(x.numerator, x.denominator) if isinstance(x, Fraction) else x


def gamma_std(gamma):
    """γ_std = γ/√(2π): BRST's frequency γ (phase γ⟨y, w⟩, y ~ D_1) in the standard-normal convention.

    Parameters
    ----------
    gamma : number
        BRST's γ > 0 (exact: int, decimal string, Fraction or sympy constant).

    Returns
    -------
    sympy.Expr
        Exact.

    Raises
    ------
    DomainError
        If γ is not a positive exact real.

    Examples
    --------
    >>> import sympy as sp
    >>> gamma_std(sp.sqrt(2 * sp.pi))
    1
    """
    return _sym(check_positive(gamma, "gamma")) / sp.sqrt(2 * sp.pi)


def gamma_brst(gamma_standard):
    """γ = √(2π) γ_std: the inverse of :func:`gamma_std` (exact).

    Parameters
    ----------
    gamma_standard : number
        The standard-normal frequency γ_std > 0.

    Returns
    -------
    sympy.Expr
        Exact.

    Raises
    ------
    DomainError
        If γ_std is not a positive exact real.

    Examples
    --------
    >>> gamma_std(gamma_brst(3))
    3
    """
    return sp.sqrt(2 * sp.pi) * _sym(check_positive(gamma_standard, "gamma_std"))


def noise_std(beta):
    """β/√(2π): the standard deviation of the CLWE noise e ~ D_β (the same in both conventions; exact).

    Parameters
    ----------
    beta : number
        β ≥ 0.

    Returns
    -------
    sympy.Expr
        Exact.

    Raises
    ------
    DomainError
        If β is not a non-negative exact real.

    Examples
    --------
    >>> import sympy as sp
    >>> noise_std(sp.sqrt(2 * sp.pi)), noise_std(0)
    (1, 0)
    """
    return _sym(check_nonnegative(beta, "beta")) / sp.sqrt(2 * sp.pi)
