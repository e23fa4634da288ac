"""The ``sq-bounds`` figure: query lower bounds against n from the SQ engine (SPEC §7, G7, Q2, Q3, Q5, W4).

Every number drawn is an :class:`~hardverify.sq.bounds.SQBound` returned by the engine
(:func:`hardverify.sq.sq_bound`, :func:`hardverify.sq.sd_bound`) — this module computes no bound.  The y
axis is the engine's certified log₁₀ of the bound (``SQBound.log10``), so bounds far beyond the float
range (10⁷⁰ for DKKZ at n = 10⁶) are drawn without overflow; a bound whose hypothesis fails is never a
number (the engine raises HypothesisFailed) and is marked ✕ at the bottom of its panel.

>>> fig = sq_bounds(ns=(10 ** 6,), ggjkk_ks=(2,), dkkz_ks=(4,), vw_ks=(5,), zonal_ks=(8,), lzz_ns=(16,))
>>> g7 = [l for l in fig.axes[0].get_lines() if l.get_label() == "k = 2: G7 Bessel (certified)"][0]
>>> round(float(10 ** g7.get_ydata()[0]), 1)       # (C(10⁶, 2) - 1)·10⁻⁶/(2 - 4/π); docs/sq.md: ⌈·⌉ = 687984
687983.9
"""

from __future__ import annotations

import sympy as sp
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MultipleLocator

from ..constructions.li_zadik_zampetakis2024 import PancakeFamily
from ..constructions.vempala_wilmes2019.family import MonomialFamily, ZonalFamily, information_table
from ..errors import DomainError, HardverifyError, HypothesisFailed
from ..sq import sd_bound, sq_bound
from ..sq.bounds import as_tolerance
from ..sq.numbers import log_enclosure
from ..verdict import Status
from .figures import _COLORS, _int_at_least, _note

__all__ = ["sq_bounds", "lzz_bound", "collect"]

_KIND = ("filled markers: PROVED (exact value, every hypothesis exact); open markers: CERTIFIED (a hypothesis or "
         "the value decided by a python-flint ball); y = the engine's certified log₁₀ of the bound (no float "
         "overflow); ✕ at the bottom: the theorem's hypothesis fails there, so the engine returns no number; "
         "grey band: q < 1, a trivial bound; a bound equal to 0 (Thm B.1's s/2 at small n) has no logarithm and "
         "is not drawn")


def lzz_bound(beta, n: int):
    """The engine's Q3 bound for the pancake family at dimension n, τ = 1/n (see the note in :func:`sq_bounds`).

    ``sd_bound`` is called with γ = τ²/10⁶, a short rational the engine checks to be ≥ the certified
    sup χ(ρ₀) (1.5·10^{−98 235} at n = 10⁴); the engine's default γ is that sup's exact upper end, a
    rational with ~10⁵ digits, whose arithmetic takes about a minute at n = 10⁵ and grows fast beyond.
    The two bounds differ by a factor in [1 − 10⁻⁶, 1] (SD's count is the same, and τ² − γ shrinks by at
    most τ²·10⁻⁶).  Should the engine's check fail, the default γ is used.

    >>> b = lzz_bound("1/10", 16)
    >>> b.model, b.status.name, b.queries              # trivial at n = 16: at most one query
    ('SQ (STAT)', 'CERTIFIED', 1)
    """
    prof = PancakeFamily(beta).correlation_profile(n, dps=15)
    tau = sp.Rational(1, n)
    try:
        return sd_bound(prof, tau, gamma=tau ** 2 / 10 ** 6)
    except HardverifyError:
        return sd_bound(prof, tau)


def collect(call):
    """(log₁₀ of the bound as a float or None, its Status, the SQBound or None) for one engine call.

    None for the log when the engine raises HypothesisFailed (a failed hypothesis: no number) or the
    bound is 0 (``SQBound.log10`` is None below one query).

    >>> from hardverify.sq import sq_bound
    >>> collect(lambda: sq_bound("dkkz2020", 1000, k=4, tau="1/100"))     # τ² ≤ γ: no bound
    (None, None, None)
    >>> lg, status, b = collect(lambda: sq_bound("goel2020", 10 ** 6, k=2, tau="1/1000"))
    >>> round(lg, 6), status.name, b.queries
    (5.837578, 'CERTIFIED', 687984)
    """
    try:
        b = call()
    except HypothesisFailed:
        return None, None, None
    lg = b.log10
    return (None if lg is None else float(lg)), b.status, b


