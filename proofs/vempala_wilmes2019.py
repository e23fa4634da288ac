"""VW 2019 claims of SPEC §4 (W1–W5) at growing dimension n, with the three negative controls of issue 11.

Exact where possible: finite-width GD in Q[π, 1/π, arcsin ρ, …] (W1), eigenvalues μ_ℓ from the closed
forms (F4), ranks of rational matrices (W5); certified balls for the analytic activations, for the
kernel route of F5 and for large-n tables.  W4 is stated for correlational (CSQ) queries only (SPEC
§11); the SQ engine is not wired here (see docs/vempala_wilmes2019.md for the call).  Cases that do
not apply (k > n) are left out of the case lists, never "proved".
"""

import functools
import math

import sympy as sp
from flint import arb, ctx

from hardverify import checks
from hardverify.constructions.vempala_wilmes2019 import (
    CertifiedFiniteWidthGD,
    FiniteWidthGD,
    HarmonicTarget,
    random_rational_points,
)
from hardverify.constructions.vempala_wilmes2019.caveat import check_every_degree, never_learned, vanishing_degrees
from hardverify.constructions.vempala_wilmes2019.family import (
    MonomialFamily,
    ZonalFamily,
    dimension_count,
    information_table,
    projected_rank,
)
from hardverify.constructions.vempala_wilmes2019.spectrum import (
    ACTIVATIONS,
    InfiniteWidthGD,
    eigenvalues,
    iteration_count,
    kernel_rate,
    predicted_exponent,
    stability,
    sup_rate,
)
from hardverify.constructions.vempala_wilmes2019.targets import coordinates
from hardverify.distributions import UniformSphere
from hardverify.numeric.enclosure import Enclosure, bits_for_dps, enclose
from hardverify.proofs import claim
from hardverify.sphere import harmonic_dimension, sphere_moment

R = sp.Rational
NS_BIG = [10, 100, 1000, 10 ** 4, 10 ** 5, 10 ** 6]


def weights(n, m):
    pool = [(1,), (0, 1), (R(3, 5), R(4, 5)), (0, R(5, 13), R(12, 13)), (R(-4, 5), 0, R(3, 5))]
    return [tuple(list(w) + [0] * (n - len(w))) for w in pool[:m]]


def eta(n, m, act):
    """η = 1/(m κ(1)) with κ(1) = E[σ²] (ReLU 1/(2n), step 1/2): η λ_max(G) ≤ η tr G = 1, so the loss decreases."""
    return R(2 * n, m) if act == "relu" else R(2, m)


@functools.lru_cache(maxsize=None)
def target(n):
    """Degrees 1–4: zonal at u = (3/5, 0, 4/5, 0, …) for n ≤ 5, multilinear monomials beyond."""
    if n <= 5:
        return HarmonicTarget.zonal(n, {1: 1, 2: 1, 3: 1, 4: 1}, u=tuple([R(3, 5), 0, R(4, 5)] + [0] * (n - 3)))
    return HarmonicTarget.monomials(n, {(1,): 1, (1, 2): 1, (1, 2, 3): 1, (1, 2, 3, 4): 1})


# ---------------------------------------------------------------------------------- W1
@claim("W1", "output-layer GD: r_{t+1} = (I - η m T_m) r_t exactly (loss polynomial differentiated vs the "
             "operator on residual coordinates), loss non-increasing, the ball recurrence agrees with the exact a_t",
       source="SPEC §4 W1 [DER]",
       cases=[{"n": n, "m": m, "act": "relu"} for n in (3, 4, 5, 8, 16) for m in (2, 4)]
             + [{"n": n, "m": m, "act": "step"} for n in (3, 4) for m in (2, 4)],
       note="Weights: the first m of e1, e2, (3/5, 4/5, 0…), (0, 5/13, 12/13, 0…); target of degrees 1–4 "
            "(zonal for n ≤ 5, multilinear monomials beyond); step η = 1/(m E[σ²]) (η λ_max(G) ≤ 1); 4 steps.")
def w1_operator(n, m, act):
    gd = FiniteWidthGD(target(n), weights(n, m), act, eta=eta(n, m, act))
    out = [gd.check_operator_identity(4)]
    for t in range(3):
        out.append(checks.less(gd.loss(t + 1, dps=30), gd.loss(t, dps=30), strict=False))
    out += [checks.consistent(c, e, 25) for c, e in zip(gd.parameters_certified(3, dps=30), gd.parameters(3, dps=30))]
    return out


