"""LZZ 2024: the regime calculator (C7) with its CLI, the LLL attack (C8) and the pancake family (Q3 inputs)."""

import json
import math
from fractions import Fraction

import pytest
import sympy as sp
from flint import arb

from hardverify.cli import main
from hardverify.constructions import li_zadik_zampetakis2024 as L
from hardverify.constructions.li_zadik_zampetakis2024 import family as F
from hardverify.constructions.protocol import Construction
from hardverify.distributions.clwe import CLWE, CLWENull
from hardverify.errors import DomainError, ResourceLimit
from hardverify.verdict import Status


# ------------------------------------------------------------------------------------------------ C7
def test_regime_hard_and_each_condition_is_a_verdict():
    r = L.regime(512, beta="0.001", gamma=46, sigma="0.001")
    assert r.overall == "hard regime" and all(v for v in r.verdicts)
    assert r.data["width"] == 4 * r.data["R"] + 1
    # R = γ_std·3√(ln 512) rounded up to ½Z: 46/√(2π)·3·√(ln 512) = 137.59… → 138
    assert r.data["R"] == Fraction(138)


def test_regime_brst_threshold_is_exact():
    d = 512                                   # 2√512 = 45.2548…; γ² compared with 4d = 2048 exactly
    assert L.regime(d, beta="0.001", gamma=2 * sp.sqrt(d), sigma="0.001").verdicts[1].status == Status.PROVED
    low = L.regime(d, beta="0.001", gamma=sp.Rational(45), sigma="0.001")
    assert low.verdicts[1].status == Status.REFUTED and low.overall == "not in the hard regime"
    # the wrong convention (γ_std read as γ) drops γ by √(2π) and leaves the regime
    slip = L.regime(d, beta="0.001", gamma=float(2 * math.sqrt(d) / math.sqrt(2 * math.pi)) + 1, sigma="0.001")
    assert slip.verdicts[1].status == Status.REFUTED
    same = L.regime(d, beta="0.001", gamma_std=2 * sp.sqrt(d) / sp.sqrt(2 * sp.pi), sigma="0.001")
    assert same.verdicts[1].status == Status.PROVED


def test_regime_noise_models_are_kept_apart():
    adv = L.regime(512, beta="0.001", gamma=46, sigma="0.001", noise_model="adversarial")
    assert adv.verdicts[3].status == Status.UNDECIDED and "SZB" in adv.verdicts[3].claim
    assert adv.overall == "undecided"
    assert L.regime(512, beta="0.001", gamma=46, sigma=0).verdicts[3].status == Status.REFUTED
    assert L.regime(512, beta=0, gamma=46, sigma="0.001").overall == "not in the hard regime"


def test_regime_subexponential_variant():
    d = 4096                                    # η = 1/2: d^η = 64
    inside = L.regime(d, beta="0.001", gamma=129, sigma=sp.Integer(2) ** -16, delta=1)     # σ² = 2^-32 ≥ 2^-64
    outside = L.regime(d, beta="0.001", gamma=129, sigma=sp.Integer(2) ** -40, delta=1)    # σ² = 2^-80
    assert inside.verdicts[3].status == Status.CERTIFIED and outside.verdicts[3].status == Status.REFUTED


def test_regime_bad_input():
    with pytest.raises(DomainError, match="d must be an integer ≥ 2"):
        L.regime(1, beta="0.1", gamma=3, sigma="0.1")
    with pytest.raises(DomainError, match="exactly one of gamma"):
        L.regime(10, beta="0.1", sigma="0.1")
    with pytest.raises(DomainError, match="noise_model"):
        L.regime(10, beta="0.1", gamma=7, sigma="0.1", noise_model="laplace")
    with pytest.raises(DomainError, match="beta must be ≥ 0"):
        L.regime(10, beta="-0.1", gamma=7, sigma="0.1")
    with pytest.raises(DomainError, match="gamma must be > 0"):
        L.regime(10, beta="0.1", gamma=0, sigma="0.1")


