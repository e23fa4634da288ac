"""N(μ, Σ) with a general covariance (issue 10, item 9): exact positive definiteness, computed symmetries,
exact moments, seeded sampling, inner products of networks, and the G1 verdicts it must produce."""

import itertools
from fractions import Fraction

import mpmath
import numpy as np
import pytest
import sympy as sp
from helpers import assert_certified, assert_encloses, assert_narrow
from hypothesis import given, settings
from hypothesis import strategies as st

from hardverify.checks.orthogonality import check_family_orthogonality, check_orthogonality
from hardverify.constructions.goel2020 import GGJKK
from hardverify.distributions import (
    CorrelatedGaussian,
    Gaussian,
    GaussianLaw,
    SignedPermutation,
    point_reflection,
    reflection,
    transposition,
)
from hardverify.distributions.gaussian_general import MAX_BLOCK, MAX_DENSE_COV, MAX_MOMENT_STATES, ldl
from hardverify.errors import DomainError, NoClosedForm, ResourceLimit
from hardverify.networks import Network, inner_product, monte_carlo_inner
from hardverify.numeric.enclosure import enclose
from hardverify.verdict import Status

HALF = sp.Rational(1, 2)
#: Σ = I + ½(e_1e_3ᵀ + e_3e_1ᵀ) on R^3: x_1 and x_3 correlated, x_2 independent.
CORR = {(1, 3): HALF}
#: E[f_S f_T] for GGJKK ReLU k = 2, S = {1,2}, T = {2,3} under N(0, CORR).  Reference: mpmath 2-D quadrature
#: at 25 digits (44 s, test_control_value_by_quadrature below) of the reduction
#: f_S f_T = 2 sgn(x1 x3) min(|x1|,|x2|) min(|x2|,|x3|), E_{x2}[min(a,|x2|) min(b,|x2|)] = M(a, b) =
#: erf(a/√2) - 2aφ(b) + ab erfc(b/√2) (a ≤ b), so E = 8 ∫_0^∞ ∫_0^b M(a,b) (p(a,b) - p(a,-b)) da db with p the
#: N(0, [[1, ½], [½, 1]]) density.  Independent of the pair expansion and of the dual kernels.
CONTROL_VALUE = "0.3387689188295712691395019"


def ggjkk_pair(n=3):
    g = GGJKK(2, "relu")
    return g.network({1, 2}, n), g.network({2, 3}, n)


def _mp_control_value(dps):
    with mpmath.workdps(dps):
        rho = mpmath.mpf(1) / 2
        s = 1 - rho ** 2
        phi = lambda x: mpmath.exp(-x * x / 2) / mpmath.sqrt(2 * mpmath.pi)          # noqa: E731
        M = lambda a, b: mpmath.erf(a / mpmath.sqrt(2)) - 2 * a * phi(b) + a * b * mpmath.erfc(b / mpmath.sqrt(2))  # noqa: E731
        p = lambda a, b: mpmath.exp(-(a * a - 2 * rho * a * b + b * b) / (2 * s)) / (2 * mpmath.pi * mpmath.sqrt(s))  # noqa: E731
        inner = lambda b: mpmath.quad(lambda a: M(a, b) * (p(a, b) - p(a, -b)), [0, b])  # noqa: E731
        return 8 * mpmath.quad(inner, [0, 2, 5, 10, mpmath.inf])


# ------------------------------------------------------------------------------------- construction
def test_dense_and_sparse_forms_agree():
    dense = CorrelatedGaussian(3, [[1, 0, HALF], [0, 2, 0], [HALF, 0, 1]])
    sparse = CorrelatedGaussian(3, {(3, 1): HALF, (2, 2): 2})
    for i, j in itertools.product(range(1, 4), repeat=2):
        assert dense.entry(i, j) == sparse.entry(i, j)
    assert dense.marginal_covariance([1, 2, 3]) == sp.Matrix([[1, 0, HALF], [0, 2, 0], [HALF, 0, 1]])
    assert CorrelatedGaussian(2, sp.Matrix([[2, 1], [1, 2]])).entry(1, 2) == 1
    assert CorrelatedGaussian(2, np.array([[2.0, 0.5], [0.5, 1.0]])).entry(1, 2) == HALF   # floats read as decimals


