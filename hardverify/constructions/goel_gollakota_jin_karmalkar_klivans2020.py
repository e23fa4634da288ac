"""GGJKK 2020 (Goel–Gollakota–Jin–Karmalkar–Klivans): the exactly orthogonal family f_S (SPEC §3).

Construction 3.1, with the normalisations exposed as parameters (the paper's own is [MEM])::

    f_S(x) = c · Σ_{w ∈ {±1}^k} χ(w) σ(s ⟨w, x_S⟩),     χ(w) = Π_i w_i,

with inner scale s (default 1/√k: unit hidden weights, ⟨w, x_S⟩/√k ~ N(0, 1)) and outer scale c
(default 1).  Write r = s√k for the norm of a hidden weight and σ_r(t) = σ(r t).

What this module computes (the Verdict-returning checks live in :mod:`hardverify.checks.constructions`):

* **G1** the correlation profile — :meth:`GGJKK.correlation_profile`: one reflection certificate on the
  template and one norm; the cost does not depend on n (:func:`hardverify.checks.certify_family`);
* **G2** the parity obstruction — :meth:`GGJKK.lowest_component`, and the prediction
  :func:`hardverify.checks.parity_prediction`;
* **G3** E[f_S²] = c² 2^k Σ_j (-1)^j C(k, j) K_r(1 - 2j/k) (O(k) dual kernels; :meth:`GGJKK.norm2`)
  = c² 4^k Σ_{m ≡ k (2)} c_m(σ_r)² T(k, m)/k^m (:meth:`GGJKK.norm2_hermite_series`) — exact for ReLU,
  |t|, sign, step, erf; certified for sigmoid and tanh (the binomial sum cancels ~2^k: the working
  digits are raised by 0.3k + 10 and then adaptively);
* **G4** E[f_S²] ≥ c² 4^k c_k(σ_r)² k!/k^k; **G6** f_S = f_S(1)·χ_S on {±1}^n; **G9** ψ∘f_S.

>>> g = GGJKK(2, "relu")
>>> g.norm2()                                           # SPEC G5 / V12
2 - 4/pi
>>> g.hypercube_value()                                 # SPEC G6
sqrt(2)
>>> GGJKK(3, "relu").template.is_identically_zero()      # SPEC G2: ReLU, odd k ≥ 3
True
>>> word_count(3, 5), word_count(4, 8)                  # SPEC G3: T(3,5) = 60, T(4,8) = 8064
(60, 8064)
"""

from __future__ import annotations

import functools
import itertools
import math
from fractions import Fraction

import sympy as sp
from flint import arb, ctx

from .. import routes
from ..core.activations import Activation, t
from ..core.activations import activation as _activation
from ..core.markup import clip
from ..core.numbers import exact_real, sign_of
from ..distributions import Distribution, Gaussian, Hypercube, Radial
from ..errors import DomainError, HypothesisFailed, NoClosedForm, NotCertified, ResourceLimit
from ..networks import ComposedNetwork, Network, SubsetFamily, inner_product
from ..networks.certificates import family_certificate, family_integrability, integrability, is_identically_zero
from ..networks.inner_products import sphere_marginal
from ..numeric.enclosure import Enclosure, bits_for_dps, enclose
from ..numeric.precision import guarded_sum, meets
from ..validate import as_dps, as_int_at_least
from ..verdict import Status, Verdict
from .protocol import Construction, CorrelationProfile, Display, Orbit

__all__ = ["GGJKK", "word_count", "TANH_HALF", "MAX_EXPLICIT_K"]

#: the largest k for which f_S is built as an explicit network (2^k units)
MAX_EXPLICIT_K = 16

#: ψ(t) = tanh(t/2) = 2 sigmoid(t) - 1: E[y | x] when P[y = 1 | x] = sigmoid(f_S(x)) (SPEC G9).
TANH_HALF = Activation(sp.tanh(t / 2), name="tanh(t/2)")
SOURCE = "SPEC §3 (GGJKK 2020)"


