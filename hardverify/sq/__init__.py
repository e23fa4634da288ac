"""The statistical-query engine (issue 14): correlation structures, SQ/CSQ dimensions and query lower bounds.

Above :mod:`hardverify.constructions` and below :mod:`hardverify.checks`: the engine sees a family only
through a correlation structure (:mod:`.structures`), computes the dimensions of SPEC §7 from their
definitions (:mod:`.dimensions`) and the published lower bounds built on them (:mod:`.bounds`), simulates
the CSQ adversary (:mod:`.game`) and tabulates growth in n (:mod:`.table`).  Every bound names its query
model (CSQ, SQ/STAT, VSTAT) and never claims more: the real-valued GGJKK and DKKZ bounds are CSQ.
"""

from .bounds import SQBound, bessel, dkkz_lemma15, ggjkk_b1, sd_bound, sq_dim_bound, szorenyi
from .consequences import distinguishing_to_learning, gd_as_csq
from .dimensions import Dimension, csd, csd_to_csda, csda, sq_dim, statistical_dimension
from .game import GameResult, csq_game, cube_game
from .structures import (
                         MAX_GRAM_MEMBERS,
                         BoundStructure,
                         GramStructure,
                         OrbitStructure,
                         Structure,
                         gram_from_members,
                         structure_of,
)
from .table import table  # noqa: E402  (last: the function shadows the submodule name on purpose)
from .wiring import classification_structure, sq_bound

__all__ = ["table", "sq_bound", "classification_structure", "SQBound", "bessel", "szorenyi", "ggjkk_b1",
           "dkkz_lemma15", "sd_bound", "sq_dim_bound", "gd_as_csq", "distinguishing_to_learning", "GameResult",
           "cube_game", "csq_game", "Structure", "GramStructure", "OrbitStructure", "BoundStructure",
           "gram_from_members", "structure_of",
           "MAX_GRAM_MEMBERS", "Dimension", "sq_dim", "csd", "statistical_dimension", "csda", "csd_to_csda"]
