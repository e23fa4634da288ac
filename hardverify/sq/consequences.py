"""What a CSQ lower bound says about algorithms: SPEC G8 (GD is CSQ) and Q4 (distinguishing ⇒ learning).

>>> import sympy as sp
>>> from hardverify.sq.structures import BoundStructure
>>> from hardverify.sq.bounds import bessel
>>> b = bessel(BoundStructure(401, 0, 1), sp.Rational(1, 2))      # 401 orthonormal: q ≥ 400/4 = 100
>>> gd_as_csq(b, 10, 5).statement.endswith("cannot reach the accuracy of the CSQ bound")      # 50 < 100
True
"""

from __future__ import annotations

import sympy as sp

from ..errors import DomainError
from ..verdict import Status
from .bounds import SQBound, as_tolerance, compare_hypothesis, hypothesis, require_all
from .numbers import compare, show, to_sympy

__all__ = ["gd_as_csq", "distinguishing_to_learning"]


def gd_as_csq(bound: SQBound, parameters: int, steps: int, *, grad_bound=1, epsilon=None) -> SQBound:
    """SPEC G8: T steps of GD on square loss with p parameters are p·T CSQ(τ) queries.

    Each step's gradient, to precision τ·B (B a sup of |∂_j h_θ|), is p correlational queries.  If
    p·T is below the CSQ bound, GD with these p and T cannot reach the bound's accuracy.

    Parameters
    ----------
    bound : SQBound
        A CSQ lower bound (model ``"CSQ"``).
    parameters : int
        p, the number of trained parameters (``>= 1``).
    steps : int
        T, the number of GD steps (``>= 1``).
    grad_bound : number
        B > 0, a sup of the partial derivatives (default 1).
    epsilon : number, optional
        The error named in the statement (default: the bound's own error threshold).

    Returns
    -------
    SQBound
        ``claim="G8"`` with the bound's value and hypotheses plus "p·T < q".

    Raises
    ------
    DomainError
        If ``bound`` is not a CSQ SQBound, p or T is not a positive int, or B ≤ 0.
    HypothesisFailed
        If p·T is not below the bound's query count (GD is then not ruled out).
    """
    if not isinstance(bound, SQBound) or bound.model != "CSQ":
        raise DomainError("gd_as_csq needs a CSQ SQBound (GD on square loss is a CSQ algorithm, SPEC G8)")
    for name, v in (("parameters", parameters), ("steps", steps)):
        if isinstance(v, bool) or not isinstance(v, int) or v < 1:
            raise DomainError(f"{name} must be a positive int, got {v!r}")
    B = to_sympy(grad_bound)
    if not compare(B, ">", 0).ok:
        raise DomainError(f"grad_bound must be > 0, got {grad_bound!r}")
    used = parameters * steps
    hyp = compare_hypothesis(used, "<", bound.queries, "G8", "p·T < the CSQ lower bound")
    hyps = list(bound.hypotheses) + [hyp]
    require_all(hyps, "G8 (GD as CSQ)")
    eps = "the accuracy of the CSQ bound" if epsilon is None else f"error ε = {epsilon}"
    return SQBound("G8", "gradient descent on square loss is a CSQ algorithm (SPEC G8)",
                   "SPEC G8 [DER; framing MEM] + " + bound.reference, "CSQ",
                   f"GD with p = {parameters} parameters and T = {steps} steps at gradient precision τ·B = "
                   f"{show(bound.tolerance * B)} makes p·T = {used} CSQ({bound.tolerance}) queries "
                   f"< {show(bound.queries)}: "
                   f"it cannot reach {eps}", bound.value, bound.queries, bound.tolerance, tuple(hyps),
                   dict(bound.params, parameters=parameters, steps=steps, grad_bound=B, gd_queries=used))


def distinguishing_to_learning(learner_queries: int, epsilon, *, constant=4) -> SQBound:
    """SPEC Q4 [MEM]: a CSQ learner gives a distinguisher with one extra query of tolerance ε/4.

    A learner with MSE < Var(y) - ε (outputs clipped to |h| ≤ 1) distinguishes the labelled law from
    a null (E[y|x] = 0) with one extra CSQ query h of tolerance ε/``constant``: from
    E(h - f)² < ‖f‖² - ε, ⟨h, f⟩ > ε/2, while ⟨h, y⟩ = 0 under the null; tolerance ε/4 separates the
    two answers (constant 4 derived here; SPEC's '~ε' is [MEM]).  So a distinguishing lower bound
    of q queries gives a learning lower bound of q - 1.

    Parameters
    ----------
    learner_queries : int
        The learner's number of queries (``>= 0``).
    epsilon : rational in (0, 1)
        The learner's advantage ε over the trivial MSE.
    constant : number
        The tolerance divisor (default 4).

    Returns
    -------
    SQBound
        ``claim="Q4"``: the distinguisher's query count ``learner_queries + 1`` and tolerance.

    Raises
    ------
    DomainError
        If ``learner_queries`` is not a non-negative int or ε ∉ (0, 1).

    Examples
    --------
    >>> b = distinguishing_to_learning(99, "1/10")
    >>> b.queries, b.tolerance                                 # 99 + 1 queries, the last of tolerance ε/4
    (100, 1/40)
    """
    if isinstance(learner_queries, bool) or not isinstance(learner_queries, int) or learner_queries < 0:
        raise DomainError(f"learner_queries must be a non-negative int, got {learner_queries!r}")
    eps = as_tolerance(epsilon, "epsilon")
    tol = eps / to_sympy(constant)
    return SQBound("Q4", "distinguishing ⇒ learning (one extra query)", "SPEC Q4 [MEM]", "CSQ",
                   f"a learner with {learner_queries} queries and MSE < Var - {eps} yields a distinguisher with "
                   f"{learner_queries + 1} CSQ queries, the last of tolerance ε/{constant} = {tol}; "
                   "so a distinguishing "
                   f"lower bound of q queries gives a learning lower bound of q - 1",
                   sp.Integer(learner_queries + 1), learner_queries + 1, tol,
                   (hypothesis(Status.PROVED, "Q4",
                               "⟨h, f⟩ > ε/2 under the labelled law, 0 under the null (derived)"),),
                   {"epsilon": eps, "learner_queries": learner_queries},
                   {"tolerance constant": f"{constant} (SPEC Q4 says '~ε' [MEM])"})
