"""The start page and the ways to begin a contest."""