def test_positive_definite_is_proved_by_exact_pivots():
    D = CorrelatedGaussian(3, [[4, 2, 0], [2, 3, 1], [0, 1, 5]])
    # pivots by hand: 4; 3 - 2²/4 = 2; 5 - 1²/2 = 9/2 (Sylvester: leading minors 4, 8, 36 = 4·2·9/2)
    assert [D.pivots[i] for i in (1, 2, 3)] == [4, 2, sp.Rational(9, 2)]
    L, d = ldl([[4, 2], [2, 3]])
    assert (sp.Matrix(L) * sp.diag(*d) * sp.Matrix(L).T) == sp.Matrix([[4, 2], [2, 3]])
    D2 = CorrelatedGaussian(2, [[1, sp.sqrt(2) / 2], [sp.sqrt(2) / 2, 1]])     # algebraic entries: ρ = 1/√2
    assert D2.pivots[2] == HALF


@pytest.mark.parametrize("cov, match", [
    ([[1, 2], [2, 1]], "positive definite: the LDLᵀ pivot at coordinate 2"),          # eigenvalues 3, -1
    ([[1, 1], [1, 1]], "positive definite: the LDLᵀ pivot at coordinate 2 .* is 0"),   # singular (PSD)
    ([[1, sp.sqrt(2)], [sp.sqrt(2), 1]], "positive definite"),                        # ρ = √2 > 1
    ([[1, 0], [0, -1]], r"variance cov\[2, 2\] = -1 must be > 0"),
    ([[1, 0], [1, 1]], r"symmetric: cov\[1, 2\] = 0 but cov\[2, 1\] = 1"),
    ({(1, 2): HALF, (2, 1): sp.Rational(1, 3)}, "symmetric"),
    ([[1, 0, 0], [0, 1, 0]], "n × n matrix with n = 2"),
    ({(0, 1): 1}, "coordinates are numbered 1..2"),
    ({(1,): 1}, "coordinate pairs"),
    ({(1, 2): "1/2"}, "not the string"),
    ({(1, 2): sp.I}, "real number"),
    ({(1, 2): float("nan")}, "finite"),
    (7, "n × n matrix"),
])
def test_bad_covariances_are_refused(cov, match):
    with pytest.raises(DomainError, match=match):
        CorrelatedGaussian(2, cov)


def test_undecidable_pivot_sign_is_refused():
    # atan(1/2) + atan(1/3) = π/4 exactly, but sympy cannot show it: the pivot 1 - (1 + z)² with z that zero has no
    # decidable sign, so positive definiteness is not claimed
    z = sp.atan(HALF) + sp.atan(sp.Rational(1, 3)) - sp.pi / 4
    with pytest.raises(DomainError, match="cannot be decided"):
        CorrelatedGaussian(2, [[1, 1 + z], [1 + z, 1]])


def test_bad_mean_and_dimension():
    with pytest.raises(DomainError, match="n = 3 entries"):
        CorrelatedGaussian(3, {}, mean=[1, 2])
    with pytest.raises(DomainError, match="numeric dimension"):
        CorrelatedGaussian(sp.Symbol("n", integer=True, positive=True), {})


class _Huge:
    """A matrix-like object with 10^6 rows that must never be read."""

    def __len__(self):
        return 10 ** 6

    def __iter__(self):
        raise AssertionError("the rows were read before the size was checked")


def test_resource_limits_before_allocating():
    with pytest.raises(ResourceLimit, match=f"n ≤ {MAX_DENSE_COV}"):
        CorrelatedGaussian(10 ** 6, _Huge())
    chain = {(i, i + 1): sp.Rational(1, 10) for i in range(1, MAX_BLOCK + 1)}     # one block of MAX_BLOCK + 1
    with pytest.raises(ResourceLimit, match=f"at most {MAX_BLOCK} coordinates"):
        CorrelatedGaussian(MAX_BLOCK + 5, chain)
    D = CorrelatedGaussian(4, {(1, 2): HALF})
    with pytest.raises(ResourceLimit, match="multi-indices"):
        D.moment({1: 1000, 2: 1000})                # 1001² > MAX_MOMENT_STATES
    assert 1001 ** 2 > MAX_MOMENT_STATES


