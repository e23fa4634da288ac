"""The exact and certified Hermite layers agree (a sweep; the quadrature never reads the symbolic code)."""

import pytest
import sympy as sp
from helpers import assert_certified, assert_encloses

import hardverify as hv

t = hv.t

ACTIVATIONS = {
    "relu": hv.activation("relu"),
    "abs": hv.activation("abs"),
    "sign": hv.activation("sign"),
    "step": hv.activation("step"),
    "leaky_relu": hv.activation("leaky_relu", slope=sp.Rational(1, 10)),
    "erf": hv.activation("erf"),
    "gelu": hv.activation("gelu"),
    "cubic": hv.activation("monomial", degree=3),
    "relu_shifted": hv.activation("relu").affine(1, sp.Rational(-1, 3)),
    "kink_at_sqrt2": hv.activation(sp.Piecewise((t ** 2, t < sp.sqrt(2)), (2 * t - 1, True))),
    "erf_affine": hv.activation(sp.erf(2 * t + sp.Rational(1, 2))),
    "hat": hv.activation(sp.Max(0, 1 - sp.Abs(t))),
}


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_quadrature_encloses_the_exact_coefficients(name):
    act = ACTIVATIONS[name]
    M = 24
    exact = hv.hermite_coefficients(act, M)
    cert = hv.hermite_coefficients(act, M, dps=30, algorithm="quadrature")
    for m, (e, c) in enumerate(zip(exact, cert)):
        if e == 0:
            assert_encloses(c, e, what=(name, m))
            continue
        assert_certified(c, e, 30, what=(name, m))


@pytest.mark.parametrize("normalization", ["probabilists", "physicists"])
def test_layers_agree_in_other_normalisations(normalization):
    for name in ("relu", "sign"):
        exact = hv.hermite_coefficients(name, 8, normalization=normalization)
        cert = hv.hermite_coefficients(name, 8, dps=25, normalization=normalization, algorithm="quadrature")
        for m, (e, c) in enumerate(zip(exact, cert)):
            if e == 0:
                assert_encloses(c, e, what=(name, m))
            else:
                assert_certified(c, e, 25, what=(name, m))


def test_dual_kernels_agree():
    for s, tau in [("relu", None), ("sign", "erf"), ("step", "relu"), ("abs", None)]:
        rho = sp.Rational(3, 10)
        exact = hv.dual_kernel(s, tau, rho=rho)
        cert = hv.dual_kernel(s, tau, rho=rho, dps=20, algorithm="series")
        assert_certified(cert, exact, 20, what=(s, tau))
