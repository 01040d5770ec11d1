"""Defaults of the Monte Carlo headline, in a module of their own so the command line can show
them in ``--help`` without loading the engine (see :mod:`simulator.headline`)."""

#: Draws of the headline Monte Carlo: P10/P50/P90 move by well under 1 % of the band between
#: seeds at this size, and a 20-member scenario runs them in a few hundred milliseconds.
HEADLINE_DRAWS = 2_000
#: Seed of the headline Monte Carlo (fixed, so two runs of one file give the same figures).
HEADLINE_SEED = 2024
