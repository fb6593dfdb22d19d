"""Use cases: the only layer the window and the command line call. No Qt."""

from desktop.domain.draft import Draft
from desktop.services.desk import CountDesk
from desktop.services.imports import ImportSummary
from desktop.services.live import LiveCount

__all__ = ["CountDesk", "Draft", "ImportSummary", "LiveCount"]
