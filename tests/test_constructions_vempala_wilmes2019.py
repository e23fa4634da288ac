"""VW 2019 (SPEC §4, W1–W3): harmonic targets, exact finite-width GD, the infinite-width spectrum, W3.

Reference values are hand derivations written out in the comments (independent of the code paths
they test), SPEC tables (F1, F4, F5, V20) and mpmath at 50 digits.
"""

import mpmath
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import hardverify as hv
from hardverify.constructions.vempala_wilmes2019 import (
    FiniteWidthGD,
    HarmonicTarget,
    random_rational_points,
    rational_sphere_point,
)
from hardverify.constructions.vempala_wilmes2019.atoms import AtomRing
from hardverify.constructions.vempala_wilmes2019.caveat import (
    biased,
    check_every_degree,
    eigenvalues_with_bias,
    never_learned,
    vanishing_degrees,
)
from hardverify.constructions.vempala_wilmes2019.spectrum import (
    InfiniteWidthGD,
    iteration_count,
    kernel_rate,
    predicted_exponent,
    stability,
    sup_rate,
)
from hardverify.constructions.vempala_wilmes2019.targets import coordinates
from hardverify.errors import DomainError, NoClosedForm
from hardverify.verdict import Status

R = sp.Rational
W3 = [(1, 0, 0), (0, 1, 0), (R(3, 5), R(4, 5), 0)]


# ------------------------------------------------------------------------------ targets
@pytest.mark.parametrize("n, dims", [(5, [1, 5, 14, 30, 55])])          # SPEC F1 table, n = 5
def test_zonal_norms_are_harmonic_dimensions(n, dims):
    # ‖Z_ℓ^u‖² = N(n, ℓ) (addition theorem: E[Z_u²] = Z_u(u) = N(n, ℓ) P_ℓ(1))
    u = (0, 0, 0, 0, 1)
    for ell, N in enumerate(dims):
        assert HarmonicTarget.zonal(n, {ell: 1}, u=u).norm2(ell) == N


def test_monomial_norm_v20():
    # SPEC V20: E_{U(S^5)}[x1² x2² x3²] = 1/480 (Dirichlet formula Γ(3)·(1/2)³/(Γ(6)/…) = 1/(6·8·10))
    f = HarmonicTarget.monomials(6, {(1, 2, 3): 1})
    assert f.norm2(3) == R(1, 480)


@pytest.mark.parametrize("bad, match", [
    ("x1**2", "not harmonic"), ("x1**2 + x2", "not harmonic"), ("y", "only use the coordinates")])
def test_non_harmonic_target_raises(bad, match):
    xs = coordinates(3)
    expr = sp.sympify(bad, locals={"x1": xs[0], "x2": xs[1], "y": sp.Symbol("y")})
    with pytest.raises(DomainError, match=match):
        HarmonicTarget(3, expr)


@pytest.mark.parametrize("point, match", [((1, 1, 0), "not on the unit sphere"), ((0.6, 0.8, 0.0), "float"),
                                          ((1, 0), "n = 3 coordinates"), ((sp.Symbol("a"), 0, 0), "symbolic")])
def test_points_off_the_sphere_raise(point, match):
    f = HarmonicTarget.monomials(3, {(1,): 1})
    with pytest.raises(DomainError, match=match):
        FiniteWidthGD(f, [point], "relu", eta=1)


def test_target_builder_errors():
    with pytest.raises(DomainError, match="distinct coordinates"):
        HarmonicTarget.monomials(3, {(1, 1): 1})
    with pytest.raises(DomainError, match="degrees must be integers"):
        HarmonicTarget.zonal(3, {-1: 1}, u=(0, 0, 1))
    with pytest.raises(DomainError, match="dimension n"):
        HarmonicTarget(1, 0)


@given(st.lists(st.fractions(min_value=-5, max_value=5, max_denominator=50), min_size=1, max_size=5))
@settings(max_examples=40, deadline=None)
def test_rational_sphere_points_have_norm_one(y):
    x = rational_sphere_point(y)
    assert sum(c * c for c in x) == 1


def test_random_rational_points_are_seeded():
    assert random_rational_points(3, 4, seed=5) == random_rational_points(3, 4, seed=5)
    with pytest.raises(DomainError, match="m must be"):
        random_rational_points(3, 0, seed=1)


