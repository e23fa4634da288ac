"""VW 2019 (SPEC §4, W4–W5 and the float64 experiment): hard families, information table, ranks.

W4 is correlational (CSQ) only (SPEC §11).  References: SPEC V20 (1/480), F1 (dimension formulas),
F2.5 (P_2(0) = -1/(n-1)), Vandermonde's identity for orbit counts, hand-computed ranks.
"""

import itertools
import math

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from hardverify.constructions.protocol import Construction
from hardverify.constructions.vempala_wilmes2019 import random_rational_points
from hardverify.constructions.vempala_wilmes2019.experiment import (
    format_table,
    legendre_float,
    run_experiment,
    sphere_sample,
)
from hardverify.constructions.vempala_wilmes2019.family import (
    MonomialFamily,
    ZonalFamily,
    dimension_count,
    information_table,
    projected_rank,
)
from hardverify.distributions import Gaussian, Hypercube, ShiftedGaussian, UniformSphere
from hardverify.errors import DomainError, HypothesisFailed
from hardverify.verdict import Status

R = sp.Rational


# ------------------------------------------------------------------------------ W4 monomials
def test_monomial_profile_v20():
    fam = MonomialFamily(3)
    assert isinstance(fam, Construction)
    p = fam.correlation_profile(6)
    assert p.diagonal == R(1, 480)                                       # SPEC V20 (Dirichlet formula)
    assert p.size == 20 and p.is_exactly_orthogonal()
    assert all(v.status is Status.PROVED for v in p.evidence)
    assert fam.norm2(dist=UniformSphere(6), algorithm="moments") == R(1, 480)


@given(st.integers(2, 60), st.integers(1, 8))
@settings(max_examples=40, deadline=None)
def test_monomial_orbit_counts_vandermonde(n, k):
    if k > n:
        return
    p = MonomialFamily(k).correlation_profile(n)
    N = math.comb(n, k)
    # Vandermonde: Σ_{j<k} C(k,j) C(n-k,k-j) = C(n,k) - 1 partners per member
    assert sum(o.pairs for o in p.orbits) == N * (N - 1)
    assert p.diagonal == R(1, math.prod(n + 2 * i for i in range(k)))


def test_monomial_other_laws_and_errors():
    fam = MonomialFamily(2)
    assert fam.norm2(dist=Gaussian(5)) == 1                              # E[x1² x2²] = 1 under N(0, I)
    assert fam.norm2(dist=Hypercube(5)) == 1
    assert fam.correlation_profile(5, Gaussian(5)).diagonal == 1
    with pytest.raises(HypothesisFailed):
        fam.correlation_profile(5, ShiftedGaussian(5, R(1, 2)))
    with pytest.raises(DomainError, match="pass dist"):
        fam.norm2()
    with pytest.raises(DomainError, match="algorithm"):
        fam.norm2(dist=UniformSphere(5), algorithm="quad")
    with pytest.raises(DomainError, match="k = 2 > n = 1|n must be"):
        fam.family_size(1)
    with pytest.raises(DomainError, match="distinct coordinates"):
        fam.member((1, 1), 5)
    with pytest.raises(DomainError, match="k must be"):
        MonomialFamily(0)
    assert fam.member({2, 4}, 5) == sp.Symbol("x2", real=True) * sp.Symbol("x4", real=True)
    assert fam.harmonicity().status is Status.PROVED
    assert fam.norm2(dist=UniformSphere(5), dps=20).contains(R(1, 35))


def test_normalized_monomials_and_the_sq_engine():
    fam = MonomialFamily(3, normalized=True)
    assert fam.correlation_profile(6).diagonal == 1
    assert fam.member((1, 2, 3), 6) == sp.sqrt(480) * sp.Mul(*sp.symbols("x1:4", real=True))   # 1/√(1/480)
    from hardverify.sq import sq_bound
    b = sq_bound(MonomialFamily(5, normalized=True), 10 ** 4, tau=R(1, 10 ** 4))
    assert b.model == "CSQ" and b.verdict().status is Status.PROVED
    assert b.queries > math.log2(math.comb(10 ** 4, 5))                  # far above the information cost
    with pytest.raises(DomainError, match="normalized must be"):
        MonomialFamily(3, normalized=1)


def test_monomial_pairwise_moments_small_n():
    # every pair at n = 4, k = 2 by exact sphere moments (independent of the reflection argument)
    from hardverify.sphere import sphere_moment
    subsets = list(itertools.combinations(range(4), 2))
    for S in subsets:
        for T in subsets:
            alpha = [0] * 4
            for i in S + T:
                alpha[i] += 1
            v = 0 if any(a % 2 for a in alpha) else sphere_moment(4, tuple(alpha))
            assert (v != 0) == (S == T)


# ------------------------------------------------------------------------------ W4 zonal
@pytest.mark.parametrize("n", [5, 10, 1000])
def test_zonal_disjoint_correlation_f25(n):
    # SPEC F2.5: P_2^{(n)}(0) = -1/(n - 1)
    p = ZonalFamily(2, support=2).correlation_profile(n)
    disjoint = [o for o in p.orbits if o.invariant == 0][0]
    assert disjoint.correlation == R(-1, n - 1)
    assert p.diagonal == 1 and sum(o.pairs for o in p.orbits) == p.size * (p.size - 1)


