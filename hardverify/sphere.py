"""Public sphere API: harmonic dimensions, normalised Legendre polynomials, Funk–Hecke eigenvalues (SPEC F1–F5, H6).

Conventions (see docs/sphere.md): U_n is the uniform probability measure on S^{n-1} ⊂ R^n; t = ⟨x, e⟩
has density ν_n(t) = c_n (1-t²)^{(n-3)/2}; P_k^{(n)} is the Legendre polynomial of dimension n with
P_k^{(n)}(1) = 1 (= C_k^{(λ)}/C_k^{(λ)}(1), λ = (n-2)/2); the Funk–Hecke eigenvalue is taken with respect
to the normalised measure, μ_k(σ; n) = E_{ν_n}[σ P_k^{(n)}], and ``measure="surface"`` gives
λ_k = |S^{n-1}| μ_k.

As everywhere in hardverify, the layer is chosen by ``dps``: without it results are **exact** (sympy;
``n`` may be a positive-integer Symbol); with ``dps=D`` they are certified
:class:`~hardverify.numeric.enclosure.Enclosure` balls with D correct digits.  ``algorithm`` picks the
certified route:

``"auto"``        the exact closed form when there is one (piecewise polynomials), else ``"series"``
                  when σ is analytic near 0, else ``"quadrature"``;
``"exact"``       evaluate the exact closed form (NoClosedForm if there is none);
``"series"``      Taylor series at 0 times exact Gegenbauer moments, with a Cauchy remainder bound;
``"quadrature"``  certified Gauss–Legendre quadrature split at the kinks, independent of the symbolic layer.

Spherical harmonics (exact polynomial algebra, :mod:`hardverify.symbolic.harmonics`) are re-exported here:
``harmonic_projection``, ``zonal_harmonic``, ``addition_kernel``, ``slice_average``, and the sphere
moments ``sphere_moment`` (:mod:`hardverify.symbolic.moments`).

>>> import hardverify as hv
>>> from hardverify import sphere
>>> sphere.funk_hecke("relu", 3, 2)                                   # SPEC F4, V10
1/16
>>> mu = sphere.funk_hecke("relu", 3, 2, dps=30, algorithm="quadrature")
>>> mu.contains(sphere.funk_hecke("relu", 3, 2))                      # the two layers agree
True
"""

from __future__ import annotations

import sympy as sp
from flint import arb, ctx, fmpq

from . import routes
from .core.conventions import MEASURES
from .core.numbers import exact_real
from .errors import DomainError, NoClosedForm
from .numeric import funk_hecke as _nfh
from .numeric.enclosure import Enclosure, bits_for_dps, enclose, exact_fraction
from .numeric.gegenbauer import legendre_values_arb
from .numeric.precision import until_met
from .symbolic import bridge as _bridge
from .symbolic import gegenbauer as _sg
from .symbolic.harmonics import addition_kernel, harmonic_projection, slice_average, zonal_harmonic
from .symbolic.moments import sphere_moment
from .validate import as_choice, as_dps, as_nonneg_int

__all__ = [
    "harmonic_dimension", "harmonic_dimension_sum", "legendre_polynomial", "funk_hecke", "funk_hecke_eigenvalues",
    "kernel_eigenvalue", "random_feature_kernel", "random_feature_eigenvalue", "gaussian_scaled_eigenvalue",
    "gaussian_limit", "harmonic_projection", "zonal_harmonic", "addition_kernel", "slice_average", "sphere_moment",
    "ALGORITHMS", "MEASURES",
]

ALGORITHMS = ("auto", "exact", "series", "quadrature")
#: the largest degree of the certified layer (the series route; quadrature stops at 800).
MAX_NUMERIC_DEGREE = 5000

harmonic_dimension = _sg.harmonic_dimension
harmonic_dimension_sum = _sg.harmonic_dimension_sum


def _read_point(x):
    """An exact number for a point x: a float is the decimal it prints (0.1 is 1/10, as everywhere), a
    string a decimal or a fraction ("0.3", "1/3"; never evaluated as code, never guessed as a closed
    form), a sympy number is kept (its Floats read as their decimals)."""
    if isinstance(x, str):
        q = exact_fraction(x)
        return sp.Rational(q.numerator, q.denominator)
    return sp.sympify(exact_real(x, "x"))


