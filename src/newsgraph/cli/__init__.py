"""Command line: thin commands over the Python API.

One module per group of commands (:mod:`.analyse`, :mod:`.queries`, :mod:`.report`) over the
shared app and options of :mod:`.common`; importing them registers the commands in the order
the help lists them. Readers (trafilatura), the pipeline (spaCy) and the store are imported
inside the commands that use them, so --help and queries start in a fraction of a second.
"""

from __future__ import annotations

from typing import Any

import typer
import typer.core

from newsgraph.cli import analyse, queries, report  # noqa: F401 - registers the commands, in this order
from newsgraph.cli.common import app

__all__ = ["app", "main"]

#: Placeholders in help screens, by option name, then by value type (typer would print <str>).
_METAVARS = {"since": "YYYY-MM-DD", "until": "YYYY-MM-DD", "published": "YYYY-MM-DD", "db": "URL"}
_TYPE_METAVARS = {"int": "N", "Path": "PATH", "list[Path]": "PATH", "float": "X", "bool": ""}


def _tidy_help(command: Any) -> Any:
    """Real metavars in help: DATE, PATH, N... instead of typer's <str>, <list[Path]> and <bool>."""
    for param in command.params:
        if isinstance(param, typer.core.TyperOption) and param.metavar is None:
            kind = param.bare_type()
            param.metavar = _METAVARS.get(param.name or "", _TYPE_METAVARS.get(kind, "TEXT"))
        elif isinstance(param, typer.core.TyperArgument):
            label = (param.name or "arg").upper()
            param.metavar = label[:-1] if param.nargs != 1 and label.endswith("S") else label
            # typer's rich help prints an argument's type beside its name: the name says it all.
            param.display_type_rich = lambda ctx: ""  # type: ignore[method-assign]
    make_help_option = command.get_help_option

    def help_option(ctx: Any) -> Any:
        option = make_help_option(ctx)
        if option is not None:
            option.metavar = ""
        return option

    command.get_help_option = help_option
    for sub in getattr(command, "commands", {}).values():
        _tidy_help(sub)
    return command


def main() -> None:
    _tidy_help(typer.main.get_command(app))()
