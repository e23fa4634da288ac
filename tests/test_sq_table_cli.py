"""hardverify.sq.table, the ``hardverify sq`` command (through argparse) and the Dask executor."""

import argparse
import concurrent.futures as cf
import json
import math

import pytest

from hardverify.errors import DomainError
from hardverify.sq import cli
from hardverify.sq.executors import dask_available, executor_for
from hardverify.sq.table import table

NS = [10, 100, 1000, 10 ** 6]


def strip(rows):
    return json.dumps([{k: v for k, v in r.items() if k != "seconds"} for r in rows], sort_keys=True)


def test_table_rows_and_exponent():
    rows = table("goel2020", ns=NS, ks=[2, 3, 4], tau="1e-3")
    assert [(r["n"], r["k"]) for r in rows] == [(n, k) for n in NS for k in (2, 3, 4)]
    big = [r for r in rows if r["n"] == 10 ** 6]
    assert big[0]["N"] == str(math.comb(10 ** 6, 2)) and big[0]["queries"] == "687984"
    assert big[1]["status"] == "UNDECIDED" and big[1]["queries"] == "" and "f_S ≡ 0" in big[1]["note"]  # ReLU k = 3
    # exponent = log q / log n
    assert abs(float(big[2]["exponent"]) - float(big[2]["log10_queries"]) / 6) < 1e-6


def test_table_skips_k_above_n():
    rows = table("goel2020", ns=[3], ks=[4], tau="1/2")
    assert rows[0]["status"] == "SKIPPED" and "k = 4 > n = 3" in rows[0]["note"]


def test_table_any_executor_same_rows():
    local = table("goel2020", ns=NS, ks=[2, 4, 6], tau="1e-3")
    with cf.ThreadPoolExecutor(2) as ex:
        threaded = table("goel2020", ns=NS, ks=[2, 4, 6], tau="1e-3", executor=ex)
    assert strip(local) == strip(threaded)


def test_table_bad_input():
    with pytest.raises(DomainError, match="construction"):
        table("vw2019", ns=[10], ks=[2], tau="1e-3")
    with pytest.raises(DomainError, match="tau"):
        table("goel2020", ns=[10], ks=[2], tau="0")
    with pytest.raises(DomainError, match="ns must be positive"):
        table("goel2020", ns=[0], ks=[2], tau="1e-3")
    with pytest.raises(DomainError, match="theorem"):
        table("goel2020", ns=[10], ks=[2], tau="1e-3", theorem="Q9")


def parse(argv):
    p = argparse.ArgumentParser(prog="hardverify")
    cli.add_parser(p.add_subparsers(dest="command"))
    return p.parse_args(argv)


def test_cli_json(capsys):
    code = cli.run(parse(["sq", "goel2020", "--n", "10,1e6", "--k", "2..4", "--tau", "1e-3", "--json"]))
    rows = json.loads(capsys.readouterr().out)
    assert code == 0 and len(rows) == 6 and rows[3]["queries"] == "687984"


def test_cli_table_and_dkkz(capsys):
    assert cli.run(parse(["sq", "dkkz2020", "--n", "1e6", "--k", "4", "--tau", "1e-2"])) == 0
    out = capsys.readouterr().out
    assert "dkkz2020" in out and "CSQ" in out


@pytest.mark.parametrize("argv, msg", [
    (["--n", "10,abc", "--k", "2", "--tau", "1e-3"], "cannot read"),
    (["--n", "10", "--k", "5..2", "--tau", "1e-3"], "empty range"),
    (["--n", "10", "--k", "2", "--tau", "2"], "tau"),
    (["--n", "1.5", "--k", "2", "--tau", "1e-3"], "positive integer"),
])
def test_cli_bad_input(capsys, argv, msg):
    assert cli.run(parse(["sq", "goel2020", *argv])) == 2
    assert msg in capsys.readouterr().out


def test_cli_escapes_markup(capsys):
    assert cli.run(parse(["sq", "[red]x[/red]", "--n", "10", "--k", "2", "--tau", "1e-3"])) == 2
    assert "[red]x[/red]" in capsys.readouterr().out


def test_executor_for_bad_address():
    with pytest.raises(DomainError, match="scheduler address"):
        executor_for("")


@pytest.mark.skipif(not dask_available(), reason='dask.distributed is not installed (pip install "hardverify[distributed]")')
def test_local_cluster_equals_local_run():
    from distributed import LocalCluster

    local = table("goel2020", ns=NS, ks=[2, 4, 6, 8], tau="1e-3")
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        ex = executor_for(cluster.scheduler_address)
        try:
            remote = table("goel2020", ns=NS, ks=[2, 4, 6, 8], tau="1e-3", executor=ex)
        finally:
            ex._client.close()
    assert strip(local) == strip(remote)
