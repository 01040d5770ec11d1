"""One translation layer for every label, help text and error the app shows.

Usage::

    from ui.i18n import t
    st.header(t("pool.title"))
    st.caption(t("pool.members_count", n=12))

Messages live in three Python dictionaries (``fr.py``, ``nl.py``, ``en.py``; plain data, no logic)
with the same keys; placeholders use :meth:`str.format` syntax. French is the default language.
The current language is kept in ``st.session_state["lang"]``; outside a Streamlit run (unit tests,
scripts) it falls back to French unless ``lang=`` is passed.

A missing key never crashes a page: :func:`t` shows the key between brackets so the gap is visible
(and ``tests/app/test_app_i18n.py`` fails on it).
"""

from __future__ import annotations

from collections.abc import Mapping

from ui.i18n import en, fr, nl

#: Interface languages, in the order of the selector; the first is the default.
LANGUAGES: tuple[str, ...] = ("fr", "nl", "en")
DEFAULT_LANGUAGE = "fr"

#: Language code -> its messages.
CATALOGUES: dict[str, Mapping[str, str]] = {"fr": fr.MESSAGES, "nl": nl.MESSAGES, "en": en.MESSAGES}

#: How each language names itself in the selector.
LANGUAGE_NAMES: dict[str, str] = {"fr": "Français", "nl": "Nederlands", "en": "English"}

SESSION_KEY = "lang"


def current_language() -> str:
    """The language of the running session (French outside a Streamlit run)."""
    try:
        import streamlit as st
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        if get_script_run_ctx(suppress_warning=True) is None:  # plain Python, not a page run
            return DEFAULT_LANGUAGE
        lang = st.session_state.get(SESSION_KEY, DEFAULT_LANGUAGE)
    except Exception:  # no usable session state
        return DEFAULT_LANGUAGE
    return lang if lang in CATALOGUES else DEFAULT_LANGUAGE


def t(key: str, lang: str | None = None, **kwargs: object) -> str:
    """Translate ``key`` into the current (or given) language and fill its placeholders.

    Parameters
    ----------
    key
        Dotted message key, e.g. ``"results.npv"``.
    lang
        Force a language; default is the session's.
    **kwargs
        Values for the ``{placeholders}`` of the message (already formatted for display).
    """
    code = lang or current_language()
    text = CATALOGUES.get(code, CATALOGUES[DEFAULT_LANGUAGE]).get(key)
    if text is None:
        return f"[{key}]"
    if kwargs:
        try:
            return text.format(**kwargs)
        except (KeyError, IndexError, ValueError):
            return text
    return text


def has(key: str, lang: str | None = None) -> bool:
    """Whether a message exists (used for optional texts such as per-field help)."""
    return key in CATALOGUES.get(lang or current_language(), {})


def label(mapping: Mapping[str, str] | str | None, lang: str | None = None) -> str:
    """Pick the current language from a ``{fr:, nl:, en:}`` mapping found in the engine's data.

    Catalogues shipped with the engine (functions, vehicles…) carry their own labels in the three
    languages; this picks one, falling back to French, then English, then any.
    """
    if mapping is None:
        return ""
    if isinstance(mapping, str):
        return mapping
    code = lang or current_language()
    for candidate in (code, DEFAULT_LANGUAGE, "en"):
        if mapping.get(candidate):
            return str(mapping[candidate])
    return str(next(iter(mapping.values()), ""))


def tn(key: str, n: float, lang: str | None = None, **kwargs: object) -> str:
    """Translate a message that depends on a count: ``key.one`` or ``key.other`` by ``n``.

    The plural rule is the language's own (CLDR, through Babel): French treats 0 and 1 as
    singular ("0 hypothèse modifiée"), Dutch and English only 1. ``n`` is passed to the message
    as ``{n}`` unless given otherwise.
    """
    from babel import Locale

    code = lang or current_language()
    form = "one" if Locale.parse(code).plural_form(abs(n)) == "one" else "other"
    kwargs.setdefault("n", n)
    return t(f"{key}.{form}", lang=code, **kwargs)
