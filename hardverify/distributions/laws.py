"""Input distributions on R^n: spherically symmetric laws and non-symmetric controls.

Every distribution knows

* its **symmetry group** (:meth:`Distribution.is_invariant_under` decides exactly whether a
  signed permutation of coordinates preserves it; :attr:`Distribution.symmetry` describes the group);
* its **exact moments** E[x^α] (:meth:`Distribution.moment`, sympy; for spherical laws symbolic in n);
* how to **sample** the marginal of a few coordinates with an explicit seed
  (:meth:`Distribution.sample`), which costs O(#coordinates) even at n = 10^6.

Spherically symmetric laws (rotation invariant; group O(n)) are x = R·θ with θ uniform on S^{n-1}
and an independent radius R (:class:`RadiusLaw`): :class:`Gaussian` (R ~ χ_n),
:class:`UniformSphere` (R = radius), :class:`UniformBall` (density ∝ r^{n-1} on [0, radius]) and
:class:`Radial` (any :class:`RadiusLaw`: χ with any degrees of freedom, Pareto heavy tails).
Controls: :func:`ShiftedGaussian` and :func:`AnisotropicGaussian` (N(μ, diag v)),
:class:`UniformCube` and :class:`Hypercube` (coordinate reflections and permutations, no rotations).

Coordinates are numbered 1..n (SPEC).  Nothing here allocates an n-sized array unless asked to
sample all n coordinates.

>>> from hardverify.distributions import Hypercube, ShiftedGaussian, reflection
>>> D = Gaussian(10**6)
>>> D.moment({1: 2, 7: 4})                                       # E[x_1² x_7⁴] = 1·3
3
>>> UniformSphere(6).moment((2, 2, 2))                           # SPEC V20
1/480
>>> ShiftedGaussian(3, 0.5).is_invariant_under(reflection(1))   # the control of SPEC G1
False
>>> Hypercube(5).is_spherical, Hypercube(5).is_invariant_under(reflection(1))
(False, True)
"""

from __future__ import annotations

import numbers

import numpy as np
import sympy as sp

from ..core.markup import escape_math
from ..core.markup import latex_of as tex
from ..core.numbers import exact_real
from ..errors import DomainError, NoClosedForm, ResourceLimit
from ..symbolic.moments import check_moment_degree, gaussian_moment_multi, sphere_moment
from ..validate import as_dimension
from .symmetry import SignedPermutation

__all__ = ["Distribution", "RadiusLaw", "Radial", "Gaussian", "UniformSphere", "UniformBall", "require_spherical",
           "multi_index", "check_transform"]

#: largest n for which ``sample`` draws all coordinates at once (beyond it pass ``coords=``).
MAX_DENSE_SAMPLE = 100_000


def _rng(seed):
    if isinstance(seed, np.random.Generator):
        return seed
    if isinstance(seed, bool) or not isinstance(seed, (numbers.Integral, np.integer)) or seed < 0:
        raise DomainError(f"seed must be a non-negative integer (or a numpy Generator), got {seed!r}")
    return np.random.default_rng(int(seed))


def _rising(a, q: int):
    """a (a+1) ... (a+q-1), exact."""
    out = sp.Integer(1)
    for i in range(q):
        out *= a + i
    return out