# ------------------------------------------------------------------------------------- symmetries
def test_reflections_and_transpositions_are_computed():
    D = CorrelatedGaussian(3, CORR)
    assert [D.is_invariant_under(reflection(i)) for i in (1, 2, 3)] == [False, True, False]
    assert D.is_invariant_under(reflection(1, 3)) and D.is_invariant_under(point_reflection())
    assert D.is_invariant_under(transposition(1, 3)) and not D.is_invariant_under(transposition(1, 2))
    assert not D.all_reflections and not D.permutation_invariant
    diag = CorrelatedGaussian(3, {(1, 1): 2, (3, 3): 3})
    assert diag.all_reflections and all(diag.is_invariant_under(reflection(i)) for i in (1, 2, 3))
    shifted = CorrelatedGaussian(3, {}, mean={2: 1})
    assert not shifted.is_invariant_under(point_reflection()) and shifted.is_invariant_under(reflection(1))
    assert not shifted.all_reflections
    equi = CorrelatedGaussian(3, [[2, 1, 1], [1, 2, 1], [1, 1, 2]], mean=5)       # aI + bJ, μ = c·1
    assert equi.permutation_invariant and not equi.all_reflections


def test_symmetries_at_large_n_cost_O1():
    D = CorrelatedGaussian(10 ** 6, {(10, 500_000): HALF})
    assert not D.is_invariant_under(reflection(500_000)) and D.is_invariant_under(reflection(7))
    assert D.is_invariant_under(transposition(1, 2)) and not D.is_invariant_under(transposition(10, 11))
    assert D.is_invariant_under(SignedPermutation(perm={10: 11, 11: 10, 500_000: 500_001, 500_001: 500_000})) is False
    assert D.is_invariant_under(SignedPermutation(signs={10: -1, 500_000: -1}))


small_q = st.fractions(min_value=-2, max_value=2, max_denominator=4).map(lambda f: sp.Rational(f.numerator, f.denominator))
ALL_SIGNED_3 = [SignedPermutation(perm=dict(zip((1, 2, 3), p)), signs=dict(zip((1, 2, 3), s)))
                for p in itertools.permutations((1, 2, 3)) for s in itertools.product((1, -1), repeat=3)]


def _matrix_of(R):
    """The 3 × 3 matrix of (R x)_{π(i)} = s_i x_i, built by hand (independent of the library)."""
    M = sp.zeros(3, 3)
    for i in range(1, 4):
        M[R.image(i) - 1, i - 1] = R.sign(i)
    return M


@given(st.lists(small_q, min_size=3, max_size=3), st.lists(st.sampled_from([0, 0, HALF, -HALF]), min_size=3, max_size=3),
       st.lists(st.sampled_from([0, 0, 1]), min_size=3, max_size=3))
def test_invariance_matches_R_mu_and_R_sigma_Rt(offdiag_scale, offs, mean_bits):
    # Σ = 2I + off-diagonal entries in {0, ±1/2} (diagonally dominant, hence positive definite)
    S = sp.Matrix([[2, offs[0], offs[1]], [offs[0], 2, offs[2]], [offs[1], offs[2], 2]])
    mu = sp.Matrix(mean_bits)
    D = CorrelatedGaussian(3, S, mean=list(mu))
    for R in ALL_SIGNED_3:
        M = _matrix_of(R)
        assert D.is_invariant_under(R) == (M * mu == mu and M * S * M.T == S), R
    # the single reflections: x_i ↦ -x_i iff μ_i = 0 and Σ_ij = 0 for j ≠ i
    for i in range(3):
        expected = mu[i] == 0 and all(S[i, j] == 0 for j in range(3) if j != i)
        assert D.is_invariant_under(reflection(i + 1)) == expected


@given(st.lists(small_q, min_size=6, max_size=6))
def test_positive_definite_iff_sylvester(entries):
    a, b, c, d, e, f = entries
    S = sp.Matrix([[1 + a * a, d, e], [d, 1 + b * b, f], [e, f, c]])
    sylvester = all(S[:k, :k].det() > 0 for k in (1, 2, 3))          # leading principal minors (independent)
    try:
        CorrelatedGaussian(3, S)
        ok = True
    except DomainError:
        ok = False
    assert ok == sylvester


