"""Non-spherical distributions (negative controls): Gaussians N(μ, diag v), the cube, the hypercube.

* :class:`GaussianLaw` N(μ, diag v), with :func:`ShiftedGaussian` (μ ≠ 0: loses the reflections
  x_i ↦ -x_i with μ_i ≠ 0, hence breaks SPEC G1) and :func:`AnisotropicGaussian` (unequal variances:
  keeps every reflection, loses rotations and the permutations that move unequal variances);
* :class:`UniformCube` (uniform on [-h, h]^n) and :class:`Hypercube` (uniform on {±1}^n): invariant
  under all signed permutations of coordinates (the hyperoctahedral group), not under rotations.

Vectors such as μ and v are stored as a default value plus exceptions, so N(0.5·1, I) on
R^{10^6} costs O(1).

>>> from hardverify.distributions import reflection, transposition
>>> D = AnisotropicGaussian(3, [1, 2, 2])
>>> D.is_invariant_under(reflection(1)), D.is_invariant_under(transposition(1, 2))
(True, False)
>>> ShiftedGaussian(2, 0.5).moment((2,))          # E[(1/2 + z)²] = 1/4 + 1
5/4
>>> Hypercube(4).moment((2, 1)), UniformCube(4).moment((2,))
(0, 1/3)
"""

from __future__ import annotations

import numbers

import numpy as np
import sympy as sp

from ..core.markup import latex_of
from ..core.numbers import exact_real, sign_of
from ..errors import DomainError
from .laws import Distribution, check_transform, multi_index

__all__ = ["CoordVector", "GaussianLaw", "ShiftedGaussian", "AnisotropicGaussian", "UniformCube", "Hypercube"]


class CoordVector:
    """A vector of R^n stored as ``default`` plus a dict of exceptions (1-based coordinates).

    ``v[i]`` is ``rest.get(i, default)``, so a constant vector on R^{10^6} costs O(1).  Entries
    are exact (floats are converted to the rational they print as, e.g. 0.5 ↦ 1/2).

    Parameters
    ----------
    n : int
        The dimension.
    value : number, sequence or dict
        A scalar (every coordinate), a length-n sequence, or a dict ``{coordinate: value}``
        whose missing coordinates are 0 (or 1 when ``positive``).
    what : str
        The name used in error messages (e.g. ``"mean"``).
    positive : bool
        Require every entry to be > 0 (variances).

    Raises
    ------
    DomainError
        If a sequence does not have n entries, a coordinate is outside 1..n, or an entry is not
        a finite real number (positive when ``positive``).

    Examples
    --------
    >>> v = CoordVector(10**6, {3: 2}, "variances", positive=True)
    >>> v[3], v[10**6], v.is_constant
    (2, 1, False)
    """

    __slots__ = ("n", "default", "rest")

    def __init__(self, n: int, value, what: str, *, positive: bool = False):
        self.n = n
        if isinstance(value, dict):
            self.default = 0 if not positive else 1
            items = value.items()
        elif isinstance(value, (list, tuple, np.ndarray)):
            if len(value) != n:
                raise DomainError(f"{what} must have n = {n} entries, got {len(value)}")
            self.default = 0 if not positive else 1
            items = enumerate(value, start=1)
        else:
            self.default = exact_real(value, what, positive=positive)
            items = ()
        self.rest = {}
        for c, v in items:
            if isinstance(c, bool) or not isinstance(c, (numbers.Integral, np.integer)) or not 1 <= c <= n:
                raise DomainError(f"{what}: coordinates are numbered 1..{n}, got {c!r}")
            v = exact_real(v, f"{what}[{c}]", positive=positive)
            if v != self.default:
                self.rest[int(c)] = v

    def __getitem__(self, i: int):
        return self.rest.get(i, self.default)

    @property
    def is_constant(self) -> bool:
        """Whether every coordinate has the same value (no exceptions to ``default``).

        Returns
        -------
        bool
            True if ``rest`` is empty.
        """
        return not self.rest

    def floats(self, coords) -> np.ndarray:
        """The entries at ``coords`` as floats.

        Parameters
        ----------
        coords : iterable of int
            1-based coordinates.

        Returns
        -------
        numpy.ndarray
            ``float(v[c])`` for each c, in order (evidence-grade: rounded to double).
        """
        return np.array([float(self[c]) for c in coords])

    def __repr__(self) -> str:
        if not self.rest:
            return str(self.default)
        return f"{self.default} except {dict(sorted(self.rest.items())[:4])}" + ("..." if len(self.rest) > 4 else "")


