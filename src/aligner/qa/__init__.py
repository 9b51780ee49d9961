"""QA checks: one small function per check, registered by name.

Each check takes an :class:`AlignedDocument` and the run's :class:`Settings`
and yields :class:`Flag` objects. The registry lets configuration enable or
disable a check and override its severity.
"""

from __future__ import annotations

from aligner.qa.registry import CHECKS, AlignedDocument, Check, run_checks

__all__ = ["CHECKS", "AlignedDocument", "Check", "run_checks"]
