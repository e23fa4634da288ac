"""Inner products E_D[f g] of networks: exact, certified, or Monte Carlo evidence.

Routes (``algorithm="auto"`` picks the first that applies):

* **Gaussian laws** N(μ, diag v) (:class:`~hardverify.distributions.Gaussian`, shifted,
  anisotropic): the span reduction of SPEC §9.2.  A unit σ(⟨w, x⟩ + b) is σ(r Z + β) with
  r² = Σ v_c w_c², β = b + ⟨w, μ⟩, and two units are correlated by ρ = ⟨w, v⊙w'⟩/(r r'), so
  E[fg] = Σ_{pairs} a a' E[σ(rZ+β) τ(r'Z'+β')] — and pairs with the same (r, β, r', β', ⟨·,·⟩) are
  grouped first (integer arithmetic for integer rows), so a GGJKK pair at k = 10 costs a handful
  of kernels, not 4^k.  Each kernel is exact (closed-form dual kernel, :func:`hardverify.symbolic.dual.dual_kernel`)
  or certified (Mehler series, :func:`hardverify.numeric.dual.dual_kernel`).
* **correlated Gaussians** N(μ, Σ) (:class:`~hardverify.distributions.CorrelatedGaussian`): the same with
  r² = wᵀΣw, β = b + ⟨w, μ⟩ and ρ = wᵀΣw'/(r r') — the reduction x = μ + Lz, Σ = LLᵀ, without square roots.
* **mixtures** Σ p_i D_i (:class:`~hardverify.distributions.Mixture`): Σ p_i E_{D_i}[fg], exact or
  certified as every component is.
* **other spherical laws** (sphere, ball, any radius law) with positively homogeneous activations
  of degrees p, q and no biases: E_D[fg] = E_D[R^{p+q}] / E|g|^{p+q} · E_γ[fg] (SPEC §9.4), exact;
* **the uniform sphere and the uniform ball** with any activations and biases (certified, ``dps=``): the
  sphere kernels of SPEC F5 (the ball of R^n is the marginal of the sphere of R^{n+2}, :func:`sphere_marginal`).
* **the hypercube** {±1}^n: exact enumeration over {±1}^s, s = |supp f ∪ supp g| (≤ 20).
* anything else (the cube; sigmoid networks under a χ or Pareto radius): NoClosedForm / NotCertified; use
  :func:`monte_carlo_inner` for evidence or a symmetry certificate for zeros.

:func:`monte_carlo_inner` samples only the coordinates in the supports (exact marginals), so it
costs the same at n = 10 and n = 10^6; its result is evidence with a standard error, never a proof.

>>> from hardverify.networks import Network
>>> from hardverify.distributions import Gaussian, UniformSphere
>>> f = Network([[1, 0], [0, 1], [-1, 0], [0, -1]], "relu", outputs=[1, -1, 1, -1])   # |x1| - |x2|
>>> inner_product(f, f, Gaussian(2))                   # SPEC D1: E[F_2²] = 2 - 4/π
2 - 4/pi
>>> inner_product(f, f, UniformSphere(2))              # homogeneous: × E[R²]/E|g|² = 1/2
1 - 2/pi
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import sympy as sp
from flint import arb

from .. import routes
from ..core.numbers import as_arb, sign_of
from ..distributions import CorrelatedGaussian, Distribution, Gaussian, GaussianLaw, Hypercube, Mixture, Radial
from ..distributions.laws import multi_index
from ..errors import DomainError, NoClosedForm, NotCertified, ResourceLimit
from ..numeric.enclosure import Enclosure, enclose
from ..numeric.precision import bits_for_dps, guarded_sum
from ..validate import as_choice, as_dps
from .certificates import integrability
from .network import ComposedNetwork, Network

__all__ = ["inner_product", "hermite_component", "monte_carlo_inner", "MonteCarloEstimate", "sphere_marginal",
           "ALGORITHMS"]

ALGORITHMS = ("auto", "exact", "series")
#: largest s = |supp f ∪ supp g| for exact enumeration on the hypercube.
MAX_ENUMERATION = 20
#: the largest Monte Carlo sample count (about a minute for a small network)
MAX_SAMPLES = 10 ** 8


def _validate(f, g, dist):
    for h in (f, g):
        if not isinstance(h, Network):
            raise DomainError(f"inner products are computed for hardverify Networks, got {type(h).__name__}"
                              + ("; use monte_carlo_inner for ψ∘f" if isinstance(h, ComposedNetwork) else ""))
    if not isinstance(dist, Distribution):
        raise DomainError(f"expected a hardverify distribution (Gaussian, UniformSphere, ...), got {dist!r}")
    if f.n != g.n:
        raise DomainError(f"dimension mismatch: the networks live on R^{f.n} and R^{g.n}")
    dist.check_dimension(f.n)


def inner_product(f: Network, g: Network, dist, *, dps=None, algorithm: str = "auto"):
    """The inner product E_{x~D}[f(x) g(x)] of two networks under the law D.

    Exact (sympy) without ``dps``; a certified :class:`~hardverify.numeric.enclosure.Enclosure`
    with ``dps`` correct digits otherwise.  The routes (Gaussian span reduction, homogeneous
    reduction of spherical laws, hypercube enumeration) are listed in the module docstring;
    ``inner_product(f, f, D)`` is E_D[f²].

    Parameters
    ----------
    f, g : Network
        Two networks on R^n (for ψ∘f use :func:`monte_carlo_inner` or a symmetry certificate).
    dist : Distribution
        D on R^n: a Gaussian law (standard, shifted, anisotropic), a radial law (sphere, ball, a
        radius law) or the hypercube.
    dps : int, optional
        Decimal digits of a certified result; None (default) for the exact value.
    algorithm : {"auto", "exact", "series"}
        ``"series"`` (with ``dps``) computes every Gaussian kernel by its certified Mehler
        series, independently of the closed forms — a cross-check of the exact route.

    Returns
    -------
    sympy.Expr or Enclosure
        Exact when ``dps`` is None, else a certified ball with at least ``dps`` correct digits.

    Raises
    ------
    DomainError
        If f or g is not a Network, ``dist`` is not a distribution, the dimensions differ,
        ``algorithm`` is unknown, ``dps`` is invalid, or ``algorithm="series"`` comes without ``dps``.
    NoClosedForm
        (exact request) If no exact route applies: a radial law with a non-homogeneous activation
        or biases, or a law without a route (the cube).
    NotCertified
        (certified request) The same cases with ``dps``; and, for either request, hypercube
        enumeration beyond |supp f ∪ supp g| = 20 or with non-integer rows q or outputs (put a common
        irrational factor in ``scale=``), or output weights too large for the exact integer grouping.

    See Also
    --------
    monte_carlo_inner : evidence for any law and ψ∘f.
    hardverify.check_orthogonality : a Verdict, with symmetry certificates.

    Examples
    --------
    E[relu(g)²] = 1/2 for g ~ N(0, 1); on the hypercube {±1}^2, relu(x_1 + x_2)² is 4 on one point
    of four:

    >>> import hardverify as hv
    >>> f = hv.Network([[1, 0]], "relu")
    >>> hv.inner_product(f, f, hv.Gaussian(2))
    1/2
    >>> g = hv.Network([[1, 1]], "relu")
    >>> hv.inner_product(g, g, hv.Hypercube(2)), hv.inner_product(f, g, hv.Gaussian(2), dps=20).contains(
    ...     hv.inner_product(f, g, hv.Gaussian(2)))
    (1, True)
    """
    _validate(f, g, dist)
    algorithm = as_choice(algorithm, ALGORITHMS, "algorithm")
    if dps is not None:
        dps = as_dps(dps)
    elif algorithm == "series":
        raise DomainError("algorithm='series' gives a certified enclosure; pass dps=")
    if isinstance(dist, Hypercube):
        value = _hypercube(f, g)
        return value if dps is None else enclose(value, dps)
    if isinstance(dist, (Gaussian, GaussianLaw, CorrelatedGaussian)):
        return _gaussian(f, g, dist, dps, algorithm)
    if isinstance(dist, Mixture):
        return _mixture(f, g, dist, dps, algorithm)
    if isinstance(dist, Radial):
        p, q = f.activation.homogeneity, g.activation.homogeneity
        if p is None or q is None or any(sign_of(b) != 0 for b in f.biases + g.biases):
            return _sphere(f, g, dist, dps, algorithm)
        factor = dist.radius_moment(p + q) / Gaussian(dist.n).radius_moment(p + q)
        base = _gaussian(f, g, Gaussian(dist.n), None if algorithm != "series" else dps, algorithm)
        if dps is None:
            return factor * base
        return enclose(factor * base, dps) if not isinstance(base, Enclosure) else base * enclose(factor, dps + 10)
    raise (NoClosedForm if dps is None else NotCertified)(
        f"no exact or certified integration route under {dist!r}; use monte_carlo_inner for evidence "
        "or check_orthogonality for a symmetry certificate")


# ------------------------------------------------------------------------- Gaussian laws
def _law(dist):
    if isinstance(dist, GaussianLaw):
        return dist.mean, dist.variances
    return None, None


def _groups(f: Network, g: Network, dist) -> dict:
    """{(r2_f, beta_f, r2_g, beta_g, ip): Σ a a'} over the pairs of units (exact)."""
    if isinstance(dist, CorrelatedGaussian):
        return _groups_correlated(f, g, dist)
    mean, var = _law(dist)
    simple = mean is None or (mean.is_constant and var.is_constant)
    if simple and f.int_rows is not None and g.int_rows is not None and all(
            isinstance(a, (int, sp.Rational)) for a in f.outputs + g.outputs):
        return _groups_integer(f, g, mean, var)
    U = sorted(set(f.support) | set(g.support))
    v = {c: (1 if var is None else var[c]) for c in U}
    mu = {c: (0 if mean is None else mean[c]) for c in U}

    def units(h):
        out = []
        for i in range(h.width):
            w = h.weight(i)
            r2 = sum((v[c] * x * x for c, x in w.items()), 0)
            beta = h.biases[i] + sum((mu[c] * x for c, x in w.items()), 0)
            # radsimp, not nsimplify: sympy 1.14's nsimplify changes some Rationals (1615/2 -> an algebraic number)
            out.append((w, sp.radsimp(r2) if not isinstance(r2, int) else r2, beta, h.outputs[i]))
        return out
    groups: dict = {}
    for wf, rf, bf, af in units(f):
        for wg, rg, bg, ag in units(g):
            ip = sum((v[c] * x * wg[c] for c, x in wf.items() if c in wg), 0)
            key = (rf, bf, rg, bg, sp.radsimp(ip) if not isinstance(ip, int) else ip)
            groups[key] = groups.get(key, 0) + af * ag
    return groups


def _groups_correlated(f, g, dist):
    """The pair groups under N(μ, Σ): the forms qᵀΣq' on the unscaled rows, times the scales (exact)."""
    def units(h):
        out = []
        for i, row in enumerate(h.rows):
            q = {c: x for c, x in zip(h.support, row) if x != 0}
            out.append((q, h.scale ** 2 * dist.covariance_form(q, q), h.biases[i] + h.scale * dist.mean_form(q),
                        h.outputs[i]))
        return out
    groups: dict = {}
    ug = units(g)
    for qf, rf, bf, af in units(f):
        for qg, rg, bg, ag in ug:
            key = tuple(x if isinstance(x, int) else sp.radsimp(x)
                        for x in (rf, bf, rg, bg, f.scale * g.scale * dist.covariance_form(qf, qg)))
            groups[key] = groups.get(key, 0) + af * ag
    return groups


def _mixture(f, g, dist, dps, algorithm):
    """Σ p_i E_{D_i}[fg]: exact, or certified with the cancellation guarded like the pair sums."""
    if dps is None:
        return sp.Add(*[w * inner_product(f, g, law, algorithm=algorithm) for w, law in dist.components])

    def evaluate(inner):
        total, scale = arb(0), arb(0)
        prec = bits_for_dps(inner) + 64
        for w, law in dist.components:
            e = inner_product(f, g, law, dps=inner, algorithm=algorithm)
            wb = as_arb(w, prec)
            total += wb * e.ball
            scale += wb * e.ball.abs_upper()
        return total, scale
    total = guarded_sum(evaluate, dps, zero_scale=lambda scale: scale.max(arb(1)) * arb(10) ** (-5),
                        what="the mixture sum")
    return Enclosure(total, dps, scale=1)


def _groups_integer(f, g, mean, var):
    U = sorted(set(f.support) | set(g.support))

    def padded(h):
        M = np.zeros((h.width, len(U)), dtype=np.int64)
        idx = [U.index(c) for c in h.support]
        M[:, idx] = h.int_rows
        return M
    Qf, Qg = padded(f), padded(g)
    v0 = 1 if var is None else var.default
    m0 = 0 if mean is None else mean.default
    ip = Qf @ Qg.T

    def classes(h, Q):
        bias_ids = {b: i for i, b in enumerate(dict.fromkeys(h.biases))}
        keys = np.stack([(Q * Q).sum(1), Q.sum(1), np.array([bias_ids[b] for b in h.biases])], axis=1)
        uniq, inv = np.unique(keys, axis=0, return_inverse=True)
        blist = list(bias_ids)
        return [(int(a), int(s), blist[int(b)]) for a, s, b in uniq], inv.ravel()
    cf, inv_f = classes(f, Qf)
    cg, inv_g = classes(g, Qg)
    Lf = math.lcm(*[int(sp.Rational(a).q) for a in f.outputs])
    Lg = math.lcm(*[int(sp.Rational(a).q) for a in g.outputs])
    af = np.array([int(a * Lf) for a in f.outputs], dtype=np.int64)      # integer numerators
    ag = np.array([int(a * Lg) for a in g.outputs], dtype=np.int64)
    if int(np.abs(af).sum()) * int(np.abs(ag).sum()) >= 2 ** 52:
        raise NotCertified("output weights too large for the exact integer grouping")
    lo = int(ip.min())
    span = int(ip.max()) - lo + 1
    code = ((inv_f[:, None] * len(cg) + inv_g[None, :]) * span + (ip - lo)).ravel()
    uniq, inv = np.unique(code, return_inverse=True)
    sums = np.bincount(inv.ravel(), weights=np.outer(af, ag).ravel().astype(float))
    groups = {}
    for c, s in zip(uniq, sums):
        s = int(round(s))
        if s == 0:
            continue
        c = int(c)
        d, rest = c % span + lo, c // span
        i, j = divmod(rest, len(cg))
        (nf, sf, bf), (ng, sg, bg) = cf[i], cg[j]
        key = (f.scale ** 2 * v0 * nf, bf + f.scale * m0 * sf, g.scale ** 2 * v0 * ng, bg + g.scale * m0 * sg,
               f.scale * g.scale * v0 * d)
        groups[key] = groups.get(key, 0) + (s if Lf * Lg == 1 else sp.Rational(s, Lf * Lg))
    return groups


def _gaussian(f, g, dist, dps, algorithm):
    groups = _groups(f, g, dist)
    sf, sg = f.activation, g.activation
    if dps is None:
        return sp.Add(*[c * routes.unit_kernel(sf, sg, k) for k, c in groups.items()])

    def evaluate(inner):
        total, scale = arb(0), arb(0)
        prec = bits_for_dps(inner) + 64
        for k, c in groups.items():
            e = routes.unit_kernel(sf, sg, k, dps=inner, algorithm=algorithm, absolute=arb(10) ** (-inner))
            cb = as_arb(c, prec)                 # the pair weight exactly (an int or a sympy Rational)
            total += cb * e.ball
            scale += abs(cb) * e.ball.abs_upper()
        return total, scale
    total = guarded_sum(evaluate, dps, zero_scale=lambda scale: scale.max(arb(1)) * arb(10) ** (-5),
                        what="the pair sum")
    return Enclosure(total, dps, scale=1)


# ------------------------------------------------------------------------- the sphere, any activation
def _sphere(f, g, dist, dps, algorithm):
    """E_D[fg] on the sphere of radius R for any activations and biases, certified (the uniform ball of R^n is
    the sphere of R^{n+2} here, :func:`sphere_marginal`).

    A unit σ(⟨w, x⟩ + b) with x = Rθ, θ ~ U_n is σ_{w}(⟨ŵ, θ⟩) with σ_w(t) = σ(R|w| t + b); two units are
    correlated through ρ = ⟨w, w'⟩/(|w||w'|), so E[fg] = Σ_{groups} (Σ a a') K_{σ_w, τ_w'}(ρ; n) — the pairs are
    grouped exactly (as for Gaussian laws) and each pair of activations costs one Gegenbauer series for all
    its ρ's (:func:`hardverify.routes.sphere_kernel`).  A unit with w = 0 is the constant σ(b).
    """
    law = dist.radius_law
    mc = "hv.monte_carlo_inner(f, g, dist, seed=0) for evidence"
    reduced = sphere_marginal(dist)
    if reduced is None:
        raise (NoClosedForm if dps is None else NotCertified)(
            f"E_D[fg] under {dist!r} (radius law {law!r}) is computed only for positively homogeneous activations "
            "without biases (exactly) or, certified with dps=, on the uniform sphere and the uniform ball (a "
            f"marginal of a sphere): the radial integral E_R[K_{{σ_R}}(ρ; n)] of this law is not certified; use {mc}")
    if dps is None:
        raise NoClosedForm(f"E_D[fg] under {dist!r} is exact only for positively homogeneous activations without "
                           "biases; pass dps= for the certified Gegenbauer series (any activation bounded on the "
                           f"sphere), or use {mc}")
    if algorithm == "exact":
        raise NoClosedForm(f"no closed form for E_D[fg] under {dist!r} with {f.activation.label}, "
                           f"{g.activation.label}; use algorithm='auto' or 'series' with dps=")
    proof = integrability(f, g, dist)
    if not proof:
        raise NotCertified(f"E|fg| < ∞ under {dist!r} is not proved: {proof.reason}")
    n, R = reduced
    consts, pairs = [], {}
    for (rf, bf, rg, bg, ip), c in _groups(f, g, dist).items():
        zf, zg = sign_of(sp.sympify(rf)) == 0, sign_of(sp.sympify(rg)) == 0
        if zf and zg:
            consts.append((c * f.activation(bf) * g.activation(bg), None))
        elif zf or zg:
            const = f.activation(bf) if zf else g.activation(bg)
            other = _radial_unit(g.activation, R, rg, bg) if zf else _radial_unit(f.activation, R, rf, bf)
            consts.append((c * const, other))
        else:
            key = (_radial_unit(f.activation, R, rf, bf), _radial_unit(g.activation, R, rg, bg))
            rho = sp.radsimp(sp.sympify(ip) / sp.sqrt(sp.sympify(rf) * rg))
            pairs.setdefault(key, []).append((c, rho))
    alg = "series" if algorithm == "series" else "auto"

    def evaluate(inner):
        total, scale = arb(0), arb(0)
        prec = bits_for_dps(inner) + 64
        for c, other in consts:
            cb = as_arb(c, prec)
            b = cb if other is None else cb * routes.funk_hecke(
                other, n, 0, dps=inner, algorithm="quadrature" if alg == "series" else "auto").ball
            total += b
            scale += b.abs_upper()
        for (sa, sb), terms in pairs.items():
            e = routes.sphere_kernel(sa, None if sa == sb else sb, n, terms, dps=inner, algorithm=alg).ball
            total += e
            scale += e.abs_upper()
        return total, scale
    total = guarded_sum(evaluate, dps, zero_scale=lambda scale: scale.max(arb(1)) * arb(10) ** (-5),
                        what="the sphere pair sum")
    return Enclosure(total, dps, scale=1)


def sphere_marginal(dist):
    """(m, R) when the law of x is the marginal on R^n of the uniform sphere of radius R in R^m, else None.

    The uniform sphere is itself (m = n); the uniform ball of R^n is the projection of the uniform sphere of
    R^{n+2} (the marginal of n coordinates of U(S^{m-1}) has density ∝ (1 - |y|²)^{(m-n-2)/2}, constant for
    m = n + 2; SPEC F3).  So E_D[σ(⟨w,x⟩)τ(⟨w',x⟩)] is the sphere kernel at dimension m, exactly; this is how
    :func:`inner_product` certifies E_D[fg] on the sphere and the ball for any activations and biases.

    Parameters
    ----------
    dist : Radial
        A spherically symmetric law on R^n (:class:`~hardverify.distributions.Radial`: the sphere, the ball,
        a Gaussian, a radius law).  Not validated: other laws have no ``radius_law`` (``inner_product``
        calls it for radial laws only).

    Returns
    -------
    tuple of (int, sympy number) or None
        ``(m, R)``: ``(n, R)`` for the uniform sphere of radius R (radius law ``constant``), ``(n + 2, R)``
        for the uniform ball of radius R (radius law ``power`` with exponent n); None for every other radius
        law (χ, Pareto, a ``power`` law of another exponent).

    Examples
    --------
    >>> from hardverify.distributions import Gaussian, UniformBall, UniformSphere
    >>> sphere_marginal(UniformSphere(5, radius=2)), sphere_marginal(UniformBall(5)), sphere_marginal(Gaussian(5))
    ((5, 2), (7, 1), None)

    E[x_1²] = R²/(n + 2) on the ball of radius R is R² E_{U_m}[θ_1²] = R²/m (SPEC F3):

    >>> import hardverify as hv, sympy as sp
    >>> f = hv.Network([[1, 0, 0]], "abs")
    >>> m, R = sphere_marginal(UniformBall(3, radius=2))
    >>> hv.inner_product(f, f, UniformBall(3, radius=2)) == sp.Rational(R**2, m)           # 4/5
    True
    """
    law = dist.radius_law
    if law.kind == "constant":
        return dist.n, law.params["radius"]
    if law.kind == "power" and law.params["n"] == dist.n:
        return dist.n + 2, law.params["radius"]
    return None


def _radial_unit(act, R, r2, beta):
    """t ↦ σ(R √r2 t + β) (σ itself for R √r2 = 1, β = 0)."""
    scale = sp.radsimp(R * sp.sqrt(sp.sympify(r2)))
    return act if (scale == 1 and beta == 0) else act.affine(scale, beta)


# ------------------------------------------------------------------------- Hermite components
def hermite_component(f: Network, alpha, *, dps=None):
    """E_γ[f H_α] for x ~ N(0, I_n), H_α(x) = Π_c h_{α_c}(x_c) with h_m = He_m/√(m!) (SPEC §0.1).

    For a unit σ(⟨w, x⟩ + b) with |w| = r > 0 and u = w/r:
    E[σ(r⟨u,x⟩ + b) H_α] = c_m(σ(r· + b)) √(m!/α!) u^α, m = |α|  (h_m(⟨u,x⟩) = Σ_{|α|=m} √(m!/α!) u^α H_α).
    ``alpha`` is a dict {coordinate: power} or a sequence (coordinates 1, 2, ...).
    Here c_m is the orthonormal Hermite coefficient E[σ(g) h_m(g)] of :func:`hardverify.hermite_coefficient`.

    Parameters
    ----------
    f : Network
        The network on R^n.
    alpha : dict or sequence of int
        The multi-index α.
    dps : int, optional
        Decimal digits of a certified result; None (default) for the exact value.

    Returns
    -------
    sympy.Expr or Enclosure
        Exact when ``dps`` is None, else a certified ball with ``dps`` digits (the exact value
        enclosed).

    Raises
    ------
    DomainError
        If f is not a Network, ``alpha`` is not a multi-index on R^n, or ``dps`` is invalid.
    NoClosedForm
        If a coefficient c_m of σ (rescaled, shifted) has no exact form.

    Examples
    --------
    E[relu(x_1) h_2(x_1)] = c_2(relu) = 1/(2√π), and relu(x_1) has no x_2-component:

    >>> import hardverify as hv
    >>> f = hv.Network([[1, 0]], "relu")
    >>> hermite_component(f, {1: 2}) == hv.hermite_coefficient("relu", 2), hermite_component(f, [1, 1])
    (True, 0)
    """
    if not isinstance(f, Network):
        raise DomainError(f"hermite_component needs a Network, got {type(f).__name__}")
    a = multi_index(alpha, f.n)
    m = sum(a.values())
    norm = sp.sqrt(sp.factorial(m) / sp.prod([sp.factorial(p) for p in a.values()]))
    coeffs: dict = {}
    total = sp.Integer(0)
    for i in range(f.width):
        w = f.weight(i)
        if any(c not in w for c in a):
            continue
        r2 = sum((x * x for x in w.values()), 0)
        if r2 == 0:
            total += f.outputs[i] * f.activation(f.biases[i]) * (1 if m == 0 else 0)
            continue
        key = (r2, f.biases[i])
        if key not in coeffs:
            coeffs[key] = routes.hermite_coefficient(f.activation.affine(sp.sqrt(r2), f.biases[i])
                                                     if (r2 != 1 or f.biases[i] != 0) else f.activation, m)
        mono = sp.prod([w[c] ** p for c, p in a.items()])
        total += f.outputs[i] * coeffs[key] * norm * mono / sp.sqrt(r2) ** m
    return total if dps is None else enclose(total, as_dps(dps))


# ------------------------------------------------------------------------- hypercube
def _hypercube(f: Network, g: Network):
    U = sorted(set(f.support) | set(g.support))
    s = len(U)
    if s > MAX_ENUMERATION:
        raise NotCertified(f"exact enumeration on the hypercube needs |supp f ∪ supp g| ≤ {MAX_ENUMERATION}, "
                           f"got {s}; use monte_carlo_inner")
    X = (((np.arange(2 ** s)[:, None] >> np.arange(s)[None, :]) & 1) * 2 - 1).astype(np.int64)
    Cf, vf = _value_table(f, X, U)
    Cg, vg = _value_table(g, X, U)
    M = Cf.T @ Cg
    total = sp.Integer(0)
    for i, j in zip(*np.nonzero(M)):
        total += int(M[i, j]) * vf[i] * vg[j]
    return total / 2 ** s


def _value_table(h: Network, X, U):
    """(C, values): h(x) = Σ_key C[x, key] values[key] exactly (integer C)."""
    if h.int_rows is None or not all(isinstance(a, int) for a in h.outputs):
        raise NotCertified("exact hypercube enumeration needs integer rows q and integer outputs "
                           "(put a common irrational factor in scale=)")
    idx = [U.index(c) for c in h.support]
    P = X[:, idx] @ h.int_rows.T                      # 2^s × width integer pre-activations
    bias_ids = {b: i for i, b in enumerate(dict.fromkeys(h.biases))}
    bid = np.array([bias_ids[b] for b in h.biases])
    lo = int(P.min())
    span = int(P.max()) - lo + 1
    codes = (P - lo) + span * bid[None, :]
    uniq, inv = np.unique(codes, return_inverse=True)
    inv = inv.reshape(P.shape)
    C = np.zeros((len(X), len(uniq)), dtype=np.int64)
    rows = np.repeat(np.arange(len(X)), h.width)
    np.add.at(C, (rows, inv.ravel()), np.tile(np.array(h.outputs, dtype=np.int64), len(X)))
    blist = list(bias_ids)
    values = [h.activation(h.scale * (int(c) % span + lo) + blist[int(c) // span]) for c in uniq]
    return C, values


# ------------------------------------------------------------------------- Monte Carlo
@dataclass(frozen=True)
class MonteCarloEstimate:
    """Evidence: a sample mean with its standard error (never a proof).

    Returned by :func:`monte_carlo_inner`; ``str()`` gives "mean ± stderr (MC, samples, seed)".

    Parameters
    ----------
    mean : float
        The sample mean of f g.
    stderr : float
        Its estimated standard error, sqrt(sample variance / samples).
    samples : int
        The sample count.
    seed : int
        The seed used (-1 when a Generator was passed).
    """

    mean: float
    stderr: float
    samples: int
    seed: int

    def consistent_with(self, value, z: float = 5.0) -> bool:
        """Whether |mean - value| ≤ z·stderr (plus a float-rounding allowance of 1e-12 relative).

        Parameters
        ----------
        value : number
            A reference value (e.g. an exact inner product); converted with ``float``.
        z : float
            The allowed number of standard errors (default 5).

        Returns
        -------
        bool
            Evidence of agreement only.

        Examples
        --------
        >>> MonteCarloEstimate(0.51, 0.01, 10_000, 0).consistent_with(0.5), MonteCarloEstimate(
        ...     0.6, 0.01, 10_000, 0).consistent_with(0.5)
        (True, False)
        """
        return abs(self.mean - float(value)) <= z * self.stderr + 1e-12 * (1 + abs(self.mean))

    def __str__(self) -> str:
        return f"{self.mean:.6g} ± {self.stderr:.2g} (MC, {self.samples} samples, seed {self.seed})"


def monte_carlo_inner(f, g, dist, *, samples: int = 100_000, seed, batch: int = 50_000) -> MonteCarloEstimate:
    """E_D[f g] by seeded Monte Carlo: evidence with a standard error, never a proof.

    Only the coordinates of supp f ∪ supp g are sampled (from D's exact marginal), so the cost
    does not depend on n; f and g are evaluated in float64 (:meth:`Network.evaluate`).

    Parameters
    ----------
    f, g : Network or ComposedNetwork
        Two functions on R^n.
    dist : Distribution
        D on R^n (any law that can ``sample``).
    samples : int
        The number of samples, ``2 <= samples <= MAX_SAMPLES`` (10^8); default 100 000.
    seed : int or numpy.random.Generator
        Required: the seed of ``numpy.random.default_rng`` (declare it in the claim's ``seeds=``).
    batch : int
        Samples drawn per batch (bounds the memory); a result is reproducible for a fixed
        ``(seed, samples, batch)``.

    Returns
    -------
    MonteCarloEstimate
        The sample mean, its standard error, the sample count and the seed.

    Raises
    ------
    DomainError
        If f or g is not a (composed) network, ``dist`` is not a Distribution, the dimensions differ,
        ``samples`` is not an integer >= 2, ``seed`` is not a non-negative integer or Generator, or
        ``batch`` is not an integer >= 1.
    ResourceLimit
        If ``samples`` > ``MAX_SAMPLES``.

    Examples
    --------
    E[relu(g)²] = 1/2 (g ~ N(0, 1)); the estimate is consistent with it:

    >>> import hardverify as hv
    >>> f = hv.Network([[1, 0, 0]], "relu")
    >>> est = hv.monte_carlo_inner(f, f, hv.Gaussian(3), samples=20_000, seed=0)
    >>> est.consistent_with(hv.inner_product(f, f, hv.Gaussian(3))), est.stderr < 0.01
    (True, True)
    """
    for h in (f, g):
        if not isinstance(h, (Network, ComposedNetwork)):
            raise DomainError(f"expected a Network or ComposedNetwork, got {type(h).__name__}")
    if not isinstance(dist, Distribution):
        raise DomainError(f"expected a hardverify distribution (Gaussian, UniformSphere, ...), got {dist!r}")
    if not isinstance(seed, np.random.Generator) and (
            isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0):
        raise DomainError(f"seed must be a non-negative integer (or a numpy Generator), got {seed!r}")
    if isinstance(batch, bool) or not isinstance(batch, (int, np.integer)) or batch < 1:
        raise DomainError(f"batch must be an integer >= 1, got {batch!r}")
    if f.n != g.n:
        raise DomainError(f"dimension mismatch: the networks live on R^{f.n} and R^{g.n}")
    dist.check_dimension(f.n)
    if isinstance(samples, bool) or not isinstance(samples, int) or samples < 2:
        raise DomainError(f"samples must be an integer >= 2, got {samples!r}")
    if samples > MAX_SAMPLES:
        raise ResourceLimit(f"samples must be at most {MAX_SAMPLES} (Monte Carlo is evidence; its error "
                            f"falls like 1/√samples), got {samples}")
    coords = sorted(set(f.support) | set(g.support)) or [1]
    rng = np.random.default_rng(seed) if not isinstance(seed, np.random.Generator) else seed
    s1 = s2 = 0.0
    done = 0
    while done < samples:
        m = min(batch, samples - done)
        X = dist.sample(m, seed=rng, coords=coords)
        prod = f.evaluate(X, coords) * g.evaluate(X, coords)
        s1 += float(prod.sum())
        s2 += float((prod * prod).sum())
        done += m
    mean = s1 / samples
    var = max(0.0, (s2 - samples * mean * mean) / (samples - 1))
    return MonteCarloEstimate(mean, math.sqrt(var / samples), samples, seed if isinstance(seed, int) else -1)
