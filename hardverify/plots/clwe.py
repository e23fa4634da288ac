"""The ``clwe-chi`` figure: the pairwise χ-correlation χ(ρ) of two Gaussian-pancake laws (SPEC C3, C4, Q3).

χ(ρ) = χ_{D_1}(H_w, H_{w′}) for unit secrets with ⟨w, w′⟩ = ρ (BRST convention, SPEC §0.3), computed by
:func:`hardverify.constructions.li_zadik_zampetakis2024.pair_correlation` (certified python-flint balls, the
truncated double sum with its tail bound).  Values far below the float range are drawn by their certified
log₁₀ (a python-flint ball), never by a float that underflowed to 0.

>>> fig = clwe_chi(gammas=(1,), ns=(16,), dps=15)
>>> left, right = fig.axes
>>> chi = dict(zip(*left.get_lines()[0].get_data()))
>>> bool(abs(chi[0.1] - 1.22e-3) < 5e-6)                  # SPEC C4: χ(0.1) = 1.22e-3 at β = 0.1, γ = 1
True
"""

from __future__ import annotations

import math
from fractions import Fraction

import sympy as sp
from flint import arb, ctx
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ..constructions.li_zadik_zampetakis2024 import (
    PancakeFamily,
    chi_square,
    pair_correlation,
    pair_correlation_approximations,
)
from ..errors import DomainError
from .figures import _COLORS, _note

__all__ = ["clwe_chi", "rho_grid"]

_KIND = ("open markers: certified (python-flint ball; the radii are far below plotting resolution); dashed and "
         "dotted: SPEC C4's two asymptotic forms, each drawn on its own side of 2πγ²ρ = 1 (approximations, not "
         "bounds); χ(0) = 0 exactly (not drawn on a log axis)")


def rho_grid(lo_exp: int = -3, points_per_decade: int = 8) -> list[Fraction]:
    """Exact rationals ρ = 10^{j/points_per_decade} (rounded to 4 decimals) from 10^{lo_exp} to 1 (included).

    >>> [str(r) for r in rho_grid(-1, 2)]
    ['1/10', '1581/5000', '1']
    """
    out = []
    for j in range(lo_exp * points_per_decade, 1):
        r = Fraction(round(10 ** (j / points_per_decade) * 10 ** 4), 10 ** 4)
        if r > 0 and (not out or r > out[-1]):
            out.append(min(r, Fraction(1)))
    return out


def _log10(e) -> float:
    """log₁₀ of a positive Enclosure: the midpoint of the certified ball log(e)/log(10) (python-flint), as a float.

    The ball's radius (about 10^{-dps} in absolute terms) is far below plotting resolution; a relative-digits
    label is not asked for, since log₁₀ χ can be near 0.
    """
    if not e.is_positive():
        raise DomainError(f"χ must be certified positive to take its logarithm, got {e}")
    with ctx.workprec(e.ball.rel_accuracy_bits() + 64 if e.ball.rel_accuracy_bits() > 0 else 128):
        return float((e.ball.log() / arb(10).log()).mid())


def _positive_number(x, what):
    try:
        q = Fraction(str(x)) if not isinstance(x, Fraction) else x
    except (ValueError, TypeError):
        raise DomainError(f"{what} must be a positive number, got {x!r}") from None
    if q <= 0:
        raise DomainError(f"{what} must be > 0, got {x!r}")
    return q


