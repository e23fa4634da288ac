"""Planted errors (issue 5): every mutant in ``mutants/`` is caught, and the true claims still pass.

``mutants/*.py`` are proof scripts whose claims are all negative controls: wrong statements of the
kind a paper or an implementation makes (a digit off by one ulp at 50 digits, a wrong normalisation
constant, a sign flip, a perturbed weight, a law without the needed symmetry, a dimension off by one,
an enclosure whose radius is smaller than its error, convention mix-ups ...).  Each must come out
REFUTED, i.e. with a certified counterexample.  Each mutant also has a *twin*: the same function with
``planted=False`` checks the correct statement by the same code path and must be PROVED or CERTIFIED,
so a refutation is caused by the planted error, not by a broken check.

``mutants/false_proved/`` (issue 10) plants the false-PROVED classes: non-integrable pairs, heavy-tailed
laws, singular and super-Gaussian activations (honest outcome: UNDECIDED with the integrability reason,
since E[fg] does not exist), a wrong value at a kink, a false growth bound, a rounded literal (REFUTED).
None may ever come out PROVED or CERTIFIED.
"""

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from rich.console import Console

from hardverify.cli import main
from hardverify.proofs import load, run
from hardverify.report import render_table, summary
from hardverify.verdict import Status

ROOT = Path(__file__).resolve().parents[1]
MUTANTS = ROOT / "mutants"
FAMILIES = ("hermite", "sphere", "goel2020", "dkkz2020")
#: the kinds issue 5 asks for; every family must plant each of them
REQUIRED_KINDS = {"ulp", "normalisation", "sign", "weight", "symmetry", "off by one", "radius"}


def _kind(c) -> str:
    m = re.match(r"\[([a-z ]+)\] ", c.title)
    assert m, f"{c.name}: a mutant title starts with its [kind]"
    return m.group(1)


@pytest.fixture(scope="module")
def mutants():
    return load([MUTANTS])


@pytest.fixture(scope="module")
def results(mutants):
    return run(mutants, jobs=1)


def test_every_family_plants_every_kind(mutants):
    families = {Path(c.path).stem for c in mutants}
    assert families == set(FAMILIES)
    assert all(c.control and len(c.cases) == 1 for c in mutants)
    for fam in FAMILIES:
        kinds = {_kind(c) for c in mutants if Path(c.path).stem == fam}
        assert REQUIRED_KINDS <= kinds, (fam, REQUIRED_KINDS - kinds)


def test_every_mutant_is_refuted(results):
    missed = [(r.claim.name, r.cases[0].verdict.status.name, r.cases[0].verdict.evidence)
              for r in results if r.cases[0].verdict.status is not Status.REFUTED]
    assert not missed
    s = summary(results)
    assert s["ok"] and s["controls_refuted"] == s["controls"] == len(results)
    caught = Counter((Path(r.claim.path).stem, _kind(r.claim)) for r in results if r.passed)
    assert sum(caught.values()) == len(results)          # detection rate 1 (figures in docs/trust.md)


def test_refutations_are_certified_counterexamples(results):
    # REFUTED must come from an exact or interval computation, never from a crash or an error path
    for r in results:
        v = r.cases[0].verdict
        assert v.method not in ("crash", "error"), (r.claim.name, v.evidence)
        assert v.evidence and "unexpected" not in v.evidence


def test_the_true_twins_pass(mutants, results):
    # the same functions with the planted error switched off: PROVED or CERTIFIED
    failed = []
    for c in mutants:
        v = c.func(planted=False)
        v = v if not isinstance(v, list) else v[0]
        if not v.status.ok:
            failed.append((c.name, v.status.name, v.evidence))
    assert not failed


def test_hardverify_prove_counts_mutants_as_refuted_controls(tmp_path, capsys):
    # the command-line route of the README: `hardverify prove mutants/` exits 0 when every mutant is caught
    sel = ["-k", "ulp_relu_c4", "-k", "cross_polytope", "-k", "sign_flip_hypercube_value", "-k", "rounded_weight"]
    assert main(["prove", str(MUTANTS), *sel, "--out", str(tmp_path), "-j", "1"]) == 0
    doc = json.loads((tmp_path / "proofs.json").read_text())
    assert doc["summary"]["controls_refuted"] == doc["summary"]["controls"] == 4
    out = capsys.readouterr().out
    assert "4/4 negative controls refuted" in out
    assert "[ulp]" in out and "[symmetry]" in out          # titles are not eaten as rich markup


# a cheap subset of the true claims of proofs/ (CI runs all of them with `hardverify prove`)
TRUE_SUBSET = ["hermite:h2_certified", "hermite:references", "hermite:h4_mehler", "sphere:f1_table",
               "sphere:f4_table", "sphere:f2_certified_values", "goel2020:g5_values", "goel2020:g6_identity",
               "dkkz2020:d1_monomial", "dkkz2020:d2_spec_points"]


def test_true_claims_are_untouched():
    claims = [c for c in load([ROOT / "proofs"]) if c.name in TRUE_SUBSET]
    assert {c.name for c in claims} == set(TRUE_SUBSET)
    res = run(claims, jobs=1)
    bad = [(r.claim.name, r.verdict.status.name, r.verdict.evidence) for r in res if not r.passed]
    assert not bad


def test_report_table_prints_brackets_literally():
    # regression: rich read "[sign]" / "[deliberately wrong]" in claim titles as markup and dropped them
    claims = [c for c in load([MUTANTS]) if c.name == "goel2020:sign_flip_hypercube_value"]
    console = Console(record=True, width=200)
    render_table(run(claims, jobs=1), console)
    text = console.export_text()
    assert "[sign] f_S(1,…,1) = +2" in text and "[negative control]" in text


# ----------------------------------------------------------- issue 10: the false-PROVED classes
FALSE_PROVED = MUTANTS / "false_proved"


@pytest.fixture(scope="module")
def false_proved():
    claims = load([FALSE_PROVED])
    return claims, run(claims, jobs=1)


def test_false_proved_mutants_are_never_proved(false_proved):
    import runpy
    kinds = runpy.run_path(str(FALSE_PROVED / "verdicts.py"))["KINDS"]
    claims, results = false_proved
    assert len(claims) == 8 and {_kind(c) for c in claims} == set(kinds)
    for r in results:
        v = r.cases[0].verdict
        assert v.status.name == kinds[_kind(r.claim)], (r.claim.name, v.status.name, v.evidence)
        assert v.status not in (Status.PROVED, Status.CERTIFIED)
        if v.status is Status.UNDECIDED:            # the reason names the missing hypothesis
            assert "E|f" in v.evidence and ("not proved" in v.evidence or "not shown" in v.evidence), v.evidence
        assert v.method not in ("crash", "error"), (r.claim.name, v.evidence)


def test_false_proved_twins_pass(false_proved):
    claims, _ = false_proved
    failed = [(c.name, v.status.name, v.evidence) for c in claims
              for v in [c.func(planted=False)] if v.status not in (Status.PROVED, Status.CERTIFIED)]
    assert not failed
