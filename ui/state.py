"""Session state: the scenario as a plain dict, the member table, saved variants, the language.

The scenario being edited lives in ``st.session_state["scenario"]`` as a plain mapping that
round-trips through :meth:`simulator.Scenario.from_dict` (the engine validates it at every use).
Widgets never own the truth: each widget key starts with :data:`WIDGET_PREFIX`, is initialised
from the dict, and writes back to it in its ``on_change`` callback; loading another scenario
clears every widget key and bumps :data:`GENERATION` so table editors start afresh.

A member table other than the bundled sample (uploaded or typed in) is kept as canonical CSV text
with its hash (:func:`custom_organisations`); the scenario then names it by file name only —
the engine is never asked to read a path coming from a browser.
"""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path
from typing import Any

import streamlit as st

from simulator.errors import InputError
from ui import share
from ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, SESSION_KEY, t

ROOT = Path(__file__).resolve().parents[1]
SCENARIO_DIR = ROOT / "scenarios"

SCENARIO = "scenario"
ORIGIN = "scenario_origin"
ORGS = "custom_orgs"
SAVED = "saved_scenarios"
GENERATION = "generation"
SHARE_SEEN = "_share_token_seen"
WIDGET_PREFIX = "w:"

#: The value of ``organisations:`` that means the bundled sample table.
SAMPLE = "sample"


# --- examples ------------------------------------------------------------------------------------

def example_paths() -> dict[str, Path]:
    """Example scenario files (``scenarios/*.yaml``), by file stem, sorted."""
    if not SCENARIO_DIR.is_dir():
        return {}
    return {p.stem: p for p in sorted(SCENARIO_DIR.glob("*.yaml"))}


@st.cache_data(show_spinner=False, max_entries=64)
def example_dict(stem: str) -> dict[str, Any]:
    """An example scenario, resolved (``base:`` merged) and validated, as a plain dict."""
    from simulator import load_scenario

    return load_scenario(example_paths()[stem]).to_dict()


def default_scenario_dict() -> dict[str, Any]:
    """The scenario shown on first visit: the first example file."""
    examples = example_paths()
    if not examples:
        raise InputError("scenarios/", "no example scenario file was found")
    return example_dict(next(iter(examples)))


# --- the scenario being edited -------------------------------------------------------------------

def scenario_dict() -> dict[str, Any]:
    """The scenario being edited (a plain dict; never mutate it in place — use :func:`update`)."""
    return st.session_state.get(SCENARIO, {})


def set_scenario(data: dict[str, Any], origin: str | None = None) -> None:
    """Replace the scenario (example, upload, link) and reset every bound widget."""
    st.session_state[SCENARIO] = copy.deepcopy(data)
    if origin is not None:
        st.session_state[ORIGIN] = matching_example(data) or origin
    reset_widgets()


def matching_example(data: dict[str, Any]) -> str | None:
    """The example file this scenario is exactly equal to, if any (to label it in the picker)."""
    for stem in example_paths():
        try:
            if example_dict(stem) == data:
                return stem
        except InputError:
            continue
    return None


def update(path: str, value: Any) -> None:
    """Set one (dotted) field of the scenario, e.g. ``update("funding.clawback_share", 0.2)``.

    ``parameters`` keys contain dots themselves: ``update("parameters", {...})`` replaces the
    mapping as a whole.
    """
    data = copy.deepcopy(scenario_dict())
    node = data
    parts = path.split(".")
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    if value is None:
        node.pop(parts[-1], None)
    else:
        node[parts[-1]] = value
    st.session_state[SCENARIO] = data


def reset_widgets() -> None:
    """Forget every bound widget value so widgets re-read the scenario."""
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(WIDGET_PREFIX)]:
        del st.session_state[key]
    st.session_state[GENERATION] = st.session_state.get(GENERATION, 0) + 1


def generation() -> int:
    """Counter bumped whenever the scenario is replaced (suffix for editor keys)."""
    return st.session_state.get(GENERATION, 0)


# --- member table --------------------------------------------------------------------------------

def custom_organisations() -> dict[str, str] | None:
    """The uploaded/typed member table: ``{"name", "csv", "hash"}``, or None for the sample."""
    return st.session_state.get(ORGS)


def set_custom_organisations(name: str | None, csv_text: str | None) -> None:
    """Keep (or with ``None``, drop) a member table other than the sample."""
    if csv_text is None:
        st.session_state.pop(ORGS, None)
        return
    digest = hashlib.sha256(csv_text.encode("utf-8")).hexdigest()[:16]
    st.session_state[ORGS] = {"name": name or "members.csv", "csv": csv_text, "hash": digest}


def organisations_key() -> str:
    """Cache key of the member table in use (``"sample"`` or the hash of the custom table)."""
    custom = custom_organisations()
    return custom["hash"] if custom else SAMPLE


# --- saved variants (for comparison) -------------------------------------------------------------

def saved() -> dict[str, dict[str, Any]]:
    """Scenarios kept for comparison, by name."""
    return st.session_state.setdefault(SAVED, {})


def save_current(name: str) -> None:
    """Keep a copy of the current scenario under ``name`` (for the comparison page)."""
    data = copy.deepcopy(scenario_dict())
    data["name"] = name
    saved()[name] = data


# --- start of a session --------------------------------------------------------------------------

def init_session() -> InputError | None:
    """Set language and scenario on first run; open a shared link (``?s=``) when there is one.

    Returns the problem found in a shared link, if any (the default scenario is kept then).
    """
    params = st.query_params
    if SESSION_KEY not in st.session_state:
        lang = params.get("lang", DEFAULT_LANGUAGE)
        st.session_state[SESSION_KEY] = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    problem: InputError | None = None
    token = params.get("s")
    if token and token != st.session_state.get(SHARE_SEEN):
        st.session_state[SHARE_SEEN] = token
        try:
            set_scenario(scenario_from_token(token), origin="link")
        except InputError as exc:
            problem = exc
        except share.ShareError:
            problem = InputError(t("share.link"), t("error.share_link"))
    if SCENARIO not in st.session_state:
        set_scenario(default_scenario_dict(), origin=next(iter(example_paths()), None))
    return problem


def scenario_from_token(token: str) -> dict[str, Any]:
    """Decode and validate a shared-link token into a scenario dict (raises on any problem)."""
    from simulator import Scenario

    data = share.decode(token)
    return Scenario.from_dict(data, source=t("share.link")).to_dict()


def share_token() -> str:
    """The current scenario as a URL token."""
    return share.encode(scenario_dict())
