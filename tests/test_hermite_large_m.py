"""Exact Hermite coefficients at large degree: compact forms that print, evaluate and come back fast (issue 10, 5).

References (independent of hardverify's derivation):
* ReLU: c_m = (-1)^{m/2+1} (m-3)!! / √(2π m!) for even m ≥ 2 (SPEC H1 with He_k(0) = (-1)^{k/2} (k-1)!!),
  built here with sympy's factorial2 at small m, and with mpmath's loggamma at 60 digits at m = 20000;
* the plain values of the same code path below the threshold (``compact=False``), compared with ``==``.
"""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import hardverify as hv
from hardverify.cli import main
from hardverify.core.closed_forms import MAX_EXPAND_FACTORIAL, FactorialProduct, is_compact
from hardverify.errors import DomainError, NoClosedForm, ResourceLimit
from hardverify.symbolic import hermite as sh
from tests.helpers import arb_of, assert_certified

REPRO_TEXT = "-(2**(-19999/2)*factorial(19998)/(factorial(9999)*sqrt(factorial(20000))))/sqrt(pi)"


def relu_reference(m: int, dps: int = 60):
    """(-1)^{m/2+1} (m-3)!!/√(2π m!) by mpmath loggamma: (m-3)!! = (m-2)!/(2^{(m-2)/2} ((m-2)/2)!)."""
    with mpmath.workdps(dps + 10):
        log = (mpmath.loggamma(m - 1) - mpmath.mpf(m - 2) / 2 * mpmath.log(2) - mpmath.loggamma(m / 2)
               - mpmath.loggamma(m + 1) / 2)
        return (-1) ** (m // 2 + 1) * mpmath.exp(log) / mpmath.sqrt(2 * mpmath.pi)


@pytest.mark.timeout(30)
def test_reproducer_relu_20000_is_compact_prints_and_is_correct():
    c = hv.hermite_coefficient("relu", 20000)
    assert is_compact(c)
    assert str(c) == REPRO_TEXT and repr(c) == REPRO_TEXT
    assert sp.latex(c).count("\\frac") >= 1
    ref = relu_reference(20000)
    assert_certified(hv.enclose(c, 50), arb_of(ref), 50)
    assert_certified(hv.hermite_coefficient("relu", 20000, dps=50), arb_of(ref), 50)     # dps= route unchanged
    with mpmath.workdps(40):
        assert abs(mpmath.mpf(sp.N(c, 30)) / ref - 1) < mpmath.mpf(10) ** -28
    assert abs(float(c) / float(ref) - 1) < 1e-15
    assert hv.hermite_coefficient("relu", 19999) == 0


@pytest.mark.timeout(60)
def test_all_coefficients_to_20000():
    cs = hv.hermite_coefficients("relu", 20000)
    assert len(cs) == 20001
    assert not is_compact(cs[1000]) and is_compact(cs[1001 + 1])         # the threshold: m <= 1000 plain
    assert cs[1000] == sh.hermite_coefficient("relu", 1000, compact=False)
    assert cs[20000] == hv.hermite_coefficient("relu", 20000)
    assert all(cs[m] == 0 for m in (3, 1001, 19999))


@pytest.mark.parametrize("m", [2, 4, 6, 10, 30, 64])
def test_relu_closed_formula_small_m(m):
    c = sh.hermite_coefficient("relu", m, compact=True)
    assert is_compact(c)
    formula = (-1) ** (m // 2 + 1) * sp.factorial2(m - 3) / sp.sqrt(2 * sp.pi * sp.factorial(m))
    assert sp.expand(c.doit()) == sp.expand(formula)
    assert sp.expand(c.doit()) == hv.hermite_coefficient("relu", m)


KINK_AT_ZERO = ["relu", "sign", "step", "abs", "leaky_relu", "identity", hv.activation(sp.Max(0, hv.t) ** 3),
                hv.activation(hv.t ** 2 * sp.Max(0, hv.t) - 3 * hv.t)]
OTHERS = [hv.activation("relu").affine(1, -sp.Rational(1, 3)), "gelu", "erf"]


@pytest.mark.parametrize("act", KINK_AT_ZERO + OTHERS)
@pytest.mark.parametrize("normalization", ["orthonormal", "probabilists", "physicists"])
def test_compact_equals_plain_small_m(act, normalization):
    for m in range(0, 14):
        plain = sh.hermite_coefficient(act, m, normalization=normalization, compact=False)
        compact = sh.hermite_coefficient(act, m, normalization=normalization, compact=True)
        assert sp.expand(compact.doit()) == plain, (act, normalization, m)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(-5, 5), min_size=4, max_size=4), st.integers(0, 40))
def test_property_combinations_with_kinks_at_zero(ws, m):
    a, b, c, d = ws
    act = hv.activation(a * sp.Max(0, hv.t) + b * sp.sign(hv.t) + c * hv.t + d * sp.Max(0, hv.t) ** 2)
    plain = sh.hermite_coefficient(act, m, compact=False)
    assert sp.expand(sh.hermite_coefficient(act, m, compact=True).doit()) == plain


