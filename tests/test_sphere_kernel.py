"""The certified random-feature kernel K_σ(ρ; n) = E_{x~U_n}[σ(⟨u,x⟩)σ(⟨v,x⟩)] on the sphere (SPEC F5, §9.4).

References are independent of hardverify's code: mpmath quadratures of the defining integral (the component of
x along u is t = cos φ with density ∝ sin^{n-2} φ, the component along the rest of v is z = cos θ with density
∝ sin^{n-3} θ, SPEC §0.2), SPEC F5's closed form for ReLU, and the first-order Gaussian limit at large n.
"""

import importlib
import inspect
import pkgutil
import sys

import mpmath
import pytest
import sympy as sp
from helpers import assert_certified
from hypothesis import given, settings
from hypothesis import strategies as st

import hardverify as hv
from hardverify import sphere, symbolic
from hardverify.constructions.goel2020 import GGJKK
from hardverify.errors import DomainError, NoClosedForm, NotCertified, ResourceLimit
from hardverify.numeric.sphere_kernel import degree_parities, legendre_rational

t = hv.t
DPS = 30

MP = {
    "sigmoid": lambda x: 1 / (1 + mpmath.exp(-x)),
    "tanh": mpmath.tanh,
    "erf": mpmath.erf,
    "gelu": lambda x: x * (1 + mpmath.erf(x / mpmath.sqrt(2))) / 2,
    "softplus": lambda x: mpmath.log(1 + mpmath.exp(x)),
}


def mp_kernel(f, n: int, rho: str, dps: int = 40):
    """K(ρ; n) for n ≥ 3 by 2-D Gauss–Legendre on [0, π]² (mpmath): t = cos φ, ⟨v,x⟩ = ρt + √(1-ρ²)√(1-t²) cos θ."""
    with mpmath.workdps(dps + 10):
        r = mpmath.mpf(rho)
        s = mpmath.sqrt(1 - r ** 2)

        def wn(p):
            return mpmath.sin(p) ** (n - 2)

        def wm(q):
            return mpmath.sin(q) ** (n - 3)
        Z = mpmath.quad(wn, [0, mpmath.pi]) * mpmath.quad(wm, [0, mpmath.pi])
        v = mpmath.quad(lambda p, q: f(mpmath.cos(p)) * f(r * mpmath.cos(p) + s * mpmath.sin(p) * mpmath.cos(q))
                        * wn(p) * wm(q), [0, mpmath.pi], [0, mpmath.pi], method="gauss-legendre")
        return +(v / Z)


def mp_kernel_circle(f, rho: str, dps: int = 35):
    """K(ρ; 2) = (1/2π) ∫ σ(cos θ) σ(cos(θ - α)) dθ, cos α = ρ (mpmath, 1-D)."""
    with mpmath.workdps(dps + 10):
        a = mpmath.acos(mpmath.mpf(rho))
        return +(mpmath.quad(lambda th: f(mpmath.cos(th)) * f(mpmath.cos(th - a)),
                             mpmath.linspace(0, 2 * mpmath.pi, 5)) / (2 * mpmath.pi))


