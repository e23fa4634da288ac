"""GGJKK 2020 (SPEC §3): f_S, the parity table G2, the norm G3 (two routes), G4, G6, G9, certificates."""

import itertools
import math

import mpmath
import pytest
import sympy as sp
from flint import ctx
from helpers import STEP_STRICT, arb_of, assert_certified, assert_narrow
from references import mp_relu2_shifted_pair

import hardverify as hv
from hardverify.checks.orthogonality import check_family_orthogonality, check_orthogonality
from hardverify.constructions.goel2020 import GGJKK, TANH_HALF, _word_weight_bound, word_count
from hardverify.distributions import (
    AnisotropicGaussian,
    Gaussian,
    Hypercube,
    Radial,
    RadiusLaw,
    ShiftedGaussian,
    UniformCube,
    UniformSphere,
)
from hardverify.errors import DomainError, NotCertified
from hardverify.networks import hermite_component, inner_product
from hardverify.verdict import Status


# ------------------------------------------------------------------------------------- G3 / G5 values
def test_relu_k2_norm_is_two_minus_four_over_pi():
    assert GGJKK(2, "relu").norm2() == 2 - 4 / sp.pi                      # SPEC G5, V12
    assert GGJKK(1, "relu").norm2() == 1                                  # f = x


def test_spec_v12_last_digits_are_wrong():
    # 2 - 4/π = 0.72676045526483731384892989301988510372... (mpmath, 50 digits); SPEC V12 prints
    # 0.726760455264837313848929893024, whose last two digits should be 20.
    e = GGJKK(2, "relu").norm2(dps=40)
    assert_certified(e, "0.726760455264837313848929893020", 40)
    assert not e.matches("0.726760455264837313848929893024")


def test_sigmoid_k1_norm_spec_v15():
    e = GGJKK(1, "sigmoid").norm2(dps=30)
    assert_certified(e, "0.173516143432371850950596685128", 30)


@pytest.mark.parametrize("act", ["relu", "abs", "sign", "step", "erf"])
@pytest.mark.parametrize("k", [3, 5, 7])
def test_closed_form_norms_are_exact_and_vanish_by_parity(act, k):
    g = GGJKK(k, act)
    value = g.norm2()
    if hv.checks.parity_prediction(g).data["vanishes"]:
        assert sp.simplify(value) == 0
    else:
        assert hv.enclose(value, 20).is_positive()


def test_closed_forms_of_sign_and_erf_at_k3():
    # derived from G3 with H4: E[f_S²] = 8 Σ_j (-1)^j C(3,j) K(1 - 2j/3)
    assert sp.simplify(GGJKK(3, "sign").norm2() - (16 - 96 * sp.asin(sp.Rational(1, 3)) / sp.pi)) == 0
    expected = (32 * sp.asin(sp.Rational(2, 3)) - 96 * sp.asin(sp.Rational(2, 9))) / sp.pi
    assert sp.simplify(GGJKK(3, "erf").norm2() - expected) == 0


def test_dual_sum_equals_the_hermite_series_for_sigmoid():
    g = GGJKK(3, "sigmoid")
    a, b = g.norm2(dps=25), g.norm2_hermite_series(dps=25)
    assert_certified(a, b.ball, 25)                  # the two routes overlap, and both are narrow
    assert_narrow(b, 25)


def test_series_kernels_reproduce_the_closed_form():
    g = GGJKK(4, "relu")
    e = g.norm2(dps=12, algorithm="series")
    assert_certified(e, g.norm2(), 12)


def test_norm_does_not_depend_on_S_or_n():
    g = GGJKK(3, "erf")
    f = g.network({17, 400_000, 999_999}, 10 ** 6)
    assert sp.simplify(hv.inner_product(f, f, Gaussian(10 ** 6)) - g.norm2()) == 0


def test_normalisation_parameters():
    g = GGJKK(2, "relu", outer_scale=sp.Rational(1, 4))
    assert sp.simplify(g.norm2() - (2 - 4 / sp.pi) / 16) == 0
    h = GGJKK(2, "relu", inner_scale=1)                                   # |w| = √2; ReLU is 1-homogeneous
    assert sp.simplify(h.norm2() - 2 * (2 - 4 / sp.pi)) == 0
    f2 = h.network({1, 2}, 2)
    assert sp.simplify(hv.inner_product(f2, f2, Gaussian(2)) - h.norm2()) == 0


def test_norm_under_other_laws():
    g = GGJKK(2, "relu")
    assert sp.simplify(g.norm2(dist=UniformSphere(5, sp.sqrt(5))) - (2 - 4 / sp.pi)) == 0
    assert g.norm2(dist=Hypercube(5)) == 2                                # f_S(1)² = (√2)²


