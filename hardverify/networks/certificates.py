"""Symmetry certificates for E_D[f g] = 0: exact facts about networks and laws (no integration).

A certificate is a signed permutation R in the symmetry group of D with f∘R = ε_f f and g∘R = ε_g g,
ε_f ε_g = -1, both identities checked exactly on the weights (:meth:`Network.symmetry_sign`); then
E[fg] = E[(f∘R)(g∘R)] = -E[fg] = 0 — provided E|fg| < ∞.  For a family {f_S} (:class:`SubsetFamily`)
one certificate on the template covers every pair S ≠ T (SPEC G1): D invariant under every coordinate
reflection, and the template odd under each of its k coordinate reflections.

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
"""

from __future__ import annotations

import functools

from ..distributions import Distribution, SignedPermutation, point_reflection, reflection
from ..errors import DomainError
from .families import SubsetFamily
from .network import ComposedNetwork, Network

__all__ = ["validate_pair", "is_identically_zero", "find_symmetry_certificate", "family_certificate", "width",
           "clear_caches"]


def validate_pair(f, g, dist) -> None:
    """DomainError unless f, g are networks (or ψ∘network) on R^n and ``dist`` is a law on R^n."""
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
    """True if h ≡ 0 follows exactly from the weights and σ's parity (ψ∘f: f ≡ 0 and ψ(0) = 0)."""
    if isinstance(h, ComposedNetwork):
        return h.net.is_identically_zero() and h.psi(0) == 0
    return h.is_identically_zero()


def find_symmetry_certificate(f, g, dist):
    """(R, ε_f, ε_g) with R in the group of ``dist``, f∘R = ε_f f, g∘R = ε_g g, ε_f ε_g = -1; or None.

    Candidates: the coordinate reflections x_i ↦ -x_i for i in supp f ∪ supp g, then x ↦ -x.
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
    """The number of hidden units of a network or of the network inside ψ∘f."""
    return h.net.width if isinstance(h, ComposedNetwork) else h.width


def family_certificate(family: SubsetFamily, dist) -> str | None:
    """The reflection certificate of E_D[f_S f_T] = 0 for every S ≠ T (as text), or None if not shown.

    D must be invariant under every coordinate reflection and the template odd under each of its k
    coordinate reflections (checked exactly, once): for S ≠ T pick i ∈ S \\ T; then f_S∘R_i = -f_S and
    f_T∘R_i = f_T because i ∉ T = supp f_T.  The cost is O(k · width), independent of n.
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


def clear_caches() -> None:
    """Forget the template reflection signs computed so far (for benchmarks of a cold certificate)."""
    _template_signs.cache_clear()
