"""Exact answers at large n (issue 10, item 5): compact closed forms, no hang, no bare traceback.

Every reproducer of the issue gives a correct answer or a hardverify.errors exception quickly; each test has a
pytest-timeout hang guard (never a timing assert).  Reference values:

* Funk–Hecke values: SPEC F4's closed forms evaluated with mpmath's loggamma at 60 digits (independent of the
  generic derivation of hardverify.symbolic.funk_hecke, which never uses F4);
* compact forms: for n ≤ 200 the Γ form is expanded by sympy (``doit``: sympy's own gamma at half-integers)
  and compared with ``==`` against the plain rational of the existing code path;
* N(n, k): Python's math.comb (an independent implementation) where it is fast, and mpmath's loggamma for
  the size of N(10⁹, 10⁶).
"""

from __future__ import annotations

import json
import math
from fractions import Fraction

import mpmath
import pytest
import sympy as sp
from flint import fmpz
from hypothesis import given
from hypothesis import strategies as st

import hardverify as hv
from hardverify.cli import main
from hardverify.cli.quantities import MAX_SHOWN_DIGITS, exact_digits, exact_text, show_exact
from hardverify.core import counting
from hardverify.core.closed_forms import MAX_EXPAND_ARGUMENT, GammaRatio, SphereArea, is_compact
from hardverify.errors import DomainError, HardverifyError, ResourceLimit
from hardverify.symbolic import funk_hecke as sfh
from hardverify.symbolic.gegenbauer import (
    COMPACT_DEGREE,
    COMPACT_DIMENSION,
    MAX_RATIONAL_DIMENSION,
    half_gamma_ratio,
)
from tests.helpers import assert_certified

REPRO_NS = [1000, 10 ** 5, 10 ** 7, 10 ** 9, 10 ** 30, 10 ** 30 + 1]
EXACT_ACTS = ["relu", "step", "sign", "abs", "identity", hv.activation("monomial", degree=3),
              hv.activation(sp.Max(0, hv.t) ** 2), hv.activation(sp.Max(0, hv.t) ** 3 - 2 * hv.t ** 2)]


