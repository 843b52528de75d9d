"""Command line: `python -m indicators COMMAND …`.

Each command is a module of this package with `HELP`, `add_arguments(parser)` and
`run(args) -> int`; modules are discovered, so adding a command touches no other file.
Errors that users cause (an unknown unit, an invalid dataset or file) print a bilingual
message and exit 2 or 1, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from types import ModuleType

from indicators.settings import SettingInvalid, max_upload_mb
from indicators.units import UnitAmbiguous, UnitNotFound
from indicators.validation import DatasetInvalid


def _commands() -> dict[str, ModuleType]:
    found = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            # `import_.py` serves the command `import` (a module cannot be named import)
            found[info.name.rstrip("_")] = importlib.import_module(f"{__name__}.{info.name}")
    return found


def _parser(commands: dict[str, ModuleType]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m indicators", description="Chỉ số CCHC / PAR indicators"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name, module in commands.items():
        module.add_arguments(sub.add_parser(name, help=module.HELP, description=module.HELP))
    return parser


# the commands that read an office's file: the upload limit is checked before any work
READS_FILES = ("validate", "import")


def main(argv: list[str] | None = None) -> int:
    commands = _commands()
    args = _parser(commands).parse_args(argv)
    try:
        if args.command in READS_FILES:
            max_upload_mb()  # a bad PAR_MAX_UPLOAD_MB is a message, not a traceback
        return commands[args.command].run(args)
    except SettingInvalid as exc:
        print(exc, file=sys.stderr)
        return 2
    except (UnitNotFound, UnitAmbiguous) as exc:
        print(exc, file=sys.stderr)
        return 2
    except DatasetInvalid as exc:
        print(exc, file=sys.stderr)
        return 1
