"""Every stable code CountDesk gives: the validation catalogue's findings and the refusals.

One enum, so a code is spelt once. It is a ``StrEnum``: ``Code.F104 == "F104"`` and f-strings
show the bare code, so screens, the CLI, exports and the audit log keep printing "F104".
The catalogue (severity and title of each finding) is in ``findings.py``; docs/findings.md lists
both the findings and the refusal codes, and the tests check it against this enum.
"""

from __future__ import annotations

from enum import StrEnum


class Code(StrEnum):
    """A stable finding or refusal code (see docs/findings.md)."""

    # Findings of the catalogue (desktop.domain.findings.CATALOGUE), in catalogue order.
    F101 = "F101"
    F102 = "F102"
    F103 = "F103"
    F104 = "F104"
    F105 = "F105"
    F106 = "F106"
    F107 = "F107"
    F108 = "F108"
    F109 = "F109"
    C201 = "C201"
    C202 = "C202"
    C203 = "C203"
    C204 = "C204"
    C205 = "C205"
    C206 = "C206"
    C207 = "C207"
    C208 = "C208"
    C210 = "C210"
    C212 = "C212"
    C213 = "C213"
    C214 = "C214"
    C220 = "C220"
    C221 = "C221"
    C222 = "C222"
    T301 = "T301"
    T302 = "T302"
    T303 = "T303"
    T304 = "T304"
    L401 = "L401"
    L402 = "L402"
    L403 = "L403"
    L406 = "L406"
    L407 = "L407"
    W601 = "W601"
    W602 = "W602"
    W603 = "W603"
    W604 = "W604"
    W605 = "W605"
    V501 = "V501"
    V502 = "V502"
    V503 = "V503"
    V504 = "V504"
    V505 = "V505"
    V506 = "V506"
    V507 = "V507"
    V508 = "V508"
    V509 = "V509"
    S801 = "S801"
    S802 = "S802"
    S803 = "S803"
    S804 = "S804"
    S805 = "S805"
    S806 = "S806"
    S807 = "S807"
    S808 = "S808"
    S809 = "S809"
    S810 = "S810"
    S811 = "S811"
    S812 = "S812"
    S813 = "S813"
    I701 = "I701"
    N101 = "N101"
    P101 = "P101"
    P102 = "P102"
    P103 = "P103"
    A101 = "A101"
    A109 = "A109"
    A110 = "A110"
    R104 = "R104"
    # Refusals of an action: not findings of a count, so not in the catalogue.
    C211 = "C211"  # A count or request names a candidate who is not in the contest
    L404 = "L404"  # Lots recorded where no tie needs them
    L405 = "L405"  # Lots that fall on someone not tied, or on the wrong number of candidates
    D901 = "D901"  # The database is held by another program
    D902 = "D902"  # The database cannot be written: the file or its folder is read-only
    D903 = "D903"  # The disk holding the database is full
    D904 = "D904"  # The backup folder is missing, read-only or cannot be written
    D905 = "D905"  # The disk holding the backup folder is full
    D906 = "D906"  # A backup copy failed its check and was not kept
    D907 = "D907"  # No backup folder is chosen for this database
    D908 = "D908"  # The database was changed outside CountDesk
    P104 = "P104"  # The second entry keyed by the operator who keyed the first
    P105 = "P105"  # Resolving entries that do not differ, or a field that does not differ
    P106 = "P106"  # The entry mode changed while an entry is held, or not single or double
    A102 = "A102"  # A local count's or an area result's action on a contest that is not one
    A103 = "A103"  # Lots drawn at a local count (the area's returning officer draws them)
    A104 = "A104"  # A local totals file that cannot be read
    A105 = "A105"  # Local totals of another election or contest
    A106 = "A106"  # Local totals whose candidates are not the area's
    A107 = "A107"  # A voting area not listed, or sent again with different figures
    A108 = "A108"  # Local totals whose figures do not reconcile
    R101 = "R101"  # A referendum without its question, or a question too long to print
    R102 = "R102"  # A referendum with fewer than two answers, or two answers the same
    R103 = "R103"  # Lots at a referendum: equal votes carry neither answer
    R105 = "R105"  # A candidates file naming a referendum: referendums are created by hand
    R106 = "R106"  # Something a referendum does not have: seats, kinds, candidates' names
    B101 = "B101"  # A batch's folder cannot be written (missing, read-only, a file, disk full)
    B102 = "B102"  # A contest left out of a batch of declarations: not declared
    B103 = "B103"  # A batch with nothing to print: no such election, or no contests
    B104 = "B104"  # A batch cancelled: the contests not reached
    B105 = "B105"  # An import cancelled: nothing imported
    B106 = "B106"  # `declaration --all` asked for with a contest's id, or without a folder
    H101 = "H101"  # A result sent out (export, web page) for a contest not declared
    H102 = "H102"  # Results sent out where no contest asked for is declared
    H103 = "H103"  # A referendum asked for as Democracy Club results (not a DC ballot)
    H104 = "H104"  # The folder for the results web pages cannot be written
    H105 = "H105"  # Publishing into a folder whose index.html CountDesk did not write
    E101 = "E101"  # A previous result file of another seat, or of an election not before this one
    E102 = "E102"  # A previous result file with no votes
    E103 = "E103"  # A previous result's votes that are not whole numbers
    E104 = "E104"  # A previous result file that cannot be read as one (columns, rows, elected)
    E105 = "E105"  # A results summary of a contest not yet declared
    E106 = "E106"  # A previous result for a referendum, or an uncontested contest
    E107 = "E107"  # An election summary with no contest declared yet


#: Codes that refuse an action rather than describe figures (not in the catalogue).
REFUSAL_CODES: frozenset[Code] = frozenset(
    {
        Code.C211,
        Code.L404,
        Code.L405,
        Code.D901,
        Code.D902,
        Code.D903,
        Code.D904,
        Code.D905,
        Code.D906,
        Code.D907,
        Code.D908,
        Code.P104,
        Code.P105,
        Code.P106,
        Code.A102,
        Code.A103,
        Code.A104,
        Code.A105,
        Code.A106,
        Code.A107,
        Code.A108,
        Code.R101,
        Code.R102,
        Code.R103,
        Code.R105,
        Code.R106,
        Code.B101,
        Code.B102,
        Code.B103,
        Code.B104,
        Code.B105,
        Code.B106,
        Code.H101,
        Code.H102,
        Code.H103,
        Code.H104,
        Code.H105,
        Code.E101,
        Code.E102,
        Code.E103,
        Code.E104,
        Code.E105,
        Code.E106,
        Code.E107,
    }
)