def word_count(k: int, m: int) -> int:
    """T(k, m) = m! [t^m] sinh(t)^k = 2^{-k} Σ_j (-1)^j C(k, j) (k - 2j)^m (exact integer).

    The number of words of length m over k letters using every letter an odd number of times; it
    weighs the degree-m Hermite coefficient in the second form of G3 (:meth:`GGJKK.norm2_hermite_series`).

    Parameters
    ----------
    k : int
        The number of letters, ``k >= 1``.
    m : int
        The word length, ``m >= 0``.

    Returns
    -------
    int
        Exact; 0 unless m ≡ k (mod 2) and m ≥ k; T(k, k) = k!.

    Raises
    ------
    DomainError
        If ``k < 1`` or ``m < 0`` (or either is not an integer).

    Examples
    --------
    Words of length 3 over 3 letters each used once are the 3! permutations; over one letter,
    every odd length has exactly one word:

    >>> word_count(3, 3), word_count(1, 7), word_count(2, 3)
    (6, 1, 0)
    """
    k = as_int_at_least(k, 1, "k")
    m = as_int_at_least(m, 0, "m")
    s = sum((-1) ** j * math.comb(k, j) * (k - 2 * j) ** m for j in range(k + 1))
    q, r = divmod(s, 2 ** k)
    assert r == 0  # an identity, not input validation
    return q


def _word_weight_bound(k: int, M: int) -> Fraction:
    """sup_{m > M, m ≡ k (2)} T(k, m)/k^m ≤ 2^{-k} [2 + (2^k - 2)(1 - 2/k)^{M+1}] (terms j = 0, k exact)."""
    r = abs(Fraction(k - 2, k))
    return Fraction(2 + (2 ** k - 2) * r ** (M + 1), 2 ** k)


