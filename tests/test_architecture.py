"""The architecture of docs/architecture.md, enforced: layered imports, and cross-checks that are independent.

* import-linter's contracts in pyproject.toml hold (a wrong-way import fails here and in CI);
* every documented independent route (``algorithm="quadrature"`` / ``"series"``) computes its answer with
  the whole symbolic layer replaced by functions that raise — so the agreement tests compare two really
  different computations;
* the router's caches are bounded, and its one algorithm table is what every public function accepts.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import sympy as sp
from helpers import assert_certified, assert_narrow

import hardverify as hv
from hardverify import routes, symbolic
from hardverify.constructions.goel2020 import GGJKK
from hardverify.distributions import Gaussian, UniformSphere
from hardverify.errors import DomainError
from hardverify.networks import inner_product

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold():
    exe = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    if not Path(exe).exists():
        pytest.fail("lint-imports is not installed: it is part of the test extra (pip install '.[test]')")
    out = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    assert "0 broken" in out.stdout


def _symbolic_functions():
    """Every function and class defined in a module of hardverify.symbolic."""
    found = []
    for info in pkgutil.iter_modules(symbolic.__path__):
        mod = importlib.import_module(f"hardverify.symbolic.{info.name}")
        for obj in vars(mod).values():
            if (inspect.isfunction(obj) or inspect.isclass(obj)) and obj.__module__ == mod.__name__:
                found.append(obj)
    return found


@pytest.fixture
def symbolic_layer_raises(monkeypatch):
    """Replace every symbolic function wherever hardverify refers to it (module attributes and imports)."""
    targets = {id(f): f for f in _symbolic_functions()}

    def poisoned(name):
        def fail(*args, **kwargs):
            raise AssertionError(f"the symbolic layer was called ({name}) by a route documented as independent")
        return fail
    patched = 0
    for modname, mod in list(sys.modules.items()):
        if not modname.startswith("hardverify") or mod is None:
            continue
        for attr, value in list(vars(mod).items()):
            if id(value) in targets and targets[id(value)] is value:
                monkeypatch.setattr(mod, attr, poisoned(f"{modname}.{attr}"))
                patched += 1
    assert patched > 50                        # the symbolic layer really is switched off
    yield


def _ggjkk_pair():
    g = GGJKK(2, "relu")
    return g.network({1, 2}, 3), g.network({2, 3}, 3)


def test_independent_routes_never_read_the_symbolic_layer(symbolic_layer_raises):
    f, _ = _ggjkk_pair()
    sig = hv.activation("sigmoid")
    checks = {
        "dual kernel, ReLU (series)": (hv.dual_kernel("relu", rho="1/2", dps=20, algorithm="series"),
                                       "0.30449889052211467904"),
        "dual kernel, sigmoid × tanh (series)": (hv.dual_kernel(sig, "tanh", rho="0.3", dps=15, algorithm="series"),
                                                None),
        "inner product E[f_S²] (series)": (inner_product(f, f, Gaussian(3), dps=15, algorithm="series"),
                                           "0.726760455264837"),
        "inner product on the sphere (series)": (inner_product(f, f, UniformSphere(3), dps=15, algorithm="series"),
                                                 None),
        "GGJKK norm, ReLU k = 2 (series)": (GGJKK(2, "relu").norm2(dps=15, algorithm="series"), "0.726760455264837"),
        "GGJKK norm, sigmoid k = 1 (series)": (GGJKK(1, "sigmoid").norm2(dps=15, algorithm="series"),
                                              "0.173516143432372"),
        "Hermite coefficient (quadrature)": (hv.hermite_coefficient("relu", 4, dps=20, algorithm="quadrature"),
                                             "-0.081433751983819986931"),
        "Funk–Hecke, ReLU (quadrature)": (hv.funk_hecke("relu", 5, 2, dps=20, algorithm="quadrature"), None),
        "Funk–Hecke, sigmoid (series)": (hv.funk_hecke("sigmoid", 50, 3, dps=20, algorithm="series"), None),
    }
    for what, (value, reference) in checks.items():
        assert isinstance(value, hv.Enclosure), what
        if reference is None:
            assert_narrow(value, value.dps, what=what)
        else:                                           # SPEC H4, V12, V15, V2
            assert_certified(value, reference, value.dps, what=what)


def test_independent_routes_agree_with_the_exact_layer():
    # the same quantities by the exact layer (computed normally): the two opinions agree
    f, _ = _ggjkk_pair()
    assert_certified(hv.dual_kernel("relu", rho="1/2", dps=20, algorithm="series"),
                     hv.dual_kernel("relu", rho=sp.Rational(1, 2)), 20)
    assert_certified(inner_product(f, f, UniformSphere(3), dps=15, algorithm="series"),
                     inner_product(f, f, UniformSphere(3)), 15)
    assert_certified(hv.funk_hecke("relu", 5, 2, dps=20, algorithm="quadrature"), hv.funk_hecke("relu", 5, 2), 20)


def test_one_algorithm_vocabulary():
    assert set(routes.ALGORITHMS) == {"auto", "exact", "quadrature", "series"}
    with pytest.raises(DomainError, match="algorithm must be one of"):
        hv.dual_kernel("relu", rho="0.5", dps=10, algorithm="quadrature")     # kernels: auto | exact | series
    with pytest.raises(DomainError, match="pass dps="):
        hv.hermite_coefficient("relu", 2, algorithm="quadrature")
    with pytest.raises(DomainError, match="pass dps="):
        GGJKK(2).norm2(algorithm="series")


def test_router_caches_are_bounded():
    for cache in (routes._CERTIFIED, routes._FH):
        assert cache.maxsize <= 1024
    for fn in (routes._exact_kernel, routes._eigen_forms, routes._exact_coefficients):
        assert fn.cache_info().maxsize is not None
