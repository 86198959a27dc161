"""Readers of the formats clerks receive: each returns the document's text, one paragraph per line,
with what is not body text (footnotes, page headers and footers) kept apart."""
