"""The documentation site (docs/conf.py): every public name and module documented, every page in a toctree,
the docstring pre-processing correct, and (when Sphinx is installed, in the slow run) a clean build.

The real build runs in `.ci/run` (`sphinx-build -E -W --keep-going`); here the fast tests check what the
build would otherwise only catch late, and need no Sphinx."""

import doctest
import importlib.util
import pkgutil
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import hardverify as hv

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def _conf():
    spec = importlib.util.spec_from_file_location("docs_conf", DOCS / "conf.py")
    conf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conf)
    return conf


def _public_modules():
    out = []
    for info in pkgutil.walk_packages(hv.__path__, prefix="hardverify."):
        parts = info.name.split(".")
        if any(p.startswith("_") for p in parts[1:]):
            continue
        out.append(info.name)
    return out


def _pages():
    return sorted(p for p in DOCS.rglob("*.md") if "_build" not in p.parts)


def test_every_hv_name_is_in_the_api_page():
    text = (DOCS / "api.md").read_text(encoding="utf-8")
    missing = [n for n in hv.__all__ if f"hardverify.{n}" not in text and f"hv.{n}" not in text]
    assert not missing, f"add to docs/api.md: {missing}"


def test_every_public_module_has_a_layer_page():
    documented = set()
    for page in (DOCS / "layers").glob("*.md"):
        documented |= set(re.findall(r"^\.\. automodule:: (\S+)$", page.read_text(encoding="utf-8"), flags=re.M))
    missing = sorted(set(_public_modules()) - documented)
    assert not missing, f"add an automodule block to a docs/layers/*.md page for: {missing}"
    assert not documented - set(_public_modules()), "a layer page documents a module that does not exist"


def test_every_page_is_in_a_toctree():
    listed = set()
    for page in _pages():
        for block in re.findall(r"```\{toctree\}\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.S):
            base = page.parent.relative_to(DOCS)
            listed |= {str(base / line.strip()) for line in block.splitlines()
                       if line.strip() and not line.startswith(":")}
    pages = {str(p.relative_to(DOCS).with_suffix("")) for p in _pages()} - {"index"}
    assert pages <= {p.removeprefix("./") for p in listed}, sorted(pages - listed)


def test_conf_names_the_extensions_and_is_harmless_to_collect():
    # pytest's --doctest-modules imports docs/conf.py (a docs/conftest.py to ignore it would clash with
    # tests/conftest.py under the default import mode); importing it needs no Sphinx and it holds no doctests
    conf = _conf()
    assert {"myst_nb", "numpydoc", "sphinx.ext.autodoc", "sphinx.ext.autosummary"} <= set(conf.extensions)
    assert conf.html_theme == "pydata_sphinx_theme"
    assert not [t for t in doctest.DocTestFinder().find(conf) if t.examples]
    assert not (DOCS / "conftest.py").exists()


def test_docstring_preprocessing():
    pre = _conf()._plain_text_to_rest
    src = [
        "Absolute values |x| and E|g|^r, + - * / **, x**2 stay text; *emphasis* and **strong** stay.",
        "",
        "* a bullet with |t| keeps its marker",
        "",
        '``"auto"``       the first route,',
        "                 continued here;",
        '``"exact"``      the second.',
        "",
        ">>> abs(-2) | 1",
        "3",
        "",
        "Literal::",
        "",
        "    a | b ** c",
        "",
        "Inline ``a|b`` and :func:`f` stay.",
    ]
    out = pre(src)
    assert out[0] == ("Absolute values \\|x\\| and E\\|g\\|^r, + - \\* / \\*\\*, x\\*\\*2 stay text; *emphasis* and "
                      "**strong** stay.")
    assert out[2] == "* a bullet with \\|t\\| keeps its marker"
    assert out[4] == '* ``"auto"``: the first route, continued here;'
    assert out[5] == '* ``"exact"``: the second.'
    assert ">>> abs(-2) | 1" in out and "3" in out                  # doctests untouched
    assert "    a | b ** c" in out                                 # literal blocks untouched
    assert out[-1] == "Inline ``a|b`` and :func:`f` stay."


def test_docstring_preprocessing_trailing_underscores():
    # "s_±" and "W_>" would be hyperlink references to targets "s" and "w" (Unknown target name)
    pre = _conf()._plain_text_to_rest
    out = pre(["s_± = β² + γ²(1 ± ρ), W_>(W_≤ + W_>) and θ_3(2i/s_+), x_1, a_j stay; ``s_+`` and :mod:`.s_` stay."])
    assert out == ["s\\_± = β² + γ²(1 ± ρ), W\\_>(W\\_≤ + W\\_>) and θ_3(2i/s\\_+), x_1, a_j stay; ``s_+`` and "
                   ":mod:`.s_` stay."]


def test_ci_builds_the_docs_with_warnings_as_errors():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r'sphinx-build .*-W --keep-going .*docs "\$work/site"', ci)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert 'pip install ".[docs]" && sphinx-build -W --keep-going -b html docs' in readme


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("sphinx") is None or importlib.util.find_spec("myst_parser") is None,
                    reason="Sphinx and myst-parser are not installed (pip install '.[docs]'); .ci/run builds the site")
def test_site_builds_without_warnings(tmp_path):
    cmd = [sys.executable, "-m", "sphinx", "-E", "-W", "--keep-going", "-q", "-b", "html", str(DOCS),
           str(tmp_path / "site"), "-d", str(tmp_path / "doctrees")]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    assert res.returncode == 0, res.stderr[-5000:]
    html = (tmp_path / "site" / "catalogue.html").read_text(encoding="utf-8")
    assert 'id="g3"' in html
    assert (tmp_path / "site" / "papers" / "ggjkk2020.html").exists()
    shutil.rmtree(tmp_path / "site", ignore_errors=True)
