"""The statistical-query engine (issue 14): correlation structures, SQ/CSQ dimensions and query lower bounds.

Above :mod:`hardverify.constructions` and below :mod:`hardverify.checks`: the engine sees a family only
through a correlation structure (:mod:`.structures`), computes the dimensions of SPEC §7 from their
definitions (:mod:`.dimensions`) and the published lower bounds built on them (:mod:`.bounds`), simulates
the CSQ adversary (:mod:`.game`) and tabulates growth in n (:mod:`.table`).  Every bound names its query
model (CSQ, SQ/STAT, VSTAT) and never claims more: the real-valued GGJKK and DKKZ bounds are CSQ.
"""

from .dimensions import Dimension, csd, csd_to_csda, csda, sq_dim, statistical_dimension
from .structures import (BoundStructure, GramStructure, MAX_GRAM_MEMBERS, OrbitStructure, Structure,
                         gram_from_members, structure_of)

__all__ = ["Structure", "GramStructure", "OrbitStructure", "BoundStructure", "gram_from_members", "structure_of",
           "MAX_GRAM_MEMBERS", "Dimension", "sq_dim", "csd", "statistical_dimension", "csda", "csd_to_csda"]