# ------------------------------------------------------------------------------ atoms
def test_atom_ring_identity_and_enclosure():
    a = sp.asin(R(3, 5))
    Rg = AtomRing([sp.pi, 1 / sp.pi, a])
    x = Rg(sp.pi / 3 + a / sp.pi)
    assert Rg.to_expr(x * x - x * x) == 0
    e = Rg.enclose(x * x, 30)
    assert e.contains((sp.pi / 3 + a / sp.pi) ** 2) and e.rel_accuracy_digits() >= 30
    with mpmath.workdps(50):                                             # mpmath, 50 digits
        ref = (mpmath.pi / 3 + mpmath.asin(mpmath.mpf(3) / 5) / mpmath.pi) ** 2
        assert abs(e.mid - ref) < mpmath.mpf(10) ** -28
    with pytest.raises(DomainError, match="not declared"):
        Rg(sp.E)


# ------------------------------------------------------------------------------ W1
def test_w1_one_feature_by_hand():
    # m = 1, w = e1, f = x1 on S², ReLU.  G = κ(1) = 1/(2n) = 1/6, b = μ_1 Y(w) = 1/(2n) = 1/6 (F4: μ_1 = 1/(2n)).
    # η = 3: a_{t+1} = a_t + 3(1/6 - a_t/6) = a_t + (1 - a_t)/2, so a_t = 1 - 2^{-t}.
    # Π_1 φ = μ_1 N(3,1) P_1(⟨e1, x⟩) = x1/2, so ‖Π_1 r_t‖² = (1 - a_t/2)² E[x1²] = (1 - a_t/2)²/3.
    # L(a) = ½(1/3 - a/3 + a²/6): L(1/2) = 5/48.
    f = HarmonicTarget.monomials(3, {(1,): 1})
    gd = FiniteWidthGD(f, [(1, 0, 0)], "relu", eta=3)
    for t in range(5):
        a = 1 - R(1, 2 ** t)
        assert gd.parameters(t) == (a,)
        assert gd.degree_norm2(t, 1) == (1 - a / 2) ** 2 / 3
    assert gd.loss(1) == R(5, 48)
    assert gd.check_operator_identity(5).status is Status.PROVED
    assert gd.ring_size(3) == 1                                          # rational entries: one monomial


@pytest.mark.parametrize("n, act", [(3, "relu"), (4, "relu"), (4, "step")])
def test_w1_operator_identity(n, act):
    f = HarmonicTarget.zonal(n, {1: 1, 2: 1, 4: 1}, u=tuple([0] * (n - 1) + [1]))
    W = [tuple(list(w) + [0] * (n - 3)) for w in W3]
    gd = FiniteWidthGD(f, W, act, eta=R(1, 2))
    assert gd.check_operator_identity(4).status is Status.PROVED
    # the operator applied to the exact residual coordinates equals the next GD residual
    assert all(sp.simplify(x - y) == 0 for x, y in zip(gd.apply_operator(gd.residual(1)), gd.residual(2)))


def test_w1_certified_and_float_routes():
    f = HarmonicTarget.zonal(3, {2: 1, 4: 1}, u=(0, 0, 1))
    gd = FiniteWidthGD(f, W3, "relu", eta=4)
    exact = gd.parameters(3)
    cert = gd.parameters_certified(3, dps=30)
    for c, e in zip(cert, exact):
        assert c.contains(e) and c.rel_accuracy_digits() >= 30
    flt = gd.parameters_float(3)
    assert max(abs(float(e) - x) for e, x in zip(exact, flt)) < 1e-12        # float64 evidence
    L = gd.loss(2)
    e = gd.loss(2, dps=25)
    assert e.contains(L) and e.rel_accuracy_digits() >= 25
    d = gd.degree_norm2(2, 2, dps=25)
    assert d.contains(gd.degree_norm2(2, 2)) and d.rel_accuracy_digits() >= 25


