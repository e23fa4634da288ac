"""The query lower bounds of SPEC §7 and G7, G8 (issue 14, item 1), each a :class:`SQBound`.

Every function checks the hypotheses of its theorem as :class:`~hardverify.verdict.Verdict` objects and
raises :class:`~hardverify.errors.HypothesisFailed` (carrying the REFUTED/UNDECIDED verdict) instead of
returning a number when one fails.  Bad arguments (τ ∉ (0, 1), γ < 0, β ≤ γ where needed) raise
:class:`~hardverify.errors.DomainError`.  Query models (SPEC §0.4): **CSQ** for real-valued targets (the
GGJKK, DKKZ and VW regression bounds; SPEC §11), **SQ (STAT)** for χ-correlations of distributions
(SD, Q3; GGJKK's classification variant G9), never more.

* :func:`bessel` — G7: q ≥ (N - 1) τ²/‖f‖² for an exactly orthogonal family of equal norm;
* :func:`szorenyi` — Q2: #{i : |⟨h, φ_i⟩| > τ} < 1/(τ² - γ), q ≥ (N - 1)(τ² - γ) (normalised φ_i);
* :func:`ggjkk_b1` — GGJKK Thm B.1: s/2 queries or a query of tolerance √γ, s = CSDA(C ∪ {0}, γ);
* :func:`dkkz_lemma15` — DKKZ Lemma 15: Ω(m) queries of tolerance √τ′, m = SDA(C, τ′) (f normalised);
* :func:`sd_bound` — Q3 (DKPZ21 Lemma 12): tolerance ≤ √(γ + γ′) or ≥ sγ′/(β - γ) queries, γ′ chosen;
* :func:`sq_dim_bound` — Q1: d^{a} queries of tolerance d^{-b} ([MEM] exponents a = b = 1/3);
* G8 (GD as CSQ) and Q4 (distinguishing ⇒ learning) are in :mod:`.consequences`.

>>> import sympy as sp
>>> from hardverify.sq.structures import GramStructure
>>> eye = GramStructure([[1 if i == j else 0 for j in range(5)] for i in range(5)])
>>> b = bessel(eye, sp.Rational(1, 2))
>>> b.value, b.queries, b.model, b.status.name                 # (5 - 1)(1/2)²/1 = 1
(1, 1, 'CSQ', 'PROVED')
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

import sympy as sp

from ..errors import DomainError, HypothesisFailed
from ..numeric.enclosure import Enclosure, exact_fraction
from ..verdict import Status, Verdict
from .dimensions import csda, sq_dim, statistical_dimension
from .numbers import ceil_of, compare, is_exact, is_zero, log_enclosure, rational_or_none, show, to_sympy
from .structures import BoundStructure, Structure, structure_of

__all__ = ["SQBound", "bessel", "szorenyi", "ggjkk_b1", "dkkz_lemma15", "sd_bound", "sq_dim_bound",
           "as_tolerance", "MODELS"]

MODELS = ("CSQ", "SQ (STAT)", "VSTAT")
REF_SZORENYI = "Szörényi, Characterizing statistical query learning: simplified notions and proofs, ALT 2009"
REF_GGJKK = ("Goel, Gollakota, Jin, Karmalkar, Klivans, ICML 2020 (arXiv 2006.12011), Thm B.1 as quoted by "
             "Diakonikolas, Kane, Pittas, Zarifis COLT 2021 Lemma 31")
REF_DKKZ = "Diakonikolas, Kane, Kontonis, Zarifis, COLT 2020, Lemma 15"
REF_FGRVX = ("Feldman, Grigorescu, Reyzin, Vempala, Xiao, JACM 2017; corollary as DKPZ21 Lemma 12 "
             "(free γ′)")
REF_BLUM = "Blum, Furst, Jackson, Kearns, Mansour, Rudich, STOC 1994"


@dataclass(frozen=True)
class SQBound:
    """A query lower bound with everything needed to read it (returned by the bound functions).

    Its status is PROVED when every hypothesis is PROVED and the value exact, CERTIFIED otherwise;
    a bound whose hypotheses fail is never built (the functions raise HypothesisFailed).

    Parameters
    ----------
    claim : str
        SPEC ID (``"G7"``, ``"Q2"``, ``"Q5"``, ``"Q3"``, ``"Q1"``, ``"G8"``, ``"Q4"``).
    theorem, reference : str
        The theorem in words and the original source.
    model : str
        ``"CSQ"``, ``"SQ (STAT)"`` or ``"VSTAT"`` — the only model the statement is claimed for.
    statement : str
        The conclusion, in words, with the numbers.
    value : exact sympy number or Enclosure
        The bound on the number of queries (the learner needs at least this many).
    queries : int
        ⌈value⌉ (certified; a lower bound on ⌈value⌉ if ``value`` is an Enclosure).
    tolerance : exact number or Enclosure
        The tolerance the statement is about.
    hypotheses : tuple of Verdict
        Every hypothesis of the theorem, each PROVED or CERTIFIED (otherwise no SQBound is returned).
    params : dict
        The parameters (n, k, N, τ, γ, chosen γ′ ...), as given.
    mem : dict
        [MEM] constants used: name -> "value (what SPEC says)".

    Examples
    --------
    401 orthonormal functions, τ = 1/2: q ≥ (401 - 1)(1/2)²/1 = 100 queries (SPEC G7).

    >>> from hardverify.sq.structures import BoundStructure
    >>> b = bessel(BoundStructure(401, 0, 1), "1/2")
    >>> b.value, b.queries, b.status.name, b.log10.contains(2)
    (100, 100, 'PROVED', True)
    """

    claim: str
    theorem: str
    reference: str
    model: str
    statement: str
    value: Any
    queries: int
    tolerance: Any
    hypotheses: tuple
    params: dict = field(default_factory=dict)
    mem: dict = field(default_factory=dict)

    @property
    def exact(self) -> bool:
        """Whether the value is exact (not an Enclosure).

        Returns
        -------
        bool
            True for an exact sympy number.
        """
        return is_exact(self.value)

    @property
    def status(self) -> Status:
        """The kind of result: PROVED when every hypothesis is PROVED and the value exact; CERTIFIED otherwise.

        Returns
        -------
        Status
            ``Status.PROVED`` or ``Status.CERTIFIED``.
        """
        return Status.PROVED if self.exact and all(h.status is Status.PROVED for h in self.hypotheses) \
            else Status.CERTIFIED

    @property
    def log2(self) -> Enclosure | None:
        """log₂ of the bound, certified.

        Returns
        -------
        Enclosure or None
            log₂(value); None when the value is not certainly > 0.
        """
        return log_enclosure(self.value, 2) if self.queries >= 1 and compare(self.value, ">", 0).ok else None

    @property
    def log10(self) -> Enclosure | None:
        """log₁₀ of the bound, certified.

        Returns
        -------
        Enclosure or None
            log₁₀(value); None when the value is not certainly > 0.
        """
        return log_enclosure(self.value, 10) if self.queries >= 1 and compare(self.value, ">", 0).ok else None

    def verdict(self) -> Verdict:
        """The bound as a Verdict of its claim (status from the hypotheses; the statement as evidence).

        Returns
        -------
        Verdict
            :attr:`status`, with ``data`` holding the value, the query count and the model as text.
        """
        return Verdict(self.status, claim=self.claim, method=f"{self.theorem} [{self.model}]",
                       evidence=self.statement, source=self.reference, params=dict(self.params),
                       data={"value": show(self.value), "queries": show(self.queries), "model": self.model})

    def to_dict(self) -> dict:
        """The bound as a JSON-ready dict (numbers as text; huge integers by their leading digits and length).

        Returns
        -------
        dict
            Keys ``claim``, ``theorem``, ``reference``, ``model``, ``statement``, ``value``, ``queries``,
            ``log10``, ``tolerance``, ``status``, ``hypotheses`` (verdict dicts), ``params``, ``mem``.
        """
        lg = self.log10
        return {"claim": self.claim, "theorem": self.theorem, "reference": self.reference, "model": self.model,
                "statement": self.statement, "value": show(self.value), "queries": show(self.queries),
                "log10": None if lg is None else str(lg), "tolerance": show(self.tolerance),
                "status": self.status.value, "hypotheses": [h.to_dict() for h in self.hypotheses],
                "params": {k: str(v) for k, v in self.params.items()}, "mem": dict(self.mem)}

    def __str__(self) -> str:
        return f"{self.claim} [{self.model}, {self.status.value}] {self.statement}"


# -- argument checks and hypotheses -----------------------------------------------------------------
def as_tolerance(tau, name: str = "tau"):
    """τ as an exact rational in (0, 1) (decimal strings and floats are read exactly).

    Parameters
    ----------
    tau : str, int, Fraction, float or sympy number
        A rational such as ``"1e-3"``, ``"1/100"``, ``Fraction(1, 8)`` or ``0.25`` (a float is read
        as its exact binary value, so ``0.1`` is not 1/10: pass ``"0.1"``).
    name : str
        The argument's name in the error message.

    Returns
    -------
    sympy.Rational
        τ exactly.

    Raises
    ------
    DomainError
        If τ is not a rational number or not in (0, 1).

    Examples
    --------
    >>> as_tolerance("1e-3"), as_tolerance("1/8"), as_tolerance(0.25)
    (1/1000, 1/8, 1/4)
    >>> as_tolerance(0.1) == as_tolerance("0.1")     # a float is its exact binary value: pass a string
    False
    """
    if isinstance(tau, str):
        try:
            q = Fraction(tau.strip()) if "/" in tau else Fraction(Decimal(tau.strip()))
        except (ValueError, ZeroDivisionError, InvalidOperation):
            q = None
    else:
        q = rational_or_none(tau)
    if q is None:
        raise DomainError(f"{name} must be a rational number in (0, 1) such as '1e-3' or 1/100, got {tau!r}")
    if not 0 < q < 1:
        raise DomainError(f"{name} must satisfy 0 < {name} < 1, got {q}")
    return sp.Rational(q.numerator, q.denominator)


def hypothesis(status: Status, claim: str, text: str, method: str = "exact comparison") -> Verdict:
    """A theorem's hypothesis as a Verdict.

    Parameters
    ----------
    status : Status
        Whether the hypothesis holds (PROVED, CERTIFIED) or not.
    claim : str
        The SPEC ID of the theorem.
    text : str
        The hypothesis and why it holds (the evidence).
    method : str
        How it was decided.

    Returns
    -------
    Verdict
        ``Verdict(status, claim=claim, method=method, evidence=text)``.
    """
    return Verdict(status, claim=claim, method=method, evidence=text)


def require_all(hyps: list, what: str):
    """Check that every hypothesis holds (PROVED or CERTIFIED).

    Parameters
    ----------
    hyps : list of Verdict
        The hypotheses.
    what : str
        The theorem's name in the error message.

    Returns
    -------
    tuple of Verdict
        ``hyps`` as a tuple, when all hold.

    Raises
    ------
    HypothesisFailed
        At the first hypothesis that is REFUTED or UNDECIDED, carrying its verdict.
    """
    for h in hyps:
        if not h:
            raise HypothesisFailed(f"{what}: hypothesis not proved — {h.evidence}", h)
    return tuple(hyps)


def compare_hypothesis(a, op, b, claim, text) -> Verdict:
    """The hypothesis ``a op b`` decided by :func:`~hardverify.sq.numbers.compare`, as a Verdict.

    Parameters
    ----------
    a, b : int, Fraction, sympy number or Enclosure
        The two sides.
    op : {"<", "<=", ">", ">="}
        The relation.
    claim : str
        The SPEC ID of the theorem.
    text : str
        The hypothesis in words.

    Returns
    -------
    Verdict
        PROVED/CERTIFIED when it holds, REFUTED or UNDECIDED otherwise; the evidence shows both sides.

    Raises
    ------
    DomainError
        If ``op`` is not a relation.
    """
    st = compare(a, op, b)
    return hypothesis(st, claim, f"{text}: {show(a)} {op} {show(b)} is {st.value}",
                "exact comparison" if st in (Status.PROVED,) or (rational_or_none(a) is not None and
                                                                 rational_or_none(b) is not None)
                else "certified comparison (arb)")


def _evidence(st: Structure) -> list:
    return [v for v in st.evidence]


def _norm_hyp(st: Structure, claim: str) -> Verdict:
    lo, _ = st.diagonal_range()
    return compare_hypothesis(lo, ">", 0, claim, "every non-zero member has ‖f‖² > 0")


def _equal_norms_hyp(st: Structure, claim: str) -> Verdict:
    if st.equal_norms:
        return hypothesis(Status.PROVED, claim, f"every member has ‖f‖² = {show(st.norm2)}", "correlation structure")
    return hypothesis(Status.UNDECIDED, claim, f"the norms are only known to lie in {st.diagonal_range()}",
                "correlation structure")


def _queries(value) -> int:
    return max(0, ceil_of(value, side="safe_low"))


def _mul(*xs):
    """Product of exact values (sympy) or, when any is an Enclosure, of Enclosures."""
    exact = sp.Integer(1)
    encl = None
    for x in xs:
        if is_exact(x):
            exact = exact * to_sympy(x)
        else:
            encl = x if encl is None else encl * x
    return exact if encl is None else encl * exact


# -- G7 ------------------------------------------------------------------------------------------
def bessel(structure, tau, *, norm2=None) -> SQBound:
    """SPEC G7, the Bessel bound: q ≥ (N - 1) τ²/c CSQ queries of tolerance τ, c = ‖f‖².

    For an exactly orthogonal family of N non-zero members of equal norm c, any CSQ learner with
    E(h - f_S)² < c/2 for every S needs that many queries (the adversary answers 0; by Bessel each
    query with ‖h‖ ≤ 1 rules out fewer than c/τ² targets).

    Parameters
    ----------
    structure : Structure, CorrelationProfile or Gram matrix
        The family's correlations (see :func:`~hardverify.sq.structures.structure_of`).
    tau : rational in (0, 1)
        The tolerance (e.g. ``"1e-3"``).
    norm2 : number or Enclosure, optional
        Overrides c (for negative controls: the bound must then disagree with the proved one).

    Returns
    -------
    SQBound
        ``claim="G7"``, model CSQ; PROVED when the structure's evidence and c are exact.

    Raises
    ------
    DomainError
        If τ is not in (0, 1) or the structure is malformed.
    HypothesisFailed
        If the family is not proved exactly orthogonal, the norms are not proved equal, or ‖f‖² > 0
        is not proved.

    References
    ----------
    SPEC G7 [DER]; the paper's own form: Goel, Gollakota, Jin, Karmalkar, Klivans, *Superpolynomial lower bounds
    for learning one-layer neural networks using gradient descent*, ICML 2020 (arXiv 2006.12011), Theorem B.1.

    Examples
    --------
    >>> from hardverify.sq.structures import BoundStructure
    >>> bessel(BoundStructure(10**6 + 1, 0, 2), "1e-3").value          # 10⁶ · 10⁻⁶ / 2
    1/2
    >>> bessel(BoundStructure(5, "1/10", 1), "1/2")                     # only |⟨f_i, f_j⟩| ≤ 1/10 known
    Traceback (most recent call last):
    ...
    hardverify.errors.HypothesisFailed: G7 (Bessel bound): hypothesis not proved — ...
    """
    st = structure_of(structure)
    tau = as_tolerance(tau)
    N = st.nonzero
    hyps = _evidence(st) + [st.orthogonality().with_(claim="G7"), _equal_norms_hyp(st, "G7"), _norm_hyp(st, "G7")]
    require_all(hyps, "G7 (Bessel bound)")
    c = st.norm2 if norm2 is None else norm2
    value = _mul(N - 1, tau ** 2, 1 / to_sympy(c) if is_exact(c) else c.__rtruediv__(1))
    q = _queries(value)
    return SQBound("G7", "Bessel/adversary bound for an exactly orthogonal family (SPEC G7)",
                   "SPEC G7 [DER]; the paper's own form is GGJKK Thm B.1", "CSQ",
                   f"any CSQ learner reaching E(h - f)² < ‖f‖²/2 = {show(to_sympy(c) / 2 if is_exact(c) else c)}"
                   f" for every member needs ≥ {show(q)} queries of tolerance τ = {tau}"
                   f" (N = {show(N)}, each query rules out < ‖f‖²/τ² targets)",
                   value, q, tau, tuple(hyps), {"N": N, "tau": tau, "norm2": show(c), "law": st.law})


# -- Q2 ------------------------------------------------------------------------------------------
def _normalised_gamma(st: Structure):
    lo, _ = st.diagonal_range()
    g = st.offdiag_sup()
    if is_zero(g):
        return sp.Integer(0)
    if is_exact(g) and is_exact(lo):
        r = to_sympy(g) / to_sympy(lo)
        return sp.simplify(r) if sp.count_ops(r) < 40 else r
    return g / lo


def szorenyi(structure, tau) -> SQBound:
    """SPEC Q2, a Szörényi-type bound: q ≥ (N - 1)(τ² - γ) CSQ queries for a near-orthogonal family.

    On the normalised family φ_i = f_i/‖f_i‖ with γ = sup |⟨φ_i, φ_j⟩| (normalised by the smallest
    norm): for ‖h‖ ≤ 1 and τ² > γ, #{i : |⟨h, φ_i⟩| > τ} < 1/(τ² - γ), so learning to squared error
    < (1 - γ)/2 needs ≥ (N - 1)(τ² - γ) CSQ(τ) queries.  (Szörényi's exact constants are [MEM];
    this form is SPEC's [DER].)

    Parameters
    ----------
    structure : Structure, CorrelationProfile or Gram matrix
        The family's correlations.
    tau : rational in (0, 1)
        The tolerance.

    Returns
    -------
    SQBound
        ``claim="Q2"``, model CSQ.

    Raises
    ------
    DomainError
        If τ is not in (0, 1) or the structure is malformed.
    HypothesisFailed
        If ‖f‖² > 0 or τ² > γ is not proved.

    References
    ----------
    SPEC Q2 [DER]; Szörényi, *Characterizing statistical query learning: simplified notions and proofs*, ALT
    2009 (exact constants [MEM]).

    Examples
    --------
    101 members with correlations ≤ 1/100, τ = 1/5: (101 - 1)(1/25 - 1/100) = 3.

    >>> from hardverify.sq.structures import BoundStructure
    >>> szorenyi(BoundStructure(101, "1/100", 1), "1/5").value
    3
    """
    st = structure_of(structure)
    tau = as_tolerance(tau)
    N = st.nonzero
    hyps = _evidence(st) + [_norm_hyp(st, "Q2")]
    require_all(hyps, "Q2 (Szörényi bound)")
    gamma = _normalised_gamma(st)
    gap = compare_hypothesis(tau ** 2, ">", gamma, "Q2", "τ² > γ (γ = sup of the normalised correlations)")
    hyps.append(gap)
    require_all(hyps, "Q2 (Szörényi bound)")
    margin = (tau ** 2 - to_sympy(gamma)) if is_exact(gamma) else (gamma * -1 + tau ** 2)
    value = _mul(N - 1, margin)
    count = (1 / margin) if is_exact(margin) else 1 / margin
    q = _queries(value)
    return SQBound("Q2", "Szörényi-type CSQ bound for a near-orthogonal family (SPEC Q2)", REF_SZORENYI, "CSQ",
                   f"each query h (‖h‖ ≤ 1) has |⟨h, φ_i⟩| > τ for fewer than 1/(τ² - γ) = {show(count)} members; "
                   f"learning to squared error < (1 - γ)/2 needs ≥ {show(q)} CSQ queries of tolerance τ = {tau}",
                   value, q, tau, tuple(hyps), {"N": N, "tau": tau, "gamma": show(gamma), "count_bound": show(count),
                                                "law": st.law},
                   {"Szörényi constants": "SPEC Q2 form (exact constants of Szörényi 2009 are [MEM])"})


# -- Q5: GGJKK Thm B.1 and DKKZ Lemma 15 ----------------------------------------------------------
def ggjkk_b1(structure, tau) -> SQBound:
    """GGJKK Thm B.1 (SPEC Q5, via DKPZ21 Lemma 31) at γ = τ²: s/2 queries or one of tolerance ≤ τ.

    With 0 ∈ C (added here), η = min ‖f‖ (f ≠ 0) and s = CSDA_D(C ∪ {0}, γ), any CSQ learner
    outputting h with ‖h - f‖ < η needs ≥ s/2 queries or a query of tolerance ≤ √γ = τ
    (absolute tolerance).

    Parameters
    ----------
    structure : Structure, CorrelationProfile or Gram matrix
        The family's correlations (without the zero function; it is added).
    tau : rational in (0, 1)
        The tolerance; γ = τ².

    Returns
    -------
    SQBound
        ``claim="Q5"``, model CSQ, value s/2.

    Raises
    ------
    DomainError
        If τ is not in (0, 1) or the structure is malformed.
    HypothesisFailed
        If ‖f‖² > 0 is not proved, or CSDA is unbounded (every ‖f‖² ≤ γ).
    NotCertified
        If CSDA cannot be decided from the structure.

    References
    ----------
    Goel, Gollakota, Jin, Karmalkar, Klivans, *Superpolynomial lower bounds for learning one-layer neural
    networks using gradient descent*, ICML 2020 (arXiv 2006.12011), Theorem B.1, as quoted by Diakonikolas,
    Kane, Pittas, Zarifis, COLT 2021 (DKPZ21), Lemma 31.

    Examples
    --------
    5 orthonormal functions and 0 at γ = 1/4: the worst C′ of size m has ρ = min(m, 5)/m² ≤ 1/4 from
    m = 4 on, so s = 1 (⌈6/s⌉ ≥ 4) and the bound is s/2 = 1/2.

    >>> from hardverify.sq.structures import GramStructure
    >>> eye = GramStructure([[int(i == j) for j in range(5)] for i in range(5)])
    >>> b = ggjkk_b1(eye, "1/2")
    >>> b.params["s"], b.value
    (1, 1/2)
    """
    st = structure_of(structure)
    tau = as_tolerance(tau)
    gamma = tau ** 2
    C0 = st.with_zero()
    hyps = _evidence(st) + [hypothesis(Status.PROVED, "Q5", "0 ∈ C: the zero function is added (C ∪ {0}); Thm B.1 "
                                 "needs it", "construction of C ∪ {0}"), _norm_hyp(st, "Q5")]
    require_all(hyps, "GGJKK Thm B.1")
    s = csda(C0, gamma)
    lo, _ = st.diagonal_range()
    eta = sp.sqrt(to_sympy(lo)) if is_exact(lo) else lo
    if s.value == math.inf:
        raise HypothesisFailed("CSDA is unbounded (every member has ‖f‖² ≤ γ): Thm B.1 gives no finite count",
                               hypothesis(Status.REFUTED, "Q5", "‖f‖² ≤ γ for every member"))
    hyps.append(s.verdict().with_(claim="Q5"))
    value = sp.Rational(s.value, 2)
    q = _queries(value)
    return SQBound("Q5", "GGJKK Theorem B.1 (CSQ lower bound from the average-correlation dimension)", REF_GGJKK,
                   "CSQ", f"s = CSDA(C ∪ {{0}}, γ = τ²) = {show(s.value)}: any CSQ learner outputting h with "
                   f"‖h - f‖ < η = min‖f‖ = {show(eta)} needs ≥ s/2 = {show(q)} queries or a query of tolerance "
                   f"≤ √γ = {tau}", value, q, tau, tuple(hyps),
                   {"N": st.nonzero, "tau": tau, "gamma": gamma, "s": s.value, "eta": show(eta), "law": st.law})


def dkkz_lemma15(structure, tau, *, constant=1) -> SQBound:
    """DKKZ Lemma 15 (SPEC Q5): Ω(m) queries of tolerance τ, m = SDA(C, τ²) of the normalised family.

    On the normalised family f/‖f‖ (E f² = 1 > η²) with m the average-correlation dimension at
    γ = τ², an inner-product-query learner reaching E(h - f)² ≤ cη² needs Ω(m) queries of tolerance τ.
    The Ω constant is [MEM]: ``constant`` (default 1) multiplies m.

    Parameters
    ----------
    structure : Structure, CorrelationProfile or Gram matrix
        The family's correlations (equal norms required).
    tau : rational in (0, 1)
        The tolerance.
    constant : number
        The [MEM] Ω constant (default 1).

    Returns
    -------
    SQBound
        ``claim="Q5"``, model CSQ, value ``constant · m``.

    Raises
    ------
    DomainError
        If τ is not in (0, 1) or the structure is malformed.
    HypothesisFailed
        If ‖f‖² > 0 or equal norms are not proved.
    NotCertified
        If the SDA cannot be bounded (correlations only bounded by ≥ τ²).

    References
    ----------
    Diakonikolas, Kane, Kontonis, Zarifis, *Algorithms and SQ lower bounds for PAC learning one-hidden-layer
    ReLU networks*, COLT 2020, Lemma 15.

    Examples
    --------
    1000 orthonormal functions at τ² = 1/100: the worst C′ of size m has ρ = 1/m ≤ 1/100 from m = 100,
    so m = SDA = 10 (⌈1000/s⌉ ≥ 100).

    >>> from hardverify.sq.structures import BoundStructure
    >>> dkkz_lemma15(BoundStructure(1000, 0, 1), "1/10").value
    10
    """
    st = structure_of(structure)
    tau = as_tolerance(tau)
    hyps = _evidence(st) + [_norm_hyp(st, "Q5"), _equal_norms_hyp(st, "Q5")]
    require_all(hyps, "DKKZ Lemma 15")
    c = st.norm2
    gs = _normalised_gamma(st)
    normed = BoundStructure(st.nonzero, gs, sp.Integer(1), law=st.law, evidence=st.evidence)
    m = csda(normed, tau ** 2)
    if m.value == math.inf:                     # pragma: no cover - ‖f‖ = 1 > τ²
        raise HypothesisFailed("SDA unbounded", hypothesis(Status.UNDECIDED, "Q5", "SDA unbounded"))
    hyps.append(hypothesis(Status.PROVED, "Q5", f"normalised: E(f/‖f‖)² = 1 ≤ 1 (‖f‖² = {show(c)})", "exact"))
    hyps.append(m.verdict().with_(claim="Q5"))
    value = to_sympy(constant) * m.value
    q = _queries(value)
    return SQBound("Q5", "DKKZ Lemma 15 (CSQ lower bound from the statistical dimension of average correlation)",
                   REF_DKKZ, "CSQ", f"m = SDA(C, τ² = {tau ** 2}) {'=' if m.exact else '≥'} {show(m.value)}: an "
                   f"inner-product-query learner needs Ω(m) ≥ {show(q)} queries (constant {constant} [MEM]) of "
                   f"tolerance τ = {tau}, or a query of smaller tolerance", value, q, tau, tuple(hyps),
                   {"N": st.nonzero, "tau": tau, "m": m.value, "m_exact": m.exact, "gamma_normalised": show(gs),
                    "law": st.law}, {"Ω constant": f"{constant} (DKKZ's constant is not stated in SPEC: [MEM])"})


# -- Q3 ------------------------------------------------------------------------------------------
def sd_bound(structure, tau, *, beta=None, gamma=None) -> SQBound:
    """SPEC Q3 (DKPZ21 Lemma 12): a query of tolerance ≤ τ or ≥ sγ′/(β - γ) SQ queries, s = SD(B, γ, β).

    For every γ′ > 0 an SQ algorithm needs a query of tolerance ≤ √(γ + γ′) or ≥ sγ′/(β - γ) queries
    (STAT oracle).  γ′ is chosen as τ² - γ, the largest γ′ whose tolerance alternative is ≤ τ (the
    query count is increasing in γ′); SPEC's γ′ = γ form is shown too (in ``params``).

    Parameters
    ----------
    structure : Structure, CorrelationProfile or Gram matrix
        χ-correlations of distributions against a reference (kind ``"chi"``).
    tau : rational in (0, 1)
        The tolerance.
    beta : number, optional
        β; default the (exact) upper end of the diagonal.
    gamma : number, optional
        γ ≥ 0; default the off-diagonal sup.

    Returns
    -------
    SQBound
        ``claim="Q3"``, model ``"SQ (STAT)"``.

    Raises
    ------
    DomainError
        If the structure is not of kind ``"chi"``, τ ∉ (0, 1), γ < 0 or β ≤ γ.
    HypothesisFailed
        If τ² > γ is not proved.

    References
    ----------
    Feldman, Grigorescu, Reyzin, Vempala, Xiao, *Statistical algorithms and a lower bound for detecting planted
    cliques*, JACM 2017; the corollary with a free γ′ as Diakonikolas, Kane, Pittas, Zarifis, COLT 2021
    (DKPZ21), Lemma 12.

    Examples
    --------
    1000 pairwise uncorrelated distributions with χ² ≤ 1, τ = 1/10: γ′ = 1/100 and
    s γ′/β = 1000/100 = 10.

    >>> from hardverify.sq.structures import BoundStructure
    >>> b = sd_bound(BoundStructure(1000, 0, (0, 1), kind="chi"), "1/10")
    >>> b.value, b.model
    (10, 'SQ (STAT)')
    """
    st = structure_of(structure)
    tau = as_tolerance(tau)
    if st.kind != "chi":
        raise DomainError("the statistical dimension needs χ-correlations of distributions (kind='chi'); for "
                          "real-valued targets use the CSQ bounds (bessel, szorenyi, ggjkk_b1)")
    gamma = to_sympy(st.offdiag_sup()) if gamma is None else gamma
    if beta is None:
        beta = to_sympy(st.diagonal_range()[1])
        if isinstance(beta, Enclosure):          # β: the exact upper end of the certified diagonal
            beta = exact_fraction(beta.upper)
    if compare(gamma, "<", 0).ok:
        raise DomainError(f"gamma must be ≥ 0, got {gamma}")
    if not compare(beta, ">", gamma).ok:
        raise DomainError(f"the SD corollary needs β > γ, got β = {show(beta)}, γ = {show(gamma)}")
    hyps = _evidence(st)
    gap = compare_hypothesis(tau ** 2, ">", gamma, "Q3", "τ² > γ (so that γ′ = τ² - γ > 0)")
    hyps.append(gap)
    require_all(hyps, "Q3 (statistical dimension)")
    s = statistical_dimension(st, gamma, beta)
    hyps.append(s.verdict())
    gp = tau ** 2 - to_sympy(gamma)
    value = sp.Integer(s.value) * gp / (to_sympy(beta) - to_sympy(gamma))
    spec_form = sp.Integer(s.value) * to_sympy(gamma) / (to_sympy(beta) - to_sympy(gamma))
    q = _queries(value)
    return SQBound("Q3", "FGRVX statistical dimension, DKPZ21 Lemma 12 corollary", REF_FGRVX, "SQ (STAT)",
                   f"s = SD(B, γ = {show(gamma)}, β = {show(beta)}) = {show(s.value)}; "
                   f"with γ′ = τ² - γ = {show(gp)}: any "
                   f"SQ algorithm needs a query of tolerance ≤ √(γ + γ′) = τ = {tau} or ≥ sγ′/(β - γ) = {show(q)} "
                   f"queries (STAT oracle)", value, q, tau, tuple(hyps),
                   {"s": s.value, "gamma": show(gamma), "beta": show(beta), "tau": tau,
                    "gamma_prime": f"{show(gp)} (chosen: τ² - γ, the largest γ′ with √(γ + γ′) ≤ τ)",
                    "spec_form_gamma_prime_eq_gamma": f"tolerance √(2γ), ≥ {show(spec_form)} queries"})


# -- Q1 ------------------------------------------------------------------------------------------
THIRD = sp.Rational(1, 3)


def sq_dim_bound(structure, *, query_exponent=THIRD, tolerance_exponent=THIRD) -> SQBound:
    """SPEC Q1: d = SQ-DIM ⇒ weak learning needs ≥ d^a queries of tolerance d^{-b}.

    The exponents are [MEM]: a = b = 1/3 by default, the BFJKMR-type exponents SPEC quotes.  The
    model is general SQ only for ±1-valued families (``structure.boolean``); CSQ otherwise.

    Parameters
    ----------
    structure : Structure, CorrelationProfile or Gram matrix
        The family's correlations.
    query_exponent : number
        a (default 1/3).
    tolerance_exponent : number
        b (default 1/3).

    Returns
    -------
    SQBound
        ``claim="Q1"``, value d^a, tolerance d^{-b}.

    Raises
    ------
    DomainError
        If the structure is malformed.
    NotCertified
        If the SQ dimension cannot be decided.

    References
    ----------
    Blum, Furst, Jackson, Kearns, Mansour, Rudich, *Weakly learning DNF and characterizing statistical query
    learning using Fourier analysis*, STOC 1994 (exponents [MEM]).

    Examples
    --------
    >>> from hardverify.sq.structures import BoundStructure
    >>> b = sq_dim_bound(BoundStructure(10**6, 0, 1))              # d = 10⁶: d^{1/3} = 100
    >>> b.value, b.tolerance, b.model
    (100, 1/100, 'CSQ')
    """
    st = structure_of(structure)
    d = sq_dim(st)
    hyps = _evidence(st) + [d.verdict()]
    require_all(hyps, "Q1 (SQ dimension)")
    a, b = to_sympy(query_exponent), to_sympy(tolerance_exponent)
    value = sp.Integer(d.value) ** a
    tol = sp.Integer(d.value) ** (-b)
    model = "SQ (STAT)" if st.boolean else "CSQ"
    q = _queries(value)
    return SQBound("Q1", "SQ dimension (Blum et al.)", REF_BLUM, model,
                   f"SQ-DIM = {show(d.value)}: weak learning needs ≥ d^{a} = {show(q)} queries of tolerance "
                   f"d^-{b} = {show(tol)}"
                   + ("" if st.boolean else " (read correlationally: the family is not ±1-valued)"),
                   value, q, tol, tuple(hyps), {"d": d.value, "law": st.law},
                   {"exponents": f"a = {a}, b = {b} (SPEC Q1: 'd^Ω(1) queries of tolerance d^-Ω(1)', constants [MEM])"})
