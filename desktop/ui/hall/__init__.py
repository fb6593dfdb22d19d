"""The hall board: a read-only screen for the hall's projector, every contest's progress and
each declared result, large enough to read from ten metres."""
