"""The list of elections and their contests."""