def legendre_polynomial(n, k, x=None, *, dps: int | None = None):
    """P_k^{(n)}: the normalised Legendre polynomial of dimension n, P_k^{(n)}(1) = 1 (SPEC §0.2, F2).

    P_k^{(n)} = C_k^{(λ)}/C_k^{(λ)}(1) with λ = (n-2)/2 [1]_ [2]_: Legendre's P_k for n = 3, Chebyshev's T_k for
    n = 2; the P_k^{(n)} are orthogonal for the law ν_n of ⟨x, e⟩, x ~ U(S^{n-1}).  Exact values come
    from the explicit sum or the three-term recurrence (SPEC F2.1) in rational arithmetic; certified
    values (``dps=``) from the recurrence in ball arithmetic with guard bits for its cancellation.

    Parameters
    ----------
    n : int or sympy.Symbol
        The dimension, ``n >= 2``, or a positive-integer Symbol (exact only).
    k : int
        The degree, ``0 <= k <= 20000``.
    x : sympy.Expr, str or number, optional
        None: the polynomial in :data:`hardverify.t`; a sympy expression or Symbol: the polynomial in
        it; a number: its value at that exact point (a float is the decimal it prints, a string a
        decimal or fraction such as ``"0.3"`` or ``"1/3"``).  With ``dps=`` it must satisfy |x| ≤ 1.
    dps : int, optional
        Certified decimal digits of the value at ``x``; without it the result is exact.

    Returns
    -------
    sympy.Expr or Enclosure
        The polynomial or its exact value when ``dps`` is None, else a certified ball with ``dps``
        correct digits.

    Raises
    ------
    DomainError
        If ``n < 2`` (or a Symbol with ``dps=``), ``k`` is not a non-negative integer, ``x`` cannot be
        read as an exact number, or |x| > 1 with ``dps=``.
    ResourceLimit
        If ``k > 20000`` or ``dps`` is beyond 5000.

    References
    ----------
    .. [1] NIST Digital Library of Mathematical Functions, §18.3 (Gegenbauer C_n^{(λ)}), https://dlmf.nist.gov/18.3
    .. [2] Atkinson, K. and Han, W., *Spherical Harmonics and Approximations on the Unit Sphere: An Introduction*,
       Lecture Notes in Mathematics 2044, Springer, 2012, ch. 2 (P_k^{(n)} as the "Legendre polynomial of
       dimension n").

    Examples
    --------
    >>> import hardverify as hv, sympy as sp
    >>> hv.legendre_polynomial(3, 2)                                  # Legendre P_2
    3*t**2/2 - 1/2
    >>> all(hv.legendre_polynomial(n, 7, 1) == 1 for n in (2, 3, 10))  # the normalisation P_k^{(n)}(1) = 1
    True
    >>> hv.legendre_polynomial(2, 5) == sp.expand(sp.chebyshevt(5, hv.t))   # n = 2: Chebyshev T_5
    True
    >>> hv.legendre_polynomial(10**6, 1000, "0.001", dps=20).rel_accuracy_digits() >= 20
    True
    """
    if dps is None:
        if x is None or (isinstance(x, sp.Basic) and x.free_symbols):
            return _sg.legendre_polynomial(n, k, x)
        vals = _sg.legendre_values(n, k, _read_point(x))
        return vals[as_nonneg_int(k, "degree k")]
    dps = as_dps(dps)
    n = routes.certified_dimension(n)
    k = as_nonneg_int(k, "degree k", maximum=_sg.MAX_EXACT_DEGREE)
    q = exact_fraction(_read_point(x if x is not None else 1))
    if abs(q) > 1:
        raise DomainError(f"the certified value needs |x| <= 1, got {x}")
    start = bits_for_dps(dps) + 32 + _nfh.recurrence_guard_bits(n, k)
    b = until_met(lambda: legendre_values_arb(n, k, arb(fmpq(q.numerator, q.denominator)))[k], dps,
                  start_bits=start, attempts=8, what=f"P_{k}^({n})({x})")
    return Enclosure(b, dps)


# ------------------------------------------------------------------------------ Funk–Hecke
def _exact_only(compact, dps):
    if compact is not None and dps is not None:
        raise DomainError("compact= chooses the form of an exact result; it cannot be combined with dps=")


