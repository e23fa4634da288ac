"""Networks: construction, exact structure (symmetry signs, f ≡ 0), inner products, Monte Carlo, bad input."""

import itertools
import math

import mpmath
import numpy as np
import pytest
import sympy as sp
from helpers import (
    ADVERSARIAL_ACTS,
    EVEN_AE_AT_ONE,
    GRID3,
    ODD_AE_AT_ONE,
    SIGN_LEFT,
    STEP_STRICT,
    TRANSFORMS,
    apply_transform,
    arb_of,
    assert_certified,
    random_network,
)
from references import mp_radial_moment

import hardverify as hv
from hardverify.checks.orthogonality import check_orthogonality
from hardverify.distributions import (
    AnisotropicGaussian,
    Gaussian,
    Hypercube,
    Radial,
    RadiusLaw,
    ShiftedGaussian,
    UniformBall,
    UniformCube,
    UniformSphere,
    point_reflection,
    reflection,
    transposition,
)
from hardverify.errors import DomainError, NoClosedForm, NotCertified
from hardverify.networks import ComposedNetwork, Network, hermite_component, inner_product, monte_carlo_inner
from hardverify.verdict import Status

t = hv.t


def parity_net(S, n, act="relu"):
    """GGJKK f_S built by hand (independent of hardverify.constructions)."""
    k = len(S)
    ws = list(itertools.product((1, -1), repeat=k))
    return Network([dict(zip(S, w)) for w in ws], act, outputs=[math.prod(w) for w in ws], n=n,
                   scale=1 / sp.sqrt(k))


# ------------------------------------------------------------------------------------- construction
def test_dense_sparse_numpy_and_matrix_rows_agree():
    rows = [[1, 0, 2], [0, -1, 0]]
    a = Network(rows, "relu")
    b = Network([{1: 1, 3: 2}, {2: -1}], "relu", n=3)
    c = Network(np.array(rows), "relu")
    d = Network(sp.Matrix(rows), "relu")
    for other in (b, c, d):
        assert other.support == a.support == (1, 2, 3) and other.rows == a.rows


def test_floats_are_read_as_their_decimals():
    f = Network([[0.6, 0.8]], "relu")
    assert f.rows == ((sp.Rational(3, 5), sp.Rational(4, 5)),)
    assert sum(q ** 2 for q in f.rows[0]) == 1


def test_sparse_support_costs_nothing_at_a_million_dimensions():
    f = parity_net([3, 999_999], 10 ** 6)
    assert f.support == (3, 999_999) and f.width == 4 and f.n == 10 ** 6
    assert f.int_rows.shape == (4, 2)


def test_exact_and_float_evaluation_agree():
    f = Network([[1, 2], [-1, 1]], "sigmoid", outputs=[2, -1], biases=[sp.Rational(1, 2), 0])
    x = {1: sp.Rational(1, 3), 2: -1}
    exact = f(x)
    assert exact == 2 / (1 + sp.exp(-(sp.Rational(1, 3) - 2 + sp.Rational(1, 2)))) - 1 / (1 + sp.exp(-(-sp.Rational(1, 3) - 1)))
    assert f.evaluate(np.array([[1 / 3, -1.0]]), [1, 2])[0] == pytest.approx(float(exact), rel=1e-14)


# ------------------------------------------------------------------------------------- exact structure
def test_symmetry_signs_of_the_parity_network():
    f = parity_net([1, 2], 3)
    assert f.symmetry_sign(reflection(1)) == -1 and f.symmetry_sign(reflection(2)) == -1
    assert f.symmetry_sign(reflection(3)) == 1
    assert f.symmetry_sign(transposition(1, 2)) == 1          # f_S is symmetric in the coordinates of S
    assert f.symmetry_sign(point_reflection()) == 1           # even k


def test_symmetry_sign_is_none_when_nothing_can_be_shown():
    f = Network([[1, 0]], "relu", n=2)
    assert f.symmetry_sign(reflection(1)) is None


@pytest.mark.parametrize("act, k, zero", [("relu", 3, True), ("relu", 5, True), ("relu", 2, False),
                                           ("sigmoid", 2, True), ("sigmoid", 3, False), ("abs", 1, True),
                                           ("sign", 4, True), ("erf", 1, False)])