class GGJKK(Construction):
    """The GGJKK network family of width 2^k with activation σ (see the module docstring).

    Parameters
    ----------
    k : int
        |S|, 1 ≤ k ≤ 20 (width 2^k).
    activation : str or Activation
    inner_scale : number, optional
        s (default 1/√k).
    outer_scale : number, optional
        c (default 1; e.g. 2**-k for an averaged network), non-zero.

    Attributes
    ----------
    unit_norm : sympy number
        r = s√k, the Euclidean norm of every hidden weight.

    Raises
    ------
    DomainError
        If ``k < 1``, the activation is unknown, ``inner_scale`` is not positive or ``outer_scale`` is 0.
    ResourceLimit
        If ``k > 20``.

    References
    ----------
    Goel, Gollakota, Jin, Karmalkar, Klivans, *Superpolynomial lower bounds for learning one-layer
    neural networks using gradient descent*, ICML 2020 (arXiv 2006.12011); SPEC §3 and §11.

    Examples
    --------
    The defaults give unit hidden weights, so E[f_S²] does not depend on n (SPEC G5: 2 - 4/π for
    ReLU at k = 2); an averaged network (c = 2^-k) scales the norm by 4^-k:

    >>> import sympy as sp
    >>> g = GGJKK(2, "relu")
    >>> g.unit_norm, g.norm2() == 2 - 4 / sp.pi
    (1, True)
    >>> sp.simplify(GGJKK(2, "relu", outer_scale=sp.Rational(1, 4)).norm2() - g.norm2() / 16)
    0
    """

    key = "goel2020"
    paper = ("Goel, Gollakota, Jin, Karmalkar, Klivans, Superpolynomial lower bounds for learning one-layer "
             "neural networks using gradient descent, ICML 2020 (arXiv 2006.12011)")
    claims = ("G1", "G2", "G3", "G4", "G5", "G6", "G7", "G8", "G9")

    def __init__(self, k, activation="relu", *, inner_scale=None, outer_scale=1):
        self.k = as_int_at_least(k, 1, "k", maximum=20)
        self.activation = _activation(activation)
        self.inner_scale = (1 / sp.sqrt(self.k) if inner_scale is None
                            else exact_real(inner_scale, "inner_scale", positive=True))
        self.outer_scale = exact_real(outer_scale, "outer_scale")
        if sign_of(self.outer_scale) == 0:
            raise DomainError("outer_scale must be non-zero")
        self.unit_norm = sp.radsimp(self.inner_scale * sp.sqrt(self.k))
        self._norms: dict = {}
        self._composed: dict = {}

    def __repr__(self) -> str:
        return f"GGJKK(k={self.k}, {clip(self.activation.label, 40)}, s={self.inner_scale}, c={self.outer_scale})"

    # -- the networks ------------------------------------------------------------------------
    @functools.cached_property
    def template(self) -> Network:
        """f_{1..k} on R^k: 2^k explicit units, built for k ≤ MAX_EXPLICIT_K (norm2 needs no network).

        Returns
        -------
        Network
            Rows w ∈ {±1}^k, outputs c·χ(w), common scale s; cached.

        Raises
        ------
        ResourceLimit
            If ``k > MAX_EXPLICIT_K`` (16).
        """
        k = self.k
        if k > MAX_EXPLICIT_K:
            raise ResourceLimit(f"f_S has 2^k = {2 ** k} units; explicit networks (network, family, certify) are "
                                f"built for k ≤ {MAX_EXPLICIT_K} (2^{MAX_EXPLICIT_K} units, ~20 s); norm2 and "
                                "norm2_lower_bound work up to k = 20 without building the network")
        ws = list(itertools.product((1, -1), repeat=k))
        return Network([dict(zip(range(1, k + 1), w)) for w in ws], self.activation,
                       outputs=[self.outer_scale * math.prod(w) for w in ws], n=k, scale=self.inner_scale,
                       name=f"GGJKK f_S (k={k}, {self.activation.label})")

    def family(self, n: int) -> SubsetFamily:
        """The family {f_S : S ⊆ {1..n}, |S| = k}, never enumerated.

        Parameters
        ----------
        n : int
            The dimension, ``n >= k``.

        Returns
        -------
        SubsetFamily
            On the template (:attr:`template`).

        Raises
        ------
        DomainError
            If ``k > n`` or ``n`` is not a positive integer.
        ResourceLimit
            If ``k > MAX_EXPLICIT_K``.
        """
        return SubsetFamily(self.template, n)

    def network(self, S, n: int) -> Network:
        """The network f_S on R^n.

        Parameters
        ----------
        S : iterable of int
            A k-subset of {1, …, n} (1-based).
        n : int
            The dimension, ``n >= k``.

        Returns
        -------
        Network
            Width 2^k, support S.

        Raises
        ------
        DomainError
            If S is not a k-subset of {1, …, n} or ``k > n``.
        ResourceLimit
            If ``k > MAX_EXPLICIT_K``.

        Examples
        --------
        On {±1}^n, f_S = f_S(1)·χ_S (SPEC G6):

        >>> g = GGJKK(2, "relu")
        >>> f = g.network({2, 4}, 5)
        >>> f([1, -1, 7, 1, 3]) == -g.hypercube_value(), f.support
        (True, (2, 4))
        """
        return self.family(n).member(S)

    def family_size(self, n: int) -> int:
        """C(n, k), the number of members at dimension n.

        Parameters
        ----------
        n : int
            The dimension, ``n >= k``.

        Returns
        -------
        int
            Exact.

        Raises
        ------
        DomainError
            If ``k > n``.
        ResourceLimit
            If ``k > MAX_EXPLICIT_K`` (the family is built on the explicit template).

        Examples
        --------
        >>> GGJKK(3).family_size(10 ** 6) == 10 ** 6 * (10 ** 6 - 1) * (10 ** 6 - 2) // 6
        True
        """
        return self.family(n).size

    def member(self, index, n: int) -> Network:
        """f_S on R^n for the index S (a k-subset of {1, …, n}); the same as :meth:`network`.

        Parameters
        ----------
        index : iterable of int
            S, a k-subset of {1, …, n}.
        n : int
            The dimension.

        Returns
        -------
        Network

        Raises
        ------
        DomainError
            If S is not a k-subset of {1, …, n}.
        ResourceLimit
            If ``k > MAX_EXPLICIT_K``.
        """
        return self.network(index, n)

    def correlation_profile(self, n: int, dist=None, *, dps: int | None = None) -> CorrelationProfile:
        """The Gram matrix of {f_S : |S| = k} under D, counted by the invariant j = |S ∩ T| (SPEC §9.1).

        Every off-diagonal pair is exactly orthogonal (the family reflection certificate of G1, proved once
        on the template), and the diagonal is the common norm E_D[f_S²] (G3; exact without ``dps``).  The
        orbit of j holds C(n, k) C(k, j) C(n - k, k - j) ordered pairs.  Needs D invariant under every
        coordinate reflection (for orthogonality) and every permutation (for equal norms); otherwise
        :class:`~hardverify.errors.HypothesisFailed` carries the failed verdict.

        Parameters
        ----------
        n : int
            The dimension, ``n >= k``.
        dist : Distribution, optional
            D on R^n (default the standard Gaussian).
        dps : int, optional
            Digits of a certified diagonal; None for the exact norm.

        Returns
        -------
        CorrelationProfile
            Orbits j = 0..k-1 with exact correlation 0, the diagonal E_D[f_S²], and the PROVED
            verdicts (G1 certificate, G3 norm) as evidence.

        Raises
        ------
        HypothesisFailed
            If f_S ≡ 0, D lacks the reflections or the template is not odd under them (the verdict is
            REFUTED when a certified E[f_S f_T] ≠ 0 is found), E|f_S f_T| < ∞ is not proved, or D is
            not permutation invariant.
        DomainError
            If ``k > n`` or ``dist`` is not a distribution on R^n.
        ResourceLimit
            If ``k > MAX_EXPLICIT_K``.

        Examples
        --------
        >>> p = GGJKK(2, "relu").correlation_profile(10)
        >>> p.size, p.diagonal, [(o.invariant, o.pairs) for o in p.orbits]
        (45, 2 - 4/pi, [(0, 1260), (1, 720)])
        """
        dist = Gaussian(n) if dist is None else dist
        family = self.family(n)
        if is_identically_zero(family.template):
            text = "f_S ≡ 0 for every S (exact reduction with σ's parity): the family is useless for a hardness bound"
            raise HypothesisFailed(text, Verdict(Status.UNDECIDED, claim="G1", evidence=text, source=SOURCE))
        cert = family_certificate(family, dist)
        if cert is None:
            raise HypothesisFailed(*self._no_certificate(family, dist))
        integ = family_integrability(family, dist)
        if not integ:
            text = f"the reflection certificate needs E|f_S f_T| < ∞ under {dist!r}, not proved: {integ.reason}"
            raise HypothesisFailed(text, Verdict(Status.UNDECIDED, claim="G1", evidence=text, source=SOURCE))
        cert += f"; E|f_S f_T| < ∞: {integ.reason}"
        v = Verdict(Status.PROVED, claim="G1", method="exact: family symmetry certificate", evidence=cert,
                    source=SOURCE, params={"k": self.k, "n": n})
        if not dist.permutation_invariant:
            u = Verdict(Status.UNDECIDED, claim="G3", evidence=f"{dist!r} is not permutation invariant: the norms "
                        "E[f_S²] may depend on S", source=SOURCE)
            raise HypothesisFailed(u.evidence, u)
        c = self.norm2(dist=dist, dps=dps)
        norm = Verdict(Status.PROVED if dps is None else Status.CERTIFIED, claim="G3", source=SOURCE,
                       method="O(k) dual-kernel sum (G3)", evidence=f"E[f_S²] = {c} for every S")
        k, N = self.k, self.family_size(n)
        orbits = tuple(Orbit(j, N * math.comb(k, j) * math.comb(n - k, k - j), correlation=sp.Integer(0))
                       for j in range(k) if math.comb(n - k, k - j))
        return CorrelationProfile(construction=repr(self), n=n, size=N, law=repr(dist), invariant="j = |S ∩ T|",
                                  diagonal=c, orbits=orbits, evidence=(v, norm))

    def _no_certificate(self, family: SubsetFamily, dist) -> tuple:
        """(text, verdict) when no reflection certificate exists: REFUTED by a certified non-zero E[f_S f_T] for
        the pair S = {1..k}, T = {2..k+1} when one is found, else UNDECIDED."""
        text = f"no reflection certificate for the GGJKK family under {dist!r} ({dist.symmetry})"
        k, n = self.k, family.n
        if n > k:
            S, T = tuple(range(1, k + 1)), tuple(range(2, k + 2))
            try:
                e = inner_product(family.member(S), family.member(T), dist, dps=15)
            except (DomainError, NoClosedForm, NotCertified):
                e = None
            if e is not None and not e.contains_zero():
                text += f"; certified E[f_S f_T] = {e} ≠ 0 for S = {set(S)}, T = {set(T)}"
                return text, Verdict(Status.REFUTED, claim="G1", method="certified value", precision=15,
                                     evidence=text, source=SOURCE, params={"k": k, "n": n})
        return text, Verdict(Status.UNDECIDED, claim="G1", evidence=text, source=SOURCE, params={"k": k, "n": n})

    def classification_family(self, n: int, psi=TANH_HALF) -> SubsetFamily:
        """The family {ψ∘f_S} of label means (SPEC G9).

        The default ψ(t) = tanh(t/2) = 2 sigmoid(t) - 1 is E[y | x] for labels y ∈ {±1} with
        P[y = 1 | x] = sigmoid(f_S(x)); an odd ψ keeps the reflection certificate of G1.

        Parameters
        ----------
        n : int
            The dimension, ``n >= k``.
        psi : str or Activation
            ψ (default :data:`TANH_HALF`).

        Returns
        -------
        SubsetFamily
            On the template ψ∘f_{1..k} (a :class:`~hardverify.networks.ComposedNetwork`).

        Raises
        ------
        DomainError
            If ``k > n`` or ``psi`` is unknown.
        ResourceLimit
            If ``k > MAX_EXPLICIT_K``.

        Examples
        --------
        >>> import hardverify as hv
        >>> fam = GGJKK(2, "relu").classification_family(5)
        >>> fam.size, fam.member({1, 3}).symmetry_sign(hv.reflection(1))      # tanh(t/2) is odd
        (10, -1)
        """
        psi = _activation(psi)
        if psi not in self._composed:
            self._composed[psi] = ComposedNetwork(psi, self.template)
        return SubsetFamily(self._composed[psi], n)

    @functools.cached_property
    def unit_activation(self) -> Activation:
        """σ_r(t) = σ(r t), r = s√k (σ itself for unit hidden weights).

        Returns
        -------
        Activation
            Cached.
        """
        return self.activation if self.unit_norm == 1 else self.activation.affine(self.unit_norm, 0)

    # -- G2 ----------------------------------------------------------------------------------
    def lowest_component(self):
        """The lowest Hermite component of f_S: the coefficient of H_{1_S} = Π_{i∈S} x_i (SPEC G2).

        E_γ[f_S Π_{i∈S} x_i] = c · c_k(σ_r) 2^k √(k!) k^{-k/2}, with c_k the orthonormal Hermite
        coefficient E[σ_r(g) h_k(g)] (:func:`hardverify.hermite_coefficient`); every component of degree
        < k vanishes, so f_S is invisible to correlational queries of low degree.

        Returns
        -------
        sympy.Expr
            Exact.

        Raises
        ------
        NoClosedForm
            If c_k(σ_r) has no exact form (e.g. sigmoid).

        Examples
        --------
        The formula agrees with the component computed from the network unit by unit:

        >>> from hardverify.networks import hermite_component
        >>> g = GGJKK(2, "relu")
        >>> g.lowest_component(), hermite_component(g.template, {1: 1, 2: 1}) == g.lowest_component()
        (sqrt(2)/sqrt(pi), True)
        """
        k = self.k
        return self.outer_scale * routes.hermite_coefficient(self.unit_activation, k) * 2 ** k \
            * sp.sqrt(sp.factorial(k)) / sp.sqrt(k) ** k

    # -- G3 / G4 -------------------------------------------------------------------------------
    def dual_terms(self) -> list:
        """The O(k) terms of G3: [(w_j, ρ_j)] with w_j = (-1)^j C(k, j), ρ_j = 1 - 2j/k (exact).

        E[f_S²] = c² 2^k Σ_j w_j K_r(ρ_j), K_r the dual kernel of σ_r.

        Returns
        -------
        list of tuple
            ``[(int, sympy.Rational), ...]``, j = 0..k.

        Examples
        --------
        >>> GGJKK(2).dual_terms()
        [(1, 1), (-2, 0), (1, -1)]
        """
        k = self.k
        return [((-1) ** j * math.comb(k, j), sp.Rational(k - 2 * j, k)) for j in range(k + 1)]

    def norm2(self, *, dps=None, algorithm: str = "auto", dist=None):
        """E_D[f_S²] (SPEC G3) by the O(k) dual-kernel sum: exact without ``dps``, certified with it.

        ``algorithm`` (:data:`hardverify.routes.ALGORITHMS`): ``"auto"``/``"exact"`` closed-form kernels
        where they exist (certified Mehler series otherwise); ``"series"`` every kernel by its certified
        Mehler series with quadrature coefficients (independent of the closed forms).  ``dist``: None or a
        Gaussian (the value does not depend on n or S), another spherical law for a positively homogeneous σ
        (× E[R^{2p}]/E|g|^{2p}), or the hypercube (f_S(1)², SPEC G6).  The second G3 formula is
        :meth:`norm2_hermite_series`.

        Parameters
        ----------
        dps : int, optional
            Decimal digits of a certified result; None for the exact value.
        algorithm : {"auto", "exact", "series"}
            The kernel route.
        dist : Distribution, optional
            D (default the standard Gaussian); see above.

        Returns
        -------
        sympy.Expr or Enclosure
            Exact when ``dps`` is None, else a certified ball with at least ``dps`` digits.

        Raises
        ------
        DomainError
            If ``dist`` lives on R^n with n < k, is not a distribution, or is a law where E[f_S²]
            may depend on S; or ``dps``/``algorithm`` is invalid.
        NoClosedForm
            (exact request) If a dual kernel of σ_r has no closed form (sigmoid, tanh: pass ``dps``).
        NotCertified
            Under a spherical law with a non-homogeneous σ, or if the sum cannot be certified.

        Examples
        --------
        The certified value encloses the exact one (SPEC V12: 2 - 4/π at k = 2):

        >>> g = GGJKK(2, "relu")
        >>> g.norm2(dps=20).contains(g.norm2()), g.norm2(dps=20).rel_accuracy_digits() >= 20
        (True, True)
        """
        dps, algorithm = routes.decide(dps, algorithm, ("auto", "exact", "series"), "E[f_S²]")
        if isinstance(dist, Distribution) and isinstance(dist.n, int) and dist.n < self.k:
            raise DomainError(f"f_S needs k = {self.k} ≤ n coordinates; {dist!r} lives on R^{dist.n}")
        memo = (dps, algorithm) if dist is None or type(dist) is Gaussian else None
        if memo is not None and memo in self._norms:
            return self._norms[memo]
        value = self._norm2(dps, algorithm, dist)
        if memo is not None:
            self._norms[memo] = value
        return value

    def _norm2(self, dps, algorithm, dist):
        if isinstance(dist, Radial) and not isinstance(dist, Gaussian) and self.activation.homogeneity is None:
            return self._norm2_sphere(dist, dps, algorithm)
        factor = self._law_factor(dist)
        if factor is None:                                   # hypercube: E[f_S²] = f_S(1)² (G6)
            v = self.hypercube_value() ** 2
            return v if dps is None else enclose(v, dps)
        if dps is None:
            value = self.outer_scale ** 2 * 2 ** self.k * sp.Add(
                *[w * routes.dual_kernel(self.unit_activation, rho=rho) for w, rho in self.dual_terms()])
            return factor * value
        value = self._norm2_dual(dps + 5, algorithm)
        value = value if factor == 1 else value * enclose(factor, dps + 10)
        return Enclosure(value.ball, dps)

    def _law_factor(self, dist):
        if dist is None or isinstance(dist, Gaussian):
            return 1
        if isinstance(dist, Hypercube):
            return None
        if isinstance(dist, Radial):
            p = self.activation.homogeneity
            return dist.radius_moment(2 * p) / Gaussian(dist.n).radius_moment(2 * p)
        if isinstance(dist, Distribution):
            raise DomainError(f"GGJKK.norm2 needs a law under which E[f_S²] does not depend on S (Gaussian, "
                              f"spherical, hypercube); for {dist!r} use hv.inner_product(f, f, dist) with "
                              "f = network(S, n)")
        raise DomainError(f"dist must be a hardverify distribution or None, got {dist!r}")

    def _monte_carlo_hint(self, dist) -> str:
        """Runnable code for a seeded Monte Carlo estimate of E[f_S²] under ``dist`` (evidence, not a proof)."""
        a = self.activation
        named = a.name and not a.params and _activation(a.name) == a
        act = repr(a.name) if named else f"hv.activation({str(a.expr)!r})"
        args = "" if self.inner_scale == 1 / sp.sqrt(self.k) else f", inner_scale=sp.sympify({str(self.inner_scale)!r})"
        args += "" if self.outer_scale == 1 else f", outer_scale=sp.sympify({str(self.outer_scale)!r})"
        law = f"hv.{dist!r}" if type(dist) is not Radial else f"hv.Radial({dist.n}, hv.{dist.radius_law!r})"
        S = tuple(range(1, self.k + 1))
        return ("for evidence run: import hardverify as hv, sympy as sp; from hardverify.constructions.goel2020 "
                f"import GGJKK; f = GGJKK({self.k}, {act}{args}).network({S}, {dist.n}); "
                f"print(hv.monte_carlo_inner(f, f, {law}, seed=0))")

    def _norm2_sphere(self, dist, dps, algorithm):
        """E[f_S²] on the sphere of radius R (or the ball: the sphere of R^{n+2}) for non-homogeneous σ, spectrally.

        With σ_{rR}(t) = σ(rR t) (r = s√k the norm of a hidden weight), rotation invariance gives G3's form
        E[f_S²] = c² 2^k Σ_j (-1)^j C(k,j) K_{σ_{rR}}(1 - 2j/k; n) with the sphere kernel K(ρ; n) of SPEC F5,
        summed as c² 2^k Σ_{ℓ ≡ k (2), ℓ ≥ k} μ_ℓ(σ_{rR}; n)² N(n,ℓ) D_ℓ, D_ℓ = Σ_j (-1)^j C(k,j) P_ℓ(1 - 2j/k)
        exact rationals ≥ 0 (no cancellation; :mod:`hardverify.numeric.sphere_kernel`).  D_ℓ = 0 for ℓ < k (a
        k-th difference of a polynomial of degree < k), so f_S = 0 when σ's parity kills every μ_ℓ, ℓ ≥ k, ℓ ≡ k.
        """
        reduced = sphere_marginal(dist)
        if reduced is None:
            raise (NoClosedForm if dps is None else NotCertified)(
                f"E[f_S²] under {dist!r} (radius law {dist.radius_law!r}) for the non-homogeneous σ = "
                f"{self.activation.label}: only the uniform sphere and the uniform ball (a marginal of a sphere) "
                "reduce to the certified sphere kernel; the radial integral E_R[K_{σ_R}] of this law is not "
                f"certified; {self._monte_carlo_hint(dist)}")
        if dps is None:
            raise NoClosedForm(f"no exact E[f_S²] under {dist!r} for the non-homogeneous σ = {self.activation.label}"
                               f"; pass dps= for the certified Gegenbauer series (SPEC F5), or "
                               f"{self._monte_carlo_hint(dist)}")
        if algorithm == "exact":
            raise NoClosedForm(f"no closed form for E[f_S²] under {dist!r} with σ = {self.activation.label}; "
                               "use algorithm='auto' or 'series' with dps=")
        unit = Network([{1: 1}], self.activation, n=dist.n, scale=self.unit_norm)
        proof = integrability(unit, unit, dist)
        if not proof:
            raise NotCertified(f"E[f_S²] < ∞ under {dist!r} is not proved: {proof.reason}")
        m, radius = reduced
        scale = sp.radsimp(self.unit_norm * radius)
        act = self.activation if scale == 1 else self.activation.affine(scale, 0)
        if act.parity.vanishes(self.k):                        # every μ_ℓ, ℓ ≥ k, ℓ ≡ k vanishes: f_S = 0 a.e.
            return Enclosure(arb(0), dps)
        c2 = self.outer_scale ** 2 * 2 ** self.k
        value = routes.sphere_kernel(act, None, m, self.dual_terms(), dps=dps + 5, relative=True,
                                     algorithm="series" if algorithm == "series" else "auto")
        with ctx.workprec(bits_for_dps(dps) + 64):
            return Enclosure.labelled(value.ball * enclose(c2, dps + 10).ball, dps)

    def _norm2_dual(self, dps: int, algorithm: str) -> Enclosure:
        k, act = self.k, self.unit_activation
        c2 = self.outer_scale ** 2 * 2 ** k

        def evaluate(inner):
            tiny = arb(10) ** (-inner)
            total, scale = arb(0), arb(0)
            for w, rho in self.dual_terms():
                K = routes.dual_kernel(act, rho=rho, dps=inner, absolute=tiny, algorithm=algorithm).ball
                total += w * K
                scale += abs(w) * K.abs_upper()
            c = enclose(c2, inner + 5).ball
            return total * c, scale * c
        total = guarded_sum(evaluate, dps, guard=int(math.ceil(0.3 * k)) + 10, what=f"the G3 dual sum (k = {k})")
        return Enclosure(total, dps)

    def _parity_norm(self, dps: int) -> arb:
        act, sgn = self.unit_activation, (-1) ** self.k
        K1, Km1 = (routes.dual_kernel(act, rho=r, dps=dps + 10).ball for r in (1, -1))
        return (K1 + sgn * Km1) / 2

    def norm2_hermite_series(self, *, dps: int, max_degree: int = 400) -> Enclosure:
        """E[f_S²] under N(0, I) by the second form of G3, certified: c² 4^k Σ_{m ≡ k (2)} c_m(σ_r)² T(k, m)/k^m.

        The tail beyond degree M is bounded by c² 4^k sup_{m>M} T(k,m)/k^m · Σ_{m>M, m≡k} c_m² (Parseval,
        restricted to the part of σ of k's parity); the coefficients are enclosed closed forms where they
        exist, else certified quadrature.  NotCertified when the tail is still too wide at ``max_degree``.

        Parameters
        ----------
        dps : int
            Decimal digits required.
        max_degree : int
            The largest truncation degree M tried (M doubles from max(k + 2, 48)).

        Returns
        -------
        Enclosure
            Certified, with the tail bound included in the radius.

        Raises
        ------
        DomainError
            If ``dps`` is invalid.
        NotCertified
            If ``dps`` digits are not reached by degree ``max_degree`` (ReLU's c_m² decay like
            m^{-5/2}: only a few digits).

        Examples
        --------
        An independent check of :meth:`norm2` (SPEC G3, both forms):

        >>> g = GGJKK(2, "relu")
        >>> g.norm2_hermite_series(dps=3).contains(g.norm2())
        True
        """
        dps = as_dps(dps)
        k = self.k
        M = max(k + 2, 48)
        while True:
            cs = routes.hermite_table(self.unit_activation, M, 20 * -(-dps // 20)).coeffs
            with ctx.workprec(bits_for_dps(dps) + 96):
                partial = arb(0)
                for m in range(k, M + 1, 2):
                    partial += cs[m] ** 2 * arb(word_count(k, m)) / arb(k) ** m
                # Parseval restricted to m ≡ k (mod 2): Σ_{m ≡ k} c_m² = E[σ_p(g)²] = (K(1) ± K(-1))/2
                # with σ_p = (σ(t) ± σ(-t))/2 the part of σ of k's parity
                rem = (self._parity_norm(dps) - sum((cs[m] ** 2 for m in range(k % 2, M + 1, 2)), arb(0)))
                rem = rem.upper().max(arb(0))
                b = _word_weight_bound(k, M)
                tail = (rem * arb(b.numerator) / arb(b.denominator)).upper()
                c2 = enclose(self.outer_scale ** 2 * 4 ** k, dps + 10).ball
                total = c2 * (partial + arb(0, tail))
            if meets(total, dps):
                return Enclosure(total, dps)
            if M >= max_degree:
                raise NotCertified(f"the T(k,m) Hermite series for k = {k} reached only {total} by degree "
                                   f"{M}; the Parseval tail of {self.activation.label} decays slowly — lower "
                                   "dps or raise max_degree")
            M = min(2 * M, max_degree)

    def norm2_lower_bound(self, *, dps=None):
        """SPEC G4: the lower bound c² 4^k c_k(σ_r)² k!/k^k ≤ E[f_S²] (the m = k term of the G3 series).

        Parameters
        ----------
        dps : int, optional
            Decimal digits of a certified result (needed when c_k(σ_r) has no closed form).

        Returns
        -------
        sympy.Expr or Enclosure
            Exact when ``dps`` is None, else certified.

        Raises
        ------
        NoClosedForm
            If ``dps`` is None and c_k(σ_r) has no closed form.
        DomainError
            If ``dps`` is invalid.

        Examples
        --------
        For ReLU at k = 2 the bound is 2/π ≤ 2 - 4/π:

        >>> g = GGJKK(2, "relu")
        >>> g.norm2_lower_bound(), bool(g.norm2_lower_bound() <= g.norm2())
        (2/pi, True)
        """
        k = self.k
        w = self.outer_scale ** 2 * 4 ** k * sp.factorial(k) / sp.Integer(k) ** k
        try:
            v = w * routes.hermite_coefficient(self.unit_activation, k) ** 2
            return v if dps is None else enclose(v, as_dps(dps))
        except NoClosedForm:
            if dps is None:
                raise
            c = routes.hermite_coefficient(self.unit_activation, k, dps=as_dps(dps) + 5).ball
            with ctx.workprec(bits_for_dps(dps) + 64):
                return Enclosure.labelled(c * c * enclose(w, dps + 5).ball, dps)

    # -- G6 -----------------------------------------------------------------------------------
    def hypercube_value(self):
        """f_S(1, …, 1) = c Σ_j (-1)^j C(k, j) σ(s(k - 2j)); on {±1}^n, f_S = f_S(1)·χ_S (SPEC G6).

        Returns
        -------
        sympy.Expr
            Exact; its square is E[f_S²] under the uniform hypercube.

        Examples
        --------
        >>> import hardverify as hv
        >>> g = GGJKK(2, "relu")
        >>> g.hypercube_value(), g.norm2(dist=hv.Hypercube(4)) == g.hypercube_value() ** 2
        (sqrt(2), True)
        """
        k = self.k
        return self.outer_scale * sp.Add(*[(-1) ** j * math.comb(k, j) * self.activation(self.inner_scale * (k - 2 * j))
                                           for j in range(k + 1)])

    # -- display in notebooks (Construction renders this Display as Markdown and LaTeX) -------------------
    def _display(self) -> Display:
        k, s, c = self.k, sp.latex(self.inner_scale), "" if self.outer_scale == 1 else sp.latex(self.outer_scale)
        return Display(
            "GGJKK family", (("k", k), ("σ", self.activation.label), ("s", self.inner_scale), ("c", self.outer_scale)),
            rf"f_S(x) = {c}\sum_{{w\in\{{\pm1\}}^{{{k}}}}} \chi(w)\,\sigma\left({s}\langle w, x_S\rangle\right),"
            rf"\quad |S| = {k}",
            f"f_S(x) = c·Σ_(w ∈ {{±1}}^{k}) χ(w) σ(s⟨w, x_S⟩), χ(w) = Π_i w_i, |S| = {k}",
            (f"width 2^{k} = {2 ** k} units per member", f"C(n, {k}) members at dimension n (SPEC §3)"))

