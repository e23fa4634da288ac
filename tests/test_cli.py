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
    assert doc["summary"]["ok"] is True
    statuses = {c["name"].split(":")[1]: c["verdict"]["status"] for c in doc["claims"]}
    assert statuses == {"relu_c": "PROVED", "wrong": "REFUTED", "sig": "CERTIFIED"}
    assert "| H1 |" in (out / "proofs.md").read_text()
    assert "negative controls refuted" in capsys.readouterr().out


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
        assert main(["prove", str(proof_dir), "--out", str(out), "-j", "1"]) == 0
        doc = json.loads((out / "proofs.json").read_text())
        doc.pop("generated")
        for c in doc["claims"]:
            c.pop("seconds")
            for case in c["cases"]:
                case.pop("seconds")
        docs.append(doc)
    assert docs[0] == docs[1]


def test_select_and_list(proof_dir, capsys):
    assert main(["list", str(proof_dir)]) == 0
    assert "relu_c" in capsys.readouterr().out
    assert main(["prove", str(proof_dir), "-k", "V6", "--no-files", "-j", "1"]) == 0
    assert main(["prove", str(proof_dir), "-k", "nothing-matches", "--no-files"]) == 2


def test_missing_path_and_bad_jobs(tmp_path, capsys):
    assert main(["prove", str(tmp_path / "nowhere"), "--no-files"]) == 2
    assert "no proof scripts" in capsys.readouterr().out
    assert main(["prove", "--jobs", "0", str(tmp_path)]) == 2


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
    (["hermite", "exp(t**2)", "-m", "2"], "not integrable"),
])
def test_quantity_commands_refuse_bad_input(argv, message, capsys):
    assert main(argv) == 2
    assert message in capsys.readouterr().out
