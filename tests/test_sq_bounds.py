"""SPEC G7, Q2, Q3, Q5 (GGJKK Thm B.1, DKKZ Lemma 15), Q1, G8, Q4 (hardverify.sq.bounds).

Independent references: the closed forms of the bounds evaluated with mpmath at 40 digits from
E[f_S²] = 2 - 4/π (SPEC V12) and C(n, k) from math.comb; exact results compared with ==.
"""

import math

import mpmath
import pytest
import sympy as sp

import hardverify as hv
from hardverify.constructions.goel2020 import GGJKK
from hardverify.errors import DomainError, HypothesisFailed, ResourceLimit
from hardverify.sq import BoundStructure, GramStructure, OrbitStructure, csd, csda, gram_from_members, sq_dim
from hardverify.sq.bounds import bessel, dkkz_lemma15, ggjkk_b1, sd_bound, sq_dim_bound, szorenyi
from hardverify.sq.consequences import distinguishing_to_learning, gd_as_csq
from hardverify.sq.wiring import classification_structure, sq_bound
from hardverify.verdict import Status

R = sp.Rational
C2 = 2 - 4 / sp.pi


@pytest.fixture(scope="module")
def gram_exact():
    return gram_from_members(GGJKK(2).family(5), hv.Gaussian(5))          # N = 10, exact


@pytest.fixture(scope="module")
def orbit():
    return OrbitStructure(GGJKK(2).correlation_profile(5))


def test_bessel_at_a_million():
    b = sq_bound("goel2020", 10 ** 6, k=2, tau="1e-3")
    with mpmath.workdps(40):                     # reference: (C(10⁶, 2) - 1)·10⁻⁶/(2 - 4/π)
        ref = (math.comb(10 ** 6, 2) - 1) * mpmath.mpf("1e-6") / (2 - 4 / mpmath.pi)
    assert b.value == (math.comb(10 ** 6, 2) - 1) * R(1, 10 ** 6) / C2
    assert b.queries == int(mpmath.ceil(ref)) and b.model == "CSQ" and b.claim == "G7"
    assert b.log10.contains(mpmath.nstr(mpmath.log10(ref), 30, strip_zeros=False)[:16]) or \
        abs(float(b.log10) - float(mpmath.log10(ref))) < 1e-12
    assert all(h for h in b.hypotheses)


def test_brute_force_equals_orbit(gram_exact, orbit):
    # every bound from the explicit exact Gram matrix equals the orbit-structure bound exactly
    assert gram_exact.size == orbit.size == 10 and sp.simplify(gram_exact.norm2 - orbit.norm2) == 0
    for tau in (R(1, 2), R(1, 10)):
        for f in (bessel, szorenyi, ggjkk_b1, dkkz_lemma15):
            a, b = f(gram_exact, tau), f(orbit, tau)
            assert sp.simplify(sp.sympify(a.value) - sp.sympify(b.value)) == 0 and a.queries == b.queries, f
    assert sq_dim(gram_exact).value == sq_dim(orbit).value == 10
    assert csd(gram_exact, 0, 1).value == csd(orbit, 0, 1).value == 10
    for g in (R(1, 10), R(1, 3), R(7, 10)):
        assert csda(gram_exact, g).value == csda(orbit, g).value == csda(gram_exact, g, method="subsets").value


def test_certified_gram_agrees(gram_exact):
    # Gram entries by the certified Mehler-series route (never the symbolic one): the Q2 bound from the
    # enclosures agrees with the exact one (same integer; the enclosure contains the exact value when the
    # off-diagonal enclosures are exact zeros, else differs by at most (N-1)·sup)
    cert = gram_from_members(GGJKK(2).family(5), hv.Gaussian(5), dps=20, algorithm="series")
    d = cert.entry(0, 0)
    assert d.contains(C2) and d.rel_accuracy_digits() >= 20
    for tau in (R(1, 2), R(1, 5)):
        e, x = szorenyi(cert, tau), szorenyi(gram_exact, tau)
        assert e.queries == x.queries
        if not isinstance(e.value, hv.Enclosure):
            assert sp.simplify(e.value - x.value) == 0


def test_classification_sd_general_sq():
    s = classification_structure(GGJKK(2), 100)
    b = sd_bound(s, R(1, 100))
    # s = C(100, 2) = 4950, γ = 0, β = 1, γ′ = τ² = 10⁻⁴: ≥ 4950·10⁻⁴ → 1 query (ceil of 0.495)
    assert b.model == "SQ (STAT)" and b.params["s"] == 4950 and b.value == R(4950, 10 ** 4) and b.queries == 1
    assert "τ² - γ" in b.params["gamma_prime"]
    with pytest.raises(DomainError, match="χ-correlations"):
        sd_bound(OrbitStructure(GGJKK(2).correlation_profile(10)), R(1, 10))
    with pytest.raises(DomainError, match="β > γ"):
        sd_bound(s, R(1, 10), beta=0)


