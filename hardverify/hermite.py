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
    """The Hermite coefficients [c_0, ..., c_{m_max}] of σ, exact (sympy) or certified (Enclosure).

    Definition (SPEC §0.1, H1): c_m = E[σ(g) h_m(g)], g ~ N(0, 1), with the orthonormal Hermite
    polynomials [1]_ h_m = He_m/√(m!) (``normalization="orthonormal"``, the default), so σ = Σ c_m h_m in
    L²(γ) and E[σ(g)²] = Σ c_m².  ``"probabilists"``: b_m = E[σ(g) He_m(g)]/m! (σ = Σ b_m He_m);
    ``"physicists"``: d_m with σ(x) = Σ d_m H_m(x) in L²(e^{-x²} dx).

    Exact for piecewise polynomials (kinks anywhere) and polynomial × erf(affine) terms
    (:mod:`hardverify.symbolic.hermite`: plain numbers for m ≤ 1000, compact forms with unevaluated factorials
    above, which print, evaluate and enclose); certified for any activation of Gaussian-integrable growth
    (``dps=``: the closed form enclosed, or Gauss–Legendre quadrature with explicit tail bounds,
    :mod:`hardverify.numeric.hermite`).

    Parameters
    ----------
    act : str, sympy.Expr or Activation
        A registry name (``hv.ACTIVATIONS``), an expression in :data:`hardverify.t`, or an activation.
    m_max : int
        The largest degree, ``m_max >= 0`` (at most 20000 exact, 2000 certified; quadrature integrates degree ≤ 1023).
    dps : int, optional
        Certified decimal digits (1..5000); without it every value is exact.
    normalization : {"orthonormal", "probabilists", "physicists"}
        The basis (see above).
    algorithm : {"auto", "exact", "quadrature"}
        ``"auto"``: the closed form when there is one, else quadrature (with ``dps=``);
        ``"exact"``: the closed form only; ``"quadrature"``: certified quadrature, independent of the
        symbolic layer (needs ``dps=``).

    Returns
    -------
    list of sympy.Expr, or list of Enclosure
        ``m_max + 1`` exact values (no Floats) when ``dps`` is None, else certified balls with at least
        ``dps`` correct digits (a coefficient far below its natural size is certified by
        |c_m| ≤ 10^{-dps}·max_j |c_j| on the quadrature route, and a proved zero is the exact ball 0).

    Raises
    ------
    DomainError
        If ``m_max`` is not a non-negative integer, ``normalization`` or ``algorithm`` is not one of the
        names above, ``algorithm="quadrature"`` is asked for without ``dps=``, or σ grows too fast to be
        integrable against the Gaussian.
    ResourceLimit
        If ``m_max`` or ``dps`` is beyond the stated limits, σ oscillates too fast for certified
        quadrature, or an exact request's estimated running time exceeds 10 s (then ask with ``dps=``).
    NoClosedForm
        Without ``dps=`` (or with ``algorithm="exact"``) when σ has no closed form (e.g. tanh).
    NotCertified
        If quadrature cannot reach ``dps`` digits.

    See Also
    --------
    hermite_coefficient : one coefficient.
    dual_kernel : Σ c_m(σ) c_m(τ) ρ^m.

    References
    ----------
    .. [1] NIST Digital Library of Mathematical Functions, §18.3 (Hermite He_n and H_n), https://dlmf.nist.gov/18.3

    Examples
    --------
    >>> import sympy as sp, hardverify as hv
    >>> cs = hv.hermite_coefficients("sign", 7)
    >>> cs[5] == 3 / sp.sqrt(60 * sp.pi)                                  # SPEC H2
    True
    >>> cs = hv.hermite_coefficients("relu", 40)                          # Parseval: Σ c_m² <= E[ReLU²] = 1/2
    >>> bool(sum(c**2 for c in cs) < sp.Rational(1, 2))
    True
    >>> b = hv.hermite_coefficients("relu", 4, normalization="probabilists")
    >>> all(b[m] * sp.sqrt(sp.factorial(m)) == c for m, c in enumerate(hv.hermite_coefficients("relu", 4)))
    True
    >>> q = hv.hermite_coefficients("tanh", 3, dps=20)                    # certified; tanh is odd
    >>> q[0].is_exact_zero() and q[2].is_exact_zero() and q[1].rel_accuracy_digits() >= 20
    True
    """
    return routes.hermite_coefficients(act, m_max, dps=dps, normalization=normalization, algorithm=algorithm)