def test_identically_zero_networks_are_detected_exactly(act, k, zero):
    # SPEC G2: ReLU with odd k >= 3, sigmoid/sign with even k, |t| with odd k give f_S ≡ 0
    f = parity_net(list(range(1, k + 1)), k, act)
    assert f.is_identically_zero() is zero
    if zero:   # soundness: the function really vanishes at random exact points
        rng = np.random.default_rng(k)
        for _ in range(3):
            x = [sp.Rational(int(v), 7) for v in rng.integers(-20, 20, k)]
            assert sp.simplify(f(x)) == 0


def test_algebra_of_networks():
    f, g = parity_net([1, 2], 3), parity_net([2, 3], 3)
    assert (f - f).is_identically_zero()
    x = [sp.Rational(1, 2), -1, 2]
    assert sp.simplify((f + 2 * g)(x) - f(x) - 2 * g(x)) == 0
    assert sp.simplify(f.transformed(reflection(1))(x) - f([-x[0], x[1], x[2]])) == 0


def test_precompose_and_embed():
    f = Network([[1, 1], [1, -1]], "relu", outputs=[1, -1])
    M = sp.Matrix([[2, 0, 0], [0, 0, 1]])
    g = f.precompose(M, 3)
    x = [sp.Rational(1, 3), 5, -2]
    assert sp.simplify(g(x) - f([2 * x[0], x[2]])) == 0
    e = f.embed(10, [4, 9])
    assert e.support == (4, 9) and sp.simplify(e({4: 1, 9: 3}) - f([1, 3])) == 0


# ------------------------------------------------------------------------------------- inner products
def test_gaussian_inner_product_of_two_units_is_the_dual_kernel():
    # one unit each, unit weights with ρ = 1/2: E = K_ReLU(1/2) (SPEC H4 reference value)
    f = Network([[1, 0]], "relu")
    g = Network([[sp.Rational(1, 2), sp.sqrt(3) / 2]], "relu")
    assert_certified(hv.enclose(inner_product(f, g, Gaussian(2)), 30), "0.304498890522114679044498291245", 30)


def test_exact_and_series_routes_agree_for_weights_of_any_norm():
    # correlations 1/√10 and -1/√2; erf with weight norms √5 and 3, sign with norm √2
    f = Network([[2, 1], [0, 3]], "erf", outputs=[1, -2])
    g = Network([[1, -1]], "sign")
    exact = inner_product(f, g, Gaussian(2))
    series = inner_product(f, g, Gaussian(2), dps=12, algorithm="series")
    assert_certified(series, exact, 12)


def test_orthogonal_parity_networks_have_exactly_zero_inner_product():
    f, g = parity_net([1, 2], 10 ** 6), parity_net([2, 3], 10 ** 6)
    assert inner_product(f, g, Gaussian(10 ** 6)) == 0
    assert inner_product(f, f, Gaussian(10 ** 6)) == 2 - 4 / sp.pi        # SPEC V12


def test_homogeneous_reduction_on_spherical_laws_agrees_with_monte_carlo():
    # ReLU is 1-homogeneous: E_D[fg] = E_D[R²]/n · E_γ[fg] (SPEC §9.4); Monte Carlo is evidence
    f = parity_net([1, 2], 6)
    for D in (UniformSphere(6, radius=3), UniformBall(6), Radial(6, RadiusLaw.chi(2))):
        exact = inner_product(f, f, D)
        assert sp.simplify(exact - D.radius_moment(2) / 6 * (2 - 4 / sp.pi)) == 0
        mc = monte_carlo_inner(f, f, D, samples=60_000, seed=5)
        assert mc.consistent_with(float(exact))


def test_hypercube_enumeration_equals_a_brute_force_exact_average():
    f = Network([[1, 1, 0], [0, 1, -1]], "sigmoid", outputs=[1, 2])
    g = Network([[1, 0, 1]], "relu", outputs=[3])
    brute = sum(f(x) * g(x) for x in itertools.product((1, -1), repeat=3)) / 8
    assert sp.simplify(inner_product(f, g, Hypercube(3)) - brute) == 0


