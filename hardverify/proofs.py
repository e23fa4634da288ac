"""Claim registry and sweep runner for proof-checking runs (``hardverify prove``).

A proof script (a ``.py`` file under ``proofs/``) declares the claims of one
paper by their SPEC IDs, each checked over a sweep of parameters::

    from hardverify.proofs import claim

    @claim("H1", "ReLU coefficients: closed form", source="SPEC §1 H1 [VER]",
           sweep={"m": range(0, 201)})
    def h1_closed_form(m):
        return hv.checks.exact_equal(hv.hermite_coefficient("relu", m), closed_form(m))

A claim function returns a :class:`~hardverify.verdict.Verdict` (or a list of
them) for one case.  The verdict of a claim is the worst over its cases
(REFUTED > UNDECIDED > CERTIFIED > PROVED).  A *negative control*
(``control=True``) is a deliberately false statement: it passes only when every
case comes out REFUTED.

:func:`load` imports scripts by path and collects their claims;
:func:`run` executes every case, sequentially or on any
``concurrent.futures.Executor`` (default: local processes), and returns results
in declaration order whatever the completion order.

**What the times mean.**  A case's ``seconds`` is the wall-clock time of that case's own call in
the process that ran it; importing the script is not counted.  A claim's ``seconds`` is the sum over
its cases.  Workers are shared between claims, so work that an earlier case memoised in the same
worker (a norm, a Hermite table) is not paid again: in a full run a claim can look cheaper than
when run alone.  ``run(..., isolate=True)`` (``hardverify prove --isolate``) runs every claim in
a fresh process of its own, so its figure is what the claim costs alone with ``-j 1``.

**Progress.**  ``on_case(claim, case_result)`` is called in the calling process whenever a case
finishes (from one thread at a time), so a progress display works with any executor.

**Cases that do not apply** (k > n, a degree the law does not have) call :func:`skip` with the
reason: the case is reported as skipped and counts for nothing, never as proved; a claim whose
every case is skipped fails.

**Evidence texts.**  A claim may pass ``evidence=`` to :func:`claim`: a function
``evidence(verdict, **params) -> str`` whose result replaces the case's evidence text in reports
(say the quantity and its value, e.g. ``"c_12 = -0.0192... (exact)"``).  It runs where the case
ran; an exception in it is reported in the evidence, never hidden.
"""

from __future__ import annotations

import concurrent.futures as cf
import dataclasses
import importlib.util
import itertools
import multiprocessing
import os
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from .errors import DomainError, HardverifyError
from .verdict import Status, Verdict

__all__ = ["claim", "skip", "Skip", "Claim", "CaseResult", "ClaimResult", "load", "run", "sweep_cases"]

_COLLECTOR: list | None = None


@dataclass(frozen=True)
class Claim:
    """One claim of SPEC checked over a list of cases (built by :func:`claim`, never by hand).

    Parameters
    ----------
    id : str
        The SPEC ID (``"H1"``, ``"F4"`` ...), also the key of the claims catalogue.
    title : str
        What is checked, in a few words.
    source : str
        Where the claim comes from (SPEC section, tag, paper).
    func : callable
        The claim function: ``func(**case)`` returns a Verdict or a list of them.
    cases : tuple of dict
        The parameters of each case.
    control : bool
        A negative control: it passes only when every case is REFUTED.
    note : str
        Shown in reports.
    path : str
        The absolute path of the proof script (set by :func:`load`).
    seeds : tuple of (str, int or str)
        The random choices of the claim and their seeds (or seed formulas).
    evidence : callable, optional
        ``evidence(verdict, **params) -> str``, the report text of a case.
    """

    id: str
    title: str
    source: str
    func: Callable
    cases: tuple
    control: bool = False
    note: str = ""
    path: str = ""
    seeds: tuple = ()
    evidence: Callable | None = None

    @property
    def name(self) -> str:
        """Unique key within a run: the script stem and the function name.

        Returns
        -------
        str
            ``"<script stem>:<function name>"``, e.g. ``"goel2020:g1_family"``.
        """
        return f"{Path(self.path).stem}:{self.func.__name__}"


