"""The Count tab: the figures keyed for each candidate, checked as they are typed."""