@claim("W1", "output-layer GD for non-homogeneous σ: r_{t+1} = (I - η m T_m) r_t as an identity for a generic Gram "
             "matrix, with certified Gram entries κ_σ(⟨w_i,w_j⟩; n) and eigenvalues μ_ℓ(σ; n); loss non-increasing",
       source="SPEC §4 W1 [DER + certified data]",
       cases=[{"n": n, "m": m, "act": act} for act in ("sigmoid", "tanh", "erf") for n in (3, 10, 100)
              for m in (2, 3)],
       note="Same weights and target as the exact W1 claim; η = 1/m (|σ| ≤ 1, so η tr G ≤ 1); 4 steps; dps = 25.")
def w1_operator_certified(n, m, act):
    gd = CertifiedFiniteWidthGD(target(n), weights(n, m), act, eta=R(1, m), dps=25)
    out = [gd.check_operator_identity(4)]
    for t in range(3):
        out.append(checks.less(gd.loss(t + 1), gd.loss(t), strict=False))
    return out


# ---------------------------------------------------------------------------------- W2
@claim("W2", "n = 3, target Y_2 + Y_4, ReLU: μ_2 = 1/16, μ_4 = -1/96; ‖Π_ℓ r_t‖² = (1 - η'μ_ℓ²)^{2t}‖Y_ℓ‖² against "
             "the kernel route (certified μ_ℓ(κ)); low degrees first",
       source="SPEC §4 W2 [DER + VER via F5]", sweep={"t": [1, 2, 5, 20]})
def w2_y2_y4(t):
    f = HarmonicTarget.zonal(3, {2: 1, 4: 1}, u=(0, 0, 1))
    gd = InfiniteWidthGD(f, "relu", eta_prime=16)
    out = [checks.exact_equal(gd.mu[2], R(1, 16)), checks.exact_equal(gd.mu[4], R(-1, 96))]
    for ell in (2, 4):
        lam = kernel_rate("relu", 3, ell, dps=25)
        with ctx.workprec(bits_for_dps(25) + 64):
            pred = Enclosure((1 - 16 * lam.ball) ** (2 * t) * arb(int(f.norm2(ell))), 20)
        out.append(checks.agrees(pred, gd.degree_norm2(t, ell)))
    rel2 = gd.degree_norm2(t, 2) / f.norm2(2)
    rel4 = gd.degree_norm2(t, 4) / f.norm2(4)
    out.append(checks.less(rel2, rel4))
    return out


@claim("W2", "F5: the random-feature kernel's Funk–Hecke eigenvalue μ_ℓ(κ) (certified quadrature of κ) contains "
             "μ_ℓ(σ)² (exact)", source="SPEC F5, W2 [DER + VER]",
       sweep={"act": ["relu", "step"], "n": [3, 4, 1000], "ell": [0, 1, 2, 3, 4]})
def w2_kernel(act, n, ell):
    return checks.agrees(kernel_rate(act, n, ell, dps=20), sp.expand(eigenvalues(act, n, ell)[ell] ** 2))


@claim("W2", "stability: η' = 1/M and η' = 3/(2M) (M = sup_ℓ μ_ℓ², tail bound E[σ²]/N(n,ℓ)) keep every |1 - η'μ_ℓ²| ≤ 1 "
             "(SPEC's η' ≤ 1/M is sufficient, η' M ≤ 2 is the exact condition)",
       source="SPEC §4 W2 [DER]", sweep={"act": list(ACTIVATIONS), "n": [3, 100, 10 ** 6], "c": [1, R(3, 2)]})
def w2_stability(act, n, c):
    return stability(act, n, step_for(sup_rate(act, n)["value"], c))


def step_for(M, c):
    """η' = c/M: exact when M is exact, else an exact rational just below c/M (so η'M < c is certain)."""
    if not isinstance(M, Enclosure):
        return c / M
    with ctx.workprec(200):
        v = (arb(int(sp.Rational(c).p)) / arb(int(sp.Rational(c).q))) / M.ball
        return sp.Rational(repr(float(v.lower()))) * R(10 ** 9 - 1, 10 ** 9)


@claim("W2", "η' = 3/M is stable [deliberately wrong: η' M = 3 > 2, the top degree's residual grows by |1 - 3| = 2 per step]",
       source="negative control for SPEC W2 (stability)", control=True,
       sweep={"act": ["relu", "step", "sigmoid"], "n": [3, 10, 10 ** 6]})
