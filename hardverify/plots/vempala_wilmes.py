r"""The ``gd-decay`` figure: Vempala–Wilmes W2/W3, per-degree residuals of output-layer gradient descent.

Exact: at infinite width T_∞ = μ_ℓ(σ; n)² on H_ℓ^n, so ‖Π_ℓ r_t‖ / ‖Π_ℓ r_0‖ = |1 − η′μ_ℓ²|^t
(:class:`~hardverify.constructions.vempala_wilmes2019.spectrum.InfiniteWidthGD`, exact sympy rationals for
piecewise-polynomial σ), with η′ = 1/M, M = sup_ℓ μ_ℓ² (:func:`~.spectrum.sup_rate`, proved over all
degrees).  Evidence: the seeded float64 experiment of
:func:`~hardverify.constructions.vempala_wilmes2019.experiment.run_experiment` (m random ReLU features,
gradient descent on an empirical loss), drawn hollow with its spread over seeds.  Degrees with μ_ℓ = 0
exactly (W3, :func:`~.caveat.vanishing_degrees`) stay at 1 for ever and are labelled so.

>>> fig = gd_decay(t_max=10, experiment=False, experiment_steps=(10,))
>>> curves = {l.get_label().split(":")[0]: dict(zip(*l.get_data())) for l in fig.axes[0].get_lines()}
>>> bool(abs(curves[r"$\ell=2$"][10] - (15 / 16) ** 10) < 1e-15)      # |1 - 16·(1/16)²|^t, SPEC W2
True
>>> {float(y) for y in curves[r"$\ell=3$"].values()}                             # μ_3 = 0: never learned (W3)
{1.0}
"""

from __future__ import annotations

import math

import sympy as sp
from matplotlib.figure import Figure

from ..constructions.vempala_wilmes2019 import HarmonicTarget
from ..constructions.vempala_wilmes2019.caveat import vanishing_degrees
from ..constructions.vempala_wilmes2019.experiment import run_experiment
from ..constructions.vempala_wilmes2019.spectrum import InfiniteWidthGD, sup_rate
from ..errors import DomainError, NoClosedForm
from .figures import _COLORS, _int_at_least, _note

__all__ = ["gd_decay", "step_grid", "Y_FLOOR"]

#: the bottom of the y axis: exact residuals below it are not drawn (they reach 0 in float64 anyway)
Y_FLOOR = 1e-4


def step_grid(t_max: int, per_decade: int = 12) -> list[int]:
    """Distinct integers t from 1 to t_max, roughly log-spaced (``per_decade`` per factor 10), t_max included.

    >>> step_grid(20, per_decade=4)
    [1, 2, 3, 6, 10, 18, 20]
    """
    out = sorted({max(1, round(10 ** (j / per_decade))) for j in range(int(math.log10(t_max) * per_decade) + 1)}
                 | {t_max})
    return [t for t in out if t <= t_max]


def _exact_ratio(gd: InfiniteWidthGD, t: int, ell: int) -> float:
    """‖Π_ℓ r_t‖/‖Π_ℓ r_0‖ = √(degree_norm2(t)/degree_norm2(0)): exact rational, converted for drawing."""
    r = gd.degree_norm2(t, ell) / gd.degree_norm2(0, ell)
    return math.sqrt(float(r))