def test_ggjkk_b1_worked_case(orbit):
    # SPEC Q5 worked case: N = 10 orthogonal of norm² c plus 0: s = the largest s with c/⌈11/s⌉ ≤ γ
    c = float(C2)
    for tau in (R(1, 2), R(3, 5)):
        g = float(tau ** 2)
        s_ref = max(s for s in range(1, 12) if c / math.ceil(11 / s) <= g)
        b = ggjkk_b1(orbit, tau)
        assert b.params["s"] == s_ref and b.value == R(s_ref, 2)


def test_hypotheses_refuse():
    # τ² ≤ γ: Szörényi does not apply (REFUTED hypothesis, no number)
    G = GramStructure([[1, R(1, 2)], [R(1, 2), 1]])
    with pytest.raises(HypothesisFailed) as e:
        szorenyi(G, R(1, 2))
    assert e.value.verdict.status is Status.REFUTED
    with pytest.raises(HypothesisFailed):
        bessel(G, R(1, 2))                            # not orthogonal
    with pytest.raises(HypothesisFailed) as e:
        bessel(BoundStructure(5, 0, 0), R(1, 2))     # every norm 0: ‖f‖² > 0 is REFUTED
    assert e.value.verdict.status is Status.REFUTED
    with pytest.raises(HypothesisFailed) as e:       # ReLU, k = 3: f_S ≡ 0, refused by the construction
        sq_bound("goel2020", 6, k=3, tau="1/2")
    assert not e.value.verdict and "f_S ≡ 0" in str(e.value)
    with pytest.raises(HypothesisFailed) as e:
        sq_bound("goel2020", 4, hv.ShiftedGaussian(4, [R(1, 2)] * 4), k=2, tau="1/10")
    assert e.value.verdict.status is Status.REFUTED


def test_wrong_norm_disagrees(orbit):
    # a bound that uses ‖f_S‖² = 1 instead of 2 - 4/π is a different (larger-norm, smaller) number
    right, wrong = bessel(orbit, R(1, 2)), bessel(orbit, R(1, 2), norm2=1)
    assert wrong.value == 9 * R(1, 4) and sp.simplify(right.value - wrong.value) != 0


def test_gd_and_q4(orbit):
    b = sq_bound("goel2020", 10 ** 6, k=8, tau="1e-3")
    gd = gd_as_csq(b, 10 ** 6, 10 ** 4)
    assert gd.claim == "G8" and gd.params["gd_queries"] == 10 ** 10 and "cannot reach" in gd.statement
    with pytest.raises(HypothesisFailed):
        gd_as_csq(b, 10 ** 30, 10 ** 10)              # p·T above the bound: no conclusion
    with pytest.raises(DomainError):
        gd_as_csq(b, 0, 1)
    q4 = distinguishing_to_learning(5, R(1, 10))
    assert q4.queries == 6 and q4.tolerance == R(1, 40) and "[MEM]" in q4.mem["tolerance constant"]
    q1 = sq_dim_bound(orbit)
    assert q1.params["d"] == 10 and q1.model == "CSQ" and "[MEM]" in q1.mem["exponents"]


@pytest.mark.parametrize("tau", [0, 1, -R(1, 2), R(3, 2), "abc", None])
def test_bad_tolerance(orbit, tau):
    with pytest.raises(DomainError, match="tau"):
        bessel(orbit, tau)


def test_bad_family_and_sizes():
    with pytest.raises(DomainError, match="k = 3 > n = 2"):
        sq_bound("goel2020", 2, k=3, tau="1/2")
    with pytest.raises(DomainError, match="positive int"):
        sq_bound("goel2020", 0, k=1, tau="1/2")
    with pytest.raises(DomainError, match="construction"):
        sq_bound("nonsense", 10, k=2, tau="1/2")
    with pytest.raises(DomainError):
        bessel(object(), R(1, 2))
    with pytest.raises(ResourceLimit, match="limited to 256"):
        gram_from_members(GGJKK(2).family(10 ** 9), hv.Gaussian(10 ** 9))
    with pytest.raises(ResourceLimit, match="limited to 256"):
        GramStructure([[0] * 300] * 300)
    with pytest.raises(DomainError, match="square"):
        GramStructure([[1, 0]])
    with pytest.raises(DomainError, match="symmetric"):
        GramStructure([[1, 0], [1, 1]])
    with pytest.raises(DomainError, match="list of Networks"):
        gram_from_members("f", hv.Gaussian(2))
