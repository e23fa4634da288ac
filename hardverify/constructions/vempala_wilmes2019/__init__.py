"""Vempala–Wilmes 2019: gradient descent on random features as an operator on the sphere (SPEC §4, W1–W5).

VW, *Gradient descent for one-hidden-layer neural networks: polynomial convergence and SQ lower
bounds*, COLT 2019 (arXiv 1805.02677).  Setting (SPEC §11, confirmed): x ~ U(S^{n-1}); hidden weights
w_i ~ U(S^{n-1}) fixed, no biases; only the output layer is trained, from 0, with a fixed step on the
squared loss.

* :mod:`.targets` — harmonic targets (sums of zonal harmonics or multilinear monomials), exact unit points;
* :mod:`.dynamics` — **W1**: exact finite-width GD, r_{t+1} = (I - η m T_m) r_t;
* :mod:`.ball_dynamics` — **W1** for any σ: the identity for a generic Gram matrix, certified Gram entries;
* :mod:`.spectrum` — **W2**: T_∞ = μ_ℓ² on H_ℓ^n, per-degree decay, stability, iteration tables;
  **W3**: the vanishing coefficients and the bias remedy;
* :mod:`.experiment` — a float64 experiment (evidence) beside the exact dynamics;
* :mod:`.family` — **W4**: the monomial and zonal hard families (correlational/CSQ only) and
  **W5**: the dimension count and the rank of the projected random-feature Gram matrix.
"""

from .ball_dynamics import CertifiedFiniteWidthGD
from .dynamics import FiniteWidthGD, as_step, as_steps
from .targets import HarmonicTarget, random_rational_points, rational_sphere_point

__all__ = ["CertifiedFiniteWidthGD", "FiniteWidthGD", "HarmonicTarget", "as_step", "as_steps", "random_rational_points",
           "rational_sphere_point"]
