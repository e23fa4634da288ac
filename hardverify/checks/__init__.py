"""Checks: functions that return a :class:`~hardverify.verdict.Verdict`.

* :mod:`~hardverify.checks.values` — exact expressions, enclosures and references compared;
* :mod:`~hardverify.checks.orthogonality` — symmetry certificates for E_D[f g] = 0 (SPEC G1);
* :mod:`~hardverify.checks.sphere` — agreement of the routes of the sphere layer;
* :mod:`~hardverify.checks.constructions` — a construction's family certificate and parity test (G1, G2).
"""

from .constructions import certify_family, parity_prediction
from .orthogonality import check_family_orthogonality, check_orthogonality, find_symmetry_certificate
from .values import agrees, consistent, exact_equal, exact_zero, has_sign, in_range, less, matches, narrow

__all__ = ["agrees", "consistent", "exact_equal", "exact_zero", "has_sign", "in_range", "less", "matches", "narrow",
           "check_orthogonality", "check_family_orthogonality", "find_symmetry_certificate", "certify_family",
           "parity_prediction"]
