"""Reports of a proof-checking run: terminal table (rich), Markdown and JSON.

The JSON report is deterministic: two runs give identical files apart from the
``seconds`` fields (and the ``generated`` timestamp), because every claim and
case is listed in declaration order and every random choice in a proof script
is seeded.  The seeds are recorded: per claim (declared with ``@claim(seeds=...)``)
and gathered in the top-level ``"seeds"`` object of the JSON report and in a
"Seeds" section of the Markdown report.
"""

from __future__ import annotations

import json
import platform
from datetime import datetime, timezone
from importlib import metadata

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .proofs import ClaimResult
from .verdict import Status

__all__ = ["render_table", "to_json", "to_markdown", "summary", "seeds", "environment", "without_timings"]

_STYLE = {Status.PROVED: "bold green", Status.CERTIFIED: "green", Status.UNDECIDED: "yellow",
          Status.REFUTED: "bold red"}


def environment() -> dict:
    """Versions of Python and the numeric stack (recorded in every report)."""
    out = {"python": platform.python_version()}
    for pkg in ("hardverify", "sympy", "mpmath", "python-flint", "numpy", "scipy"):
        try:
            out[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            out[pkg] = "not installed"
    return out


def summary(results: list[ClaimResult]) -> dict:
    claims = [r for r in results if not r.claim.control]
    controls = [r for r in results if r.claim.control]
    counts = {s.value: sum(1 for r in claims if r.verdict.status is s) for s in Status}
    return {
        "claims": len(claims),
        "controls": len(controls),
        "cases": sum(len(r.cases) for r in results),
        "status": counts,
        "controls_refuted": sum(1 for r in controls if r.passed),
        "failed": [r.claim.name for r in results if not r.passed],
        "ok": all(r.passed for r in results),
    }


def _status_text(r: ClaimResult) -> str:
    v = r.verdict
    if r.claim.control:
        return f"{v.status.value} (control{'' if r.passed else ' NOT refuted'})"
    return v.status.value


def render_table(results: list[ClaimResult], console: Console | None = None) -> None:
    console = console or Console()
    table = Table(title="hardverify: claims checked", show_lines=False)
    for col, kw in (("ID", {"style": "bold"}), ("claim", {}), ("status", {}), ("cases", {"justify": "right"}),
                    ("time", {"justify": "right"}), ("method", {"max_width": 48})):
        table.add_column(col, **kw)
    for r in results:
        v = r.verdict
        style = _STYLE[v.status] if r.passed else "bold red"
        title = r.claim.title + (" [negative control]" if r.claim.control else "")
        # claim text is not rich markup: "[sign] ..." or "[deliberately wrong]" must print as written
        table.add_row(escape(r.claim.id), escape(title), f"[{style}]{_status_text(r)}[/]", str(len(r.cases)),
                      f"{r.seconds:.2f}s", escape(v.method))
    console.print(table)
    s = summary(results)
    counts = ", ".join(f"{k} {n}" for k, n in s["status"].items() if n)
    line = (f"{s['claims']} claims{f' ({counts})' if counts else ''}, "
            f"{s['controls_refuted']}/{s['controls']} negative controls refuted, {s['cases']} cases")
    console.print(line)
    for r in results:
        if not r.passed:
            console.print(f"[bold red]FAILED[/] {escape(r.claim.id)} {escape(r.claim.title)}: "
                          f"{escape(r.verdict.evidence)}")


#: the keys of the JSON report that change from run to run (wall-clock time)
TIMING_KEYS = ("generated", "seconds")


def without_timings(doc):
    """A JSON report (parsed) without its timing keys: two runs of the same proofs give equal values.

    >>> without_timings({"generated": "2026-01-01", "claims": [{"id": "H1", "seconds": 0.1}]})
    {'claims': [{'id': 'H1'}]}
    """
    if isinstance(doc, dict):
        return {k: without_timings(v) for k, v in doc.items() if k not in TIMING_KEYS}
    if isinstance(doc, list):
        return [without_timings(v) for v in doc]
    return doc


def seeds(results: list[ClaimResult]) -> dict:
    """``{claim name: {what: seed}}`` for every claim that makes a random choice."""
    return {r.claim.name: dict(r.claim.seeds) for r in results if r.claim.seeds}


def to_json(results: list[ClaimResult]) -> str:
    doc = {
        "generated": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "environment": environment(),
        "summary": summary(results),
        "seeds": seeds(results),
        "claims": [
            {
                "id": r.claim.id,
                "name": r.claim.name,
                "title": r.claim.title,
                "source": r.claim.source,
                "note": r.claim.note,
                "control": r.claim.control,
                "seeds": dict(r.claim.seeds),
                "passed": r.passed,
                "verdict": r.verdict.to_dict(),
                "seconds": round(r.seconds, 4),
                "cases": [dict(c.verdict.to_dict(), seconds=round(c.seconds, 4)) for c in r.cases],
            }
            for r in results
        ],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False)


def _md_escape(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def to_markdown(results: list[ClaimResult]) -> str:
    s = summary(results)
    lines = ["# hardverify proof-checking report", ""]
    env = environment()
    lines.append("Environment: " + ", ".join(f"{k} {v}" for k, v in env.items()))
    lines.append("")
    lines.append(f"**{'All claims hold.' if s['ok'] else 'Some claims failed.'}** "
                 f"{s['claims']} claims, {s['controls_refuted']}/{s['controls']} negative controls refuted, "
                 f"{s['cases']} cases.")
    lines += ["", "| ID | claim | status | cases | time | method | evidence (worst case) |",
              "|---|---|---|---|---|---|---|"]
    for r in results:
        v = r.verdict
        title = r.claim.title + (" *(negative control)*" if r.claim.control else "")
        lines.append(f"| {r.claim.id} | {_md_escape(title)} | {_status_text(r)} | {len(r.cases)} | "
                     f"{r.seconds:.2f}s | {_md_escape(v.method)} | {_md_escape(v.evidence)[:300]} |")
    notes = [r for r in results if r.claim.note]
    if notes:
        lines += ["", "## Notes", ""]
        for r in notes:
            lines.append(f"* **{r.claim.id}** ({r.claim.title}): {r.claim.note}")
    used = seeds(results)
    lines += ["", "## Seeds", ""]
    if used:
        for name, items in used.items():
            lines.append(f"* `{name}`: " + ", ".join(f"{k} = {v}" for k, v in items.items()))
    else:
        lines.append("No claim in this run makes a random choice.")
    lines.append("")
    return "\n".join(lines)
