"""SPEC W1: output-layer gradient descent at finite width, exactly, as an operator on the residual.

VW's training (SPEC §11, confirmed): hidden weights w_1..w_m on S^{n-1} fixed, no biases, output weights
a from 0, inputs x ~ U(S^{n-1}), population loss L(a) = ½ E_x(f - g_a)² with g_a = Σ_i a_i σ(⟨w_i, x⟩),
fixed step a ← a - η ∇L(a).  With φ_i = σ(⟨w_i, ·⟩) and r_t = f - g_{a_t}:

    r_{t+1} = (I - η m T_m) r_t,    (T_m h)(x) = E_y[k_m(x, y) h(y)],  k_m(x, y) = (1/m) Σ_i φ_i(x) φ_i(y).

Everything lives in the finite span of f, φ_1, …, φ_m, with exact inner products:

* E[φ_i φ_j] = κ(⟨w_i, w_j⟩), κ the random-feature kernel (exact for positively homogeneous σ:
  ReLU (√(1-ρ²) + (π - arccos ρ)ρ)/(2πn), step (π - arccos ρ)/(2π); :func:`hardverify.random_feature_kernel`);
* E[φ_i Y_ℓ] = μ_ℓ(σ; n) Y_ℓ(w_i) for Y_ℓ ∈ H_ℓ^n (Funk–Hecke, F3; μ_ℓ exact for piecewise polynomials);
* E[Π_ℓ φ_i Π_ℓ φ_j] = μ_ℓ² N(n, ℓ) P_ℓ^{(n)}(⟨w_i, w_j⟩) (addition theorem), so the per-degree residual
  norms ‖Π_ℓ r_t‖ are exact too.

The identity is checked by two routes that share no code beyond the inner products: the GD route
differentiates the loss polynomial L(a) with sympy; the operator route applies (I - η m T_m) to the
residual's coordinates.  Entries are sympy numbers in π, 1/π, arcsin(ρ), √…: the iteration only adds
and multiplies them (η is rational), so ``expand(a - b) == 0`` is an identity of polynomials in those
atoms and hence a proof (evaluation is a ring homomorphism).  ``dps=`` runs the same recurrences in
python-flint balls (certified; for longer runs).

>>> import sympy as sp
>>> f = HarmonicTarget.zonal(3, {2: 1, 4: 1}, u=(0, 0, 1))
>>> W = [(1, 0, 0), (0, 1, 0), (sp.Rational(3, 5), sp.Rational(4, 5), 0)]
>>> gd = FiniteWidthGD(f, W, "relu", eta=4)
>>> gd.check_operator_identity(3).status.name                      # SPEC W1, three steps
'PROVED'
>>> gd.degree_norm2(0, 2), gd.loss(0)                              # ‖Π_2 f‖² = N(3,2) = 5; L_0 = (5 + 9)/2
(5, 7)
"""

from __future__ import annotations

import functools
from fractions import Fraction

import sympy as sp
from flint import arb, ctx
from sympy.polys.domains import QQ

from hardverify.core.activations import Activation
from hardverify.core.activations import activation as _activation
from hardverify.core.markup import clip
from hardverify.errors import DomainError, NoClosedForm
from hardverify.numeric.enclosure import Enclosure, bits_for_dps, enclose
from hardverify.sphere import funk_hecke, harmonic_dimension, legendre_polynomial, random_feature_kernel
from hardverify.verdict import Status, Verdict

from ..protocol import Display
from .atoms import AtomRing
from .targets import HarmonicTarget, as_unit_points

__all__ = ["FiniteWidthGD", "as_step", "as_steps", "ball_degree_norm2", "ball_recurrence", "ball_residual_norm2",
           "set_inputs"]

SOURCE = "SPEC §4 W1 (VW 2019) [DER]"


