"""The funding options file: the shipped options, strict validation, the counterfactual."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.errors import InputError
from simulator.sector import FundingOptions, load_funding_options
from simulator.sector.options import NO_FUNDING

SHIPPED = Path(__file__).resolve().parents[2] / "scenarios" / "funding" / "funding_options.yaml"


def test_shipped_file_has_four_options_and_the_counterfactual_first():
    opts = load_funding_options(SHIPPED)
    assert opts.options[0].id == NO_FUNDING and opts.options[0].funds_nothing
    assert len(opts.options) >= 5
    assert all(not o.funds_nothing for o in opts.options[1:])
    assert all(o.label for o in opts.options[1:])


def test_no_funding_is_added_when_absent_and_moved_first_when_present():
    a = FundingOptions.from_dict({"options": [{"id": "g", "instruments": {"startup_grant": {"share": 0.5}}}]})
    assert [o.id for o in a.options] == [NO_FUNDING, "g"]
    b = FundingOptions.from_dict({"options": [{"id": "g"}, {"id": NO_FUNDING}]})
    assert [o.id for o in b.options] == [NO_FUNDING, "g"]


def one_line_error(data) -> InputError:
    with pytest.raises(InputError) as exc:
        FundingOptions.from_dict(data, "opts.yaml")
    assert "\n" not in str(exc.value), str(exc.value)
    return exc.value


@pytest.mark.parametrize(("data", "field", "words"), [
    ({"options": [{"id": "a", "budget": {"cap_eur": -1}}]}, "options[0].budget.cap_eur", "must be at least 0"),
    ({"options": [{"id": "a", "instruments": {"grant": {"share": 0.5}}}]}, "options[0].instruments.grant",
     "unknown key"),
    ({"sector": {"pools": {"rule": "same_street"}}, "options": [{"id": "a"}]}, "sector.pools.rule", "commune"),
    ({"options": [{"id": "a", "budget": {"allocation": "lottery"}}]}, "options[0].budget.allocation", "first_come"),
    ({"options": [{"id": "a", "eligibility": {"vehicles": ["coop"]}}]}, "options[0].eligibility.vehicles",
     "unknown vehicle"),
    ({"sector": {"functions": ["acounting"]}, "options": [{"id": "a"}]}, "sector.functions", "accounting"),
    ({"options": [{"id": "a"}, {"id": "a"}]}, "options[1].id", "twice"),
    ({"options": [{"id": NO_FUNDING, "instruments": {"clawback_share": 0.2}}]}, "options[0]", "counterfactual"),
    ({"options": []}, "options", "must not be empty"),
])
def test_bad_options_name_the_field(data, field, words):
    err = one_line_error(data)
    assert err.field == field and words in err.message and err.source == "opts.yaml"


def test_unknown_instrument_suggests_the_known_ones():
    err = one_line_error({"options": [{"id": "a", "instruments": {"startup_grnt": {"share": 0.5}}}]})
    assert "startup_grant" in err.message


def test_file_errors(tmp_path):
    with pytest.raises(InputError, match="no funding options file"):
        load_funding_options(tmp_path / "missing.yaml")
    empty = tmp_path / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        load_funding_options(empty)
