"""Dialogs to add or edit one scenario change, built from a small form description per change type.

The dialog never judges a change itself: on OK it asks the view to apply the
scenario's whole list with this change to the current ledger
(planner.scenarios.store.check_changes) and shows that error, which names the
problem, under the form; it closes only when the change fits.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QCompleter, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QRadioButton, QSpinBox, QVBoxLayout, QWidget,
)

from planner.domain.county import CATEGORIES, KINDS, CountyData
from planner.scenarios.changes import Change
from planner.scenarios.store import CHANGE_TYPES
from planner.domain.workload import PARAMETER_RANGES
from ui.labels import category_label, kind_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("ScenarioDialogs", text)


@dataclass
class F:
    """One form field: `name` is the change's dataclass field, `kind` the widget to use."""

    name: str
    label: str
    kind: str
    options: dict[str, Any] = field(default_factory=dict)


@dataclass
class Either:
    """Two fields of which exactly one is given (a cut by percent or by slots; a band per township or class)."""

    first: F
    second: F


TITLES = {
    "total_cut": QT_TRANSLATE_NOOP("ScenarioDialogs", "Total cut"),
    "reserve": QT_TRANSLATE_NOOP("ScenarioDialogs", "County reserve"),
    "band": QT_TRANSLATE_NOOP("ScenarioDialogs", "Quota band (min / max)"),
    "duty_growth": QT_TRANSLATE_NOOP("ScenarioDialogs", "Workload growth"),
    "duty_added": QT_TRANSLATE_NOOP("ScenarioDialogs", "New duty"),
    "duty_removed": QT_TRANSLATE_NOOP("ScenarioDialogs", "Duty removed"),
    "param": QT_TRANSLATE_NOOP("ScenarioDialogs", "Parameter"),
    "horizon": QT_TRANSLATE_NOOP("ScenarioDialogs", "Plan horizon"),
    "lock": QT_TRANSLATE_NOOP("ScenarioDialogs", "Lock or unlock a township"),
    "merge": QT_TRANSLATE_NOOP("ScenarioDialogs", "Merge two townships"),
    "split": QT_TRANSLATE_NOOP("ScenarioDialogs", "Split a township"),
    # No form: the change copies the standing checks' category bands (ui.scenario_changes).
    "library_bands": QT_TRANSLATE_NOOP("ScenarioDialogs", "Category bands from the standing checks"),
}
FORMS: dict[str, list[F | Either]] = {
    "total_cut": [
        F("kind", QT_TRANSLATE_NOOP("ScenarioDialogs", "Quota kind"), "kind"),
        Either(F("percent", QT_TRANSLATE_NOOP("ScenarioDialogs", "Cut by percent"), "float",
                 {"min": 0.1, "max": 100, "value": 5, "suffix": " %"}),
               F("slots", QT_TRANSLATE_NOOP("ScenarioDialogs", "Cut by slots"), "int",
                 {"min": 1, "max": 100000, "value": 5}))],
    "reserve": [
        F("kind", QT_TRANSLATE_NOOP("ScenarioDialogs", "Quota kind"), "kind"),
        F("slots", QT_TRANSLATE_NOOP("ScenarioDialogs", "Slots kept in reserve"), "int",
          {"min": 0, "max": 100000, "value": 5})],
    "band": [
        F("kind", QT_TRANSLATE_NOOP("ScenarioDialogs", "Quota kind"), "kind"),
        Either(F("township", QT_TRANSLATE_NOOP("ScenarioDialogs", "For one township"), "township"),
               F("category", QT_TRANSLATE_NOOP("ScenarioDialogs", "For every township of a class"), "category")),
        F("min", QT_TRANSLATE_NOOP("ScenarioDialogs", "Minimum"), "opt_int", {"value": 30}),
        F("max", QT_TRANSLATE_NOOP("ScenarioDialogs", "Maximum"), "opt_int", {"value": 45})],
    "duty_growth": [
        F("match", QT_TRANSLATE_NOOP("ScenarioDialogs", "Duty or office name contains"), "text",
          {"complete": "duties_offices", "value": "应急管理"}),
        F("percent", QT_TRANSLATE_NOOP("ScenarioDialogs", "Change of workload"), "float",
          {"min": -100, "max": 1000, "value": 20, "suffix": " %"}),
        F("townships", QT_TRANSLATE_NOOP("ScenarioDialogs", "Townships"), "townships")],
    "duty_added": [
        F("office", QT_TRANSLATE_NOOP("ScenarioDialogs", "Office"), "text", {"complete": "offices"}),
        F("office_kind", QT_TRANSLATE_NOOP("ScenarioDialogs", "Office's quota kind"), "kind"),
        F("name", QT_TRANSLATE_NOOP("ScenarioDialogs", "Duty"), "text"),
        F("annual_volume", QT_TRANSLATE_NOOP("ScenarioDialogs", "Cases per year"), "float", {"max": 1e7}),
        F("minutes_per_case", QT_TRANSLATE_NOOP("ScenarioDialogs", "Minutes per case"), "float", {"max": 1e5}),
        F("fixed_hours", QT_TRANSLATE_NOOP("ScenarioDialogs", "Fixed hours per year"), "float", {"max": 1e6}),
        F("needs_backup", QT_TRANSLATE_NOOP("ScenarioDialogs", "Needs an A/B backup"), "bool", {"value": True}),
        F("townships", QT_TRANSLATE_NOOP("ScenarioDialogs", "Townships"), "townships")],
    "duty_removed": [
        F("name", QT_TRANSLATE_NOOP("ScenarioDialogs", "Duty"), "text", {"complete": "duties"}),
        F("townships", QT_TRANSLATE_NOOP("ScenarioDialogs", "Townships"), "townships")],
    "param": [
        F("field", QT_TRANSLATE_NOOP("ScenarioDialogs", "Parameter"), "param"),
        F("value", QT_TRANSLATE_NOOP("ScenarioDialogs", "Value in this scenario"), "float",
          {"max": 366, "decimals": 2})],
    "horizon": [
        F("years", QT_TRANSLATE_NOOP("ScenarioDialogs", "Years the multi-year plan covers"), "int",
          {"min": 1, "max": 20, "value": 5})],
    "lock": [
        F("township", QT_TRANSLATE_NOOP("ScenarioDialogs", "Township"), "township"),
        F("locked", QT_TRANSLATE_NOOP("ScenarioDialogs", "Locked (keeps its quota)"), "bool", {"value": True})],
    "merge": [
        F("a", QT_TRANSLATE_NOOP("ScenarioDialogs", "First township"), "township"),
        F("b", QT_TRANSLATE_NOOP("ScenarioDialogs", "Second township"), "township", {"index": 1}),
        F("new_name", QT_TRANSLATE_NOOP("ScenarioDialogs", "Name of the merged township"), "text"),
        F("leadership", QT_TRANSLATE_NOOP("ScenarioDialogs", "Leadership posts of the merged township"), "int",
          {"max": 100})],
    "split": [
        F("township", QT_TRANSLATE_NOOP("ScenarioDialogs", "Township"), "township"),
        F("new_a", QT_TRANSLATE_NOOP("ScenarioDialogs", "First new township"), "text"),
        F("new_b", QT_TRANSLATE_NOOP("ScenarioDialogs", "Second new township"), "text"),
        F("share_a", QT_TRANSLATE_NOOP("ScenarioDialogs", "Share of the first (volumes, staff)"), "share"),
        F("approved_a", QT_TRANSLATE_NOOP("ScenarioDialogs", "Approved quota of the first"), "kind_ints"),
        F("staff_a", QT_TRANSLATE_NOOP("ScenarioDialogs", "Staff of the first"), "kind_ints"),
        F("leadership_a", QT_TRANSLATE_NOOP("ScenarioDialogs", "Leadership posts of the first"), "opt_int"),
        F("leadership_b", QT_TRANSLATE_NOOP("ScenarioDialogs", "Leadership posts of the second"), "opt_int")],
}


