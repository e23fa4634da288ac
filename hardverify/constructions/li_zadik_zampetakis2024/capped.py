"""SPEC C6: the exact ReLU realisation of a periodic neuron on a capped interval [-R, R].

Grid t_j = -R + jh, j = 0..M, M = 2R/h; slopes s_j = (φ(t_{j+1}) - φ(t_j))/h.  Then

    g(t) = φ(t_0) + s_0 ReLU(t - t_0) + Σ_{j=1}^{M-1} (s_j - s_{j-1}) ReLU(t - t_j) - s_{M-1} ReLU(t - t_M)

uses **M + 1 ReLUs** (a real :class:`hardverify.Network` on R¹, plus the constant φ(t_0)), equals the
piecewise-linear interpolant of φ on [-R, R] and is constant outside ("capped").

* :func:`prove_interpolant` proves this **for every φ at once**: the node values φ(t_j) are treated as
  free symbols v_j, every output weight is an exact rational linear form in them, and g(t_i) = v_i is
  checked exactly for every node, with slope Σ_j c_j = 0 beyond t_M (no unit is active left of t_0).
  g is affine between consecutive nodes (its only kinks are the t_j), so this is the whole proof.
* :func:`kink_count` counts the nodes where the slope of g changes (exactly); a width-m ReLU network on R¹
  has at most m kinks, so fewer than that many ReLUs cannot realise g (the one-too-few control).
* The triangle wave T(t) = dist(t, Z) is affine on every [k/2, (k+1)/2], so with h = ½ (R ∈ ½Z) the
  interpolant *is* T on [-R, R]: 4R + 1 ReLUs (:func:`prove_triangle_exact`).
* cos 2π·: sup_{[-R,R]} |g - cos 2π·| ≤ h²/8 · max|φ''| = π²h²/2 (the classical bound
  |f - L| ≤ (t - a)(b - t)/2 · max_{[a,b]} |f''| on each piece), certified piece by piece with arb
  interval evaluation of f'', with a certified lower bound from the midpoint of the piece at a peak.
* Capping tail: for t ~ N(0, s²), E[(g(t) - T(t))²] ≤ ¼·erfc(R/(√2 s)) (|g - T| ≤ ½ off [-R, R]);
  :func:`capping_mse` computes the left side exactly piece by piece (certified), :func:`capping_mse_bound`
  the right.

>>> g = capped_network("triangle", 2, "1/2")
>>> g.width, prove_triangle_exact(2).status.name, kink_count(g)
(9, 'PROVED', 9)
>>> capping_mse(2, 1, dps=10).matches("0.003284"), capping_mse_bound(2, 1, dps=10).matches("0.011375")   # SPEC C6
(True, True)
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import sympy as sp
from flint import arb, fmpq

from ...errors import DomainError, ResourceLimit
from ...networks import Network
from ...verdict import Status, Verdict
from .conventions import check_positive, exact_number
from .series import certify, pm

__all__ = ["CappedInterpolant", "capped_network", "prove_interpolant", "prove_triangle_exact", "kink_count",
           "sup_error", "sup_error_bound", "capping_mse", "capping_mse_bound", "embed", "triangle_wave",
           "MAX_PIECES"]

#: the largest number of pieces M = 2R/h accepted (the network has M + 1 units)
MAX_PIECES = 20_000
SOURCE = "SPEC §5 C6 [DER + VER]"


def triangle_wave(t: Fraction) -> Fraction:
    """T(t) = dist(t, Z), the triangle wave (period 1, values in [0, ½]), exact for a rational t.

    Parameters
    ----------
    t : Fraction
        A rational.

    Returns
    -------
    Fraction

    Examples
    --------
    >>> from fractions import Fraction
    >>> triangle_wave(Fraction(7, 3)), triangle_wave(Fraction(-1, 2))
    (Fraction(1, 3), Fraction(1, 2))
    """
    return abs(t - round(t))


def _phi_value(phi: str, t: Fraction):
    if phi == "triangle":
        return sp.Rational(triangle_wave(t).numerator, triangle_wave(t).denominator)
    return sp.cos(2 * sp.pi * sp.Rational(t.numerator, t.denominator))


@dataclass(frozen=True)
class CappedInterpolant:
    """g = offset + network(t) on R¹ (see the module docstring); ``coeffs`` are the output weights c_j.

    Built by :func:`capped_network`; ``g(t)`` evaluates exactly at a rational t.

    Parameters
    ----------
    phi : str
        ``"triangle"`` or ``"cos"``.
    R : Fraction
        The capping radius.
    h : Fraction
        The grid step.
    nodes : tuple of Fraction
        t_j = -R + jh, j = 0..M.
    values : tuple
        φ(t_j), exact.
    coeffs : tuple
        The output weights c_j (exact).
    network : Network
        The M + 1 ReLUs on R¹ (unit weights, biases -t_j, outputs c_j).
    """

    phi: str
    R: Fraction
    h: Fraction
    nodes: tuple
    values: tuple
    coeffs: tuple
    network: Network

    @property
    def width(self) -> int:
        """M + 1, the number of ReLUs.

        Returns
        -------
        int
        """
        return self.network.width

    @property
    def offset(self):
        """φ(t_0), the constant term.

        Returns
        -------
        sympy number
            Exact.
        """
        return self.values[0]

    def __call__(self, t):
        """g(t), exact for a rational t."""
        tq = Fraction(exact_number(t, "t"))
        return self.offset + sum(c * sp.Rational(*_nd(max(tq - tj, Fraction(0))))
                                 for c, tj in zip(self.coeffs, self.nodes))


def _nd(q: Fraction):
    return q.numerator, q.denominator


def _grid(R, h):
    Rq, hq = check_positive(R, "R"), check_positive(h, "h")
    if not isinstance(Rq, Fraction) or not isinstance(hq, Fraction):
        raise DomainError("R and h must be rational (the grid t_j = -R + jh is exact)")
    M = 2 * Rq / hq
    if M.denominator != 1:
        raise DomainError(f"2R/h must be an integer (the grid must end at R), got 2R/h = {M}")
    if M > MAX_PIECES:
        raise ResourceLimit(f"M = 2R/h = {M} pieces (M + 1 ReLUs) exceeds {MAX_PIECES}; raise h or lower R")
    return Rq, hq, int(M)


def capped_network(phi: str, R, h) -> CappedInterpolant:
    """The M + 1-ReLU capped interpolant of φ ∈ {"triangle", "cos"} (φ(t) = dist(t, Z) or cos 2πt) on [-R, R].

    Parameters
    ----------
    phi : {"triangle", "cos"}
        The periodic function.
    R, h : number
        Positive rationals with 2R/h an integer M ≤ :data:`MAX_PIECES`.

    Returns
    -------
    CappedInterpolant
        Exact weights; ``network`` is a :class:`hardverify.Network` on R¹ with unit weights, biases
        -t_j and outputs c_j.

    Raises
    ------
    DomainError
        If ``phi`` is unknown, R or h is not a positive rational, or 2R/h is not an integer.
    ResourceLimit
        If M > ``MAX_PIECES``.

    Examples
    --------
    The cos interpolant with h = ¼ is linear between the nodes 0 and ¼ (from 1 to 0) and constant
    outside [-R, R]:

    >>> g = capped_network("cos", 1, "1/4")
    >>> g.width, g("0.1"), g(5) == g(1) == 1
    (9, 3/5, True)
    """
    if phi not in ("triangle", "cos"):
        raise DomainError(f"phi must be 'triangle' or 'cos', got {phi!r}")
    Rq, hq, M = _grid(R, h)
    nodes = tuple(-Rq + j * hq for j in range(M + 1))
    vals = tuple(_phi_value(phi, t) for t in nodes)
    hs = sp.Rational(*_nd(hq))
    s = [(vals[j + 1] - vals[j]) / hs for j in range(M)]
    coeffs = tuple([s[0]] + [s[j] - s[j - 1] for j in range(1, M)] + [-s[M - 1]])
    net = Network([[1]] * (M + 1), "relu", outputs=list(coeffs), biases=[-sp.Rational(*_nd(t)) for t in nodes],
                  n=1, name=f"capped {phi} interpolant (R={Rq}, h={hq})")
    return CappedInterpolant(phi, Rq, hq, nodes, vals, coeffs, net)


def prove_interpolant(R, h) -> Verdict:
    """PROVED: for every φ, g(t_i) = φ(t_i) at every node and g is constant outside [-R, R] (linear forms).

    Parameters
    ----------
    R, h : number
        Positive rationals with 2R/h an integer.

    Returns
    -------
    Verdict
        PROVED (exact), or REFUTED naming the failing node.

    Raises
    ------
    DomainError, ResourceLimit
        As :func:`capped_network`.

    Examples
    --------
    >>> v = prove_interpolant(1, "1/4")
    >>> v.status.name, v.data["width"]
    ('PROVED', 9)
    """
    Rq, hq, M = _grid(R, h)
    nodes = [-Rq + j * hq for j in range(M + 1)]
    # output weights as linear forms in the free node values v_0..v_M: {index: Fraction}
    s = [{j + 1: 1 / hq, j: -1 / hq} for j in range(M)]
    sub = lambda a, b: {k: a.get(k, 0) - b.get(k, 0) for k in set(a) | set(b)}
    c = [s[0]] + [sub(s[j], s[j - 1]) for j in range(1, M)] + [{k: -v for k, v in s[M - 1].items()}]
    # g(t_i) = v_0 + t_i C_i - D_i with C_i = Σ_{j<i} c_j, D_i = Σ_{j<i} t_j c_j (forms updated incrementally)
    C, D = {}, {}
    for i, ti in enumerate(nodes):
        form = {k: ti * C.get(k, 0) - D.get(k, 0) for k in set(C) | set(D)}
        form[0] = form.get(0, 0) + 1
        if any(v != (1 if k == i else 0) for k, v in form.items()) or form.get(i, 0) != 1:
            return Verdict(Status.REFUTED, claim="C6", method="exact linear forms in the node values", source=SOURCE,
                           evidence=f"g(t_{i}) ≠ v_{i}")
        for k, v in c[i].items():
            C[k] = C.get(k, 0) + v
            D[k] = D.get(k, 0) + ti * v
    if any(C.values()):
        return Verdict(Status.REFUTED, claim="C6", method="exact linear forms", source=SOURCE,
                       evidence="the slope right of t_M is not 0")
    return Verdict(Status.PROVED, claim="C6", method="exact: output weights as rational linear forms in φ(t_j)",
                   source=SOURCE, params={"R": str(Rq), "h": str(hq)},
                   evidence=f"g(t_i) = φ(t_i) at all {M + 1} nodes for every φ; no unit active left of t_0; "
                            f"slope Σ c_j = 0 right of t_M; {M + 1} ReLUs", data={"width": M + 1})


def kink_count(g: CappedInterpolant) -> int:
    """The number of nodes where g's slope changes (c_j ≠ 0), exact: a lower bound on the ReLUs of any
    one-hidden-layer ReLU network on R¹ equal to g (each unit adds at most one kink).

    Parameters
    ----------
    g : CappedInterpolant
        The interpolant.

    Returns
    -------
    int

    Examples
    --------
    With h = ½, cos 2πt alternates 1, -1, … at the nodes: every node of [-1, 1] is a kink:

    >>> kink_count(capped_network("cos", 1, "1/2"))
    5
    """
    return sum(1 for c in g.coeffs if sp.simplify(c) != 0)


def prove_triangle_exact(R) -> Verdict:
    """PROVED: with h = ½ the capped interpolant equals the triangle wave on [-R, R] (R ∈ ½Z), 4R + 1 ReLUs.

    Parameters
    ----------
    R : number
        A positive multiple of ½.

    Returns
    -------
    Verdict
        PROVED, or REFUTED naming the failing piece.

    Raises
    ------
    DomainError
        If R is not a positive multiple of ½.
    ResourceLimit
        If 4R > ``MAX_PIECES``.

    Examples
    --------
    >>> prove_triangle_exact("3/2").data["width"]         # 4R + 1
    7
    """
    Rq = check_positive(R, "R")
    if not isinstance(Rq, Fraction) or (2 * Rq).denominator != 1:
        raise DomainError(f"R must be a positive multiple of 1/2 (the grid is ½Z), got {R}")
    base = prove_interpolant(Rq, Fraction(1, 2))
    if not base:
        return base
    g = capped_network("triangle", Rq, Fraction(1, 2))
    # every piece [t_i, t_i + ½] is some [k/2, (k+1)/2], where dist(t, Z) is affine; check midpoints too
    bad = [t for t in g.nodes[:-1] if (2 * t).denominator != 1
           or g(t + Fraction(1, 4)) != sp.Rational(*_nd(triangle_wave(t + Fraction(1, 4))))]
    if bad:
        return Verdict(Status.REFUTED, claim="C6", method="exact evaluation", source=SOURCE,
                       evidence=f"g ≠ T at the midpoint of the piece starting at {bad[0]}")
    return Verdict(Status.PROVED, claim="C6", source=SOURCE, params={"R": str(Rq)}, data={"width": g.width},
                   method="exact: interpolation proof + T affine on each [k/2, (k+1)/2]",
                   evidence=f"g = dist(t, Z) on [-{Rq}, {Rq}] with {g.width} = 4R + 1 ReLUs "
                            "(midpoints checked exactly)")


def sup_error_bound(h):
    """π²h²/2 = h²/8 · max|(cos 2πt)''|, the sup-error bound of the cos interpolant (exact sympy).

    Parameters
    ----------
    h : number
        The grid step, a positive exact real.

    Returns
    -------
    sympy.Expr

    Raises
    ------
    DomainError
        If h is not a positive exact real.

    Examples
    --------
    >>> sup_error_bound("1/8")
    pi**2/128
    """
    hq = check_positive(h, "h")
    return sp.pi ** 2 * sp.Rational(*_nd(Fraction(hq))) ** 2 / 2


def sup_error(R, h, *, dps: int = 10):
    """(lower, upper, factor) bracketing sup_{[-R,R]} |g - cos 2π·| for the cos interpolant (certified).

    factor = max over pieces of sup_{piece} |cos 2πt| (arb interval evaluation on each piece, clamped to
    |cos| ≤ 1; an exact ball), upper = π²h²/2 · factor (the per-piece bound h²/8 · sup|f''|), so
    upper ≤ π²h²/2 ⇔ factor ≤ 1; lower = |cos 2πm - (cos 2πa + cos 2πb)/2| at the midpoint m of the piece
    [a, b] where it is largest.

    Parameters
    ----------
    R, h : number
        Positive rationals with 2R/h an integer.
    dps : int
        Decimal digits (default 10).

    Returns
    -------
    tuple of Enclosure
        ``(lower, upper, factor)``, certified.

    Raises
    ------
    DomainError, ResourceLimit
        As :func:`capped_network`.

    Examples
    --------
    The true sup error lies between the certified lower bound and the upper one, which is π²h²/2
    here (some piece reaches |cos| = 1, so factor = 1):

    >>> lo, up, factor = sup_error(1, "1/8")
    >>> bool(lo.ball < up.ball), factor.contains(1), up.contains(sup_error_bound("1/8"))
    (True, True, True)
    """
    Rq, hq, M = _grid(R, h)
    hb = arb(fmpq(*_nd(hq)))

    def factor_and_lower(prec):
        pi = arb.pi()
        fac, lo = arb(0), arb(0)
        for j in range(M):
            a = arb(fmpq(*_nd(-Rq + j * hq)))
            piece = a + hb / 2 + pm(hb / 2)                        # the ball covering [a, a + h]
            c = abs((2 * pi * piece).cos()).upper()
            fac = fac.max(c if c < 1 else arb(1))                   # |cos| ≤ 1
            m = a + hb / 2
            lo = lo.max(abs((2 * pi * m).cos() - ((2 * pi * a).cos() + (2 * pi * (a + hb)).cos()) / 2))
        return fac, lo
    found = {}

    def part(i):
        def compute(prec):
            if prec not in found:
                found[prec] = factor_and_lower(prec)
            return found[prec][i]
        return compute
    factor = certify(part(0), dps)
    lower = certify(part(1), dps)
    upper = certify(lambda prec: arb.pi() ** 2 * hb * hb / 2 * factor.ball, dps)
    return lower, upper, factor


def _gauss_moments(a: arb, b: arb, s: arb):
    """(∫_a^b φ_s, ∫_a^b t φ_s, ∫_a^b t² φ_s) for the N(0, s²) density φ_s (closed forms)."""
    pi = arb.pi()
    r2 = arb(2).sqrt()
    ua, ub = a / s, b / s
    P = lambda u: (1 + (u / r2).erf()) / 2
    d = lambda u: (-u * u / 2).exp() / (2 * pi).sqrt()
    m0 = P(ub) - P(ua)
    m1 = s * (d(ua) - d(ub))
    m2 = s * s * (m0 + ua * d(ua) - ub * d(ub))
    return m0, m1, m2


def capping_mse(R, s, *, dps: int = 20):
    """E[(g(t) - T(t))²], t ~ N(0, s²), g the triangle wave capped at ±R (g = T(±R) outside), certified.

    = 2 ∫_R^∞ (T(t) - T(R))² φ_s(t) dt summed exactly over the affine pieces of T up to L·s, with the rest
    bounded by ¼·erfc(L/√2) (|T - T(R)| ≤ ½).

    Parameters
    ----------
    R : number
        The capping radius, a positive rational.
    s : number
        The standard deviation, a positive rational.
    dps : int
        Decimal digits (default 20).

    Returns
    -------
    Enclosure
        Certified.

    Raises
    ------
    DomainError
        If R or s is not a positive rational.

    Examples
    --------
    The exact error is below the bound of :func:`capping_mse_bound`:

    >>> bool(capping_mse(2, 1, dps=10).ball < capping_mse_bound(2, 1, dps=10).ball)
    True
    """
    Rq = check_positive(R, "R")
    sq = check_positive(s, "s")
    if not isinstance(Rq, Fraction) or not isinstance(sq, Fraction):
        raise DomainError("R and s must be rational here")

    def compute(prec):
        sb = arb(fmpq(*_nd(sq)))
        L = 4
        while (arb(L) / arb(2).sqrt()).erfc() / 4 > arb(10) ** (-dps - 3):
            L += 1
        top = max(Fraction(int(2 * float(L * sq)) + 2, 2), Rq + 1)
        c = arb(fmpq(*_nd(triangle_wave(Rq))))
        total = arb(0)
        a = Rq
        while a < top:
            b = min(Fraction(int(2 * a) + 1, 2), top)                 # next half-integer
            mid = (a + b) / 2
            m = round(mid)                                           # nearest integer on (a, b)
            sign = 1 if mid > m else -1                              # T = t - m (rising) or m - t
            alpha, beta_ = -sign * arb(m) - c, arb(sign)             # T - c = α + βt
            m0, m1, m2 = _gauss_moments(arb(fmpq(*_nd(a))), arb(fmpq(*_nd(b))), sb)
            total += alpha * alpha * m0 + 2 * alpha * beta_ * m1 + beta_ * beta_ * m2
            a = b
        tail = (arb(fmpq(*_nd(top))) / (sb * arb(2).sqrt())).erfc() / 8        # ¼ · P(t > top)
        return 2 * (total + pm(tail))
    return certify(compute, dps)


def capping_mse_bound(R, s, *, dps: int = 20):
    """¼·erfc(R/(√2 s)), certified (SPEC C6's bound on the capping MSE).

    Parameters
    ----------
    R, s : number
        Positive exact reals.
    dps : int
        Decimal digits (default 20).

    Returns
    -------
    Enclosure
        Certified.

    Raises
    ------
    DomainError
        If R or s is not a positive exact real.

    Examples
    --------
    >>> capping_mse_bound(2, 1, dps=10).matches("0.011375")           # ¼ erfc(√2), SPEC C6
    True
    """
    Rq, sq = check_positive(R, "R"), check_positive(s, "s")
    from .series import to_arb
    return certify(lambda prec: (to_arb(Rq, prec) / (to_arb(sq, prec) * arb(2).sqrt())).erfc() / 4, dps)


def embed(g: CappedInterpolant, w, gamma_std, *, n: int | None = None) -> Network:
    """x ↦ g(γ_std⟨w, x⟩) - g.offset on R^d as a :class:`hardverify.Network` (hidden weights γ_std w, biases -t_j).

    ``w`` is a dense exact vector, or a sparse ``{coordinate: value}`` dict with ``n`` (coordinates 1..n);
    unit norm is the caller's choice.  The width is M + 1.

    Parameters
    ----------
    g : CappedInterpolant
        The interpolant.
    w : sequence or dict
        The direction (exact entries).
    gamma_std : number
        γ_std > 0, the common scale of the hidden weights.
    n : int, optional
        The dimension (required for a sparse ``w``).

    Returns
    -------
    Network
        The periodic-neuron approximation on R^n, without the constant ``g.offset``.

    Raises
    ------
    DomainError
        If ``w`` is empty, a sparse ``w`` comes without ``n``, γ_std is not a positive exact real, or
        the rows are invalid (:class:`hardverify.Network`).

    Examples
    --------
    >>> import sympy as sp
    >>> g = capped_network("triangle", 1, "1/2")
    >>> f = embed(g, [1, 0], 2)                  # x ↦ T(2 x_1) on [-1, 1]
    >>> f([sp.Rational(1, 8), 5]) + g.offset, g(sp.Rational(1, 4))
    (1/4, 1/4)
    """
    gs = exact_number(gamma_std, "gamma_std")
    gs = sp.Rational(*_nd(gs)) if isinstance(gs, Fraction) else gs
    if isinstance(w, dict):
        if not w or n is None:
            raise DomainError("a sparse w needs at least one coordinate and the dimension n")
        rows = [dict(w)] * g.width
    else:
        row = list(w)
        if not row:
            raise DomainError("w must be a non-empty vector")
        rows, n = [row] * g.width, len(row) if n is None else n
    return Network(rows, "relu", outputs=list(g.coeffs), biases=list(g.network.biases), scale=gs, n=n,
                   name=f"capped {g.phi} network on R^{n}")
