"""The dialogs of the count night's decisions: recount, lots, declaration, and an error found after it."""
