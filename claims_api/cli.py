"""The ``claims-api`` command line: one subcommand per module in ``claims_api.commands``.

Each command module defines ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``; it is
imported only when chosen, so ``claims-api extract`` never loads Flask or SQLAlchemy.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# name -> module under claims_api.commands; one line per command.
COMMANDS = {
    "extract": "extract",
    "serve": "serve",
    "ingest": "ingest",
    "db": "db",
    "report": "report",
    "worker": "worker",
}


def _load(name: str):  # type: ignore[no-untyped-def]
    return importlib.import_module(f"claims_api.commands.{COMMANDS[name]}")


DESCRIPTION = (
    "Extract, normalize and cross-check the numeric claims in news articles; serve them over a JSON API."
)


def build_parser(argv: Sequence[str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="claims-api", description=DESCRIPTION)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    chosen = next((a for a in argv if not a.startswith("-")), None)
    for name in COMMANDS:
        if chosen == name:
            module = _load(name)
            p = sub.add_parser(name, help=module.HELP, description=module.HELP)
            module.add_arguments(p)
        else:
            sub.add_parser(name, help=f"see 'claims-api {name} --help'", add_help=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(argv).parse_args(argv)
    try:
        return int(_load(args.command).run(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
