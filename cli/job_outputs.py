"""What `solve` and `plan` share: their failures as one line and an exit code, and writing each output file.

Both run one long job and write its result in several formats; a failure reads the same from
either command, and one format that cannot be written never hides the others.
"""

from __future__ import annotations

import logging
import sys
from typing import Callable, Iterable

from planner.domain.workload import ParameterError
from planner.errors import Cancelled
from planner.scenarios.changes import ScenarioError

log = logging.getLogger(__name__)

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INFEASIBLE = 0, 1, 2, 3


def run_job(job: Callable[[], object], invalid: tuple[type[BaseException], ...]) -> tuple[object | None, int]:
    """(result, EXIT_OK), or (None, the exit code) with the failure's line on stderr.

    `invalid`: the job's own "the result breaks a hard rule" errors (ProposalInvalid, PlanInvalid).
    """
    # Imported here, as the commands import their jobs: `--help` stays quick.
    from planner.services.solving import EmptyLedger
    from planner.solving.faults import SolverFailed

    try:
        return job(), EXIT_OK
    except ScenarioError as exc:
        print(f"错误 (error): {exc}", file=sys.stderr)
        return None, EXIT_USAGE
    except EmptyLedger:
        print("错误：台账中没有乡镇 (error: the ledger holds no township)", file=sys.stderr)
    except ParameterError as exc:
        print(f"错误：参数无效 (error: invalid parameters): {exc}", file=sys.stderr)
    except (*invalid, SolverFailed) as exc:
        print(f"错误 (error): {exc}", file=sys.stderr)
    except Cancelled:
        print("已取消 (cancelled)", file=sys.stderr)
    return None, EXIT_ERROR


def write_outputs(result: object, outputs: Iterable[tuple[str, str | None, Callable[[object, str], None]]]) -> bool:
    """Write each (label, path, writer) asked for; True when every one was written."""
    written = True
    for label, path, writer in outputs:
        if not path:
            continue
        try:
            writer(result, path)
        except Exception as exc:  # noqa: BLE001 -- one failed format must not hide the others
            log.warning("writing %s to %s failed", label, path, exc_info=True)
            detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            print(f"错误：写出 {label} 失败 (error: could not write {label} to {path}): "
                  f"{type(exc).__name__}: {detail}", file=sys.stderr)
            written = False
        else:
            print(f"{label} -> {path}", file=sys.stderr)
    return written
