"""Safe parsing of user text into sympy expressions (CLI ``--activation``, config files).

``sympy.sympify``/``parse_expr`` evaluate Python code; this parser never does.
It reads the text with :mod:`ast` and builds the sympy expression node by node
from a closed vocabulary:

* numbers, read **exactly from the text** (``0.1`` is 1/10, ``0.70000000000000000001`` keeps its 20
  digits, ``1.5e-400`` is 3/(2·10^400): never rounded through a Python float);
* the variable (default ``t``) and the constants ``pi``, ``e``;
* ``+ - * / **`` and unary ``-``/``+``;
* the functions in :data:`FUNCTIONS` (``exp``, ``log``, ``tanh``, ``erf``, ``max``, ``relu`` ...).

Anything else — attribute access, subscripts, ``__import__``, lambdas, keyword
arguments, unknown names or functions, strings — is rejected with a
:class:`~hardverify.errors.DomainError` that names what is allowed.  Sizes are
bounded so that hostile input cannot hang the process (text length, nesting
depth, integer size, exponents).

>>> parse_expression("max(0, t - 0.5)")
Max(0, t - 1/2)
>>> parse_expression("1.5e-400*t").coeff(sp.Symbol("t", real=True)) == sp.Rational(3, 2) / 10**400
True
>>> parse_expression("__import__('os')")
Traceback (most recent call last):
...
hardverify.errors.DomainError: function calls are limited to: Abs, Max, Min, abs, acos, ... got a call of __import__
"""

from __future__ import annotations

import ast
import re

import sympy as sp

from ..errors import DomainError, ResourceLimit

__all__ = ["parse_expression", "FUNCTIONS", "MAX_LENGTH"]

MAX_LENGTH = 2000
MAX_DEPTH = 60
MAX_INT_DIGITS = 60
MAX_EXPONENT = 200
#: largest |exponent| of a decimal literal such as ``1.5e-400`` (its exact rational has that many digits).
MAX_DECIMAL_EXPONENT = 5000

_DECIMAL = re.compile(r"(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?")


def _relu(x):
    return sp.Max(0, x)


def _sigmoid(x):
    return 1 / (1 + sp.exp(-x))


def _step(x):
    """1{x > 0}, the registry's "step" (sympy's Heaviside(x) is 1/2 at 0; ``heaviside`` keeps that)."""
    return sp.Piecewise((1, x > 0), (0, True))


def _gelu(x):
    return x * (1 + sp.erf(x / sp.sqrt(2))) / 2


FUNCTIONS = {
    "exp": sp.exp, "log": sp.log, "sqrt": sp.sqrt,
    "sin": sp.sin, "cos": sp.cos, "tan": sp.tan, "sinh": sp.sinh, "cosh": sp.cosh, "tanh": sp.tanh,
    "atan": sp.atan, "asin": sp.asin, "acos": sp.acos,
    "erf": sp.erf, "erfc": sp.erfc,
    "abs": sp.Abs, "Abs": sp.Abs, "sign": sp.sign, "heaviside": sp.Heaviside, "step": _step,
    "max": sp.Max, "Max": sp.Max, "min": sp.Min, "Min": sp.Min,
    "relu": _relu, "sigmoid": _sigmoid, "gelu": _gelu,
}
_ARITY = {"max": None, "Max": None, "min": None, "Min": None}
CONSTANTS = {"pi": sp.pi, "e": sp.E, "E": sp.E}

_BINOPS = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b, ast.Mult: lambda a, b: a * b,
           ast.Div: lambda a, b: a / b, ast.Pow: None}


def _decimal(text: str):
    """The exact rational written by the decimal literal ``text`` (``1.5e-400``, ``0.7000…01``)."""
    m = _DECIMAL.fullmatch(text.replace("_", ""))
    if m is None or not (m.group(1) or m.group(2)):
        raise DomainError(f"cannot read the number {text!r} exactly")
    whole, frac, expo = m.group(1) or "", m.group(2) or "", int(m.group(3) or 0)
    if abs(expo) > MAX_DECIMAL_EXPONENT:
        raise ResourceLimit(f"decimal exponents are limited to |e| ≤ {MAX_DECIMAL_EXPONENT}, got {text!r}")
    mantissa = int(whole + frac or "0")
    if len(str(mantissa)) > MAX_INT_DIGITS + MAX_DECIMAL_EXPONENT:      # pragma: no cover - MAX_LENGTH bounds it
        raise ResourceLimit(f"decimal literals are limited to {MAX_INT_DIGITS + MAX_DECIMAL_EXPONENT} digits")
    return sp.Rational(mantissa) * sp.Rational(10) ** (expo - len(frac))


def _number(value, text):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise DomainError(f"only numbers, the variable, + - * / ** and known functions are allowed; got {text!r}")
    if isinstance(value, int):
        if len(str(abs(value))) > MAX_INT_DIGITS:
            raise ResourceLimit(f"integer literals are limited to {MAX_INT_DIGITS} digits")
        return sp.Integer(value)
    return _decimal(text)        # the literal as written, not the float Python rounded it to


