"""``hardverify plot NAME ...``: write figures as PNG and PDF (a command module, see :mod:`hardverify.cli`)."""

from __future__ import annotations

from rich.markup import escape

from ..plots import FIGURES, figure, write_figure
from . import HELP_FORMAT, add_json_flag, console, example, print_json

__all__ = ["add_parser", "run"]


def add_parser(sub):
    """Register the ``plot`` sub-command.

    Parameters
    ----------
    sub : argparse._SubParsersAction
        The main parser's sub-parsers object.

    Returns
    -------
    argparse.ArgumentParser
        The ``plot`` parser.
    """
    p = sub.add_parser("plot", help="write figures (PNG and PDF)", formatter_class=HELP_FORMAT,
                       description="Figures: " + "; ".join(f"{k}: {v[1]}" for k, v in FIGURES.items()) + ".",
                       epilog=example("hardverify plot hermite-decay norms --out figures", "hardverify plot all"))
    p.add_argument("names", nargs="+", metavar="NAME", help=f"{' | '.join(FIGURES)} | all")
    p.add_argument("--out", default="figures", metavar="DIR", help="directory for the files (default: figures/)")
    p.add_argument("--format", action="append", choices=["png", "pdf", "svg"], default=None,
                   help="file format (repeatable; default: png and pdf)")
    add_json_flag(p)
    return p


def run(args) -> int:
    """Write the figures named on the command line (``all`` for every one) into ``--out``.

    Parameters
    ----------
    args : argparse.Namespace
        Parsed by the parser of :func:`add_parser`.

    Returns
    -------
    int
        0.

    Raises
    ------
    DomainError
        An unknown figure name, an unwritable ``--out``, or matplotlib missing.
    """
    from ..errors import DomainError
    from ..report.files import check_writable
    names = list(FIGURES) if "all" in args.names else list(dict.fromkeys(args.names))
    unknown = [n for n in names if n not in FIGURES]
    if unknown:
        raise DomainError(f"unknown figure {unknown[0]!r}; known: {', '.join(FIGURES)}, all")
    out = check_writable(args.out)
    formats = tuple(args.format or ("png", "pdf"))
    written = []
    for name in names:
        written += write_figure(figure(name), out, name, formats)
    if args.json:
        print_json({"command": "plot", "files": [str(p) for p in written]})
    else:
        con = console()
        for p in written:
            con.print(escape(f"wrote {p}"), highlight=False)
    return 0
