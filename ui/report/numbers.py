"""Figures and orders as the proposal prints them (no Qt)."""

from __future__ import annotations

KINDS = ("administrative", "institutional", "support")


def township_order(result: dict) -> list[str]:
    """Townships in the ledger's order (first appearance in the result)."""
    return list(dict.fromkeys(row["township"] for row in result.get("townships", [])))


def kinds_present(result: dict) -> list[str]:
    present = {row.get("kind") for row in result.get("townships", [])} | set(result.get("totals", {}))
    return [k for k in KINDS if k in present]


def fmt_int(value) -> str:
    return "" if value is None else f"{int(value)}"


def fmt_change(value) -> str:
    value = int(value or 0)
    return f"+{value}" if value > 0 else f"{value}"


def fmt_float(value, digits: int = 1) -> str:
    return "" if value is None else f"{float(value):.{digits}f}"
