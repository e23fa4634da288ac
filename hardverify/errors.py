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
    "NotCertified",
    "NoClosedForm",
    "NoConvergence",
]


class HardverifyError(Exception):
    """Base class of every error raised by hardverify."""


class DomainError(HardverifyError, ValueError):
    """An argument is outside the allowed domain; the message names the allowed range."""


class NotCertified(HardverifyError):
    """A bound could not be proved at the requested precision.

    The message says what to change (``dps=``, a cutoff, a growth bound).
    """


class NoClosedForm(HardverifyError):
    """An exact (symbolic) result was requested where hardverify knows no closed form.

    The message points to the certified numeric route (``dps=``).
    """


class NoConvergence(HardverifyError):
    """An iterative or adaptive procedure stopped before reaching its target."""
