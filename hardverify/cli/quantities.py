"""``hardverify hermite | funk-hecke | kernel | activations | family``: one quantity from the command line.

An activation is a registry name (``relu``, ``sigmoid`` ...; ``hardverify activations`` lists them)
or an expression in ``t`` read by the safe parser (``"max(0, t - 0.5)"``, ``"tanh(t/2)"``); without
``--dps`` results are exact, with it certified enclosures.

Printing exact values (:func:`exact_text`, :func:`show_exact`): an exact value is printed in sympy syntax
when its integers have at most :data:`MAX_SHOWN_DIGITS` digits in all (``--full``: always).  A longer one is
shown as a certified decimal with its size, e.g. ``≈ -6.53426e-5 (exact, 30 031 digits; --full to print)``;
``funk-hecke`` first tries the compact Γ form of the same number (``hardverify funk-hecke relu -n 1000 -k 2``
prints Γ ratios, not 600-digit rationals).  Python's limit on int-to-string conversion (4300 digits) is never
hit and never changed: integers are printed by python-flint.  JSON output always carries the full exact
string (the report schema's rule: exact values in sympy syntax).

>>> import sympy as sp
>>> show_exact(sp.Rational(1, 3) ** 3000)
'≈ 4.33...e-1432 (exact, 1 432 digits; --full to print)'
>>> len(exact_text(sp.Integer(7) ** 6000))                   # beyond Python's 4300-digit str limit
5071
"""

from __future__ import annotations

import math

import mpmath
import sympy as sp
from flint import fmpz
from rich.markup import escape
from sympy.printing.str import StrPrinter

from ..errors import DomainError, HardverifyError
from . import HELP_FORMAT, add_json_flag, console, example, print_json

__all__ = ["add_parser", "run", "LAWS", "exact_text", "show_exact", "exact_digits", "MAX_SHOWN_DIGITS"]

#: exact values whose integers have more digits than this (in all) are shown as certified decimals
MAX_SHOWN_DIGITS = 400
_LOG10_2 = math.log10(2)


class _FlintIntegers(StrPrinter):
    """sympy's str printer with integers printed by python-flint (no 4300-digit limit)."""

    def _print_Integer(self, expr):
        return str(fmpz(int(expr.p)))

    def _print_int(self, expr):
        return str(fmpz(expr))

    def _print_Rational(self, expr):
        if expr.q == 1:
            return str(fmpz(int(expr.p)))
        return f"{fmpz(int(expr.p))}/{fmpz(int(expr.q))}"


def exact_text(value) -> str:
    """The full exact value in sympy syntax, at any size (integers printed by python-flint).

    sympy's ``str`` printer with every integer (and the numerator and denominator of every rational) printed
    by python-flint, so Python's 4300-digit limit on int-to-string conversion is never hit (and never
    changed).  The text is what ``--full`` and the JSON output print; it reads back with ``sympy.sympify``.

    Parameters
    ----------
    value : int or sympy.Expr
        An exact value (anything ``sympy.sympify`` accepts).

    Returns
    -------
    str
        The value in sympy syntax.

    Examples
    --------
    >>> import sympy as sp
    >>> x = sp.Rational(2, 3) ** 9000 + sp.sqrt(2)                   # a denominator of 4295 digits
    >>> sp.sympify(exact_text(x)) == x
    True
    >>> exact_text(2**70)
    '1180591620717411303424'
    """
    if isinstance(value, int):
        return str(fmpz(value))
    return _FlintIntegers().doprint(sp.sympify(value))


def exact_digits(value) -> int:
    """The number of decimal digits of all the integers in an exact value (estimated from their bit lengths).

    Each integer part |p| of a rational atom (numerators and denominators; a part equal to 1 is not counted)
    contributes ⌊b log₁₀ 2⌋ + 1 digits, b its bit length: its digit count or one more.  This is the size
    :func:`show_exact` compares with :data:`MAX_SHOWN_DIGITS`.

    Parameters
    ----------
    value : int or sympy.Expr
        An exact value.

    Returns
    -------
    int
        The estimated total digit count (at least 1 for an int).

    Examples
    --------
    >>> import sympy as sp
    >>> exact_digits(10**1000), exact_digits(sp.Rational(-22, 7)), exact_digits(sp.pi / 4)   # 22, 7: 2 + 1
    (1001, 3, 1)
    >>> exact_digits(999)                                  # an estimate: 10 bits, one digit too many
    4
    """
    if isinstance(value, int):
        return max(1, int(abs(value).bit_length() * _LOG10_2) + 1)
    total = 0
    for r in sp.sympify(value).atoms(sp.Rational):
        for part in (r.p, r.q):
            total += max(1, int(abs(int(part)).bit_length() * _LOG10_2) + 1) if part != 1 else 0
    return total


