"""SPEC §7 (Q1–Q5), G7, G8: the SQ engine on GGJKK 2020 and DKKZ 2020 at n up to 10⁶ (issue 14).

Every bound goes through :mod:`hardverify.sq`: the structure comes from the construction's correlation
profile (GGJKK: the reflection certificate and the exact norm, counted by |S ∩ T|; DKKZ: explicit planes
from polynomials over F_p, counted by the number of agreements, D2's decay).  Models: the GGJKK and DKKZ
regression bounds are CSQ; the SD bound of Q3 is for GGJKK's ±1-label variant (G9), general SQ.
"""

import itertools
import math

import sympy as sp

import hardverify as hv
from hardverify import checks
from hardverify.constructions.diakonikolas_kane_kontonis_zarifis2020 import DKKZPlanes
from hardverify.constructions.diakonikolas_kane_kontonis_zarifis2020 import planar as P
from hardverify.constructions.goel2020 import GGJKK
from hardverify.errors import HypothesisFailed
from hardverify.proofs import claim
from hardverify.sq import OrbitStructure, csd, csd_to_csda, csda, gram_from_members, sq_dim
from hardverify.sq.bounds import bessel, dkkz_lemma15, ggjkk_b1, sd_bound, szorenyi
from hardverify.sq.consequences import distinguishing_to_learning, gd_as_csq
from hardverify.sq.game import csq_game, cube_game
from hardverify.sq.wiring import classification_structure, sq_bound
from hardverify.verdict import Status, Verdict

NS = [10, 100, 10 ** 3, 10 ** 4, 10 ** 5, 10 ** 6]
TAU = sp.Rational(1, 1000)
R = sp.Rational


def _orbit(k, n):
    return OrbitStructure(GGJKK(k).correlation_profile(n))


@claim("Q1", "SQ-DIM of the GGJKK family = C(n, k) (exact orthogonality, counted)", source="SPEC §7 Q1",
       sweep={"n": NS, "k": [2, 4, 8]})
def q1_ggjkk(n, k):
    d = sq_dim(_orbit(k, n))
    return [d.verdict(), checks.exact_equal(d.value, math.comb(n, k))]


@claim("G7", "q ≥ (C(n,k) - 1) τ²/E[f_S²] at τ = 10⁻³, the number exact (CSQ)", source="SPEC §3 G7 [DER]",
       sweep={"n": NS, "k": [2, 4, 8]})
def g7_ggjkk(n, k):
    b = bessel(_orbit(k, n), TAU)
    return [b.verdict(), checks.exact_equal(b.value, (math.comb(n, k) - 1) * TAU ** 2 / GGJKK(k).norm2())]


@claim("G7", "certified cross-check at growing n: the bound from the Mehler-series enclosure of E[f_S²] "
             "(independent of the closed forms) contains the exact bound, n = 10 … 10⁶", source="SPEC §3 G7, §9.1",
       sweep={"k": [2, 4, 6]})
def g7_certified(k):
    c = GGJKK(k).norm2(dps=20, algorithm="series")      # one enclosure: the norm does not depend on n
    out = []
    for n in NS:
        exact = bessel(_orbit(k, n), TAU)
        cert = bessel(_orbit(k, n), TAU, norm2=c)
        out += [checks.agrees(cert.value, exact.value), checks.exact_equal(cert.queries, exact.queries)]
    return out


@claim("Q2", "Szörényi count < 1/(τ² - γ) and q ≥ (N - 1)(τ² - γ): GGJKK (γ = 0) and DKKZ planes "
             "(γ = ((r-1)/p)^k), CSQ", source="SPEC §7 Q2 [DER]",
       cases=[{"family": "goel2020", "n": n, "k": 4, "tau": TAU} for n in NS]
       + [{"family": "dkkz2020", "n": n, "k": k, "tau": R(1, 20)} for n in (10 ** 4, 10 ** 5, 10 ** 6) for k in (4, 6)])
def q2(family, n, k, tau):
    b = sq_bound(family, n, k=k, tau=tau, theorem="Q2")
    out = [b.verdict()]
    if family == "goel2020":
        out.append(checks.exact_equal(b.value, (math.comb(n, k) - 1) * tau ** 2))
    return out


@claim("Q5", "GGJKK Thm B.1: s = CSDA(C ∪ {0}, τ²) by its definition ('every'), s/2 queries or tolerance τ; "
             "agrees with G7 up to the factor 2 (SPEC Q5 worked case)", source="SPEC §7 Q5, §11",
       sweep={"n": NS, "k": [2, 4]})
def q5_b1(n, k):
    b1, g7 = ggjkk_b1(_orbit(k, n), TAU), bessel(_orbit(k, n), TAU)
    ratio = sp.Rational(g7.queries, max(b1.queries, 1))
    return [b1.verdict(), checks.in_range(ratio, R(3, 2), R(5, 2)) if g7.queries > 100 else
            checks.less(b1.queries, g7.queries + 2, strict=True)]


