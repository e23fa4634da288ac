"""Input distributions on R^n: spherically symmetric laws, non-symmetric controls, symmetry groups.

* :mod:`~hardverify.distributions.laws` — the spherical laws (Gaussian, uniform sphere and ball,
  general radial laws) with exact moments, symbolic in n;
* :mod:`~hardverify.distributions.controls` — controls that keep only some symmetries (shifted and
  anisotropic Gaussians, the uniform cube, the hypercube {±1}^n);
* :mod:`~hardverify.distributions.gaussian_general` — N(μ, Σ) with an exact positive definite Σ
  (proved by LDLᵀ) and its symmetries computed from μ and Σ;
* :mod:`~hardverify.distributions.mixtures` — finite mixtures Σ p_i D_i with exact rational weights;
* :mod:`~hardverify.distributions.symmetry` — signed permutations of coordinates (reflections,
  transpositions), the group elements that symmetry certificates exhibit.
"""

from .controls import AnisotropicGaussian, CoordVector, GaussianLaw, Hypercube, ShiftedGaussian, UniformCube
from .gaussian_general import CorrelatedGaussian
from .laws import Distribution, Gaussian, Radial, RadiusLaw, UniformBall, UniformSphere, require_spherical
from .mixtures import Mixture
from .symmetry import SignedPermutation, point_reflection, reflection, transposition

__all__ = [
    "Distribution", "RadiusLaw", "Radial", "Gaussian", "UniformSphere", "UniformBall", "require_spherical",
    "CoordVector", "GaussianLaw", "ShiftedGaussian", "AnisotropicGaussian", "UniformCube", "Hypercube",
    "CorrelatedGaussian", "Mixture",
    "SignedPermutation", "reflection", "point_reflection", "transposition",
]
