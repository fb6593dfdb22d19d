"""The Documents tab: the declaration and the provisional sheet, shown as printed."""
