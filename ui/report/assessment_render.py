"""The printed township assessment: one A4 page per township, for the PDF, the printer and the preview.

Drawn by the printed proposal's own renderer (ui.report.render): the same fonts, page geometry,
page numbers and searchable PDF text; only the blocks differ (ui.report.assessment_content).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QImage

from planner.domain.assessment import CountyAssessment
from ui.report.assessment_content import AssessmentContent
from ui.report.fonts import ReportFonts, ensure_gui_application
from ui.report.geometry import Page
from ui.report.render import ProposalDocument


class AssessmentDocument(ProposalDocument):
    """The assessment pages of one or every township, in one language."""

    def __init__(self, result: CountyAssessment, lang: str = "zh_CN") -> None:  # noqa: super().__init__ wants a Proposal
        ensure_gui_application()
        self.result = result
        self.lang = lang
        self.fonts = ReportFonts.select(lang)
        self.figures = []
        self.blocks = AssessmentContent(result, lang).build()
        self.pages: list[Page] = []
        self._images: dict[int, QImage] = {}

    def title(self) -> str:
        if self.lang == "en":
            return f"{self.result.county} township establishment assessment"
        return f"{self.result.county}乡镇机构编制评估"


def write_assessment_pdf(result: CountyAssessment, path: str | os.PathLike, lang: str = "zh_CN") -> Path:
    """Write the assessment pages as a PDF (works without a display)."""
    return AssessmentDocument(result, lang).write_pdf(path)


# Long work for ui.tasks.run_task, ``f(*inputs, state)``: a province's assessment is thousands of pages.
def assessment_job(db, township: str | None, state) -> CountyAssessment:
    """The assessment itself, in a worker thread (its own session)."""
    from planner.domain.vocabulary import progress_words
    from planner.services.assessing import assessment_job as compute

    state.set_progress(0.05, progress_words("load"))
    return compute(db, township)


def assessment_pdf_job(result: CountyAssessment, path: str, lang: str, state) -> str:
    """The pages, in a spawned child process (laying out thousands of pages holds the GIL)."""
    from PySide6.QtGui import QGuiApplication

    from planner.domain.vocabulary import progress_words

    if QGuiApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"   # a child process draws, it never shows anything
    state.set_progress(0.1, progress_words("pages"))
    document = AssessmentDocument(result, lang)
    state.check_cancelled()
    document.write_pdf(path)
    state.set_progress(1.0, progress_words("done"))
    return str(path)


def assessment_xlsx_job(result: CountyAssessment, path: str, lang: str, state) -> str:
    from planner.domain.vocabulary import progress_words
    from planner.exports.assessment_xlsx import write_assessment_xlsx

    state.set_progress(0.1, progress_words("workbook"))
    write_assessment_xlsx(result, path, lang)
    state.set_progress(1.0, progress_words("done"))
    return str(path)
