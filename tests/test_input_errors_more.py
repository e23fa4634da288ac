"""Bad input gets a clear hardverify error (the bugs the docstring pass found; branch ``fixes``).

Each test reproduces one finding verbatim: before its fix it failed (a wrong result from bad input,
a bare TypeError/AttributeError/IndexError from deep inside, or a refusal of a decidable question).
"""

import pytest
import sympy as sp
from flint import arb

import hardverify as hv
from hardverify.errors import DomainError, NotCertified
from hardverify.verdict import Status, Verdict


def _pair():
    """Two ReLU ridges on independent coordinates of R^2 (⟨f, g⟩ = E[relu(x1)] E[relu(x2)] = 1/(2π))."""
    f = hv.Network([[1, 0]], "relu", outputs=[1], n=2)
    g = hv.Network([[0, 1]], "relu", outputs=[1], n=2)
    return f, g


# 1. csq_game: gamma must satisfy 0 <= gamma < tau^2 (Q2 needs tau^2 > gamma, SPEC §7)
@pytest.mark.parametrize("gamma, match", [
    (1, r"0 <= gamma < tau\*\*2 = 1/4"),
    ("1/4", r"0 <= gamma < tau\*\*2 = 1/4"),          # the boundary: 1/(tau^2 - gamma) is undefined
    (-1, r"0 <= gamma < tau\*\*2"),
    ("abc", "gamma must be a rational number"),
    (sp.pi / 100, "gamma must be a rational number"),
])
def test_csq_game_gamma_is_validated(gamma, match):
    from hardverify.sq.game import csq_game
    f, g = _pair()
    with pytest.raises(DomainError, match=match):
        csq_game([f, g], hv.Gaussian(2), "1/2", gamma=gamma, queries=2, structured=0)


def test_csq_game_valid_gamma_still_works():
    from hardverify.sq.game import csq_game
    f, g = _pair()
    r = csq_game([f, g], hv.Gaussian(2), "1/2", gamma="1/8", queries=2, structured=0)
    # Q2: c/(τ² - γ) with c ≥ ‖f‖² = E[relu(g)²] = E[g²]/2 = 1/2 (g symmetric), so the bound is ≥ 4
    assert r.bound >= sp.Rational(1, 2) / (sp.Rational(1, 4) - sp.Rational(1, 8))
    assert r.verdict.claim == "Q2" and r.verdict.status.ok


# 2. Structure.orthogonality() must not be CERTIFIED on failing evidence
@pytest.mark.parametrize("ev, status", [
    (Verdict(Status.REFUTED, evidence="x"), Status.UNDECIDED),           # evidence about something else failed
    (Verdict(Status.UNDECIDED, evidence="x"), Status.UNDECIDED),
    (Verdict(Status.REFUTED, claim="orthogonality", evidence="x"), Status.REFUTED),  # it refutes this very claim
    (Verdict(Status.CERTIFIED, evidence="x"), Status.CERTIFIED),
    (Verdict(Status.PROVED, evidence="x"), Status.PROVED),
])
def test_structure_orthogonality_respects_its_evidence(ev, status):
    from hardverify.sq.structures import GramStructure
    v = GramStructure([[1, 0], [0, 1]], evidence=(ev,)).orthogonality()
    assert v.status is status
    if status is Status.UNDECIDED:
        assert "evidence" in v.evidence and ev.status.name in v.evidence


# 3. an exact (zero-radius) ball has a decided floor and ceiling
@pytest.mark.parametrize("ball, floor, ceil", [
    (arb(2), 2, 2),
    (arb(-3), -3, -3),
    (arb(0), 0, 0),
    (arb(5) / 4, 1, 2),           # an exact dyadic non-integer: 5/4
    (arb(-5) / 4, -2, -1),
])
def test_floor_ceil_of_an_exact_ball(ball, floor, ceil):
    from hardverify.numeric.enclosure import Enclosure
    from hardverify.sq.numbers import ceil_of, floor_of
    e = Enclosure(ball)
    assert floor_of(e) == floor and ceil_of(e) == ceil


