"""Distributions: exact moments, symmetry groups, seeded sampling of marginals, bad input."""

import math

import mpmath
import numpy as np
import pytest
import sympy as sp
from references import mp_radial_moment

from hardverify.distributions import (
    AnisotropicGaussian,
    Gaussian,
    GaussianLaw,
    Hypercube,
    Radial,
    RadiusLaw,
    ShiftedGaussian,
    SignedPermutation,
    UniformBall,
    UniformCube,
    UniformSphere,
    point_reflection,
    reflection,
    require_spherical,
    transposition,
)
from hardverify.errors import DomainError, NoClosedForm

n_sym = sp.Symbol("n", integer=True, positive=True)


# ------------------------------------------------------------------------------------- moments
def test_gaussian_moments_are_products_of_double_factorials():
    # reference: E[z^{2j}] = (2j-1)!! for z ~ N(0, 1), independent coordinates
    D = Gaussian(5)
    assert D.moment((4, 2, 0, 6)) == 3 * 1 * 15
    assert D.moment((1, 2)) == 0
    assert D.moment({}) == 1


def test_sphere_moment_spec_v20():
    # SPEC V20: E_{U(S^5)}[x1² x2² x3²] = 1/480 (Dirichlet formula)
    assert UniformSphere(6).moment((2, 2, 2)) == sp.Rational(1, 480)


def test_sphere_moment_symbolic_in_n():
    # E[x_1²] = 1/n on the unit sphere (trace of the covariance = 1)
    assert sp.simplify(UniformSphere(n_sym).moment((2,)) - 1 / n_sym) == 0


def test_radial_moments_factor_through_the_radius():
    # x = Rθ: E[x^α] = E[R^|α|] E_θ[θ^α]; radius reference values by direct integration
    assert UniformSphere(5, radius=3).moment((2,)) == sp.Rational(9, 5)
    assert UniformBall(3).moment((2,)) == sp.Rational(1, 5)            # ∫_0^1 r² 3r² dr / 3
    assert Radial(4, RadiusLaw.chi(3)).moment((2,)) == sp.Rational(3, 4)
    assert Radial(4, RadiusLaw.pareto(5)).moment((2, 2)) == sp.Rational(5, 3) * UniformSphere(4).moment((2, 2)) * 3


def test_radius_laws_exact_moments():
    assert RadiusLaw.chi(10).moment(4) == 10 * 12               # E|g|⁴ = n(n + 2)
    assert RadiusLaw.pareto(3, scale=2).moment(1) == 3                  # α s/(α - 1)
    assert RadiusLaw.power(4).moment(2) == sp.Rational(4, 6)
    assert RadiusLaw.constant(sp.sqrt(2)).moment(2) == 2


def test_gaussian_at_a_million_dimensions_is_cheap_and_exact():
    D = Gaussian(10 ** 6)
    assert D.moment({1: 2, 999_999: 4}) == 3
    assert D.radius_moment(2) == 10 ** 6
    S = UniformSphere(10 ** 6, radius=sp.sqrt(10 ** 6))
    assert S.moment({5: 2}) == 1                                  # radius² / n


def test_shifted_and_anisotropic_gaussian_moments():
    assert ShiftedGaussian(2, sp.Rational(1, 2)).moment((2,)) == sp.Rational(5, 4)
    assert ShiftedGaussian(2, sp.Rational(1, 2)).moment((3,)) == sp.Rational(1, 8) + sp.Rational(3, 2)
    assert AnisotropicGaussian(3, [1, 4, 9]).moment((0, 2, 2)) == 36
    assert UniformCube(2, half_width=2).moment((2, 4)) == sp.Rational(4, 3) * sp.Rational(16, 5)
    assert Hypercube(3).moment((2, 4, 6)) == 1 and Hypercube(3).moment((1,)) == 0


def test_odd_chi_moment_at_huge_df_is_refused_not_expanded():
    with pytest.raises(NoClosedForm, match="huge"):
        RadiusLaw.chi(10 ** 6).moment(1)


# ------------------------------------------------------------------------------------- symmetry
@pytest.mark.parametrize("D", [Gaussian(4), UniformSphere(4), UniformBall(4), Radial(4, RadiusLaw.pareto(2))])
def test_spherical_laws_are_invariant_under_every_signed_permutation(D):
    assert D.is_spherical and D.all_reflections and D.permutation_invariant
    for R in (reflection(1), point_reflection(), transposition(1, 3), SignedPermutation({1: 2, 2: 1}, {2: -1})):
        assert D.is_invariant_under(R)


