"""The hardverify command line (``hardverify COMMAND ...``; ``python -m hardverify`` is the same).

Commands: ``prove`` and ``list`` (proof-checking runs), ``hermite``, ``funk-hecke``, ``kernel``
(one quantity, exact or with ``--dps`` certified), ``activations``, ``family`` (the GGJKK family:
orthogonality certificate and norm), ``plot`` (figures).  Every command takes ``--json`` (one JSON
document on standard output instead of text).  Exit status: 0 success, 1 a claim or check failed,
2 bad input (the message says what is allowed, in terms of command-line flags).

Adding a command
----------------
A command lives in its own module with two functions::

    def add_parser(subparsers):          # argparse's sub-parsers object
        p = subparsers.add_parser("sq", help="...", description="...", epilog=example("hardverify sq ..."),
                                  formatter_class=HELP_FORMAT)
        add_json_flag(p)
        return p

    def run(args) -> int:                # the exit status
        ...                               # raise a hardverify.errors exception for bad input

(built in: :mod:`hardverify.cli.proofs`, :mod:`hardverify.cli.quantities`,
:mod:`hardverify.cli.plot`, :mod:`hardverify.cli.clwe_regime`) and is listed by its dotted name in
:data:`COMMANDS` (or passed to :func:`register` before
:func:`main`).  :func:`main` catches :class:`~hardverify.errors.HardverifyError` from ``run`` and
prints it with Python keyword advice turned into flags (:func:`cli_advice`).  Print through
:func:`console` with user text escaped (:func:`rich.markup.escape`), and JSON with :func:`print_json`.
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import os
import re
import sys
import textwrap
from typing import Callable

from rich.console import Console
from rich.markup import escape

from .. import __version__
from ..errors import DomainError, HardverifyError

__all__ = ["main", "register", "COMMANDS", "console", "print_json", "cli_advice", "example", "add_json_flag",
           "HELP_FORMAT", "cpu_count"]

#: command modules loaded by :func:`main` (each with ``add_parser(subparsers)`` and ``run(args)``)
COMMANDS: list[str] = ["hardverify.cli.proofs", "hardverify.cli.quantities", "hardverify.cli.plot",
                       "hardverify.cli.clwe_regime", "hardverify.sq.cli"]
_EXTRA: list = []


class _HelpFormat(argparse.RawDescriptionHelpFormatter):
    """The help formatter of every command: wraps prose paragraphs, keeps indented lines (examples).

    Parameters
    ----------
    prog : str
        The program name (passed by argparse).
    indent_increment, max_help_position, width : int, optional
        As for :class:`argparse.HelpFormatter`.
    """

    def _fill_text(self, text, width, indent):
        return "\n".join(indent + line if not line or line.startswith(" ") else
                         textwrap.fill(line, width, initial_indent=indent, subsequent_indent=indent)
                         for line in text.splitlines())


#: the help formatter of every command (prose wrapped, example lines kept)
HELP_FORMAT = _HelpFormat
_DESCRIPTION = ("Exact and certified checks of the mathematics behind hardness-of-learning results for "
                "one-hidden-layer networks.")
_EPILOG = """examples:
  hardverify prove                       check every claim of proofs/, write report/
  hardverify list -k 'G*'                the GGJKK claims, without running them
  hardverify hermite relu -m 6           exact Hermite coefficients c_0..c_6
  hardverify family relu -k 4 -n 1000    orthogonality certificate and E[f_S^2] of the GGJKK family
  hardverify plot hermite-decay          a figure (PNG and PDF)
