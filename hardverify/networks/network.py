"""One-hidden-layer networks x ↦ Σ_i a_i σ(scale·⟨q_i, x⟩ + b_i) on R^n, with exact weights.

A :class:`Network` stores its hidden weights **sparsely**: only the coordinates that some unit
uses (its :attr:`~Network.support`) are kept, so a GGJKK network of width 2^k on R^{10^6} costs
O(k 2^k).  Weights, biases and output weights are exact sympy numbers (floats are read as the
decimals they print as); an optional common ``scale`` multiplies every hidden weight (GGJKK:
q ∈ {±1}^k and scale = 1/√k), which keeps the rows integer and the arithmetic fast.

Exact structure (no integration):

* :meth:`Network.reduced` merges units using the activation's proved parity (σ - P odd or
  σ - Q even with P, Q polynomials): σ(-u) is rewritten through σ(u), so f is a formal sum of
  distinct canonical units plus a polynomial.  If every coefficient and the polynomial vanish,
  f ≡ 0 (:meth:`Network.is_identically_zero`, a proof; False means "not shown").
* :meth:`Network.symmetry_sign` decides f∘R = ±f for a signed permutation R by comparing the
  reduced forms of f∘R and f exactly (R acts on the weights: w ↦ R^T w).

Integrals live one module up, in :mod:`hardverify.networks.inner_products`: ``hv.inner_product(f, g, D)``
(exact or certified) and ``hv.monte_carlo_inner(f, g, D, seed=...)`` (evidence); ``hv.inner_product(f, f, D)``
is E_D[f²].
Coordinates are numbered 1..n.

>>> import sympy as sp, hardverify as hv
>>> from hardverify.distributions import reflection
>>> f = Network([{1: 1, 2: 1}, {1: 1, 2: -1}, {1: -1, 2: 1}, {1: -1, 2: -1}], "relu",
...             outputs=[1, -1, -1, 1], n=3, scale=1 / sp.sqrt(2))       # GGJKK f_{1,2}
>>> f.support, f.width
((1, 2), 4)
>>> f.symmetry_sign(reflection(1)), f.symmetry_sign(reflection(3))
(-1, 1)
>>> f({1: 1, 2: 1, 3: 0})                        # f_S(1, 1) = √2 (SPEC G6)
sqrt(2)
"""

from __future__ import annotations

import functools
import numbers

import numpy as np
import sympy as sp

from ..core.activations import Activation, activation, t
from ..core.markup import clip
from ..core.numbers import exact_real, sign_of
from ..distributions.symmetry import SignedPermutation
from ..errors import DomainError, ResourceLimit
from ..validate import as_int_at_least
from ._display import network_html, network_latex
from .canonical import ReducedForm, canonical_form, pointwise_parity

__all__ = ["Network", "ComposedNetwork"]

#: the largest width accepted (2^20 units).
MAX_WIDTH = 1 << 20


def _act(a) -> Activation:
    return a if isinstance(a, Activation) else activation(a)


def _is_zero(v) -> bool:
    return v == 0 if isinstance(v, int) else sign_of(v) == 0


@functools.lru_cache(maxsize=64)
def _numpy_function(act: Activation):
    f = sp.lambdify(t, act.expr, modules=["numpy", "scipy"])

    def apply(u):
        with np.errstate(all="ignore"):
            out = np.asarray(f(u), dtype=float)
        if out.shape != np.shape(u):
            out = np.broadcast_to(out, np.shape(u)).copy()
        return out
    return apply