# K_σ(ρ; n) from mp_kernel(MP[σ], n, ρ) at 40 digits (Gauss–Legendre, working precision 50 digits); the slow test
# test_reference_table_is_reproducible recomputes a sample of them.
REFERENCE = {
    ("sigmoid", 3, "0.5"): "0.2594631969965631239832391715553450536266",
    ("sigmoid", 3, "-0.9"): "0.2329561505149270224831021783949617327377",
    ("sigmoid", 4, "0.5"): "0.2572100966582955060212854974317973304338",
    ("sigmoid", 4, "-0.9"): "0.2370161876978697135536246799324482377092",
    ("sigmoid", 5, "0.5"): "0.2558334220910383931595081048227699568094",
    ("sigmoid", 5, "-0.9"): "0.2394963437726710629004751526510398582379",
    ("tanh", 3, "0.5"): "0.1180971044983974991938462980768816948893",
    ("tanh", 3, "-0.9"): "-0.2140546367677757212509349117192779826178",
    ("tanh", 4, "0.5"): "0.0935116944504104207970959979153889681852",
    ("tanh", 4, "-0.9"): "-0.1691921703898470930444140098878988355346",
    ("tanh", 5, "0.5"): "0.07777811073675791321020419211459962151325",
    ("tanh", 5, "-0.9"): "-0.1405644385242808924888258916447129408033",
    ("erf", 3, "0.5"): "0.147565766620880429183687178941302836313",
    ("erf", 3, "-0.9"): "-0.2677915244816790974843211160587171235656",
    ("erf", 4, "0.5"): "0.1174102091321362887674686535920399473376",
    ("erf", 4, "-0.9"): "-0.212604069032747957381524562429441998997",
    ("erf", 5, "0.5"): "0.09795865350406617092482679600034766520479",
    ("erf", 5, "-0.9"): "-0.1771374605178187417985304104385754208034",
    ("gelu", 3, "0.5"): "0.05495036941176411226670292061690478815808",
    ("gelu", 3, "-0.9"): "-0.05264392709221732228674635869102543750759",
    ("gelu", 4, "0.5"): "0.03973793330076295731004953765600441686833",
    ("gelu", 4, "-0.9"): "-0.04190061895013448299112727912637256445503",
    ("gelu", 5, "0.5"): "0.03092135974346717504792550266337993511075",
    ("gelu", 5, "-0.9"): "-0.03495450842540193875852259656216003907292",
    ("softplus", 3, "0.5"): "0.5799949508749209677020807835249686478481",
    ("softplus", 3, "-0.9"): "0.4644173709204350159304674034603161789619",
    ("softplus", 4, "0.5"): "0.5550957548785572626925724773630640988185",
    ("softplus", 4, "-0.9"): "0.4682821974627123479956077181255916537892",
    ("softplus", 5, "0.5"): "0.5401593095313213585189933413955966391258",
    ("softplus", 5, "-0.9"): "0.47063311841126003700690920818520051211",
}


@pytest.mark.parametrize("key", sorted(REFERENCE))
def test_small_n_against_mpmath_quadrature(key):
    act, n, rho = key
    assert_certified(sphere.random_feature_kernel(act, n, rho, dps=DPS), REFERENCE[key], DPS)


@pytest.mark.parametrize("act", sorted(MP))
def test_circle_against_mpmath(act):
    # n = 2: the arcsine law, P_ℓ^{(2)} = Chebyshev T_ℓ, N(2, ℓ) = 2 (SPEC §0.2, F1)
    ref = mp_kernel_circle(MP[act], "0.3")
    assert_certified(sphere.random_feature_kernel(act, 2, "0.3", dps=25), ref, 25, err=mpmath.mpf(10) ** -33)


@pytest.mark.slow
def test_reference_table_is_reproducible():
    for key in [("tanh", 3, "0.5"), ("softplus", 5, "-0.9"), ("gelu", 4, "0.5")]:
        act, n, rho = key
        with mpmath.workdps(50):
            assert abs(mp_kernel(MP[act], n, rho) - mpmath.mpf(REFERENCE[key])) < mpmath.mpf(10) ** -38


def test_reference_by_quadrature_at_lower_precision():
    # one entry recomputed here (15 digits, about a second): the table is not taken on trust
    ref = mp_kernel(MP["erf"], 4, "0.5", dps=15)
    with mpmath.workdps(50):
        assert abs(ref - mpmath.mpf(REFERENCE[("erf", 4, "0.5")])) < mpmath.mpf(10) ** -14


@pytest.mark.parametrize("n", [3, 7, 10 ** 6])
@pytest.mark.parametrize("rho", ["0.5", "-0.99", "0"])
def test_relu_auto_is_the_closed_form(n, rho):
    # SPEC F5: κ_ReLU(ρ) = (√(1-ρ²) + (π - arccos ρ)ρ)/(2πn) (positively homogeneous: §9.4)
    r = sp.Rational(rho)
    closed = (sp.sqrt(1 - r ** 2) + (sp.pi / 2 + sp.asin(r)) * r) / (2 * sp.pi * n)     # π - arccos ρ = π/2 + arcsin ρ
    assert_certified(sphere.random_feature_kernel("relu", n, rho, dps=DPS), closed, DPS)


