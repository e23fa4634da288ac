"""Property tests (hypothesis): symmetry certificates are sound, proved zeros are zero, integrals are bilinear."""

import itertools

import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies_networks import ODD, networks, points

from hardverify.checks.orthogonality import check_orthogonality
from hardverify.distributions import Gaussian, Hypercube, point_reflection, reflection
from hardverify.networks import inner_product
from hardverify.verdict import Status

coords = st.integers(min_value=1, max_value=3)


def _close(a, b) -> bool:
    return abs(sp.N(a - b, 60)) < sp.Float(10) ** -45


@given(networks(activations=("relu", "sign", "erf", "sigmoid", "abs"), biases=True), coords, points)
def test_symmetry_sign_is_sound(f, i, x):
    # whatever sign is claimed, f(R x) = ε f(x) must hold at every point
    R = reflection(i)
    eps = f.symmetry_sign(R)
    if eps is not None:
        y = list(x)
        y[i - 1] = -y[i - 1]
        assert _close(f(y), eps * f(x))


@given(networks(activations=("relu", "sign", "erf", "abs"), biases=True), coords)
def test_symmetrised_networks_are_odd_and_even(h, i):
    R = reflection(i)
    odd, even = h - h.transformed(R), h + h.transformed(R)
    assert odd.symmetry_sign(R) in (-1, 1)          # +1 only if odd ≡ 0 (then also -1)
    assert even.symmetry_sign(R) == 1
    if not odd.is_identically_zero():
        assert odd.symmetry_sign(R) == -1


@settings(max_examples=15)
@given(networks(), networks(), coords)
def test_proved_orthogonality_is_an_exact_zero(h, k, i):
    # odd × even under N(0, I): the symmetry certificate, and the pair expansion gives exactly 0
    R = reflection(i)
    f, g = h - h.transformed(R), k + k.transformed(R)
    v = check_orthogonality(f, g, Gaussian(3), dps=10)
    assert v.status is Status.PROVED
    assert sp.simplify(inner_product(f, g, Gaussian(3))) == 0


@given(networks(activations=ODD, biases=False))
def test_odd_activation_plus_its_reflection_vanishes(h):
    # σ odd, no biases: h(x) + h(-x) ≡ 0 and the exact reduction sees it
    assert (h + h.transformed(point_reflection())).is_identically_zero()


@settings(max_examples=15)
@given(networks(), networks(), networks())
def test_gaussian_inner_product_is_bilinear(f, g, h):
    if not (f.activation == g.activation):
        return
    lhs = inner_product(f + g, h, Gaussian(3))
    rhs = inner_product(f, h, Gaussian(3)) + inner_product(g, h, Gaussian(3))
    assert _close(lhs, rhs)
    assert _close(inner_product(f, h, Gaussian(3)), inner_product(h, f, Gaussian(3)))


@settings(max_examples=20)
@given(networks(activations=("relu", "sigmoid", "sign"), biases=True), networks(activations=("relu", "erf")))
def test_hypercube_enumeration_is_the_exact_average(f, g):
    brute = sum(f(x) * g(x) for x in itertools.product((1, -1), repeat=3)) / 8
    assert _close(inner_product(f, g, Hypercube(3)), brute)
