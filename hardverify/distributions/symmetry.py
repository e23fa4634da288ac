"""Signed permutations of coordinates: the symmetries used by orthogonality certificates.

A :class:`SignedPermutation` R acts on R^n by ``(R x)_{π(i)} = s_i x_i``: coordinate i moves
to π(i) and is multiplied by the sign s_i ∈ {±1}.  Only the coordinates that move or flip are
stored, so a reflection of one coordinate of R^{10^6} costs O(1); ``flip_all=True`` multiplies
every coordinate by -1 in addition (the point reflection x ↦ -x, without listing coordinates).

For a weight vector w, ⟨w, R x⟩ = ⟨R^T w, x⟩ with ``(R^T w)_i = s_i w_{π(i)}``
(:meth:`SignedPermutation.pull_back`), so a network x ↦ Σ a σ(⟨w, x⟩ + b) composed with R is
the network with weights R^T w.  Coordinates are numbered 1..n, as in SPEC.

>>> R = reflection(2)
>>> R.pull_back({1: 3, 2: 5})          # x_2 ↦ -x_2 turns the weight on x_2 around
{1: 3, 2: -5}
>>> swap = SignedPermutation(perm={1: 2, 2: 1})
>>> swap.pull_back({1: 7})             # ⟨w, Rx⟩ with (Rx)_2 = x_1: the weight moves to x_2
{2: 7}
>>> swap.apply({1: 1, 2: 0}) == {1: 0, 2: 1}
True
"""

from __future__ import annotations

import numbers

from ..errors import DomainError
from ..validate import as_int_at_least

__all__ = ["SignedPermutation", "reflection", "point_reflection", "transposition"]


def _coord(i, what="coordinate"):
    return as_int_at_least(i, 1, what)


class SignedPermutation:
    """The map (R x)_{π(i)} = s_i x_i (times -1 everywhere if ``flip_all``).

    Parameters
    ----------
    perm : dict, optional
        i ↦ π(i) for the coordinates that move (1-based); its values must be a
        rearrangement of its keys.
    signs : dict, optional
        i ↦ s_i ∈ {+1, -1} for the coordinates that flip (1-based).
    flip_all : bool
        Multiply every coordinate by -1 as well.

    Raises
    ------
    DomainError
        If a coordinate is not an integer ``>= 1``, ``perm`` is not a bijection of its keys, a sign
        is not ±1, or ``flip_all`` is not a bool.

    Examples
    --------
    The 3-cycle 1 → 2 → 3 → 1 with x_1 flipped, applied three times, is x ↦ -x on coordinates 1..3:

    >>> R = SignedPermutation(perm={1: 2, 2: 3, 3: 1}, signs={1: -1})
    >>> x = {1: 1, 2: 2, 3: 3}
    >>> R.apply(R.apply(R.apply(x))) == point_reflection().apply(x)
    True
    >>> SignedPermutation(perm={1: 2})
    Traceback (most recent call last):
    ...
    hardverify.errors.DomainError: perm must rearrange its own keys (a bijection), got {1: 2}
    """

    __slots__ = ("perm", "signs", "flip_all", "_inv")

    def __init__(self, perm=None, signs=None, *, flip_all: bool = False):
        perm = {_coord(i): _coord(j) for i, j in dict(perm or {}).items() if i != j}
        if set(perm) != set(perm.values()):
            raise DomainError(f"perm must rearrange its own keys (a bijection), got {perm}")
        clean = {}
        for i, s in dict(signs or {}).items():
            if isinstance(s, bool) or not isinstance(s, numbers.Integral) or int(s) not in (1, -1):
                raise DomainError(f"signs must be +1 or -1, got {s!r} for coordinate {i}")
            if int(s) == -1:
                clean[_coord(i)] = -1
        if not isinstance(flip_all, bool):
            raise DomainError(f"flip_all must be True or False, got {flip_all!r}")
        self.perm, self.signs, self.flip_all = perm, clean, flip_all
        self._inv = {j: i for i, j in perm.items()}

    # -- the action ------------------------------------------------------------------
    def sign(self, i: int) -> int:
        """The sign s_i ∈ {+1, -1} that R puts on coordinate i (including ``flip_all``).

        Parameters
        ----------
        i : int
            A coordinate, 1-based.

        Returns
        -------
        int
            ``-1`` if R flips coordinate i, else ``+1``.

        Examples
        --------
        >>> reflection(2).sign(2), reflection(2).sign(1), point_reflection().sign(5)
        (-1, 1, -1)
        """
        s = self.signs.get(i, 1)
        return -s if self.flip_all else s

    def image(self, i: int) -> int:
        """The coordinate π(i) to which R moves coordinate i.

        Parameters
        ----------
        i : int
            A coordinate, 1-based.

        Returns
        -------
        int
            π(i); ``i`` itself for a coordinate R does not move.
        """
        return self.perm.get(i, i)

    def pull_back(self, w: dict) -> dict:
        """R^T w for a sparse vector ``{coordinate: value}``: (R^T w)_i = s_i w_{π(i)}.

        This is the weight vector with ⟨w, R x⟩ = ⟨R^T w, x⟩, so a neuron σ(⟨w, x⟩ + b)
        composed with R is the neuron with weights R^T w.

        Parameters
        ----------
        w : dict
            A sparse vector ``{coordinate: value}`` (1-based; missing coordinates are 0).

        Returns
        -------
        dict
            R^T w in the same sparse form (values negated with the type kept).

        Examples
        --------
        ⟨w, R x⟩ = ⟨R^T w, x⟩ for a signed transposition:

        >>> R = SignedPermutation(perm={1: 2, 2: 1}, signs={1: -1})
        >>> w, x = {1: 3, 2: 5}, {1: 7, 2: 11}
        >>> Rx, Rtw = R.apply(x), R.pull_back(w)
        >>> sum(w[c] * Rx.get(c, 0) for c in w) == sum(Rtw[c] * x.get(c, 0) for c in Rtw)
        True
        """
        out = {}
        for c, v in w.items():
            i = self._inv.get(c, c)          # π(i) = c
            out[i] = -v if self.sign(i) == -1 else v
        return out

    def apply(self, x: dict) -> dict:
        """R x for a sparse vector ``{coordinate: value}``: (R x)_{π(i)} = s_i x_i.

        Parameters
        ----------
        x : dict
            A sparse vector ``{coordinate: value}`` (1-based; missing coordinates are 0).

        Returns
        -------
        dict
            R x in the same sparse form.

        Examples
        --------
        >>> transposition(1, 3).apply({1: 4, 2: 5}) == {3: 4, 2: 5}
        True
        """
        out = {}
        for i, v in x.items():
            out[self.image(i)] = -v if self.sign(i) == -1 else v
        return out

    @property
    def moved(self) -> frozenset:
        """The coordinates listed as moving or flipping: the keys of ``perm`` and ``signs``.

        With ``flip_all`` every coordinate flips, but those are not listed here (so that
        x ↦ -x on R^{10^6} stays O(1)); test :attr:`flip_all` separately.

        Returns
        -------
        frozenset of int
            The 1-based coordinates in ``perm`` or ``signs``.
        """
        return frozenset(self.perm) | frozenset(self.signs)

    def is_reflection_only(self) -> bool:
        """Whether R only flips signs (π is the identity).

        Returns
        -------
        bool
            True if no coordinate moves.
        """
        return not self.perm

    def check_dimension(self, n: int) -> None:
        """Check that R acts on R^n: every listed coordinate lies in 1..n.

        Parameters
        ----------
        n : int
            The dimension.

        Raises
        ------
        DomainError
            If R moves or flips a coordinate outside 1..n.
        """
        bad = sorted(c for c in self.moved if c > n)
        if bad:
            raise DomainError(f"the transformation moves coordinates {bad[:5]} outside 1..{n}")

    def describe(self) -> str:
        """A short human-readable description, e.g. ``"x_1 ↦ -x_1; permute 2→3, 3→2"``.

        Returns
        -------
        str
            ``"identity"`` for the identity; long lists are cut after six coordinates.
        """
        parts = []
        if self.flip_all:
            parts.append("x ↦ -x")
        if self.signs:
            idx = sorted(self.signs)
            parts.append(", ".join(f"x_{i} ↦ -x_{i}" for i in idx[:6]) + (" ..." if len(idx) > 6 else ""))
        if self.perm:
            parts.append("permute " + ", ".join(f"{i}→{j}" for i, j in sorted(self.perm.items())[:6]))
        return "; ".join(parts) or "identity"

    def __repr__(self) -> str:
        return f"SignedPermutation({self.describe()})"

    def __eq__(self, other):
        return (isinstance(other, SignedPermutation) and self.perm == other.perm
                and self.signs == other.signs and self.flip_all == other.flip_all)

    def __hash__(self):
        return hash((tuple(sorted(self.perm.items())), tuple(sorted(self.signs)), self.flip_all))