@pytest.mark.parametrize("n, dps", [(3, 4), (10, 4)])
def test_relu_series_route_agrees_with_the_closed_form(n, dps):
    # the Gegenbauer series with certified eigenvalues (never the symbolic layer); a kink makes μ_ℓ decay
    # algebraically, so only a few digits are reachable by degree 384
    closed = (sp.sqrt(3) / 2 + (sp.pi - sp.pi / 3) / 2) / (2 * sp.pi * n)
    assert_certified(sphere.random_feature_kernel("relu", n, "1/2", dps=dps, algorithm="series"), closed, dps)


def test_kinked_relu_series_at_n100_reaches_20_digits():
    # sup_{ℓ > L} |P_ℓ(1/2)| ≤ f_q(1/4) (Laplace) decays like 2^{-L} at large n: the tail bound no longer stalls
    closed = (sp.sqrt(3) / 2 + (sp.pi - sp.pi / 3) / 2) / (2 * sp.pi * 100)               # SPEC F5
    assert_certified(sphere.random_feature_kernel("relu", 100, "1/2", dps=20, algorithm="series"), closed, 20)


def mp_relu_shift(n: int, rho: str, beta: str, dps: int = 25):
    """K(ρ; n) of σ(t) = max(0, t - β) by nested mpmath quadrature: the inner E_z[(a + bz)_+] with its kink."""
    with mpmath.workdps(dps + 10):
        r, b0 = mpmath.mpf(rho), mpmath.mpf(beta)
        s = mpmath.sqrt(1 - r ** 2)

        def c(m):
            return mpmath.gamma(mpmath.mpf(m) / 2) / (mpmath.sqrt(mpmath.pi) * mpmath.gamma(mpmath.mpf(m - 1) / 2))

        def inner(x):
            a, b = r * x - b0, s * mpmath.sqrt(1 - x * x)
            z0 = -a / b
            if z0 >= 1:
                return mpmath.mpf(0)
            return c(n - 1) * mpmath.quad(lambda z: (a + b * z) * (1 - z * z) ** (mpmath.mpf(n - 4) / 2), [max(z0, -1), 1])
        return +(c(n) * mpmath.quad(lambda x: (x - b0) * inner(x) * (1 - x * x) ** (mpmath.mpf(n - 3) / 2), [b0, 1]))


def test_relu_with_a_bias_at_n100_against_mpmath():
    # no closed form (not homogeneous) and a kink inside (-1, 1): certified through the decaying tail bound
    act = hv.activation(sp.Max(0, t - sp.Rational(1, 10)))
    assert_certified(sphere.random_feature_kernel(act, 100, "0.5", dps=20), mp_relu_shift(100, "0.5", "0.1"), 20,
                     err=mpmath.mpf(10) ** -24)


@pytest.mark.parametrize("act", sorted(MP))
@pytest.mark.parametrize("n", [10 ** 4, 10 ** 6])
def test_large_n_gaussian_limit_evidence(act, n):
    # evidence, not a proof: with σ = Σ σ_m t^m, n(K(ρ; n) - σ_0²) → σ_1² ρ + 2 σ_0 σ_2 (⟨w,x⟩ ≈ N(0, 1/n)),
    # with an O(1/n) error (the constants are below 1.3 for these activations at ρ = 1/2)
    e = hv.activation(act).expr
    s0, s1, s2 = [sp.diff(e, t, m).subs(t, 0) / sp.factorial(m) for m in range(3)]
    K = sphere.random_feature_kernel(act, n, "0.5", dps=DPS)
    assert K.rel_accuracy_digits() >= DPS
    gap = (K - hv.enclose(s0 ** 2, 50)) * n - hv.enclose(s1 ** 2 / 2 + 2 * s0 * s2, 50)
    assert abs(float(gap)) <= 2 / n


