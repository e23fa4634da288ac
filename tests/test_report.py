"""Report model and writers: representative cases, sweep summaries, JSON schema, Markdown escaping, LaTeX.

Independent references: the JSON Schema is checked by ``jsonschema`` (Draft 2020-12 validator);
Markdown is rendered by ``markdown-it-py`` (a CommonMark implementation, installed with rich) and the
cell texts read back from its HTML; LaTeX is compiled by ``pdflatex`` when it is on PATH.
"""

import html
import json
import re
import shutil
import subprocess

import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from hardverify import checks
from hardverify.errors import HardverifyError
from hardverify.proofs import CaseResult, ClaimResult, claim, load, run
from hardverify.report import Report, schema, to_dict, to_json, to_latex_document, to_markdown, without_timings
from hardverify.report.latex import ball_latex, braces_balanced, escape_text, evidence_latex, exact_latex
from hardverify.report.markdown import escape
from hardverify.report.model import is_trivial
from hardverify.verdict import Status, Verdict

jsonschema = pytest.importorskip("jsonschema")

NASTY = "E[f_S²] ≥ 4^k c_k² | x |, *bold* _it_ `code` <b>&amp; 100% #1 $x$ ~ {a} \\cmd [negative control]"


def _claim(id, title, cases, *, control=False, note="", seeds=None):
    @claim(id, title, cases=[c[0] for c in cases], control=control, note=note, seeds=seeds)
    def f(**kw):
        return None
    res = ClaimResult(f.claim, [CaseResult(p, v, s) for p, v, s in cases])
    return res


def _v(status, evidence, method="m", precision=None):
    return Verdict(status, method=method, evidence=evidence, precision=precision)


@pytest.fixture
def results():
    sweep = _claim("H1", "ReLU c_m closed form", [
        ({"m": 1}, _v(Status.PROVED, "1/2 == 1/2", "exact: identical"), 0.1),
        ({"m": 3}, _v(Status.PROVED, "0 == 0", "exact: identical"), 0.1),
        ({"m": 4}, _v(Status.PROVED, "-sqrt(3)/(12*sqrt(pi)) == -sqrt(3)/(12*sqrt(pi))", "exact: simplify"), 0.2),
        ({"m": 5}, _v(Status.PROVED, "0 == 0", "exact: identical"), 0.1)])
    cert = _claim("V6", NASTY, [({"n": 10 ** 20, "act": "relu"}, _v(Status.CERTIFIED,
                  "[0.20662096414190703726 +/- 2.45e-21] ≈ 0.20662096414190703726", "certified", 20), 1.5)],
                  note="a note with *stars*", seeds={"Monte Carlo": 7})
    control = _claim("H1", "wrong value [deliberately wrong]", [
        ({}, _v(Status.REFUTED, "1/(2*sqrt(pi)) - 1/3 = [-0.05123854156 +/- 5.46e-13] ≠ 0"), 0.2)], control=True)
    failing = _claim("X1", "a false one", [({"k": 1}, _v(Status.PROVED, "1 == 1"), 0.0),
                                           ({"k": 2}, _v(Status.UNDECIDED, "could not decide pi == 3"), 0.0)])
    return [sweep, cert, control, failing]


def test_representative_case_and_sweep_summary(results):
    rep = Report.from_results(results)
    h1, v6, ctl, x1 = rep.claims
    # all PROVED: the last case whose evidence says something (m = 4), not "0 == 0" at m = 5
    assert h1.representative.params == {"m": 4} and h1.evidence.startswith("m = 4: both sides are -sqrt(3)")
    assert h1.sweep.parameters == {"m": {"min": 1, "max": 5, "count": 4}}
    assert h1.sweep.methods == {"exact: identical": 3, "exact: simplify": 1}
    assert h1.sweep.parameters_text() == "m = 1 … 5 (4 values)"
    assert h1.sweep.methods_text() == "exact: identical (3 cases); exact: simplify (1 case)"
    assert v6.precision == 20 and v6.status is Status.CERTIFIED and v6.seeds == {"Monte Carlo": 7}
    assert ctl.passed and ctl.status_text == "REFUTED (control)"
    assert not x1.passed and x1.representative.params == {"k": 2} and [c.index for c in x1.failures] == [1]
    s = rep.summary
    assert (s["claims"], s["controls"], s["cases"], s["controls_refuted"], s["ok"]) == (3, 1, 8, 1, False)
    assert s["failed"] == [x1.name] and s["status"]["UNDECIDED"] == 1


