"""summarizer: from a Vietnamese report or meeting write-up to a grounded draft THÔNG BÁO kết luận."""

__version__ = "0.1.0"
