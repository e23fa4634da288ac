"""The ``hardverify`` command.

``hardverify prove [PATH ...]`` runs the proof scripts (default ``proofs/``),
prints a table of claims, writes JSON and Markdown reports, and exits with
status 1 when any claim is REFUTED or UNDECIDED or a negative control is not
refuted.  ``hardverify list`` shows the claims without running them.

``hardverify hermite ACT``, ``hardverify funk-hecke ACT -n N`` and ``hardverify kernel ACT``
compute one quantity: ACT is a registry name (``relu``, ``sigmoid`` ...) or an expression in
``t`` read by the safe parser (``"max(0, t - 0.5)"``, ``"tanh(t/2)"``); without ``--dps`` the
result is exact, with it a certified enclosure.  Exit status 2 for bad input (the message says
what is allowed).
"""

from __future__ import annotations

import argparse
import fnmatch
import sys
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from . import __version__
from .core.activations import ACTIVATIONS, activation
from .errors import HardverifyError
from .core.parse import parse_expression
from .proofs import load, run
from .report import render_table, summary, to_json, to_markdown

__all__ = ["main"]


def _select(claims, patterns):
    if not patterns:
        return claims
    out = []
    for c in claims:
        if any(fnmatch.fnmatch(c.id, p) or fnmatch.fnmatch(c.name, p) or p in c.name for p in patterns):
            out.append(c)
    return out


def _load(args, console):
    paths = args.paths or ["proofs"]
    try:
        claims = load(paths)
    except HardverifyError as exc:
        console.print(f"[bold red]error:[/] {exc}")
        if not args.paths:
            console.print("Run `hardverify prove` from the repository root, or pass the proofs directory.")
        return None
    claims = _select(claims, args.select)
    if not claims:
        console.print("[bold red]error:[/] no claims found" + (f" matching {args.select}" if args.select else ""))
        return None
    return claims


def _console() -> Console:
    c = Console()
    if not c.is_terminal:            # CI logs and pipes: wide enough that the table stays readable
        c = Console(width=160)
    return c


def _prove(args) -> int:
    console = _console()
    claims = _load(args, console)
    if claims is None:
        return 2
    total = sum(len(c.cases) for c in claims)
    workers = "1 process" if args.jobs == 1 else f"{args.jobs or 'all'} processes"
    console.print(f"hardverify {__version__}: {len(claims)} claims, {total} cases, {workers}")
    if console.is_terminal:
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=console, transient=True) as progress:
            task = progress.add_task("checking", total=total)

            def on_case(c, cr):
                progress.update(task, advance=1, description=f"{c.id} {c.title[:40]}")
            results = run(claims, jobs=args.jobs, on_case=on_case)
    else:
        results = run(claims, jobs=args.jobs)
    render_table(results, console)
    if not args.no_files:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        (out / "proofs.json").write_text(to_json(results), encoding="utf-8")
        (out / "proofs.md").write_text(to_markdown(results), encoding="utf-8")
        console.print(f"reports: {out / 'proofs.json'}, {out / 'proofs.md'}")
    if args.json:
        Path(args.json).write_text(to_json(results), encoding="utf-8")
    if args.markdown:
        Path(args.markdown).write_text(to_markdown(results), encoding="utf-8")
    return 0 if summary(results)["ok"] else 1


def _list(args) -> int:
    console = _console()
    claims = _load(args, console)
    if claims is None:
        return 2
    for c in claims:
        tag = " [control]" if c.control else ""
        console.print(f"{c.id:6} {c.name:40} {len(c.cases):5} cases  {c.title}{tag}")
    return 0


def _activation(text: str):
    name = text.strip().lower()
    if name in ACTIVATIONS:
        return activation(name)
    return activation(parse_expression(text))


def _quantity(args) -> int:
    console = _console()
    from . import hermite, sphere
    try:
        act = _activation(args.activation)
        if args.command == "hermite":
            values = hermite.hermite_coefficients(act, args.m_max, dps=args.dps, normalization=args.normalization)
            rows = [(f"c_{m}", v) for m, v in enumerate(values)]
        elif args.command == "funk-hecke":
            values = sphere.funk_hecke_eigenvalues(act, args.n, args.k_max, dps=args.dps, measure=args.measure) \
                if args.dps is not None else [sphere.funk_hecke(act, args.n, k, measure=args.measure)
                                              for k in range(args.k_max + 1)]
            rows = [(f"mu_{k}", v) for k, v in enumerate(values)]
        else:
            other = _activation(args.other) if args.other else None
            rows = [(f"K({args.rho})", hermite.dual_kernel(act, other, rho=args.rho, dps=args.dps))] \
                if args.dps is not None or args.rho is not None else \
                [("K(rho)", hermite.dual_kernel(act, other))]
    except HardverifyError as exc:
        console.print(f"[bold red]error:[/] {exc}", markup=True, highlight=False)
        return 2
    for label, value in rows:
        console.print(f"{label} = {value}", markup=False, highlight=False)
    return 0