class _Builder:
    def __init__(self, text: str, var: sp.Symbol):
        self.text = text
        self.var = var

    def build(self, node, depth=0):
        if depth > MAX_DEPTH:
            raise ResourceLimit(f"expression nested deeper than {MAX_DEPTH} levels")
        d = depth + 1
        if isinstance(node, ast.Expression):
            return self.build(node.body, d)
        if isinstance(node, ast.Constant):
            segment = ast.get_source_segment(self.text, node)
            if segment is None:                                  # pragma: no cover - ast always has positions
                raise DomainError(f"cannot locate the literal {node.value!r} in the text")
            return _number(node.value, segment)
        if isinstance(node, ast.Name):
            if node.id == self.var.name:
                return self.var
            if node.id in CONSTANTS:
                return CONSTANTS[node.id]
            raise DomainError(f"unknown name {node.id!r}; the variable is {self.var.name!r} and the constants are "
                              f"{', '.join(CONSTANTS)}")
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            v = self.build(node.operand, d)
            return -v if isinstance(node.op, ast.USub) else v
        if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
            a, b = self.build(node.left, d), self.build(node.right, d)
            if isinstance(node.op, ast.Pow):
                return self._power(a, b)
            if isinstance(node.op, ast.Div) and b == 0:
                raise DomainError("division by zero in the expression")
            return _BINOPS[type(node.op)](a, b)
        if isinstance(node, ast.Call):
            return self._call(node, d)
        kind = type(node).__name__
        raise DomainError(f"{kind} is not allowed in an expression; use numbers, the variable "
                          f"{self.var.name!r}, + - * / ** and the functions {', '.join(sorted(FUNCTIONS))}")

    def _power(self, base, expo):
        if not expo.is_number:
            raise DomainError("exponents must be numbers (a variable exponent is not supported)")
        if not expo.is_Rational:
            raise DomainError(f"exponents must be rational numbers, got {expo}")
        if abs(expo) > MAX_EXPONENT:
            raise ResourceLimit(f"exponents are limited to |p| ≤ {MAX_EXPONENT}, got {expo}")
        if base == 0 and expo < 0:
            raise DomainError("division by zero in the expression")
        if base.is_Rational and abs(expo) > 1:
            digits = len(str(abs(base.p))) + len(str(base.q))
            if digits * abs(expo) > 20_000:
                raise DomainError("the expression would build a number with more than 20000 digits")
        return base ** expo

    def _call(self, node, depth):
        if not isinstance(node.func, ast.Name):
            raise DomainError("only plain function names may be called (no attributes or methods)")
        name = node.func.id
        if name not in FUNCTIONS:
            raise DomainError(f"function calls are limited to: {', '.join(sorted(FUNCTIONS))}; got a call of {name}")
        if node.keywords:
            raise DomainError(f"{name}() takes no keyword arguments")
        args = [self.build(a, depth) for a in node.args]
        variadic = name in _ARITY
        if (variadic and len(args) < 2) or (not variadic and len(args) != 1):
            want = "at least two arguments" if variadic else "exactly one argument"
            raise DomainError(f"{name}() takes {want}, got {len(args)}")
        return FUNCTIONS[name](*args)


def parse_expression(text: str, var: str | sp.Symbol = "t") -> sp.Expr:
    """Parse ``text`` into a sympy expression in ``var`` without evaluating any code.

    Parameters
    ----------
    text : str
        E.g. ``"tanh(t/2)"``, ``"max(0, t) - 0.1*t"``.
    var : str or sympy.Symbol
        The variable name (default ``"t"``); as a string it becomes a real Symbol.
        ``t`` is hardverify's activation variable, so ``hv.activation(parse_expression(s))``
        works directly.

    Returns
    -------
    sympy.Expr
        The exact expression: decimal literals are the rationals they spell, never floats.

    Raises
    ------
    DomainError
        If ``text`` is not a string or does not parse, uses a name, function, operator or construct
        outside the vocabulary (the message lists what is allowed), divides by zero, or ``var`` is not
        a valid name or Symbol.
    ResourceLimit
        If the text is longer than 2000 characters, nested deeper than 60 levels, or has an integer
        of more than 60 digits or an exponent beyond 200.

    Examples
    --------
    >>> import sympy as sp, hardverify as hv
    >>> hv.parse_expression("0.1*t") == hv.t / 10                     # exact: 0.1 is 1/10
    True
    >>> hv.parse_expression("relu(x) - max(0, x)", var="x")
    0
    >>> hv.activation(hv.parse_expression("max(0, t - 1)")).kinks
    (1,)
    >>> hv.parse_expression("t.__class__")
    Traceback (most recent call last):
    ...
    hardverify.errors.DomainError: Attribute is not allowed in an expression; ...
    """
    if not isinstance(text, str):
        raise DomainError(f"expected a string, got {type(text).__name__}")
    if len(text) > MAX_LENGTH:
        raise ResourceLimit(f"expressions are limited to {MAX_LENGTH} characters")
    if isinstance(var, str):
        if not var.isidentifier() or var in FUNCTIONS or var in CONSTANTS:
            raise DomainError(f"invalid variable name {var!r}")
        var = sp.Symbol(var, real=True)
    elif not isinstance(var, sp.Symbol):
        raise DomainError(f"var must be a name or a sympy Symbol, got {var!r}")
    text = text.strip()
    try:
        tree = ast.parse(text, mode="eval")
    except (SyntaxError, ValueError) as exc:
        raise DomainError(f"cannot parse {text!r}: {exc.msg if hasattr(exc, 'msg') else exc}") from None
    try:
        return _Builder(text, var).build(tree)
    except RecursionError:
        raise ResourceLimit(f"expression nested deeper than {MAX_DEPTH} levels") from None
