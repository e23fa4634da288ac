"""Certified dual kernels by Mehler's series (numeric/dual.py): the tail starts after the last summed term,
and a certified kernel is right or refuses.  References: Sheppard's and the arc-cosine closed forms (SPEC H4)
and one-dimensional mpmath reductions, all independent of hardverify."""

import mpmath
from flint import arb, ctx
from helpers import arb_of, assert_certified

import hardverify as hv
from hardverify.numeric import dual as ndual
from hardverify.numeric.dual import HermiteTable, mehler_ball
from hardverify.numeric.enclosure import Enclosure


# -- (moved from test_review_core.py)
def test_mehler_ball_never_sums_past_its_tables():
    # Asking for M beyond the tables' degree used |ρ|^{M+1} as the tail factor while only the
    # table's terms were summed: the ball [0.6996 ± 5e-10] excluded (2/π) asin(0.9) = 0.71287.
    cs = hv.hermite_coefficients("sign", 10)
    with ctx.workprec(200):
        tab = HermiteTable([hv.enclose(c, 50).ball for c in cs], arb(1), 50)    # E[sign²] = 1
        ball = mehler_ball(tab, tab, arb("0.9"), 200)
    with mpmath.workdps(40):
        ref = 2 / mpmath.pi * mpmath.asin(mpmath.mpf("0.9"))     # Sheppard's formula (SPEC H4)
    assert Enclosure(ball).contains(ref)


def test_certified_mehler_kernel_without_closed_form():
    # sigmoid × ReLU at ρ = 0.6: E max(0, a + sW) = aΦ(a/s) + sφ(a/s) (mean of a rectified normal)
    K = hv.dual_kernel("sigmoid", "relu", rho="0.6", dps=15)
    with mpmath.workdps(30):
        r = mpmath.mpf("0.6")
        s = mpmath.sqrt(1 - r * r)
        ref = mpmath.quad(lambda u: (1 / (1 + mpmath.exp(-u))) * (r * u * mpmath.ncdf(r * u / s) + s * mpmath.npdf(r * u / s))
                          * mpmath.npdf(u), [-mpmath.inf, 0, mpmath.inf])
    assert_certified(K, ref, 15)


# -- (moved from test_review_networks.py)
def test_mehler_tail_starts_after_the_last_summed_term():
    # Regression (unsound tail; fixed concurrently in numeric/dual.py): asking mehler_ball for more
    # terms than the table holds used the tail |ρ|^{M+1} of the larger M.  Reference: SPEC H4 closed form.
    relu = hv.activation("relu")
    tab = ndual.hermite_table(relu, 16, 15)
    with mpmath.workdps(30):
        r = mpmath.mpf("0.9")
        ref = (mpmath.sqrt(1 - r * r) + r * mpmath.asin(r)) / (2 * mpmath.pi) + r / 4
    with ctx.workprec(128):
        ball = ndual.mehler_ball(tab, tab, arb("0.9"), 400)
        assert ball.overlaps(arb_of(ref))


def test_certified_kernel_near_rho_one_is_right_or_refuses():
    relu = hv.activation("relu")
    with mpmath.workdps(30):
        r = mpmath.mpf("0.97")
        ref = (mpmath.sqrt(1 - r * r) + r * mpmath.asin(r)) / (2 * mpmath.pi) + r / 4
    try:
        e = ndual.dual_kernel(relu, None, "0.97", dps=8, max_degree=256)
    except hv.errors.NotCertified:
        return
    assert_certified(e, arb_of(ref), 8)
