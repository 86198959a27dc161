"""Rules backend on news write-ups: the points of a leader's speech ("Thứ nhất, …"), the asks of a
locality to several higher bodies in one sentence."""

from __future__ import annotations

from rules_helpers import run

SPEECH = (
    "Thủ tướng làm việc với tỉnh\n\n"
    "Sáng 10/3, Chủ tịch UBND tỉnh Lê Văn Ba làm việc với huyện Vân Canh.\n\n"
    "Chủ tịch UBND tỉnh giao Sở Xây dựng khẩn trương rà soát quy hoạch.\n\n"
    "Thứ nhất, huyện Vân Canh phải tập trung hoàn thành giải phóng mặt bằng.\n\n"
    "Hai là, Sở Tài chính cần bố trí đủ vốn cho dự án.\n"
)


def test_a_numbered_point_of_a_speech_names_its_own_assignee():
    got = {t.evidence: t.agencies for t in run(SPEECH, date="2024-03-11")[0].tasks}
    assert got["Thứ nhất, huyện Vân Canh phải tập trung hoàn thành giải phóng mặt bằng."] == ["UBND huyện Vân Canh"]
    assert got["Hai là, Sở Tài chính cần bố trí đủ vốn cho dự án."] == ["Sở Tài chính"]