def test_parity_gives_exact_zeros_and_symmetries():
    assert sphere.random_feature_kernel("tanh", 5, 0, dps=DPS).is_exact_zero()            # odd σ, ρ = 0
    assert sphere.random_feature_kernel("erf", 10 ** 6, 0, dps=DPS).is_exact_zero()
    even = hv.activation(t ** 2)
    assert sphere.random_feature_kernel("tanh", 5, "0.3", dps=DPS, tau=even).is_exact_zero()  # odd × even
    # sigmoid: σ(-t) = 1 - σ(t), so K(ρ) + K(-ρ) = E[σ] = 1/2 and K(0) = σ(0)² = 1/4
    assert_certified(sphere.random_feature_kernel("sigmoid", 4, 0, dps=DPS), sp.Rational(1, 4), DPS)


@settings(max_examples=8, deadline=None)
@given(p=st.integers(-99, 99), n=st.sampled_from([3, 6, 50, 10 ** 5]))
def test_properties_odd_symmetry_and_cauchy_schwarz(p, n):
    rho = sp.Rational(p, 100)
    K = sphere.random_feature_kernel("tanh", n, rho, dps=20)
    Km = sphere.random_feature_kernel("tanh", n, -rho, dps=20)
    assert (K + Km).contains(0)                                         # odd σ: K(-ρ) = -K(ρ)
    K1 = sphere.random_feature_kernel("tanh", n, 1, dps=20)
    assert abs(K) <= K1                                                 # |K(ρ)| ≤ K(1) = E[σ²]
    s = sphere.random_feature_kernel("sigmoid", n, rho, dps=20) + sphere.random_feature_kernel("sigmoid", n, -rho, dps=20)
    assert s.contains(sp.Rational(1, 2))


@pytest.mark.parametrize("act", ["softplus", "gelu"])
@pytest.mark.parametrize("sign", [1, -1])
def test_rho_pm1_is_the_one_dimensional_moment(act, sign):
    # K(±1) = E_ν[σ(t)σ(±t)], here checked against the certified quadrature route (independent of the series)
    a = hv.activation(act)
    prod = hv.activation(a.expr * a.expr.subs(t, sign * t))
    m = sphere.funk_hecke(prod, 5, 0, dps=DPS, algorithm="quadrature")
    K = sphere.random_feature_kernel(act, 5, sign, dps=DPS)
    assert K.rel_accuracy_digits() >= DPS and (K - m).contains(0)


def test_cross_kernel_against_mpmath():
    # τ = σ is the plain kernel
    assert_certified(sphere.random_feature_kernel("tanh", 3, "0.5", dps=DPS, tau="tanh"), REFERENCE[("tanh", 3, "0.5")],
                     DPS)
    with mpmath.workdps(20):
        def g(p, q):
            c = mpmath.cos(p)
            return mpmath.tanh(c) * mpmath.erf(c / 2 + mpmath.sqrt(3) / 2 * mpmath.sin(p) * mpmath.cos(q)) \
                * mpmath.sin(p)
        cross = mpmath.quad(g, [0, mpmath.pi], [0, mpmath.pi]) / (2 * mpmath.pi)
    assert_certified(sphere.random_feature_kernel("tanh", 3, "0.5", dps=20, tau="erf"), cross, 20,
                     err=mpmath.mpf(10) ** -17)


def test_irrational_rho():
    # ρ = 1/√3 (unit weights (1,1,1)/√3 and e_1): the Legendre values are balls, not rationals
    with mpmath.workdps(60):
        rho = mpmath.nstr(1 / mpmath.sqrt(3), 55)
    ref = mp_kernel(MP["sigmoid"], 4, rho, dps=14)
    assert_certified(sphere.random_feature_kernel("sigmoid", 4, 1 / sp.sqrt(3), dps=DPS), ref, DPS,
                     err=mpmath.mpf(10) ** -13)


def test_weight_norms_are_activations_of_scaled_argument():
    # ‖w‖ = c: σ(⟨w, x⟩) = σ_c(⟨ŵ, x⟩) with σ_c(t) = σ(ct)
    sc = hv.activation("tanh").affine(2, 0)
    ref = mp_kernel(lambda x: mpmath.tanh(2 * x), 3, "0.5", dps=12)
    assert_certified(sphere.random_feature_kernel(sc, 3, "0.5", dps=DPS), ref, DPS, err=mpmath.mpf(10) ** -11)


