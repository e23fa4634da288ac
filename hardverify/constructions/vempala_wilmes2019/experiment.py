"""A real float64 experiment beside the exact dynamics (SPEC W2 "low frequencies first") — **evidence only**.

Seeded: m hidden weights and `samples` inputs uniform on S^{n-1} (normalised Gaussians,
``numpy.random.default_rng(seed)``); target f = Σ_ℓ c_ℓ F_ℓ with F_ℓ = √N(n,ℓ) P_ℓ^{(n)}(⟨u, ·⟩) (unit
norm, u = e_n); actual output-layer GD on the **empirical** squared loss, a ← a + (η'/m)(Φᵀ(y - Φa))/samples.

The learned function is projected onto each degree exactly (Funk–Hecke: Π_ℓ σ(⟨w,·⟩) = μ_ℓ N P_ℓ(⟨w,·⟩)),
so the population per-degree error of g_a is

    e_ℓ(t)² = c_ℓ² - 2 c_ℓ √N μ_ℓ Σ_i a_i P_ℓ(⟨u, w_i⟩) + μ_ℓ² N Σ_ij a_i a_j P_ℓ(⟨w_i, w_j⟩),

compared with the infinite-width prediction |1 - η'μ_ℓ²|^t |c_ℓ| (W2).  The deviation has two sources,
both reported: finite width (T_m ≠ T_∞) and finite samples (the empirical Gram matrix); ``seeds``
repeats the whole experiment and reports the spread across seeds as the sampling error.

>>> r = run_experiment(n=3, m=200, samples=4000, steps=(0, 200), seeds=(0, 1))
>>> [row["degree"] for row in r["rows"] if row["t"] == 200]
[1, 2, 4]
>>> all(abs(row["measured"] - row["predicted"]) < 0.15 for row in r["rows"])    # evidence, not a proof
True
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from hardverify.core.activations import Activation, activation
from hardverify.core.activations import t as T
from hardverify.errors import DomainError
from hardverify.sphere import funk_hecke, harmonic_dimension, random_feature_kernel

from .spectrum import sup_rate
from .targets import as_float_points

__all__ = ["run_experiment", "legendre_float", "sphere_sample", "format_table"]


def legendre_float(n: int, ell: int, x):
    """P_ℓ^{(n)}(x) in float64 by the three-term recurrence (F2.1), elementwise (P_ℓ^{(n)}(1) = 1).

    Parameters
    ----------
    n : int
        The dimension.
    ell : int
        The degree, ℓ ≥ 0.
    x : array_like of float
        Points, usually in [-1, 1].

    Returns
    -------
    numpy.ndarray of float
        Same shape as ``x``; float evidence, not certified.

    Examples
    --------
    On S^2 (n = 3) P_2 is the Legendre polynomial (3x² - 1)/2:

    >>> legendre_float(3, 2, [1.0, 0.0, 0.5]).tolist()
    [1.0, -0.5, -0.125]
    """
    x = np.asarray(x, dtype=float)
    p0, p1 = np.ones_like(x), x.copy()
    if ell == 0:
        return p0
    for j in range(1, ell):
        p0, p1 = p1, ((2 * j + n - 2) * x * p1 - j * p0) / (j + n - 2)
    return p1


def sphere_sample(rng, count: int, n: int):
    """count i.i.d. points uniform on S^{n-1} (normalised Gaussians).

    Parameters
    ----------
    rng : numpy.random.Generator
        The caller's seeded generator.
    count : int
        The number of points.
    n : int
        The dimension.

    Returns
    -------
    numpy.ndarray of float, shape (count, n)
        Rows of unit norm (up to rounding).

    Examples
    --------
    >>> import numpy as np
    >>> X = sphere_sample(np.random.default_rng(0), 5, 3)
    >>> X.shape, bool(np.allclose(np.linalg.norm(X, axis=1), 1))
    ((5, 3), True)
    """
    g = rng.standard_normal((count, n))
    return g / np.linalg.norm(g, axis=1, keepdims=True)


def _check(n, m, samples, steps):
    for name, v, lo in (("n", n, 2), ("m", m, 1), ("samples", samples, 1)):
        if isinstance(v, bool) or not isinstance(v, int) or v < lo:
            raise DomainError(f"{name} must be an integer >= {lo}, got {v!r}")
    steps = tuple(steps)
    if not steps or any(isinstance(s, bool) or not isinstance(s, int) or s < 0 for s in steps):
        raise DomainError(f"steps must be a non-empty list of integers t >= 0, got {steps!r}")
    return tuple(sorted(set(steps)))


def run_experiment(*, n: int = 3, m: int = 400, samples: int = 20000, coefficients=None, act="relu",
                   eta_prime=None, steps=(0, 10, 100, 1000), seeds=(0, 1, 2), weights=None) -> dict:
    """Run the experiment (see the module docstring); evidence, never a proof.

    ``weights``: an optional (m, n) float array of hidden weights (norms within POINT_TOLERANCE of 1;
    DomainError otherwise), used for every seed instead of sampled ones.

    Parameters
    ----------
    n : int
        The dimension, n ≥ 2.
    m : int
        The width, m ≥ 1 (ignored when ``weights`` is given).
    samples : int
        The number of training inputs, ≥ 1.
    coefficients : dict, optional
        ``{ℓ: c_ℓ}`` (default {1: 1, 2: 1, 4: 1}).
    act : str or Activation
        σ (default ReLU).
    eta_prime : float, optional
        η' = η m (default 1/sup_ℓ μ_ℓ², from :func:`~.spectrum.sup_rate`).
    steps : sequence of int
        The steps t at which the errors are recorded.
    seeds : sequence of int
        One run per seed (``numpy.random.default_rng(seed)``).
    weights : array_like, optional
        An (m, n) float array of hidden weights (norms within POINT_TOLERANCE of 1; DomainError
        otherwise), used for every seed instead of sampled ones.

    Returns
    -------
    dict
        ``{"rows": [{t, degree, measured (mean over seeds), spread (max - min over seeds), predicted,
        population (the same W with the exact Gram matrix, first seed; None if σ has no exact kernel)}],
        "eta_prime", "mu", "seeds", "gram_error" (max |empirical - exact Gram entry|, first seed),
        "n", "m", "samples", "activation"}`` — floats, evidence only.

    Raises
    ------
    DomainError
        If n, m, samples or steps are invalid, a degree is not an int ≥ 0, η' ≤ 0, or ``weights`` is
        not an (m, n) array of unit points.
    """
    if weights is not None:
        fixed_W = as_float_points(weights, n)
        m = fixed_W.shape[0]
    steps = _check(n, m, samples, steps)
    a_ = act if isinstance(act, Activation) else activation(act)
    coefficients = {1: 1.0, 2: 1.0, 4: 1.0} if coefficients is None else dict(coefficients)
    if not coefficients or any(isinstance(l, bool) or not isinstance(l, int) or l < 0 for l in coefficients):
        raise DomainError("coefficients must map degrees ℓ >= 0 to numbers")
    if eta_prime is None:
        eta_prime = 1.0 / float(sup_rate(a_, n)["value"])
    eta_prime = float(eta_prime)
    if not eta_prime > 0:
        raise DomainError(f"eta_prime must be > 0, got {eta_prime}")
    degs = sorted(coefficients)
    mu = {l: float(funk_hecke(a_, n, l, dps=20)) for l in degs}
    N = {l: harmonic_dimension(n, l) for l in degs}
    f_sigma = sp.lambdify(T, a_.expr, modules="numpy")
    try:
        kappa = sp.lambdify(T, random_feature_kernel(a_, n, T), modules="numpy")
    except Exception:                                   # noqa: BLE001 — no exact kernel: population column is None
        kappa = None
    u = np.zeros(n)
    u[-1] = 1.0
    per_seed, population, gram_error = [], None, None
    for s_i, seed in enumerate(seeds):
        rng = np.random.default_rng(seed)
        W = sphere_sample(rng, m, n) if weights is None else fixed_W
        X = sphere_sample(rng, samples, n)
        y = sum(coefficients[l] * np.sqrt(N[l]) * legendre_float(n, l, X @ u) for l in degs)
        Phi = np.asarray(f_sigma(X @ W.T), dtype=float)
        G, b = Phi.T @ Phi / samples, Phi.T @ y / samples
        rho = np.clip(W @ W.T, -1.0, 1.0)
        Pu = {l: legendre_float(n, l, W @ u) for l in degs}
        PW = {l: legendre_float(n, l, rho) for l in degs}

        def errors(a, Pu=Pu, PW=PW):
            return {l: float(np.sqrt(max(0.0, coefficients[l] ** 2 - 2 * coefficients[l] * np.sqrt(N[l]) * mu[l]
                                          * (a @ Pu[l]) + mu[l] ** 2 * N[l] * (a @ PW[l] @ a)))) for l in degs}

        def gd(Gm, bm):
            a, out, done = np.zeros(m), {}, 0
            for target_t in steps:
                for _ in range(target_t - done):
                    a = a + (eta_prime / m) * (bm - Gm @ a)
                done = target_t
                out[target_t] = errors(a)
            return out

        per_seed.append(gd(G, b))
        if s_i == 0 and kappa is not None:
            Gx = np.asarray(kappa(rho), dtype=float) * np.ones_like(rho)
            bx = sum(coefficients[l] * np.sqrt(N[l]) * mu[l] * Pu[l] for l in degs)
            population, gram_error = gd(Gx, bx), float(np.max(np.abs(G - Gx)))
    rows = []
    for t_ in steps:
        for l in degs:
            vals = [r[t_][l] for r in per_seed]
            rows.append({"t": t_, "degree": l, "measured": float(np.mean(vals)), "spread": float(np.ptp(vals)),
                         "predicted": abs(1 - eta_prime * mu[l] ** 2) ** t_ * abs(coefficients[l]),
                         "population": None if population is None else population[t_][l]})
    return {"rows": rows, "eta_prime": eta_prime, "mu": mu, "seeds": tuple(seeds), "gram_error": gram_error,
            "n": n, "m": m, "samples": samples, "activation": a_.label}


def format_table(result: dict) -> str:
    """A Markdown table of an experiment (degree-ℓ error vs t, one column block per ℓ).

    Parameters
    ----------
    result : dict
        The output of :func:`run_experiment` (only ``"rows"`` is read).

    Returns
    -------
    str
        A header, a separator and one line per t.

    Examples
    --------
    >>> rows = [{"t": 0, "degree": 1, "measured": 1.0, "spread": 0.0, "predicted": 1.0}]
    >>> print(format_table({"rows": rows}))
    | t | ℓ=1 measured ± spread | ℓ=1 predicted |
    |---|---|---|
    | 0 | 1.0000 ± 0.0000 | 1.0000 |
    """
    degs = sorted({r["degree"] for r in result["rows"]})
    head = "| t | " + " | ".join(f"ℓ={l} measured ± spread | ℓ={l} predicted" for l in degs) + " |"
    sep = "|---|" + "---|---|" * len(degs)
    lines = [head, sep]
    for t_ in sorted({r["t"] for r in result["rows"]}):
        cells = []
        for l in degs:
            r = next(x for x in result["rows"] if x["t"] == t_ and x["degree"] == l)
            cells += [f"{r['measured']:.4f} ± {r['spread']:.4f}", f"{r['predicted']:.4f}"]
        lines.append(f"| {t_} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