def _draw(ax, xs, results, *, color, marker, ls, label, ms=5.5):
    pts = [(x, lg, st) for x, (lg, st, _) in zip(xs, results) if lg is not None]
    failed = [x for x, (lg, st, b) in zip(xs, results) if b is None]
    if pts:
        exact = all(st is Status.PROVED for _, _, st in pts)
        ax.plot([p[0] for p in pts], [p[1] for p in pts], marker=marker, ls=ls, lw=1.1, ms=ms, color=color,
                mfc=color if exact else "white", label=label + (" (proved)" if exact else " (certified)"))
    if failed:
        ax.plot(failed, [0.03] * len(failed), "x", ms=7, mew=1.6, color=color,
                transform=ax.get_xaxis_transform(), label=f"{label}: hypothesis fails, no bound")


def _decorate(ax, title, model):
    ax.set_xscale("log")
    ax.set_xlabel("dimension n (log scale)")
    ax.set_ylabel("query lower bound q (log scale; certified log₁₀)")
    ax.set_title(f"{title}  [{model}]", fontsize=9.5)
    lo, hi = ax.get_ylim()
    ax.set_ylim(min(lo, -3.5), hi)
    ax.axhspan(ax.get_ylim()[0], 0, color="#bbbbbb", alpha=0.35, lw=0, label="_trivial: q < 1")
    step = max(1, int((hi - min(lo, -3.5)) / 7 / 5 + 0.999) * 5) if hi > 20 else (2 if hi > 8 else 1)
    ax.yaxis.set_major_locator(MultipleLocator(step))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _: f"$10^{{{y:g}}}$"))
    ax.grid(True, which="major", alpha=0.25)
    ax.legend(fontsize=7, loc="upper left")


def _ints(values, lo, what):
    out = [_int_at_least(v, lo, 10 ** 9, what) for v in values]
    if not 1 <= len(out) <= 16:
        raise DomainError(f"{what}: give 1 to 16 values, got {len(out)}")
    return out


