"""What a command runs with: the command line, else the config file, else the defaults.

Kept apart from the CLI so every command resolves its settings the same way, and
apart from config.py so reading a file and deciding precedence stay separate. A
flag always wins for that run; the config's defaults (sources/, rules/, claims/)
are taken from the config's folder, the built-in ones from the working directory.
"""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path

from .config import Config, find, load
from .errors import CrossfactError

BASELINE = "crossfact-baseline.json"


def config_for(explicit: str | None) -> Config | None:
    """The config named by --config, else the nearest one found by walking up."""
    if explicit:
        if not Path(explicit).is_file():
            raise CrossfactError("no such config file", path=explicit)
        return load(Path(explicit))
    found = find()
    return load(found) if found else None


def _default(cfg: Config | None, name: str) -> str | None:
    """`name` beside the config (or in the working directory) when that folder exists."""
    path = cfg.rel(name) if cfg else name
    return path if Path(path).is_dir() else None


def resolve(args: Namespace) -> Namespace:
    """A copy of `args` with every setting filled in; `cfg` holds the Config (or None)."""
    cfg = config_for(getattr(args, "config", None))
    data = cfg.data if cfg else {}
    out = Namespace(**vars(args))
    out.cfg = cfg
    if hasattr(out, "paths") and not out.paths:
        if "sources" in data:
            out.paths = cfg.files()
        elif _default(cfg, "sources"):
            out.paths = [_default(cfg, "sources")]
        elif getattr(out, "draft", None) is None:
            raise CrossfactError("no reports to check: give PATHS, or list `sources` in crossfact.yaml "
                                 "(`crossfact init` writes one)")
    if hasattr(out, "rules") and out.rules is None:
        if "rules" in data:
            out.rules = [cfg.rel(r) for r in data["rules"]]
        elif cfg:  # the config's folder is the project: its rules/, not the working directory's
            out.rules = [cfg.rel("rules")] if _default(cfg, "rules") else []
    if hasattr(out, "claims") and out.claims is None:
        out.claims = cfg.rel(data["claims"]) if "claims" in data else _default(cfg, "claims")
    if hasattr(out, "registry") and out.registry is None and "registry" in data:
        out.registry = cfg.rel(data["registry"])
    if hasattr(out, "pack") and not out.pack and data.get("packs"):
        # a built-in pack's name stays a name; a desk's pack file or folder is relative to the config
        out.pack = [cfg.rel(p) if (cfg.root / p).exists() else p for p in data["packs"]]
    if hasattr(out, "fail_on") and out.fail_on is None:
        out.fail_on = data.get("fail-on", "warning")
    if hasattr(out, "baseline") and out.baseline is None and "baseline" in data:
        configured = cfg.rel(data["baseline"])
        out.baseline = configured if Path(configured).exists() else None  # none written yet: all is new
    if getattr(out, "command", None) == "baseline" and out.output is None:
        out.output = cfg.rel(data["baseline"]) if "baseline" in data else BASELINE
    if getattr(out, "command", None) == "extract" and out.out is None:
        out.out = cfg.rel(data.get("claims", "claims")) if cfg else "claims"
    out.max_bytes = cfg.max_bytes() if cfg else None
    return out
