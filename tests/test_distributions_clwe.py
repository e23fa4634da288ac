"""CLWE_{β,γ}, its null and homogeneous CLWE (SPEC §0.3, §5.1): conventions, seeded samplers, bad input.

Reference facts: D_1 = N(0, I/(2π)) (SPEC §0.3), so Var⟨y, w⟩ = 1/(2π); E cos 2πz = e^{-πβ²} cos(...)
averages (C1); the pancake marginal has E cos(2πγt) = [e^{-πγ²} + a_1(1 + e^{-4πγ²}) + …]/Z (C2 theta form).
"""

import math

import numpy as np
import pytest

from hardverify.constructions import li_zadik_zampetakis2024 as L
from hardverify.distributions.clwe import CLWE, MAX_SAMPLE_ENTRIES, CLWENull, HomogeneousCLWE, to_brst, to_standard
from hardverify.errors import DomainError, ResourceLimit


def test_conventions_are_explicit_and_consistent():
    law = CLWE(5, "0.1", gamma=3, seed=0)
    law2 = CLWE(5, "0.1", gamma_std=3 / math.sqrt(2 * math.pi), seed=0)
    assert math.isclose(law.gamma_std, law2.gamma_std) and math.isclose(law.gamma, law2.gamma)
    assert math.isclose(float(L.gamma_std(3)), law.gamma_std, rel_tol=1e-15)      # exact vs float conversion
    Y, z = law.sample(4, seed=1, convention="brst")
    X, z2 = law.sample(4, seed=1, convention="standard")
    assert np.allclose(to_standard(Y), X) and np.allclose(to_brst(X), Y) and np.array_equal(z, z2)
    # the phase is the same in both conventions: γ⟨y, w⟩ = γ_std⟨x, w⟩
    assert np.allclose(law.gamma * (Y @ law.secret), law.gamma_std * (X @ law.secret))


def test_seeded_samplers_are_reproducible():
    a = CLWE(3, "0.2", gamma=2, seed=5).sample(10, seed=9, convention="brst")
    b = CLWE(3, "0.2", gamma=2, seed=5).sample(10, seed=9, convention="brst")
    assert all(np.array_equal(x, y) for x, y in zip(a, b))
    assert np.array_equal(HomogeneousCLWE(3, "0.2", gamma=2, seed=5).sample(7, seed=1, convention="brst"),
                          HomogeneousCLWE(3, "0.2", gamma=2, seed=5).sample(7, seed=1, convention="brst"))


def test_input_law_is_D1_and_labels_are_damped_cosines():
    law = CLWE(4, "0.5", gamma=1, seed=2)
    Y, z = law.sample(200_000, seed=3, convention="brst")
    assert abs(np.var(Y @ law.secret) - 1 / (2 * math.pi)) < 3e-3          # D_1: variance 1/(2π)
    # C1: E[cos 2πz | y] = e^{-πβ²} cos 2πγ⟨y, w⟩, so E[cos 2πz · cos 2πγ⟨y,w⟩] = e^{-πβ²} E cos²(…)
    c = np.cos(2 * math.pi * law.gamma * (Y @ law.secret))
    lhs = np.mean(np.cos(2 * math.pi * z) * c)
    rhs = math.exp(-math.pi * 0.25) * np.mean(c * c)
    assert abs(lhs - rhs) < 5e-3
    _, zn = CLWENull(4, "0.5", gamma=1, seed=2).sample(200_000, seed=3, convention="brst")
    assert abs(np.mean(np.cos(2 * math.pi * zn))) < 1e-2


def test_pancake_sampler_matches_the_certified_density():
    law = HomogeneousCLWE(3, "0.3", gamma="1.5", seed=4)
    Y = law.sample(200_000, seed=5, convention="brst")
    t = Y @ law.secret
    # P(|t| < 0.1) from the certified density by a 200-point midpoint rule (error ≪ the MC tolerance)
    grid = [(-0.1 + 0.2 * (i + 0.5) / 200) for i in range(200)]
    p = sum(float(L.density(round(x, 6), "0.3", "1.5", dps=10)) for x in grid) * 0.2 / 200
    assert abs(np.mean(np.abs(t) < 0.1) - p) < 4e-3
    # orthogonally to w the law is D_1
    u = np.linalg.svd(law.secret.reshape(1, -1))[2][1]
    assert abs(np.var(Y @ u) - 1 / (2 * math.pi)) < 3e-3


def test_exact_samples_are_dyadic_and_noiseless_relation_holds():
    law = CLWE(3, 0, gamma=2, seed=1)
    s, v = law.sample_exact(4, seed=2, bits=50)
    for row, z in zip(s.Y, s.z):
        assert 0 <= z < 2 ** 100 and (sum(a * b for a, b in zip(row, v)) - z) % 2 ** 100 == 0


def test_bad_input():
    with pytest.raises(DomainError, match="exactly one of gamma"):
        CLWE(3, "0.1", seed=0)
    with pytest.raises(DomainError, match="exactly one of gamma"):
        CLWE(3, "0.1", gamma=1, gamma_std=1, seed=0)
    with pytest.raises(DomainError, match="gamma must be > 0"):
        CLWE(3, "0.1", gamma=0, seed=0)
    with pytest.raises(DomainError, match="beta must be ≥ 0"):
        CLWE(3, "-0.1", gamma=1, seed=0)
    with pytest.raises(DomainError, match="dimension n must be an integer ≥ 1"):
        CLWE(0, "0.1", gamma=1, seed=0)
    with pytest.raises(DomainError, match="seed"):
        CLWE(3, "0.1", gamma=1)
    with pytest.raises(DomainError, match="convention must be one of"):
        CLWE(3, "0.1", gamma=1, seed=0).sample(3, seed=1, convention="gaussian")
    with pytest.raises(ResourceLimit, match="floats"):
        CLWE(10 ** 4, "0.1", gamma=1, seed=0).sample(MAX_SAMPLE_ENTRIES, seed=1, convention="brst")
    with pytest.raises(DomainError, match="bits"):
        CLWE(3, 0, gamma=1, seed=0).sample_exact(4, seed=1, bits=2)
    with pytest.raises(DomainError, match="secret"):
        CLWE(3, 0, gamma=1, secret=[0, 0, 0])
    with pytest.raises(DomainError, match="number of samples"):
        HomogeneousCLWE(3, "0.1", gamma=1, seed=0).sample(0, seed=1, convention="standard")
