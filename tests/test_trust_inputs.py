"""Issue 10 items 6 and 10: swallowed errors, true refusal reasons, input traps."""

import pytest
import sympy as sp

import hardverify as hv
from hardverify.constructions.goel2020 import GGJKK
from hardverify.errors import DomainError, ResourceLimit
from hardverify.networks import Network

t = hv.t


@pytest.mark.parametrize("kw, err, match", [
    ({"dps": -1}, DomainError, "dps must be a positive integer"),
    ({"dps": 10 ** 6}, ResourceLimit, "dps must be a positive integer"),
    ({"dps": 2.5}, DomainError, "dps must be a positive integer"),
    ({"samples": 0}, DomainError, "samples"),
    ({"seed": -3}, DomainError, "seed"),
    ({"cross_check": "yes"}, DomainError, "cross_check must be True or False"),
])
def test_check_orthogonality_options_are_not_swallowed(kw, err, match):
    f, g = Network([[1, 0]], "relu"), Network([[0, 1]], "relu")
    with pytest.raises(err, match=match):
        hv.check_orthogonality(f, g, hv.Gaussian(2), **kw)


def test_family_options_are_not_swallowed():
    fam = GGJKK(2, "relu").family(4)
    with pytest.raises(DomainError, match="dps must be a positive integer"):
        hv.checks.check_family_orthogonality(fam, hv.Gaussian(4), dps=0)
    with pytest.raises(DomainError, match="spot_checks"):
        hv.checks.check_family_orthogonality(fam, hv.Gaussian(4), spot_checks=-1)


def test_empty_network_is_refused():
    with pytest.raises(DomainError, match="n ≥ 1"):
        Network([[]])
    assert Network([{}], n=3).width == 1           # a bias-only unit σ(b) on R^3 is a real network


def test_refusal_reason_for_exp_quarter_t_squared_is_true():
    # E[e^{g²/4}] = √2 (∫ e^{-x²/4}/√(2π) dx = √2): integrable, so the reason must not say otherwise
    with pytest.raises(DomainError) as info:
        _ = hv.activation(sp.exp(t ** 2 / 4)).growth
    assert "is integrable against the Gaussian weight" in str(info.value)
    assert "not integrable" not in str(info.value)
    with pytest.raises(DomainError, match="not integrable against the Gaussian"):   # E[e^{g²/2}] = ∞
        _ = hv.activation(sp.exp(t ** 2 / 2)).growth


def test_one_free_symbol_is_the_variable_whatever_its_assumptions():
    # SPEC H1: c_2(ReLU) = 1/(2√π) (normalised Hermite basis)
    # (Symbol("t", positive=True) is not a trap of ours: sympy itself rewrites Max(0, t) to t then)
    for sym in (sp.Symbol("t"), sp.Symbol("t", real=True, nonzero=True), sp.Symbol("u")):
        assert hv.hermite_coefficient(sp.Max(0, sym), 2) == 1 / (2 * sp.sqrt(sp.pi))
    a, b = sp.symbols("a b")
    with pytest.raises(DomainError, match="name the variable with hv.activation"):
        hv.activation(a * sp.Max(0, b))


def test_text_and_names_are_read_the_same_way():
    assert hv.activation("max(0, t)") == hv.activation("relu")
    assert hv.activation("t") == hv.activation("identity")
    assert hv.hermite_coefficient("max(0, t)", 2) == hv.hermite_coefficient("relu", 2)
    assert hv.activation("step(t)") == hv.activation("step")
    with pytest.raises(DomainError, match="unknown activation 'swish'"):
        hv.activation("swish")
    with pytest.raises(DomainError, match="cannot parse"):
        hv.activation("max(0, t")
    with pytest.raises(DomainError, match="takes no further parameters"):
        hv.activation("max(0, t)", slope=2)
    with pytest.raises(DomainError, match="only plain function names"):
        hv.activation("__import__('os').system('true')")


def test_harmonic_projection_input_traps():
    # issue 10 item 6: harmonic_projection("relu", 3, 2) raised a bare TypeError
    x, y = sp.symbols("x y")
    with pytest.raises(DomainError, match="hv.funk_hecke"):
        hv.harmonic_projection("relu", 3, 2)
    with pytest.raises(DomainError, match="sympy polynomial"):
        hv.harmonic_projection("__import__('os')", 3, (x, y))       # a string is never sympified
    assert hv.harmonic_projection(x ** 3, 1, (x, y)) == 3 * x / 4    # x³ on S¹: its degree-1 part is (3/4) x
    assert hv.harmonic_projection(1, 0, (x, y)) == 1


def test_a_crashing_claim_keeps_its_traceback(tmp_path):
    # issue 10 item 10: a user claim that crashes was UNDECIDED with no way to see where it failed
    from hardverify.proofs import load, run
    script = tmp_path / "crashy.py"
    script.write_text("from hardverify.proofs import claim\n\n\n"
                      "@claim('X1', 'divides by zero', sweep={'n': [1]})\n"
                      "def crashy(n):\n"
                      "    return n / 0\n")
    (res,) = run(load([script]), jobs=1)
    v = res.cases[0].verdict
    assert v.status.name == "UNDECIDED" and v.method == "crash" and "data['traceback']" in v.evidence
    assert "ZeroDivisionError" in v.data["traceback"] and "crashy.py" in v.data["traceback"]
    assert "return n / 0" in v.data["traceback"]


def test_fast_oscillation_is_refused_up_front():
    # issue 10 item 6: sin(10⁶ t) ran for minutes inside the certified quadrature
    import time
    start = time.monotonic()
    for f in (lambda a: hv.hermite_coefficient(a, 1, dps=20), lambda a: hv.funk_hecke(a, 5, 2, dps=20)):
        with pytest.raises(ResourceLimit, match="oscillates with frequency"):
            f(hv.activation(sp.sin(10 ** 6 * t)))
    assert time.monotonic() - start < 10
    assert hv.activation(sp.sin(3 * t) + sp.cos(t / 2)).frequency == 3
    assert hv.activation(sp.cos(sp.sqrt(sp.Abs(t)))).frequency is None        # not affine: not judged here
    c = hv.hermite_coefficient(hv.activation(sp.sin(t)), 1, dps=20)          # c_1(sin) = e^{-1/2} (E[X sin X])
    assert c.contains(sp.exp(-sp.Rational(1, 2))) and c.rel_accuracy_digits() >= 20
