"""Li–Zadik–Zampetakis 2024 (LZZ): CLWE ⇒ periodic neurons ⇒ capped one-hidden-layer ReLU networks (SPEC §5).

The chain, one module per link (BRST convention of SPEC §0.3 unless a name says ``_std``):

* :mod:`.conventions` — D_1 = N(0, I/(2π)) versus N(0, I); γ_std = γ/√(2π), exact conversions;
* :mod:`.damping` — **C1** phase-noise damping E cos 2π(θ + e) = e^{-πβ²} cos 2πθ (exact, certified, quadrature);
* :mod:`.pancakes` — **C2** the pancake density (mixture, theta series, ``acb.modular_theta``), ∫p = 1;
  **C3** χ²(pancake ‖ D_1) (series and a theta-constant closed form) and its large-γ limit;
* :mod:`.pairs` — **C4** the pairwise χ-correlation χ(ρ) (difference, cosh and theta forms) and its regimes;
* :mod:`.family` — the pancake family as a :class:`~hardverify.constructions.protocol.Construction` with
  a χ-profile for the SQ engine (**Q3** inputs; a proved packing bound gives the family size);
* :mod:`.neurons` — **C5** periodic-neuron correlations under N(0, I_d) (cos, triangle wave);
* :mod:`.capped` — **C6** the exact M + 1-ReLU capped interpolant (a real :class:`hardverify.Network`);
* :mod:`.regime` — **C7** the regime calculator (also ``hardverify clwe-regime``);
* :mod:`.attack` — **C8** the LLL attack on noiseless CLWE (``fmpz_mat.lll``).

The distributions themselves (CLWE, its null, homogeneous CLWE, seeded samplers in both conventions)
are in :mod:`hardverify.distributions.clwe`.  Certified sums live in :mod:`.series` (tail bounds stated
there).  Noise models are never mixed: LZZ's theorem is for Gaussian label noise, SZB's for
adversarial noise (SPEC §11); :func:`regime` takes ``noise_model=``.

>>> from hardverify.constructions import li_zadik_zampetakis2024 as lzz
>>> lzz.chi_square("0.1", 5, dps=20).matches("6.071067811865475244")          # SPEC C3
True
>>> lzz.regime(512, beta="0.001", gamma=46, sigma="0.001").overall
'hard regime'
"""

from .attack import AttackResult, attack, attack_bits, success_rate
from .capped import (
                     CappedInterpolant,
                     capped_network,
                     capping_mse,
                     capping_mse_bound,
                     embed,
                     kink_count,
                     prove_interpolant,
                     prove_triangle_exact,
                     sup_error,
                     sup_error_bound,
                     triangle_wave,
)
from .conventions import BRST, STANDARD, gamma_brst, gamma_std, noise_std
from .damping import damped_cosine, damped_cosine_quadrature, damping_exact, damping_factor
from .family import PancakeFamily, packing_size, pair_tail_bound
from .neurons import correlation as neuron_correlation
from .neurons import covariance as neuron_covariance
from .neurons import mean as neuron_mean
from .pairs import pair_correlation, pair_correlation_approximations
from .pancakes import chi_square, chi_square_limit, density, density_integral, normaliser
from .regime import RegimeReport, regime

__all__ = ["BRST", "STANDARD", "gamma_std", "gamma_brst", "noise_std",
           "damping_exact", "damping_factor", "damped_cosine", "damped_cosine_quadrature",
           "density", "density_integral", "normaliser", "chi_square", "chi_square_limit",
           "pair_correlation", "pair_correlation_approximations", "PancakeFamily", "packing_size",
           "pair_tail_bound", "neuron_mean", "neuron_covariance", "neuron_correlation",
           "CappedInterpolant", "capped_network", "prove_interpolant", "prove_triangle_exact", "kink_count",
           "sup_error", "sup_error_bound", "capping_mse", "capping_mse_bound", "embed", "triangle_wave",
           "RegimeReport", "regime", "AttackResult", "attack", "attack_bits", "success_rate"]
