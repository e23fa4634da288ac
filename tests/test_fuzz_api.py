"""Fuzzing the public API (issue 5): hostile inputs get a result or a ``hardverify.errors`` exception.

Every public function of ``hardverify`` is called by hypothesis with arguments drawn from a mix of
valid values and hostile ones (nan, ±inf, huge and negative integers, bools, complex numbers, code in
strings, sympy's ``nan``/``zoo``/symbols, numpy scalars, containers, ``None``).  A call passes when it

* returns a value with no ``nan`` and no infinity anywhere in it (sympy expression, Enclosure, float,
  list, Verdict), or
* raises a :class:`hardverify.errors.HardverifyError` with a message,

and finishes within :data:`CALL_SECONDS` (a hang is a failure: requests that would explode must be
refused up front).  Any other exception type is a failure.  Where a result comes back for valid input,
it is also compared with an independent reference (mpmath), so "wrong but confident" is caught too.

The default run draws ``HV_FUZZ_EXAMPLES`` (40) examples per function; the ``slow`` variant 10× as many.
Every example that ran is counted (see ``test_fuzz_count``); figures are in docs/trust.md.
"""

from __future__ import annotations

import math
import os
import signal
import time
from contextlib import contextmanager
from decimal import Decimal
from fractions import Fraction

import mpmath
import numpy as np
import pytest
import sympy as sp
from flint import arb
from helpers import assert_certified
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hardverify as hv
from hardverify.errors import HardverifyError

#: wall-clock limit of one call (a hang is a failure); the slowest legitimate call drawn below takes ~3 s
CALL_SECONDS = 30
EXAMPLES = int(os.environ.get("HV_FUZZ_EXAMPLES", "40"))
RUN = {"examples": 0, "errors": 0, "results": 0}


class Hang(BaseException):
    """Raised by the alarm: a BaseException, so no ``except Exception`` inside the library swallows it."""


@contextmanager
def time_limit(seconds: float):
    def on_alarm(signum, frame):
        raise Hang(f"call did not finish within {seconds} s")
    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _finite(x) -> bool:
    """No nan and no infinity anywhere in a result."""
    if isinstance(x, (list, tuple)):
        return all(_finite(v) for v in x)
    if isinstance(x, dict):
        return all(_finite(v) for v in x.values())
    if isinstance(x, hv.Enclosure):
        return x.ball.is_finite()
    if isinstance(x, arb):
        return x.is_finite()
    if isinstance(x, (float, np.floating)):
        return math.isfinite(x)
    if isinstance(x, sp.Basic):
        return not x.has(sp.nan, sp.zoo, sp.oo, -sp.oo)
    if isinstance(x, hv.Verdict):
        return isinstance(x.status, hv.Status)
    return True


def call(fn, *args, **kwargs):
    """Run one fuzz call under the contract; return the result or None (a hardverify error)."""
    RUN["examples"] += 1
    start = time.monotonic()
    try:
        with time_limit(CALL_SECONDS):
            out = fn(*args, **kwargs)
    except HardverifyError as exc:
        RUN["errors"] += 1
        assert str(exc).strip(), f"{fn.__name__}{args}{kwargs}: empty error message"
        return None
    except Hang:
        pytest.fail(f"{fn.__name__}(*{args!r}, **{kwargs!r}) hung (> {CALL_SECONDS} s)")
    except Exception as exc:                                   # noqa: BLE001 - the point of the test
        pytest.fail(f"{fn.__name__}(*{args!r}, **{kwargs!r}) raised {type(exc).__name__}: {exc}")
    RUN["results"] += 1
    assert _finite(out), f"{fn.__name__}(*{args!r}, **{kwargs!r}) returned a non-finite value {out!r}"
    assert time.monotonic() - start < CALL_SECONDS
    return out


