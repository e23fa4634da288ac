"""The figures of issue 13 item 5 that came last: sq-bounds, gd-decay, clwe-chi.

Each plotted value is read back from the Axes and compared with an independent reference:
* SPEC G7 + G5: the Bessel bound of GGJKK at k = 2 is (C(n, 2) − 1)τ²/(2 − 4/π) (mpmath, here);
* SPEC W4: E[x_S²] = 1/(n(n+2)…), so the normalised monomials have norm 1 and G7 gives (C(n, k) − 1)/n² at
  τ = 1/n; log₂ C(n, k) from math.comb;
* DKKZ planes at n = 1000: p = 19, r = 4, γ = (3/19)⁴ > τ² = 10⁻⁴ (docs/sq.md): no bound (✕);
* SPEC W2: μ_0(ReLU; 3) = 1/4, μ_1 = 1/6, μ_2 = 1/16, μ_4 = −1/96 (ν_3 is uniform on [−1, 1]: μ_ℓ =
  ½∫_0^1 t P_ℓ(t) dt), η′ = 1/μ_0² = 16; W3: μ_3 = 0;
* SPEC C4: χ(0.1) = 1.22e−3 at β = 0.1, γ = 1; C3: χ(1) = χ² = 6.071067811865475244 at β = 0.1, γ = 5;
  the theta closed form of χ (an independent route) for the right panel.
"""

import math

import mpmath
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("matplotlib")

from hardverify.cli import main  # noqa: E402
from hardverify.constructions.li_zadik_zampetakis2024 import PancakeFamily, pair_correlation  # noqa: E402
from hardverify.constructions.vempala_wilmes2019.experiment import run_experiment  # noqa: E402
from hardverify.constructions.vempala_wilmes2019.family import ZonalFamily  # noqa: E402
from hardverify.errors import DomainError, HypothesisFailed  # noqa: E402
from hardverify.plots import FIGURES, figure, write_figure  # noqa: E402
from hardverify.plots.clwe import rho_grid  # noqa: E402
from hardverify.plots.sq import lzz_bound  # noqa: E402
from hardverify.plots.vempala_wilmes import Y_FLOOR, step_grid  # noqa: E402
from hardverify.sq import sd_bound, sq_bound  # noqa: E402


def _lines(ax, start):
    """{label: {x: y}} of the lines whose label starts with ``start``."""
    out = {x.get_label(): dict(zip(x.get_xdata(), x.get_ydata())) for x in ax.get_lines()
           if x.get_label().startswith(start)}
    assert out, f"no line labelled {start!r}: {[x.get_label() for x in ax.get_lines()]}"
    return out


def _line(ax, label):
    [line] = [x for x in ax.get_lines() if x.get_label() == label]
    return line


def _labelled(ax):
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()


@pytest.fixture(scope="module")
def sq_fig():
    return figure("sq-bounds", ns=(10 ** 3, 10 ** 4), ggjkk_ks=(2,), dkkz_ks=(4,), vw_ks=(5,), zonal_ks=(8,),
                  lzz_ns=(16, 10 ** 4))


def test_registry():
    assert set(FIGURES) == {"hermite-decay", "funk-hecke", "norms", "sq-bounds", "gd-decay", "clwe-chi"}


def test_sq_bounds_ggjkk_values(sq_fig):
    a = sq_fig.axes[0]
    _labelled(a)
    assert a.get_xscale() == "log" and "[CSQ]" in a.get_title()
    g7 = _line(a, "k = 2: G7 Bessel (certified)")
    with mpmath.workdps(30):
        for n, y in zip(g7.get_xdata(), g7.get_ydata()):
            ref = mpmath.log10((math.comb(n, 2) - 1) * mpmath.mpf(10) ** -6 / (2 - 4 / mpmath.pi))
            assert abs(y - float(ref)) < 1e-12                   # SPEC G7 with E[f_S²] = 2 − 4/π (G5)
    assert g7.get_markerfacecolor() == "white"                 # certified: the norm's sign is an interval fact
    b1 = _line(a, "k = 2: Thm B.1, s/2 (certified)")
    engine = sq_bound("goel2020", 10 ** 4, k=2, tau="1/1000", theorem="B1")
    assert dict(zip(b1.get_xdata(), b1.get_ydata()))[10 ** 4] == float(engine.log10)
    assert 10 ** 3 not in b1.get_xdata()                          # s/2 = 0 at n = 1000: no logarithm, not drawn
    assert engine.queries == 34


def test_sq_bounds_dkkz_hypothesis_fails(sq_fig):
    b = sq_fig.axes[1]
    fails = _line(b, "k = 4: Q2 Szörényi: hypothesis fails, no bound")
    assert list(fails.get_xdata()) == [10 ** 3, 10 ** 4] and fails.get_marker() == "x"
    with pytest.raises(HypothesisFailed, match="81/130321"):   # γ = (3/19)⁴ at n = 1000 (docs/sq.md)
        sq_bound("dkkz2020", 10 ** 3, k=4, tau="1/100")
    assert not [x for x in b.get_lines() if x.get_label() == "k = 4: Q2 Szörényi (certified)"]


