"""Hermite claims of SPEC §1 (H1–H5) and the reference values V1–V8 of §8.

Each claim is checked two ways where possible: the exact layer (a generic
Stein / integration-by-parts derivation, compared with the closed form stated in
SPEC) and the certified numeric layer (quadrature that never looks at the
symbolic code).  Negative controls state something deliberately wrong and must
come out REFUTED.
"""

import sympy as sp

import hardverify as hv
from hardverify import checks
from hardverify.proofs import claim
from hardverify.symbolic.gaussian import he_values

DPS = 40
j = sp.Symbol("j", integer=True, nonnegative=True)
jp = sp.Symbol("j", integer=True, positive=True)


def _he0(r: int) -> sp.Integer:
    return he_values(sp.Integer(0), r)[r] if r >= 0 else sp.Integer(0)


def relu_closed_form(m: int) -> sp.Expr:
    """SPEC H1: c_0 = 1/√(2π), c_1 = 1/2, c_m = He_{m-2}(0)/(√(2π)√(m!)) for m ≥ 2."""
    if m == 0:
        return 1 / sp.sqrt(2 * sp.pi)
    if m == 1:
        return sp.Rational(1, 2)
    return _he0(m - 2) / (sp.sqrt(2 * sp.pi) * sp.sqrt(sp.factorial(m)))


def sign_closed_form(m: int) -> sp.Expr:
    """SPEC H2: c_{2j+1}(sign) = √(2/π)(-1)^j (2j-1)!!/√(m!), even coefficients 0."""
    if m % 2 == 0:
        return sp.Integer(0)
    jj = (m - 1) // 2
    return sp.sqrt(2 / sp.pi) * (-1) ** jj * sp.factorial2(2 * jj - 1) / sp.sqrt(sp.factorial(m))


def step_closed_form(m: int) -> sp.Expr:
    """SPEC H2: c_0 = 1/2, c_m(step) = c_m(sign)/2 for m ≥ 1."""
    return sp.Rational(1, 2) if m == 0 else sign_closed_form(m) / 2


def abs_closed_form(m: int) -> sp.Expr:
    """SPEC H2: c_0 = √(2/π), odd coefficients 0, c_m(|t|) = 2 c_m(ReLU) for even m ≥ 2."""
    if m == 0:
        return sp.sqrt(2 / sp.pi)
    return sp.Integer(0) if m % 2 else 2 * relu_closed_form(m)


CLOSED = {"relu": relu_closed_form, "sign": sign_closed_form, "step": step_closed_form, "abs": abs_closed_form}


# ---------------------------------------------------------------------------------- H1, H2
@claim("H1", "ReLU coefficients: generic derivation = closed form (exact)",
       source="SPEC §1 H1 [VER]", sweep={"m": list(range(0, 201)) + [300, 500, 1000]})
def h1_exact(m):
    return checks.exact_equal(hv.hermite_coefficient("relu", m), relu_closed_form(m))


@claim("H1", "ReLU coefficients: certified quadrature encloses the closed form",
       source="SPEC §1 H1 [VER]", cases=[{"m_max": 80, "dps": DPS}])
def h1_certified(m_max, dps):
    cs = hv.hermite_coefficients("relu", m_max, dps=dps, algorithm="quadrature")
    return [checks.agrees(c, relu_closed_form(m)) for m, c in enumerate(cs)] + \
        [checks.narrow(c, dps) for c in cs]


@claim("H2", "sign, step, |t| coefficients: generic derivation = closed form (exact)",
       source="SPEC §1 H2 [VER]", sweep={"act": ["sign", "step", "abs"], "m": list(range(0, 121)) + [401]})
def h2_exact(act, m):
    return checks.exact_equal(hv.hermite_coefficient(act, m), CLOSED[act](m))


@claim("H2", "sign, step, |t| coefficients: certified quadrature encloses the closed form",
       source="SPEC §1 H2 [VER]", sweep={"act": ["sign", "step", "abs"]})
def h2_certified(act):
    cs = hv.hermite_coefficients(act, 40, dps=DPS, algorithm="quadrature")
    return [checks.agrees(c, CLOSED[act](m)) for m, c in enumerate(cs)]


