"""The printed proposal as a flow of blocks, before any page exists.

Plain data (no Qt): content.py turns a Proposal into these; layout.py
measures them on a paint device and breaks them into pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PORTRAIT = "portrait"
LANDSCAPE = "landscape"


@dataclass
class TitleBlock:
    """Centred title in the heavy Song face, then centred sub-lines in 楷体."""

    title: str
    sublines: list[str] = field(default_factory=list)


@dataclass
class AnnexMark:
    """"附件1" at the top left of an annex page (GB/T 9704: 黑体, flush left)."""

    text: str


@dataclass
class Heading:
    """level 1: 一、… in 黑体; level 2: （一）… in 楷体."""

    text: str
    level: int = 1


@dataclass
class Paragraph:
    text: str
    indent: bool = True          # first line indented by two characters, as official text is
    align: str = "left"          # left | right | center
    style: str = "body"          # body | note (smaller, for remarks under tables)
    space_before_mm: float = 0.0


@dataclass
class Column:
    title: str
    weight: float                # share of the table width
    align: str = "center"        # center | left | right


@dataclass
class Table:
    columns: list[Column]
    rows: list[list[str]]
    caption: str = ""
    bold_rows: set[int] = field(default_factory=set)   # e.g. the 合计 row
    dense: bool = False          # 小五号 instead of 五号, for long tables
    continued_caption: str = ""  # shown above the repeated header on following pages


@dataclass
class FigureBlock:
    """A chart drawn as an image."""

    caption: str
    aspect: float                # height ÷ width
    png: bytes | None = None


@dataclass
class KeepTogether:
    """Paragraphs (and headings) that must share a page: the last lines of the text with the annex
    list, the signature and the date (GB/T 9704 never leaves the signature on a page of its own)."""

    paragraphs: list[Paragraph | Heading]


@dataclass
class NewPage:
    orientation: str = PORTRAIT


Block = TitleBlock | AnnexMark | Heading | Paragraph | KeepTogether | Table | FigureBlock | NewPage