def _grouped(d: int) -> str:
    return f"{d:,}".replace(",", " ")


def show_exact(value, *, full: bool = False) -> str:
    """The text the command prints for an exact value: the value itself when it is short (or ``full``),
    else a decimal approximation with its digit count.

    A value of at most :data:`MAX_SHOWN_DIGITS` digits (:func:`exact_digits`) is printed in full
    (:func:`exact_text`).  A longer one is shown as ``≈ m...eE (exact, D digits; --full to print)``: the
    midpoint of a certified 5-digit enclosure (:func:`hardverify.enclose`) rounded to 3 significant digits
    (trailing zeros dropped), so the shown digits are a rounding of the value, not a truncation.  When no
    enclosure can be made the text is ``<exact, D digits; --full to print>``; a long expression whose
    enclosure has midpoint 0 prints ``0 (...)``.

    Parameters
    ----------
    value : int or sympy.Expr
        An exact value.
    full : bool
        Always print the value in full (the ``--full`` flag).

    Returns
    -------
    str
        The text to print.

    Examples
    --------
    >>> import sympy as sp
    >>> show_exact(sp.Rational(1, 3) ** 3)
    '1/27'
    >>> show_exact(sp.Integer(2) ** 2000)                  # 2^2000 = 1.148...·10^602 (602 log₁₀ 2 ≈ 602.06)
    '≈ 1.15...e602 (exact, 603 digits; --full to print)'
    >>> show_exact(sp.Integer(2) ** 2000, full=True) == exact_text(2 ** 2000)
    True
    """
    d = exact_digits(value)
    if full or d <= MAX_SHOWN_DIGITS:
        return exact_text(value)
    size = f"exact, {_grouped(d)} digits; --full to print"
    try:
        ball = _hv().enclose(value, 5).ball
    except HardverifyError:
        return f"<{size}>"
    man, exp = ball.mid().man_exp()
    if man == 0:
        return f"0 ({size})"
    text = mpmath.nstr(mpmath.mpf((int(man), int(exp))), 3, min_fixed=1, max_fixed=0)
    mant, _, e10 = text.partition("e")
    if "." not in mant:
        mant += ".0"
    return f"≈ {mant}...e{int(e10 or 0)} ({size})"

_ACT_HELP = ("a registry name (relu, sigmoid, ...; see `hardverify activations`) or an expression in t, "
             "e.g. 'max(0, t - 0.5)'")
#: laws of the ``family`` command: name -> (constructor of n, description)
LAWS = {
    "gaussian": (lambda n: _hv().Gaussian(n), "N(0, I_n)"),
    "sphere": (lambda n: _hv().UniformSphere(n), "uniform on the unit sphere S^{n-1}"),
    "ball": (lambda n: _hv().UniformBall(n), "uniform on the unit ball"),
    "cube": (lambda n: _hv().UniformCube(n), "uniform on [-1, 1]^n"),
    "hypercube": (lambda n: _hv().Hypercube(n), "uniform on {-1, +1}^n"),
}


def _hv():
    import hardverify
    return hardverify


def _activation(text: str):
    hv = _hv()
    name = text.strip().lower()
    if name in hv.ACTIVATIONS:
        return hv.activation(name)
    return hv.activation(hv.parse_expression(text))


def _kind(value) -> str:
    return "certified" if isinstance(value, _hv().Enclosure) else "exact"


def _text(value) -> str:
    return str(value) if _kind(value) == "certified" else exact_text(value)


def _emit(args, rows, meta) -> int:
    if args.json:
        print_json(dict(meta, values=[{"label": label, "value": _text(v), "kind": _kind(v)} for label, v in rows]))
        return 0
    con = console()
    full = getattr(args, "full", False)
    lines = [f"{label} = {str(v) if _kind(v) == 'certified' else show_exact(v, full=full)}" for label, v in rows]
    if lines:                       # one print: rich's per-call cost dominates 20 001 coefficients
        con.print("\n".join(lines), markup=False, highlight=False)
    return 0


def _hermite(args) -> int:
    hv = _hv()
    act = _activation(args.activation)
    values = hv.hermite_coefficients(act, args.m_max, dps=args.dps, normalization=args.normalization)
    return _emit(args, [(f"c_{m}", v) for m, v in enumerate(values)],
                 {"command": "hermite", "activation": act.label, "normalization": args.normalization, "dps": args.dps})


def _funk_hecke(args) -> int:
    hv = _hv()
    act = _activation(args.activation)
    if args.dps is not None:
        values = hv.funk_hecke_eigenvalues(act, args.n, args.k_max, dps=args.dps, measure=args.measure)
    else:
        values = [_shortest(hv, act, args, k) for k in range(args.k_max + 1)]
    return _emit(args, [(f"mu_{k}", v) for k, v in enumerate(values)],
                 {"command": "funk-hecke", "activation": act.label, "n": args.n, "measure": args.measure,
                  "dps": args.dps})


