"""The forms that add or change a person, a hiring plan line (用编计划) or a pool loan (周转池).

Every field is checked as it is typed, with the rules the workbook import and the services
use (planner.domain.edit_rules, planner.domain.time_rules), and the message stands under
the field. OK pushes the undoable step; a step the service still refuses (a check that
needs the database: an office the township lacks, a hiring plan over the vacancy) shows
its message under the field it names and the form stays open. Nothing is saved until a
step goes through.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from planner.domain.county import KINDS, CountyData, HiringPlanData, PersonData, PoolLoanData
from planner.domain.edit_rules import PERSON_FIELDS, PERSON_OPTIONAL, EditError, FieldSpec, coerce
from planner.domain.months import Month, month_text
from planner.domain.time_rules import (
    hiring_findings, hiring_line_findings, loan_findings, loan_to_usable_vacancy, person_findings,
)
from planner.domain.vocabulary import person_status_label, sex_label, yes_no
from planner.domain.retirement import SEXES, STATUSES
from planner.services.time_editing import HIRING_FIELDS, LOAN_FIELDS
from ui.i18n import current_language, error_text
from ui.labels import kind_label

ERROR_STYLE = "color: #b2182b;"
WARNING_STYLE = "color: #8c510a;"


def zh() -> bool:
    return current_language().startswith("zh")


def spec_label(spec: FieldSpec) -> str:
    return spec.label_zh if zh() else spec.label_en.replace("_", " ").capitalize()


def finding_text(zh_text: str, en_text: str) -> str:
    return zh_text if zh() else en_text


@dataclass
class Field:
    """One line of a form: a text box, or a list of (value, shown text) choices."""

    name: str
    label: str
    choices: list[tuple[str, str]] | None = None
    placeholder: str = ""


class RecordDialog(QDialog):
    """A form of fields, each with its message under it; `check(values)` gives {field: message}
    (live), `submit(values)` pushes the step and returns the refusal or None."""

    def __init__(self, title: str, fields: list[Field], values: dict[str, str],
                 check: Callable[[dict[str, str]], dict[str, str]],
                 submit: Callable[[dict[str, str]], BaseException | None],
                 warn: Callable[[dict[str, str]], str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.check, self.submit, self.warn = check, submit, warn
        self.inputs: dict[str, QLineEdit | QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for f in fields:
            if f.choices is not None:
                widget = QComboBox(self)
                for value, text in f.choices:
                    widget.addItem(text, value)
                index = widget.findData(values.get(f.name, ""))
                widget.setCurrentIndex(max(0, index))
                widget.currentIndexChanged.connect(self.recheck)
            else:
                widget = QLineEdit(values.get(f.name, ""), self)
                widget.setPlaceholderText(f.placeholder)
                widget.textChanged.connect(self.recheck)
            error = QLabel(self)
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            box = QVBoxLayout()
            box.setSpacing(1)
            box.addWidget(widget)
            box.addWidget(error)
            form.addRow(f.label, box)
            self.inputs[f.name], self.errors[f.name] = widget, error
        self.warning = QLabel(self)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.setWordWrap(True)
        self.general = QLabel(self)
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        Qt.Orientation.Horizontal, self)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.recheck()

    def values(self) -> dict[str, str]:
        return {name: (w.currentData() if isinstance(w, QComboBox) else w.text().strip())
                for name, w in self.inputs.items()}

    def set_value(self, name: str, value: str) -> None:
        widget = self.inputs[name]
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(0, widget.findData(value)))
        else:
            widget.setText(value)

    def show_errors(self, found: dict[str, str]) -> None:
        for name, label in self.errors.items():
            label.setText(found.get(name, ""))
            label.setVisible(name in found)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not found)

    def recheck(self) -> dict[str, str]:
        values = self.values()
        found = self.check(values)
        self.show_errors(found)
        self.general.clear()
        self.warning.setText(self.warn(values) if self.warn and not found else "")
        return found

    def try_accept(self) -> bool:
        if self.recheck():
            return False
        refused = self.submit(self.values())
        if refused is None:
            self.accept()
            return True
        name = getattr(refused, "field_name", "")
        if name in self.errors:
            self.show_errors({name: error_text(refused)})
        else:
            self.general.setText(error_text(refused))
        return False


# ---------------------------------------------------------------- checks as typed

def _coerced(specs: dict[str, FieldSpec], values: dict[str, str], optional: tuple[str, ...] = ()) \
        -> tuple[dict[str, Any], dict[str, str]]:
    out: dict[str, Any] = {}
    found: dict[str, str] = {}
    for name, spec in specs.items():
        if name not in values:
            continue
        text = values[name]
        if name in optional and not str(text).strip():
            out[name] = None
            continue
        try:
            out[name] = coerce(spec, text)
        except EditError as error:
            found[name] = error_text(error)
    return out, found


def person_from(values: dict[str, str]) -> tuple[PersonData | None, dict[str, str]]:
    """The person a form holds, or the message of every field in the way."""
    out, found = _coerced(PERSON_FIELDS, values, PERSON_OPTIONAL)
    out.setdefault("name", "")
    out.setdefault("kind", KINDS[0])
    person = PersonData(**{n: out.get(n) for n in PERSON_FIELDS if n in out})
    if person.status is None:
        person.status = "干部"
    person.leader = bool(person.leader)
    for name, zh_text, en_text in person_findings(person, Month.today()):
        found.setdefault(name, finding_text(zh_text, en_text))
    if person.planned_leave is not None and person.birth_month is not None \
            and person.planned_leave <= person.birth_month and "planned_leave" not in found:
        found["planned_leave"] = finding_text("预计离岗年月早于出生年月", "the planned leave is before the birth month")
    return (None if found else person), found


def person_values(person: PersonData | None) -> dict[str, str]:
    if person is None:
        return {"kind": KINDS[0], "status": "干部", "leader": yes_no(False), "sex": ""}
    return {"name": person.name, "kind": person.kind, "office": person.office or "",
            "quota_since": person.quota_since.isoformat() if person.quota_since else "",
            "sex": person.sex or "", "birth_month": month_text(person.birth_month) or "",
            "status": person.status, "leader": yes_no(person.leader),
            "planned_leave": month_text(person.planned_leave) or ""}


def hiring_from(values: dict[str, str], county: CountyData | None, township: str,
                old: HiringPlanData | None) -> tuple[HiringPlanData | None, dict[str, str]]:
    out, found = _coerced(HIRING_FIELDS, values)
    if found:
        return None, found
    plan = HiringPlanData(**out)
    for name, zh_text, en_text in hiring_line_findings(plan):
        found[name] = finding_text(zh_text, en_text)
    if not found and county is not None and township:
        try:
            t = county.township(township)
        except KeyError:
            return None, {"township": finding_text(f"没有名为“{township}”的乡镇", f"no township named '{township}'")}
        if any(h.kind == plan.kind and h.year == plan.year for h in t.hiring if h != old):
            found["year"] = finding_text(f"该乡镇已有 {plan.year} 年的该类用编计划",
                                         f"the township already has a plan of this kind for {plan.year}")
        else:
            trial = type(t)(name=t.name, quotas=t.quotas, hiring=[h for h in t.hiring if h != old] + [plan])
            for name, zh_text, en_text in hiring_findings(trial, plan.kind):
                found[name] = finding_text(zh_text, en_text)
    return (None if found else plan), found


def loan_from(values: dict[str, str], county: CountyData | None) -> tuple[PoolLoanData | None, dict[str, str]]:
    found: dict[str, str] = {}
    for name in ("start", "due"):
        if not values.get(name, "").strip():
            found[name] = finding_text(f"{LOAN_FIELDS[name].label_zh}不能为空",
                                       f"{LOAN_FIELDS[name].label_en} must not be empty")
    out, more = _coerced(LOAN_FIELDS, values)
    found.update({k: v for k, v in more.items() if k not in found})
    if found:
        return None, found
    loan = PoolLoanData(**out)
    if county is not None:
        for name, zh_text, en_text in loan_findings(loan, county.time):
            found.setdefault(name, finding_text(zh_text, en_text))
    return (None if found else loan), found


def loan_warning(values: dict[str, str], county: CountyData | None) -> str:
    """Not a refusal: a township with usable vacancy of the kind should not borrow it."""
    loan, found = loan_from(values, county)
    township = values.get("township", "")
    if loan is None or county is None or not township:
        return ""
    try:
        finding = loan_to_usable_vacancy(county.township(township), loan)
    except KeyError:
        return ""
    return "" if finding is None else finding_text(finding[1], finding[2])


# ---------------------------------------------------------------- the fields of each form

def kind_choices() -> list[tuple[str, str]]:
    return [(k, kind_label(k)) for k in KINDS]


def person_fields(townships: list[str] | None, offices: list[str]) -> list[Field]:
    lang = current_language()
    labels = {n: spec_label(s) for n, s in PERSON_FIELDS.items()}
    fields = []
    if townships is not None:
        fields.append(Field("township", township_label(), [(t, t) for t in townships]))
    fields += [
        Field("name", labels["name"]),
        Field("kind", labels["kind"], kind_choices()),
        Field("office", labels["office"], [("", "—")] + [(o, o) for o in offices]),
        Field("sex", labels["sex"], [("", "—")] + [(s, sex_label(s, lang)) for s in SEXES]),
        Field("birth_month", labels["birth_month"], placeholder="1975-06"),
        Field("status", labels["status"], [(s, person_status_label(s, lang)) for s in STATUSES]),
        # The stored spelling (what the field check reads) and the shown one, from the vocabulary.
        Field("leader", labels["leader"], [(yes_no(v), yes_no(v, lang)) for v in (False, True)]),
        Field("quota_since", labels["quota_since"], placeholder="2015-09-01"),
        Field("planned_leave", labels["planned_leave"], placeholder="2027-03"),
    ]
    return fields


def township_label() -> str:
    return "乡镇" if zh() else "Township"


def hiring_fields(townships: list[str] | None) -> list[Field]:
    fields = [] if townships is None else [Field("township", township_label(), [(t, t) for t in townships])]
    return fields + [Field("kind", spec_label(HIRING_FIELDS["kind"]), kind_choices())] + [
        Field(n, spec_label(HIRING_FIELDS[n])) for n in ("year", "planned", "hired")]


def loan_fields(townships: list[str] | None) -> list[Field]:
    fields = [] if townships is None else [Field("township", township_label(), [(t, t) for t in townships])]
    return fields + [Field("kind", spec_label(LOAN_FIELDS["kind"]), kind_choices()),
                     Field("slots", spec_label(LOAN_FIELDS["slots"])),
                     Field("start", spec_label(LOAN_FIELDS["start"]), placeholder="2026-01"),
                     Field("due", spec_label(LOAN_FIELDS["due"]), placeholder="2028-12"),
                     Field("returned", spec_label(LOAN_FIELDS["returned"]))]
