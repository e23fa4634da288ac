"""Symmetry certificates for E_D[f g] = 0: exact facts about networks and laws (no integration).

A certificate is a signed permutation R in the symmetry group of D with f∘R = ε_f f and g∘R = ε_g g,
ε_f ε_g = -1, both identities checked exactly on the weights (:meth:`Network.symmetry_sign`); then
E[fg] = E[(f∘R)(g∘R)] = -E[fg] = 0 — provided E|fg| < ∞.  For a family {f_S} (:class:`SubsetFamily`)
one certificate on the template covers every pair S ≠ T (SPEC G1): D invariant under every coordinate
reflection, and the template odd under each of its k coordinate reflections.

The proviso is not free: with heavy tails or a singular σ, E[fg] need not exist and the reflection
argument proves nothing (ReLU networks under a Pareto(1) radius have E[R²] = ∞).  :func:`integrability`
proves E|fg| < ∞ from σ's proved growth bound |σ(u)| ≤ A(1+|u|)^p e^{a|u|} (which also proves σ locally
bounded, so no singularity) against the tails of D (:attr:`Distribution.tails`); every certificate
used for a verdict is paired with it.

:mod:`hardverify.checks.orthogonality` turns these facts into Verdicts (with numeric cross-checks); the
constructions use them for their correlation profiles.

>>> import sympy as sp
>>> from hardverify.networks import Network
>>> from hardverify.distributions import Gaussian, ShiftedGaussian
>>> ws = [[1, 1], [1, -1], [-1, 1], [-1, -1]]
>>> f = Network([dict(zip((1, 2), w)) for w in ws], "relu", outputs=[1, -1, -1, 1], n=3, scale=1/sp.sqrt(2))
>>> g = Network([dict(zip((2, 3), w)) for w in ws], "relu", outputs=[1, -1, -1, 1], n=3, scale=1/sp.sqrt(2))
>>> find_symmetry_certificate(f, g, Gaussian(3))[0].describe()
'x_1 ↦ -x_1'
>>> find_symmetry_certificate(f, g, ShiftedGaussian(3, 0.5)) is None
True
>>> from hardverify.distributions import Radial, RadiusLaw
>>> bool(integrability(f, g, Gaussian(3))), bool(integrability(f, g, Radial(3, RadiusLaw.pareto(1))))
(True, False)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import sympy as sp

from ..distributions import Distribution, SignedPermutation, point_reflection, reflection
from ..errors import DomainError
from .families import SubsetFamily
from .network import ComposedNetwork, Network

__all__ = ["validate_pair", "is_identically_zero", "find_symmetry_certificate", "family_certificate", "width",
           "clear_caches", "Integrability", "integrability", "family_integrability", "growth_in_x"]


def validate_pair(f, g, dist) -> None:
    """Check that f, g are networks (or ψ∘network) on one R^n and ``dist`` is a law on that R^n.

    Parameters
    ----------
    f, g : Network or ComposedNetwork
        The two functions.
    dist : Distribution
        The input law.

    Raises
    ------
    DomainError
        If f or g is not a (composed) network, ``dist`` is not a hardverify distribution, or the
        dimensions differ.
    """
    for h in (f, g):
        if not isinstance(h, (Network, ComposedNetwork)):
            raise DomainError(f"expected hardverify Networks (or ψ∘Network), got {type(h).__name__}")
    if not isinstance(dist, Distribution):
        raise DomainError(f"expected a hardverify distribution, got {dist!r}")
    if f.n != g.n:
        raise DomainError(f"dimension mismatch: the networks live on R^{f.n} and R^{g.n}")
    dist.check_dimension(f.n)


def _sign(h, R: SignedPermutation):
    if R.is_reflection_only() and not R.flip_all and not (R.moved & set(h.support)):
        return 1                      # h does not depend on the reflected coordinates
    return h.symmetry_sign(R)


def is_identically_zero(h) -> bool:
    """Whether h ≡ 0 is proved exactly from the weights and σ's parity (ψ∘f: f ≡ 0 and ψ(0) = 0).

    Parameters
    ----------
    h : Network or ComposedNetwork
        The function.

    Returns
    -------
    bool
        True is a proof; False means "not shown" (see :meth:`Network.is_identically_zero`).

    Examples
    --------
    >>> from hardverify.networks import Network
    >>> f = Network([[1, 2], [-1, -2]], "abs", outputs=[1, -1])      # |u| - |-u| = 0
    >>> is_identically_zero(f), is_identically_zero(f.compose("sigmoid"))   # sigmoid(0) = 1/2
    (True, False)
    """
    if isinstance(h, ComposedNetwork):
        return h.net.is_identically_zero() and h.psi(0) == 0
    return h.is_identically_zero()


def find_symmetry_certificate(f, g, dist):
    """(R, ε_f, ε_g) with R in the group of ``dist``, f∘R = ε_f f, g∘R = ε_g g, ε_f ε_g = -1; or None.

    Candidates: the coordinate reflections x_i ↦ -x_i for i in supp f ∪ supp g, then x ↦ -x.
    A certificate proves E_D[fg] = 0 only together with E_D|fg| < ∞ (:func:`integrability`).

    Parameters
    ----------
    f, g : Network or ComposedNetwork
        The two functions on R^n.
    dist : Distribution
        The law; R must be in its symmetry group (``dist.is_invariant_under(R)``).

    Returns
    -------
    tuple or None
        ``(R, eps_f, eps_g)``, both signs proved exactly; None if no candidate works (not a proof
        that E[fg] ≠ 0).

    Raises
    ------
    DomainError
        As :func:`validate_pair`.

    Examples
    --------
    relu(x_1) - relu(-x_1) = x_1 is odd in x_1 and |x_2| does not depend on it, so x_1 ↦ -x_1
    proves E[fg] = 0 under N(0, I):

    >>> from hardverify.networks import Network
    >>> from hardverify.distributions import Gaussian
    >>> f = Network([[1, 0], [-1, 0]], "relu", outputs=[1, -1])
    >>> R, ef, eg = find_symmetry_certificate(f, Network([[0, 1]], "abs"), Gaussian(2))
    >>> R.describe(), ef, eg
    ('x_1 ↦ -x_1', -1, 1)
    """
    validate_pair(f, g, dist)
    cands = [reflection(i) for i in sorted(set(f.support) | set(g.support))] + [point_reflection()]
    for R in cands:
        if not dist.is_invariant_under(R):
            continue
        sf = _sign(f, R)
        if sf is None:
            continue
        sg = _sign(g, R)
        if sg is not None and sf * sg == -1:
            return R, sf, sg
    return None


@functools.lru_cache(maxsize=256)
def _template_signs(template) -> tuple:
    """ε_j with template∘R_j = ε_j template for the reflections R_j, j = 1..k (None if not shown)."""
    return tuple(template.symmetry_sign(reflection(j)) for j in range(1, template.n + 1))


def width(h) -> int:
    """The number of hidden units of a network, or of the network inside ψ∘f.

    Parameters
    ----------
    h : Network or ComposedNetwork
        The function.

    Returns
    -------
    int
    """
    return h.net.width if isinstance(h, ComposedNetwork) else h.width


def family_certificate(family: SubsetFamily, dist) -> str | None:
    """The reflection certificate of E_D[f_S f_T] = 0 for every S ≠ T (as text), or None if not shown.

    D must be invariant under every coordinate reflection and the template odd under each of its k
    coordinate reflections (checked exactly, once): for S ≠ T pick i ∈ S \\ T; then f_S∘R_i = -f_S and
    f_T∘R_i = f_T because i ∉ T = supp f_T.  The cost is O(k · width), independent of n.

    Parameters
    ----------
    family : SubsetFamily
        The family {f_S}.
    dist : Distribution
        The law on R^n (n = ``family.n``).

    Returns
    -------
    str or None
        The argument as text (an exact proof of the symmetry, to be paired with
        :func:`family_integrability`), or None if not shown.

    Raises
    ------
    DomainError
        If ``family`` is not a SubsetFamily, ``dist`` is not a distribution, or the dimensions differ.

    Examples
    --------
    >>> from hardverify.networks import Network, SubsetFamily
    >>> from hardverify.distributions import Gaussian, ShiftedGaussian
    >>> fam = SubsetFamily(Network([[1, 1], [1, -1], [-1, 1], [-1, -1]], "relu", outputs=[1, -1, -1, 1]), 8)
    >>> family_certificate(fam, Gaussian(8)) is not None, family_certificate(fam, ShiftedGaussian(8, 1))
    (True, None)
    """
    if not isinstance(family, SubsetFamily):
        raise DomainError(f"expected a SubsetFamily, got {type(family).__name__}")
    if not isinstance(dist, Distribution):
        raise DomainError(f"expected a hardverify distribution, got {dist!r}")
    dist.check_dimension(family.n, "family")
    if not dist.all_reflections or not all(s == -1 for s in _template_signs(family.template)):
        return None
    k = family.k
    return (f"every x_i ↦ -x_i is in the group of {dist!r}; the template is odd under each of its "
            f"{k} coordinate reflections (exact, {k} × {width(family.template)} units); "
            "for S ≠ T take i ∈ S \\ T: f_S∘R_i = -f_S, f_T∘R_i = f_T (i ∉ supp f_T)")


# ------------------------------------------------------------------------------ integrability
@dataclass(frozen=True)
class Integrability:
    """The hypothesis E|fg| < ∞ of the reflection argument: ``proved`` and the reason (either way).

    Truthy exactly when ``proved``.  Returned by :func:`integrability` and
    :func:`family_integrability`.

    Parameters
    ----------
    proved : bool
        True when E|fg| < ∞ is proved from σ's growth bound and the law's tails.
    reason : str
        Why it is, or what is missing.
    """

    proved: bool
    reason: str

    def __bool__(self) -> bool:
        return self.proved


def _unit_growth(act):
    """(p, a) of σ's proved growth bound, or the reason there is none (as a str)."""
    try:
        g = act.growth
    except DomainError as exc:
        return f"σ = {act.label} has no proved growth bound, so it is not shown locally bounded or " \
               f"integrable ({exc})"
    return sp.sympify(g.p), sp.sympify(g.a)


