"""Use cases: the only layer the window and the command line call. No Qt."""

from desktop.services.desk import CountDesk, Draft, ImportSummary, LiveCount

__all__ = ["CountDesk", "Draft", "ImportSummary", "LiveCount"]
