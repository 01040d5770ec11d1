"""A YAML reader for files from strangers: bounded work, no duplicate keys, no surprises.

PyYAML's ``safe_load`` executes nothing, but it still lets a 1 KB file ask for unbounded work:
aliases that expand exponentially ("billion laughs": each level repeats the previous one ten
times — harmless while shared, ruinous when a merge, a copy or an error message expands it),
nesting deep enough to exhaust Python's recursion, and duplicate keys where the last silently
wins. :func:`load` refuses all of them with an :class:`~simulator.errors.InputError` naming the
line, before any value is used:

- at most :data:`MAX_TEXT_CHARS` characters and :data:`MAX_ALIASES` aliases (``*name``);
- at most :data:`MAX_DEPTH` nested levels;
- at most :data:`MAX_NODES` values once every alias is expanded (counted on the shared graph,
  in time proportional to the file, never by expanding it);
- a key given twice in one mapping is an error (YAML 1.2 says keys are unique).
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from simulator.errors import InputError
from simulator.messages import Message, msg

#: Largest scenario text read (characters); example scenarios are under 5 000.
MAX_TEXT_CHARS = 1_000_000
#: Most aliases (``*name``) in one file; scenarios use a handful at most.
MAX_ALIASES = 100
#: Deepest nesting of mappings and lists; a scenario needs about 6.
MAX_DEPTH = 40
#: Most values (scalars, lists, mappings) once aliases are expanded.
MAX_NODES = 100_000


class _BoundedLoader(yaml.SafeLoader):
    """SafeLoader that counts aliases and depth while composing and refuses duplicate keys."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._aliases = 0
        self._depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise _Refused(self.peek_event().start_mark, msg(
                    "yaml.aliases", "more than {max} aliases (*name); write the values out", max=MAX_ALIASES))
            return Composer.compose_node(self, parent, index)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(self.peek_event().start_mark, _too_deep())
            return Composer.compose_node(self, parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:  # type: ignore[override]
        seen: dict[Any, Any] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _Refused(key_node.start_mark, msg("yaml.key_not_plain",
                                                        "a key must be a plain name, not a list or mapping"))
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise _Refused(key_node.start_mark, msg(
                    "yaml.duplicate_key", "the key '{key}' appears twice (first on line {line}); keep one",
                    key=_short(key), line=seen[key].line + 1))
            seen[key] = key_node.start_mark
        return super().construct_mapping(node, deep=deep)


class _Refused(yaml.YAMLError):
    def __init__(self, mark: Any, problem: Message) -> None:
        super().__init__(problem)
        self.problem_mark = mark
        self.problem = problem


def expanded_size(root: Node) -> int:
    """Number of nodes once every alias is expanded, computed on the shared graph.

    ``size(n) = 1 + Σ size(children)``, memoised by node identity: linear in the file's size
    even when the expansion is exponential; stops counting as soon as :data:`MAX_NODES` is passed.
    """
    memo: dict[int, int] = {}
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:  # iterative post-order: no recursion, whatever the shape
        node, done = stack.pop()
        if id(node) in memo:
            continue
        children = _children(node)
        if done or not children:
            memo[id(node)] = min(MAX_NODES + 1, 1 + sum(memo.get(id(c), 0) for c in children))
            continue
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in memo)
    return memo[id(root)]


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def load(text: str, source: str | None = None) -> Any:
    """Parse YAML ``text`` within the limits above; problems are :class:`InputError` naming the line."""
    if len(text) > MAX_TEXT_CHARS:
        raise InputError("(file)", msg("yaml.too_long", "the file is {size} characters long; a scenario has at "
                                       "most {max}", size=len(text), max=MAX_TEXT_CHARS), source)
    loader = None
    try:
        loader = _BoundedLoader(text)
        root = loader.get_single_node()
        if root is None:
            return None
        if expanded_size(root) > MAX_NODES:
            raise _Refused(root.start_mark, msg("yaml.too_many_values", "the file expands to more than {max} "
                                                "values (aliases repeated inside aliases?)", max=MAX_NODES))
        return loader.construct_document(root)
    except _Refused as exc:
        raise InputError(_where(exc), exc.problem, source) from None
    except yaml.YAMLError as exc:
        raise InputError(_where(exc), msg("yaml.invalid", "this is not valid YAML ({detail})", detail=_problem(exc)),
                         source) from None
    except RecursionError:  # belt and braces: the depth limit should catch this first
        raise InputError("(file)", _too_deep(), source) from None
    finally:
        if loader is not None:
            loader.dispose()


def _too_deep() -> Message:
    return msg("yaml.too_deep", "more than {max} levels of nesting", max=MAX_DEPTH)


def _where(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    return f"line {mark.line + 1}, column {mark.column + 1}" if mark else "(file)"


def _problem(exc: yaml.YAMLError) -> str:
    text = " ".join(str(getattr(exc, "problem", None) or exc).split())
    if isinstance(exc, ConstructorError) and "unhashable" in text:
        return "a key must be a plain name"
    return _short(text, 200)


def _short(value: Any, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