def test_shifted_gaussian_control_value_and_spec_correction():
    # SPEC G1 control: N(0.5·1, I), k = 2, S = {1,2}, T = {2,3}.  Independent reference: the 1-D
    # reduction E_z[h(z + 1/2)²], h(x) = (A(x + 1/2) - A(x - 1/2))/√2, A(a) = a erf(a/√2) + 2φ(a),
    # by mpmath.quad at 40 digits: 0.1811712847116032545603353245291288519739.
    f, g = parity_net([1, 2], 3), parity_net([2, 3], 3)
    e = inner_product(f, g, ShiftedGaussian(3, sp.Rational(1, 2)), dps=20)
    assert_certified(e, "0.18117128471160325456", 20)
    # SPEC prints 0.1808 ± 0.0002 (Monte Carlo): the certified value lies outside that interval
    assert e.excludes("0.1810") and not e.contains("0.1806") and e.is_positive()
    assert e.ball > hv.enclose(sp.Rational(1810, 10000), 20).ball


def test_hermite_component_of_a_single_unit():
    # E[σ(⟨w,x⟩) H_α] = c_m(σ_r) √(m!/α!) u^α with r = |w|, u = w/r  (SPEC §0.1)
    f = Network([[3, 4]], "relu")
    got = hermite_component(f, {1: 1, 2: 1})
    c2 = hv.hermite_coefficient(hv.activation("relu").affine(5, 0), 2)
    assert sp.simplify(got - c2 * sp.sqrt(2) * sp.Rational(3, 5) * sp.Rational(4, 5)) == 0


def test_monte_carlo_is_evidence_with_a_standard_error():
    f = parity_net([1, 2], 10 ** 6)
    mc = monte_carlo_inner(f, f, Gaussian(10 ** 6), samples=100_000, seed=1)
    assert 0 < mc.stderr < 0.01 and mc.consistent_with(float(2 - 4 / sp.pi))
    assert "MC" in str(mc)


def test_homogeneity_degrees():
    assert [hv.activation(a).homogeneity for a in ("relu", "abs", "sign", "step", "identity")] == [1, 1, 0, 0, 1]
    assert hv.activation("sigmoid").homogeneity is None
    assert hv.activation("relu").affine(1, 1).homogeneity is None


# ------------------------------------------------------------------------------------- bad input
@pytest.mark.parametrize("make, error, message", [
    (lambda: Network([[1, 2], [1]], "relu"), DomainError, "dimension mismatch"),
    (lambda: Network([{1: 1}], "relu"), DomainError, "pass n="),
    (lambda: Network([{4: 1}], "relu", n=3), DomainError, r"1\.\.3"),
    (lambda: Network([[1, 2]], "relu", outputs=[1, 2]), DomainError, "one entry per unit"),
    (lambda: Network([[1, 2]], "swish"), DomainError, "unknown activation"),
    (lambda: Network([[1, float("nan")]], "relu"), DomainError, "finite"),
    (lambda: Network([], "relu"), DomainError, "at least one"),
    (lambda: Network([[1]], "relu", scale=0), DomainError, "positive"),
    (lambda: inner_product(parity_net([1], 2), parity_net([1], 3), Gaussian(3)), DomainError, "R\\^2 and R\\^3"),
    (lambda: inner_product(parity_net([1], 2), parity_net([1], 2), Gaussian(3)), DomainError, "dimension mismatch"),
    (lambda: inner_product(parity_net([1], 2, "sigmoid"), parity_net([1], 2, "sigmoid"), UniformSphere(2)),
     NoClosedForm, "positively homogeneous"),
    # the uniform sphere and ball are certified for every σ now (tests/test_sphere_norms.py); other radius laws not
    (lambda: inner_product(parity_net([1], 2, "sigmoid"), parity_net([1], 2, "sigmoid"), Radial(2, RadiusLaw.chi(3)),
                           dps=10), NotCertified, "monte_carlo_inner"),
    (lambda: inner_product(parity_net([1], 2), parity_net([1], 2), UniformCube(2)), NoClosedForm, "no exact"),
    (lambda: inner_product(ComposedNetwork("tanh", parity_net([1], 2)), parity_net([1], 2), Gaussian(2)),
     DomainError, "monte_carlo_inner"),
    (lambda: inner_product(parity_net([1], 2), parity_net([1], 2), Gaussian(2), algorithm="series"),
     DomainError, "pass dps="),
    (lambda: parity_net([1], 2).transformed("flip"), DomainError, "SignedPermutation"),
    (lambda: monte_carlo_inner(parity_net([1], 2), parity_net([1], 2), Gaussian(2), samples=1, seed=0),
     DomainError, "samples"),
])
def test_bad_input(make, error, message):
    with pytest.raises(error, match=message):
        make()