def test_floor_ceil_of_a_wide_ball_around_an_integer_is_still_refused():
    from hardverify.numeric.enclosure import Enclosure
    from hardverify.sq.numbers import ceil_of, floor_of
    e = Enclosure(arb(2, 1e-10))
    with pytest.raises(NotCertified, match="raise dps"):
        ceil_of(e)
    with pytest.raises(NotCertified, match="raise dps"):
        floor_of(e)


# 4. checks.sphere.forms_equal validates n and the parts
@pytest.mark.parametrize("n, a, b, match", [
    ("x", (0, 1), (1, 0), "dimension n must be an integer >= 1"),
    (0, (0, 1), (1, 0), "dimension n must be an integer >= 1"),
    (3.0, (0, 1), (1, 0), "dimension n must be an integer >= 1"),
    (3, (0, 1, 2), (1, 0), "a pair of rationals"),
    (3, 5, (1, 0), "a pair of rationals"),
    (3, ("abc", 0), (1, 0), "a pair of rationals"),
    (3, (sp.pi, 0), (1, 0), "a pair of rationals"),
    (3, (0.5, 0), (1, 0), "a pair of rationals"),              # a float part: pass "1/2"
])
def test_forms_equal_validates(n, a, b, match):
    from hardverify.checks.sphere import forms_equal
    with pytest.raises(DomainError, match=match):
        forms_equal(n, a, b)


def test_forms_equal_still_decides():
    from fractions import Fraction

    from hardverify.checks.sphere import forms_equal
    # A_3 = Γ(3/2)/(√π Γ(2)) = 1/2 (DLMF 5.4.6: Γ(3/2) = √π/2), so 0 + 1·A_3 = 1/2 + 0·A_3
    assert forms_equal(3, (0, 1), (Fraction(1, 2), sp.Integer(0))).status is Status.PROVED
    assert forms_equal(4, (0, 1), ("1/2", 0)).status is Status.REFUTED


# 5. checks.values.has_sign accepts only the signs -1, 0, +1
@pytest.mark.parametrize("sign", ["a", 5, -2, 0.5, 1.0, True, None])
def test_has_sign_refuses_other_signs(sign):
    from hardverify.checks.values import has_sign
    with pytest.raises(DomainError, match=r"sign must be one of -1, 0, \+1"):
        has_sign(1, sign)


def test_has_sign_documented_signs_still_work():
    from hardverify.checks.values import has_sign
    assert has_sign(1, 1).status is Status.CERTIFIED
    assert has_sign(1, sp.Integer(-1)).status is Status.REFUTED
    assert has_sign(0, 0).status is Status.PROVED


# 6. Report.summary_line: singular and plural right
def _report(cases, controls=0):
    from hardverify.proofs import claim, run
    from hardverify.report.model import Report
    specs = []

    @claim("X1", "n = n", sweep={"n": list(range(2, 2 + cases))})
    def same(n):
        return Verdict(Status.PROVED, method="exact", evidence=f"{n} == {n}")
    specs.append(same.claim)
    for i in range(controls):
        @claim(f"XC{i}", "1 = 2 (negative control)", cases=[{}], control=True)
        def wrong():
            return Verdict(Status.REFUTED, method="exact", evidence="1 != 2")
        specs.append(wrong.claim)
    return Report.from_results(run(specs, jobs=1), jobs=1)


@pytest.mark.parametrize("cases, controls, line", [
    (1, 0, "1 claim (PROVED 1), 0/0 negative controls refuted, 1 case"),
    (2, 1, "1 claim (PROVED 1), 1/1 negative control refuted, 3 cases"),       # controls are not claims
    (1, 2, "1 claim (PROVED 1), 2/2 negative controls refuted, 3 cases"),
])
def test_report_summary_line_number(cases, controls, line):
    assert _report(cases, controls).summary_line() == line


# 7. plots.figures.norms: the "sigmoid only up to k = 9" note only when sigmoid was cut
def _figure_text(fig):
    return " ".join(t.get_text() for t in fig.texts).replace("\n", " ")


