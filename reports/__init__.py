"""The printed documents: reportlab renderers over frozen snapshots.

``reports.snapshot.build_snapshot`` freezes what a declaration (or provisional sheet) prints
from a domain result, and ``reports.declaration.render_declaration`` turns it into A4 PDF
bytes; ``reports.verification`` does the same for the statement of verification. The house
style they share (stylesheet, page geometry, footer, header and signature blocks) lives in
``reports.layout``. Nothing in this package imports Qt, the database, storage or services,
or reads the clock.
"""
