"""Back-test against documented pooling cases (issue 16): would the model's band have contained
what happened?

>>> from simulator.backtest import backtest
>>> res = backtest(draws=2_000)                 # the cases bundled in simulator/data/backtest
>>> res.summary["coverage"]                     # doctest: +SKIP

Cases are data (``case.yaml`` + ``organisations.csv``, see ``docs/BACKTEST.md``); metrics are a
closed list (:data:`METRICS`); :func:`self_check` checks the band's coverage on the model's own
draws.
"""

from simulator.backtest.cases import RELIABILITY, Case, Outcome, bundled_cases_dir, load_case, load_cases
from simulator.backtest.metrics import METRICS, Metric
from simulator.backtest.run import BacktestResult, backtest, self_check

__all__ = ["METRICS", "RELIABILITY", "BacktestResult", "Case", "Metric", "Outcome", "backtest",
           "bundled_cases_dir", "load_case", "load_cases", "self_check"]