@pytest.mark.parametrize("acts, k_max", [(("relu", "sign"), 12), (("relu", "sigmoid"), 4)])
def test_norms_note_only_when_sigmoid_is_cut(acts, k_max):
    pytest.importorskip("matplotlib")
    from hardverify.plots.figures import norms
    text = _figure_text(norms(activations=acts, k_max=k_max, dps=15))
    assert "sigmoid only up to k = 9" not in text
    assert "not drawn" in text                      # the G2 zeros note is still there (ReLU k = 3, sign k = 2)


def test_norms_note_when_sigmoid_is_cut():             # ~6 s: certified sigmoid norms for k = 1, 3, 5, 7, 9
    pytest.importorskip("matplotlib")
    from hardverify.plots.figures import norms
    assert "sigmoid only up to k = 9" in _figure_text(norms(activations=("sigmoid",), k_max=10, dps=15))


# 8. monte_carlo_inner validates the law, the seed (and the batch) up front
@pytest.mark.parametrize("dist, kw, match", [
    ("gauss", {"seed": 0}, "expected a hardverify distribution"),
    (None, {"seed": "x"}, "seed must be a non-negative integer"),
    (None, {"seed": -1}, "seed must be a non-negative integer"),
    (None, {"seed": 1.5}, "seed must be a non-negative integer"),
    (None, {"seed": True}, "seed must be a non-negative integer"),
    (None, {"seed": 0, "batch": 0}, "batch must be an integer >= 1"),     # was an endless loop
    (None, {"seed": 0, "batch": "big"}, "batch must be an integer >= 1"),
])
def test_monte_carlo_inner_validates(dist, kw, match):
    f, _ = _pair()
    with pytest.raises(DomainError, match=match):
        hv.monte_carlo_inner(f, f, hv.Gaussian(2) if dist is None else dist, samples=10, **kw)


def test_monte_carlo_inner_accepts_numpy_seeds():
    import numpy as np
    f, _ = _pair()
    a = hv.monte_carlo_inner(f, f, hv.Gaussian(2), samples=100, seed=np.int64(3))
    b = hv.monte_carlo_inner(f, f, hv.Gaussian(2), samples=100, seed=np.random.default_rng(3))
    assert a.mean == b.mean                                   # same stream: default_rng(3) either way


# 9. Network.weight: an out-of-range or non-integer unit is a DomainError naming the range
@pytest.mark.parametrize("i", [5, 1, -1, "0", 0.0, True])
def test_network_weight_index_is_validated(i):
    f = hv.Network([[1, 2]], "relu")
    with pytest.raises(DomainError, match=r"unit index i must be an integer with 0 <= i < 1"):
        f.weight(i)


def test_network_weight_valid_index():
    f = hv.Network([[1, 2], [0, 3]], "relu")
    assert f.weight(1) == {2: 3} and f.weight(sp.Integer(0)) == {1: 1, 2: 2}


# 10. canonical_form of something that is not a Network
@pytest.mark.parametrize("bad", ["x", 3, None, [[1, 0]]])
def test_canonical_form_needs_a_network(bad):
    from hardverify.networks import canonical_form
    with pytest.raises(DomainError, match="canonical_form needs a hardverify Network"):
        canonical_form(bad)


# 11. DKKZ monomial_correlation_formula: k an even integer >= 2, never a float in the exact result
@pytest.mark.parametrize("k, match", [
    ("a", "k must be an integer >= 2"),
    (2.0, "k must be an integer >= 2"),
    (sp.Float(2), "k must be an integer >= 2"),
    (0, "k must be an integer >= 2"),
    (3, "even k"),
])
def test_monomial_correlation_formula_validates(k, match):
    from hardverify.constructions.diakonikolas_kane_kontonis_zarifis2020 import monomial_correlation_formula
    with pytest.raises(DomainError, match=match):
        monomial_correlation_formula(k)


