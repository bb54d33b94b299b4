"""User-facing errors.

Raise `CvdError` for anything a user can fix (missing file, bad shape, NaN pose, unknown camera...).
The CLI prints its message as one line and exits non-zero; library callers can catch it.
The message should name the problem (file, field) and the fix.
"""


class CvdError(Exception):
    """An error caused by input the user controls; the message says what and how to fix it."""


def require(cond: bool, message: str) -> None:
    """Raise CvdError(message) unless cond holds."""
    if not cond:
        raise CvdError(message)
