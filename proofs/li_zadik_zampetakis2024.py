"""LZZ 2024 claims of SPEC §5: CLWE, Gaussian pancakes, periodic neurons, capped ReLU networks (C1–C8, Q3 inputs).

Everything depends on (β, γ, ρ) only (SPEC §9.7), so the checks run at dimensions up to 10⁶ by taking
γ = 2√d (BRST's threshold) and ρ₀ ≈ d^{-1/4} (the packing bound).  Certified balls (python-flint) with
every truncation bounded; the LLL attack is checked by exact certificates; Monte Carlo only as a veto.
Negative controls: the wrong 2π convention, a theta sum truncated without its tail bound, a capped
network with one ReLU too few, and noise-free CLWE claimed hard.
"""

import math
from fractions import Fraction

import numpy as np
import sympy as sp
from flint import arb, ctx

from hardverify import checks
from hardverify.constructions import li_zadik_zampetakis2024 as L
from hardverify.constructions.li_zadik_zampetakis2024 import family as F
from hardverify.distributions.clwe import CLWE, CLWENull
from hardverify.numeric.enclosure import Enclosure
from hardverify.proofs import claim
from hardverify.verdict import Status, Verdict

SRC = "SPEC §5 (LZZ 2024, BRST, SZB)"
BIG_D = [16, 256, 10 ** 4, 10 ** 6]


# ------------------------------------------------------------------------------------------------- C1
@claim("C1", "E_e[cos 2π(θ+e)] = e^{-πβ²} cos 2πθ for e ~ N(0, β²/(2π)): sympy integrates it symbolically",
       source=f"{SRC} C1 [DER + VER]")
def c1_exact():
    b = sp.Symbol("beta", positive=True)
    th = sp.Symbol("theta", real=True)
    return checks.exact_equal(L.damping_exact(b, th), sp.exp(-sp.pi * b ** 2) * sp.cos(2 * sp.pi * th))


@claim("C1", "damping: the closed form and certified quadrature (acb.integral + Gaussian tail) agree to 15 digits",
       source=f"{SRC} C1", sweep={"beta": ["0.01", "0.37", "1", "2"], "theta": ["0.123", "0.5"]})
def c1_certified(beta, theta):
    return checks.consistent(L.damped_cosine(theta, beta, dps=15), L.damped_cosine_quadrature(theta, beta, dps=15), 15)


@claim("C1", "SPEC test vector: β = 0.37, θ = 0.123 gives 0.465684058382708887608609480116; e^{-π·0.37²} (V21)",
       source=f"{SRC} C1, V21")
def c1_spec_values():
    return [checks.matches(L.damped_cosine("0.123", "0.37", dps=30), "0.465684058382708887608609480116"),
            checks.matches(L.damping_factor("0.37", dps=30), "0.650454431959027169244303024495")]


@claim("C1", "the damping is e^{-πβ²} when e ~ N(0, β²) [deliberately wrong 2π convention: β read as the std]",
       source="negative control for SPEC C1 / §0.3", control=True, sweep={"beta": ["0.1", "0.37", "1"]})
def c1_wrong_convention(beta):
    # e ~ N(0, β²) is D_{β√(2π)}: integrate that law and compare with the claimed e^{-πβ²} cos 2πθ
    true = L.damped_cosine_quadrature("0.123", sp.Rational(beta) * sp.sqrt(2 * sp.pi), dps=15)
    return checks.consistent(true, L.damped_cosine("0.123", beta, dps=15), 15)


# ------------------------------------------------------------------------------------------------- C2
GRID2 = {"beta": ["0.05", "0.3", "1"], "gamma": [1, 3, 7], "t": ["0", "0.123", "0.77"]}


@claim("C2", "pancake density: mixture form ≡ theta form ≡ θ_3 (acb.modular_theta), certified to 25 digits",
       source=f"{SRC} C2 [DER + VER]; §11 (mixture form confirmed)", sweep=GRID2)