class GaussianLaw(Distribution):
    """The Gaussian N(μ, diag v) on R^n: x_i = μ_i + √v_i z_i with z ~ N(0, I_n).

    Invariant under the signed permutation R exactly when R μ = μ and v_{π(i)} = v_i; a
    negative control for the claims that need spherical symmetry (SPEC G1).  Use
    :func:`ShiftedGaussian` or :func:`AnisotropicGaussian` to build one.

    Parameters
    ----------
    n : int
        The dimension (a Python int ``>= 1``; symbolic n is refused).
    mean : number, sequence or dict
        μ: a scalar (every coordinate), a length-n sequence, or ``{coordinate: value}`` (others 0).
    variances : number, sequence or dict
        v > 0: a scalar, a length-n sequence, or ``{coordinate: value}`` (others 1).

    Raises
    ------
    DomainError
        If n is not a positive int, or μ, v are malformed (see :class:`CoordVector`).

    Examples
    --------
    >>> D = GaussianLaw(3, mean={1: 1}, variances=[1, 4, 4])
    >>> D.moment((2,)), D.moment((0, 2))         # E[x_1²] = μ_1² + v_1, E[x_2²] = v_2
    (2, 4)
    """

    is_spherical = False
    tails = "gaussian"

    def __init__(self, n, mean=0, variances=1):
        super().__init__(n)
        if not isinstance(self.n, int):
            raise DomainError("a shifted or anisotropic Gaussian needs a numeric dimension n")
        self.mean = CoordVector(self.n, mean, "mean")
        self.variances = CoordVector(self.n, variances, "variances", positive=True)

    @property
    def symmetry(self) -> str:
        """A description of the symmetry group.

        Returns
        -------
        str
            The signed permutations R with R μ = μ and v∘π = v.
        """
        return "signed permutations R with R μ = μ and v∘π = v"

    def is_invariant_under(self, R) -> bool:
        """Whether x ~ N(μ, diag v) implies R x ~ N(μ, diag v): R μ = μ and v_{π(i)} = v_i (exact).

        Parameters
        ----------
        R : SignedPermutation
            A signed permutation of the coordinates 1..n.

        Returns
        -------
        bool
            Decided exactly from the stored μ and v.

        Raises
        ------
        DomainError
            If R is not a SignedPermutation or moves a coordinate outside 1..n.
        """
        check_transform(R, self.n)
        mu, v = self.mean, self.variances
        if R.flip_all:
            if sign_of(mu.default) != 0 or any(sign_of(x) != 0 for x in mu.rest.values()):
                return False
        for i in R.moved | set(mu.rest) | set(v.rest):
            j = R.image(i)
            if v[j] != v[i]:
                return False
            if sign_of(mu[j] - R.sign(i) * mu[i]) != 0:
                return False
        return True

    @property
    def all_reflections(self) -> bool:
        """Whether D is invariant under every reflection x_i ↦ -x_i.

        Returns
        -------
        bool
            True exactly when μ = 0 (any variances).
        """
        return sign_of(self.mean.default) == 0 and all(sign_of(x) == 0 for x in self.mean.rest.values())

    @property
    def permutation_invariant(self) -> bool:
        """Whether D is invariant under every permutation of coordinates.

        Returns
        -------
        bool
            True exactly when μ and v are constant vectors.
        """
        return self.mean.is_constant and self.variances.is_constant

    def moment(self, alpha):
        """E[x^α] = Π_i Σ_j C(α_i, j) μ_i^{α_i-j} v_i^{j/2} (j-1)!! (j even), exact.

        Parameters
        ----------
        alpha : sequence or dict
            The multi-index: powers of coordinates 1, 2, ... or ``{coordinate: power}``.

        Returns
        -------
        sympy.Expr
            The exact moment (rational when μ and v are: only even powers of √v_i occur).

        Raises
        ------
        DomainError
            If α is malformed or names a coordinate outside 1..n.
        ResourceLimit
            If the total degree |α| is above the exact-moment limit.
        """
        out = sp.Integer(1)
        for c, a in multi_index(alpha, self.n).items():
            m, v = sp.sympify(self.mean[c]), sp.sympify(self.variances[c])
            # E[(m + √v z)^a] = Σ_j C(a, j) m^{a-j} v^{j/2} E[z^j]
            out *= sum(sp.binomial(a, j) * m ** (a - j) * v ** sp.Rational(j, 2) * sp.factorial2(j - 1)
                       for j in range(0, a + 1, 2))
        # never sp.nsimplify a Rational: sympy 1.14 maps e.g. 1615/2 to 25·2^(314/427)·3^(213/427)·5^(142/427)·
        # 7^(59/61), which differs from it by 7.6e-15 (tests/test_correlated_gaussian.py::test_nsimplify_regression)
        return out if out.is_Rational else sp.expand(out)

    def _sample(self, coords, size, rng):
        z = rng.standard_normal((size, len(coords)))
        return self.mean.floats(coords) + np.sqrt(self.variances.floats(coords)) * z

    def __repr__(self) -> str:
        mu, v = _arg(self.mean), _arg(self.variances)
        if self.variances.is_constant and self.variances.default == 1 and mu != "0":
            return f"ShiftedGaussian({self.n}, {mu})"
        if self.mean.is_constant and self.mean.default == 0 and v != "1":
            return f"AnisotropicGaussian({self.n}, {v})"
        return f"GaussianLaw({self.n}, mean={mu}, variances={v})"

    def _latex(self) -> str:
        mu, v = _vector_latex(self.mean, "\\mu"), _vector_latex(self.variances, "v", diag=True)
        return rf"\mathcal{{N}}\left({mu}, {v}\right)\ \text{{on}}\ \mathbb{{R}}^{{{latex_of(self.n)}}}"