# ------------------------------------------------------------------------------------- moments
def _isserlis(S, idx):
    """E[Π x_{idx}] for x ~ N(0, S): the sum over perfect matchings (Isserlis), by brute force."""
    if not idx:
        return sp.Integer(1)
    if len(idx) % 2:
        return sp.Integer(0)
    first, rest = idx[0], idx[1:]
    return sum(S[first, rest[k]] * _isserlis(S, rest[:k] + rest[k + 1:]) for k in range(len(rest)))


@given(st.lists(st.sampled_from([0, HALF, -HALF, sp.Rational(1, 3)]), min_size=3, max_size=3),
       st.lists(st.integers(0, 3), min_size=3, max_size=3))
def test_moments_match_isserlis(offs, alpha):
    S = sp.Matrix([[2, offs[0], offs[1]], [offs[0], 2, offs[2]], [offs[1], offs[2], 2]])
    D = CorrelatedGaussian(3, S)
    idx = [i for i in range(3) for _ in range(alpha[i])]
    assert D.moment(tuple(alpha)) == _isserlis(S, idx)


@given(st.lists(small_q, min_size=3, max_size=3), st.lists(st.sampled_from([1, 2, HALF]), min_size=3, max_size=3),
       st.lists(st.integers(0, 4), min_size=3, max_size=3))
def test_diagonal_moments_match_the_independent_gaussian_law(mu, var, alpha):
    # reference: GaussianLaw.moment (binomial expansion per coordinate, controls.py), another code path
    D = CorrelatedGaussian(3, {(i + 1, i + 1): v for i, v in enumerate(var)}, mean=mu)
    assert D.moment(tuple(alpha)) == GaussianLaw(3, mean=mu, variances=var).moment(tuple(alpha))


def test_moment_values_by_hand():
    D = CorrelatedGaussian(2, [[2, HALF], [HALF, 3]], mean=[1, 0])
    # E[x1 x2] = Σ_12 + μ1μ2 = 1/2; E[x2² x1] = μ1 Σ_22 = 3; E[x1²] = Σ_11 + μ1² = 3
    assert (D.moment((1, 1)), D.moment((1, 2)), D.moment((2, 0))) == (HALF, 3, 3)
    # zero mean: E[x1² x2²] = Σ11Σ22 + 2Σ12² = 6 + 1/2
    assert CorrelatedGaussian(2, [[2, HALF], [HALF, 3]]).moment((2, 2)) == sp.Rational(13, 2)


# ------------------------------------------------------------------------------------- sampling
def test_sampling_is_seeded_and_has_the_right_covariance():
    D = CorrelatedGaussian(10 ** 6, {(1, 3): HALF, (3, 3): 2}, mean={3: 1})
    X = D.sample(200_000, seed=3, coords=[1, 3])
    assert np.array_equal(X, D.sample(200_000, seed=3, coords=[1, 3]))
    # evidence: sample moments within 5 standard errors (var of the product x1 x3 ≤ 4 here)
    assert abs(X[:, 1].mean() - 1) < 5 * np.sqrt(2 / 200_000)
    C = np.cov(X.T)
    assert abs(C[0, 1] - 0.5) < 5 * np.sqrt(3 / 200_000) and abs(C[1, 1] - 2) < 5 * np.sqrt(8 / 200_000)
    with pytest.raises(ResourceLimit, match="pass coords"):
        D.sample(10, seed=0)


# ------------------------------------------------------------------------------------- inner products
def test_control_value_exact_and_certified():
    fS, fT = ggjkk_pair()
    D = CorrelatedGaussian(3, CORR)
    exact = inner_product(fS, fT, D)
    assert exact.free_symbols == set() and not exact.atoms(sp.Float)
    assert_encloses(enclose(exact, 30), CONTROL_VALUE)
    assert_certified(inner_product(fS, fT, D, dps=30), exact, 30)
    assert_certified(inner_product(fS, fT, D, dps=12, algorithm="series"), exact, 12)   # Mehler series route


