"""Exact Funk–Hecke eigenvalues μ_k(σ; n) of piecewise-polynomial activations, symbolic in n (SPEC §0.2, F3, F4).

Definition (normalised measure, the default)::

    μ_k(σ; n) = E_{t~ν_n}[σ(t) P_k^{(n)}(t)] = c_n ∫_{-1}^{1} σ(t) P_k^{(n)}(t) (1-t²)^{(n-3)/2} dt,

so E_{y~U_n}[σ(⟨x,y⟩) Y(y)] = μ_k Y(x) for Y ∈ H_k^n (F3).  The surface-measure eigenvalue is
λ_k = |S^{n-1}| μ_k (``measure="surface"``).

How it is derived (generic; no table of activations).  On [-1, 1] a piecewise polynomial is

    σ(t) = p_0(t) + Σ_i Σ_j d_{ij} (t - a_i)_+^j ,     (t - a)_+^j := (t - a)^j 1{t > a},

with p_0 the piece just right of -1, a_i the kinks in (-1, 1) and d_{ij} the Taylor coefficients at a_i
of the jump between the two neighbouring pieces.  Then

* E[t^m P_k] is the closed moment of :func:`~hardverify.symbolic.gegenbauer.legendre_moment` (F2.4);
* for k > j, Rodrigues' formula (F2.2) and j+1 integrations by parts leave a single boundary term at a,
  and (d/dt)^{k-1-j}(1-t²)^{k+(n-3)/2} is itself a Rodrigues expression in dimension n+2j+2::

      μ_k((t-a)_+^j) = j! Γ(n/2) / (√π 2^{j+1} Γ(j+(n+1)/2)) · (1-a²)^{j+(n-1)/2} · P_{k-1-j}^{(n+2j+2)}(a);

* for k ≤ j, k integrations by parts give c_n R_k j!/(j-k)! ∫_a^1 (t-a)^{j-k} (1-t²)^{k+(n-3)/2} dt,
  a Beta function at a = 0 and an incomplete one otherwise (elementary for integer n, a
  hypergeometric ₂F₁ for symbolic n).

Every result is r_0 + r_1·A_n with A_n = Γ(n/2)/(√π Γ((n+1)/2)) (``half_gamma_ratio``); for kinks at 0
and integer n both r_0 and r_1 are rationals, so μ_k is rational (odd n) or rational + rational/π
(even n).  For example μ_2(ReLU; 3) = 1/16 and μ_6(ReLU; 7) = 1/2048 (SPEC F4, V10, V10d).

Large n.  A_n as a plain rational has ~0.6 n digits, so for integer n > 1000
(:data:`~hardverify.symbolic.gegenbauer.COMPACT_DIMENSION`) or k > 200 (``COMPACT_DEGREE``) the same number is
returned as the compact closed form r_0 + r_1·Γ(n/2)/(√π Γ((n+1)/2)) — for kinks at 0 and k beyond the degree of
σ a single Γ term (:mod:`~hardverify.symbolic.funk_hecke_tail`) — the Γ ratio an unevaluated
:class:`~hardverify.core.closed_forms.GammaRatio` (``compact=`` forces either form).  It prints in a line at
n = 10³⁰, ``doit()`` gives the plain number, ``float``/``evalf`` are correct at any n and ``hv.enclose`` certifies
it.  The rationals r_0, r_1 grow to ~k log₂ n bits; the derivation estimates its time first and raises
:class:`~hardverify.errors.ResourceLimit` beyond :data:`MAX_EXACT_SECONDS`.

>>> import hardverify as hv
>>> [funk_hecke(hv.activation("relu"), 3, k) for k in range(9)]                 # SPEC F4 table, n = 3
[1/4, 1/6, 1/16, 0, -1/96, 0, 1/256, 0, -1/512]
>>> funk_hecke(hv.activation("step"), 4, 3)                                       # SPEC V10c
-2/(15*pi)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import sympy as sp
from flint import arb, ctx, fmpq

from ..core.activations import Activation, activation
from ..core.conventions import MEASURES
from ..errors import NoClosedForm, ResourceLimit
from ..validate import as_choice, as_nonneg_int
from .funk_hecke_tail import tail_degree, tail_term
from .gegenbauer import (
    MAX_EXACT_DEGREE,
    _dim,
    _half_gamma_ratio_q,
    _rising,
    half_gamma_ratio,
    legendre_moment,
    legendre_values,
    sphere_area,
    use_compact,
)
from .hermite import exact_form

__all__ = ["funk_hecke", "funk_hecke_eigenvalues", "EigenForm", "eigen_forms", "kink_jets", "KinkJets", "MEASURES",
           "MAX_EXACT_SECONDS", "estimated_seconds"]



# ------------------------------------------------------------------------------ the value type
@dataclass(frozen=True)
class EigenForm:
    """An exact value r0 + r1·A_n, A_n = Γ(n/2)/(√π Γ((n+1)/2)); r0, r1 are fmpq or sympy numbers.

    The exact derivation of :func:`eigen_forms` produces every Funk–Hecke eigenvalue in this form; the
    certified layer encloses it without going through sympy (:meth:`to_arb`).

    Parameters
    ----------
    r0, r1 : flint.fmpq, int or sympy.Expr
        The rational (or symbolic-in-n) parts.
    n : int or sympy.Expr
        The dimension.

    Examples
    --------
    >>> f = eigen_forms("relu", 3, 2)[2]                   # μ_2(ReLU; 3) = A_3/8 with A_3 = 1/2
    >>> f.r0, f.r1, f.to_sympy()
    (0, 1/8, 1/16)
    """

    r0: object
    r1: object
    n: object

    def to_sympy(self, compact=None) -> sp.Expr:
        """The exact value r0 + r1·A_n as a sympy expression; ``compact`` is the size rule of :func:`use_compact`.

        For integer n and rational parts: a rational (odd n) or rational + rational/π (even n), or — when the
        size rule picks the compact form — r0 + r1·Γ(n/2)/(√π Γ((n+1)/2)) with an unevaluated
        :class:`~hardverify.core.closed_forms.GammaRatio` (an exact 0 when the two terms cancel, decided by
        :meth:`to_arb_checked_zero`).  Otherwise the expanded expression (integer n) or factored parts in n
        (a Symbol).

        Parameters
        ----------
        compact : bool or None
            None: the size rule (compact for n > ``COMPACT_DIMENSION`` = 1000); True/False force a form
            (False raises ResourceLimit above n = 10⁷).

        Returns
        -------
        sympy.Expr
            The exact value; both forms are the same number.

        Raises
        ------
        DomainError
            If ``compact`` is not True, False or None.
        ResourceLimit
            If ``compact=False`` at n > :data:`~hardverify.symbolic.gegenbauer.MAX_RATIONAL_DIMENSION`.

        Examples
        --------
        >>> f = eigen_forms("relu", 4, 2)[2]                   # μ_2(ReLU; 4) = 2/(15π) (SPEC V10)
        >>> f.to_sympy(), f.to_sympy(compact=True).doit() == f.to_sympy()
        (2/(15*pi), True)
        """
        n = self.n
        if isinstance(n, int) and isinstance(self.r0, fmpq) and isinstance(self.r1, fmpq):
            if self.r1 == 0:
                return _sym(self.r0)
            if use_compact(n, compact):                 # r0 + r1 Γ(n/2)/(√π Γ((n+1)/2)), unevaluated
                if self._may_cancel() and self.to_arb_checked_zero():
                    return sp.Integer(0)
                return _sym(self.r0) + _sym(self.r1) * half_gamma_ratio(n, compact=True)
            q = self.r1 * _half_gamma_ratio_q(n)        # A_n = q_n (odd n) or q_n/π (even n)
            if n % 2:
                return _sym(self.r0 + q)
            return _sym(self.r0) + _sym(q) / sp.pi
        r0, r1 = (_sym(v) for v in (self.r0, self.r1))
        if isinstance(n, int):
            return sp.expand(r0 + r1 * half_gamma_ratio(self.n, compact=compact))
        return sp.factor(r0) + sp.factor(r1) * half_gamma_ratio(self.n)

    def _may_cancel(self) -> bool:
        """r0 + r1 A_n can vanish with r0, r1 ≠ 0 only for odd n (A_n rational) and opposite signs."""
        return self.n % 2 == 1 and self.r0 != 0 and (self.r0 > 0) != (self.r1 > 0)

    def to_arb_checked_zero(self) -> bool:
        """Whether r0 + r1·A_n = 0 exactly (integer n, rational parts): a ball first, the exact A_n only if needed.

        The value is enclosed at 128 bits (:meth:`to_arb`); a ball without 0 proves it non-zero.  Only when the
        ball contains 0 is the exact test r0 + r1·q_n = 0 made, q_n the rational part of A_n (A_n = q_n for odd
        n, q_n/π for even n; at even n a non-zero r0 = -r1·q_n gives r0(1 - 1/π), whose ball excludes 0).

        Returns
        -------
        bool
            True iff the value is exactly 0 (a proof either way).

        Raises
        ------
        ResourceLimit
            If the ball contains 0 at n > :data:`~hardverify.symbolic.gegenbauer.MAX_RATIONAL_DIMENSION` (the
            exact A_n is not built there).

        Examples
        --------
        >>> from flint import fmpq
        >>> [EigenForm(fmpq(-1, 2), fmpq(1), n).to_arb_checked_zero() for n in (3, 4, 5)]   # A_3 = 1/2, A_5 = 3/8
        [True, False, False]
        """
        from flint import ctx
        with ctx.workprec(128):
            if not self.to_arb().contains(0):
                return False
        return self.r0 + self.r1 * _half_gamma_ratio_q(self.n) == 0

    def to_arb(self) -> arb:
        """A ball at the ambient flint precision (integer n only).

        Returns
        -------
        flint.arb
            A ball containing r0 + r1·A_n (A_n by log-Gamma in ball arithmetic).

        Examples
        --------
        >>> from flint import ctx
        >>> with ctx.workprec(80):
        ...     print(eigen_forms("relu", 4, 2)[2].to_arb().overlaps(2 / (15 * arb.pi())))   # μ_2(ReLU; 4) = 2/(15π)
        True
        """
        from ..core.arbeval import enclose_constant
        n = self.n
        # lgamma of n/2 ~ (n/2) log n loses about log2(n log n) bits to cancellation: guard bits as the router's
        with ctx.workprec(ctx.prec + 2 * int(n).bit_length() + 16):
            A = ((arb(n) / 2).lgamma() - (arb(n + 1) / 2).lgamma()).exp() / arb.pi().sqrt()
            parts = []
            for v in (self.r0, self.r1):
                if isinstance(v, fmpq):
                    parts.append(arb(v))
                elif isinstance(v, int):
                    parts.append(arb(v))
                else:
                    parts.append(enclose_constant(v))
            return parts[0] + parts[1] * A

    def is_zero(self) -> bool:
        """True if both parts are exactly zero (a proved zero eigenvalue).

        Returns
        -------
        bool
            True if r0 = r1 = 0 exactly (then the eigenvalue is 0).
        """
        return _sym(self.r0) == 0 and _sym(self.r1) == 0


def _sym(v):
    if isinstance(v, fmpq):
        return sp.Rational(int(v.p), int(v.q))
    return sp.sympify(v)


# ------------------------------------------------------------------------------ decomposition
@dataclass(frozen=True)
class KinkJets:
    """σ on [-1, 1] as p_0(t) + Σ_i Σ_j d_ij (t - a_i)_+^j (exact sympy numbers).

    Parameters
    ----------
    base : tuple of sympy numbers
        The coefficients of p_0 (the piece just right of -1), lowest degree first.
    kinks : tuple
        ``((a_i, (d_i0, d_i1, ...)), ...)``: each kink a_i in (-1, 1) with the Taylor coefficients at a_i
        of the jump between its two neighbouring pieces.

    Examples
    --------
    >>> import hardverify as hv
    >>> kink_jets(hv.activation("relu").affine(1, -1 / 2))         # ReLU(t - 1/2) = (t - 1/2)_+
    KinkJets(base=(0,), kinks=((1/2, (0, 1)),))
    """

    base: tuple     # coefficients of p_0, low -> high
    kinks: tuple    # ((a_i, (d_i0, d_i1, ...)), ...)


def _no_closed_form(act, why):
    return NoClosedForm(
        f"no closed form for the Funk–Hecke eigenvalues of {act.label}: {why}. Exact results cover "
        "piecewise polynomials (kinks anywhere); ask for a certified enclosure with dps=, "
        "e.g. hv.funk_hecke(act, n, k, dps=30)"
    )


@functools.lru_cache(maxsize=256)
def kink_jets(act: Activation) -> KinkJets:
    """The decomposition used by :func:`funk_hecke` (NoClosedForm outside piecewise polynomials).

    Parameters
    ----------
    act : Activation
        The activation.

    Returns
    -------
    KinkJets
        The exact decomposition on [-1, 1] (kinks outside (-1, 1) do not appear).

    Raises
    ------
    NoClosedForm
        If σ is not a piecewise polynomial (a non-polynomial piece, or erf terms).
    """
    try:
        form = exact_form(act)
    except NoClosedForm:
        raise _no_closed_form(act, "a piece is not a polynomial") from None
    if form.erf_terms:
        raise _no_closed_form(act, "it has erf terms (no elementary Funk–Hecke transform)")
    pieces = form.pieces
    one = sp.Integer(1)
    base = next(cs for a, b, cs in pieces if bool(a <= -one) and bool(b > -one))
    kinks = []
    for (_a0, b0, left), (_a1, _b1, right) in zip(pieces, pieces[1:]):
        x = b0
        if not (bool(x > -one) and bool(x < one)):
            continue
        size = max(len(left), len(right))
        jump = [(right[i] if i < len(right) else 0) - (left[i] if i < len(left) else 0) for i in range(size)]
        # Taylor coefficients at x of the jump polynomial: d_j = Σ_{m ≥ j} C(m, j) Δ_m x^{m-j}
        d = [sp.expand(sum(sp.binomial(m, j) * jump[m] * x ** (m - j) for m in range(j, size)))
             for j in range(size)]
        while d and d[-1] == 0:
            d.pop()
        if d:
            kinks.append((x, tuple(d)))
    return KinkJets(tuple(sp.sympify(c) for c in base), tuple(kinks))


# ------------------------------------------------------------------------------ the pieces of μ_k
def _num(n):
    """The dimension in the ring of the fast path: fmpq for integer n, the Symbol otherwise."""
    return fmpq(n) if isinstance(n, int) else n


def _plus(x, y):
    """x + y, in fmpq when both are rational (fast path), else in sympy."""
    if isinstance(x, fmpq) and isinstance(y, fmpq):
        return x + y
    return _sym(x) + _sym(y)


def _ring(v, n):
    """An exact rational as fmpq when n is an integer (else unchanged sympy)."""
    v = sp.sympify(v)
    if isinstance(n, int) and v.is_Rational:
        return fmpq(int(v.p), int(v.q))
    return v


def _moment_part(n, base, K, acc):
    """Σ_m p0_m E[t^m P_k] into acc[k][0] (rational in n; SPEC F2.4)."""
    for k in range(min(K, len(base) - 1) + 1):
        for m in range(k, len(base), 2):
            if base[m] != 0:
                acc[k][0] = _plus(acc[k][0], _ring(base[m], n) * _ring(legendre_moment(n, k, m), n))


def _zero_kink_part(n, j, d, K, acc):
    """d · μ_k((t)_+^j) for k = 0..K into acc (kink at 0; closed Beta/Gegenbauer values)."""
    N = _num(n)
    d = _ring(d, n)
    half, halfp = N / 2, (N + 1) / 2
    fj = sp.factorial(j) if not isinstance(n, int) else fmpq(int(sp.factorial(j)))
    for k in range(min(j, K) + 1):            # k ≤ j: Beta functions, r = j - k
        r = j - k
        c = fj / (fmpq(int(sp.factorial(r))) if isinstance(n, int) else sp.factorial(r)) / 2 ** (k + 1)
        if r % 2 == 0:
            c = c * int(sp.factorial2(r - 1)) / 2 ** (r // 2) / _rising(half, k + r // 2)
            acc[k][0] = _plus(acc[k][0], d * c)
        else:
            c = c * int(sp.factorial((r - 1) // 2)) / _rising(halfp, k + (r - 1) // 2)
            acc[k][1] = _plus(acc[k][1], d * c)
    if K <= j:
        return
    # k > j: j! A_n / (2^{j+1} ((n+1)/2)_j) · P_{k-1-j}^{(n+2j+2)}(0)
    pre = d * fj / (2 ** (j + 1) * _rising(halfp, j))
    dim = N + 2 * j + 2
    p0 = 1 if isinstance(n, int) else sp.Integer(1)       # P_m^{(dim)}(0), m = k - 1 - j, even m only
    for k in range(j + 1, K + 1):
        m = k - 1 - j
        if m % 2:
            continue
        if m:
            p0 = -p0 * (m - 1) / (dim - 1 + m - 2)
        acc[k][1] = _plus(acc[k][1], pre * p0)


def _incomplete(n, a, i, s):
    """K_i(s) = ∫_a^1 t^i (1-t²)^s dt (exact; s = k + (n-3)/2)."""
    if isinstance(n, int):
        return _incomplete_int(a, i, s)
    ip = sp.Rational(i + 1, 2)
    full = sp.gamma(ip) * sp.gamma(s + 1) / (2 * sp.gamma(s + 1 + ip))
    return full - a ** (i + 1) / (i + 1) * sp.hyper([-s, ip], [ip + 1], a ** 2)


@functools.lru_cache(maxsize=4096)
def _incomplete_int(a, i, s):
    """K_i(s) for integer n: K_0 by the reduction ∫(1-t²)^s = [t(1-t²)^s + 2s ∫(1-t²)^{s-1}]/(2s+1) run upward
    from K_0(0) = 1 - a or K_0(-1/2) = π/2 - asin a; K_1 = (1-a²)^{s+1}/(2(s+1)); K_i from K_{i-2} by parts."""
    w = 1 - a ** 2
    if i == 0:
        half = s - sp.floor(s)
        cur = (1 - a) if half == 0 else (sp.pi / 2 - sp.asin(a))
        step = half if half == 0 else half - 1            # the base exponent: 0 or -1/2
        while step < s:
            step += 1
            cur = sp.expand((-a * w ** step + 2 * step * cur) / (2 * step + 1))
        return cur
    if i == 1:
        return sp.expand(w ** (s + 1) / (2 * (s + 1)))
    return sp.expand((a ** (i - 1) * w ** (s + 1) + (i - 1) * _incomplete_int(a, i - 2, s)) / (i + 2 * s + 1))


#: the largest integer n for exact eigenvalues with a kink a ≠ 0 (they contain (1-a²)^{(n-1)/2}).
MAX_KINK_DIMENSION = 2000


def _general_kink_part(n, a, j, d, K, acc):
    """d · μ_k((t-a)_+^j) for k = 0..K, a ≠ 0 (sympy arithmetic), into acc."""
    if isinstance(n, int) and n > MAX_KINK_DIMENSION:
        raise NoClosedForm(
            f"exact Funk–Hecke eigenvalues with a kink at {a} ≠ 0 are built for n ≤ {MAX_KINK_DIMENSION} (they "
            f"contain (1 - a²)^((n-1)/2), a number with ~n digits); use a symbolic n, or dps= for a certified "
            "enclosure")
    nn = sp.sympify(n)
    for k in range(min(j, K) + 1):
        # c_n R_k = A_n ((n-1)/2) / (2^k ((n-1)/2)_k);  μ = c_n R_k j!/(j-k)! Σ_i C(r,i)(-a)^{r-i} K_i(s)
        r, s = j - k, k + (nn - 3) / 2
        T = sum(sp.binomial(r, i) * (-a) ** (r - i) * _incomplete(n, a, i, s) for i in range(r + 1))
        c = (nn - 1) / 2 / (2 ** k * _rising((nn - 1) / 2, k)) * sp.factorial(j) / sp.factorial(r)
        acc[k][1] = _plus(acc[k][1], d * c * T)
    if K <= j:
        return
    dim = nn + 2 * j + 2
    pre = d * sp.factorial(j) / (2 ** (j + 1) * _rising((nn + 1) / 2, j)) * (1 - a ** 2) ** (j + (nn - 1) / 2)
    vals = legendre_values(int(dim) if isinstance(n, int) else dim, K - 1 - j, a)
    for k in range(j + 1, K + 1):
        acc[k][1] = _plus(acc[k][1], pre * vals[k - 1 - j])


#: the time budget of one exact derivation (estimated before it starts; see :func:`estimated_seconds`).
MAX_EXACT_SECONDS = 10.0
#: conservative rates, in (degree² × bits of n) per second, of the fmpq recurrences (kinks at 0, rational jumps;
#: measured: K = 10⁴ at n = 10³⁰, 10¹⁰ units, in 1.7 s) and of the sympy arithmetic of other kinks (measured:
#: K = 1000 at n = 1000, 10⁷ units, in 2.8 s), on a shared 2-core machine.
_UNITS_PER_SECOND = 3.0e9
_SYMPY_UNITS_PER_SECOND = 3.0e6


def estimated_seconds(n, K: int, jets: KinkJets) -> float:
    """Estimated time of :func:`eigen_forms` at integer n: the rational parts grow to ~K log₂ n bits and each
    of the ~K steps of every kink term costs their size, so about K² log₂ n per term (fmpq for kinks at 0 with
    rational jumps, sympy otherwise).

    The estimate is K² · bitlength(n) · (fast/3·10⁹ + slow/3·10⁶) seconds, with ``fast`` = 1 + ⌊(deg p_0 + 1)/4⌋ plus
    one per non-zero jet coefficient at a kink at 0 with a rational value, and ``slow`` one per other non-zero
    jet coefficient (rates measured on a shared 2-core machine; a conservative estimate, not a bound).

    Parameters
    ----------
    n : int or sympy.Expr
        The dimension; a Symbol gives 0 (the symbolic derivation is not limited by time).
    K : int
        The largest degree.
    jets : KinkJets
        The decomposition of σ (:func:`kink_jets`).

    Returns
    -------
    float
        Seconds; :func:`eigen_forms` refuses above :data:`MAX_EXACT_SECONDS`.

    Examples
    --------
    >>> import hardverify as hv
    >>> jets = kink_jets(hv.activation("relu"))
    >>> estimated_seconds(10**30, 10**4, jets) < MAX_EXACT_SECONDS < estimated_seconds(10**30, 2 * 10**4, jets)
    True
    """
    if not isinstance(n, int):
        return 0.0
    fast = 1 + len(jets.base) // 4
    slow = 0
    for a, ds in jets.kinks:
        for d in ds:
            if d != 0:
                if a == 0 and d.is_Rational:
                    fast += 1
                else:
                    slow += 1
    units = K * K * max(1, n.bit_length())
    return units * (fast / _UNITS_PER_SECOND + slow / _SYMPY_UNITS_PER_SECOND)


def eigen_forms(act, n, k_max: int) -> list[EigenForm]:
    """[μ_0, ..., μ_{k_max}] as :class:`EigenForm` values (the exact derivation, before simplification).

    The derivation of the module docstring for the normalised measure: each μ_k = r0 + r1·A_n with
    A_n = Γ(n/2)/(√π Γ((n+1)/2)) (fmpq parts for integer n and kinks at 0 with rational jumps, sympy
    otherwise).  Its time is estimated first (:func:`estimated_seconds`).

    Parameters
    ----------
    act : Activation or str
        A piecewise polynomial (kinks anywhere), or its registry name.
    n : int or sympy.Expr
        The dimension, ``n >= 2``, or a positive-integer Symbol.
    k_max : int
        The largest degree, ``0 <= k_max <= 20000``.

    Returns
    -------
    list of EigenForm
        ``k_max + 1`` exact forms (normalised measure).

    Raises
    ------
    DomainError
        If ``n < 2``, a Symbol is not declared a positive integer, or ``k_max`` is not a non-negative integer.
    NoClosedForm
        If σ is not a piecewise polynomial, or it has a kink a ≠ 0 in (-1, 1) (or a non-rational jump at 0)
        at integer n > :data:`MAX_KINK_DIMENSION` (2000).
    ResourceLimit
        If ``k_max > 20000``, or the estimated time (:func:`estimated_seconds`) exceeds
        :data:`MAX_EXACT_SECONDS`.

    Examples
    --------
    >>> [f.to_sympy() for f in eigen_forms("relu", 3, 4)] == funk_hecke_eigenvalues("relu", 3, 4)
    True
    >>> eigen_forms("relu", 10**30, 20000)
    Traceback (most recent call last):
    ...
    hardverify.errors.ResourceLimit: exact Funk–Hecke eigenvalues of relu up to degree 20000 at n = ... would take ...
    """
    act = act if isinstance(act, Activation) else activation(act)
    n = _dim(n)
    K = as_nonneg_int(k_max, "degree k_max", maximum=MAX_EXACT_DEGREE)
    jets = kink_jets(act)
    if isinstance(n, int) and n > MAX_KINK_DIMENSION:           # refuse before estimating: NoClosedForm, as below
        for a, ds in jets.kinks:
            if any(d != 0 and not (a == 0 and d.is_Rational) for d in ds):
                _general_kink_part(n, a, 0, sp.Integer(1), 0, None)          # raises the NoClosedForm
    seconds = estimated_seconds(n, K, jets)
    if seconds > MAX_EXACT_SECONDS:
        raise ResourceLimit(
            f"exact Funk–Hecke eigenvalues of {act.label} up to degree {K} at n = {n} would take about {seconds:.0f} s "
            f"(their rational parts have ~{K * n.bit_length():.3g} bits); the limit is MAX_EXACT_SECONDS = "
            f"{MAX_EXACT_SECONDS:g} s: ask for fewer degrees, or a certified value of one degree, "
            f"hv.funk_hecke(act, n, k, dps=30)" + ("" if all(a == 0 for a, _ in jets.kinks) else
                                                   " (kinks away from 0 are the expensive part)"))
    zero = fmpq(0) if isinstance(n, int) else sp.Integer(0)
    acc = [[zero, zero] for _ in range(K + 1)]
    _moment_part(n, jets.base, K, acc)
    for a, ds in jets.kinks:
        for j, d in enumerate(ds):
            if d == 0:
                continue
            if a == 0 and (d.is_Rational or not isinstance(n, int)):
                _zero_kink_part(n, j, d, K, acc)
            else:
                _general_kink_part(n, a, j, d, K, acc)
    return [EigenForm(r0, r1, n) for r0, r1 in acc]


def _finish(form: EigenForm, measure: str, compact=None):
    return _measure(form.to_sympy(compact), form.n, measure, compact)


def _measure(value, n, measure: str, compact=None):
    if measure == "surface":
        area = sphere_area(n, compact=compact)
        value = sp.expand(value * area) if isinstance(n, int) else value * area
    return value


def _rule(n, k: int, compact):
    """``compact`` for degree k: the size rule (None) becomes True for k > COMPACT_DEGREE."""
    return True if compact is None and use_compact(n, None, k) and not use_compact(n, None) else compact


def _values(act, n, K: int, measure: str, compact, only_last: bool = False) -> list:
    """μ_k for k = K (``only_last``) or k = 0..K: one Γ term each (funk_hecke_tail) for kinks at 0 beyond the
    polynomial degree when the compact form is asked for, else the r0 + r1 A_n derivation."""
    act = act if isinstance(act, Activation) else activation(act)
    n = _dim(n)
    ks = [K] if only_last else list(range(K + 1))
    kinks, D = (), None
    if isinstance(n, int):
        jets = kink_jets(act)
        kinks, D = jets.kinks, tail_degree(jets.base, jets.kinks)

    def by_tail(k):
        return D is not None and k > D and use_compact(n, _rule(n, k, compact))

    plain = [k for k in ks if not by_tail(k)]
    head = eigen_forms(act, n, max(plain)) if plain else []
    return [_measure(tail_term(kinks, n, k), n, measure, _rule(n, k, compact)) if by_tail(k)
            else _finish(head[k], measure, _rule(n, k, compact)) for k in ks]


def funk_hecke_eigenvalues(act, n, k_max: int, *, measure: str = "normalized", compact=None) -> list:
    """Exact [μ_0(σ; n), ..., μ_{k_max}(σ; n)] of a piecewise-polynomial σ (see the module docstring).

    μ_k(σ; n) = E_{t~ν_n}[σ(t) P_k^{(n)}(t)] (normalised measure, SPEC §0.2, F3, F4).

    Parameters
    ----------
    act : Activation or str
        A piecewise polynomial (kinks anywhere), or its registry name.
    n : int or sympy.Expr
        The dimension, ``n >= 2``, or a positive-integer Symbol.
    k_max : int
        The largest degree, ``0 <= k_max <= 20000``.
    measure : {"normalized", "surface"}
        ``"surface"`` multiplies by |S^{n-1}| = 2π^{n/2}/Γ(n/2) (the dS eigenvalue λ_k).
    compact : bool or None
        The form of a result at integer n.  The rule (``None``): for n ≤ ``COMPACT_DIMENSION`` = 1000 and
        k ≤ ``COMPACT_DEGREE`` = 200 the plain exact number (a rational, or rational + rational/π for even n;
        A_n's rational has ~0.6 n digits, the parts ~k log₂ n bits); otherwise the *same number* as a compact
        closed form r_0 + r_1·Γ(n/2)/(√π Γ((n+1)/2)) (one Γ term beyond the degree of σ for kinks at 0),
        with the Γ ratio an unevaluated :class:`~hardverify.core.closed_forms.GammaRatio` (and |S^{n-1}| a
        :class:`~hardverify.core.closed_forms.SphereArea`): it prints in a line or two at any n (10³⁰
        included), ``doit()`` gives the plain number, ``float``/``evalf`` evaluate it correctly and
        ``hv.enclose(value, dps)`` certifies it.  ``True``/``False`` force one form (False: ResourceLimit above
        n = 10⁷).  r_0, r_1 are rationals of ~k log₂ n bits either way.

    Returns
    -------
    list of sympy.Expr
        ``k_max + 1`` exact values (rational, or rational + rational/π for even n with kinks at 0;
        expressions in n for a Symbol).

    Raises
    ------
    DomainError
        If ``n < 2``, ``k_max`` is not a non-negative integer, ``measure`` is not allowed, or ``compact`` is not
        True, False or None.
    NoClosedForm
        For activations that are not piecewise polynomials (use ``dps=`` for a certified enclosure), and for a
        kink away from 0 at integer n > :data:`MAX_KINK_DIMENSION`.
    ResourceLimit
        If ``k_max > 20000``, the derivation would take longer than :data:`MAX_EXACT_SECONDS` (estimated up
        front), or the plain form is forced above n = 10⁷.

    Examples
    --------
    >>> import sympy as sp, hardverify as hv
    >>> n = sp.Symbol("n", integer=True, positive=True)
    >>> mu = funk_hecke_eigenvalues(hv.activation("relu"), n, 2)
    >>> sp.simplify(mu[1] - 1 / (2 * n))                                            # SPEC F4: μ_1 = 1/(2n)
    0
    >>> big = funk_hecke_eigenvalues(hv.activation("relu"), 10**30, 2)
    >>> big[2]                                                                      # F4, q = 0: Γ(n/2)/(4√π Γ((n+3)/2))
    (gamma(500000000000000000000000000000)/gamma(1000000000000000000000000000003/2))/(4*sqrt(pi))
    >>> float(big[2] * 10**45), float(1 / sp.sqrt(2 * sp.pi))                      # n^{3/2} μ_2 → 1/√(2π) (F4)
    (0.3989422804014327, 0.3989422804014327)
    """
    measure = as_choice(measure, MEASURES, "measure")
    K = as_nonneg_int(k_max, "degree k_max", maximum=MAX_EXACT_DEGREE)
    return _values(act, n, K, measure, compact)


def funk_hecke(act, n, k: int, *, measure: str = "normalized", compact=None) -> sp.Expr:
    """Exact μ_k(σ; n) (or λ_k with ``measure="surface"``); see :func:`funk_hecke_eigenvalues` (and its size
    rule ``compact``: plain numbers for n ≤ 1000 and k ≤ 200, the compact Γ form otherwise).

    Parameters
    ----------
    act : Activation or str
        A piecewise polynomial (kinks anywhere), or its registry name.
    n : int or sympy.Expr
        The dimension, ``n >= 2``, or a positive-integer Symbol.
    k : int
        The degree, ``0 <= k <= 20000``.
    measure : {"normalized", "surface"}
        As in :func:`funk_hecke_eigenvalues`.
    compact : bool or None
        As in :func:`funk_hecke_eigenvalues`: None the size rule, True/False force the compact Γ form or the
        plain number.

    Returns
    -------
    sympy.Expr
        The exact eigenvalue.

    Raises
    ------
    NoClosedForm, DomainError, ResourceLimit
        As in :func:`funk_hecke_eigenvalues`.

    Examples
    --------
    >>> import hardverify as hv
    >>> funk_hecke(hv.activation("relu"), 7, 6)                                     # SPEC V10d
    1/2048
    >>> funk_hecke(hv.activation("relu"), 3, 2, measure="surface")                  # 4π/16 = π/4 (R–H A_2)
    pi/4
    >>> c = funk_hecke(hv.activation("step"), 11, 3, compact=True)                  # the Γ form at small n ...
    >>> c, c.doit() == funk_hecke(hv.activation("step"), 11, 3)                     # ... is the same number
    (-(gamma(11/2)/gamma(7))/(4*sqrt(pi)), True)
    """
    k = as_nonneg_int(k, "degree k", maximum=MAX_EXACT_DEGREE)
    measure = as_choice(measure, MEASURES, "measure")
    return _values(act, n, k, measure, compact, only_last=True)[0]
