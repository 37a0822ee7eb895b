"""Where the repository, the seed page and the test artifacts are."""

from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
SEED_FILE = Path(__file__).parent / "data" / "partnerships-collaboration.txt"
READ_BACK_SCRIPT = Path(__file__).parent / "fresh_site" / "read_back.py"
ARTIFACTS = REPOSITORY / "test-artifacts"