def w2_unstable_control(act, n):
    return stability(act, n, step_for(sup_rate(act, n)["value"], 3))


@claim("W2", "per-degree decay at rate μ_ℓ instead of μ_ℓ² [deliberately wrong], against the kernel route",
       source="negative control for SPEC W2 (rate)", control=True,
       cases=[{"n": n, "ell": ell} for n in (3, 4, 7) for ell in (1, 2, 4)])
def w2_wrong_rate_control(n, ell):
    u = tuple([0] * (n - 1) + [1])
    f = HarmonicTarget.zonal(n, {ell: 1}, u=u)
    M = sup_rate("relu", n)["value"]
    wrong = InfiniteWidthGD(f, "relu", eta_prime=1 / M, rate="mu")
    lam = kernel_rate("relu", n, ell, dps=25)
    with ctx.workprec(bits_for_dps(25) + 64):
        pred = Enclosure((1 - enclose(1 / M, 30).ball * lam.ball) ** 2 * enclose(f.norm2(ell), 30).ball, 20)
    return checks.agrees(pred, wrong.degree_norm2(1, ell))


@claim("W2", "iteration count (M / min_{ℓ≤k, μ_ℓ≠0} μ_ℓ²) log(1/ε): the fitted exponent between n = 10^5 and 10^6 is "
             "within 0.01 of the predicted one (ReLU ℓ*, step ℓ*, sigmoid 2ℓ*, tanh/erf 2ℓ* - 2)",
       source="SPEC §4 W2 [DER]; exponents refined here", sweep={"act": list(ACTIVATIONS), "k": list(range(1, 11))},
       note="ℓ* is the largest degree ≤ k with μ_ℓ ≠ 0; ε = 1/1000; certified to 20 digits; the whole table "
            "(n = 10 … 10^6) is in bench/RESULTS.md.")
def w2_iterations(act, k):
    rows = {n: iteration_count(act, n, k) for n in (10 ** 5, 10 ** 6)}
    with ctx.workprec(128):
        slope = (rows[10 ** 6]["ratio"].ball / rows[10 ** 5]["ratio"].ball).log() / arb(10).log()
    e = predicted_exponent(act, k)
    return [checks.in_range(Enclosure(slope, 10), R(e * 100 - 1, 100), R(e * 100 + 1, 100))] + \
        [checks.narrow(r["count"], 15) for r in rows.values()]


# ---------------------------------------------------------------------------------- W3
@claim("W3", "unbiased ReLU: μ_ℓ = 0 exactly for odd ℓ ≥ 3; unbiased sigmoid: μ_ℓ = 0 for even ℓ ≥ 2 (and ≠ 0 otherwise)",
       source="SPEC §4 W3 [VER]", sweep={"act": ["relu", "sigmoid"], "n": [3, 10, 100, 10 ** 6]})
def w3_zeros(act, n):
    zeros = vanishing_degrees(act, n, 12, dps=20)
    expected = [l for l in range(3, 13, 2)] if act == "relu" else [l for l in range(2, 13, 2)]
    return checks.exact_equal(sp.Tuple(*zeros), sp.Tuple(*expected)).with_(
        method="exact zeros / certified non-zeros of μ_0..μ_12", evidence=f"zero degrees {zeros}")


@claim("W3", "a degree with μ_ℓ = 0 is never learned: ‖Π_3 r_t‖ = ‖Π_3 f‖ for all t on the exact W1 dynamics (ReLU)",
       source="SPEC §4 W3 [VER]", cases=[{"n": n, "m": m} for n in (3, 5, 8) for m in (2, 4)])
def w3_never_learned(n, m):
    gd = FiniteWidthGD(target(n), weights(n, m), "relu", eta=eta(n, m, "relu"))
    return [never_learned(gd, 3, 4), checks.less(gd.loss(4, dps=30), gd.loss(0))]


@claim("W3", "ReLU features learn every degree ≤ k [deliberately wrong: μ_3 = 0], by the eigenvalues and by the "
             "exact W1 residual (‖Π_3 r_4‖² < ‖Π_3 f‖² claimed)", source="negative control for SPEC W3",
       control=True, cases=[{"n": n} for n in (3, 4, 5, 10, 10 ** 6)])