@pytest.mark.parametrize("D", [Hypercube(4), UniformCube(4)])
def test_cube_and_hypercube_keep_reflections_not_rotations(D):
    assert not D.is_spherical
    assert D.is_invariant_under(reflection(2)) and D.is_invariant_under(transposition(1, 2))
    with pytest.raises(DomainError, match="spherically symmetric"):
        require_spherical(D, "the Funk–Hecke reduction")


def test_shifted_gaussian_loses_exactly_the_reflections_that_move_the_mean():
    D = GaussianLaw(3, mean={1: 1})                    # μ = e_1
    assert not D.is_invariant_under(reflection(1))
    assert D.is_invariant_under(reflection(2))
    assert not D.is_invariant_under(transposition(1, 2))
    assert D.is_invariant_under(transposition(2, 3))
    assert not D.all_reflections and not D.permutation_invariant
    C = ShiftedGaussian(3, sp.Rational(1, 2))          # SPEC G1 control: μ = 0.5·1
    assert not C.is_invariant_under(reflection(2)) and C.is_invariant_under(transposition(1, 3))
    assert not C.is_invariant_under(point_reflection())


def test_anisotropic_gaussian_keeps_reflections_and_equal_variance_permutations():
    D = AnisotropicGaussian(10 ** 6, {1: 2, 2: 3})
    assert D.all_reflections and not D.permutation_invariant
    assert D.is_invariant_under(transposition(5, 999_999)) and not D.is_invariant_under(transposition(1, 5))


def test_transformations_outside_the_dimension_are_refused():
    with pytest.raises(DomainError, match="outside 1..3"):
        Gaussian(3).is_invariant_under(reflection(4))


# ------------------------------------------------------------------------------------- sampling
def test_sampling_is_reproducible_and_seeded():
    a = UniformSphere(5).sample(10, seed=3)
    b = UniformSphere(5).sample(10, seed=3)
    assert np.array_equal(a, b)
    assert not np.array_equal(a, UniformSphere(5).sample(10, seed=4))


def test_full_samples_lie_on_their_supports():
    x = UniformSphere(5, radius=2).sample(200, seed=0)
    assert np.allclose(np.linalg.norm(x, axis=1), 2.0)
    assert (np.linalg.norm(UniformBall(4).sample(200, seed=0), axis=1) <= 1).all()
    h = Hypercube(6).sample(100, seed=1)
    assert set(np.unique(h)) == {-1.0, 1.0}
    assert (np.abs(UniformCube(3, 2).sample(100, seed=1)) <= 2).all()


@pytest.mark.parametrize("D, second", [
    (UniformSphere(10 ** 6, radius=sp.sqrt(10 ** 6)), 1.0),   # E[x_i²] = radius²/n
    (Gaussian(10 ** 6), 1.0),
    (UniformBall(50), 1 / 52),                                 # E[R²]/n = (n/(n+2))/n
    (Radial(7, RadiusLaw.chi(3)), 3 / 7),
])
def test_marginal_samples_have_the_exact_second_moment(D, second):
    # Monte Carlo (evidence) against the exact moment; 5 standard errors, seeded
    x = D.sample(40_000, seed=11, coords=[1, 2])
    sq = x[:, 0] ** 2
    se = sq.std() / math.sqrt(len(sq))
    assert abs(sq.mean() - second) < 5 * se
    assert abs((x[:, 0] * x[:, 1]).mean()) < 5 * (x[:, 0] * x[:, 1]).std() / math.sqrt(len(sq))


def test_shifted_gaussian_samples_have_the_shifted_mean():
    x = ShiftedGaussian(10 ** 6, sp.Rational(1, 2)).sample(20_000, seed=2, coords=[7, 8])
    assert np.all(np.abs(x.mean(axis=0) - 0.5) < 5 / math.sqrt(20_000))


# ------------------------------------------------------------------------------------- bad input
@pytest.mark.parametrize("make, message", [
    (lambda: Gaussian(0), "dimension n must be an integer >= 1"),
    (lambda: Gaussian(2.5), "dimension n"),
    (lambda: UniformSphere(3, radius=-1), "radius must be positive"),
    (lambda: RadiusLaw.pareto(2).moment(3), "infinite"),
    (lambda: ShiftedGaussian(3, [1, 2]), "n = 3 entries"),
    (lambda: AnisotropicGaussian(3, [1, 0, 1]), "must be positive"),
    (lambda: Gaussian(3).sample(5, seed=-1), "seed"),
    (lambda: Gaussian(3).sample(5, seed=0, coords=[4]), "coords"),
    (lambda: Gaussian(10 ** 6).sample(5, seed=0), "pass coords="),
    (lambda: Gaussian(3).moment((1, 1, 1, 1)), "outside"),
    (lambda: Radial(3, "chi"), "RadiusLaw"),
    (lambda: reflection(0), "integer >= 1"),
    (lambda: SignedPermutation({1: 2}), "bijection"),
    (lambda: SignedPermutation(signs={1: 2}), r"\+1 or -1"),
])
def test_bad_input_raises_domain_errors_naming_the_allowed_values(make, message):
    with pytest.raises(DomainError, match=message):
        make()


