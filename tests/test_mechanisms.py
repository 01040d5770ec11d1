"""Unit tests of the pure mechanism functions (simulator/mechanisms), on small hand-computed arrays.

Every expected value is written out with its arithmetic so a reviewer can check it by hand.
Shapes follow the mechanisms' contract: members' data (n, K), masks (B, n, K), parameters
(B, 1, 1) or (B, 1, K).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.catalogue import vehicles
from simulator.mechanisms import cashflow, coordination, coverage, fixed_shared, labour, premises, purchasing
from simulator.mechanisms.funding import funding_flows
from simulator.mechanisms.vat import assess, vat_and_margin
from simulator.scenario import Funding

NAN = np.nan
PROPS = settings(max_examples=50, deadline=None)


def p3(x):
    """A scalar parameter as a (B=1, 1, 1) array."""
    return np.full((1, 1, 1), float(x))


def col(*values):
    """Members' values of one function as an (n, 1) array."""
    return np.array(values, dtype=float)[:, None]


def mask_of(*flags):
    """A (1, n, 1) pooling mask."""
    return np.array(flags, dtype=bool)[None, :, None]


# --- labour (MODEL.md §3.1) ---------------------------------------------------------------------

class TestLabour:
    def test_pooled_workload_hand_value(self):
        # W = (0.2^1.25 + 0.3^1.25 + 0.5^1.25)^0.8 = (0.133748 + 0.222008 + 0.420448)^0.8
        #   = 0.776204^0.8 = 0.816560
        W = labour.pooled_workload(col(0.2, 0.3, 0.5), mask_of(1, 1, 1), p3(0.8))
        assert W.shape == (1, 1)
        assert W[0, 0] == pytest.approx(0.816560, abs=1e-6)

    def test_pooled_workload_square_root_law(self):
        # b = 0.5: W = (1² + 1²)^0.5 = √2
        W = labour.pooled_workload(col(1.0, 1.0), mask_of(1, 1), p3(0.5))
        assert W[0, 0] == pytest.approx(math.sqrt(2), rel=1e-12)

    def test_unpooled_members_do_not_count(self):
        # only the first two pool: W = (0.4^2 + 0.3^2)^0.5 = 0.25^0.5 = 0.5
        W = labour.pooled_workload(col(0.4, 0.3, 5.0), mask_of(1, 1, 0), p3(0.5))
        assert W[0, 0] == pytest.approx(0.5, rel=1e-12)

    @pytest.mark.parametrize("n", [2, 3, 5, 10])
    @pytest.mark.parametrize("b", [0.5, 0.65, 0.85, 1.0])
    def test_identical_members_follow_n_to_b_minus_1(self, n, b):
        # n identical w: W = (n·w^(1/b))^b = n^b·w, so W/Σw = n^b·w/(n·w) = n^(b−1)  (MODEL.md §6)
        w = 0.37
        W = labour.pooled_workload(col(*[w] * n), mask_of(*[1] * n), p3(b))
        assert W[0, 0] / (n * w) == pytest.approx(n ** (b - 1), rel=1e-12)

    def test_identical_members_known_value(self):
        # 4 members, b = 0.85: 4^(−0.15) = exp(−0.15 · ln 4) = exp(−0.207944) = 0.812252
        W = labour.pooled_workload(col(0.5, 0.5, 0.5, 0.5), mask_of(1, 1, 1, 1), p3(0.85))
        assert W[0, 0] / 2.0 == pytest.approx(0.812252, abs=1e-6)

    def test_small_b_tends_to_the_largest_need(self):
        # b = 0.05: W = 0.7 · (1 + (3/7)^20 + (5/7)^20)^0.05 = 0.7 · 1.0012^0.05 ≈ 0.700042
        W = labour.pooled_workload(col(0.3, 0.7, 0.5), mask_of(1, 1, 1), p3(0.05))
        assert W[0, 0] == pytest.approx(0.700042, abs=1e-6)
        assert abs(W[0, 0] - 0.7) < 1e-4

    def test_b_one_is_additive(self):
        W = labour.pooled_workload(col(0.3, 0.7, 0.5), mask_of(1, 1, 1), p3(1.0))
        assert W[0, 0] == pytest.approx(1.5, rel=1e-12)

    @PROPS
    @given(w=st.lists(st.floats(0.01, 5.0), min_size=1, max_size=8), b=st.floats(0.05, 1.0))
    def test_pooled_workload_between_max_and_sum(self, w, b):
        W = labour.pooled_workload(col(*w), mask_of(*[1] * len(w)), p3(b))[0, 0]
        assert max(w) * (1 - 1e-9) <= W <= sum(w) * (1 + 1e-9)

    def test_round_to_posts(self):
        g = 0.2
        # 0 → 0; 0.1 → 0.2; 0.2 → 0.2 (exact multiple: no extra post); 0.25 → 0.4; 0.6 → 0.6
        W = np.array([0.0, 0.1, 0.2, 0.25, 0.6])
        assert labour.round_to_posts(W, g) == pytest.approx([0.0, 0.2, 0.2, 0.4, 0.6], abs=1e-12)

    def test_round_to_posts_float_noise_is_not_a_new_post(self):
        # W/g = 3.0000000001 is floating-point noise around 3 posts, not 4
        g = 0.2
        assert labour.round_to_posts(np.array([3.0000000001 * g]), g)[0] == pytest.approx(0.6, abs=1e-12)
        # but a real excess (W/g = 3.00001) opens a fourth post: 4 × 0.2 = 0.8
        assert labour.round_to_posts(np.array([3.00001 * g]), g)[0] == pytest.approx(0.8, abs=1e-12)

    def test_round_to_posts_g_zero_means_no_rounding(self):
        W = np.array([0.0, 0.123, 1.7])
        np.testing.assert_array_equal(labour.round_to_posts(W, np.zeros(3)), W)

    @PROPS
    @given(W=st.floats(0.0, 20.0), g=st.sampled_from([0.1, 0.2, 0.25, 0.5, 1.0]))
    def test_round_to_posts_is_the_next_multiple(self, W, g):
        posts = float(labour.round_to_posts(np.array([W]), g)[0])
        assert posts >= W - 1e-8 * max(W, 1.0)
        assert posts < W + g + 1e-9
        assert posts / g == pytest.approx(round(posts / g), abs=1e-9)

    def test_standalone_cost_declared_hidden_external(self):
        d = labour.LabourData(fte=col(0.2, 0.5), cost_eur=col(12_000, NAN), external_eur=col(3_400, NAN),
                              hidden_hours_week=col(1.5, 2.0), hidden_hourly_eur=col(36, NAN))
        sa = labour.standalone_cost(d, grade_cost=62_662.272, hours_week=38, weeks=46, hidden_rate_default=40,
                                    value_hidden=True)
        # hidden hours valued as cash (a scenario's opt-in, MODEL.md §8.2)
        # member 1: declared 12 000 + hidden 1.5 h × 46 wk × 36 €/h = 2 484 + external 3 400 = 17 884
        # member 2: estimate 0.5 FTE × 62 662.272 = 31 331.136 + hidden 2 × 46 × 40 (default) = 3 680 → 35 011.136
        assert sa[:, 0] == pytest.approx([17_884.0, 35_011.136], rel=1e-12)
        # default: cash only — 12 000 + 3 400 = 15 400 and 31 331.136
        cash = labour.standalone_cost(d, grade_cost=62_662.272, hours_week=38, weeks=46, hidden_rate_default=40)
        assert cash[:, 0] == pytest.approx([15_400.0, 31_331.136], rel=1e-12)

    def test_workload_counts_all_work_done_today(self):
        gc = 50_000.0
        d = labour.LabourData(fte=col(0.2, 0.2), cost_eur=col(NAN, NAN),
                              external_eur=col(gc * 1.1 * 1.21 * 0.25, gc * 1.1 * 0.25),
                              hidden_hours_week=col(3.8, 3.8), hidden_hourly_eur=col(NAN, NAN))
        # exempt member pays provider price gc × 1.1 (margin) × 1.21 (VAT it cannot recover):
        # w = 0.2 FTE + 3.8 h / 38 h = 0.1 + 0.25 × price / price = 0.25 → 0.55 ; the VAT-registered
        # member's fees carry no unrecoverable VAT: price gc × 1.1 → also 0.55
        w = labour.workload(d, gc, 38.0, 0.1, 0.21, np.array([[True], [False]]))
        assert w[:, 0] == pytest.approx([0.55, 0.55], rel=1e-12)

    def _pooled(self, fte, standalone, **kw):
        args = dict(grade_cost=p3(50_000), b=p3(0.5), g=p3(0.2), span=p3(8), manager_cost=p3(80_000),
                    uplift=np.array([[0.04]]))
        args.update(kw)
        mask = mask_of(*[1] * len(fte))
        return labour.pooled_labour(col(*fte), col(*standalone), mask, **args)

    def test_pooled_labour_hand_value(self):
        # two members at grade (0.5 FTE × 50 000 = 25 000 each), b = 0.5:
        # W = (0.5² + 0.5²)^0.5 = 0.707107; posts ⌈0.707107/0.2⌉ × 0.2 = 4 × 0.2 = 0.8
        # repricing   = 1.0 × 50 000 − 50 000                 = 0
        # scale_gains = (0.707107 − 1.0) × 50 000              = −14 644.66
        # rounding    = (0.8 − 0.707107) × 50 000              = +4 644.66
        # management  = 0.8 / 8 × 80 000                       = 8 000
        # pay harm.   = 0.8 × 50 000 × 0.04                    = 1 600
        # pooled      = 50 000 − 14 644.66 + 4 644.66 + 8 000 + 1 600 = 49 600
        pooled, posts, comps = self._pooled([0.5, 0.5], [25_000, 25_000])
        assert pooled[0, 0] == pytest.approx(49_600.0, rel=1e-12)
        assert posts[0, 0] == pytest.approx(0.8, rel=1e-12)
        assert comps["repricing"][0, 0] == pytest.approx(0.0, abs=1e-9)
        assert comps["scale_gains"][0, 0] == pytest.approx(-14_644.66, abs=0.01)
        assert comps["post_rounding"][0, 0] == pytest.approx(4_644.66, abs=0.01)
        assert comps["management"][0, 0] == pytest.approx(8_000.0, rel=1e-12)
        assert comps["pay_harmonisation"][0, 0] == pytest.approx(1_600.0, rel=1e-12)

    def test_repricing_is_what_members_pay_above_grade(self):
        # members pay 30 000 and 20 000 for 0.5 FTE each: at grade that work costs 50 000 → 0;
        # paying 60 000 + 20 000 = 80 000 → repricing = 50 000 − 80 000 = −30 000
        _, _, comps = self._pooled([0.5, 0.5], [30_000, 20_000])
        assert comps["repricing"][0, 0] == pytest.approx(0.0, abs=1e-9)
        _, _, comps = self._pooled([0.5, 0.5], [60_000, 20_000])
        assert comps["repricing"][0, 0] == pytest.approx(-30_000.0, rel=1e-12)

    @PROPS
    @given(fte=st.lists(st.floats(0.0, 3.0), min_size=2, max_size=6), cost=st.floats(0, 200_000),
           b=st.floats(0.05, 1.0), g=st.sampled_from([0.0, 0.1, 0.2, 0.5]), span=st.floats(1, 100),
           uplift=st.floats(0, 0.5))
    def test_pooled_labour_components_sum_to_pooled_minus_baseline(self, fte, cost, b, g, span, uplift):
        standalone = [cost * (i + 1) / len(fte) for i in range(len(fte))]
        pooled, _, comps = self._pooled(fte, standalone, b=p3(b), g=p3(g), span=p3(span),
                                        uplift=np.array([[uplift]]))
        assert sum(c[0, 0] for c in comps.values()) == pytest.approx(pooled[0, 0] - sum(standalone),
                                                                      rel=1e-9, abs=1e-6)