def _clwe_regime(args) -> int:
    """The LZZ regime calculator (SPEC C7): each condition as a verdict, and the overall answer."""
    import json

    from .constructions.li_zadik_zampetakis2024 import regime
    console = _console()
    try:
        report = regime(args.d, beta=args.beta, gamma=args.gamma, gamma_std=args.gamma_std, sigma=args.sigma,
                        noise_model=args.noise_model, poly_exponent=args.poly_exponent,
                        noise_exponent=args.noise_exponent, delta=args.delta, kappa=args.kappa,
                        tail_exponent=args.tail_exponent, advantage=args.advantage)
    except HardverifyError as exc:
        console.print(f"[bold red]error:[/] {exc}", markup=True, highlight=False)
        return 2
    if args.json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        console.print(str(report), markup=False, highlight=False)
    return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="hardverify", description=__doc__.split("\n\n")[0])
    p.add_argument("--version", action="version", version=f"hardverify {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    def common(sp):
        sp.add_argument("paths", nargs="*", help="proof scripts or directories (default: proofs/)")
        sp.add_argument("-k", "--select", action="append", default=[],
                        help="only claims whose ID or name matches (glob; repeatable)")

    pr = sub.add_parser("prove", help="check the claims of the proof scripts and write a report")
    common(pr)
    pr.add_argument("-j", "--jobs", type=int, default=None, help="worker processes (default: all CPUs; 1 = in-process)")
    pr.add_argument("--out", default="report", help="directory for proofs.json and proofs.md (default: report/)")
    pr.add_argument("--no-files", action="store_true", help="do not write report files")
    pr.add_argument("--json", help="also write the JSON report to this file")
    pr.add_argument("--markdown", help="also write the Markdown report to this file")
    pr.set_defaults(func=_prove)

    ls = sub.add_parser("list", help="list the claims of the proof scripts")
    common(ls)
    ls.set_defaults(func=_list)

    act_help = "a registry name (relu, sigmoid, ...) or an expression in t, e.g. 'max(0, t - 0.5)'"
    he = sub.add_parser("hermite", help="Hermite coefficients c_0..c_M of an activation")
    he.add_argument("activation", help=act_help)
    he.add_argument("-m", "--m-max", type=int, default=6, help="largest degree (default 6)")
    he.add_argument("--dps", type=int, default=None, help="certified digits (default: exact)")
    he.add_argument("--normalization", default="orthonormal", help="orthonormal | probabilists | physicists")
    he.set_defaults(func=_quantity)

    fh = sub.add_parser("funk-hecke", help="Funk–Hecke eigenvalues μ_0..μ_K on S^{n-1}")
    fh.add_argument("activation", help=act_help)
    fh.add_argument("-n", type=int, required=True, help="dimension n ≥ 2")
    fh.add_argument("-k", "--k-max", type=int, default=6, help="largest degree (default 6)")
    fh.add_argument("--dps", type=int, default=None, help="certified digits (default: exact)")
    fh.add_argument("--measure", default="normalized", help="normalized | surface")
    fh.set_defaults(func=_quantity)

    ke = sub.add_parser("kernel", help="dual kernel K(ρ) = E[σ(⟨u,x⟩) τ(⟨v,x⟩)], ⟨u,v⟩ = ρ")
    ke.add_argument("activation", help=act_help)
    ke.add_argument("other", nargs="?", default=None, help="τ (default: σ)")
    ke.add_argument("--rho", default=None, help="a number in [-1, 1] (default: the closed form in rho)")
    ke.add_argument("--dps", type=int, default=None, help="certified digits (default: exact)")
    ke.set_defaults(func=_quantity)

    cr = sub.add_parser("clwe-regime", help="LZZ 2024 regime calculator: is (d, β, γ, σ) in the hard regime?")
    cr.add_argument("--d", type=int, required=True, help="input dimension d ≥ 2")
    cr.add_argument("--beta", required=True, help="CLWE noise width β (BRST units)")
    fq = cr.add_mutually_exclusive_group(required=True)
    fq.add_argument("--gamma", default=None, help="frequency γ in BRST units (y ~ D_1)")
    fq.add_argument("--gamma-std", default=None, help="frequency γ_std = γ/√(2π) (x ~ N(0, I))")
    cr.add_argument("--sigma", required=True, help="label-noise standard deviation σ")
    cr.add_argument("--noise-model", default="gaussian", help="gaussian (LZZ) | adversarial (SZB)")
    cr.add_argument("--delta", default=None, help="sub-exponential variant: GapSVP factor 2^O(d^delta)")
    cr.add_argument("--poly-exponent", default=3, help="γ/β ≤ d^a (default a = 3) [MEM]")
    cr.add_argument("--noise-exponent", default=3, help="σ ≥ d^-b (default b = 3) [MEM]")
    cr.add_argument("--kappa", default=3, help="capping radius R = γ_std κ √(ln d) (default 3) [MEM]")
    cr.add_argument("--tail-exponent", default=2, help="capping tail mass ≤ d^-c (default 2) [MEM]")
    cr.add_argument("--advantage", default=None, help="weak-learning advantage ε (default 1/d) [MEM]")
    cr.add_argument("--json", action="store_true", help="print the report as JSON")
    cr.set_defaults(func=_clwe_regime)
    return p


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    if getattr(args, "jobs", None) is not None and args.jobs < 1:
        print("hardverify: error: --jobs must be >= 1", file=sys.stderr)
        return 2
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
