"""The uncertainty layer reaches scipy only when it draws (issue 15: validate starts fast).

Checking a scenario's ranges passes a distribution whose declared range lies within the
parameter's bounds without drawing from it; that shortcut is exact only because every draw lies
in the declared range, up to the rounding of the inverse CDF (a few units in the last place: a
triangular range starting at a parameter's minimum used to be refused for a draw one ulp below
it) — checked here for each bounded family at the sampler's extreme uniforms.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy import special

import simulator.uncertainty as uncertainty
from simulator.uncertainty.distributions import Z90, Pert, Triangular, TruncNormal, Uniform
from simulator.uncertainty.sampling import U_MIN

EXTREMES = np.array([U_MIN, 1.0 - U_MIN])


def within(low: float, x: float, high: float, ulps: int = 4) -> bool:
    """low ≤ x ≤ high up to ``ulps`` units in the last place of the larger end (the inverse CDF
    computes low + (high − low) × fraction: its rounding scales with the range)."""
    tol = ulps * np.spacing(max(abs(low), abs(high)))
    return low - tol <= x <= high + tol


def test_z90_literal_is_the_normal_90th_percentile():
    assert Z90 == float(special.ndtri(0.9))


def test_the_package_still_exports_every_public_name_lazily():
    for name in uncertainty.__all__:
        assert getattr(uncertainty, name) is not None, name
    with pytest.raises(AttributeError):
        uncertainty.not_a_name  # noqa: B018


#: Parameter-sized numbers: squares of subnormal widths lose their precision, no parameter has them.
ends = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False).filter(lambda x: x == 0 or abs(x) > 1e-9)


@settings(max_examples=300, deadline=None)
@given(a=ends, b=ends, m=st.floats(0, 1), lamb=st.floats(0.5, 10))
def test_extreme_draws_stay_in_the_declared_range(a, b, m, lamb):
    low, high = min(a, b), max(a, b)
    assume(high - low == 0 or high - low > 1e-9)
    mode = min(max(low + m * (high - low), low), high)  # rounding may step past an end
    for dist in (Uniform(low, high), Triangular(low, mode, high), Pert(low, mode, high, lamb)):
        lo, hi = dist.ppf(EXTREMES)
        assert lo <= hi and within(low, lo, high) and within(low, hi, high), dist


@settings(max_examples=100, deadline=None)
@given(mu=st.floats(-100, 100), sigma=st.floats(0.01, 50), w=st.floats(0.1, 5))
def test_truncated_normal_extreme_draws_stay_in_its_cut(mu, sigma, w):
    dist = TruncNormal(mu, sigma, mu - w * sigma, mu + 2 * w * sigma)
    lo, hi = dist.ppf(EXTREMES)
    assert lo <= hi and within(dist.low, lo, dist.high) and within(dist.low, hi, dist.high)