def _gamma_ratio(a, s):
    """Γ(a + s/2)/Γ(a) exactly; refused for huge a with odd s (sympy would expand a factorial)."""
    s = sp.sympify(s)
    if s.is_integer and s.is_nonnegative and s % 2 == 0:
        return _rising(a, int(s) // 2)
    if isinstance(a, sp.Expr) and a.free_symbols:
        return sp.gamma(a + s / 2) / sp.gamma(a)
    if sp.sympify(a) > 5000:
        raise NoClosedForm(f"Γ(a + {s}/2)/Γ(a) with a = {a} is not expanded exactly (it would be a huge "
                           "number); use an even moment or a smaller dimension")
    return sp.gammasimp(sp.gamma(a + s / 2) / sp.gamma(a))


class RadiusLaw:
    """The law of the radius R = |x| of a spherically symmetric distribution x = R·θ.

    Build one with :meth:`chi`, :meth:`constant`, :meth:`power` or :meth:`pareto` (the
    constructor is internal) and pass it to :class:`Radial`.  Moments E[R^s] are exact.

    Parameters
    ----------
    kind : str
        ``"chi"``, ``"constant"``, ``"power"`` or ``"pareto"``.
    params : dict
        The validated parameters of that kind.
    label : str
        The text shown by ``repr``.

    Examples
    --------
    >>> import hardverify as hv
    >>> hv.RadiusLaw.pareto(3).moment(2)         # E[R²] = α/(α - 2) for R ~ Pareto(α = 3)
    3
    >>> hv.RadiusLaw.chi(10).moment(2)           # E|g|² = 10 for g ~ N(0, I_10)
    10
    >>> hv.RadiusLaw.power(3).moment(2)          # uniform ball of R^3: E[R²] = 3/5
    3/5
    """

    def __init__(self, kind: str, params: dict, label: str):
        self.kind, self.params, self.label = kind, params, label

    @classmethod
    def chi(cls, df, scale=1) -> "RadiusLaw":
        """R = scale·|g| with g ~ N(0, I_df): the χ law with ``df`` degrees of freedom.

        E[R^s] = scale^s 2^{s/2} Γ(df/2 + s/2)/Γ(df/2).

        Parameters
        ----------
        df : number or sympy.Symbol
            Degrees of freedom, > 0 (need not be an integer).
        scale : number
            scale > 0 (default 1).

        Returns
        -------
        RadiusLaw
            The χ radius law (``tails == "gaussian"``).

        Raises
        ------
        DomainError
            If df or scale is not a positive real number.

        Examples
        --------
        >>> RadiusLaw.chi(3, scale=2).moment(4)      # 2⁴ E|g|⁴ = 16 · 3 · 5
        240
        """
        d = exact_real(df, "df", positive=True) if not isinstance(df, sp.Symbol) else df
        s = exact_real(scale, "scale", positive=True)
        return cls("chi", {"df": d, "scale": s}, f"chi(df={d}" + (f", scale={s})" if s != 1 else ")"))

    @classmethod
    def constant(cls, radius=1) -> "RadiusLaw":
        """R = radius almost surely (the uniform law on the sphere of that radius).

        Parameters
        ----------
        radius : number
            radius > 0 (default 1).

        Returns
        -------
        RadiusLaw
            The constant radius law (``tails == "compact"``).

        Raises
        ------
        DomainError
            If radius is not a positive real number.
        """
        r = exact_real(radius, "radius", positive=True)
        return cls("constant", {"radius": r}, f"constant({r})")

    @classmethod
    def power(cls, n, radius=1) -> "RadiusLaw":
        """Density n r^{n-1}/radius^n on [0, radius]: the radius of the uniform ball of R^n.

        E[R^s] = radius^s n/(n + s).

        Parameters
        ----------
        n : int or sympy.Symbol
            The dimension of the ball (``>= 1``).
        radius : number
            radius > 0 (default 1).

        Returns
        -------
        RadiusLaw
            The power radius law (``tails == "compact"``).

        Raises
        ------
        DomainError
            If n is not a valid dimension or radius is not a positive real number.
        """
        n = as_dimension(n)
        r = exact_real(radius, "radius", positive=True)
        return cls("power", {"n": n, "radius": r}, f"power(n={n}, radius={r})")

    @classmethod
    def pareto(cls, alpha, scale=1) -> "RadiusLaw":
        """A heavy-tailed radius: density α scale^α r^{-α-1} on [scale, ∞).

        E[R^s] = α scale^s/(α - s), finite only for s < α.

        Parameters
        ----------
        alpha : number
            The tail index α > 0.
        scale : number
            scale > 0 (default 1), the smallest radius.

        Returns
        -------
        RadiusLaw
            The Pareto radius law (``tails == ("power", alpha)``).

        Raises
        ------
        DomainError
            If alpha or scale is not a positive real number.
        """
        a = exact_real(alpha, "alpha", positive=True)
        s = exact_real(scale, "scale", positive=True)
        return cls("pareto", {"alpha": a, "scale": s}, f"pareto(alpha={a}, scale={s})")

    def moment(self, s):
        """E[R^s], exact.

        Parameters
        ----------
        s : number or sympy.Expr
            The power.

        Returns
        -------
        sympy.Expr
            The exact moment (symbolic when a parameter is a Symbol).

        Raises
        ------
        DomainError
            If the moment is infinite (a Pareto radius with s >= α).
        NoClosedForm
            For a χ radius with df/2 > 5000 and s not an even integer (the exact Γ ratio
            would be a huge number).

        Examples
        --------
        >>> RadiusLaw.pareto(3).moment(1)            # α/(α - 1)
        3/2
        """
        s = sp.sympify(s)
        p = self.params
        if self.kind == "constant":
            return p["radius"] ** s
        if self.kind == "power":
            return p["radius"] ** s * p["n"] / (p["n"] + s)
        if self.kind == "pareto":
            if not bool(s < p["alpha"]):
                raise DomainError(f"E[R^{s}] is infinite for a Pareto radius with alpha = {p['alpha']} "
                                  f"(moments exist only for s < alpha)")
            return p["alpha"] * p["scale"] ** s / (p["alpha"] - s)
        return p["scale"] ** s * 2 ** (s / 2) * _gamma_ratio(sp.sympify(p["df"]) / 2, s)

    @property
    def tails(self):
        """What is known of the tail of R, used to prove integrability (E|fg| < ∞).

        Returns
        -------
        str or tuple
            ``"compact"`` (constant, power), ``"gaussian"`` (χ: E e^{cR} < ∞ for all c) or
            ``("power", α)`` (Pareto: E[R^s] < ∞ exactly for s < α).
        """
        if self.kind in ("constant", "power"):
            return "compact"
        if self.kind == "pareto":
            return ("power", self.params["alpha"])
        return "gaussian"

    def sample(self, size: int, rng) -> np.ndarray:
        """``size`` independent draws of R (evidence-grade floats).

        Parameters
        ----------
        size : int
            The number of draws.
        rng : numpy.random.Generator
            The seeded generator to draw from.

        Returns
        -------
        numpy.ndarray
            A float array of shape ``(size,)``.
        """
        p = self.params
        if self.kind == "constant":
            return np.full(size, float(p["radius"]))
        if self.kind == "power":
            return float(p["radius"]) * np.exp(np.log(rng.random(size)) / float(p["n"]))
        if self.kind == "pareto":
            return float(p["scale"]) * rng.random(size) ** (-1.0 / float(p["alpha"]))
        return float(p["scale"]) * np.sqrt(rng.chisquare(float(p["df"]), size))

    def __repr__(self) -> str:
        return f"RadiusLaw.{self.label}"

    def _latex(self) -> str:
        p = self.params
        if self.kind == "constant":
            return rf"R = {tex(p['radius'])}"
        if self.kind == "power":
            n, r = tex(p["n"]), tex(p["radius"])
            return rf"R\ \text{{with density}}\ {n}\, r^{{{tex(p['n'] - 1)}}} / {r}^{{{n}}}\ \text{{on}}\ [0, {r}]"
        if self.kind == "pareto":
            return rf"R \sim \mathrm{{Pareto}}(\alpha = {tex(p['alpha'])},\ \mathrm{{scale}} = {tex(p['scale'])})"
        scale = "" if p["scale"] == 1 else tex(p["scale"]) + r"\,"
        return rf"R \sim {scale}\chi_{{{tex(p['df'])}}}"

    def _repr_latex_(self) -> str:
        return f"${self._latex()}$"


def multi_index(alpha, n) -> dict:
    """A multi-index α as a sparse dict ``{coordinate (1-based): power}`` (zero powers dropped).

    Parameters
    ----------
    alpha : sequence or dict
        Powers of coordinates 1, 2, ... or ``{coordinate: power}``.
    n : int or sympy.Expr
        The dimension; coordinates above a numeric n are refused.

    Returns
    -------
    dict
        ``{coordinate: power}`` with positive int powers.

    Raises
    ------
    DomainError
        If α is not a sequence or dict, a power is not a non-negative integer, or a coordinate
        is outside 1..n.
    ResourceLimit
        If the total degree |α| is above the exact-moment limit.

    Examples
    --------
    >>> multi_index((2, 0, 1), 3) == multi_index({1: 2, 3: 1}, 3) == {1: 2, 3: 1}
    True
    """
    if isinstance(alpha, dict):
        items = alpha.items()
    else:
        try:
            items = list(enumerate(alpha, start=1))
        except TypeError:
            raise DomainError("a multi-index must be a sequence or a dict {coordinate: power}, "
                              f"got {alpha!r}") from None
    out = {}
    for c, a in items:
        if isinstance(a, bool) or not isinstance(a, (numbers.Integral, sp.Integer)) or a < 0:
            raise DomainError(f"multi-index powers must be non-negative integers, got {a!r}")
        if isinstance(c, bool) or not isinstance(c, (numbers.Integral, sp.Integer)) or c < 1:
            raise DomainError(f"coordinates are numbered 1..n, got {c!r}")
        if isinstance(n, int) and c > n:
            raise DomainError(f"coordinate {c} is outside 1..{n}")
        if a:
            out[int(c)] = int(a)
    check_moment_degree(sum(out.values()))
    return out


class Distribution:
    """Base class: a probability law on R^n with its symmetry group, exact moments and sampler.

    Subclasses set :attr:`is_spherical`, :attr:`symmetry` and :attr:`tails` and implement
    :meth:`is_invariant_under`, :meth:`moment` and ``_sample`` (see the module docstring).

    Parameters
    ----------
    n : int or sympy.Symbol
        The dimension (``>= 1``, or a positive-integer Symbol).

    Raises
    ------
    DomainError
        If n is not a valid dimension.
    """

    is_spherical = False
    symmetry = ""
    #: what hardverify knows of the tails of |x| (used to prove E|fg| < ∞): ``"compact"`` (bounded
    #: support), ``"gaussian"`` (E e^{c|x|} < ∞ for every c), ``("power", α)`` (E|x|^s < ∞ exactly for
    #: s < α), or None (unknown: no integrability is proved).
    tails = None

    def __init__(self, n):
        self.n = as_dimension(n)

    # -- symmetry ----------------------------------------------------------------------
    def is_invariant_under(self, R: SignedPermutation) -> bool:
        """Whether x ~ D implies R x ~ D (decided exactly).

        Parameters
        ----------
        R : SignedPermutation
            A signed permutation of the coordinates 1..n.

        Returns
        -------
        bool
            True only when the invariance is certain.

        Raises
        ------
        DomainError
            If R is not a SignedPermutation or moves a coordinate outside 1..n.
        """
        raise NotImplementedError

    @property
    def all_reflections(self) -> bool:
        """Whether D is invariant under every coordinate reflection x_i ↦ -x_i.

        Returns
        -------
        bool
            Decided exactly.
        """
        raise NotImplementedError

    @property
    def permutation_invariant(self) -> bool:
        """Whether D is invariant under every permutation of coordinates.

        Returns
        -------
        bool
            Decided exactly.
        """
        raise NotImplementedError

    # -- moments and samples -------------------------------------------------------------
    def moment(self, alpha):
        """E[x^α] = E[Π_i x_i^{α_i}], exact.

        Parameters
        ----------
        alpha : sequence or dict
            Powers of coordinates 1, 2, ... or ``{coordinate: power}``.

        Returns
        -------
        sympy.Expr
            The exact moment (symbolic in n for spherical laws with symbolic n).

        Raises
        ------
        DomainError
            If α is malformed, names a coordinate outside 1..n, or the moment does not exist.
        ResourceLimit
            If the total degree |α| is above the exact-moment limit.
        """
        raise NotImplementedError

    def _sample(self, coords, size, rng) -> np.ndarray:
        raise NotImplementedError

    def sample(self, size: int, *, seed, coords=None) -> np.ndarray:
        """``size`` independent draws of the coordinates ``coords`` (evidence-grade floats).

        The marginal of a few coordinates is drawn exactly (for spherical laws the other n - s
        coordinates enter only through a χ²_{n-s} variable), so the cost does not depend on n.

        Parameters
        ----------
        size : int
            The number of draws, ``>= 1``.
        seed : int or numpy.random.Generator
            A non-negative seed for ``numpy.random.default_rng`` (or a generator); required.
        coords : iterable of int, optional
            Distinct 1-based coordinates; default all n (refused above 100 000).

        Returns
        -------
        numpy.ndarray
            A float array of shape ``(size, len(coords))``.

        Raises
        ------
        DomainError
            If n is symbolic, size is not a positive integer, the seed is invalid, or the
            coordinates are not distinct in 1..n.
        ResourceLimit
            If ``coords`` is omitted and n > 100 000.

        Examples
        --------
        The same seed gives the same draws, and sphere points of 3 coordinates out of 10^6
        have small entries (E[x_1²] = 1/n):

        >>> D = UniformSphere(10**6)
        >>> a, b = D.sample(4, seed=1, coords=[1, 2, 3]), D.sample(4, seed=1, coords=[1, 2, 3])
        >>> a.shape, bool((a == b).all()), bool((abs(a) < 0.01).all())
        ((4, 3), True, True)
        """
        if not isinstance(self.n, int):
            raise DomainError("sampling needs a numeric dimension n")
        if isinstance(size, bool) or not isinstance(size, (numbers.Integral, np.integer)) or size < 1:
            raise DomainError(f"size must be a positive integer, got {size!r}")
        if coords is None:
            if self.n > MAX_DENSE_SAMPLE:
                raise ResourceLimit(f"n = {self.n} is too large to sample every coordinate (at most "
                                  f"{MAX_DENSE_SAMPLE}); pass coords= (the coordinates you need)")
            coords = range(1, self.n + 1)
        coords = list(coords)
        if any(isinstance(c, bool) or not isinstance(c, (numbers.Integral, np.integer)) or not 1 <= c <= self.n
               for c in coords) or len(set(coords)) != len(coords):
            raise DomainError(f"coords must be distinct coordinates in 1..{self.n}")
        return self._sample(coords, int(size), _rng(seed))

    def check_dimension(self, n, what="network") -> None:
        """Check that an object (a network, a family) living on R^n matches this law's dimension.

        Parameters
        ----------
        n : int or sympy.Expr
            The object's dimension.
        what : str
            The object's name in the error message.

        Raises
        ------
        DomainError
            If ``n != self.n``.
        """
        if n != self.n:
            raise DomainError(f"dimension mismatch: the {what} lives on R^{n} but the distribution "
                              f"{self!r} on R^{self.n}")

    # -- display: notebooks typeset ``_latex()``, the law in the notation of SPEC §0 ----------------
    def _latex(self) -> str:
        return rf"\mathrm{{{escape_math(type(self).__name__)}}}\ \text{{on}}\ \mathbb{{R}}^{{{tex(self.n)}}}"

    def _repr_latex_(self) -> str:
        return f"${self._latex()}$"


class Radial(Distribution):
    """The spherically symmetric law x = R·θ, θ uniform on S^{n-1}, R ~ ``radius_law`` independent.

    Rotation invariant (group O(n)), so every signed permutation is a symmetry.  Moments
    factor: E[x^α] = E[R^{|α|}] E[θ^α] (SPEC §0.2), exact and symbolic in n.

    Parameters
    ----------
    n : int or sympy.Symbol
        The dimension (``>= 1``, or a positive-integer Symbol).
    radius_law : RadiusLaw
        The law of |x|.

    Raises
    ------
    DomainError
        If n is not a valid dimension or ``radius_law`` is not a :class:`RadiusLaw`.

    Examples
    --------
    >>> import hardverify as hv
    >>> D = hv.Radial(4, hv.RadiusLaw.chi(3))
    >>> D.moment((2,))                 # E[R²] E[θ_1²] = 3 · 1/4
    3/4
    >>> hv.Radial(5, hv.RadiusLaw.chi(5)).moment((4, 2)) == hv.Gaussian(5).moment((4, 2))   # χ_n: Gaussian
    True
    """

    is_spherical = True
    symmetry = "O(n): all rotations and reflections"

    def __init__(self, n, radius_law: RadiusLaw):
        super().__init__(n)
        if not isinstance(radius_law, RadiusLaw):
            raise DomainError("radius_law must be a RadiusLaw (RadiusLaw.chi(df), .constant(r), "
                              f".power(n), .pareto(alpha)), got {radius_law!r}")
        self.radius_law = radius_law

    def is_invariant_under(self, R) -> bool:
        """True for every signed permutation R of 1..n (the law is rotation invariant).

        Parameters
        ----------
        R : SignedPermutation
            A signed permutation of the coordinates 1..n.

        Returns
        -------
        bool
            Always True once R is valid.

        Raises
        ------
        DomainError
            If R is not a SignedPermutation or moves a coordinate outside 1..n.
        """
        check_transform(R, self.n)
        return True

    all_reflections = True
    permutation_invariant = True

    def radius_moment(self, s):
        """E[R^s] = E|x|^s, exact (see :meth:`RadiusLaw.moment`).

        Parameters
        ----------
        s : number or sympy.Expr
            The power.

        Returns
        -------
        sympy.Expr
            The exact moment.

        Raises
        ------
        DomainError
            If the moment is infinite.
        """
        return self.radius_law.moment(s)

    @property
    def tails(self):
        """What is known of the tail of |x|, used to prove integrability (E|fg| < ∞).

        Returns
        -------
        str or tuple
            ``"compact"`` (constant, power radius), ``"gaussian"`` (χ radius) or
            ``("power", α)`` (Pareto).

        Examples
        --------
        >>> Radial(3, RadiusLaw.pareto(2)).tails, Gaussian(3).tails, UniformSphere(3).tails
        (('power', 2), 'gaussian', 'compact')
        """
        return self.radius_law.tails

    def moment(self, alpha):
        """E[x^α] = E[R^{|α|}] E_θ[θ^α], exact: 0 if some α_i is odd, symbolic in n.

        Parameters
        ----------
        alpha : sequence or dict
            Powers of coordinates 1, 2, ... or ``{coordinate: power}``.

        Returns
        -------
        sympy.Expr
            The exact moment.

        Raises
        ------
        DomainError
            If α is malformed or outside 1..n, or E|x^α| is infinite (Pareto radius with
            |α| >= α_tail).
        ResourceLimit
            If the total degree |α| is above the exact-moment limit.
        """
        a = multi_index(alpha, self.n)
        total = sum(a.values())
        if any(v % 2 for v in a.values()):
            if self.radius_law.kind == "pareto" and not bool(total < self.radius_law.params["alpha"]):
                raise DomainError(f"E[x^α] does not exist for a Pareto radius with alpha = "
                                  f"{self.radius_law.params['alpha']}: E|x^α| is infinite for |α| = {total}")
            return sp.Integer(0)
        if total == 0:
            return sp.Integer(1)
        out = self.radius_moment(total) * sphere_moment(self.n, tuple(a.values()))
        return out                      # a Rational is canonical already (never nsimplify it: see controls.py)

    def _direction(self, coords, size, rng):
        z = rng.standard_normal((size, len(coords)))
        rest = self.n - len(coords)
        sq = (z * z).sum(axis=1) + (rng.chisquare(rest, size) if rest > 0 else 0.0)
        return z / np.sqrt(sq)[:, None]

    def _sample(self, coords, size, rng):
        theta = self._direction(coords, size, rng)
        return theta * self.radius_law.sample(size, rng)[:, None]

    def __repr__(self) -> str:
        return f"Radial({self.n}, {self.radius_law!r})"

    def _latex(self) -> str:
        return (rf"R\,\theta,\quad \theta \sim \mathrm{{Unif}}(S^{{{tex(self.n - 1)}}}),\ "
                rf"S^{{{tex(self.n - 1)}}} \subset \mathbb{{R}}^{{{tex(self.n)}}},\quad {self.radius_law._latex()}")


class Gaussian(Radial):
    """The standard Gaussian N(0, I_n) (γ_n; radius χ_n), the input law of the Gaussian claims.

    Moments are E[x^α] = Π_i (α_i - 1)!! (0 if some α_i is odd), independent of n.

    Parameters
    ----------
    n : int or sympy.Symbol
        The dimension (``>= 1``, or a positive-integer Symbol).

    Raises
    ------
    DomainError
        If n is not a valid dimension.

    Examples
    --------
    >>> import hardverify as hv
    >>> hv.Gaussian(3).moment((2, 0, 2)), hv.Gaussian(3).moment((1,)), hv.Gaussian(3).moment((6,))
    (1, 0, 15)
    >>> hv.Gaussian(7).radius_moment(2)                # E|x|² = n
    7
    """

    def __init__(self, n):
        super().__init__(n, RadiusLaw.chi(as_dimension(n)))

    def moment(self, alpha):
        """E[x^α] = Π_i (α_i - 1)!! (0 if some α_i is odd), exact.

        Parameters
        ----------
        alpha : sequence or dict
            Powers of coordinates 1, 2, ... or ``{coordinate: power}``.

        Returns
        -------
        sympy.Integer
            The exact moment.

        Raises
        ------
        DomainError
            If α is malformed or names a coordinate outside 1..n.
        ResourceLimit
            If the total degree |α| is above the exact-moment limit.
        """
        return gaussian_moment_multi(tuple(multi_index(alpha, self.n).values()))

    def radius_moment(self, s):
        """E|x|^s = 2^{s/2} Γ((n + s)/2)/Γ(n/2), exact.

        Parameters
        ----------
        s : number or sympy.Expr
            The power.

        Returns
        -------
        sympy.Expr
            The exact moment.

        Raises
        ------
        NoClosedForm
            If n > 10000 and s is not an even integer (the exact Γ ratio would be huge).
        """
        return self.radius_law.moment(s)

    def _sample(self, coords, size, rng):
        return rng.standard_normal((size, len(coords)))

    def __repr__(self) -> str:
        return f"Gaussian({self.n})"

    def _latex(self) -> str:
        return rf"\mathcal{{N}}(0, I_{{{tex(self.n)}}})"


class UniformSphere(Radial):
    """The uniform probability measure on the sphere of radius ``radius`` in R^n (σ on S^{n-1}).

    Moments are radius^{|α|} E_θ[θ^α] with the sphere moments of SPEC §0.2 (V20).

    Parameters
    ----------
    n : int or sympy.Symbol
        The dimension of the ambient space (``>= 1``, or a positive-integer Symbol).
    radius : number
        radius > 0 (default 1).

    Raises
    ------
    DomainError
        If n is not a valid dimension or radius is not a positive real number.

    Examples
    --------
    >>> import hardverify as hv
    >>> hv.UniformSphere(5, radius=2).moment((2,))     # radius² / n
    4/5
    >>> import sympy as sp
    >>> n = sp.Symbol("n", integer=True, positive=True)
    >>> sum(hv.UniformSphere(3).moment({i: 2}) for i in (1, 2, 3))       # E|θ|² = 1
    1
    >>> sp.factor(hv.UniformSphere(n).moment((4,)))   # E[θ_1⁴] = 3/(n(n + 2))
    3/(n*(n + 2))
    """

    def __init__(self, n, radius=1):
        super().__init__(n, RadiusLaw.constant(radius))
        self.radius = self.radius_law.params["radius"]

    def __repr__(self) -> str:
        return f"UniformSphere({self.n}" + (f", radius={self.radius})" if self.radius != 1 else ")")

    def _latex(self) -> str:
        r = "" if self.radius == 1 else tex(self.radius) + r"\,"
        s = tex(self.n - 1)
        return rf"\mathrm{{Unif}}({r}S^{{{s}}}),\quad S^{{{s}}} \subset \mathbb{{R}}^{{{tex(self.n)}}}"


class UniformBall(Radial):
    """The uniform law on the ball of radius ``radius`` in R^n (radius density ∝ r^{n-1}).

    Parameters
    ----------
    n : int or sympy.Symbol
        The dimension (``>= 1``, or a positive-integer Symbol).
    radius : number
        radius > 0 (default 1).

    Raises
    ------
    DomainError
        If n is not a valid dimension or radius is not a positive real number.

    Examples
    --------
    >>> import hardverify as hv
    >>> hv.UniformBall(3).moment((2,))                 # E[R²]/3 = (3/5)/3
    1/5
    >>> hv.UniformBall(2).radius_moment(2)             # E|x|² = n/(n + 2) on the unit disc
    1/2
    """

    def __init__(self, n, radius=1):
        super().__init__(n, RadiusLaw.power(n, radius))
        self.radius = self.radius_law.params["radius"]

    def __repr__(self) -> str:
        return f"UniformBall({self.n}" + (f", radius={self.radius})" if self.radius != 1 else ")")

    def _latex(self) -> str:
        r = "" if self.radius == 1 else tex(self.radius) + r"\,"
        n = tex(self.n)
        return rf"\mathrm{{Unif}}({r}B^{{{n}}}),\quad B^{{{n}}} \subset \mathbb{{R}}^{{{n}}}"


def check_transform(R, n):
    """Check that R is a signed permutation acting on R^n (the transforms distributions accept).

    Parameters
    ----------
    R : object
        The transform to check.
    n : int or sympy.Expr
        The dimension; coordinates are checked only when n is an int.

    Returns
    -------
    None

    Raises
    ------
    DomainError
        If R is not a :class:`SignedPermutation` or moves a coordinate outside 1..n.
    """
    if not isinstance(R, SignedPermutation):
        raise DomainError(f"expected a SignedPermutation (see hardverify.distributions.symmetry), got {R!r}")
    if isinstance(n, int):
        R.check_dimension(n)


def require_spherical(dist, what: str = "this computation") -> Radial:
    """Return ``dist`` if it is rotation invariant, else raise a DomainError naming the allowed laws.

    The guard of every computation that needs spherical symmetry (Funk–Hecke, SPEC G1).

    Parameters
    ----------
    dist : Distribution
        The law to check.
    what : str
        The computation's name in the error message.

    Returns
    -------
    Radial
        ``dist`` itself.

    Raises
    ------
    DomainError
        If ``dist`` is not a hardverify distribution or not spherically symmetric.

    Examples
    --------
    >>> from hardverify.distributions import Hypercube
    >>> require_spherical(UniformBall(3)) is not None
    True
    >>> require_spherical(Hypercube(3))
    Traceback (most recent call last):
    ...
    hardverify.errors.DomainError: this computation needs a spherically symmetric distribution ...
    """
    if not isinstance(dist, Distribution):
        raise DomainError(f"{what} needs a hardverify distribution, got {dist!r}")
    if not dist.is_spherical:
        raise DomainError(f"{what} needs a spherically symmetric distribution (Gaussian, UniformSphere, "
                          f"UniformBall, Radial); {dist!r} is only invariant under {dist.symmetry}")
    return dist
