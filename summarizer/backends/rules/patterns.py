"""The rules backend's cue patterns, in one place: which words make a body an assignee, what
introduces a request, what an answer to a request looks like. Section markers and coverage cues are
shared with the rest of the code in `summarizer.domain.cues`."""

from __future__ import annotations

import re

from summarizer.domain import cues
from summarizer.domain.mention import CAP_WORD

_I = re.IGNORECASE

# Words that make the agency after them an assignee ("giao Sở X", "yêu cầu huyện ...").
ASSIGN_BEFORE = re.compile(
    r"(?:\bgiao(?:\s+nhiệm vụ)?(?:\s+cho)?|\byêu cầu(?:\s+đối với)?|\bđề nghị(?:\s+với)?|\blưu ý(?:\s+với)?"
    r"|\bchỉ đạo giao)(?:\s+(?:tập thể\s+)?lãnh đạo)?"
    # … or its head ("đề nghị Bộ trưởng Tài nguyên và Môi trường chỉ đạo …", "giao Giám đốc Sở Y tế …",
    # "yêu cầu Chủ tịch UBND các xã …"): the body the head leads is given the work.
    rf"(?:\s+(?:{cues.HEAD_OF_BODY}))?"
    # The members of the body told ("yêu cầu từng đồng chí trong Ban Thường vụ …", "đề nghị các thành
    # viên Ban Chỉ đạo …"): the body is given the work.
    r"(?:\s+(?:từng|mỗi|các|toàn thể)\s+(?:đồng chí|thành viên|cán bộ,?\s*đảng viên|cán bộ|đảng viên)"
    r"(?:\s+(?:trong|của|là))?)?\s*$",
    _I,
)
# A leader who directs a body ("Chủ tịch UBND tỉnh Phạm Anh Tuấn chỉ đạo Sở Xây dựng …", "Thủ tướng
# cũng chỉ đạo các bộ, ngành …", "Bộ trưởng mong muốn tỉnh tiếp tục …"; a lower body's "mong muốn" to a
# higher one is its request, found first): the body after the verb leads (after a body, "UBND huyện chỉ đạo các
# xã …", the body before it does).
LEADER_DIRECTS = re.compile(
    rf"(?<!\w){cues.LEADER_TITLE}(?!\w)[^,.;:]{{0,80}}?\s(?:cũng\s+|đã\s+|tiếp tục\s+)?(?:chỉ đạo|mong muốn)\s*$"
    # "Lãnh đạo UBND huyện chỉ đạo các ngành chuyên môn …": the leadership of a body, as one leader.
    # "Người đứng đầu Chính phủ chỉ đạo Bộ Xây dựng …": the head of a body, as its leader.
    r"|(?<!\w)(?:[Ll]ãnh đạo|[Nn]gười đứng đầu)\s+(?:UBND|Ủy ban|Uỷ ban|Sở|Bộ|Tỉnh|Huyện|Thành|Chính phủ)"
    r"[^,.;:]{0,60}?\s(?:cũng\s+|đã\s+)?chỉ đạo\s*$"
    # … and the leader named again by a form of address and his name ("Ông Phạm Anh Tuấn chỉ đạo huyện …",
    # "Đồng chí cũng chỉ đạo Sở …"): who directs is a leader; "mong muốn" of a person named so may be a
    # local's ask, so only "chỉ đạo" counts there.
    rf"|(?<!\w)(?:[Ôô]ng|[Bb]à|[Đđ]ồng chí)(?:\s+{CAP_WORD}){{0,4}}\s+(?:cũng\s+|đã\s+|tiếp tục\s+)?chỉ đạo\s*$"
)
# "Người đứng đầu Chính phủ chỉ đạo …", "Thủ trưởng cơ quan chỉ đạo …": the head of a body directs (it
# gives the work); "đề nghị người đứng đầu các đơn vị phối hợp …" names the heads given work.
HEAD_OF_BEFORE = cues.HEAD_OF_BEFORE
# The leader who says what his own body will do ("Chủ tịch UBND TP.HCM Nguyễn Thành Phong cho biết, đảm
# bảo rút ngắn …", "lãnh đạo TP Đà Nẵng cho biết sẽ tiếp tục …"): a commitment, the body's task.
COMMITS_AFTER = re.compile(
    rf"(?:\s+{CAP_WORD}){{0,4}}\s*,?\s+(?:cũng\s+)?(?:cho biết|thông tin|khẳng định|cam kết)\s*[,:]?\s*"
    r"(?:(?:thời gian tới|năm tới|sắp tới|trong năm \d{4}|năm \d{4})\s*,?\s*)?"
    r"(?:(?:thành phố|tỉnh|huyện|đơn vị|Bộ|ngành)\s+)?(?:sẽ|cam kết|đảm bảo|bảo đảm)\s",
)
DIRECTS_AFTER = re.compile(r"^\s*(?:cũng\s+|đã\s+|tiếp tục\s+)?chỉ đạo\b", _I)
# "thời gian tới", "năm tới" before a body: when, not a preposition ("tới" of "đi tới Sở …").
TIME_AHEAD_END = re.compile(r"(?:thời gian|năm|giai đoạn|những năm|thời gian sắp)\s+tới\s*,?\s*$", _I)
# The office of a speaker right before a body ("Theo Chủ tịch UBND tỉnh, …", "Giám đốc Sở Y tế, …").
OFFICE_BEFORE = re.compile(rf"(?<!\w){cues.LEADER_TITLE}\s*$", _I)
# ... and a regulation that names the body it binds ("Quy định Ngân hàng Phát triển Việt Nam xem xét …"
# in a report's findings): what a rule says, not work given.
# A body in a relative clause ("… thách thức mà các Chính phủ cần nhận diện") is no addressee either.
NOT_ASSIGNEE_BEFORE = re.compile(
    rf"(?:{cues.NOT_LEAD_BEFORE.pattern})|\bquy định\s*$|\bmà(?:\s+các)?\s*$", _I
)