def as_step(eta, name: str = "eta"):
    """An exact positive step: ints, Fractions, sympy rationals, decimal strings; a float is its decimal.

    Parameters
    ----------
    eta : number
        The step (a float is read as the decimal it prints as: 0.1 is 1/10).
    name : str
        The argument's name, for the error message.

    Returns
    -------
    sympy.Expr
        Exact and positive.

    Raises
    ------
    DomainError
        If eta is a bool, not a real number, or ≤ 0.

    Examples
    --------
    >>> as_step(0.1), as_step("3/4")
    (1/10, 3/4)
    """
    if isinstance(eta, bool):
        raise DomainError(f"{name} must be a positive number, got {eta!r}")
    if isinstance(eta, float):
        eta = str(eta)
    if isinstance(eta, Fraction):
        eta = sp.Rational(eta.numerator, eta.denominator)
    try:
        e = sp.Rational(eta) if isinstance(eta, (int, str)) else sp.sympify(eta)
    except (TypeError, ValueError, sp.SympifyError):
        raise DomainError(f"{name} must be a positive number, got {eta!r}") from None
    if not e.is_number or e.is_real is not True:
        raise DomainError(f"{name} must be a positive real number, got {eta!r}")
    if not e.is_positive:
        raise DomainError(f"{name} must be > 0 (a step η ≤ 0 does not descend), got {e}")
    return e


def _dps(dps) -> int:
    if isinstance(dps, bool) or not isinstance(dps, int) or not 1 <= dps <= 10000:
        raise DomainError(f"dps must be an integer in 1..10000, got {dps!r}")
    return dps


def as_steps(t, name: str = "t") -> int:
    """A number of GD steps t ≥ 0.

    Parameters
    ----------
    t : int
        The number of steps.
    name : str
        The argument's name, for the error message.

    Returns
    -------
    int

    Raises
    ------
    DomainError
        If t is not an int ≥ 0 (bools refused).
    """
    if isinstance(t, bool) or not isinstance(t, int) or t < 0:
        raise DomainError(f"{name} (the number of steps) must be an integer >= 0, got {t!r}")
    return t


def set_inputs(gd, target, weights, activation, eta, max_degree) -> None:
    """Validate and store the inputs shared by the exact and the certified dynamics (target, points, σ, η).

    Sets ``target, n, weights, m, act, eta, max_degree`` and ``rho`` (the exact ⟨w_i, w_j⟩) on ``gd``.

    Parameters
    ----------
    gd : object
        The model being built (:class:`FiniteWidthGD` or :class:`~.ball_dynamics.CertifiedFiniteWidthGD`).
    target, weights, activation, eta, max_degree
        As in :class:`FiniteWidthGD`.

    Raises
    ------
    DomainError
        A target that is not a :class:`HarmonicTarget`, points not exactly on S^{n-1}, m < 1, η ≤ 0, or
        ``max_degree`` outside 0..40.
    """
    if not isinstance(target, HarmonicTarget):
        raise DomainError(f"target must be a HarmonicTarget (a harmonic basis), got {type(target).__name__}")
    gd.target, gd.n = target, target.n
    gd.weights = as_unit_points(weights, gd.n)
    gd.m = len(gd.weights)
    gd.act = activation if isinstance(activation, Activation) else _activation(activation)
    gd.eta = as_step(eta)
    if isinstance(max_degree, bool) or not isinstance(max_degree, int) or not 0 <= max_degree <= 40:
        raise DomainError(f"max_degree (the per-degree norms tracked) must be an integer in 0..40, "
                          f"got {max_degree!r}")
    gd.max_degree = max(max_degree, max(target.degrees, default=0))
    gd.rho = [[sp.expand(sum(a * b for a, b in zip(wi, wj))) for wj in gd.weights] for wi in gd.weights]


