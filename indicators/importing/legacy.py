"""Recognise Vietnamese text typed in the legacy TCVN3 (ABC) and VNI font encodings.

Before Unicode, Vietnamese offices typed in fonts such as .VnTime (TCVN3) or VNI-Times: the
letters are stored as Latin-1 bytes that only those fonts draw as Vietnamese. Read as Unicode
the text looks like "Quën Nam Tõ Liªm" (TCVN3) or "Quaän Nam Töø Lieâm" (VNI). Such files are
refused with a message saying how to convert them (Unikey's converter, "Unicode" target).

Detection: the sample is reinterpreted as TCVN3 and as VNI, and each reading is scored by how
many words are well-formed Vietnamese syllables (Vietnamese letters only, at most one tone
mark). A legacy reading must beat the text as given by at least MARGIN words.
"""

from __future__ import annotations

import re
import unicodedata

TCVN3 = "TCVN3 (ABC)"
VNI = "VNI"
MARGIN = 2

_TONES = "\u0301\u0300\u0309\u0303\u0323"  # sắc, huyền, hỏi, ngã, nặng
_BASES = "aăâeêioôơuưy"  # vowels that take a tone


def _toned(base: str) -> list[str]:
    """The base vowel and its five toned forms, NFC: a, á, à, ả, ã, ạ."""
    return [base] + [unicodedata.normalize("NFC", base + t) for t in _TONES]


# TCVN3: one byte per lowercase letter; the seven capitals with a modifier have their own
# bytes, capitals with a tone only exist in the capitals font (same bytes as lowercase).
_TCVN3_BYTES = {
    "a": "a\xb8\xb5\xb6\xb7\xb9",
    "ă": "\xa8\xbe\xbb\xbc\xbd\xc6",
    "â": "\xa9\xca\xc7\xc8\xc9\xcb",
    "e": "e\xd0\xcc\xce\xcf\xd1",
    "ê": "\xaa\xd5\xd2\xd3\xd4\xd6",
    "i": "i\xdd\xd7\xd8\xdc\xde",
    "o": "o\xe3\xdf\xe1\xe2\xe4",
    "ô": "\xab\xe8\xe5\xe6\xe7\xe9",
    "ơ": "\xac\xed\xea\xeb\xec\xee",
    "u": "u\xf3\xef\xf1\xf2\xf4",
    "ư": "\xad\xf8\xf5\xf6\xf7\xf9",
    "y": "y\xfd\xfa\xfb\xfc\xfe",
}
_TCVN3_SINGLE = {"đ": "\xae", "Ă": "\xa1", "Â": "\xa2", "Đ": "\xa7", "Ê": "\xa3", "Ô": "\xa4"}
_TCVN3_SINGLE |= {"Ơ": "\xa5", "Ư": "\xa6"}

# VNI: a base letter followed by a modifier byte (sắc ù, huyền ø, hỏi û, ngã õ, nặng ï;
# â/ê/ô with a tone use á à å ã ä, ă with a tone é è ú ü ë); i, ơ, ư, đ and ỵ are one byte.
_VNI_TONE = "\xf9\xf8\xfb\xf5\xef"
_VNI_HAT = "\xe1\xe0\xe5\xe3\xe4"
_VNI_BREVE = "\xe9\xe8\xfa\xfc\xeb"
_VNI_BYTES = {
    "a": ["a"] + ["a" + m for m in _VNI_TONE],
    "ă": ["a\xea"] + ["a" + m for m in _VNI_BREVE],
    "â": ["a\xe2"] + ["a" + m for m in _VNI_HAT],
    "e": ["e"] + ["e" + m for m in _VNI_TONE],
    "ê": ["e\xe2"] + ["e" + m for m in _VNI_HAT],
    "i": ["i", "\xed", "\xec", "\xe6", "\xf3", "\xf2"],
    "o": ["o"] + ["o" + m for m in _VNI_TONE],
    "ô": ["o\xe2"] + ["o" + m for m in _VNI_HAT],
    "ơ": ["\xf4"] + ["\xf4" + m for m in _VNI_TONE],
    "u": ["u"] + ["u" + m for m in _VNI_TONE],
    "ư": ["\xf6"] + ["\xf6" + m for m in _VNI_TONE],
    "y": ["y"] + ["y" + m for m in _VNI_TONE[:4]] + ["\xee"],
}


