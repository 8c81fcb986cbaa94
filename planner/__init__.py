"""Establishment Planner (编制统筹规划): the domain core.

Nothing in this package imports Qt; a test enforces it.
"""

__version__ = "0.1.0"