def c2_forms(beta, gamma, t):
    th = L.density(t, beta, gamma, dps=25, form="theta")
    return [checks.consistent(th, L.density(t, beta, gamma, dps=25, form="mixture"), 25),
            checks.consistent(th, L.density(t, beta, gamma, dps=25, form="modular"), 25)]


@claim("C2", "∫p = 1: certified quadrature of e^{-πt²}θ_3(γt, iβ²) over [-L, L] plus the Gaussian tail bound",
       source=f"{SRC} C2", sweep={"beta": ["0.3", "1"], "gamma": [1, 2, 3]})
def c2_integral(beta, gamma):
    return checks.agrees(L.density_integral(beta, gamma, dps=12), 1)


@claim("C2", "large γ: the density stays certified where float64 underflows (e^{-4π²γ²} = 0.0 in float64 at γ > 4.24)",
       source=f"{SRC} C2; §9.7", sweep={"gamma": [5, 20, 2000]})
def c2_no_underflow(gamma):
    t = Fraction(1, 2 * gamma)                         # γt = ½: the density is at a pancake gap
    th = L.density(t, "0.2", gamma, dps=20, form="theta")
    mod = L.density(t, "0.2", gamma, dps=20, form="modular")
    f64 = math.exp(-4 * math.pi ** 2 * gamma ** 2)
    v = checks.consistent(th, mod, 20)
    return [v.with_(evidence=v.evidence + f"; float64 e^(-4π²γ²) = {f64!r}"), checks.has_sign(th, 1)]


@claim("C2", "the theta sum truncated at J = 3 without its tail bound equals the density [deliberately wrong]",
       source="negative control for SPEC C2 / §9.7", control=True,
       cases=[{"beta": "0.05", "gamma": 1, "t": "0.5"}, {"beta": "0.1", "gamma": 2, "t": "0.25"}])
def c2_truncated_control(beta, gamma, t):
    with ctx.workprec(200):
        b, g, tt = arb(beta), arb(gamma), arb(t)
        pi = arb.pi()
        br = 1 + 2 * sum((-pi * b * b * j * j).exp() * (2 * pi * j * g * tt).cos() for j in range(1, 4))
        Z = 1 + 2 * sum((-pi * (b * b + g * g) * j * j).exp() for j in range(1, 4))
        naive = Enclosure((-pi * tt * tt).exp() * br / Z, 30)
    return checks.consistent(naive, L.density(t, beta, gamma, dps=30), 10)


# ------------------------------------------------------------------------------------------------- C3
@claim("C3", "χ²(pancake ‖ D_1): the SPEC double series and the theta-constant closed form agree to 25 digits",
       source=f"{SRC} C3 [DER + VER]", sweep={"beta": ["0.05", "0.1", "0.5", "1"], "gamma": ["0.5", 1, 2, 5]})
def c3_two_routes(beta, gamma):
    return checks.consistent(L.chi_square(beta, gamma, dps=25), L.chi_square(beta, gamma, dps=25, algorithm="theta"), 25)


@claim("C3", "SPEC value at β = 0.1, γ = 5: 6.071067811865475244; the large-γ limit Σ_{j≠0}e^{-2πβ²j²} in two forms",
       source=f"{SRC} C3", sweep={"beta": ["0.1", "0.3", "0.7"]})
def c3_limit(beta):
    out = [checks.consistent(L.chi_square_limit(beta, dps=30, form="direct"), L.chi_square_limit(beta, dps=30), 30)]
    if beta == "0.1":
        out.append(checks.matches(L.chi_square("0.1", 5, dps=25), "6.071067811865475244"))
    return out


@claim("C3", "χ² at γ = 2√d (d up to 10⁶) equals the γ → ∞ limit to 30 digits (the correction is ~e^{-4πd})",
       source=f"{SRC} C3; §9.7 (depends on β, γ only)", sweep={"d": BIG_D})
def c3_growing_d(d):
    return checks.consistent(L.chi_square("0.1", 2 * sp.sqrt(d), dps=30), L.chi_square_limit("0.1", dps=30), 30)


