"""``spark-submit .../newsgraph/spark/__main__.py INPUT... OUTPUT``: ``newsgraph spark-run`` as a Spark application.

spark-submit wants a Python file; this one runs the command with the session spark-submit
configured (master, archives, executor settings), since the job takes the active session.
"""

from __future__ import annotations

import sys

from newsgraph.cli import app

if __name__ == "__main__":
    app(["spark-run", *sys.argv[1:]], prog_name="newsgraph spark-run")
