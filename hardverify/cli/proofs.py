"""``hardverify prove`` and ``hardverify list``: proof-checking runs from the command line.

``prove`` validates its options first (``-j`` within the CPUs this process may use, ``--out``
writable, matplotlib present for ``--plots``), then runs every case, showing progress: a live
bar with an ETA on a terminal, a plain line every ``--progress-every`` seconds otherwise (CI logs).
"""

from __future__ import annotations

import fnmatch
import threading
import time

from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from .. import __version__
from ..errors import DomainError
from ..proofs import load
from ..proofs import run as run_claims
from ..report import Report, render_report
from ..report.files import check_writable, write_reports
from ..report.json_report import to_json
from . import HELP_FORMAT, add_json_flag, console, cpu_count, example, print_json

__all__ = ["add_parser", "run", "ProgressLines", "format_seconds"]


def format_seconds(s: float) -> str:
    """A duration as ``m:ss`` or ``h:mm:ss``: ``75.3`` as ``"1:15"``, ``3725`` as ``"1:02:05"``.

    Parameters
    ----------
    s : float
        Seconds (negative values read as 0; rounded to whole seconds).

    Returns
    -------
    str
        The duration.

    Examples
    --------
    >>> format_seconds(75.3), format_seconds(3725), format_seconds(4)
    ('1:15', '1:02:05', '0:04')
    """
    s = int(round(max(s, 0)))
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


class ProgressLines:
    """Progress as plain lines (no TTY needed): one every ``every`` seconds and one at the end.

    A line is printed when a case finishes and ``every`` seconds have passed since the last line;
    :meth:`ticking` also prints one when no case has finished for ``every`` seconds, so a CI log
    never goes quiet.  The ETA assumes the remaining cases cost what the finished ones cost on
    average: a rough figure (cases differ a lot), marked with ``~``.  Call the object with a claim's
    name whenever one of its cases finishes (thread-safe).

    Parameters
    ----------
    cases_per_claim : dict
        Claim name -> its number of cases.
    echo : callable
        ``echo(line)`` prints a line.
    every : float
        Seconds between lines (default 10).
    clock : callable
        Returns the time in seconds (default ``time.monotonic``; injectable for tests).

    Examples
    --------
    >>> lines = []
    >>> clock = iter([0.0, 5.0, 20.0, 30.0]).__next__
    >>> p = ProgressLines({"a": 2, "b": 1}, lines.append, every=10, clock=clock)
    >>> for name in "aab":
    ...     p(name)
    >>> for line in lines:
    ...     print(line)
    progress: 2/3 cases (67%), 1/2 claims, elapsed 0:20, ETA ~0:10
    progress: 3/3 cases (100%), 2/2 claims, elapsed 0:30
    """

    def __init__(self, cases_per_claim: dict, echo, *, every: float = 10.0, clock=time.monotonic):
        self.per_claim = dict(cases_per_claim)
        self.total = sum(self.per_claim.values())
        self.echo, self.every, self.clock = echo, every, clock
        self.start = self.last = clock()
        self.done = 0
        self.seen: dict = {}
        self._lock = threading.Lock()

    def __call__(self, name: str) -> None:
        with self._lock:
            self.done += 1
            self.seen[name] = self.seen.get(name, 0) + 1
            now = self.clock()
            if now - self.last >= self.every or self.done == self.total:
                self.last = now
                self.echo(self.line(now))

    def tick(self) -> None:
        """Print a line if none was printed for ``every`` seconds (called by :meth:`ticking`)."""
        with self._lock:
            now = self.clock()
            if now - self.last >= self.every and self.done < self.total:
                self.last = now
                self.echo(self.line(now))

    def ticking(self):
        """A context manager running :meth:`tick` in a background thread until it exits.

        Returns
        -------
        context manager
            Its ``__enter__`` returns this object; ``__exit__`` stops and joins the thread.
        """
        return _Ticker(self)

    def line(self, now: float) -> str:
        """The progress line at time ``now``: cases and claims done, elapsed time and a rough ETA.

        Parameters
        ----------
        now : float
            The clock's current value.

        Returns
        -------
        str
            E.g. ``"progress: 2/3 cases (67%), 1/2 claims, elapsed 0:20, ETA ~0:10"``.
        """
        elapsed = now - self.start
        claims_done = sum(1 for k, n in self.seen.items() if n >= self.per_claim.get(k, 0))
        text = (f"progress: {self.done}/{self.total} cases ({100 * self.done / max(self.total, 1):.0f}%), "
                f"{claims_done}/{len(self.per_claim)} claims, elapsed {format_seconds(elapsed)}")
        if self.done < self.total and self.done:
            text += f", ETA ~{format_seconds(elapsed / self.done * (self.total - self.done))}"
        return text