class Network:
    """x ↦ Σ_i a_i σ(scale·⟨q_i, x⟩ + b_i) on R^n.

    Parameters
    ----------
    weights : sequence of rows, numpy array or sympy Matrix
        Row i is q_i: a dense sequence of length n, or a dict ``{coordinate: value}``
        (coordinates 1..n; needs ``n``).
    activation : str or Activation
        σ (one activation for every unit).
    outputs : sequence, optional
        a_i (default all 1).
    biases : sequence, optional
        b_i (default all 0).
    n : int, optional
        The dimension (required for sparse rows; checked against dense rows).
    scale : number, optional
        A common positive factor of every hidden weight (default 1).
    name : str, optional
        A label used in ``repr`` and reports.

    Attributes
    ----------
    activation : Activation
        σ.
    n : int
        The dimension.
    support : tuple of int
        The coordinates (1..n, increasing) that some unit uses; the weights are stored on these only.
    rows : tuple of tuple
        Row i holds q_i on ``support`` (exact; the common ``scale`` is not folded in).
    outputs, biases : tuple
        a_i and b_i, exact.
    scale : sympy number
        The common positive factor of the hidden weights.

    Raises
    ------
    DomainError
        If a row is not a sequence or dict, rows have different lengths or disagree with ``n``, a
        sparse row is given without ``n``, a coordinate is outside 1..n, a number is not real (or
        ``scale`` not positive), or ``outputs``/``biases`` do not have one entry per unit.
    ResourceLimit
        If there are more than ``MAX_WIDTH`` = 2^20 units (checked before the rows are read).

    See Also
    --------
    hardverify.inner_product : E_D[f g], exact or certified.
    hardverify.SubsetFamily : the family f_S(x) = template(x_S).

    Notes
    -----
    Networks with the same activation and dimension add, subtract and scale (``f + g``, ``-f``,
    ``c * f``) into wider networks, exactly; ``f(x)`` evaluates exactly at a dense point or a dict
    ``{coordinate: value}`` (the other coordinates 0).

    Examples
    --------
    ReLU(u) - ReLU(-u) = u, so this width-2 network is the linear form x_1 + 2 x_2; the sum of it and
    its mirror image is proved ≡ 0 from ReLU's parity alone (no integration):

    >>> import hardverify as hv
    >>> f = hv.Network([[1, 2], [-1, -2]], "relu", outputs=[1, -1])
    >>> f([3, -1]), f([0, 5]), f.width                  # 3 + 2·(-1), 0 + 2·5
    (1, 10, 2)
    >>> (f + hv.Network([[-1, -2], [1, 2]], "relu", outputs=[1, -1])).is_identically_zero()
    True
    """

    def __init__(self, weights, activation="relu", *, outputs=None, biases=None, n=None, scale=1,
                 name: str | None = None):
        self.activation = _act(activation)
        if hasattr(weights, "__len__") and len(weights) > MAX_WIDTH:       # refuse before reading the rows
            raise ResourceLimit(f"a network needs between 1 and {MAX_WIDTH} units, got {len(weights)}")
        rows, n = _read_rows(weights, n)
        m = len(rows)
        if m > MAX_WIDTH:
            raise ResourceLimit(f"a network needs between 1 and {MAX_WIDTH} units, got {m}")
        if m < 1:
            raise DomainError(f"a network needs between 1 and {MAX_WIDTH} units, got {m}")
        self.n = n
        self.scale = exact_real(scale, "scale", positive=True)
        self.outputs = _read_vector(outputs, m, "outputs", default=1)
        self.biases = _read_vector(biases, m, "biases", default=0)
        self.support = tuple(sorted(set().union(*[r.keys() for r in rows])))
        self.rows = tuple(tuple(r.get(c, 0) for c in self.support) for r in rows)
        self.name = name

    # -- basic properties ------------------------------------------------------------------
    @property
    def width(self) -> int:
        """The number of hidden units (rows).

        Returns
        -------
        int
            ``1 <= width <= MAX_WIDTH``.
        """
        return len(self.rows)

    def weight(self, i: int) -> dict:
        """The hidden weight vector w_i = scale · q_i of unit i, sparse and exact.

        Parameters
        ----------
        i : int
            The unit, ``0 <= i < width`` (Python indexing; coordinates are 1-based).

        Returns
        -------
        dict
            ``{coordinate: exact value}`` with the zero entries left out.

        Raises
        ------
        DomainError
            If ``i`` is not an integer with ``0 <= i < width`` (negative indices are refused).

        Examples
        --------
        >>> import sympy as sp, hardverify as hv
        >>> f = hv.Network([[1, 0, -1]], "relu", scale=1 / sp.sqrt(2))
        >>> f.weight(0) == {1: 1 / sp.sqrt(2), 3: -1 / sp.sqrt(2)}
        True
        """
        if isinstance(i, bool) or not isinstance(i, (numbers.Integral, sp.Integer)) or not 0 <= i < self.width:
            raise DomainError(f"unit index i must be an integer with 0 <= i < {self.width} (the width), got {i!r}")
        return {c: self.scale * q for c, q in zip(self.support, self.rows[int(i)]) if q != 0}

    @functools.cached_property
    def int_rows(self):
        """The rows as an int64 array (width × |support|) when every q is an integer, else None."""
        if all(isinstance(q, int) for r in self.rows for q in r):
            big = max((abs(q) for r in self.rows for q in r), default=0)
            if big < 2 ** 20:
                return np.array(self.rows, dtype=np.int64).reshape(self.width, len(self.support))
        return None

    # -- evaluation ---------------------------------------------------------------------------
    def __call__(self, x):
        """f(x) exactly; ``x`` a dense sequence of length n or a dict {coordinate: value} (others 0)."""
        point = _read_point(x, self.n)
        out = 0
        for q, b, a in zip(self.rows, self.biases, self.outputs):
            pre = self.scale * sum((qc * point.get(c, 0) for c, qc in zip(self.support, q) if qc != 0), 0) + b
            out += a * self.activation(pre)
        return sp.nsimplify(out) if isinstance(out, sp.Float) else out

    def evaluate(self, X, coords) -> np.ndarray:
        """f at many points in floating point (evidence: for Monte Carlo and plots, never a proof).

        Parameters
        ----------
        X : array_like of float, shape (m, len(coords))
            One point per row.
        coords : sequence of int
            The coordinates (1..n) of the columns of ``X``; every coordinate of ``support`` must be
            among them, the others are treated as absent (f does not depend on them).

        Returns
        -------
        numpy.ndarray of float, shape (m,)
            f at each row, in float64.

        Raises
        ------
        DomainError
            If a coordinate of ``support`` is missing from ``coords``, or some value is not finite
            (the activation overflowed).

        Examples
        --------
        >>> import numpy as np, hardverify as hv
        >>> f = hv.Network([[1, 1], [1, -1]], "relu", outputs=[1, 1])   # relu(u) + relu(v)
        >>> f.evaluate(np.array([[1.0, 2.0], [2.0, 1.0]]), [1, 2]).tolist()
        [3.0, 4.0]
        """
        X = np.asarray(X, dtype=float)
        pos = {c: j for j, c in enumerate(coords)}
        missing = [c for c in self.support if c not in pos]
        if missing:
            raise DomainError(f"evaluate needs the coordinates {missing[:5]} of the support in coords")
        cols = X[:, [pos[c] for c in self.support]] if self.support else np.zeros((len(X), 0))
        W = np.array([[float(self.scale * q) for q in r] for r in self.rows]).reshape(self.width, len(self.support))
        pre = cols @ W.T + np.array([float(b) for b in self.biases])
        vals = _numpy_function(self.activation)(pre)
        out = vals @ np.array([float(a) for a in self.outputs])
        if not np.all(np.isfinite(out)):
            raise DomainError(f"{self!r} is not finite at some sample points (activation overflow)")
        return out

    # -- exact structure --------------------------------------------------------------------
    def transformed(self, R: SignedPermutation) -> "Network":
        """The network x ↦ f(R x) for a signed permutation R (hidden weights w ↦ R^T w), exact.

        Parameters
        ----------
        R : SignedPermutation
            E.g. ``hv.reflection(i)``, ``hv.point_reflection()``, ``hv.transposition(i, j)``.

        Returns
        -------
        Network
            The same activation, outputs, biases and scale; only the rows move.

        Raises
        ------
        DomainError
            If ``R`` is not a SignedPermutation or acts on coordinates outside 1..n.

        Examples
        --------
        >>> import hardverify as hv
        >>> f = hv.Network([[1, 2, 0]], "relu")
        >>> g = f.transformed(hv.transposition(1, 2))
        >>> g([5, 7, 0]) == f([7, 5, 0]), g.weight(0)
        (True, {1: 2, 2: 1})
        """
        if not isinstance(R, SignedPermutation):
            raise DomainError(f"expected a SignedPermutation (hardverify.distributions), got {R!r}")
        R.check_dimension(self.n)
        rows = [R.pull_back({c: q for c, q in zip(self.support, r) if q != 0}) for r in self.rows]
        return self._trusted(rows, self.outputs, self.biases)

    def _like(self, rows, outputs, biases, scale=None):
        return Network(rows, self.activation, outputs=outputs, biases=biases, n=self.n,
                       scale=self.scale if scale is None else scale, name=self.name)

    def _trusted(self, rows, outputs, biases):
        """A network like self with already-exact sparse rows (no re-validation: internal use)."""
        new = object.__new__(Network)
        new.activation, new.n, new.scale, new.name = self.activation, self.n, self.scale, self.name
        new.outputs, new.biases = tuple(outputs), tuple(biases)
        new.support = tuple(sorted(set().union(*[r.keys() for r in rows])))
        new.rows = tuple(tuple(r.get(c, 0) for c in new.support) for r in rows)
        return new

    @functools.cached_property
    def _reduced(self) -> ReducedForm:
        return canonical_form(self)

    def reduced(self) -> ReducedForm:
        """The canonical form of f (units merged through σ's proved parity), used for exact identities.

        Returns
        -------
        ReducedForm
            f = Σ c_key σ(canonical unit) + polynomial, exactly (see
            :mod:`hardverify.networks.canonical`); cached on the network.

        Examples
        --------
        >>> import hardverify as hv
        >>> hv.Network([[1, 0], [-1, 0]], "relu", outputs=[1, -1]).reduced().terms   # relu(u) - relu(-u) = u
        {}
        """
        return self._reduced

    def is_identically_zero(self) -> bool:
        """Whether f ≡ 0 is proved exactly from the weights and σ's parity.

        Returns
        -------
        bool
            True is a proof (every merged coefficient and the polynomial part vanish); False means
            "not shown", not "f ≢ 0" (distinct canonical units could still cancel as functions).

        Examples
        --------
        >>> import hardverify as hv
        >>> f = hv.Network([[1, 1], [-1, -1]], "abs", outputs=[1, -1])    # |u| - |-u|
        >>> f.is_identically_zero(), hv.Network([[1, 1]], "abs").is_identically_zero()
        (True, False)
        """
        return self._reduced.is_zero()

    def symmetry_sign(self, R: SignedPermutation):
        """The sign ε with f∘R = ε f, proved exactly on the weights (reduced forms of f∘R and f).

        Parameters
        ----------
        R : SignedPermutation
            A coordinate reflection, the point reflection, a transposition, or a product.

        Returns
        -------
        int or None
            +1 if f∘R = f, -1 if f∘R = -f (both proofs), None if neither is shown.

        Raises
        ------
        DomainError
            If ``R`` is not a SignedPermutation or does not fit R^n.

        Examples
        --------
        >>> import hardverify as hv
        >>> f = hv.Network([[1, 1], [1, -1], [-1, 1], [-1, -1]], "relu", outputs=[1, -1, -1, 1])
        >>> f.symmetry_sign(hv.reflection(1)), f.symmetry_sign(hv.transposition(1, 2))
        (-1, 1)
        """
        other = self.transformed(R)._reduced
        for eps in (1, -1):
            if other.equals_times(self._reduced, eps):
                return eps
        return None

    # -- algebra --------------------------------------------------------------------------------
    def _check_compatible(self, other):
        if not isinstance(other, Network):
            raise DomainError(f"networks combine only with networks, got {type(other).__name__}")
        if other.n != self.n:
            raise DomainError(f"dimension mismatch: R^{self.n} and R^{other.n}")
        if other.activation != self.activation:
            raise DomainError(f"networks with different activations ({self.activation.label}, "
                              f"{other.activation.label}) cannot be added; hardverify networks have one σ")

    def _sparse_rows(self, fold_scale: bool):
        s = self.scale if fold_scale else 1
        return [{c: s * q for c, q in zip(self.support, r) if q != 0} for r in self.rows]

    def __add__(self, other):
        self._check_compatible(other)
        same = sign_of(self.scale - other.scale) == 0
        rows = self._sparse_rows(not same) + other._sparse_rows(not same)
        return Network(rows, self.activation, outputs=list(self.outputs) + list(other.outputs),
                       biases=list(self.biases) + list(other.biases), n=self.n,
                       scale=self.scale if same else 1)

    def __neg__(self):
        return self._like(self._sparse_rows(False), [-a for a in self.outputs], self.biases)

    def __sub__(self, other):
        return self + (-other)

    def __mul__(self, c):
        c = exact_real(c, "a scalar")
        return self._like(self._sparse_rows(False), [c * a for a in self.outputs], self.biases)

    __rmul__ = __mul__

    def embed(self, n: int, coords) -> "Network":
        """The network x ↦ f(x_{coords[0]}, …, x_{coords[n_f-1]}) on R^n (coordinate j of f becomes ``coords[j-1]``).

        Parameters
        ----------
        n : int
            The new dimension.
        coords : sequence of int
            ``self.n`` distinct coordinates of R^n (1..n).

        Returns
        -------
        Network
            Same activation, outputs, biases, scale and name.

        Raises
        ------
        DomainError
            If ``coords`` does not have ``self.n`` distinct entries, or an entry is outside 1..n.

        Examples
        --------
        >>> import hardverify as hv
        >>> f = hv.Network([[1, -1]], "relu").embed(5, [4, 2])
        >>> f.support, f([0, 1, 0, 3, 0])                   # relu(x_4 - x_2)
        ((2, 4), 2)
        """
        coords = list(coords)
        if len(coords) != self.n or len(set(coords)) != len(coords):
            raise DomainError(f"embed needs {self.n} distinct target coordinates, got {coords}")
        rows = [{coords[c - 1]: q for c, q in zip(self.support, r) if q != 0} for r in self.rows]
        return Network(rows, self.activation, outputs=self.outputs, biases=self.biases, n=n,
                       scale=self.scale, name=self.name)

    def precompose(self, M, n: int) -> "Network":
        """The network x ↦ f(M x) on R^n for an exact n_f × n matrix M (hidden weights w ↦ M^T w).

        Parameters
        ----------
        M : matrix-like
            Anything ``sympy.Matrix`` accepts, of shape ``(self.n, n)``; row c belongs to f's
            coordinate c.
        n : int
            The new dimension.

        Returns
        -------
        Network
            With ``scale`` folded into the rows (scale 1), entries simplified exactly.

        Raises
        ------
        DomainError
            If ``M`` does not have shape ``(self.n, n)``.

        Examples
        --------
        >>> import hardverify as hv
        >>> f = hv.Network([[1, 0]], "relu")
        >>> g = f.precompose([[1, 1, 1], [0, 0, 0]], 3)       # relu(x_1 + x_2 + x_3)
        >>> g([1, -3, 1]), g([1, 2, 3])
        (0, 6)
        """
        M = sp.Matrix(M)
        if M.shape != (self.n, n):
            raise DomainError(f"M must be {self.n} × {n}, got {M.shape}")
        rows = []
        for r in self.rows:
            w = {}
            for c, q in zip(self.support, r):
                for j in range(n):
                    if q != 0 and M[c - 1, j] != 0:
                        w[j + 1] = w.get(j + 1, 0) + self.scale * q * M[c - 1, j]
            rows.append({j: sp.radsimp(sp.expand(v)) for j, v in w.items()})
        return Network(rows, self.activation, outputs=self.outputs, biases=self.biases, n=n, name=self.name)

    def compose(self, psi) -> "ComposedNetwork":
        """The function x ↦ ψ(f(x)) (e.g. the classification labels of SPEC G9).

        Parameters
        ----------
        psi : str or Activation
            ψ, a registry name (``hv.ACTIVATIONS``) or an activation.

        Returns
        -------
        ComposedNetwork

        Raises
        ------
        DomainError
            If ``psi`` is not a known activation.

        Examples
        --------
        >>> import hardverify as hv
        >>> hv.Network([[1, -1]], "relu").compose("sign")([2, 1])
        1
        """
        return ComposedNetwork(psi, self)

    # -- display: a short repr, and rich output in notebooks ------------------------------------
    def __repr__(self) -> str:
        return (f"<{clip(self.name or 'Network', 30)}: width {self.width}, {clip(self.activation.label, 30)}, "
                f"n = {self.n}, support {_short(self.support, 4)}>")

    def _repr_latex_(self) -> str:
        return network_latex(self)

    def _repr_html_(self) -> str:
        return network_html(self)