# --- coverage (MODEL.md §3.2) -------------------------------------------------------------------

DESK = dict(full_time_hours=p3(40), cover=p3(1.0), threshold=p3(150), extra_per_100=p3(0.25))


class TestCoverage:
    def test_desk_fte(self):
        # 38 h / 38 h × 1.15 + (250 − 150) / 100 × 0.25 = 1.15 + 0.25 = 1.4
        fte = coverage.desk_fte(np.array([38.0, 19.0, NAN]), np.array([250.0, 100.0, NAN]),
                                full_time_hours=38, cover=1.15, threshold=150, extra_per_100=0.25)
        # 19 h → 0.5 × 1.15 = 0.575 (under the threshold: no extra); NaN hours → 0
        assert fte == pytest.approx([1.4, 0.575, 0.0], rel=1e-12)

    def test_colocated_members_share_the_longest_desk(self):
        hours, visitors = col(40, 20, 30), col(100, 80, 0)
        standalone = col(50_000, 25_000, 37_500)
        site_onehot = np.array([[1.0], [1.0], [0.0]])  # A and B at site 0, C has no site
        pooled, comps = coverage.pooled_coverage(hours, visitors, standalone, mask_of(1, 1, 1), site_onehot,
                                                 grade_cost=p3(50_000), **DESK)
        # shared desk: longest hours 40 / 40 × 1.0 = 1 FTE + (100 + 80 − 150) / 100 × 0.25 = 0.075
        #   → 1.075 × 50 000 = 53 750; C keeps its own desk 37 500 → pooled 91 250
        # baseline 50 000 + 25 000 + 37 500 = 112 500 → reception_sharing = −21 250
        assert pooled[0, 0] == pytest.approx(91_250.0, rel=1e-12)
        assert comps["reception_sharing"][0, 0] == pytest.approx(-21_250.0, rel=1e-12)

    def test_alone_at_a_site_or_no_sites_keeps_its_desk(self):
        hours, visitors, standalone = col(40, 20), col(0, 0), col(50_000, 25_000)
        two_sites = np.array([[1.0, 0.0], [0.0, 1.0]])
        pooled, comps = coverage.pooled_coverage(hours, visitors, standalone, mask_of(1, 1), two_sites,
                                                 grade_cost=p3(50_000), **DESK)
        assert pooled[0, 0] == pytest.approx(75_000.0)
        assert comps["reception_sharing"][0, 0] == 0.0
        pooled, _ = coverage.pooled_coverage(hours, visitors, standalone, mask_of(1, 1), np.zeros((2, 0)),
                                             grade_cost=p3(50_000), **DESK)
        assert pooled[0, 0] == pytest.approx(75_000.0)