def test_sq_bounds_vempala_wilmes_and_information(sq_fig):
    c = sq_fig.axes[2]
    mono = _line(c, "monomials k = 5: G7, τ = 1/n (proved)")
    assert mono.get_markerfacecolor() == mono.get_color()       # PROVED: filled
    for n, y in zip(mono.get_xdata(), mono.get_ydata()):
        assert abs(y - math.log10((math.comb(n, 5) - 1) / n ** 2)) < 1e-12   # G7 at τ = 1/n, norm 1 (W4)
    info = _line(c, "  log₂ C(n, 5): information-theoretic (certified)")
    for n, y in zip(info.get_xdata(), info.get_ydata()):
        assert abs(y - math.log10(math.log2(math.comb(n, 5)))) < 1e-12
    zonal = _line(c, "zonal k = 8, |S| = 2: Q2, τ = 1/8 (proved)")
    ref = sq_bound(ZonalFamily(8, support=2), 10 ** 4, tau=sp.Rational(1, 8))
    assert dict(zip(zonal.get_xdata(), zonal.get_ydata()))[10 ** 4] == float(ref.log10)


def test_sq_bounds_clwe_and_axes(sq_fig):
    d = sq_fig.axes[3]
    assert "[SQ (STAT)]" in d.get_title()
    [sd] = _lines(d, "Q3 SD bound").values()
    # the figure hands γ = τ²/10⁶ to sd_bound; the engine's default γ (the exact sup) gives a bound at most
    # a factor 1 − 10⁻⁶ larger (log₁₀ shift ≤ 4.4e-7), never smaller
    default = float(sd_bound(PancakeFamily("0.1").correlation_profile(10 ** 4, dps=15), sp.Rational(1, 10 ** 4)).log10)
    assert 0 <= default - sd[10 ** 4] <= 5e-7
    assert sd[16] < 0                                           # trivial at n = 16: inside the grey band
    for ax in sq_fig.axes:
        _labelled(ax)
        assert ax.get_xscale() == "log"
        assert ax.yaxis.get_major_formatter()(20, 0) == "$10^{20}$"   # log₁₀ values shown as powers of ten
        assert ax.get_ylim()[0] < 0 < ax.get_ylim()[1]


def test_lzz_bound_matches_the_engine_at_small_n():
    fam = PancakeFamily("0.1")
    for n in (16, 256):
        ours, default = lzz_bound("0.1", n), sd_bound(fam.correlation_profile(n, dps=15), sp.Rational(1, n))
        assert ours.model == "SQ (STAT)" and ours.status.name == "CERTIFIED"
        assert 0 <= float(default.log10) - float(ours.log10) <= 5e-7


@pytest.mark.slow
def test_sq_bounds_beyond_the_float_range():
    fig = figure("sq-bounds", ns=(10 ** 3,), ggjkk_ks=(2,), dkkz_ks=(6,), vw_ks=(3,), zonal_ks=(8,),
                 lzz_ns=(10 ** 7,))
    [sd] = _lines(fig.axes[3], "Q3 SD bound").values()
    assert sd[10 ** 7] > 308                                       # 10^332: no float holds it; its log is drawn
    assert sd[10 ** 7] == float(lzz_bound("0.1", 10 ** 7).log10)


def test_gd_decay_exact_curves():
    fig = figure("gd-decay", t_max=100, experiment=False, experiment_steps=(1, 10, 100))
    [ax] = fig.axes
    _labelled(ax)
    assert ax.get_xscale() == ax.get_yscale() == "log"
    curves = {lbl.split(":")[0]: pts for lbl, pts in _lines(ax, "$\\ell=").items()}
    mu2 = {1: sp.Rational(1, 36), 2: sp.Rational(1, 256), 4: sp.Rational(1, 9216)}   # SPEC W2, η′ = 16
    for ell, m2 in mu2.items():
        pts = curves[f"$\\ell={ell}$"]
        for t, y in pts.items():
            assert y == pytest.approx(float(abs(1 - 16 * m2) ** t), rel=1e-14)
        assert min(pts.values()) >= Y_FLOOR / 10
    flat = curves["$\\ell=3$"]
    assert set(flat.values()) == {1.0} and max(flat) == 100         # W3: μ_3 = 0, never learned
    assert any("never learned" in x.get_label() for x in ax.get_lines())
    assert "1/M = 16" in ax.get_title()


