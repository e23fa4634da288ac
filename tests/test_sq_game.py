"""The CSQ game (hardverify.sq.game): counts never exceed the proved G7 bound; seeded and repeatable."""

import itertools

import pytest

import hardverify as hv
from hardverify.constructions.goel2020 import GGJKK
from hardverify.errors import DomainError, ResourceLimit
from hardverify.sq.game import csq_game, cube_game
from hardverify.verdict import Status


@pytest.mark.parametrize("k, n, tau", [(2, 6, "1/4"), (4, 8, "1/4"), (2, 5, "1/2")])
def test_cube_game_below_bound(k, n, tau):
    r = cube_game(GGJKK(k), n, tau, queries=200, seed=k + n)
    assert r.verdict.status is Status.PROVED and r.max_count < r.bound
    assert len(r.counts) == 200 and r.members == len(list(itertools.combinations(range(n), k)))


def test_cube_game_is_seeded():
    a, b = cube_game(GGJKK(2), 5, "1/3", queries=50, seed=7), cube_game(GGJKK(2), 5, "1/3", queries=50, seed=7)
    assert a.counts == b.counts
    assert any(c > 0 for c in a.counts)      # the game is not vacuous: some queries rule out targets


def test_cube_game_bound_is_tight_enough():
    # h = χ_S itself (|h| ≤ 1) has ⟨h, f_S⟩ = f_S(1) = √2 > τ for one S only: the count can reach 1;
    # the Bessel bound for k = 2 on the cube is ‖f‖²/τ² = 2/τ²
    r = cube_game(GGJKK(2), 4, "1/2", queries=10, seed=0)
    assert r.bound == 8


def test_gaussian_game_certified():
    fam = GGJKK(2).family(4)
    mem = [fam.member(S) for S in itertools.combinations(range(1, 5), 2)]
    r = csq_game(mem, hv.Gaussian(4), "1/2", queries=12, seed=3, structured=3)
    assert r.verdict.status is Status.CERTIFIED and r.max_count < r.bound
    assert max(r.counts[-3:]) >= 1           # the structured queries (sums of members) rule out targets


def test_game_bad_input():
    with pytest.raises(ResourceLimit, match="2\\^n"):
        cube_game(GGJKK(2), 30, "1/2")
    with pytest.raises(DomainError, match="k = 4 > n = 3"):
        cube_game(GGJKK(4), 3, "1/2")
    with pytest.raises(DomainError, match="no game"):
        cube_game(GGJKK(3), 4, "1/2")          # ReLU k = 3: f_S ≡ 0
    with pytest.raises(DomainError, match="queries"):
        cube_game(GGJKK(2), 4, "1/2", queries=0)
    with pytest.raises(DomainError, match="tau"):
        cube_game(GGJKK(2), 4, 2)
    with pytest.raises(DomainError, match="Networks"):
        csq_game([], hv.Gaussian(2), "1/2")