# --- purchasing (MODEL.md §3.3) -------------------------------------------------------------------

PRICE_KW = dict(elasticity=0.05, cap=0.15, reference=10_000.0)


class TestPurchasing:
    def test_unit_price(self):
        V = np.array([5_000.0, 10_000.0, 40_000.0, 1e10])
        # below / at V_ref: 1; V/V_ref = 4: 4^(−0.05) = 0.933033; V/V_ref = 1e6: 1e6^(−0.05) = 0.501
        # is below the floor 1 − 0.15 = 0.85
        assert purchasing.unit_price(V, **PRICE_KW) == pytest.approx([1.0, 1.0, 0.933033, 0.85], abs=1e-6)

    def test_unit_price_floor_binds_with_small_cap(self):
        # 4^(−0.05) = 0.933 < 1 − 0.05 = 0.95 → 0.95
        assert purchasing.unit_price(40_000.0, elasticity=0.05, cap=0.05, reference=10_000.0) == pytest.approx(0.95)

    @PROPS
    @given(v1=st.floats(0, 1e8), v2=st.floats(0, 1e8), e=st.floats(0, 0.5), cap=st.floats(0, 0.9))
    def test_unit_price_bounded_and_non_increasing(self, v1, v2, e, cap):
        lo, hi = sorted([v1, v2])
        p_lo = purchasing.unit_price(lo, elasticity=e, cap=cap, reference=10_000.0)
        p_hi = purchasing.unit_price(hi, elasticity=e, cap=cap, reference=10_000.0)
        assert 1 - cap - 1e-12 <= p_hi <= p_lo <= 1.0 + 1e-12

    def _pool(self, spend, ca):
        return purchasing.pooled_purchasing(
            col(*spend), mask_of(*[1] * len(spend)), np.array(ca, dtype=bool)[:, None],
            elasticity=p3(0.05), cap=p3(0.15), reference=p3(10_000), tender_cost=p3(4_000),
            tenders_per_year=p3(0.25), buyer_fte_base=p3(0.1), buyer_fte_per_meur=p3(0.3),
            manager_cost=p3(80_000), platform_cost=p3(2_000))

    def test_member_saving_and_central_cost(self):
        pooled, central, comps = self._pool([20_000, 20_000], [True, True])
        # each alone: p(20 000) = 2^(−0.05) = 0.965936; together p(40 000) = 4^(−0.05) = 0.933033
        # each saves 20 000 × (1 − 0.933033 / 0.965936) = 20 000 × (1 − 2^(−0.05)) = 681.27 → −1 362.55
        assert comps["purchasing_discounts"][0, 0] == pytest.approx(-2 * 681.2734, abs=1e-3)
        # both are contracting authorities: 2 × 0.25 × 4 000 = 2 000 own tenders, the central runs
        # one set: 0.25 × 4 000 = 1 000 → avoided = −1 000
        assert comps["avoided_tenders"][0, 0] == pytest.approx(-1_000.0)
        # central: (0.1 + 0.3 × 0.04 M€) FTE = 0.112 × 80 000 = 8 960 + platform 2 000 = 10 960
        assert comps["purchasing_central"][0, 0] == pytest.approx(10_960.0)
        assert central[0, 0] == pytest.approx(10_960.0)
        # pooled = goods 40 000 − 1 362.55 + central tenders 1 000 + central 10 960
        assert pooled[0, 0] == pytest.approx(40_000 - 1_362.5469 + 1_000 + 10_960, abs=1e-3)

    def test_each_member_saves_relative_to_its_own_price(self):
        _, _, comps = self._pool([5_000, 35_000], [False, False])
        # V_pool = 40 000 → p = 4^(−0.05) = 0.933033
        # small member (below V_ref, p = 1): 5 000 × (1 − 0.933033) = 334.835
        # large member p(35 000) = 3.5^(−0.05) = 0.939283: 35 000 × (1 − 0.933033/0.939283) = 232.902
        assert comps["purchasing_discounts"][0, 0] == pytest.approx(-(334.835 + 232.902), abs=1e-3)

    def test_no_avoided_tenders_without_contracting_authorities(self):
        _, _, comps = self._pool([20_000, 20_000], [False, False])
        assert comps["avoided_tenders"][0, 0] == 0.0
        # one contracting authority: its own 1 000 is replaced by the central's 1 000 → 0
        _, _, comps = self._pool([20_000, 20_000], [True, False])
        assert comps["avoided_tenders"][0, 0] == pytest.approx(0.0)

    def test_standalone_cost_adds_own_tenders(self):
        # 12 000 + 0.25 × 4 000 = 13 000 for a contracting authority
        sa = purchasing.standalone_cost(col(12_000, NAN), np.array([[True], [False]]), tender_cost=4_000,
                                        tenders_per_year=0.25)
        assert sa[:, 0] == pytest.approx([13_000.0, 0.0])