def test_combined_methods_are_counted_once_per_case():
    res = [_claim("M1", "two checks per case", [({"k": 1}, _v(Status.PROVED, "x", "exact: a; certified: b"), 0.0),
                                               ({"k": 2}, _v(Status.PROVED, "y", "exact: a"), 0.0)])]
    sweep = Report.from_results(res).claims[0].sweep
    assert sweep.methods == {"exact: a": 2, "certified: b": 1}
    assert sweep.methods_text() == "exact: a; certified: b (1 case)"


def test_trivial_evidence_is_recognised():
    assert is_trivial("0 == 0") and is_trivial("1 == 1") and not is_trivial("sqrt(2)/2 == sqrt(2)/2")
    assert not is_trivial("0 == 1") and not is_trivial("[0.5 +/- 1e-30] ≈ 0.5")


def test_json_validates_against_the_shipped_schema(results):
    doc = json.loads(to_json(Report.from_results(results, jobs=2, seconds=3.25)))
    jsonschema.Draft202012Validator.check_schema(schema())
    jsonschema.Draft202012Validator(schema()).validate(doc)
    assert doc["schema_version"] == "1.0" and doc["run"]["jobs"] == 2
    v6 = doc["claims"][1]
    assert v6["sweep"]["parameters"]["n"] == {"values": ["100000000000000000000"]}   # > 2^53: a string
    assert doc["claims"][0]["sweep"]["parameters"]["m"]["max"] == 5                  # a number
    assert doc["claims"][0]["cases"] == []                                            # only failures by default
    assert [c["index"] for c in doc["claims"][3]["cases"]] == [1]
    full = json.loads(to_json(Report.from_results(results, all_cases=True)))
    jsonschema.Draft202012Validator(schema()).validate(full)
    assert len(full["claims"][0]["cases"]) == 4


def test_schema_rejects_a_broken_report(results):
    doc = to_dict(Report.from_results(results))
    doc["claims"][0]["status"] = "PROBABLY"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, schema())
    doc = to_dict(Report.from_results(results))
    del doc["schema_version"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, schema())


def test_without_timings_removes_every_run_dependent_key(results):
    a = json.loads(to_json(Report.from_results(results, jobs=1, seconds=1.0)))
    b = json.loads(to_json(Report.from_results(results, jobs=2, seconds=9.0)))
    assert a != b and without_timings(a) == without_timings(b)


def _cells(md: str):
    from markdown_it import MarkdownIt
    out = MarkdownIt("commonmark").enable("table").render(md)
    rows = re.findall(r"<tr>(.*?)</tr>", out, re.S)
    return [[html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", r, re.S)]
            for r in rows]


def test_markdown_cells_render_as_written(results):
    md = to_markdown(Report.from_results(results))
    rows = _cells(md)
    assert rows[0][:3] == ["ID", "claim", "status"]
    assert len(rows) == 5 and all(len(r) == 8 for r in rows)          # no stray | split a row
    assert rows[2][1] == NASTY                                           # every special character survives
    assert rows[1][7] == "m = 4: both sides are -sqrt(3)/(12*sqrt(pi)) exactly"   # * not read as emphasis
    assert "<em>" not in md and "## Failures" in md and "## Seeds" in md


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), max_size=60))
def test_markdown_escape_round_trips(text):
    from markdown_it import MarkdownIt
    rendered = MarkdownIt("commonmark").render(escape(text) or " ")
    shown = html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip()
    assert shown == " ".join(text.split())


def test_long_cells_end_in_an_ellipsis():
    res = [_claim("L1", "x" * 500, [({}, _v(Status.PROVED, "y" * 1000), 0.0)])]
    row = _cells(to_markdown(Report.from_results(res)))[1]
    assert row[1].endswith("…") and len(row[1]) == 200 and row[7].endswith("…")


