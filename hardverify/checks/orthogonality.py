"""Orthogonality certificates: E_D[f g] = 0 proved by a symmetry, or refuted by a certified value.

**PROVED** (an exact argument): a signed permutation R in the symmetry group of D with
f∘R = ε_f f and g∘R = ε_g g, ε_f ε_g = -1, both identities checked exactly on the weights
(:meth:`hardverify.networks.Network.symmetry_sign`).  Then E[fg] = E[(f∘R)(g∘R)] = -E[fg] = 0
(SPEC G1: R is the reflection x_i ↦ -x_i, i ∈ S \\ T) — **provided E|fg| < ∞**, which is proved
alongside (:func:`hardverify.networks.certificates.integrability`: σ's proved growth bound against the
tails of D); without it the verdict is UNDECIDED with the reason (heavy tails, a singular σ, super-
Gaussian growth).  Also PROVED: f ≡ 0 (exact reduction; flagged as useless for a hardness argument), or
an explicit expansion in which every group of unit pairs cancels exactly.

**REFUTED**: a certified enclosure of E[fg] that excludes 0 (e.g. the shifted Gaussian of SPEC G1).

**UNDECIDED**: no certificate and no certified non-zero value (Monte Carlo evidence is reported).

Proved zeros are cross-checked numerically (``cross_check=True``): a certified enclosure must
contain 0 (Gaussian laws, the hypercube, homogeneous activations on spherical laws), otherwise a
seeded Monte Carlo mean must lie within 5 standard errors of 0; a contradiction makes the
verdict UNDECIDED with the evidence (it would reveal a bug).

>>> import sympy as sp
>>> from hardverify.networks import Network
>>> from hardverify.distributions import Gaussian, ShiftedGaussian
>>> ws = [[1, 1], [1, -1], [-1, 1], [-1, -1]]
>>> f = Network([dict(zip((1, 2), w)) for w in ws], "relu", outputs=[1, -1, -1, 1], n=3, scale=1/sp.sqrt(2))
>>> g = Network([dict(zip((2, 3), w)) for w in ws], "relu", outputs=[1, -1, -1, 1], n=3, scale=1/sp.sqrt(2))
>>> check_orthogonality(f, g, Gaussian(3)).status.name                    # SPEC G1
'PROVED'
>>> check_orthogonality(f, g, ShiftedGaussian(3, 0.5)).status.name        # the SPEC G1 control
'REFUTED'
>>> from hardverify.distributions import Radial, RadiusLaw
>>> v = check_orthogonality(f, g, Radial(3, RadiusLaw.pareto(1)))          # E[R²] = ∞: E[fg] does not exist
>>> v.status.name, "does not prove E|fg| < ∞" in v.evidence
('UNDECIDED', True)
"""

from __future__ import annotations

from ..distributions import Distribution, reflection
from ..errors import DomainError, HardverifyError
from ..networks import ComposedNetwork, SubsetFamily, inner_product, monte_carlo_inner
from ..networks.certificates import (
    family_certificate,
    family_integrability,
    find_symmetry_certificate,
    integrability,
    is_identically_zero,
    validate_pair,
)
from ..validate import as_dps, as_int_at_least, as_nonneg_int
from ..verdict import Status, Verdict

__all__ = ["check_orthogonality", "check_family_orthogonality", "find_symmetry_certificate"]

SOURCE = "SPEC §3 G1 (symmetry argument)"
USELESS = "the zero function carries no correlation: useless for a hardness argument"


def _options(dps, samples, seed):
    """Validated (dps, samples, seed): bad options raise here, never inside a swallowed numeric route."""
    return as_dps(dps), as_int_at_least(samples, 2, "samples", maximum=10 ** 8), as_nonneg_int(seed, "seed")


def _certified(f, g, dist, dps):
    """A certified enclosure of E[fg], or None when no route applies (or ψ∘f)."""
    if isinstance(f, ComposedNetwork) or isinstance(g, ComposedNetwork):
        return None
    try:
        return inner_product(f, g, dist, dps=dps)
    except HardverifyError:
        return None


def _cross_check(f, g, dist, dps, samples, seed):
    """(ok, text): numeric evidence that a proved zero is 0."""
    e = _certified(f, g, dist, dps)
    if e is not None:
        if e.contains_zero():
            return True, f"certified E[fg] = {e} contains 0"
        return False, f"contradiction: certified E[fg] = {e} excludes 0"
    mc = monte_carlo_inner(f, g, dist, samples=samples, seed=seed)
    if mc.consistent_with(0):
        return True, f"Monte Carlo {mc} is within 5 standard errors of 0 (evidence)"
    return False, f"contradiction: Monte Carlo {mc} is more than 5 standard errors from 0"


