"""How the model works, in plain words, with its limits — in the session's language."""

from __future__ import annotations

import streamlit as st

from ui.evidence import render_evidence
from ui.i18n import t

SECTIONS = ("what", "costs", "eats", "time", "split", "numbers", "limits")


def render() -> None:
    """The method page."""
    st.title(t("method.title"))
    st.warning(t("common.disclaimer"), icon=":material/gavel:")
    for section in SECTIONS:
        st.subheader(t(f"method.{section}.title"))
        st.markdown(t(f"method.{section}.body"))
    render_evidence()
