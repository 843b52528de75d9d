"""Size limits of an upload, from the setting PAR_MAX_UPLOAD_MB (see indicators.settings)."""

from __future__ import annotations

from indicators import settings
from indicators.errors import Both, bilingual
from indicators.importing.errors import refuse

DEFAULT_MAX_MB = 20.0
UNZIPPED_FACTOR = 25  # an .xlsx may unpack to at most this many times the upload limit
MAX_ZIP_MEMBERS = 2000


def max_upload_bytes() -> int:
    """PAR_MAX_UPLOAD_MB in bytes; a value that is not a positive number gives the default."""
    try:
        mb = float(settings.get("PAR_MAX_UPLOAD_MB").replace(",", "."))
    except ValueError:
        mb = DEFAULT_MAX_MB
    return int((mb if mb > 0 else DEFAULT_MAX_MB) * 1024 * 1024)


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def check_size(where: str, size: int) -> None:
    """Refuse a file over the limit, before anything reads it."""
    limit = max_upload_bytes()
    if size > limit:
        sizes = {
            k: Both(_mb(n), _mb(n).replace(",", ".")) for k, n in (("size", size), ("limit", limit))
        }
        raise refuse(where, "too_large", *bilingual("imp_too_large", **sizes))


def check_unzipped(where: str, members: int, unzipped: int) -> None:
    """Refuse an .xlsx that would unpack to far more than any real workbook (a zip bomb)."""
    if members > MAX_ZIP_MEMBERS or unzipped > UNZIPPED_FACTOR * max_upload_bytes():
        raise refuse(where, "too_large_unzipped", *bilingual("imp_too_large_unzipped"))
