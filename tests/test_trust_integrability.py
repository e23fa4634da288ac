"""Issue 10 item 1: no PROVED from the reflection argument without E|fg| < ∞ (itself proved).

E[fg] = E[(f∘R)(g∘R)] = -E[fg] gives E[fg] = 0 only when E|fg| < ∞.  Each non-integrable case below
is settled by hand (the reason is in its comment); each must come out UNDECIDED with the reason, and
the integrable neighbours must stay PROVED.
"""

import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

import hardverify as hv
from hardverify.constructions.goel2020 import GGJKK
from hardverify.distributions import Distribution
from hardverify.errors import DomainError, HypothesisFailed
from hardverify.networks import Network
from hardverify.networks.certificates import family_integrability, growth_in_x, integrability
from hardverify.verdict import Status

t = hv.t


def _pareto(n, alpha):
    return hv.Radial(n, hv.RadiusLaw.pareto(alpha))


def test_heavy_tailed_radius_ggjkk_pair_is_undecided():
    # Issue 10 reproducer: f_S f_T grows like R² and E[R²] = ∞ for Pareto(1): E[fg] does not exist
    G = GGJKK(2, "relu")
    v = hv.check_orthogonality(G.network((1, 2), 4), G.network((2, 3), 4), _pareto(4, 1))
    assert v.status is Status.UNDECIDED
    assert "does not prove E|fg| < ∞" in v.evidence and "integrability" in v.data


def test_heavy_tailed_radius_with_enough_moments_stays_proved():
    # Pareto(3): E[R²] = 3 < ∞, so |f_S f_T| ≤ C(1+|x|)² is integrable and the reflection argument holds
    G = GGJKK(2, "relu")
    v = hv.check_orthogonality(G.network((1, 2), 4), G.network((2, 3), 4), _pareto(4, 3), cross_check=False)
    assert v.status is Status.PROVED and "2 < α = 3" in v.evidence


def test_singular_activation_is_undecided_on_every_law():
    # E|x_2 / x_1| = E|x_2| E|1/x_1| = ∞ under the Gaussian (the density of x_1 is positive at 0), the
    # uniform circle (∫|tan θ| dθ = ∞) and the square [-1, 1]² (∫ dx/|x| = ∞)
    f = Network([[1, 0]], hv.activation(1 / t))
    g = Network([[0, 1]], "identity")
    for D in (hv.Gaussian(2), hv.UniformSphere(2), hv.distributions.UniformCube(2)):
        v = hv.check_orthogonality(f, g, D)
        assert v.status is Status.UNDECIDED, D
        assert "no proved growth bound" in v.evidence


def test_super_gaussian_growth_is_undecided():
    # t e^{t²/3} · e^{t²/3} = t e^{2t²/3}: E|x_1| e^{2 x_1²/3} = ∞ under N(0, 1) since 2/3 > 1/2
    f = Network([[1]], hv.activation(t * sp.exp(t ** 2 / 3)))
    g = Network([[1]], hv.activation(sp.exp(t ** 2 / 3)))
    v = hv.check_orthogonality(f, g, hv.Gaussian(1))
    assert v.status is Status.UNDECIDED and "no proved growth bound" in v.evidence
    # on different coordinates the product is integrable (E e^{g²/3} = √3 < ∞): hardverify cannot
    # prove it (the growth is outside its class) and stays UNDECIDED, which is honest, not a refusal of truth
    f2 = Network([[1, 0]], hv.activation(t * sp.exp(t ** 2 / 3)))
    g2 = Network([[0, 1]], hv.activation(sp.exp(t ** 2 / 3)))
    assert hv.check_orthogonality(f2, g2, hv.Gaussian(2)).status is Status.UNDECIDED