def test_gd_decay_experiment_is_the_seeded_run():
    kw = dict(m=40, samples=400, seeds=(0, 1), experiment_steps=(1, 10, 100))
    fig = figure("gd-decay", t_max=100, degrees=(2, 3), **kw)
    [ax] = fig.axes
    res = run_experiment(n=3, m=40, samples=400, coefficients={2: 1.0, 3: 1.0}, eta_prime=16.0, steps=(1, 10, 100),
                         seeds=(0, 1))
    bars = [c for c in ax.containers]
    assert len(bars) == 2
    for ell, bar in zip((2, 3), bars):
        xs, ys = bar.lines[0].get_data()
        rows = [r for r in res["rows"] if r["degree"] == ell]
        assert list(xs) == [1, 10, 100] and list(ys) == [r["measured"] for r in rows]   # same seeds, same numbers
        assert bar.lines[0].get_markerfacecolor() == "white"                           # evidence: hollow
    assert [r["measured"] for r in res["rows"] if r["degree"] == 3] == [1.0, 1.0, 1.0]
    assert any("evidence" in x.get_label() for x in ax.get_lines())


def test_clwe_chi_values():
    fig = figure("clwe-chi", gammas=(1, 5), ns=(16,), dps=15)
    left, right = fig.axes
    for ax in (left, right):
        _labelled(ax)
    assert left.get_xscale() == left.get_yscale() == "log"
    g1 = _lines(left, "$\\gamma=1$")["$\\gamma=1$ (certified, 15 digits)"]
    assert abs(g1[0.1] - 1.22e-3) <= 0.005e-3                       # SPEC C4 test vector
    g5 = _lines(left, "$\\gamma=5$")["$\\gamma=5$ (certified, 15 digits)"]
    assert g5[1.0] == pytest.approx(6.071067811865475244, rel=1e-14)   # SPEC C3: χ(1) = χ²
    assert all(y > 0 for y in g1.values()) and 0.0 not in g1          # χ(0) = 0 is not drawn
    assert any(x.get_label() == "_C4 regime boundary, gamma=1" and x.get_xdata()[0] == pytest.approx(1 / (2 * math.pi))
               for x in left.get_lines())
    diamond = [x for x in right.get_lines() if "SD's" in x.get_label()][0]
    # the theta closed form is independent; it computes χ + 1 − 1, so ask for enough absolute digits
    theta = pair_correlation(sp.Rational(1, 2), "0.1", 8, dps=110, form="theta")
    assert theta.rel_accuracy_digits() >= 15
    assert diamond.get_xdata()[0] == 0.5
    assert diamond.get_ydata()[0] == pytest.approx(math.log10(float(theta)), rel=1e-12)      # ≈ −87


@given(st.integers(10, 10 ** 5))
def test_step_grid(t_max):
    g = step_grid(t_max)
    assert g[0] == 1 and g[-1] == t_max and g == sorted(set(g))


def test_rho_grid():
    g = rho_grid()
    assert g[0] == sp.Rational(1, 1000) and g[-1] == 1 and g == sorted(set(g)) and len(g) == 25


def test_files_written(tmp_path):
    fig = figure("clwe-chi", gammas=(2,), ns=(16,), dps=10)
    paths = write_figure(fig, tmp_path, "clwe-chi")
    assert [p.name for p in paths] == ["clwe-chi.png", "clwe-chi.pdf"]
    assert paths[0].read_bytes()[:4] == b"\x89PNG" and paths[1].read_bytes()[:5] == b"%PDF-"


def test_plot_command_writes_the_new_figure(tmp_path, capsys):
    assert main(["plot", "clwe-chi", "--out", str(tmp_path), "--format", "png", "--json"]) == 0
    import json
    assert json.loads(capsys.readouterr().out)["files"] == [str(tmp_path / "clwe-chi.png")]


@pytest.mark.parametrize("name,options,message", [
    ("sq-bounds", {"ns": (1,)}, r"ns must be an integer in \[2, "),
    ("sq-bounds", {"lzz_ns": (3,)}, r"lzz_ns must be an integer in \[4, "),
    ("sq-bounds", {"ggjkk_ks": ()}, "ggjkk_ks: give 1 to 16 values"),
    ("sq-bounds", {"ggjkk_tau": "2"}, "tau"),
    ("gd-decay", {"activation": "sigmoid"}, "needs exact Funk–Hecke eigenvalues"),
    ("gd-decay", {"degrees": ()}, "1 to 7 degrees"),
    ("gd-decay", {"t_max": 5}, r"t_max must be an integer in \[10, 100000\]"),
    ("gd-decay", {"n": 2}, r"n must be an integer in \[3, "),
    ("clwe-chi", {"beta": 0}, "beta must be > 0"),
    ("clwe-chi", {"beta": "x"}, "beta must be a positive number"),
    ("clwe-chi", {"ns": (3,)}, "n must be an integer >= 4"),
    ("clwe-chi", {"gammas": ()}, "1 to 6 values"),
])
def test_bad_requests(name, options, message):
    with pytest.raises(DomainError, match=message):
        figure(name, **options)
