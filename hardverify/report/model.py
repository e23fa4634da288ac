"""The data model of a proof-checking run, shared by every writer (JSON, Markdown, LaTeX, terminal).

A :class:`Report` is built once from the runner's results (:func:`Report.from_results`) and holds,
per claim, a :class:`ClaimRecord`: what was claimed, its status, a *representative case* (the worst
case, and among equally bad cases the last one whose evidence says something — in a sweep the
largest parameters), a :class:`SweepSummary` (count, parameter ranges, statuses, methods), and the
cases themselves as :class:`CaseRecord`.  Writers only format; they never recompute a status.

>>> from hardverify.verdict import Status, Verdict
>>> is_trivial("0 == 0"), is_trivial("1 = 1"), is_trivial("1/2 == 1/2"), is_trivial("0 == 1")
(True, True, False, False)
>>> describe_params({"n": 10**6, "act": "relu"})
'n = 1000000, act = relu'
"""

from __future__ import annotations

import html
import platform
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import metadata

from ..core.markup import Styled, html_table
from ..verdict import STATUS_COLORS, Status

__all__ = ["Report", "ClaimRecord", "CaseRecord", "SweepSummary", "RunInfo", "environment", "is_trivial",
           "describe_params", "shorten", "TIMING_TEXT", "ISOLATED_TIMING_TEXT"]

#: what a claim's ``seconds`` means in a default run (see :mod:`hardverify.proofs`)
TIMING_TEXT = ("sum of the claim's cases' own times in shared worker processes; work memoised by an earlier "
               "case in the same worker is not counted again, so a claim can look cheaper than alone "
               "(hardverify prove --isolate times each claim alone)")
#: what it means with ``isolate=True``
ISOLATED_TIMING_TEXT = "sum of the claim's cases' own times, each claim alone in a fresh process (cold caches)"

_SAME = re.compile(r"^\s*(.{1,80}?)\s*==\s*\1\s*$")
_TRIVIAL = re.compile(r"^\s*([-+]?[01](?:\.0*)?)\s*(?:==|=|≈)\s*\1\s*$")


