"""The README's install steps, read from its code blocks.

The install test performs exactly these, so the README cannot drift from what is tested.
"""

import dataclasses
import re

from tests.support.paths import REPOSITORY

INSTALL_SECTION = "## Install into your Wagtail site"
CODE_BLOCK = re.compile(r"^ *```(\w+)\n(.*?)^ *```$", re.S | re.M)


@dataclasses.dataclass
class InstallSteps:
    pip_install: str  # the command of step 1
    installed_apps: list  # step 2: the apps put at the top of INSTALLED_APPS
    settings: list  # step 2: the settings lines after the list
    url_line: str  # step 3: the line included after `documents/`
    commands: list  # steps 4 and 5: manage.py commands, in order


def readme_install_steps():
    readme = (REPOSITORY / "README.md").read_text()
    section = readme.partition(INSTALL_SECTION)[2].partition("\n## ")[0]
    blocks = [(language, body) for language, body in CODE_BLOCK.findall(section)]
    (pip_install,), settings_block, url_block, *command_blocks = [
        [line.strip() for line in body.splitlines() if line.strip()] for _, body in blocks
    ]
    list_end = settings_block.index("]")
    return InstallSteps(
        pip_install=pip_install,
        installed_apps=[
            line.strip('",') for line in settings_block[1:list_end] if line.startswith('"')
        ],
        settings=settings_block[list_end + 1 :],
        url_line=next(line for line in url_block if "partnerships.urls" in line).rstrip(","),
        commands=[line for block in command_blocks for line in block],
    )
