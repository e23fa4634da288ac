"""Independent references for the enclosure-honesty sweep (tests/test_honesty.py).

Nothing here calls hardverify's numeric or symbolic layers: references are

* closed forms stated in SPEC (H1, H2, H4, F4, G3), evaluated by mpmath;
* exact rational arithmetic (``fractions.Fraction``) for terminating hypergeometric sums;
* ``mpmath.quad`` (tanh-sinh, split at every kink) at twice the working precision.  mpmath shares no
  code with python-flint/Arb.

Random activations are built as a *pair* from the same random choices: a sympy expression (what
hardverify gets) and an mpmath function (what the reference integrates), so the reference never
goes through sympy's printing or lambdify either.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from fractions import Fraction

import mpmath
import sympy as sp
from references import mp_hermite_he

import hardverify as hv

t = hv.t


# ------------------------------------------------------------------------------ random activations
@dataclass
class Act:
    """An activation as (sympy expression, mpmath function, kinks, label)."""

    expr: sp.Expr
    f: object
    kinks: list = field(default_factory=list)        # exact Fractions
    label: str = ""
    smooth_at_0: bool = True          # analytic near 0 (the sphere series route applies)

    def activation(self):
        return hv.activation(self.expr)

    def memo(self, x):
        """σ(x) remembered per (precision, x): the quadratures for several degrees reuse the nodes."""
        cache = self.__dict__.setdefault("_cache", {})
        key = (mpmath.mp.prec, x)
        if key not in cache:
            cache[key] = self.f(x)
        return cache[key]


def _q(rng: random.Random, lo=-2, hi=2, dens=(1, 2, 4, 5)) -> Fraction:
    d = rng.choice(dens)
    return Fraction(rng.randint(lo * d, hi * d), d)


def _nz(rng, lo=-2, hi=2, dens=(1, 2, 4, 5)) -> Fraction:
    while True:
        v = _q(rng, lo, hi, dens)
        if v:
            return v


def _S(q: Fraction):
    return sp.Rational(q.numerator, q.denominator)


class _M:
    """A rational constant evaluated at the *current* mpmath precision each time it is used (an mpf
    made once at 15 digits would make the reference no better than double precision)."""

    __slots__ = ("q",)

    def __init__(self, q: Fraction):
        self.q = q

    def __call__(self):
        return mpmath.mpf(self.q.numerator) / self.q.denominator


def _sigmoid(x):
    return 1 / (1 + mpmath.exp(-x))


def _smooth_term(rng):
    """One analytic term: (expr, f)."""
    a, b, c = _nz(rng), _nz(rng, -1, 1, (1, 2, 4)), _q(rng, -1, 1, (1, 2, 4))
    A, B, C = _S(a), _S(b), _S(c)
    ma, mb, mc = _M(a), _M(b), _M(c)      # call them: ma() is a at the working precision
    kind = rng.choice(["tanh", "erf", "sigmoid", "gauss", "sin", "cos", "softplus", "exp", "atan"])
    if kind == "tanh":
        return A * sp.tanh(B * t + C), lambda x: ma() * mpmath.tanh(mb() * x + mc())
    if kind == "erf":
        return A * sp.erf(B * t + C), lambda x: ma() * mpmath.erf(mb() * x + mc())
    if kind == "sigmoid":
        return A / (1 + sp.exp(-(B * t + C))), lambda x: ma() * _sigmoid(mb() * x + mc())
    if kind == "gauss":
        return A * sp.exp(-B ** 2 * t ** 2), lambda x: ma() * mpmath.exp(-mb() ** 2 * x ** 2)
    if kind == "sin":
        return A * sp.sin(B * t + C), lambda x: ma() * mpmath.sin(mb() * x + mc())
    if kind == "cos":
        return A * sp.cos(B * t + C), lambda x: ma() * mpmath.cos(mb() * x + mc())
    if kind == "softplus":
        return A * sp.log(1 + sp.exp(B * t)), lambda x: ma() * mpmath.log(1 + mpmath.exp(mb() * x))
    if kind == "exp":
        b2 = Fraction(1, rng.choice([2, 4]))
        return A * sp.exp(_S(b2) * t), lambda x: ma() * mpmath.exp(_M(b2)() * x)
    return A * sp.atan(B * t + C), lambda x: ma() * mpmath.atan(mb() * x + mc())


def _poly(rng, max_degree=3):
    cs = [_q(rng, -1, 1, (1, 2, 3, 4)) for _ in range(rng.randint(1, max_degree + 1))]
    expr = sp.Add(*[_S(c) * t ** k for k, c in enumerate(cs)])
    mcs = [_M(c) for c in cs]
    return expr, (lambda x: mpmath.fsum(c() * x ** k for k, c in enumerate(mcs)))


def random_piecewise_polynomial(rng) -> Act:
    """poly + Σ c_i (t - a_i)_+^{j_i} + Σ d_i 1{t > b_i}: kinks and jumps at random rationals."""
    expr, pf = _poly(rng, 2)
    fs, kinks = [pf], []
    for _ in range(rng.randint(1, 3)):
        a, c, j = _q(rng, -2, 2, (1, 2, 4)), _nz(rng), rng.randint(0, 3)
        A, C = _S(a), _S(c)
        ma, mc = _M(a), _M(c)
        if j == 0:
            expr += C * sp.Heaviside(t - A)
            fs.append(lambda x, ma=ma, mc=mc: mc() if x > ma() else mpmath.mpf(0))
        else:
            expr += C * sp.Max(0, t - A) ** j
            fs.append(lambda x, ma=ma, mc=mc, j=j: mc() * (x - ma()) ** j if x > ma() else mpmath.mpf(0))
        kinks.append(a)
    return Act(expr, lambda x: mpmath.fsum(g(x) for g in fs), sorted(set(kinks)), "piecewise polynomial",
               smooth_at_0=all(k != 0 for k in kinks))


def random_smooth(rng) -> Act:
    """A sum of one to three analytic terms plus a low-degree polynomial."""
    expr, pf = _poly(rng, 1)
    fs = [pf]
    for _ in range(rng.randint(1, 3)):
        e, f = _smooth_term(rng)
        expr += e
        fs.append(f)
    return Act(expr, lambda x: mpmath.fsum(g(x) for g in fs), [], "smooth")


def random_mixed(rng) -> Act:
    """A smooth function on one side of a kink and a polynomial on the other (or times a ReLU)."""
    a = _q(rng, -1, 1, (1, 2, 4))
    A, ma = _S(a), _M(a)
    e, f = _smooth_term(rng)
    if rng.random() < 0.5:
        expr = sp.Max(0, t - A) * e
        mf = lambda x: (x - ma()) * f(x) if x > ma() else mpmath.mpf(0)  # noqa: E731
    else:
        p, pf = _poly(rng, 2)
        expr = sp.Piecewise((p, t < A), (e, True))
        mf = lambda x: pf(x) if x < ma() else f(x)  # noqa: E731
    return Act(expr, mf, [a], "mixed", smooth_at_0=a != 0)


NAMED = {
    "relu": (lambda x: max(x, 0), [0]), "abs": (abs, [0]), "sign": (mpmath.sign, [0]),
    "step": (lambda x: mpmath.mpf(1) if x > 0 else mpmath.mpf(0), [0]), "erf": (mpmath.erf, []),
    "sigmoid": (_sigmoid, []), "tanh": (mpmath.tanh, []),
    "gelu": (lambda x: x * (1 + mpmath.erf(x / mpmath.sqrt(2))) / 2, []),
    "softplus": (lambda x: mpmath.log(1 + mpmath.exp(x)), []), "silu": (lambda x: x * _sigmoid(x), []),
    "identity": (lambda x: x, []),
}


def named(name) -> Act:
    f, kinks = NAMED[name]
    act = hv.activation(name)
    return Act(act.expr, f, [Fraction(k) for k in kinks], name, smooth_at_0=not kinks)


def random_activation(rng) -> Act:
    r = rng.random()
    if r < 0.3:
        return named(rng.choice(sorted(NAMED)))
    if r < 0.55:
        return random_piecewise_polynomial(rng)
    if r < 0.85:
        return random_smooth(rng)
    return random_mixed(rng)


# ------------------------------------------------------------------------------ references
class Ref:
    """A reference value with an error estimate (mpmath.quad's own, or a rounding bound for closed forms)."""

    def __init__(self, value, err=None):
        self.value = value
        self.err = err if err is not None else abs(value) * mpmath.mpf(10) ** (-mpmath.mp.dps + 5) + \
            mpmath.mpf(10) ** (-mpmath.mp.dps)

    def __mul__(self, c):
        return Ref(self.value * c, self.err * abs(c))


def _mp(p):
    return mpmath.mpf(p.numerator) / p.denominator if isinstance(p, Fraction) else mpmath.mpf(p)


def _quad(f, points, dps: int) -> Ref:
    """mpmath.quad at ``dps`` digits over consecutive ``points`` (tanh-sinh, exact Fractions or ±inf).

    The error is the larger of mpmath's estimate and 10^{8-dps} ∫|f| (the rounding level of the
    integrand: the estimate alone can miss cancellation, e.g. for a coefficient that is exactly 0).
    """
    with mpmath.workdps(dps):
        pts = [_mp(p) for p in points]
        total, err = mpmath.mpf(0), mpmath.mpf(0)
        for a, b in zip(pts[:-1], pts[1:]):
            if a == b:
                continue
            v, e = mpmath.quad(f, [a, b], error=True, maxdegree=10)
            total += v
            err += e
    with mpmath.workdps(15):
        scale = mpmath.fsum(mpmath.quad(lambda x: abs(f(x)), [a, b]) for a, b in zip(pts[:-1], pts[1:]) if a != b)
    with mpmath.workdps(dps):
        return Ref(total, max(err, scale * mpmath.mpf(10) ** (8 - dps)))


def hermite_reference(act: Act, m: int, dps: int, normalization: str = "orthonormal"):
    """c_m = E[σ(g) He_m(g)]/√(m!) by mpmath.quad, split at the kinks (SPEC §0.1); ``"probabilists"``:
    E[σ He_m]/m!; ``"physicists"``: d_m = ∫ σ H_m e^{-x²} dx / (√π 2^m m!) with mpmath's own H_m."""
    with mpmath.workdps(dps):
        pts = [-mpmath.inf] + sorted(act.kinks) + [mpmath.inf]
        if normalization == "physicists":
            v = _quad(lambda x: act.memo(x) * mpmath.hermite(m, x) * mpmath.exp(-x * x), pts, dps)
            return v * (1 / (mpmath.sqrt(mpmath.pi) * 2 ** m * mpmath.factorial(m)))
        v = _quad(lambda x: act.memo(x) * mp_hermite_he(m, x) * mpmath.npdf(x), pts, dps)
        return v * (1 / (mpmath.sqrt(mpmath.factorial(m)) if normalization == "orthonormal" else mpmath.factorial(m)))


def hermite_closed_form(name: str, m: int, dps: int):
    """SPEC H1/H2 closed forms (evaluated by mpmath), or None."""
    with mpmath.workdps(dps):
        s2pi = mpmath.sqrt(2 * mpmath.pi)

        def he0(r):            # He_r(0) = (-1)^{r/2} (r-1)!! for even r, 0 for odd r
            return mpmath.mpf(0) if r % 2 else (-1) ** (r // 2) * mpmath.fac2(r - 1)

        def relu(mm):
            if mm == 0:
                return 1 / s2pi
            if mm == 1:
                return mpmath.mpf(1) / 2
            return he0(mm - 2) / (s2pi * mpmath.sqrt(mpmath.factorial(mm)))

        def sign(mm):
            if mm % 2 == 0:
                return mpmath.mpf(0)
            j = (mm - 1) // 2
            return mpmath.sqrt(2 / mpmath.pi) * (-1) ** j * mpmath.fac2(2 * j - 1) / mpmath.sqrt(mpmath.factorial(mm))
        if name == "relu":
            return relu(m)
        if name == "sign":
            return sign(m)
        if name == "step":
            return mpmath.mpf(1) / 2 if m == 0 else sign(m) / 2
        if name == "abs":
            return mpmath.sqrt(2 / mpmath.pi) if m == 0 else (mpmath.mpf(0) if m % 2 else 2 * relu(m))
        if name == "identity":
            return mpmath.mpf(1) if m == 1 else mpmath.mpf(0)
    return None


def gegenbauer_exact(n: int, k: int, x: Fraction) -> Fraction:
    """P_k^{(n)}(x) = ₂F₁(-k, k + n - 2; (n-1)/2; (1-x)/2) (DLMF 18.5.9 with C_k^λ(1) normalised away),
    summed exactly — a different formula from hardverify's explicit sum and recurrence."""
    z = (1 - x) / 2
    c = Fraction(n - 1, 2)
    term, total = Fraction(1), Fraction(1)
    for j in range(k):
        term = term * (-k + j) * (k + n - 2 + j) / ((c + j) * (j + 1)) * z
        total += term
    return total


def legendre_mp(n: int, k: int, x):
    """P_k^{(n)}(x) in mpmath by the three-term recurrence F2.1 (SPEC §2)."""
    p0, p1 = mpmath.mpf(1), x
    if k == 0:
        return p0
    for ell in range(1, k):
        p0, p1 = p1, ((2 * ell + n - 2) * x * p1 - ell * p0) / (ell + n - 2)
    return p1


def weight_constant(n: int):
    return mpmath.gamma(mpmath.mpf(n) / 2) / (mpmath.sqrt(mpmath.pi) * mpmath.gamma(mpmath.mpf(n - 1) / 2))


def funk_hecke_reference(act: Act, n: int, k: int, dps: int):
    """μ_k(σ; n) = c_n ∫ σ P_k^{(n)} (1-t²)^{(n-3)/2} dt by mpmath.quad, split at the kinks and, for large n,
    at ±j/√n where the weight concentrates."""
    with mpmath.workdps(dps):
        pts = {Fraction(-1), Fraction(1), Fraction(0)}
        pts |= {kk for kk in act.kinks if -1 < kk < 1}
        if n > 20:
            r = math.isqrt(n)                          # ±j/⌊√n⌋: where the weight concentrates
            pts |= {Fraction(s * j, r) for j in (1, 2, 4, 8, 16, 32, 64) if j < r for s in (1, -1)}
        if n == 2:
            # the weight (1-t²)^{-1/2} is singular at ±1, and 1 - t² at tanh-sinh nodes next to ±1 loses
            # all its digits (the estimate does not see it): integrate in θ, t = cos θ, where
            # μ_k = (1/π) ∫_0^π σ(cos θ) P_k(cos θ) dθ has no singularity; split at θ = arccos(kink)
            thetas = sorted({mpmath.acos(_mp(p)) for p in pts})
            g = lambda th: act.memo(mpmath.cos(th)) * legendre_mp(2, k, mpmath.cos(th))  # noqa: E731
            return _quad(g, thetas, dps) * (1 / mpmath.pi)
        s = mpmath.mpf(n - 3) / 2
        f = lambda x: act.memo(x) * legendre_mp(n, k, x) * (1 - x * x) ** s  # noqa: E731
        return _quad(f, sorted(pts), dps) * weight_constant(n)


def funk_hecke_closed_form(name: str, n: int, k: int, dps: int):
    """SPEC F4 (ReLU, step) and the identities sign = 2 step - 1, |t| = 2 ReLU - t, μ_1(t) = 1/n; or None."""
    with mpmath.workdps(dps):
        N = mpmath.mpf(n)

        def relu(l):
            if l == 0:
                return mpmath.exp(mpmath.loggamma(N / 2) - mpmath.loggamma((N + 1) / 2)) / (2 * mpmath.sqrt(mpmath.pi))
            if l == 1:
                return 1 / (2 * N)
            if l % 2:
                return mpmath.mpf(0)
            q = (l - 2) // 2
            return (-1) ** q * mpmath.exp(mpmath.loggamma(2 * q + 1) + mpmath.loggamma(N / 2) - mpmath.loggamma(q + 1)
                                          - mpmath.loggamma(q + (N + 3) / 2)) / (mpmath.sqrt(mpmath.pi) * 2 ** (2 * q + 2))

        def step(l):
            if l == 0:
                return mpmath.mpf(1) / 2
            if l % 2 == 0:
                return mpmath.mpf(0)
            q = (l - 1) // 2
            return (-1) ** q * mpmath.exp(mpmath.loggamma(2 * q + 1) + mpmath.loggamma(N / 2) - mpmath.loggamma(q + 1)
                                          - mpmath.loggamma(q + (N + 1) / 2)) / (mpmath.sqrt(mpmath.pi) * 2 ** (2 * q + 1))
        lin = 1 / N if k == 1 else mpmath.mpf(0)
        if n < 3:
            return None
        if name == "relu":
            return relu(k)
        if name == "step":
            return step(k)
        if name == "sign":
            return 2 * step(k) - (1 if k == 0 else 0)
        if name == "abs":
            return 2 * relu(k) - lin
        if name == "identity":
            return lin
    return None


def kernel_closed_form(s: str, tau: str, rho, dps: int):
    """SPEC H4 closed forms K_{σ,τ}(ρ) for σ, τ ∈ {relu, sign, step, erf, abs} (mpmath), via the basis
    relu = (|t| + t)/2, step = (1 + sign)/2 and the classical kernels (Sheppard, arc-cosine, Williams)."""
    with mpmath.workdps(dps):
        r = rho
        basis = {  # σ = a·1 + b·t + c·sign + d·|t| + e·erf
            "relu": (0, mpmath.mpf(1) / 2, 0, mpmath.mpf(1) / 2, 0), "abs": (0, 0, 0, 1, 0),
            "sign": (0, 0, 1, 0, 0), "step": (mpmath.mpf(1) / 2, 0, mpmath.mpf(1) / 2, 0, 0), "erf": (0, 0, 0, 0, 1),
        }
        E = {  # E[u(U) v(V)] for the basis functions, corr(U, V) = ρ
            ("1", "1"): 1, ("1", "t"): 0, ("1", "sign"): 0, ("1", "abs"): mpmath.sqrt(2 / mpmath.pi), ("1", "erf"): 0,
            ("t", "t"): r, ("t", "sign"): mpmath.sqrt(2 / mpmath.pi) * r, ("t", "abs"): 0,
            ("t", "erf"): 2 * r / mpmath.sqrt(3 * mpmath.pi),
            ("sign", "sign"): 2 / mpmath.pi * mpmath.asin(r), ("sign", "abs"): 0,
            ("sign", "erf"): 2 / mpmath.pi * mpmath.asin(mpmath.sqrt(2) * r / mpmath.sqrt(3)),
            ("abs", "abs"): 2 / mpmath.pi * (mpmath.sqrt(1 - r * r) + r * mpmath.asin(r)), ("abs", "erf"): 0,
            ("erf", "erf"): 2 / mpmath.pi * mpmath.asin(2 * r / 3),
        }
        names = ["1", "t", "sign", "abs", "erf"]
        total = mpmath.mpf(0)
        for i, ci in enumerate(basis[s]):
            for j, cj in enumerate(basis[tau]):
                if ci and cj:
                    key = (names[i], names[j]) if (names[i], names[j]) in E else (names[j], names[i])
                    total += ci * cj * E[key]
        return total


def ggjkk_reference(name: str, k: int, dps: int):
    """SPEC G3: E[f_S²] = 2^k Σ_j (-1)^j C(k, j) K(1 - 2j/k), with the H4 kernels in mpmath."""
    with mpmath.workdps(dps + int(0.4 * k) + 10):
        v = 2 ** k * mpmath.fsum((-1) ** j * math.comb(k, j) * kernel_closed_form(name, name, 1 - mpmath.mpf(2 * j) / k, dps + 20)
                                 for j in range(k + 1))
    return v
