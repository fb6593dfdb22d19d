"""The printed documents: reportlab renderers over frozen snapshots.

``reports.snapshot.build_snapshot`` freezes what a document prints from a domain result;
``reports.declaration.render_declaration`` turns the snapshot into A4 PDF bytes. Nothing in
this package imports Qt, the database, storage or services, or reads the clock.
"""