def hermite_coefficient(act, m: int, *, dps: int | None = None, normalization: str = "orthonormal",
                        algorithm: str = "auto"):
    """The Hermite coefficient c_m(σ) = E[σ(g) h_m(g)], h_m = He_m/√(m!), g ~ N(0, 1); exact or certified.

    The definition, normalisations and routes are those of :func:`hermite_coefficients` (SPEC §0.1, H1).
    Certified values come from one table per (σ, dps, normalisation) whose degree is m rounded up to a
    multiple of 20, so calling this in a loop over m costs about what one :func:`hermite_coefficients`
    call costs, and a value never depends on what was computed before.

    Parameters
    ----------
    act : str, sympy.Expr or Activation
        A registry name (``hv.ACTIVATIONS``), an expression in :data:`hardverify.t`, or an activation.
    m : int
        The degree, ``m >= 0`` (at most 20000 exact, 2000 certified; quadrature integrates degree ≤ 1023).
    dps : int, optional
        Certified decimal digits (1..5000); without it the value is exact.
    normalization : {"orthonormal", "probabilists", "physicists"}
        The basis, as in :func:`hermite_coefficients`.
    algorithm : {"auto", "exact", "quadrature"}
        The route, as in :func:`hermite_coefficients`.

    Returns
    -------
    sympy.Expr or Enclosure
        Exact when ``dps`` is None, else a certified ball with at least ``dps`` correct digits.

    Raises
    ------
    DomainError
        If ``m`` is not a non-negative integer, an option is not one of the allowed names, or
        ``algorithm="quadrature"`` is asked for without ``dps=``.
    ResourceLimit
        If ``m`` or ``dps`` is beyond the stated limits, or an exact request's estimated running time
        exceeds 10 s (then ask with ``dps=``).
    NoClosedForm
        Without ``dps=`` (or with ``algorithm="exact"``) when σ has no closed form.
    NotCertified
        If quadrature cannot reach ``dps`` digits.

    Examples
    --------
    >>> import sympy as sp, hardverify as hv
    >>> hv.hermite_coefficient("relu", 2) == 1 / (2 * sp.sqrt(sp.pi))               # SPEC V1
    True
    >>> c = hv.hermite_coefficient("relu", 20000)                                   # compact above m = 1000
    >>> len(str(c)) < 100, hv.enclose(c, 30).rel_accuracy_digits() >= 30
    (True, True)
    >>> hv.hermite_coefficient("sigmoid", 1, dps=30).matches("0.206620964141907037262350828718")   # SPEC V6
    True
    >>> c = hv.hermite_coefficient("relu", 4, dps=25, algorithm="quadrature")      # independent of the closed form
    >>> c.contains(hv.hermite_coefficient("relu", 4))
    True
    """
    return routes.hermite_coefficient(act, m, dps=dps, normalization=normalization, algorithm=algorithm)


