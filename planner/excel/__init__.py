"""Excel import and export of the ledger in the template of interfaces.md.

    write_template(path)                     the blank template
    write_workbook(path, county)             a CountyData in the template's format
    read_workbook(path) -> ReadResult        CountyData or every problem (no database)
    build_preview(before, after)             what an import changes
    read_for_import / import_workbook / export_workbook / apply_county   against a Database
"""

from planner.excel.preview import ImportPreview, KindTotals, build_preview
from planner.excel.problems import ImportNotice, ImportProblem
from planner.excel.reader import Cancelled
from planner.excel.service import (
    Applied, ImportOutcome, apply_county, compare_with_ledger, current_county, export_workbook,
    import_workbook, read_for_import, read_ledger,
)
from planner.excel.template import MAX_DATA_ROWS, SHEETS
from planner.excel.validate import ReadResult, read_workbook
from planner.excel.writer import write_template, write_workbook

__all__ = [
    "Applied", "Cancelled", "ImportNotice", "ImportOutcome", "ImportPreview", "ImportProblem", "KindTotals",
    "MAX_DATA_ROWS", "ReadResult", "SHEETS", "apply_county", "build_preview", "compare_with_ledger", "current_county",
    "export_workbook", "import_workbook", "read_for_import", "read_ledger", "read_workbook", "write_template",
    "write_workbook",
]
