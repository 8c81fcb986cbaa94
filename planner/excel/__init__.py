"""Excel import and export of the ledger in the template of interfaces.md.

    write_template(path)                     the blank template
    write_workbook(path, county)             a CountyData in the template's format
    read_workbook(path) -> ReadResult        CountyData or every problem (no database)
    build_preview(before, after)             what an import changes

The file format only: reading and writing against a database is planner.services.excel.
"""

from planner.excel.preview import ImportPreview, KindTotals, build_preview
from planner.excel.problems import ImportNotice, ImportProblem
from planner.excel.reader import Cancelled
from planner.excel.template import MAX_DATA_ROWS, SHEETS
from planner.excel.validate import ReadResult, read_workbook
from planner.excel.writer import write_template, write_workbook

__all__ = [
    "Cancelled", "ImportNotice", "ImportPreview", "ImportProblem", "KindTotals", "MAX_DATA_ROWS", "ReadResult",
    "SHEETS", "build_preview", "read_workbook", "write_template", "write_workbook",
]
