"""Orthogonality verdicts (checks/orthogonality.py): symmetry certificates hold pointwise (not merely a.e.),
the family certificate never promotes one pair, non-invariant laws give no certificate, Monte Carlo stays
evidence.  References: exact enumeration on {±1}^n in plain Python and the mpmath clamp reduction."""

import itertools

import numpy as np
import pytest
import sympy as sp
from helpers import ADVERSARIAL_ACTS, SIGN_LEFT, STEP_STRICT, arb_of, assert_certified, random_network
from references import mp_relu2_shifted_pair

import hardverify as hv
from hardverify.checks.orthogonality import check_family_orthogonality, check_orthogonality
from hardverify.constructions.goel2020 import GGJKK
from hardverify.distributions import (
    Gaussian,
    Hypercube,
    ShiftedGaussian,
    UniformCube,
    reflection,
)
from hardverify.networks import ComposedNetwork, Network, SubsetFamily, inner_product
from hardverify.verdict import Status


# -- (moved from test_review_networks.py)
def test_pointwise_symmetry_certificate_on_the_hypercube():
    # Regression: f = σ(x1+x2) + σ(-x1-x2) "= 1" a.e., so f∘R1 = f was claimed, with g odd under R1 -
    # a certificate for E[fg] = 0.  Pointwise on {±1}², f = 1 + [x1 = -x2]·(2σ(0) - 1) and with
    # σ = 1{t>0}, g = x1x2 on the cube: f = 0 where x1 = -x2 and f = g = 1 where x1 = x2, so
    # E[fg] = 2/4 = 1/2 by hand.
    f = Network([[1, 1], [-1, -1]], STEP_STRICT, n=2)
    g = Network([[1, 1], [-1, -1], [1, -1], [-1, 1]], STEP_STRICT, outputs=[1, 1, -1, -1],
                biases=[-sp.Rational(3, 2)] * 4, n=2)
    cube = list(itertools.product((1, -1), repeat=2))
    assert [g(list(x)) for x in cube] == [x[0] * x[1] for x in cube]
    assert sum(f(list(x)) * g(list(x)) for x in cube) / 4 == sp.Rational(1, 2)
    assert f.symmetry_sign(reflection(1)) is None
    v = check_orthogonality(f, g, Hypercube(2), cross_check=False)
    assert v.status is Status.REFUTED


def test_composed_network_needs_psi_odd_at_every_point():
    # Regression (unsound family PROVED under N(0, I)): ψ = sign with ψ(0) = -1 is odd a.e., and
    # f(x) = ReLU(x - 1) - ReLU(-x - 1) is odd and vanishes on |x| < 1, a set of positive mass, where
    # ψ∘f = -1 is not odd.  For the k = 1 family, E[ψf(x_i) ψf(x_j)] = (E ψf)² = (1 - 2Φ(1))² > 0.
    f = Network([[1], [-1]], "relu", outputs=[1, -1], biases=[-1, -1], n=1)
    fam = SubsetFamily(ComposedNetwork(SIGN_LEFT, f), 5)
    v = check_family_orthogonality(fam, Gaussian(5))
    assert v.status is not Status.PROVED
    assert ComposedNetwork(SIGN_LEFT, f).symmetry_sign(reflection(1)) is None
    # the genuinely odd ψ keeps its certificate (SPEC G9)
    assert ComposedNetwork("sign", f).symmetry_sign(reflection(1)) == -1
    assert check_family_orthogonality(SubsetFamily(ComposedNetwork("tanh", f), 5), Gaussian(5)).status is Status.PROVED


def test_orthogonality_verdicts_agree_with_exact_enumeration_on_the_hypercube():
    # PROVED ⇒ the exact mean over {±1}³ (plain Python) is 0; REFUTED ⇒ it is not.
    rng = np.random.default_rng(7)
    proved = 0
    for trial in range(60):
        act = ADVERSARIAL_ACTS[trial % len(ADVERSARIAL_ACTS)]
        f, g = random_network(rng, act), random_network(rng, ADVERSARIAL_ACTS[(trial * 7 + 3) % len(ADVERSARIAL_ACTS)])
        exact = sum(f(list(x)) * g(list(x)) for x in itertools.product((1, -1), repeat=3)) / 8
        v = check_orthogonality(f, g, Hypercube(3), cross_check=False)
        if v.status is Status.PROVED:
            proved += 1
            assert sp.simplify(exact) == 0, (trial, v.evidence)
        elif v.status is Status.REFUTED:
            assert sp.simplify(exact) != 0
    assert proved >= 5