def gd_decay(*, n: int = 3, activation: str = "relu", degrees=(1, 2, 3, 4), t_max: int = 10 ** 4,
             experiment: bool = True, m: int = 200, samples: int = 5000, seeds=(0, 1, 2),
             experiment_steps=(1, 3, 10, 30, 100, 300, 1000, 3000, 10 ** 4)) -> Figure:
    """‖Π_ℓ r_t‖/‖Π_ℓ r_0‖ against t (log–log), one curve per degree ℓ (SPEC W2), the W3 zeros flat.

    The target is f = Σ_ℓ Z_ℓ^u (zonal harmonics at u = e_n, each degree present); the residual of each
    degree is normalised by its value at t = 0 (r_0 = f), so every curve starts at 1.

    Parameters
    ----------
    n : int ≥ 3
        The sphere S^{n−1}.
    activation : str
        σ with exact Funk–Hecke eigenvalues (piecewise polynomial: relu, step, ...).
    degrees : ints ≥ 1
        The degrees of the target (at most 7 curves).
    t_max : int
        The last step drawn (10 ≤ t_max ≤ 10⁵).
    experiment : bool
        Also run the seeded float64 experiment (evidence; a few seconds at the defaults).
    m, samples, seeds, experiment_steps
        Passed to :func:`~hardverify.constructions.vempala_wilmes2019.experiment.run_experiment` (steps
        above t_max are dropped).

    Returns
    -------
    matplotlib.figure.Figure
        Exact curves (filled markers at the experiment's steps); the experiment hollow with error bars
        mean ± (max − min over seeds), which contain every seed's value.

    Raises
    ------
    DomainError
        Bad n, degrees or t_max; an activation without exact eigenvalues.
    """
    n = _int_at_least(n, 3, 10 ** 6, "n")
    t_max = _int_at_least(t_max, 10, 10 ** 5, "t_max")
    degrees = sorted({_int_at_least(d, 1, 40, "a degree") for d in degrees})
    if not 1 <= len(degrees) <= 7:
        raise DomainError(f"gd_decay draws 1 to 7 degrees, got {len(degrees)}")
    sup = sup_rate(activation, n)
    if not sup.get("exact"):
        raise DomainError(f"gd_decay needs exact Funk–Hecke eigenvalues (piecewise-polynomial σ such as relu or "
                          f"step); {activation!r} has certified ones only")
    eta_prime = 1 / sup["value"]
    u = tuple([0] * (n - 1) + [1])
    try:
        gd = InfiniteWidthGD(HarmonicTarget.zonal(n, {ell: 1 for ell in degrees}, u=u), activation,
                             eta_prime=eta_prime)
    except NoClosedForm:
        raise DomainError(f"gd_decay needs exact Funk–Hecke eigenvalues; {activation!r} has none") from None
    zeros = set(vanishing_degrees(activation, n, max(degrees))) & set(degrees)
    fig = Figure(figsize=(10.5, 6.2), layout="constrained")
    fig.get_layout_engine().set(rect=(0, 0.06, 1, 0.94))
    ax = fig.subplots()
    ts = step_grid(t_max)
    steps = tuple(t for t in experiment_steps if t <= t_max)
    res = run_experiment(n=n, m=m, samples=samples, coefficients={ell: 1.0 for ell in degrees}, act=activation,
                         eta_prime=float(eta_prime), steps=steps, seeds=tuple(seeds)) if experiment and steps \
        else None
    for i, ell in enumerate(degrees):
        color = _COLORS[i % 7]
        mu = gd.mu[ell]
        if ell in zeros:
            ax.loglog(ts, [_exact_ratio(gd, t, ell) for t in ts], "-", lw=2.2, color=color,
                      label=rf"$\ell={ell}$: $\mu_{ell} = 0$ exactly: never learned, residual stays 1 (W3; exact)")
        else:
            pts = [(t, _exact_ratio(gd, t, ell)) for t in ts]
            pts = [(t, y) for t, y in pts if y >= Y_FLOOR / 10]
            ax.loglog(*zip(*pts), "-", lw=1.6, color=color,
                      label=rf"$\ell={ell}$: $|1-\eta'\mu_{ell}^2|^t$, $\mu_{ell}={sp.latex(mu)}$ (exact)")
        dots = [(t, _exact_ratio(gd, t, ell)) for t in steps]
        dots = [(t, y) for t, y in dots if y >= Y_FLOOR]
        if dots:                                   # the exact values at the experiment's steps: filled
            ax.loglog(*zip(*dots), "o", ms=3.2, color=color, label=f"_exact at the experiment's steps, degree {ell}")
        if res is not None:
            rows = [r for r in res["rows"] if r["degree"] == ell]
            xs = [r["t"] for r in rows]
            ys = [r["measured"] for r in rows]
            lo = [min(r["spread"], r["measured"] - 1e-300) for r in rows]     # clipped at 0 on a log axis
            hi = [r["spread"] for r in rows]
            ax.errorbar(xs, ys, yerr=[lo, hi], fmt="o", mfc="white", ms=5, color=color, elinewidth=0.9,
                        capsize=2.5, label=f"_experiment, degree {ell}")
    if res is not None:
        ax.plot([], [], "o", mfc="white", color="#444444",
                label=f"float64 experiment (evidence): m = {m} features, {samples} samples, seeds "
                      f"{', '.join(map(str, seeds))}; bar: mean ± range over seeds")
    ax.set_ylim(Y_FLOOR, 2.0)
    ax.set_xlim(0.8, t_max * 1.25)
    ax.set_xlabel("gradient-descent step t (log scale; at t = 0 every ratio is 1)", labelpad=2)
    ax.set_ylabel(r"$\|\Pi_\ell r_t\| \,/\, \|\Pi_\ell r_0\|$, residual of degree $\ell$ (log scale)")
    ax.set_title(rf"Output-layer GD on $S^{{{n - 1}}}$ ({activation}, no bias), step $\eta' = \eta m = 1/M = "
                 rf"{sp.latex(eta_prime)}$ with M = sup over ℓ of $\mu_\ell^2$: low degrees first (SPEC W2, W3)",
                 fontsize=10.5)
    ax.legend(fontsize=7.5, loc="upper center", bbox_to_anchor=(0.5, -0.11), ncol=2, frameon=False)
    ax.grid(True, which="major", alpha=0.25)
    note = ("solid lines and filled dots: exact infinite-width prediction (sympy rationals, InfiniteWidthGD); "
            "hollow: float64 experiment — gradient descent on an empirical loss with finitely many random "
            "features, evidence only. Its floor (here ≈ {floor:.1g}) is the finite-sample and finite-width "
            "error, not a failure of W2.")
    if res is None:
        _note(fig, note.split(";")[0])
    else:
        last = max(r["t"] for r in res["rows"])
        floor = min((r["measured"] for r in res["rows"] if r["t"] == last and r["degree"] not in zeros), default=1)
        _note(fig, note.format(floor=floor))
    return fig