def ShiftedGaussian(n, shift) -> GaussianLaw:
    """The shifted Gaussian N(μ, I_n), a negative control that breaks reflection symmetry.

    With μ_i ≠ 0 the law is not invariant under x_i ↦ -x_i, so the orthogonality argument of
    SPEC G1 fails (the control claims expect REFUTED).

    Parameters
    ----------
    n : int
        The dimension (a Python int ``>= 1``).
    shift : number, sequence or dict
        μ: a scalar c (μ = c·1, the SPEC G1 control), a length-n sequence, or
        ``{coordinate: value}`` (others 0).

    Returns
    -------
    GaussianLaw
        N(μ, I_n) with exact μ.

    Raises
    ------
    DomainError
        If n is not a positive int or ``shift`` is malformed.

    Examples
    --------
    E[x_1²] = μ_1² + 1, and the law loses the reflections of shifted coordinates only:

    >>> import hardverify as hv
    >>> D = hv.ShiftedGaussian(3, {1: 2})
    >>> D.moment((2,)), D.moment((0, 2))
    (5, 1)
    >>> D.is_invariant_under(hv.reflection(1)), D.is_invariant_under(hv.reflection(2))
    (False, True)
    """
    return GaussianLaw(n, mean=shift, variances=1)


def AnisotropicGaussian(n, variances) -> GaussianLaw:
    """The centred anisotropic Gaussian N(0, diag v): a control with reflections but no rotations.

    It keeps every coordinate reflection x_i ↦ -x_i, loses rotations and the permutations that
    move unequal variances.

    Parameters
    ----------
    n : int
        The dimension (a Python int ``>= 1``).
    variances : number, sequence or dict
        v > 0: a scalar, a length-n sequence, or ``{coordinate: value}`` (others 1).

    Returns
    -------
    GaussianLaw
        N(0, diag v) with exact v.

    Raises
    ------
    DomainError
        If n is not a positive int or a variance is not a positive real number.

    Examples
    --------
    E[x_i⁴] = 3 v_i², and swapping coordinates with equal variances is a symmetry:

    >>> import hardverify as hv
    >>> D = hv.AnisotropicGaussian(3, [1, 2, 2])
    >>> D.moment((0, 4)), D.all_reflections
    (12, True)
    >>> D.is_invariant_under(hv.transposition(2, 3)), D.is_invariant_under(hv.transposition(1, 2))
    (True, False)
    """
    return GaussianLaw(n, mean=0, variances=variances)


