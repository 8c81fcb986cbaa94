"""One rounding rule for every figure a reader sees: on screen, in print and in the workbook.

A figure is first taken at the precision the proposal publishes it with (the JSON
keeps the WISN FTE to two decimals and the ratios to three), then rounded half up
to the digits shown. The window, the printed proposal and the workbook all call
these helpers, so the same township's figure reads the same in all three (an FTE
published as 25.15 shows as 25.2 everywhere, never 25.1 in one place).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

FTE_DIGITS, FTE_PUBLISHED = 1, 2        # 需求FTE (WISN FTE): shown to 1 decimal, published to 2
RATIO_DIGITS, RATIO_PUBLISHED = 2, 3    # 编制/需求 and the WISN ratio: shown to 2, published to 3


def shown(value: float | None, digits: int, published: int) -> float | None:
    """The figure rounded half up to `digits`, from its published precision; None stays None."""
    if value is None:
        return None
    exact = Decimal(repr(round(float(value), published)))
    return float(exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))


def fte_shown(value: float | None) -> float | None:
    """A WISN FTE (需求FTE) as every reader shows it."""
    return shown(value, FTE_DIGITS, FTE_PUBLISHED)


def ratio_shown(value: float | None) -> float | None:
    """A ratio (编制/需求, WISN ratio) as every reader shows it."""
    return shown(value, RATIO_DIGITS, RATIO_PUBLISHED)


def fte_text(value: float | None, empty: str = "") -> str:
    figure = fte_shown(value)
    return empty if figure is None else f"{figure:.{FTE_DIGITS}f}"


def ratio_text(value: float | None, empty: str = "") -> str:
    figure = ratio_shown(value)
    return empty if figure is None else f"{figure:.{RATIO_DIGITS}f}"