# ------------------------------------------------------------------------------------------ strategies
HOSTILE = st.sampled_from([
    None, True, False, float("nan"), float("inf"), -float("inf"), -0.0, 1e308, 5e-324, -1, -(10 ** 30), 10 ** 30,
    10 ** 9, 10 ** 6, 2 ** 63, 1j, complex(1, 1), "", " ", "nan", "inf", "1/0", "__import__('os').system('true')",
    "t.__class__", "().__class__.__bases__", "open('x')", "lambda: 1", "x" * 300, "relu" * 3, "é",
    sp.nan, sp.zoo, sp.oo, -sp.oo, sp.Symbol("q"), sp.I, sp.Integer(-3), sp.Rational(7, 2), sp.pi,
    np.float64("nan"), np.int64(-5), np.float32(0.5), Decimal("NaN"), Decimal("0.3"), Fraction(1, 3),
    [], [1, 2], {}, {"a": 1}, (), object(),
])


def mixed(valid):
    """Valid values most of the time, hostile ones otherwise."""
    return st.one_of(valid, valid, HOSTILE)


NAMES = st.sampled_from(sorted(hv.ACTIVATIONS))
#: expressions a user might type (some hostile: not integrable against the Gaussian, complex, singular)
EXPR_TEXT = st.sampled_from(["t**3 - t", "max(t, 0)", "exp(-t**2)", "1/(1 + exp(-t))", "log(1 + exp(t))",
                             "heaviside(t - 1/3)*t", "relu(t - 1/2)", "sin(t)", "t*erf(t)", "cos(sqrt(t))",
                             "exp(t**2)", "1/t", "log(t)", "sqrt(t)", "exp(exp(t))", "t**(1/3)", "abs(t)**(1/2)",
                             "sign(t)*exp(-t)", "tanh(1000*t)", "1e300*t", "exp(-1/t**2)"])
#: sympy expressions built directly (no parser): Piecewise, gamma, symbols other than t
SYMPY_ACTS = st.sampled_from([
    sp.Piecewise((hv.t, hv.t > sp.Rational(1, 3)), (0, True)), sp.gamma(hv.t), sp.Symbol("q") * hv.t,
    sp.Heaviside(hv.t) * hv.t ** 2, sp.besselj(0, hv.t), sp.zeta(hv.t), sp.Max(hv.t, 0) ** 3, sp.I * hv.t])


def _activation_or_text(text):
    try:
        return hv.activation(hv.parse_expression(text))
    except HardverifyError:
        return text                                          # the library must refuse it again later


ACTS = mixed(st.one_of(NAMES, EXPR_TEXT.map(_activation_or_text), EXPR_TEXT, SYMPY_ACTS))
SMALL = mixed(st.integers(0, 12))
DIM = mixed(st.one_of(st.integers(2, 12), st.sampled_from([100, 10 ** 4, 10 ** 6])))
DPS = mixed(st.one_of(st.none(), st.integers(5, 25)))
RHO = mixed(st.one_of(st.fractions(-1, 1, max_denominator=20), st.floats(-1, 1, allow_nan=False),
                      st.sampled_from(["0.5", "-1/3", "0.999", "1", "-1"])))
WORDS = mixed(st.sampled_from(["auto", "exact", "quadrature", "series", "dual", "hermite", "orthonormal",
                               "probabilists", "physicists", "normalized", "surface", "AUTO", "bogus"]))

FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=list(HealthCheck))
FUZZ_SLOW = settings(FUZZ, max_examples=10 * EXAMPLES)


# ------------------------------------------------------------------------------ one test per function
def _hermite(a, m, dps, norm, alg):
    e = call(hv.hermite_coefficient, a, m, dps=dps, normalization=norm, algorithm=alg)
    if e is not None and isinstance(a, str) and a in ("relu", "abs", "sign", "step", "erf", "identity") \
            and norm == "orthonormal":
        _against_reference(e, _hermite_reference(a, m), dps)      # wrong-but-confident check


