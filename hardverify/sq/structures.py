"""Correlation structures: how a family's pairwise correlations are known (issue 14, item 1).

Three kinds, one interface (:class:`Structure`):

* :class:`GramStructure` — an explicit Gram matrix G_ij = ⟨f_i, f_j⟩_D (small families; exact sympy
  entries or Enclosures), built by :func:`gram_from_members` with ``hv.inner_product`` and refused with
  :class:`~hardverify.errors.ResourceLimit` beyond :data:`MAX_GRAM_MEMBERS` members, before anything is
  allocated;
* :class:`OrbitStructure` — a :class:`~hardverify.constructions.protocol.CorrelationProfile`: the
  off-diagonal pairs grouped by an invariant (j = |S ∩ T|, a plane's principal angles) with the exact
  number of pairs in each orbit (Python ints at any size, C(10⁶, 16) included) and the orbit's exact or
  certified correlation, or only a bound on it;
* :class:`BoundStructure` — only a certified sup of |⟨f_i, f_j⟩| over i ≠ j and the diagonal range.

Every structure may also hold ``zeros`` copies of the zero function (GGJKK Thm B.1 needs 0 ∈ C):
:meth:`Structure.with_zero`.  ``evidence`` carries the verdicts the correlations rest on.

>>> import sympy as sp
>>> g = GramStructure([[1, 0], [0, 1]], law="toy")
>>> g.size, g.offdiag_sup(), g.exactly_orthogonal(), g.norm2
(2, 0, True, 1)
>>> g.with_zero().size
3
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

import sympy as sp

from ..constructions.protocol import CorrelationProfile
from ..errors import DomainError, ResourceLimit
from ..numeric.enclosure import Enclosure
from ..verdict import Status, Verdict
from .numbers import ball, compare, is_exact, is_zero, show, to_sympy

__all__ = ["Structure", "GramStructure", "OrbitStructure", "BoundStructure", "gram_from_members",
           "structure_of", "MAX_GRAM_MEMBERS"]

#: the largest family :func:`gram_from_members` builds explicitly (N(N+1)/2 inner products)
MAX_GRAM_MEMBERS = 256


def _abs(x):
    return abs(x) if isinstance(x, Enclosure) else sp.Abs(to_sympy(x))


def _max_abs(values):
    """max |v| over exact values (exact, via certified comparisons) or an exact rational upper bound."""
    values = [v for v in values if not is_zero(v)]
    if not values:
        return sp.Integer(0)
    if all(is_exact(v) for v in values):
        best = _abs(values[0])
        for v in values[1:]:
            st = compare(_abs(v), ">", best)
            if st is Status.UNDECIDED:
                break
            if st.ok:
                best = _abs(v)
        else:
            return best
    # an exact rational upper bound (the upper endpoint of the largest ball)
    up = max((ball(v, 30).abs_upper() for v in values), key=lambda b: float(b))
    man, exp = up.man_exp()
    return sp.Integer(int(man)) * sp.Integer(2) ** int(exp)


@dataclass(frozen=True)
class Structure:
    """Common interface of the correlation structures (not instantiated directly).

    A subclass says what is known of the Gram matrix ⟨f_i, f_j⟩_D: the diagonal (a common value or
    a range), the sup of the off-diagonal entries (exact or a bound) and whether they are exact zeros.

    Parameters
    ----------
    size : int
        N, the number of members including ``zeros`` zero functions.
    law : str
        The distribution, as text.
    kind : str
        ``"inner product"`` (CSQ) or ``"chi"`` (χ-correlations of distributions; SD, SQ/STAT).
    evidence : tuple of Verdict
        What the correlations rest on.
    zeros : int
        How many members are the zero function (0 or 1).
    boolean : bool
        True when the members are ±1-valued (Blum et al.'s SQ-DIM then speaks about general SQ).
    """

    size: int
    law: str = ""
    kind: str = "inner product"
    evidence: tuple = ()
    zeros: int = 0
    boolean: bool = False

    # -- to be provided ---------------------------------------------------------------------
    def diagonal(self):
        """The common ⟨f, f⟩ of the non-zero members, or a pair (lo, hi) bounding it.

        Returns
        -------
        number, Enclosure or tuple
            The common value, or ``(lo, hi)`` when the norms differ or are only bounded.
        """
        raise NotImplementedError

    def offdiag_sup(self):
        """sup_{i ≠ j} |⟨f_i, f_j⟩| over the non-zero members: exact, or an exact upper bound.

        Returns
        -------
        number
            The sup (see :meth:`offdiag_sup_is_exact`).
        """
        raise NotImplementedError

    def offdiag_sup_is_exact(self) -> bool:
        """Whether :meth:`offdiag_sup` is the maximum itself (not only an upper bound).

        Returns
        -------
        bool
            True when every off-diagonal entry is known exactly.
        """
        raise NotImplementedError

    def exactly_orthogonal(self) -> bool:
        """Whether every off-diagonal correlation is an exact 0.

        Returns
        -------
        bool
            True only when orthogonality is known exactly (not merely within a ball).
        """
        raise NotImplementedError

    # -- shared -------------------------------------------------------------------------------
    @property
    def nonzero(self) -> int:
        """The number of members that are not the zero function.

        Returns
        -------
        int
            ``size - zeros``.
        """
        return self.size - self.zeros

    @property
    def equal_norms(self) -> bool:
        """Whether every non-zero member has the same ⟨f, f⟩.

        Returns
        -------
        bool
            True when :meth:`diagonal` is a single value.
        """
        return not isinstance(self.diagonal(), tuple)

    @property
    def norm2(self):
        """The common ⟨f, f⟩ of the non-zero members.

        Returns
        -------
        number or Enclosure
            The common squared norm.

        Raises
        ------
        DomainError
            If the norms are only known to lie in a range.
        """
        d = self.diagonal()
        if isinstance(d, tuple):
            raise DomainError("the members' norms are only known to lie in a range; no common ⟨f, f⟩")
        return d

    def diagonal_range(self) -> tuple:
        """(lo, hi) bounding ⟨f, f⟩ over the non-zero members.

        Returns
        -------
        tuple
            ``(c, c)`` for a common norm c, else the range from :meth:`diagonal`.
        """
        d = self.diagonal()
        return d if isinstance(d, tuple) else (d, d)

    def with_zero(self) -> "Structure":
        """The same family with the zero function added (C ∪ {0}; orthogonal to everything).

        Returns
        -------
        Structure
            A copy with one more member, the zero function; ``self`` if it already has one.
        """
        if self.zeros:
            return self
        new = copy.copy(self)
        object.__setattr__(new, "size", self.size + 1)
        object.__setattr__(new, "zeros", 1)
        return new

    def orthogonality(self) -> Verdict:
        """The hypothesis "⟨f_i, f_j⟩ = 0 for i ≠ j" as a Verdict (from the evidence and the entries).

        Returns
        -------
        Verdict
            For exact zero entries: PROVED when every evidence verdict is PROVED, CERTIFIED when
            every one is PROVED or CERTIFIED; UNDECIDED (naming the failing verdicts) when some
            evidence is UNDECIDED or REFUTED, except REFUTED when an evidence verdict refutes the
            claim "orthogonality" itself.  REFUTED when a known exact off-diagonal entry is non-zero;
            UNDECIDED when only a bound is known.
        """
        failing = [v for v in self.evidence if not v.status.ok]
        if failing:
            st = Status.REFUTED if any(v.status is Status.REFUTED and v.claim == "orthogonality"
                                       for v in failing) else Status.UNDECIDED
            ev = "the evidence the correlations rest on does not hold: " + "; ".join(
                f"{v.claim or '—'} {v.status.name} ({v.evidence})" for v in failing)
            return Verdict(st, claim="orthogonality", method="correlation structure", evidence=ev[:400],
                           params={"law": self.law})
        if self.exactly_orthogonal():
            ev = "; ".join(v.evidence for v in self.evidence)[:400] or \
                "every off-diagonal entry is an exact 0 (as given: no evidence attached to the structure)"
            st = Status.PROVED if all(v.status is Status.PROVED for v in self.evidence) else Status.CERTIFIED
            return Verdict(st, claim="orthogonality", method="correlation structure", evidence=ev,
                           params={"law": self.law})
        sup = self.offdiag_sup()
        st = Status.REFUTED if self.offdiag_sup_is_exact() and not is_zero(sup) else Status.UNDECIDED
        return Verdict(st, claim="orthogonality", method="correlation structure", params={"law": self.law},
                       evidence=f"sup_{{i≠j}} |⟨f_i, f_j⟩| = {show(sup)}"
                                + ("" if self.offdiag_sup_is_exact() else " (an upper bound only)"))

    def describe(self) -> str:
        """One line: what is known (size, law, norm, off-diagonal sup).

        Returns
        -------
        str
            E.g. ``"GramStructure: N = 2 (0 zero), law toy, ⟨f,f⟩ = 1, sup|⟨f_i,f_j⟩| = 0"``.
        """
        return (f"{type(self).__name__}: N = {show(self.size)} ({self.size - self.nonzero} zero), law {self.law}, "
                f"⟨f,f⟩ = {show(self.diagonal()) if self.equal_norms else self.diagonal()}, "
                f"sup|⟨f_i,f_j⟩| {'=' if self.offdiag_sup_is_exact() else '≤'} {show(self.offdiag_sup())}")


@dataclass(frozen=True)
class GramStructure(Structure):
    """An explicit Gram matrix G_ij = ⟨f_i, f_j⟩_D of a small family (see the module docstring).

    Zero members are given as zero rows (``zeros`` counts those added by :meth:`with_zero`).

    Parameters
    ----------
    matrix : sequence of sequences
        A square, non-empty matrix of exact numbers or Enclosures, symmetric (exact entries are
        checked), at most :data:`MAX_GRAM_MEMBERS` rows.
    law : str
        The distribution, as text.
    kind : str
        ``"inner product"`` or ``"chi"``.
    evidence : tuple of Verdict
        What the entries rest on.
    boolean : bool
        True when the members are ±1-valued.

    Raises
    ------
    DomainError
        If the matrix is not square, empty, or not symmetric.
    ResourceLimit
        If it has more than :data:`MAX_GRAM_MEMBERS` rows.

    Examples
    --------
    >>> import sympy as sp
    >>> g = GramStructure([[2, sp.Rational(1, 2)], [sp.Rational(1, 2), 1]])
    >>> g.diagonal_range(), g.equal_norms, g.offdiag_sup(), g.orthogonality().status.name
    ((1, 2), False, 1/2, 'REFUTED')
    """

    matrix: tuple = ()

    def __init__(self, matrix, *, law: str = "", kind: str = "inner product", evidence: tuple = (),
                 boolean: bool = False):
        try:
            rows = tuple(tuple(r) for r in matrix)
        except TypeError:
            raise DomainError(f"a Gram matrix must be a square list of lists, got {type(matrix).__name__}") from None
        n = len(rows)
        if n == 0 or any(len(r) != n for r in rows):
            raise DomainError("a Gram matrix must be square and non-empty")
        if n > MAX_GRAM_MEMBERS:
            raise ResourceLimit(f"explicit Gram matrices are limited to {MAX_GRAM_MEMBERS} members, got {n}; "
                                "use an OrbitStructure (a construction's correlation_profile)")
        for i in range(n):
            for j in range(i):
                a, b = rows[i][j], rows[j][i]
                if is_exact(a) and is_exact(b) and sp.simplify(to_sympy(a) - to_sympy(b)) != 0:
                    raise DomainError(f"the Gram matrix is not symmetric at ({i}, {j})")
        object.__setattr__(self, "matrix", rows)
        Structure.__init__(self, size=n, law=law, kind=kind, evidence=tuple(evidence), zeros=0, boolean=boolean)

    def entry(self, i: int, j: int):
        """The entry G_ij (0-based), with the added zero members (indices ≥ len(matrix)) as 0.

        Parameters
        ----------
        i, j : int
            Row and column, 0-based.

        Returns
        -------
        number or Enclosure
            ⟨f_i, f_j⟩.
        """
        m = len(self.matrix)
        return sp.Integer(0) if i >= m or j >= m else self.matrix[i][j]

    def zero_rows(self) -> list:
        """Indices of members that are the zero function (⟨f, f⟩ = 0 exactly).

        Returns
        -------
        list of int
            0-based indices.
        """
        return [i for i in range(self.size) if is_zero(self.entry(i, i))]

    @property
    def nonzero(self) -> int:
        """The number of members whose diagonal entry is not an exact 0.

        Returns
        -------
        int
            ``size - len(zero_rows())``.
        """
        return self.size - len(self.zero_rows())

    def with_zero(self):
        """The Gram matrix with a zero row and column added (C ∪ {0}); ``self`` if it has a zero member.

        Returns
        -------
        GramStructure
            N + 1 members.
        """
        if self.zero_rows():
            return self
        m = len(self.matrix)
        rows = [list(r) + [sp.Integer(0)] for r in self.matrix] + [[sp.Integer(0)] * (m + 1)]
        return GramStructure(rows, law=self.law, kind=self.kind, evidence=self.evidence, boolean=self.boolean)

    def diagonal(self):
        """The common ⟨f, f⟩ of the non-zero rows, or (min, max) when they differ.

        Returns
        -------
        number, Enclosure or tuple
            The common value, or ``(lo, hi)``: lo the smallest, hi the largest (or an exact upper
            bound on it when the maximum is not decided).

        Raises
        ------
        DomainError
            If every member is the zero function.
        """
        z = set(self.zero_rows())
        d = [self.entry(i, i) for i in range(self.size) if i not in z]
        if not d:
            raise DomainError("every member is the zero function")
        first = d[0]
        if all(is_exact(x) and sp.simplify(to_sympy(x) - to_sympy(first)) == 0 for x in d):
            return first
        lo = d[0]
        for x in d[1:]:
            if compare(x, "<", lo).ok:
                lo = x
        return (lo, _max_abs(d))

    def offdiag_pairs(self):
        """All ordered pairs (i, j), i ≠ j, of non-zero members.

        Returns
        -------
        list of tuple
            0-based index pairs.
        """
        z = set(self.zero_rows())
        return [(i, j) for i in range(self.size) for j in range(self.size) if i != j and i not in z and j not in z]

    def offdiag_sup(self):
        """max |G_ij| over i ≠ j (non-zero members).

        Returns
        -------
        number
            Exact when every entry is exact and the maximum is decided; otherwise an exact rational
            upper bound (the upper end of the largest ball).
        """
        return _max_abs([self.entry(i, j) for i, j in self.offdiag_pairs()])

    def offdiag_sup_is_exact(self) -> bool:
        """Whether every off-diagonal entry is exact.

        Returns
        -------
        bool
            True when no entry is an Enclosure.
        """
        return all(is_exact(self.entry(i, j)) for i, j in self.offdiag_pairs())

    def exactly_orthogonal(self) -> bool:
        """Whether every off-diagonal entry is an exact 0.

        Returns
        -------
        bool
            True only for exact zeros (a ball around 0 does not count).
        """
        return all(is_zero(self.entry(i, j)) for i, j in self.offdiag_pairs())


@dataclass(frozen=True)
class OrbitStructure(Structure):
    """A :class:`CorrelationProfile` read as a structure (orbits counted, never enumerated).

    Parameters
    ----------
    profile : CorrelationProfile
        A construction's correlation profile (its size, law, diagonal, orbits and evidence).
    boolean : bool
        True when the members are ±1-valued.

    Raises
    ------
    DomainError
        If ``profile`` is not a CorrelationProfile.

    Examples
    --------
    The GGJKK family at n = 10⁶ (C(10⁶, 2) members) is read without enumerating a pair:

    >>> from hardverify.sq.wiring import construction, structure_for
    >>> st = structure_for(construction("goel2020", 2), 10**6)
    >>> st.size, st.exactly_orthogonal(), st.norm2              # SPEC G3: ‖f_S‖² = 2 - 4/π for k = 2
    (499999500000, True, 2 - 4/pi)
    """

    profile: Any = None

    def __init__(self, profile: CorrelationProfile, *, boolean: bool = False):
        if not isinstance(profile, CorrelationProfile):
            raise DomainError(f"an OrbitStructure needs a CorrelationProfile, got {type(profile).__name__}")
        object.__setattr__(self, "profile", profile)
        Structure.__init__(self, size=profile.size, law=profile.law, kind=profile.kind,
                           evidence=tuple(profile.evidence), zeros=0, boolean=boolean)

    def diagonal(self):
        """The profile's diagonal: the common ⟨f, f⟩ or a range (lo, hi).

        Returns
        -------
        number, Enclosure or tuple
            ``profile.diagonal``.
        """
        return self.profile.diagonal

    def _orbit_values(self):
        return [(o.correlation if o.correlation is not None else o.bound) for o in self.profile.orbits
                if o.pairs]

    def offdiag_sup(self):
        """max over non-empty orbits of |correlation| (or of its bound, when only a bound is known).

        Returns
        -------
        number
            Exact, or an exact rational upper bound.
        """
        return _max_abs(self._orbit_values())

    def offdiag_sup_is_exact(self) -> bool:
        """Whether every non-empty orbit has an exact correlation (not only a bound).

        Returns
        -------
        bool
            True when the sup is the maximum itself.
        """
        return all(o.correlation is not None and is_exact(o.correlation) for o in self.profile.orbits if o.pairs)

    def exactly_orthogonal(self) -> bool:
        """Whether every non-empty orbit has correlation exactly 0.

        Returns
        -------
        bool
            True only for exact zeros.
        """
        return all(o.correlation is not None and is_zero(o.correlation) for o in self.profile.orbits if o.pairs)


@dataclass(frozen=True)
class BoundStructure(Structure):
    """A family known only by a certified sup of |⟨f_i, f_j⟩| (i ≠ j) and its diagonal.

    Parameters
    ----------
    size : int
        N, a positive Python int (any size).
    sup : number or Enclosure
        An upper bound on |⟨f_i, f_j⟩| over i ≠ j, ≥ 0; exactly 0 means exactly orthogonal.
    diagonal : number, Enclosure or tuple
        The common ⟨f, f⟩, or a range (lo, hi).
    law : str
        The distribution, as text.
    kind : str
        ``"inner product"`` or ``"chi"``.
    evidence : tuple of Verdict
        What the numbers rest on.
    boolean : bool
        True when the members are ±1-valued.

    Raises
    ------
    DomainError
        If size is not a positive int or sup is certainly negative.

    Examples
    --------
    >>> b = BoundStructure(10**6, "1/1000", (1, 2))
    >>> b.offdiag_sup_is_exact(), b.exactly_orthogonal(), b.diagonal_range()
    (False, False, (1, 2))
    """

    sup: Any = None
    diag: Any = None

    def __init__(self, size: int, sup, diagonal, *, law: str = "", kind: str = "inner product",
                 evidence: tuple = (), boolean: bool = False):
        if isinstance(size, bool) or not isinstance(size, int) or size < 1:
            raise DomainError(f"a family size must be a positive Python int, got {size!r}")
        if compare(sup, "<", 0).ok:
            raise DomainError(f"a sup of absolute values must be ≥ 0, got {show(sup)}")
        object.__setattr__(self, "sup", sup)
        object.__setattr__(self, "diag", diagonal)
        Structure.__init__(self, size=size, law=law, kind=kind, evidence=tuple(evidence), zeros=0, boolean=boolean)

    def diagonal(self):
        """The given diagonal: a common ⟨f, f⟩ or a range (lo, hi).

        Returns
        -------
        number, Enclosure or tuple
            As given.
        """
        return self.diag

    def offdiag_sup(self):
        """The given bound on |⟨f_i, f_j⟩|, i ≠ j.

        Returns
        -------
        number or Enclosure
            As given.
        """
        return self.sup

    def offdiag_sup_is_exact(self) -> bool:
        """Always False: a bound is not known to be attained.

        Returns
        -------
        bool
            False.
        """
        return False

    def exactly_orthogonal(self) -> bool:
        """Whether the given sup is an exact 0.

        Returns
        -------
        bool
            True when ``sup`` is exactly 0.
        """
        return is_zero(self.sup)


def gram_from_members(members, dist, *, dps=None, algorithm: str = "auto", evidence=()) -> GramStructure:
    """The explicit Gram matrix ⟨f_i, f_j⟩_D computed by ``hv.inner_product``, N(N+1)/2 inner products.

    Exact without ``dps``; with ``dps`` and ``algorithm="series"`` the certified Mehler-series route,
    independent of the symbolic one.

    Parameters
    ----------
    members : list of Network or SubsetFamily
        The networks, or a :class:`~hardverify.networks.SubsetFamily` (all C(n, k) members, refused
        above :data:`MAX_GRAM_MEMBERS` before any is built).
    dist : Distribution
        The input law.
    dps : int, optional
        None for exact entries, else the digits of certified ones.
    algorithm : str
        The route of ``hv.inner_product`` (``"auto"``, ``"exact"``, ``"series"`` ...).
    evidence : tuple of Verdict
        Verdicts to attach (a Gram verdict saying how the entries were computed is added).

    Returns
    -------
    GramStructure
        With ``law=repr(dist)``.

    Raises
    ------
    DomainError
        If ``members`` is not a non-empty list of Networks or a SubsetFamily (or an inner product
        refuses its input).
    ResourceLimit
        If there are more than :data:`MAX_GRAM_MEMBERS` members.
    """
    from ..networks import Network, SubsetFamily, inner_product

    if isinstance(members, SubsetFamily):
        if members.size > MAX_GRAM_MEMBERS:
            raise ResourceLimit(f"explicit Gram matrices are limited to {MAX_GRAM_MEMBERS} members; this family "
                                f"has C(n, k) = {show(members.size)}: use its correlation profile")
        import itertools
        n, k = members.n, members.template.n
        members = [members.member(S) for S in itertools.combinations(range(1, n + 1), k)]
    elif isinstance(members, (list, tuple)):
        if len(members) > MAX_GRAM_MEMBERS:
            raise ResourceLimit(f"explicit Gram matrices are limited to {MAX_GRAM_MEMBERS} members, got {len(members)}")
        if not members or not all(isinstance(f, Network) for f in members):
            raise DomainError("members must be a non-empty list of hardverify Networks or a SubsetFamily")
    else:
        raise DomainError(f"members must be a list of Networks or a SubsetFamily, got {type(members).__name__}")
    N = len(members)
    G = [[None] * N for _ in range(N)]
    for i in range(N):
        for j in range(i, N):
            v = inner_product(members[i], members[j], dist, dps=dps, algorithm=algorithm)
            G[i][j] = G[j][i] = v
    how = "exact inner products" if dps is None else f"certified inner products (algorithm={algorithm}, dps={dps})"
    ev = tuple(evidence) + (Verdict(Status.PROVED if dps is None else Status.CERTIFIED, claim="Gram",
                                    method=how, evidence=f"{N}×{N} Gram matrix under {dist!r}"),)
    return GramStructure(G, law=repr(dist), evidence=ev)


def structure_of(obj) -> Structure:
    """A Structure from a Structure, a CorrelationProfile or a square matrix.

    Parameters
    ----------
    obj : Structure, CorrelationProfile or sequence of sequences
        Returned as is, wrapped in an :class:`OrbitStructure`, or read as a :class:`GramStructure`.

    Returns
    -------
    Structure
        The structure.

    Raises
    ------
    DomainError
        For anything else (or a malformed matrix).

    Examples
    --------
    >>> structure_of([[1, 0], [0, 1]]).exactly_orthogonal()
    True
    """
    if isinstance(obj, Structure):
        return obj
    if isinstance(obj, CorrelationProfile):
        return OrbitStructure(obj)
    if isinstance(obj, (list, tuple)):
        return GramStructure(obj)
    raise DomainError(f"expected a correlation structure, a CorrelationProfile or a Gram matrix, got "
                      f"{type(obj).__name__}")
