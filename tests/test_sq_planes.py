"""DKKZ's hard family over explicit planes (constructions/.../planes.py) and its SQ bounds.

Independent references: brute-force enumeration of polynomials over F_p (root counts, U_fᵀU_g) and the
exact decay correlation of planar.decay_correlation (SPEC D2) computed in R⁴.
"""

import itertools
from collections import Counter

import pytest
import sympy as sp

import hardverify as hv
from hardverify.constructions.diakonikolas_kane_kontonis_zarifis2020 import DKKZPlanes, root_count_distribution
from hardverify.constructions.diakonikolas_kane_kontonis_zarifis2020 import planar as P
from hardverify.errors import DomainError, HypothesisFailed
from hardverify.sq import OrbitStructure
from hardverify.sq.bounds import dkkz_lemma15, szorenyi
from hardverify.sq.wiring import sq_bound
from hardverify.verdict import Status


@pytest.mark.parametrize("p, r", [(3, 1), (3, 2), (5, 2), (5, 3), (7, 3)])
def test_root_counts_by_enumeration(p, r):
    cnt = Counter()
    for h in itertools.product(range(p), repeat=r):
        if any(h):
            cnt[sum(1 for x in range(p) if sum(c * x ** i for i, c in enumerate(h)) % p == 0)] += 1
    assert root_count_distribution(p, r) == dict(cnt)


def test_planes_gram_by_enumeration():
    # p = 3, r = 2: 9 planes in R^18; U_fᵀU_g = (j/p) I with j = #agreements, exactly
    fam = DKKZPlanes(4, degree=2)
    n = 18
    idx = list(fam.indices(n))
    U = {f: fam.plane(f, n) for f in idx}
    for f in idx:
        assert U[f].T * U[f] == sp.eye(2)
        for g in idx:
            if f != g:
                j = sum(1 for x in range(3) if (f[0] + f[1] * x - g[0] - g[1] * x) % 3 == 0)
                assert U[f].T * U[g] == sp.Rational(j, 3) * sp.eye(2)
    prof = fam.correlation_profile(n)
    assert prof.size == 9 and sum(o.pairs for o in prof.orbits) == 72


def test_decay_bound_holds_exactly():
    # the orbit bound (j/p)^k E[F_k²] against the exact correlation at U_fᵀU_g = (j/p) I (SPEC D2)
    fam = DKKZPlanes(4, degree=3)
    prof = fam.correlation_profile(50)                 # p = 5
    for o in prof.orbits:
        if o.invariant == 0:
            assert o.correlation == 0
            continue
        rho = sp.Rational(o.invariant, 5)
        exact = P.decay_correlation(4, [[rho, 0], [0, rho]], dps=20)
        assert exact.is_positive() and hv.enclose(o.bound, 30).ball > exact.ball


def test_member_is_the_rotated_planar_network():
    fam = DKKZPlanes(2, degree=1)
    f = fam.member((1,), 8)                            # p = 2, r = 1: constant polynomials
    assert hv.inner_product(f, f, hv.Gaussian(8)) == 2 - 4 / sp.pi


def test_bounds_through_the_engine():
    b = sq_bound(DKKZPlanes(4), 10 ** 6, tau="1e-2")   # p = 701, r = 26
    assert b.claim == "Q2" and b.model == "CSQ" and b.params["N"] == 701 ** 26
    l15 = dkkz_lemma15(OrbitStructure(DKKZPlanes(4).correlation_profile(10 ** 6)), "1e-2")
    assert l15.queries >= b.queries - 1 and "[MEM]" in l15.mem["Ω constant"]


def test_refusals():
    with pytest.raises(HypothesisFailed) as e:
        DKKZPlanes(3).correlation_profile(50)          # F_3 ≡ 0
    assert e.value.verdict.status is Status.REFUTED
    with pytest.raises(HypothesisFailed):
        DKKZPlanes(4).correlation_profile(50, hv.UniformSphere(50))
    with pytest.raises(HypothesisFailed):             # γ = (1/5)^4 > τ² = 10⁻⁴
        szorenyi(OrbitStructure(DKKZPlanes(4, degree=2).correlation_profile(50)), "1e-2")
    with pytest.raises(DomainError, match="n ≥ 2p²"):
        DKKZPlanes(4).family_size(5)
    with pytest.raises(DomainError, match="k must be"):
        DKKZPlanes(1)
    with pytest.raises(DomainError, match="prime"):
        root_count_distribution(4, 2)
    with pytest.raises(DomainError, match="index"):
        DKKZPlanes(4, degree=2).plane((0, 7), 50)
