"""`crossfact init`: a starter config and the folders a project uses, so a desk starts from a working layout.

Nothing that exists is ever overwritten: running init in a project that already has
some of these files fills in only what is missing, so it is safe to run twice.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .errors import CrossfactError

FOLDERS = ("sources", "claims", "rules")
CONFIG = "crossfact.yaml"


def starter_config() -> str:
    return (resources.files("crossfact") / "defaults" / "crossfact.yaml").read_text("utf-8")


def init(root: Path) -> list[tuple[Path, bool]]:
    """Create what is missing under `root`; return (path, created) for each thing init looks after."""
    from .claimstore import write_atomic

    done: list[tuple[Path, bool]] = []
    config = root / CONFIG
    if config.exists():
        done.append((config, False))
    else:
        write_atomic(config, starter_config())
        done.append((config, True))
    for name in FOLDERS:
        folder = root / name
        created = not folder.exists()
        if not created and not folder.is_dir():
            raise CrossfactError("exists and is not a folder", path=str(folder))
        folder.mkdir(parents=True, exist_ok=True)
        keep = folder / ".gitkeep"  # git tracks no empty folder; a hidden file is never read as a report
        if created:
            keep.touch()
        done.append((folder, created))
    return done