class ComposedNetwork:
    """x ↦ ψ(f(x)) for a network f and an activation ψ (SPEC G9: ψ odd keeps f's symmetries).

    Not itself a network (ψ∘f is not one-hidden-layer): exact evaluation and symmetry signs work;
    integrals go through :func:`hardverify.monte_carlo_inner` (evidence) or a symmetry certificate
    (:func:`hardverify.check_orthogonality`), not :func:`hardverify.inner_product`.

    Parameters
    ----------
    psi : str or Activation
        ψ, a registry name (``hv.ACTIVATIONS``) or an activation.
    net : Network
        f.

    Raises
    ------
    DomainError
        If ``net`` is not a Network or ``psi`` is not a known activation.

    Examples
    --------
    ψ = sign is odd at every point (sign(0) = 0), so f∘R = -f gives ψ∘f∘R = -ψ∘f:

    >>> import hardverify as hv
    >>> f = hv.Network([[1, 1], [1, -1], [-1, 1], [-1, -1]], "relu", outputs=[1, -1, -1, 1])
    >>> h = hv.ComposedNetwork("sign", f)
    >>> h([1, 1]), h.symmetry_sign(hv.reflection(1))
    (1, -1)
    """

    def __init__(self, psi, net: Network):
        if not isinstance(net, Network):
            raise DomainError(f"compose needs a Network, got {type(net).__name__}")
        self.psi, self.net = _act(psi), net
        self.n, self.support = net.n, net.support

    def __call__(self, x):
        return self.psi(self.net(x))

    def evaluate(self, X, coords):
        """ψ(f) at the rows of the float array ``X`` (evidence; see :meth:`Network.evaluate`).

        Parameters
        ----------
        X : array_like of float, shape (m, len(coords))
            One point per row.
        coords : sequence of int
            The coordinates of the columns of ``X``; must include the support.

        Returns
        -------
        numpy.ndarray of float, shape (m,)

        Raises
        ------
        DomainError
            If a support coordinate is missing from ``coords`` or f overflows.
        """
        return _numpy_function(self.psi)(self.net.evaluate(X, coords))

    def transformed(self, R):
        """x ↦ ψ(f(R x)) for a signed permutation R (see :meth:`Network.transformed`).

        Parameters
        ----------
        R : SignedPermutation
            The symmetry applied to the inner network.

        Returns
        -------
        ComposedNetwork

        Raises
        ------
        DomainError
            If ``R`` is not a SignedPermutation or does not fit R^n.
        """
        return ComposedNetwork(self.psi, self.net.transformed(R))

    def symmetry_sign(self, R):
        """+1 if f∘R = f; -1 if f∘R = -f and ψ is odd; +1 if f∘R = -f and ψ is even; else None.

        ψ's parity must hold at every point (f may sit on a switch point of ψ with positive
        probability, e.g. f = 0 on a region), not only almost everywhere.

        Parameters
        ----------
        R : SignedPermutation
            The symmetry.

        Returns
        -------
        int or None
            The proved sign ε with ψ∘f∘R = ε ψ∘f, or None if not shown.

        Raises
        ------
        DomainError
            If ``R`` is not a SignedPermutation or does not fit R^n.

        Examples
        --------
        ψ = relu is neither odd nor even, so f∘R = -f gives no sign:

        >>> import hardverify as hv
        >>> f = hv.Network([[1, 1], [1, -1], [-1, 1], [-1, -1]], "relu", outputs=[1, -1, -1, 1])
        >>> f.compose("relu").symmetry_sign(hv.reflection(1)) is None
        True
        """
        s = self.net.symmetry_sign(R)
        if s == 1:
            return 1
        if s == -1:
            odd, even = pointwise_parity(self.psi)
            if odd is not None and _is_zero(odd):
                return -1
            if even is not None and _is_zero(even):
                return 1
        return None

    def __repr__(self) -> str:
        return f"<{self.psi.label} ∘ {self.net!r}>"


