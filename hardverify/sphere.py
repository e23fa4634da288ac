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
from .errors import DomainError
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

    Parameters
    ----------
    n : int ≥ 2 or positive-integer Symbol
    k : int ≥ 0
    x : optional
        None: the polynomial in :data:`hardverify.t`; a sympy expression/Symbol: the polynomial in it;
        a number: its value (exact, or an Enclosure with ``dps=``; then x must be exact, e.g. "0.3").

    >>> import hardverify as hv, sympy as sp
    >>> legendre_polynomial(3, 2)
    3*t**2/2 - 1/2
    >>> legendre_polynomial(10**6, 1000, "0.001", dps=20).rel_accuracy_digits() >= 20
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

    >>> import hardverify as hv
    >>> [str(m) for m in funk_hecke_eigenvalues("step", 4, 3)]                      # SPEC F4 table, n = 4
    ['1/2', '2/(3*pi)', '0', '-2/(15*pi)']
    >>> mu = funk_hecke_eigenvalues("sigmoid", 1000, 20, dps=30)                     # certified (series route)
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

    E_{y~U_n}[σ(⟨x,y⟩) Y(y)] = μ_k Y(x) for every spherical harmonic Y of degree k.

    Parameters
    ----------
    act : Activation or str
        Any activation (certified), or a piecewise polynomial (exact; kinks anywhere).
    n : int ≥ 2, or a positive-integer sympy Symbol (exact only)
    k : int ≥ 0
    dps : int, optional
        Certified decimal digits; without it the result is exact.
    measure : {"normalized", "surface"}
        ``"surface"`` returns λ_k = |S^{n-1}| μ_k (the eigenvalue for the surface measure dS).
    algorithm : {"auto", "exact", "series", "quadrature"}
    compact : bool or None
        Exact results only.  The size rule (None): at integer n ≤ 1000 and k ≤ 200 the plain number (rational,
        or rational + rational/π); otherwise the same number as a compact closed form r_0 + r_1·Γ(n/2)/(√π
        Γ((n+1)/2)) with an unevaluated Γ ratio (one Γ term for kinks at 0 beyond the degree of σ), which
        prints in a line at any n (10³⁰ included), evaluates with ``float``/``evalf`` and encloses with
        ``hv.enclose``.  True/False force a form (docs/sphere.md, "Exact answers at large n").

    Returns
    -------
    sympy.Expr (exact) or Enclosure (certified, with ``dps``)

    Raises
    ------
    DomainError
        Bad arguments (``compact`` together with ``dps``).
    NoClosedForm
        Exact result asked for an activation that is not a piecewise polynomial (use ``dps=``).
    ResourceLimit
        Beyond the degree limits, or an exact derivation estimated to take more than 10 s.

    >>> import hardverify as hv, sympy as sp
    >>> funk_hecke("relu", 7, 6)                                                   # SPEC V10d
    1/2048
    >>> mu = funk_hecke("relu", 10**30, 2)                                         # compact Γ form, exact
    >>> funk_hecke("relu", 10**30, 2, dps=30).contains(mu)                        # lgamma on balls agrees
    True
    >>> n = sp.Symbol("n", integer=True, positive=True)
    >>> funk_hecke("relu", n, 1)                                                   # SPEC F4: 1/(2n)
    1/(2*n)
    >>> funk_hecke("relu", 10**6, 1000, dps=50).rel_accuracy_digits() >= 50
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
    """Eigenvalue on H_k^n of the dot-product kernel operator (Tf)(x) = E_y[κ(⟨x,y⟩) f(y)] (F3, F5).

    By Funk–Hecke it is μ_k(κ; n); ``kernel`` is κ as an activation (an expression in :data:`hardverify.t`
    on [-1, 1]).  For the random-feature kernel of σ it equals μ_k(σ)² (:func:`random_feature_eigenvalue`).

    >>> import sympy as sp, hardverify as hv
    >>> kappa = hv.activation(random_feature_kernel("relu", 3, hv.t))
    >>> kernel_eigenvalue(kappa, 3, 2, dps=20).contains(sp.Rational(1, 256))         # SPEC F5
    True
    """
    return funk_hecke(kernel, n, k, dps=dps, measure=measure, algorithm=algorithm)


def random_feature_eigenvalue(act, n, k: int, *, dps: int | None = None, algorithm: str = "auto"):
    """μ_k(σ; n)²: the eigenvalue on H_k^n of κ(⟨x,y⟩) = E_{w~U_n}[σ(⟨w,x⟩)σ(⟨w,y⟩)] (SPEC F5)."""
    mu = funk_hecke(act, n, k, dps=dps, algorithm=algorithm)
    if dps is None:
        return sp.expand(mu ** 2)
    return mu * mu


def random_feature_kernel(act, n, rho=_bridge.RHO, *, dps: int | None = None):
    """κ(ρ) = E_{w~U_n}[σ(⟨w,x⟩)σ(⟨w,y⟩)], ⟨x,y⟩ = ρ, exactly for positively homogeneous σ (F5, §9.4).

    For ReLU κ(ρ) = (√(1-ρ²) + (π - arccos ρ)ρ)/(2πn).  With ``dps=`` and a number ρ the closed form
    is enclosed.
    """
    symbolic = isinstance(rho, sp.Basic) and bool(rho.free_symbols)
    value = _bridge.random_feature_kernel(routes.as_activation(act), n, rho if symbolic else _read_point(rho))
    return value if dps is None else enclose(value, as_dps(dps))


def gaussian_scaled_eigenvalue(act, n, k: int, *, dps: int | None = None, algorithm: str = "auto"):
    """√N(n,k) n^{p/2} μ_k(σ; n) for a positively p-homogeneous σ; it tends to c_k(σ) as n → ∞ (SPEC H6).

    >>> import hardverify as hv
    >>> s = gaussian_scaled_eigenvalue("relu", 10**7, 4, dps=20)
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
    """Exact lim_{n→∞} √N(n,k) n^{p/2} μ_k(σ; n) (SPEC H6); equals the Hermite coefficient c_k(σ)."""
    return _bridge.gaussian_limit(routes.as_activation(act), k)
