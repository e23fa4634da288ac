"""Hypothesis strategies for the sphere property tests (kept apart from the tests, as in attrs)."""

from hypothesis import strategies as st

#: dimensions n ≥ 2, mostly small, sometimes large (the exact layer is exact at any size)
dimensions = st.one_of(st.integers(min_value=2, max_value=12), st.integers(min_value=13, max_value=10 ** 6))
#: dimensions for which certified quadrature is cheap
quad_dimensions = st.sampled_from([2, 3, 4, 5, 7, 20, 1000])
degrees = st.integers(min_value=0, max_value=14)
