"""Sphere claims of SPEC §2 (F1–F5), the sphere ↔ Gaussian bridge H6 of §1, and references V9–V11, V20 of §8.

Each claim is checked over dimensions n ∈ {3, 4, 5, 10, 100, 10³, 10⁶} where that makes sense, two ways
where possible: the exact layer (generic derivations: kink jets + Rodrigues for eigenvalues, Gauss
decomposition for harmonics, sphere moments for expectations) against the closed forms stated in SPEC,
and the certified numeric layer (Gauss–Legendre quadrature and the Taylor/moment route, which never look
at the closed forms).  Negative controls state something deliberately wrong and must come out REFUTED.
"""

import itertools

import sympy as sp

import hardverify as hv
from hardverify import checks, routes, sphere
from hardverify.checks.sphere import forms_equal, routes_agree
from hardverify.proofs import claim
from hardverify.symbolic import gegenbauer as G
from hardverify.symbolic import harmonics as H
from hardverify.symbolic.funk_hecke import eigen_forms
from hardverify.symbolic.moments import sphere_moment
from hardverify.verdict import Verdict

DPS = 30
NS = [3, 4, 5, 10, 100, 10 ** 3, 10 ** 6]
nsym = sp.Symbol("n", integer=True, positive=True)
t = hv.t


def same(a, b) -> Verdict:
    """exact_equal of rational functions of n after expanding Γ(x + integer) = (x)_m Γ(x) (fast: sp.cancel)."""
    d = sp.cancel(sp.expand_func(sp.sympify(a) - sp.sympify(b)))
    return checks.exact_equal(d, 0)


def F4_relu(n, l):
    """SPEC F4: μ_0 = Γ(n/2)/(2√πΓ((n+1)/2)), μ_1 = 1/(2n), odd ℓ ≥ 3: 0, ℓ = 2q+2: the boxed formula."""
    n = sp.sympify(n)
    if l == 0:
        return sp.gamma(n / 2) / (2 * sp.sqrt(sp.pi) * sp.gamma((n + 1) / 2))
    if l == 1:
        return 1 / (2 * n)
    if l % 2:
        return sp.Integer(0)
    q = (l - 2) // 2
    return (-1) ** q * sp.factorial(2 * q) * sp.gamma(n / 2) / (
        sp.sqrt(sp.pi) * 2 ** (2 * q + 2) * sp.factorial(q) * sp.gamma(q + (n + 3) / 2))


def F4_step(n, l):
    """SPEC F4: μ_0 = 1/2, even ℓ ≥ 2: 0, ℓ = 2q+1: (-1)^q (2q)! Γ(n/2)/(√π 2^{2q+1} q! Γ(q+(n+1)/2))."""
    n = sp.sympify(n)
    if l == 0:
        return sp.Rational(1, 2)
    if l % 2 == 0:
        return sp.Integer(0)
    q = (l - 1) // 2
    return (-1) ** q * sp.factorial(2 * q) * sp.gamma(n / 2) / (
        sp.sqrt(sp.pi) * 2 ** (2 * q + 1) * sp.factorial(q) * sp.gamma(q + (n + 1) / 2))


F4 = {"relu": F4_relu, "step": F4_step}


# ---------------------------------------------------------------------------------- F1
F1_TABLE = {5: [1, 5, 14, 30, 55, 91, 140], 10: [1, 10, 54, 210, 660, 1782, 4290],
            100: [1, 100, 5049, 171600, 4416225, 91790820, 1604922825]}


@claim("F1", "N(n,ℓ): the two closed formulas agree and give the special cases (exact integers, ℓ ≤ 100)",
       source="SPEC §2 F1 [VER]", sweep={"n": [2] + NS})
def f1_formulas(n):
    out = []
    for l in range(0, 101):
        N = sphere.harmonic_dimension(n, l)
        alt = 1 if l == 0 else sp.Rational(2 * l + n - 2, l) * sp.binomial(l + n - 3, l - 1)
        out.append(checks.exact_equal(N, alt))
    special = {2: lambda l: 1 if l == 0 else 2, 3: lambda l: 2 * l + 1, 4: lambda l: (l + 1) ** 2}
    if n in special:
        out += [checks.exact_equal(sphere.harmonic_dimension(n, l), special[n](l)) for l in range(50)]
    return out


@claim("F1", "N(n,ℓ) is the coefficient of x^ℓ in (1+x)/(1-x)^{n-1} (symbolic n, and n = 3, 4, 5, 10, 100)",
       source="SPEC §2 F1 [VER]", sweep={"n": [nsym, 3, 4, 5, 10, 100]})
def f1_generating_function(n):
    x = sp.Symbol("x")
    ser = sp.series((1 + x) * (1 - x) ** (1 - n), x, 0, 9).removeO()
    return [same(sp.expand(ser.coeff(x, l)), sp.expand(sphere.harmonic_dimension(n, l))) for l in range(9)]