def test_cli_clwe_regime(capsys):
    assert main(["clwe-regime", "--d", "512", "--beta", "0.001", "--gamma", "46", "--sigma", "0.001"]) == 0
    assert "overall: hard regime" in capsys.readouterr().out
    assert main(["clwe-regime", "--d", "512", "--beta", "0.001", "--gamma-std", "2", "--sigma", "0.001", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["overall"] == "not in the hard regime" and data["verdicts"][1]["status"] == "REFUTED"
    assert main(["clwe-regime", "--d", "1", "--beta", "0.1", "--gamma", "3", "--sigma", "0.1"]) == 2
    assert "d must be an integer" in capsys.readouterr().out


# ------------------------------------------------------------------------------------------------ C8
@pytest.mark.parametrize("d", [4, 8, 12])
def test_attack_recovers_the_secret_without_noise(d):
    gamma = 2 * math.sqrt(d)
    law = CLWE(d, 0, gamma=gamma, seed=d)
    s, v = law.sample_exact(d + 1, seed=d + 1, bits=L.attack_bits(d, gamma))
    r = L.attack(s, gamma=gamma)
    assert r.decision == "clwe" and r.exact_relation and r.secret_numerators == v
    assert r.overlap(law.secret) > 1 - 1e-12
    null, _ = CLWENull(d, 0, gamma=gamma, seed=d).sample_exact(d + 1, seed=d + 2, bits=s.bits)
    rn = L.attack(null, gamma=gamma)
    assert rn.decision == "null" and rn.null_false_positive_bound < Fraction(1, 2 ** 64)


def test_attack_stops_working_with_polynomial_noise():
    rates = L.success_rate(10, 0.1, trials=3, seed=3)
    assert rates["clwe"] == 0 and rates["null"] == 0
    assert L.success_rate(10, 0, trials=3, seed=3)["clwe"] == 1


def test_attack_bad_input():
    with pytest.raises(DomainError, match="DyadicSamples"):
        L.attack([[1, 2]], gamma=1)
    law = CLWE(4, 0, gamma=4, seed=1)
    s, _ = law.sample_exact(3, seed=1, bits=64)
    with pytest.raises(DomainError, match="d \\+ 1"):
        L.attack(s, gamma=4)
    s, _ = law.sample_exact(5, seed=1, bits=64)
    with pytest.raises(DomainError, match="gamma"):
        L.attack(s, gamma=-1)
    big = CLWE(L.attack.__globals__["MAX_ATTACK_DIM"] + 1, 0, gamma=4, seed=1)
    with pytest.raises(ResourceLimit, match="d ≤"):
        L.attack(big.sample_exact(2, seed=1, bits=16)[0], gamma=4)
    with pytest.raises(DomainError, match="d must be an integer"):
        L.success_rate(0, 0, trials=1, seed=1)


# ------------------------------------------------------------------------------------------------ Q3 inputs
def test_packing_bound_against_the_exact_tail():
    # odd n: P(|t| ≥ ρ) = 2 c_n ∫_ρ^1 (1 - t²)^{(n-3)/2} dt is rational·polynomial — exact by sympy
    t = sp.Symbol("t")
    for n, rho in ((9, Fraction(1, 3)), (33, Fraction(1, 4))):
        cn = sp.gamma(sp.Rational(n, 2)) / (sp.sqrt(sp.pi) * sp.gamma(sp.Rational(n - 1, 2)))
        exact = sp.nsimplify(2 * cn * sp.integrate((1 - t ** 2) ** ((n - 3) // 2), (t, sp.Rational(rho), 1)))
        bound = F.pair_tail_bound(n, rho)
        assert float(exact) <= float(bound.mid()) and bound >= float(exact)
    m = F.packing_size(1024, Fraction(1, 5))
    p = F.pair_tail_bound(1024, Fraction(1, 5))
    assert m * (m - 1) * p < 2 and not ((m + 1) * m * p < 2)


def test_pancake_family_profile_is_a_chi_profile():
    fam = L.PancakeFamily("0.1")
    assert isinstance(fam, Construction)
    prof = fam.correlation_profile(10 ** 4, dps=15)
    assert prof.kind == "chi" and prof.size == fam.family_size(10 ** 4) > 10 ** 10
    assert prof.diagonal.matches("6.07106781186548")                      # χ² at γ = 200: the C3 limit
    assert prof.orbits[0].bound.is_positive() and prof.orbits[0].bound.ball < arb(10) ** -1000
    assert fam.member(3, 8).n == 8


def test_family_bad_input():
    with pytest.raises(DomainError, match="n ≥ 4"):
        F.packing_size(3, Fraction(1, 2))
    with pytest.raises(DomainError, match="rho0 must be < 1"):
        F.pair_tail_bound(10, 1)
    with pytest.raises(DomainError, match="beta"):
        L.PancakeFamily(0)