Run `hardverify COMMAND --help` for the options and an example of each command."""


def register(module) -> None:
    """Add a command module to the ones :func:`main` loads (after :data:`COMMANDS`).

    Parameters
    ----------
    module : module or object
        Anything with ``add_parser(subparsers)`` (returning the new parser or a list of them) and
        ``run(args) -> int``.

    Raises
    ------
    DomainError
        If either function is missing.
    """
    for name in ("add_parser", "run"):
        if not callable(getattr(module, name, None)):
            raise DomainError(f"a command module needs add_parser(subparsers) and run(args); {module!r} has no {name}")
    _EXTRA.append(module)


def example(*lines: str) -> str:
    """An ``epilog`` for ``--help``: the example command lines, one per line.

    Parameters
    ----------
    *lines : str
        Command lines.

    Returns
    -------
    str
        ``"example:"`` followed by the lines, indented (kept as written by :data:`HELP_FORMAT`).

    Examples
    --------
    >>> print(example("hardverify hermite relu -m 6"))
    example:
      hardverify hermite relu -m 6
    """
    return "example:\n" + "\n".join(f"  {line}" for line in lines)


def add_json_flag(p) -> None:
    """Add the ``--json`` flag every command has.

    Parameters
    ----------
    p : argparse.ArgumentParser
        A command's parser.
    """
    p.add_argument("--json", action="store_true", help="print one JSON document on standard output instead of text")


def cpu_count() -> int:
    """The number of CPUs this process may use (the bound of ``-j``).

    Returns
    -------
    int
        ``len(os.sched_getaffinity(0))`` where available, else ``os.cpu_count()``; at least 1.
    """
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def console(*, stderr: bool = False) -> Console:
    """The console commands print on; in CI logs and pipes 160 columns wide so tables stay readable.

    Parameters
    ----------
    stderr : bool
        Print on standard error (used with ``--json``, which owns standard output).

    Returns
    -------
    rich.console.Console
        A new console.
    """
    c = Console(stderr=stderr)
    if not c.is_terminal:
        c = Console(width=160, stderr=stderr)
    return c


def _json_default(v):
    return str(v)


def print_json(doc) -> None:
    """Print ``doc`` as JSON on standard output (values JSON cannot hold exactly become strings).

    Integers above 2^53, non-finite floats and non-JSON objects (sympy numbers, enclosures) are
    written as strings, so no reader rounds them.

    Parameters
    ----------
    doc : dict, list or scalar
        The document.

    Examples
    --------
    >>> print_json({"n": 2**60, "x": float("inf"), "ok": True})
    {
     "n": "1152921504606846976",
     "x": "inf",
     "ok": true
    }
    """
    print(json.dumps(_finite(doc), indent=1, ensure_ascii=False, default=_json_default))


def _finite(v):
    if isinstance(v, float) and not math.isfinite(v):
        return str(v)
    if isinstance(v, int) and not isinstance(v, bool) and abs(v) > 2 ** 53:
        return str(v)
    if isinstance(v, dict):
        return {str(k): _finite(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_finite(x) for x in v]
    return v


#: library keywords that have a command-line flag (other keywords in advice are left as they are)
_FLAGS = {"dps": "--dps", "measure": "--measure", "normalization": "--normalization", "m_max": "--m-max",
          "k_max": "--k-max", "jobs": "--jobs"}


def cli_advice(message: str) -> str:
    """A library error message with its Python advice in command-line terms.

    Keyword arguments that have a flag (``dps=`` -> ``--dps``, ``m_max=`` -> ``--m-max`` ...) are
    rewritten, as are calls such as ``hv.f(..., dps=30)``; other text is left as it is.

    Parameters
    ----------
    message : str
        An exception's message.

    Returns
    -------
    str
        The message with flags instead of keywords.

    Examples
    --------
    >>> cli_advice("ask for a certified enclosure with dps=, e.g. hv.hermite_coefficient(act, m, dps=30)")
    'ask for a certified enclosure with --dps, e.g. --dps 30'
    """
    msg = re.sub(r"``([^`]*)``", r"\1", message)
    msg = re.sub(r"\bhv\.[\w.]+\([^()]*?\b(\w+)=(\w+)\)",
                 lambda m: _flag(m.group(1), m.group(2)) if m.group(1) in _FLAGS else m.group(0), msg)
    msg = re.sub(r"\b(\w+)=(\d+|\"[^\"]*\"|'[^']*'|[A-Za-z_]+)?(?=[\s,.;:)]|$)",
                 lambda m: _flag(m.group(1), m.group(2)) if m.group(1) in _FLAGS else m.group(0), msg)
    return msg


def _flag(name, value) -> str:
    flag = _FLAGS.get(name, "--" + name.replace("_", "-"))
    return f"{flag} {value.strip(chr(34) + chr(39))}" if value else flag


def _parser(modules) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="hardverify", description=_DESCRIPTION, epilog=_EPILOG,
                                formatter_class=HELP_FORMAT)
    p.add_argument("--version", action="version", version=f"hardverify {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for m in modules:
        for sp in _as_list(m.add_parser(sub)):
            sp.set_defaults(_run=m.run)
    return p


def _as_list(x):
    return x if isinstance(x, (list, tuple)) else [x]


def _modules() -> list:
    return [importlib.import_module(name) for name in COMMANDS] + list(_EXTRA)


def main(argv=None) -> int:
    """Run the command line ``argv`` (default ``sys.argv[1:]``).

    A :class:`~hardverify.errors.HardverifyError` from the command is printed on standard error
    (and as ``{"error", "message"}`` JSON with ``--json``) with :func:`cli_advice`.

    Parameters
    ----------
    argv : list of str, optional
        The arguments (without the program name).

    Returns
    -------
    int
        0 success, 1 a claim or check failed, 2 bad input.

    Raises
    ------
    SystemExit
        From argparse, for ``--help``, ``--version`` and unparseable arguments (status 2).

    Examples
    --------
    >>> main(["hermite", "relu", "-m", "-1"])
    2
    """
    args = _parser(_modules()).parse_args(argv)
    run: Callable = args._run
    try:
        return run(args)
    except HardverifyError as exc:
        text = cli_advice(str(exc))
        if getattr(args, "json", False):
            print_json({"error": type(exc).__name__, "message": text})
        console(stderr=True).print(f"[bold red]error:[/] {escape(text)}", highlight=False)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