# ------------------------------------------------------------------------------- helpers
def _short(seq, k=6):
    seq = tuple(seq)
    return str(seq) if len(seq) <= k else f"({', '.join(map(str, seq[:k]))}, ...; {len(seq)} coordinates)"


def _read_rows(weights, n):
    if n is not None:
        n = as_int_at_least(n, 1, "n")
    if isinstance(weights, sp.MatrixBase):
        weights = weights.tolist()
    elif isinstance(weights, np.ndarray):
        if weights.ndim != 2:
            raise DomainError(f"a weight array must be 2-D (width × n), got shape {weights.shape}")
        weights = list(weights)
    try:
        raw = list(weights)
    except TypeError:
        raise DomainError(f"weights must be a sequence of rows (dense or dicts), got {weights!r}") from None
    rows = []
    for k, r in enumerate(raw):
        if isinstance(r, dict):
            if n is None:
                raise DomainError("sparse rows {coordinate: value} need the dimension: pass n=")
            items = r.items()
        else:
            try:
                r = list(r)
            except TypeError:
                raise DomainError(f"weight row {k} must be a sequence or a dict, got {r!r}") from None
            if n is None:
                n = len(r)
            if len(r) != n:
                raise DomainError(f"dimension mismatch: weight row {k} has {len(r)} entries, expected n = {n}")
            items = enumerate(r, start=1)
        row = {}
        for c, v in items:
            if isinstance(c, bool) or not isinstance(c, (numbers.Integral, np.integer)) or not 1 <= c <= n:
                raise DomainError(f"weight row {k}: coordinates are numbered 1..{n}, got {c!r}")
            v = exact_real(v, f"weight ({k}, {c})")
            if not _is_zero(v):
                row[int(c)] = v
        rows.append(row)
    if n is None:
        raise DomainError("a network needs at least one weight row")
    if n < 1:
        raise DomainError("a network lives on R^n with n ≥ 1: its weight rows are empty (give each row n ≥ 1 "
                          "entries, or sparse rows {coordinate: value} with n=)")
    return rows, n


