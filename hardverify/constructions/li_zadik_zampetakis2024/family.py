"""SPEC Q3 inputs for homogeneous CLWE: the pancake family as a :class:`Construction` with a χ-profile.

The family at dimension n is {H_{w_i,β,γ} : i = 1..m} for unit secrets with pairwise |⟨w_i, w_j⟩| ≤ ρ₀.
Its correlation profile (kind ``"chi"``, reference D_1) has

* diagonal χ(H_w, H_w) = χ²(p ‖ D_1) (C3, certified), SD's β;
* one off-diagonal orbit of all m(m - 1) ordered pairs with the bound sup_{|ρ|≤ρ₀} χ(ρ) = χ(ρ₀) (C4: every
  term of the cosh form increases with |ρ|), SD's γ.

**Packing lemma (proved here; the constants used).**  Let w, w′ be independent uniform on S^{n-1}, n ≥ 4,
and 0 < ρ₀ < 1.  Then t = ⟨w, w′⟩ has density c_n(1 - t²)^{(n-3)/2} on [-1, 1], c_n = Γ(n/2)/(√π Γ((n-1)/2))
(SPEC §0.2), and

    p := P(|t| ≥ ρ₀) ≤ 2 c_n e^{-(n-3)ρ₀²/2} / ((n - 3)ρ₀)            (n ≥ 4),

because 1 - t² ≤ e^{-t²} gives (1 - t²)^{(n-3)/2} ≤ e^{-(n-3)t²/2} ≤ (t/ρ₀) e^{-(n-3)t²/2} for t ≥ ρ₀, whose
integral over [ρ₀, ∞) is e^{-(n-3)ρ₀²/2}/((n-3)ρ₀).  Draw m independent uniform secrets: the expected
number of pairs with |⟨w_i, w_j⟩| ≥ ρ₀ is C(m, 2)·p, so if C(m, 2)·p < 1 some draw has none — a family of
m secrets with all |⟨w_i, w_j⟩| < ρ₀ exists.  :func:`packing_size` returns the largest such m, with the
inequality m(m - 1)p̄ < 2 certified for the upper bound p̄ of p (arb, with log-gamma for c_n).  With
ρ₀ = n^{-1/4} this is m = exp(Ω(√n)) (SPEC Q3: m = exp(Ω(n^c)) at |ρ| ≤ n^{(c-1)/2}, c = ½).

The members are therefore known to *exist*; :meth:`PancakeFamily.member` returns seeded random draws
(which satisfy the packing with probability ≥ 1 - C(m, 2)p), not certified members.

>>> fam = PancakeFamily(beta="0.1")
>>> prof = fam.correlation_profile(64, dps=15)
>>> prof.kind, prof.size == fam.family_size(64), prof.orbits[0].pairs == prof.size * (prof.size - 1)
('chi', True, True)
"""

from __future__ import annotations

import math
from fractions import Fraction

import sympy as sp
from flint import arb, ctx, fmpq

from ...core.markup import clip
from ...distributions.clwe import HomogeneousCLWE
from ...errors import DomainError, ResourceLimit
from ...verdict import Status, Verdict
from ..protocol import Construction, CorrelationProfile, Display, Orbit
from .conventions import check_positive
from .pairs import pair_correlation
from .pancakes import chi_square

__all__ = ["PancakeFamily", "packing_size", "pair_tail_bound", "default_rho0"]

#: the largest log(m) for which the family size is returned as an exact integer
MAX_LOG_SIZE = 200_000


def default_rho0(n: int) -> Fraction:
    """ρ₀ = 1/⌊n^{1/4}⌋ ≥ n^{-1/4} (a rational, so the bound χ(ρ₀) is exact in its input).

    Parameters
    ----------
    n : int
        The dimension, n ≥ 1.

    Returns
    -------
    Fraction

    Examples
    --------
    >>> default_rho0(64), default_rho0(81)          # ⌊64^{1/4}⌋ = 2, 81^{1/4} = 3
    (Fraction(1, 2), Fraction(1, 3))
    """
    return Fraction(1, max(1, math.isqrt(math.isqrt(n))))


def _check_n(n):
    if isinstance(n, bool) or not isinstance(n, int) or n < 4:
        raise DomainError(f"the packing lemma is used for integer n ≥ 4, got {n!r}")
    return n