def test_family_verdicts_need_integrability():
    G = GGJKK(2, "relu")
    fam = G.family(5)
    v = hv.checks.check_family_orthogonality(fam, _pareto(5, 2))      # E[R²] = ∞ exactly at α = 2
    assert v.status is Status.UNDECIDED and "2 ≥ α = 2" in v.evidence
    assert hv.checks.certify_family(G, 5, _pareto(5, 1)).status is Status.UNDECIDED
    with pytest.raises(HypothesisFailed, match="E\\|f_S f_T\\| < ∞"):
        G.correlation_profile(5, _pareto(5, 1))
    ok = hv.checks.check_family_orthogonality(fam, _pareto(5, sp.Rational(5, 2)))
    assert ok.status is Status.PROVED and "E|f_S f_T| < ∞" in ok.evidence


def test_bounded_activation_under_any_pareto_law():
    # sigmoid is bounded by 1, so |f g| ≤ C and every Pareto law will do; exp(t) is not polynomially bounded
    sig = Network([[1, 1]], "sigmoid")
    assert integrability(sig, sig, _pareto(2, sp.Rational(1, 10))).proved
    ex = Network([[1, 0]], hv.activation(sp.exp(t)))
    res = integrability(ex, ex, _pareto(2, 100))
    assert not res.proved and "exponential growth" in res.reason
    assert integrability(ex, ex, hv.Gaussian(2)).proved


def test_growth_in_x_of_composed_networks():
    net = Network([[1, 0]], "relu")
    assert growth_in_x(net) == ("poly", 1)
    assert growth_in_x(net.compose("tanh")) == ("poly", 0)                       # ψ bounded
    assert growth_in_x(net.compose(hv.activation(t ** 3))) == ("poly", 3)
    assert growth_in_x(net.compose(hv.activation(sp.exp(t))))[0] == "exp"        # e^{|x|}
    quad = Network([[1, 0]], hv.activation(t ** 2))
    assert isinstance(growth_in_x(quad.compose(hv.activation(sp.exp(t)))), str)  # e^{x²}: not shown
    assert isinstance(growth_in_x(net.compose(hv.activation(1 / (t - sp.Rational(1, 3))))), str)


class _Mystery(Distribution):
    """A law whose tails hardverify does not know (it still has every reflection)."""

    all_reflections = permutation_invariant = True

    def is_invariant_under(self, R):
        return True


def test_unknown_tails_prove_nothing():
    f = Network([[1, 0]], "sigmoid")
    g = Network([[0, 1]], "sigmoid")
    res = integrability(f, g, _Mystery(2))
    assert not res.proved and "knows nothing of the tails" in res.reason
    v = hv.check_orthogonality(Network([[1, 0]], "tanh"), g, _Mystery(2), cross_check=False)
    assert v.status is Status.UNDECIDED and "knows nothing of the tails" in v.evidence


def test_integrability_rejects_bad_input():
    f = Network([[1, 0]], "relu")
    with pytest.raises(DomainError, match="expected a hardverify distribution"):
        integrability(f, f, "gaussian")
    with pytest.raises(DomainError, match="expected hardverify Networks"):
        integrability(f, 3, hv.Gaussian(2))


def test_identically_zero_is_flagged_useless():
    # ReLU with k = 3 (SPEC G2): f_S ≡ 0, so "orthogonal" carries no information
    G = GGJKK(3, "relu")
    v = hv.checks.check_family_orthogonality(G.family(5), hv.Gaussian(5))
    assert v.status is Status.PROVED and "useless for a hardness argument" in v.evidence
    assert v.data["identically_zero"] is True


@given(st.fractions(min_value=sp.Rational(1, 4), max_value=6).filter(lambda a: a != 2),
       st.sampled_from(["relu", "abs", "leaky_relu"]))
def test_pareto_threshold_is_exact(alpha, name):
    # degree-1 homogeneous units: |f_S f_T| ~ R², finite exactly when α > 2
    alpha = sp.Rational(alpha.numerator, alpha.denominator)
    fam = GGJKK(2, name).family(4)
    assert family_integrability(fam, _pareto(4, alpha)).proved == bool(alpha > 2)
