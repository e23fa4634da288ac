"""Hypothesis strategies shared by the property tests (kept apart from the tests, as in attrs)."""

import sympy as sp
from hypothesis import strategies as st

import hardverify as hv

t = hv.t

small_rationals = st.fractions(min_value=-3, max_value=3, max_denominator=8).map(
    lambda f: sp.Rational(f.numerator, f.denominator))
degrees = st.integers(min_value=0, max_value=24)


@st.composite
def piecewise_linear(draw, max_kinks: int = 3):
    """A continuous piecewise-linear activation: a + b t + Σ_i c_i ReLU(t - k_i) with rational data."""
    a, b = draw(small_rationals), draw(small_rationals)
    n = draw(st.integers(min_value=0, max_value=max_kinks))
    expr = a + b * t
    for _ in range(n):
        c, k = draw(small_rationals), draw(small_rationals)
        expr += c * sp.Max(0, t - k)
    return hv.activation(expr)


@st.composite
def polynomials(draw, max_degree: int = 6):
    cs = draw(st.lists(small_rationals, min_size=1, max_size=max_degree + 1))
    return hv.activation(sum(c * t ** k for k, c in enumerate(cs)) + 0 * t)