class _Ticker:
    def __init__(self, lines: ProgressLines):
        self.lines, self.stop = lines, threading.Event()
        self.thread = threading.Thread(target=self._loop, name="hardverify-progress", daemon=True)

    def _loop(self):
        while not self.stop.wait(min(self.lines.every, 1.0)):
            self.lines.tick()

    def __enter__(self):
        self.thread.start()
        return self.lines

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()
        return False


def _select(claims, patterns):
    if not patterns:
        return claims
    return [c for c in claims if any(fnmatch.fnmatch(c.id, p) or fnmatch.fnmatch(c.name, p) or p in c.name
                                     for p in patterns)]


def default_proofs() -> str:
    """The directory of the bundled proof scripts.

    ``./proofs`` in a checkout, else the copy installed with the package
    (``<prefix>/share/hardverify/proofs``, from pyproject's data-files), so ``pip install . && hardverify
    prove`` works from any directory.

    Returns
    -------
    str
        The path; ``"proofs"`` when neither exists (loading then reports the missing directory).
    """
    import sys
    from pathlib import Path
    if Path("proofs").is_dir():
        return "proofs"
    installed = Path(sys.prefix) / "share" / "hardverify" / "proofs"
    return str(installed) if installed.is_dir() else "proofs"


def _load(args):
    paths = args.paths or [default_proofs()]
    try:
        claims = load(paths)
    except DomainError as exc:
        hint = "" if args.paths else "; run hardverify from the repository root, or pass the proofs directory"
        raise DomainError(f"{exc}{hint}") from None
    claims = _select(claims, args.select)
    if not claims:
        raise DomainError("no claims found" + (f" matching -k {' -k '.join(args.select)}" if args.select else ""))
    return claims


def _jobs(value) -> int:
    limit = cpu_count()
    jobs = limit if value is None else value
    if not 1 <= jobs <= limit:
        raise DomainError(f"--jobs must be between 1 and {limit} (the CPUs this process may use), got {jobs}")
    return jobs


def _prove(args) -> int:
    jobs = _jobs(args.jobs)
    if args.progress_every <= 0:
        raise DomainError(f"--progress-every must be a positive number of seconds, got {args.progress_every}")
    out = None if args.no_files else check_writable(args.out)
    if args.plots:
        from ..plots import require_matplotlib
        require_matplotlib()
        if out is None:
            raise DomainError("--plots writes figures into --out; it cannot be combined with --no-files")
    claims = _load(args)
    executor = None
    if args.scheduler:                       # an existing Dask cluster (pip install "hardverify[distributed]")
        from ..sq.executors import executor_for
        executor = executor_for(args.scheduler)
    con = console(stderr=args.json)          # with --json, standard output carries only the JSON
    total = sum(len(c.cases) for c in claims)
    where = (f"on the Dask scheduler {args.scheduler}" if executor is not None
             else "in this process" if jobs == 1 else f"{jobs} worker processes")
    con.print(escape(f"hardverify {__version__}: {len(claims)} claims, {total} cases, {where} "
                     f"(this machine: {cpu_count()} CPUs){', each claim isolated' if args.isolate else ''}"),
              highlight=False)
    t0 = time.perf_counter()
    if con.is_terminal:
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      TextColumn("ETA"), TimeRemainingColumn(), console=con, transient=True) as progress:
            task = progress.add_task("checking", total=total)

            def on_case(c, cr):
                progress.update(task, advance=1, description=escape(f"{c.id} {c.title[:40]}"))
            results = run_claims(claims, jobs=jobs, on_case=on_case, isolate=args.isolate, executor=executor)
    else:
        lines = ProgressLines({c.name: len(c.cases) for c in claims},
                              lambda text: con.print(escape(text), highlight=False), every=args.progress_every)
        with lines.ticking():
            results = run_claims(claims, jobs=jobs, on_case=lambda c, cr: lines(c.name), isolate=args.isolate,
                                 executor=executor)
    report = Report.from_results(results, jobs=jobs, isolate=args.isolate, seconds=time.perf_counter() - t0,
                                 all_cases=args.all_cases)
    render_report(report, con)
    if out is not None:
        written = write_reports(report, out)
        if args.plots:
            from ..plots import write_all
            written += write_all(out / "figures")
        con.print(escape("reports: " + ", ".join(str(p) for p in written)), highlight=False)
    if args.json:
        print(to_json(report), end="")
    return 0 if report.summary["ok"] else 1