REFERENCES = {  # SPEC §8, each computed two independent ways by the SPEC authors
    "V1": ("relu", 2, "0.282094791773878143474039725780"),
    "V2": ("relu", 4, "-0.0814337519838199869310641038064"),
    "V3": ("relu", 6, "0.0446031029038192778634741593141"),
    "V4": ("sign", 3, "-0.325735007935279947724256415226"),
    "V5": ("sign", 5, "0.218509686118415814108677141161"),
    "V6": ("sigmoid", 1, "0.206620964141907037262350828718"),
    "V7": ("sigmoid", 3, "-0.0254732579073234166703436797642"),
    "V8": ("tanh", 1, "0.605705509602158825583540227556"),
}


@claim("V1-V8", "reference Hermite coefficients of SPEC §8 (certified quadrature)",
       source="SPEC §8 V1–V8", sweep={"ref": list(REFERENCES)})
def references(ref):
    act, m, value = REFERENCES[ref]
    c = hv.hermite_coefficient(act, m, dps=DPS, algorithm="quadrature")
    return checks.matches(c, value, source=ref)


@claim("H1", "Stein identity c_m = E[σ^(m)(g)]/√(m!) for analytic σ (two certified routes)",
       source="SPEC §0.1 Stein [VER]", sweep={"act": ["sigmoid", "tanh", "gelu"], "m": [1, 2, 3, 4, 5]})
def stein(act, m):
    a = hv.activation(act)
    direct = hv.hermite_coefficient(a, m, dps=30, algorithm="quadrature")
    deriv = hv.Activation(sp.diff(a.expr, hv.t, m))
    via_stein = hv.gaussian_expectation(deriv, dps=30, algorithm="quadrature") / sp.sqrt(sp.factorial(m))
    return checks.consistent(direct, via_stein, 29)


@claim("H1", "wrong normalisation He_{m-2}(0)/(√(2π) m!) [deliberately wrong]",
       source="negative control for SPEC H1", sweep={"m": [2, 4, 6, 8]}, control=True)
def h1_wrong_normalisation(m):
    wrong = _he0(m - 2) / (sp.sqrt(2 * sp.pi) * sp.factorial(m))
    return checks.exact_equal(hv.hermite_coefficient("relu", m), wrong)


@claim("H5", "sigmoid has c_m = 0 at odd m [deliberately wrong parity]",
       source="negative control for SPEC H5", sweep={"m": [1, 3, 5]}, control=True)
def wrong_parity(m):
    return checks.has_sign(hv.hermite_coefficient("sigmoid", m, dps=30), 0)


# ---------------------------------------------------------------------------------- H3
@claim("H3", "Parseval: Σ_m c_m(ReLU)² = 1/2 and even tail = 1/4 - 1/(2π) (sympy summation)",
       source="SPEC §1 H3 [VER]")
def h3_relu_exact():
    # c_{2j+2}^2 = ((2j-1)!!)^2/(2π (2j+2)!) = binom(2j,j)/(2π 4^j (2j+1)(2j+2))
    term = sp.binomial(2 * j, j) / (4 ** j * (2 * j + 1) * (2 * j + 2)) / (2 * sp.pi)
    same = sp.simplify(sp.gammasimp((sp.factorial2(2 * j - 1) ** 2 / (2 * sp.pi * sp.factorial(2 * j + 2))
                                     / term).rewrite(sp.gamma)))
    tail = sp.unpolarify(sp.summation(term, (j, 0, sp.oo)))
    total = relu_closed_form(0) ** 2 + relu_closed_form(1) ** 2 + tail
    return [checks.exact_equal(same, 1),
            checks.exact_equal(tail, sp.Rational(1, 4) - 1 / (2 * sp.pi)),
            checks.exact_equal(total, sp.Rational(1, 2)),
            checks.exact_equal(total, hv.gaussian_expectation(hv.Activation(sp.Max(0, hv.t) ** 2)))]


@claim("H3", "Parseval: Σ_m c_m(sign)² = 1, i.e. Σ_j (2j-1)!!/((2j)!!(2j+1)) = π/2 (sympy summation)",
       source="SPEC §1 H3 [VER]")
def h3_sign_exact():
    term = sp.binomial(2 * j, j) / (4 ** j * (2 * j + 1))        # = (2j-1)!!/((2j)!!(2j+1))
    s = sp.unpolarify(sp.summation(term, (j, 0, sp.oo)))
    return [checks.exact_equal(s, sp.pi / 2), checks.exact_equal(2 / sp.pi * s, 1)]


@claim("H3", "Parseval partial sums + rigorous tail bound enclose 1/2 (ReLU) and 1 (sign)",
       source="SPEC §1 H3 [VER]", sweep={"act": ["relu", "sign"], "m_max": [200, 2000]})