def clwe_chi(*, beta="0.1", gammas=(1, 2, 3), ns=(16, 64, 256), dps: int = 15) -> Figure:
    """χ(ρ) against ρ for homogeneous CLWE (SPEC C4), with C4's two regimes and the SQ family's ρ₀ (Q3).

    Left (log–log): χ(ρ) for ρ ∈ [10⁻³, 1] at the small γ of SPEC's C4 test vectors, with the asymptotic
    forms χ ≈ 8π²γ⁴ρ²a₁²e^{−2πγ²}/Z² (2πγ²ρ ≪ 1) and χ ≈ 2a₁²e^{−2πγ²(1−ρ)}/Z² (2πγ²ρ ≫ 1) and the
    regime boundary ρ = 1/(2πγ²) marked; at ρ = 1 the curve ends at χ² of C3.  Right: log₁₀ χ(ρ) at
    BRST's threshold γ = 2√n (the hard regime), with ρ₀(n) of :class:`PancakeFamily` — the pairs of the SQ
    family all have |ρ| ≤ ρ₀, so χ(ρ₀) is the γ of SD(B, γ, β) (Q3), and χ(1) = χ² is its β.

    Parameters
    ----------
    beta : positive number
        The noise width β (BRST units).
    gammas : positive numbers
        γ for the left panel (SPEC C4 uses 1, 2, 3 at β = 0.1).
    ns : ints ≥ 4
        Dimensions for the right panel (γ = 2√n, ρ₀ = 1/⌊n^{1/4}⌋).
    dps : int
        Digits of the certified values.

    Returns
    -------
    matplotlib.figure.Figure
        Every plotted χ is a certified enclosure's midpoint (left) or certified log₁₀ (right).

    Raises
    ------
    DomainError
        β or a γ not positive, n < 4 or not an int, more than 6 curves per panel.
    """
    b = _positive_number(beta, "beta")
    gs = [_positive_number(g, "gamma") for g in gammas]
    if not 1 <= len(gs) <= 6 or not 1 <= len(ns) <= 6:
        raise DomainError("clwe_chi draws 1 to 6 values of gamma and of n")
    for n in ns:
        if isinstance(n, bool) or not isinstance(n, int) or n < 4:
            raise DomainError(f"n must be an integer >= 4 (the packing lemma of PancakeFamily), got {n!r}")
    fig = Figure(figsize=(11.5, 4.9), layout="constrained")
    fig.get_layout_engine().set(rect=(0, 0.06, 1, 0.94))
    left, right = fig.subplots(1, 2)
    rhos = rho_grid()
    xs = [float(r) for r in rhos]
    for i, g in enumerate(gs):
        color = _COLORS[i % 7]
        vals = [pair_correlation(r, b, g, dps=dps) for r in rhos]
        left.loglog(xs, [float(v) for v in vals], "o-", mfc="none", ms=3.5, lw=0.8, color=color,
                    label=rf"$\gamma={g}$ (certified, {dps} digits)")
        boundary = 1 / (2 * math.pi * float(g) ** 2)
        approx = [pair_correlation_approximations(r, b, g, dps=dps) for r in rhos]
        small = [(x, float(a[0])) for x, a in zip(xs, approx) if x <= 3 * boundary]      # each form on its side
        large = [(x, float(a[1])) for x, a in zip(xs, approx) if x >= boundary / 3]
        if small:
            left.loglog(*zip(*small), "--", lw=1.1, color=color, label=f"_C4 small-rho form, gamma={g}")
        if large:
            left.loglog(*zip(*large), ":", lw=1.4, color=color, label=f"_C4 large-rho form, gamma={g}")
        if boundary < 1:
            left.axvline(boundary, color=color, lw=0.8, alpha=0.45, label=f"_C4 regime boundary, gamma={g}")
    left.set_xlabel(r"correlation of the secrets $\rho = \langle w, w'\rangle$ (log scale)")
    left.set_ylabel(r"$\chi(\rho) = E_{D_1}[(H_w/D_1 - 1)(H_{w'}/D_1 - 1)]$ (log scale)")
    left.set_title(rf"Pairwise $\chi$-correlation, $\beta = {b}$ (SPEC C4; at $\rho = 1$ it is $\chi^2$, C3)",
                   fontsize=10)
    colours = left.legend(fontsize=7, loc="upper left", title="certified χ(ρ)", title_fontsize=7)
    left.add_artist(colours)
    styles = [Line2D([], [], ls="--", lw=1.1, color="#555555",
                     label=r"$8\pi^2\gamma^4\rho^2a_1^2e^{-2\pi\gamma^2}/Z^2$ ($2\pi\gamma^2\rho\ll1$)"),
              Line2D([], [], ls=":", lw=1.4, color="#555555",
                     label=r"$2a_1^2e^{-2\pi\gamma^2(1-\rho)}/Z^2$ ($2\pi\gamma^2\rho\gg1$)"),
              Line2D([], [], lw=0.8, alpha=0.45, color="#555555", label=r"regime boundary $\rho = 1/(2\pi\gamma^2)$")]
    left.legend(handles=styles, fontsize=7, loc="lower left", bbox_to_anchor=(0.0, 0.2),
                title="SPEC C4 asymptotic forms",
                title_fontsize=7)
    left.grid(True, which="major", alpha=0.25)

    lin = [Fraction(j, 40) for j in range(1, 41)]
    for i, n in enumerate(ns):
        color = _COLORS[(i + 3) % 7]
        fam = PancakeFamily(b)
        g, r0 = fam.gamma(n), fam.rho0(n)
        ys = [_log10(pair_correlation(r, b, g, dps=dps)) for r in lin]
        right.plot([float(r) for r in lin], ys, "o-", mfc="none", ms=3, lw=0.8, color=color,
                   label=rf"$n={n}$, $\gamma=2\sqrt{{n}}={sp.latex(g)}$ (certified)")
        y0 = _log10(pair_correlation(r0, b, g, dps=dps))
        right.plot([float(r0)], [y0], "D", ms=6, color=color, mfc="none", mew=1.5,
                   label=rf"  $\rho_0={r0}$: $\log_{{10}}\chi(\rho_0)={y0:.0f}$ (SD's $\gamma$)")
    beta_sd = _log10(chi_square(b, 2 * sp.sqrt(ns[-1]), dps=dps))
    right.set_xlabel(r"$\rho = \langle w, w'\rangle$")
    right.set_ylabel(r"$\log_{10}\chi(\rho)$ (certified; below $-308$ a float64 underflows)")
    right.set_title(rf"Hard regime $\gamma = 2\sqrt{{n}}$: SD's $\gamma = \chi(\rho_0)$, "
                    rf"$\beta = \chi(1) = \chi^2 \approx 10^{{{beta_sd:.2f}}}$ (Q3)", fontsize=10)
    right.legend(fontsize=7, loc="lower right")
    right.grid(True, alpha=0.25)
    fig.suptitle(r"Homogeneous CLWE: how correlated two Gaussian-pancake laws are (BRST units, "
                 r"$D_1 = N(0, I/(2\pi))$)", fontsize=12)
    _note(fig, _KIND + "; diamonds: the packing radius ρ₀ = 1/⌊n^(1/4)⌋ of the SQ family (every pair has |ρ| ≤ ρ₀)")
    return fig
