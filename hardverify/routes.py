"""The router: the one place that decides exact vs certified vs independent, with the shared bounded caches.

Every public function with a ``dps=`` and an ``algorithm=`` keyword (:mod:`hardverify.hermite`,
:mod:`hardverify.sphere`, :func:`hardverify.inner_product`, the constructions' norms) asks this module,
and the words of :data:`ALGORITHMS` mean the same everywhere:

``"auto"``        the exact closed form when hardverify has one (enclosed in a ball when ``dps=`` is given),
                  otherwise the certified default route;
``"exact"``       the exact closed form only (:class:`~hardverify.errors.NoClosedForm` when there is none);
                  with ``dps=`` the closed form is enclosed in a ball;
``"quadrature"``  certified quadrature of the defining integral (Gauss–Legendre with explicit error bounds);
``"series"``      a certified series whose coefficients the certified layer computes itself: Mehler's series
                  for dual kernels, inner products and norms (coefficients by certified quadrature), Taylor
                  coefficients times exact moments for Funk–Hecke eigenvalues.

``"quadrature"`` and ``"series"`` never read the symbolic layer (a test patches it to raise), so they are
independent second opinions of the closed forms; both need ``dps=``.  Without ``dps`` a result is exact.

Caches (all bounded): exact Hermite coefficient lists, certified coefficient tables (a single coefficient comes
from the table of its degree rounded up to a multiple of 20, so single calls in a loop cost about what one batch
costs; a table depends only on the request, so results never depend on what was computed before), exact dual
kernels, coefficient tables for Mehler sums, exact Funk–Hecke forms and certified eigenvalue lists.

>>> import hardverify as hv
>>> sorted(ALGORITHMS)
['auto', 'exact', 'quadrature', 'series']
>>> decide(None, "auto", ("auto", "exact", "series"), "the dual kernel")
(None, 'auto')
"""

from __future__ import annotations

import functools

import sympy as sp
from flint import arb, ctx

from .caching import LRU
from .core.activations import MAX_FREQUENCY, Activation, activation
from .core.conventions import NORMALIZATIONS
from .core.numbers import sign_of
from .errors import DomainError, NoClosedForm, NotCertified, ResourceLimit
from .numeric import dual as _ndual
from .numeric import funk_hecke as _nfh
from .numeric import funk_hecke_series as _nfs
from .numeric import hermite as _nh
from .numeric import sphere_kernel as _nsk
from .numeric.enclosure import Enclosure, enclose
from .numeric.precision import bits_for_dps, until_met
from .symbolic import dual as _sdual
from .symbolic import funk_hecke as _sfh
from .symbolic import hermite as _sh
from .validate import as_choice, as_dps, as_int_at_least

__all__ = ["ALGORITHMS", "INDEPENDENT", "decide", "as_activation", "hermite_coefficients", "hermite_coefficient",
           "gaussian_expectation", "dual_kernel", "unit_kernel", "hermite_table", "funk_hecke_eigenvalues",
           "funk_hecke", "enclose_eigen_forms", "certified_dimension", "sphere_kernel", "clear_caches"]

#: every algorithm name of the package, with its one meaning (see the module docstring).
ALGORITHMS = {
    "auto": "the exact closed form when there is one (enclosed with dps=), else the certified default",
    "exact": "the exact closed form only (NoClosedForm if none); enclosed in a ball with dps=",
    "quadrature": "certified quadrature of the defining integral; never reads the symbolic layer",
    "series": "a certified series with coefficients from the certified layer; never reads the symbolic layer",
}
#: the routes that are independent of the symbolic layer (cross-checks); they need dps=.
INDEPENDENT = ("quadrature", "series")


def as_activation(a) -> Activation:
    """An Activation from an Activation, a registry name, or a sympy expression.

    Parameters
    ----------
    a : Activation, str or sympy.Expr
        An activation, a registry name or text (:func:`hardverify.activation`), or an expression.

    Returns
    -------
    Activation
        ``a`` itself when it is one.

    Raises
    ------
    DomainError
        As in :func:`hardverify.activation`.

    Examples
    --------
    >>> as_activation("relu") == as_activation("max(0, t)")
    True
    """
    return a if isinstance(a, Activation) else activation(a)


