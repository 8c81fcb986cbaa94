"""Every error the planner raises on purpose, under one base.

    PlannerError                 anything the planner refuses or fails at on purpose
    ├── UserError                written for the person at the desk: shown as it is
    │   ├── ParameterError, EditError, ScenarioError, ChangeProblem, ApplyError,
    │   ├── DatabaseError (SchemaTooNew), LockHeld, ConflictError, BackupError,
    │   └── CellError, SolverFailed, EmptyLedger, ComparisonError, NoCJKFont, TaskError
    ├── ProposalInvalid          a fault of the optimizer, never shown as a proposal
    └── Cancelled                the user said stop (TaskCancelled, SolveCancelled and
                                 planner.excel.Cancelled are this one class)

Each carries its message in Chinese and in English (`message_zh`,
`message_en`, `message(lang)`). `str(error)` is what it always was: most
messages are written "中文 (English)" in one string, which the two
attributes take apart; classes built from the two halves set them directly.

The classes stay in the modules that raise them (so `except BackupError`
keeps working where it was written); each also keeps its builtin base
(ValueError, RuntimeError) for callers that catch those.
"""

from __future__ import annotations

import re

# A CJK character: the Chinese half of a message holds some, the English half none.
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”]")
# Two English words: a phrase, not an identifier such as "(working_days)".
_PHRASE = re.compile(r"[A-Za-z]+[^A-Za-z\u3400-\u9fff]+[A-Za-z]+")


def split_bilingual(text: str) -> tuple[str, str]:
    """("中文", "English") from a message written "中文 (English)[: detail]".

    The English half is the last parenthesised English phrase (a name in it
    may be Chinese) with whatever follows it, when that holds no Chinese; the
    Chinese half is the text without that group. A message that is not
    written so is both halves.
    """
    text = str(text)
    for match in reversed(list(re.finditer(r"\s*[（(]([^()（）]*)[)）]", text))):
        inner, rest = match.group(1).strip(), text[match.end():]
        if _PHRASE.search(inner) and not _CJK.search(rest) and _CJK.search(text[:match.start()]):
            return (text[:match.start()] + rest).strip(), (inner + rest).strip()
    return text, text


class PlannerError(Exception):
    """Base of the planner's own errors; the message in Chinese and English.

    `PlannerError(text, message_en=...)` gives the English where `text` has none.
    """

    def __init__(self, *args, message_zh: str | None = None, message_en: str | None = None) -> None:
        super().__init__(*args)
        if message_zh:
            self.message_zh = message_zh
        if message_en:
            self.message_en = message_en

    def _halves(self) -> tuple[str, str]:
        return split_bilingual(str(self))

    @property
    def message_zh(self) -> str:
        return self.__dict__.get("message_zh") or self._halves()[0]

    @message_zh.setter
    def message_zh(self, value: str) -> None:
        self.__dict__["message_zh"] = value

    @property
    def message_en(self) -> str:
        return self.__dict__.get("message_en") or self._halves()[1]

    @message_en.setter
    def message_en(self, value: str) -> None:
        self.__dict__["message_en"] = value

    def message(self, lang: str | None = "zh") -> str:
        """The message in `lang` ("zh", "zh_CN", "en", …; Chinese unless it says English)."""
        return self.message_en if str(lang or "").lower().startswith("en") else self.message_zh

    def __reduce__(self):
        # Sent whole from a child process to the window: the class, its args and its attributes,
        # without calling an __init__ whose signature differs from args.
        return _rebuild, (type(self), self.args, dict(self.__dict__))


def _rebuild(cls, args, state):
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class UserError(PlannerError):
    """An error written for the user (bad parameters, a locked database, a conflict, a bad file,
    a solver that found nothing, …): the window shows its message as it is."""


class Cancelled(PlannerError):
    """The user cancelled a long job (solve, import, export, print); nothing was produced.

    Raised bare, as it always was (its str is empty); its message still says what happened.
    """

    def _halves(self) -> tuple[str, str]:
        return split_bilingual(str(self)) if self.args else ("已取消", "cancelled")