def _hermite_reference(name, m):
    """c_m by mpmath.quad split at the kink 0 (independent of hardverify), 40 digits."""
    f = {"relu": lambda x: max(x, 0), "abs": abs, "sign": mpmath.sign, "identity": lambda x: x,
         "step": lambda x: mpmath.mpf(1) if x > 0 else mpmath.mpf(0), "erf": mpmath.erf}[name]
    with mpmath.workdps(40):
        v = mpmath.quad(lambda x: f(x) * mpmath.hermite(m, x / mpmath.sqrt(2)) * 2 ** (-mpmath.mpf(m) / 2)
                        * mpmath.npdf(x), [-mpmath.inf, 0, mpmath.inf])
        return v / mpmath.sqrt(mpmath.factorial(m))


def _against_reference(value, ref, dps):
    with mpmath.workdps(40):
        if isinstance(value, hv.Enclosure):
            if abs(ref) < mpmath.mpf(10) ** -30 and value.contains(0):     # a zero of the function
                return
            assert_certified(value, ref, dps)
        else:
            assert abs(mpmath.mpf(sp.N(value, 40)) - ref) < mpmath.mpf(10) ** -25, (value, ref)


@pytest.mark.parametrize("settings_", [FUZZ, pytest.param(FUZZ_SLOW, marks=pytest.mark.slow)], ids=["default", "slow"])
def test_fuzz_hermite(settings_):
    settings_(given(ACTS, SMALL, DPS, WORDS, WORDS)(_hermite))()


@pytest.mark.parametrize("settings_", [FUZZ, pytest.param(FUZZ_SLOW, marks=pytest.mark.slow)], ids=["default", "slow"])
def test_fuzz_hermite_lists_and_expectations(settings_):
    def body(a, m, dps, alg):
        call(hv.hermite_coefficients, a, m, dps=dps, algorithm=alg)
        call(hv.gaussian_expectation, a, dps=dps, algorithm=alg)
    settings_(given(ACTS, SMALL, DPS, WORDS)(body))()


@pytest.mark.parametrize("settings_", [FUZZ, pytest.param(FUZZ_SLOW, marks=pytest.mark.slow)], ids=["default", "slow"])
def test_fuzz_dual_kernel(settings_):
    def body(a, b, rho, dps, alg):
        call(hv.dual_kernel, a, b, rho=rho, dps=dps, algorithm=alg)
    settings_(given(ACTS, st.one_of(st.none(), ACTS), RHO, DPS, WORDS)(body))()


@pytest.mark.parametrize("settings_", [FUZZ, pytest.param(FUZZ_SLOW, marks=pytest.mark.slow)], ids=["default", "slow"])
def test_fuzz_sphere(settings_):
    def body(a, n, k, dps, measure, alg):
        call(hv.funk_hecke, a, n, k, dps=dps, measure=measure, algorithm=alg)
        call(hv.funk_hecke_eigenvalues, a, n, k, dps=dps, measure=measure, algorithm=alg)
        call(hv.random_feature_eigenvalue, a, n, k, dps=dps, algorithm=alg)
        call(hv.gaussian_scaled_eigenvalue, a, n, k, dps=dps, algorithm=alg)
        call(hv.gaussian_limit, a, k)
    settings_(given(ACTS, DIM, SMALL, DPS, WORDS, WORDS)(body))()


@pytest.mark.parametrize("settings_", [FUZZ, pytest.param(FUZZ_SLOW, marks=pytest.mark.slow)], ids=["default", "slow"])
def test_fuzz_sphere_polynomials(settings_):
    def body(n, k, x, dps, alpha):
        call(hv.harmonic_dimension, n, k)
        call(hv.harmonic_dimension_sum, n, k)
        call(hv.legendre_polynomial, n, k, x, dps=dps)
        call(hv.sphere_moment, n, alpha)
        call(hv.random_feature_kernel, "relu", n, x, dps=dps)
    alphas = mixed(st.lists(st.integers(0, 6), max_size=4).map(tuple))
    settings_(given(DIM, SMALL, RHO, DPS, alphas)(body))()


