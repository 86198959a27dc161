"""Write fixtures/responses/<prompt version>/*.json for the replay backend, without a live model.

There is no model on the build machines, so the recorded replies are authored: a scripted server
answers each prompt from the fixture's hand-checked expected file (tests/oracle.py), with faults a
real model has (tone-placement variants in quotes, one invented task per document, items repeated in
chunk overlaps), and the real client and `--record` path save them. Replaying them checks validation,
grounding, normalization and merging end to end. When a live model is at hand, record real replies
instead: `summarizer eval fixtures --backend openai --record`.

Run after changing a prompt template or the reply schema:  .venv/bin/python scripts/author_replies.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from chat_server import Answer, ChatServer, completion, user_text  # noqa: E402
from oracle import Oracle  # noqa: E402

from summarizer.backends import open_backend  # noqa: E402
from summarizer.pipeline import extract_source, load_source  # noqa: E402
from summarizer.settings import load_settings  # noqa: E402


def main() -> None:
    docs = sorted((ROOT / "fixtures" / "documents").glob("*.txt"))
    for doc in docs:
        expected = ROOT / "fixtures" / "expected" / f"{doc.stem}.json"
        if not expected.is_file():
            continue  # a document still being annotated
        oracle = Oracle(doc, expected, tone_noise=True, invent=True)
        first_reply = [True]

        def answer(
            body: dict, oracle: Oracle = oracle, first_reply: list = first_reply, doc: Path = doc
        ) -> Answer:
            if first_reply[0] and doc.stem.startswith("000"):
                first_reply[0] = False  # one document starts with a broken reply, to record a re-ask
                return completion('{"document": {"title": null}, "tasks": [')
            return completion(oracle.content_for(user_text(body)))

        with ChatServer(answer) as server:
            settings = load_settings(
                model="authored-from-expected",
                base_url=server.base_url,
                api_key="not-a-key",
                cache=False,
                responses_dir=ROOT / "fixtures" / "responses",
            )
            session = open_backend("openai", settings, record=True)
            ex = extract_source(load_source(doc), session)
        print(
            f"{doc.stem}: {len(server.requests)} replies, {len(ex.tasks)} tasks, {len(ex.rejected)} rejected"
        )


if __name__ == "__main__":
    main()