def decide(dps, algorithm, allowed, what: str):
    """(dps, algorithm) validated: the algorithm must be allowed for ``what``; independent routes need dps.

    Parameters
    ----------
    dps : int or None
        The requested certified digits (None: exact).
    algorithm : str
        The requested route.
    allowed : tuple of str
        The routes the quantity offers (names of :data:`ALGORITHMS`).
    what : str
        The quantity, for messages (``"the dual kernel"``).

    Returns
    -------
    tuple
        ``(dps, algorithm)`` with ``dps`` validated (or None).

    Raises
    ------
    DomainError
        If ``algorithm`` is not in ``allowed``, an independent route (:data:`INDEPENDENT`) is asked for
        without ``dps``, or ``dps`` is not a positive integer.
    ResourceLimit
        If ``dps > 5000``.

    Examples
    --------
    >>> decide(30, "quadrature", ("auto", "exact", "quadrature"), "a coefficient")
    (30, 'quadrature')
    >>> decide(None, "series", ("auto", "series"), "the dual kernel")
    Traceback (most recent call last):
    ...
    hardverify.errors.DomainError: algorithm='series' gives a certified enclosure of the dual kernel; pass dps=
    """
    algorithm = as_choice(algorithm, allowed, "algorithm")
    if dps is None:
        if algorithm in INDEPENDENT:
            raise DomainError(f"algorithm={algorithm!r} gives a certified enclosure of {what}; pass dps=")
        return None, algorithm
    return as_dps(dps), algorithm


def _exact(act: Activation, fn):
    """Run an exact computation; when σ is not even integrable against the Gaussian (exp(t²)), raise that."""
    try:
        return fn()
    except NoClosedForm as exc:
        try:
            _ = act.growth                    # raises when σ is not integrable against the Gaussian
        except DomainError as growth_error:
            raise growth_error from exc
        raise


@functools.lru_cache(maxsize=512)
def _has_hermite_closed_form(act: Activation) -> bool:
    try:
        _sh.exact_form(act)
        return True
    except NoClosedForm:
        return False


# ------------------------------------------------------------------------------ Hermite coefficients
_CERTIFIED = LRU(256)           # (act, normalization, dps) -> [Enclosure, ...] (certified quadrature)
_CHUNK = 20                     # certified tables grow in chunks of 20 degrees, doubling beyond


#: certified tables are grown beyond the request only up to this degree (beyond, exactly what is asked)
_GROW_LIMIT = 1000


def check_frequency(act: Activation) -> None:
    """ResourceLimit up front when σ oscillates faster than certified quadrature resolves (sin(10⁶ t)).

    Parameters
    ----------
    act : Activation
        The activation (its :attr:`~hardverify.core.activations.Activation.frequency`).

    Raises
    ------
    ResourceLimit
        If |ω| > :data:`~hardverify.core.activations.MAX_FREQUENCY` (64).

    Examples
    --------
    >>> import sympy as sp, hardverify as hv
    >>> check_frequency(hv.activation(sp.sin(3 * hv.t)))                   # |ω| = 3: accepted
    >>> check_frequency(hv.activation(sp.sin(100 * hv.t)))
    Traceback (most recent call last):
    ...
    hardverify.errors.ResourceLimit: sin(100*t) oscillates with frequency |ω| = 100 > 64: ...
    """
    w = act.frequency
    if w is not None and float(w) > MAX_FREQUENCY:
        raise ResourceLimit(f"{act.label} oscillates with frequency |ω| = {w} > {MAX_FREQUENCY}: certified quadrature "
                            f"would need about {float(w):.3g} nodes per unit length; rescale the variable "
                            f"(σ(ω t) = τ(t)) or use an exact route")


