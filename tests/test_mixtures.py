"""Finite mixtures Σ p_i D_i (issue 10, item 9): exact weights, shared symmetries only, weighted expectations,
seeded sampling, and the G1 verdicts under mixtures."""

import numpy as np
import pytest
import sympy as sp
from helpers import assert_certified
from hypothesis import given
from hypothesis import strategies as st

from hardverify.checks.orthogonality import check_family_orthogonality, check_orthogonality
from hardverify.constructions.goel2020 import GGJKK
from hardverify.distributions import (
    AnisotropicGaussian,
    CorrelatedGaussian,
    Gaussian,
    Hypercube,
    Mixture,
    Radial,
    RadiusLaw,
    ShiftedGaussian,
    UniformCube,
    UniformSphere,
    point_reflection,
    reflection,
    transposition,
)
from hardverify.distributions.mixtures import MAX_COMPONENTS
from hardverify.errors import DomainError, NoClosedForm, NotCertified, ResourceLimit
from hardverify.networks import inner_product, monte_carlo_inner
from hardverify.verdict import Status

HALF, THIRD, QUARTER = sp.Rational(1, 2), sp.Rational(1, 3), sp.Rational(1, 4)
#: SPEC §3.2 G1 (corrected value): E[f_S f_T] under N(0.5·1, I), ReLU, k = 2, S = {1,2}, T = {2,3}
SHIFTED_VALUE = "0.18117128471160325456"


def ggjkk_pair(n=3):
    g = GGJKK(2, "relu")
    return g.network({1, 2}, n), g.network({2, 3}, n)


def sign_invariant(n):
    """A mixture of laws that each keep every coordinate reflection (and with certified routes)."""
    return Mixture([(HALF, Gaussian(n)), (QUARTER, Hypercube(n)),
                    (QUARTER, CorrelatedGaussian(n, {(1, 1): 2, (3, 3): THIRD}))])


# ------------------------------------------------------------------------------------- construction
@pytest.mark.parametrize("components, match", [
    ([], "at least one"),
    (5, "sequence of"),
    ([(HALF, Gaussian(2)), (sp.Rational(2, 5), Gaussian(2))], "sum to exactly 1, got 9/10"),
    ([(sp.Rational(3, 2), Gaussian(2)), (-HALF, Gaussian(2))], "must be positive"),
    ([(0, Gaussian(2)), (1, Gaussian(2))], "must be positive"),
    ([(sp.sqrt(2) / 2, Gaussian(2)), (1 - sp.sqrt(2) / 2, Gaussian(2))], "exact positive rationals"),
    ([(1, "gaussian")], "hardverify distributions"),
    ([(HALF, Gaussian(2)), (HALF, Gaussian(3))], "same R\\^n"),
    ([(1, Gaussian(2), "extra")], r"\(weight, law\) pairs"),
    ([(float("nan"), Gaussian(2))], "finite"),
    ([("1", Gaussian(2))], "not the string"),
])
def test_bad_mixtures_are_refused(components, match):
    with pytest.raises(DomainError, match=match):
        Mixture(components)


def test_public_name():
    import hardverify as hv
    assert hv.Mixture is Mixture and "Mixture" in hv.__all__


def test_too_many_components_refused_before_reading():
    with pytest.raises(ResourceLimit, match=f"at most {MAX_COMPONENTS}"):
        Mixture([(1, Gaussian(2))] * (MAX_COMPONENTS + 1))


def test_float_weights_are_read_as_decimals():
    M = Mixture([(0.1, Gaussian(2)), (0.9, Hypercube(2))])        # 0.1 + 0.9 = 1 exactly as decimals
    assert M.weights == (sp.Rational(1, 10), sp.Rational(9, 10))


# ------------------------------------------------------------------------------------- moments and tails
def test_moments_are_weighted_sums():
    # references by hand: E_γ[x⁴] = 3, E_{±1}[x⁴] = 1, E_{[-1,1]}[x²] = 1/3, E_{N(1, 1)}[x³] = 1 + 3 = 4
    M = Mixture([(HALF, Gaussian(3)), (QUARTER, Hypercube(3)), (QUARTER, UniformCube(3))])
    assert M.moment((4,)) == HALF * 3 + QUARTER * 1 + QUARTER * sp.Rational(1, 5)
    assert M.moment((2, 2)) == HALF + QUARTER + QUARTER * sp.Rational(1, 9)
    B = Mixture([(HALF, ShiftedGaussian(2, 1)), (HALF, ShiftedGaussian(2, -1))])
    assert B.moment((3,)) == 0 and B.moment((2,)) == 2 and B.moment((1, 1)) == 1
    nested = Mixture([(HALF, M), (HALF, Gaussian(3))])
    assert nested.moment((4,)) == HALF * M.moment((4,)) + HALF * 3


@given(st.lists(st.integers(1, 9), min_size=1, max_size=4), st.lists(st.integers(0, 4), min_size=2, max_size=2))
def test_moment_is_linear_in_the_weights(raw, alpha):
    laws = [Gaussian(2), Hypercube(2), UniformCube(2), AnisotropicGaussian(2, [2, 3])]
    total = sum(raw)
    M = Mixture([(sp.Rational(r, total), laws[i]) for i, r in enumerate(raw)])
    assert M.moment(tuple(alpha)) == sum(sp.Rational(r, total) * laws[i].moment(tuple(alpha)) for i, r in enumerate(raw))