# What follows an assignee: the work it is given (the one table of verbs is in cues).
# ... and, in the rules' own reading, more verbs a directive opens its work with ("Công an tỉnh sẵn
# sàng lực lượng …", "Bộ Kế hoạch và Đầu tư cân đối số vốn …"). Not "ban hành", "xử lý", "bổ sung",
# "tổng hợp, trình": a report or a write-up narrates with them what a body did ("Bộ Chính trị ban hành
# Quyết định …"). Kept out of cues: the model path's lead test took them as support for wrong leads.
_MORE_DIRECTIVE_WORDS = (
    r"sẵn sàng (?:lực lượng|phương án|các phương án|phương tiện|ứng phó|ứng cứu)|cân đối|đẩy nhanh|duy trì"
    r"|vận động|tuyên truyền|giám sát|kiểm soát|phấn đấu|kiện toàn|huy động|thúc đẩy|siết chặt|phát huy"
    r"|chăm lo|giữ vững|sẽ phải"
    # A body's commitment at a session ("Bộ Nội vụ sẽ tập trung đôn đốc …", "TP.HCM sẽ tiếp tục …"): work
    # it takes on, as a write-up of a conference records it.
    rf"|sẽ\s+(?:nghiêm túc\s+|tích cực\s+)?(?:{cues.DIRECTIVE_WORDS})"
)
DIRECTIVE_AFTER = re.compile(rf"(?:{cues.DIRECTIVE_AFTER.pattern})|^\s*(?:{_MORE_DIRECTIVE_WORDS})\b", _I)
NOT_DIRECTIVE_AFTER = cues.NOT_DIRECTIVE_AFTER
ADDRESSING_CUE = re.compile(rf"\b(?:{cues.GIVE}|{cues.REQUIRE}|đề nghị|lưu ý)\b", _I)
CONTINUATION = re.compile(r"^(?:đồng thời)\b", _I)
# A line that says who holds a role ("- Chủ trì thiết kế phần cơ - điện: Ông Nguyễn Văn A, kỹ sư …",
# "Chủ nhiệm dự án: Bà …"): a list of the people of a team, not work given to anyone.
ROLE_HOLDER = re.compile(rf"^\s*(?:[-+•]\s*)?[^:;.\n]{{2,80}}?:\s*(?:Ông|Bà)\s+{CAP_WORD}")
# A field of a form or a header table ("- Tên chủ đầu tư: Công ty …", "Địa chỉ liên hệ: …", "Số điện thoại:
# …"): who and where a body is, no work.
FIELD_LINE = re.compile(
    r"^\s*(?:[-+•]\s*)?(?:Tên|Địa chỉ|Số điện thoại|Điện thoại|Fax|E-?mail|Website|Mã số thuế|Mã số doanh nghiệp"
    r"|Người đại diện(?: theo pháp luật)?|Trụ sở(?: chính)?)\b[^:\n]{0,40}:",
    _I,
)
PARTNER = cues.PARTNER
CHAIRS_AFTER = re.compile(r"\s*(?:chủ trì|chi trì)\b", _I)  # OCR loses the hook: "chi trì"
COOPERATES_AFTER = re.compile(r"\s*(?:cùng\s+)?phối hợp\b(?!\s+(?:với|chặt chẽ|cùng))", _I)
# Other ways a directive names whom the lead works with ("chủ trì với các sở, ngành …", "phối hợp cùng
# Văn phòng …", "cùng với UBND xã …", "với sự phối hợp của …"): rules-only, beside cues.PARTNER.
MORE_PARTNER = re.compile(
    r"\b(?:chủ trì,?\s+(?:cùng\s+)?với|phối hợp cùng(?:\s+với)?|cùng với|với sự phối hợp của|phối hợp chặt chẽ,\s*"
    r"hiệu quả với)\s+",
    _I,
)
GROUP_SEPARATOR = cues.GROUP_SEPARATOR
REQUEST_CUE = re.compile(r"\b(?:đề nghị|kiến nghị|đề xuất|xin(?:\s+ý kiến)?|mong muốn)\b(?:\s+với)?\s*", _I)
# A cue that asks, not the noun it also is ("việc đề xuất sửa đổi …", "các kiến nghị", "nội dung đề
# xuất"), nor the ask of another ("theo đề xuất của Bộ …").
REQUEST_CUE_ASKS = re.compile(
    r"(?<!\bviệc )(?<!\bcác )(?<!\bnhững )(?<!\bnội dung )(?<!\btheo )(?<!\bcó )"
    r"\b(?:đề nghị|kiến nghị|đề xuất|kính trình|kính đề nghị|xin)\b(?!\s+(?:của|nêu|trên)\b)",
    _I,
)
# An introduction that gives the unit it speaks to work ("Đoàn kiểm tra yêu cầu Công ty thực hiện các
# nội dung sau:", "đề nghị đơn vị …:"): an inspected unit is told, nobody above is asked.
WORK_INTRO = re.compile(
    r"(?<!theo )(?<!của )\b(?:yêu cầu|giao|đề nghị|kiến nghị)\s+"
    r"(?:Công ty|công ty|Tổng công ty|đơn vị|chủ đầu tư|cơ sở|doanh nghiệp|Hợp tác xã|HTX)\b"
    r"[^:]*:\s*$",
)
# An item that speaks to a unit by its opening: its marker, then a cue or nothing ("- Đề nghị Công ty …",
# "- Công ty phải …", "2. Yêu cầu đơn vị …").
UNIT_SPOKEN_TO = re.compile(
    r"^\s*(?:[-+•]\s*|\d{1,2}(?:\.\d{1,2})*[.)]\s*|[a-zđ]\)\s*)?(?:(?:đề nghị|yêu cầu|kiến nghị)\s+)?", _I
)
RECOMMEND_BEFORE = re.compile(r"\bkiến nghị(?:\s+đối với)?\s*$", _I)
# The names of an enterprise or unit (the unit a letter or record is about).
UNIT_NAME = re.compile(r"^(?:Công ty|Tổng công ty|Hợp tác xã|HTX|Doanh nghiệp|Chi nhánh|Nhà máy)\b", _I)
# How a finding opens, as the items of a report list what it found ("Một số quy định …", "Các quy
# định …", "Việc …", "Hiện nay, …"); an ask opens with its verb ("Sửa đổi …", "Sớm ban hành …").
FINDING_OPENING = re.compile(
    r"^\s*(?:[-+•]\s*|\d{1,2}(?:\.\d{1,2})*[.)]\s*|[a-zđ]\)\s*)?"
    r"(?:một số|các|những|nhiều|việc|hiện nay|tình trạng|hầu hết|phần lớn|kết luận\s*:|nhận xét\s*:)",
    _I,
)
# "Huyện kiến nghị: A; B", "Tỉnh đề xuất, kiến nghị một số nội dung: A; B", "… kiến nghị như sau: …".
REQUEST_LIST = re.compile(
    r"\b(?:kiến nghị|đề xuất|đề nghị)(?:,\s*(?:kiến nghị|đề xuất))?"
    r"(?:\s+(?:một số|các|những)\s+(?:nội dung|vấn đề|việc)(?:\s+(?:như\s+)?sau)?|\s+như\s+sau|\s+như)?\s*:\s*",
    _I,
)
HIGHER_ASK = re.compile(r"^\s*(?:xem xét|sớm|quan tâm|hỗ trợ|bố trí|cho phép|cho chủ trương|có cơ chế)\b", _I)
# "Đối với kiến nghị của X về Y: <answer>", also as a lettered or dashed item ("a) Về đề nghị hỗ trợ
# kinh phí …: Bộ Tài chính chủ trì …") and with the ask right after the cue ("Về đề xuất bổ sung …:").
REQUEST_ANSWER = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})*\.\s+|[a-zđ]\)\s*|[-+•]\s*)?(?:Đối với|Về) (?:các |những )?(?:kiến nghị|đề xuất|đề nghị)"
    r"(?:,\s*(?:kiến nghị|đề xuất|đề nghị))?"
    r"(?:\s+của\s+(?P<req>[^:]+?))?(?:\s+(?:về|liên quan đến)\s+(?P<content>[^:]+?)|(?(req)(?!)|\s+(?P<ask>(?!của\b)[^:]+?)))?"
    r"\s*:\s*(?P<resp>.+)$",
    _I,
)
# An item of a notice's requests section that opens with the ask itself and gives its answer after the
# colon ("- Kiến nghị bổ sung vốn cho dự án A: UBND tỉnh thống nhất …", "2. Đề nghị tỉnh hỗ trợ xi măng:
# Giao Sở Tài chính xem xét").
LISTED_ASK_ANSWER = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]\s+|[a-zđ]\)\s*|[-+•]\s*)?(?:kiến nghị|đề xuất|đề nghị)\s+(?!các\s+Sở\s*:)"
    r"(?P<ask>[^:]{8,240}?)\s*:\s*(?P<resp>.+)$",
    _I | re.DOTALL,
)
# An item of a requests section that names the ask by its topic ("2. Về dự án nạo vét luồng tàu …: Bộ
# Xây dựng khẩn trương …"; "1. Về đề nghị …:" alone, its answer the next paragraph).
TOPIC_ASK_ANSWER = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]\s+|[a-zđ]\)\s*|[-+•]\s*)?(?:Về|Đối với)\s+(?P<ask>[^:]{8,300}?)\s*:\s*(?P<resp>.*)$",
    _I | re.DOTALL,
)
# How an answer to an ask opens: it decides, assigns or takes note.
ANSWER_WORDS = re.compile(
    r"\b(?:giao|đồng ý|thống nhất|chấp thuận|ghi nhận|tiếp thu|chưa|không|xem xét|chỉ đạo|yêu cầu)\b", _I
)
# The ordinal that opens a point of a speech ("Thứ nhất, …", "Hai là, …", "Trước hết, …").
ORDINAL = (
    r"thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)|(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười) là"
    r"|trước hết|trước tiên|cuối cùng"
)
# The central bodies as a group, whom a locality asks ("các Bộ, ngành Trung ương", "các bộ, ngành liên quan").
CENTRAL_GROUP = re.compile(r"(?i:các\s+)?(?i:bộ),\s*(?i:ngành)\b")
# A paragraph or sentence that opens with the ordinal of a point ("Thứ nhất, …", "Hai là, …").
ORDINAL_ITEM = re.compile(rf"^\s*(?:{ORDINAL})\s*[,:]", _I)
LEAD_IN = re.compile(
    r"^(?:đồng thời|bên cạnh đó|trong đó|cùng với đó|ngoài ra|mặt khác|trong thời gian tới|thời gian tới"
    # "Căn cứ văn bản này, các cơ quan …", "Căn cứ chức năng, nhiệm vụ được giao, các Sở …": what the
    # work rests on, before the body that does it.
    r"|căn cứ (?:văn bản|kế hoạch|công văn|chỉ thị|thông báo|nội dung|ý kiến chỉ đạo|chức năng)[^,.;]{0,50}?,"
    rf"|{ORDINAL})[,\s]+",
    _I,
)
# A paragraph that opens with a leader reporting what he said ("Thường trực Ban Bí thư Lương Cường
# nhấn mạnh, …", "Bộ trưởng cho biết …"): a new point of the speech, not the continuation of the
# paragraph before, so it inherits no assignee.
SPEAKER_OPENING = re.compile(
    rf"^\s*(?:(?:ông|bà|đồng chí)\s+)?{cues.LEADER_TITLE}\b[^,.;:]{{0,80}}?"
    r"\s(?:nhấn mạnh|cho biết|khẳng định|cho rằng|phát biểu|chia sẻ|bày tỏ|đánh giá|nêu rõ|thông tin)\b",
    _I,
)
PREAMBLE = re.compile(r"^.{0,160}?\b(?:giao(?:\s+cho)?|yêu cầu|đề nghị(?:\s+với)?|lưu ý)\s+(?=\S)", _I)
# What stands between the assignee and the work: "của huyện", "có trách nhiệm", "chủ trì,".
ACTION_PREFIXES = [
    re.compile(p, _I)
    for p in (
        r"\s*,?\s*(?:của\s+(?:huyện|tỉnh|xã)(?:\s+[A-ZĐÀ-Ỹ]\w*){0,2}\s*)?",
        r"(?:theo chức năng,?\s*nhiệm vụ(?:\s+được giao)?,?\s*)?(?:có trách nhiệm|cần|phải)?\s*",
        r"(?:chủ trì,?\s*)?",
    )
]
# The speaker's verb and a comma before the body the sentence is about ("Chủ tịch nước lưu ý, Viện kiểm
# sát … cần …", "Bộ trưởng đề nghị, thời gian tới, tỉnh cần …"): that body is the subject of the work.
SPOKEN_TO_BEFORE = re.compile(
    r"\b(?:đề nghị|yêu cầu|lưu ý|nhấn mạnh|khẳng định|chỉ đạo|nêu rõ|mong muốn|đề cập)\s*,\s*"
    r"(?:[^,.;:]{1,40},\s*)?$",
    _I,
)
# A speaker's verb right before a locality named bare ("Thủ tướng cho rằng tỉnh cần …", "Chủ tịch UBND
# tỉnh đề nghị: huyện cần …", "… lưu ý thời gian tới huyện phải …"): the locality is the subject of the
# work when a modal follows it (MODAL_AFTER), whatever the punctuation after the verb.
SPEECH_BEFORE = re.compile(
    r"\b(?:cho rằng|nhấn mạnh|khẳng định|nêu rõ|chỉ rõ|lưu ý|đề nghị|yêu cầu|mong muốn|chỉ đạo)"
    r"(?:\s+(?:rằng|là))?\s*[,:]?\s*(?:(?:trong\s+)?(?:thời gian|năm|giai đoạn) tới,?\s*)?$",
    _I,
)
MODAL_AFTER = re.compile(r"^\s*(?:cũng\s+)?(?:cần|phải|nên)\b", _I)
# A clause that names its addressee first and then who speaks to it ("Đối với Cục Hải quan Đà Nẵng,
# Tổng cục trưởng đề nghị tiếp tục …", "Riêng với huyện X, đồng chí yêu cầu phải …"): the body after
# "đối với" leads, when the cue gives the work with no other body right after it.
ADDRESSED_FIRST_BEFORE = re.compile(r"^\W*(?:đối với|riêng với|riêng|với|về phía)\s*$", _I)
ADDRESSED_FIRST_AFTER = re.compile(
    rf"^\s*,\s*(?:(?:đồng chí|ông|bà)\s+)?(?:{cues.LEADER_TITLE}[^,.;:]{{0,60}}?\s|(?-i:(?:{CAP_WORD}\s+){{2,4}}))?"
    r"(?:cũng\s+|tiếp tục\s+)?(?:đề nghị|yêu cầu|lưu ý|chỉ đạo|giao)\s+(?=\S)"
    # … or with the work's modal right after the comma ("Về phía huyện, cần quan tâm …", "Đối với Sở Y tế,
    # phải tăng cường …"): the body set first is the one that must act.
    r"|^\s*,\s*(?:(?:trong\s+)?thời gian tới,?\s*)?(?:cần phải|cần|phải)\s+(?=\S)",
    _I,
)
# The heads of the bodies a heading is for ("1. Giám đốc các Sở và Thủ trưởng các ban, ngành tỉnh; Chủ
# tịch UBND các xã:"): a directive gives the work to the bodies through their heads.
HEADS_OF_BODIES = re.compile(rf"\s*{cues.HEAD_OF_BODY}\s*", _I)
# A heading that hands work to the body after it ("Đối với Sở Y tế:", "Giao UBND các xã:", "Đề nghị Bộ …").
HEADING_ADDRESSES = re.compile(r"^\s*(?:đối với|về phía|giao|đề nghị|yêu cầu)\s", _I)
THEO_CHUC_NANG = re.compile(r"^\s*theo chức năng", _I)
LIMITATION_OPENING = re.compile(
    r"^\s*(?:-\s*)?(?:tuy nhiên|bên cạnh đó[^.]{0,60}(?:hạn chế|tồn tại|khó khăn))", _I
)
LIMITATION_TURN = re.compile(r"^(?:tuy nhiên|bên cạnh đó)", _I)
LIMITATION_MARK = re.compile(r"^\s*(?:-\s*)?(?:tuy nhiên|bên cạnh đó)", _I)
ASSESSMENT_HEADING = re.compile(r"\bđánh giá\b", _I)
SECTION_NUMBER = re.compile(r"^(?:[IVX]+\.|\d)")
SUMMARY_OPENING = re.compile(r"chủ trì|làm việc|phiên họp|kiểm tra|buổi", _I)
# What may stand before the body that leads an item: its marker and a list head ("2.1. ", "- ",
# "Các Sở: ").
ITEM_HEAD = re.compile(
    r"^\s*(?:[-+•]\s*|\d{1,2}(?:\.\d{1,2})*[.)]?\s+|[a-zđ]\)\s*)?"
    r"(?:(?:Các|các)\s+(?:Sở|Bộ)(?:,\s*(?:ban,\s*)?(?:ngành|cơ quan))?\s*:?\s*)?"
)
# The quote mark a speaker's words open with ("“Huyện phải chủ động hơn nữa …”, ông nhấn mạnh"): the
# body right after it opens the clause.
QUOTE_OPEN = re.compile(r"^\s*[\"“‘]\s*")
# What follows the body that opens an item of a directive: its work, a lower-case verb phrase
# (not a narration "đã …", a definition "là …" or a heading's colon).
ITEM_WORK_AFTER = re.compile(
    r"^\s*,?\s*(?!(?:đã|đang|là|vừa|được|hiện|cũng đã|luôn|có\s|gồm|bao gồm)\b)[a-zđà-ỹ]"
)


