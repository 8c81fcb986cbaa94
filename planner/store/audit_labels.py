"""The audit log's field names, entity keys and values in the reader's language.

The log keeps what was written (the column `working_days`, the key
`芦汀镇/administrative`, the census `name=示范县, working_days=248`), so that
a search finds it in any language; a reader sees the ledger's own words:
年工作日, 芦汀镇/行政编制, 县名=示范县, 年工作日=248 in Chinese, working days
and 芦汀镇/administrative quota in English.
"""

from __future__ import annotations

import re

from planner.domain.edit_rules import DUTY_FIELDS, OFFICE_FIELDS, PERSON_FIELDS, QUOTA_FIELDS, TOWNSHIP_FIELDS
from planner.domain.time_rules import TIME_PARAMETER_RANGES
from planner.domain.vocabulary import KIND_WORDS, is_chinese, kind_label
from planner.domain.workload import PARAMETER_RANGES

# entity -> field -> Chinese label, from the rules that check an edit of it.
_FIELDS_ZH: dict[str, dict[str, str]] = {
    "township": {name: spec.label_zh for name, spec in TOWNSHIP_FIELDS.items()},
    "quota": {name: spec.label_zh for name, spec in QUOTA_FIELDS.items()},
    "office": {name: spec.label_zh for name, spec in OFFICE_FIELDS.items()},
    "duty": {name: spec.label_zh for name, spec in DUTY_FIELDS.items()},
    "person": {name: spec.label_zh for name, spec in PERSON_FIELDS.items()},
    "county": {"name": "县名", **{name: r[2] for name, r in PARAMETER_RANGES.items()},
               **{name: r[2] for name, r in TIME_PARAMETER_RANGES.items()}},
}
# Columns no edit form names: what the ledger's rows also carry.
_OTHER_ZH = {"kind": "编制类型", "demo": "示范县", "import": "导入", "version": "版本",
             "range": "范围", "decision_no": "编委文件号", "decision_date": "文件日期"}
_KEY_VALUE = re.compile(r"(?P<key>[a-z][a-z0-9_]*)=")


def field_label(entity: str, field: str, lang: str | None = "zh") -> str:
    """年工作日 / working days; a column the tables do not know is shown as it is."""
    if not field:
        return ""
    if is_chinese(lang):
        return _FIELDS_ZH.get(entity, {}).get(field) or _OTHER_ZH.get(field) or field
    if field in KIND_WORDS:
        return kind_label(field, lang)
    return field.replace("_", " ")


def key_label(entity: str, key: str, lang: str | None = "zh") -> str:
    """An entity key with its quota kind named: 芦汀镇/administrative → 芦汀镇/行政编制."""
    if not key:
        return ""
    parts = key.split("/")
    return "/".join(kind_label(p, lang, long=True) if p in KIND_WORDS else p for p in parts)


def value_label(entity: str, field: str, value: str, lang: str | None = "zh") -> str:
    """A logged value: a quota kind as its word; `name=…, working_days=…` with each name as its label."""
    if not value:
        return value
    if value in KIND_WORDS:
        return kind_label(value, lang, long=True)
    if field:  # a value someone typed is shown as typed
        return value
    return _KEY_VALUE.sub(lambda m: field_label(entity, m["key"], lang) + "=", value)
