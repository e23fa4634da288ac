"""The hardverify command: discovery, exit codes, reports, determinism, controls, crashes."""

import json
import subprocess
import sys
import textwrap

import pytest

from hardverify.cli import main
from hardverify.proofs import load, run

SCRIPT = textwrap.dedent('''
    import sympy as sp
    import hardverify as hv
    from hardverify import checks
    from hardverify.proofs import claim

    @claim("H1", "ReLU c_2 closed form", source="test", sweep={"m": [2, 4]})
    def relu_c(m):
        ref = {2: 1 / (2 * sp.sqrt(sp.pi)), 4: -1 / (4 * sp.sqrt(3 * sp.pi))}[m]
        return checks.exact_equal(hv.hermite_coefficient("relu", m), ref)

    @claim("H1", "a wrong value [control]", source="test", control=True)
    def wrong():
        return checks.exact_equal(hv.hermite_coefficient("relu", 2), sp.Rational(1, 3))

    @claim("V6", "sigmoid c_1 to 20 digits", source="test")
    def sig():
        return checks.matches(hv.hermite_coefficient("sigmoid", 1, dps=20), "0.20662096414190703726")
''')

FAILING = textwrap.dedent('''
    import sympy as sp
    import hardverify as hv
    from hardverify import checks
    from hardverify.proofs import claim

    @claim("X1", "a false statement", source="test")
    def false():
        return checks.exact_equal(sp.pi, 3)

    @claim("X2", "a claim that crashes", source="test")
    def crash():
        raise RuntimeError("boom")

    @claim("X3", "a control that is not refuted", source="test", control=True)
    def not_refuted():
        return checks.exact_equal(sp.Integer(1), 1)
''')


@pytest.fixture
def proof_dir(tmp_path):
    d = tmp_path / "proofs"
    d.mkdir()
    (d / "small.py").write_text(SCRIPT)
    return d


def test_prove_passes_and_writes_reports(proof_dir, tmp_path, capsys):
    out = tmp_path / "rep"
    assert main(["prove", str(proof_dir), "--out", str(out), "-j", "1"]) == 0
    doc = json.loads((out / "proofs.json").read_text())
    assert doc["summary"]["ok"] is True and doc["schema_version"] == "1.0"
    statuses = {c["name"].split(":")[1]: c["status"] for c in doc["claims"]}
    assert statuses == {"relu_c": "PROVED", "wrong": "REFUTED", "sig": "CERTIFIED"}
    assert "| H1 |" in (out / "proofs.md").read_text()
    assert r"\begin{longtable}" in (out / "proofs.tex").read_text()
    assert not list(out.glob(".*"))                      # no temporary or probe file left behind
    text = capsys.readouterr().out
    assert "1/1 negative control refuted" in text and "in this process" in text
    assert "[control] [negative control]" in text        # brackets in titles print as written


def test_failures_give_exit_code_1_and_say_why(tmp_path, capsys):
    (tmp_path / "bad.py").write_text(FAILING)
    assert main(["prove", str(tmp_path / "bad.py"), "--no-files", "-j", "1"]) == 1
    text = capsys.readouterr().out
    assert "FAILED X1" in text and "FAILED X2" in text and "FAILED X3" in text
    assert "unexpected RuntimeError: boom" in text


def test_process_pool_gives_the_same_verdicts(proof_dir):
    claims = load([proof_dir])
    seq = run(claims, jobs=1)
    par = run(claims, jobs=2)
    strip = lambda res: [[c.verdict.to_dict() for c in r.cases] for r in res]  # noqa: E731
    assert strip(seq) == strip(par)


def test_json_report_is_deterministic_apart_from_timings(proof_dir, tmp_path):
    docs = []
    for i in range(2):
        out = tmp_path / f"r{i}"
        assert main(["prove", str(proof_dir), "--out", str(out), "-j", "1", "--all-cases"]) == 0
        doc = json.loads((out / "proofs.json").read_text())
        doc.pop("generated")
        doc.pop("run")
        for c in doc["claims"]:
            c.pop("seconds")
            c["representative"].pop("seconds")
            for case in c["cases"]:
                case.pop("seconds")
        docs.append(doc)
    assert docs[0] == docs[1] and len(docs[0]["claims"][0]["cases"]) == 2


