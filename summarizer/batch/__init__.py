"""`summarizer batch`: many documents in one process (interactive, or through the Batch API)."""
