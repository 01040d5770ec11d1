"""Compact, safe encoding of a scenario for a shareable URL (``?s=...``).

A scenario travels as its canonical JSON, compressed with zlib and encoded base64url without
padding. Decoding is defensive: the text length, the decompressed size and the JSON shape are all
capped and checked, and nothing in the payload is ever executed; the decoded mapping must then be
validated by the engine (``Scenario.from_dict``) like any upload.
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib
from typing import Any

#: Longest accepted ``s=`` value (characters) — browsers handle URLs far longer, but a scenario
#: is small; anything bigger is not ours.
MAX_TOKEN_CHARS = 60_000
#: Largest accepted decompressed JSON (bytes) — guards against zip bombs.
MAX_JSON_BYTES = 2_000_000


class ShareError(ValueError):
    """The link's scenario could not be read (truncated, altered or not a scenario)."""


def canonical_json(data: Any) -> str:
    """Deterministic compact JSON: sorted keys, no spaces, UTF-8 kept readable."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False)


def encode(data: dict[str, Any]) -> str:
    """Encode a scenario mapping into a URL-safe token."""
    raw = canonical_json(data).encode("utf-8")
    packed = zlib.compress(raw, level=9)
    return base64.urlsafe_b64encode(packed).decode("ascii").rstrip("=")


def decode(token: str) -> dict[str, Any]:
    """Decode a token made by :func:`encode`; raise :class:`ShareError` on anything else."""
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_CHARS:
        raise ShareError("bad_length")
    try:
        packed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except (binascii.Error, ValueError) as exc:
        raise ShareError("bad_encoding") from exc
    inflater = zlib.decompressobj()
    try:
        raw = inflater.decompress(packed, MAX_JSON_BYTES)
    except zlib.error as exc:
        raise ShareError("bad_compression") from exc
    if inflater.unconsumed_tail:
        raise ShareError("too_large")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ShareError("bad_json") from exc
    except RecursionError as exc:  # [[[[…]]]] nested deeper than Python recurses
        raise ShareError("too_deep") from exc
    if not isinstance(data, dict):
        raise ShareError("not_a_mapping")
    return data
