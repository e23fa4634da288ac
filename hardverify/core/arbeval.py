"""Rigorous evaluation of sympy expressions in python-flint ball arithmetic.

:func:`compile_expr` turns a sympy expression in one variable into a Python
function ``f(x, analytic=False)`` that accepts an ``arb`` (real ball) or an
``acb`` (complex ball) and returns a ball that provably contains every value of
the expression on that ball, at the ambient flint precision.

With ``analytic=True`` the function also certifies that the expression is
holomorphic on the (complex) ball: where it is not (a branch cut of ``log`` or
``sqrt``, a kink of ``Abs`` or ``Max``, a pole), the result is a non-finite
ball.  This is the contract of ``acb.integral`` in python-flint, and the
certified quadrature of :mod:`hardverify.numeric.quadrature` relies on it.

Only a closed list of functions is supported; anything else raises
:class:`~hardverify.errors.DomainError` naming the supported ones.  Floats are
refused: an activation is converted to exact rationals before it gets here.

>>> import sympy as sp
>>> from flint import arb, ctx
>>> t = sp.Symbol("t", real=True)
>>> f = compile_expr(1 / (1 + sp.exp(-t)), t)
>>> with ctx.workprec(100):
...     y = f(arb(0))
>>> y.contains(arb("0.5")) and y.rad() == 0
True
"""

from __future__ import annotations

import functools

import sympy as sp
from flint import acb, arb, fmpq

from ..errors import DomainError

__all__ = ["compile_expr", "enclose_constant", "SUPPORTED_FUNCTIONS"]


def _is_complex(x) -> bool:
    return isinstance(x, acb)


def _nan_like(x):
    return acb("nan") if _is_complex(x) else arb("nan")


def _unary(name):
    def apply(x, analytic):
        return getattr(x, name)()
    return apply


def _real_domain(x: arb) -> arb:
    """Clip a real ball to [0, ∞) for sqrt and fractional powers.

    A ball that touches 0 only through outward rounding (a piece [0, h] of an activation such
    as √t) would otherwise give nan; values below 0 are outside the real domain, so the
    enclosure of the real values is that of the non-negative part.  A ball entirely below 0
    gives nan.
    """
    if x < 0:
        return arb("nan")
    return x.nonnegative_part()


def _branch(name):
    """Functions with a branch cut: ``acb`` methods that take the analytic flag."""
    def apply(x, analytic):
        if _is_complex(x):
            return getattr(x, name)(analytic=analytic)
        if name == "sqrt":
            return _real_domain(x).sqrt()
        return getattr(x, name)()
    return apply


def _abs(x, analytic):
    if _is_complex(x):
        return x.real_abs(analytic=analytic)
    return abs(x)


def _sign(x, analytic):
    if _is_complex(x):
        return x.real_sgn(analytic=analytic)
    return x.sgn()


def _heaviside(x, analytic):
    # sympy's Heaviside(0) = 1/2; on a ball straddling 0 the union [0, 1] is returned.
    if _is_complex(x):
        return x.real_heaviside(analytic=analytic)
    if x > 0:
        return arb(1)
    if x < 0:
        return arb(0)
    if x.is_zero():
        return arb(fmpq(1, 2))
    return arb.union(arb(0), arb(1))


def _atan(x, analytic):
    # branch cuts on the imaginary axis, |Im w| >= 1: a box that crosses one gets a finite (but
    # discontinuous) enclosure from acb.atan, so holomorphy must be checked here
    if _is_complex(x) and analytic and not (x.real > 0 or x.real < 0 or abs(x.imag) < 1):
        return _nan_like(x)
    return x.atan()


def _asin(x, analytic):
    if _is_complex(x):
        if analytic and not (abs(x.real) < 1):  # branch points at +-1 on the real axis
            return _nan_like(x)
        return x.asin()
    return x.asin()


_FUNCS = {
    sp.exp: _unary("exp"),
    sp.sin: _unary("sin"),
    sp.cos: _unary("cos"),
    sp.tan: _unary("tan"),
    sp.sinh: _unary("sinh"),
    sp.cosh: _unary("cosh"),
    sp.tanh: _unary("tanh"),
    sp.sech: _unary("sech"),
    sp.erf: _unary("erf"),
    sp.erfc: _unary("erfc"),
    sp.atan: _atan,
    sp.asin: _asin,
    sp.log: _branch("log"),
    sp.gamma: _unary("gamma"),
    sp.Abs: _abs,
    sp.sign: _sign,
    sp.Heaviside: _heaviside,
}