def h3_certified(act, m_max):
    # terms (even ReLU) binom(2j,j)/(2π 4^j (2j+1)(2j+2)) ≤ 1/(2π √(πj) 4j²) and (sign)
    # (2/π) binom(2j,j)/(4^j (2j+1)) ≤ (2/π)/(√(πj) 2j): the tails are bounded by the integrals
    # of these decreasing bounds from J - 1 to ∞, with J the first omitted j.
    cs = hv.hermite_coefficients(act, m_max)
    partial = sum(c ** 2 for c in cs)
    if act == "relu":
        J = (m_max - 2) // 2 + 1
        bound = 1 / (2 * sp.pi * 4 * sp.sqrt(sp.pi)) * sp.Rational(2, 3) * sp.Integer(J - 1) ** sp.Rational(-3, 2)
        target = sp.Rational(1, 2)
    else:
        J = (m_max - 1) // 2 + 1
        bound = (2 / sp.pi) / (2 * sp.sqrt(sp.pi)) * 2 * sp.Integer(J - 1) ** sp.Rational(-1, 2)
        target = sp.Integer(1)
    lo, hi = hv.enclose(partial, 40), hv.enclose(partial + bound, 40)
    return checks.in_range(target, lo.lower, hi.upper)


@claim("H3", "Σ_m c_m(|t|)² = 1/2 [deliberately wrong: E|g|² = 1]",
       source="negative control for SPEC H3", control=True)
def h3_wrong_norm():
    return checks.exact_equal(hv.gaussian_expectation(hv.Activation(sp.Abs(hv.t) ** 2)), sp.Rational(1, 2))


# ---------------------------------------------------------------------------------- H4
@claim("H4", "dual kernels: Taylor coefficients of the closed form = c_m(σ)c_m(τ) (exact, m ≤ 16)",
       source="SPEC §1 H4 [VER]",
       cases=[{"s": "relu", "t": "relu"}, {"s": "sign", "t": "sign"}, {"s": "step", "t": "step"},
              {"s": "erf", "t": "erf"}, {"s": "abs", "t": "abs"}, {"s": "relu", "t": "step"},
              {"s": "sign", "t": "erf"}])
def h4_series(s, t):
    rho = sp.Symbol("rho")
    K = hv.dual_kernel(s, t, rho=rho)
    ser = sp.series(K, rho, 0, 17).removeO()
    cs, ct = hv.hermite_coefficients(s, 16), hv.hermite_coefficients(t, 16)
    return [checks.exact_equal(ser.coeff(rho, m), cs[m] * ct[m]) for m in range(17)]


@claim("H4", "dual kernels: certified Mehler series (quadrature coefficients + Parseval tail) = closed form",
       source="SPEC §1 H4 [VER]",
       cases=[{"s": "relu", "rho": "0.5", "ref": "0.304498890522114679044498291245"},
              {"s": "erf", "rho": "0.3", "ref": ""}, {"s": "sign", "rho": "-0.7", "ref": ""}])
def h4_mehler(s, rho, ref):
    closed = hv.dual_kernel(s, rho=sp.Rational(rho))
    mehler = hv.dual_kernel(s, rho=rho, dps=30, algorithm="series")
    out = [checks.agrees(mehler, closed), checks.narrow(mehler, 30)]
    if ref:
        out.append(checks.matches(mehler, ref, source="SPEC H4"))
    return out


@claim("H4", "ReLU kernel without its linear term ρ/4 [deliberately wrong]",
       source="negative control for SPEC H4", control=True)
def h4_missing_linear_term():
    rho = sp.Rational(1, 2)
    wrong = (sp.sqrt(1 - rho ** 2) + rho * sp.asin(rho)) / (2 * sp.pi)
    return checks.agrees(hv.dual_kernel("relu", rho=rho, dps=30, algorithm="series"), wrong)


# ---------------------------------------------------------------------------------- H5
@claim("H5", "ReLU decay: |c_m| / ((2π)^{-1/2}(2/π)^{1/4} m^{-5/4}) at m = 10², 10³, 10⁴",
       source="SPEC §1 H5 [DER, VER]",
       cases=[{"m": 100, "ratio": "1.0088"}, {"m": 1000, "ratio": "1.00088"}, {"m": 10000, "ratio": "1.000088"}])
def h5_relu_ratio(m, ratio):
    c = relu_closed_form(m)
    asym = (2 * sp.pi) ** sp.Rational(-1, 2) * (2 / sp.pi) ** sp.Rational(1, 4) * sp.Integer(m) ** sp.Rational(-5, 4)
    return checks.matches(hv.enclose(sp.Abs(c) / asym, 20), ratio, source="SPEC H5")


