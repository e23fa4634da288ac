"""``hardverify sq CONSTRUCTION --n ... --k ... --tau ... [--json] [--scheduler ADDRESS]`` (issue 14, item 4).

Two functions for the main parser: :func:`add_parser` (register the sub-command) and :func:`run`
(execute it; returns the exit code: 0 when the table was produced — rows whose hypotheses fail are shown
with their REFUTED/UNDECIDED status and no number — and 2 for bad input).

>>> import argparse
>>> p = argparse.ArgumentParser(prog="hardverify"); sub = p.add_subparsers(dest="command")
>>> _ = add_parser(sub)
>>> parse_list("10,100,1e3,1e6"), parse_list("2..5")
([10, 100, 1000, 1000000], [2, 3, 4, 5])
"""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation

from ..errors import DomainError, HardverifyError

__all__ = ["add_parser", "run", "parse_list"]


def parse_list(text: str) -> list:
    """Read a command-line list of positive ints: ``'10,100,1e3'``, ``'2..16'``, ``'2..16:2'``.

    Parameters
    ----------
    text : str
        Comma-separated items, each a positive integer (``1e6`` allowed) or a range ``a..b`` or
        ``a..b:step`` (inclusive).

    Returns
    -------
    list of int
        The values in order.

    Raises
    ------
    DomainError
        If an item is not a positive integer or a range is empty.

    Examples
    --------
    >>> parse_list("2..16:2") == list(range(2, 17, 2)), parse_list("1e6")
    (True, [1000000])
    """
    out = []
    for part in str(text).split(","):
        part = part.strip()
        try:
            if ".." in part:
                lo, _, rest = part.partition("..")
                hi, _, step = rest.partition(":")
                a, b, s = _int(lo), _int(hi), _int(step) if step else 1
                if b < a:
                    raise DomainError(f"empty range {part!r}")
                out.extend(range(a, b + 1, s))
            else:
                out.append(_int(part))
        except DomainError:
            raise
        except (InvalidOperation, ValueError):
            raise DomainError(f"cannot read {part!r}: use integers such as 10,1e3 or ranges such as 2..16") from None
    return out


def _int(s: str) -> int:
    d = Decimal(s)
    if d != d.to_integral_value() or d < 1:
        raise DomainError(f"expected a positive integer, got {s!r}")
    return int(d)


def add_parser(subparsers):
    """Register the ``sq`` sub-command on an argparse sub-parsers object.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        The main parser's ``add_subparsers()`` result.

    Returns
    -------
    argparse.ArgumentParser
        The new ``sq`` parser.
    """
    p = subparsers.add_parser("sq", help="SQ/CSQ query lower bounds of a construction at growing n",
                              description="Query lower bounds (GGJKK goel2020: CSQ, exactly orthogonal family; "
                                          "DKKZ dkkz2020: CSQ, explicit nearly orthogonal planes).")
    p.add_argument("construction", help="goel2020 or dkkz2020")
    p.add_argument("--n", required=True, help="dimensions, e.g. 10,100,1e3,1e6")
    p.add_argument("--k", required=True, help="subset sizes / degrees, e.g. 2..16 or 2,4,8")
    p.add_argument("--tau", required=True, help="tolerance in (0, 1), e.g. 1e-3")
    p.add_argument("--activation", default="relu", help="GGJKK activation (default relu)")
    p.add_argument("--theorem", default="auto", help="auto, G7, Q2, B1, L15 or Q1")
    p.add_argument("--json", action="store_true", help="print the rows as JSON")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS", help="run the rows on this Dask scheduler")
    return p


def run(args) -> int:
    """Execute ``hardverify sq``: print the table (rich, user text escaped) or its rows as JSON.

    Parameters
    ----------
    args : argparse.Namespace
        Parsed by the parser of :func:`add_parser`.

    Returns
    -------
    int
        0 when the table was produced (rows whose hypotheses fail are shown with their status and no
        number), 2 for bad input (the error is printed).
    """
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from .table import table

    console = Console(highlight=False, soft_wrap=True)
    if not console.is_terminal:                      # CI logs and pipes: wide enough for the ten columns
        console = Console(highlight=False, soft_wrap=True, width=160)
    try:
        ns, ks = parse_list(args.n), parse_list(args.k)
        executor = None
        if args.scheduler:
            from .executors import executor_for
            executor = executor_for(args.scheduler)
        rows = table(args.construction, ns=ns, ks=ks, tau=args.tau, activation=args.activation,
                     theorem=args.theorem, executor=executor)
    except HardverifyError as exc:
        console.print(f"[red]error:[/red] {escape(str(exc))}")
        return 2
    if args.json:
        print(json.dumps([{k: v for k, v in r.items() if k != "seconds"} for r in rows], indent=1,
                         ensure_ascii=False))
    else:
        t = Table(title=escape(f"{args.construction}: query lower bounds at tolerance {args.tau}"))
        for c in ("n", "k", "N", "theorem", "model", "status", "queries", "log10 q", "log q / log n", "note"):
            t.add_column(c)
        for r in rows:
            t.add_row(*(escape(str(r[c])) for c in ("n", "k", "N", "theorem", "model", "status", "queries",
                                                     "log10_queries", "exponent", "note")))
        console.print(t)
    return 0
