"""Every public error path of the foundation gives a hardverify.errors exception naming what is allowed."""

import pytest
import sympy as sp

import hardverify as hv
from hardverify import errors

t = hv.t
x = sp.Symbol("x")


@pytest.mark.parametrize("m", [-1, 2.0, "3", True, None, sp.Rational(1, 2)])
def test_bad_degree(m):
    with pytest.raises(errors.DomainError, match="non-negative integer"):
        hv.hermite_coefficient("relu", m)
    with pytest.raises(errors.DomainError, match="non-negative integer"):
        hv.hermite_coefficient("sigmoid", m, dps=10)


def test_degree_limits_are_refused_up_front():
    with pytest.raises(errors.DomainError, match="at most"):
        hv.hermite_coefficients("relu", 10 ** 6)
    with pytest.raises(errors.DomainError, match="at most"):
        hv.hermite_coefficients("sigmoid", 10 ** 5, dps=10)


@pytest.mark.parametrize("dps", [0, -5, 1.5, "30", True, 10 ** 6])
def test_bad_dps(dps):
    with pytest.raises(errors.DomainError, match="dps must be a positive integer"):
        hv.hermite_coefficient("relu", 2, dps=dps)


def test_unknown_activation_lists_the_known_ones():
    with pytest.raises(errors.DomainError, match="known: relu, leaky_relu, abs"):
        hv.activation("swish")


def test_unknown_parameter_of_a_named_activation():
    with pytest.raises(errors.DomainError, match="accepts parameters"):
        hv.activation("relu", slope=2)
    with pytest.raises(errors.DomainError, match="slope must be"):
        hv.activation("leaky_relu", slope="steep")
    with pytest.raises(errors.DomainError, match="monomial degree"):
        hv.activation("monomial", degree=-2)


def test_free_symbols_are_refused():
    a = sp.Symbol("a")
    with pytest.raises(errors.DomainError, match=r"free symbols \['a'\]"):
        hv.activation(a * sp.Max(0, x), x)


def test_non_real_and_non_expression_input():
    with pytest.raises(errors.DomainError):
        hv.activation(sp.I * t)
    assert hv.activation("max(0, t)") == hv.activation("relu")     # text is read by the safe parser, as in the CLI
    with pytest.raises(errors.DomainError):
        hv.activation([1, 2])
    with pytest.raises(errors.DomainError, match="var must be a sympy Symbol"):
        hv.activation(x ** 2, "x")


def test_non_integrable_growth():
    act = hv.activation(sp.exp(x ** 2), x)
    with pytest.raises(errors.DomainError, match="not integrable against the Gaussian"):
        hv.hermite_coefficient(act, 2)
    with pytest.raises(errors.DomainError, match="not integrable against the Gaussian"):
        hv.hermite_coefficient(act, 2, dps=10)


def test_unboundable_growth_asks_for_a_bound():
    act = hv.activation(sp.gamma(x + 3) * 0 + 1 / x, x)
    with pytest.raises(errors.DomainError, match="pass growth"):
        hv.hermite_coefficient(act, 1, dps=10)


def test_no_closed_form_points_to_dps():
    with pytest.raises(errors.NoClosedForm, match="dps="):
        hv.hermite_coefficient("sigmoid", 3)
    with pytest.raises(errors.NoClosedForm, match="dps="):
        hv.dual_kernel("gelu")


def test_bad_options():
    with pytest.raises(errors.DomainError, match="normalization must be one of"):
        hv.hermite_coefficient("relu", 2, normalization="physics")
    with pytest.raises(errors.DomainError, match="algorithm must be one of"):
        hv.hermite_coefficient("relu", 2, dps=10, algorithm="fast")
    with pytest.raises(errors.DomainError, match="pass dps="):
        hv.hermite_coefficient("relu", 2, algorithm="quadrature")
    with pytest.raises(errors.DomainError, match="growth must be"):
        _ = hv.activation(sp.tanh(x), x, growth=(1, 2)).growth


def test_dual_kernel_rho_domain():
    with pytest.raises(errors.DomainError, match=r"\[-1, 1\]"):
        hv.dual_kernel("relu", rho=2)
    with pytest.raises(errors.DomainError, match=r"\[-1, 1\]"):
        hv.dual_kernel("sigmoid", rho="1.5", dps=10)
    with pytest.raises(errors.DomainError, match="numeric rho"):
        hv.dual_kernel("sigmoid", dps=10)


def test_activation_algebra_errors():
    with pytest.raises(errors.DomainError, match="scale must be non-zero"):
        hv.activation("relu").affine(0, 1)
    with pytest.raises(errors.DomainError, match="must be a number"):
        hv.activation("relu") + "one"


def test_error_hierarchy():
    assert issubclass(errors.DomainError, ValueError)
    for cls in (errors.DomainError, errors.NotCertified, errors.NoClosedForm, errors.NoConvergence):
        assert issubclass(cls, errors.HardverifyError)
