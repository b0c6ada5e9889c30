"""Goldstein scores and QuadClass."""

from __future__ import annotations

from newsgraph.extract.events.goldstein import goldstein, quad_class


def test_goldstein_scores() -> None:
    assert goldstein("040") == 1.0
    assert goldstein("190") == -10.0
    assert goldstein("0841") == 7.0
    assert goldstein("1712") == -9.2
    assert goldstein("19") == -10.0
    assert goldstein(None) is None
    assert goldstein("999") is None


def test_quad_class_from_root() -> None:
    assert [quad_class(c) for c in ("010", "057", "060", "0874", "090", "138", "140", "204")] == [
        1,
        1,
        2,
        2,
        3,
        3,
        4,
        4,
    ]
    assert quad_class("903") is None  # a test-only code
    assert quad_class(None) is None