# ------------------------------------------------------------------------------------------------- C4
GRID4 = {"beta": ["0.1", "0.5"], "gamma": [1, 2, 3], "rho": ["-0.9", "-0.1", "0.001", "0.1", "0.5", "0.99"]}


@claim("C4", "χ(ρ): difference form ≡ cosh form ≡ theta closed form (derived), certified to 20 digits",
       source=f"{SRC} C4 [DER + VER]", sweep=GRID4)
def c4_forms(beta, gamma, rho):
    c = L.pair_correlation(rho, beta, gamma, dps=20)
    return [checks.consistent(c, L.pair_correlation(rho, beta, gamma, dps=20, form="difference"), 20),
            checks.consistent(c, L.pair_correlation(rho, beta, gamma, dps=20, form="theta"), 20)]


@claim("C4", "χ ≥ 0, even in ρ, exactly 0 at ρ = 0; χ(±1) = χ² (C3)", source=f"{SRC} C4",
       sweep={"beta": ["0.1", "0.5"], "gamma": [1, 3], "rho": ["0.3", "0.8"]})
def c4_properties(beta, gamma, rho):
    c = L.pair_correlation(rho, beta, gamma, dps=20)
    return [checks.has_sign(c, 1), checks.consistent(c, L.pair_correlation("-" + rho, beta, gamma, dps=20), 20),
            checks.has_sign(L.pair_correlation(0, beta, gamma, dps=20), 0),
            checks.consistent(L.pair_correlation(1, beta, gamma, dps=20), L.chi_square(beta, gamma, dps=20), 20)]


@claim("C4", "SPEC decay at β = 0.1, ρ = 0.1: 1.22e-3 (γ = 1), 2.38e-10 (γ = 2), 1.47e-22 (γ = 3)",
       source=f"{SRC} C4", cases=[{"gamma": 1, "ref": "1.22e-3"}, {"gamma": 2, "ref": "2.38e-10"},
                                 {"gamma": 3, "ref": "1.47e-22"}])
def c4_spec_decay(gamma, ref):
    return checks.matches(L.pair_correlation("0.1", "0.1", gamma, dps=20), ref)


@claim("C4", "regimes: χ/(8π²γ⁴ρ²a_1²e^{-2πγ²}/Z²) ∈ [1, 1.01] at 2πγ²|ρ| ≤ 1e-3; χ/(2a_1²e^{-2πγ²(1-|ρ|)}/Z²) "
             "∈ [0.99, 1.01] at 2πγ²|ρ| ≥ 30 and πγ²(1-|ρ|) ≥ 2", source=f"{SRC} C4",
       cases=[{"beta": "0.1", "gamma": 1, "rho": "0.0001", "which": 0}, {"beta": "0.5", "gamma": 2, "rho": "0.00001", "which": 0},
              {"beta": "0.1", "gamma": 3, "rho": "0.9", "which": 1}, {"beta": "0.5", "gamma": 2, "rho": "-0.95", "which": 1}])
def c4_regimes(beta, gamma, rho, which):
    c = L.pair_correlation(rho, beta, gamma, dps=20)
    approx = L.pair_correlation_approximations(rho, beta, gamma, dps=20)[which]
    lo, hi = (1, Fraction(101, 100)) if which == 0 else (Fraction(99, 100), Fraction(101, 100))
    return checks.in_range(Enclosure(c.ball / approx.ball), lo, hi)


@claim("C4", "SQ inputs at γ = 2√d: χ(ρ₀), ρ₀ = 1/⌊d^{1/4}⌋, certified > 0 and below the large-ρ approximation "
             "×1.01; χ² is SD's β", source=f"{SRC} C4; Q3", sweep={"d": BIG_D})
def c4_growing_d(d):
    g, r0 = 2 * sp.sqrt(d), F.default_rho0(d)
    c = L.pair_correlation(r0, "0.1", g, dps=20)
    large = L.pair_correlation_approximations(r0, "0.1", g, dps=20)[1]
    return [checks.narrow(c, 20), checks.has_sign(c, 1), checks.less(c, large * Fraction(101, 100))]


