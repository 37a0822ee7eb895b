"""The project run in a process of its own, for what one process does once.

Django reads its settings, and Wagtail makes its apps ready, once a process:
tests of other settings, or of a check at start-up, run the project afresh.
"""

import os
import subprocess
import sys

from .paths import REPOSITORY


def run_python(*args, env=None, without=()):
    """`python *args` at the repository's root, finished; `env` over this process's variables.

    `without` names variables of this process (the test run's own settings module,
    a database URL) that the new process must not inherit.
    """
    environment = {name: value for name, value in os.environ.items() if name not in without}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, *args],
        cwd=REPOSITORY,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def run_with_settings(code, env=None, without=()):
    """Python `code` run once Django is set up, `settings` imported; as `run_python`."""
    setup = "import django; django.setup(); from django.conf import settings; "
    return run_python("-c", setup + code, env=env, without=without)