#: names of the functions an expression may contain (besides + - * / ** Max Min Piecewise).
SUPPORTED_FUNCTIONS = tuple(sorted(f.__name__ for f in _FUNCS)) + ("Max", "Min", "Piecewise", "sqrt")


def _const(value):
    """Exact sympy number -> closure returning a ball at the current precision."""
    if value.is_Rational:
        q = fmpq(int(value.p), int(value.q))
        return lambda x, analytic: arb(q)
    if value is sp.pi:
        return lambda x, analytic: arb.pi()
    if value is sp.E:
        return lambda x, analytic: arb(1).exp()
    if value is sp.EulerGamma:
        return lambda x, analytic: arb.const_euler()
    if value is sp.Catalan:
        return lambda x, analytic: arb.const_catalan()
    raise DomainError(f"unsupported constant {value}")


def _compile(node, var):
    if node == var:
        return lambda x, analytic: x
    if node.is_Number:
        if node.is_Float:
            raise DomainError(f"floating-point number {node} in an expression; use an exact Rational")
        if not node.is_real or node.is_infinite:
            raise DomainError(f"unsupported number {node} in an expression")
        return _const(node)
    if node.is_NumberSymbol:
        return _const(node)
    if node is sp.I:
        raise DomainError("the expression contains the imaginary unit I: only real expressions can be evaluated "
                          "in ball arithmetic (write complex exponentials as cos/sin)")
    if node.is_Symbol:
        raise DomainError(f"unexpected symbol {node} (the expression may only depend on {var})")
    if node.is_Add:
        parts = [_compile(a, var) for a in node.args]
        def add(x, analytic):
            acc = parts[0](x, analytic)
            for p in parts[1:]:
                acc = acc + p(x, analytic)
            return acc
        return add
    if node.is_Mul:
        parts = [_compile(a, var) for a in node.args]
        def mul(x, analytic):
            acc = parts[0](x, analytic)
            for p in parts[1:]:
                acc = acc * p(x, analytic)
            return acc
        return mul
    if node.is_Pow:
        base, expo = node.args
        fb = _compile(base, var)
        if expo.is_Integer:
            n = int(expo)
            if n >= 0:
                return lambda x, analytic: fb(x, analytic) ** n
            return lambda x, analytic: 1 / (fb(x, analytic) ** (-n))
        if expo == sp.S.Half:
            return _compose(_branch("sqrt"), fb)
        if expo.is_Rational:
            q = fmpq(int(expo.p), int(expo.q))
            def rpow(x, analytic):
                b = fb(x, analytic)
                if _is_complex(b):
                    return b.pow(acb(q), analytic=analytic)
                if q < 0:
                    return 1 / (_real_domain(b) ** arb(-q))
                return _real_domain(b) ** arb(q)
            return rpow
        fe = _compile(expo, var)
        def gpow(x, analytic):
            b, e = fb(x, analytic), fe(x, analytic)
            if _is_complex(b) or _is_complex(e):
                return acb(b).pow(acb(e), analytic=analytic)
            return (b.log() * e).exp()
        return gpow
    if isinstance(node, (sp.Max, sp.Min)):
        parts = [_compile(a, var) for a in node.args]
        is_max = isinstance(node, sp.Max)
        def extremum(x, analytic):
            vals = [p(x, analytic) for p in parts]
            acc = vals[0]
            for v in vals[1:]:
                if _is_complex(acc) or _is_complex(v):
                    acc = acb(acc).real_max(acb(v), analytic=analytic) if is_max else \
                        acb(acc).real_min(acb(v), analytic=analytic)
                else:
                    acc = acc.max(v) if is_max else acc.min(v)
            return acc
        return extremum
    if isinstance(node, sp.Piecewise):
        return _compile_piecewise(node, var)
    func = node.func
    ball = getattr(node, "arb_ball", None)        # compact closed forms (core/closed_forms.py) enclose themselves
    if callable(ball) and not node.free_symbols:
        return lambda x, analytic: ball()
    if func is sp.Heaviside and len(node.args) == 2:        # Heaviside(x, H0): H0 at x = 0 (1-arg: 1/2)
        x, h0 = node.args
        return _compile(sp.Piecewise((0, x < 0), (h0, x <= 0), (1, True)), var)
    if func in _FUNCS and len(node.args) == 1:
        return _compose(_FUNCS[func], _compile(node.args[0], var))
    raise DomainError(
        f"unsupported function {func} in {node}; supported: {', '.join(SUPPORTED_FUNCTIONS)}"
    )