def test_latex_values():
    assert exact_latex("2 - 4/pi") == r"$2 - \frac{4}{\pi}$"
    assert ball_latex("[-0.05123854156 +/- 5.46e-13]") == r"$-0.05123854156 \pm 5.46 \cdot 10^{-13}$"
    ev = evidence_latex("1/(2*sqrt(pi)) - 1/3 = [-0.05123854156 +/- 5.46e-13] ≠ 0")
    assert r"$- \frac{1}{3} + \frac{1}{2 \sqrt{\pi}}$ = $-0.05123854156 \pm 5.46" in ev   # sympy's order
    assert evidence_latex("[0.0017762 +/- 7.78e-15] is positive") == r"$0.0017762 \pm 7.78 \cdot 10^{-15}$ is positive"
    assert evidence_latex("k = 8: both sides are -120*sqrt(2)/sqrt(pi) exactly") == \
        r"k = $8$: both sides are $- \frac{120 \sqrt{2}}{\sqrt{\pi}}$ exactly"
    assert evidence_latex("__import__('os') == 1").startswith(r"\_\_import\_\_")      # never evaluated
    with pytest.raises(HardverifyError, match=r"not an enclosure of the form \[mid \+/- rad\]"):
        ball_latex("0.5")


def _raw_specials(tex: str) -> set:
    """LaTeX special characters left unescaped outside math (\\ensuremath{...} and $...$ removed)."""
    text = re.sub(r"\\ensuremath\{(?:[^{}]|\{[^{}]*\})*\}", "", tex)
    text = re.sub(r"(?<!\\)\$[^$]*(?<!\\)\$", "", text)
    text = re.sub(r"\\[A-Za-z]+|\\.", "", text)
    return set(re.findall(r"[%&#_^~$]", text))


def test_latex_escaping_and_braces(results):
    esc = escape_text(NASTY)
    assert _raw_specials(esc) == set() and _raw_specials("a_b & 100%") == {"_", "&", "%"}
    assert braces_balanced(esc) and "U+" not in esc
    assert r"\textbackslash{}cmd" in esc and r"\{a\}" in esc and r"\$x\$" in esc
    tex = to_latex_document(Report.from_results(results))
    assert braces_balanced(tex) and r"\toprule" in tex and r"\midrule" in tex and r"\bottomrule" in tex
    body = tex.split(r"\endfoot")[1].split(r"\end{longtable}")[0]
    for line in body.strip().splitlines():
        assert line.count("&") - line.count(r"\&") == 5, line          # 6 columns: no stray alignment tab
        assert _raw_specials(line.replace("&", "")) == set(), line


def _compile(tex, tmp_path):
    engine = shutil.which("pdflatex") or shutil.which("lualatex")
    if engine is None:
        pytest.skip(reason="no pdflatex/lualatex on PATH (Debian: apt-get install texlive-latex-recommended)")
    (tmp_path / "r.tex").write_text(tex, encoding="utf-8")
    done = subprocess.run([engine, "-interaction=nonstopmode", "-halt-on-error", "r.tex"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-3000:]
    assert (tmp_path / "r.pdf").stat().st_size > 1000
    return done.stdout


def test_latex_compiles(results, tmp_path):
    log = _compile(to_latex_document(Report.from_results(results)), tmp_path)
    assert "Missing character" not in log


def test_latex_of_every_claim_title_in_proofs_compiles(tmp_path):
    # every title, note-free, of the real proof scripts (loading them runs no case)
    from pathlib import Path
    root = Path(__file__).resolve().parents[1]
    claims = load([root / "proofs", root / "mutants"])
    res = [ClaimResult(c, [CaseResult({}, _v(Status.PROVED, c.title), 0.0)]) for c in claims]
    tex = to_latex_document(Report.from_results(res))
    assert braces_balanced(tex)
    _compile(tex, tmp_path)          # a symbol without a LaTeX mapping prints as U+XXXX and still compiles


def test_a_real_run_gives_a_schema_valid_report():
    @claim("H1", "1/2 + 1/2 = 1", sweep={"q": [1, 2, 3]})
    def half(q):
        return checks.exact_equal(sp.Rational(q, 2 * q) * 2, 1)
    doc = json.loads(to_json(Report.from_results(run([half.claim], jobs=1))))
    jsonschema.validate(doc, schema())
    assert doc["claims"][0]["evidence"] == "q = 3: both sides are 1 exactly"