# Who asks from below without being a body: voters at a tiếp xúc cử tri, residents, enterprises.
# Their "đề nghị/kiến nghị/mong muốn …" is a request whoever it goes to, never a task.
PUBLIC_PARTY = re.compile(
    # Not "nhân dân", "nông dân": "Ủy ban nhân dân", "Hội Nông dân" are bodies; nor an association's
    # name ("Hiệp hội Doanh nghiệp"). An enterprise or an association by its name asks as well
    # ("Đại diện Tập đoàn Vingroup kiến nghị Chính phủ …"), its name in the tail.
    r"(?<!hội )\b(?:(?:một số |nhiều |các |đông đảo )?(?:cử tri|người dân|hộ dân|bà con|doanh nghiệp"
    r"|hợp tác xã|HTX|nhà đầu tư|người lao động|công nhân|người có công|hội viên"
    # The delegates of a conference ("Các đại biểu đề xuất …"), not a "Tổ đại biểu HĐND" (a body), and
    # "Nhiều ý kiến cũng đề xuất …", the speakers' asks counted, not named: only as the subject of
    # the ask ("các ý kiến, kiến nghị của cử tri" names asks, not who asks).
    r"|(?:(?<!tổ )đại biểu|(?<=nhiều )ý kiến|(?<=một số )ý kiến)"
    r"(?=(?:\s+[^\s,.;:]+){0,4}?\s+(?:cũng\s+|đều\s+)?(?:đề nghị|kiến nghị|đề xuất|mong muốn)\b))"
    r"|(?-i:Tập đoàn|Tổng công ty|Công ty|Hiệp hội)(?=\s+(?-i:[A-ZĐ]))"
    # "Lãnh đạo Công ty đề nghị UBND tỉnh …": the enterprise the session is with, named by its kind.
    r"|(?:(?<=lãnh đạo )|(?<=đại diện ))(?:tập đoàn|tổng công ty|công ty|hợp tác xã|nhà máy))\b",
    _I,
)
PUBLIC_ASK = re.compile(
    r"\b(?:đề nghị|kiến nghị|đề xuất|mong muốn|mong mỏi|mong|xin|bày tỏ mong muốn|phản ánh và đề nghị|muốn"
    r"|(?:nêu|bày tỏ|đề đạt) nguyện vọng)\b",
    _I,
)
# The words that name the party more closely after its noun: a name, a place ("cử tri Nguyễn Văn A",
# "người dân xã Vân Hà", "doanh nghiệp trên địa bàn"); stop at a verb or punctuation.
# A company's legal form, written in lower case inside its name ("Công ty Cổ phần XNK Nam Thái Sơn").
PUBLIC_PARTY_TAIL = re.compile(
    r"(?:\s+(?:(?i:cổ phần|trách nhiệm hữu hạn|một thành viên)|[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ]\w*))*"
    r"(?:\s+(?:xã|phường|thị trấn|huyện|thôn|bản|tổ dân phố)(?:\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ]\w*)+)?"
)
# A paragraph of the leader's answer in a write-up: "Về (các) kiến nghị của huyện, đồng chí … ghi nhận".
NEWS_ANSWER = re.compile(
    r"^(?:Về|Đối với|Trước|Trả lời|Giải đáp)\s+(?:các |những |một số )?(?:kiến nghị|đề nghị|đề xuất|mong muốn|ý kiến)"
    # … of whom, or about what ("Đối với đề xuất sửa đổi Thông tư 38, Tổng cục …").
    r"(?:,\s*(?:kiến nghị|đề xuất|đề nghị))?(?:\s+của\s+(?P<req>[^,:]+?)|\s+(?!của\b)(?P<topic>[^,:]{1,80}?))?\s*,",
    _I,
)
# The answer to every ask before it: "đại biểu … tiếp thu các ý kiến", "đồng chí … ghi nhận các kiến nghị".
NEWS_ANSWER_ALL = re.compile(
    r"\b(?:tiếp thu|ghi nhận|giải trình|trả lời)\s+(?:đầy đủ |nghiêm túc )?(?:các |những )?"
    r"(?:ý kiến|kiến nghị|đề xuất|đề nghị|mong muốn)",
    _I,
)
# A party named as the object of another's words ("mong muốn của hộ dân", "làm việc với doanh nghiệp").
PUBLIC_PARTY_OBJECT = re.compile(r"\b(?:của|với|cho)\s*$", _I)
# Between a public ask's cue and the body it goes to ("kiến nghị với lãnh đạo Bộ …").
PUBLIC_ASK_LEAD_IN = re.compile(r"\s*(?:với\s+)?(?:lãnh đạo\s+)?", _I)


