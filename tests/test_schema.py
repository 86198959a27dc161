import json

from conftest import ROOT

from summarizer.models import extraction_schema


def test_checked_in_schema_matches_the_models():
    on_disk = json.loads((ROOT / "schemas" / "extraction.schema.json").read_text(encoding="utf-8"))
    assert on_disk == extraction_schema(), "run: summarizer schema -o schemas/extraction.schema.json"


def test_schema_names_the_contract_fields():
    props = extraction_schema()["$defs"]
    assert set(props["Task"]["properties"]) >= {
        "agencies",
        "partners",
        "action",
        "deadline",
        "evidence",
        "span",
    }
    assert set(props["Request"]["properties"]) >= {
        "requester",
        "addressee",
        "content",
        "response",
        "evidence",
        "span",
    }
    assert set(props["DocumentInfo"]["properties"]) >= {
        "title",
        "kind",
        "issuer",
        "subject",
        "meeting_date",
        "location",
        "chair",
    }
