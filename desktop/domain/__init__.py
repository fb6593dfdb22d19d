"""The domain core: pure Python, no Qt, no SQL, no I/O."""