def funk_hecke_eigenvalues(act, n, k_max: int, *, dps: int | None = None, measure: str = "normalized",
                           algorithm: str = "auto", compact: bool | None = None) -> list:
    """[μ_0(σ; n), ..., μ_{k_max}(σ; n)], exact (sympy) or certified (Enclosure); see :func:`funk_hecke`.

    The definition, measure and routes are those of :func:`funk_hecke` (SPEC §0.2, F3, F4); one call
    computes the whole list, which is much cheaper than k_max + 1 calls of :func:`funk_hecke` on the
    certified routes.

    Parameters
    ----------
    act : str, sympy.Expr or Activation
        Any activation (certified), or a piecewise polynomial (exact; kinks anywhere).
    n : int or sympy.Symbol
        The dimension, ``n >= 2``, or a positive-integer Symbol (exact only).
    k_max : int
        The largest degree, ``k_max >= 0`` (at most 20000 exact; certified: 5000 on the series route,
        800 by quadrature).
    dps : int, optional
        Certified decimal digits; without it the results are exact.
    measure : {"normalized", "surface"}
        ``"surface"`` returns λ_k = |S^{n-1}| μ_k.
    algorithm : {"auto", "exact", "series", "quadrature"}
        The route, as in :func:`funk_hecke`.
    compact : bool or None
        Exact results only: the size rule of :func:`funk_hecke` (None), or force the compact Γ form (True)
        or the plain number (False).

    Returns
    -------
    list of sympy.Expr, or list of Enclosure
        ``k_max + 1`` exact values when ``dps`` is None, else certified balls with ``dps`` digits (a
        proved zero, e.g. by parity, is the exact ball 0).

    Raises
    ------
    DomainError
        If ``n < 2``, a Symbol ``n`` with ``dps=``, ``k_max`` is not a non-negative integer, an option
        is not one of the allowed names, or ``compact`` is given together with ``dps``.
    ResourceLimit
        If ``k_max`` or ``dps`` is beyond the stated limits, or an exact derivation is estimated to take
        more than 10 s.
    NoClosedForm
        Without ``dps=`` (or with ``algorithm="exact"``) when σ is not a piecewise polynomial.
    NotCertified
        If the certified route cannot reach ``dps`` digits.

    Examples
    --------
    >>> import hardverify as hv
    >>> [str(m) for m in hv.funk_hecke_eigenvalues("step", 4, 3)]                      # SPEC F4 table, n = 4
    ['1/2', '2/(3*pi)', '0', '-2/(15*pi)']
    >>> mu = hv.funk_hecke_eigenvalues("sigmoid", 1000, 20, dps=30)                     # certified (series route)
    >>> all(m.is_exact_zero() for m in mu[2::2])                                    # σ - 1/2 is odd
    True
    """
    measure = as_choice(measure, MEASURES, "measure")
    _exact_only(compact, dps)
    if dps is not None:
        k_max = as_nonneg_int(k_max, "degree k_max", maximum=MAX_NUMERIC_DEGREE)
        return routes.funk_hecke_eigenvalues(act, n, k_max, dps=dps, measure=measure, algorithm=algorithm)
    return routes.funk_hecke_eigenvalues(act, n, k_max, measure=measure, algorithm=algorithm, compact=compact)


