"""Canonical form of a network: units merged through the activation's proved parity (exact).

σ is split by its proved parity (:mod:`hardverify.core.parity`) as σ = P + O with O odd, or
σ = Q + E with E even (P, Q polynomials).  A unit σ(-u) is then rewritten through σ(u):
O(-u) = -O(u), E(-u) = E(u), so every unit is brought to a canonical orientation (first non-zero
of (w, b) positive) and units with the same canonical (w, b) are merged; the polynomial parts are
summed exactly.  f ≡ 0 follows when every merged coefficient and the polynomial vanish — a proof;
the converse is not claimed (distinct canonical units could still cancel as functions).

>>> import sympy as sp
>>> from hardverify.networks import Network
>>> f = Network([[1, 1], [-1, -1]], "relu", outputs=[1, -1])     # ReLU(u) - ReLU(-u) = u
>>> canonical_form(f).poly                                         # = x1 + x2, no non-linear part
{((1, 1),): 1, ((2, 1),): 1}
>>> canonical_form(f).terms
{}
"""

from __future__ import annotations

import functools

import sympy as sp

from ..core.activations import Activation, t
from ..core.numbers import sign_of
from ..core.piecewise import switch_points
from ..errors import DomainError

__all__ = ["ReducedForm", "canonical_form", "pointwise_parity"]


def _is_zero(v) -> bool:
    return v == 0 if isinstance(v, int) else sign_of(v) == 0


class ReducedForm:
    """f = Σ_key c_key · σ̃(key) + poly(x): canonical units and an exact polynomial remainder.

    ``terms`` maps a canonical unit ``(((coord, q), ...), bias)`` to its coefficient (zero
    coefficients dropped); ``poly`` maps a monomial ``((coord, power), ...)`` to its coefficient.
    The unit's pre-activation is scale·⟨q, x⟩ + bias with the network's common ``scale``.
    Built by :func:`canonical_form`; two reduced forms of networks with the same σ and scale are
    compared term by term (:meth:`equals_times`).

    Parameters
    ----------
    terms : dict
        ``{canonical unit: coefficient}``, exact; zero coefficients are dropped.
    poly : dict
        ``{monomial: coefficient}``, exact; zero coefficients are dropped.
    """

    __slots__ = ("terms", "poly")

    def __init__(self, terms: dict, poly: dict):
        self.terms = {k: v for k, v in terms.items() if not _is_zero(v)}
        self.poly = {k: v for k, v in poly.items() if not _is_zero(v)}

    def is_zero(self) -> bool:
        """Whether no unit and no monomial is left.

        Returns
        -------
        bool
            True proves that the network is identically zero; False proves nothing.

        Examples
        --------
        >>> ReducedForm({"unit": 0}, {(): 0}).is_zero()
        True
        """
        return not self.terms and not self.poly

    def equals_times(self, other: "ReducedForm", eps: int) -> bool:
        """Whether self = eps · other term by term, exactly.

        Parameters
        ----------
        other : ReducedForm
            The form to compare with (of a network with the same activation and scale).
        eps : int
            The sign, +1 or -1.

        Returns
        -------
        bool
            True proves the identity of functions; False means it is not shown term by term.

        Examples
        --------
        >>> a, b = ReducedForm({"u": 2}, {(): 1}), ReducedForm({"u": -2}, {(): -1})
        >>> a.equals_times(b, -1), a.equals_times(b, 1)
        (True, False)
        """
        for mine, theirs in ((self.terms, other.terms), (self.poly, other.poly)):
            for k in set(mine) | set(theirs):
                if not _is_zero(mine.get(k, 0) - eps * theirs.get(k, 0)):
                    return False
        return True


@functools.lru_cache(maxsize=256)
def _switch_points(act: Activation) -> tuple:
    """Every switch point of σ's expression, including those where the two sides agree (merged pieces)."""
    return switch_points(act.expr, t)


@functools.lru_cache(maxsize=256)
def pointwise_parity(act: Activation) -> tuple:
    """(P, Q): σ - P odd and σ - Q even at **every** real t (None where not shown).

    :attr:`Activation.parity` is proved on the open analytic pieces, i.e. almost everywhere; a
    network identity must also hold where a pre-activation sits on a switch point (atoms of the
    hypercube, a constant unit σ(b), a constant region of f inside ψ∘f).  Between switch points
    and their mirror images the identity holds by the proof on pieces, so it is checked exactly
    at the switch points only (e.g. 1{t > 0} is odd up to 1/2 almost everywhere, not at 0).

    Parameters
    ----------
    act : Activation
        σ.

    Returns
    -------
    tuple
        ``(P, Q)``: sympy polynomials in ``t`` with σ - P odd and σ - Q even at every real t,
        each None when not shown (exact).
    """
    par = act.parity
    pts = _switch_points(act)

    def holds(poly, s: int) -> bool:          # σ(x) + s σ(-x) = poly(x) + s poly(-x) at each switch x
        return all(_is_zero(sp.expand(act(x) + s * act(-x) - poly.subs(t, x) - s * poly.subs(t, -x)))
                   for x in pts)
    odd = par.odd_up_to if par.odd_up_to is not None and holds(par.odd_up_to, 1) else None
    even = par.even_up_to if par.even_up_to is not None and holds(par.even_up_to, -1) else None
    return odd, even