def _read_vector(values, m, what, default):
    if values is None:
        return tuple([default] * m)
    values = _as_list(values, f"{what} (one number per unit)")
    if len(values) != m:
        raise DomainError(f"{what} must have one entry per unit ({m}), got {len(values)}")
    return tuple(exact_real(v, f"{what}[{i}]") for i, v in enumerate(values))


def _as_list(values, what: str) -> list:
    """A list from a sequence (list, tuple, numpy array); strings, sets, dicts and scalars are refused."""
    if isinstance(values, (str, bytes, set, frozenset, dict)) or not hasattr(values, "__iter__"):
        raise DomainError(f"{what} must be a sequence (list, tuple or numpy array), got {values!r}")
    return list(values)


def _read_point(x, n):
    if isinstance(x, dict):
        items = x.items()
    else:
        x = _as_list(x, "a point (a sequence of n numbers or a dict {coordinate: value})")
        if len(x) != n:
            raise DomainError(f"dimension mismatch: the point has {len(x)} entries, the network lives on R^{n}")
        items = enumerate(x, start=1)
    out = {}
    for c, v in items:
        if not isinstance(c, (numbers.Integral, np.integer)) or not 1 <= c <= n:
            raise DomainError(f"coordinates are numbered 1..{n}, got {c!r}")
        out[int(c)] = exact_real(v, f"x[{c}]")
    return out