def dual_kernel(sigma, tau=None, *, rho=RHO, dps: int | None = None, algorithm: str = "auto", absolute=None):
    """The dual kernel K_{σ,τ}(ρ) = E[σ(⟨u,x⟩) τ(⟨v,x⟩)], x ~ N(0, I), unit u, v with ⟨u,v⟩ = ρ.

    τ = σ by default.  By Mehler's formula [1]_ K_{σ,τ}(ρ) = Σ_m c_m(σ) c_m(τ) ρ^m with the orthonormal
    Hermite coefficients of :func:`hermite_coefficients` (SPEC §1, H3).

    Exact (a sympy expression in ``rho``) for polynomials plus sign(t), |t| (so ReLU [2]_) and erf(αt) [3]_ terms
    (and at ρ = ±1 whenever E[σ(g)τ(±g)] is exact); certified (``dps=``, an exact number ``rho``) for
    any activations via the Mehler series with a Parseval tail bound.

    Parameters
    ----------
    sigma, tau : str, sympy.Expr or Activation
        The two activations; ``tau=None`` means τ = σ.
    rho : sympy.Symbol or number
        The correlation, |ρ| ≤ 1.  The default is the symbol ``rho`` (exact result as a function of it);
        with ``dps=`` an exact number: int, Fraction, decimal string, float (read as the decimal it
        prints), or sympy number.
    dps : int, optional
        Certified decimal digits; without it the result is exact.
    algorithm : {"auto", "exact", "series"}
        ``"auto"``: the closed form when there is one (enclosed with ``dps=``), else the Mehler series;
        ``"exact"``: the closed form only; ``"series"``: the Mehler series with coefficients by certified
        quadrature, independent of the closed forms (needs ``dps=``).
    absolute : flint.arb, optional
        An absolute radius that suffices when the value may be 0 (used inside alternating sums).

    Returns
    -------
    sympy.Expr or Enclosure
        Exact when ``dps`` is None, else a certified ball with ``dps`` correct digits (or within
        ``absolute`` of the value).

    Raises
    ------
    DomainError
        If ``algorithm`` is not allowed, ``"series"`` is asked for without ``dps=``, ``rho`` is symbolic
        with ``dps=``, or a numeric ρ is not an exact number in [-1, 1].
    NoClosedForm
        Without ``dps=`` (or with ``algorithm="exact"``) when the kernel has no closed form.
    NotCertified
        If the series cannot reach ``dps`` digits.

    References
    ----------
    .. [1] NIST Digital Library of Mathematical Functions, §18.18 (Mehler's formula), https://dlmf.nist.gov/18.18
    .. [2] Cho, Y. and Saul, L. K., "Kernel methods for deep learning", NIPS 2009 (the arc-cosine kernels).
    .. [3] Williams, C. K. I., "Computing with infinite networks", NIPS 1996 (the erf kernel).

    Examples
    --------
    >>> import sympy as sp, hardverify as hv
    >>> hv.dual_kernel("sign")                                                     # arcsine law
    2*asin(rho)/pi
    >>> rho = sp.Symbol("rho", real=True)                                          # the default rho
    >>> hv.dual_kernel("relu").subs(rho, 1) == sp.Rational(1, 2)                   # K(1) = E[ReLU(g)²]
    True
    >>> hv.dual_kernel("sign", rho="1/2", dps=20).contains(sp.Rational(1, 3))      # (2/π) asin(1/2) = 1/3
    True
    >>> k = hv.dual_kernel("relu", rho="0.3", dps=15, algorithm="series")          # Mehler, independent
    >>> k.contains(hv.dual_kernel("relu").subs(rho, sp.Rational(3, 10)))
    True
    """
    return routes.dual_kernel(sigma, tau, rho=rho, dps=dps, algorithm=algorithm, absolute=absolute)


def gaussian_expectation(act, *, dps: int | None = None, algorithm: str = "auto"):
    """The Gaussian mean E[σ(g)], g ~ N(0, 1) (= the Hermite coefficient c_0(σ)); exact or certified.

    Parameters
    ----------
    act : str, sympy.Expr or Activation
        A registry name (``hv.ACTIVATIONS``), an expression in :data:`hardverify.t`, or an activation.
    dps : int, optional
        Certified decimal digits; without it the value is exact.
    algorithm : {"auto", "exact", "quadrature"}
        The route, as in :func:`hermite_coefficients`.

    Returns
    -------
    sympy.Expr or Enclosure
        Exact when ``dps`` is None, else a certified ball with at least ``dps`` correct digits.

    Raises
    ------
    DomainError
        If an option is not allowed or ``algorithm="quadrature"`` is asked for without ``dps=``.
    NoClosedForm
        Without ``dps=`` when σ has no closed form.
    NotCertified
        If quadrature cannot reach ``dps`` digits.

    Examples
    --------
    >>> import sympy as sp, hardverify as hv
    >>> hv.gaussian_expectation("relu")                                   # E[max(g, 0)] = 1/√(2π)
    sqrt(2)/(2*sqrt(pi))
    >>> hv.gaussian_expectation(hv.t**4)                                  # the 4th moment, 3!! = 3
    3
    >>> hv.gaussian_expectation("softplus", dps=10).is_positive()
    True
    """
    return routes.gaussian_expectation(act, dps=dps, algorithm=algorithm)
