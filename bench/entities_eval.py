"""Precision and recall of suggestions on the team's evaluation stories (issue 13).

    .venv/bin/python bench/entities_eval.py [--verbose]

The entry point the issue names; the evaluation itself, its stories and the data
checks live in bench/entities_eval/ (evaluate.py, stories.py, check_data.py).
"""

import runpy
from pathlib import Path

if __name__ == "__main__":
    runpy.run_path(
        str(Path(__file__).with_name("entities_eval") / "evaluate.py"), run_name="__main__"
    )
