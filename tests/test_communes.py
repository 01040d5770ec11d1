"""The commune border data: complete, symmetric, and the ones a Bruxellois would name."""

import numpy as np

from simulator.communes import adjacency, commune_label, neighbours
from simulator.org_schema import COMMUNES


def test_every_commune_listed_with_french_and_dutch_names():
    for code in COMMUNES:
        assert commune_label(code, "fr") and commune_label(code, "nl")
    assert commune_label("ixelles", "nl") == "Elsene"
    assert commune_label("molenbeek", "fr") == "Molenbeek-Saint-Jean"


def test_borders_are_symmetric_and_connected():
    a = adjacency()
    assert a.shape == (19, 19)
    assert np.array_equal(a, a.T)
    assert a.diagonal().all()
    reach = a.astype(int)
    for _ in range(19):  # the Region is one piece of land
        reach = np.minimum(reach @ a.astype(int), 1)
    assert reach.all()


def test_known_borders():
    assert "schaerbeek" in neighbours("saint_josse")
    assert "uccle" not in neighbours("jette")
    assert neighbours("unknown") == frozenset()
    assert all(n in COMMUNES for c in COMMUNES for n in neighbours(c))
