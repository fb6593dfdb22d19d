"""The results web pages for a council's website: static HTML and CSS, standard library only.

Input is a frozen snapshot (``snapshot.py``); output is text. No script is needed to read the
pages, every name and description is escaped, and undeclared contests show no figures.
"""
