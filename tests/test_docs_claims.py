"""docs/claims.md (the SPEC ID → code map) is generated from the proof scripts and must stay in sync."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_claim_map_is_up_to_date():
    spec = importlib.util.spec_from_file_location("generate_claims", ROOT / "docs" / "generate_claims.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    current = (ROOT / "docs" / "claims.md").read_text(encoding="utf-8")
    assert current == gen.render(), "docs/claims.md is stale: run `python docs/generate_claims.py > docs/claims.md`"


def test_every_mapped_module_exists():
    spec = importlib.util.spec_from_file_location("generate_claims", ROOT / "docs" / "generate_claims.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    for paths in gen.CODE.values():
        for p in paths:
            assert (ROOT / p).exists(), p