# The body whose leader holds a session, named short in the write-up ("Bộ", "Bộ trưởng", "Tổng cục"):
# each short form with the kind of issuer it can stand for (the start of its canonical name). "Bộ,
# ngành" is the central bodies as a group, not the ministry.
ISSUER_SHORT_NAMES: tuple[tuple[str, str], ...] = (
    (r"Bộ trưởng", "Bộ "),
    (r"Thứ trưởng", "Bộ "),
    (r"Bộ(?!\s*,?\s*ngành)", "Bộ "),
    (r"Tổng cục trưởng", "Tổng cục "),
    (r"Tổng cục", "Tổng cục "),
)
ISSUER_SHORT = "|".join(f"(?:{short})" for short, _kind in ISSUER_SHORT_NAMES)
# Issuers a short form never stands for: "Bộ Chính trị" is no ministry, "Bộ Chỉ huy …" a provincial command.
_NOT_A_MINISTRY = re.compile(r"^Bộ (?:Chính trị|Chỉ huy|CHQS)")


def issuer_named_short(short: str, issuer: str | None, named: frozenset[str] = frozenset()) -> str | None:
    """The body `short` stands for: the issuer when it is of that kind ("Bộ" in a write-up of the Bộ
    Giáo dục và Đào tạo's session), else the one body of that kind the document names in full
    ("Tổng cục" in a write-up of a Cục's conference that names the Tổng cục Hải quan), or None."""
    for pattern, kind in ISSUER_SHORT_NAMES:
        if not re.fullmatch(pattern, short):
            continue
        if issuer and not _NOT_A_MINISTRY.match(issuer) and issuer.startswith(kind):
            return issuer
        of_kind = {n for n in named if n.startswith(kind) and not _NOT_A_MINISTRY.match(n)}
        return next(iter(of_kind)) if len(of_kind) == 1 else None
    return None
