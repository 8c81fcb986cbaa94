"""The assessment from the window: the same figures as the ledger shows, and the pages and workbook it writes."""

from __future__ import annotations

import subprocess
from pathlib import Path

import openpyxl
import pytest

from planner.domain.county import KINDS
from planner.services.assessing import assessment_job
from planner.store.reads import township_summaries
from tests.ledger_fixtures import fresh_settings, ledger_db  # noqa: F401  (fixtures)


def test_the_assessment_reads_the_ledgers_own_figures(ledger_db):
    """One definition: vacancy, over-quota, the need and the WISN ratio equal the ledger table's, township by
    township (the ledger sums duty hours in SQL, the assessment in Python)."""
    result = assessment_job(ledger_db)
    for row in township_summaries(ledger_db):
        t = result.township(row.name)
        for kind in KINDS:
            mine, ledger = t.kind(kind), row.kind(kind)
            assert (mine.approved, mine.staff, mine.vacancy, mine.over_quota) == \
                (ledger.approved, ledger.staff, ledger.vacancy, ledger.over_quota)
            assert mine.need_fte == pytest.approx(ledger.required_fte, abs=1e-9)
            assert mine.status == ledger.status
            if ledger.pressure is None:
                assert mine.wisn_ratio is None
            else:
                assert mine.wisn_ratio == pytest.approx(ledger.pressure, abs=1e-12)


def test_the_window_assesses_the_township_under_the_cursor_and_writes_pdf_and_excel(ledger_db, qtbot, tmp_path,
                                                                                       fresh_settings):
    from ui import tasks
    from ui.main_window import MainWindow

    window = MainWindow(ledger_db, fresh_settings)
    qtbot.addWidget(window)
    panel = window.ledger_panel
    panel.view.setCurrentIndex(panel.proxy.index(2, 0))
    name = panel.model.summary_at(2).name
    actions = window.assessment
    assert actions.action_assess_township in panel.view.actions()          # the ledger's context menu
    assert actions.action_assess in window.menu_tools.actions()
    actions.action_assess_township.trigger()
    dialog = actions.dialog
    qtbot.addWidget(dialog)
    assert dialog.township() == name
    with tasks.synchronous(True):          # the writing runs off the GUI thread; here inline, in order
        pdf = dialog.save_pdf(str(tmp_path / "one.pdf"))
        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout
        assert "".join(text.split()).startswith(f"Assessmentof{name}")   # the English window prints English
        assert dialog.message.text() == f"Written: {pdf}" and dialog.pdf_button.isEnabled()
        dialog.township_box.setCurrentIndex(0)                              # all townships
        xlsx = dialog.save_xlsx(str(tmp_path / "all.xlsx"))
    sheet = openpyxl.load_workbook(xlsx).worksheets[0]
    assert {sheet.cell(r, 1).value for r in range(3, sheet.max_row + 1)} == \
        {row.name for row in township_summaries(ledger_db)}
    # Never over the ledger itself: refused with the reason, nothing written.
    ledger = Path(str(ledger_db.url).removeprefix("sqlite:///"))
    before = ledger.read_bytes()
    assert dialog.save_pdf(str(ledger)) is None
    assert dialog.message.text() and ledger.read_bytes() == before
