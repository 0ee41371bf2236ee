"""Values for ``IN (...)`` lists, in batches well under SQLite's parameter limit."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")
BATCH = 500


def batched(values: Iterable[T]) -> Iterator[list[T]]:
    """The distinct values, sorted (so each query reads the index in order), in lists of ``BATCH``."""
    ordered: list[Any] = sorted(set(values))
    for start in range(0, len(ordered), BATCH):
        yield ordered[start:start + BATCH]


def marks(values: list) -> str:
    """``?, ?, ?`` for a driver-level ``IN (...)`` over ``values``."""
    return ", ".join("?" for _ in values)
