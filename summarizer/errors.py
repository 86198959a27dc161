"""Errors a user can act on. The CLI prints them as one line and exits with `exit_code`."""


class UserError(Exception):
    """A problem with the user's input or configuration, not a bug."""

    exit_code = 2

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class InputError(UserError):
    """The input file cannot be read as a document."""


class ConfigError(UserError):
    """The requested backend or setting is not usable as configured."""