# ------------------------------------------------------------------------------------------------- Q3 inputs
@claim("Q3", "packing lemma: the proved bound on P(|⟨w, w′⟩| ≥ ρ₀) is ≥ the exact tail (odd n: a polynomial integral)",
       source="LZZ family docstring (derived); SPEC §0.2", sweep={"n": [5, 17, 65, 257], "rho0": ["1/2", "1/4"]})
def q3_packing_lemma(n, rho0):
    t = sp.Symbol("t")
    k = (n - 3) // 2
    cn = sp.gamma(sp.Rational(n, 2)) / (sp.sqrt(sp.pi) * sp.gamma(sp.Rational(n - 1, 2)))
    exact = sp.nsimplify(2 * cn * sp.integrate((1 - t ** 2) ** k, (t, sp.Rational(rho0), 1)))
    bound = F.pair_tail_bound(n, Fraction(rho0))
    return checks.less(exact, Enclosure(bound), strict=False)


@claim("Q3", "the pancake family's χ-profile (kind 'chi', m from the packing lemma, one bounded orbit) at d up to 10⁶",
       source=f"{SRC}; SPEC Q3 (DKPZ21 Lemma 12 form)", sweep={"d": BIG_D})
def q3_profile(d):
    prof = L.PancakeFamily("0.1").correlation_profile(d, dps=15)
    m = prof.size
    ok = prof.kind == "chi" and prof.orbits[0].pairs == m * (m - 1)
    return [checks.exact_equal(int(ok), 1), checks.less(prof.orbits[0].bound, prof.diagonal),
            checks.has_sign(sp.Integer(m) - 1, 1)]


@claim("Q3", "SQ hardness of homogeneous CLWE through the SQ engine: SD(B, γ(ρ₀), β) and the query corollary "
             "(γ′ = τ² - γ chosen), γ = 2√d, τ = 1/d, as a table over d (general SQ, STAT oracle)",
       source=f"{SRC}; SPEC Q3 (DKPZ21 Lemma 12 with the free γ′), §11", cases=[{"d": d} for d in (16, 256, 10 ** 4)],
       note="The profile comes from the construction (m secrets from the packing lemma, χ(ρ₀) bounding every pair, "
            "β = χ² on the diagonal); hardverify.sq.sd_bound computes SD and the corollary; the log₂ of the query "
            "count is certified.")
def q3_sq_table(d):
    from hardverify.sq import sd_bound
    bound = sd_bound(L.PancakeFamily("0.1").correlation_profile(d, dps=15), sp.Rational(1, d))
    ok = bound.status.ok and bound.queries >= 1
    return [checks.exact_equal(int(ok), 1).with_(
        method=f"SQ engine: {bound.theorem} [{bound.model}]",
        evidence=f"d = {d}: {str(bound)[:300]}")] + [h for h in bound.hypotheses]


# ------------------------------------------------------------------------------------------------- C5
@claim("C5", "cos neuron: closed-form covariance ≡ the Fourier double series (certified, 20 digits)",
       source=f"{SRC} C5 [DER + VER]", sweep={"gamma_std": ["0.1", "0.3", "1"], "rho": ["-0.5", "0", "0.3", "0.9"]})
def c5_cos(gamma_std, rho):
    return checks.consistent(L.neuron_covariance(rho, "cos", gamma_std, dps=20),
                             L.neuron_covariance(rho, "cos", gamma_std, dps=20, algorithm="series"), 20)


@claim("C5", "triangle wave: E dist(γg, Z) by the Fourier series ≡ by exact Gaussian integrals of its pieces",
       source=f"{SRC} C5", sweep={"gamma_std": ["0.1", "0.3", "1", "2"]})
def c5_triangle_mean(gamma_std):
    from hardverify.constructions.li_zadik_zampetakis2024.neurons import triangle_mean_pieces
    return checks.consistent(L.neuron_mean("triangle", gamma_std, dps=15), triangle_mean_pieces(gamma_std, dps=15), 15)


