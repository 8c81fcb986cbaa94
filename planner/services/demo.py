"""Writing the demo county into a database: the use case behind `main.py demo` and a first start."""

from planner.demo.county import write_demo

__all__ = ["write_demo"]