def growth_in_x(h):
    """How fast |h(x)| can grow in |x|, proved from σ's growth bound: ``("poly", P)`` for
    |h(x)| ≤ C(1+|x|)^P, ``("exp", None)`` for |h(x)| ≤ C e^{c|x|} (some c), or a str with the reason
    no such bound is proved.  Uses |⟨w, x⟩ + b| ≤ |w||x| + |b|.

    Parameters
    ----------
    h : Network or ComposedNetwork
        The function.

    Returns
    -------
    tuple or str
        ``("poly", P)`` (P a sympy number), ``("exp", None)``, or the reason as a str.

    Examples
    --------

    >>> from hardverify.networks import Network
    >>> growth_in_x(Network([[1, 0]], "relu")), growth_in_x(Network([[1, 0]], "sigmoid"))
    (('poly', 1), ('poly', 0))
    """
    net = h.net if isinstance(h, ComposedNetwork) else h
    g = _unit_growth(net.activation)
    if isinstance(g, str):
        return g
    p, a = g
    inner = ("poly", p) if a == 0 else ("exp", None)
    if not isinstance(h, ComposedNetwork):
        return inner
    gp = _unit_growth(h.psi)
    if isinstance(gp, str):
        return gp.replace("σ =", "ψ =")
    q, b = gp
    if q == 0 and b == 0:
        return ("poly", sp.Integer(0))                      # ψ bounded
    if b == 0:                                               # ψ polynomial: |ψ(u)| ≤ C(1+|u|)^q
        return ("poly", q * p) if inner[0] == "poly" else ("exp", None)
    if inner[0] == "poly" and bool(p <= 1):                  # e^{b|u|} with |u| ≤ C(1+|x|)
        return ("exp", None)
    return (f"ψ = {h.psi.label} grows exponentially and the network inside it faster than linearly: "
            "|ψ∘f| is not shown to have an exponential bound")


