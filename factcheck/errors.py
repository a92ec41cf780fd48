"""Exit codes and the domain exceptions that map to them."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes, like grep: scripts branch on them."""

    OK = 0  # verify: every claim supported; check: no failing finding; index: all handled
    FINDINGS = 1  # verify: some claim conflicting/disputed; check: failing findings; index: skips
    USAGE = 2  # usage or input error
    UNVERIFIED = 3  # verify: nothing conflicting, but some claim unverified


class FactcheckError(Exception):
    """An error the user can act on; its message says what to do next."""

    exit_code = ExitCode.USAGE


class StoreError(FactcheckError):
    """The index is missing, unreadable, corrupt or from a newer version."""


class InputError(FactcheckError):
    """A file, claim or option the tool cannot use."""