def _certified_upto(act: Activation, M: int, dps: int, normalization: str, *, exact_degree: bool = False) -> list:
    """Certified c_0..c_D with D = M (``exact_degree``) or M rounded up to a multiple of 20 (single calls).

    D depends only on the request, never on what was computed before, so a result is the same whatever the
    cache holds (reports must not depend on which worker ran a case).
    """
    M = _nh.as_certified_degree(M, "degree m")
    check_frequency(act)
    normalization = as_choice(normalization, NORMALIZATIONS, "normalization")
    D = M if (exact_degree or M > _GROW_LIMIT) else max(M, _CHUNK * -(-max(M, 1) // _CHUNK))
    key = (act, normalization, dps, D)
    have = _CERTIFIED.get(key)
    if have is not None:
        return have
    try:
        values = _nh.hermite_coefficients(act, D, dps=dps, normalization=normalization)
    except NotCertified:
        if D == M:
            raise
        values = _nh.hermite_coefficients(act, M, dps=dps, normalization=normalization)   # exactly what was asked
    _CERTIFIED.put(key, values)
    return values


@functools.lru_cache(maxsize=256)
def _exact_coefficients(act: Activation, M: int, normalization: str) -> tuple:
    return tuple(_sh.hermite_coefficients(act, M, normalization=normalization))


def hermite_coefficients(act, M: int, *, dps=None, normalization="orthonormal", algorithm="auto") -> list:
    """[c_0, ..., c_M] by the route :func:`decide` picks (see :func:`hardverify.hermite_coefficients`).

    Parameters
    ----------
    act : Activation, str or sympy.Expr
        The activation.
    M : int
        The largest degree.
    dps : int, optional
        Certified decimal digits; None for an exact result.
    normalization : {"orthonormal", "probabilists", "physicists"}
        The basis.
    algorithm : str
        A route allowed for the quantity (see :data:`ALGORITHMS`).

    Returns
    -------
    list of sympy.Expr, or list of Enclosure
        Exact values without ``dps``, else certified balls.

    Raises
    ------
    DomainError, ResourceLimit, NoClosedForm, NotCertified
        As in :func:`hardverify.hermite_coefficients`.

    Examples
    --------
    >>> import sympy as sp
    >>> q = hermite_coefficients("relu", 5, dps=20, algorithm="quadrature")       # independent of the closed form
    >>> all(e.contains(c) for e, c in zip(q, hermite_coefficients("relu", 5)))
    True
    """
    act = as_activation(act)
    dps, algorithm = decide(dps, algorithm, ("auto", "exact", "quadrature"), "Hermite coefficients")
    if dps is None:
        return list(_exact(act, lambda: _exact_coefficients(act, M, normalization)))
    if algorithm == "quadrature" or (algorithm == "auto" and not _has_hermite_closed_form(act)):
        return list(_certified_upto(act, M, dps, normalization)[: M + 1])
    return [enclose(c, dps) for c in _exact(act, lambda: _exact_coefficients(act, M, normalization))]


def hermite_coefficient(act, m: int, *, dps=None, normalization="orthonormal", algorithm="auto"):
    """c_m by the route :func:`decide` picks; certified values come from the shared growing tables.

    Parameters
    ----------
    act : Activation, str or sympy.Expr
        The activation.
    m : int
        The degree.
    dps : int, optional
        Certified decimal digits; None for an exact result.
    normalization : {"orthonormal", "probabilists", "physicists"}
        The basis.
    algorithm : str
        A route allowed for the quantity (see :data:`ALGORITHMS`).

    Returns
    -------
    sympy.Expr or Enclosure
        Exact without ``dps``, else a certified ball.

    Raises
    ------
    DomainError, ResourceLimit, NoClosedForm, NotCertified
        As in :func:`hardverify.hermite_coefficient`.

    Examples
    --------
    >>> a = hermite_coefficient("tanh", 3, dps=10)               # from the certified table c_0..c_20
    >>> clear_caches()
    >>> str(a) == str(hermite_coefficients("tanh", 20, dps=10)[3])   # the same ball, whatever the cache held
    True
    """
    act = as_activation(act)
    dps, algorithm = decide(dps, algorithm, ("auto", "exact", "quadrature"), "a Hermite coefficient")
    if dps is None:
        return _exact(act, lambda: _sh.hermite_coefficient(act, m, normalization=normalization))
    if algorithm == "quadrature" or (algorithm == "auto" and not _has_hermite_closed_form(act)):
        return _certified_upto(act, m, dps, normalization)[m]
    return enclose(_exact(act, lambda: _sh.hermite_coefficient(act, m, normalization=normalization)), dps)


def gaussian_expectation(act, *, dps=None, algorithm="auto"):
    """E[σ(g)], g ~ N(0, 1) (= c_0).

    Parameters
    ----------
    act : Activation, str or sympy.Expr
        The activation.
    dps : int, optional
        Certified decimal digits; None for an exact result.
    algorithm : str
        A route allowed for the quantity (see :data:`ALGORITHMS`).

    Returns
    -------
    sympy.Expr or Enclosure
        Exact without ``dps``, else a certified ball.

    Raises
    ------
    DomainError, ResourceLimit, NoClosedForm, NotCertified
        As in :func:`hardverify.gaussian_expectation`.

    Examples
    --------
    >>> gaussian_expectation("abs") == 2 * hermite_coefficient("relu", 0)         # E|g| = 2 E[ReLU(g)]
    True
    """
    return hermite_coefficient(act, 0, dps=dps, algorithm=algorithm)


# ------------------------------------------------------------------------------ coefficient tables
def _exact_table_coefficients(act: Activation, M: int, dps: int) -> list:
    """c_0..c_M as balls from the exact E[σ He_m] (divided by √(m!) in ball arithmetic)."""
    forms = _sh.he_expectations(act, M)
    out = []
    with ctx.workprec(bits_for_dps(dps) + 64):
        for m, v in enumerate(forms):
            out.append(enclose(v, dps + 5).ball / arb.fac_ui(m).sqrt())
    return out


def hermite_table(act, M: int, dps: int, *, algorithm: str = "auto") -> _ndual.HermiteTable:
    """A certified table c_0..c_M(σ) with E[σ²], for Mehler sums.

    From the closed forms when they exist (``auto``), else — and always for the independent
    ``series``/``quadrature`` routes — from certified quadrature.

    Parameters
    ----------
    act : Activation, str or sympy.Expr
        The activation.
    M : int
        The largest degree.
    dps : int
        Certified decimal digits.
    algorithm : str
        ``"auto"`` uses the closed forms when they exist; any independent route (``"series"``,
        ``"quadrature"``) forces certified quadrature.

    Returns
    -------
    HermiteTable
        Certified c_0..c_M with the certified second moment E[σ²] (for the Parseval tail bound).

    Examples
    --------
    >>> tab = hermite_table("relu", 10, 20)                                # from the closed forms
    >>> tab.source, tab.degree >= 10, tab.norm2.contains(arb(1) / 2)
    ('exact', True, True)
    >>> hermite_table("relu", 10, 20, algorithm="series").source           # independent of them
    'quadrature'
    """
    act = as_activation(act)
    if algorithm in INDEPENDENT or not _has_hermite_closed_form(act):
        return _ndual.hermite_table(act, M, dps)
    return _ndual.hermite_table(act, M, dps, coefficients=_exact_table_coefficients, source="exact")


def _exact_table(act, M, dps):
    return hermite_table(act, M, dps, algorithm="auto")


# ------------------------------------------------------------------------------ dual kernels
@functools.lru_cache(maxsize=4096)
def _exact_kernel(s: Activation, tau, rho):
    return _sdual.dual_kernel(s, tau, rho=rho)


def dual_kernel(sigma, tau=None, *, rho=_sdual.RHO, dps=None, algorithm="auto", absolute=None):
    """K_{σ,τ}(ρ) by the route :func:`decide` picks (see :func:`hardverify.dual_kernel`).

    Parameters
    ----------
    sigma, tau : Activation, str or sympy.Expr
        The activations (``tau=None``: τ = σ).
    rho : sympy.Symbol or number
        The correlation (a number with ``dps=``).
    dps : int, optional
        Certified decimal digits; None for an exact result.
    algorithm : str
        A route allowed for the quantity (see :data:`ALGORITHMS`).
    absolute : flint.arb, optional
        An absolute radius that suffices (for values that may be 0).

    Returns
    -------
    sympy.Expr or Enclosure
        Exact without ``dps``, else a certified ball.

    Raises
    ------
    DomainError, NoClosedForm, NotCertified
        As in :func:`hardverify.dual_kernel`.

    Examples
    --------
    >>> import sympy as sp
    >>> k = dual_kernel("relu", rho="1/2", dps=20, algorithm="series")              # Mehler with a Parseval tail
    >>> k.contains(dual_kernel("relu", rho=sp.Rational(1, 2)))
    True
    """
    s = as_activation(sigma)
    tt = None if tau is None else as_activation(tau)
    dps, algorithm = decide(dps, algorithm, ("auto", "exact", "series"), "the dual kernel")
    if dps is None:
        return _exact(s, lambda: _sdual.dual_kernel(s, tt, rho=rho))
    if isinstance(rho, sp.Basic) and rho.free_symbols:
        raise DomainError("a certified dual kernel needs a numeric rho in [-1, 1]")
    r = _ndual.read_rho(rho)
    if algorithm != "series":
        try:
            return enclose(_exact_kernel(s, tt, sp.sympify(r)), dps)
        except NoClosedForm:
            if algorithm == "exact":
                raise
        return _ndual.dual_kernel(s, tt, r, dps=dps, absolute=absolute, table=_exact_table)
    return _ndual.dual_kernel(s, tt, r, dps=dps, absolute=absolute)


def _unit(act: Activation, r2, beta) -> Activation:
    """σ(r t + β) with r = √r2 (σ itself for a unit weight and no bias)."""
    r = sp.sqrt(sp.sympify(r2))
    return act if (r == 1 and beta == 0) else act.affine(r, beta)


def unit_kernel(sf: Activation, sg: Activation, key, *, dps=None, algorithm="auto", absolute=None):
    """E[σ(r_f U + β_f) τ(r_g V + β_g)] for standard normal U, V with E[r_f U · r_g V] = ip.

    ``key = (r_f², β_f, r_g², β_g, ip)`` (exact); a unit with zero weight is the constant σ(β).  Exact
    without ``dps``, else certified by the route of ``algorithm`` (``series``: independent).

    Parameters
    ----------
    sf, sg : Activation
        The activations σ, τ.
    key : tuple
        ``(r_f², β_f, r_g², β_g, ip)``: squared weight norms, biases and the weights' inner product (exact).
    dps : int, optional
        Certified decimal digits; None for an exact result.
    algorithm : str
        ``"auto"``, ``"exact"`` or ``"series"`` (independent of the closed forms).
    absolute : flint.arb, optional
        An absolute radius that suffices.

    Returns
    -------
    sympy.Expr or Enclosure
        The exact expectation without ``dps``, else a certified ball.

    Raises
    ------
    DomainError, NoClosedForm, NotCertified
        As in :func:`dual_kernel` and :func:`gaussian_expectation`.

    Examples
    --------
    >>> import sympy as sp, hardverify as hv
    >>> relu = hv.activation("relu")
    >>> unit_kernel(relu, relu, (1, 0, 1, 0, sp.Rational(1, 2))) == dual_kernel(relu, rho=sp.Rational(1, 2))
    True
    >>> unit_kernel(relu, relu, (0, 2, 1, 0, 0)) == 2 * gaussian_expectation(relu)   # a zero weight: σ(β) E[τ]
    True
    """
    rf, bf, rg, bg, ip = key
    zf, zg = sign_of(sp.sympify(rf)) == 0, sign_of(sp.sympify(rg)) == 0
    if zf or zg:
        const = sf(bf) if zf else sg(bg)
        if zf and zg:
            value = const * sg(bg)
            return value if dps is None else enclose(value, dps)
        other = _unit(sg, rg, bg) if zf else _unit(sf, rf, bf)
        if dps is None:
            return const * gaussian_expectation(other)
        mean = gaussian_expectation(other, dps=dps + 5, algorithm="quadrature" if algorithm == "series" else "auto")
        return enclose(const, dps + 5) * mean
    rho = sp.radsimp(sp.sympify(ip) / sp.sqrt(sp.sympify(rf) * rg))
    s1, t1 = _unit(sf, rf, bf), _unit(sg, rg, bg)
    if dps is None:
        return _exact(s1, lambda: _exact_kernel(s1, t1, rho))
    return dual_kernel(s1, t1, rho=rho, dps=dps, algorithm=algorithm, absolute=absolute)


# ------------------------------------------------------------------------------ Funk–Hecke
_FH = LRU(256)                 # (act, n, dps, measure, algorithm) -> [Enclosure, ...]


@functools.lru_cache(maxsize=256)
def _eigen_forms(act: Activation, n, K: int):
    return _sfh.eigen_forms(act, n, K)


def _exact_forms(act, n, K):
    try:
        return _eigen_forms(act, n, K)
    except NoClosedForm:
        return None


def _form_ball(form, surface: bool) -> arb:
    """r0 + r1 A_n (times |S^{n-1}| for the surface measure) at the ambient precision.

    exp(lgamma(n/2) - ...) loses about log₂|log Γ(n/2)| ≤ 2 log₂ n bits, so those are added as guard bits (at
    n = 10³⁰ the surface value is ~10^(-1.4·10³¹): far below 10^-dps, so precision is never raised for it).
    """
    n = form.n
    with ctx.workprec(ctx.prec + 2 * int(n).bit_length() + 16):
        A = ((arb(n) / 2).lgamma() - (arb(n + 1) / 2).lgamma()).exp() / arb.pi().sqrt()
        from .core.arbeval import enclose_constant
        parts = [arb(v) if not isinstance(v, sp.Basic) else enclose_constant(v) for v in (form.r0, form.r1)]
        b = parts[0] + parts[1] * A
        b = b * _nfh.surface_factor(n) if surface else b
    return +b


def enclose_eigen_forms(forms, dps: int, surface: bool) -> list:
    """Certified values of exact Funk–Hecke forms (ball evaluation at rising precision).

    Parameters
    ----------
    forms : list of EigenForm
        Exact forms r0 + r1·A_n (integer n) from :func:`hardverify.symbolic.funk_hecke.eigen_forms`.
    dps : int
        Certified decimal digits.
    surface : bool
        Multiply by |S^{n-1}| (the surface-measure eigenvalue).

    Returns
    -------
    list of Enclosure
        One ball per form with ``dps`` digits; a zero form gives the exact ball 0.

    Raises
    ------
    NotCertified
        If a value cannot be certified to ``dps`` digits.
    """
    out = []
    for f in forms:
        if f.is_zero():
            out.append(Enclosure(arb(0), dps))
            continue
        out.append(Enclosure(until_met(lambda f=f: _form_ball(f, surface), dps, what="an exact eigenvalue"), dps))
    return out


def certified_dimension(n) -> int:
    """An integer dimension n ≥ 2 for a certified result (a Symbol is refused).

    Parameters
    ----------
    n : int
        The dimension.

    Returns
    -------
    int
        ``int(n)``.

    Raises
    ------
    DomainError
        If ``n`` is a Symbol or expression, not an integer, or below 2.

    Examples
    --------
    >>> certified_dimension(10**6)
    1000000
    """
    if isinstance(n, sp.Basic) and n.free_symbols:
        raise DomainError("a certified result (dps=) needs an integer dimension n >= 2, not a Symbol")
    return as_int_at_least(n, 2, "dimension n")


def _certified_eigenvalues(act, n, K, dps, measure, algorithm):
    check_frequency(act)
    if algorithm == "series" or (algorithm == "auto" and _nfs.central_piece(act)[0] is not None):
        try:
            return _nfs.series_eigenvalues(act, n, K, dps=dps, measure=measure)
        except (NotCertified, DomainError):
            if algorithm == "series":
                raise
    return _nfh.funk_hecke_eigenvalues(act, n, K, dps=dps, measure=measure)


def funk_hecke_eigenvalues(act, n, K: int, *, dps=None, measure="normalized", algorithm="auto",
                           compact=None) -> list:
    """[μ_0, ..., μ_K], μ_k = E_{t~ν_n}[σ(t) P_k^{(n)}(t)], by the route :func:`decide` picks.

    See :func:`hardverify.funk_hecke_eigenvalues` (the facade, which validates ``measure`` and ``compact``).
    Without ``dps``: the exact derivation of :func:`hardverify.symbolic.funk_hecke.funk_hecke_eigenvalues`.
    With ``dps``: ``"auto"``/``"exact"`` enclose the exact forms when σ has them; otherwise (and always for
    ``"series"``/``"quadrature"``, which never read the symbolic layer) the certified series or quadrature,
    cached per request in a bounded cache.

    Parameters
    ----------
    act : Activation, str or sympy.Expr
        The activation.
    n : int or sympy.Expr
        The dimension, ``n >= 2`` (an int with ``dps``; a positive-integer Symbol for exact results).
    K : int
        The largest degree.
    dps : int, optional
        Certified decimal digits; None for an exact result.
    measure : {"normalized", "surface"}
        The measure (``"surface"``: λ_k = |S^{n-1}| μ_k); validated by the facade, not here.
    algorithm : str
        A route allowed for the quantity: ``"auto"``, ``"exact"``, ``"series"`` or ``"quadrature"``
        (see :data:`ALGORITHMS`).
    compact : bool or None
        The form of an exact result at integer n (the size rule of
        :func:`hardverify.symbolic.gegenbauer.use_compact`); not used with ``dps``.

    Returns
    -------
    list of sympy.Expr, or list of Enclosure
        Exact values without ``dps``, else certified balls with ``dps`` digits.

    Raises
    ------
    DomainError, ResourceLimit, NoClosedForm, NotCertified
        As in :func:`hardverify.funk_hecke_eigenvalues` (``"exact"`` with ``dps`` and no closed form raises
        NoClosedForm; it never falls through to another route).

    Examples
    --------
    >>> q = funk_hecke_eigenvalues("relu", 5, 4, dps=20, algorithm="quadrature")   # independent route
    >>> all(e.contains(v) for e, v in zip(q, funk_hecke_eigenvalues("relu", 5, 4)))
    True
    """
    act = as_activation(act)
    dps, algorithm = decide(dps, algorithm, ("auto", "exact", "series", "quadrature"), "Funk–Hecke eigenvalues")
    if dps is None:
        return _sfh.funk_hecke_eigenvalues(act, n, K, measure=measure, compact=compact)
    n = certified_dimension(n)
    surface = measure == "surface"
    if algorithm in ("auto", "exact"):
        forms = _exact_forms(act, n, K)
        if forms is not None:
            return enclose_eigen_forms(forms, dps, surface)
        if algorithm == "exact":                 # never fall through to another route
            _sfh.eigen_forms(act, n, K)          # raises the NoClosedForm with its explanation
            raise NoClosedForm(f"no closed form for the Funk–Hecke eigenvalues of {act.label} at n = {n}")
    key = (act, n, K, dps, measure, algorithm)          # the exact request: results never depend on history
    have = _FH.get(key)
    if have is None:
        have = _certified_eigenvalues(act, n, K, dps, measure, algorithm)
        _FH.put(key, have)
    return list(have)


def funk_hecke(act, n, k: int, *, dps=None, measure="normalized", algorithm="auto", compact=None):
    """μ_k = E_{t~ν_n}[σ(t) P_k^{(n)}(t)] by the route :func:`decide` picks (see :func:`hardverify.funk_hecke`).

    On the exact route with ``dps`` only the requested degree is enclosed; the other certified routes compute
    the list μ_0..μ_k (:func:`funk_hecke_eigenvalues`) and return its last entry.

    Parameters
    ----------
    act : Activation, str or sympy.Expr
        The activation.
    n : int or sympy.Expr
        The dimension, ``n >= 2`` (an int with ``dps``; a positive-integer Symbol for exact results).
    k : int
        The degree.
    dps : int, optional
        Certified decimal digits; None for an exact result.
    measure : {"normalized", "surface"}
        The measure (``"surface"``: λ_k = |S^{n-1}| μ_k); validated by the facade, not here.
    algorithm : str
        ``"auto"``, ``"exact"``, ``"series"`` or ``"quadrature"`` (see :data:`ALGORITHMS`).
    compact : bool or None
        The form of an exact result at integer n (the size rule of
        :func:`hardverify.symbolic.gegenbauer.use_compact`); not used with ``dps``.

    Returns
    -------
    sympy.Expr or Enclosure
        Exact without ``dps``, else a certified ball with ``dps`` digits.

    Raises
    ------
    DomainError, ResourceLimit, NoClosedForm, NotCertified
        As in :func:`hardverify.funk_hecke`.

    Examples
    --------
    >>> funk_hecke("relu", 3, 2, dps=20).contains(funk_hecke("relu", 3, 2))       # the closed form 1/16, enclosed
    True
    >>> mu = funk_hecke("relu", 2000, 2)                                         # n > 1000: the compact Γ form
    >>> mu, mu.doit() == funk_hecke("relu", 2000, 2, compact=False)              # ... of the same number
    ((gamma(1000)/gamma(2003/2))/(4*sqrt(pi)), True)
    """
    act = as_activation(act)
    dps_, algorithm_ = decide(dps, algorithm, ("auto", "exact", "series", "quadrature"), "a Funk–Hecke eigenvalue")
    if dps_ is None:
        return _sfh.funk_hecke(act, n, k, measure=measure, compact=compact)
    if algorithm_ in ("auto", "exact"):
        forms = _exact_forms(act, certified_dimension(n), k)
        if forms is not None:
            return enclose_eigen_forms(forms[k:], dps_, measure == "surface")[0]
    return funk_hecke_eigenvalues(act, n, k, dps=dps_, measure=measure, algorithm=algorithm_)[k]


# ------------------------------------------------------------------------------ zonal kernels on the sphere
def _independent_eigen_route(act: Activation) -> str:
    """The certified route of μ_ℓ(σ) that never reads the symbolic layer: series if σ is analytic at 0."""
    return "series" if _nfs.central_piece(act)[0] is not None else "quadrature"


def sphere_kernel(sigma, tau, n, terms, *, dps: int, algorithm: str = "auto", series_only: bool = False,
                  relative: bool = False) -> Enclosure:
    """Certified Σ_j w_j K_{σ,τ}(ρ_j; n), K_{σ,τ}(ρ; n) = E_{x~U_n}[σ(⟨u,x⟩)τ(⟨v,x⟩)] with ⟨u,v⟩ = ρ (SPEC F5).

    The Gegenbauer series of :mod:`hardverify.numeric.sphere_kernel` with the Funk–Hecke eigenvalues and the
    1-D moments of this router: ``"auto"`` their default routes (exact forms where they exist), ``"series"``
    only their certified routes (series, else quadrature; never the symbolic layer).  ``terms`` are exact
    (w_j, ρ_j) with ρ_j ∈ [-1, 1]; ``series_only`` sums the series even at ρ = ±1 (for checks); ``relative``
    asks significant digits of a value known to be non-zero (no absolute rule at zeros).

    Parameters
    ----------
    sigma, tau : Activation, str or sympy.Expr
        The activations (``tau=None``: τ = σ).
    n : int
        The dimension, ``n >= 2`` (a Symbol is refused).
    terms : list of (w, ρ)
        Exact weights w_j and correlations ρ_j ∈ [-1, 1] (ints or sympy numbers); a single ``(1, ρ)`` is one
        kernel K(ρ).
    dps : int
        Certified decimal digits (required: the result is always a certified ball).
    algorithm : {"auto", "series"}
        ``"series"``: eigenvalues only from the certified layer (independent of the symbolic layer).
    series_only : bool
        Sum the Gegenbauer series even for a single kernel at ρ = ±1 (a check against the 1-D moment).
    relative : bool
        Demand ``dps`` significant digits even for a value far below its natural size.

    Returns
    -------
    Enclosure
        ``dps`` correct digits; for a value that may be 0 (unless ``relative``) a radius below 10^{-dps}
        times the natural size W √(E[σ_c²] E[τ_c²]) (:func:`hardverify.numeric.sphere_kernel.zonal_combination`).

    Raises
    ------
    DomainError
        If ``n`` is not an integer ``>= 2`` or ``algorithm`` is not ``"auto"``/``"series"``.
    ResourceLimit
        If σ or τ oscillates faster than certified quadrature resolves (:func:`check_frequency`).
    NotCertified
        If the Parseval tail does not fall below the tolerance by degree 384 (a kink of σ in (-1, 1) at small
        n or |ρ| = 1), or the eigenvalues cannot be certified.

    Examples
    --------
    >>> e = sphere_kernel(activation("erf"), None, 3, [(1, 1)], dps=20)     # E_ν3[erf²] = ∫_0^1 erf² (mpmath)
    >>> e.matches("0.298375440946280135091")
    True
    >>> half = sp.Rational(1, 2)                        # tanh is odd: K(-ρ) = -K(ρ), an exact 0 by degree parity
    >>> sphere_kernel("tanh", None, 3, [(1, half), (1, -half)], dps=20).ball == 0
    True
    """
    s = as_activation(sigma)
    tt = None if tau is None else as_activation(tau)
    n = certified_dimension(n)
    algorithm = as_choice(algorithm, ("auto", "series"), "algorithm")
    for act in (s, tt):
        if act is not None:
            check_frequency(act)

    def route(act):
        return "auto" if algorithm == "auto" else _independent_eigen_route(act)

    def eigen(act, L, d):
        if algorithm == "auto":
            return funk_hecke_eigenvalues(act, n, L, dps=d)
        try:
            return funk_hecke_eigenvalues(act, n, L, dps=d, algorithm=route(act))
        except NotCertified:                            # the Taylor series of σ converges too slowly
            return funk_hecke_eigenvalues(act, n, L, dps=d, algorithm="quadrature")

    def moment(act, d):
        return eigen(act, 0, d)[0]
    return _nsk.zonal_combination(s, tt, n, terms, dps, eigen=eigen, moment=moment, series_only=series_only,
                                  relative=relative)


def clear_caches() -> None:
    """Empty every cache of the router (for benchmarks that must not reuse earlier work)."""
    _CERTIFIED.clear()
    _FH.clear()
    for fn in (_has_hermite_closed_form, _exact_coefficients, _exact_kernel, _eigen_forms):
        fn.cache_clear()
