"""hardverify: exact and certified checks of the mathematics behind hardness-of-learning results.

Exact results are sympy expressions; certified results are :class:`Enclosure` balls
(python-flint); checks return a :class:`Verdict`.  See README.md and docs/.

>>> import hardverify as hv
>>> hv.hermite_coefficient(hv.activation("relu"), 4)
-sqrt(3)/(12*sqrt(pi))
"""

from . import errors
from .activations import ACTIVATIONS, Activation, activation, t
from .hermite import dual_kernel, gaussian_expectation, hermite_coefficient, hermite_coefficients
from .numeric.enclosure import Enclosure, enclose
from .parse import parse_expression
from .verdict import Status, Verdict

__version__ = "0.1.0"

__all__ = [
    "errors", "ACTIVATIONS", "Activation", "activation", "t",
    "hermite_coefficient", "hermite_coefficients", "dual_kernel", "gaussian_expectation",
    "Enclosure", "enclose", "parse_expression", "Status", "Verdict", "__version__",
]
