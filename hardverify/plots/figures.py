"""The figure functions behind :data:`hardverify.plots.FIGURES` (each returns a matplotlib Figure).

Values are computed by hardverify's public API and converted to floats only for drawing: exact
values from their sympy closed form, certified ones from the midpoint of their ball.
"""

from __future__ import annotations

import math
import textwrap

import sympy as sp
from matplotlib.figure import Figure

import hardverify as hv

from ..errors import DomainError, NoClosedForm

__all__ = ["hermite_decay", "funk_hecke_spectra", "norms"]

_COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
_KIND_NOTE = ("filled markers: exact (sympy closed form); open markers: certified (python-flint ball, radius far "
              "below plotting resolution); dashed: SPEC rate or bound")


def _float(v) -> float:
    if isinstance(v, hv.Enclosure):
        return float(v.mid)
    return float(sp.N(v, 20))


def _int_at_least(x, lo, hi, what):
    if not isinstance(x, int) or isinstance(x, bool) or not lo <= x <= hi:
        raise DomainError(f"{what} must be an integer in [{lo}, {hi}], got {x!r}")
    return x


def _coefficients(act: str, m_max: int, dps: int):
    try:
        return hv.hermite_coefficients(act, m_max), "exact"
    except NoClosedForm:
        return hv.hermite_coefficients(act, m_max, dps=dps), f"certified, {dps} digits"


def _note(fig, text=_KIND_NOTE):
    width = int(fig.get_figwidth() * 17)          # characters of 7-point text per line
    fig.text(0.01, 0.01, textwrap.fill(text, width), fontsize=7, color="#444444", ha="left", va="bottom")


def _is_zero(v) -> bool:
    """An exact 0, or an enclosure that contains 0 (nothing to draw on a log axis)."""
    return v.contains_zero() if isinstance(v, hv.Enclosure) else sp.sympify(v) == 0