# --- fixed-shared (MODEL.md §3.4) -------------------------------------------------------------------

LICENCE_KW = dict(fixed=p3(2_500), per_user=p3(200), tier_users=p3(50), tier_step=p3(0.5))


class TestFixedShared:
    def _pool(self, users):
        u = col(*users)
        sa = fixed_shared.standalone_cost(u, col(*[NAN] * len(users)), fixed=2_500, per_user=200)
        return sa, *fixed_shared.pooled_fixed_shared(u, sa, mask_of(*[1] * len(users)), **LICENCE_KW)

    def test_users_exactly_at_the_tier_no_jump(self):
        sa, pooled, comps = self._pool([30, 20])
        # U = 50 = tier: ⌈50/50⌉ − 1 = 0 jumps → 2 500 + 200 × 50 = 12 500
        # baseline (2 500 + 6 000) + (2 500 + 4 000) = 15 000 → shared_fixed = −2 500
        assert sa[:, 0] == pytest.approx([8_500.0, 6_500.0])
        assert pooled[0, 0] == pytest.approx(12_500.0)
        assert comps["shared_fixed"][0, 0] == pytest.approx(-2_500.0)

    def test_one_user_over_the_tier_one_jump(self):
        _, pooled, _ = self._pool([30, 21])
        # U = 51: ⌈51/50⌉ − 1 = 1 jump → 2 500 × (1 + 0.5) + 200 × 51 = 3 750 + 10 200 = 13 950
        assert pooled[0, 0] == pytest.approx(13_950.0)

    def test_two_jumps(self):
        _, pooled, _ = self._pool([60, 41])
        # U = 101: ⌈2.02⌉ − 1 = 2 jumps → 2 500 × 2 + 200 × 101 = 25 200
        assert pooled[0, 0] == pytest.approx(25_200.0)

    def test_declared_cost_wins(self):
        sa = fixed_shared.standalone_cost(col(10, 10), col(1_234, NAN), fixed=2_500, per_user=200)
        assert sa[:, 0] == pytest.approx([1_234.0, 4_500.0])


