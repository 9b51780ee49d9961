"""The few error types the core raises; the CLI maps them to one-line messages."""

from __future__ import annotations


class AlignerError(Exception):
    """Base class: the message says what is wrong and how to fix it."""


class InputError(AlignerError):
    """A corpus file or directory cannot be used (missing, undecodable, binary...)."""


class ModelError(AlignerError):
    """The embedding model cannot be found or loaded."""


class ConfigError(AlignerError):
    """A setting or option value is invalid."""
