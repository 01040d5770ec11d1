"""Model version, stamped in every result (see CHANGELOG.md)."""

__version__ = "0.3.1"
MODEL_VERSION = __version__
