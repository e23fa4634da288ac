"""Activations: the scalar functions σ of a one-hidden-layer network x ↦ Σ a_i σ(<w_i, x> + b_i).

An :class:`Activation` knows

* its sympy form :attr:`~Activation.expr` in the real variable :data:`t`;
* its analytic pieces and its kinks (points where it is not analytic);
* its proved parity (:class:`~hardverify.core.parity.Parity`);
* a rigorous growth bound ``|σ(t)| ≤ A(1+|t|)^p e^{a|t|}`` (needed for tail bounds).

Build one by name, ``hv.activation("relu")``, or from any sympy expression,
``hv.activation(expr, var)``.  Activations add, subtract and scale, and can be
composed with an affine map (:meth:`Activation.affine`), e.g. to move a kink.

>>> import hardverify as hv
>>> relu = hv.activation("relu")
>>> relu.kinks
(0,)
>>> abs_ = 2 * relu - hv.activation("identity")      # |t| = 2 ReLU(t) - t
>>> abs_.parity.describe()
'even'
>>> hv.activation("relu").affine(1, -1).kinks        # ReLU(t - 1): the kink moves to 1
(1,)
"""

from __future__ import annotations

import functools

import sympy as sp

from ..errors import DomainError
from ..validate import as_nonneg_int
from .arbeval import enclose_constant
from .growth import Growth, piecewise_growth, verify_growth
from .numbers import as_expr, exact_real
from .parity import Parity, parity
from .piecewise import Piece, split_pieces

__all__ = ["Activation", "activation", "ACTIVATIONS", "t", "MAX_FREQUENCY"]

#: the largest oscillation frequency |ω| of sin/cos/tan(ω t + β) that certified quadrature is asked to resolve.
MAX_FREQUENCY = 64

#: the canonical real variable of every activation expression.
t = sp.Symbol("t", real=True)


def _exact(expr):
    """Replace Floats by the exact rationals of their decimal form (0.1 -> 1/10)."""
    floats = expr.atoms(sp.Float)
    if not floats:
        return expr
    return expr.xreplace({f: sp.Rational(str(f)) for f in floats})


def _param(value, what):
    return sp.sympify(exact_real(value, what))


def _relu(): return sp.Max(0, t)
_LEAKY_SLOPE = sp.Rational(1, 100)


def _leaky_relu(slope=_LEAKY_SLOPE):
    a = _param(slope, "slope")
    return sp.Piecewise((a * t, t < 0), (t, True))
def _abs(): return sp.Abs(t)
def _sign(): return sp.sign(t)
def _step(): return sp.Piecewise((1, t > 0), (0, True))     # 1{t > 0}: step(0) = 0 (not sympy's H(0) = 1/2)
def _erf(): return sp.erf(t)
def _sigmoid(): return 1 / (1 + sp.exp(-t))
def _tanh(): return sp.tanh(t)
def _gelu(): return t * (1 + sp.erf(t / sp.sqrt(2))) / 2
def _softplus(): return sp.log(1 + sp.exp(t))
def _silu(): return t / (1 + sp.exp(-t))
def _identity(): return t
def _monomial(degree):
    d = as_nonneg_int(degree, "monomial degree", maximum=10_000)
    return t ** d


#: name -> (builder, description).  Builders take the activation's keyword parameters.
ACTIVATIONS = {
    "relu": (_relu, "max(0, t)"),
    "leaky_relu": (_leaky_relu, "t for t > 0, slope*t for t < 0 (keyword slope, default 1/100)"),
    "abs": (_abs, "|t|"),
    "sign": (_sign, "sign(t)"),
    "step": (_step, "1{t > 0} (so step(0) = 0; sympy's Heaviside(t) has H(0) = 1/2)"),
    "erf": (_erf, "erf(t)"),
    "sigmoid": (_sigmoid, "1/(1 + exp(-t))"),
    "tanh": (_tanh, "tanh(t)"),
    "gelu": (_gelu, "t Φ(t) = t (1 + erf(t/√2))/2"),
    "softplus": (_softplus, "log(1 + exp(t))"),
    "silu": (_silu, "t sigmoid(t)"),
    "identity": (_identity, "t"),
    "monomial": (_monomial, "t**degree (keyword degree)"),
}


