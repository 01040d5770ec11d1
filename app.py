"""Mutualise — the Streamlit app: build a pool, see who gains, save and share it.

Run ``streamlit run app.py`` (or ``make run``). All pages live in :mod:`ui.pages`; this file only
starts the shell so that ``AppTest.from_file("app.py")`` and the browser tests exercise the real app.
"""

from ui.shell import main

main()