# ------------------------------------------------------------------------------------- T(k, m)
def test_word_counts_against_spec_and_brute_force():
    for (k, m), v in {(2, 4): 8, (3, 5): 60, (3, 7): 546, (4, 6): 480, (4, 8): 8064}.items():
        assert word_count(k, m) == v                                      # SPEC G3 table
    for k in range(1, 5):                                                 # independent: enumerate the words
        for m in range(8):
            brute = sum(1 for w in itertools.product(range(k), repeat=m) if all(w.count(a) % 2 for a in range(k)))
            assert word_count(k, m) == brute
    assert all(word_count(k, k) == math.factorial(k) for k in range(1, 11))


# ------------------------------------------------------------------------------------- G2, G4
SPEC_G2 = {"relu": lambda k: k == 1 or k % 2 == 0, "abs": lambda k: k % 2 == 0,
           "sign": lambda k: k % 2 == 1, "step": lambda k: k % 2 == 1, "erf": lambda k: k % 2 == 1,
           "tanh": lambda k: k % 2 == 1, "sigmoid": lambda k: k % 2 == 1}


@pytest.mark.parametrize("act", list(SPEC_G2))
def test_parity_table_matches_spec_g2(act):
    for k in range(1, 8):
        v = hv.checks.parity_prediction(GGJKK(k, act))
        assert v.status in (Status.PROVED, Status.CERTIFIED)
        assert v.data["vanishes"] is (not SPEC_G2[act](k))
        assert GGJKK(k, act).template.is_identically_zero() is (v.data["vanishes"] and v.data.get("pointwise", True))


def test_lowest_hermite_component_and_support():
    g = GGJKK(3, "sign")
    f = g.template
    assert sp.simplify(hermite_component(f, {1: 1, 2: 1, 3: 1}) - g.lowest_component()) == 0
    assert hermite_component(f, {1: 2, 2: 1, 3: 1}) == 0                  # an even α_i
    assert hermite_component(f, {1: 1, 2: 1}) == 0                        # support ≠ S
    assert sp.simplify(hermite_component(f, {1: 3, 2: 1, 3: 1})) != 0


def test_monomial_activation_gives_the_parity_monomial():
    # SPEC G2: t^k gives f_S = 2^k k! k^{-k/2} Π x_i
    f = GGJKK(3, hv.activation("monomial", degree=3)).template
    assert f.reduced().poly == {((1, 1), (2, 1), (3, 1)): 2 ** 3 * 6 / sp.sqrt(3) ** 3}


@pytest.mark.parametrize("k, ref", [(2, "0.63662"), (4, "0.15915"), (6, "0.12575")])
def test_lower_bound_values(k, ref):
    g = GGJKK(k, "relu")
    lb = g.norm2_lower_bound()
    assert_certified(hv.enclose(lb, 10), ref, 10)                         # SPEC G5 table
    assert hv.enclose(g.norm2() - lb, 20).is_positive() or k == 1


# ------------------------------------------------------------------------------------- G6
@pytest.mark.parametrize("k, value", [(2, sp.sqrt(2)), (4, -2), (6, 2 * sp.sqrt(6))])
def test_hypercube_values(k, value):
    assert sp.simplify(GGJKK(k, "relu").hypercube_value() - value) == 0


def test_hypercube_reduction_by_enumeration():
    g = GGJKK(2, "relu")
    f = g.network({1, 3}, 5)
    for x in itertools.product((1, -1), repeat=5):                        # f_S = f_S(1)·χ_S on {±1}^5
        assert sp.simplify(f(x) - g.hypercube_value() * x[0] * x[2]) == 0


# ------------------------------------------------------------------------------------- G1, G9
@pytest.mark.parametrize("n", [10, 10 ** 6])
def test_certify_the_whole_family(n):
    v = hv.checks.certify_family(GGJKK(4, "relu"), n)
    assert v.status is Status.PROVED and "c·I" in v.evidence


def test_certify_with_spot_checks_lists_the_pairs():
    v = hv.checks.certify_family(GGJKK(2, "erf"), 6, spot_checks=3, seed=4)    # erf with k = 2 vanishes: a trivial certificate
    assert v.status is Status.PROVED
    w = hv.checks.certify_family(GGJKK(3, "erf"), 6, spot_checks=3, seed=4)
    assert w.status is Status.PROVED and len(w.data["spot_checks"]) == 3