def _tails_text(tails) -> str:
    if tails == "compact":
        return "bounded support"
    if tails == "gaussian":
        return "Gaussian tails (E e^{c|x|} < ∞ for every c)"
    return f"power tails (E|x|^s < ∞ only for s < {tails[1]})"


def _integrable(grows, dist) -> Integrability:
    """E Π|h_i| < ∞ from the growth classes ``grows`` (one per factor) and the tails of ``dist``."""
    for gr in grows:
        if isinstance(gr, str):
            return Integrability(False, gr)
    tails = getattr(dist, "tails", None)
    if tails is None:
        return Integrability(False, f"hardverify knows nothing of the tails of {dist!r}: E|fg| < ∞ not shown")
    if all(gr[0] == "poly" for gr in grows):
        P = sp.Add(*[gr[1] for gr in grows])
        bound = f"|fg| ≤ C(1+|x|)^{P}"
    else:
        P, bound = None, "|fg| ≤ C e^{c|x|}"
    if tails in ("compact", "gaussian"):
        return Integrability(True, f"{bound} (σ's proved growth bound) and {dist!r} has {_tails_text(tails)}")
    alpha = sp.sympify(tails[1])
    if P is not None and bool(P < alpha):
        return Integrability(True, f"{bound} (σ's proved growth bound) and E|x|^{P} < ∞ ({P} < α = {alpha})")
    what = "exponential growth" if P is None else f"growth of order |x|^{P} with {P} ≥ α = {alpha}"
    return Integrability(False, f"{dist!r} has {_tails_text(tails)}; {bound} ({what}) does not prove "
                                "E|fg| < ∞ (it may be infinite: E[fg] need not exist)")