@claim("Q5", "DKKZ Lemma 15 on the explicit planes: m = SDA(C, τ²) (a certified lower bound), Ω(m) queries "
             "of tolerance τ (CSQ; Ω constant [MEM] = 1)", source="SPEC §6 D0, §7 Q5, §11",
       sweep={"n": [10 ** 4, 10 ** 5, 10 ** 6], "k": [4, 6]})
def q5_l15(n, k):
    return dkkz_lemma15(OrbitStructure(DKKZPlanes(k).correlation_profile(n)), R(1, 20)).verdict()


@claim("Q5", "CSD ⇒ CSDA (DKPZ21 Lemma 30, integer s): exact CSDA(C, γ′) ≥ ⌊Nγ′/β⌋ for the GGJKK family",
       source="SPEC §7 Q5", sweep={"n": NS, "gp": [R(1, 10 ** 4), R(1, 100)]})
def q5_lemma30(n, gp):
    st = _orbit(2, n)
    d = csd(st, 0, st.norm2)
    return checks.less(csd_to_csda(d.value, 0, st.norm2, gp).value, csda(st, gp).value + 1)


@claim("Q3", "SD(B, 0, 1) = C(n, k) for GGJKK's ±1-label variant (G9); ≥ sγ′ queries or tolerance τ, γ′ = τ² "
             "chosen (general SQ, STAT)", source="SPEC §7 Q3, §3 G9, §11", sweep={"n": NS, "k": [2, 4]})
def q3_sd(n, k):
    b = sd_bound(classification_structure(GGJKK(k), n), TAU)
    return [b.verdict(), checks.exact_equal(b.params["s"], math.comb(n, k)),
            checks.exact_equal(b.value, math.comb(n, k) * TAU ** 2)]


@claim("G8", "GD with p = 10⁶ parameters and T = 10⁴ steps is p·T CSQ(τ) queries: below the G7 bound for "
             "k = 8 at n = 10⁶, so it cannot reach the bound's accuracy", source="SPEC §3 G8 [DER; framing MEM]")
def g8_gd():
    return gd_as_csq(sq_bound("goel2020", 10 ** 6, k=8, tau=TAU), 10 ** 6, 10 ** 4).verdict()


@claim("G7", "superpolynomial growth: width 2^k with k = 2⌊log₂(n)/4⌋ (poly(n) width); the exponent "
             "log q / log n increases with n", source="SPEC §3 G7 (n^{Ω(log n)})")