def pair_tail_bound(n: int, rho0, *, prec: int = 128) -> arb:
    """An upper bound (an exact arb) on P(|⟨w, w′⟩| ≥ ρ₀) for independent uniform unit vectors (the lemma above).

    p̄ = 2 c_n e^{-(n-3)ρ₀²/2}/((n-3)ρ₀), c_n = Γ(n/2)/(√π Γ((n-1)/2)), rounded up.

    Parameters
    ----------
    n : int
        The dimension, n ≥ 4.
    rho0 : number
        ρ₀, a rational in (0, 1).
    prec : int
        Working precision in bits (default 128).

    Returns
    -------
    arb
        An exact (zero-radius) upper bound.

    Raises
    ------
    DomainError
        If n is not an integer ≥ 4, or ρ₀ is not a rational in (0, 1).

    Examples
    --------
    At n = 4, t = ⟨w, w′⟩ has density (2/π)√(1 - t²); the bound is above the exact tail
    P(|t| ≥ 1/2) = 1/3 - √3/(2π) ≈ 0.0577:

    >>> import math
    >>> float(pair_tail_bound(4, "0.5")) >= 1 / 3 - math.sqrt(3) / (2 * math.pi)
    True
    """
    n = _check_n(n)
    r = Fraction(check_positive(rho0, "rho0"))
    if r >= 1:
        raise DomainError(f"rho0 must be < 1, got {rho0}")
    with ctx.workprec(prec):
        rb = arb(fmpq(r.numerator, r.denominator))
        log_cn = arb(n / 2 if n % 2 == 0 else fmpq(n, 2)).lgamma() - arb.pi().sqrt().log() \
            - arb(fmpq(n - 1, 2)).lgamma()
        log_p = arb(2).log() + log_cn - (n - 3) * rb * rb / 2 - (arb(n - 3) * rb).log()
        return log_p.exp().upper()


def packing_size(n: int, rho0) -> int:
    """The largest m with m(m - 1)·p̄ < 2 (so m secrets with pairwise |⟨w_i, w_j⟩| < ρ₀ exist; exact int, ≥ 1).

    p̄ = :func:`pair_tail_bound`; the inequality is certified in arb at a precision growing with log m.

    Parameters
    ----------
    n : int
        The dimension, n ≥ 4.
    rho0 : number
        ρ₀, a rational in (0, 1).

    Returns
    -------
    int
        Exact.

    Raises
    ------
    DomainError
        As :func:`pair_tail_bound`.
    ResourceLimit
        If log m > ``MAX_LOG_SIZE``.

    Examples
    --------
    >>> m, p = packing_size(64, "0.25"), pair_tail_bound(64, "0.25")
    >>> bool(m * (m - 1) * p < 2), bool((m + 1) * m * p < 2)
    (True, False)
    """
    n = _check_n(n)
    p = pair_tail_bound(n, rho0)
    with ctx.workprec(128):
        log_m = float(((2 / p).log() / 2).mid())
    if log_m > MAX_LOG_SIZE:
        raise ResourceLimit(f"the family has about e^{log_m:.3g} members (more than e^{MAX_LOG_SIZE}); raise rho0's "
                            "decay or lower n")
    bits = max(128, int(log_m * 1.45) + 64)
    with ctx.workprec(bits):
        p = pair_tail_bound(n, rho0, prec=bits)
        two_over_p = 2 / p
        m = max(1, int((((1 + 4 * two_over_p).sqrt() + 1) / 2).floor().unique_fmpz() or 1))
        while m > 1 and not (arb(m) * (m - 1) * p < 2):
            m -= 1
        while arb(m + 1) * m * p < 2:
            m += 1
    return m


