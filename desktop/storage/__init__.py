"""SQLite storage through sqlite-utils: connection, migrations, repositories, audit log. No Qt."""