# --- premises (MODEL.md §3.5) ---------------------------------------------------------------------

class TestPremises:
    def test_areas_estimated_from_fte(self):
        # 10 FTE × 14 m² = 140 m²: private 70 % = 98, common 30 % = 42; declared areas win
        priv, comm = premises.areas(col(NAN, 80), col(NAN, 20), col(10, 10), m2_per_fte=14, common_share=0.3)
        assert priv[:, 0] == pytest.approx([98.0, 80.0])
        assert comm[:, 0] == pytest.approx([42.0, 20.0])

    def test_standalone_cost(self):
        # (98 + 42) m² × (150 default rent + 35 charges) = 140 × 185 = 25 900; own rent 120: 140 × 155 = 21 700
        sa = premises.standalone_cost(col(98, 98, 98), col(42, 42, 42), col(NAN, 120, NAN), col(NAN, NAN, 9_999),
                                      default_rent=150, charges=35)
        assert sa[:, 0] == pytest.approx([25_900.0, 21_700.0, 9_999.0])

    def _pool(self, site_rent):
        priv, comm, sa = col(100, 60, 50), col(40, 40, 10), col(30_000, 20_000, 11_000)
        onehot = np.array([[1.0], [1.0], [0.0]])  # third member has no shared site
        return premises.pooled_premises(priv, comm, sa, mask_of(1, 1, 1), onehot, np.array([site_rent]),
                                        b=p3(0.5), default_rent=p3(150), charges=p3(35))

    def test_common_space_pools_and_site_rent_applies(self):
        pooled, area, moved, comps = self._pool(145.0)
        # private 100 + 60 = 160; common (40² + 40²)^0.5 = 56.5685 → 216.5685 m²
        # × (site rent 145 + charges 35) = 216.5685 × 180 = 38 982.34; third member keeps 11 000
        assert area[0, 0] == pytest.approx(216.5685, abs=1e-4)
        assert pooled[0, 0] == pytest.approx(38_982.34 + 11_000, abs=0.01)
        # baseline 30 000 + 20 000 + 11 000 = 61 000
        assert comps["premises"][0, 0] == pytest.approx(38_982.34 + 11_000 - 61_000, abs=0.01)
        assert moved[0, :, 0].tolist() == [True, True, False]

    def test_default_rent_when_site_has_none(self):
        pooled, _, _, _ = self._pool(NAN)
        # 216.5685 × (150 + 35) = 40 065.18
        assert pooled[0, 0] == pytest.approx(216.568542 * 185 + 11_000, abs=0.01)