def test_monomial_correlation_formula_exact():
    from hardverify.constructions.diakonikolas_kane_kontonis_zarifis2020 import monomial_correlation_formula
    # SPEC D1 at k = 2: (2·2·(-1)^2/(3π)) 2^{3/2} Γ(5/2), Γ(5/2) = 3√π/4 (DLMF 5.4.6) -> 2√2/√π
    v = monomial_correlation_formula(sp.Integer(2))
    assert v == 2 * sp.sqrt(2) / sp.sqrt(sp.pi) and not v.atoms(sp.Float)


# 12. LZZ success_rate validates trials (ZeroDivisionError before), seed and gamma up front
@pytest.mark.parametrize("kw, match", [
    ({"trials": 0}, "trials must be an integer >= 1"),
    ({"trials": 2.0}, "trials must be an integer >= 1"),
    ({"trials": "2"}, "trials must be an integer >= 1"),
    ({"trials": True}, "trials must be an integer >= 1"),
    ({"seed": "x"}, "seed must be a non-negative integer"),
    ({"seed": -1}, "seed must be a non-negative integer"),
    ({"seed": 1.5}, "seed must be a non-negative integer"),
    ({"gamma": -1}, "gamma must be > 0 and finite"),
    ({"gamma": "x"}, "gamma must be a real number"),
    ({"gamma": float("inf")}, "gamma must be > 0 and finite"),
])
def test_success_rate_validates(kw, match):
    from hardverify.constructions.li_zadik_zampetakis2024 import success_rate
    args = {"trials": 1, "seed": 0} | kw
    with pytest.raises(DomainError, match=match):
        success_rate(4, 0, **args)


# 13. AtomRing.enclose: a non-zero ring element whose value is 0 gets an absolute ball (house rule at zeros)
def test_atom_ring_encloses_a_hidden_zero():
    from hardverify.constructions.vempala_wilmes2019.atoms import AtomRing
    from hardverify.numeric.precision import meets
    R = AtomRing([sp.pi, 1 / sp.pi])
    z = R(sp.pi) * R(1 / sp.pi) - 1                 # g_1 g_2 - 1: not 0 in the ring, 0 as a number
    assert z != 0
    e = R.enclose(z, 20)
    assert e.contains(0) and meets(e.ball, 20)      # radius <= 10^-20 (absolute rule: scale 1)
    assert e.ball.rad() <= arb(10) ** -20
    v = R.enclose(R(sp.pi) * R(1 / sp.pi) + 1, 30)  # a non-zero value still gets relative digits
    assert v.contains(2) and v.rel_accuracy_digits() >= 30


# 14. certified Hermite degrees: the limit is what 512-point rules integrate (1023), refused up front
def test_certified_hermite_degree_limit_is_true():
    from hardverify.errors import ResourceLimit
    from hardverify.numeric import hermite as nh
    assert nh.MAX_NUMERIC_DEGREE == 1023
    with pytest.raises(ResourceLimit, match="at most 1023"):
        hv.hermite_coefficient("tanh", 1100, dps=10)
    with pytest.raises(ResourceLimit, match=r"at most 1023 for certified coefficients .*closed form"):
        nh.hermite_coefficients("tanh", 1024, dps=10)
    with pytest.raises(ResourceLimit, match=r"at most 1023 for certified coefficients"):
        nh.hermite_coefficient("tanh", 1100, dps=10)


# fake all-zero coefficient tables, on an activation and under source labels nobody else uses (the table
# cache is keyed by (activation, dps, source)), to test the degree caps without computing 1000 coefficients
_ODD_ACT = hv.activation(sp.Abs(hv.t) - sp.Rational(12345, 10000))


def _zeros(act, M, dps):
    return [arb(0)] * (M + 1)


def test_mehler_tables_from_quadrature_stop_at_1023():
    from hardverify.numeric import dual
    tab = dual.hermite_table(_ODD_ACT, 1500, 20, coefficients=_zeros, source="test: zeros")
    assert tab.degree == 1023                               # capped where quadrature stops, never a failure
    ex = dual.hermite_table(_ODD_ACT, 1500, 20, coefficients=_zeros, source="exact")
    assert ex.degree == 1500                                # exact coefficients go to MAX_DEGREE


