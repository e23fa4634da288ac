"""Finite mixtures Σ_i p_i D_i of the laws of this package, with exact rational weights.

x ~ Σ_i p_i D_i means: draw i with probability p_i, then x ~ D_i.  Hence

* E[F(x)] = Σ_i p_i E_{D_i}[F] for every F with E_{D_i}|F| < ∞ (exact or certified as the components
  are: :meth:`Mixture.moment`, and :func:`hardverify.networks.inner_product` for networks);
* every signed permutation R that preserves **every** component preserves the mixture.  The converse
  fails: ½N(μ, I) + ½N(-μ, I) is invariant under x ↦ -x although neither component is.  So
  :meth:`Mixture.is_invariant_under` answers True only for the shared symmetries, and False means
  "not shown", never "not a symmetry";
* the tails are those of the heaviest component.

>>> import sympy as sp
>>> from hardverify.distributions import Gaussian, Hypercube, ShiftedGaussian, point_reflection, reflection
>>> M = Mixture([(sp.Rational(1, 2), Gaussian(3)), (sp.Rational(1, 2), Hypercube(3))])
>>> M.moment((4,))                                # ½·3 + ½·1
2
>>> M.is_invariant_under(reflection(2)), M.all_reflections
(True, True)
>>> half = sp.Rational(1, 2)
>>> B = Mixture([(half, ShiftedGaussian(2, 1)), (half, ShiftedGaussian(2, -1))])
>>> B.moment((1,)), B.is_invariant_under(point_reflection())     # invariant, but not shown: not claimed
(0, False)
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from ..core.numbers import exact_real
from ..errors import DomainError, ResourceLimit
from .laws import Distribution, check_transform

__all__ = ["Mixture", "MAX_COMPONENTS"]

#: the largest number of components accepted.
MAX_COMPONENTS = 10_000


def _combine_tails(tails: list):
    """The tail class of a mixture: the heaviest component's (None if any is unknown)."""
    if any(t is None for t in tails):
        return None
    powers = [t[1] for t in tails if isinstance(t, tuple)]
    if powers:
        return ("power", min(powers, key=sp.sympify))
    return "gaussian" if "gaussian" in tails else "compact"


class Mixture(Distribution):
    """The finite mixture Σ_i p_i D_i (see the module docstring).

    Parameters
    ----------
    components : sequence of (weight, law) pairs
        Weights p_i: exact positive rationals (floats are read as the decimals they print as) that sum
        to exactly 1; laws D_i: hardverify distributions, all on the same R^n (mixtures allowed).

    Raises
    ------
    DomainError
        No components, a weight that is not a positive rational, weights that do not sum to 1, a
        component that is not a hardverify distribution, or components of different dimensions.
    ResourceLimit
        More than :data:`MAX_COMPONENTS` components (refused before reading them).

    >>> from hardverify.distributions import Gaussian, UniformCube
    >>> Mixture([(0.25, Gaussian(4)), (0.75, UniformCube(4))]).moment({2: 2})   # ¼·1 + ¾·⅓
    1/2
    >>> Mixture([(0.5, Gaussian(4)), (0.4, UniformCube(4))])
    Traceback (most recent call last):
        ...
    hardverify.errors.DomainError: mixture weights must sum to exactly 1, got 9/10
    """

    is_spherical = False

    def __init__(self, components):
        try:
            count = len(components)
        except TypeError:
            raise DomainError("components must be a sequence of (weight, law) pairs, "
                              f"got {components!r}") from None
        if count > MAX_COMPONENTS:
            raise ResourceLimit(f"a mixture has at most {MAX_COMPONENTS} components, got {count}")
        if count == 0:
            raise DomainError("a mixture needs at least one (weight, law) pair")
        weights, laws = [], []
        for item in components:
            if not (isinstance(item, (tuple, list)) and len(item) == 2):
                raise DomainError(f"components must be (weight, law) pairs, got {item!r}")
            w, law = item
            w = exact_real(w, "mixture weight", positive=True)
            if not (isinstance(w, int) or isinstance(w, sp.Rational)):
                raise DomainError(f"mixture weights must be exact positive rationals, got {w}")
            if not isinstance(law, Distribution):
                raise DomainError(f"mixture components must be hardverify distributions, got {law!r}")
            weights.append(sp.Rational(w))
            laws.append(law)
        total = sum(weights, sp.Integer(0))
        if total != 1:
            raise DomainError(f"mixture weights must sum to exactly 1, got {total}")
        n = laws[0].n
        if any(law.n != n for law in laws):
            raise DomainError(f"mixture components must live on the same R^n, got dimensions "
                              f"{sorted({str(law.n) for law in laws})}")
        super().__init__(n)
        self.weights, self.laws = tuple(weights), tuple(laws)

    @property
    def components(self) -> tuple:
        """((p_1, D_1), (p_2, D_2), ...)."""
        return tuple(zip(self.weights, self.laws))

    # -- symmetry (shared by every component) -------------------------------------------------
    @property
    def symmetry(self) -> str:
        return ("the signed permutations that preserve every component (shared symmetries; the mixture may "
                "have more, which are not claimed)")

    def is_invariant_under(self, R) -> bool:
        """True if R preserves every component (then it preserves the mixture); False means not shown."""
        check_transform(R, self.n)
        return all(law.is_invariant_under(R) for law in self.laws)

    @property
    def all_reflections(self) -> bool:
        """True if every component is invariant under every coordinate reflection."""
        return all(law.all_reflections for law in self.laws)

    @property
    def permutation_invariant(self) -> bool:
        """True if every component is invariant under every permutation of coordinates."""
        return all(law.permutation_invariant for law in self.laws)

    @property
    def tails(self):
        """The heaviest component's tail class (``"compact"`` < ``"gaussian"`` < ``("power", α)``; None if unknown)."""
        return _combine_tails([getattr(law, "tails", None) for law in self.laws])

    # -- moments and samples -----------------------------------------------------------------
    def moment(self, alpha):
        """E[x^α] = Σ_i p_i E_{D_i}[x^α], exact (a DomainError if some component's moment is infinite)."""
        out = sp.Add(*[w * law.moment(alpha) for w, law in self.components])
        return out if out.is_Rational else sp.expand(out)

    def _sample(self, coords, size, rng):
        cum = np.cumsum([float(w) for w in self.weights])
        labels = np.searchsorted(cum, rng.random(size) * cum[-1], side="right")
        labels = np.minimum(labels, len(self.laws) - 1)
        out = np.empty((size, len(coords)))
        for i, law in enumerate(self.laws):
            where = np.flatnonzero(labels == i)
            if where.size:
                out[where] = law.sample(int(where.size), seed=rng, coords=coords)
        return out

    def __repr__(self) -> str:
        parts = ", ".join(f"({w}, {law!r})" for w, law in self.components[:4])
        more = f", ... {len(self.laws) - 4} more" if len(self.laws) > 4 else ""
        return f"Mixture([{parts}{more}])"