def hermite_decay(*, m_max: int = 121, dps: int = 30) -> Figure:
    """|c_m(σ)| against m (SPEC H1, H2, H5): power laws for ReLU and sign, e^{-τ√m} for sigmoid and tanh.

    Left: ReLU (even m) and sign (odd m) on log–log axes with the H5 power laws.  Right: sigmoid
    and tanh (odd m) against √m on a log axis, where exp(−τ√m) is a straight line (its offset, a
    [MEM] prefactor, is fitted).  Coefficients are exact where a closed form exists, else certified.

    Parameters
    ----------
    m_max : int
        The largest degree, in [9, 400] (default 121).
    dps : int
        Digits of certified coefficients.

    Returns
    -------
    matplotlib.figure.Figure
        Two panels.

    Raises
    ------
    DomainError
        If ``m_max`` is out of range.
    """
    m_max = _int_at_least(m_max, 9, 400, "m_max")
    fig = Figure(figsize=(11, 4.6), layout="constrained")
    fig.get_layout_engine().set(rect=(0, 0.05, 1, 0.95))
    left, right = fig.subplots(1, 2)
    rates = {
        "relu": (lambda m: (2 * math.pi) ** -0.5 * (2 / math.pi) ** 0.25 * m ** -1.25, "even",
                 r"$(2\pi)^{-1/2}(2/\pi)^{1/4}m^{-5/4}$"),
        "sign": (lambda m: math.sqrt(2 / math.pi) * (2 / (math.pi * m)) ** 0.25 * m ** -0.5, "odd",
                 r"$\sqrt{2/\pi}\,(2/(\pi m))^{1/4} m^{-1/2}$"),
    }
    for i, (act, (rate, parity, formula)) in enumerate(rates.items()):
        cs, kind = _coefficients(act, m_max, dps)
        ms = [m for m in range(2, m_max + 1) if (m % 2 == 0) == (parity == "even")]
        ys = [abs(_float(cs[m])) for m in ms]
        left.loglog(ms, ys, "o", ms=3.5, color=_COLORS[i], label=f"{act}: |c_m|, {parity} m ({kind})")
        left.loglog(ms, [rate(m) for m in ms], "--", lw=1, color=_COLORS[i], label=f"H5 rate {formula}")
    left.set_xlabel("degree m (log scale)")
    left.set_ylabel(r"$|c_m(\sigma)|$, $c_m = E[\sigma(g)\,h_m(g)]$ (log scale)")
    left.set_title("Power-law decay: ReLU and sign (odd/even zeros omitted)", fontsize=10)
    left.legend(fontsize=7.5)
    left.grid(True, which="both", alpha=0.25)
    taus = {"sigmoid": (math.pi, r"\pi"), "tanh": (math.pi / 2, r"\pi/2")}
    for i, (act, (tau, tex)) in enumerate(taus.items()):
        cs, kind = _coefficients(act, m_max, dps)
        ms = [m for m in range(1, m_max + 1, 2)]
        ys = [abs(_float(cs[m])) for m in ms]
        offsets = sorted(math.log(y) + tau * math.sqrt(m) for m, y in zip(ms, ys) if m >= 11)
        c = offsets[len(offsets) // 2]                     # the O(log m) prefactor is [MEM]: fitted offset
        xs = [math.sqrt(m) for m in ms]
        right.semilogy(xs, ys, "o", mfc="none", ms=4, color=_COLORS[2 + i], label=f"{act}: |c_m|, odd m ({kind})")
        right.semilogy(xs, [math.exp(c - tau * x) for x in xs], "--", lw=1, color=_COLORS[2 + i],
                       label=rf"H5 rate $e^{{-{tex}\sqrt{{m}}}}$ (offset {c:.2f} fitted)")
    right.set_xlabel(r"$\sqrt{m}$")
    right.set_ylabel(r"$|c_m(\sigma)|$ (log scale)")
    right.set_title(r"Stretched-exponential decay $e^{-\tau\sqrt{m}}$: sigmoid ($\tau=\pi$), tanh ($\tau=\pi/2$)",
                    fontsize=10)
    right.legend(fontsize=7.5)
    right.grid(True, which="both", alpha=0.25)
    fig.suptitle(f"Hermite coefficients of activations, m ≤ {m_max} (SPEC H1, H2, H5)", fontsize=12)
    _note(fig)
    return fig


def funk_hecke_spectra(*, activation: str = "relu", ns=(3, 10, 100, 1000, 10 ** 4), l_max: int = 30,
                       dps: int = 30) -> Figure:
    """|μ_ℓ(σ; n)| against ℓ for several n (SPEC F4); for ReLU also √(n N(n,ℓ)) μ_ℓ against n → c_ℓ (H6).

    μ_ℓ = E_{t~ν_n}[σ(t) P_ℓ^{(n)}(t)] on the normalised sphere (P_ℓ^{(n)}(1) = 1); exact values
    where a closed form exists, else certified; exact zeros are not drawn on the log axis.

    Parameters
    ----------
    activation : str
        A registry name (``hv.ACTIVATIONS``); the H6 panel is drawn for ``"relu"`` only.
    ns : sequence of int
        Dimensions, each in [2, 10⁹].
    l_max : int
        The largest degree, in [2, 200].
    dps : int
        Digits of certified eigenvalues.

    Returns
    -------
    matplotlib.figure.Figure
        One panel, or two for ReLU.

    Raises
    ------
    DomainError
        If an argument is out of range or the activation is unknown.
    """
    l_max = _int_at_least(l_max, 2, 200, "l_max")
    ns = [_int_at_least(n, 2, 10 ** 9, "n") for n in ns]
    act = hv.activation(activation)
    homogeneous = activation == "relu"
    fig = Figure(figsize=(11 if homogeneous else 6.5, 4.6), layout="constrained")
    fig.get_layout_engine().set(rect=(0, 0.05, 1, 0.95))
    axes = fig.subplots(1, 2 if homogeneous else 1)
    ax = axes[0] if homogeneous else axes
    dropped = False
    for i, n in enumerate(ns):
        try:
            mus, kind = [hv.funk_hecke(act, n, ell) for ell in range(l_max + 1)], "exact"
        except NoClosedForm:
            mus, kind = hv.funk_hecke_eigenvalues(act, n, l_max, dps=dps), f"certified, {dps} digits"
        pts = [(ell, abs(_float(mu))) for ell, mu in enumerate(mus)]
        keep = [(ell, y) for ell, y in pts if y > 0]
        dropped |= len(keep) < len(pts)
        ax.semilogy(*zip(*keep), "o-" if kind == "exact" else "s-", ms=3.5, lw=0.8, color=_COLORS[i % 7],
                    mfc=None if kind == "exact" else "none", label=f"n = {n:,} ({kind})".replace(",", " "))
    ax.set_xlabel(r"degree $\ell$")
    ax.set_ylabel(r"$|\mu_\ell(\sigma; n)|$, $\mu_\ell = E_{t\sim\nu_n}[\sigma(t) P_\ell^{(n)}(t)]$ (log scale)")
    ax.set_title(f"Funk–Hecke eigenvalues of {activation}" + (" (exact zeros not drawn)" if dropped else ""),
                 fontsize=10)
    ax.legend(fontsize=7.5)
    ax.grid(True, which="both", alpha=0.25)
    if homogeneous:
        h6 = axes[1]
        grid = [3, 10, 30, 100, 300, 1000, 3000, 10 ** 4, 10 ** 5, 10 ** 6]
        for i, ell in enumerate((2, 4, 6)):
            c = _float(hv.hermite_coefficient("relu", ell))
            # certified values: converting the exact Gamma-ratio closed forms at n = 10⁶ to floats is slow
            ys = [math.sqrt(n * hv.harmonic_dimension(n, ell)) * _float(hv.funk_hecke(act, n, ell, dps=dps))
                  for n in grid]
            h6.semilogx(grid, ys, "s-", mfc="none", ms=3.5, lw=0.8, color=_COLORS[i],
                        label=rf"$\ell={ell}$ (certified, {dps} digits)")
            h6.axhline(c, ls="--", lw=1, color=_COLORS[i], label=rf"limit $c_{ell}$(ReLU) = {c:.5f}")
        h6.set_xlabel("dimension n (log scale)")
        h6.set_ylabel(r"$\sqrt{n\,N(n,\ell)}\;\mu_\ell(\mathrm{ReLU}; n)$")
        h6.set_title("Sphere → Gaussian limit (SPEC H6)", fontsize=10)
        h6.legend(fontsize=7.5, ncol=2)
        h6.grid(True, which="both", alpha=0.25)
    fig.suptitle(r"Funk–Hecke spectra on $S^{n-1}$ (normalized measure, $P_\ell^{(n)}(1)=1$; SPEC F4, H6)",
                 fontsize=12)
    _note(fig)
    return fig


def norms(*, activations=("relu", "sign", "erf", "sigmoid"), k_max: int = 12, dps: int = 20) -> Figure:
    """E[f_S²] of the GGJKK family under N(0, I) against k (log y), with the G4 bound 4^k c_k² k!/k^k.

    Norms are exact where a closed form exists, else certified; k where f_S ≡ 0 (SPEC G2) are
    not drawn, and sigmoid stops at k = 9 (certified norms cost seconds each beyond; the figure's note
    says so only when that cut happens).

    Parameters
    ----------
    activations : sequence of str
        Registry names.
    k_max : int
        The largest subset size, in [2, 20].
    dps : int
        Digits of certified norms.

    Returns
    -------
    matplotlib.figure.Figure
        One panel.

    Raises
    ------
    DomainError
        If ``k_max`` is out of range or an activation is unknown.
    """
    from ..constructions.goel2020 import GGJKK
    k_max = _int_at_least(k_max, 2, 20, "k_max")
    fig = Figure(figsize=(9.5, 5), layout="constrained")
    fig.get_layout_engine().set(rect=(0, 0.07, 1, 0.93))
    ax = fig.subplots()
    zeros, cut = [], False
    for i, act in enumerate(activations):
        pts, bounds, kind = [], [], "exact"
        for k in range(1, k_max + 1):
            fam = GGJKK(k, act)
            try:
                v, b = fam.norm2(), fam.norm2_lower_bound()
            except NoClosedForm:
                if act == "sigmoid" and k > 9:            # certified norms cost seconds each beyond k = 9
                    cut = True
                    continue
                v, b, kind = fam.norm2(dps=dps), fam.norm2_lower_bound(dps=dps), f"certified, {dps} digits"
            if _is_zero(v):
                zeros.append(f"{act} k={k}")
                continue
            pts.append((k, _float(v)))
            if not _is_zero(b):
                bounds.append((k, _float(b)))
        color = _COLORS[i % 7]
        ax.semilogy(*zip(*pts), "o" if kind == "exact" else "s", ms=5, color=color,
                    mfc=None if kind == "exact" else "none", label=rf"{act}: $E[f_S^2]$ ({kind})")
        ax.semilogy(*zip(*bounds), "--", lw=1, color=color, label=f"{act}: G4 bound")
    ax.set_xlabel("subset size k (width $2^k$)")
    ax.set_ylabel(r"$E_{x\sim N(0,I)}[f_S(x)^2]$ (log scale)")
    ax.set_xticks(range(1, k_max + 1))
    title = r"GGJKK norms $E[f_S^2]$ and the G4 lower bound $4^k c_k(\sigma)^2 k!/k^k$"
    ax.set_title(title, fontsize=11)
    ax.legend(fontsize=7.5, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    ax.grid(True, which="both", alpha=0.25)
    _note(fig, _KIND_NOTE + ("; not drawn: f_S ≡ 0 for ReLU at odd k ≥ 3 and for sign, erf, sigmoid at even k "
                             "(SPEC G2)" if zeros else "")
          + ("; sigmoid only up to k = 9 (certified norms cost seconds each beyond)" if cut else ""))
    return fig
