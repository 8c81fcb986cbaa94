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