@claim("F1", "table and V9: N(5,·), N(10,·), N(100,·) for ℓ ≤ 6; N(3,4) = 9, N(4,3) = 16, N(10,3) = 210",
       source="SPEC §2 F1 table, §8 V9", cases=[{}])
def f1_table():
    out = [checks.exact_equal(sphere.harmonic_dimension(n, l), v) for n, vs in F1_TABLE.items()
           for l, v in enumerate(vs)]
    for (n, l), v in {(3, 4): 9, (4, 3): 16, (10, 3): 210, (100, 6): 1604922825}.items():
        out.append(checks.exact_equal(sphere.harmonic_dimension(n, l), v))
    return out


@claim("F1", "Σ_{ℓ≤k} N(n,ℓ) = C(n+k-1,k) + C(n+k-2,k-1) (cumulative sums, k ≤ 60)",
       source="SPEC §2 F1", sweep={"n": [nsym, 2] + NS})
def f1_partial_sums(n):
    acc, out = 0, []
    for k in range(61 if isinstance(n, int) else 21):
        acc += sphere.harmonic_dimension(n, k)
        out.append(same(G.harmonic_dimension_sum(n, k), acc))
    return out


@claim("F1", "N(n,k) = dimension of the span of the harmonic projections of degree-k monomials (rank)",
       source="SPEC §2 F1 (independent: Gauss decomposition)", cases=[{"n": 3, "k": 4}, {"n": 4, "k": 3},
                                                                      {"n": 5, "k": 2}, {"n": 6, "k": 2}])
def f1_rank(n, k):
    xs, basis, _ = H.harmonic_basis(n, k)
    return [checks.exact_equal(len(basis), sphere.harmonic_dimension(n, k)),
            checks.exact_equal(sum(abs(H.laplacian(b, xs)) for b in basis), 0)]


@claim("F1", "N(n,ℓ) = C(n+ℓ-1, ℓ) [deliberately wrong: all homogeneous polynomials, not harmonics]",
       source="negative control for SPEC F1", sweep={"n": [3, 10, 10 ** 6]}, control=True)
def f1_wrong(n):
    return checks.exact_equal(sphere.harmonic_dimension(n, 3), sp.binomial(n + 2, 3))


# ---------------------------------------------------------------------------------- F2
@claim("F2", "P_k^(n): explicit sum = recurrence F2.1 = sympy's Gegenbauer C_k^(λ)/C_k^(λ)(1), P_k(1) = 1",
       source="SPEC §0.2, F2.1 [VER]", sweep={"n": [nsym, 3, 4, 5, 7, 12, 100, 10 ** 6]})
def f2_recurrence(n):
    out = []
    rec = G.legendre_recurrence(n, 12)
    for k in range(13):
        P = sphere.legendre_polynomial(n, k)
        out.append(same(sp.expand(P - rec[k]), 0))
        out.append(same(P.subs(t, 1), 1))
        if isinstance(n, int) and n >= 3:
            lam = sp.Rational(n - 2, 2)
            ref = sp.gegenbauer(k, lam, t)                   # sympy's own implementation (independent)
            out.append(checks.exact_equal(sp.expand(ref / ref.subs(t, 1)), P))
    return out


@claim("F2", "Rodrigues' formula F2.2 = explicit P_k^(n) (symbolic differentiation)",
       source="SPEC F2.2 [VER]", sweep={"n": [3, 4, 5, 6, 7, nsym]})
def f2_rodrigues(n):
    kmax = 4 if not isinstance(n, int) else 5
    return [same(sp.expand(G.legendre_rodrigues(n, k) - sphere.legendre_polynomial(n, k)), 0)
            for k in range(kmax + 1)]


@claim("F2", "orthogonality E[P_ℓ P_m] = δ_ℓm / N(n,ℓ) from sphere moments E[t^j] (F2.3; ℓ, m ≤ 10)",
       source="SPEC F2.3 [VER]", sweep={"n": NS})
def f2_orthogonality(n):
    mom = [sphere_moment(n, (j,)) for j in range(21)]           # E_{ν_n}[t^j] = E_{U_n}[x_1^j]
    polys = [sp.Poly(sphere.legendre_polynomial(n, k), t) for k in range(11)]
    out = []
    for l, m in itertools.combinations_with_replacement(range(11), 2):
        prod = (polys[l] * polys[m]).all_coeffs()[::-1]
        val = sum(c * mom[j] for j, c in enumerate(prod))
        out.append(checks.exact_equal(val, sp.Rational(1, sphere.harmonic_dimension(n, l)) if l == m else 0))
    return out


