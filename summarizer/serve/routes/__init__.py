"""The review desk's HTTP handlers by concern, each module with its routes: `intake` (upload, jobs),
`review` (the review page and the corrections), `drafts` (preview, downloads, fixture)."""
