"""The answer of every check: a :class:`Verdict`.

Status meanings (never mixed up):

``PROVED``
    an exact derivation (sympy reached 0 / an identity holds over the exact numbers).
``CERTIFIED``
    an interval argument with every truncation bounded (python-flint balls).  For an
    equality this means "agrees to the stated digits"; for a strict inequality or a
    non-zero value it is a proof.
``REFUTED``
    a certified counterexample: an exact or interval computation that shows the claim false.
``UNDECIDED``
    neither; e.g. ``sympy.simplify(a - b)`` did not reach 0 and the enclosures overlap.

``bool(verdict)`` is True only for PROVED and CERTIFIED.

>>> v = Verdict(Status.PROVED, claim="H1", method="exact (sympy)")
>>> bool(v), v.status.name
(True, 'PROVED')
>>> Verdict.combine([v, Verdict(Status.UNDECIDED, claim="H1")]).status.name
'UNDECIDED'
>>> v                                                   # a short repr; notebooks show an HTML table
<Verdict PROVED H1: exact (sympy)>
>>> "<table>" in v._repr_html_(), v._repr_markdown_().startswith("**PROVED** H1")
(True, True)
"""

from __future__ import annotations

import enum
import html
from dataclasses import dataclass, field, replace
from typing import Any, Iterable

__all__ = ["Status", "Verdict"]


class Status(enum.Enum):
    """Outcome of a check, ordered from strongest to weakest success, then failures.

    ``PROVED``: an exact derivation; ``CERTIFIED``: an interval argument with every truncation bounded;
    ``UNDECIDED``: neither a proof nor a certified counterexample; ``REFUTED``: a certified (exact or
    interval) counterexample.  Float or Monte Carlo agreement alone is never PROVED or CERTIFIED.

    Parameters
    ----------
    value : str
        The status name: ``"PROVED"``, ``"CERTIFIED"``, ``"UNDECIDED"`` or ``"REFUTED"``
        (``Status("PROVED") is Status.PROVED``).

    Examples
    --------
    >>> from hardverify import Status
    >>> [s.name for s in Status if s.ok]                    # the two kinds of success
    ['PROVED', 'CERTIFIED']
    >>> max(Status, key=lambda s: s.rank) is Status.REFUTED  # the worst outcome
    True
    >>> Status("CERTIFIED") is Status.CERTIFIED
    True
    """

    PROVED = "PROVED"
    CERTIFIED = "CERTIFIED"
    UNDECIDED = "UNDECIDED"
    REFUTED = "REFUTED"

    @property
    def ok(self) -> bool:
        """True for PROVED and CERTIFIED (a success), False for UNDECIDED and REFUTED.

        Returns
        -------
        bool
        """
        return self in (Status.PROVED, Status.CERTIFIED)

    @property
    def rank(self) -> int:
        """Severity: higher is worse (used to combine verdicts of a sweep).

        Returns
        -------
        int
            0 for PROVED, 1 CERTIFIED, 2 UNDECIDED, 3 REFUTED.
        """
        return _RANK[self]


_RANK = {Status.PROVED: 0, Status.CERTIFIED: 1, Status.UNDECIDED: 2, Status.REFUTED: 3}