@claim("C5", "triangle-wave covariance (Fourier series, certified) agrees with seeded Monte Carlo (evidence veto)",
       source=f"{SRC} C5", cases=[{"gamma_std": "0.3", "rho": "0.5"}, {"gamma_std": "0.2", "rho": "-0.7"}],
       seeds={"Monte Carlo": 5}, note="Monte Carlo: 400000 bivariate normal pairs, numpy seed 5 (evidence only)")
def c5_triangle_mc(gamma_std, rho):
    c = L.neuron_covariance(rho, "triangle", gamma_std, dps=20)
    rng = np.random.default_rng(5)
    r, g = float(rho), float(gamma_std)
    u = rng.standard_normal(400_000)
    v = r * u + math.sqrt(1 - r * r) * rng.standard_normal(400_000)
    T = lambda x: np.abs(x - np.round(x))
    a, b = T(g * u), T(g * v)
    prod = (a - a.mean()) * (b - b.mean())
    mc, se = prod.mean(), prod.std() / math.sqrt(len(prod))
    v = checks.narrow(c, 20)
    if abs(mc - float(c)) > 5 * se:
        return v.with_(status=Status.UNDECIDED, evidence=f"Monte Carlo {mc:.5g} ± {se:.2g} disagrees with {c}")
    return v.with_(evidence=v.evidence + f"; Monte Carlo {mc:.5g} ± {se:.2g}")


@claim("C5", "super-polynomial smallness: at γ_std = √(ln d), E[cos·cos] at ρ = d^{-1/2} is < d^{-10} "
             "(float64 gives 0.0 for e^{-4π²γ²} once γ_std > 4.24)", source=f"{SRC} C5; §9.7",
       sweep={"d": [10, 1000, 10 ** 6]})
def c5_superpolynomial(d):
    g = sp.sqrt(sp.log(d))
    c = L.neuron_correlation(1 / sp.sqrt(d), "cos", g, dps=20)
    return [checks.less(c, sp.Integer(d) ** -10), checks.has_sign(c, 1)]


# ------------------------------------------------------------------------------------------------- C6
@claim("C6", "the M+1-ReLU network equals the interpolant of every φ at every node and is constant outside (exact)",
       source=f"{SRC} C6 [DER + VER]", cases=[{"R": 1, "h": "1/4"}, {"R": 3, "h": "1/100"}, {"R": 10, "h": "1/2"}])
def c6_interpolant(R, h):
    return L.prove_interpolant(R, Fraction(h))


@claim("C6", "triangle wave, h = ½: the capped network is exactly dist(t, Z) on [-R, R] with 4R + 1 ReLUs",
       source=f"{SRC} C6", sweep={"R": [1, 5, 20, 50]})
def c6_triangle(R):
    v = L.prove_triangle_exact(R)
    return [v, checks.exact_equal(v.data["width"], 4 * R + 1)]


@claim("C6", "cos: sup|g - cos 2π·| ≤ π²h²/2 (per-piece certified bound); SPEC R = 3, h = 0.01: 4.932e-4 ≤ 4.935e-4",
       source=f"{SRC} C6", cases=[{"R": 3, "h": "1/100"}, {"R": 2, "h": "1/20"}])
def c6_sup_error(R, h):
    lo, up, factor = L.sup_error(R, Fraction(h), dps=10)
    out = [checks.less(factor, 1, strict=False).with_(evidence=f"max_piece sup|cos| = {factor} ≤ 1, so the "
                                                                 "per-piece bound h²/8·sup|f''| is ≤ π²h²/2"),
           checks.less(lo, L.sup_error_bound(Fraction(h))), checks.less(lo, up, strict=False)]
    if h == "1/100":
        out.append(checks.matches(lo, "4.932e-4"))
    return out


@claim("C6", "capping MSE of the triangle wave under N(0, s²) ≤ ¼ erfc(R/(√2 s)); SPEC s = 1, R = 2: 0.003284 ≤ 0.011375",
       source=f"{SRC} C6", cases=[{"R": 2, "s": 1}, {"R": 3, "s": 1}, {"R": 5, "s": 2}, {"R": "7/2", "s": "3/2"}])
