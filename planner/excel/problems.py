"""Problems and notices found in a workbook, each tied to a sheet, row and column.

Every message is kept in Chinese and English so the command line and the
window can speak the user's language without translating at run time.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.errors import PlannerError, UserError


@dataclass(frozen=True)
class ImportProblem:
    """One thing wrong in a workbook.

    sheet is the sheet name as in the file (or the file name for a problem with
    the whole file), row the row number as Excel shows it, column the header as
    in the file and letter its column letter; any of them may be None.
    """

    sheet: str | None
    row: int | None
    column: str | None
    message_zh: str
    message_en: str
    letter: str | None = None

    def location(self, lang: str = "zh_CN") -> str:
        en = is_english(lang)
        parts = []
        if self.sheet is not None:
            parts.append(self.sheet)
        if self.row is not None:
            parts.append(f"row {self.row}" if en else f"第{self.row}行")
        if self.column is not None:
            if self.letter:
                parts.append(f"{self.column} (column {self.letter})" if en
                             else f"{self.column}({self.letter}列)")
            else:
                parts.append(self.column)
        return ", ".join(parts)

    def message(self, lang: str = "zh_CN") -> str:
        return self.message_en if is_english(lang) else self.message_zh

    def format(self, lang: str = "zh_CN") -> str:
        """`sheet, row, column: what is wrong`, the line users read and scripts grep."""
        where = self.location(lang)
        return f"{where}: {self.message(lang)}" if where else self.message(lang)


# Notices (ignored columns, defaults used, over-quota flags) have the same shape.
ImportNotice = ImportProblem


def is_english(lang: str | None) -> bool:
    return bool(lang) and str(lang).lower().startswith("en")


class CellError(UserError, ValueError):
    """A cell value that cannot be used, in both languages."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh = zh
        self.en = en
        self.message_zh, self.message_en = zh, en


def show(value: object) -> tuple[str, str]:
    """A cell value quoted for a message (Chinese quotes, English quotes)."""
    text = str(value)
    if len(text) > 40:
        text = text[:40] + "…"
    return f"“{text}”", f'"{text}"'


class SheetDefect(PlannerError, ValueError):  # turned into an ImportProblem before anyone sees it
    """A sheet's XML that cannot be read as cells (row numbers out of order or beyond
    Excel's last row, a shared string that does not exist, a cell over Excel's limits):
    reading that sheet stops here. row and letter say where, as far as known."""

    def __init__(self, row: int | None, letter: str | None, zh: str, en: str) -> None:
        super().__init__(en, message_zh=zh, message_en=en)
        self.row = row
        self.letter = letter
        self.zh = zh
        self.en = en
