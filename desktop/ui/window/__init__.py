"""The main window: contest tabs, the stage panel, menus and actions."""