def _shortest(hv, act, args, k):
    """μ_k exactly: the library's form, or its compact Γ form when the plain number is long (same value)."""
    value = hv.funk_hecke(act, args.n, k, measure=args.measure)
    if exact_digits(value) > MAX_SHOWN_DIGITS // 4 and not getattr(args, "full", False):
        compact = hv.funk_hecke(act, args.n, k, measure=args.measure, compact=True)
        if exact_digits(compact) < exact_digits(value):
            return compact
    return value


def _kernel(args) -> int:
    hv = _hv()
    act = _activation(args.activation)
    other = _activation(args.other) if args.other else None
    if args.rho is None and args.dps is None:
        rows = [("K(rho)", hv.dual_kernel(act, other))]
    elif args.rho is None:
        raise DomainError("--dps needs --rho: a certified value is computed at one point rho in [-1, 1]")
    else:
        rows = [(f"K({args.rho})", hv.dual_kernel(act, other, rho=args.rho, dps=args.dps))]
    return _emit(args, rows, {"command": "kernel", "activation": act.label,
                              "other": other.label if other else act.label, "rho": args.rho, "dps": args.dps})


def _activations(args) -> int:
    hv = _hv()
    rows = [(name, desc) for name, (_, desc) in hv.ACTIVATIONS.items()]
    if args.json:
        print_json([{"name": n, "definition": d} for n, d in rows])
        return 0
    con = console()
    width = max(len(n) for n, _ in rows)
    for name, desc in rows:
        con.print(escape(f"{name:{width}}  {desc}"), highlight=False)
    con.print(escape("or any expression in t, e.g. hardverify hermite 'max(0, t - 0.5)'"), highlight=False)
    return 0


def _family(args) -> int:
    from ..constructions.goel2020 import GGJKK
    if args.law not in LAWS:
        raise DomainError(f"--law must be one of {', '.join(LAWS)}, got {args.law!r}")
    if args.n < 1:
        raise DomainError(f"-n must be an integer >= 1, got {args.n}")
    if args.k > args.n:
        raise DomainError(f"-k {args.k} > -n {args.n}: the family needs k <= n coordinates")
    fam = GGJKK(args.k, _activation(args.activation))
    law = LAWS[args.law][0](args.n)
    verdict = _hv().checks.check_family_orthogonality(fam.family(args.n), law)
    try:
        norm = fam.norm2(dist=law, dps=args.dps)
    except HardverifyError as exc:            # orthogonality stands without the norm
        norm = None
        norm_note = str(exc)
    try:
        bound = fam.norm2_lower_bound(dps=args.dps) if args.law == "gaussian" else None
    except HardverifyError:
        bound = None
    size = math.comb(args.n, args.k)
    doc = {"command": "family", "construction": "GGJKK", "activation": fam.activation.label, "k": args.k,
           "n": args.n, "law": args.law, "dps": args.dps, "members": size,
           "orthogonality": {"status": verdict.status.value, "method": verdict.method, "evidence": verdict.evidence},
           "norm2": None if norm is None else {"value": str(norm), "kind": _kind(norm)},
           "norm2_lower_bound_G4": None if bound is None else {"value": str(bound), "kind": _kind(bound)}}
    if args.json:
        print_json(doc)
        return 0 if verdict else 1
    con = console()
    con.print(escape(f"GGJKK family, σ = {fam.activation.label}, k = {args.k} (width 2^{args.k}), "
                     f"n = {args.n}, law {args.law} ({LAWS[args.law][1]}): {size} members"), highlight=False)
    con.print(escape(f"orthogonality: {verdict.status.value} ({verdict.method})"), highlight=False)
    con.print(escape(f"  {verdict.evidence}"), highlight=False)
    con.print(escape(f"E[f_S^2] = {norm} ({_kind(norm)})" if norm is not None else
                     f"E[f_S^2]: not computed ({norm_note})"), highlight=False)
    if bound is not None:
        con.print(escape(f"G4 lower bound 4^k c_k^2 k!/k^k = {bound} ({_kind(bound)})"), highlight=False)
    return 0 if verdict else 1


def _dps_arg(p) -> None:
    p.add_argument("--dps", type=int, default=None, metavar="DIGITS",
                   help="certified decimal digits (default: exact)")
    p.add_argument("--full", action="store_true",
                   help=f"print exact values in full (default: values of more than {MAX_SHOWN_DIGITS} digits are "
                        "shown as a certified decimal with their digit count)")


