"""DKKZ 2020 (Diakonikolas–Kane–Kontonis–Zarifis): the planar alternating-sign ReLU network (SPEC D1, D2).

* :mod:`.planar` — F_k on R², its Hermite profile, norms and the correlation decay D2.
"""

from .planar import (
    F4_NORM2,
    decay_bound,
    decay_correlation,
    embedding,
    hermite_degree_profile,
    monomial_correlation,
    monomial_correlation_formula,
    norm2,
    planar_network,
)
from .planes import DKKZPlanes, root_count_distribution

__all__ = ["planar_network", "norm2", "F4_NORM2", "hermite_degree_profile", "monomial_correlation",
           "monomial_correlation_formula", "decay_correlation", "decay_bound", "embedding", "DKKZPlanes",
           "root_count_distribution"]