@pytest.mark.parametrize("settings_", [FUZZ, pytest.param(FUZZ_SLOW, marks=pytest.mark.slow)], ids=["default", "slow"])
def test_fuzz_activation_and_parser(settings_):
    texts = st.one_of(EXPR_TEXT, st.text(max_size=40), HOSTILE.filter(lambda v: isinstance(v, str)),
                      st.text(alphabet="t+-*/()^.,0123456789 _[]{}'\"abcdefxyz", max_size=60))
    words = st.one_of(NAMES, st.text(max_size=12), HOSTILE)

    def body(text, word, slope, degree):
        call(hv.parse_expression, text)
        call(hv.activation, word)
        call(hv.activation, "leaky_relu", slope=slope)
        call(hv.activation, "monomial", degree=degree)
        e = call(hv.parse_expression, text) if isinstance(text, str) else None
        if e is not None:
            call(hv.activation, e)
    settings_(given(texts, words, RHO, SMALL)(body))()


@pytest.mark.parametrize("settings_", [FUZZ, pytest.param(FUZZ_SLOW, marks=pytest.mark.slow)], ids=["default", "slow"])
def test_fuzz_enclose(settings_):
    values = mixed(st.one_of(st.fractions(max_denominator=10 ** 6), st.floats(allow_nan=False, allow_infinity=False),
                             st.sampled_from([sp.pi, sp.sqrt(2), sp.exp(1), sp.erf(sp.Rational(1, 3)), sp.E ** 100,
                                              sp.gamma(sp.Rational(1, 3)), sp.Integer(0), sp.log(0),
                                              sp.sqrt(-1), sp.Symbol("z")])))

    def body(value, dps):
        e = call(hv.enclose, value, dps)
        if e is not None and isinstance(value, Fraction):
            assert_certified(e, value, dps)
    settings_(given(values, DPS)(body))()


def _laws(n):
    return [hv.Gaussian(n), hv.UniformSphere(n), hv.UniformBall(n), hv.Hypercube(n), hv.UniformCube(n),
            hv.ShiftedGaussian(n, sp.Rational(1, 2))]


@pytest.mark.parametrize("settings_", [FUZZ, pytest.param(FUZZ_SLOW, marks=pytest.mark.slow)], ids=["default", "slow"])
def test_fuzz_distributions(settings_):
    def body(n, r, shift, alpha):
        for law in (hv.Gaussian, hv.Hypercube):
            call(law, n)
        call(hv.UniformSphere, n, r)
        call(hv.UniformBall, n, r)
        call(hv.UniformCube, n, r)
        call(hv.ShiftedGaussian, n, shift)
        call(hv.AnisotropicGaussian, n, {1: r})
        call(hv.reflection, n)
        call(hv.transposition, n, r)
        d = call(hv.Gaussian, n)
        if d is not None:
            call(d.moment, alpha)
    alphas = mixed(st.dictionaries(st.integers(1, 4), st.integers(0, 4), max_size=3))
    settings_(given(mixed(st.integers(1, 6)), RHO, RHO, alphas)(body))()


@pytest.mark.parametrize("settings_", [FUZZ, pytest.param(FUZZ_SLOW, marks=pytest.mark.slow)], ids=["default", "slow"])
def test_fuzz_networks(settings_):
    weights = mixed(st.lists(st.lists(st.integers(-2, 2), min_size=2, max_size=2), min_size=1, max_size=3))
    acts = mixed(st.sampled_from(["relu", "sign", "erf", "abs", "sigmoid"]))
    laws = st.integers(0, 5)

    def body(w, v, act, law, dps, alg, samples):
        f = call(hv.Network, w, act, n=2)
        g = call(hv.Network, v, act, n=2)
        call(hv.Network, w, act, outputs=v, biases=v)
        if f is None or g is None:
            return
        dist = _laws(2)[law]
        call(hv.inner_product, f, g, dist, dps=dps, algorithm=alg)
        call(hv.check_orthogonality, f, g, dist, dps=15, samples=2000)
        call(hv.monte_carlo_inner, f, g, dist, samples=samples, seed=1)
        call(f, v)
        call(hv.inner_product, f, g, w, dps=dps)
    settings_(given(weights, weights, acts, laws, DPS, WORDS, mixed(st.integers(1, 3000)))(body))()


