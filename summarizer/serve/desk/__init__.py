"""What the review desk does, apart from HTTP: take a document in, lay the review out, apply a clerk's
corrections, give the drafts out, save a corrected document as a fixture.

Everything here calls the project's own functions (ingest, pipeline, document context, grounding,
deadline and agency normalizers, draft renderers); the desk adds no extraction rule of its own.

The modules: `intake` (uploads, pasted text, a stored document's source), `jobs` (extractions in
the background), `picker` (the agency picker and each agency's support), `deadlines` (a typed
deadline read and previewed), `edits` (items edited or added, facts corrected), `layout` (the review
page's marks and groups), `downloads` (the drafts and their check), `fixture` (a corrected document
saved as a fixture). This package re-exports the names other code uses as `desk.<name>`.
"""

from summarizer.serve.desk.deadlines import deadline_from_phrase, deadline_preview
from summarizer.serve.desk.downloads import (
    DOWNLOADS,
    OPTIONAL_WRITERS,
    available_downloads,
    check_draft,
    download_name,
    render,
)
from summarizer.serve.desk.edits import (
    CLERK,
    CONCLUSION_KINDS,
    ITEM_KINDS,
    edited_facts,
    edited_item,
    new_item,
)
from summarizer.serve.desk.fixture import default_genre, fixture_slug, save_fixture
from summarizer.serve.desk.intake import (
    PASTED_NAME,
    UPLOAD_SUFFIXES,
    Sources,
    display_name,
    source_from_paste,
    source_from_upload,
    source_of,
    upload_suffix,
)
from summarizer.serve.desk.jobs import Job, Jobs, extract, save_extraction
from summarizer.serve.desk.layout import Mark, source_marks, supported_agencies, task_groups
from summarizer.serve.desk.picker import agency_context, agency_names
from summarizer.serve.storage import DocRow, Item, Store
from summarizer.source.document import Source

__all__ = [
    "CLERK",
    "CONCLUSION_KINDS",
    "DOWNLOADS",
    "ITEM_KINDS",
    "OPTIONAL_WRITERS",
    "PASTED_NAME",
    "UPLOAD_SUFFIXES",
    "DocRow",
    "Item",
    "Job",
    "Jobs",
    "Mark",
    "Source",
    "Sources",
    "Store",
    "agency_context",
    "agency_names",
    "available_downloads",
    "check_draft",
    "deadline_from_phrase",
    "deadline_preview",
    "default_genre",
    "display_name",
    "download_name",
    "edited_facts",
    "edited_item",
    "extract",
    "fixture_slug",
    "new_item",
    "render",
    "save_extraction",
    "save_fixture",
    "source_from_paste",
    "source_from_upload",
    "source_marks",
    "source_of",
    "supported_agencies",
    "task_groups",
    "upload_suffix",
]