class PancakeFamily(Construction):
    """Homogeneous CLWE with m packed secrets (see the module docstring).

    Parameters
    ----------
    beta : number
        β > 0, the noise width (BRST units), exact.
    gamma : callable n -> γ, optional
        Default γ = 2√n (BRST's threshold).
    rho0 : callable n -> ρ₀, optional
        Default :func:`default_rho0` (≈ n^{-1/4}).

    Raises
    ------
    DomainError
        If β is not a positive exact real.

    References
    ----------
    Li, Zadik, Zampetakis, *On the hardness of learning one hidden layer neural networks*, 2024
    (arXiv 2410.03477); Bruna, Regev, Song, Tang, *Continuous LWE* (BRST); Song, Zadik, Bruna
    (SZB, periodic neurons); SPEC §5 and §11.

    Examples
    --------
    >>> fam = PancakeFamily("0.1")
    >>> fam.gamma(16), fam.rho0(16), fam.family_size(16) == packing_size(16, fam.rho0(16))
    (8, Fraction(1, 2), True)
    """

    key = "lzz2024-pancakes"
    paper = "Li–Zadik–Zampetakis 2024 (via Bruna–Regev–Song–Tang 2021 homogeneous CLWE)"
    claims = ("C3", "C4", "Q3")

    def __init__(self, beta, *, gamma=None, rho0=None):
        self.beta = check_positive(beta, "beta")
        self._gamma = gamma or (lambda n: 2 * sp.sqrt(n))
        self._rho0 = rho0 or default_rho0

    def gamma(self, n: int):
        """γ at dimension n (BRST convention).

        Parameters
        ----------
        n : int
            The dimension.

        Returns
        -------
        number
            What the ``gamma`` callable returns (default the exact 2√n).
        """
        return self._gamma(n)

    def rho0(self, n: int):
        """ρ₀ at dimension n, the bound on |⟨w_i, w_j⟩| of the packed secrets.

        Parameters
        ----------
        n : int
            The dimension.

        Returns
        -------
        number
            What the ``rho0`` callable returns (default :func:`default_rho0`).
        """
        return self._rho0(n)

    def family_size(self, n: int) -> int:
        """m = :func:`packing_size` (n, ρ₀(n)): that many secrets with pairwise |⟨w_i, w_j⟩| < ρ₀ exist.

        Parameters
        ----------
        n : int
            The dimension, n ≥ 4.

        Returns
        -------
        int
            Exact.

        Raises
        ------
        DomainError, ResourceLimit
            As :func:`packing_size`.
        """
        return packing_size(n, self.rho0(n))

    def member(self, index, n: int):
        """A seeded random draw H_{w,β,γ} (seed = index); see the module docstring for what is certified.

        The secret is uniform on S^{n-1}; the packing holds for m such draws only with probability
        ≥ 1 - C(m, 2)p, so a member is evidence, not a certified element of the family.  β and γ are
        passed as floats.

        Parameters
        ----------
        index : int
            The seed.
        n : int
            The dimension.

        Returns
        -------
        HomogeneousCLWE
        """
        g = self.gamma(n)
        return HomogeneousCLWE(n, float(sp.N(self.beta, 30)), gamma=float(sp.N(g, 30)), seed=int(index))

    def norm2(self, *, dps: int | None = None, algorithm: str = "auto", dist=None, n: int = 4):
        """χ²(p ‖ D_1) at dimension n (the diagonal of the χ-profile; certified).

        Parameters
        ----------
        dps : int, optional
            Decimal digits (None means 30: the value has no exact form, so it is always certified).
        algorithm : str
            Ignored.
        dist : object
            Ignored (the reference is D_1).
        n : int
            The dimension, which sets γ (default 4).

        Returns
        -------
        Enclosure
            Certified (:func:`chi_square`).

        Examples
        --------
        At β = 0.1, n = 16 (γ = 8) χ² equals its γ → ∞ limit 1/(β√2) - 1 = 5√2 - 1 to these digits (SPEC C3):

        >>> PancakeFamily("0.1").norm2(n=16, dps=15).matches("6.071067811865475244")
        True
        """
        return chi_square(self.beta, self.gamma(n), dps=dps or 30)

    def correlation_profile(self, n: int, dist=None, *, dps: int | None = None) -> CorrelationProfile:
        """The χ-profile at dimension n: diagonal χ² (C3), one orbit of all pairs bounded by χ(ρ₀) (C4).

        Parameters
        ----------
        n : int
            The dimension, n ≥ 4.
        dist : object
            Ignored (the reference is D_1).
        dps : int, optional
            Decimal digits of the certified values (None means 20).

        Returns
        -------
        CorrelationProfile
            Kind ``"chi"``, size m = :meth:`family_size`, evidence the CERTIFIED packing lemma.

        Raises
        ------
        DomainError
            If n is not an integer ≥ 4.
        ResourceLimit
            As :func:`packing_size`.
        """
        n = _check_n(n)
        dps = dps or 20
        g, r0 = self.gamma(n), self.rho0(n)
        m = self.family_size(n)
        diag = chi_square(self.beta, g, dps=dps)
        bound = pair_correlation(r0, self.beta, g, dps=dps)
        lemma = Verdict(Status.CERTIFIED, claim="Q3", method="packing lemma (union bound) with a certified tail",
                        evidence=f"C(m,2)·P(|<w,w'>| ≥ {r0}) < 1 for m = {m} at n = {n}",
                        source="lzz2024 family docstring")
        return CorrelationProfile(construction=f"LZZ pancakes(beta={self.beta}, gamma={g})", n=n, size=m,
                                  law="D_1 = N(0, I/(2π))", invariant=f"|<w, w'>| ≤ rho0 = {r0}", diagonal=diag,
                                  orbits=(Orbit(f"|rho| <= {r0}", m * (m - 1), bound=bound),), kind="chi",
                                  evidence=(lemma,))

    # -- display in notebooks (Construction renders this Display as Markdown and LaTeX) -------------------
    def __repr__(self) -> str:
        default_gamma = self._gamma.__qualname__ == "PancakeFamily.__init__.<locals>.<lambda>"
        custom = [name for name, default in (("gamma", default_gamma), ("rho0", self._rho0 is default_rho0))
                  if not default]
        return f"PancakeFamily(beta={clip(self.beta, 30)}" + "".join(f", {c}=…" for c in custom) + ")"

    def _display(self) -> Display:
        return Display(
            "LZZ pancake family", (("β", self.beta),),
            r"\{H_{w_i,\beta,\gamma} : i = 1, \dots, m\},\quad |\langle w_i, w_j\rangle| \le \rho_0\ (i \ne j),"
            r"\quad \chi\text{-correlations against } D_1 = \mathcal{N}(0, I_n/(2\pi))",
            "{H_(w_i,β,γ) : i = 1..m}, |⟨w_i, w_j⟩| ≤ ρ₀ for i ≠ j, χ-correlations against D_1 = N(0, I/(2π))",
            ("γ(n) = 2√n and ρ₀ = 1/⌊n^(1/4)⌋ by default; m from the packing lemma (certified)",
             "members are seeded draws, not certified members (SPEC C3, C4, Q3)"))
