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


def test_checked_in_reply_schema_matches_the_models():
    from summarizer.models import model_reply_schema

    on_disk = json.loads((ROOT / "schemas" / "model_reply.schema.json").read_text(encoding="utf-8"))
    assert on_disk == model_reply_schema(), (
        "run: summarizer schema --reply -o schemas/model_reply.schema.json"
    )


def _walk(node, path=""):
    if isinstance(node, dict):
        yield path, node
        for k, v in node.items():
            yield from _walk(v, f"{path}/{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _walk(v, f"{path}/{i}")


def test_reply_schema_obeys_strict_mode_rules():
    """OpenAI strict mode: every property required, no extra properties, no unsupported keywords."""
    from summarizer.models import model_reply_schema

    schema = model_reply_schema()
    objects = 0
    for path, node in _walk(schema):
        if node.get("type") == "object" or "properties" in node:
            objects += 1
            assert node.get("additionalProperties") is False, path
            assert sorted(node["required"]) == sorted(node["properties"]), path
        for bad in ("default", "format", "minLength", "pattern", "title"):
            assert bad not in node or path.endswith("/properties"), f"{path} has {bad}"
    assert objects == 5  # ModelReply, ReplyDocument, ReplyConclusion, ReplyTask, ReplyRequest
    # The model gives no spans and no normalized dates: code derives both.
    task = schema["$defs"]["ReplyTask"]["properties"]
    assert "span" not in task and task["deadline"]["anyOf"] == [{"type": "string"}, {"type": "null"}]
