"""``python -m simulator`` runs the command line."""

import sys

try:
    from simulator.cli import main
except KeyboardInterrupt:  # Ctrl-C while the command line is still loading
    print("interrupted: nothing was written", file=sys.stderr)
    sys.exit(130)

sys.exit(main())