def add_parser(sub):
    """Register the ``hermite``, ``funk-hecke``, ``kernel``, ``activations`` and ``family`` sub-commands.

    Parameters
    ----------
    sub : argparse._SubParsersAction
        The main parser's sub-parsers object.

    Returns
    -------
    list of argparse.ArgumentParser
        The five parsers.
    """
    out = []
    he = sub.add_parser("hermite", help="Hermite coefficients c_0..c_M of an activation", formatter_class=HELP_FORMAT,
                        description="c_m = E[σ(g) h_m(g)], g ~ N(0,1), h_m = He_m/sqrt(m!) (orthonormal; "
                                    "--normalization changes the basis).",
                        epilog=example("hardverify hermite relu -m 6", "hardverify hermite sigmoid -m 5 --dps 30"))
    he.add_argument("activation", help=_ACT_HELP)
    he.add_argument("-m", "--m-max", type=int, default=6, help="largest degree (default 6)")
    _dps_arg(he)
    he.add_argument("--normalization", default="orthonormal", help="orthonormal | probabilists | physicists")
    he.set_defaults(_which=_hermite)
    out.append(he)

    fh = sub.add_parser("funk-hecke", help="Funk-Hecke eigenvalues mu_0..mu_K on the sphere S^{n-1}",
                        formatter_class=HELP_FORMAT,
                        description="mu_k(σ; n) = E[σ(t) P_k^(n)(t)], t the first coordinate of a uniform point "
                                    "of S^{n-1}, P_k^(n)(1) = 1 (--measure surface multiplies by |S^{n-1}|).",
                        epilog=example("hardverify funk-hecke relu -n 3 -k 4",
                                       "hardverify funk-hecke sigmoid -n 1000 -k 6 --dps 30"))
    fh.add_argument("activation", help=_ACT_HELP)
    fh.add_argument("-n", type=int, required=True, help="dimension n >= 2")
    fh.add_argument("-k", "--k-max", type=int, default=6, help="largest degree (default 6)")
    _dps_arg(fh)
    fh.add_argument("--measure", default="normalized", help="normalized | surface")
    fh.set_defaults(_which=_funk_hecke)
    out.append(fh)

    ke = sub.add_parser("kernel", help="dual kernel K(rho) = E[σ(<u,x>) τ(<v,x>)], <u,v> = rho",
                        formatter_class=HELP_FORMAT,
                        description="The dual kernel of σ and τ for unit u, v, x ~ N(0, I): a closed form in rho, "
                                    "or its value at --rho (exact, or certified with --dps).",
                        epilog=example("hardverify kernel relu step --rho 1/2", "hardverify kernel sign"))
    ke.add_argument("activation", help=_ACT_HELP)
    ke.add_argument("other", nargs="?", default=None, help="τ (default: σ)")
    ke.add_argument("--rho", default=None, help="a number in [-1, 1], e.g. 1/2 (default: the closed form in rho)")
    _dps_arg(ke)
    ke.set_defaults(_which=_kernel)
    out.append(ke)

    ac = sub.add_parser("activations", help="list the activations known by name", formatter_class=HELP_FORMAT,
                        description="The activation registry: names usable wherever an activation is asked for.",
                        epilog=example("hardverify activations --json"))
    ac.set_defaults(_which=_activations)
    out.append(ac)

    fa = sub.add_parser("family", help="GGJKK family at n, k, law: orthogonality certificate and E[f_S^2]",
                        formatter_class=HELP_FORMAT,
                        description="f_S(x) = sum over w in {-1,1}^k of prod(w) σ(<w, x_S>/sqrt(k)), |S| = k: "
                                    "certify that all C(n, k) members are pairwise orthogonal under the law "
                                    "(exit status 1 if not), and compute the common norm E[f_S^2] (G3) and, "
                                    "under the Gaussian, its G4 lower bound.",
                        epilog=example("hardverify family relu -k 4 -n 1000000",
                                       "hardverify family sigmoid -k 3 -n 100 --dps 30 --law sphere"))
    fa.add_argument("activation", help=_ACT_HELP)
    fa.add_argument("-k", type=int, required=True, help="subset size, 1 <= k <= 20 (width 2^k)")
    fa.add_argument("-n", type=int, required=True, help="dimension n >= k")
    fa.add_argument("--law", default="gaussian", help=f"{' | '.join(LAWS)} (default gaussian)")
    _dps_arg(fa)
    fa.set_defaults(_which=_family)
    out.append(fa)
    for p in out:
        add_json_flag(p)
    return out


def run(args) -> int:
    """Run the sub-command chosen by :func:`add_parser` and print its quantity (text or ``--json``).

    Parameters
    ----------
    args : argparse.Namespace
        Parsed by the parser of :func:`add_parser`.

    Returns
    -------
    int
        The exit status (0 on success).

    Raises
    ------
    HardverifyError
        For bad input; :func:`~hardverify.cli.main` prints it (status 2).
    """
    return args._which(args)
