"""The Uncertainty page in English (same keys as ``uncertainty_fr.py``)."""

UNCERTAINTY: dict[str, str] = {
    "uncertainty.title": "Uncertainty",
    "uncertainty.intro": "Each uncertain assumption is drawn at random within its range "
                         "(Assumptions page) and the model is recomputed for every draw. Values "
                         "you set yourself stay fixed.",
    "uncertainty.settings": "Simulation settings",
    "uncertainty.draws": "Number of draws",
    "uncertainty.draws.help": "More draws: more precise probabilities, a longer run (at most "
                              "100,000).",
    "uncertainty.seed": "Random seed",
    "uncertainty.seed.help": "Same settings and same seed: exactly the same figures.",
    "uncertainty.run": "Run the simulation",
    "uncertainty.running": "Simulating {draws} draws…",
    "uncertainty.run_caption": "{draws} draws · seed {seed} · {n} uncertain assumptions",
    "uncertainty.headline.other": "There is a {p} chance that the pool pays for itself within {years} "
                            "years.",
    "uncertainty.headline.one": "There is a {p} chance that the pool pays for itself within 1 "
                                "year.",
    "uncertainty.within": "Paid back within how many years?",
    "uncertainty.p_npv_positive": "Chance of a positive NPV",
    "uncertainty.p_npv_positive.help": "Share of the draws in which the net present value over "
                                       "the horizon is positive.",
    "uncertainty.npv_p50": "Median NPV",
    "uncertainty.npv_p50.help": "One chance in two of doing better. 8 chances in 10 of lying "
                                "between {p10} and {p90}.",
    "uncertainty.saving_p50": "Median net annual saving",
    "uncertainty.saving_p50.help": "8 chances in 10 of lying between {p10} and {p90} a year.",
    "uncertainty.payback_p50": "Median payback",
    "uncertainty.payback_p50.help": "Year in which cumulative net cash flow turns positive in half "
                                    "of the draws. Paid back within the horizon: {p}.",
    "uncertainty.central": "Without uncertainty (every assumption at its central value), the NPV "
                           "would be {npv}.",
    "uncertainty.converged": "Stable: with {draws} draws the probability is known to within ±{hw} "
                             "points; more draws would not change it.",
    "uncertainty.converged_tight": "Stable: with {draws} draws the probability is known to within "
                                   "0.1 points; more draws would not change it.",
    "uncertainty.not_converged": "Not yet stable with {draws} draws: run again with about "
                                 "{suggested} draws for reliable figures.",
    "uncertainty.no_uncertainty": "No assumption is uncertain in this scenario: every draw gives "
                                  "the same result.",
    "uncertainty.histogram": "Distribution of the net present value",
    "uncertainty.histogram.help": "Each bar: the share of draws whose NPV falls in that interval. "
                                  "Right of zero, the pool pays off.",
    "uncertainty.axis.share": "Share of draws (%)",
    "uncertainty.marker.zero": "Break-even",
    "uncertainty.marker.central": "Central value",
    "uncertainty.fan": "Cumulative net cash flow: the range of outcomes",
    "uncertainty.fan.help": "Light band: 8 chances in 10; dark band: 1 chance in 2; line: the "
                            "median.",
    "uncertainty.band.p10_p90": "P10–P90",
    "uncertainty.band.p25_p75": "P25–P75",
    "uncertainty.median": "Median",
    "uncertainty.tornado": "Which assumptions matter most?",
    "uncertainty.tornado.help": "Each assumption alone at its P10, then at its P90, the others at "
                                "their central value: effect on the NPV. The longest bars deserve "
                                "the best data.",
    "uncertainty.members": "Does every member gain?",
    "uncertainty.members.help": "Probability that the member pays less in the pool than alone "
                                "(set-up and exit risk included).",
    "uncertainty.axis.p_better": "Chance of gaining (%)",
    "uncertainty.col.member": "Member",
    "uncertainty.col.p_better": "Chance of gaining",
    "uncertainty.col.p_worse": "Risk of losing",
    "uncertainty.col.gain_p10": "Annual gain P10",
    "uncertainty.col.gain_p50": "Median annual gain",
    "uncertainty.col.gain_p90": "Annual gain P90",
    "uncertainty.distributions": "Uncertain assumptions and their ranges",
    "uncertainty.col.parameter": "Assumption",
    "uncertainty.col.dist": "Distribution",
    "uncertainty.col.p10": "P10",
    "uncertainty.col.base": "Central value",
    "uncertainty.col.p90": "P90",
    "uncertainty.col.unit": "Unit",
    "uncertainty.col.source": "Origin",
    "uncertainty.source.catalogue": "catalogue",
    "uncertainty.source.scenario": "scenario",
    "uncertainty.source.fixed": "fixed",
    "uncertainty.dist.fixed": "fixed",
    "uncertainty.dist.uniform": "uniform",
    "uncertainty.dist.triangular": "triangular",
    "uncertainty.dist.pert": "PERT",
    "uncertainty.dist.truncnormal": "truncated normal",
    "uncertainty.dist.lognormal": "lognormal",
    "field.uncertainty": "Uncertainty",
    "field.correlations": "Correlations",
}