def test_mehler_series_stops_where_the_tables_stop():
    from hardverify.numeric import dual

    def table(act, M, dps):
        return dual.hermite_table(act, M, dps, coefficients=_zeros, source="test: zeros")
    # zero coefficients leave the whole Parseval remainder E[σ²] > 0: the tail |ρ|^{M+1} E[σ²] at
    # ρ = 0.999 is still ~0.36 E[σ²] at M = 1023, so the series cannot certify; it stops at 1023 terms
    with pytest.raises(NotCertified, match=r"with 1023 terms \(max_degree = 1600; .*stop at degree 1023"):
        dual.dual_kernel(_ODD_ACT, None, "0.999", dps=10, table=table)


# 15. enclose of a non-real value says so (never "unexpected symbol I ... _x")
@pytest.mark.parametrize("value", [sp.I, 1 + sp.I, sp.sqrt(-2), sp.log(-2), "sqrt(-1)", sp.asin(2)])
def test_enclose_complex_value(value):
    with pytest.raises(DomainError, match="complex value .*only real numbers can be enclosed") as info:
        hv.enclose(value, 10)
    assert "_x" not in str(info.value)


def test_enclose_expression_with_i_that_sympy_cannot_decide():
    # exp(i) + exp(-i) = 2 cos 1 is real, but sympy does not know it (is_real is None): name I, not a dummy
    with pytest.raises(DomainError, match="imaginary unit I") as info:
        hv.enclose(sp.exp(sp.I) + sp.exp(-sp.I), 10)
    assert "_x" not in str(info.value)
    assert hv.enclose(2 * sp.cos(1), 10).matches("1.080604612")     # the real form works (2 cos 1, mpmath 1.08060461173628)


# 16. numeric.taylor sets flint.ctx.cap: python-flint 0.9 has no local mechanism (no ctx.workcap, and a
# series' own prec= is capped by ctx.cap: arb_series([0, 1], prec=30).exp() has 10 terms at the default cap),
# so the try/finally stays.  A guard: the caller's cap is restored, also when the series fails.
def test_taylor_restores_the_callers_cap():
    from flint import ctx

    from hardverify.numeric.taylor import taylor_coefficients
    x = sp.Symbol("x", real=True)
    before = ctx.cap
    assert len(taylor_coefficients(sp.exp(x), x, 30)) == 31 and ctx.cap == before
    with pytest.raises(DomainError, match="not analytic"):
        taylor_coefficients(sp.log(x), x, 30)
    assert ctx.cap == before


# 17a. hermite_tail_bound's precondition is a hardverify error (still a ValueError for old callers)
def test_hermite_tail_bound_precondition_is_a_domain_error():
    from flint import ctx

    from hardverify.numeric.tails import hermite_tail_bound
    with ctx.workprec(64), pytest.raises(DomainError, match=r"L >= max\(1, 2a \+ 1\)"):
        hermite_tail_bound(arb(1), arb(0), arb(2), 3, arb(4))       # needs L ≥ 2a + 1 = 5


# 17b. core.piecewise.midpoint stays exact for Python ints
@pytest.mark.parametrize("lo, hi, mid", [
    (1, 2, sp.Rational(3, 2)),
    (-3, 0, sp.Rational(-3, 2)),
    (-sp.oo, 2, sp.Integer(1)),
    (1, sp.oo, sp.Integer(2)),
    (sp.Rational(1, 3), 1, sp.Rational(2, 3)),
])
def test_midpoint_is_exact(lo, hi, mid):
    from hardverify.core.piecewise import midpoint
    m = midpoint(lo, hi)
    assert m == mid and isinstance(m, sp.Rational)


@pytest.mark.parametrize("lo, hi", [(1.0, 2), (0, "1"), (0, None)])
def test_midpoint_refuses_inexact_ends(lo, hi):
    from hardverify.core.piecewise import midpoint
    with pytest.raises(DomainError, match="exact"):
        midpoint(lo, hi)