def ball_recurrence(G, b, eta, t: int) -> list:
    """a_t from a_0 = 0 by a_{s+1} = a_s + η(b - G a_s), in arb balls at the ambient precision.

    ``G`` (m × m), ``b`` (m) and ``eta`` are arb balls containing the true Gram matrix, cross terms and
    step; by ball arithmetic every returned ball contains the true a_t.

    Parameters
    ----------
    G : list of list of arb
        The Gram matrix E[φ_i φ_j] (enclosed).
    b : list of arb
        The cross terms E[f φ_i] (enclosed).
    eta : arb
        The step η.
    t : int
        Steps.

    Returns
    -------
    list of arb
    """
    m = len(b)
    a = [arb(0)] * m
    for _ in range(t):
        a = [a[i] + eta * (b[i] - sum((G[i][j] * a[j] for j in range(m)), arb(0))) for i in range(m)]
    return a


def ball_residual_norm2(c, G, b, ff) -> arb:
    """E[r²] for r = c_0 f + Σ c_i φ_i, in arb balls: c_0² E[f²] + 2 c_0 Σ c_i b_i + Σ c_i c_j G_ij.

    Parameters
    ----------
    c : list of arb
        Residual coordinates (c_0, c_1, ..., c_m).
    G, b, ff : arb balls
        E[φ_i φ_j], E[f φ_i] and E[f²].

    Returns
    -------
    arb
    """
    m = len(b)
    inner = [c[0] * b[i] + sum((G[i][j] * c[j + 1] for j in range(m)), arb(0)) for i in range(m)]
    return (c[0] * c[0] * ff + c[0] * sum((c[i + 1] * b[i] for i in range(m)), arb(0))
            + sum((c[i + 1] * inner[i] for i in range(m)), arb(0)))


def ball_degree_norm2(c, mu, N, P, Yw, y2) -> arb:
    """‖Π_ℓ r‖² = c_0² E[Y_ℓ²] + 2 c_0 μ_ℓ Σ c_i Y_ℓ(w_i) + μ_ℓ² N(n,ℓ) Σ c_i c_j P_ℓ(⟨w_i,w_j⟩), in balls.

    Parameters
    ----------
    c : list of arb
        Residual coordinates (c_0, c_1, ..., c_m).
    mu, N : arb
        μ_ℓ(σ; n) and N(n, ℓ).
    P : list of list of arb
        P_ℓ^{(n)}(⟨w_i, w_j⟩).
    Yw : list of arb
        Y_ℓ(w_i), the target's degree-ℓ part at the weights.
    y2 : arb
        E[Y_ℓ²].

    Returns
    -------
    arb
    """
    m = len(Yw)
    quad = sum((c[i + 1] * c[j + 1] * P[i][j] for i in range(m) for j in range(m)), arb(0))
    return c[0] * c[0] * y2 + 2 * c[0] * mu * sum((c[i + 1] * Yw[i] for i in range(m)), arb(0)) + mu * mu * N * quad