def w3_all_degrees_control(n):
    out = [check_every_degree("relu", n, 4, dps=None if n <= 10 else 20)]
    if n <= 5:
        gd = FiniteWidthGD(target(n), weights(n, 3), "relu", eta=eta(n, 3, "relu"))
        out.append(checks.less(gd.degree_norm2(4, 3), gd.degree_norm2(0, 3)))
    return out


@claim("W3", "remedy: a bias makes every μ_ℓ(σ(· + b); n) ≠ 0 for ℓ ≤ 10 (Funk–Hecke for F_b(s) = σ(s + b))",
       source="SPEC §4 W3 [VER]; route proved in the caveat module",
       cases=[{"act": "relu", "n": n, "b": R(1, 2), "dps": None} for n in (3, 4, 5, 10)]
             + [{"act": "relu", "n": n, "b": R(1, math.isqrt(n)), "dps": 20} for n in (100, 10 ** 4, 10 ** 6)]
             + [{"act": "sigmoid", "n": n, "b": R(1, 2), "dps": 20} for n in (3, 100, 10 ** 4)],
       note="b = 1/√n at perfect squares n keeps the kink where ν_n has mass (a fixed b makes μ_ℓ, ℓ ≥ 2, "
            "exponentially small in n); exact for rational b and piecewise-polynomial σ, certified otherwise.")
def w3_remedy(act, n, b, dps):
    return check_every_degree(act, n, 10, bias=b, dps=dps)


# ---------------------------------------------------------------------------------- W4
MONO_CASES = [{"n": n, "k": k} for n in (6, 10, 100, 10 ** 4, 10 ** 6) for k in (1, 2, 3, 5, 10) if k <= n]


@claim("W4", "monomials x_S: harmonic, orthogonal under every reflection-invariant law, E[x_S²] = 1/(n(n+2)…(n+2k-2)) "
             "= Gamma moment formula, counted profile (CSQ only)", source="SPEC §4 W4 [VER]; §11 (CSQ)",
       cases=MONO_CASES)
def w4_monomials(n, k):
    fam = MonomialFamily(k)
    p = fam.correlation_profile(n)
    out = list(p.evidence)
    out.append(checks.exact_equal(p.diagonal, fam.norm2(dist=UniformSphere(n), algorithm="moments")))
    out.append(checks.exact_equal(sp.Integer(int(p.is_exactly_orthogonal())), 1))
    if (n, k) == (6, 3):
        out.append(checks.exact_equal(p.diagonal, R(1, 480)))            # SPEC V20
    return out


@claim("W4", "monomials: E[x_S x_T] = 0 for every pair S ≠ T by exact sphere moments (all pairs, small n)",
       source="SPEC §4 W4 [VER]", cases=[{"n": 5, "k": 2}, {"n": 6, "k": 3}])
def w4_monomials_moments(n, k):
    import itertools
    subsets = list(itertools.combinations(range(n), k))
    bad = 0
    for S in subsets:
        for T in subsets:
            alpha = [0] * n
            for i in S:
                alpha[i] += 1
            for i in T:
                alpha[i] += 1
            v = sp.Integer(0) if any(a % 2 for a in alpha) else sphere_moment(n, tuple(alpha))
            bad += (v != 0) != (S == T)
    return checks.exact_equal(bad, 0).with_(method="exact sphere moments of every pair",
                                           evidence=f"{len(subsets) ** 2} pairs: Gram matrix diagonal")


@claim("W4", "zonal family: E[F_u F_v] = P_k(⟨u,v⟩) by exact polynomial integration (small n), counted profile at "
             "large n with the disjoint-pair correlation P_k(0) = (-1)^{k/2}(k-1)!!/Π(n-1+2i) (F2.5)",
       source="SPEC §4 W4 alternative [VER]; F2.5, F3",
       cases=[{"n": n, "k": k} for n in (3, 4) for k in (1, 2, 3)] + [{"n": n, "k": k} for n in (10 ** 4, 10 ** 6)
                                                                     for k in (2, 4, 10)])
