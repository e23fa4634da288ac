"""SPEC W1 for every activation: finite-width output-layer GD with certified Gram entries.

The exact dynamics (:class:`~.dynamics.FiniteWidthGD`) need exact Gram entries
E[σ(⟨w_i,x⟩)σ(⟨w_j,x⟩)], which exist for positively homogeneous σ only.  For any other σ (sigmoid, tanh,
erf, GELU, softplus, …) W1 is checked in two parts:

1. **the operator identity, exactly, for a generic Gram matrix.**  With symbols G_ij = G_ji, b_i, F and η,
   the GD route a_{s+1} = a_s - η ∇L(a_s) (L(a) = ½(F - 2 Σ a_i b_i + Σ a_i a_j G_ij) differentiated by
   sympy) and the operator route c_{s+1} = (I - η m T_m) c_s on the residual coordinates
   (E[φ_i r] = c_0 b_i + Σ_j G_ij c_j) are compared as polynomials in Q[η, G, b, F] for s < steps.  An
   identity of polynomials holds at every value, so at the true (unknown) Gram matrix of σ too;
2. **the values, certified.**  G_ij = κ_σ(⟨w_i,w_j⟩; n) is the certified random-feature kernel
   (:func:`hardverify.random_feature_kernel` with ``dps=``: the Funk–Hecke series with its tail bounded),
   b_i = E[f φ_i] = Σ_ℓ μ_ℓ(σ; n) Y_ℓ(w_i) from certified Funk–Hecke eigenvalues μ_ℓ, and the recurrences
   run in arb balls: every a_t, loss and per-degree norm below is an :class:`~hardverify.Enclosure` that
   contains the true value.  The two routes are also evaluated in balls at the certified data; their
   enclosures must overlap (they contain the same true number) and be narrow.

The verdict of :meth:`CertifiedFiniteWidthGD.check_operator_identity` is CERTIFIED (never PROVED: the
data are balls).

>>> import sympy as sp
>>> from hardverify.constructions.vempala_wilmes2019 import HarmonicTarget
>>> f = HarmonicTarget.zonal(3, {1: 1, 2: 1}, u=(0, sp.Rational(3, 5), sp.Rational(4, 5)))
>>> W = [(1, 0, 0), (0, 1, 0), (sp.Rational(3, 5), sp.Rational(4, 5), 0)]
>>> gd = CertifiedFiniteWidthGD(f, W, "sigmoid", eta=2, dps=20)
>>> gd.check_operator_identity(3).status.name                          # SPEC W1, three steps
'CERTIFIED'
>>> bool(gd.loss(3) < gd.loss(0))                                      # GD decreases the loss
True
"""

from __future__ import annotations

import functools

import sympy as sp
from flint import arb, ctx

from hardverify.errors import DomainError, NotCertified
from hardverify.numeric.enclosure import Enclosure, bits_for_dps, enclose
from hardverify.sphere import funk_hecke, harmonic_dimension, legendre_polynomial, random_feature_kernel
from hardverify.validate import as_dps
from hardverify.verdict import Status, Verdict

from .dynamics import SOURCE, as_steps, ball_degree_norm2, ball_recurrence, ball_residual_norm2, set_inputs
from .targets import HarmonicTarget

__all__ = ["CertifiedFiniteWidthGD", "generic_identity"]

#: digits carried beyond the requested ``dps`` in the data and the recurrences (a step loses a few bits).
GUARD = 20


@functools.lru_cache(maxsize=32)
def generic_identity(m: int, steps: int) -> tuple[bool, str]:
    """Whether GD on the loss equals (I - η m T_m) on the residual, as polynomials in Q[η, G, b, F].

    Parameters
    ----------
    m : int
        The width (number of features), ``m >= 1``.
    steps : int
        Steps s = 0..steps-1 compared.

    Returns
    -------
    tuple of (bool, str)
        ``(True, description)`` if the identity of polynomials holds for every s < steps, else
        ``(False, where it fails)``.

    Examples
    --------
    >>> generic_identity(2, 3)[0]
    True
    """
    eta, F = sp.Symbol("eta"), sp.Symbol("F")
    a = sp.symbols(f"a0:{m}")
    b = sp.symbols(f"b0:{m}")
    G = [[sp.Symbol(f"G{min(i, j)}_{max(i, j)}") for j in range(m)] for i in range(m)]
    L = (F - 2 * sum(ai * bi for ai, bi in zip(a, b)) + sum(a[i] * a[j] * G[i][j] for i in range(m)
                                                             for j in range(m))) / 2
    grad = [sp.diff(L, ai) for ai in a]
    params = [sp.Integer(0)] * m                                   # GD route: a_s
    coords = [sp.Integer(1)] + [sp.Integer(0)] * m                 # operator route: r_s = c_0 f + Σ c_i φ_i
    for s in range(steps):
        sub = dict(zip(a, params))
        params = [sp.expand(p - eta * g.subs(sub)) for p, g in zip(params, grad)]
        inner = [coords[0] * b[i] + sum(G[i][j] * coords[j + 1] for j in range(m)) for i in range(m)]
        coords = [coords[0]] + [sp.expand(c - eta * m * sp.Rational(1, m) * x) for c, x in zip(coords[1:], inner)]
        for i in range(m):
            if sp.expand(coords[i + 1] + params[i]) != 0:
                return False, f"step {s}, coordinate {i}"
    return True, f"identity in Q[η, G, b, F] for s < {steps}, m = {m}"


