"""SPEC C8: noise is necessary — the lattice attack on noiseless CLWE (SZB; BRST).

From d + 1 samples (y_i, z_i) with z_i = γ⟨y_i, w⟩ mod 1, write γ⟨y_i, w⟩ = z_i + k_i with k_i ∈ Z.  The
d + 1 vectors y_i ∈ R^d have a linear dependence c (cᵀY = 0, computed exactly: an integer kernel vector
of the dyadic sample matrix, ``fmpz_mat.nullspace``), so

    Σ_i c_i (z_i + k_i) = 0,

an inhomogeneous integer relation with a *small* solution |k_i| ≤ K = ⌈γ max_i ‖y_i‖⌉ + 1.  LLL
(``fmpz_mat.lll``) on the lattice spanned by the rows (e_i, A_i), (e_{d+2}, B), A_i = round(2^P c_i/‖c‖_∞),
B = round(2^P cᵀz/‖c‖_∞), finds the short vector (k, 1, ≈ 0) when the samples carry P ≳ (d + 2)(log₂(K√d)
+ 0.03d + 4) bits: its last coordinate is at most ‖k‖₁ + 1 without noise, about 2^P β√d/√(2π) with noise
— so the attack still works for exponentially small noise β ≲ 2^{-P}(d + 2)(K + 1) (SZB) and stops working
once β is larger, in particular at β = 1/poly(d) (benchmarked in bench/RESULTS.md).

Decision rule (:func:`attack`): "clwe" if some reduced vector has t = ±1, ‖k‖_∞ ≤ K and |last| ≤
(d + 2)(K + 1); else "null".  When the samples are exact dyadics, the relation is then checked **exactly**
(``exact_relation``) and the secret is recovered exactly by solving d of the equations (fmpq_mat) — a
certificate.  A null sample passes the exact check with probability ≤ (2K + 1)^{d+1} 2^{-2·bits} (for each
k, one z-coordinate is pinned to one grid point of 2^{2·bits}; union bound), reported as
``null_false_positive_bound``.

>>> from hardverify.distributions.clwe import CLWE
>>> law = CLWE(6, 0, gamma=2 * 6 ** 0.5, seed=3)
>>> samples, v = law.sample_exact(7, seed=4, bits=attack_bits(6, law.gamma))
>>> r = attack(samples, gamma=law.gamma)
>>> r.decision, r.exact_relation, r.secret_numerators == v
('clwe', True, True)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
from flint import fmpq_mat, fmpz_mat

from ...distributions.clwe import CLWE, CLWENull, DyadicSamples
from ...errors import DomainError, ResourceLimit

__all__ = ["AttackResult", "attack", "attack_bits", "success_rate", "MAX_ATTACK_DIM"]

#: the largest dimension the attack accepts (LLL on a (d + 2) × (d + 3) matrix)
MAX_ATTACK_DIM = 120


@dataclass(frozen=True)
class AttackResult:
    """What the attack saw: the decision, the relation k, the certificate and the recovered secret.

    Parameters
    ----------
    decision : str
        ``"clwe"`` or ``"null"`` (the decision rule of the module docstring).
    k : tuple of int or None
        The integer relation found (None for "null").
    residual : int or None
        The last coordinate of the short vector.
    box : int
        K, the bound on |k_i|.
    exact_relation : bool
        Whether Σ c_i (z_i + k_i) = 0 holds exactly (a certificate).
    secret_numerators : tuple or None
        The exactly recovered secret numerators (γw ≈ v/2^bits) when ``exact_relation``.
    null_false_positive_bound : Fraction
        (2K + 1)^{d+1} 2^{-2·bits}: the chance a null sample passes the exact check.
    bits : int
        The sample precision.
    secret_estimate : tuple of float or None
        A least-squares estimate of γw from k (used for noisy samples).
    """

    decision: str
    k: tuple | None
    residual: int | None
    box: int
    exact_relation: bool
    secret_numerators: tuple | None
    null_false_positive_bound: Fraction
    bits: int
    secret_estimate: tuple | None = None

    def overlap(self, w) -> float:
        """|⟨ŵ, w⟩|/(‖ŵ‖‖w‖) for the recovered direction ŵ (0 when nothing was recovered; float evidence).

        Parameters
        ----------
        w : array_like of float
            The true secret.

        Returns
        -------
        float
            In [0, 1]; the exact secret if recovered, else the least-squares estimate.
        """
        src = self.secret_numerators if self.secret_numerators is not None else self.secret_estimate
        if src is None:
            return 0.0
        v = np.array([float(Fraction(x)) for x in src])
        w = np.asarray(w, dtype=float)
        return float(abs(v @ w) / (np.linalg.norm(v) * np.linalg.norm(w)))


def attack_bits(d: int, gamma: float) -> int:
    """Sample precision P = (d + 2)(log₂(K√d) + 0.03d + 4), K ≈ γ(√d + 6)/√(2π) + 1 (see the module docstring).

    A heuristic choice (enough bits for LLL to find the relation in practice), not a proved bound.

    Parameters
    ----------
    d : int
        The dimension.
    gamma : float
        γ in BRST units.

    Returns
    -------
    int
        Bits per sample coordinate.

    Examples
    --------
    >>> attack_bits(6, 2 * 6 ** 0.5)
    77
    """
    K = gamma * (math.sqrt(d) + 6) / math.sqrt(2 * math.pi) + 1
    return int(math.ceil((d + 2) * (math.log2(K * math.sqrt(d)) + 0.03 * d + 4)))


def _kernel(Y) -> list:
    X, nullity = fmpz_mat([list(r) for r in Y]).transpose().nullspace()
    if nullity < 1:
        raise DomainError("the d + 1 sample inputs have no linear dependence (they need d + 1 rows in R^d)")
    return [int(X[i, 0]) for i in range(X.nrows())]


def attack(samples: DyadicSamples, *, gamma: float) -> AttackResult:
    """Run the LLL attack on the first d + 1 exact samples (see the module docstring).

    Parameters
    ----------
    samples : DyadicSamples
        From ``CLWE.sample_exact`` or ``CLWENull.sample_exact`` (at least d + 1 of them).
    gamma : float
        The frequency bound used for the box K (BRST units; the attacker knows γ).

    Returns
    -------
    AttackResult
        Evidence: LLL is a heuristic search; ``exact_relation`` is an exact certificate.

    Raises
    ------
    DomainError
        If ``samples`` is not DyadicSamples, there are fewer than d + 1 samples, γ is not a positive
        number, or the inputs have no linear dependence.
    ResourceLimit
        If d > ``MAX_ATTACK_DIM`` (120).

    Examples
    --------
    Noiseless CLWE at d = 4 is broken with an exact certificate; a null sample is not mistaken for it:

    >>> from hardverify.distributions.clwe import CLWE, CLWENull
    >>> law = CLWE(4, 0, gamma=4, seed=1)
    >>> samples, v = law.sample_exact(5, seed=2, bits=attack_bits(4, 4))
    >>> r = attack(samples, gamma=4)
    >>> r.decision, r.exact_relation, r.secret_numerators == v, r.overlap(law.secret) > 0.999
    ('clwe', True, True, True)
    >>> null, _ = CLWENull(4, 0, gamma=4, seed=1).sample_exact(5, seed=3, bits=attack_bits(4, 4))
    >>> attack(null, gamma=4).decision
    'null'

    References
    ----------
    Li, Zadik, Zampetakis, *On the hardness of learning one hidden layer neural networks*, 2024
    (arXiv 2410.03477); Bruna, Regev, Song, Tang, *Continuous LWE* (BRST); Song, Zadik, Bruna
    (SZB, periodic neurons); SPEC §5 and §11.
    """
    if not isinstance(samples, DyadicSamples):
        raise DomainError("attack needs DyadicSamples (CLWE.sample_exact / CLWENull.sample_exact)")
    d = len(samples.Y[0])
    if d > MAX_ATTACK_DIM:
        raise ResourceLimit(f"the attack is run for d ≤ {MAX_ATTACK_DIM}, got d = {d}")
    if len(samples.Y) < d + 1:
        raise DomainError(f"the attack needs d + 1 = {d + 1} samples, got {len(samples.Y)}")
    Y, z, bits = samples.Y[: d + 1], samples.z[: d + 1], samples.bits
    if not (isinstance(gamma, (int, float)) and gamma > 0):
        raise DomainError(f"gamma must be a positive number, got {gamma!r}")
    c = _kernel(Y)
    scale_y = 1 << bits
    K = int(math.ceil(gamma * max(math.sqrt(sum(float(Fraction(a, scale_y)) ** 2 for a in r)) for r in Y))) + 1
    P = bits
    cmax = max(abs(x) for x in c)
    # A_i = round(2^P c_i / cmax), B = round(2^P Σ c_i z_i / (2^{2 bits} cmax)) (exact integer arithmetic)
    A = [round(Fraction(x << P, cmax)) for x in c]
    B = round(Fraction(sum(ci * zi for ci, zi in zip(c, z)) << P, cmax << (2 * bits)))
    n = d + 2
    rows = [[1 if i == j else 0 for j in range(n)] + [A[i]] for i in range(d + 1)]
    rows.append([0] * (d + 1) + [1, B])
    L = fmpz_mat(rows).lll()
    best = None
    for i in range(L.nrows()):
        v = [int(L[i, j]) for j in range(n + 1)]
        if abs(v[d + 1]) != 1:
            continue
        s = v[d + 1]
        k, last = [s * x for x in v[: d + 1]], s * v[n]
        if max(abs(x) for x in k) <= K and abs(last) <= (d + 2) * (K + 1):
            if best is None or sum(x * x for x in k) < sum(x * x for x in best[0]):
                best = (k, last)
    fp = Fraction((2 * K + 1) ** (d + 1), 1 << (2 * bits))
    if best is None:
        return AttackResult("null", None, None, K, False, None, fp, bits)
    k, last = best
    exact = sum(ci * (zi + (ki << (2 * bits))) for ci, zi, ki in zip(c, z, k)) == 0
    secret = None
    if exact:
        # ⟨Y_num, v_num⟩ = z_i + k_i 2^{2 bits} for the secret numerators v_num (γw ≈ v_num/2^bits): solve d rows
        M = fmpq_mat([[a for a in r] for r in Y[:d]])
        rhs = fmpq_mat([[zi + (ki << (2 * bits))] for zi, ki in zip(z[:d], k[:d])])
        try:
            sol = M.solve(rhs)
            secret = tuple(Fraction(int(sol[i, 0].p), int(sol[i, 0].q)) for i in range(d))
            secret = tuple(int(x) if x.denominator == 1 else x for x in secret)
        except ZeroDivisionError:
            secret = None
    # least squares from the found k (a float estimate of γw, used when the exact relation fails: noisy samples)
    Yf = np.array([[float(Fraction(a, scale_y)) for a in r] for r in Y])
    rhs_f = np.array([float(Fraction(zi, 1 << (2 * bits))) + ki for zi, ki in zip(z, k)])
    est = tuple(float(x) for x in np.linalg.lstsq(Yf, rhs_f, rcond=None)[0])
    return AttackResult("clwe", tuple(k), last, K, exact, secret, fp, bits, est)


def success_rate(d: int, beta: float, *, trials: int, seed: int, gamma: float | None = None, bits: int | None = None):
    """{"clwe": fraction of CLWE_{β,γ} instances decided "clwe", "null": fraction of null instances decided
    "clwe", "recovered": mean |⟨ŵ, w⟩|} over ``trials`` seeded instances (γ = 2√d by default; evidence).

    Parameters
    ----------
    d : int
        The dimension, d ≥ 1.
    beta : float
        The CLWE noise width β ≥ 0 (BRST units).
    trials : int
        The number of instances, ≥ 1.
    seed : int
        Instance t uses the seeds seed + 1000t, + 1, + 2 (declare ``seed`` in the claim's ``seeds=``).
    gamma : float, optional
        γ (default 2√d).
    bits : int, optional
        The sample precision (default :func:`attack_bits`).

    Returns
    -------
    dict
        ``{"clwe": float, "null": float, "recovered": float, "bits": int}``.

    Raises
    ------
    DomainError
        If d or ``trials`` is not an integer ≥ 1, ``seed`` is not a non-negative integer, γ is not a
        finite real > 0, or as :func:`attack` and the CLWE laws (β, ``bits``).
    ResourceLimit
        As :func:`attack`.

    Examples
    --------
    Noiseless CLWE is broken; the null is not mistaken for it:

    >>> r = success_rate(4, 0, trials=2, seed=0)
    >>> r["clwe"], r["null"], r["recovered"] > 0.999
    (1.0, 0.0, True)
    """
    if isinstance(d, bool) or not isinstance(d, int) or d < 1:
        raise DomainError(f"d must be an integer ≥ 1, got {d!r}")
    if isinstance(trials, bool) or not isinstance(trials, (int, np.integer)) or trials < 1:
        raise DomainError(f"trials must be an integer >= 1, got {trials!r}")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise DomainError(f"seed must be a non-negative integer, got {seed!r}")
    if gamma is not None:
        try:
            g = None if isinstance(gamma, (bool, str)) else float(gamma)
        except (TypeError, ValueError):
            g = None
        if g is None:
            raise DomainError(f"gamma must be a real number (γ > 0; default 2√d), got {gamma!r}")
        if not (math.isfinite(g) and g > 0):
            raise DomainError(f"gamma must be > 0 and finite, got {gamma!r}")
    gamma = 2 * math.sqrt(d) if gamma is None else gamma
    bits = attack_bits(d, gamma) if bits is None else bits
    hits = false = 0
    overlap = 0.0
    for t in range(trials):
        law = CLWE(d, beta, gamma=gamma, seed=seed + 1000 * t)
        s, v = law.sample_exact(d + 1, seed=seed + 1000 * t + 1, bits=bits)
        r = attack(s, gamma=gamma)
        hits += r.decision == "clwe"
        overlap += r.overlap(law.secret)
        nul, _ = CLWENull(d, beta, gamma=gamma, seed=seed).sample_exact(d + 1, seed=seed + 1000 * t + 2, bits=bits)
        false += attack(nul, gamma=gamma).decision == "clwe"
    return {"clwe": hits / trials, "null": false / trials, "recovered": overlap / trials, "bits": bits}
