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
"""

from __future__ import annotations

import concurrent.futures as cf
import dataclasses
import importlib.util
import itertools
import os
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from .errors import DomainError, HardverifyError
from .verdict import Status, Verdict

__all__ = ["claim", "Claim", "CaseResult", "ClaimResult", "load", "run", "sweep_cases"]

_COLLECTOR: list | None = None


@dataclass(frozen=True)
class Claim:
    """One claim of SPEC checked over a list of cases."""

    id: str
    title: str
    source: str
    func: Callable
    cases: tuple
    control: bool = False
    note: str = ""
    path: str = ""
    seeds: tuple = ()

    @property
    def name(self) -> str:
        """Unique key within a run: the script stem and the function name."""
        return f"{Path(self.path).stem}:{self.func.__name__}"


def sweep_cases(sweep: dict | None) -> tuple:
    """The cartesian product of a sweep ``{"n": [3, 4], "k": range(5)}`` as case dicts."""
    if not sweep:
        return ({},)
    keys = list(sweep)
    return tuple(dict(zip(keys, combo)) for combo in itertools.product(*(list(sweep[k]) for k in keys)))


def claim(id: str, title: str, *, source: str = "", sweep: dict | None = None,
          cases: Sequence[dict] | None = None, control: bool = False, note: str = "",
          seeds: dict | None = None):
    """Decorator declaring a claim (see the module docstring).

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
    """
    if sweep is not None and cases is not None:
        raise DomainError("give either sweep= or cases=, not both")
    all_cases = tuple(dict(c) for c in cases) if cases is not None else sweep_cases(sweep)
    if seeds is not None and not (isinstance(seeds, dict) and all(isinstance(k, str) for k in seeds)
                                  and all(isinstance(v, (int, str)) and not isinstance(v, bool)
                                          for v in seeds.values())):
        raise DomainError(f"seeds= must be a dict {{what: int or formula string}}, got {seeds!r}")
    seed_items = tuple((k, seeds[k]) for k in seeds) if seeds else ()

    def deco(func):
        c = Claim(id, title, source, func, all_cases, control, note,
                  getattr(sys.modules.get(func.__module__), "__file__", "") or "", seed_items)
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
    """Import the proof scripts at ``paths`` (files or directories of ``*.py``) and return their claims."""
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


@dataclass
class CaseResult:
    params: dict
    verdict: Verdict
    seconds: float


@dataclass
class ClaimResult:
    claim: Claim
    cases: list = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return sum(c.seconds for c in self.cases)

    @property
    def verdict(self) -> Verdict:
        vs = [c.verdict for c in self.cases]
        if self.claim.control:
            bad = [v for v in vs if v.status is not Status.REFUTED]
            if not bad and vs:
                return Verdict.combine(vs, claim=self.claim.id, source=self.claim.source)
            return bad[0] if bad else Verdict(Status.UNDECIDED, claim=self.claim.id, evidence="no cases")
        return Verdict.combine(vs, claim=self.claim.id, source=self.claim.source)

    @property
    def passed(self) -> bool:
        if self.claim.control:
            return bool(self.cases) and all(c.verdict.status is Status.REFUTED for c in self.cases)
        return bool(self.cases) and all(c.verdict.status.ok for c in self.cases)


def _execute(func, params) -> Verdict:
    try:
        out = func(**params)
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
    v = _execute(c.func, c.cases[index])
    return v, time.perf_counter() - t0


def run(claims: Sequence[Claim], *, executor: cf.Executor | None = None, jobs: int | None = None,
        on_case: Callable[[Claim, CaseResult], None] | None = None) -> list[ClaimResult]:
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
        Called as ``on_case(claim, case_result)`` when a case finishes (progress display).
    """
    results = [ClaimResult(c) for c in claims]
    slots: dict = {}
    tasks = [(ci, k) for ci, c in enumerate(claims) for k in range(len(c.cases))]
    if jobs is None:
        jobs = os.cpu_count() or 1
    own = None
    if executor is None and jobs > 1 and len(tasks) > 1:
        own = executor = cf.ProcessPoolExecutor(max_workers=jobs)
    try:
        if executor is None:
            for ci, k in tasks:
                c = claims[ci]
                t0 = time.perf_counter()
                v = _execute(c.func, c.cases[k])
                cr = CaseResult(c.cases[k], _stamp(v, c, c.cases[k]), time.perf_counter() - t0)
                slots[(ci, k)] = cr
                if on_case:
                    on_case(c, cr)
        else:
            futs = {executor.submit(_run_case_by_path, claims[ci].path, claims[ci].name, k): (ci, k)
                    for ci, k in tasks}
            for fut in cf.as_completed(futs):
                ci, k = futs[fut]
                c = claims[ci]
                try:
                    v, secs = fut.result()
                except Exception as exc:  # worker died: report it as an undecided case
                    v, secs = Verdict(Status.UNDECIDED, method="crash", evidence=f"worker failed: {exc!r}"), 0.0
                cr = CaseResult(c.cases[k], _stamp(v, c, c.cases[k]), secs)
                slots[(ci, k)] = cr
                if on_case:
                    on_case(c, cr)
    finally:
        if own is not None:
            own.shutdown(cancel_futures=True)
    for ci, c in enumerate(claims):
        results[ci].cases = [slots[(ci, k)] for k in range(len(c.cases))]
    return results
