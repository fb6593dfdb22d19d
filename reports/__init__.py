"""The printed documents: reportlab renderers over frozen snapshots.

``reports.snapshot.build_snapshot`` freezes what a declaration (or provisional sheet) prints
from a domain result, and ``reports.declaration.render_declaration`` turns it into A4 PDF
bytes; ``reports.verification`` does the same for the statement of verification. The house
style they share lives in three modules: ``reports.style`` (page geometry, colours,
stylesheet), ``reports.page`` (page templates, running header, "Page x of y" footer) and
``reports.blocks`` (header, boxed notices, signature and imprint). Nothing in this package
imports Qt, the database, storage or services, or reads the clock.
"""