@claim("F2", "moments E[t^j P_k] = closed form F2.4 (zero below k and off parity); V11: E_ν3[t⁴P_4] = 8/315",
       source="SPEC F2.4, §8 V11 [VER]", sweep={"n": [nsym] + NS})
def f2_moments(n):
    out = []
    mom = [sphere_moment(n, (j,)) for j in range(17)]            # E_{ν_n}[t^j] = E_{U_n}[x_1^j] (Dirichlet)
    for k in range(7):
        P = sphere.legendre_polynomial(n, k)
        for j in range(11):
            direct = sum(c * mom[j + i] for (i,), c in sp.Poly(P, t).terms())
            out.append(same(direct, G.legendre_moment(n, k, j)))
        # F2.4: E[t^k P_k] = k! Γ(n/2)/(2^k Γ(n/2+k)) = k!/(n(n+2)...(n+2k-2))
        second = sp.factorial(k) / sp.Mul(*[sp.sympify(n) + 2 * i for i in range(k)])
        out.append(same(G.legendre_moment(n, k, k), second))
        if not isinstance(n, int):
            out.append(same(second, sp.factorial(k) * sp.gamma(n / 2) / (2 ** k * sp.gamma(n / 2 + k))))
    if n == 3:
        out.append(checks.matches(hv.enclose(G.legendre_moment(3, 4, 4), 35), "0.0253968253968253968253968253968",
                                  source="V11"))
        out.append(checks.exact_equal(G.legendre_moment(3, 4, 4), sp.Rational(8, 315)))
    return out


@claim("F2", "value at zero F2.5: P_2m(0) = (-1)^m (2m-1)!!/Π(n-1+2i), P_odd(0) = 0, P_2(0) = -1/(n-1)",
       source="SPEC F2.5 [VER]", sweep={"n": [nsym] + NS})
def f2_zero(n):
    out = [same(sphere.legendre_polynomial(n, k).subs(t, 0), G.legendre_at_zero(n, k)) for k in range(13)]
    out.append(same(G.legendre_at_zero(n, 2), -1 / (sp.sympify(n) - 1)))
    return out


@claim("F2", "certified P_k^(n)(x) (ball recurrence) encloses the exact value, k ≤ 60, 30 digits",
       source="SPEC F2", sweep={"n": NS})
def f2_certified_values(n):
    out = []
    for x in ("0.3", "-0.71", "0.001"):
        exact = G.legendre_values(n, 60, sp.Rational(x))
        for k in (1, 7, 20, 41, 60):
            e = sphere.legendre_polynomial(n, k, x, dps=DPS)
            out += [checks.agrees(e, exact[k]), checks.narrow(e, DPS)]
    return out


@claim("F2", "the unnormalised Gegenbauer C_k^(λ) has value 1 at t = 1 [deliberately wrong normalisation]",
       source="negative control for SPEC §0.2 (n = 3 is excluded: Legendre's P_k is already C_k^(1/2))",
       sweep={"n": [4, 5, 100]}, control=True)
def f2_wrong_normalisation(n):
    return checks.exact_equal(G.gegenbauer_c(4, sp.Rational(n - 2, 2), 1), 1)


# ---------------------------------------------------------------------------------- F3
@claim("F3", "addition theorem: Σ_j Y_j(x)Y_j(y) (any basis, vᵀG⁻¹v) = N(n,k) P_k(⟨x,y⟩) as polynomials",
       source="SPEC §2 F3 [VER]", cases=[{"n": 3, "k": k} for k in range(5)] + [{"n": 4, "k": k} for k in range(4)]
       + [{"n": 5, "k": k} for k in range(3)])
