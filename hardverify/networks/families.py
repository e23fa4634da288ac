"""Families of networks indexed by k-subsets: f_S(x) = template(x_S), S ⊆ {1, …, n}, |S| = k.

The GGJKK family (SPEC §3.1) is of this form.  A family is never enumerated: its size C(n, k) is
an exact integer, a member is built on demand (:meth:`SubsetFamily.member`), and facts about the
whole family are proved on the template on R^k (see
:func:`hardverify.checks.orthogonality.check_family_orthogonality`), so the cost does not depend on n.

>>> from hardverify.networks import Network
>>> template = Network([[1, 1], [1, -1], [-1, 1], [-1, -1]], "relu", outputs=[1, -1, -1, 1])
>>> fam = SubsetFamily(template, 10**6)
>>> fam.size                                        # C(10^6, 2)
499999500000
>>> fam.member({7, 3}).support                      # coordinates of S in increasing order
(3, 7)
>>> (S, T), (S2, T2) = fam.random_pairs(2, seed=0)       # seeded; the second shares k - 1 coordinates
>>> S != T and len(set(S2) & set(T2)) == 1
True
"""

from __future__ import annotations

import math
import numbers

import numpy as np

from ..errors import DomainError
from .network import ComposedNetwork, Network

__all__ = ["SubsetFamily", "as_subset"]


def as_subset(S, n: int, k: int | None = None) -> tuple:
    """S as a sorted tuple of distinct coordinates in 1..n (and of size k if given), or DomainError."""
    try:
        items = list(S)
    except TypeError:
        raise DomainError(f"S must be a set of coordinates in 1..{n}, got {S!r}") from None
    for i in items:
        if isinstance(i, bool) or not isinstance(i, (numbers.Integral, np.integer)):
            raise DomainError(f"S must contain integers (coordinates 1..{n}), got {i!r}")
    out = tuple(sorted(int(i) for i in items))
    if len(set(out)) != len(out):
        raise DomainError(f"S must not repeat coordinates, got {items}")
    bad = [i for i in out if not 1 <= i <= n]
    if bad:
        raise DomainError(f"S must be a subset of {{1, …, {n}}} (1-based coordinates); {bad[:5]} are outside")
    if k is not None and len(out) != k:
        raise DomainError(f"S must have exactly k = {k} elements, got {len(out)}")
    return out


class SubsetFamily:
    """{f_S : S ⊆ {1..n}, |S| = k} with f_S(x) = template(x_S).

    Parameters
    ----------
    template : Network or ComposedNetwork
        A function on R^k (its coordinate j is the j-th smallest element of S).
    n : int
        The ambient dimension, n ≥ k.
    """

    def __init__(self, template, n: int):
        if not isinstance(template, (Network, ComposedNetwork)):
            raise DomainError(f"the template must be a Network or ComposedNetwork, got {type(template).__name__}")
        if isinstance(n, bool) or not isinstance(n, (numbers.Integral, np.integer)) or n < 1:
            raise DomainError(f"n must be a positive integer, got {n!r}")
        if template.n > n:
            raise DomainError(f"k = {template.n} > n = {n}: a k-subset of {{1, …, n}} needs k ≤ n")
        self.template, self.n, self.k = template, int(n), template.n

    @property
    def size(self) -> int:
        """C(n, k), exact."""
        return math.comb(self.n, self.k)

    def member(self, S):
        """f_S on R^n."""
        S = as_subset(S, self.n, self.k)
        if isinstance(self.template, ComposedNetwork):
            return ComposedNetwork(self.template.psi, self.template.net.embed(self.n, S))
        return self.template.embed(self.n, S)

    def random_subset(self, rng) -> tuple:
        """A uniformly random k-subset (O(k) even for n = 10^6)."""
        out: set = set()
        while len(out) < self.k:
            out.add(int(rng.integers(1, self.n + 1)))
        return tuple(sorted(out))

    def random_pairs(self, count: int, *, seed: int) -> list:
        """``count`` seeded pairs (S, T), S ≠ T; every other pair shares k - 1 coordinates (the
        hardest case: S \\ T is a single coordinate)."""
        if self.size < 2:
            return []
        rng = np.random.default_rng(seed)
        pairs = []
        while len(pairs) < count:
            S = self.random_subset(rng)
            if len(pairs) % 2 == 1 and self.n > self.k:
                out = S[int(rng.integers(0, self.k))]
                new = out
                while new in S:
                    new = int(rng.integers(1, self.n + 1))
                T = tuple(sorted((set(S) - {out}) | {new}))
            else:
                T = self.random_subset(rng)
            if T != S:
                pairs.append((S, T))
        return pairs

    def __repr__(self) -> str:
        return f"SubsetFamily(k={self.k}, n={self.n}, template={self.template!r})"