def test_family_orthogonality_under_reflection_invariant_controls():
    fam = GGJKK(2, "relu").family(6)
    assert check_family_orthogonality(fam, AnisotropicGaussian(6, [1, 2, 3, 4, 5, 6])).status is Status.PROVED
    assert check_family_orthogonality(fam, UniformCube(6)).status is Status.PROVED
    v = check_family_orthogonality(fam, ShiftedGaussian(6, sp.Rational(1, 2)))
    assert v.status is Status.REFUTED                                     # SPEC G1 negative control


def test_classification_family_g9():
    g = GGJKK(3, "sigmoid")
    assert check_family_orthogonality(g.classification_family(8), Gaussian(8)).status is Status.PROVED
    even = g.classification_family(8, psi=hv.activation("monomial", degree=2))
    v = check_family_orthogonality(even, Gaussian(8), samples=2000)
    assert v.status is Status.UNDECIDED                                   # ψ even: no certificate
    t = hv.t
    assert sp.simplify((2 / (1 + sp.exp(-t)) - 1 - TANH_HALF.expr).rewrite(sp.exp)) == 0


# ------------------------------------------------------------------------------------- bad input
@pytest.mark.parametrize("make, error, message", [
    (lambda: GGJKK(2).network({1, 5}, 4), DomainError, "outside"),
    (lambda: GGJKK(2).network({1, 2, 3}, 4), DomainError, "exactly k = 2"),
    (lambda: GGJKK(2).network({1, 1.5}, 4), DomainError, "integers"),
    (lambda: GGJKK(5).family(3), DomainError, "k = 5 > n = 3"),
    (lambda: GGJKK(0), DomainError, "k must be an integer >= 1"),
    (lambda: GGJKK(21), DomainError, "at most 20"),
    (lambda: GGJKK(2, outer_scale=0), DomainError, "non-zero"),
    (lambda: GGJKK(2).norm2(algorithm="series"), DomainError, "pass dps="),
    (lambda: GGJKK(2).norm2(algorithm="hermite"), DomainError, "algorithm must be one of"),
    (lambda: GGJKK(2).norm2(algorithm="quadrature"), DomainError, "algorithm must be one of"),
    (lambda: GGJKK(2).norm2(dist=ShiftedGaussian(3, 1)), DomainError, "depend on S"),
    # the uniform sphere and ball are certified for every σ now (tests/test_sphere_norms.py); other radius laws not
    (lambda: GGJKK(1, "sigmoid").norm2(dist=Radial(3, RadiusLaw.pareto(5)), dps=10), NotCertified, "radius law"),
    (lambda: GGJKK(2).norm2_hermite_series(dps=30, max_degree=64), NotCertified, "max_degree"),
])
def test_bad_input(make, error, message):
    with pytest.raises(error, match=message):
        make()


@pytest.mark.slow
@pytest.mark.parametrize("k", range(1, 10))
def test_sigmoid_norms_to_thirty_digits_by_two_routes(k):
    g = GGJKK(k, "sigmoid")
    a, b = g.norm2(dps=30), g.norm2_hermite_series(dps=30)
    assert a.ball.overlaps(b.ball)
    if k % 2:
        assert_certified(a, b.ball, 30)
        assert_narrow(b, 30)


# -- (moved from test_review_networks.py)
def test_v12_last_digits_are_020_not_024():
    # SPEC §8 V12 prints 2 - 4/π = 0.726760455264837313848929893024.  Reference: mpmath at 50 digits,
    # 2 - 4/π = 0.72676045526483731384892989301988510..., which rounds to ...893020 at 30 digits.
    with mpmath.workdps(50):
        ref = 2 - 4 / mpmath.pi
        assert mpmath.nstr(ref, 30) == "0.72676045526483731384892989302"   # mpmath drops the trailing 0
        # rounds to the 30-decimal string: |error| < half a unit in the 30th decimal
        assert abs(ref - mpmath.mpf("0.726760455264837313848929893020")) < mpmath.mpf("5e-31")
        assert abs(ref - mpmath.mpf("0.726760455264837313848929893024")) > mpmath.mpf("3e-30")
    e = GGJKK(2, "relu").norm2(dps=40)
    assert_certified(e, "0.726760455264837313848929893020", 40)
    assert not e.matches("0.726760455264837313848929893024")


