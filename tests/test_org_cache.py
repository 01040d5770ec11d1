"""The organisation-table cache: read once per file and content, never stale, copy-safe."""

from __future__ import annotations

import os

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator import org_cache
from simulator.errors import InputError
from simulator.model import compile_scenario
from simulator.org_cache import MAX_ENTRIES, cache_info, cached_organisations, clear_cache
from simulator.organisations import SAMPLE_FILE, read_organisations, sample_organisations
from simulator.scenario import Scenario


@pytest.fixture(autouse=True)
def fresh_cache():
    clear_cache()
    yield
    clear_cache()


@pytest.fixture
def sample_csv(tmp_path):
    path = tmp_path / "members.csv"
    path.write_bytes(SAMPLE_FILE.read_bytes())
    return path


def test_a_file_is_parsed_once_and_equals_an_uncached_read(sample_csv):
    first = cached_organisations(sample_csv)
    second = cached_organisations(sample_csv)
    assert cache_info() == {"hits": 1, "misses": 1, "size": 1}
    expected = read_organisations(sample_csv)
    pd.testing.assert_frame_equal(first.table, expected.table)
    pd.testing.assert_frame_equal(second.table, expected.table)
    assert second.source == expected.source == "members.csv"


def test_an_edited_file_is_read_again(sample_csv):
    before = cached_organisations(sample_csv)
    text = sample_csv.read_text(encoding="utf-8")
    old = before.table["fte_total"].iloc[0]
    first_id = before.ids[0]
    lines = text.splitlines()
    header = lines[0].split(",")
    col = header.index("fte_total")
    cells = lines[1].split(",")
    cells[col] = "77"
    lines[1] = ",".join(cells)
    sample_csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    stat = sample_csv.stat()
    os.utime(sample_csv, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # later, even on coarse clocks
    after = cached_organisations(sample_csv)
    assert old != 77 and after.table.loc[first_id, "fte_total"] == 77
    assert cache_info()["misses"] == 2


def test_each_caller_gets_its_own_copy(sample_csv):
    first = cached_organisations(sample_csv)
    first.table.loc[first.ids[0], "fte_total"] = -1.0
    second = cached_organisations(sample_csv)
    assert second.table.loc[second.ids[0], "fte_total"] > 0
    assert sample_organisations().table is not sample_organisations().table


def test_uploads_are_keyed_by_content_not_by_object(sample_csv):
    data = sample_csv.read_bytes()
    a = cached_organisations(data, name="upload.csv")
    b = cached_organisations(bytes(bytearray(data)), name="upload.csv")
    assert cache_info()["hits"] == 1 and a.ids == b.ids
    changed = data.replace(b"\n", b"\r\n")  # same table, other bytes: read again, same result
    c = cached_organisations(changed, name="upload.csv")
    assert cache_info()["misses"] == 2 and c.ids == a.ids
    cached_organisations(data.decode("utf-8"), name="upload.csv")  # CSV text: its own key
    assert cache_info()["misses"] == 3


def test_a_bad_table_is_never_cached(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("id,name\nx,\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(InputError):
            cached_organisations(bad)
    assert cache_info()["size"] == 0
    with pytest.raises(InputError, match="no file"):
        cached_organisations(tmp_path / "missing.csv")


def test_the_cache_is_bounded_least_recently_used_first_out(sample_csv):
    text = sample_csv.read_text(encoding="utf-8")
    variants = [text + "\n" * (k + 1) for k in range(MAX_ENTRIES + 1)]  # same table, other content
    for v in variants:
        cached_organisations(v, name="t.csv")
    assert cache_info()["size"] == MAX_ENTRIES
    cached_organisations(variants[-1], name="t.csv")
    assert cache_info()["hits"] == 1
    cached_organisations(variants[0], name="t.csv")  # evicted first
    assert cache_info()["misses"] == MAX_ENTRIES + 2


def test_compiling_scenarios_parses_the_sample_once(monkeypatch):
    calls = []
    real = org_cache.read_organisations
    monkeypatch.setattr(org_cache, "read_organisations", lambda *a, **k: calls.append(a) or real(*a, **k))
    ids = list(sample_organisations().ids[:3])
    for vehicle in ("cost_sharing_association", "employer_group", "commercial_provider"):
        scn = Scenario.from_dict({"name": "t", "organisations": "sample", "members": ids,
                                  "pooling": {"accounting": "all"}, "vehicle": vehicle})
        assert compile_scenario(scn).member_ids == tuple(ids)
    assert len(calls) == 1


def _scenario(ids, vehicle="cost_sharing_association", **extra):
    return Scenario.from_dict({"name": "t", "organisations": "sample", "members": ids,
                               "pooling": {"accounting": "all", "payroll_hr": ids[:2]},
                               "vehicle": vehicle, **extra})


def test_a_variant_reuses_the_member_arrays_and_gives_the_same_model():
    ids = list(sample_organisations().ids[:4])
    a = compile_scenario(_scenario(ids))
    b = compile_scenario(_scenario(ids, "employer_group", horizon_years=7))
    assert b.fte_total is a.fte_total and b.data["fte"] is a.data["fte"]  # reused, not rebuilt
    assert not a.fte_total.flags.writeable and not a.data["cost_eur"].flags.writeable
    clear_cache()  # a fresh table object: everything rebuilt, equal values
    c = compile_scenario(_scenario(ids, "employer_group", horizon_years=7))
    assert c.fte_total is not b.fte_total
    for field in b.data:
        np.testing.assert_array_equal(c.data[field], b.data[field])
    np.testing.assert_array_equal(c.estimated, b.estimated)
    np.testing.assert_array_equal(c.mask, b.mask)
    assert c.member_names == b.member_names and c.vehicle.id == "employer_group"


def test_a_table_the_caller_holds_is_never_reused_on_identity():
    orgs = sample_organisations()  # the caller's own copy: it may edit it
    ids = list(orgs.ids[:3])
    before = compile_scenario(_scenario(ids), orgs)
    orgs.table.loc[ids[0], "fte_total"] = 99.0
    after = compile_scenario(_scenario(ids), orgs)
    assert before.fte_total[0] != 99.0 and after.fte_total[0] == 99.0


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_reused_member_arrays_equal_a_fresh_compile(data):
    orgs = sample_organisations()
    ids = data.draw(st.lists(st.sampled_from(orgs.ids), min_size=2, max_size=6, unique=True))
    functions = data.draw(st.lists(st.sampled_from(["accounting", "payroll_hr", "software"]),
                                   min_size=1, max_size=3, unique=True))
    pooling = {f: "all" for f in functions}
    scn = Scenario.from_dict({"name": "t", "organisations": "sample", "members": ids,
                              "pooling": pooling, "vehicle": "cost_sharing_association"})
    try:
        fresh = compile_scenario(scn, orgs)  # the caller's table: built from scratch
    except InputError:
        return  # a member without data for a pooled function: refused alike below
    for _ in range(2):  # first build, then reuse
        shared = compile_scenario(scn)
        for field in fresh.data:
            np.testing.assert_array_equal(shared.data[field], fresh.data[field])
        for name in ("estimated", "fte_total", "vat_exempt", "contracting_authority",
                     "subsector_onehot", "committee_onehot", "mask"):
            np.testing.assert_array_equal(getattr(shared, name), getattr(fresh, name))
        assert shared.member_names == fresh.member_names
