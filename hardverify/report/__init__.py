"""Reports of a proof-checking run: one data model, four writers.

* :mod:`~hardverify.report.model` — :class:`Report` (claims, parameters, status, method, precision,
  evidence, timings, versions, seeds), built once with :meth:`Report.from_results`;
* :mod:`~hardverify.report.json_report` — JSON valid against the shipped, versioned schema;
* :mod:`~hardverify.report.markdown` — Markdown, escaped for any CommonMark renderer;
* :mod:`~hardverify.report.latex` — a ``booktabs`` long table for a paper's appendix;
* :mod:`~hardverify.report.terminal` — the rich table ``hardverify prove`` prints.

The JSON report is deterministic: two runs give identical files apart from the keys in
:data:`TIMING_KEYS` (``generated``, ``run`` and every ``seconds``), because every claim and case is
listed in declaration order and every random choice in a proof script is seeded.  The seeds are
recorded per claim (declared with ``@claim(seeds=...)``), gathered in the top-level ``"seeds"``
object of the JSON report and in the "Seeds" section of the Markdown report.

The functions below take the runner's results directly (the older interface):

>>> from hardverify.proofs import claim, run
>>> from hardverify import checks
>>> @claim("X1", "one half is one half", sweep={"q": [1, 2]})
... def half(q):
...     return checks.exact_equal(q / (2 * q), 0.5)
>>> summary(run([half.claim], jobs=1))["ok"]
True
"""

from __future__ import annotations

from .json_report import SCHEMA_VERSION, TIMING_KEYS, schema, to_dict, without_timings
from .json_report import to_json as _report_json
from .latex import to_latex as _report_latex
from .latex import to_latex_document
from .markdown import to_markdown as _report_markdown
from .model import CaseRecord, ClaimRecord, Report, RunInfo, SweepSummary, environment
from .terminal import render_report

__all__ = ["Report", "ClaimRecord", "CaseRecord", "SweepSummary", "RunInfo", "environment", "summary", "seeds",
           "render_table", "render_report", "to_json", "to_markdown", "to_latex", "to_latex_document", "to_dict",
           "schema", "without_timings", "TIMING_KEYS", "SCHEMA_VERSION"]


def _report(results_or_report) -> Report:
    if isinstance(results_or_report, Report):
        return results_or_report
    return Report.from_results(results_or_report)


def summary(results) -> dict:
    """Counts of a run (claims, controls, cases, statuses, controls refuted, failed names, ok).

    Parameters
    ----------
    results : list of ClaimResult or Report
        The runner's results (:func:`hardverify.proofs.run`) or a report built from them.

    Returns
    -------
    dict
        See :attr:`Report.summary`.

    Examples
    --------
    >>> from hardverify.proofs import claim, run
    >>> from hardverify.verdict import Status, Verdict
    >>> @claim("X1", "n = n", sweep={"n": [2, 3]}, seeds={"none": 0})
    ... def same(n):
    ...     return Verdict(Status.PROVED, method="exact", evidence=f"{n} == {n}")
    >>> results = run([same.claim], jobs=1)
    >>> s = summary(results)
    >>> s["claims"], s["cases"], s["status"]["PROVED"], s["ok"]
    (1, 2, 1, True)
    """
    return _report(results).summary


def seeds(results) -> dict:
    """``{claim name: {what: seed}}`` for every claim that makes a random choice.

    Parameters
    ----------
    results : list of ClaimResult or Report
        The runner's results or a report.

    Returns
    -------
    dict
        Claim name -> its ``@claim(seeds=...)`` dict; claims without seeds are left out.
    """
    return _report(results).seeds


def render_table(results, console=None) -> None:
    """Print the claims table of a run on ``console`` (see :func:`~hardverify.report.terminal.render_report`).

    Parameters
    ----------
    results : list of ClaimResult or Report
        The runner's results or a report.
    console : rich.console.Console, optional
        Where to print (default a new Console on stdout).
    """
    render_report(_report(results), console)


def to_json(results) -> str:
    """The JSON report of a run (see :mod:`~hardverify.report.json_report`).

    Parameters
    ----------
    results : list of ClaimResult or Report
        The runner's results or a report.

    Returns
    -------
    str
        JSON text valid against :func:`schema`.

    Examples
    --------
    >>> from hardverify.proofs import claim, run
    >>> from hardverify.verdict import Status, Verdict
    >>> @claim("X1", "n = n", sweep={"n": [2, 3]}, seeds={"none": 0})
    ... def same(n):
    ...     return Verdict(Status.PROVED, method="exact", evidence=f"{n} == {n}")
    >>> results = run([same.claim], jobs=1)
    >>> import json
    >>> doc = json.loads(to_json(results))
    >>> doc["schema_version"], doc["summary"]["ok"], doc["seeds"]
    ('1.0', True, {'...:same': {'none': 0}})
    """
    return _report_json(_report(results))


def to_markdown(results) -> str:
    """The Markdown report of a run (see :mod:`~hardverify.report.markdown`).

    Parameters
    ----------
    results : list of ClaimResult or Report
        The runner's results or a report.

    Returns
    -------
    str
        GitHub-flavoured Markdown, every claim text escaped.
    """
    return _report_markdown(_report(results))


def to_latex(results, **kw) -> str:
    """The LaTeX table of a run (see :func:`~hardverify.report.latex.to_latex`).

    Parameters
    ----------
    results : list of ClaimResult or Report
        The runner's results or a report.
    **kw
        ``caption=`` and ``label=`` of the table.

    Returns
    -------
    str
        A ``longtable`` fragment (needs ``booktabs``, ``longtable``, ``array``).
    """
    return _report_latex(_report(results), **kw)