def check_orthogonality(f, g, dist, *, dps: int = 20, cross_check: bool = True, samples: int = 20_000,
                        seed: int = 0) -> Verdict:
    """Verdict on the orthogonality E_D[f g] = 0 of two networks under a law D (SPEC G1).

    PROVED by a symmetry certificate (a signed permutation R in the group of D with
    f∘R = ε_f f, g∘R = ε_g g, ε_f ε_g = -1, checked exactly on the weights) together with a proof
    that E|fg| < ∞; or because f ≡ 0 or g ≡ 0 (flagged useless); or by an explicit expansion
    that cancels exactly.  REFUTED by a certified enclosure of E[fg] that excludes 0.  UNDECIDED
    otherwise (Monte Carlo evidence is reported, never a proof).  See the module docstring.

    Parameters
    ----------
    f, g : Network or ComposedNetwork
        Functions on R^n, with n the dimension of ``dist``.
    dist : Distribution
        The input law D (e.g. ``hv.Gaussian(n)``, ``hv.ShiftedGaussian(n, c)``).
    dps : int
        Digits of the certified value (refutation, cross-check); default 20.
    cross_check : bool
        Cross-check a proved zero numerically (certified value, else Monte Carlo); a contradiction
        turns the verdict UNDECIDED.
    samples, seed : int
        Monte Carlo budget (``>= 2``) and seed (used only when no certified route applies).

    Returns
    -------
    Verdict
        ``claim="G1"``; ``data`` holds the certificate, the integrability reason and the
        cross-check.

    Raises
    ------
    DomainError
        If f, g are not networks, their dimensions do not match the law, or an option is out of
        range (``dps``, ``samples``, ``seed``, ``cross_check``).

    References
    ----------
    SPEC G1; Goel, Gollakota, Jin, Karmalkar, Klivans, *Superpolynomial lower bounds for learning one-layer
    neural networks using gradient descent*, ICML 2020 (arXiv 2006.12011).

    Examples
    --------
    The two ReLU parities of SPEC G1 on supports {1, 2} and {2, 3}: x_1 ↦ -x_1 flips f and
    fixes g, so E[fg] = 0; but E[f²] = ‖f‖² > 0 is refuted as a zero by a certified value.

    >>> import sympy as sp
    >>> import hardverify as hv
    >>> ws = [[1, 1], [1, -1], [-1, 1], [-1, -1]]
    >>> f = hv.Network([dict(zip((1, 2), w)) for w in ws], "relu", outputs=[1, -1, -1, 1], n=3)
    >>> g = hv.Network([dict(zip((2, 3), w)) for w in ws], "relu", outputs=[1, -1, -1, 1], n=3)
    >>> v = hv.check_orthogonality(f, g, hv.Hypercube(3))
    >>> v.status.name, v.data["certificate"]
    ('PROVED', 'x_1 ↦ -x_1')
    >>> hv.check_orthogonality(f, f, hv.Gaussian(3)).status.name
    'REFUTED'
    """
    validate_pair(f, g, dist)
    dps, samples, seed = _options(dps, samples, seed)
    if not isinstance(cross_check, bool):
        raise DomainError(f"cross_check must be True or False, got {cross_check!r}")
    data: dict = {}
    if is_identically_zero(f) or is_identically_zero(g):
        return Verdict(Status.PROVED, claim="G1", method="exact: a factor is identically zero",
                       evidence=f"f ≡ 0 or g ≡ 0 (exact reduction of the weights with σ's parity); {USELESS}",
                       source=SOURCE, data={"identically_zero": True})
    cert = find_symmetry_certificate(f, g, dist)
    if cert is not None:
        R, sf, sg = cert
        integ = integrability(f, g, dist)
        data["integrability"] = integ.reason
        if not integ:
            return Verdict(Status.UNDECIDED, claim="G1", method="symmetry certificate without integrability",
                           evidence=f"{R.describe()} gives E[fg] = -E[fg] only if E|fg| < ∞, which is not "
                                    f"proved: {integ.reason}", source=SOURCE, data=data)
        evidence = (f"{R.describe()} is in the symmetry group of {dist!r} ({dist.symmetry}); "
                    f"f∘R = {sf:+d}·f and g∘R = {sg:+d}·g (checked exactly on the weights), "
                    f"so E[fg] = E[(f∘R)(g∘R)] = -E[fg] = 0 (E|fg| < ∞: {integ.reason})")
        data["certificate"] = R.describe()
        if cross_check:
            ok, text = _cross_check(f, g, dist, dps, samples, seed)
            data["cross_check"] = text
            if not ok:
                return Verdict(Status.UNDECIDED, claim="G1", method="symmetry certificate vs numerics",
                               evidence=text + " (the symmetry argument says 0: a bug?)", source=SOURCE, data=data)
            evidence += f"; cross-check: {text}"
        return Verdict(Status.PROVED, claim="G1", method="exact: symmetry certificate on the weights",
                       evidence=evidence, source=SOURCE, data=data)
    e = _certified(f, g, dist, dps)
    if e is not None:
        data["value"] = str(e)
        if e.is_exact_zero():
            return Verdict(Status.PROVED, claim="G1", method="exact: explicit pair expansion cancels",
                           evidence="every group of unit pairs has coefficient 0", source=SOURCE, data=data)
        if not e.contains_zero():
            return Verdict(Status.REFUTED, claim="G1", method="certified value", precision=dps,
                           evidence=f"no symmetry certificate under {dist!r}; certified E[fg] = {e} ≠ 0",
                           source=SOURCE, data=data)
        return Verdict(Status.UNDECIDED, claim="G1", method="certified value", precision=dps,
                       evidence=f"no symmetry certificate; certified E[fg] = {e} contains 0 (not a proof)",
                       source=SOURCE, data=data)
    mc = monte_carlo_inner(f, g, dist, samples=samples, seed=seed)
    data["monte_carlo"] = str(mc)
    return Verdict(Status.UNDECIDED, claim="G1", method="Monte Carlo (evidence only)",
                   evidence=f"no symmetry certificate and no certified route under {dist!r}; {mc}",
                   source=SOURCE, data=data)