def _parity_mode(act: Activation):
    """('poly', σ) | ('odd', P) | ('even', Q) | ('none', 0): σ - P odd / σ - Q even, pointwise."""
    if act.expr.is_polynomial(t):
        return "poly", act.expr
    odd, even = pointwise_parity(act)
    if odd is not None:
        return "odd", odd
    if even is not None:
        return "even", even
    return "none", sp.Integer(0)


def canonical_form(net) -> ReducedForm:
    """The :class:`ReducedForm` of a network: its units merged through σ's proved parity (exact).

    Every unit σ(u) with u = scale⟨q, x⟩ + b is turned to the canonical orientation (first non-zero
    of (q, b) positive) using σ = P + O (O odd, pointwise) or σ = Q + E (E even, pointwise); the
    polynomial parts are summed exactly.  A polynomial σ is kept as a polynomial only.

    Parameters
    ----------
    net : Network
        The network.

    Returns
    -------
    ReducedForm
        f = Σ c_key σ(key) + poly, exactly.

    Raises
    ------
    DomainError
        If ``net`` is not a :class:`~hardverify.networks.Network`.

    Examples
    --------
    |u| is even, so |x_1 - x_2| and |x_2 - x_1| are one unit:

    >>> from hardverify.networks import Network
    >>> canonical_form(Network([[1, -1], [-1, 1]], "abs", outputs=[1, 1])).terms
    {(((1, 1), (2, -1)), 0): 2}
    """
    from .network import Network  # network.py imports this module: resolved at call time
    if not isinstance(net, Network):
        raise DomainError(f"canonical_form needs a hardverify Network, got {type(net).__name__}")
    mode, P = _parity_mode(net.activation)
    terms: dict = {}
    for q, b, a in zip(net.rows, net.biases, net.outputs):
        key_w = tuple((c, v) for c, v in zip(net.support, q) if v != 0)
        key, coef = (key_w, b), a
        if mode in ("odd", "even"):
            first = next((sign_of(v) for _, v in key_w), None) if key_w else sign_of(b)
            if first == -1:
                key = (tuple((c, -v) for c, v in key_w), -b)
                coef = -a if mode == "odd" else a
        if mode != "poly":
            terms[key] = terms.get(key, 0) + coef
    poly = _polynomial_part(net, P) if (mode == "poly" or P != 0) else {}
    return ReducedForm(terms, poly)


def _polynomial_part(net, P) -> dict:
    """Σ_i a_i P(scale⟨q_i, x⟩ + b_i) as {monomial: coefficient} (exact)."""
    Pt = sp.Poly(P, t)
    if Pt.degree() <= 1:            # fast path (ReLU: P = t/2; sigmoid: P = 1/2): exact sums, no Poly
        p1, p0 = ([sp.Integer(0)] + Pt.all_coeffs())[-2:]
        const = p0 * sum(net.outputs, 0) + p1 * sum((a * b for a, b in zip(net.outputs, net.biases)), 0)
        out = {(): const}
        if p1 != 0:
            for j, c in enumerate(net.support):
                out[((c, 1),)] = p1 * net.scale * sum((a * q[j] for a, q in zip(net.outputs, net.rows)), 0)
        return out
    xs = sp.symbols(f"x1:{len(net.support) + 1}")
    total = sp.Poly(0, *xs) if xs else sp.Poly(0, t)
    gens = xs or (t,)
    for q, b, a in zip(net.rows, net.biases, net.outputs):
        lin = sp.Poly(net.scale * sum((v * x for v, x in zip(q, xs)), sp.Integer(0)) + b, *gens)
        acc = sp.Poly(0, *gens)
        for c in Pt.all_coeffs():
            acc = acc * lin + sp.Poly(c, *gens)
        total += acc * a
    out = {}
    for monom, coef in total.terms():
        key = tuple((net.support[j], e) for j, e in enumerate(monom) if e) if xs else ()
        out[key] = sp.radsimp(coef)
    return out