def funk_hecke(act, n, k: int, *, dps: int | None = None, measure: str = "normalized", algorithm: str = "auto",
               compact: bool | None = None):
    """The Funk–Hecke eigenvalue μ_k(σ; n) = E_{t~ν_n}[σ(t) P_k^{(n)}(t)] (SPEC §0.2, F3, F4).

    ν_n(t) = c_n (1-t²)^{(n-3)/2} is the law of ⟨x, e⟩ for x uniform on S^{n-1} (the normalised
    measure), and E_{y~U_n}[σ(⟨x,y⟩) Y(y)] = μ_k Y(x) for every spherical harmonic Y of degree k (the
    Funk–Hecke formula [1]_).  Exact for piecewise polynomials (:mod:`hardverify.symbolic.funk_hecke`);
    certified for any activation (:mod:`hardverify.numeric.funk_hecke`,
    :mod:`hardverify.numeric.funk_hecke_series`).

    Parameters
    ----------
    act : str, sympy.Expr or Activation
        Any activation (certified), or a piecewise polynomial (exact; kinks anywhere).
    n : int or sympy.Symbol
        The dimension, ``n >= 2``, or a positive-integer Symbol (exact only).
    k : int
        The degree, ``k >= 0`` (at most 20000 exact; certified: 5000 on the series route, 800 by
        quadrature).
    dps : int, optional
        Certified decimal digits; without it the result is exact.
    measure : {"normalized", "surface"}
        ``"surface"`` returns λ_k = |S^{n-1}| μ_k (the eigenvalue for the surface measure dS).
    algorithm : {"auto", "exact", "series", "quadrature"}
        ``"auto"``: the closed form when there is one, else ``"series"`` when σ is analytic near 0, else
        ``"quadrature"``; ``"exact"``: the closed form only; ``"series"``: Taylor series at 0 times exact
        Gegenbauer moments with a Cauchy remainder bound; ``"quadrature"``: certified Gauss–Legendre
        split at the kinks.  The last two are independent of the symbolic layer and need ``dps=``.
    compact : bool or None
        Exact results only.  The size rule (None): at integer n ≤ 1000 and k ≤ 200 the plain number (rational,
        or rational + rational/π); otherwise the same number as a compact closed form r_0 + r_1·Γ(n/2)/(√π
        Γ((n+1)/2)) with an unevaluated Γ ratio (one Γ term for kinks at 0 beyond the degree of σ), which
        prints in a line at any n (10³⁰ included), evaluates with ``float``/``evalf`` and encloses with
        ``hv.enclose``.  True/False force a form (docs/sphere.md, "Exact answers at large n").

    Returns
    -------
    sympy.Expr or Enclosure
        Exact (an expression in ``n`` for a Symbol; the compact Γ form by the size rule) when ``dps`` is
        None, else a certified ball with ``dps`` correct digits.

    Raises
    ------
    DomainError
        If ``n < 2``, a Symbol ``n`` with ``dps=``, ``k`` is not a non-negative integer, an option is
        not one of the allowed names (or an independent route without ``dps=``), or ``compact`` is given
        together with ``dps``.
    ResourceLimit
        If ``k`` or ``dps`` is beyond the stated limits, or an exact derivation is estimated to take more
        than 10 s.
    NoClosedForm
        Without ``dps=`` (or with ``algorithm="exact"``) when σ is not a piecewise polynomial.
    NotCertified
        If the certified route cannot reach ``dps`` digits.

    References
    ----------
    .. [1] Atkinson, K. and Han, W., *Spherical Harmonics and Approximations on the Unit Sphere: An Introduction*,
       Lecture Notes in Mathematics 2044, Springer, 2012, ch. 2.

    Examples
    --------
    >>> import hardverify as hv, sympy as sp
    >>> hv.funk_hecke("relu", 7, 6)                                                   # SPEC V10d
    1/2048
    >>> mu = funk_hecke("relu", 10**30, 2)                                         # compact Γ form, exact
    >>> funk_hecke("relu", 10**30, 2, dps=30).contains(mu)                        # lgamma on balls agrees
    True
    >>> n = sp.Symbol("n", integer=True, positive=True)
    >>> hv.funk_hecke("relu", n, 1)                                                   # SPEC F4: 1/(2n)
    1/(2*n)
    >>> hv.funk_hecke("relu", 10**6, 1000, dps=50).rel_accuracy_digits() >= 50
    True
    >>> hv.funk_hecke("relu", 3, 2, measure="surface") == sp.pi / 4                   # |S²| μ_2 = 4π/16
    True
    """
    k = as_nonneg_int(k, "degree k", maximum=_sg.MAX_EXACT_DEGREE)
    measure = as_choice(measure, MEASURES, "measure")
    _exact_only(compact, dps)
    if dps is not None:
        as_nonneg_int(k, "degree k", maximum=MAX_NUMERIC_DEGREE)
        return routes.funk_hecke(act, n, k, dps=dps, measure=measure, algorithm=algorithm)
    return routes.funk_hecke(act, n, k, measure=measure, algorithm=algorithm, compact=compact)


