"""Exact Hermite coefficients of activations (SPEC §0.1, H1–H2).

Definition (orthonormal normalisation, the default)::

    c_m(σ) = E[σ(g) h_m(g)],   h_m = He_m / √(m!),   g ~ N(0, 1),

so σ = Σ_m c_m h_m in L²(γ_1) and E[σ(g)²] = Σ_m c_m².  Other normalisations:
``"probabilists"`` gives b_m = E[σ He_m]/m! (σ = Σ b_m He_m) and ``"physicists"``
gives d_m with σ(x) = Σ d_m H_m(x) in L²(e^{-x²} dx).

How it is derived (no table of special cases):

* **piecewise polynomials** (ReLU, leaky ReLU, |t|, sign, step, monomials, their
  combinations, kinks anywhere): on a piece (a, b) with polynomial p, since
  He_m φ = -(He_{m-1} φ)', integrating by parts until p is differentiated away gives

      ∫_a^b p He_m φ = Σ_{j<min(m, deg p + 1)} [p^{(j)} He_{m-1-j} φ]_{b}^{a} + [m ≤ deg p] ∫_a^b p^{(m)} φ,

  which is Stein's identity E[σ^{(m)}(g)] with the distributional derivatives at the
  kinks; the last integral is a truncated Gaussian moment.  Only O(deg p) boundary
  terms remain for large m, so m = 1000 is cheap.
* **erf(αt + β) times a polynomial** (erf, GELU): with κ = (1 + 2α²)^{-1/2},
  D_0 = E[erf(αg+β)] = erf(κβ) and, for i ≥ 1 (generating function of H_r),
  D_i = E[erf^{(i)}(αg+β)] = (2α/√π)(-α)^{i-1} κ^i H_{i-1}(κβ) e^{-κ²β²};
  a polynomial factor q is moved onto the Hermite side by t He_k = He_{k+1} + k He_{k-1}
  and E[He_i(g) F(g)] = E[F^{(i)}(g)].

Anything else raises :class:`~hardverify.errors.NoClosedForm`, which points to
the certified route ``dps=``.

Large degree, one rule: for m ≤ :data:`COMPACT_DEGREE` (1000) the value is the plain number; for
m > COMPACT_DEGREE the same number as a compact form with unevaluated
:class:`~hardverify.core.closed_forms.FactorialProduct` factors (every coefficient of a piecewise polynomial
with its kinks at 0 is a few of them, since He_k(0) = (-1)^{k/2} k!/(2^{k/2} (k/2)!); otherwise only the factor
1/√(m!) or 1/m! is compact).  It prints in a line, ``doit()`` gives the plain number, ``float``/``evalf`` and
``hv.enclose`` evaluate it; ``compact=True``/``False`` forces one form.  A request on the general path whose
estimated running time exceeds :data:`MAX_EXACT_SECONDS` raises ResourceLimit before any work.

>>> import sympy as sp, hardverify as hv
>>> relu = hv.activation("relu")
>>> hermite_coefficient(relu, 4) == -1 / (4 * sp.sqrt(3 * sp.pi))
True
>>> cs = hermite_coefficients(relu, 30)                  # Parseval partial sum < E[ReLU(g)^2] = 1/2
>>> bool(sum(c**2 for c in cs) < sp.Rational(1, 2))
True
>>> c = hermite_coefficient(relu, 20000)                # compact above COMPACT_DEGREE; SPEC H1 sign (-1)^{m/2+1}
>>> str(c)
'-(2**(-19999/2)*factorial(19998)/(factorial(9999)*sqrt(factorial(20000))))/sqrt(pi)'
>>> sp.expand(hermite_coefficient(relu, 10, compact=True).doit()) == hermite_coefficient(relu, 10)
True
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import sympy as sp
from flint import fmpq

from ..core.activations import Activation, activation, t
from ..core.closed_forms import FactorialProduct
from ..core.conventions import NORMALIZATIONS
from ..core.piecewise import split_pieces
from ..errors import NoClosedForm, ResourceLimit
from ..validate import as_choice, as_nonneg_int
from .gaussian import (
    GaussianForm,
    he_values,
    phys_hermite_values,
    to_ring,
    truncated_moments,
)

__all__ = ["hermite_coefficient", "hermite_coefficients", "exact_form", "ExactForm", "NORMALIZATIONS",
           "MAX_EXACT_DEGREE", "COMPACT_DEGREE", "MAX_EXACT_SECONDS"]


#: the largest degree the exact layer accepts (larger requests are refused up front).
MAX_EXACT_DEGREE = 20_000
#: degrees m > COMPACT_DEGREE come as compact forms (FactorialProduct for 1/√(m!), He_k(0)), m ≤ it as plain numbers.
COMPACT_DEGREE = 1_000
#: exact requests whose estimated cost exceeds this many seconds raise ResourceLimit before any work.
MAX_EXACT_SECONDS = 10.0


@dataclass(frozen=True)
class ExactForm:
    """σ = Σ_pieces p_i(t) 1_{(a_i, b_i)}(t) + Σ_j q_j(t) erf(α_j t + β_j) with polynomial p_i, q_j.

    The exactly integrable class of the symbolic layer; :func:`exact_form` builds it or raises
    :class:`~hardverify.errors.NoClosedForm`.

    Parameters
    ----------
    pieces : tuple
        ``((a, b, coeffs), ...)``: the pieces on (a, b) (±oo allowed) with the polynomial's exact
        coefficients, lowest degree first.
    erf_terms : tuple
        ``((q_coeffs, alpha, beta), ...)``: the terms q(t) erf(α t + β), α ≠ 0.

    Examples
    --------
    >>> import hardverify as hv
    >>> exact_form(hv.activation("relu")).pieces                 # 0 on (-oo, 0), t on (0, oo)
    ((-oo, 0, (0,)), (0, oo, (0, 1)))
    >>> exact_form(hv.activation("gelu")).erf_terms[0][1:]       # GELU = t/2 + (t/2) erf(t/√2)
    (sqrt(2)/2, 0)
    """

    pieces: tuple      # ((a, b, coeffs low->high), ...) exact sympy numbers
    erf_terms: tuple   # ((coeffs of q low->high, alpha, beta), ...)


def _poly_coeffs(expr):
    return [sp.sympify(c) for c in reversed(sp.Poly(expr, t).all_coeffs())]


def _affine(arg):
    if not arg.is_polynomial(t):
        return None
    p = sp.Poly(arg, t)
    if p.degree() > 1:
        return None
    cs = _poly_coeffs(arg) + [sp.Integer(0)]
    return cs[1], cs[0]


@functools.lru_cache(maxsize=256)
def exact_form(act: Activation) -> ExactForm:
    """Decompose ``act`` into the exactly integrable class, or raise NoClosedForm.

    Parameters
    ----------
    act : Activation
        The activation.

    Returns
    -------
    ExactForm
        The decomposition (cached).

    Raises
    ------
    NoClosedForm
        If a term is not a polynomial times erf(affine) or a piece is not a polynomial.
    """
    expr = sp.expand(act.expr)
    terms = expr.args if expr.is_Add else (expr,)
    erf_terms, rest = [], []
    for term in terms:
        erfs = term.atoms(sp.erf)
        if not erfs:
            rest.append(term)
            continue
        if len(erfs) == 1:
            (e,) = erfs
            q = sp.simplify(term / e)
            ab = _affine(e.args[0])
            if not q.has(sp.erf) and q.is_polynomial(t) and ab is not None and ab[0] != 0:
                erf_terms.append((tuple(_poly_coeffs(q)), ab[0], ab[1]))
                continue
        raise _no_closed_form(act, f"the term {term} is not a polynomial times erf(affine)")
    pieces = []
    for p in split_pieces(sp.Add(*rest), t):
        if not p.expr.is_polynomial(t):
            raise _no_closed_form(act, f"the piece {p.expr} on ({p.left}, {p.right}) is not a polynomial")
        pieces.append((p.left, p.right, tuple(_poly_coeffs(p.expr))))
    return ExactForm(tuple(pieces), tuple(erf_terms))


def _no_closed_form(act, why):
    return NoClosedForm(
        f"no closed form for the Hermite coefficients of {act.label}: {why}. "
        "Exact results cover piecewise polynomials (kinks anywhere) and polynomial x erf(affine); "
        "ask for a certified enclosure instead with dps=, e.g. hv.hermite_coefficient(act, m, dps=30)"
    )


def _horner(cs, x):
    acc = 0 * x
    for c in reversed(cs):
        acc = acc * x + c
    return acc


def _piece_contributions(a, b, coeffs, ms, acc, he_cache):
    """Add ∫_a^b p He_m φ for m in ``ms`` into the GaussianForms ``acc[m]`` (He values shared via ``he_cache``)."""
    finite = [e for e in (a, b) if e not in (sp.oo, -sp.oo)]
    ring_vals, rational = to_ring(list(coeffs) + finite)
    conv = (lambda v: fmpq(int(v.p), int(v.q))) if rational else (lambda v: v)
    cs = ring_vals[: len(coeffs)]
    derivs = [cs]
    for _ in range(len(cs) - 1):
        prev = derivs[-1]
        derivs.append([k * prev[k] for k in range(1, len(prev))])
    deg = len(cs) - 1
    M = max(ms)
    for e, s in ((a, 1), (b, -1)):
        if e in (sp.oo, -sp.oo):
            continue
        x = conv(e)
        if (e, rational) not in he_cache:
            he_cache[(e, rational)] = he_values(x, max(M - 1, 0))
        H = he_cache[(e, rational)]
        pv = [_horner(d, x) for d in derivs]
        for m in ms:
            if m == 0:
                continue
            tot = 0
            for j in range(min(m - 1, deg) + 1):
                tot = tot + pv[j] * H[m - 1 - j]
            acc[m].add(("phi", e), s * tot)
    low = [m for m in ms if m <= deg]
    if low:
        mom = truncated_moments(a, b, deg, conv)
        for m in low:
            for k, c in enumerate(derivs[m]):
                acc[m].iadd_scaled(mom[k], c)


@functools.lru_cache(maxsize=4096)
def _erf_derivative_mean(alpha, beta, i):
    """D_i = E[d^i/dt^i erf(α t + β) at t = g] (exact)."""
    kappa = 1 / sp.sqrt(1 + 2 * alpha ** 2)
    if i == 0:
        return sp.erf(kappa * beta)
    r = i - 1
    if beta == 0:
        H = sp.Integer(0) if r % 2 else (-1) ** (r // 2) * sp.factorial(r) / sp.factorial(r // 2)
        gauss = sp.Integer(1)
    else:
        H = phys_hermite_values(sp.expand(kappa * beta), r)[r]
        gauss = sp.exp(-kappa ** 2 * beta ** 2)
    return sp.expand(2 * alpha / sp.sqrt(sp.pi) * (-alpha) ** r * kappa ** i * H * gauss)


def _times_t(hcoef: dict) -> dict:
    """t · Σ_k a_k He_k = Σ_k a_k (He_{k+1} + k He_{k-1})."""
    out: dict = {}
    for k, a in hcoef.items():
        out[k + 1] = out.get(k + 1, 0) + a
        if k:
            out[k - 1] = out.get(k - 1, 0) + k * a
    return out


def _erf_contribution(q, alpha, beta, m):
    """E[q(g) erf(αg+β) He_m(g)] exactly."""
    total = sp.Integer(0)
    h = {m: 1}
    for j, qj in enumerate(q):
        if j:
            h = _times_t(h)
        if qj == 0:
            continue
        for i, coef in h.items():
            if coef:
                total += qj * coef * _erf_derivative_mean(alpha, beta, i)
    return total


def _expectations(form: ExactForm, ms) -> dict:
    """E[σ(g) He_m(g)] for m in ms as (GaussianForm, sympy erf part) pairs."""
    acc = {m: GaussianForm() for m in ms}
    he_cache: dict = {}
    for a, b, coeffs in form.pieces:
        _piece_contributions(a, b, coeffs, ms, acc, he_cache)
    out = {}
    for m in ms:
        extra = sp.Integer(0)
        for q, alpha, beta in form.erf_terms:
            extra += _erf_contribution(q, alpha, beta, m)
        out[m] = (acc[m], extra)
    return out


def _factorial_sqrt_parts(m: int) -> tuple[int, int]:
    """(A, B) with m! = A² B and B squarefree (Legendre's formula for each prime ≤ m)."""
    A, B = 1, 1
    for p in sp.sieve.primerange(2, m + 1):
        e, q = 0, p
        while q <= m:
            e += m // q
            q *= p
        A *= p ** (e // 2)
        if e % 2:
            B *= p
    return A, B


def _sqrt_int(n: int) -> sp.Expr:
    """√n for a squarefree n, built without sympy re-factoring n."""
    return sp.Integer(1) if n == 1 else sp.Pow(sp.Integer(n), sp.S.Half, evaluate=False)


def _fast_term(q: fmpq, key, m: int, normalization: str, compact: bool, two_exp=0):
    """q · atom / norm_m for rational q and an atom 1, φ(b) or Φ(b) with rational b.

    ``compact``: 1/norm_m (times 2^two_exp) is a :class:`FactorialProduct`; else the plain √B/(A B).
    """
    if compact:
        e = -sp.S.Half if normalization == "orthonormal" else sp.Integer(-1)
        c = sp.Rational(int(q.p), int(q.q))
        if key == 1:
            return c * FactorialProduct(two_exp, {m: e})
        kind, b = key
        if kind == "Phi":
            return c * FactorialProduct(two_exp, {m: e}) * (1 + sp.erf(b / sp.sqrt(2))) / 2
        gauss = sp.exp(-b ** 2 / 2) if b != 0 else sp.Integer(1)
        return c * FactorialProduct(two_exp - sp.S.Half, {m: e}) * gauss * _INV_SQRT_PI
    if normalization == "orthonormal":
        A, B = _factorial_sqrt_parts(m)            # 1/√(m!) = √B / (A B)
        scale, root = fmpq(1, A * B), B
    else:
        scale, root = fmpq(1, int(sp.factorial(m))), 1
    c = q * scale
    if key == 1:
        return sp.Mul(sp.Rational(int(c.p), int(c.q)), _sqrt_int(root))
    kind, b = key
    if kind == "Phi":
        return sp.Mul(sp.Rational(int(c.p), int(c.q)), _sqrt_int(root), (1 + sp.erf(b / sp.sqrt(2))) / 2)
    # φ(b) = e^{-b²/2}/√(2π);  √root/√2 = √(2 root)/2, and 2·root = 4·(root/2) when root is even
    if root % 2 == 0:
        root = root // 2
    else:
        c, root = c / 2, 2 * root
    gauss = sp.exp(-b ** 2 / 2) if b != 0 else sp.Integer(1)
    return sp.Mul(sp.Rational(int(c.p), int(c.q)), _sqrt_int(root), gauss, _INV_SQRT_PI)


_INV_SQRT_PI = sp.Pow(sp.pi, -sp.S.Half)


def _normalise(pair, m, normalization, compact=False, two_exp=0):
    form, extra = pair
    fast = all(isinstance(v, (fmpq, int)) for v in form.terms.values()) and \
        all(k == 1 or k[1].is_Rational for k in form.terms)
    def scale():
        if compact:
            return FactorialProduct(two_exp, {m: -sp.S.Half if normalization == "orthonormal" else -1})
        return 1 / (sp.sqrt(sp.factorial(m)) if normalization == "orthonormal" else sp.factorial(m))
    if fast:
        terms = [_fast_term(fmpq(v) if isinstance(v, int) else v, k, m, normalization, compact, two_exp)
                 for k, v in form.terms.items() if v != 0]
        main = sp.Add(*terms)
        if extra == 0:
            return main
        return sp.expand(main + extra * scale())
    return sp.expand((form.to_sympy() + extra) * scale())


@functools.lru_cache(maxsize=256)
def _zero_kink_jumps(form: ExactForm):
    """((j, D_j), ...) with D_j = Σ_pieces ±p^{(j)}(0) ≠ 0 when every kink of σ is at 0 and there is no erf term
    (so E[σ He_m] = φ(0) Σ_j D_j He_{m-1-j}(0) for m > deg σ), else None; and deg σ."""
    finite = [e for a, b, _ in form.pieces for e in (a, b) if e not in (sp.oo, -sp.oo)]
    if form.erf_terms or any(e != 0 for e in finite):
        return None
    D: dict = {}
    for a, b, coeffs in form.pieces:
        for e, s in ((a, 1), (b, -1)):
            if e in (sp.oo, -sp.oo):
                continue
            d = list(coeffs)
            for j in range(len(coeffs)):                        # d = p^{(j)}; p^{(j)}(0) = d[0]
                D[j] = D.get(j, 0) + s * d[0]
                d = [i * d[i] for i in range(1, len(d))]
    deg = max(len(cs) - 1 for _, _, cs in form.pieces)
    return tuple((j, sp.sympify(v)) for j, v in sorted(D.items()) if v != 0), deg


def _compact_zero_kinks(form: ExactForm, m: int, normalization: str, two_exp=0):
    """The compact c_m of a piecewise polynomial with all its kinks at 0, or None when σ is not one (or m ≤ deg).

    With φ(0) = 1/√(2π) and He_k(0) = (-1)^{k/2} k!/(2^{k/2} (k/2)!) (k even, 0 for odd k), the boundary sum of
    the module docstring is φ(0) Σ_j D_j He_{m-1-j}(0), D_j = Σ_pieces ±p^{(j)}(0): a few FactorialProducts.
    """
    jumps = _zero_kink_jumps(form)
    if jumps is None or m <= jumps[1]:
        return None
    e_m = -sp.S.Half if normalization == "orthonormal" else sp.Integer(-1)
    terms = []
    for j, d in jumps[0]:
        k = m - 1 - j
        if k % 2:
            continue
        coef = -d if (k // 2) % 2 else d
        fp = FactorialProduct(two_exp - sp.Rational(k + 1, 2), {k: 1, k // 2: -1, m: e_m})
        terms.append(sp.Mul(coef, fp, _INV_SQRT_PI))
    return sp.Add(*terms)


def _resolve(act):
    return activation(act) if not isinstance(act, Activation) else act


def _physicists_activation(act):
    # d_m(σ) = 2^{-m/2} b_m(σ(·/√2))  since  He_m(√2 x) = 2^{-m/2} H_m(x)
    return act.affine(1 / sp.sqrt(2), 0)


def hermite_coefficients(act, m_max: int, *, normalization: str = "orthonormal", compact: bool | None = None) -> list:
    """Exact [c_0, ..., c_{m_max}] (see the module docstring for the definition).

    c_m(σ) = E[σ(g) h_m(g)], h_m = He_m/√(m!), g ~ N(0, 1) (``"orthonormal"``); b_m = E[σ He_m]/m!
    (``"probabilists"``); d_m with σ = Σ d_m H_m in L²(e^{-x²} dx) (``"physicists"``).  SPEC §0.1, H1.

    Parameters
    ----------
    act : Activation or str
        A piecewise polynomial (kinks anywhere) plus polynomial × erf(affine) terms, or a registry name.
    m_max : int
        Largest degree (0 ≤ m_max ≤ 20000).
    normalization : {"orthonormal", "probabilists", "physicists"}
        The basis (see above).
    compact : bool, optional
        None (default): plain numbers for m ≤ COMPACT_DEGREE, compact forms above; True/False forces one.

    Returns
    -------
    list of sympy.Expr
        Exact values (no Floats); compact forms (module docstring) above COMPACT_DEGREE.

    Raises
    ------
    NoClosedForm
        If σ is outside the exactly integrable class; use ``dps=`` instead.
    DomainError
        If ``m_max`` is not a non-negative integer or ``normalization`` is not one of the names above.
    ResourceLimit
        If ``m_max > 20000``, or the estimated running time exceeds MAX_EXACT_SECONDS (use ``dps=``).

    Examples
    --------
    >>> import sympy as sp, hardverify as hv
    >>> cs = hermite_coefficients("relu", 6)
    >>> cs[:4]                                                    # SPEC H2: 1/√(2π), 1/2, 1/(2√π), 0
    [sqrt(2)/(2*sqrt(pi)), 1/2, 1/(2*sqrt(pi)), 0]
    >>> d = hermite_coefficients(hv.t**3, 4, normalization="physicists")    # t³ = (H_3 + 6 H_1)/8
    >>> d, sp.expand(sum(c * sp.hermite(m, hv.t) for m, c in enumerate(d))) == hv.t**3
    ([0, 3/4, 0, 1/8, 0], True)
    """
    act = _resolve(act)
    m_max = as_nonneg_int(m_max, "degree m_max", maximum=MAX_EXACT_DEGREE)
    normalization = as_choice(normalization, NORMALIZATIONS, "normalization")
    ms = list(range(m_max + 1))
    return _coefficients(act, ms, normalization, compact)


def hermite_coefficient(act, m: int, *, normalization: str = "orthonormal", compact: bool | None = None) -> sp.Expr:
    """Exact c_m(σ); see :func:`hermite_coefficients`.

    Parameters
    ----------
    act : Activation or str
        An activation of the exactly integrable class, or a registry name.
    m : int
        The degree, ``0 <= m <= 20000``.
    normalization : {"orthonormal", "probabilists", "physicists"}
        The basis, as in :func:`hermite_coefficients`.
    compact : bool, optional
        None (default): the plain number for m ≤ COMPACT_DEGREE, a compact form above; True/False forces one.

    Returns
    -------
    sympy.Expr
        The exact coefficient (no Floats).

    Raises
    ------
    NoClosedForm
        If σ is outside the exactly integrable class.
    DomainError
        If ``m`` is not a non-negative integer or ``normalization`` is not allowed.
    ResourceLimit
        If ``m > 20000``, or the estimated running time exceeds MAX_EXACT_SECONDS (use ``dps=``).

    Examples
    --------
    >>> import sympy as sp, hardverify as hv
    >>> hermite_coefficient(hv.activation("sign"), 3) == -1 / sp.sqrt(3 * sp.pi)
    True
    >>> hermite_coefficient(hv.activation("erf"), 1) == 2 / sp.sqrt(3 * sp.pi)
    True
    """
    act = _resolve(act)
    m = as_nonneg_int(m, "degree m", maximum=MAX_EXACT_DEGREE)
    normalization = as_choice(normalization, NORMALIZATIONS, "normalization")
    return _coefficients(act, [m], normalization, compact)[0]


def _coefficients(act, ms, normalization, compact=None):
    """The rule: m ≤ COMPACT_DEGREE the plain number, m > COMPACT_DEGREE a compact form; ``compact`` forces one."""
    def is_compact(m):
        return m > COMPACT_DEGREE if compact is None else bool(compact)
    phys = normalization == "physicists"
    form = exact_form(_physicists_activation(act) if phys else act)
    base = "probabilists" if phys else normalization
    out: dict = {}
    for m in ms:
        if is_compact(m):
            v = _compact_zero_kinks(form, m, base, -sp.Rational(m, 2) if phys else 0)
            if v is not None:
                out[m] = v
    rest = [m for m in ms if m not in out]
    if rest:
        _check_cost(act, form, rest)
        vals = _expectations(form, rest)
        for m in rest:
            if is_compact(m):
                out[m] = _normalise(vals[m], m, base, True, -sp.Rational(m, 2) if phys else 0)
            elif phys:
                out[m] = sp.expand(_normalise(vals[m], m, base) * sp.Integer(2) ** sp.Rational(-m, 2))
            else:
                out[m] = _normalise(vals[m], m, base)
    return [out[m] for m in ms]


def _estimated_seconds(form: ExactForm, ms) -> float:
    """Estimated seconds of the general (non-compact) path, a cost model fitted on this code with margin.

    Per distinct finite kink b: the He_k(b) recurrence to degree M (~M² bit operations, slower for larger
    denominators, far slower for irrational b in sympy) plus ~m per coefficient; per erf term and power of t
    in its polynomial, ~m per coefficient (sympy).
    """
    M = max(ms)
    sum_m = sum(max(m, 300) for m in ms)
    points = {e for a, b, _ in form.pieces for e in (a, b) if e not in (sp.oo, -sp.oo)}
    est = 0.0
    for e in points:
        if e.is_Integer:
            per = 0.05
        elif e.is_Rational:
            per = max(1.0, math.log2(abs(int(e.p)) + int(e.q)) / 2)
        else:
            per = 20.0
        est += 2.5e-8 * per * M * M + 3e-7 * sum_m
    for q, _, _ in form.erf_terms:
        est += 2.5e-6 * sum(j + 1 for j, c in enumerate(q) if c != 0) * sum_m
    return est


def _check_cost(act, form, ms):
    est = _estimated_seconds(form, ms)
    if est > MAX_EXACT_SECONDS:
        raise ResourceLimit(
            f"the exact Hermite coefficients of {act.label} up to degree {max(ms)} would take about {est:.0f} s "
            f"(limit {MAX_EXACT_SECONDS:.0f} s): ask for a certified value instead with dps=, e.g. "
            f"hv.hermite_coefficient(act, {max(ms)}, dps=30), or for a lower degree")


def he_expectations(act, m_max: int) -> list:
    """Exact E[σ(g) He_m(g)] for m = 0..m_max, unnormalised and unexpanded.

    The fast input of numeric layers that divide by √(m!) in ball arithmetic (expanding each closed
    form in sympy costs far more than evaluating it, for kinks at irrational points).

    Parameters
    ----------
    act : Activation or str
        An activation of the exactly integrable class.
    m_max : int
        The largest degree, ``0 <= m_max <= 20000``.

    Returns
    -------
    list of sympy.Expr
        The ``m_max + 1`` exact (unexpanded) expectations.

    Raises
    ------
    NoClosedForm
        If σ is outside the exactly integrable class.
    DomainError
        If ``m_max`` is not a non-negative integer.
    ResourceLimit
        If ``m_max > 20000``.

    Examples
    --------
    >>> import sympy as sp
    >>> e = he_expectations("relu", 4)
    >>> c = hermite_coefficients("relu", 4)                      # c_m = E[σ He_m]/√(m!)
    >>> all(sp.simplify(e[m] / sp.sqrt(sp.factorial(m)) - c[m]) == 0 for m in range(5))
    True
    """
    act = _resolve(act)
    ms = list(range(as_nonneg_int(m_max, "degree m_max", maximum=MAX_EXACT_DEGREE) + 1))
    vals = _expectations(exact_form(act), ms)
    return [vals[m][0].to_sympy() + vals[m][1] for m in ms]