def test_tails_are_the_heaviest_components():
    assert Mixture([(HALF, UniformCube(2)), (HALF, Hypercube(2))]).tails == "compact"
    assert Mixture([(HALF, UniformCube(2)), (HALF, Gaussian(2))]).tails == "gaussian"
    heavy = Mixture([(HALF, Radial(2, RadiusLaw.pareto(5))), (HALF, Radial(2, RadiusLaw.pareto(3)))])
    assert heavy.tails == ("power", 3)
    with pytest.raises(DomainError, match="Pareto"):
        heavy.moment((2, 2))                                    # E[R⁴] = ∞ for the Pareto(3) component


# ------------------------------------------------------------------------------------- symmetries
def test_symmetries_are_those_shared_by_every_component():
    M = Mixture([(HALF, Gaussian(3)), (HALF, CorrelatedGaussian(3, {(1, 3): HALF}))])
    assert M.is_invariant_under(reflection(2)) and not M.is_invariant_under(reflection(1))
    assert M.is_invariant_under(transposition(1, 3)) and not M.is_invariant_under(transposition(1, 2))
    assert not M.all_reflections and not M.permutation_invariant and not M.is_spherical
    assert sign_invariant(3).all_reflections
    assert Mixture([(HALF, Gaussian(3)), (HALF, UniformSphere(3))]).permutation_invariant


def test_the_converse_fails_and_is_not_claimed():
    # ½N(1, I) + ½N(-1, I) is invariant under x ↦ -x (all odd moments vanish, checked exactly up to degree 7),
    # although neither component is: the mixture does not claim that symmetry
    B = Mixture([(HALF, ShiftedGaussian(2, 1)), (HALF, ShiftedGaussian(2, -1))])
    assert all(B.moment((a, b)) == 0 for a in range(8) for b in range(8) if (a + b) % 2)
    assert B.is_invariant_under(point_reflection()) is False
    assert not any(law.is_invariant_under(point_reflection()) for law in B.laws)


# ------------------------------------------------------------------------------------- inner products
def test_inner_products_are_weighted_sums_exact_and_certified():
    fS, fT = ggjkk_pair()
    M = sign_invariant(3)
    exact = inner_product(fS, fS, M)
    parts = [inner_product(fS, fS, law) for law in M.laws]
    # references: 2 - 4/π (SPEC G5, V12), f_S(1)² = 2 on the hypercube (SPEC G6)
    assert parts[0] == 2 - 4 / sp.pi and parts[1] == 2
    assert sp.simplify(exact - (HALF * parts[0] + QUARTER * 2 + QUARTER * parts[2])) == 0
    assert_certified(inner_product(fS, fS, M, dps=25), exact, 25)
    assert inner_product(fS, fT, M) == 0                      # every component's pair expansion cancels


def test_a_component_without_a_route_makes_the_mixture_uncertified():
    fS, _ = ggjkk_pair()
    M = Mixture([(HALF, Gaussian(3)), (HALF, UniformCube(3))])
    with pytest.raises(NoClosedForm):
        inner_product(fS, fS, M)
    with pytest.raises(NotCertified):
        inner_product(fS, fS, M, dps=10)


def test_sampling_is_seeded_and_mixes_in_proportion():
    M = Mixture([(QUARTER, ShiftedGaussian(10 ** 6, 4)), (3 * QUARTER, Gaussian(10 ** 6))])
    X = M.sample(100_000, seed=5, coords=[7, 9])
    assert np.array_equal(X, M.sample(100_000, seed=5, coords=[7, 9]))
    # evidence: E[x] = ¼·4 = 1, Var = 1 + ¼·¾·16 = 4; within 5 standard errors
    assert abs(X[:, 0].mean() - 1) < 5 * np.sqrt(4 / 100_000)
    assert abs((X[:, 0] > 2).mean() - (0.25 * 0.97725 + 0.75 * 0.02275)) < 0.01    # Φ(2), 1 - Φ(2)


def test_monte_carlo_agrees_with_the_certified_value():
    fS, fT = ggjkk_pair()
    M = Mixture([(HALF, Gaussian(3)), (HALF, ShiftedGaussian(3, HALF))])
    e = inner_product(fS, fT, M, dps=20)
    mc = monte_carlo_inner(fS, fT, M, samples=400_000, seed=4)
    assert mc.consistent_with(float(e)) and not mc.consistent_with(0)


# ------------------------------------------------------------------------------------- G1 verdicts
def test_g1_proved_under_a_mixture_of_sign_invariant_laws():
    fam = GGJKK(2, "relu").family(3)
    v = check_family_orthogonality(fam, sign_invariant(3), spot_checks=2, seed=0)
    assert v.status is Status.PROVED and all("certified E[fg]" in c for c in v.data["spot_checks"])
    big = Mixture([(HALF, Gaussian(10 ** 6)), (HALF, UniformCube(10 ** 6))])
    assert check_family_orthogonality(GGJKK(4, "relu").family(10 ** 6), big).status is Status.PROVED


def test_g1_refuted_when_one_component_breaks_the_reflections():
    fS, fT = ggjkk_pair()
    M = Mixture([(HALF, Gaussian(3)), (HALF, ShiftedGaussian(3, HALF))])
    v = check_orthogonality(fS, fT, M, dps=20)
    assert v.status is Status.REFUTED
    # E = ½·0 + ½·0.18117128471160325456... (SPEC G1)
    e = inner_product(fS, fT, M, dps=20)
    assert_certified(e * 2, SHIFTED_VALUE, 20)


def test_g1_undecided_when_a_heavy_tailed_component_breaks_integrability():
    fam = GGJKK(2, "relu").family(3)
    M = Mixture([(HALF, Gaussian(3)), (HALF, Radial(3, RadiusLaw.pareto(1)))])
    v = check_family_orthogonality(fam, M)
    assert v.status is Status.UNDECIDED and "does not prove E|fg| < ∞" in v.evidence