@claim("H5", "ReLU and sign decay: the ratio to the stated asymptotic tends to 1 (sympy limit)",
       source="SPEC §1 H5 [DER]", sweep={"act": ["relu", "sign"]})
def h5_limit(act):
    w = sp.binomial(2 * jp, jp) / 4 ** jp           # ((2j-1)!!)²/(2j)! , ~ 1/√(πj)
    if act == "relu":    # m = 2j + 2: c_m² = w/(2π(2j+1)(2j+2))
        c = sp.sqrt(w) / (sp.sqrt(2 * sp.pi) * sp.sqrt((2 * jp + 1) * (2 * jp + 2)))
        asym = (2 * sp.pi) ** sp.Rational(-1, 2) * (2 / sp.pi) ** sp.Rational(1, 4) * (2 * jp + 2) ** sp.Rational(-5, 4)
    else:                # m = 2j + 1: c_m² = (2/π) w/(2j+1)
        m = 2 * jp + 1
        c = sp.sqrt(2 / sp.pi) * sp.sqrt(w / (2 * jp + 1))
        asym = sp.sqrt(2 / sp.pi) * (2 / (sp.pi * m)) ** sp.Rational(1, 4) * m ** sp.Rational(-1, 2)
    return checks.exact_equal(sp.limit(c / asym, jp, sp.oo), 1)


SIGMOID_DECAY = {11: "2.01", 21: "2.03", 31: "2.02", 41: "2.01", 61: "1.97", 81: "1.94"}


@claim("H5", "sigmoid: log|c_m| + π√m as tabulated in SPEC (m = 11 ... 81)",
       source="SPEC §1 H5 [VER]", sweep={"m": list(SIGMOID_DECAY)})
def h5_sigmoid_table(m):
    c = hv.hermite_coefficient("sigmoid", m, dps=30)
    return checks.matches(_rate_excess(c, m, sp.pi), SIGMOID_DECAY[m], source="SPEC H5")


@claim("H5", "sigmoid: c_m = 0 for even m ≥ 2 (parity) and sign pattern c_{4j+1} > 0, c_{4j+3} < 0",
       source="SPEC §1 H5 [VER]", cases=[{"m_max": 121}])
def h5_sigmoid_signs(m_max):
    sig = hv.activation("sigmoid")
    parity = checks.exact_equal(sig.expr + sig.expr.subs(hv.t, -hv.t), 1)   # σ(t) + σ(-t) = 1
    cs = hv.hermite_coefficients(sig, m_max, dps=20)
    out = [parity.with_(method="exact: σ(t) + σ(-t) = 1, so σ - 1/2 is odd")]
    for m in range(1, m_max + 1):
        if m % 2 == 0:
            out.append(checks.has_sign(cs[m], 0))
        else:
            out.append(checks.has_sign(cs[m], 1 if m % 4 == 1 else -1))
    return out


RATES = {"sigmoid": sp.pi, "tanh": sp.pi / 2}


def _rate_excess(c, m, tau):
    """log|c_m| + τ√m as an enclosure."""
    from flint import ctx
    with ctx.workprec(160):
        x = abs(c.ball).log() + hv.enclose(tau * sp.sqrt(m), 40).ball
    return hv.Enclosure(x)                        # no digit label: in_range needs only the ball


@claim("H5", "sigmoid (τ = π), tanh (τ = π/2): |log|c_m| + τ√m| ≤ log m at odd m ≤ 401",
       source="SPEC §1 H5 [VER] (a finite sweep: evidence for exp(-τ√m + O(log m)), not a proof of the asymptotic)",
       sweep={"act": ["sigmoid", "tanh"]})
def h5_rates(act):
    M = 401
    cs = hv.hermite_coefficients(act, M, dps=20)
    out = []
    for m in range(11, M + 1, 10):
        x = _rate_excess(cs[m], m, RATES[act])
        out.append(checks.in_range(x, -sp.log(m), sp.log(m)))
    return out


@claim("H5", "sigmoid rate π/2 instead of π [deliberately wrong]: |log|c_m| + (π/2)√m| ≤ log m",
       source="negative control for SPEC H5", sweep={"m": [41, 81]}, control=True)
def h5_wrong_rate(m):
    c = hv.hermite_coefficient("sigmoid", m, dps=20)
    return checks.in_range(_rate_excess(c, m, sp.pi / 2), -sp.log(m), sp.log(m))
