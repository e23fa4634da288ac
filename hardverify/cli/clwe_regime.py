"""``hardverify clwe-regime`` and ``hardverify clwe-attack``: the LZZ 2024 regime calculator (SPEC C7) and the
lattice attack on noiseless CLWE (SPEC C8) as a command module.

Each condition is a verdict and the report gives the overall answer; ``--json`` prints
``regime(...).to_dict()``.  Input errors are printed on standard output (as this command always did).
"""

from __future__ import annotations

import json

from rich.markup import escape

from ..errors import HardverifyError
from . import HELP_FORMAT, add_json_flag, cli_advice, console, example

__all__ = ["add_parser", "run", "run_attack"]


def add_parser(sub):
    """Register the ``clwe-regime`` and ``clwe-attack`` sub-commands.

    Parameters
    ----------
    sub : argparse._SubParsersAction
        The main parser's sub-parsers object.

    Returns
    -------
    list of argparse.ArgumentParser
        The ``clwe-regime`` and ``clwe-attack`` parsers.
    """
    cr = sub.add_parser("clwe-regime", help="LZZ 2024 regime calculator: is (d, β, γ, σ) in the hard regime?",
                        formatter_class=HELP_FORMAT,
                        description="Check each condition of the LZZ 2024 hardness regime (SPEC C7) for the given "
                                    "dimension, CLWE noise width, frequency and label noise.",
                        epilog=example("hardverify clwe-regime --d 512 --beta 0.001 --gamma 46 --sigma 0.001"))
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
    add_json_flag(cr)
    at = sub.add_parser("clwe-attack", help="the LLL attack on CLWE (SPEC C8): success rate over seeded instances",
                        formatter_class=HELP_FORMAT,
                        description="Run the lattice (LLL) attack on d + 1 samples of CLWE_{β,γ} and of its null, "
                                    "over seeded instances: it tells noiseless CLWE from the null and recovers the "
                                    "secret, and stops working once β is 1/poly(d). Evidence, not a proof.",
                        epilog=example("hardverify clwe-attack --d 20 --beta 0 --trials 5"))
    at.add_argument("--d", type=int, required=True, help="dimension d (the attack takes d ≤ 64)")
    at.add_argument("--beta", type=float, default=0.0, help="CLWE noise width β (default 0: noiseless)")
    at.add_argument("--gamma", type=float, default=None, help="frequency γ (default 2√d)")
    at.add_argument("--trials", type=int, default=5, help="seeded instances (default 5)")
    at.add_argument("--seed", type=int, default=0, help="seed of the first instance (default 0)")
    add_json_flag(at)
    return [cr, at]


def run(args) -> int:
    """Print the LZZ 2024 regime report (SPEC C7; text or JSON), or run :func:`run_attack` for ``clwe-attack``.

    Parameters
    ----------
    args : argparse.Namespace
        Parsed by the parser of :func:`add_parser`.

    Returns
    -------
    int
        0, or 2 for bad input (the error is printed on standard output).
    """
    if args.command == "clwe-attack":
        return run_attack(args)
    from ..constructions.li_zadik_zampetakis2024 import regime
    con = console()
    try:
        report = regime(args.d, beta=args.beta, gamma=args.gamma, gamma_std=args.gamma_std, sigma=args.sigma,
                        noise_model=args.noise_model, poly_exponent=args.poly_exponent,
                        noise_exponent=args.noise_exponent, delta=args.delta, kappa=args.kappa,
                        tail_exponent=args.tail_exponent, advantage=args.advantage)
    except HardverifyError as exc:
        con.print(f"[bold red]error:[/] {escape(cli_advice(str(exc)))}", highlight=False)
        return 2
    if args.json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        con.print(str(report), markup=False, highlight=False)
    return 0


def run_attack(args) -> int:
    """Run the LLL attack on seeded CLWE instances (SPEC C8) and print its success rates (evidence).

    Parameters
    ----------
    args : argparse.Namespace
        Parsed by the parser of :func:`add_parser`.

    Returns
    -------
    int
        0, or 2 for bad input (the error is printed on standard output).
    """
    from ..constructions.li_zadik_zampetakis2024.attack import success_rate
    con = console()
    if args.trials < 1:
        con.print("[bold red]error:[/] --trials must be at least 1", highlight=False)
        return 2
    try:
        rates = success_rate(args.d, args.beta, trials=args.trials, seed=args.seed, gamma=args.gamma)
    except HardverifyError as exc:
        con.print(f"[bold red]error:[/] {escape(cli_advice(str(exc)))}", highlight=False)
        return 2
    out = {"d": args.d, "beta": args.beta, "trials": args.trials, "seed": args.seed, **rates,
           "kind": "evidence (seeded instances)"}
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        con.print(escape(f"LLL attack, d = {args.d}, β = {args.beta}, {args.trials} seeded instances: CLWE detected "
                         f"{rates['clwe']:.0%}, null mistaken for CLWE {rates['null']:.0%}, mean |⟨ŵ, w⟩| = "
                         f"{rates['recovered']:.3f} ({rates['bits']}-bit samples; evidence)"), highlight=False)
    return 0
