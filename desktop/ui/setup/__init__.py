"""The Setup tab: the contest's facts and its candidates."""
