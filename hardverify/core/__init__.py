"""The expression core: facts about a scalar function that both the exact and the certified layer need.

It owns the activation variable :data:`t` and :class:`Activation` (an expression with its analytic pieces,
kinks, proved parity and growth bound), the safe text parser, exact reading of user numbers, and the ball
evaluation of sympy expressions (python-flint), which decides signs and lets the certified layer evaluate
an expression without reading the symbolic layer.  It imports only the base layer (errors, verdict,
validate), sympy, numpy and python-flint.

* :mod:`.activations` — :class:`Activation`, :func:`activation`, the registry :data:`ACTIVATIONS`, :data:`t`;
* :mod:`.parse` — :func:`parse_expression`, text to sympy without evaluating code;
* :mod:`.numbers` — :func:`exact_real`, :func:`sign_of`, :func:`as_expr`, :func:`as_arb`;
* :mod:`.arbeval` — :func:`compile_expr`, :func:`enclose_constant` (sympy → arb/acb balls);
* :mod:`.piecewise`, :mod:`.parity`, :mod:`.growth` — analytic pieces, proved parity, growth bounds;
* :mod:`.counting` — exact binomials and N(n, k) for integer n, refused up front past a size limit;
* :mod:`.conventions` — the names of the normalisations and measures;
* :mod:`.markup` — escaping of text for LaTeX, Markdown and HTML, and typesetting of numbers and balls, shared
  by the report writers and the notebook displays of every layer above.
"""

from .activations import ACTIVATIONS, Activation, activation, t
from .arbeval import compile_expr, enclose_constant
from .numbers import as_arb, as_expr, exact_real, sign_of
from .parse import parse_expression

__all__ = ["ACTIVATIONS", "Activation", "activation", "t", "compile_expr", "enclose_constant", "as_arb", "as_expr",
           "exact_real", "sign_of", "parse_expression"]
