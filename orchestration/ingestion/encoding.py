"""Encoding and dialect sniffing for export CSVs (format doc §1 "Encoding")."""

from __future__ import annotations

import codecs
from dataclasses import dataclass


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str       # utf-8, utf-8-sig or utf-16-le
    delimiter: str      # "," or "\t"
    line_ending: str    # LF, CRLF, mixed or none


class UnknownEncoding(ValueError):
    pass


def decode(data: bytes) -> DecodedText:
    """FF FE = UTF-16LE tab-separated (legacy); EF BB BF = UTF-8 with BOM (Excel re-save); else UTF-8."""
    if data.startswith(codecs.BOM_UTF16_LE):
        encoding, text = "utf-16-le", data[2:].decode("utf-16-le", errors="strict")
    elif data.startswith(codecs.BOM_UTF8):
        encoding, text = "utf-8-sig", data[3:].decode("utf-8")
    else:
        try:
            encoding, text = "utf-8", data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise UnknownEncoding(
                f"not UTF-8, UTF-8 with BOM or UTF-16LE with BOM (invalid byte 0x{data[exc.start]:02x} "
                f"at offset {exc.start})"
            ) from None
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if first_line.count("\t") > first_line.count(",") else ","
    return DecodedText(text, encoding, delimiter, line_ending(text))


def line_ending(text: str) -> str:
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    if crlf and lf:
        return "mixed"
    if crlf:
        return "CRLF"
    return "LF" if lf else "none"
