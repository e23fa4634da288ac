"""Terminal writer: the run as a rich table, every piece of claim text escaped (never read as markup).

>>> import io
>>> from rich.console import Console
>>> from hardverify.report.model import Report
>>> console = Console(record=True, width=100, file=io.StringIO())
>>> render_report(Report(()), console)
>>> "0 claims" in console.export_text()
True
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..verdict import Status
from .model import Report, shorten

__all__ = ["render_report", "STYLE"]

#: rich style of each status
STYLE = {Status.PROVED: "bold green", Status.CERTIFIED: "green", Status.UNDECIDED: "yellow",
         Status.REFUTED: "bold red"}


def render_report(report: Report, console: Console | None = None) -> None:
    """Print the claims table, the summary line and every failure with its evidence.

    Parameters
    ----------
    report : Report
        The run.
    console : rich.console.Console, optional
        Where to print (default a new Console on stdout).
    """
    console = console or Console()
    table = Table(title="hardverify: claims checked", caption=escape(f"time: {report.run.timing}"),
                  caption_justify="left")
    for col, kw in (("ID", {"style": "bold"}), ("claim", {"ratio": 3}), ("status", {}),
                    ("cases", {"justify": "right"}), ("time", {"justify": "right"}),
                    ("evidence (representative case)", {"ratio": 3})):
        table.add_column(col, **kw)
    for r in report.claims:
        style = STYLE[r.status] if r.passed else "bold red"
        title = r.title + (" [negative control]" if r.control else "")
        table.add_row(escape(r.id), escape(title), f"[{style}]{escape(r.status_text)}[/]", r.cases_text,
                      f"{r.seconds:.2f}s", escape(shorten(r.evidence, 160)))
    console.print(table)
    console.print(escape(report.summary_line()), highlight=False)
    for r in report.claims:
        if not r.passed:
            console.print(f"[bold red]FAILED[/] {escape(r.id)} {escape(r.title)}: {escape(r.evidence)}",
                          highlight=False)