class FiniteWidthGD:
    """Exact output-layer GD on the population loss (see the module docstring).

    Parameters
    ----------
    target : HarmonicTarget
        f, in a harmonic basis.
    weights : sequence
        m ≥ 1 exact unit points of S^{n-1} (the fixed hidden weights w_i).
    activation : str or Activation
        σ, positively homogeneous (exact Gram entries): ``"relu"``, ``"step"``, ``"abs"``, biased
        versions are not homogeneous.
    eta : exact positive number
        The raw step η on the output weights (VW's η' = η m multiplies T_m).
    max_degree : int
        Per-degree residual norms are tracked for ℓ ≤ max(max_degree, the target's degrees).

    Attributes
    ----------
    m : int
        The width.
    gram : list of list
        E[φ_i φ_j] = κ(⟨w_i, w_j⟩), exact.
    cross : list
        E[f φ_i], exact.
    mu : dict
        ``{ℓ: μ_ℓ(σ; n)}`` for ℓ ≤ max_degree, exact.

    Raises
    ------
    DomainError
        η ≤ 0, m < 1, points not exactly of norm 1, a non-harmonic target, max_degree outside 0..40.
    NoClosedForm
        σ has no exact Gram entries or no exact Funk–Hecke eigenvalues.

    Notes
    -----
    Exact results (sympy numbers) come from :meth:`parameters`, :meth:`loss`, :meth:`degree_norm2`;
    certified Enclosures with ``dps=``; :meth:`check_operator_identity` returns a PROVED Verdict (or
    UNDECIDED, never REFUTED: the ring forgets relations among the atoms).

    References
    ----------
    Vempala, Wilmes, *Gradient descent for one-hidden-layer neural networks: polynomial convergence
    and SQ lower bounds*, COLT 2019 (arXiv 1805.02677); SPEC §4 and §11.

    Examples
    --------
    Two ReLU features on S^2 and the target Z_2 (the zonal harmonic of degree 2 at e_3): the loss
    starts at ½ E[Z_2²] = N(3, 2)/2 and GD is the operator iteration of W1:

    >>> f = HarmonicTarget.zonal(3, {2: 1}, u=(0, 0, 1))
    >>> gd = FiniteWidthGD(f, [(1, 0, 0), (0, 1, 0)], "relu", eta=4, max_degree=2)
    >>> gd.m, gd.eta_prime, gd.loss(0), gd.check_operator_identity(2).status.name
    (2, 8, 5/2, 'PROVED')
    """

    def __init__(self, target: HarmonicTarget, weights, activation="relu", *, eta, max_degree: int = 6):
        set_inputs(self, target, weights, activation, eta, max_degree)
        n, W = self.n, self.weights
        try:
            self.gram = [[sp.sympify(random_feature_kernel(self.act, n, r)) for r in row] for row in self.rho]
        except (DomainError, NoClosedForm) as exc:
            raise NoClosedForm(f"exact Gram entries E[σ(⟨w_i,x⟩)σ(⟨w_j,x⟩)] need a positively homogeneous σ "
                               f"(ReLU, step, |t|); {self.act.label}: {exc}; for any other σ use "
                               f"CertifiedFiniteWidthGD(..., dps=30) (certified Gram entries)") from None
        try:
            self.mu = {ell: sp.sympify(funk_hecke(self.act, n, ell)) for ell in range(self.max_degree + 1)}
        except NoClosedForm as exc:
            raise NoClosedForm(f"exact dynamics need exact Funk–Hecke eigenvalues of {self.act.label}: {exc}") from None
        self.cross = [sp.expand(sp.Add(*[self.mu[ell] * target.value(ell, w) for ell in target.degrees]))
                      for w in W]                                   # b_i = E[f φ_i]
        self.ff = target.norm2()
        self._deg = {}
        for ell in range(self.max_degree + 1):
            P = [[legendre_polynomial(n, ell, r) for r in row] for row in self.rho]
            self._deg[ell] = (self.mu[ell], harmonic_dimension(n, ell), P, [target.value(ell, w) for w in W],
                              target.norm2(ell))
        numbers = [self.eta, self.ff] + self.cross + [x for row in self.gram for x in row]
        for mu, _N, _P, Yw, y2 in self._deg.values():
            numbers += [mu, y2] + Yw
        self._cache: dict = {}
        R = self.R = AtomRing(numbers)
        self._G = [[R(x) for x in row] for row in self.gram]
        self._b = [R(x) for x in self.cross]
        self._eta, self._ff = R(self.eta), R(self.ff)
        self._degR = {ell: (R(mu), R(N), [[R(x) for x in row] for row in P], [R(y) for y in Yw], R(y2))
                      for ell, (mu, N, P, Yw, y2) in self._deg.items()}

    @property
    def eta_prime(self):
        """η' = η m, the step that multiplies T_m (and T_∞ at infinite width).

        Returns
        -------
        sympy.Expr
            Exact.
        """
        return self.eta * self.m

    # -- the GD route: differentiate the loss polynomial -------------------------------------
    @functools.cached_property
    def _gradient(self):
        """∇L(a) as sympy polynomials in symbols a_i, G_ij, b_i, F (the loss differentiated by sympy)."""
        m = self.m
        a, b = sp.symbols(f"a0:{m}"), sp.symbols(f"b0:{m}")
        G = [[sp.Symbol(f"G{i}_{j}") for j in range(m)] for i in range(m)]
        F = sp.Symbol("F")
        L = (F - 2 * sum(ai * bi for ai, bi in zip(a, b)) + sum(a[i] * a[j] * G[i][j] for i in range(m)
                                                                 for j in range(m))) / 2
        syms = list(a) + list(b) + [g for row in G for g in row] + [F]
        return syms, [sp.Poly(sp.diff(L, ai), *syms) for ai in a]

    def _grad_at(self, avec):
        syms, grads = self._gradient
        R = self.R
        values = list(avec) + self._b + [g for row in self._G for g in row] + [self._ff]
        out = []
        for g in grads:
            acc = R.ring.zero
            for monom, coef in g.terms():
                term = R.ring(QQ(int(coef.p), int(coef.q)))
                for v, e in zip(values, monom):
                    if e:
                        term *= v ** e
                acc += term
            out.append(acc)
        return out

    def _params_ring(self, t: int) -> tuple:
        cache = self._cache.setdefault("params", [tuple(self.R.ring.zero for _ in range(self.m))])
        while len(cache) <= t:                                   # a_{s+1} = a_s - η ∇L(a_s), memoised
            prev = cache[-1]
            cache.append(tuple(p - self._eta * g for p, g in zip(prev, self._grad_at(prev))))
        return cache[t]

    def parameters(self, t: int, *, dps: int | None = None) -> tuple:
        """a_t, from a_0 = 0 by a_{s+1} = a_s - η ∇L(a_s): exact sympy numbers, or with ``dps`` the exact
        values enclosed (ball evaluation of the exact polynomials in the atoms).

        Parameters
        ----------
        t : int
            The step, t ≥ 0 (memoised: later calls extend the table).
        dps : int, optional
            Decimal digits of certified values, 1..10000; None for exact ones.

        Returns
        -------
        tuple
            m sympy numbers, or m Enclosures.

        Raises
        ------
        DomainError
            If t or dps is invalid.
        NotCertified
            If an enclosure cannot reach ``dps`` digits (see :meth:`AtomRing.enclose`).

        Examples
        --------
        The certified values enclose the exact ones and agree with the ball recurrence:

        >>> import sympy as sp
        >>> f = HarmonicTarget.zonal(3, {2: 1}, u=(0, 0, 1))
        >>> gd = FiniteWidthGD(f, [(1, 0, 0), (0, 1, 0)], "relu", eta=4, max_degree=2)
        >>> a, e = gd.parameters(2), gd.parameters(2, dps=20)
        >>> all(x.contains(y) for x, y in zip(e, a)), all(x.ball.overlaps(y.ball) for x, y in
        ...                                                    zip(e, gd.parameters_certified(2, 20)))
        (True, True)
        """
        ring = self._params_ring(as_steps(t))
        if dps is None:
            return tuple(self.R.to_expr(x) for x in ring)
        return tuple(self.R.enclose(x, _dps(dps)) for x in ring)

    def ring_size(self, t: int) -> int:
        """The largest number of monomials (in the atoms π, 1/π, arcsin ρ, …) among the exact a_t (growth of W1).

        Parameters
        ----------
        t : int
            The step.

        Returns
        -------
        int

        Raises
        ------
        DomainError
            If t is invalid.
        """
        return max(len(x.terms()) for x in self._params_ring(as_steps(t)))

    def _residual_ring(self, t: int) -> tuple:
        return (self.R.ring.one,) + tuple(-x for x in self._params_ring(as_steps(t)))

    def residual(self, t: int) -> tuple:
        """Coordinates (c_0, c_1..c_m) of r_t = c_0 f + Σ c_i φ_i (c_0 = 1, c = -a_t), exact.

        Parameters
        ----------
        t : int
            The step.

        Returns
        -------
        tuple
            m + 1 sympy numbers.

        Raises
        ------
        DomainError
            If t is invalid.
        """
        return tuple(self.R.to_expr(x) for x in self._residual_ring(t))

    # -- the operator route --------------------------------------------------------------------
    def _inner_features(self, coords):
        """E[φ_i r] for r with ring coordinates coords."""
        c0, c = coords[0], coords[1:]
        return [c0 * self._b[i] + sum((self._G[i][j] * c[j] for j in range(self.m)), self.R.ring.zero)
                for i in range(self.m)]

    def _apply_operator(self, coords) -> tuple:
        inner = self._inner_features(coords)
        step = self._eta * self.m                                  # η' = η m, times T_m = (1/m) Σ φ_i E[φ_i ·]
        return (coords[0],) + tuple(c - step * QQ(1, self.m) * x for c, x in zip(coords[1:], inner))

    def apply_operator(self, coords) -> tuple:
        """(I - η m T_m) r for r = c_0 f + Σ c_i φ_i, where T_m r = (1/m) Σ_i φ_i E[φ_i r] (exact).

        Parameters
        ----------
        coords : sequence
            (c_0, c_1, …, c_m), exact sympy numbers.

        Returns
        -------
        tuple
            The m + 1 coordinates of the image, exact.

        Raises
        ------
        DomainError
            If ``coords`` does not have m + 1 entries.

        Examples
        --------
        One GD step is one application of the operator (SPEC W1):

        >>> f = HarmonicTarget.zonal(3, {2: 1}, u=(0, 0, 1))
        >>> gd = FiniteWidthGD(f, [(1, 0, 0), (0, 1, 0)], "relu", eta=4, max_degree=2)
        >>> gd.apply_operator(gd.residual(0)) == gd.residual(1)
        True
        """
        if len(coords) != self.m + 1:
            raise DomainError(f"a residual has m + 1 = {self.m + 1} coordinates, got {len(coords)}")
        R = AtomRing(list(coords) + [self.eta, self.ff] + self.cross + [x for row in self.gram for x in row])
        G = [[R(x) for x in row] for row in self.gram]
        b, eta = [R(x) for x in self.cross], R(self.eta)
        c = [R(x) for x in coords]
        inner = [c[0] * b[i] + sum((G[i][j] * c[j + 1] for j in range(self.m)), R.ring.zero) for i in range(self.m)]
        return (R.to_expr(c[0]),) + tuple(R.to_expr(c[i + 1] - eta * inner[i]) for i in range(self.m))

    def check_operator_identity(self, steps: int) -> Verdict:
        """PROVED if r_{s+1} = (I - η m T_m) r_s exactly for s = 0..steps-1 (the two routes above).

        Parameters
        ----------
        steps : int
            The number of steps checked.

        Returns
        -------
        Verdict
            Claim W1: PROVED, or UNDECIDED if the routes differ as polynomials in the atoms.

        Raises
        ------
        DomainError
            If ``steps`` is invalid.
        """
        steps = as_steps(steps, "steps")
        for s in range(steps):
            lhs, rhs = self._residual_ring(s + 1), self._apply_operator(self._residual_ring(s))
            for i, (x, y) in enumerate(zip(lhs, rhs)):
                if x != y:
                    return Verdict(Status.UNDECIDED, claim="W1", method="exact polynomial identity",
                                   params=self._params(steps), source=SOURCE,
                                   evidence=f"step {s}, coordinate {i}: the two routes differ as polynomials in "
                                            "the atoms (not a disproof: relations among atoms are forgotten)")
        return Verdict(Status.PROVED, claim="W1", params=self._params(steps), source=SOURCE,
                       method="exact: GD on the loss polynomial vs (I - η m T_m) on the residual coordinates, "
                              "identity in Q[atoms]",
                       evidence=f"r_(s+1) = (I - η' T_m) r_s for s < {steps}, η' = {self.eta_prime}, m = {self.m}")

    def _params(self, steps):
        return {"n": self.n, "m": self.m, "activation": self.act.label, "eta": str(self.eta), "steps": steps}

    # -- norms ---------------------------------------------------------------------------------
    def _norm2_ring(self, coords):
        c0, c = coords[0], coords[1:]
        inner = self._inner_features(coords)
        return (c0 * c0 * self._ff + c0 * sum((ci * bi for ci, bi in zip(c, self._b)), self.R.ring.zero)
                + sum((ci * x for ci, x in zip(c, inner)), self.R.ring.zero))

    def loss(self, t: int, *, dps: int | None = None):
        """L(a_t) = ½ ‖r_t‖² = ½ E[r_t²]: exact (a sympy number), or a certified Enclosure with ``dps``.

        Parameters
        ----------
        t : int
            The step.
        dps : int, optional
            Decimal digits, 1..10000; None for the exact value.

        Returns
        -------
        sympy.Expr or Enclosure

        Raises
        ------
        DomainError
            If t or dps is invalid.

        Examples
        --------
        Gradient descent with a small enough step decreases the loss:

        >>> f = HarmonicTarget.zonal(3, {2: 1}, u=(0, 0, 1))
        >>> gd = FiniteWidthGD(f, [(1, 0, 0), (0, 1, 0)], "relu", eta=4, max_degree=2)
        >>> gd.loss(0), bool(gd.loss(1) < gd.loss(0)), gd.loss(1, dps=20).contains(gd.loss(1))
        (5/2, True, True)
        """
        if dps is None:
            return self.R.to_expr(self._norm2_ring(self._residual_ring(t)) * QQ(1, 2))
        dps = _dps(dps)
        with ctx.workprec(bits_for_dps(dps) + 64):
            v = ball_residual_norm2(self._coords_arb(t, dps), self._arb(dps, "G"), self._arb(dps, "b"),
                                    self._arb(dps, "ff")) / 2
            return Enclosure(v, dps)

    def _degree_norm2_ring(self, t: int, ell: int):
        if isinstance(ell, bool) or not isinstance(ell, int) or not 0 <= ell <= self.max_degree:
            raise DomainError(f"the degree ℓ must be an integer in 0..max_degree = {self.max_degree}, got {ell!r}")
        coords = self._residual_ring(t)
        c0, c = coords[0], coords[1:]
        mu, N, P, Yw, y2 = self._degR[ell]
        zero = self.R.ring.zero
        if mu == zero:                                   # μ_ℓ = 0: the features have no degree-ℓ part (W3)
            return c0 * c0 * y2
        quad = sum((c[i] * c[j] * P[i][j] for i in range(self.m) for j in range(self.m)), zero)
        return c0 * c0 * y2 + 2 * c0 * mu * sum((ci * y for ci, y in zip(c, Yw)), zero) + mu * mu * N * quad

    def degree_norm2(self, t: int, ell: int, *, dps: int | None = None):
        """‖Π_ℓ r_t‖² = c_0² E[Y_ℓ²] + 2 c_0 μ_ℓ Σ_i c_i Y_ℓ(w_i) + μ_ℓ² N(n,ℓ) Σ_ij c_i c_j P_ℓ(⟨w_i,w_j⟩).

        Exact (a sympy number), or a certified Enclosure with ``dps`` (ball evaluation of the exact value).

        Parameters
        ----------
        t : int
            The step.
        ell : int
            The degree, 0..max_degree.
        dps : int, optional
            Decimal digits, 1..10000; None for the exact value.

        Returns
        -------
        sympy.Expr or Enclosure

        Raises
        ------
        DomainError
            If t, ℓ or dps is invalid.
        """
        if dps is None:
            return self.R.to_expr(self._degree_norm2_ring(as_steps(t), ell))
        dps = _dps(dps)
        self._degree_norm2_ring(0, ell)                                  # validates ℓ
        with ctx.workprec(bits_for_dps(dps) + 64):
            return Enclosure(ball_degree_norm2(self._coords_arb(as_steps(t), dps), *self._arb(dps, ell)), dps)

    def _arb(self, dps: int, what):
        """Enclosed exact data (with guard digits): "G", "b", "ff" or a degree ℓ (memoised per instance)."""
        key = ("arb", dps, what)
        if key not in self._cache:
            self._cache[key] = self._arb_uncached(dps, what)
        return self._cache[key]

    def _arb_uncached(self, dps: int, what):
        d = dps + 30
        e = lambda x: enclose(x, d).ball                                   # noqa: E731
        with ctx.workprec(bits_for_dps(d) + 64):
            if what == "G":
                return [[e(x) for x in row] for row in self.gram]
            if what == "b":
                return [e(x) for x in self.cross]
            if what == "ff":
                return e(self.ff)
            mu, N, P, Yw, y2 = self._deg[what]
            return e(mu), arb(N), [[e(x) for x in row] for row in P], [e(y) for y in Yw], e(y2)

    def _coords_arb(self, t: int, dps: int) -> list:
        key = ("coords", t, dps)
        if key not in self._cache:
            self._cache[key] = [self.R.enclose(x, dps + 30).ball for x in self._residual_ring(t)]
        return self._cache[key]

    # -- the same recurrences in balls or floats ------------------------------------------------
    def parameters_certified(self, t: int, dps: int = 30) -> list:
        """a_t as certified Enclosures: the exact entries enclosed, then a_{s+1} = a_s + η(b - G a_s) in balls.

        An independent certified route (no atom ring), for longer runs.

        Parameters
        ----------
        t : int
            The step.
        dps : int
            Decimal digits (default 30); 20 + t guard digits are added.

        Returns
        -------
        list of Enclosure

        Raises
        ------
        DomainError
            If t or dps is invalid.
        """
        t, dps = as_steps(t), _dps(dps)
        guard = 20 + t                                   # each step may lose a few bits
        with ctx.workprec(bits_for_dps(dps + guard) + 64):
            G = [[enclose(x, dps + guard).ball for x in row] for row in self.gram]
            b = [enclose(x, dps + guard).ball for x in self.cross]
            eta = enclose(self.eta, dps + guard).ball
            return [Enclosure(x, dps) for x in ball_recurrence(G, b, eta, t)]

    def parameters_float(self, t: int):
        """a_t in float64 numpy (the same recurrence; for the benchmark's float error). Evidence only.

        Parameters
        ----------
        t : int
            The step.

        Returns
        -------
        numpy.ndarray of float, shape (m,)

        Raises
        ------
        DomainError
            If t is invalid.
        """
        import numpy as np
        t = as_steps(t)
        G = np.array([[float(x) for x in row] for row in self.gram])
        b = np.array([float(x) for x in self.cross])
        eta = float(self.eta)
        a = np.zeros(self.m)
        for _ in range(t):
            a = a + eta * (b - G @ a)
        return a

    # -- display in notebooks: one Display, rendered as Markdown and LaTeX ------------------------------------
    def __repr__(self) -> str:
        return (f"FiniteWidthGD(n={self.n}, m={self.m}, {clip(self.act.label, 30)}, η={clip(self.eta, 20)}, "
                f"{clip(repr(self.target), 50)})")

    def _display(self) -> Display:
        return Display(
            "VW finite-width GD", (("n", self.n), ("m", self.m), ("σ", self.act.label), ("η", self.eta)),
            r"r_{t+1} = (I - \eta m\, T_m)\, r_t,"
            r"\quad T_m h = \frac{1}{m} \sum_{i=1}^{m} \varphi_i\, \mathbb{E}[\varphi_i h],"
            r"\quad \varphi_i = \sigma(\langle w_i, \cdot\rangle)",
            "r_(t+1) = (I − ηm T_m) r_t, T_m h = (1/m) Σ_i φ_i E[φ_i h], φ_i = σ(⟨w_i, ·⟩)",
            (f"target {self.target!r}", "x ~ U(S^(n−1)); output layer trained from 0 on the squared loss (SPEC W1)"))

    def _repr_markdown_(self) -> str:
        return self._display().markdown()

    def _repr_latex_(self) -> str:
        return self._display().latex()
