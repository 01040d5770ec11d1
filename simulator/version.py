"""Model version, stamped in every result (see CHANGELOG.md)."""

__version__ = "0.3.2"
MODEL_VERSION = __version__
