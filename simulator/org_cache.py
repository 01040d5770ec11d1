"""A parsed organisation table is read once per file and content.

Parsing and checking the bundled sample costs a few milliseconds (one ``_parse_cell`` per cell),
several times the kernel's own time for a small pool. Every CLI call, app cache miss and
per-variant loop used to pay it again. :func:`cached_organisations` keeps the last parsed tables
(least recently used first out), keyed by

* a file: its resolved path, size and modification time (``st_mtime_ns``) — an edited file is
  read again, an unchanged one is not;
* upload bytes or CSV text: the SHA-256 of the content — the same upload under another name is
  parsed once.

A table that fails to read is never cached: the next call raises the same error again. Each call
returns its own :class:`~simulator.organisations.Organisations` (:meth:`~simulator.organisations.
Organisations.copy`: the parsed read-only columns are shared, and each copy builds its own
DataFrame if asked for ``.table``), so a caller that edits ``orgs.table`` cannot change what the
next caller gets. Nothing here loads pandas (issue 15: ``mutualise validate`` stays pandas-free).
"""

from __future__ import annotations

import hashlib
import threading
import weakref
from collections import OrderedDict
from pathlib import Path
from typing import Any

from simulator.organisations import Organisations, read_organisations

#: How many parsed tables are kept (the app holds the sample plus a few uploads).
MAX_ENTRIES = 16

_entries: OrderedDict[tuple[Any, ...], Organisations] = OrderedDict()
_lock = threading.Lock()
_stats = {"hits": 0, "misses": 0}
_shared: weakref.WeakSet[Organisations] = weakref.WeakSet()  # the cached objects themselves


def cached_organisations(source: str | Path | bytes, *, name: str | None = None,
                         copy: bool = True) -> Organisations:
    """:func:`~simulator.organisations.read_organisations`, parsed once per file or content.

    ``source`` is a path, CSV text (a ``str`` containing a line break) or upload bytes; anything
    else (a DataFrame) is read directly, uncached. Errors are those of the reader. ``copy=False``
    hands out the shared table itself: only for callers that never modify it (the compiler,
    which takes a subset — itself a copy — before anything else).
    """
    key = cache_key(source, name)
    if key is None:
        return read_organisations(source, name=name)
    with _lock:
        hit = _entries.get(key)
        if hit is not None:
            _entries.move_to_end(key)
            _stats["hits"] += 1
    if hit is None:
        hit = read_organisations(source, name=name)  # raises: nothing cached
        with _lock:
            _stats["misses"] += 1
            _entries[key] = hit
            _shared.add(hit)
            while len(_entries) > MAX_ENTRIES:
                _entries.popitem(last=False)
    if not copy:
        return hit
    return hit.copy()


def cache_key(source: Any, name: str | None) -> tuple[Any, ...] | None:
    """What identifies a table's content: (path, size, mtime) or a content hash; None = uncacheable."""
    if isinstance(source, bytes | bytearray | memoryview):
        return ("bytes", hashlib.sha256(source).hexdigest(), name)
    if isinstance(source, str) and "\n" in source:
        return ("text", hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest(), name)
    if isinstance(source, str | Path):
        path = Path(source)
        try:
            stat = path.stat()
        except OSError:
            return None  # missing file: let the reader say so
        return ("file", str(path.resolve()), stat.st_size, stat.st_mtime_ns, name)
    return None


def is_shared(orgs: Organisations) -> bool:
    """Whether ``orgs`` is a table held by this cache (handed out only with ``copy=False``, to
    callers that never modify it): what is derived from it may be cached on its identity."""
    return orgs in _shared


def clear_cache() -> None:
    """Forget every parsed table (tests; a long-running process that wants memory back)."""
    with _lock:
        _entries.clear()
        _stats.update(hits=0, misses=0)


def cache_info() -> dict[str, int]:
    """Hits, misses and tables currently held."""
    with _lock:
        return {**_stats, "size": len(_entries)}