class TownshipsField(QWidget):
    """All townships, or the ones ticked."""

    def __init__(self, names: list[str], parent=None) -> None:
        super().__init__(parent)
        self.all_box = QCheckBox(QCoreApplication.translate("ScenarioDialogs", "All townships"))
        self.all_box.setChecked(True)
        self.list = QListWidget()
        self.list.setMaximumHeight(140)
        for name in names:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.setEnabled(False)
        self.all_box.toggled.connect(lambda on: self.list.setEnabled(not on))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.all_box)
        layout.addWidget(self.list)

    def value(self) -> list[str] | None:
        if self.all_box.isChecked():
            return None
        return [self.list.item(i).text() for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def set_value(self, names: list[str] | None) -> None:
        self.all_box.setChecked(names is None)
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setCheckState(Qt.CheckState.Checked if names and item.text() in names else Qt.CheckState.Unchecked)


class Optional(QWidget):
    """A check box that switches a spin box on; unchecked means None."""

    def __init__(self, inner: QWidget, text: str, parent=None) -> None:
        super().__init__(parent)
        self.inner = inner
        self.box = QCheckBox(text)
        self.box.toggled.connect(inner.setEnabled)
        inner.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(inner, 1)


class KindInts(QWidget):
    """A whole number per quota kind, or None (then the share decides)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.box = QCheckBox(QCoreApplication.translate("ScenarioDialogs", "Set by hand"))
        self.spins = {kind: QSpinBox() for kind in KINDS}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        for kind, spin in self.spins.items():
            spin.setRange(0, 100000)
            spin.setPrefix(kind_label(kind) + " ")
            spin.setEnabled(False)
            self.box.toggled.connect(spin.setEnabled)
            layout.addWidget(spin)

    def value(self) -> dict[str, int] | None:
        return {k: s.value() for k, s in self.spins.items()} if self.box.isChecked() else None

    def set_value(self, value: dict[str, int] | None) -> None:
        self.box.setChecked(value is not None)
        for kind, spin in self.spins.items():
            spin.setValue(int((value or {}).get(kind, 0)))


class ChangeDialog(QDialog):
    """Add (change=None) or edit one change of type `change_type`.

    check(change) returns None when the change fits the scenario and ledger,
    else the message to show.
    """

    def __init__(self, change_type: str, county: CountyData, check: Callable[[Change], str | None],
                 change: Change | None = None, parent=None) -> None:
        super().__init__(parent)
        self.change_type, self.county, self.check = change_type, county, check
        self.cls = CHANGE_TYPES[change_type]
        self.result_change: Change | None = None
        self.setWindowTitle(_tr(TITLES[change_type]))
        self.widgets: dict[str, QWidget] = {}
        self.radios: dict[str, QRadioButton] = {}
        form = QFormLayout()
        for item in FORMS[change_type]:
            if isinstance(item, Either):
                group = QButtonGroup(self)
                for f in (item.first, item.second):
                    radio = QRadioButton(_tr(f.label))
                    group.addButton(radio)
                    self.radios[f.name] = radio
                    widget = self._widget(f)
                    radio.toggled.connect(widget.setEnabled)
                    widget.setEnabled(False)
                    form.addRow(radio, widget)
                self.radios[item.first.name].setChecked(True)
            else:
                widget = self._widget(item)
                form.addRow(_tr(item.label), widget)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._connect_defaults()
        if change is not None:
            self.set_change(change)
        self.setMinimumWidth(460)

    # -- widgets ------------------------------------------------------------
    def _widget(self, f: F) -> QWidget:
        o = f.options
        names = [t.name for t in self.county.townships]
        if f.kind == "kind":
            w = QComboBox()
            for kind in KINDS:
                w.addItem(kind_label(kind), kind)
        elif f.kind == "township":
            w = QComboBox()
            for name in names:
                w.addItem(name, name)
            w.setCurrentIndex(min(o.get("index", 0), len(names) - 1))
        elif f.kind == "category":
            w = QComboBox()
            for c in CATEGORIES:
                w.addItem(category_label(c), c)
        elif f.kind == "param":
            w = QComboBox()
            for name, (_low, _high, label) in PARAMETER_RANGES.items():
                w.addItem(f"{label} ({name})", name)
        elif f.kind == "townships":
            w = TownshipsField(names)
        elif f.kind == "text":
            w = QLineEdit(str(o.get("value", "")))
            words = self._completions(o.get("complete", ""))
            if words:
                completer = QCompleter(words, w)
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                w.setCompleter(completer)
        elif f.kind == "bool":
            w = QCheckBox()
            w.setChecked(bool(o.get("value", False)))
        elif f.kind in ("int", "opt_int"):
            w = QSpinBox()
            w.setRange(int(o.get("min", 0)), int(o.get("max", 100000)))
            w.setValue(int(o.get("value", 0)))
            if f.kind == "opt_int":
                w = Optional(w, QCoreApplication.translate("ScenarioDialogs", "Set"))
        elif f.kind in ("float", "share"):
            w = QDoubleSpinBox()
            if f.kind == "share":  # shown as a percent, stored as a fraction
                w.setRange(1, 99)
                w.setValue(50)
                w.setSuffix(" %")
                w.setDecimals(1)
            else:
                w.setDecimals(int(o.get("decimals", 1)))
                w.setRange(float(o.get("min", 0)), float(o.get("max", 1e6)))
                w.setValue(float(o.get("value", 0)))
                w.setSuffix(o.get("suffix", ""))
        elif f.kind == "kind_ints":
            w = KindInts()
        else:  # pragma: no cover - a form description error
            raise ValueError(f.kind)
        w.setObjectName(f.name)
        self.widgets[f.name] = w
        return w

    def _completions(self, what: str) -> list[str]:
        words: set[str] = set()
        for t in self.county.townships:
            if what in ("offices", "duties_offices"):
                words.update(o.name for o in t.offices)
            if what in ("duties", "duties_offices"):
                words.update(d.name for d in t.duties)
        return sorted(words)

    def _connect_defaults(self) -> None:
        """Sensible defaults that follow the user's choices (merged leadership, a parameter's value)."""
        if self.change_type == "merge":
            for name in ("a", "b"):
                self.widgets[name].currentIndexChanged.connect(self._merge_defaults)
            self._merge_defaults()
        elif self.change_type == "param":
            self.widgets["field"].currentIndexChanged.connect(self._param_default)
            self.widgets["field"].setCurrentIndex(self.widgets["field"].findData("backup_load_factor"))
            self._param_default()
        elif self.change_type == "horizon":  # starts from the ledger's own 规划年限
            self.widgets["years"].setValue(int(self.county.time.horizon_years))
        elif self.change_type == "split":
            self.widgets["township"].currentIndexChanged.connect(self._split_defaults)
            self.widgets["share_a"].valueChanged.connect(self._split_shares)
            self._split_defaults()

    def _township(self, field_name: str):
        name = self.widgets[field_name].currentData()
        return next((t for t in self.county.townships if t.name == name), None)

    def _merge_defaults(self) -> None:
        a, b = self._township("a"), self._township("b")
        if a is None or b is None:
            return
        self.widgets["leadership"].setValue(max(a.quota("administrative").leadership,
                                                b.quota("administrative").leadership))
        self.widgets["new_name"].setText(a.name)

    def _param_default(self) -> None:
        name = self.widgets["field"].currentData()
        low, high, _label = PARAMETER_RANGES[name]
        spin = self.widgets["value"]
        spin.setRange(low, high)
        spin.setDecimals(0 if name == "max_backup_roles" else 2)
        spin.setValue(float(getattr(self.county.params, name)))

    def _split_defaults(self) -> None:
        t = self._township("township")
        if t is None:
            return
        base = t.name[:-1] if t.name[-1:] in "乡镇" else t.name
        self.widgets["new_a"].setText(base + "东" + t.name[len(base):])
        self.widgets["new_b"].setText(base + "西" + t.name[len(base):])
        lead = t.quota("administrative").leadership
        for name in ("leadership_a", "leadership_b"):
            self.widgets[name].inner.setValue(lead)
        self._split_shares()

    def _split_shares(self) -> None:
        """What "set by hand" starts from: the share of each kind's approved quota and staff."""
        t = self._township("township")
        if t is None:
            return
        share = self.widgets["share_a"].value() / 100
        for field_name, attr in (("approved_a", "approved"), ("staff_a", "staff")):
            widget = self.widgets[field_name]
            if widget.box.isChecked():
                continue  # the user's own numbers stay
            for kind, spin in widget.spins.items():
                total = getattr(t.quota(kind), attr)
                spin.setMaximum(total)
                spin.setValue(round(total * share))

    # -- values ---------------------------------------------------------------
    def _value(self, name: str) -> Any:
        if name in self.radios and not self.radios[name].isChecked():
            return None
        w = self.widgets[name]
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, (TownshipsField, KindInts)):
            return w.value()
        if isinstance(w, QLineEdit):
            return w.text().strip()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, Optional):
            return w.inner.value() if w.box.isChecked() else None
        if isinstance(w, QSpinBox):
            return w.value()
        if isinstance(w, QDoubleSpinBox):
            if name == "share_a":
                return round(w.value() / 100, 4)
            return int(w.value()) if self.change_type == "param" and self._value("field") == "max_backup_roles" \
                else w.value()
        raise TypeError(name)

    def change(self) -> Change:
        """The change the form describes now."""
        return self.cls(**{f.name: self._value(f.name) for f in fields(self.cls)})

    def set_change(self, change: Change) -> None:
        for f in fields(change):
            value = getattr(change, f.name)
            if f.name in self.radios:
                if value is None:
                    continue
                self.radios[f.name].setChecked(True)
            w = self.widgets.get(f.name)
            if w is None:
                continue
            if isinstance(w, QComboBox):
                w.setCurrentIndex(max(0, w.findData(value)))
            elif isinstance(w, (TownshipsField, KindInts)):
                w.set_value(value)
            elif isinstance(w, QLineEdit):
                w.setText(str(value))
            elif isinstance(w, QCheckBox):
                w.setChecked(bool(value))
            elif isinstance(w, Optional):
                w.box.setChecked(value is not None)
                if value is not None:
                    w.inner.setValue(int(value))
            elif isinstance(w, QDoubleSpinBox):
                w.setValue(float(value) * 100 if f.name == "share_a" else float(value))
            elif isinstance(w, QSpinBox):
                w.setValue(int(value))

    def try_accept(self) -> None:
        """Close with the change when it fits; else show why under the form and stay open."""
        change = self.change()
        problem = self.check(change)
        if problem:
            self.error_label.setText(problem)
            self.error_label.setVisible(True)
            return
        self.result_change = change
        self.accept()