def test_family_fallback_does_not_promote_one_pair():
    # Regression (unsound family PROVED): a law keeping the reflections of x_1..x_4 but not of x_5, x_6.
    # The probe pair {1,2}, {2,3} has a certificate, but the pair {5,7}, {6,7} has none and is not
    # orthogonal: E = 2 E_{x7}[C(|x7|)²] with X ~ N(1/2, 1), x7 ~ N(0, 1) (mp_relu2_shifted_pair, tests/references.py).
    D8 = ShiftedGaussian(8, {5: sp.Rational(1, 2), 6: sp.Rational(1, 2)})
    g = GGJKK(2, "relu")
    v = check_family_orthogonality(g.family(8), D8)
    assert v.status is Status.REFUTED
    ref = mp_relu2_shifted_pair("0.5", "0")
    e = inner_product(g.network({5, 7}, 8), g.network({6, 7}, 8), D8, dps=15)
    assert_certified(e, arb_of(ref), 15)
    assert not e.contains_zero()
    assert hv.checks.certify_family(g, 8, D8).status is Status.REFUTED
    # only one shifted coordinate: every pair has a certificate, but the fallback proves only one pair
    one = check_family_orthogonality(g.family(8), ShiftedGaussian(8, {5: sp.Rational(1, 2)}))
    assert one.status is Status.UNDECIDED


@pytest.mark.parametrize("k", [1, 2, 3])
def test_family_certificate_at_the_edges(k):
    g = GGJKK(k, "erf")
    assert check_family_orthogonality(g.family(k), Gaussian(k)).status is Status.PROVED  # one member
    v = check_family_orthogonality(g.family(10 ** 6), Hypercube(10 ** 6))
    assert v.status is Status.PROVED
    # exact enumeration at small n: f_S ⊥ f_T for every pair with any overlap |S ∩ T| (k ≤ 3, n = 5)
    n = k + 2
    fam = g.family(n)
    subsets = list(itertools.combinations(range(1, n + 1), k))
    for S, T in itertools.combinations(subsets, 2):
        assert inner_product(fam.member(S), fam.member(T), Hypercube(n)) == 0


def test_non_invariant_laws_never_yield_a_certificate_for_a_shifted_coordinate():
    g = GGJKK(2, "relu")
    f, h = g.network({1, 2}, 3), g.network({2, 3}, 3)
    for D3 in (ShiftedGaussian(3, sp.Rational(1, 2)), ShiftedGaussian(3, [sp.Rational(1, 3), 0, sp.Rational(1, 3)])):
        from hardverify.checks.orthogonality import find_symmetry_certificate
        cert = find_symmetry_certificate(f, h, D3)
        assert cert is None or D3.is_invariant_under(cert[0])
    # with x_2 shifted only, x_1 ↦ -x_1 is still a symmetry: the pair is orthogonal
    assert check_orthogonality(f, h, ShiftedGaussian(3, [0, sp.Rational(1, 2), 0])).status is Status.PROVED


def test_monte_carlo_is_never_a_proof_or_a_refutation():
    # no symmetry, no certified route (the cube): only UNDECIDED, whatever the Monte Carlo mean says
    f = Network([[1, 1]], "relu", biases=[1])
    g = Network([[1, 0]], "relu", biases=[-1])
    v = check_orthogonality(f, g, UniformCube(2), samples=4000)
    assert v.status is Status.UNDECIDED and "evidence" in v.method
    fam = SubsetFamily(ComposedNetwork("sigmoid", GGJKK(2, "relu").template), 4)   # ψ not odd
    w = check_family_orthogonality(fam, Gaussian(4), samples=4000)
    assert w.status is Status.UNDECIDED