# --- coordination (MODEL.md §3.6) ----------------------------------------------------------------

class TestCoordination:
    def test_gini_simpson(self):
        onehot = np.array([[1, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 0, 1]], dtype=float)
        part = np.array([[True, True, True, True, False]])
        # participants: a, a, b, c → shares ½, ¼, ¼ → 1 − (¼ + 1/16 + 1/16) = 0.625
        assert coordination.gini_simpson(part, onehot)[0] == pytest.approx(0.625)
        # all alike → 0
        assert coordination.gini_simpson(np.array([[True, True, False, False, False]]), onehot)[0] == 0.0

    def test_recurring_governance_service_pairwise(self):
        mask = np.zeros((1, 5, 2), dtype=bool)
        mask[0, :4, 0] = True
        mask[0, :2, 1] = True
        count, part = coordination.participation(mask)
        assert count[0].tolist() == [2, 2, 1, 1, 0]
        gov, service, pairwise = coordination.recurring(
            mask, count, part, gov_hours_month=np.array([4.0]), service_hours=np.array([16.0]),
            pair_hours=np.array([4.0]), hourly=np.array([45.0]))
        # governance: 4 h × 12 × 45 € = 2 160 per participant
        assert gov[0].tolist() == pytest.approx([2_160, 2_160, 2_160, 2_160, 0])
        # service: functions × 16 h × 45 € = 720 per function
        assert service[0].tolist() == pytest.approx([1_440, 1_440, 720, 720, 0])
        # 4 participants: 4 × 3 / 2 = 6 pairs × 4 h × 45 € = 1 080
        assert pairwise[0] == pytest.approx(1_080.0)

    @pytest.mark.parametrize("n", [0, 1, 2, 3, 7])
    def test_pairwise_is_n_choose_2(self, n):
        mask = np.ones((1, n, 1), dtype=bool)
        count, part = coordination.participation(mask)
        _, _, pairwise = coordination.recurring(mask, count, part, gov_hours_month=np.zeros(1),
                                                service_hours=np.zeros(1), pair_hours=np.ones(1),
                                                hourly=np.ones(1))
        assert pairwise[0] == n * (n - 1) / 2

    def test_locations_and_travel(self):
        site_of = np.array([0, 0, 1, -1, -1])
        mask = np.array([[[1], [1], [1], [1], [0]]], dtype=bool)
        # shared sites used {0, 1} = 2 + one participant without a site = 3 locations
        n_loc = coordination.locations(mask, site_of)
        assert n_loc[0] == 3
        # no site at all: each participant is its own location
        assert coordination.locations(mask, np.full(5, -1))[0] == 4
        # travel = (3 − 1) × 1 h/week × 46 weeks × 30 €/h = 2 760
        assert coordination.travel(n_loc, np.array([30.0]), hours_per_site=1.0, weeks=46.0)[0] == pytest.approx(2_760)
        assert coordination.travel(np.array([1]), np.array([30.0]), hours_per_site=1.0, weeks=46.0)[0] == 0

    def test_setup_cost(self):
        # 1.2 × (0.2 × 100 000 + 5 000 + 1 000) = 1.2 × 26 000 = 31 200
        assert coordination.setup_cost(100_000.0, 5_000.0, 1_000.0, share=0.2, overrun=1.2) == pytest.approx(31_200)


# --- VAT (MODEL.md §3.6) ---------------------------------------------------------------------------