def c6_capping(R, s):
    mse, bound = L.capping_mse(Fraction(R), Fraction(s), dps=15), L.capping_mse_bound(Fraction(R), Fraction(s), dps=15)
    out = [checks.less(mse, bound)]
    if (R, s) == (2, 1):
        out += [checks.matches(mse, "0.003284"), checks.matches(bound, "0.011375")]
    return out


@claim("C6", "on R^d: x ↦ g(γ_std x_1) is a width-(4R+1) hv.Network equal to the triangle wave of γ_std x_1 on the cap "
             "(exact values at rational points)", source=f"{SRC} C6", sweep={"d": [3, 10 ** 6]})
def c6_embedded(d):
    g = L.capped_network("triangle", 3, Fraction(1, 2))
    net = L.embed(g, {1: 1}, 2, n=d)
    pts = [Fraction(k, 7) for k in range(-9, 10)]
    ok = all(net({1: sp.Rational(p.numerator, p.denominator)}) == sp.Rational(*(lambda q: (q.numerator, q.denominator))(
        L.triangle_wave(2 * p))) for p in pts)
    return [checks.exact_equal(int(ok), 1), checks.exact_equal(net.width, 13)]


@claim("C6", "the capped triangle wave on [-R, R] is realised with 4R ReLUs (one too few) [deliberately wrong]",
       source="negative control for SPEC C6", control=True, sweep={"R": [1, 3, 10]})
def c6_one_too_few(R):
    g = L.capped_network("triangle", R, Fraction(1, 2))
    v = checks.less(L.kink_count(g), 4 * R, strict=False)
    return v.with_(method="exact kink count: a width-m ReLU network on R has ≤ m kinks",
                   evidence=v.evidence + f" (g has {L.kink_count(g)} kinks)")


# ------------------------------------------------------------------------------------------------- C7
@claim("C7", "regime calculator: at γ ≥ 2√d, 0 < β < 1, γ/β ≤ d³, σ ≥ d^{-3} every condition is PROVED/CERTIFIED "
             "('hard regime'), for d up to 10⁶", source=f"{SRC} C7 [3P + MEM]; §11",
       cases=[{"d": 512, "beta": "0.001", "gamma": 46, "sigma": "0.001"},
              {"d": 10 ** 4, "beta": "0.0001", "gamma": 201, "sigma": "0.0001"},
              {"d": 10 ** 6, "beta": "0.00001", "gamma": 2001, "sigma": "0.00001"}])
def c7_hard(d, beta, gamma, sigma):
    r = L.regime(d, beta=beta, gamma=gamma, sigma=sigma)
    return list(r.verdicts) + [checks.exact_equal(int(r.overall == "hard regime"), 1)]


@claim("C7", "regime calculator: γ < 2√d (BRST's condition, also the γ_std = γ wrong-convention slip), β = 0 or "
             "σ = 0 take the parameters out of the hard regime (the failing condition is REFUTED)",
       source=f"{SRC} C7", cases=[{"d": 512, "beta": "0.001", "gamma": 45, "sigma": "0.001", "bad": 1},
                                   {"d": 512, "beta": "0", "gamma": 46, "sigma": "0.001", "bad": 0},
                                   {"d": 512, "beta": "0.001", "gamma": 46, "sigma": "0", "bad": 3},
                                   {"d": 10 ** 6, "beta": "0.001", "gamma": 2000 / math.sqrt(2 * math.pi),
                                    "sigma": "0.001", "bad": 1}])
def c7_not_hard(d, beta, gamma, sigma, bad):
    r = L.regime(d, beta=beta, gamma=gamma, sigma=sigma)
    v = r.verdicts[bad]
    st = Status.PROVED if (v.status == Status.REFUTED and r.overall == "not in the hard regime") else Status.REFUTED
    return Verdict(st, claim="C7", method="regime calculator", evidence=f"{r.overall}: {v}")


