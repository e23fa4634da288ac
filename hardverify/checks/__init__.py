"""Checks: functions that return a :class:`~hardverify.verdict.Verdict`.

The values checks (:mod:`hardverify.checks.values`) compare exact expressions,
enclosures and references; later modules add orthogonality, norms and bounds.
"""

from .values import agrees, consistent, exact_equal, exact_zero, has_sign, in_range, less, matches, narrow

__all__ = ["agrees", "consistent", "exact_equal", "exact_zero", "has_sign", "in_range", "less", "matches", "narrow"]
