"""The History tab: every count of the night side by side, requests, declarations."""