def test_select_and_list(proof_dir, capsys):
    assert main(["list", str(proof_dir)]) == 0
    assert "relu_c" in capsys.readouterr().out
    assert main(["prove", str(proof_dir), "-k", "V6", "--no-files", "-j", "1"]) == 0
    assert main(["prove", str(proof_dir), "-k", "nothing-matches", "--no-files"]) == 2


def test_missing_path_and_bad_jobs(tmp_path, capsys):
    assert main(["prove", str(tmp_path / "nowhere"), "--no-files"]) == 2
    assert "no proof scripts" in capsys.readouterr().err
    assert main(["prove", "--jobs", "0", str(tmp_path)]) == 2
    assert "--jobs must be between 1 and" in capsys.readouterr().err
    assert main(["prove", "--jobs", "1000", str(tmp_path)]) == 2      # bounded by the machine
    assert "the CPUs this process may use" in capsys.readouterr().err


def test_console_script_and_module_entry_point():
    r = subprocess.run([sys.executable, "-m", "hardverify", "--version"], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.startswith("hardverify ")


@pytest.mark.parametrize("argv,expected", [
    (["hermite", "relu", "-m", "4"], "c_4 = -sqrt(3)/(12*sqrt(pi))"),
    (["hermite", "max(0, t) - t/2", "-m", "3"], "c_3 = 0"),
    (["hermite", "tanh(t/2)", "-m", "1", "--dps", "20"], "c_1 = [0.41324192828381407452"),
    (["funk-hecke", "relu", "-n", "3", "-k", "4"], "mu_4 = -1/96"),
    (["kernel", "relu", "step", "--rho", "1/2"], "K(1/2) = 3*sqrt(2)/(8*sqrt(pi))"),
    (["kernel", "sign"], "K(rho) = 2*asin(rho)/pi"),
])
def test_quantity_commands(argv, expected, capsys):
    assert main(argv) == 0
    assert expected in capsys.readouterr().out


@pytest.mark.parametrize("argv,message", [
    (["hermite", "__import__('os').system('true')", "-m", "2"], "only plain function names"),
    (["hermite", "relu", "-m", "-1"], "non-negative integer"),
    (["funk-hecke", "relu", "-n", "1"], "integer >= 2"),
    (["kernel", "relu", "--rho", "2", "--dps", "10"], "[-1, 1]"),
    (["kernel", "relu", "--dps", "10"], "--dps needs --rho"),
    (["hermite", "exp(t**2)", "-m", "2"], "not integrable"),
])
def test_quantity_commands_refuse_bad_input(argv, message, capsys):
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_unwritable_out_is_refused_before_the_run(proof_dir, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    assert main(["prove", str(proof_dir), "--out", str(blocker), "-j", "1"]) == 2
    err = capsys.readouterr()
    assert "--out" in err.err and "is not a directory" in err.err and "cases" not in err.out   # nothing ran
    assert main(["prove", str(proof_dir), "--out", str(blocker / "sub"), "-j", "1"]) == 2
    assert "cannot write there" in capsys.readouterr().err


def test_progress_lines_without_a_tty(proof_dir, capsys):
    assert main(["prove", str(proof_dir), "--no-files", "-j", "1", "--progress-every", "0.000001"]) == 0
    lines = [x for x in capsys.readouterr().out.splitlines() if x.startswith("progress:")]
    assert lines[-1].startswith("progress: 4/4 cases (100%), 3/3 claims, elapsed")
    assert any("ETA ~" in x for x in lines[:-1])
    assert main(["prove", str(proof_dir), "--no-files", "--progress-every", "0"]) == 2


def test_prove_json_on_stdout_and_isolated_times(proof_dir, capsys):
    assert main(["prove", str(proof_dir), "--no-files", "-j", "2", "--isolate", "--json"]) == 0
    captured = capsys.readouterr()
    doc = json.loads(captured.out)                       # standard output is only the JSON report
    assert doc["run"]["isolate"] is True and "alone in a fresh process" in doc["run"]["timing"]
    assert "claims checked" in captured.err


def test_list_json_and_controls_marked(proof_dir, capsys):
    assert main(["list", str(proof_dir), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["control"], r["cases"]) for r in rows] == [("H1", False, 2), ("H1", True, 1), ("V6", False, 1)]
    assert main(["list", str(proof_dir)]) == 0
    assert "a wrong value [control] [negative control]" in capsys.readouterr().out


def test_markup_in_user_input_is_printed_literally(capsys):
    # regression (issue 13): rich read "[red]" as markup and reported "cannot parse 't'"
    assert main(["hermite", "[red]t", "-m", "1"]) == 2
    assert "[red]t" in capsys.readouterr().err


def test_advice_uses_command_line_flags(capsys):
    assert main(["hermite", "sigmoid", "-m", "2"]) == 2
    err = capsys.readouterr().err
    assert "--dps" in err and "dps=" not in err and "hv." not in err


@pytest.mark.parametrize("argv,key,expected", [
    (["hermite", "relu", "-m", "2", "--json"], "values", [
        {"label": "c_0", "value": "sqrt(2)/(2*sqrt(pi))", "kind": "exact"},
        {"label": "c_1", "value": "1/2", "kind": "exact"},
        {"label": "c_2", "value": "1/(2*sqrt(pi))", "kind": "exact"}]),
    (["funk-hecke", "relu", "-n", "3", "-k", "1", "--json"], "values", [
        {"label": "mu_0", "value": "1/4", "kind": "exact"}, {"label": "mu_1", "value": "1/6", "kind": "exact"}]),
    (["kernel", "sign", "--json"], "values", [{"label": "K(rho)", "value": "2*asin(rho)/pi", "kind": "exact"}]),
])
def test_quantity_commands_json(argv, key, expected, capsys):
    # references: SPEC H1 (c_0 = 1/sqrt(2 pi), c_1 = 1/2, c_2 = 1/(2 sqrt(pi))), F4 table (n = 3), H4 (sign kernel)
    assert main(argv) == 0
    assert json.loads(capsys.readouterr().out)[key] == expected


def test_error_in_json_mode_is_json(capsys):
    assert main(["hermite", "relu", "-m", "-1", "--json"]) == 2
    doc = json.loads(capsys.readouterr().out)
    assert doc["error"] == "DomainError" and "non-negative integer" in doc["message"]


def test_activations(capsys):
    assert main(["activations", "--json"]) == 0
    names = [r["name"] for r in json.loads(capsys.readouterr().out)]
    assert {"relu", "sigmoid", "monomial"} <= set(names)
    assert main(["activations"]) == 0
    assert "relu        max(0, t)" in capsys.readouterr().out


def test_family(capsys):
    # reference: SPEC G5, E[f_S^2] = 2 - 4/pi for ReLU at k = 2; G4 bound 0.63662 = 2/pi
    assert main(["family", "relu", "-k", "2", "-n", "1000000", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["orthogonality"]["status"] == "PROVED" and doc["members"] == 499999500000
    assert doc["norm2"] == {"value": "2 - 4/pi", "kind": "exact"}
    assert doc["norm2_lower_bound_G4"] == {"value": "2/pi", "kind": "exact"}
    assert main(["family", "sigmoid", "-k", "1", "-n", "5", "--dps", "20"]) == 0
    text = capsys.readouterr().out
    # SPEC G5: sigmoid k = 1, E[tanh²(g/2)] = 0.173516143432371850950596685128
    assert "orthogonality: PROVED" in text and "0.1735161434323718509" in text and "(certified)" in text
    # SPEC G6: on the hypercube f_S = f_S(1)·χ_S with f_S(1) = √2 for ReLU, k = 2, so E[f_S²] = 2
    assert main(["family", "relu", "-k", "2", "-n", "10", "--law", "hypercube", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["norm2"] == {"value": "2", "kind": "exact"}


@pytest.mark.parametrize("argv,message", [
    (["family", "relu", "-k", "3", "-n", "2"], "-k 3 > -n 2"),
    (["family", "relu", "-k", "2", "-n", "4", "--law", "moon"], "--law must be one of gaussian"),
    (["family", "relu", "-k", "21", "-n", "40"], "k"),
])
def test_family_refuses_bad_input(argv, message, capsys):
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_help_is_plain_text_with_examples(capsys):
    for cmd in ["prove", "list", "hermite", "funk-hecke", "kernel", "activations", "family", "plot"]:
        with pytest.raises(SystemExit):
            main([cmd, "--help"])
        text = capsys.readouterr().out
        assert "example:\n  hardverify " + cmd.split()[0] in text, cmd
        assert "``" not in text and ":func:" not in text, cmd
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "``" not in capsys.readouterr().out


def test_a_command_module_registers_itself(capsys):
    import types

    from hardverify import cli

    mod = types.SimpleNamespace(
        add_parser=lambda sub: sub.add_parser("echo-test", help="test"),
        run=lambda args: print("ran") or 0)
    cli.register(mod)
    try:
        assert main(["echo-test"]) == 0
        assert capsys.readouterr().out == "ran\n"
    finally:
        cli._EXTRA.remove(mod)
    from hardverify.errors import DomainError
    with pytest.raises(DomainError, match="add_parser"):
        cli.register(types.SimpleNamespace(run=lambda a: 0))


RUNNER = textwrap.dedent('''
    import sympy as sp
    from hardverify import checks
    from hardverify.proofs import claim, skip

    @claim("X1", "k <= n family", source="test", sweep={"n": [2, 4], "k": [3]})
    def family(n, k):
        if k > n:
            skip(f"k = {k} > n = {n}: no family")
        return checks.exact_equal(sp.Integer(k) - k, 0)

    @claim("X2", "nothing applies", source="test", sweep={"n": [1]})
    def none_apply(n):
        skip("n = 1: nothing to check")

    @claim("X3", "c_m with a better evidence text", source="test", sweep={"m": [1, 2]},
           evidence=lambda v, m: f"c_{m} = {m}/2 ({v.status.value.lower()})")
    def better(m):
        return checks.exact_equal(sp.Rational(m, 2), sp.Rational(m, 2))

    @claim("X4", "a broken evidence hook", source="test", evidence=lambda v: 1 / 0)
    def broken_hook():
        return checks.exact_equal(1, 1)
''')


def test_skipped_cases_count_for_nothing_and_hooks_improve_evidence(tmp_path):
    import jsonschema

    from hardverify.report import Report, schema, to_dict
    (tmp_path / "r.py").write_text(RUNNER)
    fam, none, better, broken = run(load([tmp_path / "r.py"]), jobs=1)
    assert [c.skipped for c in fam.cases] == ["k = 3 > n = 2: no family", ""] and fam.passed
    assert fam.verdict.status.name == "PROVED" and len(fam.checked) == 1
    assert not none.passed and none.verdict.status.name == "UNDECIDED" and "every case was skipped" in none.verdict.evidence
    assert [c.verdict.evidence for c in better.cases] == ["c_1 = 1/2 (proved)", "c_2 = 2/2 (proved)"]
    assert broken.passed and "evidence= hook failed: ZeroDivisionError" in broken.cases[0].verdict.evidence
    rep = Report.from_results([fam, none, better, broken], all_cases=True)
    assert rep.claims[0].cases_text == "2 (1 skipped)" and rep.claims[0].representative.params == {"n": 4, "k": 3}
    assert rep.claims[0].sweep.statuses == {"PROVED": 1}
    doc = to_dict(rep)
    jsonschema.validate(doc, schema())
    assert doc["claims"][0]["sweep"]["skipped"] == 1 and doc["claims"][0]["cases"][0]["skipped"].startswith("k = 3")
    assert doc["summary"]["failed"] == [none.claim.name]


def test_bad_claim_declarations():
    from hardverify.errors import DomainError
    from hardverify.proofs import claim
    with pytest.raises(DomainError, match="evidence= must be a function"):
        claim("X", "t", evidence="text")
    with pytest.raises(DomainError, match="jobs must be an integer >= 1"):
        run([], jobs=0)


def test_progress_ticks_when_no_case_finishes():
    from hardverify.cli.proofs import ProgressLines
    times = iter([0.0, 3.0, 12.0, 13.0, 30.0])
    lines = []
    p = ProgressLines({"a": 2}, lines.append, every=10, clock=lambda: next(times))
    p.tick()                      # t = 3: too early
    p.tick()                      # t = 12: nothing finished for 10 s, a line anyway
    p("a")                        # t = 13: too soon after the last line
    p("a")                        # t = 30: the last case
    assert lines == ["progress: 0/2 cases (0%), 0/1 claims, elapsed 0:12",
                     "progress: 2/2 cases (100%), 1/1 claims, elapsed 0:30"]


@pytest.mark.parametrize("message,expected", [
    ("ask for a certified enclosure with dps=, e.g. hv.funk_hecke(act, n, k, dps=30)",
     "ask for a certified enclosure with --dps, e.g. --dps 30"),
    ('with ``measure="surface"``', "with --measure surface"),
    ('use algorithm="series" (no flag for it)', 'use algorithm="series" (no flag for it)'),
])
def test_cli_advice(message, expected):
    from hardverify.cli import cli_advice
    assert cli_advice(message) == expected


SHARED_CACHE = textwrap.dedent('''
    from hardverify import checks
    from hardverify.proofs import claim

    CACHE = {}

    @claim("X1", "fills a module-level cache", source="test")
    def fills():
        CACHE["warm"] = True
        return checks.exact_equal(1, 1)

    @claim("X2", "runs with a cold cache", source="test")
    def cold():
        return checks.exact_equal(len(CACHE), 0)
''')


def test_isolate_gives_each_claim_a_fresh_process(tmp_path):
    # in one process the second claim sees the first one's cache (why times differ from a claim run
    # alone); isolated, every claim starts cold, as when it runs alone
    (tmp_path / "cache.py").write_text(SHARED_CACHE)
    claims = load([tmp_path / "cache.py"])
    shared = run(claims, jobs=1)
    assert shared[1].verdict.status.name == "REFUTED"
    isolated = run(claims, jobs=2, isolate=True)
    assert [r.verdict.status.name for r in isolated] == ["PROVED", "PROVED"]


def test_default_proofs_are_the_installed_copy_outside_a_checkout(tmp_path, monkeypatch):
    # pip install . puts the proof scripts in <prefix>/share/hardverify/proofs (pyproject data-files): found
    # from any directory; in a checkout, ./proofs wins
    from hardverify.cli.proofs import default_proofs
    prefix = tmp_path / "prefix"
    (prefix / "share" / "hardverify" / "proofs").mkdir(parents=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.setattr("sys.prefix", str(prefix))
    assert default_proofs() == str(prefix / "share" / "hardverify" / "proofs")
    (elsewhere / "proofs").mkdir()
    assert default_proofs() == "proofs"


def test_clwe_attack_command(capsys):
    # SPEC C8 from the command line: noiseless CLWE is detected and its secret recovered (evidence, seeded)
    from hardverify.cli import main
    assert main(["clwe-attack", "--d", "8", "--beta", "0", "--trials", "2", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["clwe"] == 1.0 and out["null"] == 0.0 and out["recovered"] > 0.999
    assert main(["clwe-attack", "--d", "8", "--trials", "0"]) == 2
    assert "at least 1" in capsys.readouterr().out