class _SignedPermutationLaw(Distribution):
    """A law on R^n invariant under every signed permutation of coordinates, and nothing more claimed."""

    symmetry = "signed permutations of coordinates (hyperoctahedral group B_n)"
    tails = "compact"
    all_reflections = True
    permutation_invariant = True

    def is_invariant_under(self, R) -> bool:
        """True for every signed permutation R of 1..n (the law's symmetry group is B_n).

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
        check_transform(R, self.n)       # every transform hardverify accepts is a signed permutation
        return True


class UniformCube(_SignedPermutationLaw):
    """The uniform law on the cube [-h, h]^n (h = ``half_width``): signed permutations, no rotations.

    Invariant under the hyperoctahedral group B_n (coordinate reflections and permutations)
    but not spherically symmetric: a control for claims that need rotation invariance.

    Parameters
    ----------
    n : int or sympy.Symbol
        The dimension (``>= 1``, or a positive-integer Symbol).
    half_width : number
        h > 0 (default 1).

    Raises
    ------
    DomainError
        If n is not a valid dimension or h is not a positive real number.

    Examples
    --------
    E[x_1²] = h²/3 (the variance of U[-h, h]), and the law is not spherical:

    >>> import hardverify as hv
    >>> hv.UniformCube(4, half_width=3).moment((2,)), hv.UniformCube(4).moment({2: 4, 3: 2})
    (3, 1/15)
    >>> hv.UniformCube(4).is_spherical
    False
    """

    def __init__(self, n, half_width=1):
        super().__init__(n)
        self.half_width = exact_real(half_width, "half_width", positive=True)

    def moment(self, alpha):
        """E[x^α] = Π_i h^{α_i}/(α_i + 1) if every α_i is even, else 0 (exact).

        Parameters
        ----------
        alpha : sequence or dict
            The multi-index: powers of coordinates 1, 2, ... or ``{coordinate: power}``.

        Returns
        -------
        sympy.Expr
            The exact moment.

        Raises
        ------
        DomainError
            If α is malformed or names a coordinate outside 1..n.
        """
        out = sp.Integer(1)
        for a in multi_index(alpha, self.n).values():
            if a % 2:
                return sp.Integer(0)
            out *= sp.sympify(self.half_width) ** a / (a + 1)
        return out

    def _sample(self, coords, size, rng):
        h = float(self.half_width)
        return rng.uniform(-h, h, (size, len(coords)))

    def __repr__(self) -> str:
        return f"UniformCube({self.n}" + (f", half_width={self.half_width})" if self.half_width != 1 else ")")

    def _latex(self) -> str:
        h = latex_of(self.half_width)
        return rf"\mathrm{{Unif}}\left([-{h}, {h}]^{{{latex_of(self.n)}}}\right)"


class Hypercube(_SignedPermutationLaw):
    """The uniform law on the hypercube {-1, +1}^n: signed permutations, no rotations.

    The input law of the parity constructions: coordinates are independent Rademacher signs,
    so E[x^α] is 1 when every power is even and 0 otherwise.  Inner products of networks under it
    are exact, by enumeration of the support (``hv.inner_product``).

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
    x_i² = 1 on the hypercube, and odd monomials average to zero:

    >>> import hardverify as hv
    >>> H = hv.Hypercube(10**6)
    >>> H.moment({1: 2, 10**6: 4}), H.moment({1: 1, 2: 1})
    (1, 0)
    >>> H.is_invariant_under(hv.transposition(1, 10**6)), H.is_spherical
    (True, False)
    """

    def moment(self, alpha):
        """E[x^α]: 1 if every power α_i is even, else 0 (exact).

        Parameters
        ----------
        alpha : sequence or dict
            The multi-index: powers of coordinates 1, 2, ... or ``{coordinate: power}``.

        Returns
        -------
        sympy.Integer
            0 or 1.

        Raises
        ------
        DomainError
            If α is malformed or names a coordinate outside 1..n.
        """
        return sp.Integer(0) if any(a % 2 for a in multi_index(alpha, self.n).values()) else sp.Integer(1)

    def _sample(self, coords, size, rng):
        return rng.integers(0, 2, (size, len(coords))).astype(float) * 2 - 1

    def __repr__(self) -> str:
        return f"Hypercube({self.n})"

    def _latex(self) -> str:
        return rf"\mathrm{{Unif}}\left(\{{\pm 1\}}^{{{latex_of(self.n)}}}\right)"


def _arg(vec: CoordVector) -> str:
    """A CoordVector as the argument that rebuilds it: the scalar, or the dict of its exceptions (4 shown)."""
    if vec.is_constant:
        return str(vec.default)
    items = sorted(vec.rest.items())
    return "{" + ", ".join(f"{c}: {v}" for c, v in items[:4]) + (", …}" if len(items) > 4 else "}")


def _vector_latex(vec: CoordVector, name: str, *, diag: bool = False) -> str:
    one = r"I" if diag else r"\mathbf{1}"
    if vec.is_constant:
        d = vec.default
        return "0" if d == 0 else one if d == 1 else rf"{latex_of(d)}\,{one}"
    items = sorted(vec.rest.items())
    shown = ", ".join(f"{name}_{{{c}}} = {latex_of(v)}" for c, v in items[:4]) + (r", \dots" if len(items) > 4 else "")
    what = rf"\operatorname{{diag}}({name})" if diag else name
    return rf"{what}\ [{name}_i = {latex_of(vec.default)}\ \text{{except}}\ {shown}]"