@dataclass(frozen=True)
class Verdict:
    """Result of checking one claim (or one case of a claim): a status with its method and evidence.

    A frozen dataclass; ``bool(verdict)`` is True only for PROVED and CERTIFIED.  Checks
    (:mod:`hardverify.checks`) return it, and the proof runner collects one per case of a claim.

    Parameters
    ----------
    status : Status
        The outcome.
    claim : str
        The SPEC claim ID (``"H1"``, ``"F4"`` ...), or a free label.
    method : str
        How it was checked (``"exact: Stein integration by parts"``,
        ``"certified: Gauss-Legendre with ellipse bound, dps=50"`` ...).
    precision : int or None
        Decimal digits of the certified computation; None for exact results.
    evidence : str
        Human-readable evidence: the values compared, the enclosure, the counterexample.
    source : str
        Where the claim comes from (SPEC section and tag).
    params : dict
        The sweep parameters of this case (``{"m": 12}``).
    data : dict
        Machine-readable details (values as strings), copied into JSON reports.

    Examples
    --------
    >>> from hardverify import Status, Verdict
    >>> v = Verdict(Status.CERTIFIED, claim="V1", method="certified: ball arithmetic", precision=30)
    >>> bool(v), bool(v.with_(status=Status.UNDECIDED))        # only PROVED and CERTIFIED are true
    (True, False)
    >>> v.to_dict()["status"], v.to_dict()["precision"]
    ('CERTIFIED', 30)
    """

    status: Status
    claim: str = ""
    method: str = ""
    precision: int | None = None
    evidence: str = ""
    source: str = ""
    params: dict = field(default_factory=dict)
    data: dict = field(default_factory=dict)

    def __bool__(self) -> bool:
        return self.status.ok

    def with_(self, **changes: Any) -> "Verdict":
        """A copy with some fields replaced (the verdict itself is frozen).

        Parameters
        ----------
        **changes
            Field names and their new values (``status=``, ``evidence=``, ``params=`` ...).

        Returns
        -------
        Verdict
            The new verdict.

        Raises
        ------
        TypeError
            If a name is not a field of :class:`Verdict`.
        """
        return replace(self, **changes)

    @staticmethod
    def combine(verdicts: Iterable["Verdict"], **fields: Any) -> "Verdict":
        """The verdict of a sweep: the worst status (by :attr:`Status.rank`); evidence of the first worst case.

        The methods of all cases are joined, the precision is the largest one; an empty sweep is
        UNDECIDED ("no cases were checked"), never a success.

        Parameters
        ----------
        verdicts : iterable of Verdict
            The verdicts of the cases.
        **fields
            Fields that override the combined ones (``claim=``, ``source=`` ...).

        Returns
        -------
        Verdict
            The combined verdict.

        Examples
        --------
        >>> from hardverify import Status, Verdict
        >>> vs = [Verdict(Status.PROVED, claim="F1"), Verdict(Status.CERTIFIED, claim="F1", evidence="n = 10")]
        >>> c = Verdict.combine(vs)
        >>> c.status.name, c.evidence
        ('CERTIFIED', 'n = 10')
        >>> Verdict.combine([]).status.name
        'UNDECIDED'
        """
        verdicts = list(verdicts)
        if not verdicts:
            return Verdict(Status.UNDECIDED, evidence="no cases were checked", **fields)
        worst = max(verdicts, key=lambda v: v.status.rank)
        methods = sorted({v.method for v in verdicts if v.method})
        precs = [v.precision for v in verdicts if v.precision is not None]
        base = dict(
            status=worst.status,
            claim=worst.claim,
            method="; ".join(methods),
            precision=max(precs) if precs else None,
            evidence=worst.evidence,
            source=worst.source,
            params=worst.params,
        )
        base.update(fields)
        return Verdict(**base)

    def to_dict(self) -> dict:
        """A JSON-ready dict of every field (the status as its name; other values as strings).

        Returns
        -------
        dict
            Keys ``status, claim, method, precision, evidence, source, params, data``.
        """
        return {
            "status": self.status.value,
            "claim": self.claim,
            "method": self.method,
            "precision": self.precision,
            "evidence": self.evidence,
            "source": self.source,
            "params": {k: _jsonable(v) for k, v in self.params.items()},
            "data": {k: _jsonable(v) for k, v in self.data.items()},
        }

    def __str__(self) -> str:
        p = ", ".join(f"{k}={v}" for k, v in self.params.items())
        head = f"{self.claim}({p})" if p else self.claim
        return f"{self.status.value}: {head} [{self.method}] {self.evidence}".strip()

    # -- display: a short repr, and rich output in notebooks ------------------------------------
    def __repr__(self) -> str:
        p = ", ".join(f"{_clip(k, 12)}={_clip(v, 16)}" for k, v in list(self.params.items())[:4])
        p += ", …" if len(self.params) > 4 else ""
        head = f"{_clip(self.claim, 24)}({p})" if p else (_clip(self.claim, 24) or "—")
        return f"<Verdict {self.status.value} {_clip(head, 50)}: {_clip(self.method, 45)}>"     # ≤ 120 characters

    def _rows(self) -> list:
        rows = [("status", self.status.value), ("claim", self.claim), ("method", self.method),
                ("precision", "" if self.precision is None else f"{self.precision} digits"),
                ("parameters", ", ".join(f"{k} = {v}" for k, v in self.params.items())),
                ("evidence", self.evidence), ("source", self.source)]
        return [(k, str(v)) for k, v in rows if v not in ("", None)]

    def _repr_html_(self) -> str:
        color = STATUS_COLORS
        cells = "".join(f"<tr><th style='text-align:left;padding-right:1em'>{html.escape(k)}</th>"
                        f"<td style='text-align:left'>{html.escape(_clip(v, 2000))}</td></tr>" for k, v in self._rows())
        badge = (f"<span style='color:white;background:{color[self.status.value]};padding:0 0.4em;"
                 f"border-radius:3px'>{self.status.value}</span>")
        return f"<div class='hardverify-verdict'>{badge}<table>{cells}</table></div>"

    def _repr_markdown_(self) -> str:
        lines = [f"**{self.status.value}** {_md(self.claim)}", "", "| | |", "|---|---|"]
        lines += [f"| {k} | {_md(_clip(v, 500))} |" for k, v in self._rows() if k != "status"]
        return "\n".join(lines)


#: the colour of each status in notebook displays (verdicts, reports)
STATUS_COLORS = {"PROVED": "#1a7f37", "CERTIFIED": "#2da44e", "UNDECIDED": "#9a6700", "REFUTED": "#cf222e"}


def _clip(text: str, n: int) -> str:
    text = str(text)
    return text if len(text) <= n else text[: n - 1] + "…"


def _md(text: str) -> str:
    """Markdown-escape a cell: pipes, emphasis markers, backslashes; newlines become spaces."""
    out = str(text).replace("\\", "\\\\").replace("\n", " ")
    for ch in "|*_`[]<>":
        out = out.replace(ch, "\\" + ch)
    return out


def _jsonable(v):
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _jsonable(x) for k, x in v.items()}
    return str(v)
