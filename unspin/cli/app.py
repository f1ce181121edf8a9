"""The ``unspin`` Typer app and the entry point that turns ``UnspinError`` into one line."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import typer

from unspin.errors import UnspinError

__all__ = ["app", "fail", "main"]

app = typer.Typer(
    name="unspin",
    help="Show how a news or opinion article tries to persuade its reader.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def fail(message: str) -> None:
    """Print one error line on stderr (used for per-item errors that do not stop a run)."""
    print(f"unspin: error: {message}", file=sys.stderr, flush=True)


def _load_commands() -> None:
    # Every module in unspin/cli (but this one) defines its commands on ``app``.
    import unspin.cli as package

    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name not in ("app", "__main__") and not info.name.startswith("_"):
            importlib.import_module(f"unspin.cli.{info.name}")


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return the exit status (0 ok, 1 an unspin error, 2 a usage error)."""
    _load_commands()
    try:
        result = app(args=argv, prog_name="unspin", standalone_mode=False)
    except UnspinError as exc:
        fail(str(exc))
        return 1
    except typer.Exit as exc:
        return exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        print("unspin: interrupted", file=sys.stderr)
        return 130
    except typer.TyperException as exc:  # usage errors: bad option, missing argument
        show = getattr(exc, "show", None)
        if show is not None:
            show()
        else:
            print(f"unspin: {exc}", file=sys.stderr)
        return int(getattr(exc, "exit_code", 2))
    except BrokenPipeError:
        return 0
    return result if isinstance(result, int) else 0