def integrability(f, g, dist) -> Integrability:
    """Whether E_D|f g| < ∞ is proved (the hypothesis of every reflection certificate and of E[f²]).

    PROVED from σ's growth bound (:attr:`Activation.growth`, itself proved, which also rules out
    singularities) and the tails of D: bounded support or Gaussian tails take any exponential growth;
    power tails (Pareto radius, E R^s < ∞ only for s < α) take |fg| ≤ C(1+|x|)^P with P < α.
    Otherwise ``proved`` is False and ``reason`` says what is missing.

    Parameters
    ----------
    f, g : Network or ComposedNetwork
        The two functions on R^n.
    dist : Distribution
        The law (its ``tails`` attribute is read).

    Returns
    -------
    Integrability
        Truthy when E_D|fg| < ∞ is proved.

    Raises
    ------
    DomainError
        As :func:`validate_pair`.

    Examples
    --------
    A ReLU network grows like |x|, so E|f²| needs E R² < ∞; a Pareto(3) radius has it:

    >>> from hardverify.networks import Network
    >>> from hardverify.distributions import Radial, RadiusLaw
    >>> f = Network([[1, 0, 0]], "relu")
    >>> [bool(integrability(f, f, Radial(3, RadiusLaw.pareto(alpha)))) for alpha in (3, 2)]
    [True, False]
    """
    validate_pair(f, g, dist)
    return _integrable([growth_in_x(f), growth_in_x(g)], dist)


def family_integrability(family: SubsetFamily, dist) -> Integrability:
    """Whether E_D|f_S f_T| < ∞ is proved for every S, T (every member has the template's growth class).

    Parameters
    ----------
    family : SubsetFamily
        The family.
    dist : Distribution
        The law (its ``tails`` attribute is read; the dimension is not checked here).

    Returns
    -------
    Integrability
        Truthy when proved, with the reason either way.
    """
    gr = growth_in_x(family.template)
    return _integrable([gr, gr], dist)


def clear_caches() -> None:
    """Forget the template reflection signs computed so far (for benchmarks of a cold certificate)."""
    _template_signs.cache_clear()