def sq_bounds(*, ns=(10 ** 2, 10 ** 3, 10 ** 4, 10 ** 5, 10 ** 6), ggjkk_ks=(2, 4, 8), ggjkk_tau="1/1000",
              dkkz_ks=(4, 6), dkkz_tau="1/100", vw_ks=(3, 5, 10), zonal_ks=(8, 12), zonal_tau="1/8",
              lzz_ns=(16, 64, 256, 1024, 4096, 10 ** 4, 3 * 10 ** 4, 10 ** 5, 3 * 10 ** 5, 10 ** 6),
              lzz_beta="1/10") -> Figure:
    """SQ/CSQ query lower bounds q against n, one panel per construction, all from the SQ engine.

    * GGJKK (CSQ): G7 (Bessel, the adversary that answers 0) and GGJKK Thm B.1 (Q5: s/2 queries or
      tolerance √γ) for the family f_S, |S| = k, ReLU, at a fixed tolerance;
    * DKKZ (CSQ): the Szörényi bound Q2 on the explicit planes family at a fixed tolerance;
    * Vempala–Wilmes W4 (CSQ): the normalised monomials x_S/‖x_S‖ (G7) at τ = 1/n and the zonal family
      √N P_k(⟨u_S, ·⟩), |S| = 2 (Q2, at a fixed τ: at τ = 1/n its overlapping pairs correlate above τ²
      and the engine refuses), with the information-theoretic log₂|family| = log₂ C(n, k) beside them;
    * homogeneous CLWE (SQ on a STAT oracle): the statistical-dimension bound Q3 of the pancake family at
      τ = 1/n, γ = 2√n, ρ₀ = 1/⌊n^{1/4}⌋ (see :func:`lzz_bound` for the γ handed to the engine).

    Parameters
    ----------
    ns : ints ≥ 2
        Dimensions of the GGJKK, DKKZ and VW panels.
    ggjkk_ks, dkkz_ks, vw_ks, zonal_ks : ints
        The k (subset size or degree) of each curve.
    ggjkk_tau, dkkz_tau, zonal_tau : rationals in (0, 1)
        The fixed tolerances (the VW monomials and CLWE use τ = 1/n).
    lzz_ns : ints ≥ 4
        Dimensions of the CLWE panel.
    lzz_beta : positive number
        β of the pancakes (BRST units).

    Returns
    -------
    matplotlib.figure.Figure
        Four panels; each y value is ``float(SQBound.log10)``, the certified log₁₀ of the engine's bound.

    Raises
    ------
    DomainError
        A bad n, k or tolerance (the engine's own messages), or more than 16 values in a list.
    """
    ns, lzz_ns = _ints(ns, 2, "ns"), _ints(lzz_ns, 4, "lzz_ns")
    ggjkk_ks, dkkz_ks = _ints(ggjkk_ks, 1, "ggjkk_ks"), _ints(dkkz_ks, 1, "dkkz_ks")
    vw_ks, zonal_ks = _ints(vw_ks, 1, "vw_ks"), _ints(zonal_ks, 1, "zonal_ks")
    g_tau, d_tau, z_tau = as_tolerance(ggjkk_tau), as_tolerance(dkkz_tau), as_tolerance(zonal_tau)
    fig = Figure(figsize=(12.5, 9.6), layout="constrained")
    fig.get_layout_engine().set(rect=(0, 0.05, 1, 0.95))
    (a, b), (c, d) = fig.subplots(2, 2)

    for i, k in enumerate(ggjkk_ks):
        xs = [n for n in ns if n >= k]
        _draw(a, xs, [collect(lambda n=n, k=k: sq_bound("goel2020", n, k=k, tau=g_tau, theorem="G7")) for n in xs],
              color=_COLORS[i % 7], marker="o", ls="-", label=f"k = {k}: G7 Bessel")
        _draw(a, xs, [collect(lambda n=n, k=k: sq_bound("goel2020", n, k=k, tau=g_tau, theorem="B1")) for n in xs],
              color=_COLORS[i % 7], marker="^", ls="--", label=f"k = {k}: Thm B.1, s/2")
    _decorate(a, f"GGJKK: f_S, |S| = k, ReLU, width 2^k; τ = {g_tau}", "CSQ")

    for i, k in enumerate(dkkz_ks):
        _draw(b, ns, [collect(lambda n=n, k=k: sq_bound("dkkz2020", n, k=k, tau=d_tau)) for n in ns],
              color=_COLORS[(i + 3) % 7], marker="s", ls="-", ms=8.5 - 3.5 * min(i, 1),
              label=f"k = {k}: Q2 Szörényi")
    _decorate(b, f"DKKZ planes; τ = {d_tau} (k = 4, 6 nearly coincide: N = p^r for both)", "CSQ")

    for i, k in enumerate(vw_ks):
        xs = [n for n in ns if n >= k]
        color = _COLORS[i % 7]
        mono = MonomialFamily(k, normalized=True)
        _draw(c, xs, [collect(lambda n=n, f=mono: sq_bound(f, n, tau=sp.Rational(1, n))) for n in xs],
              color=color, marker="o", ls="-", label=f"monomials k = {k}: G7, τ = 1/n")
        info = information_table(xs, [k])
        c.plot([r["n"] for r in info], [float(log_enclosure(r["log2_size"], 10, 15)) for r in info], ls=":",
               lw=1.4, color=color, marker="o", ms=3, mfc="white",
               label=f"  log₂ C(n, {k}): information-theoretic (certified)")
    for i, k in enumerate(zonal_ks):
        xs = [n for n in ns if n >= 2]
        _draw(c, xs, [collect(lambda n=n, k=k: sq_bound(ZonalFamily(k, support=2), n, tau=z_tau)) for n in xs],
              color=_COLORS[(i + 4) % 7], marker="D", ls="-.", ms=8 - 3 * min(i, 1),
              label=f"zonal k = {k}, |S| = 2: Q2, τ = {z_tau}")
    _decorate(c, "Vempala–Wilmes W4 on the uniform sphere (the zonal curves coincide: C(n, 2) members)", "CSQ")

    beta = sp.Rational(str(lzz_beta)) if not isinstance(lzz_beta, sp.Basic) else lzz_beta
    _draw(d, lzz_ns, [collect(lambda n=n: lzz_bound(beta, n)) for n in lzz_ns], color=_COLORS[2], marker="o",
          ls="-", label=f"Q3 SD bound, β = {beta}, γ = 2√n, τ = 1/n")
    _decorate(d, "Homogeneous CLWE (LZZ via BRST): Gaussian pancakes", "SQ (STAT)")

    fig.suptitle("Statistical-query lower bounds against n, from the SQ engine (hardverify.sq)", fontsize=12)
    _note(fig, _KIND + ". Each panel names the query model its bounds hold for; the real-valued bounds are CSQ "
          "only (SPEC §11).")
    return fig