class Activation:
    """A real activation function σ(t) given by an exact sympy expression.

    The vocabulary of every other layer: an activation knows its expression in :data:`t`, its analytic
    pieces and kinks, its proved parity, a rigorous growth bound, its homogeneity degree and its
    oscillation frequency.  Activations add, subtract, scale by numbers and compose with affine maps;
    two activations are equal (and hash equal) when their expressions are.  Usually built with
    :func:`activation`.

    Parameters
    ----------
    expr : sympy.Expr
        The function, in the variable ``var``.  Floats are read as the exact
        decimals they print as (``0.1`` becomes ``1/10``).
    var : sympy.Symbol, optional
        The variable of ``expr`` (default: :data:`t`).
    name : str, optional
        A display name (the registry name for named activations).
    params : dict, optional
        The keyword parameters of a named activation (shown in its repr).
    growth : tuple (A, p, a), optional
        A user-supplied bound ``|σ(t)| ≤ A(1+|t|)^p e^{a|t|}``; by default it is
        derived from the expression (see :mod:`hardverify.core.growth`).  A supplied bound is
        never trusted: it is used only when it dominates the proved bound; one violated at a
        probe point raises DomainError, one neither proved nor refuted raises NotCertified
        (:func:`hardverify.core.growth.verify_growth`).

    Raises
    ------
    DomainError
        If ``expr`` is a string (use :func:`activation`), not a sympy expression, has free symbols
        besides ``var``, or is not a finite real function (contains I, oo, zoo or nan).

    Examples
    --------
    >>> import sympy as sp, hardverify as hv
    >>> x = sp.Symbol("x")
    >>> s = hv.Activation(sp.Max(0, x - 1), x)                 # ReLU with its kink at 1
    >>> s.kinks, s(3), s == hv.activation("relu").affine(1, -1)
    ((1,), 2, True)
    >>> (2 * hv.activation("relu") - hv.activation("identity")).parity.describe()   # |t| = 2 ReLU(t) - t
    'even'
    """

    def __init__(self, expr, var=None, *, name: str | None = None, params: dict | None = None,
                 growth=None):
        if isinstance(expr, str):
            raise DomainError(
                "an activation expression must be a sympy expression; for a name or text such as "
                f"'max(0, t)' use hv.activation(text) (names: {', '.join(ACTIVATIONS)})"
            )
        try:
            expr = sp.sympify(expr, strict=True)
        except (sp.SympifyError, TypeError):
            raise DomainError(f"cannot read {expr!r} as a sympy expression") from None
        if not isinstance(expr, sp.Expr):
            raise DomainError(f"an activation must be a sympy expression, got {type(expr).__name__}")
        if var is None:
            free = expr.free_symbols
            # the one free symbol is the variable, whatever its assumptions (Symbol("t") is not hv.t)
            var = next(iter(free)) if len(free) == 1 and isinstance(next(iter(free)), sp.Symbol) else t
        if not isinstance(var, sp.Symbol):
            raise DomainError(f"var must be a sympy Symbol, got {var!r}")
        extra = expr.free_symbols - {var}
        if extra:
            raise DomainError(
                f"the expression {expr} has free symbols {sorted(map(str, extra))} besides the variable "
                f"{var}; an activation has one variable: substitute numbers for the others first "
                f"(expr.subs({{symbol: value}})) or name the variable with hv.activation(expr, var)"
            )
        expr = _exact(expr.subs(var, t) if var != t else expr)
        if expr.has(sp.I) or expr.has(sp.zoo) or expr.has(sp.nan) or expr.has(sp.oo) or expr.has(-sp.oo):
            raise DomainError(f"an activation must be a finite real function, got {expr}")
        self.expr = expr
        self.name = name
        self.params = dict(params or {})
        self._growth = growth

    # -- analysis (computed on first use) ------------------------------------------------
    @functools.cached_property
    def pieces(self) -> tuple[Piece, ...]:
        """Analytic pieces ``(left, right, expr)`` in increasing order."""
        return tuple(split_pieces(self.expr, t))

    @property
    def kinks(self) -> tuple:
        """Points where σ is (possibly) not analytic: the boundaries between pieces.

        Returns
        -------
        tuple of sympy numbers
            The kinks in increasing order (empty for an analytic σ).
        """
        return tuple(p.right for p in self.pieces[:-1])

    @functools.cached_property
    def parity(self) -> Parity:
        """Proved parity facts (see :class:`~hardverify.core.parity.Parity`)."""
        return parity(list(self.pieces), t)

    @functools.cached_property
    def growth(self) -> Growth:
        """A rigorous bound ``|σ(t)| ≤ A (1+|t|)^p e^{a|t|}`` for all real t."""
        if self._growth is not None:
            g = self._growth
            if isinstance(g, Growth):
                return g
            try:
                A, p, a = (_param(v, "growth") for v in g)
            except (TypeError, ValueError):
                raise DomainError("growth must be a tuple (A, p, a) of non-negative numbers") from None
            if A < 0 or p < 0 or a < 0:
                raise DomainError("growth must be a tuple (A, p, a) of non-negative numbers")
            return verify_growth(Growth(A, p, a), self.pieces, t, self.ball_at, self.kinks)
        return piecewise_growth(self.pieces, t)

    def ball_at(self, x):
        """An arb ball of σ(x) at an exact point x, at the ambient flint precision.

        Parameters
        ----------
        x : number or sympy.Expr
            An exact point (floats are read as the decimals they print).

        Returns
        -------
        flint.arb or None
            A ball containing σ(x); None when σ(x) is not a finite real number.

        Examples
        --------
        >>> activation("step").ball_at(0), activation("relu").ball_at(-2)
        (0, 0)
        """
        v = self(x)
        if not v.is_number or v.has(sp.zoo, sp.nan, sp.oo, -sp.oo) or v.is_real is False:
            return None
        return enclose_constant(v)

    @functools.cached_property
    def frequency(self):
        """The largest |ω| of an oscillating factor sin, cos or tan(ω t + β) of σ (exact; 0 when there is
        none; None when an oscillating argument is not affine in t, e.g. cos(√t)).

        Certified quadrature needs about |ω| nodes per unit length, so the routes refuse |ω| above
        :data:`MAX_FREQUENCY` up front (ResourceLimit) instead of running for minutes.

        >>> activation(sp.sin(3 * t) + sp.cos(t / 2)).frequency, activation("relu").frequency
        (3, 0)
        """
        out = sp.Integer(0)
        for node in self.expr.atoms(sp.sin, sp.cos, sp.tan):
            arg = node.args[0]
            if not arg.has(t):
                continue
            if not arg.is_polynomial(t) or sp.Poly(arg, t).degree() != 1:
                return None
            out = max(out, abs(sp.Poly(arg, t).LC()), key=lambda v: float(v))
        return out

    @property
    def is_piecewise_polynomial(self) -> bool:
        """True if every analytic piece of σ is a polynomial (the class with exact Funk–Hecke eigenvalues).

        Returns
        -------
        bool
        """
        return all(p.expr.is_polynomial(t) for p in self.pieces)

    @functools.cached_property
    def homogeneity(self) -> int | None:
        """p if σ(λt) = λ^p σ(t) for every λ > 0 (pieces c_± t^p, kink only at 0), else None.

        >>> activation("relu").homogeneity, activation("step").homogeneity, activation("sigmoid").homogeneity
        (1, 0, None)
        >>> activation("relu").affine(1, 1).homogeneity is None
        True
        """
        pieces = self.pieces
        if len(pieces) > 2 or (len(pieces) == 2 and pieces[0].right != 0):
            return None
        degrees = set()
        for piece in pieces:
            if not piece.expr.is_polynomial(t):
                return None
            nz = [m for (m,), c in sp.Poly(piece.expr, t).terms() if c != 0]
            if len(nz) > 1:
                return None
            degrees.update(nz)
        if len(degrees) > 1:
            return None
        return degrees.pop() if degrees else 0

    # -- evaluation ---------------------------------------------------------------------
    def __call__(self, x):
        """σ(x) as an exact sympy value (x a number or sympy expression)."""
        return self.expr.subs(t, as_expr(x, "x", allow_symbols=True))

    # -- algebra ------------------------------------------------------------------------
    def _combine(self, other, op, symbol):
        if isinstance(other, Activation):
            return Activation(op(self.expr, other.expr), name=f"({self.label} {symbol} {other.label})")
        c = _param(other, "a scalar")
        return Activation(op(self.expr, c), name=f"({self.label} {symbol} {c})")

    def __add__(self, other):
        return self._combine(other, lambda a, b: a + b, "+")

    __radd__ = __add__

    def __sub__(self, other):
        return self._combine(other, lambda a, b: a - b, "-")

    def __rsub__(self, other):
        return self._combine(other, lambda a, b: b - a, "-r")

    def __mul__(self, other):
        if isinstance(other, Activation):
            raise DomainError("activations can be scaled by numbers, not multiplied together")
        c = _param(other, "a scalar")
        return Activation(c * self.expr, name=f"{c}*{self.label}")

    __rmul__ = __mul__

    def __neg__(self):
        return Activation(-self.expr, name=f"-{self.label}")

    def affine(self, scale, shift) -> "Activation":
        """The activation t ↦ σ(scale·t + shift) (a weight scale and a bias).

        Parameters
        ----------
        scale : number or sympy.Expr
            A non-zero exact real (floats are read as the decimals they print).
        shift : number or sympy.Expr
            An exact real.

        Returns
        -------
        Activation
            The composed activation (its kinks move to (kink - shift)/scale).

        Raises
        ------
        DomainError
            If ``scale`` is 0 or either value is not a finite real number.

        Examples
        --------
        >>> activation("relu").affine(2, -1).kinks, activation("relu").affine(2, -1)(1)
        ((1/2,), 1)
        """
        a, b = _param(scale, "scale"), _param(shift, "shift")
        if a == 0:
            raise DomainError("scale must be non-zero")
        return Activation(self.expr.subs(t, a * t + b), name=f"{self.label}({a}*t + {b})")

    # -- identity -----------------------------------------------------------------------
    @property
    def label(self) -> str:
        """The display name: the name when there is one, else the expression as text.

        Returns
        -------
        str
        """
        return self.name or str(self.expr)

    def __repr__(self) -> str:
        if self.name in ACTIVATIONS:
            args = "".join(f", {k}={v}" for k, v in self.params.items())
            return f"activation({self.name!r}{args})"
        return f"Activation({self.expr})"

    def __eq__(self, other):
        return isinstance(other, Activation) and self.expr == other.expr

    def __hash__(self):
        return hash(("Activation", self.expr))


