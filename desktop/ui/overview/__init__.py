"""The election overview: every contest of the night at a glance, sortable, kept up to date."""