def kernel_eigenvalue(kernel, n, k: int, *, dps: int | None = None, measure: str = "normalized",
                      algorithm: str = "auto"):
    """The eigenvalue on H_k^n of the dot-product kernel operator (Tf)(x) = E_{y~U_n}[κ(⟨x,y⟩) f(y)] (F3, F5).

    By Funk–Hecke it is μ_k(κ; n) = E_{t~ν_n}[κ(t) P_k^{(n)}(t)], computed by :func:`funk_hecke`.  For the
    random-feature kernel of σ it equals μ_k(σ; n)² (:func:`random_feature_eigenvalue`).

    Parameters
    ----------
    kernel : str, sympy.Expr or Activation
        The kernel κ as an activation: an expression in :data:`hardverify.t`, read on [-1, 1].
    n : int or sympy.Symbol
        The dimension, ``n >= 2``, or a positive-integer Symbol (exact only).
    k : int
        The degree, ``k >= 0``.
    dps : int, optional
        Certified decimal digits; without it the result is exact.
    measure : {"normalized", "surface"}
        As in :func:`funk_hecke`.
    algorithm : {"auto", "exact", "series", "quadrature"}
        As in :func:`funk_hecke`.

    Returns
    -------
    sympy.Expr or Enclosure
        Exact when ``dps`` is None, else a certified ball with ``dps`` correct digits.

    Raises
    ------
    DomainError, ResourceLimit, NoClosedForm, NotCertified
        As in :func:`funk_hecke`.

    Examples
    --------
    >>> import sympy as sp, hardverify as hv
    >>> kappa = hv.activation(hv.random_feature_kernel("relu", 3, hv.t))
    >>> hv.kernel_eigenvalue(kappa, 3, 2, dps=20).contains(sp.Rational(1, 256))         # SPEC F5
    True
    """
    return funk_hecke(kernel, n, k, dps=dps, measure=measure, algorithm=algorithm)


def random_feature_eigenvalue(act, n, k: int, *, dps: int | None = None, algorithm: str = "auto"):
    """μ_k(σ; n)²: the eigenvalue on H_k^n of κ(⟨x,y⟩) = E_{w~U_n}[σ(⟨w,x⟩)σ(⟨w,y⟩)] (SPEC F5).

    The random-feature kernel κ of :func:`random_feature_kernel` is a dot-product kernel whose
    Funk–Hecke eigenvalues are the squares of those of σ (normalised measure).

    Parameters
    ----------
    act : str, sympy.Expr or Activation
        The activation σ.
    n : int or sympy.Symbol
        The dimension, ``n >= 2``, or a positive-integer Symbol (exact only).
    k : int
        The degree, ``k >= 0``.
    dps : int, optional
        Certified decimal digits; without it the result is exact.
    algorithm : {"auto", "exact", "series", "quadrature"}
        The route of μ_k, as in :func:`funk_hecke`.

    Returns
    -------
    sympy.Expr or Enclosure
        Exact (expanded) when ``dps`` is None, else the certified square of the ball of μ_k (labelled
        with the digits it meets).

    Raises
    ------
    DomainError, ResourceLimit, NoClosedForm, NotCertified
        As in :func:`funk_hecke`.

    Examples
    --------
    >>> import sympy as sp, hardverify as hv
    >>> hv.random_feature_eigenvalue("relu", 3, 2) == hv.funk_hecke("relu", 3, 2) ** 2 == sp.Rational(1, 256)
    True
    >>> kappa = hv.activation(hv.random_feature_kernel("relu", 3, hv.t))          # the kernel's own μ_2
    >>> hv.kernel_eigenvalue(kappa, 3, 2, dps=20).contains(hv.random_feature_eigenvalue("relu", 3, 2))
    True
    """
    mu = funk_hecke(act, n, k, dps=dps, algorithm=algorithm)
    if dps is None:
        return sp.expand(mu ** 2)
    return mu * mu