def activation(name_or_expr, var=None, /, **params) -> Activation:
    """An :class:`Activation` by registry name or from a sympy expression.

    Parameters
    ----------
    name_or_expr : str or sympy.Expr
        A name from :data:`ACTIVATIONS` (``relu``, ``leaky_relu``, ``abs``, ``sign``,
        ``step``, ``erf``, ``sigmoid``, ``tanh``, ``gelu``, ``softplus``, ``silu``,
        ``identity``, ``monomial``), text in t read by the safe parser exactly as the
        command line reads it (``"max(0, t - 0.5)"``, :func:`hardverify.core.parse.parse_expression`),
        or a sympy expression in ``var`` (default: its one free symbol, whatever its
        assumptions, else :data:`t`).
    var : sympy.Symbol, optional
        The variable of an expression.
    **params
        Parameters of a named activation (``slope`` for leaky_relu, ``degree``
        for monomial), or ``growth=(A, p, a)`` for an expression.

    Returns
    -------
    Activation
        The activation (an Activation passed in is returned unchanged).

    Raises
    ------
    DomainError
        For an unknown name (the message lists the registry), parameters a named activation does not
        take, a variable or parameters given with text, text the safe parser refuses, or an expression
        that :class:`Activation` refuses.

    Examples
    --------
    >>> import sympy as sp, hardverify as hv
    >>> x = sp.Symbol("x")
    >>> hv.activation(sp.exp(-x**2), x).parity.describe()
    'even'
    >>> hv.activation("max(0, t)") == hv.activation("relu") == hv.activation(sp.Max(0, sp.Symbol("t")))
    True
    >>> hv.activation("leaky_relu", slope=0.1)(-1), hv.activation("monomial", degree=3).homogeneity
    (-1/10, 3)
    >>> hv.activation("swish")
    Traceback (most recent call last):
    ...
    hardverify.errors.DomainError: unknown activation 'swish'; known: relu, leaky_relu, abs, sign, step, ...
    """
    if isinstance(name_or_expr, Activation):
        if params or var is not None:
            raise DomainError("an Activation takes no further parameters")
        return name_or_expr
    if isinstance(name_or_expr, str):
        name = name_or_expr.strip().lower()
        if name not in ACTIVATIONS:
            if name.isidentifier() and name != "t":     # a bare word: a misspelt name, not an expression
                raise DomainError(
                    f"unknown activation {name_or_expr!r}; known: {', '.join(ACTIVATIONS)} "
                    "(or text such as 'max(0, t)', or a sympy expression)"
                )
            if params or var is not None:
                raise DomainError("an activation given as text takes no further parameters (write them into "
                                  "the text)")
            from .parse import parse_expression  # the same safe parser as the command line
            return Activation(parse_expression(name_or_expr), name=name_or_expr.strip())
        if var is not None:
            raise DomainError("a named activation takes keyword parameters only, not a variable")
        builder = ACTIVATIONS[name][0]
        try:
            expr = builder(**params)
        except TypeError:
            import inspect
            allowed = list(inspect.signature(builder).parameters)
            raise DomainError(
                f"activation {name!r} accepts parameters {allowed or 'none'}, got {sorted(params)}"
            ) from None
        return Activation(expr, name=name, params=params)
    growth = params.pop("growth", None)
    if params:
        raise DomainError(f"an expression activation accepts only growth=..., got {sorted(params)}")
    return Activation(name_or_expr, var, growth=growth)
