"""Texts of the brief and of its download buttons, and those the app shares with the brief
(charts, waterfall, VAT, allocation keys): they live in the report catalogue
(:mod:`simulator.report.texts`) and are merged here into the app's catalogue."""

from simulator.report.texts import catalogue

BRIEF: dict[str, str] = dict(catalogue("fr"))