class CertifiedFiniteWidthGD:
    """Output-layer GD on the population loss with certified Gram entries, for any activation.

    The setting and the notation of :class:`~.dynamics.FiniteWidthGD` (r_t = f - Σ a_i φ_i, a_0 = 0,
    a ← a - η ∇L(a), L = ½E_x(f - g_a)², x ~ U(S^{n-1})), with σ any activation whose Funk–Hecke
    eigenvalues and random-feature kernel are certified (:func:`hardverify.funk_hecke`,
    :func:`hardverify.random_feature_kernel` with ``dps=``).

    Parameters
    ----------
    target : HarmonicTarget
        f, in a harmonic basis.
    weights : sequence of m >= 1 exact unit points of S^{n-1}
        The fixed hidden weights w_i.
    activation : str or Activation
        σ: a registry name or an activation.
    eta : exact positive number
        The raw step η on the output weights.
    dps : int
        Decimal digits every certified result carries.
    max_degree : int
        Per-degree residual norms are available for ℓ <= max(max_degree, the target's degrees).

    Raises
    ------
    DomainError
        η <= 0, m < 1, points not exactly of norm 1, a non-harmonic target, dps outside 1..10000.
    NotCertified
        A Gram entry or an eigenvalue cannot be certified to ``dps`` digits.
    """

    def __init__(self, target: HarmonicTarget, weights, activation="sigmoid", *, eta, dps: int = 30,
                 max_degree: int = 6):
        set_inputs(self, target, weights, activation, eta, max_degree)
        self.dps = as_dps(dps)
        n, m, d = self.n, self.m, self.dps + GUARD
        self._prec = bits_for_dps(d) + 64
        with ctx.workprec(self._prec):
            kernel = {}
            for i in range(m):
                for j in range(i, m):
                    r = self.rho[i][j]
                    if r not in kernel:
                        kernel[r] = _ball(random_feature_kernel(self.act, n, r, dps=d), "a Gram entry", d)
            self.gram = [[kernel[self.rho[i][j]] for j in range(m)] for i in range(m)]
            self.mu = {ell: _ball(funk_hecke(self.act, n, ell, dps=d), f"μ_{ell}", d)
                       for ell in range(self.max_degree + 1)}
            self.cross = [sum((self.mu[ell] * _exact(target.value(ell, w)) for ell in target.degrees), arb(0))
                          for w in self.weights]
            self.ff = _exact(target.norm2())
            self._eta = _exact(self.eta)
        self._cache: dict = {}

    def __repr__(self) -> str:
        return (f"CertifiedFiniteWidthGD(n={self.n}, m={self.m}, {self.act.label}, η={self.eta}, "
                f"dps={self.dps}, {self.target!r})")

    @property
    def eta_prime(self):
        """η' = η m, the step that multiplies T_m.

        Returns
        -------
        sympy.Rational or sympy.Expr
            Exact.
        """
        return self.eta * self.m

    def _params_ball(self, t: int) -> list:
        t = as_steps(t)
        if t not in self._cache:
            with ctx.workprec(self._prec + 4 * t):
                self._cache[t] = ball_recurrence(self.gram, self.cross, self._eta, t)
        return self._cache[t]

    def _out(self, x: arb) -> Enclosure:
        e = Enclosure(x, self.dps)
        if not e.contains_zero() and e.rel_accuracy_digits() < self.dps:
            raise NotCertified(f"only {e.rel_accuracy_digits():.0f} of dps = {self.dps} digits survived; "
                               f"use fewer steps or a larger dps")
        return e

    def parameters(self, t: int) -> tuple:
        """a_t as certified Enclosures (ball recurrence a_{s+1} = a_s + η(b - G a_s) from a_0 = 0).

        Parameters
        ----------
        t : int
            Steps, ``t >= 0``.

        Returns
        -------
        tuple of Enclosure
        """
        return tuple(self._out(x) for x in self._params_ball(t))

    def loss(self, t: int) -> Enclosure:
        """L(a_t) = ½(E[f²] - 2 Σ a_i b_i + Σ a_i a_j G_ij), certified.

        Parameters
        ----------
        t : int
            Steps, ``t >= 0``.

        Returns
        -------
        Enclosure
        """
        with ctx.workprec(self._prec):
            return self._out(ball_residual_norm2(self._coords(t), self.gram, self.cross, self.ff) / 2)

    def degree_norm2(self, t: int, ell: int) -> Enclosure:
        """‖Π_ℓ r_t‖² = E[Y_ℓ²] - 2 μ_ℓ Σ a_i Y_ℓ(w_i) + μ_ℓ² N(n,ℓ) Σ a_i a_j P_ℓ(⟨w_i,w_j⟩), certified.

        Parameters
        ----------
        t : int
            Steps, ``t >= 0``.
        ell : int
            The degree, ``0 <= ell <= max_degree``.

        Returns
        -------
        Enclosure

        Raises
        ------
        DomainError
            ℓ outside 0..max_degree.
        """
        if isinstance(ell, bool) or not isinstance(ell, int) or not 0 <= ell <= self.max_degree:
            raise DomainError(f"the degree ℓ must be an integer in 0..max_degree = {self.max_degree}, got {ell!r}")
        m, n = self.m, self.n
        with ctx.workprec(self._prec):
            N = arb(int(harmonic_dimension(n, ell)))
            y = [_exact(self.target.value(ell, w)) for w in self.weights]
            P = [[_exact(legendre_polynomial(n, ell, self.rho[i][j])) for j in range(m)] for i in range(m)]
            v = ball_degree_norm2(self._coords(t), self.mu[ell], N, P, y, _exact(self.target.norm2(ell)))
        return self._out(v)

    def _coords(self, t: int) -> list:
        """Residual coordinates (1, -a_t) of r_t = f - Σ a_i φ_i, as balls."""
        return [arb(1)] + [-x for x in self._params_ball(t)]

    def check_operator_identity(self, steps: int) -> Verdict:
        """CERTIFIED if r_{s+1} = (I - η m T_m) r_s for s < steps (the two parts of the module docstring).

        Parameters
        ----------
        steps : int
            Steps compared, ``steps >= 0``.

        Returns
        -------
        Verdict
            CERTIFIED when the generic identity holds and the two ball routes overlap with ``dps`` digits;
            UNDECIDED otherwise (with the reason).
        """
        steps = as_steps(steps, "steps")
        params = {"n": self.n, "m": self.m, "activation": self.act.label, "eta": str(self.eta), "steps": steps,
                  "dps": self.dps}
        ok, how = generic_identity(self.m, steps)
        if not ok:
            return Verdict(Status.UNDECIDED, claim="W1", method="generic polynomial identity", params=params,
                           source=SOURCE, evidence=f"the two routes differ as polynomials at {how}")
        m, G, b = self.m, self.gram, self.cross
        with ctx.workprec(self._prec + 4 * steps):
            c = [arb(1)] + [arb(0)] * m                    # the operator route on residual coordinates, in balls
            for _ in range(steps):
                inner = [c[0] * b[i] + sum((G[i][j] * c[j + 1] for j in range(m)), arb(0)) for i in range(m)]
                c = [c[0]] + [c[i + 1] - self._eta * inner[i] for i in range(m)]
        a = self._params_ball(steps)
        for i in range(m):
            if not (c[i + 1] + a[i]).contains(0):
                return Verdict(Status.UNDECIDED, claim="W1", method="ball evaluation", params=params,
                               source=SOURCE, evidence=f"coordinate {i}: the ball routes do not overlap (a bug)")
        worst = min(Enclosure(x, self.dps).rel_accuracy_digits() for x in a)
        if worst < self.dps:
            return Verdict(Status.UNDECIDED, claim="W1", method="ball evaluation", params=params, source=SOURCE,
                           evidence=f"a_{steps} has only {worst:.0f} of {self.dps} digits")
        return Verdict(Status.CERTIFIED, claim="W1", params=params, source=SOURCE,
                       method="exact: GD on the loss polynomial = (I - η m T_m) on residual coordinates in "
                              "Q[η, G, b, F]; certified: Gram entries κ_σ(⟨w_i,w_j⟩; n) and μ_ℓ(σ; n) in balls",
                       evidence=f"{how}; a_{steps} enclosed to ≥ {worst:.0f} digits by both routes, "
                                f"η' = {self.eta_prime}")


def _exact(x) -> arb:
    """An exact sympy number as a ball at the ambient precision."""
    return enclose(sp.sympify(x), max(20, int(ctx.prec * 0.30103))).ball


def _ball(e, what: str, d: int) -> arb:
    """The ball of a certified result, or NotCertified naming the quantity."""
    if not isinstance(e, Enclosure):
        try:
            return enclose(sp.sympify(e), d).ball
        except (TypeError, ValueError) as exc:
            raise NotCertified(f"{what} is not a certified number: {exc}") from None
    return e.ball