def sweep_cases(sweep: dict | None) -> tuple:
    """The cartesian product of a sweep ``{"n": [3, 4], "k": range(5)}`` as case dicts.

    Parameters
    ----------
    sweep : dict or None
        Parameter name -> iterable of values; the first key varies slowest.

    Returns
    -------
    tuple of dict
        One dict per combination; ``({},)`` (one case without parameters) for None or ``{}``.

    Examples
    --------
    >>> cases = sweep_cases({"n": [3, 4], "k": range(2)})
    >>> len(cases) == 2 * 2, cases[1]
    (True, {'n': 3, 'k': 1})
    >>> sweep_cases(None)
    ({},)
    """
    if not sweep:
        return ({},)
    keys = list(sweep)
    return tuple(dict(zip(keys, combo)) for combo in itertools.product(*(list(sweep[k]) for k in keys)))


def claim(id: str, title: str, *, source: str = "", sweep: dict | None = None,
          cases: Sequence[dict] | None = None, control: bool = False, note: str = "",
          seeds: dict | None = None, evidence: Callable | None = None):
    """Decorator declaring a claim of a proof script (see the module docstring).

    The decorated function is returned unchanged with the :class:`Claim` in its ``claim``
    attribute; when the script is imported by :func:`load`, the claim is also collected.

    Parameters
    ----------
    id : str
        The SPEC ID (``"H1"``, ``"F4"`` ...).
    title : str
        What is checked, in a few words.
    source : str
        Where the claim comes from (SPEC section, tag, paper).
    sweep : dict, optional
        Parameter name -> values; the cases are their cartesian product.
    cases : list of dict, optional
        Explicit cases (instead of ``sweep``).
    control : bool
        A negative control: expected to be REFUTED in every case.
    note : str
        Shown in reports (e.g. how pairs were chosen for numeric spot checks).
    seeds : dict, optional
        Every random choice the claim makes, as ``{what: seed}`` (``{"Monte Carlo": 6}``; a seed that
        depends on the case is given as its formula, ``{"spot-check pairs": "n + k"}``).  Recorded in
        the JSON and Markdown reports, so a run can be repeated exactly.
    evidence : callable, optional
        ``evidence(verdict, **params) -> str``: a better evidence text for reports (the quantity
        and its value) than the check's own.  The verdict's status is never changed.

    Returns
    -------
    callable
        The decorator ``deco(func) -> func``.

    Raises
    ------
    DomainError
        Both ``sweep=`` and ``cases=``; malformed ``seeds=``; ``evidence=`` not callable.

    Examples
    --------
    >>> @claim("X2", "a + a = 2a", sweep={"a": [1, 2]}, seeds={"none": 0})
    ... def sums(a):
    ...     return Verdict(Status.PROVED if a + a == 2 * a else Status.REFUTED)
    >>> sums.claim.cases, sums.claim.seeds
    (({'a': 1}, {'a': 2}), (('none', 0),))
    >>> claim("X3", "bad", sweep={"a": [1]}, cases=[{"a": 1}])
    Traceback (most recent call last):
    ...
    hardverify.errors.DomainError: give either sweep= or cases=, not both
    """
    if sweep is not None and cases is not None:
        raise DomainError("give either sweep= or cases=, not both")
    all_cases = tuple(dict(c) for c in cases) if cases is not None else sweep_cases(sweep)
    if seeds is not None and not (isinstance(seeds, dict) and all(isinstance(k, str) for k in seeds)
                                  and all(isinstance(v, (int, str)) and not isinstance(v, bool)
                                          for v in seeds.values())):
        raise DomainError(f"seeds= must be a dict {{what: int or formula string}}, got {seeds!r}")
    seed_items = tuple((k, seeds[k]) for k in seeds) if seeds else ()
    if evidence is not None and not callable(evidence):
        raise DomainError(f"evidence= must be a function evidence(verdict, **params) -> str, got {evidence!r}")

    def deco(func):
        c = Claim(id, title, source, func, all_cases, control, note,
                  getattr(sys.modules.get(func.__module__), "__file__", "") or "", seed_items, evidence)
        if _COLLECTOR is not None:
            _COLLECTOR.append(c)
        func.claim = c
        return func
    return deco


