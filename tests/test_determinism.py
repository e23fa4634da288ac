"""Determinism (issue 5): two runs of ``hardverify prove`` give identical JSON apart from timings.

Each run is a fresh interpreter (no shared caches), with a different number of worker processes, so
neither caching nor scheduling order can leak into the report.  Every random choice is seeded and the
seeds are recorded in the report (``"seeds"``, per claim and gathered at the top).
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from hardverify.report import without_timings

ROOT = Path(__file__).resolve().parents[1]


def _prove(tmp_path, name, jobs, *paths):
    out = tmp_path / name
    cmd = [sys.executable, "-m", "hardverify", "prove", *map(str, paths), "-j", str(jobs), "--out", str(out)]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return json.loads((out / "proofs.json").read_text())


def _assert_identical(a, b):
    assert a["generated"] and a["claims"] and all("seconds" in c for c in a["claims"])   # timings are there...
    assert without_timings(a) == without_timings(b)                                      # ...and nothing else differs


def test_seeded_script_twice_is_identical(tmp_path):
    # proofs/dkkz2020.py draws random contractions (numpy) and runs Monte Carlo: both seeded
    a = _prove(tmp_path, "a", 1, ROOT / "proofs" / "dkkz2020.py")
    b = _prove(tmp_path, "b", 2, ROOT / "proofs" / "dkkz2020.py")
    _assert_identical(a, b)
    assert a["seeds"] == {"dkkz2020:d1_norms": {"Monte Carlo": 6}, "dkkz2020:d2_random": {"numpy draw of A": 2020}}
    by_name = {c["name"]: c for c in a["claims"]}
    assert by_name["dkkz2020:d2_random"]["seeds"] == {"numpy draw of A": 2020}
    assert by_name["dkkz2020:d1_monomial"]["seeds"] == {}


def test_every_random_choice_in_proofs_declares_its_seed():
    # a proof function that mentions a seed or a random generator must declare seeds= (so the report has it)
    import inspect

    from hardverify.proofs import load
    for c in load([ROOT / "proofs"]):
        src = inspect.getsource(c.func)
        helpers = [name for name in ("_random_contractions",) if name in src]
        if "seed" in src or "default_rng" in src or helpers:
            assert c.seeds, f"{c.name} makes a random choice but declares no seeds="


@pytest.mark.slow
def test_full_prove_twice_is_identical(tmp_path):
    a = _prove(tmp_path, "a", 2)
    b = _prove(tmp_path, "b", 1)
    _assert_identical(a, b)
    assert set(a["seeds"]) >= {"goel2020:g1_family", "goel2020:g3_independent_of_S", "dkkz2020:d2_random"}
