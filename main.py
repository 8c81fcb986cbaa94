"""Establishment Planner (编制统筹规划): `python main.py --help` lists the commands."""

import sys

from cli import main

if __name__ == "__main__":
    sys.exit(main())
