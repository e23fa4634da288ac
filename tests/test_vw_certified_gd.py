"""SPEC W1 for non-homogeneous σ: CertifiedFiniteWidthGD (generic identity + certified Gram entries).

References, all computed without hardverify's series:
* ReLU: the exact dynamics of FiniteWidthGD (closed-form Gram entries (√(1-ρ²) + (π - arccos ρ)ρ)/(2πn));
* sigmoid and tanh on S^2: Gram entries E[σ(⟨u,x⟩)σ(⟨v,x⟩)] by mpmath 2-D quadrature of the
  projected density of U(S^2) on a plane, 1/(2π√(1-s²-t²)) on the unit disc (written with s = sin φ cos θ,
  t = sin φ sin θ, which removes the singularity), then the GD recurrence in mpmath at 40 digits.
"""

import mpmath
import pytest
import sympy as sp

from hardverify.constructions.vempala_wilmes2019 import CertifiedFiniteWidthGD, FiniteWidthGD, HarmonicTarget
from hardverify.constructions.vempala_wilmes2019.ball_dynamics import generic_identity
from hardverify.errors import DomainError, NoClosedForm

R = sp.Rational
W3 = [(1, 0, 0), (0, 1, 0), (R(3, 5), R(4, 5), 0)]
F3 = HarmonicTarget.zonal(3, {1: 1, 2: 1, 4: 1}, u=(0, 0, 1))
SIGMA = {"sigmoid": lambda t: 1 / (1 + mpmath.exp(-t)), "tanh": mpmath.tanh}


def reference_gram(name, ws):
    """E[σ(⟨w_i,x⟩)σ(⟨w_j,x⟩)] on S^2 by mpmath quadrature (see the module docstring)."""
    s = SIGMA[name]
    out = []
    for wi in ws:
        row = []
        for wj in ws:
            u = [mpmath.mpf(sp.Rational(c).p) / sp.Rational(c).q for c in wi]
            v = [mpmath.mpf(sp.Rational(c).p) / sp.Rational(c).q for c in wj]

            def g(phi, theta, u=u, v=v):
                x = (mpmath.sin(phi) * mpmath.cos(theta), mpmath.sin(phi) * mpmath.sin(theta), mpmath.cos(phi))
                return s(sum(a * b for a, b in zip(u, x))) * s(sum(a * b for a, b in zip(v, x))) * mpmath.sin(phi)
            row.append(mpmath.quad(g, [0, mpmath.pi / 2, mpmath.pi], [0, mpmath.pi, 2 * mpmath.pi]) / (4 * mpmath.pi))
        out.append(row)
    return out


def reference_params(G, b, eta, t):
    m = len(b)
    a = [mpmath.mpf(0)] * m
    for _ in range(t):
        a = [a[i] + eta * (b[i] - sum(G[i][j] * a[j] for j in range(m))) for i in range(m)]
    return a


def test_generic_identity_holds():
    assert generic_identity(1, 3)[0] and generic_identity(3, 3)[0]


def test_relu_matches_the_exact_dynamics():
    # independent reference: the exact closed-form Gram entries and exact arithmetic of FiniteWidthGD
    c = CertifiedFiniteWidthGD(F3, W3, "relu", eta=4, dps=25)
    e = FiniteWidthGD(F3, W3, "relu", eta=4)
    assert c.check_operator_identity(3).status.name == "CERTIFIED"
    for t in (0, 1, 3):
        L = c.loss(t)
        assert L.contains(e.loss(t)) and L.rel_accuracy_digits() >= 25
        assert all(x.contains(y) and x.rel_accuracy_digits() >= 25 for x, y in zip(c.parameters(t), e.parameters(t)))
        for ell in (1, 2, 3, 4):
            assert c.degree_norm2(t, ell).contains(e.degree_norm2(t, ell))


@pytest.mark.parametrize("name", ["sigmoid", "tanh"])
def test_non_homogeneous_against_quadrature(name):
    dps = 20
    c = CertifiedFiniteWidthGD(F3, W3, name, eta=1, dps=dps)
    with mpmath.workdps(40):
        G = reference_gram(name, W3)
        for i in range(3):
            for j in range(3):
                assert c.gram[i][j].contains(mpmath.nstr(G[i][j], 35)) is True, (i, j)
                assert c.gram[i][j].rad() < 1e-25
        b = [mpmath.mpf(x.mid()) for x in c.cross]        # the cross terms' own check is μ_ℓ's (test_sphere)
        a = reference_params(G, b, mpmath.mpf(1), 3)
        got = c.parameters(3)
        for x, y in zip(got, a):
            assert abs(mpmath.mpf(x.mid()) - y) < mpmath.mpf(10) ** (-dps + 2) * (1 + abs(y))
            assert x.rel_accuracy_digits() >= dps
    v = c.check_operator_identity(3)
    assert v.status.name == "CERTIFIED" and v.claim == "W1"
    assert c.loss(3) < c.loss(2) < c.loss(0)


def test_the_exact_class_points_to_the_certified_one():
    with pytest.raises(NoClosedForm, match="CertifiedFiniteWidthGD"):
        FiniteWidthGD(F3, W3, "sigmoid", eta=1)


@pytest.mark.parametrize("kwargs, match", [
    ({"eta": 0}, "η ≤ 0"), ({"eta": -1}, "η ≤ 0"), ({"eta": 1, "dps": 0}, "dps"),
    ({"eta": 1, "dps": 2.5}, "dps"), ({"eta": 1, "max_degree": 99}, "max_degree"),
])
def test_bad_input(kwargs, match):
    with pytest.raises(DomainError, match=match):
        CertifiedFiniteWidthGD(F3, W3, "relu", **kwargs)


def test_bad_points_target_steps_and_degree():
    with pytest.raises(DomainError, match="HarmonicTarget"):
        CertifiedFiniteWidthGD("x1", W3, "relu", eta=1)
    with pytest.raises(DomainError):
        CertifiedFiniteWidthGD(F3, [(1, 1, 0)], "relu", eta=1)              # not on the sphere
    with pytest.raises(DomainError):
        CertifiedFiniteWidthGD(F3, [], "relu", eta=1)                       # m < 1
    c = CertifiedFiniteWidthGD(F3, W3[:1], "relu", eta=1, dps=15)
    with pytest.raises(DomainError, match="steps"):
        c.loss(-1)
    with pytest.raises(DomainError, match="degree"):
        c.degree_norm2(1, 7)
