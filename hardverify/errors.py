"""The one exception hierarchy of hardverify.

Every error a user can trigger through the public API is one of these, and its
message names what is allowed (a range, a list of names, a keyword to raise).

>>> import hardverify as hv
>>> try:
...     hv.hermite_coefficient(hv.activation("relu"), -1)
... except hv.errors.DomainError as exc:
...     print(exc)
degree m must be a non-negative integer, got -1
"""

from __future__ import annotations

__all__ = [
    "HardverifyError",
    "DomainError",
    "ResourceLimit",
    "NotCertified",
    "NoClosedForm",
    "NoConvergence",
    "HypothesisFailed",
]


class HardverifyError(Exception):
    """Base class of every error raised by hardverify."""


class DomainError(HardverifyError, ValueError):
    """An argument is outside the allowed domain; the message names the allowed range.

    Examples
    --------
    >>> import hardverify as hv
    >>> try:                                              # also a ValueError, for code that catches those
    ...     hv.funk_hecke("relu", 1, 2)
    ... except ValueError as exc:
    ...     print(type(exc).__name__, "-", exc)
    DomainError - dimension n must be an integer >= 2, got 1
    """


class ResourceLimit(DomainError):
    """A well-posed request beyond a stated size limit (degree, dimension, digits, enumeration size).

    Refused up front, before any memory is allocated; the message names the limit and what to do
    instead (a certified route, a smaller size).  A subclass of :class:`DomainError`, so code that
    catches bad arguments catches this too.

    Examples
    --------
    >>> import hardverify as hv
    >>> try:
    ...     hv.hermite_coefficient("relu", 3, dps=6000)
    ... except hv.errors.DomainError as exc:              # a ResourceLimit is a DomainError
    ...     print(type(exc).__name__, "-", exc)
    ResourceLimit - dps must be a positive integer (1..5000), got 6000
    """


class NotCertified(HardverifyError):
    """A bound could not be proved at the requested precision.

    The message says what to change (``dps=``, a cutoff, a growth bound).
    """


class NoClosedForm(HardverifyError):
    """An exact (symbolic) result was requested where hardverify knows no closed form.

    The message points to the certified numeric route (``dps=``).

    Examples
    --------
    >>> import hardverify as hv
    >>> try:
    ...     hv.hermite_coefficient("tanh", 1)
    ... except hv.errors.NoClosedForm as exc:
    ...     print("dps=" in str(exc))                     # the message points to the certified route
    True
    """


class NoConvergence(HardverifyError):
    """An iterative or adaptive procedure stopped before reaching its target."""


class HypothesisFailed(HardverifyError):
    """A hypothesis of a theorem was not proved, so its conclusion is not returned as a number.

    ``verdict`` holds the failed hypothesis (REFUTED or UNDECIDED) with its evidence.

    Parameters
    ----------
    message : str
        What was not proved, and what to do (the message of the exception).
    verdict : Verdict, optional
        The failed hypothesis (REFUTED or UNDECIDED) with its evidence; stored as ``.verdict``.

    Examples
    --------
    >>> from hardverify.errors import HypothesisFailed
    >>> from hardverify.verdict import Status, Verdict
    >>> exc = HypothesisFailed("orthogonality not proved", Verdict(Status.UNDECIDED, claim="O1"))
    >>> exc.verdict.status.name, str(exc)
    ('UNDECIDED', 'orthogonality not proved')
    """

    def __init__(self, message: str, verdict=None):
        super().__init__(message)
        self.verdict = verdict
