"""Test-wide settings: Qt runs offscreen, and nothing touches the user's real data directory."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