def _compose(outer, inner):
    return lambda x, analytic: outer(inner(x, analytic), analytic)


def _compile_relational(rel, var):
    if rel is sp.true:
        return lambda x: True
    if rel is sp.false:
        return lambda x: False
    if isinstance(rel, (sp.And, sp.Or)):
        parts = [_compile_relational(a, var) for a in rel.args]
        # three-valued logic: the deciding value settles it, unanimity of the other settles it too
        decisive = rel.func is sp.Or

        def combine(x):
            vals = [p(x) for p in parts]
            if any(v is decisive for v in vals):
                return decisive
            return (not decisive) if all(v is (not decisive) for v in vals) else None
        return combine
    if isinstance(rel, sp.core.relational.Relational):
        diff = _compile(rel.lhs - rel.rhs, var)
        strict = isinstance(rel, (sp.StrictLessThan, sp.StrictGreaterThan))
        less = isinstance(rel, (sp.StrictLessThan, sp.LessThan))
        if isinstance(rel, (sp.Eq, sp.Ne)):
            raise DomainError(f"equality conditions are not supported in Piecewise: {rel}")
        def decide(x):
            d = diff(x, False)
            # certainly satisfied / certainly violated / undecided (None)
            if less:
                yes, no = (d < 0, d >= 0) if strict else (d <= 0, d > 0)
            else:
                yes, no = (d > 0, d <= 0) if strict else (d >= 0, d < 0)
            if yes:
                return True
            if no:
                return False
            return None
        return decide
    raise DomainError(f"unsupported Piecewise condition {rel}")


def _compile_piecewise(node, var):
    branches = [(_compile(e, var), _compile_relational(c, var)) for e, c in node.args]

    def piecewise(x, analytic):
        if _is_complex(x):
            if analytic:
                return _nan_like(x)
            raise DomainError("Piecewise expressions can only be evaluated on real balls")
        acc = None
        for fe, fc in branches:
            verdict = fc(x)
            if verdict is False:
                continue
            val = fe(x, analytic)
            acc = val if acc is None else arb.union(acc, val)
            if verdict is True:
                return acc
        return acc if acc is not None else arb("nan")
    return piecewise


@functools.lru_cache(maxsize=512)
def _compile_cached(expr, var):
    return _compile(expr, var)


def compile_expr(expr, var):
    """Compile ``expr`` (a sympy expression in ``var``) to a ball-arithmetic function.

    Parameters
    ----------
    expr : sympy.Expr
        An expression built from exact numbers, ``var``, + - * / **, and the
        functions in :data:`SUPPORTED_FUNCTIONS`.
    var : sympy.Symbol
        The variable.

    Returns
    -------
    callable
        ``f(x, analytic=False)`` with ``x`` an ``arb`` or ``acb``.

    Examples
    --------
    >>> from flint import ctx
    >>> t = sp.Symbol("t", real=True)
    >>> f = compile_expr(sp.Abs(t), t)
    >>> with ctx.workprec(64):
    ...     print(f(arb(-2)) == 2, f(acb(1), True).is_finite(), f(acb(0), True).is_finite())   # |t| not analytic at 0
    True True False
    """
    expr = sp.sympify(expr)
    compiled = _compile_cached(expr, var)

    def f(x, analytic=False):
        return compiled(x, analytic)
    return f


def enclose_constant(value):
    """Enclose a constant sympy expression (no free symbols) at the ambient precision.

    Parameters
    ----------
    value : sympy.Expr or number
        An exact constant built from the supported functions (see :func:`compile_expr`).

    Returns
    -------
    flint.arb
        A ball containing the value (non-finite when it is undefined, e.g. log of a negative number).

    Raises
    ------
    DomainError
        If ``value`` has free symbols, or uses a function or a Float the compiler refuses.

    Examples
    --------
    >>> from flint import ctx, arb
    >>> with ctx.workprec(128):
    ...     b = enclose_constant(1 / sp.sqrt(2 * sp.pi))
    ...     close = abs(b - arb("0.398942280401432677939946059934")) < arb("1e-29")
    >>> close, b.rad() < arb("1e-37")
    (True, True)
    """
    value = sp.sympify(value)
    if value.free_symbols:
        raise DomainError(f"expected a constant, got {value} with free symbols {sorted(map(str, value.free_symbols))}")
    dummy = sp.Dummy("x")
    return _compile_cached(value, dummy)(arb(0), False)
