"""The dialogs of the count night's decisions: recount, lots, declaration, correction."""
