"""The claims catalogue (hardverify/catalogue): complete, honest about what is checked, in sync with the
proof scripts, and shipped with the package."""

import importlib.util
import json
import re
import tomllib
from pathlib import Path

import pytest

from hardverify import catalogue
from hardverify.catalogue import render
from hardverify.errors import DomainError
from hardverify.proofs import load

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "hardverify" / "catalogue"

# The IDs the catalogue must cover (issue 13, item 2): the claims hardverify checks, the reference vectors
# of the reference table, and slots for the claims other parts of the project are implementing.
REQUIRED = ([f"H{i}" for i in range(1, 7)] + [f"F{i}" for i in range(1, 6)] + [f"G{i}" for i in range(1, 10)]
            + ["D0", "D1", "D2"] + [f"Q{i}" for i in range(1, 6)] + [f"W{i}" for i in range(1, 6)]
            + [f"C{i}" for i in range(1, 9)]
            + [f"V{i}" for i in range(1, 13)] + ["V10b", "V10c", "V10d", "V15", "V20", "V21"])
FIELDS = {"id", "paper", "title", "status", "statement", "normalisation", "source", "checks", "parameters",
          "negative_controls", "unconfirmed", "corrections"}


def _generator():
    spec = importlib.util.spec_from_file_location("generate_catalogue", ROOT / "docs" / "generate_catalogue.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    return gen


@pytest.fixture(scope="module")
def proof_claims():
    return load([ROOT / "proofs"])


def test_required_ids_present():
    assert set(REQUIRED) <= set(catalogue.ids())


def test_every_entry_is_well_formed():
    for cid in catalogue.ids():
        e = catalogue.entry(cid)
        assert FIELDS <= set(e), cid
        assert e["id"] == cid and e["status"] in catalogue.STATUSES and e["paper"] in catalogue.PAPER_ORDER
        assert all(c["kind"] in catalogue.KINDS and c["what"] for c in e["checks"]), cid
        if e["status"] == "checked":
            assert e["statement"] and e["source"] and e["checks"] and e["parameters"] and e["unconfirmed"], cid
        else:                                    # anything not checked says why, and claims no checks
            assert e["unconfirmed"] and not e["checks"], cid


def test_every_claim_id_in_proofs_has_an_entry(proof_claims):
    used = {c.id for c in proof_claims}
    assert used, "no claims loaded from proofs/"
    for cid in used:
        for member in catalogue.expand(cid):     # raises DomainError when an ID has no entry
            assert catalogue.entry(member)["status"] == "checked", (cid, member)


def test_checked_means_checked_by_a_proof_script(proof_claims):
    # "checked" entries of the claim families are exactly the IDs proofs/ uses
    used = {m for c in proof_claims for m in catalogue.expand(c.id)}
    for cid in catalogue.ids():
        e = catalogue.entry(cid)
        if e["paper"] != "reference":
            assert (e["status"] == "checked") == (cid in used), cid
            continue
        # a reference vector is checked by a proof claim whose ID covers it or whose title/source names it
        mention = re.compile(rf"\b{cid}(?![0-9a-z])")
        covering = [c for c in proof_claims if c.id == e["proof_claim"]
                    and (cid in catalogue.expand(c.id) or mention.search(c.title + " " + c.source))]
        assert (e["status"] == "checked") == bool(covering), cid


def test_controls_are_recorded(proof_claims):
    # a claim family with a negative control in proofs/ says so in its entry
    for c in proof_claims:
        if c.control:
            assert catalogue.entry(c.id)["negative_controls"], c.id


def test_known_corrections_are_recorded():
    # README and docs/trust.md list these; the catalogue states each beside its claim
    assert "0.18117128471160325456" in catalogue.entry("G1")["corrections"]
    assert "893020" in catalogue.entry("V12")["corrections"] and "893024" in catalogue.entry("V12")["corrections"]
    assert "CSQ" in catalogue.entry("D0")["corrections"]
    assert "Lemma 18" in catalogue.entry("D1")["corrections"]


def test_sq_and_lzz_corrections_are_recorded():
    # found by the SQ engine and the LZZ work (docs/sq.md, docs/li_zadik_zampetakis2024.md, proofs/)
    assert "πγ²(1 − |ρ|)" in catalogue.entry("C4")["corrections"]
    assert "every" in catalogue.entry("Q5")["corrections"] and "some" in catalogue.entry("Q5")["corrections"]
    assert "γ′" in catalogue.entry("Q3")["corrections"]
    assert "adversarial" in catalogue.entry("C7")["corrections"]
    assert "factor 2" in catalogue.entry("G7")["unconfirmed"]


def test_generated_markdown_is_up_to_date():
    for path, text in _generator().outputs().items():
        assert path.exists(), f"{path} missing: run `python docs/generate_catalogue.py`"
        assert path.read_text(encoding="utf-8") == text, f"{path} is stale: run `python docs/generate_catalogue.py`"


def test_markdown_anchors_and_links_resolve():
    text = (PKG / "claims.md").read_text(encoding="utf-8")
    headings = set(re.findall(r"^### (\S+)$", text, flags=re.M))
    assert headings == set(catalogue.ids())
    for target in re.findall(r"\]\(#([a-z0-9]+)\)", text):
        assert target in {h.lower() for h in headings}, target
    for page in (ROOT / "docs" / "papers").glob("*.md"):
        for target in re.findall(r"\]\(\.\./catalogue\.md#([a-z0-9]+)\)", page.read_text(encoding="utf-8")):
            assert target in {h.lower() for h in headings}, (page.name, target)


def test_claim_map_ids_have_entries():
    text = (ROOT / "docs" / "claims.md").read_text(encoding="utf-8")
    ids = re.findall(r"^\| \[([A-Z0-9a-z-]+)\]\(catalogue\.md#([a-z0-9]+)\)", text, flags=re.M)
    assert ids
    for cid, anchor in ids:
        assert catalogue.anchor(cid) == anchor


def test_json_is_the_source():
    data = json.loads((PKG / "claims.json").read_text(encoding="utf-8"))
    assert data["version"] == 1 and set(data["claims"]) == set(catalogue.ids())
    assert list(data["papers"]) and set(data["papers"]) == set(catalogue.PAPER_ORDER)


def test_entry_is_a_copy():
    e = catalogue.entry("G3")
    e["checks"].clear()
    assert catalogue.entry("G3")["checks"]


def test_expand_ranges():
    assert catalogue.expand("V1-V8") == [f"V{i}" for i in range(1, 9)]
    assert catalogue.expand("V10b") == ["V10b"]
    assert catalogue.entry("V1-V8")["id"] == "V1"


@pytest.mark.parametrize("bad", ["G99", "V13", "g3", "G", "V8-V1", "V1-H3", "", "G3 ", "V1-V99"])
def test_unknown_ids_raise(bad):
    with pytest.raises(DomainError, match="claim|catalogue"):
        catalogue.entry(bad)


@pytest.mark.parametrize("bad", [3, None, ("G3",)])
def test_non_string_ids_raise(bad):
    with pytest.raises(DomainError, match="string"):
        catalogue.expand(bad)


def test_unknown_paper_raises():
    with pytest.raises(DomainError, match="allowed: hermite"):
        catalogue.ids("goel")
    with pytest.raises(DomainError, match="allowed: hermite"):
        catalogue.paper("goel")


def test_url():
    assert catalogue.url("G3", base="https://example.org/site/") == "https://example.org/site/catalogue.html#g3"
    assert catalogue.url("V1-V8", base="site") == "site/catalogue.html#v1"
    local = catalogue.url("F4")
    assert local.startswith("file://") and local.endswith("/claims.md#f4")
    with pytest.raises(DomainError, match="base"):
        catalogue.url("G3", base=3)


def test_escape():
    assert render.escape("a*b") == "a\\*b"
    assert render.escape("|t|", table=True) == "\\|t\\|"
    assert render.escape("|t|") == "|t|"
    assert render.escape("[x](y)") == "\\[x](y)"


def test_catalogue_ships_with_the_package():
    cfg = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert set(cfg["tool"]["setuptools"]["package-data"]["hardverify.catalogue"]) >= {"claims.json", "claims.md"}