@pytest.mark.slow
def test_control_value_by_quadrature():
    # regenerates CONTROL_VALUE (44 s)
    assert mpmath.nstr(_mp_control_value(30), 25) == CONTROL_VALUE


def _pull_back(h, L):
    """The network z ↦ h(Lz) on R^3: weights Lᵀw (the reduction x = Lz, Σ = LLᵀ, written out)."""
    rows = []
    for i in range(h.width):
        w = h.weight(i)
        z = L.T * sp.Matrix([w.get(c, 0) for c in (1, 2, 3)])
        rows.append({c + 1: z[c] for c in range(3) if z[c] != 0})
    return Network(rows, h.activation, outputs=h.outputs, biases=h.biases, n=3)


def test_sigma_route_equals_the_explicit_cholesky_reduction():
    fS, fT = ggjkk_pair()
    L = sp.Matrix([[1, 0, 0], [0, 1, 0], [HALF, 0, sp.sqrt(3) / 2]])          # Cholesky of CORR, by hand
    D = CorrelatedGaussian(3, CORR)
    assert L * L.T == D.marginal_covariance([1, 2, 3])
    a = inner_product(fS, fT, D)
    b = inner_product(_pull_back(fS, L), _pull_back(fT, L), Gaussian(3))
    assert sp.simplify(a - b) == 0
    # with a mean the kernels have kinks away from 0: certified only, and the two reductions agree
    Dm = CorrelatedGaussian(3, CORR, mean=HALF)
    with pytest.raises(NoClosedForm):
        inner_product(fS, fT, Dm)
    # μ = ½·1 enters as the biases ⟨w, μ⟩ of the pulled-back units
    biased = [Network([_pull_back(h, L).weight(i) for i in range(h.width)], h.activation, outputs=h.outputs,
                      biases=[sum(HALF * x for x in h.weight(i).values()) for i in range(h.width)], n=3)
              for h in (fS, fT)]
    e1 = inner_product(fS, fT, Dm, dps=20)
    e2 = inner_product(*biased, Gaussian(3), dps=20)
    assert e1.ball.overlaps(e2.ball) and e1.rel_accuracy_digits() >= 20


def test_monte_carlo_evidence_agrees():
    fS, fT = ggjkk_pair()
    mc = monte_carlo_inner(fS, fT, CorrelatedGaussian(3, CORR), samples=400_000, seed=11)
    assert mc.consistent_with(float(mpmath.mpf(CONTROL_VALUE)))
    assert not mc.consistent_with(0)


def _random_net(rng, act, n=3):
    rows = [{c: int(rng.integers(-2, 3)) for c in range(1, n + 1)} for _ in range(3)]
    rows = [r if any(r.values()) else {1: 1} for r in rows]
    return Network(rows, act, outputs=[int(rng.integers(-2, 3)) or 1 for _ in range(3)], n=n)


@pytest.mark.parametrize("seed", range(4))
def test_diagonal_sigma_agrees_with_the_independent_gaussian_law(seed):
    # GaussianLaw N(0, diag v) goes through the integer grouping of inner_products.py, a separate code path
    rng = np.random.default_rng(seed)
    f, g = _random_net(rng, "relu"), _random_net(rng, "relu")
    var = [1, 2, HALF]
    a = inner_product(f, g, CorrelatedGaussian(3, {(i + 1, i + 1): v for i, v in enumerate(var)}))
    b = inner_product(f, g, GaussianLaw(3, variances=var))
    assert sp.simplify(a - b) == 0
    assert inner_product(f, g, CorrelatedGaussian(3, {})) == inner_product(f, g, Gaussian(3))


def test_inner_product_at_large_n():
    g = GGJKK(2, "relu")
    n = 10 ** 6
    fS, fT = g.network({1, 2}, n), g.network({2, 3}, n)
    assert sp.simplify(inner_product(fS, fT, CorrelatedGaussian(n, CORR)) -
                       inner_product(*ggjkk_pair(), CorrelatedGaussian(3, CORR))) == 0