# -- (moved from test_review_networks.py)
def test_gaussian_law_invariance_matches_mean_and_covariance():
    # N(μ, diag v) is determined by its mean and covariance: R is a symmetry iff Rμ = μ and R Σ R^T = Σ.
    rng = np.random.default_rng(5)
    for _ in range(40):
        mu = {int(c): sp.Rational(int(rng.integers(-1, 2)), 2) for c in rng.choice(4, size=2, replace=False) + 1}
        var = {int(c): int(rng.integers(1, 3)) for c in rng.choice(4, size=2, replace=False) + 1}
        Dl = GaussianLaw(4, mean=mu, variances=var)
        perm = {i + 1: int(p) + 1 for i, p in enumerate(rng.permutation(4))}
        signs = {int(c): -1 for c in rng.choice(4, size=int(rng.integers(0, 3)), replace=False) + 1}
        R = SignedPermutation(perm=perm, signs=signs, flip_all=bool(rng.random() < 0.2))
        m = [mu.get(i, 0) for i in range(1, 5)]
        v = [var.get(i, 1) for i in range(1, 5)]
        Rm = [0] * 4
        Rv = [0] * 4
        for i in range(1, 5):
            Rm[R.image(i) - 1] = R.sign(i) * m[i - 1]
            Rv[R.image(i) - 1] = v[i - 1]
        assert Dl.is_invariant_under(R) == (Rm == m and Rv == v)


def test_radius_moments_against_quadrature():
    with mpmath.workdps(30):
        for df, scale, s in [(3, 1, 4), (sp.Rational(5, 2), 3, 3), (1, sp.Rational(1, 2), 1), (7, 2, 5)]:
            d = mpmath.mpf(sp.Rational(df).p) / sp.Rational(df).q
            sc = mpmath.mpf(sp.Rational(scale).p) / sp.Rational(scale).q
            dens = lambda r: r ** (d - 1) * mpmath.exp(-r * r / 2) / (2 ** (d / 2 - 1) * mpmath.gamma(d / 2))  # noqa: E731
            ref = sc ** s * mp_radial_moment(dens, s, 0, mpmath.inf)
            assert abs(sp.N(RadiusLaw.chi(df, scale).moment(s), 40) - sp.Float(mpmath.nstr(ref, 35), 40)) < 1e-25
        for alpha, scale, s in [(3, 2, 2), (sp.Rational(7, 2), 2, sp.Rational(3, 2)), (5, 1, 1)]:
            a = mpmath.mpf(sp.Rational(alpha).p) / sp.Rational(alpha).q
            sc = mpmath.mpf(scale)
            ss = mpmath.mpf(sp.Rational(s).p) / sp.Rational(s).q
            # substitute r = sc/u, u ∈ (0, 1]: E[R^s] = ∫_0^1 (sc/u)^s α u^{α-1} du
            ref = mpmath.quad(lambda u: (sc / u) ** ss * a * u ** (a - 1), [0, 1])
            assert abs(sp.N(RadiusLaw.pareto(alpha, scale).moment(s), 40) - sp.Float(mpmath.nstr(ref, 35), 40)) < 1e-20
    with pytest.raises(DomainError):
        RadiusLaw.pareto(3).moment(3)


def test_radial_coordinate_moments():
    # E[x^α] = E[R^|α|] E_θ[θ^α]; E_θ[θ1²θ2²] = 1/(n(n+2)), E_θ[θ1⁴] = 3/(n(n+2)) on S^{n-1}.
    assert Radial(4, RadiusLaw.chi(3, scale=2)).moment((2, 2)) == 240 * sp.Rational(1, 24)     # E[(2χ_3)^4] = 16·15
    assert UniformBall(3, radius=2).moment((2,)) == sp.Rational(4, 5)                           # 4·(3/5)/3
    assert UniformBall(5).moment((4,)) == sp.Rational(5, 9) * sp.Rational(3, 35)                         # E R⁴ = 5/9
    assert UniformSphere(5, radius=2).moment((2, 2)) == 16 * sp.Rational(1, 35)
    assert Radial(3, RadiusLaw.pareto(5, scale=2)).moment((2,)) == sp.Rational(20, 9)
    # Regression: an odd moment of a heavy-tailed law does not exist (E|x_1| = ∞ for α = 1)
    with pytest.raises(DomainError):
        Radial(2, RadiusLaw.pareto(1)).moment((1,))
    assert Radial(2, RadiusLaw.pareto(3)).moment((1,)) == 0