def random_feature_kernel(act, n, rho=_bridge.RHO, *, dps: int | None = None, algorithm: str = "auto", tau=None):
    """K_σ(ρ; n) = E_{x~U_n}[σ(⟨u,x⟩) σ(⟨v,x⟩)] for unit u, v with ⟨u,v⟩ = ρ (SPEC F5, §9.4).

    Normalisation: U_n is the uniform *probability* measure on S^{n-1}; by symmetry K_σ(ρ; n) is also SPEC
    F5's κ(ρ) = E_{w~U_n}[σ(⟨w,x⟩)σ(⟨w,y⟩)] for fixed unit x, y with ⟨x,y⟩ = ρ, and
    K_σ(ρ; n) = Σ_ℓ μ_ℓ(σ; n)² N(n,ℓ) P_ℓ^{(n)}(ρ).  With ``tau=`` it is the cross kernel
    E[σ(⟨u,x⟩) τ(⟨v,x⟩)] (certified only).  Weights of norm c: use σ(c·t), ``act.affine(c, 0)``.

    Parameters
    ----------
    act : Activation or str
        Any activation bounded on [-1, 1].
    n : int ≥ 2 (a positive-integer Symbol for the exact route)
    rho : number in [-1, 1], or a sympy expression (exact route only)
        Floats read as the decimals they print; strings as decimals or fractions ("0.3", "1/3").
    dps : int, optional
        Certified digits; without it the result is exact (positively homogeneous σ only).
    algorithm : {"auto", "exact", "series"}
        ``"auto"``: the exact closed form for positively homogeneous σ (ReLU, step, sign, |t|: dual kernel
        H4 divided by E‖g‖^{2p}, §9.4), enclosed with ``dps=``; otherwise the certified Gegenbauer series
        (:mod:`hardverify.numeric.sphere_kernel`: partial sum to degree L plus the Parseval tail bound
        B_L(ρ)(E_ν[σ²] - Σ_{ℓ≤L} μ_ℓ² N(n,ℓ)), B_L ≥ sup_{ℓ>L}|P_ℓ(ρ)|; at ρ = ±1 the 1-D moment
        E_ν[σ(t)σ(±t)]).  ``"exact"``: the closed form only.  ``"series"``: the Gegenbauer series with
        eigenvalues from the certified layer only.
    tau : Activation or str, optional
        A second activation (cross kernel); needs ``dps=``.

    Returns
    -------
    sympy.Expr (exact) or Enclosure (certified, ``dps`` digits; a value that may be 0 has radius
    ≤ 10^{-dps} √(E[σ²]E[τ²])).

    Raises
    ------
    DomainError
        ρ outside [-1, 1] or symbolic with ``dps=``; n < 2; ``tau=`` without ``dps=``.
    NoClosedForm
        No exact form (σ not positively homogeneous) and no ``dps=``.
    NotCertified
        The series does not reach ``dps`` digits by degree 384 (a kink of σ in (-1, 1) at small n or |ρ| = 1).

    Examples
    --------
    >>> import hardverify as hv, sympy as sp
    >>> K = [random_feature_kernel("sigmoid", 10, r, dps=30) for r in ("0.3", "-0.3")]
    >>> (K[0] + K[1]).contains(sp.Rational(1, 2))      # σ(-t) = 1 - σ(t): K(ρ) + K(-ρ) = E[σ] = 1/2
    True
    >>> random_feature_kernel("relu", 3, "1/2", dps=30).contains(random_feature_kernel("relu", 3, sp.Rational(1, 2)))
    True
    """
    algorithm = as_choice(algorithm, ("auto", "exact", "series"), "algorithm")
    symbolic = isinstance(rho, sp.Basic) and bool(rho.free_symbols)
    act = routes.as_activation(act)
    if dps is None:
        if tau is not None:
            raise DomainError("the cross kernel (tau=) is certified only; pass dps=")
        if algorithm == "series":
            raise DomainError("algorithm='series' gives a certified enclosure; pass dps=")
        return _bridge.random_feature_kernel(act, n, rho if symbolic else _read_point(rho))
    dps = as_dps(dps)
    if symbolic:
        raise DomainError("a certified kernel needs a number rho in [-1, 1], not an expression in a symbol")
    r = _read_point(rho)
    if not (r.is_real and bool(abs(r) <= 1)):
        raise DomainError(f"rho must be a real number in [-1, 1], got {rho}")
    n = routes.certified_dimension(n)
    tt = None if tau is None else routes.as_activation(tau)
    if tt is None and algorithm != "series" and act.homogeneity is not None:
        try:
            return enclose(_bridge.random_feature_kernel(act, n, r), dps)
        except NoClosedForm:
            pass
    if algorithm == "exact":
        return enclose(_bridge.random_feature_kernel(act, n, r), dps)     # raises NoClosedForm
    return routes.sphere_kernel(act, tt, n, [(1, r)], dps=dps, algorithm="series" if algorithm == "series"
                                else "auto")


