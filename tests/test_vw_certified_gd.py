"""SPEC W1 for non-homogeneous σ: CertifiedFiniteWidthGD (generic identity + certified Gram entries).

References, all computed without hardverify's series:
* ReLU: the exact dynamics of FiniteWidthGD (closed-form Gram entries (√(1-ρ²) + (π - arccos ρ)ρ)/(2πn));
* sigmoid and tanh on S^2: Gram entries E[σ(x_1)σ(ρx_1 + √(1-ρ²)x_2)] by mpmath 2-D quadrature of the
  projected density of U(S^2) on a plane, 1/(2π√(1-s²-t²)) on the unit disc (written with s = sin φ cos θ,
  t = sin φ sin θ, which removes the singularity; both hemispheres), then the GD recurrence in mpmath at
  30 digits.
"""

import mpmath
import pytest
import sympy as sp
from flint import arb, ctx

from hardverify.constructions.vempala_wilmes2019 import CertifiedFiniteWidthGD, FiniteWidthGD, HarmonicTarget
from hardverify.constructions.vempala_wilmes2019.ball_dynamics import generic_identity
from hardverify.errors import DomainError, NoClosedForm
from hardverify.numeric.enclosure import Enclosure

R = sp.Rational
W3 = [(1, 0, 0), (0, 1, 0), (R(3, 5), R(4, 5), 0)]
F3 = HarmonicTarget.zonal(3, {1: 1, 2: 1, 3: 1, 4: 1}, u=(R(3, 5), 0, R(4, 5)))   # Y_ℓ(w_i) ≠ 0
SIGMA = {"sigmoid": lambda t: 1 / (1 + mpmath.exp(-t)), "tanh": mpmath.tanh}


def reference_kernel(name, rho):
    """E[σ(x_1)σ(ρ x_1 + √(1-ρ²) x_2)] on S^2 by mpmath quadrature (see the module docstring)."""
    s, c = SIGMA[name], mpmath.sqrt(1 - rho ** 2)

    def g(phi, theta):
        x1, x2 = mpmath.sin(phi) * mpmath.cos(theta), mpmath.sin(phi) * mpmath.sin(theta)
        return s(x1) * s(rho * x1 + c * x2) * mpmath.sin(phi)
    return mpmath.quad(g, [0, mpmath.pi / 2], [0, mpmath.pi, 2 * mpmath.pi]) / (2 * mpmath.pi)


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
    with mpmath.workdps(30):
        rho = {0: mpmath.mpf(0), 1: mpmath.mpf(1), R(3, 5): mpmath.mpf(3) / 5, R(4, 5): mpmath.mpf(4) / 5}
        K = {r: reference_kernel(name, v) for r, v in rho.items()}
        G = [[K[c.rho[i][j]] for j in range(3)] for i in range(3)]
        for i in range(3):
            for j in range(3):
                with ctx.workprec(200):                         # the reference ± its quadrature error
                    ref = arb(mpmath.nstr(G[i][j], 30), "1e-27")
                    assert c.gram[i][j].overlaps(ref) and c.gram[i][j].rad() < arb("1e-30"), (i, j)
        b = [mpmath.mpf(Enclosure(x, dps).mid) for x in c.cross]   # μ_ℓ's own check is test_sphere's
        a = reference_params(G, b, mpmath.mpf(1), 3)
        for x, y in zip(c.parameters(3), a):
            assert abs(mpmath.mpf(x.mid) - y) < mpmath.mpf(10) ** (-dps + 2) * (1 + abs(y))
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