def test_g1_negative_control_value_is_018117():
    # SPEC G1 prints 0.1808 ± 0.0002 (Monte Carlo); the author's correction is 0.18117128471160325456.
    # Reference: the clamp reduction mp_relu2_shifted_pair (tests/references.py; mpmath, 30 digits): 0.181171284711603254560335324529.
    # A second, closed-form-free check (nested mpmath quadrature, run offline, 25 digits) gave
    # 0.1811712847116032545603.
    ref = mp_relu2_shifted_pair("0.5", "0.5")
    with mpmath.workdps(30):
        assert abs(ref - mpmath.mpf("0.1811712847116032545603")) < mpmath.mpf("1e-21")
    g = GGJKK(2, "relu")
    e = inner_product(g.network({1, 2}, 3), g.network({2, 3}, 3), ShiftedGaussian(3, sp.Rational(1, 2)), dps=18)
    assert_certified(e, arb_of(ref), 18)
    assert_certified(e, "0.18117128471160325456", 18)
    assert abs(ref - mpmath.mpf("0.1808")) > 1.5 * mpmath.mpf("0.0002")      # SPEC's MC figure is 1.9σ low


def test_strict_step_ggjkk_is_not_identically_zero_on_the_hypercube():
    # Regression (unsound PROVED): with σ = 1{t>0}, f_S (k = 2) was "proved" ≡ 0 from σ - 1/2 odd,
    # and check_orthogonality(f, f, Hypercube) returned PROVED E[f²] = 0.  Exact: f_S(1,1) =
    # σ(√2) - 2σ(0) + σ(-√2) = 1, and f_S = f_S(1)·x1x2 on {±1}² (G6), so E[f_S²] = 1.
    f = GGJKK(2, STEP_STRICT).template
    assert f({1: 1, 2: 1}) == 1
    assert not f.is_identically_zero()
    assert inner_product(f, f, Hypercube(2)) == 1
    v = check_orthogonality(f, f, Hypercube(2))
    assert v.status is Status.REFUTED
    # the built-in step is 1{t > 0} too (issue 10): the same template, not identically zero
    h = GGJKK(2, "step").template
    assert not h.is_identically_zero() and h({1: 1, 2: 1}) == 1


def test_certify_without_a_norm_route_keeps_the_orthogonality_verdict():
    # Regression (robustness): certify under the uniform cube or N(0, 2I) raised DomainError from norm2.
    for D6 in (UniformCube(6), AnisotropicGaussian(6, 2)):
        assert hv.checks.certify_family(GGJKK(2, "relu"), 6, D6).status is Status.PROVED
    with pytest.raises(DomainError):                    # f_S on R^4 cannot live under a law on R^2
        GGJKK(4, "relu").norm2(dist=UniformSphere(2))


@pytest.mark.parametrize("k", [4, 10, 20])
def test_relu_norm_with_cancellation_against_120_digit_dual_sum(k):
    # E[f_S²] = 2^k Σ_j (-1)^j C(k,j) K(1 - 2j/k) with K the ReLU arc-cosine kernel (SPEC H4), summed
    # independently in mpmath at 120 digits (the alternating sum cancels ~2^k).
    with mpmath.workdps(120):
        K = lambda r: (mpmath.sqrt(1 - r * r) + r * mpmath.asin(r)) / (2 * mpmath.pi) + r / 4      # noqa: E731
        ref = 2 ** k * mpmath.fsum((-1) ** j * math.comb(k, j) * K(mpmath.mpf(k - 2 * j) / k) for j in range(k + 1))
        e = GGJKK(k, "relu").norm2(dps=30)
        with ctx.workprec(500):
            assert_certified(e, arb_of(ref, 100), 30)


def test_word_weight_tail_bound_dominates_exact_ratios():
    # sup_{m > M, m ≡ k} T(k,m)/k^m ≤ _word_weight_bound(k, M): exact rationals for M < m ≤ M + 120.
    for k in range(1, 9):
        for M in (k, k + 7, 40):
            b = _word_weight_bound(k, M)
            for m in range(M + 1, M + 121):
                if (m - k) % 2 == 0:
                    assert sp.Rational(word_count(k, m), k ** m) <= sp.Rational(b.numerator, b.denominator)


@pytest.mark.slow
def test_sigmoid_k3_norm_both_routes_against_nested_quadrature():
    # Reference (offline, nested mpmath quadrature at 25 digits, ~5 min): for odd k only the odd part
    # o = tanh(t/2)/2 of the sigmoid survives, K_o is odd in ρ, and
    # E[f_S²] = 8(2 K_o(1) - 6 K_o(1/3)) = 0.0098285429326633370195.
    g = GGJKK(3, "sigmoid")
    for e in (g.norm2(dps=18), g.norm2_hermite_series(dps=18)):
        assert_certified(e, "0.0098285429326633370195"[:21], 18)