def f3_addition(n, k):
    X, Y = sp.symbols(f"a1:{n + 1}"), sp.symbols(f"b1:{n + 1}")
    kern = H.addition_kernel(n, k, X, Y)
    # homogeneous form of N P_k(⟨x,y⟩): Σ_i c_i ⟨x,y⟩^i (|x|²|y|²)^{(k-i)/2}, equal to it on the sphere
    s = sum(a * b for a, b in zip(X, Y))
    r = sum(a * a for a in X) * sum(b * b for b in Y)
    cs = G.legendre_coefficients(n, k)
    zonal = sphere.harmonic_dimension(n, k) * sum(c * s ** i * r ** ((k - i) // 2) for i, c in enumerate(cs) if c)
    return checks.exact_equal(sp.expand(kern - zonal), 0)


@claim("F3", "zonal harmonics N|x|^k P_k(⟨x,y⟩/|x|) are harmonic (ΔZ = 0, y = (3/5, 4/5, 0, ...))",
       source="SPEC §2 F3", sweep={"n": [3, 4, 5, 10]})
def f3_zonal_harmonic(n):
    xs = sp.symbols(f"x1:{n + 1}")
    y = [sp.Rational(3, 5), sp.Rational(4, 5)] + [0] * (n - 2)
    return [checks.exact_equal(H.laplacian(H.zonal_harmonic(n, k, y, xs), xs), 0) for k in range(6)]


_XS3 = sp.symbols("x1:4")
_Y = {1: _XS3[0] + 2 * _XS3[1] - _XS3[2],
      2: H.harmonic_projection(_XS3[0] ** 2 + 3 * _XS3[0] * _XS3[1] - _XS3[2] ** 2, 2, _XS3),
      3: H.harmonic_projection(_XS3[0] ** 3 + _XS3[0] * _XS3[1] * _XS3[2], 3, _XS3),
      4: H.harmonic_projection(_XS3[0] ** 4 - 2 * _XS3[0] * _XS3[1] ** 3, 4, _XS3)}


@claim("F3", "Funk–Hecke: the e_1-slice average of Y ∈ H_k^n is Y(e_1) P_k^(n)(t), hence "
       "E_y[ReLU(y_1) Y(y)] = μ_k(ReLU) Y(e_1) (exact, any n; Y harmonic in x_1..x_3)",
       source="SPEC §2 F3 [VER]", sweep={"n": NS, "k": [2, 3, 4]})
def f3_funk_hecke(n, k):
    Y = _Y[k]
    Q = H.slice_average(Y, _XS3, n, t)                    # E_ω[Y(t, √(1-t²)ω)]
    y1 = Y.subs({_XS3[0]: 1, _XS3[1]: 0, _XS3[2]: 0})
    out = [checks.exact_equal(Q, sp.expand(y1 * sphere.legendre_polynomial(n, k)))]
    # E_t[ReLU(t) Q(t)] from degree-0 eigenvalues of ReLU·t^i (moments of ν_n on [0, 1]), in the exact
    # form r0 + r1 A_n (rational r0, r1), compared with μ_k(ReLU) Y(e_1)
    lhs = [sp.Integer(0), sp.Integer(0)]
    for (i,), c in sp.Poly(Q, t).terms():
        f = eigen_forms(hv.activation(sp.Max(0, t) * t ** i), n, 0)[0]
        lhs = [lhs[0] + c * _q(f.r0), lhs[1] + c * _q(f.r1)]
    g = eigen_forms(hv.activation("relu"), n, k)[k]
    out.append(forms_equal(n, lhs, [y1 * _q(g.r0), y1 * _q(g.r1)]))
    return out


def _q(v):
    return sp.Rational(int(v.p), int(v.q)) if hasattr(v, "p") and not isinstance(v, sp.Basic) else sp.sympify(v)


@claim("F3", "Funk–Hecke for sigmoid (no closed form): E_t[σ(t)Q(t)] by certified quadrature = μ_k(σ) Y(e_1) "
       "by the series route (two certified routes)", source="SPEC §2 F3", sweep={"n": [3, 4, 10, 100, 10 ** 6],
                                                                                   "k": [1, 3]})
def f3_funk_hecke_certified(n, k):
    Y = _Y[k]
    Q = H.slice_average(Y, _XS3, n, t)
    y1 = Y.subs({_XS3[0]: 1, _XS3[1]: 0, _XS3[2]: 0})
    sig = hv.activation("sigmoid")
    lhs = sphere.funk_hecke(hv.activation(sig.expr * Q), n, 0, dps=DPS, algorithm="quadrature")
    rhs = sphere.funk_hecke(sig, n, k, dps=DPS + 5, algorithm="series") * y1
    return checks.consistent(lhs, rhs, DPS - 2)


@claim("F3", "corollary: E_y[P_ℓ(y_1) P_ℓ(⟨z,y⟩)] = P_ℓ(z_1)/N(n,ℓ), z = (3/5, 4/5, 0, ...)",
       source="SPEC §2 F3", sweep={"n": [3, 4, 10, 100, 10 ** 6], "l": [1, 2, 3, 4]})
def f3_corollary(n, l):
    z = [sp.Rational(3, 5), sp.Rational(4, 5), 0]
    Pz = sphere.legendre_polynomial(n, l, sum(a * b for a, b in zip(z, _XS3)))   # a polynomial in x_1, x_2
    Q = H.slice_average(Pz, _XS3, n, t)
    P = sp.Poly(sphere.legendre_polynomial(n, l), t)
    Qp = sp.Poly(Q, t)
    mom = lambda j: sphere_moment(n, (j,))
    val = sum(a * b * mom(i + j) for (i,), a in P.terms() for (j,), b in Qp.terms())
    return checks.exact_equal(val, sphere.legendre_polynomial(n, l, sp.Rational(3, 5))
                              / sphere.harmonic_dimension(n, l))


@claim("F3", "Funk–Hecke with the surface eigenvalue λ_k = |S^{n-1}|μ_k for the probability measure "
       "[deliberately wrong normalisation constant]", source="negative control for SPEC §0.2/F3",
       sweep={"n": [3, 4, 10]}, control=True)
def f3_wrong_measure(n):
    Y = _Y[2]
    Q = H.slice_average(Y, _XS3, n, t)
    y1 = Y.subs({_XS3[0]: 1, _XS3[1]: 0, _XS3[2]: 0})
    lhs = sum(c * sphere.funk_hecke(hv.activation(sp.Max(0, t) * t ** i), n, 0) for (i,), c in sp.Poly(Q, t).terms())
    return checks.exact_equal(lhs, y1 * sphere.funk_hecke("relu", n, 2, measure="surface"))


# ---------------------------------------------------------------------------------- F4
@claim("F4", "ReLU and step: generic exact derivation = SPEC's closed forms, symbolic in n (ℓ ≤ 50)",
       source="SPEC §2 F4 [DER, VER]", sweep={"act": ["relu", "step"]})
def f4_symbolic(act):
    # both sides are r0(n) + r1(n) A_n with A_n = Γ(n/2)/(√π Γ((n+1)/2)): compare the rational parts
    A = G.half_gamma_ratio(nsym)
    out = []
    for l, form in enumerate(eigen_forms(hv.activation(act), nsym, 50)):
        closed = F4[act](nsym, l)
        r1 = sp.cancel(sp.expand_func(closed / A)) if closed.has(sp.gamma) else sp.Integer(0)
        r0 = sp.Integer(0) if closed.has(sp.gamma) else closed
        out.append(checks.exact_equal(sp.cancel(form.r0 - r0), 0))
        out.append(checks.exact_equal(sp.cancel(form.r1 - r1), 0))
    return out


@claim("F4", "ReLU and step: exact eigenvalues at each n = closed form (ℓ ≤ 50), odd ℓ ≥ 3 of ReLU exactly 0",
       source="SPEC §2 F4 [DER, VER]", sweep={"act": ["relu", "step"], "n": [3, 4, 5, 10, 100, 10 ** 3]})
def f4_exact(act, n):
    mus = sphere.funk_hecke_eigenvalues(act, n, 50)
    out = [checks.exact_equal(mus[l], sp.gammasimp(F4[act](n, l))) for l in range(51)]
    if act == "relu":
        out += [checks.exact_zero(mus[l]) for l in range(3, 51, 2)]
    return out


@claim("F4", "certified quadrature (independent of the closed forms) encloses the exact eigenvalues, ℓ ≤ 50, "
       "30 digits", source="SPEC §2 F4 [VER]", sweep={"act": ["relu", "step"], "n": NS})
def f4_certified(act, n):
    exact = sphere.funk_hecke_eigenvalues(act, n, 50, dps=DPS + 10, algorithm="exact")
    quad = sphere.funk_hecke_eigenvalues(act, n, 50, dps=DPS, algorithm="quadrature")
    return [routes_agree(e, q, DPS) for e, q in zip(exact, quad)]


F4_TABLE = {
    (3, "relu"): ["1/4", "1/6", "1/16", "0", "-1/96", "0", "1/256", "0", "-1/512"],
    (3, "step"): ["1/2", "1/4", "0", "-1/16", "0", "1/32", "0", "-5/256", "0"],
    (4, "relu"): ["2/(3*pi)", "1/8", "2/(15*pi)", "0", "-2/(105*pi)", "0", "2/(315*pi)", "0", "-2/(693*pi)"],
    (4, "step"): ["1/2", "2/(3*pi)", "0", "-2/(15*pi)", "0", "2/(35*pi)", "0", "-2/(63*pi)", "0"],
}


@claim("F4", "the SPEC F4 value table (n = 3, 4; ℓ ≤ 8) and V10, V10b, V10c, V10d",
       source="SPEC §2 F4 table, §8 V10–V10d", cases=[{}])
def f4_table():
    out = []
    for (n, act), vals in F4_TABLE.items():
        mus = sphere.funk_hecke_eigenvalues(act, n, 8)
        out += [checks.exact_equal(m, sp.sympify(v)) for m, v in zip(mus, vals)]
    refs = [("relu", 3, 2, "0.0625"), ("relu", 3, 4, "-0.0104166666666666666666666666667"),
            ("relu", 4, 2, "0.0424413181578387562050356702327"), ("step", 3, 3, "-0.0625"),
            ("step", 4, 3, "-0.0424413181578387562050356702327"), ("relu", 7, 6, "0.00048828125")]
    for act, n, l, v in refs:
        out.append(checks.matches(sphere.funk_hecke(act, n, l, dps=35, algorithm="quadrature"), v, source="V10"))
    # the Ramamoorthi–Hanrahan constants: 4π μ_ℓ(ReLU; 3) = π, 2π/3, π/4, 0, -π/24
    out += [checks.exact_equal(sphere.funk_hecke("relu", 3, l, measure="surface"), v)
            for l, v in enumerate([sp.pi, 2 * sp.pi / 3, sp.pi / 4, 0, -sp.pi / 24])]
    return out


@claim("F4", "scaling: n^{3/2} μ_2(ReLU) → 1/√(2π) (exact limit); sigmoid μ_3 / (σ'''(0)Γ(n/2)/(8Γ(n/2+3))) "
       "= 0.99517 (n = 200), 0.99950 (n = 2000)", source="SPEC §2 F4 scaling [VER]", cases=[{}])
def f4_scaling():
    # μ_2 = r1(n) A_n with A_n √(πn/2) → 1 (Wendel), so the limit is lim n^{3/2} r1 √(2/(πn))
    form = eigen_forms(hv.activation("relu"), nsym, 2)[2]
    lim = sp.limit(nsym ** sp.Rational(3, 2) * (form.r0 + form.r1 * sp.sqrt(2 / (sp.pi * nsym))), nsym, sp.oo)
    out = [checks.exact_equal(lim, 1 / sp.sqrt(2 * sp.pi))]
    for n, ref in ((200, "0.99517"), (2000, "0.99950")):
        pred = hv.enclose(sp.Rational(-1, 8) * sp.gamma(sp.Rational(n, 2)) / (8 * sp.gamma(sp.Rational(n, 2) + 3)), 30)
        out.append(checks.matches(sphere.funk_hecke("sigmoid", n, 3, dps=DPS) / pred, ref, source="SPEC F4"))
    return out


@claim("F4", "analytic activations: the series route and certified quadrature agree (ℓ ≤ 50)",
       source="SPEC §2 F4 (two certified routes)", sweep={"act": ["sigmoid", "tanh", "erf"], "n": [3, 10, 10 ** 6]})
def f4_two_routes(act, n):
    a = sphere.funk_hecke_eigenvalues(act, n, 50, dps=DPS, algorithm="series")
    b = sphere.funk_hecke_eigenvalues(act, n, 50, dps=DPS, algorithm="quadrature")
    return [routes_agree(x, y, DPS) for x, y in zip(a, b)]


@claim("F4", "n = 10⁶, all ℓ ≤ 1000 at 50 digits: ReLU (closed form, enclosed) and sigmoid (series route)",
       source="SPEC §2 F4; issue 3 (large n, large k)", sweep={"act": ["relu", "sigmoid"]})
def f4_large(act):
    mus = sphere.funk_hecke_eigenvalues(act, 10 ** 6, 1000, dps=50)
    return [checks.narrow(m, 50) for m in mus]


@claim("F4", "ReLU closed form with 2^{2q+1} instead of 2^{2q+2} [deliberately wrong constant]",
       source="negative control for SPEC F4", sweep={"n": [3, 4, 10, 10 ** 3]}, control=True)
def f4_wrong_constant(n):
    return [checks.exact_equal(sphere.funk_hecke("relu", n, l), 2 * F4_relu(n, l)) for l in (2, 4, 6)]


@claim("F4", "step has μ_ℓ = 0 at odd ℓ ≥ 3, like ReLU [deliberately wrong parity]",
       source="negative control for SPEC F4", sweep={"n": [3, 100, 10 ** 6]}, control=True)
def f4_wrong_parity(n):
    return [checks.has_sign(sphere.funk_hecke("step", n, l, dps=DPS, algorithm="quadrature"), 0) for l in (3, 5)]


# ---------------------------------------------------------------------------------- F5
@claim("F5", "random-feature kernel of ReLU from §9.4 (K_ReLU(ρ)/E‖g‖²) = (√(1-ρ²) + (π - arccos ρ)ρ)/(2πn)",
       source="SPEC §2 F5, §9.4 [DER]", sweep={"n": [nsym, 3, 4, 7, 10 ** 6]})
def f5_kernel_closed_form(n):
    rho = sp.Symbol("rho", real=True)
    k = sphere.random_feature_kernel("relu", n, rho)
    ref = (sp.sqrt(1 - rho ** 2) + (sp.pi - sp.acos(rho)) * rho) / (2 * sp.pi * n)
    return checks.exact_equal(sp.simplify((k - ref).rewrite(sp.asin)), 0)


@claim("F5", "the kernel operator of κ_ReLU has eigenvalues μ_ℓ(ReLU)² (certified quadrature of κ vs exact)",
       source="SPEC §2 F5 [DER, VER]", sweep={"n": [3, 4, 7, 100]})
def f5_eigenvalues(n):
    kappa = hv.activation(sphere.random_feature_kernel("relu", n, t))
    lam = sphere.funk_hecke_eigenvalues(kappa, n, 6, dps=20, algorithm="quadrature")
    exact = [sphere.random_feature_eigenvalue("relu", n, l) for l in range(7)]
    out = [checks.agrees(x, e) for x, e in zip(lam, exact)]
    if n == 3:
        out.append(checks.exact_equal(exact[2], sp.Rational(1, 256)))
    return out


@claim("F5", "κ(ρ) = Σ_ℓ μ_ℓ² N(n,ℓ) P_ℓ(ρ): |κ(ρ) - Σ_{ℓ≤L}| ≤ E_ν[σ²] - Σ_{ℓ≤L} μ_ℓ² N(n,ℓ) (L = 60)",
       source="SPEC §2 F5 [DER, VER]", sweep={"n": [3, 4, 7, 100], "rho": ["0.3", "-0.8"]})
def f5_series(n, rho):
    r = sp.Rational(rho)
    mus = sphere.funk_hecke_eigenvalues("relu", n, 60)
    Ns = [sphere.harmonic_dimension(n, l) for l in range(61)]
    P = G.legendre_values(n, 60, r)
    partial = sum(m ** 2 * N * p for m, N, p in zip(mus, Ns, P))
    tail = sphere.funk_hecke(hv.activation(sp.Max(0, t) ** 2), n, 0) - sum(m ** 2 * N for m, N in zip(mus, Ns))
    diff = hv.enclose(sphere.random_feature_kernel("relu", n, r) - partial, 40)
    bound = hv.enclose(tail, 40)
    return [checks.has_sign(bound, 1), checks.less(abs(diff), bound)]


@claim("F5", "κ(ρ) = Σ_ℓ μ_ℓ² P_ℓ(ρ) without the N(n,ℓ) factor [deliberately wrong]",
       source="negative control for SPEC F5", sweep={"n": [3, 7, 100]}, control=True)
def f5_wrong(n):
    r = sp.Rational(3, 10)
    mus = sphere.funk_hecke_eigenvalues("relu", n, 60)
    P = G.legendre_values(n, 60, r)
    partial = sum(m ** 2 * p for m, p in zip(mus, P))
    tail = sphere.funk_hecke(hv.activation(sp.Max(0, t) ** 2), n, 0) - sum(
        m ** 2 * sphere.harmonic_dimension(n, l) for l, m in enumerate(mus))
    diff = hv.enclose(sphere.random_feature_kernel("relu", n, r) - partial, 40)
    return checks.less(abs(diff), hv.enclose(tail, 40))


@claim("F5", "certified sphere kernel K_σ(ρ; n) of non-homogeneous σ (Gegenbauer series + Parseval tail): the series "
       "at ρ = ±1 equals E_ν[σ(t)σ(±t)] by certified quadrature; |K(1/2)| ≤ K(1); at n ≥ 10⁴, "
       "|n(K(1/2) - σ_0²) - (σ_1²/2 + 2σ_0σ_2)| ≤ 2/n (the first-order Gaussian limit)",
       source="SPEC §2 F5, §9.4 [DER]; issue 10 item 8",
       cases=[{"act": a, "n": n} for a in ("sigmoid", "tanh") for n in (3, 10, 100, 10 ** 4, 10 ** 6)]
       + [{"act": "gelu", "n": n} for n in (3, 10 ** 6)],
       note="σ_m are the Taylor coefficients of σ at 0; the 2/n window is a certified inequality at each n, the "
            "O(1/n) rate itself is evidence")
def f5_certified_kernel(act, n):
    a = hv.activation(act)
    out = []
    for sign in (1, -1):
        series = routes.sphere_kernel(a, None, n, [(1, sign)], dps=DPS, series_only=True)
        prod = hv.activation(a.expr * a.expr.subs(t, sign * t))
        out.append(checks.consistent(series, sphere.funk_hecke(prod, n, 0, dps=DPS, algorithm="quadrature"), DPS))
    K = sphere.random_feature_kernel(a, n, "1/2", dps=DPS)
    out.append(checks.less(abs(K), sphere.random_feature_kernel(a, n, 1, dps=DPS)))
    if n >= 10 ** 4:
        s0, s1, s2 = [sp.diff(a.expr, t, m).subs(t, 0) / sp.factorial(m) for m in range(3)]
        gap = (K - hv.enclose(s0 ** 2, DPS + 10)) * n - hv.enclose(s1 ** 2 / 2 + 2 * s0 * s2, DPS + 10)
        out.append(checks.in_range(gap, -sp.Rational(2, n), sp.Rational(2, n)))
    return out


@claim("F5", "the sphere kernel K_sigmoid(1/2; n) equals the Gaussian dual kernel of σ(t/√n) [deliberately wrong: "
       "⟨u,x⟩ is not N(0, 1/n) on the sphere; the two differ at order 1/n²]",
       source="negative control for SPEC F5, §9.4", sweep={"n": [3, 10, 100]}, control=True)
def f5_kernel_is_not_gaussian(n):
    a = hv.activation("sigmoid")
    gauss = hv.dual_kernel(a.affine(1 / sp.sqrt(n), 0), rho=sp.Rational(1, 2), dps=DPS)
    return checks.consistent(sphere.random_feature_kernel(a, n, "1/2", dps=DPS), gauss, DPS)


# ---------------------------------------------------------------------------------- H6
@claim("H6", "√N(n,ℓ) P_ℓ^(n)(x/√n) → h_ℓ(x) = He_ℓ(x)/√(ℓ!) (exact limits, ℓ ≤ 8)",
       source="SPEC §1 H6 [VER]", sweep={"l": list(range(9))})
def h6_polynomials(l):
    x = sp.Symbol("x")
    from hardverify.symbolic.bridge import legendre_gaussian_limit
    return checks.exact_equal(legendre_gaussian_limit(l, x), sp.expand(sp.hermite_prob(l, x) / sp.sqrt(sp.factorial(l))))


@claim("H6", "√N(n,ℓ) n^{p/2} μ_ℓ(σ;n) → c_ℓ(σ) for ReLU, step, sign, |t| (exact limits, ℓ ≤ 8)",
       source="SPEC §1 H6 [VER]", sweep={"act": ["relu", "step", "sign", "abs"]})
def h6_limit(act):
    return [checks.exact_equal(sphere.gaussian_limit(act, l), hv.hermite_coefficient(act, l)) for l in range(9)]


@claim("H6", "certified √N n^{p/2} μ_ℓ at n = 10², 10⁴, 10⁶: relative distance to c_ℓ at most ℓ²/n (ℓ ≤ 8); "
       "SPEC example ℓ = 4, n = 10⁷: -0.08143374588", source="SPEC §1 H6 [VER] (finite sweep: evidence for the "
       "rate, a proof of the stated bounds)", sweep={"act": ["relu", "step"], "n": [10 ** 2, 10 ** 4, 10 ** 6]})
def h6_certified(act, n):
    out = []
    for l in range(9):
        c = hv.hermite_coefficient(act, l)
        s = sphere.gaussian_scaled_eigenvalue(act, n, l, dps=DPS, algorithm="quadrature")
        if c == 0:
            out.append(checks.has_sign(s, 0))
            continue
        rel = hv.enclose(1, DPS) * (s - c) / hv.enclose(c, DPS + 5)
        out.append(checks.in_range(rel, -sp.Rational(max(l, 1) ** 2, n), sp.Rational(max(l, 1) ** 2, n)))
    if act == "relu" and n == 10 ** 6:
        out.append(checks.matches(sphere.gaussian_scaled_eigenvalue("relu", 10 ** 7, 4, dps=DPS), "-0.08143374588",
                                  source="SPEC H6"))
    return out


@claim("H6", "√N(n,ℓ) μ_ℓ(ReLU) → c_ℓ(ReLU) without the factor n^{1/2} [deliberately wrong scaling]",
       source="negative control for SPEC H6", sweep={"l": [0, 2, 4]}, control=True)
def h6_wrong_scaling(l):
    from hardverify.symbolic.funk_hecke import eigen_forms
    form = eigen_forms(hv.activation("relu"), nsym, l)[l]          # μ_ℓ = r0 + r1 A_n, A_n ~ √(2/(πn))
    S = sp.sqrt(sphere.harmonic_dimension(nsym, l))
    lim = sp.limit(S * form.r0, nsym, sp.oo) + sp.limit(S * form.r1 * sp.sqrt(2 / (sp.pi * nsym)), nsym, sp.oo)
    return checks.exact_equal(lim, hv.hermite_coefficient("relu", l))


# ---------------------------------------------------------------------------------- V20
@claim("V20", "E_{U(S⁵)}[x1² x2² x3²] = 1/480 (Dirichlet formula) and by the slice identity",
       source="SPEC §8 V20", cases=[{}])
def v20():
    xs = sp.symbols("x1:4")
    Q = sp.Poly(H.slice_average(xs[0] ** 2 * xs[1] ** 2 * xs[2] ** 2, xs, 6, t), t)
    via_slice = sum(c * sphere_moment(6, (i,)) for (i,), c in Q.terms())          # E_{ν_6}[Q(t)]
    return [checks.exact_equal(sphere_moment(6, (2, 2, 2)), sp.Rational(1, 480)),
            checks.exact_equal(via_slice, sp.Rational(1, 480)),
            checks.matches(hv.enclose(sphere_moment(6, (2, 2, 2)), 35), "0.00208333333333333333333333333333")]