# -- (moved from test_review_networks.py)
def test_constant_units_use_the_value_at_the_kink():
    # Regression: σ even a.e. (1{|t| ≥ 1} with σ(-1) = 0 ≠ σ(1) = 1); the constant units σ(-1), σ(1)
    # were merged, "proving" f = σ(0·x - 1) - σ(0·x + 1) ≡ 0 although f ≡ -1 under every law.
    f = Network([[0], [0]], EVEN_AE_AT_ONE, outputs=[1, -1], biases=[-1, 1], n=1)
    assert f([sp.Rational(1, 3)]) == -1
    assert not f.is_identically_zero()
    v = check_orthogonality(f, f, Gaussian(1), cross_check=False)
    assert v.status is not Status.PROVED


def test_almost_everywhere_polynomial_activations_do_not_crash():
    # Regression (robustness): sign(t)² is 1 except at 0; it used to reach sympy.Poly and raise a bare
    # PolynomialError.  It is even everywhere, so units σ(u), σ(-u) may still merge.
    a = hv.activation(sp.sign(t) ** 2)
    f = Network([[1, 1], [1, -1]], a, outputs=[1, -1], n=2)
    assert not f.is_identically_zero()                 # f(1, 1) = 1 - 0 = 1
    assert f([1, 1]) == 1
    g = Network([[1, 1], [-1, -1]], a, outputs=[1, -1], n=2)
    assert g.is_identically_zero()


def test_certificates_hold_at_every_grid_point():
    # Exact evaluation on {-1,0,1}³ (pre-activations sit on the switch points 0 and ±1 often).
    rng = np.random.default_rng(20240611)
    checked = 0
    for trial in range(90):
        act = ADVERSARIAL_ACTS[trial % len(ADVERSARIAL_ACTS)]
        f = random_network(rng, act)
        vals = {x: f(list(x)) for x in GRID3}
        if f.is_identically_zero():
            assert all(v == 0 for v in vals.values()), (act, f.rows, f.biases, f.outputs)
        for R in TRANSFORMS:
            eps = f.symmetry_sign(R)
            if eps is not None:
                checked += 1
                for x in GRID3:
                    assert sp.simplify(f(apply_transform(R, x)) - eps * vals[x]) == 0, (act, R, x)
    assert checked >= 20


def test_hypercube_enumeration_matches_brute_force_with_biases():
    rng = np.random.default_rng(11)
    for trial in range(12):
        f = random_network(rng, ["relu", "sigmoid", STEP_STRICT, "erf"][trial % 4])
        g = random_network(rng, ["abs", "tanh", "sign", SIGN_LEFT][trial % 4])
        brute = sum(f(list(x)) * g(list(x)) for x in itertools.product((1, -1), repeat=3)) / 8
        assert sp.simplify(inner_product(f, g, Hypercube(3)) - brute) == 0


def test_composed_certificates_hold_pointwise():
    rng = np.random.default_rng(3)
    for trial in range(30):
        f = random_network(rng, ADVERSARIAL_ACTS[trial % len(ADVERSARIAL_ACTS)])
        for psi in ("tanh", "sign", SIGN_LEFT, STEP_STRICT, "abs", ODD_AE_AT_ONE):
            h = ComposedNetwork(psi, f)
            for R in TRANSFORMS[:5]:
                eps = h.symmetry_sign(R)
                if eps is not None:
                    for x in GRID3:
                        assert sp.simplify(h(apply_transform(R, x)) - eps * h(list(x))) == 0, (psi, R, x)


