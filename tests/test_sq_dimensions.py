"""SPEC Q1, Q3, Q5: the dimensions from their definitions (hardverify.sq.dimensions).

Reference values are computed by hand from the definitions (stated beside each test) or by the independent
all-subsets search; exact results are compared with ==.
"""

import math

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from hardverify.errors import DomainError, ResourceLimit
from hardverify.sq import GramStructure, csd, csd_to_csda, csda, sq_dim, statistical_dimension
from hardverify.sq.structures import BoundStructure

R = sp.Rational


def diag(values):
    n = len(values)
    return GramStructure([[values[i] if i == j else 0 for j in range(n)] for i in range(n)])


def test_csda_orthonormal_by_hand():
    # N = 10 orthonormal: the worst C′ of size m has ρ = 1/m; ρ ≤ 1/3 ⇔ m ≥ 3; the largest integer s with
    # ⌈10/s⌉ ≥ 3 is s = 4 (⌈10/4⌉ = 3, ⌈10/5⌉ = 2)
    assert csda(diag([1] * 10), R(1, 3)).value == 4
    assert csda(diag([1] * 10), R(1, 3), method="subsets").value == 4
    assert csda(diag([1] * 10), 1).value == math.inf          # every singleton already passes
    assert csda(diag([1] * 10), R(1, 20)).value == 0          # even ρ(C) = 1/10 > 1/20


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(1, 6), min_size=2, max_size=7), st.integers(1, 12), st.booleans())
def test_csda_formula_equals_subset_search(norms, g, zero):
    # the counting formula (orthogonal, equal norms) against the brute force over all 2^N subsets
    c = norms[0]
    vals = [c] * len(norms) + ([0] if zero else [])
    G = diag(vals)
    gamma = R(g, 12)
    assert csda(G, gamma).value == csda(G, gamma, method="subsets").value


def test_every_versus_some_differ():
    # C = {0} ∪ 3 orthonormal: 'some' finds C′ = {0} with ρ = 0 for every s (∞); 'every' at γ = 1/2 needs
    # all C′ of size ≥ ⌈4/s⌉ to have ρ ≤ 1/2: size 1 {f} has ρ = 1 (fails), size 2 {f, g} has 1/2: s = 3
    G = diag([1, 1, 1, 0])
    assert csda(G, R(1, 2), quantifier="some").value == math.inf
    assert csda(G, R(1, 2)).value == 3
    with pytest.raises(DomainError, match="quantifier"):
        csda(G, R(1, 2), quantifier="any")


def test_lemma30_integer_convention():
    # N = 10 orthonormal (CSD(C, 0, 1) = 10): DKPZ21 Lemma 30 with γ′ = 0.31 states CSDA(C, 0.31) ≥ 3.1,
    # but with integer s the definition gives CSDA = 3 (s = 4 needs every C′ of size 3, ρ = 1/3 > 0.31);
    # the sound integer reading is ⌊3.1⌋ = 3 (SPEC Q5 correction, see the dimensions module)
    G = diag([1] * 10)
    exact = csda(G, R(31, 100)).value
    lemma = csd_to_csda(csd(G, 0, 1).value, 0, 1, R(31, 100))
    assert exact == 3 and sp.Rational(lemma.params["published_real_bound"]) == R(31, 10)
    assert lemma.value == 3 <= exact


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 40), st.integers(1, 5), st.integers(1, 30))
def test_lemma30_holds_for_orthogonal_families(N, c, g):
    # property: exact CSDA(C, γ′) ≥ ⌊N γ′/β⌋ for N orthogonal members of norm² c = β (γ = 0)
    G = diag([c] * N) if N <= 40 else None
    gp = R(g, 30)
    assert csda(G, gp).value >= csd_to_csda(N, 0, c, gp).value


def test_planted_pair_drops_dimensions():
    # 6 orthonormal members, then member 5 replaced by (f_0 + f_5)/√2-like Gram: ⟨f_0, f_5⟩ = 1/2
    n = 6
    M = [[1 if i == j else 0 for j in range(n)] for i in range(n)]
    assert sq_dim(GramStructure(M)).value == 6 and csd(GramStructure(M), 0, 1).value == 6
    M[0][5] = M[5][0] = R(1, 2)
    G = GramStructure(M)
    # SQ-DIM: |ρ| = 1/2 > 1/d for d ≥ 3, so a d-set must drop one of {0, 5}: d = 5
    assert sq_dim(G).value == 5
    assert csd(G, 0, 1).value == 5 and csd(G, R(1, 2), 1).value == 6


def test_sq_dim_orbit_and_bound():
    assert sq_dim(BoundStructure(10 ** 30, 0, 1)).value == 10 ** 30
    d = sq_dim(BoundStructure(10 ** 30, R(1, 1000), 1))
    assert d.value == 1000 and not d.exact


def test_statistical_dimension_needs_chi():
    G = GramStructure([[1, 0], [0, 1]], kind="chi")
    assert statistical_dimension(G, 0, 1).value == 2
    with pytest.raises(DomainError, match="χ-correlations"):
        statistical_dimension(diag([1, 1]), 0, 1)


def test_bad_input():
    G = diag([1, 1])
    with pytest.raises(DomainError, match="≥ 0"):
        csda(G, -R(1, 2))
    with pytest.raises(DomainError, match="β > γ"):
        csd_to_csda(5, R(1, 2), R(1, 2), R(1, 10))
    with pytest.raises(DomainError, match="γ′ > 0"):
        csd_to_csda(5, 0, 1, 0)
    with pytest.raises(DomainError, match="positive int"):
        csd_to_csda(0, 0, 1, R(1, 10))
    with pytest.raises(DomainError, match="correlation structure"):
        sq_dim("not a family")
    big = GramStructure([[R(1, 100) if i != j else 1 for j in range(15)] for i in range(15)])
    with pytest.raises(ResourceLimit, match="2\\^N"):
        csda(big, R(1, 2))
