"""Run a script and end it as it prints its "painted" marker: the work up to the first frame, and no more.

    python bench/exit_at_paint.py SCRIPT [ARGS...]
"""

import builtins
import os
import runpy
import sys

_print = builtins.print


def _print_then_exit(*args: object, **kwargs: object) -> None:
    _print(*args, **kwargs)  # type: ignore[call-overload]
    if args and str(args[0]).startswith("painted"):
        os._exit(0)


builtins.print = _print_then_exit
script = sys.argv[1]
sys.argv = sys.argv[1:]
sys.path[0] = os.path.dirname(os.path.abspath(script))  # as if the script had been run itself
runpy.run_path(script, run_name="__main__")