def is_trivial(evidence: str) -> bool:
    """Whether an evidence text says only ``0 == 0`` or ``1 == 1`` (nothing about the quantity).

    Such cases are passed over when a representative case is chosen.

    Parameters
    ----------
    evidence : str
        A verdict's evidence text.

    Returns
    -------
    bool
        True for ``0 == 0``, ``1 = 1``, ``1.0 ≈ 1.0`` and the like.
    """
    return bool(_TRIVIAL.match(evidence or ""))


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis when it is longer.

    Parameters
    ----------
    text : str
        Any text (None reads as empty).
    width : int
        The largest length of the result.

    Returns
    -------
    str
        Whitespace runs collapsed to one space; ``width - 1`` characters and ``…`` when cut.

    Examples
    --------
    >>> shorten("abcdef", 4), shorten("ab\\ncd", 10)
    ('abc…', 'ab cd')
    """
    one = " ".join((text or "").split())
    return one if len(one) <= width else one[: max(width - 1, 0)] + "…"


def describe_params(params: dict) -> str:
    """``{"n": 4, "k": 2}`` as ``"n = 4, k = 2"`` (empty for a claim without parameters).

    Parameters
    ----------
    params : dict
        A case's parameters.

    Returns
    -------
    str
        ``"name = value"`` items joined by commas, in the dict's order.
    """
    return ", ".join(f"{k} = {v}" for k, v in params.items())


def environment() -> dict:
    """Versions of Python, hardverify and its numeric stack (recorded in every report).

    Returns
    -------
    dict
        ``{"python": ..., "hardverify": ..., "sympy": ..., ...}``; ``"not installed"`` for a missing
        optional package.
    """
    out = {"python": platform.python_version()}
    for pkg in ("hardverify", "sympy", "mpmath", "python-flint", "numpy", "scipy", "rich", "matplotlib"):
        try:
            out[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            out[pkg] = "not installed"
    return out


@dataclass(frozen=True)
class CaseRecord:
    """One case of a claim as the writers see it: parameters, status, method, precision, evidence, data.

    Parameters
    ----------
    index : int
        The case's position in the claim's sweep.
    params : dict
        Its parameters.
    status : Status
        Its verdict's status.
    method : str
        How it was decided.
    precision : int or None
        Decimal digits of a certified result.
    evidence : str
        The verdict's evidence text.
    data : dict
        The verdict's machine-readable data.
    seconds : float
        The case's own wall time.
    skipped : str
        Why the case did not apply (``""`` when it was checked).
    """

    index: int
    params: dict
    status: Status
    method: str
    precision: int | None
    evidence: str
    data: dict
    seconds: float
    skipped: str = ""

    @classmethod
    def from_case(cls, index: int, case) -> "CaseRecord":
        """The record of a runner's :class:`~hardverify.proofs.CaseResult`.

        Parameters
        ----------
        index : int
            The case's position in its claim.
        case : CaseResult
            The case.

        Returns
        -------
        CaseRecord
            With copies of the parameters and data.
        """
        v = case.verdict
        return cls(index, dict(case.params), v.status, v.method, v.precision, v.evidence, dict(v.data),
                   float(case.seconds), getattr(case, "skipped", ""))

    @property
    def summary(self) -> str:
        """Parameters and evidence in one line (``"m = 12: c_12 == ..."``).

        An evidence ``x == x`` is rewritten ``both sides are x exactly``.

        Returns
        -------
        str
            ``"<parameters>: <evidence>"``, or the evidence alone without parameters.
        """
        head = describe_params(self.params)
        ev = self.evidence
        same = _SAME.match(ev)
        if same:
            ev = f"both sides are {same.group(1)} exactly"
        return f"{head}: {ev}" if head else ev

    def __repr__(self) -> str:
        return f"<CaseRecord {self.index} {self.status.value} {shorten(describe_params(self.params), 60)}>"


@dataclass(frozen=True)
class SweepSummary:
    """What a claim's cases covered: count, each parameter's range, statuses and methods (with counts).

    Parameters
    ----------
    count : int
        The number of cases, skipped ones included.
    parameters : dict
        Name -> ``{"min", "max", "count"}`` for numbers taking several values, ``{"values": [...]}``
        otherwise.
    statuses : dict
        Status value -> number of checked cases.
    methods : dict
        Method -> number of checked cases that used it.
    skipped : int
        Cases that did not apply.
    """

    count: int
    parameters: dict      # name -> {"min", "max", "count"} for numbers, {"values": [...]} otherwise
    statuses: dict        # status value -> number of checked cases
    methods: dict         # method -> number of checked cases
    skipped: int = 0      # cases that did not apply

    @classmethod
    def of(cls, cases: list[CaseRecord]) -> "SweepSummary":
        """The summary of a claim's cases.

        Parameters
        ----------
        cases : list of CaseRecord
            The claim's cases.

        Returns
        -------
        SweepSummary
            Skipped cases count in ``count`` and ``skipped`` only.
        """
        params: dict = {}
        for name in dict.fromkeys(k for c in cases for k in c.params):
            vals = list(dict.fromkeys(c.params[name] for c in cases if name in c.params))
            numeric = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in vals)
            params[name] = ({"min": min(vals), "max": max(vals), "count": len(vals)} if numeric and len(vals) > 1
                            else {"values": vals})
        statuses: dict = {}
        methods: dict = {}
        for c in cases:
            if c.skipped:
                continue
            statuses[c.status.value] = statuses.get(c.status.value, 0) + 1
            for m in dict.fromkeys(p.strip() for p in c.method.split("; ") if p.strip()):
                methods[m] = methods.get(m, 0) + 1      # a case's combined methods, each counted once
        return cls(len(cases), params, statuses, methods, sum(1 for c in cases if c.skipped))

    def parameters_text(self, width: int = 60) -> str:
        """The parameters covered, e.g. ``"n = 4 … 1000000 (10 values); act ∈ {relu, sign}"``.

        Parameters
        ----------
        width : int
            Characters kept of each value list.

        Returns
        -------
        str
            One item per parameter, joined by ``"; "``.
        """
        parts = []
        for name, p in self.parameters.items():
            if "values" in p:
                vals = p["values"]
                parts.append(f"{name} = {vals[0]}" if len(vals) == 1 else
                             shorten(f"{name} ∈ {{{', '.join(map(str, vals))}}}", width))
            else:
                parts.append(f"{name} = {p['min']} … {p['max']} ({p['count']} values)")
        return "; ".join(parts)

    def methods_text(self, width: int = 200) -> str:
        """The distinct methods, each once, with its case count when it was not used in every case.

        Parameters
        ----------
        width : int
            Characters kept.

        Returns
        -------
        str
            Methods joined by ``"; "``.
        """
        checked = self.count - self.skipped
        parts = [m if n == checked else f"{m} ({n} case{'' if n == 1 else 's'})" for m, n in self.methods.items()]
        return shorten("; ".join(parts), width)


@dataclass(frozen=True)
class ClaimRecord:
    """One claim of the run, with its representative case and the summary of its sweep.

    The representative case is the worst one (among equally bad cases the last whose evidence
    says something: in a sweep, the largest parameters).

    Parameters
    ----------
    id : str
        The SPEC ID.
    name : str
        ``"<script stem>:<function>"``.
    title, source, note : str
        As declared with ``@claim``.
    control : bool
        A negative control.
    seeds : dict
        What -> seed (or seed formula).
    passed : bool
        Whether the claim holds (:attr:`~hardverify.proofs.ClaimResult.passed`).
    status : Status
        The claim's verdict status.
    precision : int or None
        The largest precision of its cases.
    representative : CaseRecord or None
        The case shown in tables.
    sweep : SweepSummary
        What the cases covered.
    seconds : float
        Sum of the cases' own times.
    cases : tuple of CaseRecord
        Every case.
    """

    id: str
    name: str
    title: str
    source: str
    note: str
    control: bool
    seeds: dict
    passed: bool
    status: Status
    precision: int | None
    representative: CaseRecord | None
    sweep: SweepSummary
    seconds: float
    cases: tuple

    @classmethod
    def from_result(cls, result) -> "ClaimRecord":
        """The record of a runner's :class:`~hardverify.proofs.ClaimResult`.

        Parameters
        ----------
        result : ClaimResult
            The claim's result.

        Returns
        -------
        ClaimRecord
            With every case recorded and the representative chosen.
        """
        c = result.claim
        cases = [CaseRecord.from_case(i, cr) for i, cr in enumerate(result.cases)]
        precs = [x.precision for x in cases if x.precision is not None]
        return cls(c.id, c.name, c.title, c.source, c.note, c.control, dict(c.seeds), result.passed,
                   result.verdict.status, max(precs) if precs else None, _representative(cases, c.control),
                   SweepSummary.of(cases), float(result.seconds), tuple(cases))

    @property
    def failures(self) -> tuple:
        """The cases that make the claim fail (not PROVED/CERTIFIED; for a control, not REFUTED).

        Returns
        -------
        tuple of CaseRecord
            Skipped cases are never failures.
        """
        return tuple(x for x in self.cases if not x.skipped and not _case_ok(x, self.control))

    @property
    def cases_text(self) -> str:
        """The case count as shown in tables.

        Returns
        -------
        str
            ``"600"``, or ``"600 (42 skipped)"``.
        """
        n, s = self.sweep.count, self.sweep.skipped
        return f"{n} ({s} skipped)" if s else str(n)

    @property
    def evidence(self) -> str:
        """The representative case's parameters and evidence, in one line.

        Returns
        -------
        str
            :attr:`CaseRecord.summary`, or ``"no cases were checked"``.
        """
        return self.representative.summary if self.representative else "no cases were checked"

    @property
    def status_text(self) -> str:
        """The status as shown in tables.

        Returns
        -------
        str
            ``"PROVED"`` ..., or for a negative control ``"REFUTED (control)"`` /
            ``"<status> (control NOT refuted)"``.
        """
        if self.control:
            return f"{self.status.value} (control{'' if self.passed else ' NOT refuted'})"
        return self.status.value

    def __repr__(self) -> str:
        return (f"<ClaimRecord {shorten(self.id, 20)} {self.status_text}: {self.cases_text} cases, "
                f"{shorten(self.name, 40)}>")


def _case_ok(case: CaseRecord, control: bool) -> bool:
    return case.status is Status.REFUTED if control else case.status.ok


def _representative(cases: list[CaseRecord], control: bool) -> CaseRecord | None:
    cases = [x for x in cases if not x.skipped] or cases
    if not cases:
        return None
    bad = [x for x in cases if not _case_ok(x, control)]
    pool = bad or cases
    if not bad:                       # all fine: the worst status, then the last informative case
        worst = max(x.status.rank for x in pool)
        pool = [x for x in pool if x.status.rank == worst]
        informative = [x for x in pool if not is_trivial(x.evidence)]
        return (informative or pool)[-1]
    worst = max(x.status.rank for x in bad) if not control else min(x.status.rank for x in bad)
    return next(x for x in bad if x.status.rank == worst)


@dataclass(frozen=True)
class RunInfo:
    """How the run was made: worker count, isolation, wall-clock seconds, what claim times mean.

    Parameters
    ----------
    jobs : int, optional
        Worker processes.
    isolate : bool
        Each claim ran alone in a fresh process.
    seconds : float, optional
        Wall-clock time of the run.
    all_cases : bool
        The JSON report lists every case (not only failures).
    """

    jobs: int | None = None
    isolate: bool = False
    seconds: float | None = None
    all_cases: bool = False

    @property
    def timing(self) -> str:
        """What a claim's ``seconds`` means in this run.

        Returns
        -------
        str
            :data:`ISOLATED_TIMING_TEXT` with ``isolate``, else :data:`TIMING_TEXT`.
        """
        return ISOLATED_TIMING_TEXT if self.isolate else TIMING_TEXT


@dataclass(frozen=True)
class Report:
    """A whole run: claim records, environment, run settings and the time it was generated.

    Build it with :meth:`from_results`; the writers (JSON, Markdown, LaTeX, terminal) only format it.

    Parameters
    ----------
    claims : tuple of ClaimRecord
        The claims, in declaration order.
    environment : dict
        Package versions (default :func:`environment`).
    run : RunInfo
        How the run was made.
    generated : str
        ISO 8601 UTC time stamp (default now).

    Examples
    --------
    >>> from hardverify.proofs import claim, run
    >>> from hardverify.verdict import Status, Verdict
    >>> @claim("X1", "n = n", sweep={"n": [2, 3]})
    ... def same(n):
    ...     return Verdict(Status.PROVED, method="exact", evidence=f"{n} == {n}")
    >>> results = run([same.claim], jobs=1)
    >>> rep = Report.from_results(results, jobs=1)
    >>> rep.summary_line()
    '1 claim (PROVED 1), 0/0 negative controls refuted, 2 cases'
    >>> rep.claims[0].evidence                     # the last informative case
    'n = 3: both sides are 3 exactly'
    """

    claims: tuple
    environment: dict = field(default_factory=environment)
    run: RunInfo = field(default_factory=RunInfo)
    generated: str = field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))

    @classmethod
    def from_results(cls, results, *, jobs: int | None = None, isolate: bool = False,
                     seconds: float | None = None, all_cases: bool = False) -> "Report":
        """Build the report of a run.

        Parameters
        ----------
        results : list of ClaimResult
            The runner's results (:func:`hardverify.proofs.run`).
        jobs : int, optional
            Worker processes used.
        isolate : bool
            Whether each claim ran alone.
        seconds : float, optional
            Wall-clock time of the run.
        all_cases : bool
            List every case in the JSON report.

        Returns
        -------
        Report
            One :class:`ClaimRecord` per result.
        """
        return cls(tuple(ClaimRecord.from_result(r) for r in results),
                   run=RunInfo(jobs, isolate, seconds, all_cases))

    @property
    def summary(self) -> dict:
        """Counts of the run.

        Returns
        -------
        dict
            ``claims`` and ``controls`` (counts), ``cases`` (all, skipped included), ``status``
            (status value -> number of non-control claims), ``controls_refuted``, ``failed`` (names
            of the claims that do not pass) and ``ok`` (every claim passes).
        """
        claims = [r for r in self.claims if not r.control]
        controls = [r for r in self.claims if r.control]
        counts = {s.value: sum(1 for r in claims if r.status is s) for s in Status}
        return {
            "claims": len(claims),
            "controls": len(controls),
            "cases": sum(len(r.cases) for r in self.claims),
            "status": counts,
            "controls_refuted": sum(1 for r in controls if r.passed),
            "failed": [r.name for r in self.claims if not r.passed],
            "ok": all(r.passed for r in self.claims),
        }

    @property
    def seeds(self) -> dict:
        """The seeds of the run.

        Returns
        -------
        dict
            ``{claim name: {what: seed}}`` for every claim that makes a random choice.
        """
        return {r.name: dict(r.seeds) for r in self.claims if r.seeds}

    def summary_line(self) -> str:
        """The run in one line.

        Returns
        -------
        str
            E.g. ``"86 claims (PROVED 60, CERTIFIED 26), 18/18 negative controls refuted, 1900 cases"``.
        """
        s = self.summary
        counts = ", ".join(f"{k} {n}" for k, n in s["status"].items() if n)

        def plural(n: int) -> str:
            return "" if n == 1 else "s"
        return (f"{s['claims']} claim{plural(s['claims'])}{f' ({counts})' if counts else ''}, "
                f"{s['controls_refuted']}/{s['controls']} negative control{plural(s['controls'])} refuted, "
                f"{s['cases']} case{plural(s['cases'])}")

    # -- display: a short repr, and rich output in notebooks ------------------------------------
    def __repr__(self) -> str:
        failed = self.summary["failed"]
        return f"<Report: {self.summary_line()}; {f'{len(failed)} failed' if failed else 'all claims hold'}>"

    def _repr_markdown_(self) -> str:
        from .markdown import to_markdown  # the one Markdown writer (it imports this module)
        return to_markdown(self)

    def _repr_html_(self) -> str:
        """The summary line and the claims table, each status coloured (a control by whether it was refuted)."""
        def status(r):
            ok = STATUS_COLORS["PROVED"] if r.passed else STATUS_COLORS["REFUTED"]
            return Styled(r.status_text, f"color:{ok if r.control else STATUS_COLORS[r.status.value]};font-weight:bold")
        rows = [(r.id, r.title + (" (negative control)" if r.control else ""), status(r), r.cases_text,
                 r.sweep.parameters_text(), f"{r.seconds:.2f} s", r.evidence) for r in self.claims]
        head = "All claims hold." if self.summary["ok"] else "Some claims failed."
        table = html_table(rows, header=("ID", "claim", "status", "cases", "parameters", "time", "evidence"), width=240)
        return (f"<div class='hardverify-report'><p><b>{html.escape(head)}</b> {html.escape(self.summary_line())}.</p>"
                f"{table}</div>")
