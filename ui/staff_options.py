"""Pool set-up: what happens to support staff the pool no longer needs, and job subsidies (MODEL.md §8.3).

Two shares of the surplus staff (redeployed to frontline work, dismissed with notice; the rest is
left to attrition) and the switch saying whether co-funded posts keep their subsidy in the pool.
Each widget is bound to its scenario field; the engine validates the shares (together at most 1).
"""

from __future__ import annotations

import streamlit as st

from ui import state
from ui.formatting import percent
from ui.i18n import current_language, t
from ui.widgets import bound


def render() -> None:
    """The staff-transition shares and the co-funding switch."""
    st.subheader(t("staff.title"))
    st.caption(t("staff.help"))
    cols = st.columns(2)
    with cols[0]:
        bound(st.slider, "staff_transition.redeployment", t("staff.redeployment"), min_value=0.0, max_value=1.0,
              step=0.05, help=t("staff.redeployment.help"), default=1.0)
    with cols[1]:
        bound(st.slider, "staff_transition.dismissal", t("staff.dismissal"), min_value=0.0, max_value=1.0,
              step=0.05, help=t("staff.dismissal.help"), default=0.0)
    mix = state.scenario_dict().get("staff_transition") or {}
    rest = 1.0 - float(mix.get("redeployment", 1.0)) - float(mix.get("dismissal", 0.0))
    st.caption(t("staff.attrition", share=percent(max(rest, 0.0), current_language(), decimals=0)))
    bound(st.toggle, "cofunding_follows_worker", t("staff.cofunding"), help=t("staff.cofunding.help"),
          default=False)