@pytest.mark.parametrize("settings_", [FUZZ, pytest.param(FUZZ_SLOW, marks=pytest.mark.slow)], ids=["default", "slow"])
def test_fuzz_constructions(settings_):
    from hardverify.constructions import dkkz2020, goel2020

    def body(k, n, act, dps):
        g = call(goel2020.GGJKK, k, act)
        if g is not None:
            call(g.norm2, dps=dps)
            call(hv.checks.certify_family, g, n, dps=dps)
            call(g.correlation_profile, n, dps=dps)
            call(g.network, {1, 2}, n)
        call(dkkz2020.planar_network, k)
        call(dkkz2020.norm2, k)
    settings_(given(mixed(st.integers(1, 6)), DIM, mixed(st.sampled_from(["relu", "sign", "erf", "sigmoid"])),
                    DPS)(body))()


INTEGRABILITY = {"proved": 0, "undecided": 0, "non_integrable": 0}


@pytest.mark.parametrize("settings_", [FUZZ, pytest.param(FUZZ_SLOW, marks=pytest.mark.slow)], ids=["default", "slow"])
def test_fuzz_integrability(settings_):
    # issue 10: heavy-tailed radial laws, singular and super-Gaussian activations.  f = σ(x_1) - σ(-x_1)
    # is odd under x_1 ↦ -x_1 and g = τ(x_2) does not depend on x_1, so a reflection certificate always
    # exists: PROVED is right exactly when E|fg| < ∞, which strategies_trust settles by hand.
    from strategies_trust import activations, laws, truly_integrable

    from hardverify.networks.certificates import integrability

    def body(fa, ga, law):
        dist, kind = law
        f = call(hv.Network, [[1, 0], [-1, 0]], hv.activation(fa.expr), outputs=[1, -1])
        g = call(hv.Network, [[0, 1]], hv.activation(ga.expr))
        truth = truly_integrable(fa, ga, kind)
        v = call(hv.check_orthogonality, f, g, dist, cross_check=False)
        if v is None:
            return
        assert v.status is not hv.Status.REFUTED, (fa, ga, dist, v.evidence)      # E[fg] = 0 or does not exist
        if v.status is hv.Status.PROVED:
            INTEGRABILITY["proved"] += 1
            assert truth is not False, f"false PROVED: {fa.expr}, {ga.expr} under {dist!r}: {v.evidence}"
        else:
            INTEGRABILITY["undecided"] += 1
        INTEGRABILITY["non_integrable"] += truth is False
        res = call(integrability, f, g, dist)
        assert res is None or not (res.proved and truth is False), (fa, ga, dist, res)
    settings_(given(activations, activations, laws())(body))()
    assert INTEGRABILITY["proved"] > 0 and INTEGRABILITY["undecided"] > 0 and INTEGRABILITY["non_integrable"] > 0


@pytest.mark.parametrize("factor", [1, pytest.param(10, marks=pytest.mark.slow)], ids=["default", "slow"])
def test_fuzz_count(factor):
    # runs last in this module (pytest keeps file order): every example above went through call()
    assert RUN["examples"] >= 9 * factor * EXAMPLES, RUN
    assert RUN["results"] > 0 and RUN["errors"] > 0, RUN
    print(f"\nfuzz: {RUN['examples']} calls, {RUN['results']} results, {RUN['errors']} hardverify errors; "
          f"integrability: {INTEGRABILITY}")
