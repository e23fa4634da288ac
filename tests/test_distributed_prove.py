"""``hardverify prove`` on a Dask cluster gives the same report as the local run, byte for byte apart from timings.

Needs the ``distributed`` extra (``pip install "hardverify[distributed]"``; ``.ci/run`` installs it and runs
this file); skipped with a reason otherwise.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hardverify.proofs import load, run
from hardverify.report import to_json, without_timings
from hardverify.sq.executors import dask_available, executor_for

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(not dask_available(), reason='dask.distributed is not installed (pip install "hardverify[distributed]")')
def test_prove_on_a_local_cluster_equals_the_local_run():
    from distributed import LocalCluster

    claims = load([ROOT / "proofs" / "dkkz2020.py"])
    local = json.loads(to_json(run(claims, jobs=1)))
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        ex = executor_for(cluster.scheduler_address)
        try:
            remote = json.loads(to_json(run(claims, executor=ex)))
        finally:
            ex._client.close()
    assert json.dumps(without_timings(local), sort_keys=True) == json.dumps(without_timings(remote), sort_keys=True)
