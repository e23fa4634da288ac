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
    """S as a sorted tuple of distinct coordinates in 1..n (of size k if ``k`` is given).

    Parameters
    ----------
    S : iterable of int
        The coordinates (1-based), in any order.
    n : int
        The ambient dimension.
    k : int, optional
        The required size.

    Returns
    -------
    tuple of int
        The elements of S, increasing.

    Raises
    ------
    DomainError
        If S is not iterable, holds a non-integer (or a bool), repeats a coordinate, has one outside
        1..n, or does not have k elements.

    Examples
    --------
    >>> as_subset({5, 2}, 6, 2)
    (2, 5)
    """
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

    Attributes
    ----------
    k : int
        The template's dimension (|S|).

    Raises
    ------
    DomainError
        If ``template`` is not a Network or ComposedNetwork, ``n`` is not a positive integer, or
        k > n.

    See Also
    --------
    hardverify.check_family_orthogonality : E_D[f_S f_T] = 0 for every S ≠ T, proved on the template.

    Examples
    --------
    The GGJKK-shaped template relu(u+v) - relu(u-v) - relu(-u+v) + relu(-u-v) on R^2, placed on
    S = {2, 5} of R^6 (SPEC §3.1):

    >>> import hardverify as hv
    >>> t = hv.Network([[1, 1], [1, -1], [-1, 1], [-1, -1]], "relu", outputs=[1, -1, -1, 1])
    >>> fam = hv.SubsetFamily(t, 6)
    >>> fam.size == 15, fam.member({5, 2})([0, 1, 0, 0, 1, 0]) == t([1, 1])
    (True, True)
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
        """The number of members C(n, k).

        Returns
        -------
        int
            Exact (a Python int at any n).
        """
        return math.comb(self.n, self.k)

    def member(self, S):
        """The member f_S(x) = template(x_S) on R^n.

        Parameters
        ----------
        S : iterable of int
            k distinct coordinates in 1..n (template coordinate j is the j-th smallest).

        Returns
        -------
        Network or ComposedNetwork
            Of the template's kind.

        Raises
        ------
        DomainError
            If S is not a k-subset of {1, …, n} (:func:`as_subset`).
        """
        S = as_subset(S, self.n, self.k)
        if isinstance(self.template, ComposedNetwork):
            return ComposedNetwork(self.template.psi, self.template.net.embed(self.n, S))
        return self.template.embed(self.n, S)

    def random_subset(self, rng) -> tuple:
        """A uniformly random k-subset (rejection sampling, O(k) draws for k ≪ n, even at n = 10^6).

        Parameters
        ----------
        rng : numpy.random.Generator
            The caller's seeded generator (``numpy.random.default_rng(seed)``).

        Returns
        -------
        tuple of int
            k distinct coordinates, increasing.
        """
        out: set = set()
        while len(out) < self.k:
            out.add(int(rng.integers(1, self.n + 1)))
        return tuple(sorted(out))

    def random_pairs(self, count: int, *, seed: int) -> list:
        """``count`` seeded pairs (S, T) of distinct k-subsets, for sampled checks.

        Pairs 0, 2, 4, … are two independent uniform subsets; pairs 1, 3, 5, … (when n > k) share
        k - 1 coordinates (the hardest case: S \\ T is a single coordinate).

        Parameters
        ----------
        count : int
            The number of pairs.
        seed : int
            The seed of ``numpy.random.default_rng`` (declare it in the claim's ``seeds=``).

        Returns
        -------
        list of tuple
            ``[(S, T), ...]`` with S ≠ T; empty if the family has fewer than 2 members.

        Examples
        --------
        >>> import hardverify as hv
        >>> fam = hv.SubsetFamily(hv.Network([[1, 1, 1]], "relu"), 50)
        >>> pairs = fam.random_pairs(4, seed=1)
        >>> pairs == fam.random_pairs(4, seed=1), [len(set(S) & set(T)) for S, T in pairs][1::2]
        (True, [2, 2])
        """
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
