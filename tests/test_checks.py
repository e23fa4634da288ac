"""Verdict semantics: yes only when sure; REFUTED only with a certified counterexample."""

import sympy as sp
from flint import arb

import hardverify as hv
from hardverify import checks
from hardverify.numeric.enclosure import Enclosure
from hardverify.verdict import Status, Verdict

x = sp.Symbol("x")


def test_exact_equal_statuses():
    assert checks.exact_equal(sp.sqrt(12), 2 * sp.sqrt(3)).status is Status.PROVED
    assert checks.exact_equal(sp.sin(x) ** 2 + sp.cos(x) ** 2, 1).status is Status.PROVED
    v = checks.exact_equal(sp.pi, sp.Rational(22, 7))
    assert v.status is Status.REFUTED and "≠ 0" in v.evidence
    # a true identity sympy does not simplify with free symbols: UNDECIDED, never REFUTED
    hard = sp.Sum(1 / sp.Symbol("k") ** 2, (sp.Symbol("k"), 1, x)).doit()
    assert checks.exact_equal(hard, hard + 0 * x).status is Status.PROVED
    undecided = checks.exact_equal(sp.Function("f")(x), sp.Function("g")(x))
    assert undecided.status is Status.UNDECIDED


def test_exact_equal_of_close_constants_is_refuted_not_undecided():
    a = sp.pi
    b = sp.pi + sp.Rational(1, 10 ** 60)
    assert checks.exact_equal(a, b).status is Status.REFUTED


def test_agrees_and_matches():
    e = hv.enclose(sp.pi, 30)
    assert checks.agrees(e, sp.pi).status is Status.CERTIFIED
    assert checks.agrees(e, sp.Rational(314159, 100000)).status is Status.REFUTED
    assert checks.matches(e, "3.14159265358979323846264338328").status is Status.CERTIFIED
    assert checks.matches(e, "3.14159265358979323846264338329").status is Status.REFUTED
    wide = hv.Enclosure(arb("3.14159 +/- 1e-5"), 5)
    assert checks.matches(wide, "3.14159265358979323846264338328").status is Status.UNDECIDED


def test_consistent():
    a = hv.enclose(sp.sqrt(2), 20)
    b = hv.enclose(sp.Integer(2) ** sp.Rational(1, 2) + 0, 25)
    assert checks.consistent(a, b, 20).status is Status.CERTIFIED
    assert checks.consistent(a, hv.enclose(sp.Rational(141421, 100000), 20), 5).status is Status.REFUTED


def test_interval_checks():
    e = hv.enclose(sp.E, 20)
    assert checks.in_range(e, 2, 3).status is Status.CERTIFIED
    assert checks.in_range(e, 3, 4).status is Status.REFUTED
    assert checks.less(e, sp.pi).status is Status.CERTIFIED
    assert checks.less(sp.pi, e).status is Status.REFUTED
    assert checks.has_sign(-e, -1).status is Status.CERTIFIED
    assert checks.has_sign(e, -1).status is Status.REFUTED
    assert checks.has_sign(hv.Enclosure(arb(0, 1)), 1).status is Status.UNDECIDED
    assert checks.narrow(e, 20).status is Status.CERTIFIED
    assert checks.narrow(hv.Enclosure(arb("2.7 +/- 0.1")), 20).status is Status.UNDECIDED


def test_verdict_combination_and_truthiness():
    p, c = Verdict(Status.PROVED), Verdict(Status.CERTIFIED)
    u, r = Verdict(Status.UNDECIDED), Verdict(Status.REFUTED)
    assert bool(p) and bool(c) and not bool(u) and not bool(r)
    assert Verdict.combine([p, c]).status is Status.CERTIFIED
    assert Verdict.combine([p, p]).status is Status.PROVED
    assert Verdict.combine([c, u, r]).status is Status.REFUTED
    assert Verdict.combine([]).status is Status.UNDECIDED
    d = r.with_(claim="H1", params={"m": 3}).to_dict()
    assert d["status"] == "REFUTED" and d["params"] == {"m": 3}


# -- (moved from test_review_core.py)
def test_matches_check_does_not_certify_a_straddling_enclosure():
    # [0.2950 ± 1e-6] meets 0.30 ± 0.005 but the value may be 0.294999..., which rounds to 0.29
    straddle = Enclosure(arb("0.2950 +/- 1e-6"))
    assert checks.matches(straddle, "0.30").status is Status.UNDECIDED
    assert checks.matches(Enclosure(arb("0.2990 +/- 1e-6")), "0.30").status is Status.CERTIFIED
    assert checks.matches(Enclosure(arb("0.2940 +/- 1e-6")), "0.30").status is Status.REFUTED
    # a high-precision enclosure of a 30-digit reference is still certified (SPEC V1)
    assert checks.matches(hv.enclose(1 / (2 * sp.sqrt(sp.pi)), 40),
                          "0.282094791773878143474039725780").status is Status.CERTIFIED


def test_exact_equal_never_refutes_a_true_identity_it_cannot_simplify():
    # atan(1/2) + atan(1/3) = π/4 (Machin-type); whatever simplify does, REFUTED would be wrong
    v = checks.exact_equal(sp.atan(sp.Rational(1, 2)) + sp.atan(sp.Rational(1, 3)), sp.pi / 4)
    assert v.status in (Status.PROVED, Status.UNDECIDED)
    v = checks.exact_equal(sp.sqrt(2 + sp.sqrt(3)), (sp.sqrt(6) + sp.sqrt(2)) / 2)
    assert v.status in (Status.PROVED, Status.UNDECIDED)