_LOADED: dict[str, list[Claim]] = {}


def _load_file(path: Path) -> list[Claim]:
    global _COLLECTOR
    key = str(path.resolve())
    if key in _LOADED:
        return _LOADED[key]
    modname = f"hardverify_proof_{path.stem}_{abs(hash(key)) % 10**8}"
    spec = importlib.util.spec_from_file_location(modname, path)
    if spec is None or spec.loader is None:
        raise DomainError(f"cannot import proof script {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[modname] = module
    previous, _COLLECTOR = _COLLECTOR, []
    try:
        spec.loader.exec_module(module)
        found = [dataclasses.replace(c, path=key) for c in _COLLECTOR]
    finally:
        _COLLECTOR = previous
    _LOADED[key] = found
    return found


def load(paths: Iterable[str | os.PathLike]) -> list[Claim]:
    """Import the proof scripts at ``paths`` (files or directories of ``*.py``) and return their claims.

    Each script is imported once per process (by its resolved path) and its ``@claim`` functions
    are collected in declaration order; files in a directory whose name starts with ``_`` are
    skipped.

    Parameters
    ----------
    paths : iterable of str or os.PathLike
        ``.py`` files or directories of them.

    Returns
    -------
    list of Claim
        The claims, script by script (directories sorted by file name).

    Raises
    ------
    DomainError
        If a path is neither a ``.py`` file nor a directory, a script cannot be imported as a
        module, or two claims have the same :attr:`Claim.name` (this includes the same script
        given twice).
    """
    files: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            files.extend(sorted(q for q in p.glob("*.py") if not q.name.startswith("_")))
        elif p.is_file() and p.suffix == ".py":
            files.append(p)
        else:
            raise DomainError(f"no proof scripts at {p} (expected a .py file or a directory of them)")
    claims: list[Claim] = []
    for f in files:
        claims.extend(_load_file(f))
    names = [c.name for c in claims]
    dup = {n for n in names if names.count(n) > 1}
    if dup:
        raise DomainError(f"duplicate claim functions: {sorted(dup)}")
    return claims


class Skip(Exception):
    """Raised by :func:`skip`: the case does not apply (its message is the reason)."""


def skip(reason: str):
    """Skip the current case because it does not apply (e.g. ``k > n``); ``reason`` is reported.

    A skipped case counts for nothing (never as proved); a claim whose every case is skipped
    fails.

    Parameters
    ----------
    reason : str
        Why the case does not apply, shown in reports.

    Returns
    -------
    NoReturn
        Never returns.

    Raises
    ------
    Skip
        Always; the runner catches it.

    Examples
    --------
    >>> @claim("X1", "k ≤ n", sweep={"n": [2, 4], "k": [3]})
    ... def k_le_n(n, k):
    ...     if k > n:
    ...         skip(f"k = {k} > n = {n}: no family")
    ...     return Verdict(Status.PROVED)
    >>> [r] = run([k_le_n.claim], jobs=1)
    >>> [c.skipped for c in r.cases], r.verdict.status.name, r.passed
    (['k = 3 > n = 2: no family', ''], 'PROVED', True)
    """
    raise Skip(str(reason))


_SKIP_METHOD = "skipped: the case does not apply"


@dataclass
class CaseResult:
    """One case of a claim: its parameters, its verdict and the seconds of its own call.

    Parameters
    ----------
    params : dict
        The case's parameters.
    verdict : Verdict
        Its verdict, stamped with the claim's ID, source and the parameters.
    seconds : float
        Wall-clock time of the case's own call in the process that ran it.
    skipped : str
        The reason when the case called :func:`skip` (its verdict is then UNDECIDED and counts
        for nothing); ``""`` otherwise.
    """

    params: dict
    verdict: Verdict
    seconds: float
    skipped: str = ""


@dataclass
class ClaimResult:
    """The cases of one claim, in declaration order; status and time derived from them.

    Parameters
    ----------
    claim : Claim
        The claim.
    cases : list of CaseResult
        Its cases, in the order of ``claim.cases``.
    """

    claim: Claim
    cases: list = field(default_factory=list)

    @property
    def seconds(self) -> float:
        """Sum of the cases' own times (see the module docstring for what this figure means).

        Returns
        -------
        float
            Seconds.
        """
        return sum(c.seconds for c in self.cases)

    @property
    def checked(self) -> list:
        """The cases that were not skipped.

        Returns
        -------
        list of CaseResult
            In declaration order.
        """
        return [c for c in self.cases if not c.skipped]

    @property
    def verdict(self) -> Verdict:
        """The claim's verdict over its checked cases.

        The worst case (REFUTED > UNDECIDED > CERTIFIED > PROVED) for an ordinary claim; for a
        control, REFUTED when every case is REFUTED, else the first case that is not.  UNDECIDED
        when every case was skipped.

        Returns
        -------
        Verdict
            With the claim's ID and source.
        """
        vs = [c.verdict for c in self.checked]
        if self.cases and not vs:
            return Verdict(Status.UNDECIDED, claim=self.claim.id, source=self.claim.source,
                           evidence=f"every case was skipped ({self.cases[0].skipped})")
        if self.claim.control:
            bad = [v for v in vs if v.status is not Status.REFUTED]
            if not bad and vs:
                return Verdict.combine(vs, claim=self.claim.id, source=self.claim.source)
            return bad[0] if bad else Verdict(Status.UNDECIDED, claim=self.claim.id, evidence="no cases")
        return Verdict.combine(vs, claim=self.claim.id, source=self.claim.source)

    @property
    def passed(self) -> bool:
        """Whether the claim holds: at least one checked case, and every checked case PROVED or
        CERTIFIED (for a control: every checked case REFUTED).

        Returns
        -------
        bool
            False when every case was skipped.
        """
        cases = self.checked
        if self.claim.control:
            return bool(cases) and all(c.verdict.status is Status.REFUTED for c in cases)
        return bool(cases) and all(c.verdict.status.ok for c in cases)


def _execute(c: Claim, params) -> Verdict:
    v = _call(c.func, params)
    if c.evidence is None or v.method == _SKIP_METHOD:
        return v
    try:
        text = c.evidence(v, **params)
    except Exception as exc:   # the hook's failure is shown, the verdict kept
        return v.with_(evidence=f"{v.evidence} (evidence= hook failed: {type(exc).__name__}: {exc})")
    return v.with_(evidence=str(text))


def _call(func, params) -> Verdict:
    try:
        out = func(**params)
    except Skip as exc:
        return Verdict(Status.UNDECIDED, method=_SKIP_METHOD, evidence=str(exc))
    except HardverifyError as exc:
        return Verdict(Status.UNDECIDED, method="error", evidence=f"{type(exc).__name__}: {exc}")
    except Exception as exc:  # a crash in a claim is reported, never hidden
        tb = traceback.format_exception_only(type(exc), exc)[-1].strip()
        full = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        return Verdict(Status.UNDECIDED, method="crash", evidence=f"unexpected {tb} (traceback in data['traceback'], "
                       "and in the JSON report)", data={"traceback": full})
    if isinstance(out, Verdict):
        return out
    if isinstance(out, (list, tuple)) and out and all(isinstance(v, Verdict) for v in out):
        return Verdict.combine(out)
    return Verdict(Status.UNDECIDED, method="crash",
                   evidence=f"claim returned {type(out).__name__}, expected a Verdict")


def _stamp(v: Verdict, c: Claim, params: dict) -> Verdict:
    return v.with_(claim=c.id, source=c.source, params=dict(params))


def _run_case_by_path(path: str, name: str, index: int):
    claims = {c.name: c for c in _load_file(Path(path))}
    c = claims[name]
    t0 = time.perf_counter()
    v = _execute(c, c.cases[index])
    return v, time.perf_counter() - t0


def _crashed(exc) -> Verdict:
    return Verdict(Status.UNDECIDED, method="crash", evidence=f"worker failed: {exc!r}")


def run(claims: Sequence[Claim], *, executor: cf.Executor | None = None, jobs: int | None = None,
        on_case: Callable[[Claim, CaseResult], None] | None = None, isolate: bool = False) -> list[ClaimResult]:
    """Run every case of every claim; results in declaration order.

    Parameters
    ----------
    claims : list of Claim
    executor : concurrent.futures.Executor, optional
        Where cases run (each task re-imports its script by path, so a process pool or a
        Dask ``Client().get_executor()`` work unchanged).
    jobs : int, optional
        With no executor: 1 runs in this process; more uses a local process pool
        (default: the number of CPUs).
    on_case : callable, optional
        Called as ``on_case(claim, case_result)`` in this process when a case finishes
        (progress display); never from two threads at once.
    isolate : bool
        Run each claim in a fresh process of its own (``jobs`` claims at a time), so that a
        claim's time is what it costs alone with ``-j 1``: no cache warmed by another claim.
        Not with ``executor``.

    Returns
    -------
    list of ClaimResult
        One per claim, cases in declaration order.

    Raises
    ------
    DomainError
        ``jobs`` < 1, or ``isolate`` together with ``executor``.
    """
    if jobs is None:
        jobs = os.cpu_count() or 1
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1:
        raise DomainError(f"jobs must be an integer >= 1, got {jobs!r}")
    if isolate and executor is not None:
        raise DomainError("isolate=True starts its own processes; it cannot be combined with executor=")
    slots: dict = {}
    lock = threading.Lock()

    def record(ci, k, v, secs):
        c = claims[ci]
        cr = CaseResult(c.cases[k], _stamp(v, c, c.cases[k]), secs, v.evidence if v.method == _SKIP_METHOD else "")
        with lock:
            slots[(ci, k)] = cr
            if on_case:
                on_case(c, cr)

    tasks = [(ci, k) for ci, c in enumerate(claims) for k in range(len(c.cases))]
    if isolate:
        _run_isolated(claims, jobs, record)
    elif executor is None and (jobs == 1 or len(tasks) <= 1):
        for ci, k in tasks:
            c = claims[ci]
            t0 = time.perf_counter()
            v = _execute(c, c.cases[k])
            record(ci, k, v, time.perf_counter() - t0)
    else:
        own = cf.ProcessPoolExecutor(max_workers=jobs) if executor is None else None
        try:
            _run_on(own or executor, claims, tasks, record)
        finally:
            if own is not None:
                own.shutdown(cancel_futures=True)
    results = [ClaimResult(c) for c in claims]
    for ci, c in enumerate(claims):
        results[ci].cases = [slots[(ci, k)] for k in range(len(c.cases))]
    return results


def _run_on(executor, claims, tasks, record) -> None:
    futs = {executor.submit(_run_case_by_path, claims[ci].path, claims[ci].name, k): (ci, k) for ci, k in tasks}
    for fut in cf.as_completed(futs):
        ci, k = futs[fut]
        try:
            v, secs = fut.result()
        except Exception as exc:  # worker died: report it as an undecided case
            v, secs = _crashed(exc), 0.0
        record(ci, k, v, secs)


def _run_isolated(claims, jobs, record) -> None:
    # one fresh "spawn" process per claim (cold caches; fork would copy this process's state)
    context = multiprocessing.get_context("spawn")

    def one(ci):
        with cf.ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
            _run_on(pool, claims, [(ci, k) for k in range(len(claims[ci].cases))], record)

    with cf.ThreadPoolExecutor(max_workers=jobs) as threads:
        for fut in [threads.submit(one, ci) for ci in range(len(claims))]:
            fut.result()
