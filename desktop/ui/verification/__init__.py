"""The Verification tab: boxes and batches against their ballot paper accounts."""