def _list(args) -> int:
    claims = _load(args)
    if args.json:
        print_json([{"id": c.id, "name": c.name, "title": c.title, "source": c.source, "control": c.control,
                     "cases": len(c.cases), "seeds": dict(c.seeds)} for c in claims])
        return 0
    con = console()
    for c in claims:
        tag = " [negative control]" if c.control else ""
        con.print(escape(f"{c.id:6} {c.name:40} {len(c.cases):5} cases  {c.title}{tag}"), highlight=False)
    return 0


def _common(sp) -> None:
    sp.add_argument("paths", nargs="*", help="proof scripts or directories of them (default: proofs/)")
    sp.add_argument("-k", "--select", action="append", default=[], metavar="PATTERN",
                    help="only claims whose ID or name matches (glob, e.g. 'G*'; repeatable)")
    add_json_flag(sp)


def add_parser(sub):
    """Register the ``prove`` and ``list`` sub-commands.

    Parameters
    ----------
    sub : argparse._SubParsersAction
        The main parser's sub-parsers object.

    Returns
    -------
    list of argparse.ArgumentParser
        The ``prove`` and ``list`` parsers.
    """
    pr = sub.add_parser(
        "prove", help="check the claims of the proof scripts and write reports", formatter_class=HELP_FORMAT,
        description="Run every case of every claim of the proof scripts, print a table and write "
                    "proofs.json (schema-valid), proofs.md and proofs.tex into --out. Exit status 1 when a claim "
                    "is REFUTED or UNDECIDED or a negative control is not refuted, 2 for bad input.",
        epilog=example("hardverify prove                                   # proofs/, all CPUs, report/",
                       "hardverify prove proofs/hermite.py -k H3 -j 1 --out rep --plots"))
    _common(pr)
    pr.add_argument("-j", "--jobs", type=int, default=None,
                    help=f"worker processes, 1 to {cpu_count()} (default: all CPUs; 1 runs in this process)")
    pr.add_argument("--out", default="report", metavar="DIR", help="directory for the reports (default: report/)")
    pr.add_argument("--scheduler", default=None, metavar="ADDRESS",
                    help="run the cases on an existing Dask cluster (needs the distributed extra)")
    pr.add_argument("--no-files", action="store_true", help="write no report files")
    pr.add_argument("--plots", action="store_true", help="also write the figures (PNG and PDF) into DIR/figures")
    pr.add_argument("--all-cases", action="store_true",
                    help="list every case in the JSON report (default: failing cases and one representative)")
    pr.add_argument("--isolate", action="store_true",
                    help="run each claim alone in a fresh process, so its time is what it costs alone")
    pr.add_argument("--progress-every", type=float, default=10.0, metavar="SECONDS",
                    help="without a terminal, print a progress line this often (default 10)")
    ls = sub.add_parser("list", help="list the claims of the proof scripts without running them",
                        formatter_class=HELP_FORMAT, description="List the claims: ID, name, cases, title.",
                        epilog=example("hardverify list -k 'G*'"))
    _common(ls)
    pr.set_defaults(_which="prove")
    ls.set_defaults(_which="list")
    return [pr, ls]


def run(args) -> int:
    """Run ``prove`` (check the claims, print the table, write the reports) or ``list``.

    Parameters
    ----------
    args : argparse.Namespace
        Parsed by the parser of :func:`add_parser`.

    Returns
    -------
    int
        ``prove``: 0 when every claim passes, 1 otherwise; ``list``: 0.

    Raises
    ------
    DomainError
        Bad options (``-j`` out of range, ``--out`` not writable, ``--plots`` without matplotlib
        or with ``--no-files``, no matching claims); :func:`~hardverify.cli.main` prints it (status 2).
    """
    return _prove(args) if args._which == "prove" else _list(args)
