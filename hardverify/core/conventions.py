"""Names of the normalisations and measures, shared by the exact and the certified layer (SPEC §0.1, §0.2).

* Hermite coefficients: ``"orthonormal"`` c_m = E[σ h_m], h_m = He_m/√(m!) (the default);
  ``"probabilists"`` b_m = E[σ He_m]/m!; ``"physicists"`` d_m with σ = Σ d_m H_m in L²(e^{-x²}).
* Funk–Hecke eigenvalues: ``"normalized"`` μ_k w.r.t. the uniform probability measure U_n (the default);
  ``"surface"`` λ_k = |S^{n-1}| μ_k w.r.t. the surface measure dS.

>>> NORMALIZATIONS[0], MEASURES[0]
('orthonormal', 'normalized')
"""

__all__ = ["NORMALIZATIONS", "MEASURES"]

NORMALIZATIONS = ("orthonormal", "probabilists", "physicists")
MEASURES = ("normalized", "surface")