@claim("C7", "the sub-exponential variant: σ² = 2^{-d^η/2} with η = δ/(1+δ) is inside it, 2^{-2d^η} is not",
       source=f"{SRC} C7; §11 (LZZ sub-exponential variant)", cases=[{"d": 4096, "delta": 1, "inside": True},
                                                                     {"d": 4096, "delta": 1, "inside": False}])
def c7_subexponential(d, delta, inside):
    eta = delta / (1 + delta)
    sigma = sp.Integer(2) ** (-sp.Rational(int(d ** eta), 4 if inside else 1))      # σ² = 2^{-d^η/2} or 2^{-2d^η}
    r = L.regime(d, beta="0.001", gamma=2 * math.sqrt(d) + 1, sigma=sigma, delta=delta)
    v = r.verdicts[3]
    want = v.status.ok if inside else v.status == Status.REFUTED
    return Verdict(Status.PROVED if want else Status.REFUTED, claim="C7", method="regime calculator", evidence=str(v))


# ------------------------------------------------------------------------------------------------- C8
def _attack_case(d, beta, seed):
    gamma = 2 * math.sqrt(d)
    law = CLWE(d, beta, gamma=gamma, seed=seed)
    s, v = law.sample_exact(d + 1, seed=seed + 1, bits=L.attack_bits(d, gamma))
    null, _ = CLWENull(d, beta, gamma=gamma, seed=seed).sample_exact(d + 1, seed=seed + 2, bits=s.bits)
    return L.attack(s, gamma=gamma), v, L.attack(null, gamma=gamma)


@claim("C8", "β = 0: LLL on d+1 samples recovers the secret exactly (exact relation, exact solve) and rejects the null",
       source=f"{SRC} C8 [SRC]; §11", sweep={"d": [4, 8, 12, 16, 20], "seed": [1, 2]}, seeds={"CLWE draws": "seed"})
def c8_attack_noiseless(d, seed):
    r, v, rn = _attack_case(d, 0, seed)
    return [checks.exact_equal(int(r.exact_relation and r.secret_numerators == v), 1).with_(
                method="exact: Σ c_i (z_i + k_i) = 0 and the solved secret equals the planted one"),
            checks.exact_equal(int(rn.decision == "null"), 1).with_(method="attack output on a null draw"),
            checks.less(rn.null_false_positive_bound, Fraction(1, 2 ** 64))]


@claim("C8", "β = 1/d: the same attack finds no admissible relation on seeded CLWE draws (a statement about these runs, "
             "not a hardness proof)", source=f"{SRC} C8", sweep={"d": [8, 16], "seed": [1, 2]},
       seeds={"CLWE draws": "seed"})
def c8_attack_noisy(d, seed):
    r, _, _ = _attack_case(d, 1 / d, seed)
    return checks.exact_equal(int(r.decision == "null"), 1).with_(method="attack output (exact integer LLL)")


@claim("C8", "noise-free CLWE is hard: no poly-time algorithm tells it from its null [deliberately wrong]",
       source="negative control for SPEC C8 (SZB: d+1 samples suffice without noise)", control=True,
       sweep={"d": [8, 16, 24]}, seeds={"CLWE draws": 7})
def c8_noiseless_hard_control(d):
    r, v, rn = _attack_case(d, 0, 7)
    if r.exact_relation and r.secret_numerators == v and rn.decision == "null" \
            and rn.null_false_positive_bound < Fraction(1, 2 ** 64):
        return Verdict(Status.REFUTED, claim="C8", method="exact certificate from the LLL attack (fmpz_mat.lll)",
                       evidence=f"d = {d}: secret recovered exactly from d+1 = {d + 1} noiseless samples in polynomial "
                                f"time; the null draw was rejected, and a null passes the exact test with probability "
                                f"≤ {float(rn.null_false_positive_bound):.3g}")
    return Verdict(Status.UNDECIDED, claim="C8", evidence="the attack did not produce a certificate on this draw")
