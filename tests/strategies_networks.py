"""Hypothesis strategies for networks (kept apart from the tests, as in attrs)."""

import sympy as sp
from hypothesis import strategies as st

from hardverify.networks import Network

#: activations with closed-form dual kernels (exact Gaussian inner products)
CLOSED = ["relu", "abs", "sign", "erf", "step"]
ODD = ["sign", "erf", "tanh"]

small_ints = st.integers(min_value=-2, max_value=2)


@st.composite
def networks(draw, n: int = 3, activations=tuple(CLOSED), max_width: int = 3, biases: bool = False):
    """A small network on R^n with integer weights and outputs (at least one non-zero weight per unit)."""
    act = draw(st.sampled_from(list(activations)))
    width = draw(st.integers(min_value=1, max_value=max_width))
    rows = []
    for _ in range(width):
        row = draw(st.lists(small_ints, min_size=n, max_size=n).filter(lambda r: any(r)))
        rows.append(row)
    outputs = draw(st.lists(st.integers(min_value=-3, max_value=3).filter(bool), min_size=width, max_size=width))
    bs = None
    if biases:
        bs = draw(st.lists(st.fractions(min_value=-1, max_value=1, max_denominator=4).map(
            lambda f: sp.Rational(f.numerator, f.denominator)), min_size=width, max_size=width))
    return Network(rows, act, outputs=outputs, biases=bs)


points = st.lists(st.fractions(min_value=-3, max_value=3, max_denominator=5).map(
    lambda f: sp.Rational(f.numerator, f.denominator)), min_size=3, max_size=3)
