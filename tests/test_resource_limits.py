"""Resource limits (issue 5): requests that would explode are refused up front, naming the limit.

Each request below is well-posed mathematics whose exact or brute-force computation would take hours
or gigabytes (k = 10⁶ exact, n = 10⁹ dense, 10¹² samples, 2^20-unit networks ...).  hardverify must
raise :class:`hardverify.errors.ResourceLimit` (a DomainError) *before* allocating: within a second,
with a Python-heap peak under 20 MB (tracemalloc), and with a message that names the limit.  The
neighbouring requests just inside the limits run (checked in the other test modules and below).
"""

from __future__ import annotations

import time
import tracemalloc

import pytest
import sympy as sp

import hardverify as hv
from hardverify.constructions.goel2020 import GGJKK, MAX_EXPLICIT_K
from hardverify.core.counting import MAX_RESULT_BITS
from hardverify.errors import DomainError, ResourceLimit
from hardverify.networks.inner_products import MAX_SAMPLES
from hardverify.symbolic.gegenbauer import MAX_EXACT_DEGREE
from hardverify.symbolic.moments import MAX_MOMENT_DEGREE

N = sp.Symbol("n", integer=True, positive=True)
BIG_SPARSE = hv.Network([{i: 1 for i in range(1, 31)}], "relu", n=10 ** 9)     # 30 coordinates of R^(10^9)

#: name: (request, the limit its message must name)
EXPLODING = {
    "exact Hermite coefficient, m = 10^6": (lambda: hv.hermite_coefficient("relu", 10 ** 6), MAX_EXACT_DEGREE),
    "exact Hermite list, m = 10^6": (lambda: hv.hermite_coefficients("abs", 10 ** 6), MAX_EXACT_DEGREE),
    "certified Hermite coefficient, m = 10^6": (lambda: hv.hermite_coefficient("sigmoid", 10 ** 6, dps=20), 1023),
    "dps = 10^6": (lambda: hv.hermite_coefficient("relu", 3, dps=10 ** 6), 5000),
    "exact Funk–Hecke, k = 10^6": (lambda: hv.funk_hecke("relu", 3, 10 ** 6), MAX_EXACT_DEGREE),
    "exact Funk–Hecke, symbolic n, k = 10^6": (lambda: hv.funk_hecke("relu", N, 10 ** 6), MAX_EXACT_DEGREE),
    "Funk–Hecke list, n = 10^9, k = 10^6": (lambda: hv.funk_hecke_eigenvalues("relu", 10 ** 9, 10 ** 6),
                                             MAX_EXACT_DEGREE),
    "certified Funk–Hecke, k = 10^6": (lambda: hv.funk_hecke("sigmoid", 10, 10 ** 6, dps=20), MAX_EXACT_DEGREE),
    "Legendre polynomial, k = 10^6": (lambda: hv.legendre_polynomial(10, 10 ** 6), MAX_EXACT_DEGREE),
    "N(n, k) with 2.4·10^9 bits": (lambda: hv.harmonic_dimension(10 ** 9, 10 ** 9), MAX_RESULT_BITS),
    "Σ N(n, l) with 2.4·10^9 bits": (lambda: hv.harmonic_dimension_sum(10 ** 9, 10 ** 9), MAX_RESULT_BITS),
    "N(n, k), symbolic n, k = 10^30": (lambda: hv.harmonic_dimension(N, 10 ** 30), MAX_EXACT_DEGREE),
    "sphere moment of degree 2·10^6": (lambda: hv.sphere_moment(10 ** 9, (10 ** 6, 10 ** 6)), MAX_MOMENT_DEGREE),
    "Gaussian moment of degree 10^9": (lambda: hv.Gaussian(3).moment({1: 10 ** 9}), MAX_MOMENT_DEGREE),
    "zonal harmonic, k = 10^6": (lambda: hv.zonal_harmonic(3, 10 ** 6, (1, 0, 0), sp.symbols("x1:4")),
                                 MAX_EXACT_DEGREE),
    "enclosure with 10^6 digits": (lambda: hv.enclose(sp.pi, 10 ** 6), 5000),
    "dense sample of N(0, I_{10^9})": (lambda: hv.Gaussian(10 ** 9).sample(10, seed=1), 100_000),
    "10^12 Monte Carlo samples": (lambda: hv.monte_carlo_inner(BIG_SPARSE, BIG_SPARSE, hv.Gaussian(10 ** 9),
                                                              samples=10 ** 12, seed=1), MAX_SAMPLES),
    "network of 2^21 units": (lambda: hv.Network([[1]] * (2 ** 21 + 1), "relu"), 2 ** 20),
    "GGJKK network, k = 20 (2^20 units)": (lambda: GGJKK(20, "relu").network(range(1, 21), 10 ** 9),
                                           MAX_EXPLICIT_K),
    "GGJKK certificate, k = 20": (lambda: hv.checks.certify_family(GGJKK(20, "relu"), 10 ** 9), MAX_EXPLICIT_K),
    "GGJKK, k = 10^6": (lambda: GGJKK(10 ** 6, "relu"), 20),
    "monomial of degree 10^9": (lambda: hv.activation("monomial", degree=10 ** 9), 10_000),
    "expression of 10^4 characters": (lambda: hv.parse_expression("t+" * 5000 + "t"), 2000),
    "power 9**9**9": (lambda: hv.parse_expression("9**9**9"), 200),
    "random-feature eigenvalue, k = 10^6": (lambda: hv.random_feature_eigenvalue("relu", 5, 10 ** 6),
                                            MAX_EXACT_DEGREE),
}


@pytest.mark.parametrize("name", list(EXPLODING))
def test_exploding_requests_are_refused_up_front(name):
    request, limit = EXPLODING[name]
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with pytest.raises(ResourceLimit) as info:
            request()
        seconds = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert isinstance(info.value, DomainError)                # catchable as a bad argument too
    assert f"{limit}" in str(info.value), (limit, str(info.value))
    assert seconds < 1.0, f"refused only after {seconds:.2f} s"
    assert peak < 20 * 2 ** 20, f"allocated {peak / 2 ** 20:.1f} MB before refusing"


def test_sparse_networks_in_huge_dimension_are_not_brute_force():
    # n = 10^9 is fine when only the support is touched: Monte Carlo samples 30 coordinates, not 10^9
    tracemalloc.start()
    try:
        mc = hv.monte_carlo_inner(BIG_SPARSE, BIG_SPARSE, hv.Gaussian(10 ** 9), samples=2000, seed=1)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # E[relu(<1_30, x>)²] = 30/2 = 15 (closed form); evidence within 5 standard errors
    assert mc.consistent_with(15.0)
    assert peak < 50 * 2 ** 20


def test_just_inside_the_limits():
    # the limits are not set below what the claims need: degree 20000 exact Legendre at a point, an
    # 8-million-bit dimension count, GGJKK's norm at k = 20 (O(k) dual sum, no 2^20-unit network)
    assert hv.legendre_polynomial(3, MAX_EXACT_DEGREE, 1) == 1
    assert hv.harmonic_dimension(2, 10 ** 30) == 2 and hv.harmonic_dimension(3, 10 ** 30) == 2 * 10 ** 30 + 1
    assert hv.harmonic_dimension(10 ** 30, 2) == (10 ** 30 + 2) * (10 ** 30 - 1) // 2       # SPEC F1, k = 2
    assert GGJKK(20, "relu").norm2(dps=10).is_positive()
    assert hv.sphere_moment(4, (MAX_MOMENT_DEGREE, 0)) > 0