VAT_IDS = ("a", "b", "c")


class TestVat:
    def _assess(self, vehicle, exempt=(True, True, True), subsectors=("medical_centre",) * 3, key="use"):
        return assess(vehicles()[vehicle], list(VAT_IDS), np.array(exempt), list(subsectors), key)

    def test_cost_sharing_holds_when_every_visible_condition_holds(self):
        a = self._assess("cost_sharing_association")
        assert (a.regime, a.exempt, a.failed) == ("cost_sharing", True, [])
        assert "not legal or tax advice" in a.notes[0]

    def test_taxable_vehicle(self):
        a = self._assess("lead_member")
        assert not a.exempt
        assert a.failed_codes == ["vehicle_not_cost_sharing"]

    def test_commercial_provider_also_charges_a_margin(self):
        assert self._assess("commercial_provider").failed_codes == ["vehicle_not_cost_sharing", "margin_charged"]

    def test_member_with_taxable_activities_does_not_break_the_exemption(self):
        # services to a taxable member fall outside §2bis, but it recovers the VAT: a note, not a failure
        a = self._assess("cost_sharing_association", exempt=(True, False, True))
        assert a.exempt and a.failed_codes == []
        assert a.notes[-1].endswith(": b")

    def test_not_public_interest(self):
        a = self._assess("employer_group", subsectors=("medical_centre", "other", "youth"))
        assert a.failed_codes == ["not_public_interest"]
        assert a.failed[0]["message"].endswith(": b")

    def test_allocation_not_cost_based(self):
        assert self._assess("cost_sharing_association", key="shapley").failed_codes == ["allocation_not_cost_based"]

    def test_letting_is_exempt(self):
        a = self._assess("colocation_lease", exempt=(False, False, False))
        assert (a.regime, a.exempt) == ("exempt", True)

    def test_vat_and_margin(self):
        # margin 10 % of 100 000 = 10 000; VAT 21 % of 110 000 = 23 100
        margin, vat = vat_and_margin(np.array([100_000.0]), taxable=True, margin_rate=0.1, vat_rate=0.21)
        assert (margin[0], vat[0]) == pytest.approx((10_000.0, 23_100.0))
        margin, vat = vat_and_margin(np.array([100_000.0]), taxable=False, margin_rate=0.0, vat_rate=0.21)
        assert (margin[0], vat[0]) == (0.0, 0.0)

    @pytest.mark.parametrize(("saving", "gains"), [(0.05, False), (0.17, False), (0.1735, False),
                                                   (0.1736, True), (0.25, True)])
    def test_wedge_break_even_is_17_4_percent(self, saving, gains):
        # pooled cost before VAT (1 − s) × baseline; with 21 % VAT it is (1 − s) × 1.21 × baseline:
        # a gain only when s > 1 − 1/1.21 = 0.173554
        baseline = 100_000.0
        pre_vat = np.array([(1 - saving) * baseline])
        _, vat = vat_and_margin(pre_vat, taxable=True, margin_rate=0.0, vat_rate=0.21)
        assert bool(baseline - (pre_vat + vat)[0] > 0) is gains
        assert 1 - 1 / 1.21 == pytest.approx(0.173554, abs=1e-6)


# --- cash flows (MODEL.md §3.7) --------------------------------------------------------------------

