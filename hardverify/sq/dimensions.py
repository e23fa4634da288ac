"""The dimensions of SPEC Q1, Q3 and Q5, computed from their definitions on a correlation structure.

* **Q1** :func:`sq_dim` — SQ-DIM_D(C): the largest d with d members whose normalised correlations
  satisfy |⟨f_i, f_j⟩| ≤ (1/d)‖f_i‖‖f_j‖ for i ≠ j (Blum et al. 1994; their members are ±1-valued, so
  ‖f‖ = 1 there; zero members cannot be normalised and are left out);
* **Q5** :func:`csd` — CSD_D(C, γ, β): the largest d with d members, E f_i² ≤ β and |E f_i f_j| ≤ γ
  (i ≠ j); for a χ-structure this is FGRVX's SD(B, γ, β) of **Q3** (:func:`statistical_dimension`);
* **Q5** :func:`csda` — CSDA_D(C, γ): the largest integer s such that **every** C′ ⊆ C with
  |C′| ≥ |C|/s has ρ(C′) = |C′|^{-2} Σ_{g,r∈C′} |E g r| ≤ γ (``quantifier="some"`` gives the published
  misuse, for negative controls only); ``math.inf`` when every non-empty C′ passes;
* **Q5** :func:`csd_to_csda` — DKPZ21 Lemma 30: CSD(C, γ, β) = d ⇒ CSDA(C, γ + γ′) ≥ dγ′/(β − γ).
  With integer s (the convention here) the conclusion is s ≥ ⌊dγ′/(β − γ)⌋: the real number
  dγ′/(β − γ) itself can exceed the integer CSDA (N = 10 orthonormal, γ′ = 0.31: CSDA = 3 < 3.1;
  ``tests/test_sq_dimensions.py::test_lemma30_integer_convention``).

Exactly orthogonal families are handled by counting at any size; a non-orthogonal explicit Gram
matrix by an exact clique search (SQ-DIM, CSD) or by all subsets (CSDA, at most
:data:`MAX_SUBSET_MEMBERS` members); a bound-only structure gives lower bounds (``exact=False``).

>>> import sympy as sp
>>> from hardverify.sq.structures import GramStructure
>>> eye = GramStructure([[1 if i == j else 0 for j in range(10)] for i in range(10)])
>>> sq_dim(eye).value, csd(eye, 0, 1).value
(10, 10)
>>> csda(eye, sp.Rational(31, 100)).value, csd_to_csda(10, 0, 1, sp.Rational(31, 100)).value
(3, 3)
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from fractions import Fraction

import sympy as sp
from flint import arb, ctx

from ..errors import DomainError, NotCertified, ResourceLimit
from ..verdict import Status, Verdict
from .numbers import ball, ceil_of, compare, floor_of, is_exact, is_zero, rational_or_none, show, to_sympy
from .structures import GramStructure, Structure, structure_of

__all__ = ["Dimension", "sq_dim", "csd", "statistical_dimension", "csda", "csd_to_csda", "MAX_SUBSET_MEMBERS"]

#: the largest explicit Gram matrix whose CSDA is computed over all 2^N subsets (non-orthogonal case)
MAX_SUBSET_MEMBERS = 14


@dataclass(frozen=True)
class Dimension:
    """A dimension of SPEC §7: its value, whether it is the exact value or a lower bound, and how.

    Parameters
    ----------
    name : str
        ``"SQ-DIM"``, ``"CSD"``, ``"SD"``, ``"CSDA"``.
    claim : str
        The SPEC ID (``"Q1"``, ``"Q3"``, ``"Q5"``).
    value : int or float
        An exact Python int (``math.inf`` for an unbounded CSDA).
    exact : bool
        True when ``value`` is the dimension itself; False when it is a certified lower bound.
    params : dict
        The inputs (γ, β, N, law ...) as text.
    method : str
        How the value was obtained (counting, clique search, all subsets, a lemma).
    hypotheses : tuple of Verdict
        What the value rests on (the structure's evidence).
    """

    name: str
    claim: str
    value: int | float
    exact: bool
    params: dict = field(default_factory=dict)
    method: str = ""
    hypotheses: tuple = ()

    def verdict(self) -> Verdict:
        """The dimension as a Verdict of its claim.

        Returns
        -------
        Verdict
            PROVED when every hypothesis is PROVED, else CERTIFIED; the evidence says ``=`` for an
            exact value and ``≥`` for a lower bound.
        """
        st = Status.PROVED if all(h.status is Status.PROVED for h in self.hypotheses) else Status.CERTIFIED
        rel = "=" if self.exact else "≥"
        return Verdict(st, claim=self.claim, method=self.method, params=dict(self.params),
                       evidence=f"{self.name} {rel} {show(self.value) if self.value != math.inf else '∞'}",
                       data={"value": str(self.value), "exact": self.exact})


def _check_gamma(gamma, name="gamma"):
    if rational_or_none(gamma) is None and is_exact(gamma) and not isinstance(gamma, sp.Basic):
        raise DomainError(f"{name} must be a number, got {gamma!r}")
    try:
        neg = compare(gamma, "<", 0)
    except Exception:                         # noqa: BLE001 - anything unreadable is bad input
        raise DomainError(f"{name} must be a real number ≥ 0, got {gamma!r}") from None
    if neg is not Status.REFUTED:
        raise DomainError(f"{name} must be ≥ 0, got {show(gamma)}")
    return to_sympy(gamma)


def _evidence(st: Structure) -> tuple:
    return tuple(st.evidence)


def _max_clique(vertices: list, adjacent) -> int:
    """Size of a largest clique (Bron–Kerbosch with pivoting; small graphs)."""
    nbr = {v: {u for u in vertices if u != v and adjacent(u, v)} for v in vertices}
    best = 0

    def bk(r, p, x):
        nonlocal best
        if not p and not x:
            best = max(best, r)
            return
        if r + len(p) <= best:
            return
        u = max(p | x, key=lambda w: len(nbr[w] & p))
        for v in list(p - nbr[u]):
            bk(r + 1, p & nbr[v], x & nbr[v])
            p = p - {v}
            x = x | {v}
    bk(0, set(vertices), set())
    return best


def _decide(status: Status, what: str) -> bool:
    if status is Status.UNDECIDED:
        raise NotCertified(f"cannot decide {what}; compute the Gram matrix with more digits (dps=)")
    return status.ok


def sq_dim(structure) -> Dimension:
    """SPEC Q1: SQ-DIM_D(C), the largest d with d members pairwise |⟨f_i, f_j⟩| ≤ ‖f_i‖‖f_j‖/d.

    Exactly orthogonal families: the number of non-zero members (any size).  Explicit Gram matrices:
    a clique search on the pairs with |ρ_ij| ≤ 1/d.  Bound-only structures: min(N, ⌊1/γ̂⌋), a lower
    bound, with γ̂ the normalised sup.

    Parameters
    ----------
    structure : Structure, CorrelationProfile or Gram matrix
        The family's correlations.

    Returns
    -------
    Dimension
        ``name="SQ-DIM"``, ``claim="Q1"``; ``exact`` False for a lower bound.

    Raises
    ------
    DomainError
        If the structure is malformed.
    NotCertified
        If a certified entry is too wide to decide ⌊1/|ρ_ij|⌋.

    References
    ----------
    Blum, Furst, Jackson, Kearns, Mansour, Rudich, *Weakly learning DNF and characterizing statistical query
    learning using Fourier analysis*, STOC 1994.

    Examples
    --------
    Two members with ρ = 1/2 and a third orthogonal to both: {f_1, f_3} (d = 2) qualifies, all three
    would need |ρ| ≤ 1/3.

    >>> import sympy as sp
    >>> from hardverify.sq.structures import GramStructure
    >>> h = sp.Rational(1, 2)
    >>> sq_dim(GramStructure([[1, h, 0], [h, 1, 0], [0, 0, 1]])).value
    2
    """
    st = structure_of(structure)
    N = st.nonzero
    params = {"N": N, "law": st.law}
    if st.exactly_orthogonal():
        return Dimension("SQ-DIM", "Q1", N, True, params, "exact orthogonality: all non-zero members",
                         _evidence(st))
    if not isinstance(st, GramStructure):
        lo, _ = st.diagonal_range()
        ghat = to_sympy(st.offdiag_sup()) / to_sympy(lo) if is_exact(lo) else st.offdiag_sup() / lo
        d = min(N, floor_of(1 / ghat, side="safe_low"))
        return Dimension("SQ-DIM", "Q1", d, d == N, params,
                         "normalised correlation sup γ̂: any ⌊1/γ̂⌋ members qualify (a lower bound)", _evidence(st))
    idx = [i for i in range(st.size) if i not in set(st.zero_rows())]
    # D_ij = the largest d with |ρ_ij| ≤ 1/d, i.e. ρ_ij² d² ≤ 1
    D = {}
    for a, b in itertools.combinations(idx, 2):
        g = st.entry(a, b)
        if is_zero(g):
            D[a, b] = D[b, a] = math.inf
            continue
        r2 = (to_sympy(g) ** 2 / (to_sympy(st.entry(a, a)) * to_sympy(st.entry(b, b)))) if is_exact(g) else \
            (g * g) / (st.entry(a, a) * st.entry(b, b))
        inv = (1 / sp.sqrt(r2)) if is_exact(r2) else None
        if inv is not None:
            D[a, b] = D[b, a] = floor_of(inv)
        else:
            with ctx.workprec(200):
                bb = ball(r2, 40)
                hi = int((1 / bb.sqrt()).upper().floor().unique_fmpz()) if bb > 0 else None
                lo_ = int((1 / bb.sqrt()).lower().floor().unique_fmpz()) if bb > 0 else None
            if hi is None or hi != lo_:
                raise NotCertified("a normalised Gram entry is too wide to decide SQ-DIM; raise dps")
            D[a, b] = D[b, a] = hi
    for d in range(len(idx), 0, -1):
        if _max_clique(idx, lambda u, v, d=d: D[u, v] >= d) >= d:
            return Dimension("SQ-DIM", "Q1", d, True, params, "exact clique search on |ρ_ij| ≤ 1/d", _evidence(st))
    raise AssertionError("unreachable: one member always qualifies")  # pragma: no cover


def csd(structure, gamma, beta, *, name: str = "CSD", claim: str = "Q5") -> Dimension:
    """SPEC Q5: CSD_D(C, γ, β), the largest d with d members, E f_i² ≤ β and |E f_i f_j| ≤ γ (i ≠ j).

    Parameters
    ----------
    structure : Structure, CorrelationProfile or Gram matrix
        The family's correlations.
    gamma : number
        γ ≥ 0.
    beta : number
        β ≥ 0.
    name, claim : str
        The labels of the result (``"SD"``/``"Q3"`` when called by :func:`statistical_dimension`).

    Returns
    -------
    Dimension
        An exact int value.

    Raises
    ------
    DomainError
        If γ or β is negative or not a number.
    NotCertified
        If a comparison cannot be decided, or a bound-only structure has correlations above γ (the
        explicit Gram matrix is needed).

    References
    ----------
    Diakonikolas, Kane, Pittas, Zarifis, COLT 2021 (DKPZ21), Appendix A.1; Diakonikolas, Kane, Kontonis,
    Zarifis, *Algorithms and SQ lower bounds for PAC learning one-hidden-layer ReLU networks*, COLT 2020, §3.

    Examples
    --------
    >>> import sympy as sp
    >>> from hardverify.sq.structures import GramStructure
    >>> h = sp.Rational(1, 2)
    >>> G = GramStructure([[1, h, 0], [h, 1, 0], [0, 0, 1]])
    >>> csd(G, sp.Rational(1, 4), 1).value, csd(G, h, 1).value
    (2, 3)
    """
    st = structure_of(structure)
    gamma, beta = _check_gamma(gamma), _check_gamma(beta, "beta")
    params = {"gamma": show(gamma), "beta": show(beta), "N": st.size, "law": st.law}   # show(): any size
    lo, hi = st.diagonal_range()
    if isinstance(st, GramStructure):
        ok = [i for i in range(st.size) if _decide(compare(abs(st.entry(i, i)) if not is_exact(st.entry(i, i))
                                                           else sp.Abs(to_sympy(st.entry(i, i))), "<=", beta),
                                                   "E f² ≤ β")]
        if st.exactly_orthogonal():
            return Dimension(name, claim, len(ok), True, params, "exact orthogonality: every member with E f² ≤ β",
                             _evidence(st))
        adj = {}
        for a, b in itertools.combinations(ok, 2):
            g = st.entry(a, b)
            adj[a, b] = adj[b, a] = is_zero(g) or _decide(
                compare(sp.Abs(to_sympy(g)) if is_exact(g) else abs(g), "<=", gamma), "|E f_i f_j| ≤ γ")
        return Dimension(name, claim, _max_clique(ok, lambda u, v: adj[u, v]), True, params,
                         "exact clique search", _evidence(st))
    nz = st.nonzero
    all_small = _decide(compare(hi, "<=", beta), "E f² ≤ β")
    none_small = compare(lo, ">", beta).ok
    sup_ok = compare(st.offdiag_sup(), "<=", gamma).ok
    zero_ok = st.zeros if compare(0, "<=", beta).ok else 0
    if all_small and sup_ok:
        return Dimension(name, claim, st.size, True, params, "every member qualifies (diagonal ≤ β, sup ≤ γ)",
                         _evidence(st))
    if none_small:
        return Dimension(name, claim, min(zero_ok, 1) if zero_ok else 0, True, params,
                         "no non-zero member has E f² ≤ β", _evidence(st))
    if all_small and st.exactly_orthogonal():               # pragma: no cover - covered by sup_ok
        return Dimension(name, claim, st.size, True, params, "exact orthogonality", _evidence(st))
    raise NotCertified(f"{name} of a {type(st).__name__} with correlations above γ = {gamma} needs the explicit "
                       f"Gram matrix (sup ≤ {show(st.offdiag_sup())}); nz = {nz}")


def statistical_dimension(structure, gamma, beta) -> Dimension:
    """SPEC Q3: FGRVX's SD(B, γ, β) on a χ-correlation structure (the same count as :func:`csd`).

    Parameters
    ----------
    structure : Structure, CorrelationProfile or Gram matrix
        χ-correlations of distributions (kind ``"chi"``).
    gamma : number
        γ ≥ 0.
    beta : number
        β ≥ 0.

    Returns
    -------
    Dimension
        ``name="SD"``, ``claim="Q3"``.

    Raises
    ------
    DomainError
        If the structure is not of kind ``"chi"``, or γ, β are invalid.
    NotCertified
        As for :func:`csd`.

    References
    ----------
    Feldman, Grigorescu, Reyzin, Vempala, Xiao, *Statistical algorithms and a lower bound for detecting planted
    cliques*, JACM 2017.
    """
    st = structure_of(structure)
    if st.kind != "chi":
        raise DomainError("SD(B, γ, β) is defined on χ-correlations of distributions (kind='chi'); for inner "
                          "products use csd()")
    return csd(st, gamma, beta, name="SD", claim="Q3")


def _ceil_threshold(num, den):
    """The smallest integer m ≥ 1 with num/m ≤ den, i.e. ⌈num/den⌉ (den > 0), certified."""
    if is_zero(num):
        return 1
    return max(1, ceil_of(to_sympy(num) / to_sympy(den) if is_exact(num) and is_exact(den) else num / den,
                          side="safe_high"))


def _s_from_threshold(total: int, m_star) -> int | float:
    """The largest integer s with ⌈total/s⌉ ≥ m_star (every C′ of size ≥ m_star passes)."""
    if m_star is None or m_star > total:
        return 0
    if m_star <= 1:
        return math.inf
    return -(-total // (m_star - 1)) - 1


def _abs_ball(x, dps=60):
    with ctx.workprec(256):
        return ball(x, dps).__abs__()


def csda(structure, gamma, *, quantifier: str = "every", method: str = "auto") -> Dimension:
    """SPEC Q5: CSDA_D(C, γ), the largest s such that every C′ ⊆ C with |C′| ≥ |C|/s has ρ(C′) ≤ γ.

    ρ(C′) = |C′|^{-2} Σ_{g,r∈C′} |E g r|.  Orthogonal families of equal norm are counted exactly at
    any size; other explicit Gram matrices are searched over all subsets (at most
    :data:`MAX_SUBSET_MEMBERS` members); bound-only structures give a lower bound.

    Parameters
    ----------
    structure : Structure, CorrelationProfile or Gram matrix
        The family's correlations.
    gamma : number
        γ ≥ 0.
    quantifier : {"every", "some"}
        ``"every"`` is the definition; ``"some"`` (explicit Gram matrices only) is the published
        misuse that negative controls compare against.
    method : {"auto", "subsets"}
        ``"subsets"`` forces the all-subsets search on an explicit Gram matrix (an independent check
        of the counting formula used for orthogonal families).

    Returns
    -------
    Dimension
        An exact int, or ``math.inf`` when every non-empty C′ passes; ``exact`` False for a lower bound.

    Raises
    ------
    DomainError
        If γ < 0, or the quantifier, method or structure kind is not allowed.
    ResourceLimit
        If an all-subsets search would need more than :data:`MAX_SUBSET_MEMBERS` members.
    NotCertified
        If a bound-only structure has correlations ≥ γ, or a subfamily's ρ is too close to γ.

    References
    ----------
    Diakonikolas, Kane, Pittas, Zarifis, COLT 2021 (DKPZ21), Appendix A.1; Diakonikolas, Kane, Kontonis,
    Zarifis, *Algorithms and SQ lower bounds for PAC learning one-hidden-layer ReLU networks*, COLT 2020, §3.

    Examples
    --------
    The counting formula agrees with the search over all 2¹⁰ - 1 subfamilies (10 orthonormal, γ = 0.31):

    >>> import sympy as sp
    >>> from hardverify.sq.structures import GramStructure
    >>> eye = GramStructure([[int(i == j) for j in range(10)] for i in range(10)])
    >>> g = sp.Rational(31, 100)
    >>> csda(eye, g).value == csda(eye, g, method="subsets").value == 3
    True
    """
    st = structure_of(structure)
    gamma = _check_gamma(gamma)
    if quantifier not in ("every", "some"):
        raise DomainError(f"quantifier must be 'every' (the definition) or 'some', got {quantifier!r}")
    total = st.size
    params = {"gamma": show(gamma), "N": total, "quantifier": quantifier, "law": st.law}
    if quantifier == "some" and not isinstance(st, GramStructure):
        raise DomainError("quantifier='some' (a negative control) is provided for explicit Gram matrices only")
    if method not in ("auto", "subsets"):
        raise DomainError(f"method must be 'auto' or 'subsets', got {method!r}")
    if method == "subsets" and not isinstance(st, GramStructure):
        raise DomainError("method='subsets' needs an explicit Gram matrix")
    if method == "auto" and st.exactly_orthogonal() and st.equal_norms and quantifier == "every":
        c, nz = st.norm2, st.nonzero
        # worst C′ of size m: the min(m, nz) non-zero members, ρ = c·min(m, nz)/m² (decreasing in m)
        if compare(c, "<=", gamma).ok:
            m_star = 1
        else:
            m_star = _ceil_threshold(c, gamma)
            if m_star > nz:                     # only C′ with zeros remain: c·nz/m² ≤ γ
                m_star = next((m for m in range(nz + 1, total + 1)
                               if compare(to_sympy(c) * nz if is_exact(c) else c * nz, "<=",
                                          to_sympy(gamma) * m * m).ok), None)
        return Dimension("CSDA", "Q5", _s_from_threshold(total, m_star), True, params,
                         "exact: orthogonal family of equal norms, worst C′ = the non-zero members",
                         _evidence(st))
    if isinstance(st, GramStructure):
        return _csda_subsets(st, gamma, quantifier, params)
    # non-orthogonal orbit/bound structure: ρ(C′) ≤ γ_sup + (β - γ_sup)/m (a lower bound on CSDA)
    lo, beta = st.diagonal_range()
    gs = st.offdiag_sup()
    if not compare(gs, "<", gamma).ok:
        raise NotCertified(f"CSDA at γ = {gamma} of a structure whose correlations are only bounded by "
                           f"{show(gs)} ≥ γ cannot be bounded from below; use an explicit Gram matrix")
    m_star = _ceil_threshold(to_sympy(beta) - to_sympy(gs), to_sympy(gamma) - to_sympy(gs))
    return Dimension("CSDA", "Q5", _s_from_threshold(total, m_star), False, params,
                     "lower bound: ρ(C′) ≤ γ_sup + (β - γ_sup)/|C′| for every C′", _evidence(st))


def _csda_subsets(st: GramStructure, gamma, quantifier: str, params: dict) -> Dimension:
    N = st.size
    if N > MAX_SUBSET_MEMBERS:
        raise ResourceLimit(f"CSDA of a non-orthogonal explicit Gram matrix is computed over all 2^N subsets for "
                            f"N ≤ {MAX_SUBSET_MEMBERS}; got N = {N}")
    vals = [[st.entry(i, j) for j in range(N)] for i in range(N)]
    exact = all(rational_or_none(v) is not None for r in vals for v in r) and rational_or_none(gamma) is not None
    if exact:
        A = [[abs(rational_or_none(v)) for v in r] for r in vals]
        g = rational_or_none(gamma)
    else:
        A = [[_abs_ball(v) for v in r] for r in vals]
        g = ball(gamma, 60)
    # passes[m] = (every C′ of size m passes, some C′ of size m passes)
    every = {m: True for m in range(1, N + 1)}
    some = {m: False for m in range(1, N + 1)}
    with ctx.workprec(256):
        for m in range(1, N + 1):
            for C in itertools.combinations(range(N), m):
                s = sum((A[i][j] for i in C for j in C), Fraction(0) if exact else arb(0))
                if exact:
                    ok = s <= g * m * m
                else:
                    d = g * m * m - s
                    if not (d >= 0 or d < 0):
                        raise NotCertified("a subfamily's ρ(C′) is too close to γ to decide; raise dps")
                    ok = bool(d >= 0)
                every[m] = every[m] and ok
                some[m] = some[m] or ok
    if quantifier == "every":
        good = [m for m in range(1, N + 1) if all(every[mm] for mm in range(m, N + 1))]
        m_star = min(good) if good else None
    else:
        good = [m for m in range(1, N + 1) if any(some[mm] for mm in range(m, N + 1))]
        m_star = min(good) if good else None
    return Dimension("CSDA", "Q5", _s_from_threshold(N, m_star), True, params,
                     f"exact: ρ(C′) over all {2 ** N - 1} non-empty subfamilies ('{quantifier}')", _evidence(st))


def csd_to_csda(d: int, gamma, beta, gamma_prime) -> Dimension:
    """DKPZ21 Lemma 30 (SPEC Q5): CSD(C, γ, β) = d ⇒ CSDA(C, γ + γ′) ≥ ⌊dγ′/(β - γ)⌋ (integer s).

    The published real number dγ′/(β - γ) can exceed the integer CSDA; the floor is what holds
    (see the module docstring).

    Parameters
    ----------
    d : int
        CSD(C, γ, β), ``d >= 1``.
    gamma, beta : number
        γ ≥ 0 and β > γ.
    gamma_prime : number
        γ′ > 0.

    Returns
    -------
    Dimension
        A lower bound (``exact=False``) on CSDA at γ + γ′; ``params["published_real_bound"]`` holds
        dγ′/(β - γ).

    Raises
    ------
    DomainError
        If d is not a positive int, γ, β, γ′ are negative, β ≤ γ or γ′ = 0.

    References
    ----------
    Diakonikolas, Kane, Pittas, Zarifis, COLT 2021 (DKPZ21), Lemma 30.

    Examples
    --------
    >>> import sympy as sp
    >>> r = csd_to_csda(10, 0, 1, sp.Rational(31, 100))
    >>> r.value, r.params["published_real_bound"]           # ⌊3.1⌋
    (3, '31/10')
    """
    if isinstance(d, bool) or not isinstance(d, int) or d < 1:
        raise DomainError(f"d must be a positive int, got {d!r}")
    gamma, beta, gp = _check_gamma(gamma), _check_gamma(beta, "beta"), _check_gamma(gamma_prime, "gamma_prime")
    if not compare(beta, ">", gamma).ok:
        raise DomainError(f"Lemma 30 needs β > γ, got β = {beta}, γ = {gamma}")
    if is_zero(gp):
        raise DomainError("Lemma 30 needs γ′ > 0")
    real = sp.Integer(d) * gp / (beta - gamma)
    return Dimension("CSDA", "Q5", floor_of(real, side="safe_low"), False,
                     {"d": d, "gamma": show(gamma), "beta": show(beta), "gamma_prime": show(gp),
                      "at": f"γ + γ′ = {gamma + gp}", "published_real_bound": str(real)},
                     "DKPZ21 Lemma 30 (integer s: the floor of dγ′/(β - γ))")
