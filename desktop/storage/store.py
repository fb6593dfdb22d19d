"""One CountDesk database: the repositories of each aggregate over one shared connection.

``Store`` composes them and names their reads and writes in one place for the services.
Reads return domain objects; every write runs in one transaction with its audit row.
"""

from __future__ import annotations

from desktop.storage.audit import AuditLog
from desktop.storage.connection import Clock, Connection, Database, utc_now
from desktop.storage.contests import Contests
from desktop.storage.counts import Counts
from desktop.storage.drafts import Drafts
from desktop.storage.entries import Entries
from desktop.storage.errors_found import ErrorsFound
from desktop.storage.imported import Imported
from desktop.storage.local_totals import LocalTotalsRecords
from desktop.storage.night import NightRecords
from desktop.storage.previous import PreviousResults
from desktop.storage.progress import Progress
from desktop.storage.settings import Settings
from desktop.storage.verification import Verification


class Store:
    """All reads and writes of one CountDesk database."""

    def __init__(self, db: Database, clock: Clock = utc_now) -> None:
        self.connection = Connection(db, clock)
        conn = self.connection
        self.db = db
        self.transaction = conn.transaction
        self.audit_log = AuditLog(conn)
        self.setup = Contests(conn)
        self.count_records = Counts(conn)
        self.drafts = Drafts(conn)
        self.boxes = Verification(conn)
        self.night = NightRecords(conn)
        self.settings = Settings(conn)
        self.errors = ErrorsFound(conn)
        self.entries = Entries(conn)
        #: Local totals sent by a local count and received by an area result (migration 0018).
        self.local_totals = LocalTotalsRecords(conn)
        self.progress = Progress(conn)
        #: An import's reads and writes, in bulk.
        self.imported = Imported(conn)
        #: Previous results of contests' seats, and candidates' parties (the press summary).
        self.previous = PreviousResults(conn)
        # The reads and writes the services use, by name.
        self.audit = self.audit_log.audit
        self.elections = self.setup.elections
        self.find_election = self.setup.find_election
        self.election = self.setup.election
        self.add_election = self.setup.add_election
        self.update_election = self.setup.update_election
        self.contests = self.setup.contests
        self.find_contest = self.setup.find_contest
        self.contest = self.setup.contest
        self.add_contest = self.setup.add_contest
        self.update_contest = self.setup.update_contest
        self.candidates = self.setup.candidates
        self.candidate_ids_by_source = self.setup.candidate_ids_by_source
        self.candidate_sources = self.setup.candidate_sources
        self.add_candidate = self.setup.add_candidate
        self.remove_candidate = self.setup.remove_candidate
        self.update_candidate = self.setup.update_candidate
        self.set_ballot_order = self.setup.set_ballot_order
        self.confirm_names = self.setup.confirm_names
        self.counts = self.count_records.counts
        self.latest_count = self.count_records.latest_count
        self.record_count = self.count_records.record_count
        self.lots_for_count = self.count_records.lots_for_count
        self.record_lots = self.count_records.record_lots
        self.draft = self.drafts.draft
        self.set_draft = self.drafts.set_draft
        self.clear_draft = self.drafts.clear
        self.verification = self.boxes.verification
        self.add_verification_lines = self.boxes.add_verification_lines
        self.update_verification_line = self.boxes.update_verification_line
        self.remove_verification_line = self.boxes.remove_verification_line
        self.shared_references = self.boxes.shared_references
        self.references_of_election = self.boxes.references_of_election
        self.change_status = self.night.change_status
        self.status_changes = self.night.status_changes
        self.acknowledge = self.night.acknowledge
        self.acknowledgements = self.night.acknowledgements
        self.all_acknowledgements = self.night.all_acknowledgements
        self.add_recount_request = self.night.add_recount_request
        self.recount_requests = self.night.recount_requests
        self.add_declaration = self.night.add_declaration
        self.declarations = self.night.declarations
        self.add_uncontested_notice = self.night.add_uncontested_notice
        self.uncontested_notice = self.night.uncontested_notice
        self.add_error_found = self.errors.add_error_found
        self.errors_found = self.errors.errors_found
        self.entry_mode = self.entries.entry_mode
        self.set_entry_mode = self.entries.set_entry_mode
        self.entry_state = self.entries.entry_state
        self.entry_mode_switched_by = self.entries.entry_mode_switched_by
        self.hold_entry = self.entries.hold_entry
        self.send_back = self.entries.send_back
        self.clear_entries = self.entries.clear_entries

    @property
    def clock(self) -> Clock:
        """The clock every record's time is read from (tests replace it)."""
        return self.connection.clock

    @clock.setter
    def clock(self, clock: Clock) -> None:
        self.connection.clock = clock

    def close(self) -> None:
        """Close the database connection."""
        self.db.close()
