"""The 减员预测 tab: leavers per township, kind and year as the `forecast` command counts them,
a chart, printed (PDF) and exported; it follows ledger edits and speaks Chinese."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from planner.domain.county import PersonData
from planner.domain.months import Month
from planner.services import time_editing
from planner.services.forecasting import forecast_job, forecast_json
from tests.ledger_fixtures import fresh_settings, ledger_db  # noqa: F401  (fixtures)
from tests.test_ui_one_language import english_words, widget_strings
from ui import forecast_view


@pytest.fixture
def tab(qtbot, ledger_db, fresh_settings):
    from ui.main_window import MainWindow

    window = MainWindow(ledger_db, fresh_settings, features=False)
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    qtbot.addWidget(window)
    tab = forecast_view.install(window.workspace, window.tabs)
    window.resize(1366, 768)
    window.show()
    window.tabs.setCurrentWidget(tab)
    tab.window_ = window
    yield tab
    window.undo_stack.clear()


def shown(tab) -> dict[tuple[str, str], list[int]]:
    """(township, kind label) -> the leavers per year the table shows."""
    model = tab.model
    out = {}
    for r in range(model.rowCount()):
        cells = [model.index(r, c).data() for c in range(model.columnCount())]
        out[(cells[0], cells[1])] = [int(v) for v in cells[2:]]
    return out


def test_the_table_shows_the_forecast_commands_counts_for_five_years(tab, ledger_db, chinese_ui):
    assert tab.years_spin.value() == 5
    expected = forecast_json(forecast_job(ledger_db, 5))
    assert [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(2, 7)] == \
        [str(y) for y in expected["years"]]
    table = shown(tab)
    from planner.domain.vocabulary import kind_label
    total = 0
    for row in expected["leavers"]:
        counts = table[(row["township"], kind_label(row["kind"], "zh", cap=True))]
        year_index = expected["years"].index(row["year"])
        assert counts[year_index] == row["retirements"] + row["other"]
        total += row["retirements"] + row["other"]
    assert table[("全县合计", "")][-1] == total > 0
    tab.years_spin.setValue(3)
    assert tab.model.columnCount() == 2 + 3 + 1


def test_a_person_added_to_the_ledger_shows_in_the_forecast(tab, ledger_db):
    first = tab.forecast.years[0]
    township = tab.forecast.leaver_rows()[0][0]
    before = shown(tab)[("County total", "")][-1]
    # A man of 63 and more by the first year: retired by then whatever his band (60 to 63).
    with ledger_db.session() as s:
        time_editing.add_person(s, township, PersonData("即将退休", "support", sex="男", status="干部",
                                                        birth_month=Month(first - 63, 6)))
    tab.window_.reload_ledger()
    assert shown(tab)[("County total", "")][-1] == before + 1
    assert any(p.person.name == "即将退休" and p.leave_month < Month(first + 1, 1) for p in tab.forecast.people)


def test_one_township_is_shown_alone_and_charted(tab):
    name = tab.forecast.leaver_rows()[0][0]
    tab.township_combo.setCurrentIndex(tab.township_combo.findData(name))
    rows = {tab.proxy.index(r, 0).data() for r in range(tab.proxy.rowCount())}
    assert rows == {name}
    assert name in tab.canvas.figure.axes[0].get_title()


def test_the_forecast_is_printed_and_exported(tab, tmp_path, chinese_ui):
    pdf = tab.export_pdf(str(tmp_path / "forecast.pdf"))
    data = open(pdf, "rb").read()
    assert data.startswith(b"%PDF") and len(data) > 10_000
    document = tab.document()
    document.pdf_bytes()
    assert set("减员预测合计乡镇") <= set(document.used_text())  # the characters printed
    xlsx = tab.export_xlsx(str(tmp_path / "forecast.xlsx"))
    from openpyxl import load_workbook
    assert "离岗人数" in load_workbook(xlsx).sheetnames


def test_the_tab_fits_the_screen_and_speaks_chinese(tab, chinese_ui):
    tab.refresh()
    window = tab.window_
    assert window.width() <= 1366 and window.height() <= 768
    strings = widget_strings(tab)
    assert english_words(strings) == []
    assert window.tabs.tabText(window.tabs.indexOf(tab)) == "减员预测"
    assert "预计减员" in tab.summary.text()
