"""Growth in n: ``hardverify.sq.table(...)`` (issue 14, item 4).

One row per (n, k): the family size N, the query lower bound q, log₁₀ q, and for GGJKK the exponent
log q / log n (width 2^k = poly(n) means k = c·log₂ n, and q = n^{Ω(log n)} shows as an exponent that
grows like log n).  Rows are computed by a top-level function over any ``concurrent.futures.Executor``
(a Dask cluster's ``Client.get_executor()`` included; default: in this process), and come back in
input order with identical content whatever ran them; only ``seconds`` depends on the machine.

>>> rows = table("goel2020", ns=[10, 10 ** 6], ks=[2], tau="1e-3")
>>> [(r["n"], r["N"], r["queries"]) for r in rows]
[(10, '45', '1'), (1000000, '499999500000', '687984')]
"""

from __future__ import annotations

import time

from ..errors import DomainError, HardverifyError, HypothesisFailed
from .numbers import show
from .wiring import CONSTRUCTIONS, THEOREMS, construction, sq_bound

__all__ = ["table", "table_row", "COLUMNS"]

COLUMNS = ("construction", "n", "k", "N", "theorem", "model", "status", "queries", "log10_queries",
           "exponent", "tolerance", "note")


def table_row(key: str, n: int, k: int, tau, activation: str = "relu", theorem: str = "auto", degree=None) -> dict:
    """One row of :func:`table`: the bound for one (n, k), as a dict of plain str/int values.

    A failed hypothesis, a case that does not apply, or an uncertified value is shown in ``status``
    and ``note`` (never a number); ``seconds`` is the wall time of the row.

    Parameters
    ----------
    key : str
        ``"goel2020"`` or ``"dkkz2020"``.
    n : int
        The dimension.
    k : int
        The subset size (GGJKK) or degree parameter (DKKZ).
    tau : rational in (0, 1)
        The tolerance.
    activation : str
        The GGJKK activation (default ``"relu"``).
    theorem : str
        See :func:`~hardverify.sq.wiring.sq_bound`.
    degree : int, optional
        The DKKZ degree r.

    Returns
    -------
    dict
        The keys of :data:`COLUMNS` plus ``seconds`` (and ``queries_exact`` when a bound was found);
        ``status`` is the bound's status, the failed hypothesis's, ``"SKIPPED"`` or ``"UNDECIDED"``.

    Examples
    --------
    >>> row = table_row("goel2020", 3, 4, "1e-3")                 # k > n: does not apply
    >>> row["status"], row["queries"]
    ('SKIPPED', '')
    """
    t0 = time.perf_counter()
    row = {"construction": key, "n": n, "k": k, "N": "", "theorem": theorem, "model": "", "status": "",
           "queries": "", "log10_queries": "", "exponent": "", "tolerance": str(tau), "note": ""}
    try:
        con = construction(key, k, activation=activation, degree=degree)
        row["N"] = show(con.family_size(n))
        b = sq_bound(con, n, tau=tau, theorem=theorem)
        lg = b.log10
        row.update(theorem=b.claim, model=b.model, status=b.status.value, queries=show(b.queries),
                   queries_exact=str(b.queries) if b.queries < 10 ** 4000 else "",
                   log10_queries="" if lg is None else f"{float(lg):.6f}")
        if lg is not None and n > 1:
            import math
            row["exponent"] = f"{float(lg) / math.log10(n):.6f}"
        if b.queries <= 1:
            row["note"] = "trivial at this n (the bound is ≤ 1 query)"
        if key == "dkkz2020":
            row["note"] = f"p = {con.prime(n)}, r = {con.r(n)}, max ‖UᵀV‖ = {con.max_overlap(n)}"
    except HypothesisFailed as exc:
        v = exc.verdict
        row.update(status=v.status.value if v is not None else "UNDECIDED",
                   note=f"hypothesis failed: {(v.evidence if v is not None else str(exc))[:160]}")
    except DomainError as exc:
        row.update(status="SKIPPED", note=str(exc)[:160])
    except HardverifyError as exc:          # NotCertified and friends: shown, never a number
        row.update(status="UNDECIDED", note=f"{type(exc).__name__}: {str(exc)[:160]}")
    row["seconds"] = time.perf_counter() - t0
    return row


def _parse_ints(values, name):
    out = []
    for v in values:
        if isinstance(v, bool) or not isinstance(v, int) or v < 1:
            raise DomainError(f"{name} must be positive ints, got {v!r}")
        out.append(v)
    if not out:
        raise DomainError(f"{name} must not be empty")
    return out


def table(key: str = "goel2020", *, ns, ks, tau, activation: str = "relu", theorem: str = "auto", degree=None,
          executor=None) -> list:
    """The query lower bounds of a construction for every (n, k) (n outer, k inner), see the module docstring.

    Parameters
    ----------
    key : str
        ``"goel2020"`` or ``"dkkz2020"``.
    ns, ks : iterables of int
        Dimensions and subset sizes (or degrees), positive ints, non-empty.
    tau : rational in (0, 1)
        The query tolerance.
    activation : str
        The GGJKK activation (default ``"relu"``).
    theorem : str
        See :func:`~hardverify.sq.wiring.sq_bound`.
    degree : int, optional
        The DKKZ degree r.
    executor : concurrent.futures.Executor, optional
        Runs the rows (``executor.map``); None runs them here (fastest for the GGJKK table).

    Returns
    -------
    list of dict
        One :func:`table_row` per (n, k), in input order whatever ran them.

    Raises
    ------
    DomainError
        If the key, theorem, τ, ns or ks is invalid.
    """
    if key not in CONSTRUCTIONS:
        raise DomainError(f"construction must be one of {CONSTRUCTIONS}, got {key!r}")
    if theorem != "auto" and theorem not in THEOREMS:
        raise DomainError(f"theorem must be 'auto' or one of {sorted(THEOREMS)}, got {theorem!r}")
    from .bounds import as_tolerance
    tau_q = str(as_tolerance(tau))
    ns, ks = _parse_ints(list(ns), "ns"), _parse_ints(list(ks), "ks")
    jobs = [(key, n, k, tau_q, activation, theorem, degree) for n in ns for k in ks]
    if executor is None:
        return [table_row(*j) for j in jobs]
    return list(executor.map(table_row, *zip(*jobs)))