class TestCashflow:
    def test_index_factors(self):
        # (1 + i)^(t−1), years 0 and 1 at today's prices: 1, 1, 1.02, 1.0404
        f = cashflow.index_factors(np.array([0.02, 0.0]), 3)
        assert f[0] == pytest.approx([1.0, 1.0, 1.02, 1.0404])
        assert f[1].tolist() == [1.0, 1.0, 1.0, 1.0]

    def test_discount_factors(self):
        # (1.1)^(−t): 1, 0.909091, 0.826446
        assert cashflow.discount_factors(np.array([0.1]), 2)[0] == pytest.approx([1.0, 1 / 1.1, 1 / 1.21])

    def test_survival(self):
        # (1 − h)^(t−1): 1, 1, 0.9, 0.81
        assert cashflow.survival(np.array([0.1]), 3)[0] == pytest.approx([1.0, 1.0, 0.9, 0.81])

    def test_annuity_factor(self):
        # r = 3 %, T = 10: 0.03 / (1 − 1.03^(−10)) = 0.03 / 0.255906 = 0.117231
        assert float(cashflow.annuity_factor(0.03, 10)) == pytest.approx(0.117231, abs=1e-6)
        # r = 0: 1/T
        assert float(cashflow.annuity_factor(0.0, 8)) == pytest.approx(1 / 8)
        assert cashflow.annuity_factor(np.array([0.0, 0.03]), 10) == pytest.approx([0.1, 0.117231], abs=1e-6)

    def test_npv(self):
        # −100 + 60/1.1 + 60/1.21 = −100 + 54.5455 + 49.5868 = 4.1322
        cf = np.array([[-100.0, 60.0, 60.0]])
        assert cashflow.npv(cf, cashflow.discount_factors(np.array([0.1]), 2))[0] == pytest.approx(4.132231, abs=1e-6)

    def test_payback_year(self):
        cf = np.array([
            [-100.0, 50.0, 60.0, 10.0],  # cumulative −100, −50, 10, 20 → year 2
            [-100.0, 10.0, 10.0, 10.0],  # never → NaN
            [-100.0, 150.0, -100.0, 60.0],  # −100, 50, −50, 10: dips back below zero → year 3
            [0.0, 0.0, 0.0, 0.0],  # nothing at stake → year 0
        ])
        pb = cashflow.payback_year(cf)
        assert pb[0] == 2 and pb[2] == 3 and pb[3] == 0
        assert math.isnan(pb[1])

    def test_irr_known_values(self):
        cf = np.array([[-100.0, 110.0, 0.0], [-100.0, 60.0, 60.0], [100.0, 10.0, 5.0], [0.0, 0.0, 0.0]])
        r = cashflow.irr(cf)
        # −100 + 110/(1 + r) = 0 → r = 10 %
        assert r[0] == pytest.approx(0.10, abs=1e-9)
        # 60x + 60x² = 100 with x = 1/(1 + r): x = (−3 + √69)/6 = 0.884437 → r = 13.066 %
        assert r[1] == pytest.approx(0.130662, abs=1e-6)
        # all positive, or all zero: no sign change → NaN
        assert math.isnan(r[2]) and math.isnan(r[3])

    @PROPS
    @given(rate=st.floats(-0.5, 5.0), cost=st.floats(1.0, 1e6))
    def test_irr_recovers_the_rate(self, rate, cost):
        cf = np.array([[-cost, cost * (1 + rate)]])
        assert cashflow.irr(cf)[0] == pytest.approx(rate, abs=1e-7)


# --- funding (MODEL.md §3.7) -------------------------------------------------------------------------

class TestFunding:
    def _flows(self, setup=(100_000.0,), fte=(2.4,), operating=None, T=5, **funding):
        setup = np.array(setup)
        operating = np.zeros((len(setup), T + 1)) if operating is None else np.array(operating, dtype=float)
        return funding_flows(Funding(**funding), setup, np.array(fte), operating, T)

    def test_nothing_by_default(self):
        flows = self._flows()
        assert set(flows) == {"startup_grant", "coordination_subsidy", "fte_subsidy", "loan", "clawback"}
        assert all(not v.any() for v in flows.values())

    def test_grant_share_with_cap(self):
        # 0.5 × 100 000 = 50 000 capped at 30 000; 0.5 × 40 000 = 20 000 under the cap
        flows = self._flows(setup=(100_000.0, 40_000.0), fte=(1.0, 1.0),
                            startup_grant={"share": 0.5, "cap_eur": 30_000})
        assert flows["startup_grant"][:, 0].tolist() == [30_000.0, 20_000.0]
        assert not flows["startup_grant"][:, 1:].any()

    def test_subsidy_years(self):
        flows = self._flows(coordination_subsidy={"eur_per_year": 15_000, "years": 3},
                            fte_subsidy={"eur_per_fte": 1_000, "years": 2})
        assert flows["coordination_subsidy"][0].tolist() == [0, 15_000, 15_000, 15_000, 0, 0]
        # 1 000 €/FTE × 2.4 pooled FTE = 2 400 in years 1–2
        assert flows["fte_subsidy"][0] == pytest.approx([0, 2_400, 2_400, 0, 0, 0])

    def test_loan_in_and_out(self):
        # 50 000 received in year 0, repaid 50 000 / 4 = 12 500 in years 1–4; sums to zero
        flows = self._flows(loan={"amount_eur": 50_000, "years": 4})
        assert flows["loan"][0].tolist() == [50_000, -12_500, -12_500, -12_500, -12_500, 0]

    def test_clawback_takes_a_share_of_positive_savings(self):
        # 25 % of max(saving, 0) from year 1: [0, 0, −50, −100]; year 0 never clawed back
        flows = self._flows(operating=[[500.0, -100.0, 200.0, 400.0]], T=3, clawback_share=0.25)
        assert flows["clawback"][0].tolist() == [0.0, 0.0, -50.0, -100.0]
