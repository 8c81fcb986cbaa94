"""Exports as long tasks ``f(*inputs, state)`` for ui.tasks.run_task.

The PDF job runs in a spawned child process from the window: a province's
proposal has thousands of roster rows, and laying them out holds the GIL. The
child paints on an offscreen QGuiApplication of its own and never shows a
window. The Excel and Word jobs are plain Python and run in a thread.
"""

from __future__ import annotations

import os

from planner.domain.proposal import Proposal
from planner.domain.vocabulary import progress_words


def export_pdf_job(proposal: Proposal, path: str, lang: str, part: str, state) -> str:
    """The body of the proposal, its annexes or both (`part`: body | annexes | all) as a PDF."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a child process draws, it never shows anything
    from ui.report.render import ProposalDocument

    state.set_progress(0.05, progress_words("charts"))
    document = ProposalDocument(proposal, lang, part=part)
    state.check_cancelled()
    state.set_progress(0.4, progress_words("pages"))
    document.write_pdf(path)
    state.set_progress(1.0, progress_words("done"))
    return str(path)


def export_xlsx_job(proposal: Proposal, path: str, lang: str, part: str, state) -> str:
    """The proposal workbook: the body's sheets, the annexes' or all (`part`, as for the PDF)."""
    from planner.exports.proposal_xlsx import write_proposal_xlsx

    state.set_progress(0.1, progress_words("workbook"))
    write_proposal_xlsx(proposal, path, lang, part)
    state.set_progress(1.0, progress_words("done"))
    return str(path)


def export_docx_job(proposal: Proposal, path: str, lang: str, state) -> str:
    """The request (请示) to the committee as an editable Word document."""
    from planner.exports.request_docx import write_request_docx

    state.set_progress(0.1, progress_words("document"))
    write_request_docx(proposal, path, lang)
    state.set_progress(1.0, progress_words("done"))
    return str(path)
