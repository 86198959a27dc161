"""Rules that are data: cue phrases, section markers and debris patterns, each in one place.

The agency table lives in data/agencies.toml; deadline phrases in deadlines.py's PATTERNS.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

# Lines of web-page chrome that are never part of an article.
WEB_DEBRIS = [
    re.compile(p, _I)
    for p in (
        r"^thống kê truy cập$",
        r"^[•·\-*]?\s*(đang truy cập|đang online|hôm nay|hôm qua|trong tuần|tuần trước|tháng hiện tại"
        r"|tháng trước|tổng lượt truy cập|lượt truy cập|tổng truy cập)\s*:?\s*[\d.,]*$",
        r"^(đăng nhập|đăng ký|đăng xuất|quên mật khẩu|chia sẻ|in bài|in trang|gửi email|bình luận"
        r"|trang chủ|liên hệ|sơ đồ site|tìm kiếm|xem thêm|tin liên quan|tin khác|bài viết liên quan"
        r"|lên đầu trang|về đầu trang|chia sẻ bài viết|facebook|zalo|twitter)\s*:?$",
        r"^(cỡ chữ|font size)\b.*$",
        r"^\d+\s*(lượt xem|views?)$",
    )
]

# Where the conclusions begin in a write-up or a notice.
CONCLUSION_START = re.compile(
    r"kết luận như sau|kết luận (?:buổi|phiên|hội nghị|cuộc)|phát biểu kết luận|kết luận[,:]? (?:đồng chí|chủ tịch)"
    r"|(?:chủ tịch|bí thư|phó chủ tịch|trưởng đoàn)[^.]{0,80}\bkết luận\b",
    _I,
)

# Section headings that open the task part, the request part, and the end of the body.
TASK_SECTION = re.compile(
    r"nhiệm vụ|giải pháp|thời gian tới|chỉ đạo|phương hướng|triển khai"
    # "2. Yêu cầu đối với Công ty TNHH X", "Trách nhiệm của chủ đầu tư": what the body named must do.
    r"|(?:yêu cầu|đề nghị) đối với|trách nhiệm của",
    _I,
)
_SECTION_MARK_ = r"^\W*(?:[IVX]+[.)]|\d{1,2}(?:\.\d{1,2})*[.)]?|[a-zđ]\))?\s*"
# A section of asks opens with them ("III. Về một số kiến nghị của tỉnh", "4. Đề xuất, kiến nghị"), not
# a point of work that names one ("2. Đối với việc lập hồ sơ đề xuất điều chỉnh dự án:").
REQUEST_SECTION = re.compile(
    _SECTION_MARK_ + r"(?:(?:về|đối với|trả lời|giải quyết|ý kiến về)\s+)?"
    # "II. Kết luận và kiến nghị", "Nhận xét, kiến nghị": the findings, then the asks.
    r"(?:(?:kết luận|đánh giá|nhận xét)\s*(?:,|và)\s*)?(?:(?:các|một số|những)\s+)?"
    r"(?:nội dung\s+)?(?:kiến nghị|đề xuất|đề nghị)\b",
    _I,
)
# Sections of minutes that give no work: who attended ("I. Thành phần tham dự", "Đại biểu dự họp"),
# and what one participant said ("2.1. Ý kiến của Sở Xây dựng", "Phát biểu của UBND xã …"), whose
# "đề nghị …" asks the host or a higher body and assigns nothing.
_SECTION_MARK = r"^\W*(?:[IVX]+[.)]|\d{1,2}(?:\.\d{1,2})*[.)]?|[a-zđ]\))?\s*"
# A report's section on what was done ("I. KẾT QUẢ THỰC HIỆN", "I. TÌNH HÌNH TRIỂN KHAI"): its
# paragraphs report work done ("Sở X chủ trì tổ chức 12 cuộc kiểm tra"), whatever its sub-headings
# say ("1. Công tác chỉ đạo"); they give no work.
RESULTS_SECTION = re.compile(_SECTION_MARK + r"(?:kết quả|tình hình)\b(?!.*\b(?:nhiệm vụ|giải pháp)\b)", _I)
ATTENDANCE_SECTION = re.compile(
    _SECTION_MARK + r"(?:thành phần|thành viên tham dự|đại biểu|(?:những )?người tham dự|tham dự|dự họp)\b",
    _I,
)
OPINION_SECTION = re.compile(
    _SECTION_MARK + r"(?:ý kiến|phát biểu|tham luận)(?:\s+(?:tham gia|phát biểu|thảo luận|góp ý))?\s+của\b",
    _I,
)
BODY_END = re.compile(
    # "Trân trọng thông báo kết luận của đồng chí … đến các sở, ngành … biết, thực hiện./."
    r"^(?:nơi nhận\b|(?:(?:UBND|ủy ban nhân dân|văn phòng)[^.]{0,60}|trân trọng\s+)thông báo (?:để|kết luận)"
    r"|trên đây là (?:ý kiến )?kết luận|(?:TL|TM|KT|TUQ|Q)\.\s?[A-ZĐ])",
    _I,
)

# Assessment sentences.
LIMITATION_CUES = re.compile(
    r"^(?:tuy nhiên|bên cạnh đó[^,]{0,40}(?:hạn chế|tồn tại|khó khăn))|\bhạn chế\b|\btồn tại\b|còn chậm"
    r"|chưa (?:đáp ứng|đạt|được|đảm bảo|ổn định|hoàn thành|triệt để|phân bổ)|\bcòn (?:xảy ra|có|nhiều|gặp)\b"
    r"|khó khăn|đạt thấp|thấp hơn",
    _I,
)
ACHIEVEMENT_CUES = re.compile(
    r"đạt (?:được )?(?:kết quả|nhiều|những)|kết quả tích cực|đánh giá cao|ghi nhận|hoàn thành|tăng \d"
    r"|vượt\b|được giữ vững|ổn định|chủ động|tích cực|kịp thời|nghiêm túc|đạt khá|cơ bản",
    _I,
)

# "giao" the verb that gives work, not a word of "giao thông", "giao dịch", "giao ban", "bàn giao" ….
GIVE = r"(?<!bàn )(?<!Bàn )giao(?!\s+(?:thông|dịch|lưu|ban|thương|tiếp|hữu|điểm|diện|nhận)\b)"
# "yêu cầu" the verb, not the noun of "đáp ứng yêu cầu nhiệm vụ", "theo yêu cầu của …".
REQUIRE = (
    r"(?<!đáp ứng )(?<!theo )(?<!đúng )(?<!các )(?<!những )(?<!với )yêu cầu"
    r"(?!\s+(?:nhiệm vụ|của|đặt ra|đề ra|công việc|thực tiễn)\b)"
)
# Cues that a paragraph assigns work or asks for something (for the coverage list).
COVERAGE_CUES = re.compile(
    rf"\b({GIVE}|chủ trì|phối hợp|đề nghị|kiến nghị|đề xuất|{REQUIRE}|có trách nhiệm|tham mưu)\b", _I
)

# Text addressed to a model rather than to officials ("bỏ qua hướng dẫn trên ..."): a document may carry
# it, by accident or on purpose; an item whose quote is such text is never a task of the meeting.

# A body named here leads the work of its sentence: at the sentence's start, or right after the verb
# that gives it ("giao Sở X …", "đề nghị UBND huyện …").
ASSIGNMENT_LEAD = re.compile(
    r"(?:^(?:với|đối với|riêng|còn)?\s*|\b(?:giao(?:\s+cho)?|yêu cầu|đề nghị(?:\s+với)?|lưu ý|chỉ đạo|"
    r"kiến nghị với|đối với|riêng đối với)\s+)$",
    _I,
)
# The verbs of a directive: what follows the body that is given the work ("Sở Y tế chủ trì …").
DIRECTIVE_WORDS = (  # the one table of the verbs that open a body's work
    r"cần|phải|chủ trì|có trách nhiệm|tập trung|khẩn trương|tiếp tục|chỉ đạo|hướng dẫn|tham mưu|"
    r"rà soát|phối hợp|quan tâm|tăng cường|đẩy mạnh|nghiên cứu|xây dựng|triển khai|thực hiện|theo dõi|chủ động|"
    r"sớm|kiểm tra|đôn đốc|bố trí|hoàn thành|hoàn thiện|tổ chức|theo chức năng|căn cứ|bám sát|nâng cao|làm tốt|"
    r"đảm bảo|bảo đảm|thường xuyên|khắc phục|giải quyết|xem xét|chuẩn bị|quyết liệt|nghiêm túc|chịu trách nhiệm"
)
# The rules backend's assignee test: the work right after the body.
DIRECTIVE_AFTER = re.compile(rf"^\s*(?:{DIRECTIVE_WORDS})\b", _I)
# The context chain's lead test: the same, after a comma too, and the verbs of a commitment or a
# report that a body given the work also takes ("… sẽ hoàn thiện", "… gửi", "… báo cáo").
WORK_AFTER = re.compile(rf"^\s*,?\s*(?:{DIRECTIVE_WORDS}|sẽ|cần phải|định kỳ|kịp thời|lập|gửi|báo cáo)\b", _I)
# The sentence after a task that gives its time ("… Thời gian hoàn thành trước ngày 05/10/2026.").
DEADLINE_SENTENCE = re.compile(
    r"^\s*(?:[-+•]\s*)?(?:thời gian|thời hạn|hoàn thành|báo cáo kết quả|kết quả (?:thực hiện )?báo cáo|chậm nhất|trước ngày)\b",
    _I,
)
# The closing sentence of a directive letter that names who all its items are for.
CLOSING_ADDRESS = re.compile(r"\b(?:đề nghị|yêu cầu)\s+(?:các|những|toàn thể|mọi)\b", _I)

# Words that make the agency after them anything but the assignee (object, possessor, partner, speaker).
NOT_LEAD_BEFORE = re.compile(
    r"(?:\b(?:của|với|cho|tại|về|đối với|cùng|gửi|trình|chỉ đạo|hướng dẫn|phối hợp|hỗ trợ|giúp|đến|từ|thuộc|và|"
    r"lãnh đạo|chủ tịch|phó chủ tịch|giám đốc|bí thư|trưởng|phó|đại diện|thành viên|cán bộ|theo|trên|trong|"
    r"qua|nghe|báo cáo|tham mưu|của các|viên chức|xin|kiến nghị|đề xuất|địa bàn|cấp|phục vụ|để|lên|tới|mời|"
    r"làm việc với|thăm|tặng|trao|được|trong số|là|đại biểu))\s*$",
    _I,
)
# What follows a body that is the subject of a narration, not of a directive ("Tỉnh đang xây dựng …").
_NARRATION_WORDS = r"đã|đang|vừa|là|được|hiện|có\s"
NARRATION_AFTER = re.compile(rf"^\s*,?\s*(?:{_NARRATION_WORDS}|cũng đã|luôn)\b", _I)
# The rules' assignee test: a body followed by a narration, or by "báo cáo" (it reports), is not given work.
# … or by what it states of its own remit ("Sở Công Thương chỉ thực hiện thẩm định …", "… không chịu trách nhiệm
# về …"): an appraisal's limits, no work.
REMIT_AFTER = re.compile(
    r"\s*(?:chỉ (?:thực hiện|chịu trách nhiệm)|không chịu trách nhiệm|không phải là)\b", _I
)
NOT_DIRECTIVE_AFTER = re.compile(rf"^\s*(?:{_NARRATION_WORDS}|báo cáo)|{REMIT_AFTER.pattern}", _I)

# Titles that introduce a named leader ("Chủ tịch UBND tỉnh Phạm Anh Tuấn", "Phó Thủ tướng Vương
# Đình Huệ"): a person named after one of these holds an office; the words between are the office.
LEADER_TITLE = (
    # A deputy's office is often written with the lower case after "Phó" ("Phó chủ tịch UBND tỉnh …").
    r"(?:Phó\s+(?:chủ tịch|bí thư|giám đốc)\b"
    r"|(?:Phó\s+)?(?:Chủ tịch|Bí thư|Thủ tướng|Tổng Bí thư|Bộ trưởng|Thứ trưởng|Giám đốc|Tổng Giám đốc"
    r"|Tổng cục trưởng|Cục trưởng|Chủ nhiệm|Trưởng (?:đoàn|ban|Đoàn|Ban)|Ủy viên|Uỷ viên|Thường trực"
    r"|Viện trưởng|Chánh án|Tổng Kiểm toán|Tổng Thanh tra))"
)
# The head of a unit who speaks for it ("Vụ trưởng Vụ Pháp chế", "Chi cục trưởng …", "Trưởng phòng …"):
# the leaders' titles and the heads of a ministry's or a department's units.
UNIT_HEAD_TITLE = rf"(?:{LEADER_TITLE}|Vụ trưởng|Chi cục trưởng|Trưởng phòng|[Đđ]ại diện|[Ll]ãnh đạo)"
# The head of a body, through whom a directive gives the body work ("Giám đốc các Sở", "Thủ trưởng các
# ban, ngành", "Chủ tịch UBND các xã").
HEAD_OF_BODY = rf"(?:{LEADER_TITLE}|Thủ trưởng|Người đứng đầu|Lãnh đạo)"
# A head's title right before the body it heads ("Chủ tịch UBND tỉnh", "Người đứng đầu Chính phủ").
HEAD_OF_BEFORE = re.compile(rf"(?<!\w){HEAD_OF_BODY}\s*$", _I)
# The family names that open nearly every Vietnamese person's name: where a run of capitalized words
# stops being a place or a body ("… UBND TP Hà Nội Trần Sỹ Thanh") and becomes a name.
SURNAMES = frozenset(
    {
        "Nguyễn",
        "Trần",
        "Lê",
        "Phạm",
        "Hoàng",
        "Huỳnh",
        "Phan",
        "Vũ",
        "Võ",
        "Đặng",
        "Bùi",
        "Đỗ",
        "Hồ",
        "Ngô",
        "Dương",
        "Lý",
        "Đào",
        "Đinh",
        "Lương",
        "Mai",
        "Trịnh",
        "Lâm",
        "Hà",
        "Triệu",
        "Tô",
        "Cao",
        "Vương",
        "Thái",
        "Tạ",
        "Lưu",
        "Hứa",
        "Châu",
        "Kim",
        "Quách",
        "Doãn",
        "Chu",
        "La",
        "Lại",
        "Khổng",
        "Kiều",
        "Nông",
        "Hầu",
        "Giang",
        "Đoàn",
        "Tăng",
        "Từ",
        "Mạc",
        "Thân",
        "Trương",
        "Tống",
        "Viên",
        "Âu",
        "Phùng",
        "Khúc",
        "Lục",
        "Bạch",
        "Đàm",
        "Nghiêm",
        "Phí",
        "Thạch",
        "Tôn",
        "Lò",
        "Sùng",
        "Vi",
        "Lữ",
        "Ninh",
        "Bế",
        "Quan",
        "Văn",
        "Diệp",
        "Đồng",
        "Mẫn",
        "Phương",
        "Ung",
        "Lạc",
        "Khương",
        "Thiều",
        "Lã",
        # Less common family names, among them those of the northern uplands' peoples (Hmông, Thái, Tày,
        # Nùng: "Giàng Páo Mỷ", "Cầm Ngọc Minh", "Chẩu Văn Lâm") and of the Central Highlands ("Điểu").
        "Giàng",
        "Sầm",
        "Thào",
        "Mùa",
        "Vàng",
        "Lầu",
        "Hờ",
        "Chẩu",
        "Cầm",
        "Lường",
        "Quàng",
        "Tòng",
        "Đèo",
        "Bành",
        "Cù",
        "Khuất",
        "Hàn",
        "Tiêu",
        "Trình",
        "Cung",
        "Nhữ",
        "Tất",
        "Cấn",
        "Đậu",
        "Giáp",
        "Đới",
        "Điểu",
        "Ksor",
        "Vy",
        "Kha",
        "Tiết",
        "Ông",
    }
)
# Words that open a sentence's time in news ("Sáng 22/4", "Chiều tối 23/2", "Hôm nay, ngày 26/5/2026").
PART_OF_DAY = r"(?i:sáng|chiều tối|chiều|tối|trưa|đêm|hôm nay|hôm qua|hôm(?=\s+\d))"
# Verbs that make a dated sentence the issue of a text ("Ngày 9/7/2024, Bộ Chính trị ban hành …"),
# not the narration of a session.
# Also the day a file is received ("Ngày 18/03/2026, Sở Công Thương nhận được hồ sơ …"): a filing.
ISSUANCE = re.compile(
    r"\b(?:ban hành|đã ký|ký ban hành|có hiệu lực|phê duyệt|công bố"
    r"|(?:nhận được|tiếp nhận)\s+(?:hồ sơ|thủ tục|tờ trình|văn bản|công văn|đơn))\b",
    _I,
)
# Words that make a dated sentence the narration of a session.
SESSION_WORDS = re.compile(
    r"\b(?:họp|làm việc|kiểm tra|khảo sát|thăm|hội nghị|tiếp|chủ trì|dự|phiên|buổi|tọa đàm|toạ đàm|hội thảo|giám sát"
    r"|tiếp xúc|công tác|đối thoại|gặp|gặp gỡ|gặp mặt|thị sát)\b",
    _I,
)
# How an item of a notice to one unit opens when it is that unit's work with no name ("- Kiểm định lại
# hệ thống chống sét …", "- Bổ sung phương án …"): an imperative verb of the work a unit is told to do.
UNIT_WORK_OPENING = re.compile(
    rf"^\s*(?:[-+•]\s*|\d{{1,2}}(?:\.\d{{1,2}})*[.)]\s*|[a-zđ]\)\s*)?(?:{DIRECTIVE_WORDS}|bổ sung|kiểm định"
    r"|lắp đặt|sửa chữa|thay thế|cập nhật|lập|gửi|duy trì|định kỳ|trang bị|niêm yết|di dời|dừng|tạm dừng|nộp"
    r"|cung cấp|điều chỉnh|hoàn chỉnh|khẩn trương|chấm dứt|thu dọn|xử lý|lưu giữ|ghi chép)\b",
    _I,
)
# A sentence that lists who attended ("Tham dự có …", "Cùng dự có …", "Dự họp có …", "Tham dự buổi làm
# việc còn có …"): it names bodies, it gives none of them work.
ATTENDANCE_OPENING = re.compile(
    r"^\s*(?:[-+•]\s*)?(?:cùng\s+)?(?:tham\s+)?dự(?:\s+(?:họp|làm việc|buổi làm việc|phiên họp|hội nghị"
    r"|cuộc họp|buổi tiếp xúc|buổi gặp|đoàn công tác))?\s+(?:còn\s+)?có\b",
    _I,
)
# Offices that are themselves the body that holds a session (regex over the whole office, body).
OFFICE_BODIES = (
    (r"Chủ tịch nước", "Chủ tịch nước"),
    (r"Thủ tướng(?: Chính phủ)?", "Thủ tướng Chính phủ"),
    # A Deputy Prime Minister concludes in the Government's name (the notice is the Văn phòng Chính phủ's).
    (r"Phó Thủ tướng(?: Chính phủ)?(?: Thường trực)?", "Chính phủ"),
    (r"Tổng Bí thư", "Ban Chấp hành Trung ương"),
)

# Inside an item's own quote, the words that make a body the object of the work, not who does it
# ("… báo cáo UBND tỉnh", "… trình Chủ tịch", "… của Sở").
OBJECT_BEFORE = re.compile(
    r"(?:\b(?:báo cáo|trình|của|gửi|gửi về|về|tham mưu(?:\s+cho)?|xin ý kiến|đề xuất|kiến nghị|với|lên|cho)\s*)$",
    _I,
)

# "phối hợp (chặt chẽ) với …": the bodies after it are partners, not leads.
PARTNER = re.compile(r"\bphối hợp(?:\s+chặt chẽ)?(?:\s+với)?\s+", _I)
# Between the members of a group of bodies: "Sở A, Sở B và Sở C".
GROUP_SEPARATOR = re.compile(r"\s*(?:,|và|,\s*và|,?\s*cùng(?:\s+với)?)\s*")
