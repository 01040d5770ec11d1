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
from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st

from simulator.errors import InputError
from ui import share
from ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, SESSION_KEY, current_language, t

ROOT = Path(__file__).resolve().parents[1]
SCENARIO_DIR = ROOT / "scenarios"

SCENARIO = "scenario"
ORIGIN = "scenario_origin"
ORGS = "custom_orgs"
SAVED = "saved_scenarios"
GENERATION = "generation"
SHARE_SEEN = "_share_token_seen"
WIDGET_PREFIX = "w:"
#: Widget key → language it was last drawn in (a switch re-sends the value: codes, not labels).
WIDGET_LANGUAGE = "_widget_language"
#: Widget key → {label drawn: code}, in every language drawn so far.
WIDGET_LABELS = "_widget_labels"
#: Widget keys seeded from the scenario in a run that has not finished drawing yet.
PENDING = "_widget_pending"

#: Marks a widget value that is neither a code nor a label drawn for it.
DROP = object()

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


# --- widgets hold codes, never labels -------------------------------------------------------------

def keep_codes(key: str, options: list[Any] | tuple[Any, ...],
               format_func: Callable[[Any], str] = str) -> None:
    """Call before drawing a widget whose options are codes shown through translated labels.

    The browser remembers a choice widget's *label*. After a language switch it sends back the
    old language's label, which matches no option of the new run, and Streamlit hands that label
    over as the value ("unknown vehicle 'Groupement d'employeurs'"). So every label drawn is
    remembered with its code; a value that is a label is turned back into its code (one that is
    neither is dropped, and the caller re-seeds it from the scenario); and when the language
    changed since the widget was last drawn, its codes are assigned again, which makes Streamlit
    send the browser the labels of the new language.
    """
    seen = st.session_state.setdefault(WIDGET_LANGUAGE, {})
    lang = current_language()
    if key in st.session_state:
        value = st.session_state[key]
        clean = to_codes(key, value, options)
        if clean is DROP:
            del st.session_state[key]
        elif clean != value or seen.get(key) != lang:
            st.session_state[key] = clean
    seen[key] = lang
    drawn = st.session_state.setdefault(WIDGET_LABELS, {})
    drawn[key] = {**drawn.get(key, {}), **_labels_in_every_language(options, format_func)}


def _labels_in_every_language(options: list[Any] | tuple[Any, ...],
                              format_func: Callable[[Any], str]) -> dict[str, Any]:
    """{label: code} for every option in every language (labels read the session's language)."""
    labels: dict[str, Any] = {}
    current = st.session_state.get(SESSION_KEY, DEFAULT_LANGUAGE)
    try:
        for lang in (*[x for x in LANGUAGES if x != current], current):  # current wins a tie
            st.session_state[SESSION_KEY] = lang
            for code in options:
                try:
                    labels[format_func(code)] = code
                except (KeyError, TypeError, ValueError):
                    continue
    finally:
        st.session_state[SESSION_KEY] = current
    return labels


def to_codes(key: str, value: Any, options: list[Any] | tuple[Any, ...]) -> Any:
    """``value`` (one choice or a list) with every label drawn for ``key`` turned back into its
    code; codes that are not among ``options`` are left out (a single one gives ``DROP``)."""
    allowed = set(options)
    labels = st.session_state.get(WIDGET_LABELS, {}).get(key, {})

    def code(v: Any) -> Any:
        if v in allowed:
            return v
        mapped = labels.get(v, DROP) if isinstance(v, str) else DROP
        return mapped if mapped in allowed else DROP

    if isinstance(value, list):
        return [c for c in map(code, value) if c is not DROP]
    return value if value is None else code(value)




def mark_seeded(key: str) -> None:
    """Remember that ``key`` was seeded from the scenario in this (unfinished) run."""
    st.session_state.setdefault(PENDING, set()).add(key)


def seeded_in_unfinished_run(key: str) -> bool:
    """True when a change of ``key`` arrives before the run that drew it had finished: a click
    during the first drawing sends the browser's blank defaults, not the user's choice."""
    return key in st.session_state.get(PENDING, set())


def run_finished() -> None:
    """Called at the end of every complete run: every widget drawn so far is trustworthy, and the
    URL is brought up to date with the scenario (so a reload, F5, restores it)."""
    st.session_state[PENDING] = set()
    sync_url()


def sync_url() -> None:
    """Keep ``?s=<scenario>&lang=<language>`` in the address bar at all times."""
    data = scenario_dict()
    if not data:
        return
    try:
        token = share_token()
    except (TypeError, ValueError):  # a half-edited scenario that is not JSON: keep the last URL
        return
    if len(token) > share.MAX_TOKEN_CHARS:
        return
    st.session_state[SHARE_SEEN] = token  # our own token: not a link to open again
    params = st.query_params
    if params.get("s") != token:
        params["s"] = token
    if params.get("lang") != current_language():
        params["lang"] = current_language()


def clean_pool(data: dict[str, Any], name: str) -> dict[str, Any]:
    """A new pool from ``data``: members, functions, vehicle, horizon and key kept (all visible in
    the builder); funding, description, parameter overrides, uncertainty and sites dropped."""
    keep = ("organisations", "members", "pooling", "vehicle", "allocation", "horizon_years",
            "ramp_up", "exit_risk", "staff_transition", "cofunding_follows_worker")
    out = {k: copy.deepcopy(data[k]) for k in keep if k in data}
    out.update(name=name, description="", funding={}, parameters={}, uncertainty={}, sites=[])
    return out
