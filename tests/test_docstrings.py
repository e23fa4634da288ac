"""Every public name has a numpydoc docstring (issue 13, item 3).

Public: no leading underscore, in a module without a leading underscore, defined in that module; classes
and their public methods and properties.  The rule: a docstring; a ``Parameters`` section when the callable
takes parameters (for a class, on the class or its ``__init__``); a ``Returns``/``Yields`` section unless
the function is annotated ``-> None``; an ``Examples`` section for every name of ``hardverify.__all__``.
numpydoc's own parser must read every docstring without a warning (malformed sections).
"""

import importlib
import inspect
import pkgutil
import warnings

import pytest

import hardverify

numpydoc_docscrape = pytest.importorskip("numpydoc.docscrape", reason="numpydoc is in the docs extra")


def _modules():
    for m in pkgutil.walk_packages(hardverify.__path__, "hardverify."):
        if not any(p.startswith("_") for p in m.name.split(".")[1:]):
            yield importlib.import_module(m.name)


def _public():
    seen = set()
    for mod in _modules():
        for name, obj in vars(mod).items():
            if name.startswith("_") or getattr(obj, "__module__", None) != mod.__name__:
                continue
            if not (inspect.isfunction(obj) or inspect.isclass(obj)) or id(obj) in seen:
                continue
            seen.add(id(obj))
            yield f"{mod.__name__}.{name}", obj
            if inspect.isclass(obj):
                for mname, meth in vars(obj).items():
                    if mname.startswith("_"):
                        continue
                    f = meth.fget if isinstance(meth, property) else getattr(meth, "__func__", meth)
                    if inspect.isfunction(f):
                        yield f"{mod.__name__}.{name}.{mname}", f


def _params(obj):
    try:
        sig = inspect.signature(obj)
    except (TypeError, ValueError):
        return []
    return [p for p in sig.parameters if p not in ("self", "cls")]


def _problems(qual, obj):
    doc = inspect.getdoc(obj) or ""
    if not doc.strip():
        return ["no docstring"]
    out = []
    has_params = "Parameters\n----------" in doc
    if inspect.isclass(obj):
        has_params = has_params or "Parameters\n----------" in (inspect.getdoc(obj.__init__) or "")
    if _params(obj) and not has_params:
        out.append("no Parameters section")
    if inspect.isfunction(obj):
        ret = inspect.signature(obj).return_annotation
        if ret not in (None, "None") and "Returns\n-------" not in doc and "Yields\n------" not in doc:
            out.append("no Returns section (annotate -> None if it returns nothing)")
    if any(getattr(hardverify, nm, None) is obj for nm in hardverify.__all__) and ">>>" not in doc:
        out.append("no Examples section")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            numpydoc_docscrape.NumpyDocString(doc)
        except Exception as exc:                     # noqa: BLE001 - numpydoc raises ValueError/UserWarning
            out.append(f"numpydoc cannot parse it: {exc}")
    return out


PUBLIC = list(_public())


def test_there_are_public_names():
    assert len(PUBLIC) > 400


def test_every_public_name_has_a_numpydoc_docstring():
    bad = [f"{q}: {'; '.join(p)}" for q, o in PUBLIC for p in [_problems(q, o)] if p]
    assert not bad, f"{len(bad)} of {len(PUBLIC)} public names lack numpydoc sections:\n" + "\n".join(bad[:60])


def test_the_rule_catches_a_bare_function():
    def f(x):
        """One line."""
    assert _problems("m.f", f) == ["no Parameters section", "no Returns section (annotate -> None if it returns nothing)"]