def w4_zonal(n, k):
    fam = ZonalFamily(k, support=2)
    p = fam.correlation_profile(n)
    out = list(p.evidence)
    if n <= 4:
        xs = coordinates(n)
        S, T = (1, 2), (2, 3)
        Fu, Fv = fam.member(S, n), fam.member(T, n)
        poly = sp.Poly(sp.expand(Fu * Fv), *xs)
        val = sp.Add(*[c * (0 if any(e % 2 for e in mon) else sphere_moment(n, mon)) for mon, c in poly.terms()])
        out.append(checks.exact_equal(val, fam.correlation(n, 1)))
        out.append(checks.exact_equal(harmonic_dimension(n, k) * sp.Integer(1), harmonic_dimension(n, k)))
    disjoint = [o for o in p.orbits if o.invariant == 0]
    if k % 2 == 0 and disjoint:
        q = k // 2
        f25 = (-1) ** q * sp.factorial2(2 * q - 1) / sp.Mul(*[n - 1 + 2 * i for i in range(q)])
        out.append(checks.exact_equal(disjoint[0].correlation, f25))
    return out


@claim("W4", "information-theoretic cost log₂ C(n,k) = Θ(k log n): (n/k)^k < C(n,k) < n^k/k!, i.e. "
             "1 - log k/log n < log₂C(n,k)/(k log₂ n) < 1 - log(k!)/(k log n) (k ≥ 2; k = 1 gives exactly 1)",
       source="SPEC §4 W4 [SRC]", cases=[{"n": n, "k": k} for n in [10, 100, 1000, 10 ** 4, 10 ** 5, 10 ** 6]
                                          for k in range(2, 11) if k < n])
def w4_information(n, k):
    row = information_table([n], [k])[0]
    lo, hi = 1 - sp.log(k) / sp.log(n), 1 - sp.log(sp.factorial(k)) / (k * sp.log(n))
    return checks.in_range(row["ratio"], lo, hi)


@claim("W4", "CSQ query lower bound from the SQ engine (hardverify.sq, G7 Bessel on the exactly orthogonal normalised "
             "monomials, tolerance τ = 1/n) beside the information-theoretic log₂ C(n,k): it exceeds it and grows "
             "as n^{Ω(k)} (log_n queries ≥ (k - 2)/2)", source="SPEC §4 W4 [SRC]; §7 G7/Q2; §11 (CSQ only)",
       cases=[{"n": n, "k": k} for n in (100, 10 ** 4, 10 ** 6) for k in (5, 7, 10)],
       note="The bound is the engine's (sq_bound(MonomialFamily(k, normalized=True), n, tau=1/n)); this script "
            "writes no SQ formula.  Correlational queries only: VW's Prop. 4.1 rules out general SQ for "
            "real-valued targets.")
def w4_sq_engine(n, k):
    from hardverify.sq import sq_bound
    b = sq_bound(MonomialFamily(k, normalized=True), n, tau=R(1, n))
    bits = sp.log(math.comb(n, k), 2)
    out = [b.verdict(), checks.less(bits, b.queries)]
    out.append(checks.less(sp.Rational(k - 2, 2) * sp.log(n), sp.log(b.queries), strict=False))
    return out


# ---------------------------------------------------------------------------------- W5
@claim("W5", "Σ_{ℓ≤k} N(n,ℓ) = C(n+k-1,k) + C(n+k-2,k-1) exactly", source="SPEC §4 W5, F1",
       sweep={"n": [3, 10, 100, 10 ** 6], "k": list(range(0, 11))})
def w5_dimension(n, k):
    return dimension_count(n, k)


@claim("W5", "rank of the Gram matrix of Π_{≤k} of m random features: min(m, Σ_{ℓ∈J} N(n,ℓ)), J = {ℓ ≤ k: μ_ℓ ≠ 0}; "
             "short of Σ_{ℓ≤k} N for unbiased ReLU/step, equal with the bias 1/2",
       source="SPEC §4 W5 [VER]", seeds={"random rational points": "n"},
       cases=[{"n": 3, "k": 4, "m": m, "act": a, "b": b} for m in (10, 30) for a in ("relu", "step")
              for b in (0, R(1, 2))] + [{"n": 4, "k": 3, "m": 40, "act": "relu", "b": b} for b in (0, R(1, 2))])
def w5_rank(n, k, m, act, b):
    r = projected_rank(random_rational_points(n, m, seed=n), act, n, k, bias=b)
    out = [checks.exact_equal(r["rank"], min(m, r["dim_J"]))]
    full = r["dim_J"] == r["dim"]
    out.append(checks.exact_equal(int(full), int(b != 0)).with_(
        evidence=f"Σ_(ℓ∈J) N = {r['dim_J']} vs Σ_(ℓ≤k) N = {r['dim']}, J = {r['degrees']}"))
    return out