def f4_reference(act: str, n: int, ell: int, dps: int = 60):
    """SPEC F4 (ReLU: μ_0, μ_{2q+2}; step: μ_{2q+1}) with mpmath loggamma at ``dps`` digits (plus the digits
    of n, which log Γ(n/2) loses to cancellation)."""
    with mpmath.workdps(dps + len(str(n))):
        h = mpmath.mpf(n) / 2
        if act == "relu" and ell == 0:
            return mpmath.exp(mpmath.loggamma(h) - mpmath.loggamma(h + 0.5)) / (2 * mpmath.sqrt(mpmath.pi))
        q, extra = ((ell - 2) // 2, 1.5) if act == "relu" else ((ell - 1) // 2, 0.5)
        power = 2 * q + (2 if act == "relu" else 1)
        log = (mpmath.loggamma(2 * q + 1) - mpmath.loggamma(q + 1) + mpmath.loggamma(h)
               - mpmath.loggamma(q + h + extra))
        return (-1) ** q * mpmath.exp(log) / (mpmath.sqrt(mpmath.pi) * mpmath.mpf(2) ** power)


# ------------------------------------------------------------------------------ the compact form is the same number
@pytest.mark.timeout(60)
@pytest.mark.parametrize("act", EXACT_ACTS, ids=str)
@pytest.mark.parametrize("n", [2, 3, 4, 7, 10, 51, 100, 199, 200])
def test_compact_form_expands_to_the_plain_rational(act, n):
    plain = hv.funk_hecke_eigenvalues(act, n, 8)
    compact = hv.funk_hecke_eigenvalues(act, n, 8, compact=True)
    for p, c in zip(plain, compact):
        assert sp.expand(c.doit()) == p                                    # exact ==, not a tolerance
        assert is_compact(c) or c == p                                     # compact whenever A_n occurs


@pytest.mark.timeout(60)
@given(n=st.integers(2, 200), k=st.integers(0, 12), act=st.sampled_from(["relu", "step", "abs", "sign"]),
       measure=st.sampled_from(["normalized", "surface"]))
def test_compact_equals_plain_property(n, k, act, measure):
    plain = hv.funk_hecke(act, n, k, measure=measure)
    compact = hv.funk_hecke(act, n, k, measure=measure, compact=True)
    assert sp.expand(compact.doit()) == sp.expand(plain)


def test_the_rule_is_the_dimension_threshold():
    assert not is_compact(hv.funk_hecke("relu", COMPACT_DIMENSION, 2))           # n ≤ 1000: the plain number
    assert is_compact(hv.funk_hecke("relu", COMPACT_DIMENSION + 1, 2))           # above: the Γ form
    assert hv.funk_hecke("relu", 10 ** 30, 1) == sp.Rational(1, 2 * 10 ** 30)     # no Γ in it: a plain rational
    assert hv.funk_hecke("relu", 10 ** 30, 3) == 0                                # SPEC F4: odd ℓ ≥ 3 vanish
    n = sp.Symbol("n", integer=True, positive=True)
    assert not is_compact(hv.funk_hecke("relu", n, 2))                            # symbolic n: sympy's own gamma


@pytest.mark.timeout(30)
def test_the_rule_also_has_a_degree_threshold():
    assert not is_compact(hv.funk_hecke("relu", 3, COMPACT_DEGREE))               # k ≤ 200: the plain number
    big = hv.funk_hecke("relu", 3, COMPACT_DEGREE + 2)                             # above: one Γ term
    assert is_compact(big) and sp.expand(big.doit()) == hv.funk_hecke("relu", 3, COMPACT_DEGREE + 2, compact=False)
    mu = hv.funk_hecke("relu", 1000, 20000)                   # plain: ~60 000 digits, beyond Python's str() limit
    assert len(str(mu)) < 200                                  # compact: str() works
    ref = f4_reference("relu", 1000, 20000, dps=40)
    with mpmath.workdps(40):
        assert abs(mpmath.mpf(sp.N(mu, 30)) / ref - 1) < mpmath.mpf(10) ** -28


def test_compact_form_by_hand_at_small_n():
    # hand derivation (SPEC F4, q = 0): μ_2(ReLU; n) = Γ(n/2)/(4√π Γ((n+3)/2)) = A_n/(2(n+1))
    mu = hv.funk_hecke("relu", 11, 2, compact=True)
    assert mu == GammaRatio(sp.Rational(11, 2), 7) / (4 * sp.sqrt(sp.pi))
    assert mu.doit() == sp.Rational(63, 6144)                                  # (945√π/32)/(4√π · 720) = 63/6144
    # step, k = 2q + 1 = 5 (q = 2): F4 gives (+1) 4! Γ(n/2)/(√π 2^5 2! Γ(2 + (n+1)/2)) = (3/8) Γ(n/2)/(√π Γ(n/2 + 5/2))
    assert hv.funk_hecke("step", 11, 5, compact=True) == (sp.Rational(3, 8) * GammaRatio(sp.Rational(11, 2), 8)
                                                          / sp.sqrt(sp.pi))


def test_a_compact_form_that_is_zero_is_returned_as_zero():
    # μ_0(|t|; n) = E_{ν_n}|t| = A_n (SPEC §0.2), rational for odd n: |t| - A_n has μ_0 = 0 exactly, and the
    # compact form must not hide that behind a structurally non-zero r0 + r1·Γ(n/2)/(√π Γ((n+1)/2))
    n = 1001
    A = half_gamma_ratio(n, compact=False)
    assert hv.funk_hecke(hv.activation(sp.Abs(hv.t) - A), n, 0) == 0
    other = hv.funk_hecke(hv.activation(sp.Abs(hv.t) - A / 2), n, 0)
    assert is_compact(other) and hv.enclose(other, 20).contains(A / 2)


# ------------------------------------------------------------------------------ the reproducers, values
@pytest.mark.timeout(30)
@pytest.mark.parametrize("n", REPRO_NS)
def test_funk_hecke_at_huge_n_is_exact_short_and_correct(n):
    for act, ell in (("relu", 0), ("relu", 2), ("relu", 4), ("step", 1), ("step", 3)):
        mu = hv.funk_hecke(act, n, ell)
        assert len(exact_text(mu)) < 200 or n <= COMPACT_DIMENSION            # the Γ form prints in a line or two
        ref = f4_reference(act, n, ell)
        with mpmath.workdps(60):
            assert abs(mpmath.mpf(sp.N(mu, 50)) / ref - 1) < mpmath.mpf(10) ** -45     # evalf
        assert math.isclose(float(mu), float(ref), rel_tol=1e-14)             # float(), correctly rounded
        e = hv.funk_hecke(act, n, ell, dps=50)                                 # the router's dps= path (lgamma)
        assert_certified(e, ref, 50, err=mpmath.mpf(10) ** -55 * abs(ref))
        assert e.contains(mu)                                                  # exact and certified agree
        assert hv.enclose(mu, 40).rel_accuracy_digits() >= 40                  # the compact form encloses


@pytest.mark.timeout(30)
def test_surface_measure_at_huge_n():
    n = 10 ** 7
    lam = hv.funk_hecke("relu", n, 2, measure="surface")
    assert lam.has(SphereArea) and len(exact_text(lam)) < 200
    with mpmath.workdps(70):
        area = 2 * mpmath.exp(mpmath.mpf(n) / 2 * mpmath.log(mpmath.pi) - mpmath.loggamma(mpmath.mpf(n) / 2))
        ref = f4_reference("relu", n, 2) * area
        assert abs(mpmath.mpf(sp.N(lam, 40)) / ref - 1) < mpmath.mpf(10) ** -35
    assert hv.enclose(lam, 30).rel_accuracy_digits() >= 30
    for m in (n, 10 ** 30):                     # the router's dps= path: relative digits although |λ| ≪ 10^-dps
        e = hv.funk_hecke("relu", m, 2, measure="surface", dps=20)
        assert e.rel_accuracy_digits() >= 20 and e.contains(hv.funk_hecke("relu", m, 2, measure="surface"))


def test_sympy_gamma_evalf_is_wrong_at_huge_arguments_ours_is_right():
    # why GammaRatio exists: sympy evaluates log Γ(5·10²⁹) ~ 3·10³¹ with too few guard bits
    h = sp.Rational(10 ** 30, 2)
    naive = sp.gamma(h, evaluate=False) / sp.gamma(h + sp.Rational(1, 2), evaluate=False)
    with mpmath.workdps(100):
        ref = mpmath.exp(mpmath.loggamma(mpmath.mpf(h)) - mpmath.loggamma(mpmath.mpf(h) + 0.5))
    assert not math.isclose(float(naive.evalf(15)), float(ref), rel_tol=1e-3)       # sympy: wrong
    assert math.isclose(float(GammaRatio(h, h + sp.Rational(1, 2))), float(ref), rel_tol=1e-15)


@pytest.mark.timeout(60)
@given(a=st.fractions(min_value=1, max_value=10 ** 6, max_denominator=10),
       b=st.fractions(min_value=1, max_value=10 ** 6, max_denominator=10))
def test_gamma_ratio_evalf_matches_mpmath(a, b):
    g = GammaRatio(sp.Rational(a.numerator, a.denominator), sp.Rational(b.numerator, b.denominator))
    with mpmath.workdps(80):
        ref = mpmath.exp(mpmath.loggamma(mpmath.mpf(a.numerator) / a.denominator)
                         - mpmath.loggamma(mpmath.mpf(b.numerator) / b.denominator))
        assert abs(mpmath.mpf(sp.N(g, 40)) / ref - 1) < mpmath.mpf(10) ** -38


@given(x=st.fractions(min_value=Fraction(1, 6), max_value=300, max_denominator=6))
def test_gamma_ratio_recurrence(x):
    x = sp.Rational(x.numerator, x.denominator)
    assert sp.gammasimp(GammaRatio(x, x + 1).doit()) == 1 / x                                # Γ(x)/Γ(x+1) = 1/x (DLMF 5.5.1)


# ------------------------------------------------------------------------------ N(n, k) and its sums
@pytest.mark.timeout(60)
def test_harmonic_dimension_at_1e9_1e6_is_fast_and_right():
    n, k = 10 ** 9, 10 ** 6
    N = hv.harmonic_dimension(n, k)
    # size and leading digits from mpmath loggamma: N = ((2k+n-2)/k) Γ(n+k-2)/(Γ(k) Γ(n-1))
    with mpmath.workdps(50):
        log2 = (mpmath.log(mpmath.mpf(2 * k + n - 2) / k) + mpmath.loggamma(n + k - 2) - mpmath.loggamma(k)
                - mpmath.loggamma(n - 1)) / mpmath.log(2)
        bits = int(mpmath.floor(log2)) + 1
        assert N.bit_length() == bits
        lead = N >> (bits - 60)
        assert abs(mpmath.mpf(lead) / mpmath.power(2, log2 - (bits - 60)) - 1) < mpmath.mpf(2) ** -55
    n, k = 10 ** 7, 10 ** 5                                                  # the sums, one size down
    assert hv.harmonic_dimension_sum(n, k) - hv.harmonic_dimension_sum(n, k - 1) == hv.harmonic_dimension(n, k)


@pytest.mark.parametrize("n,k", [(2, 7), (3, 11), (10, 6), (100, 6), (10 ** 5, 3000), (12345, 2500),
                                 (2 ** 64 + 13, 5)])
def test_harmonic_dimension_against_math_comb(n, k):
    ref = math.comb(n + k - 1, k) - math.comb(n + k - 3, k - 2)               # SPEC F1, Python's comb
    assert hv.harmonic_dimension(n, k) == ref
    assert hv.harmonic_dimension_sum(n, k) == math.comb(n + k - 1, k) + math.comb(n + k - 2, k - 1)


@given(a=st.integers(0, 5000), b=st.integers(-3, 5003))
def test_binomial_against_math_comb(a, b):
    assert counting.binomial(a, b) == (math.comb(a, b) if 0 <= b <= a else 0)


@pytest.mark.timeout(30)
def test_counts_beyond_the_time_budget_are_refused_up_front():
    # 6·10⁷ bits: inside MAX_RESULT_BITS, but ~12 s at the stated rate
    with pytest.raises(ResourceLimit, match="MAX_COUNT_SECONDS"):
        hv.harmonic_dimension(10 ** 10, 5 * 10 ** 6)
    with pytest.raises(ResourceLimit, match="MAX_COUNT_SECONDS"):
        counting.binomial(10 ** 10 + 5 * 10 ** 6, 5 * 10 ** 6)
    with pytest.raises(ResourceLimit, match=str(counting.MAX_RESULT_BITS)):
        hv.harmonic_dimension_sum(10 ** 12, 10 ** 8)


# ------------------------------------------------------------------------------ time limits and error paths
@pytest.mark.timeout(30)
def test_exact_derivations_beyond_the_time_budget_are_refused():
    shifted = hv.activation(sp.Max(0, hv.t - sp.Rational(1, 2)))               # a kink away from 0: sympy work
    with pytest.raises(ResourceLimit, match="MAX_EXACT_SECONDS") as info:
        hv.funk_hecke_eigenvalues(shifted, 1000, 20000)
    assert "dps=" in str(info.value)                                            # says what to do instead
    with pytest.raises(ResourceLimit, match="MAX_EXACT_SECONDS"):
        sfh.eigen_forms(hv.activation("relu"), 10 ** 300, 20000)               # the r0 + r1 A_n recurrences
    assert sfh.estimated_seconds(10 ** 30, 50, sfh.kink_jets(hv.activation("relu"))) < 0.01


@pytest.mark.timeout(30)
def test_kinks_at_zero_need_no_recurrence_at_any_degree():
    mus = hv.funk_hecke_eigenvalues("relu", 10 ** 300, 20000)                  # one Γ term per degree
    assert len(mus) == 20001 and mus[19999] == 0
    mu = mus[20000]
    assert len(exact_text(mu)) < 1000
    with mpmath.workdps(400):                                                   # SPEC F4, q = 9999, by loggamma
        q, h = 9999, mpmath.mpf(10) ** 300 / 2
        ref = (-1) ** q * mpmath.exp(mpmath.loggamma(2 * q + 1) - mpmath.loggamma(q + 1) + mpmath.loggamma(h)
                                     - mpmath.loggamma(q + h + 1.5)) / (mpmath.sqrt(mpmath.pi) * mpmath.mpf(2) ** (2 * q + 2))
        assert abs(mpmath.mpf(sp.N(mu, 30)) / ref - 1) < mpmath.mpf(10) ** -28
    e = hv.funk_hecke("relu", 10 ** 6, 1000, dps=40)                           # the router's certified route ...
    assert e.contains(hv.funk_hecke("relu", 10 ** 6, 1000))                     # ... contains the Γ term
    irr = hv.funk_hecke(hv.activation(sp.sqrt(2) * sp.Max(0, hv.t)), 10 ** 30, 40)   # an irrational jump
    assert irr == sp.sqrt(2) * hv.funk_hecke("relu", 10 ** 30, 40)


def test_error_paths_of_the_compact_forms():
    with pytest.raises(ResourceLimit, match=str(MAX_RATIONAL_DIMENSION)):
        hv.funk_hecke("relu", 10 ** 30, 2, compact=False)                       # the plain form is ~10³⁰ digits
    with pytest.raises(DomainError, match="compact must be"):
        hv.funk_hecke("relu", 10, 2, compact="yes")
    with pytest.raises(DomainError, match="cannot be combined with dps"):
        hv.funk_hecke("relu", 10, 2, dps=20, compact=True)
    with pytest.raises(DomainError, match="cannot be combined with dps"):
        hv.funk_hecke_eigenvalues("relu", 10, 2, dps=20, compact=False)
    with pytest.raises(DomainError, match="exact positive rational"):
        GammaRatio(sp.pi, 2)
    with pytest.raises(DomainError, match="exact positive rational"):
        GammaRatio(-1, 2)
    with pytest.raises(DomainError, match="integer n >= 2"):
        SphereArea(sp.Rational(5, 2))
    big = GammaRatio(5 * 10 ** 29, 5 * 10 ** 29 + sp.Rational(1, 2))
    with pytest.raises(ResourceLimit, match=str(MAX_EXPAND_ARGUMENT)):
        big.plain()                                                             # would be 10³⁰ digits
    with pytest.raises(ResourceLimit, match=str(MAX_EXPAND_ARGUMENT)):
        SphereArea(10 ** 7).plain()
    assert big.doit() == big and SphereArea(10 ** 7).rewrite(sp.gamma) == SphereArea(10 ** 7)    # stays compact
    assert GammaRatio(7, 8).plain() == sp.Rational(1, 7)


@pytest.mark.timeout(60)
def test_checks_on_compact_forms_decide():
    from hardverify import checks
    a, b = hv.funk_hecke("relu", 10 ** 7, 2), hv.funk_hecke("relu", 10 ** 7 + 2, 2)
    assert checks.exact_equal(a, a).status.value == "PROVED"
    assert checks.exact_equal(a, b).status.value == "REFUTED"                  # by a certified difference
    c, d = hv.funk_hecke("relu", 1001, 2), hv.funk_hecke("relu", 1001, 2, compact=False)
    assert checks.exact_equal(c, d).status.value == "PROVED"                   # simplify expands the Γ ratio


# ------------------------------------------------------------------------------ printing: CLI, JSON, > 4300 digits
@pytest.mark.timeout(30)
@pytest.mark.parametrize("n", REPRO_NS[:5])
def test_cli_funk_hecke_prints_the_gamma_form(n, capsys):
    assert main(["funk-hecke", "relu", "-n", str(n), "-k", "2"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 3 and all(len(x) < 200 for x in lines)
    assert "gamma(" in lines[0] and "gamma(" in lines[2] and lines[1] == f"mu_1 = 1/{2 * n}"


@pytest.mark.timeout(30)
def test_values_beyond_the_int_str_limit_print(capsys):
    big = hv.funk_hecke("relu", 20001, 0, compact=False)                       # a rational of ~12 000 digits
    assert exact_digits(big) > 4300
    with pytest.raises(ValueError, match="4300"):
        str(big)                                                                # Python's limit (sympy's str)
    shown = show_exact(big)
    assert shown.startswith("≈ 2.82...e-3 (exact, 12") and shown.endswith("digits; --full to print)")  # ≈ 1/√(2πn)
    full = exact_text(big)                                                    # the full exact string ...
    p, q = full.split("/")
    assert (int(fmpz(p)), int(fmpz(q))) == (big.p, big.q)                     # ... round-trips (flint parses it)
    assert main(["funk-hecke", "relu", "-n", "20001", "-k", "0", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["values"][0]["kind"] == "exact"
    assert doc["values"][0]["value"] == exact_text(hv.funk_hecke("relu", 20001, 0))        # exact string in JSON
    assert sp.expand(sp.sympify(doc["values"][0]["value"])) == big                        # sympy syntax, same number
    assert main(["funk-hecke", "relu", "-n", "3", "-k", "1", "--full"]) == 0
    assert capsys.readouterr().out.split() == ["mu_0", "=", "1/4", "mu_1", "=", "1/6"]


def test_show_exact_keeps_short_values_and_handles_zero():
    assert show_exact(sp.Rational(1, 16)) == "1/16"
    assert show_exact(sp.Integer(10) ** (MAX_SHOWN_DIGITS - 1)) == "1" + "0" * (MAX_SHOWN_DIGITS - 1)
    assert show_exact(-sp.Integer(3) ** 2000).startswith("≈ -")


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_hermite_coefficient_20000_prints(capsys):
    c = hv.hermite_coefficient("relu", 20000)
    assert is_compact(c) and exact_digits(c) < 100            # compact above m = 1000 (symbolic/hermite.py)
    assert show_exact(c) == str(c)
    # SPEC H1: c_m = (-1)^j (2j-1)!!/(√(2π) √(m!)), m = 2j + 2, with mpmath loggamma at 40 digits
    m, j = 20000, 9999
    with mpmath.workdps(40):
        log = (mpmath.loggamma(2 * j + 1) - j * mpmath.log(2) - mpmath.loggamma(j + 1)
               - (mpmath.log(2 * mpmath.pi) + mpmath.loggamma(m + 1)) / 2)
        ref = (-1) ** j * mpmath.exp(log)
    assert_certified(hv.enclose(c, 25), ref, 25, err=mpmath.mpf(10) ** -35 * abs(ref))


def test_errors_are_hardverify_errors():
    for call in (lambda: hv.funk_hecke("relu", 10 ** 30, 2, compact=False),
                 lambda: hv.harmonic_dimension(10 ** 10, 5 * 10 ** 6)):
        with pytest.raises(HardverifyError):
            call()


def test_plain_request_at_huge_odd_n_keeps_the_compact_form():
    # regression: EigenForm.to_arb had no guard bits for lgamma, so its zero check failed at n = 10^40 + 1 and
    # fell back to the plain rational (refused).  Reference: μ_2 is linear in σ, so the value must agree with
    # μ_2(ReLU) - μ_2(t²), each enclosed separately (ReLU's is SPEC F4's one Γ term).
    f = hv.activation(hv.parse_expression("max(0, t) - t**2"))
    n = 10 ** 40 + 1
    v = hv.funk_hecke(f, n, 2)
    e = hv.enclose(v, 20)
    parts = hv.enclose(hv.funk_hecke("relu", n, 2), 30).ball - hv.enclose(hv.funk_hecke(hv.activation(hv.t ** 2), n, 2),
                                                                          30).ball
    assert e.ball.overlaps(parts) and e.rel_accuracy_digits() >= 20