def check_family_orthogonality(family: SubsetFamily, dist, *, spot_checks: int = 0, seed: int = 0,
                               dps: int = 15, samples: int = 20_000) -> Verdict:
    """Verdict on E_D[f_S f_T] = 0 for all S ≠ T of a :class:`~hardverify.networks.SubsetFamily` (SPEC G1).

    PROVED when D is invariant under every coordinate reflection and the template is odd under
    each reflection x_j ↦ -x_j of R^k (checked exactly, once): for S ≠ T pick i ∈ S \\ T; then
    f_S∘R_i = -f_S and f_T∘R_i = f_T because i ∉ T = supp f_T.  E|f_S f_T| < ∞ is proved alongside
    (UNDECIDED without it).  The cost is O(k · width), independent of n.  Otherwise a pair sharing
    k - 1 coordinates is refuted by a certified value when possible; a proof for one pair is never
    reported as a proof for the family (UNDECIDED).  ``spot_checks`` seeded random pairs are
    cross-checked numerically (certified enclosure where a route exists, else Monte Carlo); the
    pairs are listed in ``data``.

    Parameters
    ----------
    family : SubsetFamily
        {f_S : |S| = k} on R^n.
    dist : Distribution
        The input law on R^n (same n as the family).
    spot_checks : int
        Seeded random pairs to cross-check numerically, in [0, 10000] (default 0).
    seed : int
        The seed of the spot checks and of Monte Carlo.
    dps : int
        Digits of certified values (default 15).
    samples : int
        Monte Carlo budget per pair (``>= 2``).

    Returns
    -------
    Verdict
        PROVED, REFUTED (a certified non-zero pair) or UNDECIDED; ``claim="G1"``,
        ``params={"k": k, "n": n}``.

    Raises
    ------
    DomainError
        If ``family`` is not a SubsetFamily, ``dist`` not a distribution, their dimensions differ,
        or an option is out of range.

    References
    ----------
    SPEC G1; Goel, Gollakota, Jin, Karmalkar, Klivans, *Superpolynomial lower bounds for learning one-layer
    neural networks using gradient descent*, ICML 2020 (arXiv 2006.12011).

    Examples
    --------
    All C(10^6, 2) members of the ReLU parity family are pairwise orthogonal under N(0, I_n),
    proved on the template in R^2:

    >>> import hardverify as hv
    >>> template = hv.Network([[1, 1], [1, -1], [-1, 1], [-1, -1]], "relu", outputs=[1, -1, -1, 1])
    >>> fam = hv.SubsetFamily(template, 10**6)
    >>> v = hv.check_family_orthogonality(fam, hv.Gaussian(10**6))
    >>> v.status.name, fam.size
    ('PROVED', 499999500000)
    """
    if not isinstance(family, SubsetFamily):
        raise DomainError(f"expected a SubsetFamily, got {type(family).__name__}")
    if not isinstance(dist, Distribution):
        raise DomainError(f"expected a hardverify distribution, got {dist!r}")
    dist.check_dimension(family.n, "family")
    dps, samples, seed = _options(dps, samples, seed)
    spot_checks = as_nonneg_int(spot_checks, "spot_checks", maximum=10_000)
    k, n = family.k, family.n
    params = {"k": k, "n": n}
    if family.size < 2:
        return Verdict(Status.PROVED, claim="G1", method="exact: the family has one member",
                       evidence=f"C({n}, {k}) = 1: there are no pairs S ≠ T", source=SOURCE, params=params)
    if is_identically_zero(family.template):
        return Verdict(Status.PROVED, claim="G1", method="exact: the template is identically zero",
                       evidence=f"f_S ≡ 0 for every S (exact reduction with σ's parity); {USELESS}",
                       source=SOURCE, params=params, data={"identically_zero": True})
    evidence = family_certificate(family, dist)
    if evidence is not None:
        integ = family_integrability(family, dist)
        data: dict = {"family_size": str(family.size), "integrability": integ.reason}
        if not integ:
            return Verdict(Status.UNDECIDED, claim="G1", method="family certificate without integrability",
                           evidence=f"the reflection certificate needs E|f_S f_T| < ∞, which is not proved: "
                                    f"{integ.reason}", source=SOURCE, params=params, data=data)
        evidence += f"; E|f_S f_T| < ∞: {integ.reason}"
        if spot_checks:
            checked = []
            for S, T in family.random_pairs(spot_checks, seed=seed):
                ok, text = _cross_check(family.member(S), family.member(T), dist, dps, samples, seed)
                checked.append(f"S={_short(S)}, T={_short(T)}: {text}")
                if not ok:
                    data["spot_checks"] = checked
                    return Verdict(Status.UNDECIDED, claim="G1", method="family certificate vs numerics",
                                   evidence=checked[-1], source=SOURCE, params=params, data=data)
            data["spot_checks"] = checked
            evidence += f"; {len(checked)} seeded pairs cross-checked numerically (seed {seed})"
        return Verdict(Status.PROVED, claim="G1", method="exact: family symmetry certificate (cost independent of n)",
                       evidence=evidence, source=SOURCE, params=params, data=data)
    # No family certificate: probe one pair.  Only a refutation speaks for the whole family; a proof
    # for one pair says nothing about the others (e.g. a law that loses only some reflections).
    S, T = _probe_pair(family, dist)
    v = check_orthogonality(family.member(S), family.member(T), dist, dps=dps, samples=samples, seed=seed)
    text = f"pair S={_short(S)}, T={_short(T)}: {v.evidence}"
    if v.status is Status.REFUTED:
        return v.with_(evidence=text, params=params)
    return Verdict(Status.UNDECIDED, claim="G1", method=f"no family certificate; one pair: {v.method}",
                   evidence=f"{text} [{v.status.name} for this pair only: not a statement about the family]",
                   source=SOURCE, params=params, data=v.data)