def g7_growth():
    ns = [10 ** 3, 10 ** 4, 10 ** 5, 10 ** 6]
    ex = []
    for n in ns:
        k = max(2, 2 * int(math.log2(n) // 4))
        ex.append(sp.Rational(str(float(bessel(_orbit(k, n), TAU).log10) / math.log10(n))))
    return [checks.less(a, b) for a, b in zip(ex, ex[1:])]


@claim("Q4", "distinguishing ⇒ learning: one extra CSQ query of tolerance ε/4 (constant [MEM])",
       source="SPEC §7 Q4 [MEM]")
def q4():
    return distinguishing_to_learning(10, R(1, 10)).verdict()


@claim("G7", "brute force: the explicit exact Gram matrix (hv.inner_product) gives the same bounds as the orbit "
             "structure, exactly", source="SPEC §9.1", cases=[{"n": 4, "k": 2}, {"n": 5, "k": 2}, {"n": 5, "k": 4}])
def brute_force(n, k):
    G = gram_from_members(GGJKK(k).family(n), hv.Gaussian(n))
    O = _orbit(k, n)
    out = []
    for f in (bessel, szorenyi, ggjkk_b1):
        out.append(checks.exact_equal(f(G, R(1, 2)).value, f(O, R(1, 2)).value))
    out.append(checks.exact_equal(sq_dim(G).value, sq_dim(O).value))
    return out


@claim("Q2", "certified Gram route: entries by the Mehler-series inner products (never the symbolic layer); "
             "the Q2 query bound from the enclosures equals the exact one", source="SPEC §7 Q2, §9.2",
       cases=[{"n": 4}, {"n": 5}])
def certified_gram(n):
    G = gram_from_members(GGJKK(2).family(n), hv.Gaussian(n), dps=20, algorithm="series")
    E = gram_from_members(GGJKK(2).family(n), hv.Gaussian(n))
    return [checks.agrees(G.entry(0, 0), E.entry(0, 0)),
            checks.exact_equal(szorenyi(G, R(1, 2)).queries, szorenyi(E, R(1, 2)).queries)]


@claim("D2", "DKKZ planes: the certified norm E[F_k²] (Mehler series) reproduces the exact orbit bound",
       source="SPEC §6 D2", sweep={"k": [4]})
def dkkz_certified(k):
    F = P.planar_network(k)
    c = hv.inner_product(F, F, hv.Gaussian(2), dps=20, algorithm="series")
    o = [o for o in DKKZPlanes(k).correlation_profile(10 ** 6).orbits if o.bound is not None][-1]
    return checks.agrees(c * sp.Rational(o.invariant, 701) ** k, o.bound)


@claim("G7", "CSQ game on {±1}^n (exact): the adversary answers 0; 300 seeded random ReLU networks and "
             "polynomials with |h| ≤ 1; the largest count of |⟨h, f_S⟩| > τ stays below ‖f‖²/τ²",
       source="SPEC §3 G7 (checkable)", cases=[{"k": 2, "n": 6, "tau": R(1, 4)}, {"k": 2, "n": 10, "tau": R(1, 4)},
                                               {"k": 4, "n": 8, "tau": R(1, 4)}],
       seeds={"queries": "n + k"})
def game_cube(k, n, tau):
    r = cube_game(GGJKK(k), n, tau, queries=300, seed=n + k)
    return r.verdict.with_(evidence=r.verdict.evidence + f" (largest count {r.max_count} vs bound {r.bound_text})")


@claim("G7", "CSQ game under N(0, I_4) (certified inner products): random ReLU queries with ‖h‖ ≤ 1 plus sums "
             "of members", source="SPEC §3 G7 (checkable)", seeds={"queries": 11})
def game_gaussian():
    fam = GGJKK(2).family(4)
    mem = [fam.member(S) for S in itertools.combinations(range(1, 5), 2)]
    return csq_game(mem, hv.Gaussian(4), R(1, 2), queries=12, seed=11, structured=4).verdict


# ------------------------------------------------------------------------------- negative controls
def _failed(fn):
    try:
        fn()
    except HypothesisFailed as exc:
        return exc.verdict
    return Verdict(Status.PROVED, claim="control", evidence="the bound was returned")


@claim("Q5", "CSDA with 'some sub-family' equals the definition ('every') [deliberately wrong]",
       source="negative control for SPEC Q5", control=True)
def control_csda_some():
    # 6 orthogonal GGJKK members, three of them halved (norm² c, c/4): at γ = c/5, 'every' gives s = 1,
    # 'some' gives s = 5 (two small members have ρ = c/8 ≤ c/5)
    fam = GGJKK(2).family(4)
    mem = [fam.member(S) * (1 if i < 3 else sp.Rational(1, 2))
           for i, S in enumerate(itertools.combinations(range(1, 5), 2))]
    G = gram_from_members(mem, hv.Gaussian(4))
    g = GGJKK(2).norm2() / 5
    some, every = csda(G, g, quantifier="some").value, csda(G, g).value
    return Verdict(Status.PROVED if some == every else Status.REFUTED, claim="Q5", method="exact integer comparison",
                   evidence=f"CSDA with 'some' = {some}, with 'every' (the definition) = {every}")


@claim("Q1", "a planted correlated pair leaves SQ-DIM and SD at N [deliberately wrong: they drop to N - 1]",
       source="negative control for SPEC Q1, Q3", control=True)
def control_planted():
    fam = GGJKK(2).family(4)
    subsets = list(itertools.combinations(range(1, 5), 2))
    mem = [fam.member(S) for S in subsets]
    mem[0] = mem[0] + mem[1]                      # ⟨f_0 + f_1, f_1⟩ = c: normalised correlation 1/√2
    G = gram_from_members(mem, hv.Gaussian(4))
    return [checks.exact_equal(sq_dim(G).value, 6), checks.exact_equal(csd(G, 0, 2 * GGJKK(2).norm2()).value, 6)]


@claim("Q2", "the Szörényi bound applies with τ² ≤ γ [deliberately wrong]: DKKZ planes at n = 50, γ = 5^-4",
       source="negative control for SPEC Q2", control=True)
def control_tau_gamma():
    return _failed(lambda: sq_bound("dkkz2020", 50, k=4, tau=R(1, 100), theorem="Q2"))


@claim("G7", "a CSQ bound for the GGJKK family under N(1/2·1, I) is PROVED [deliberately wrong: orthogonality "
             "fails, E[f_S f_T] = 0.18117…]", source="negative control for SPEC G1/G7", control=True)
def control_shifted():
    return _failed(lambda: sq_bound("goel2020", 4, hv.ShiftedGaussian(4, [R(1, 2)] * 4), k=2, tau=TAU))


@claim("G7", "the G7 bound computed with ‖f_S‖² = 1 equals the one with the proved norm 2 - 4/π "
             "[deliberately wrong]", source="negative control for SPEC G7", control=True, sweep={"n": [10, 10 ** 6]})
def control_unit_norm(n):
    st = _orbit(2, n)
    return checks.exact_equal(bessel(st, TAU, norm2=1).value, bessel(st, TAU).value)
