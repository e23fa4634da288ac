"""Markdown writer: the run as a GitHub-flavoured Markdown page (summary, claims table, notes, seeds).

Every piece of text from a claim or a check is escaped (:func:`escape`), so sympy's ``*`` and
``**``, ``_`` in names, ``[...]`` in titles, ``|`` in absolute values and ``<``/``&`` print as
written in any CommonMark renderer; long cells end in an ellipsis.

>>> escape("2*sqrt(2)/sqrt(pi) | x_1 [sign] <b>")
'2\\\\*sqrt(2)/sqrt(pi) \\\\| x\\\\_1 \\\\[sign\\\\] \\\\<b\\\\>'
"""

from __future__ import annotations

from ..core.markup import escape_markdown
from .model import Report, describe_params, shorten

__all__ = ["escape", "to_markdown", "EVIDENCE_WIDTH"]

#: characters of the evidence cell before it is cut with an ellipsis
EVIDENCE_WIDTH = 240


def escape(text: str) -> str:
    """``text`` on one line with the Markdown-active characters ``\\ ` * _ [ ] < > | ~ $ & #`` escaped.

    CommonMark lets any ASCII punctuation be escaped, and GitHub's tables read ``\\|`` as a
    literal bar, so the escaped text renders exactly as the original.

    Parameters
    ----------
    text : str
        Any text (whitespace runs, newlines included, become one space).

    Returns
    -------
    str
        The escaped text.

    Examples
    --------
    >>> escape("a_1 *b*\\nc")
    'a\\\\_1 \\\\*b\\\\* c'
    """
    return escape_markdown(text)


def _cell(text: str, width: int) -> str:
    return escape(shorten(text, width))


def to_markdown(report: Report) -> str:
    """The report as a Markdown page: summary, claims table, failures, notes and seeds.

    Parameters
    ----------
    report : Report
        The run.

    Returns
    -------
    str
        GitHub-flavoured Markdown.
    """
    s = report.summary
    lines = ["# hardverify proof-checking report", ""]
    lines.append(f"**{'All claims hold.' if s['ok'] else 'Some claims failed.'}** {escape(report.summary_line())}.")
    lines.append("")
    env = ", ".join(f"{k} {v}" for k, v in report.environment.items())
    lines.append(f"Generated {escape(report.generated)}; {escape(env)}.")
    run = report.run
    if run.jobs is not None or run.seconds is not None:
        parts = [f"{run.jobs} worker process{'es' if (run.jobs or 0) != 1 else ''}" if run.jobs else "",
                 f"{run.seconds:.1f} s wall clock" if run.seconds is not None else ""]
        lines.append(escape("Run: " + ", ".join(p for p in parts if p) + "."))
    lines += ["", f"*time*: {escape(run.timing)}.", "",
              "| ID | claim | status | cases | parameters | time | method | evidence (representative case) |",
              "|---|---|---|--:|---|--:|---|---|"]
    for r in report.claims:
        title = r.title + (" (negative control)" if r.control else "")
        lines.append("| " + " | ".join([
            escape(r.id), _cell(title, 200), escape(r.status_text), escape(r.cases_text),
            _cell(r.sweep.parameters_text(), 120), f"{r.seconds:.2f} s", _cell(r.sweep.methods_text(), 160),
            _cell(r.evidence, EVIDENCE_WIDTH)]) + " |")
    failed = [r for r in report.claims if not r.passed]
    if failed:
        lines += ["", "## Failures", ""]
        for r in failed:
            lines.append(f"* **{escape(r.id)}** `{r.name}` ({escape(r.title)}):")
            for c in r.failures[:20]:
                lines.append(f"  * {escape(c.status.value)}, {escape(describe_params(c.params) or 'no parameters')}: "
                             f"{escape(c.evidence)}")
            if len(r.failures) > 20:
                lines.append(f"  * … and {len(r.failures) - 20} more (see the JSON report)")
    notes = [r for r in report.claims if r.note]
    if notes:
        lines += ["", "## Notes", ""]
        for r in notes:
            lines.append(f"* **{escape(r.id)}** ({escape(r.title)}): {escape(r.note)}")
    lines += ["", "## Seeds", ""]
    if report.seeds:
        for name, items in report.seeds.items():
            lines.append(f"* `{name}`: " + escape(", ".join(f"{k} = {v}" for k, v in items.items())))
    else:
        lines.append("No claim in this run makes a random choice.")
    lines.append("")
    return "\n".join(lines)