def test_numeric_helpers():
    from flint import fmpq
    # P_3^{(3)}(x) = (5x³ - 3x)/2 (classical Legendre)
    assert legendre_rational(3, 3, fmpq(1, 3))[3] == fmpq(5, 27 * 2) - fmpq(1, 2)
    assert degree_parities([(1, 1), (-3, sp.Rational(1, 3)), (3, -sp.Rational(1, 3)), (-1, -1)]) == (1,)  # GGJKK k = 3


@pytest.fixture
def symbolic_layer_raises(monkeypatch):
    """Every function of hardverify.symbolic replaced (wherever hardverify refers to it) by one that raises."""
    targets = {}
    for info in pkgutil.iter_modules(symbolic.__path__):
        mod = importlib.import_module(f"hardverify.symbolic.{info.name}")
        for obj in vars(mod).values():
            if (inspect.isfunction(obj) or inspect.isclass(obj)) and obj.__module__ == mod.__name__:
                targets[id(obj)] = obj

    def poisoned(name):
        def fail(*args, **kwargs):
            raise AssertionError(f"the symbolic layer was called ({name}) by the independent series route")
        return fail
    patched = 0
    for modname, mod in list(sys.modules.items()):
        if modname.startswith("hardverify") and mod is not None:
            for attr, value in list(vars(mod).items()):
                if id(value) in targets and targets[id(value)] is value:
                    monkeypatch.setattr(mod, attr, poisoned(f"{modname}.{attr}"))
                    patched += 1
    assert patched > 50
    yield


def test_series_route_never_reads_the_symbolic_layer(symbolic_layer_raises):
    # algorithm="series": eigenvalues by the Taylor/moment series or certified quadrature only (architecture.md)
    assert_certified(sphere.random_feature_kernel("tanh", 4, "0.5", dps=25, algorithm="series"),
                     REFERENCE[("tanh", 4, "0.5")], 25)
    assert_certified(sphere.random_feature_kernel("relu", 3, "1/2", dps=4, algorithm="series"), "0.1014996", 4)
    v = GGJKK(3, "tanh").norm2(dist=hv.UniformSphere(5), dps=15, algorithm="series")
    assert_certified(v, "0.015924131814265097903", 15)          # tests/test_sphere_norms.py: the ball rule of R³


# ------------------------------------------------------------------------------------- bad input
@pytest.mark.parametrize("call, error, message", [
    (lambda: sphere.random_feature_kernel("sigmoid", 5, "0.5", dps=10, algorithm="quad"), DomainError,
     "algorithm must be one of"),
    (lambda: sphere.random_feature_kernel("sigmoid", 5, "1.5", dps=10), DomainError, r"\[-1, 1\]"),
    (lambda: sphere.random_feature_kernel("sigmoid", 5, sp.Symbol("r"), dps=10), DomainError, "number rho"),
    (lambda: sphere.random_feature_kernel("sigmoid", 5, "0.5", tau="tanh"), DomainError, "pass dps="),
    (lambda: sphere.random_feature_kernel("sigmoid", 5, "0.5", algorithm="series"), DomainError, "pass dps="),
    (lambda: sphere.random_feature_kernel("sigmoid", 1, "0.5", dps=10), DomainError, "dimension n"),
    (lambda: sphere.random_feature_kernel("sigmoid", 5, "0.5", dps=0), DomainError, "dps"),
    (lambda: sphere.random_feature_kernel("sigmoid", 5, "0.5", dps=10, algorithm="exact"), NoClosedForm,
     "homogeneous"),
    (lambda: sphere.random_feature_kernel(hv.activation(sp.Max(0, t - sp.Rational(1, 10))), 3, "0.5", dps=10),
     NotCertified, "converges too slowly"),
    (lambda: sphere.random_feature_kernel(hv.activation(sp.sin(1000 * t)), 3, "0.5", dps=10), ResourceLimit,
     "oscillates"),
])
def test_bad_input(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_no_closed_form_advice_is_true():
    # without dps= a sigmoid kernel has no exact form; the message advises dps=, which works
    with pytest.raises(NoClosedForm, match="dps="):
        sphere.random_feature_kernel("sigmoid", 5, "0.5")
    assert sphere.random_feature_kernel("sigmoid", 5, "0.5", dps=10).rel_accuracy_digits() >= 10