# ------------------------------------------------------------------------------------- G1 verdicts
def test_g1_refuted_under_correlation_and_proved_under_diagonal():
    fS, fT = ggjkk_pair()
    v = check_orthogonality(fS, fT, CorrelatedGaussian(3, CORR), dps=20)
    assert v.status is Status.REFUTED and "certified E[fg]" in v.evidence
    assert check_orthogonality(fS, fT, CorrelatedGaussian(3, {(1, 1): 2, (3, 3): 3})).status is Status.PROVED
    fam = GGJKK(2, "relu").family(8)
    assert check_family_orthogonality(fam, CorrelatedGaussian(8, {(1, 3): HALF})).status is Status.REFUTED
    d = check_family_orthogonality(fam, CorrelatedGaussian(8, {(2, 2): 5}), spot_checks=2, seed=1)
    assert d.status is Status.PROVED


def test_a_kept_reflection_still_certifies_a_pair():
    # x_2 is uncorrelated: reflecting it is a symmetry, f = ReLU(x2) - ReLU(-x2) = x2 is odd in x2,
    # g = |x1 + x3| is even in it, so E[fg] = 0 although x1 and x3 are correlated
    D = CorrelatedGaussian(3, CORR)
    f = Network([{2: 1}, {2: -1}], "relu", outputs=[1, -1], n=3)
    g = Network([{1: 1, 3: 1}], "abs", n=3)
    v = check_orthogonality(f, g, D)
    assert v.status is Status.PROVED and v.data["certificate"] == "x_2 ↦ -x_2"


class _LyingGaussian(CorrelatedGaussian):
    """A planted error: a correlated law that declares every reflection."""

    def is_invariant_under(self, R):
        return True

    all_reflections = True


def test_a_law_declaring_a_false_reflection_is_caught():
    fS, fT = ggjkk_pair()
    v = check_orthogonality(fS, fT, _LyingGaussian(3, CORR))
    assert v.status is Status.UNDECIDED and "contradiction" in v.evidence
    fam = GGJKK(2, "relu").family(3)
    w = check_family_orthogonality(fam, _LyingGaussian(3, CORR), spot_checks=3, seed=0)
    assert w.status is Status.UNDECIDED and "excludes 0" in w.evidence


def test_fraction_inputs_are_exact():
    D = CorrelatedGaussian(2, {(1, 2): Fraction(1, 3)}, mean=[Fraction(1, 2), 0])
    assert D.entry(2, 1) == sp.Rational(1, 3) and D.mean_form({1: 2}) == 1


def test_nsimplify_regression():
    # found by test_diagonal_moments_match_the_independent_gaussian_law: GaussianLaw.moment passed its exact
    # Rational through sympy.nsimplify, which (sympy 1.14) returns 25·2^(314/427)·3^(213/427)·5^(142/427)·7^(59/61)
    # for 1615/2.  Reference by hand: E[x1³] E[x2⁴] E[x3²] = (1 + 3·½)·(16 + 6·4·2 + 3·4)·(9/4 + 2) = 5/2·76·17/4
    mu, var = [1, 2, sp.Rational(3, 2)], [HALF, 2, 2]
    assert GaussianLaw(3, mean=mu, variances=var).moment((3, 4, 2)) == sp.Rational(1615, 2)
    assert CorrelatedGaussian(3, {(i + 1, i + 1): v for i, v in enumerate(var)}, mean=mu).moment((3, 4, 2)) == \
        sp.Rational(1615, 2)
    # the pair grouping of inner_products.py kept r² = Σ v_c w_c² through nsimplify as well: r² = 1615/2 here
    f = Network([{1: 1, 2: 1}], "relu", n=2)
    D = GaussianLaw(2, variances={1: sp.Rational(1, 2), 2: 807})
    assert inner_product(f, f, D) == sp.Rational(1615, 2) / 2          # E[ReLU(rZ)²] = r²/2


def test_erf_family_probe_pair_refuted_and_confirmed_by_monte_carlo():
    # erf, k = 3: the probe pair S = {1, 2, 4}, T = {2, 3, 4} (S ∋ 1, T ∋ 3 share k - 1 coordinates); the
    # certified value is checked against a seeded Monte Carlo (evidence)
    g = GGJKK(3, "erf")
    D = CorrelatedGaussian(6, CORR)
    v = check_family_orthogonality(g.family(6), D, dps=12)
    assert v.status is Status.REFUTED and "S={1, 2, 4}, T={2, 3, 4}" in v.evidence
    fS, fT = g.network({1, 2, 4}, 6), g.network({2, 3, 4}, 6)
    e = inner_product(fS, fT, D, dps=12)
    assert_certified(e, inner_product(fS, fT, D), 12)               # closed-form erf kernels vs their enclosure
    mc = monte_carlo_inner(fS, fT, D, samples=200_000, seed=21)
    assert mc.consistent_with(float(e)) and not mc.consistent_with(0)