def test_above_threshold_matches_plain_value_certified():
    # m > COMPACT_DEGREE = 1000: compact by default, the plain number with compact=False; equal as balls
    for act, m in [("relu", 1002), ("sign", 1003), (hv.activation("relu").affine(1, -sp.Rational(1, 3)), 1002)]:
        c = hv.hermite_coefficient(act, m)
        assert is_compact(c)
        plain = sh.hermite_coefficient(act, m, compact=False)
        assert not is_compact(plain)
        e = hv.enclose(c, 40)
        assert e.rel_accuracy_digits() >= 40 and e.contains(plain)


def test_other_normalisations_at_20000_against_mpmath():
    m = 20000
    ref = relu_reference(m)
    with mpmath.workdps(70):
        b_ref = ref / mpmath.exp(mpmath.loggamma(m + 1) / 2)             # b_m = c_m/√(m!)
        d_ref = b_ref * mpmath.mpf(2) ** (-mpmath.mpf(m) / 2) / mpmath.sqrt(2)   # ReLU(x/√2) = ReLU(x)/√2
    b = hv.hermite_coefficient("relu", m, normalization="probabilists")
    d = hv.hermite_coefficient("relu", m, normalization="physicists")
    assert is_compact(b) and is_compact(d) and len(str(d)) < 200
    assert_certified(hv.enclose(b, 40), arb_of(b_ref, 70), 40)
    assert_certified(hv.enclose(d, 40), arb_of(d_ref, 70), 40)


@pytest.mark.timeout(60)
def test_cli_prints_the_reproducer_line(capsys):
    assert main(["hermite", "relu", "-m", "20000"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out[-1] == f"c_20000 = {REPRO_TEXT}"
    assert out[0] == "c_0 = sqrt(2)/(2*sqrt(pi))"


def test_gelu_single_large_degree_is_fast_and_certified():
    c = hv.hermite_coefficient("gelu", 20000)                           # compact 1/√(m!) times exact rationals
    assert is_compact(c)
    e = hv.enclose(c, 20)
    assert e.rel_accuracy_digits() >= 20 and e.is_positive() != e.is_negative()


# ------------------------------------------------------------------------------------------ errors
def test_resource_limit_on_estimated_time_names_dps():
    shifted = hv.activation("relu").affine(1, -sp.Rational(1, 3))
    with pytest.raises(ResourceLimit, match=r"would take about .* dps="):
        hv.hermite_coefficient(shifted, 20000)
    with pytest.raises(ResourceLimit, match="dps="):
        hv.hermite_coefficients("gelu", 20000)
    with pytest.raises(ResourceLimit, match="dps="):
        hv.hermite_coefficient(hv.activation("relu").affine(1, -sp.sqrt(2)), 15000)


def test_existing_errors_unchanged():
    with pytest.raises(ResourceLimit):
        hv.hermite_coefficient("relu", 20001)
    with pytest.raises(NoClosedForm, match="dps="):
        hv.hermite_coefficient("sigmoid", 5000)
    with pytest.raises(DomainError):
        hv.hermite_coefficient("relu", -1)


def test_factorial_product_errors_and_plain():
    with pytest.raises(DomainError, match="non-negative integers"):
        FactorialProduct(0, {sp.Rational(1, 2): 1})
    with pytest.raises(DomainError, match="exact rationals"):
        FactorialProduct(0, {3: sp.sqrt(2)})
    with pytest.raises(DomainError, match="exact rational"):
        FactorialProduct(sp.pi, {3: 1})
    with pytest.raises(DomainError, match="takes"):
        FactorialProduct(0, 3)
    big = FactorialProduct(0, {MAX_EXPAND_FACTORIAL + 1: -sp.Rational(1, 2)})
    assert big.doit() is big
    with pytest.raises(ResourceLimit, match="MAX_EXPAND_FACTORIAL"):
        big.plain()
    small = FactorialProduct(1, {5: 1, 3: -1, 0: 7})                    # 2·5!/3! = 40; 0! dropped
    assert small.plain() == 40 and small.args == (1, 3, -1, 5, 1)
    assert small.func(*small.args) == small                             # sympy rebuilds from the flat args


def test_factorial_product_powers_stay_compact():
    f = FactorialProduct(-sp.Rational(5, 2), {4: 1, 2: -1, 6: -sp.Rational(1, 2)})     # He_4(0)/(√2 √(6!))
    assert isinstance(f ** 2, FactorialProduct) and isinstance(1 / f, FactorialProduct)
    assert (f ** 2).doit() == sp.Rational(9, 1440)
    assert str(f ** 2) == "(2**(-5)*factorial(4)**2/(factorial(2)**2*factorial(6)))"
    assert (f ** -1).doit() == sp.sqrt(2 * sp.factorial(6)) / 3
    c = hv.hermite_coefficient("relu", 20000)
    assert is_compact(c ** 2) and len(str(c ** 2)) < 120
    with mpmath.workdps(70):
        ref2 = relu_reference(20000) ** 2
    assert_certified(hv.enclose(c ** 2, 30), arb_of(ref2, 70), 30)