def test_w1_errors():
    f = HarmonicTarget.monomials(3, {(1,): 1})
    for bad in (0, -1, "x", True):
        with pytest.raises(DomainError):
            FiniteWidthGD(f, W3, "relu", eta=bad)
    with pytest.raises(DomainError, match="need m >= 1"):
        FiniteWidthGD(f, [], "relu", eta=1)
    with pytest.raises(DomainError, match="HarmonicTarget"):
        FiniteWidthGD("x1", W3, "relu", eta=1)
    with pytest.raises(NoClosedForm, match="positively homogeneous"):
        FiniteWidthGD(f, W3, "sigmoid", eta=1)
    gd = FiniteWidthGD(f, W3, "relu", eta=1, max_degree=3)
    with pytest.raises(DomainError, match="number of steps"):
        gd.parameters(-1)
    with pytest.raises(DomainError, match="max_degree"):
        gd.degree_norm2(1, 4)
    with pytest.raises(DomainError, match="dps"):
        gd.loss(1, dps=0)
    with pytest.raises(DomainError, match="m \\+ 1"):
        gd.apply_operator((1, 2))
    with pytest.raises(DomainError, match="max_degree"):
        FiniteWidthGD(f, W3, "relu", eta=1, max_degree=-1)


# ------------------------------------------------------------------------------ W2
def test_w2_spec_example_and_kernel_route():
    # SPEC F4 table, n = 3 ReLU: μ_2 = 1/16, μ_4 = -1/96; SPEC F5: μ_2(κ) = 1/256
    f = HarmonicTarget.zonal(3, {2: 1, 4: 1}, u=(0, 0, 1))
    gd = InfiniteWidthGD(f, "relu", eta_prime=16)
    assert gd.mu == {2: R(1, 16), 4: R(-1, 96)}
    lam = kernel_rate("relu", 3, 2, dps=20)
    assert lam.contains(R(1, 256)) and lam.rel_accuracy_digits() >= 20
    assert gd.degree_norm2(3, 4) == (1 - R(16, 9216)) ** 6 * 9


@given(st.integers(0, 6), st.integers(0, 6), st.fractions(min_value=0, max_value=32, max_denominator=7))
@settings(max_examples=30, deadline=None)
def test_w2_decay_is_multiplicative(t1, t2, eta):
    if eta == 0:
        return
    f = HarmonicTarget.zonal(3, {2: 1, 4: 1}, u=(0, 0, 1))
    gd = InfiniteWidthGD(f, "relu", eta_prime=eta)
    for ell in (2, 4):
        assert gd.degree_norm2(t1 + t2, ell) * f.norm2(ell) == gd.degree_norm2(t1, ell) * gd.degree_norm2(t2, ell)


def test_w2_certified_infinite_width():
    f = HarmonicTarget.zonal(3, {1: 1}, u=(0, 0, 1))
    gd = InfiniteWidthGD(f, "sigmoid", eta_prime=4, dps=20)
    e = gd.degree_norm2(2, 1)
    mu = hv.funk_hecke("sigmoid", 3, 1, dps=40)
    ref = (1 - 4 * mu.mid ** 2) ** 4 * 3
    assert abs(float(e) - float(ref)) < 1e-15 and e.rel_accuracy_digits() >= 15


def test_w2_sup_rate_and_stability():
    s = sup_rate("relu", 3)
    assert (s["value"], s["degree"]) == (R(1, 16), 0)                   # F4: μ_0 = 1/4 is the largest
    assert sup_rate("tanh", 100)["degree"] == 1                         # tanh is odd: μ_0 = 0
    assert stability("relu", 3, 32).status is Status.PROVED             # η' M = 2: boundary, |1 - 2| = 1
    assert stability("relu", 3, 33).status is Status.REFUTED
    assert stability("sigmoid", 10 ** 6, 7).status is Status.CERTIFIED  # M ≈ 1/4 + O(1/n)
    assert stability("sigmoid", 10 ** 6, 9).status is Status.REFUTED


def test_w2_iteration_count_reference():
    # ReLU, n = 3, k = 4: M = 1/16, slowest μ_4² = 1/9216: ratio 576; with η' = 1/M the slowest degree needs
    # ⌈log(1000)/-log(1 - 1/576)⌉ steps (mpmath, 50 digits: 3975.4…)
    r = iteration_count("relu", 3, 4)
    assert r["ratio"].contains(576) and r["ratio"].rel_accuracy_digits() >= 20
    with mpmath.workdps(50):
        ref = mpmath.log(1000) / -mpmath.log1p(-mpmath.mpf(1) / 576)
    assert r["steps"] == int(mpmath.ceil(ref)) == 3976
    assert r["zero_degrees"] == [3] and r["slowest"] == 4


