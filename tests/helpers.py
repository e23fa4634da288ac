"""Shared test helpers: the one certified-result assertion and the adversarial networks of the test suite.

:func:`assert_certified` is the only way a test checks an enclosure against a reference: it asserts that the
enclosure contains the truth *and* is narrow at the full requested ``dps`` (``rel_accuracy_digits() >= dps``),
with the absolute rule at zeros only when a test passes ``zero_scale=`` because the library's contract says
so (``numeric/precision.py``: a value whose sign is not resolved is certified by a radius ≤ 10^{-dps}·scale,
and — ``bound_scale=`` — a quadrature value far below its natural size by |x| ≤ 10^{-dps}·scale).  The criterion is written here by hand, in
exact rational arithmetic, so that it shares no code with the library's own ``meets``.

>>> import sympy as sp
>>> import hardverify as hv
>>> assert_certified(hv.enclose(sp.pi, 30), sp.pi, 30)                      # an exact sympy truth
>>> assert_certified(hv.enclose(sp.pi, 30), "3.14159265358979323846264338328", 30)   # a rounded decimal
>>> try:
...     assert_certified(hv.enclose(sp.pi, 10), sp.pi, 30)                  # 10 digits where 30 were asked
... except AssertionError as err:
...     print("refused:", str(err).split(":")[0])
refused: not narrow at dps = 30
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import mpmath
import numpy as np
import sympy as sp
from flint import arb

import hardverify as hv
from hardverify.distributions import SignedPermutation, point_reflection, reflection, transposition
from hardverify.networks import Network
from hardverify.numeric.enclosure import Enclosure, exact_fraction

__all__ = [
    "assert_certified", "assert_encloses", "assert_narrow", "arb_of",
    "STEP_STRICT", "SIGN_LEFT", "ODD_AE_AT_ONE", "EVEN_AE_AT_ONE", "ADVERSARIAL_ACTS", "TRANSFORMS", "GRID3",
    "apply_transform", "random_network",
]


# ====================================================================== the certified-result assertion
def assert_encloses(e, truth, *, err=None, what="") -> None:
    """Assert that the enclosure ``e`` contains ``truth``.

    ``truth`` is one of

    * an exact number (sympy expression such as ``1/sqrt(pi)``, int, Fraction): ``e.contains(truth)``;
    * a decimal string, read as correctly rounded to its last printed digit (``decimal ± ½·10^-k``):
      ``e.matches(truth)``;
    * an mpmath number: exact containment of that binary number, or — when the reference has its own error
      ``err`` (an upper bound on |reference - true value|) — the interval ``truth ± err`` meets ``e``
      (checked in exact rationals);
    * a flint ``arb`` ball (a certified reference with its own radius): the balls overlap.
    """
    assert isinstance(e, Enclosure), f"{what}: expected an Enclosure, got {type(e).__name__}"
    if isinstance(truth, str):
        assert err is None, "a decimal string carries its own error (half a unit in its last digit)"
        ok = e.matches(truth)
    elif isinstance(truth, arb):
        assert err is None, "a ball carries its own radius"
        ok = bool(e.ball.overlaps(truth))
    elif err is not None:
        assert isinstance(truth, (mpmath.mpf, int, Fraction)), "err= is for mpmath (or exact binary) references"
        q, r = exact_fraction(truth), exact_fraction(err)
        lo, hi = exact_fraction(e.lower), exact_fraction(e.upper)
        assert r >= 0
        ok = q - r <= hi and q + r >= lo
    else:
        ok = e.contains(truth)
    assert ok, f"{what}: {e} does not enclose the reference {truth!r}" + (f" ± {err}" if err is not None else "")


def assert_narrow(e, dps, *, zero_scale=None, bound_scale=None, what="") -> None:
    """Assert that ``e`` has ``dps`` certified significant digits: ``e.rel_accuracy_digits() >= dps``.

    Two weaker rules of the library's contract (``numeric/precision.py``) are accepted only when a test asks
    for them, each at the natural size the test states:

    * ``zero_scale=s`` — the absolute rule at zeros: the ball contains 0 and its radius is ≤ 10^{-dps}·s;
    * ``bound_scale=s`` — the bound rule of the quadratures for values far below their natural size:
      |x| ≤ 10^{-dps}·s for every x in the ball.

    Compared in exact rationals (``s`` may be an int, Fraction, float, decimal string or mpmath number).
    """
    assert isinstance(e, Enclosure), f"{what}: expected an Enclosure, got {type(e).__name__}"
    if e.rel_accuracy_digits() >= dps:
        return
    rules = []
    if zero_scale is not None:
        tol = Fraction(1, 10 ** dps) * exact_fraction(zero_scale)
        if e.contains_zero() and exact_fraction(e.rad) <= tol:
            return
        rules.append(f"nor a zero with radius ≤ 10^-{dps}·{zero_scale}")
    if bound_scale is not None:
        if exact_fraction(e.abs_upper()) <= Fraction(1, 10 ** dps) * exact_fraction(bound_scale):
            return
        rules.append(f"nor |x| ≤ 10^-{dps}·{bound_scale}")
    rule = f" ({'; '.join(rules)})" if rules else ""
    raise AssertionError(f"not narrow at dps = {dps}: {what} {e} has {e.rel_accuracy_digits():.1f} digits{rule}")


def assert_certified(e, truth, dps, *, err=None, zero_scale=None, bound_scale=None, what="") -> None:
    """Assert that ``e`` encloses ``truth`` (:func:`assert_encloses`) and is narrow at the full ``dps``
    (:func:`assert_narrow`): the one check of a certified result against a reference."""
    assert_encloses(e, truth, err=err, what=what)
    assert_narrow(e, dps, zero_scale=zero_scale, bound_scale=bound_scale, what=what)


def arb_of(x, digits=60) -> arb:
    """An mpmath number as a flint ball through its ``digits``-digit decimal (a reference, not a proof)."""
    return arb(mpmath.nstr(x, digits))


# ====================================================================== adversarial activations and networks
# Activations whose parity holds almost everywhere but NOT at their switch points: the parity proved on
# analytic pieces says "1{t>0} - 1/2 is odd", yet 1{0>0} - 1/2 = -1/2 ≠ 1/2.  On laws with atoms (the
# hypercube), for constant units σ(b), and inside ψ∘f, those points carry mass.
_t = hv.t
STEP_STRICT = hv.activation(sp.Piecewise((1, _t > 0), (0, True)))                 # 1{t > 0}, SPEC H2 wording
SIGN_LEFT = hv.activation(sp.Piecewise((1, _t > 0), (-1, True)))                 # sign with value -1 at 0
ODD_AE_AT_ONE = hv.activation(sp.Piecewise((1, _t >= 1), (-1, _t < -1), (0, True)))   # odd a.e., not at ±1
EVEN_AE_AT_ONE = hv.activation(sp.Piecewise((1, _t >= 1), (1, _t < -1), (0, True)))   # even a.e., not at ±1

ADVERSARIAL_ACTS = ["relu", "sign", "step", "abs", "erf", "leaky_relu", STEP_STRICT, SIGN_LEFT, ODD_AE_AT_ONE,
                    EVEN_AE_AT_ONE, hv.activation(_t ** 3 - _t)]
TRANSFORMS = [reflection(1), reflection(2), reflection(3), reflection(1, 3), point_reflection(),
              transposition(1, 2), SignedPermutation(perm={1: 2, 2: 3, 3: 1}, signs={2: -1})]
GRID3 = list(itertools.product((-1, 0, 1), repeat=3))     # pre-activations sit on the switch points 0, ±1


def apply_transform(R, x):
    """The point R(x) of R^3 as a list (x a tuple of 3 coordinates)."""
    y = R.apply(dict(enumerate(x, start=1)))
    return [y.get(i, 0) for i in range(1, 4)]


def random_network(rng, act):
    """A small random network on R^3 with integer weights, often with mirrored units (so merges happen)."""
    width = int(rng.integers(1, 5))
    rows = rng.integers(-2, 3, size=(width, 3))
    if rng.random() < 0.5:                              # a mirrored copy of some units: merges happen
        rows = np.vstack([rows, -rows[: int(rng.integers(1, width + 1))]])
    m = len(rows)
    outs = [int(v) for v in rng.integers(-2, 3, size=m)]
    biases = [int(v) for v in rng.integers(-1, 2, size=m)] if rng.random() < 0.6 else None
    if biases is not None and rng.random() < 0.5:       # antisymmetric biases for mirrored units
        biases = [b if i % 2 else -b for i, b in enumerate(biases)]
    return Network([[int(v) for v in r] for r in rows], act, outputs=outs, biases=biases)