def reflection(*coords) -> SignedPermutation:
    """The reflection x_i ↦ -x_i for each listed coordinate i (1-based), others fixed.

    Parameters
    ----------
    *coords : int
        One or more coordinates, each ``>= 1``.

    Returns
    -------
    SignedPermutation
        The sign flip of the listed coordinates (an involution).

    Raises
    ------
    DomainError
        If no coordinate is given or a coordinate is not an integer ``>= 1``.

    Examples
    --------
    A reflection is an involution, and a spherical law is invariant under it:

    >>> import hardverify as hv
    >>> R = hv.reflection(1, 3)
    >>> R.apply(R.apply({1: 2, 2: 5, 3: 7})) == {1: 2, 2: 5, 3: 7}
    True
    >>> hv.Gaussian(4).is_invariant_under(R)
    True
    """
    if not coords:
        raise DomainError("reflection needs at least one coordinate (1-based)")
    return SignedPermutation(signs={_coord(i): -1 for i in coords})


def point_reflection() -> SignedPermutation:
    """The point reflection x ↦ -x on every coordinate (stored without listing coordinates).

    Returns
    -------
    SignedPermutation
        ``SignedPermutation(flip_all=True)``: O(1) in size at any dimension.

    Examples
    --------
    ⟨w, -x⟩ = ⟨-w, x⟩, and the hypercube {±1}^n is symmetric under x ↦ -x:

    >>> import hardverify as hv
    >>> hv.point_reflection().pull_back({1: 3, 10**6: -2}) == {1: -3, 10**6: 2}
    True
    >>> hv.Hypercube(10**6).is_invariant_under(hv.point_reflection())
    True
    """
    return SignedPermutation(flip_all=True)


def transposition(i, j) -> SignedPermutation:
    """The transposition swapping coordinates i and j (1-based), others fixed.

    Parameters
    ----------
    i, j : int
        Coordinates, each ``>= 1``; ``i == j`` gives the identity.

    Returns
    -------
    SignedPermutation
        The permutation (R x)_j = x_i, (R x)_i = x_j.

    Raises
    ------
    DomainError
        If i or j is not an integer ``>= 1``.

    Examples
    --------
    >>> import hardverify as hv
    >>> hv.transposition(1, 2).pull_back({1: 7}) == {2: 7}
    True
    >>> hv.UniformCube(3).is_invariant_under(hv.transposition(1, 2))   # the cube is symmetric
    True
    """
    i, j = _coord(i), _coord(j)
    return SignedPermutation(perm={i: j, j: i})
