"""Verdicts about a construction as a whole: its family certificate with the common norm, and the G2 parity test.

* :func:`certify_family` — SPEC G1 + §9.1: the Gram matrix of the family under D is c·I, from the
  construction's correlation profile (one symmetry certificate + one norm; cost independent of n);
* :func:`parity_prediction` — SPEC G2: predict f_S ≡ 0 from σ's proved parity *before* integrating, or
  exhibit a non-zero Hermite coefficient of the right parity.

>>> from hardverify.constructions.goel2020 import GGJKK
>>> certify_family(GGJKK(8, "relu"), 10**6).status.name          # all C(10⁶, 8) members, PROVED
'PROVED'
>>> parity_prediction(GGJKK(3, "relu")).data["vanishes"]          # SPEC G2: ReLU, odd k ≥ 3
True
"""

from __future__ import annotations

from .. import routes
from ..core.numbers import sign_of
from ..distributions import Gaussian
from ..errors import DomainError, HypothesisFailed, NoClosedForm, NotCertified
from ..verdict import Status, Verdict
from .orthogonality import check_family_orthogonality

__all__ = ["certify_family", "parity_prediction"]

SOURCE = "SPEC §3 (GGJKK 2020)"


def certify_family(construction, n: int, dist=None, *, dps=None, spot_checks: int = 0, seed: int = 0) -> Verdict:
    """Verdict on the Gram matrix of a construction's family: E_D[f_S f_T] = c·δ_ST (SPEC G1 + §9.1).

    The orthogonality verdict is :func:`~hardverify.checks.check_family_orthogonality` (with ``spot_checks``
    seeded pairs cross-checked numerically); when D is also permutation invariant the common norm c comes
    from the construction's ``correlation_profile`` (exact without ``dps``).  The cost does not
    depend on n.

    Parameters
    ----------
    construction : Construction
        A construction with ``family(n)`` and ``correlation_profile(n, dist, dps=)`` (e.g.
        :class:`~hardverify.constructions.goel2020.GGJKK`).
    n : int
        The ambient dimension.
    dist : Distribution, optional
        The input law; default ``Gaussian(n)``.
    dps : int, optional
        None for an exact norm, else the digits of a certified one.
    spot_checks : int
        Seeded random pairs cross-checked numerically (default 0).
    seed : int
        The seed of the spot checks.

    Returns
    -------
    Verdict
        PROVED (exact orthogonality and exact norm), CERTIFIED (certified norm), or the verdict
        of the orthogonality check when it fails or D is not permutation invariant; when the norm
        cannot be computed the orthogonality verdict is returned with the reason in its evidence.
        ``data["gram"]`` holds c.

    Raises
    ------
    DomainError
        If the family or the law is invalid (as for :func:`check_family_orthogonality`).
    """
    dist = Gaussian(n) if dist is None else dist
    family = construction.family(n)
    v = check_family_orthogonality(family, dist, spot_checks=spot_checks, seed=seed)
    params = {"k": construction.k, "n": n, "activation": construction.activation.label}
    if not v or not dist.permutation_invariant:
        return v.with_(params=params)
    try:
        profile = construction.correlation_profile(n, dist, dps=dps)
    except (DomainError, NoClosedForm, NotCertified, HypothesisFailed) as exc:   # orthogonality stands; no norm
        return v.with_(params=params, evidence=f"{v.evidence}; the common norm E[f_S²] was not "
                                               f"computed under {dist!r}: {exc}")
    c = profile.diagonal
    st = Status.PROVED if (v.status is Status.PROVED and dps is None) else Status.CERTIFIED
    return Verdict(st, claim="G1", method=v.method + "; norm by the O(k) dual-kernel sum (G3)",
                   evidence=f"Gram matrix = c·I over all C({n}, {construction.k}) members, c = {c}; {v.evidence}",
                   source=SOURCE, params=params, data=dict(v.data, gram=str(c)))


def parity_prediction(construction, *, dps: int = 20, search: int = 20) -> Verdict:
    """Verdict on SPEC G2: f_S ≡ 0 ⇔ c_m(σ_r) = 0 for every m ≥ k with m ≡ k (mod 2).

    Predicted *before* integrating: PROVED zero when σ's proved parity (σ - P odd or even, deg P < k) kills
    every such m; PROVED/CERTIFIED non-zero by exhibiting c_m ≠ 0 (exact, or a certified enclosure that
    excludes 0), since E[f_S²] ≥ c² 4^k c_m² T(k, m)/k^m.  ``data["vanishes"]`` holds the prediction
    (True, False, or None when undecided) and ``data["pointwise"]`` whether a zero holds pointwise or
    only γ-almost everywhere.

    Parameters
    ----------
    construction : GGJKK
        A construction with ``k``, ``unit_activation`` and ``template``.
    dps : int
        Digits of the certified Hermite coefficients, used when no closed form exists.
    search : int
        How many candidate degrees m = k, k + 2, ..., k + 2·search are tried.

    Returns
    -------
    Verdict
        PROVED (zero by parity, or an exact c_m ≠ 0), CERTIFIED (a certified c_m ≠ 0) or
        UNDECIDED (no non-zero coefficient found).

    Examples
    --------
    Odd k ≥ 3 with ReLU: ReLU - x/2 = |x|/2 is even, so every odd coefficient c_m, m ≥ 3, vanishes.
    Even k: c_k(ReLU) ≠ 0.

    >>> from hardverify.constructions.goel2020 import GGJKK
    >>> v = parity_prediction(GGJKK(4, "relu"))
    >>> v.status.name, v.data["vanishes"], v.data["m"]
    ('PROVED', False, 4)
    """
    k, act = construction.k, construction.unit_activation
    par = act.parity
    params = {"k": k, "activation": construction.activation.label}
    if par.vanishes(k):
        pointwise = construction.template.is_identically_zero()
        where = "f_S ≡ 0" if pointwise else ("f_S = 0 in L²(γ), i.e. γ-almost everywhere, but not pointwise (σ's "
                                             "parity holds only a.e.): not under laws with atoms such as the hypercube")
        return Verdict(Status.PROVED, claim="G2", method="exact: proved parity of σ", params=params,
                       evidence=f"σ is {par.describe()}, so c_m(σ) = 0 for all m ≥ {k}, m ≡ {k} (mod 2): {where}",
                       source=SOURCE, data={"vanishes": True, "pointwise": pointwise})
    for m in range(k, k + 2 * search + 1, 2):
        try:
            c = routes.hermite_coefficient(act, m)
            s, st = sign_of(c), Status.PROVED
        except NoClosedForm:
            c = routes.hermite_coefficient(act, m, dps=dps)
            s, st = (0 if c.contains_zero() else 1), Status.CERTIFIED
        if s not in (0, None):
            return Verdict(st, claim="G2", method="Hermite coefficient", params=params, source=SOURCE,
                           evidence=f"c_{m}(σ_r) = {c} ≠ 0 with m ≥ k, m ≡ k (mod 2): f_S ≢ 0",
                           data={"vanishes": False, "m": m})
    return Verdict(Status.UNDECIDED, claim="G2", method="Hermite coefficients", params=params,
                   evidence=f"no non-zero c_m found for m = {k}..{k + 2 * search}", source=SOURCE,
                   data={"vanishes": None})
