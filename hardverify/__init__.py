"""hardverify: exact and certified checks of the mathematics behind hardness-of-learning results.

Exact results are sympy expressions; certified results are :class:`Enclosure` balls
(python-flint); checks return a :class:`Verdict`.  See README.md and docs/.

>>> import hardverify as hv
>>> hv.hermite_coefficient(hv.activation("relu"), 4)
-sqrt(3)/(12*sqrt(pi))
>>> hv.funk_hecke("relu", 3, 2)                   # SPEC F4: μ_2(ReLU; 3) = 1/16
1/16
"""

from . import checks, constructions, errors
from .checks import check_family_orthogonality, check_orthogonality
from .core.activations import ACTIVATIONS, Activation, activation, t
from .core.parse import parse_expression
from .distributions import (
    AnisotropicGaussian,
    CorrelatedGaussian,
    Gaussian,
    Hypercube,
    Mixture,
    Radial,
    RadiusLaw,
    ShiftedGaussian,
    UniformBall,
    UniformCube,
    UniformSphere,
    point_reflection,
    reflection,
    transposition,
)
from .hermite import dual_kernel, gaussian_expectation, hermite_coefficient, hermite_coefficients
from .networks import ComposedNetwork, Network, SubsetFamily, inner_product, monte_carlo_inner
from .numeric.enclosure import Enclosure, enclose
from .sphere import (
    funk_hecke,
    funk_hecke_eigenvalues,
    gaussian_limit,
    gaussian_scaled_eigenvalue,
    harmonic_dimension,
    harmonic_dimension_sum,
    harmonic_projection,
    kernel_eigenvalue,
    legendre_polynomial,
    random_feature_eigenvalue,
    random_feature_kernel,
    sphere_moment,
    zonal_harmonic,
)
from .verdict import Status, Verdict

__version__ = "0.1.0"

__all__ = [
    # vocabulary
    "ACTIVATIONS", "Activation", "activation", "t", "parse_expression",
    "Gaussian", "UniformSphere", "UniformBall", "Radial", "RadiusLaw", "ShiftedGaussian", "AnisotropicGaussian",
    "UniformCube", "Hypercube", "CorrelatedGaussian", "Mixture", "reflection", "point_reflection", "transposition",
    "Network", "ComposedNetwork", "SubsetFamily",
    # Gaussian space (SPEC §0.1, §1)
    "hermite_coefficient", "hermite_coefficients", "dual_kernel", "gaussian_expectation",
    # sphere (SPEC §0.2, §2)
    "harmonic_dimension", "harmonic_dimension_sum", "legendre_polynomial", "funk_hecke", "funk_hecke_eigenvalues",
    "kernel_eigenvalue", "random_feature_kernel", "random_feature_eigenvalue", "gaussian_scaled_eigenvalue",
    "gaussian_limit", "harmonic_projection", "zonal_harmonic", "sphere_moment",
    # integrals and checks
    "inner_product", "monte_carlo_inner", "check_orthogonality", "check_family_orthogonality",
    # results
    "Enclosure", "enclose", "Status", "Verdict",
    # modules
    "checks", "constructions", "errors", "__version__",
]