def _tcvn3_table() -> dict[str, str]:
    table = dict(_TCVN3_SINGLE)
    for base, codes in _TCVN3_BYTES.items():
        for letter, code in zip(_toned(base), codes, strict=True):
            table[letter] = code
            table.setdefault(letter.upper(), code)
    return table


def _vni_table() -> dict[str, str]:
    table = {"đ": "\xf1", "Đ": "\xd1"}
    for base, codes in _VNI_BYTES.items():
        for letter, code in zip(_toned(base), codes, strict=True):
            table[letter] = code
            # capitals: the same bytes, each Latin-1 letter in its capital form
            table[letter.upper()] = code.upper()
    return table


ENCODE = {TCVN3: _tcvn3_table(), VNI: _vni_table()}


def _inverse(table: dict[str, str]) -> dict[str, str]:
    """code -> letter; where capitals share a code with lowercase, the lowercase wins."""
    inverse: dict[str, str] = {}
    for letter, code in table.items():
        if len(code) > 1 or code >= "\x80":
            inverse.setdefault(code, letter)
    return inverse


_DECODE = {name: _inverse(table) for name, table in ENCODE.items()}
_WORD_BREAKS = re.compile(r"[\s!-/:-@\[-`{-~]+")
_VIET = frozenset(ch for base in _BASES for ch in _toned(base)) | {"đ"}


def encode(text: str, encoding: str) -> bytes:
    """`text` as the legacy font encoding would store it (to build test files)."""
    table = ENCODE[encoding]
    return "".join(table.get(ch, ch) for ch in unicodedata.normalize("NFC", text)).encode("latin-1")


def decode(raw: str, encoding: str) -> str:
    """Read Latin-1 characters `raw` as the legacy encoding (two-character codes first)."""
    table, out, i = _DECODE[encoding], [], 0
    while i < len(raw):
        pair = raw[i : i + 2]
        if len(pair) == 2 and pair in table:
            out.append(table[pair])
            i += 2
        else:
            out.append(table.get(raw[i], raw[i]))
            i += 1
    return "".join(out)


def _syllable_ok(word: str) -> bool:
    """Vietnamese letters only, no capital after a small letter, at most one tone mark."""
    if not all(ch.isascii() and ch.isalnum() or ch in _VIET for ch in word.lower()):
        return False
    if any(a.islower() and b.isupper() for a, b in zip(word, word[1:], strict=False)):
        return False  # "TiÕng": a capital inside a word
    decomposed = unicodedata.normalize("NFD", word)
    return sum(ch in _TONES for ch in decomposed) <= 1


def score(text: str) -> int:
    """Well-formed Vietnamese words minus malformed ones, counting words with a non-ASCII
    character only (ASCII words say nothing about the encoding). Words are split at spaces
    and ASCII punctuation only, so that "N¨m" (TCVN3 for Năm) is one malformed word."""
    total = 0
    for word in _WORD_BREAKS.split(unicodedata.normalize("NFC", text)):
        if not word.isascii():
            total += 1 if _syllable_ok(word) else -1
    return total


def as_latin1(text: str) -> str | None:
    """The Latin-1 characters whose bytes `text` shows through Windows-1252, or None when the
    text has characters no single-byte font could have produced (then it is real Unicode)."""
    out = []
    for ch in text:
        if ord(ch) < 0x100:
            out.append(ch)
            continue
        try:
            out.append(ch.encode("cp1252").decode("latin-1"))
        except UnicodeEncodeError:
            return None
    return "".join(out)


def detect(text: str, raw: str | None = None) -> str | None:
    """TCVN3 or VNI when `text` (as decoded) reads much better in that encoding, else None.

    `raw` is the same content as Latin-1 characters (one per byte); by default derived from
    `text` (text from a workbook or a UTF-8 file typed in a legacy font)."""
    raw = as_latin1(text) if raw is None else raw
    if raw is None:
        return None
    plain = score(text)
    best = max((score(decode(raw, name)), name) for name in (TCVN3, VNI))
    return best[1] if best[0] >= plain + MARGIN else None
