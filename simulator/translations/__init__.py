"""French and Dutch names and sources of the engine's parameters (plain data).

The parameter catalogue (``simulator/data/parameters.yaml``) describes each parameter and its
source in English; these modules give the French and Dutch versions. They live in the engine
package because both the app (Assumptions, Uncertainty pages) and the printed brief
(:mod:`simulator.report`) show them, and the brief must not import the app.

* :mod:`~simulator.translations.params` — ``DESCRIPTIONS`` (name → {fr, nl}) and ``GROUPS``;
* :mod:`~simulator.translations.params_v2` — the descriptions of model v2's parameters;
* :mod:`~simulator.translations.param_sources` — ``SOURCES`` (name → {fr, nl}).
"""