def test_spherical_law_factor_against_polar_quadrature():
    # E_D[fg] = E[R^{p+q}] · mean over the circle of f g (f, g p-, q-homogeneous, no biases), computed
    # here by mpmath quadrature over the angle (split at every kink) and over the radial density.
    f = Network([[1, 2], [-1, 1]], "relu", outputs=[1, -2])
    g = Network([[2, -1], [1, 1], [0, 1]], "relu", outputs=[1, 1, -1])
    h = Network([[1, 0], [1, 1]], "step", outputs=[1, -3])
    relu = lambda u: max(u, 0)                                                         # noqa: E731
    F = lambda c, s: relu(c + 2 * s) - 2 * relu(-c + s)                                # noqa: E731
    G = lambda c, s: relu(2 * c - s) + relu(c + s) - relu(s)                           # noqa: E731
    H = lambda c, s: (1 if c > 0 else 0) - 3 * (1 if c + s > 0 else 0)                 # noqa: E731
    with mpmath.workdps(20):
        cuts = sorted({float((mpmath.atan2(b, a) + d) % (2 * mpmath.pi)) for a, b in
                       [(1, 2), (-1, 1), (2, -1), (1, 1), (0, 1), (1, 0)] for d in (mpmath.pi / 2, -mpmath.pi / 2)})
        pts = [0] + cuts + [2 * mpmath.pi]

        def ang(A, B):
            return mpmath.quad(lambda th: A(mpmath.cos(th), mpmath.sin(th)) * B(mpmath.cos(th), mpmath.sin(th)), pts) / (2 * mpmath.pi)
        fg, fh = ang(F, G), ang(F, H)
        chi = lambda d, sc: lambda r: (r / sc) ** (d - 1) * mpmath.exp(-(r / sc) ** 2 / 2) / (           # noqa: E731
            2 ** (mpmath.mpf(d) / 2 - 1) * mpmath.gamma(mpmath.mpf(d) / 2)) / sc
        cases = [(UniformSphere(2, radius=3), lambda s: mpmath.mpf(3) ** s),
                 (UniformBall(2, radius=2), lambda s: mp_radial_moment(lambda r: 2 * r / 4, s, 0, 2)),
                 (Radial(2, RadiusLaw.chi(5, scale=sp.Rational(1, 2))),
                  lambda s: mp_radial_moment(chi(5, mpmath.mpf(1) / 2), s, 0, mpmath.inf)),
                 (Radial(2, RadiusLaw.pareto(3, scale=2)),
                  lambda s: mpmath.quad(lambda u: (2 / u) ** s * 3 * u ** 2, [0, 1]))]
        for law, ER in cases:
            assert abs(sp.N(inner_product(f, g, law), 25) - sp.Float(mpmath.nstr(ER(2) * fg, 18), 25)) < 1e-15
            assert abs(sp.N(inner_product(f, h, law), 25) - sp.Float(mpmath.nstr(ER(1) * fh, 18), 25)) < 1e-15


@pytest.mark.slow
def test_biased_pairs_under_shifted_and_anisotropic_gaussians():
    # E[ReLU(x1 + 1/3) ReLU(x1 + x2 - 1)]: conditioning on x1, E_{x2}[ReLU(Y)] = mΦ(m/s) + sφ(m/s)
    # for Y ~ N(m, s²), then one mpmath quadrature over x1.
    f = Network([[1, 0]], "relu", biases=[sp.Rational(1, 3)])
    g = Network([[1, 1]], "relu", biases=[-1])
    with mpmath.workdps(30):
        Er = lambda m, s: m * mpmath.ncdf(m / s) + s * mpmath.npdf(m / s)                          # noqa: E731

        def ref(m1, s1, m2, s2):
            return mpmath.quad(lambda x: max(x + mpmath.mpf(1) / 3, 0) * Er(x + m2 - 1, s2) * mpmath.npdf(x, m1, s1),
                           [-mpmath.inf, -mpmath.mpf(1) / 3, mpmath.inf])
        cases = [(ShiftedGaussian(2, sp.Rational(3, 10)), ref(mpmath.mpf(3) / 10, 1, mpmath.mpf(3) / 10, 1)),
                 (AnisotropicGaussian(2, [3, 1]), ref(0, mpmath.sqrt(3), 0, 1))]
    for law, value in cases:
        e = inner_product(f, g, law, dps=10)
        assert_certified(e, arb_of(value), 10)
