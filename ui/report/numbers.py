"""Figures and orders as the proposal prints them (no Qt)."""

from __future__ import annotations

def fmt_int(value) -> str:
    return "" if value is None else f"{int(value)}"


def fmt_change(value) -> str:
    value = int(value or 0)
    return f"+{value}" if value > 0 else f"{value}"


def fmt_float(value, digits: int = 1) -> str:
    return "" if value is None else f"{float(value):.{digits}f}"