def gaussian_scaled_eigenvalue(act, n, k: int, *, dps: int | None = None, algorithm: str = "auto"):
    """√N(n,k) n^{p/2} μ_k(σ; n) for a positively p-homogeneous σ; it tends to c_k(σ) as n → ∞ (SPEC H6).

    N(n, k) = dim H_k^n (:func:`harmonic_dimension`), μ_k the Funk–Hecke eigenvalue of :func:`funk_hecke`
    (normalised measure) and c_k the orthonormal Hermite coefficient; :func:`gaussian_limit` is the
    exact limit.

    Parameters
    ----------
    act : str, sympy.Expr or Activation
        A positively p-homogeneous activation (σ(λt) = λ^p σ(t) for λ > 0).
    n : int or sympy.Symbol
        The dimension, ``n >= 2`` (an int with ``dps=``).
    k : int
        The degree, ``k >= 0``.
    dps : int, optional
        Certified decimal digits; without it the result is exact.
    algorithm : {"auto", "exact", "series", "quadrature"}
        The route of μ_k, as in :func:`funk_hecke`.

    Returns
    -------
    sympy.Expr or Enclosure
        Exact when ``dps`` is None, else a certified ball (labelled with the digits it meets, at least
        ``dps`` in practice).

    Raises
    ------
    DomainError
        If σ is not positively homogeneous, or as in :func:`funk_hecke`.

    Examples
    --------
    >>> import hardverify as hv
    >>> s = hv.gaussian_scaled_eigenvalue("relu", 10**7, 4, dps=20)
    >>> s.matches("-0.08143374588")                                                # SPEC H6 example
    True
    """
    act = routes.as_activation(act)
    p = act.homogeneity
    if p is None:
        raise DomainError(f"H6 scaling needs a positively homogeneous activation; {act.label} is not one")
    mu = funk_hecke(act, n, k, dps=dps, algorithm=algorithm)
    if dps is None:
        return sp.sqrt(harmonic_dimension(n, k)) * sp.sympify(n) ** sp.Rational(p, 2) * mu
    n = routes.certified_dimension(n)
    with ctx.workprec(bits_for_dps(dps) + 64):
        scale = arb(harmonic_dimension(n, k)).sqrt() * arb(n) ** (arb(p) / 2)
        return Enclosure.labelled(mu.ball * scale, dps)


def gaussian_limit(act, k: int) -> sp.Expr:
    """Exact lim_{n→∞} √N(n,k) n^{p/2} μ_k(σ; n) (SPEC H6); it equals the Hermite coefficient c_k(σ).

    Computed from the exact Funk–Hecke form μ_k = r_0(n) + r_1(n) A_n and Wendel's inequality [1]_
    (:mod:`hardverify.symbolic.bridge`), independently of the Hermite layer, so comparing it with
    :func:`hermite_coefficient` checks H6.

    Parameters
    ----------
    act : str, sympy.Expr or Activation
        A positively p-homogeneous piecewise polynomial (pieces c·t^p, kink at 0).
    k : int
        The degree, ``0 <= k <= 2000``.

    Returns
    -------
    sympy.Expr
        The exact limit.

    Raises
    ------
    DomainError
        If σ is not a positively homogeneous piecewise polynomial or ``k`` is not a non-negative integer.
    ResourceLimit
        If ``k > 2000``.
    NoConvergence
        If a term of the limit is not finite.

    References
    ----------
    .. [1] Wendel, J. G., "Note on the gamma function", *Amer. Math. Monthly* 55 (1948), 563–564.

    Examples
    --------
    >>> import hardverify as hv
    >>> all(hv.gaussian_limit("relu", k) == hv.hermite_coefficient("relu", k) for k in range(5))   # SPEC H6
    True
    """
    return _bridge.gaussian_limit(routes.as_activation(act), k)
