"""The colours of the parties on the press summary's chart: the ones readers know, by
Democracy Club party id or, failing that, by name; a muted fallback for every other party.

Colour only repeats what the words say: every bar is labelled with its name and share, so the
chart reads the same printed in black and white.
"""

from __future__ import annotations

from desktop.domain.parties import normalised_name

#: By Democracy Club party id.
BY_ID = {
    "PP53": "#e4003b",  # Labour (and Labour and Co-operative)
    "PP52": "#0087dc",  # Conservative
    "PP90": "#faa61a",  # Liberal Democrats
    "PP63": "#02a95b",  # Green Party (England and Wales)
    "PP130": "#02a95b",  # Scottish Green Party
    "PP7931": "#12b6cf",  # Reform UK (formerly the Brexit Party)
    "PP102": "#fdf38e",  # Scottish National Party
    "PP77": "#005b54",  # Plaid Cymru
    "PP85": "#6d3177",  # UK Independence Party
}
#: By party name, normalised, where the id is not given.
BY_NAME = {
    "labour party": BY_ID["PP53"],
    "labour and co operative party": BY_ID["PP53"],
    "conservative and unionist party": BY_ID["PP52"],
    "conservative party": BY_ID["PP52"],
    "liberal democrats": BY_ID["PP90"],
    "green party": BY_ID["PP63"],
    "reform uk": BY_ID["PP7931"],
    "brexit party": BY_ID["PP7931"],
    "scottish national party": BY_ID["PP102"],
    "snp": BY_ID["PP102"],
    "plaid cymru": BY_ID["PP77"],
    "uk independence party ukip": BY_ID["PP85"],
    "uk independence party": BY_ID["PP85"],
}
#: Every other party: one muted grey, "Other parties" in the legend (each bar names its own).
OTHER = "#8c8c8c"
INDEPENDENT = "#cfcfcf"


def party_colour(key: str, name: str) -> str:
    """The colour of a party: by its id (a key "id:PP53"), else its name, else ``OTHER``; an
    Independent light grey."""
    if key.startswith("independent:") or normalised_name(name) in ("", "independent"):
        return INDEPENDENT
    if key.startswith("id:") and key[3:] in BY_ID:
        return BY_ID[key[3:]]
    known = BY_NAME.get(normalised_name(name))
    return known or OTHER