def test_zonal_correlation_by_integration():
    # E[F_S F_T] = P_k(⟨u_S, u_T⟩) (F3) by exact polynomial integration at n = 3, k = 2, |S ∩ T| = 1
    from hardverify.constructions.vempala_wilmes2019.targets import coordinates
    from hardverify.sphere import sphere_moment
    fam = ZonalFamily(2, support=2)
    xs = coordinates(3)
    poly = sp.Poly(sp.expand(fam.member((1, 2), 3) * fam.member((2, 3), 3)), *xs)
    val = sp.Add(*[c * (0 if any(e % 2 for e in mon) else sphere_moment(3, mon)) for mon, c in poly.terms()])
    assert sp.nsimplify(val) == fam.correlation(3, 1) == R(-1, 8)       # P_2(1/2) = (3/4 - 1)/2


def test_zonal_errors():
    with pytest.raises(DomainError, match="support"):
        ZonalFamily(2, support=5).family_size(4)
    with pytest.raises(DomainError, match="UniformSphere"):
        ZonalFamily(2).correlation_profile(4, Gaussian(4))
    with pytest.raises(DomainError, match="uniform sphere"):
        ZonalFamily(2).norm2(dist=Gaussian(4))
    assert ZonalFamily(2).norm2() == 1


# ------------------------------------------------------------------------------ information, W5
def test_information_table():
    rows = information_table([10, 10 ** 6], [1, 3])
    assert [r["size"] for r in rows] == [10, 120, 10 ** 6, math.comb(10 ** 6, 3)]
    assert rows[0]["ratio"].contains(1)
    assert rows[1]["log2_size"].contains(sp.log(120, 2)) and rows[1]["log2_size"].rel_accuracy_digits() >= 15


@pytest.mark.parametrize("n, k", [(3, 4), (10, 3), (100, 6), (10 ** 6, 10)])
def test_dimension_count(n, k):
    v = dimension_count(n, k)
    assert v.status is Status.PROVED
    # SPEC F1 independent formula N(n,ℓ) = C(n+ℓ-1,ℓ) - C(n+ℓ-3,ℓ-2), summed
    direct = sum(math.comb(n + l - 1, l) - (math.comb(n + l - 3, l - 2) if l >= 2 else 0) for l in range(k + 1))
    assert v.data["dimension"] == direct


def test_projected_rank_reference():
    # n = 3, k = 4, ReLU: μ_3 = 0, so rank ≤ N(3,0)+N(3,1)+N(3,2)+N(3,4) = 1+3+5+9 = 18 < 25 = Σ_{ℓ≤4} N(3,ℓ)
    W = random_rational_points(3, 30, seed=3)
    r = projected_rank(W, "relu", 3, 4)
    assert (r["rank"], r["dim_J"], r["dim"], r["degrees"]) == (18, 18, 25, [0, 1, 2, 4])
    assert projected_rank(W, "relu", 3, 4, bias=R(1, 2))["rank"] == 25
    assert projected_rank(W[:7], "relu", 3, 4)["rank"] == 7
    with pytest.raises(DomainError, match="rational unit points"):
        projected_rank([(1 / sp.sqrt(2), 1 / sp.sqrt(2), 0)], "relu", 3, 2)


# ------------------------------------------------------------------------------ experiment (evidence)
def test_experiment_is_seeded_and_matches_prediction():
    a = run_experiment(n=3, m=150, samples=3000, steps=(0, 50, 300), seeds=(4,))
    b = run_experiment(n=3, m=150, samples=3000, steps=(0, 50, 300), seeds=(4,))
    assert a["rows"] == b["rows"]
    assert a["eta_prime"] == 16.0                                        # 1/M, M = μ_0(ReLU; 3)² = 1/16
    for row in a["rows"]:
        if row["t"] == 0:
            assert row["measured"] == pytest.approx(1.0, abs=1e-12)
    slow = [r for r in a["rows"] if r["degree"] == 4]
    fast = [r for r in a["rows"] if r["degree"] == 2]
    assert slow[-1]["measured"] > fast[-1]["measured"]                   # low degrees first
    assert "ℓ=4 predicted" in format_table(a)


def test_experiment_helpers_and_errors():
    x = np.linspace(-1, 1, 7)
    assert np.allclose(legendre_float(3, 2, x), (3 * x ** 2 - 1) / 2)    # classical Legendre P_2
    pts = sphere_sample(np.random.default_rng(0), 5, 4)
    assert np.allclose(np.linalg.norm(pts, axis=1), 1)
    with pytest.raises(DomainError, match="m must be"):
        run_experiment(m=0)
    with pytest.raises(DomainError, match="steps"):
        run_experiment(steps=(-1,))
    with pytest.raises(DomainError, match="coefficients"):
        run_experiment(coefficients={})
    with pytest.raises(DomainError, match="eta_prime"):
        run_experiment(eta_prime=-1.0, steps=(0,))
    with pytest.raises(DomainError, match="off by .* > tolerance"):
        run_experiment(weights=[[1.0, 1e-3, 0.0]], steps=(0,))
    with pytest.raises(DomainError, match="shape"):
        run_experiment(weights=[[1.0, 0.0]], steps=(0,))
    r = run_experiment(weights=[[1.0, 1e-12, 0.0], [0.0, 1.0, 0.0]], samples=500, steps=(0, 5), seeds=(0,))
    assert r["m"] == 2