def test_sampling_factors_block_by_block():
    # 1000 coordinates, two correlated pairs: every coordinate is sampled (more than MAX_BLOCK of them), each
    # correlated pair jointly; the uncorrelated coordinate 500 keeps its variance 4
    D = CorrelatedGaussian(1000, {(1, 2): HALF, (700, 999): -HALF, (500, 500): 4})
    X = D.sample(8_000, seed=2)
    assert X.shape == (8_000, 1000)
    C = np.cov(X[:, [0, 1, 699, 998, 499]].T)                # coordinates 1, 2, 700, 999, 500
    se = 5 * np.sqrt(2 / 8_000)
    assert abs(C[0, 1] - 0.5) < se and abs(C[2, 3] + 0.5) < se and abs(C[0, 2]) < se
    assert abs(C[4, 4] - 4) < 5 * np.sqrt(32 / 8_000)


def test_public_names_and_factor_limit():
    import hardverify as hv
    assert hv.CorrelatedGaussian is CorrelatedGaussian and "CorrelatedGaussian" in hv.__all__
    D = CorrelatedGaussian(MAX_BLOCK + 1, {})
    with pytest.raises(ResourceLimit, match=f"at most {MAX_BLOCK}"):
        D.factor(list(range(1, MAX_BLOCK + 2)))
    L, d = CorrelatedGaussian(3, CORR).factor([3, 1])
    assert L == [[1, 0], [HALF, 1]] and d == [1, sp.Rational(3, 4)]          # Σ_{31} = ½, 1 - ¼


@settings(max_examples=12)
@given(st.lists(st.integers(-2, 2), min_size=3, max_size=3), st.lists(st.integers(1, 3), min_size=3, max_size=3),
       st.sampled_from(["relu", "abs", "erf", "sign"]), st.integers(0, 10 ** 6))
def test_sigma_route_equals_any_factor_reduction(lower, diag, act, seed):
    # Σ = LLᵀ for a random rational lower-triangular L; the reduction x = Lz (any factor, not only Cholesky)
    # turns E_{N(0,Σ)}[fg] into E_{N(0,I)}[(f∘L)(g∘L)], computed by the N(0, I) pair grouping
    L = sp.Matrix([[diag[0], 0, 0], [lower[0], diag[1], 0], [lower[1], lower[2], diag[2]]]) / 2
    D = CorrelatedGaussian(3, L * L.T)
    rng = np.random.default_rng(seed)
    f, g = _random_net(rng, act), _random_net(rng, act)
    a = inner_product(f, g, D, dps=15)
    b = inner_product(_pull_back(f, L), _pull_back(g, L), Gaussian(3), dps=15)
    assert a.ball.overlaps(b.ball)
    assert_narrow(a, 15, zero_scale=1)             # a zero (e.g. σ = sign with f ⊥ g) within 10^-15


@pytest.mark.parametrize("call", [
    lambda D: D.entry(5, 5), lambda D: D.entry(0, 1), lambda D: D.entry(1.0, 2),
    lambda D: D.marginal_covariance([1, 2, 9]), lambda D: D.mean_form({9: 1}), lambda D: D.factor([1, 9]),
    lambda D: D.covariance_form({1: 1}, {7: 1}),
])
def test_coordinates_outside_1_to_n_are_refused(call):
    D = CorrelatedGaussian(3, {(1, 2): sp.Rational(1, 2)})
    with pytest.raises(DomainError, match="1..n = 3"):
        call(D)


def test_repeated_coordinates_are_named():
    D = CorrelatedGaussian(3, {(1, 2): sp.Rational(1, 2)})
    with pytest.raises(DomainError, match="distinct"):
        D.factor([2, 1, 1])
