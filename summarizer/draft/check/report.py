"""The checker's rules table (each rule id and the part of the decree it checks), its findings and the
report `summarizer check` prints."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from summarizer.draft.i18n import _

# Rule id -> the part of the decree (or of drafting practice) it checks. Data, in one place.
RULES: dict[str, str] = {
    "page-size": "Phụ lục I, Kỹ thuật trình bày: Khổ giấy (A4, 210 x 297 mm, khổ dọc)",
    "margins": "Phụ lục I, Kỹ thuật trình bày: Định lề trang (trên, dưới 20-25 mm; trái 30-35 mm; phải 15-20 mm)",
    "font": "Phụ lục I, Kỹ thuật trình bày: Phông chữ (Times New Roman, bộ mã Unicode TCVN 6909:2001)",
    "quoc-hieu": "Phụ lục I: Quốc hiệu và Tiêu ngữ (Quốc hiệu chữ in hoa, cỡ 12-13, đứng)",
    "tieu-ngu": "Phụ lục I: Quốc hiệu và Tiêu ngữ (Tiêu ngữ cỡ 13-14, đứng, đậm; gạch nối có cách chữ)",
    "rule-lines": "Phụ lục I: Quốc hiệu và Tiêu ngữ; Tên cơ quan ban hành; Trích yếu (đường kẻ ngang, nét liền)",
    "co-quan": "Phụ lục I: Tên cơ quan, tổ chức ban hành văn bản (chữ in hoa, cỡ 12-13, đứng, đậm)",
    "so": "Phụ lục I: Số, ký hiệu của văn bản (cỡ 13, đứng)",
    "dated": "Phụ lục I: Địa danh và thời gian ban hành (cỡ 13-14, nghiêng; ngày < 10, tháng 1, 2 thêm số 0)",
    "draft-blanks": "Phụ lục I: Số, ký hiệu; Thời gian ban hành (bản dự thảo để trống số và ngày cho văn thư)",
    "ten-loai": "Phụ lục I: Tên loại và trích yếu nội dung (chữ in hoa / in thường, cỡ 13-14, đứng, đậm)",
    "body": "Phụ lục I: Nội dung văn bản (cỡ 13-14)",
    "end-mark": "Phụ lục I: Nội dung văn bản (kết thúc bằng dấu ./.)",
    "signer": "Phụ lục I: Chức vụ, họ tên và chữ ký của người có thẩm quyền (cỡ 13-14, đậm)",
    "signer-page": "Phụ lục I: Chức vụ, họ tên và chữ ký (thực hành: khối chữ ký không bị tách trang)",
    "noi-nhan": 'Phụ lục I: Nơi nhận (từ "Nơi nhận" cỡ 12 nghiêng đậm; phần liệt kê cỡ 11; cuối cùng "Lưu:")',
    "page-numbers": "Phụ lục I, Kỹ thuật trình bày: Số trang (giữa lề trên, không đánh số trang đầu)",
    "lang": "Thực hành soạn thảo: ngôn ngữ văn bản tiếng Việt (w:lang vi-VN)",
    "shape-ids": "Thực hành soạn thảo: mã hình vẽ (docPr id) không trùng nhau",
    "header-width": "Thực hành soạn thảo: bảng tiêu đề không rộng quá vùng văn bản",
    "heading-page": "Thực hành soạn thảo: đề mục không nằm cuối trang (kiểm tra trên bản PDF của LibreOffice)",
}


@dataclass(frozen=True)
class Finding:
    rule: str
    place: str
    message: str

    @property
    def clause(self) -> str:
        return RULES[self.rule]


@dataclass
class Report:
    file: str
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.findings

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "ok": self.ok,
            "findings": [{**asdict(f), "clause": f.clause} for f in self.findings],
            "notes": self.notes,
            "rules": self.rules,
        }

    def lines(self) -> list[str]:
        out = [f"{f.rule}\t{f.place}\t{f.message}\t[{f.clause}]" for f in self.findings]
        out += [_("note: {note}").format(note=n) for n in self.notes]
        if self.ok:
            out.append(_("{file}: passes the {n} rules checked").format(file=self.file, n=len(self.rules)))
        else:
            out.append(_("{file}: {n} problem(s) found").format(file=self.file, n=len(self.findings)))
        return out
