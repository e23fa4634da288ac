"""JSON writer: the report as a document that validates against the shipped, versioned JSON Schema.

The schema is package data (``hardverify/report/schema/report-1.schema.json``; :func:`schema`
loads it) and states the rule for numbers:

* JSON **numbers**: counts, seconds, digits of precision, seeds, and parameter values that are
  integers with |x| ≤ 2^53 (exact in every JSON reader) or finite floats;
* **strings**: every other parameter value (larger integers as decimal digits, rationals and
  sympy expressions in sympy syntax) and every computed mathematical value (exact values in sympy
  syntax, enclosures in arb's ``[mid +/- rad]`` form), so no reader rounds them.

Every claim has its sweep summary and representative case; ``cases`` holds every case when the
report was written with ``all_cases=True`` (``hardverify prove --all-cases``), otherwise only the
failing ones (``run.all_cases`` says which).  Keys that change from run to run are listed in
:data:`TIMING_KEYS` (:func:`without_timings` drops them).

>>> without_timings({"generated": "2026-01-01", "claims": [{"id": "H1", "seconds": 0.1}]})
{'claims': [{'id': 'H1'}]}
"""

from __future__ import annotations

import json
import math
from importlib import resources

from .model import CaseRecord, ClaimRecord, Report

__all__ = ["to_dict", "to_json", "schema", "without_timings", "TIMING_KEYS", "SCHEMA_ID", "SCHEMA_VERSION"]

#: version of the report format (major.minor; the major number changes when a reader must change)
SCHEMA_VERSION = "1.0"
SCHEMA_ID = "https://hardverify.invalid/schema/report-1.schema.json"
#: the keys of the JSON report that change from run to run (time stamps, seconds, worker count)
TIMING_KEYS = ("generated", "seconds", "run")
_SAFE_INT = 2 ** 53


def schema() -> dict:
    """The JSON Schema (draft 2020-12) of the report, loaded from the package data.

    Returns
    -------
    dict
        ``report-1.schema.json``, parsed.

    Examples
    --------
    >>> schema()["$id"] == SCHEMA_ID
    True
    """
    text = resources.files(__package__).joinpath("schema", "report-1.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def without_timings(doc):
    """A JSON report (parsed) without the keys of :data:`TIMING_KEYS`: two runs give equal values.

    Parameters
    ----------
    doc : dict, list or scalar
        A parsed JSON document (or part of one).

    Returns
    -------
    dict, list or scalar
        A copy with the timing keys removed at every depth.
    """
    if isinstance(doc, dict):
        return {k: without_timings(v) for k, v in doc.items() if k not in TIMING_KEYS}
    if isinstance(doc, list):
        return [without_timings(v) for v in doc]
    return doc


def value(v):
    """A parameter or data value by the schema's rule: a JSON number when exact, else a string.

    Parameters
    ----------
    v : object
        A value (lists and dicts are converted element by element).

    Returns
    -------
    int, float, str, bool, None, list or dict
        Integers with |v| ≤ 2^53 and finite floats as numbers; larger integers, non-finite floats
        and everything else (rationals, sympy expressions, enclosures) as ``str(v)``.

    Examples
    --------
    >>> value(3), value(10**20), value(0.5), value(float("nan")), value([1, "a"])
    (3, '100000000000000000000', 0.5, 'nan', [1, 'a'])
    """
    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, int):
        return v if abs(v) <= _SAFE_INT else str(v)
    if isinstance(v, float):
        return v if math.isfinite(v) else str(v)
    if isinstance(v, (list, tuple)):
        return [value(x) for x in v]
    if isinstance(v, dict):
        return {str(k): value(x) for k, x in v.items()}
    return str(v)


def _case(c: CaseRecord) -> dict:
    return {"index": c.index, "params": value(c.params), "status": c.status.value, "method": c.method,
            "precision": c.precision, "evidence": c.evidence, "data": {str(k): str(x) for k, x in c.data.items()},
            "seconds": round(c.seconds, 4), "skipped": c.skipped}


def _claim(r: ClaimRecord, all_cases: bool) -> dict:
    s = r.sweep
    return {
        "id": r.id, "name": r.name, "title": r.title, "source": r.source, "note": r.note, "control": r.control,
        "seeds": value(r.seeds), "passed": r.passed, "status": r.status.value, "precision": r.precision,
        "method": s.methods_text(10 ** 6), "evidence": r.evidence,
        "sweep": {"count": s.count, "skipped": s.skipped, "parameters": value(s.parameters),
                  "statuses": dict(s.statuses), "methods": dict(s.methods)},
        "representative": _case(r.representative) if r.representative else None,
        "seconds": round(r.seconds, 4),
        "cases": [_case(c) for c in (r.cases if all_cases else r.failures)],
    }


def to_dict(report: Report) -> dict:
    """The report as a JSON-ready dict (see the module docstring for the rules).

    Parameters
    ----------
    report : Report
        The run.

    Returns
    -------
    dict
        Keys ``$schema``, ``schema_version``, ``generated``, ``environment``, ``run``, ``summary``,
        ``seeds``, ``claims``.
    """
    run = report.run
    return {
        "$schema": SCHEMA_ID,
        "schema_version": SCHEMA_VERSION,
        "generated": report.generated,
        "environment": dict(report.environment),
        "run": {"jobs": run.jobs, "isolate": run.isolate, "all_cases": run.all_cases,
                "seconds": None if run.seconds is None else round(run.seconds, 3), "timing": run.timing},
        "summary": report.summary,
        "seeds": value(report.seeds),
        "claims": [_claim(r, run.all_cases) for r in report.claims],
    }


def to_json(report: Report) -> str:
    """The report as JSON text (UTF-8, indented, keys in a fixed order).

    Parameters
    ----------
    report : Report
        The run.

    Returns
    -------
    str
        ``json.dumps(to_dict(report))`` with a final newline.
    """
    return json.dumps(to_dict(report), indent=1, ensure_ascii=False) + "\n"