def test_w2_fitted_exponent_sigmoid():
    a, b = iteration_count("sigmoid", 10 ** 5, 3), iteration_count("sigmoid", 10 ** 6, 3)
    slope = mpmath.log(float(b["ratio"]) / float(a["ratio"]), 10)
    assert abs(slope - predicted_exponent("sigmoid", 3)) < 0.01         # 2k = 6 for analytic σ


def test_w2_errors():
    f = HarmonicTarget.zonal(3, {2: 1}, u=(0, 0, 1))
    with pytest.raises(DomainError, match="rate must be"):
        InfiniteWidthGD(f, "relu", eta_prime=1, rate="mu3")
    with pytest.raises(DomainError, match="> 0"):
        InfiniteWidthGD(f, "relu", eta_prime=0)
    with pytest.raises(DomainError, match="HarmonicTarget"):
        InfiniteWidthGD(None, "relu", eta_prime=1)
    with pytest.raises(DomainError, match="eps must lie"):
        iteration_count("relu", 3, 2, eps=2)
    with pytest.raises(DomainError, match=">= 3"):
        sup_rate("relu", 2)
    with pytest.raises(DomainError, match="k must be"):
        iteration_count("relu", 3, -1)
    with pytest.raises(DomainError, match="never learned|nothing is learned|μ_0 = 0"):
        predicted_exponent("tanh", 0)
    with pytest.raises(DomainError, match="no predicted exponent"):
        predicted_exponent("abs", 2)
    with pytest.raises(DomainError, match="nothing is learned"):
        iteration_count("tanh", 10, 0)
    with pytest.raises(DomainError, match="steps"):
        InfiniteWidthGD(f, "relu", eta_prime=1).degree_norm2(-2, 2)


# ------------------------------------------------------------------------------ W3
def test_w3_zeros_and_control():
    assert vanishing_degrees("relu", 3, 8) == [3, 5, 7]
    assert vanishing_degrees("sigmoid", 50, 8, dps=20) == [2, 4, 6, 8]
    v = check_every_degree("relu", 3, 4)
    assert v.status is Status.REFUTED and v.data["zero_degree"] == 3


def test_w3_bias_remedy_by_hand():
    # n = 3: ν_3 is uniform on [-1, 1].  ReLU(t + 1/2): μ_0 = ½∫_{-1/2}^{1} (t + 1/2) dt = 9/16,
    # μ_1 = ½∫_{-1/2}^{1} (t + 1/2) t dt = ½(7/12 - 1/48) = 9/32.
    mu = eigenvalues_with_bias("relu", 3, 3, bias=R(1, 2))
    assert mu[:2] == [R(9, 16), R(9, 32)]
    assert check_every_degree("relu", 3, 10, bias=R(1, 2)).status is Status.PROVED
    assert check_every_degree("sigmoid", 100, 10, bias=R(1, 2), dps=20).status is Status.CERTIFIED
    with pytest.raises(DomainError, match="real number"):
        biased("relu", sp.I)


def test_w3_fixed_bias_is_exponentially_small():
    # a fixed bias b = 1/2 puts the kink at t = -1/2, where ν_n has mass ~ (3/4)^{n/2}: μ_2 collapses with n,
    # while the unbiased μ_2 ~ n^{-3/2}/√(2π) (F4 scaling) stays polynomial; certified to 15 digits
    b = eigenvalues_with_bias("relu", 1000, 2, bias=R(1, 2), dps=15)[2]
    u = eigenvalues_with_bias("relu", 1000, 2, dps=15)[2]
    assert b.is_positive() and b.ball < 1e-60 and u.ball > 1e-6 and b.rel_accuracy_digits() >= 15


def test_w3_never_learned():
    f = HarmonicTarget.zonal(3, {1: 1, 3: 1}, u=(R(3, 5), 0, R(4, 5)))
    gd = FiniteWidthGD(f, W3, "relu", eta=4)
    assert never_learned(gd, 3, 4).status is Status.PROVED
    assert never_learned(gd, 1, 2).status is Status.REFUTED              # degree 1 is learned
    with pytest.raises(DomainError, match="FiniteWidthGD"):
        never_learned(None, 3, 1)