def _probe_pair(family: SubsetFamily, dist) -> tuple:
    """A pair S ≠ T sharing k - 1 coordinates, with S \\ T and T \\ S at coordinates whose
    reflection is not in the group of ``dist`` when two such are found (then no reflection
    certificate exists for the pair), else S = {1..k}, T = {2..k+1}."""
    k, n = family.k, family.n
    cands = list(range(1, min(n, 2 * k + 2) + 1))
    mean = getattr(dist, "mean", None)                 # GaussianLaw: the shifted coordinates
    if mean is not None:
        cands = sorted(mean.rest)[: 2 * k + 2] + cands
    for block in getattr(dist, "blocks", ()):          # CorrelatedGaussian: the correlated coordinates
        cands = list(block[: 2 * k + 2]) + cands
    bad = list(dict.fromkeys(c for c in cands if not dist.is_invariant_under(reflection(c))))[:2]
    if len(bad) < 2:
        return tuple(range(1, k + 1)), tuple(range(2, k + 2))
    common = [c for c in range(1, n + 1) if c not in bad][: k - 1]
    return tuple(sorted([bad[0]] + common)), tuple(sorted([bad[1]] + common))


def _short(S) -> str:
    return "{" + ", ".join(map(str, S[:8])) + (", ...}" if len(S) > 8 else "}")
