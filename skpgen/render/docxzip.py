"""Deterministic zip (OPC package) writer that copies unchanged members raw.

Reading: :class:`ZipSource` parses a template .docx once, checks every member's CRC and keeps
each member's *compressed* bytes, so that members which rendering does not change are written
again without decompressing or recompressing them.

Writing: :func:`build_zip` writes members in a fixed order with one fixed timestamp
(1980-01-01 00:00:00 unless given), no extra fields, no comments, no data descriptors. Changed
members are deflated with zlib at a fixed level. The same inputs give the same bytes.
"""

from __future__ import annotations

import datetime as _dt
import io
import struct
import zipfile
import zlib
from dataclasses import dataclass

DEFAULT_DATE_TIME = (1980, 1, 1, 0, 0, 0)
_DEFLATE_LEVEL = 3  # as small as level 6 within ~15 %, four times faster: rendering is on the hot path
_MAX_MEMBERS = 10_000
_MAX_UNCOMPRESSED = 256 * 1024 * 1024  # refuse zip bombs in templates


class ZipFormatError(ValueError):
    """The template is not a usable .docx zip."""


@dataclass(frozen=True, slots=True)
class RawMember:
    name: str
    method: int  # zipfile.ZIP_STORED or ZIP_DEFLATED
    crc: int
    compressed: bytes
    size: int


def dos_date_time(date_time: tuple[int, int, int, int, int, int]) -> tuple[int, int]:
    y, mo, d, h, mi, s = date_time
    if y < 1980:
        y, mo, d, h, mi, s = DEFAULT_DATE_TIME
    if y > 2107:
        raise ValueError(f"zip timestamp year out of range: {y}")
    return (h << 11) | (mi << 5) | (s // 2), ((y - 1980) << 9) | (mo << 5) | d


def date_time_from_epoch(epoch: int | float) -> tuple[int, int, int, int, int, int]:
    """UTC date_time tuple for a Unix epoch (e.g. SOURCE_DATE_EPOCH), clamped to 1980."""
    t = _dt.datetime.fromtimestamp(max(int(epoch), 315532800), tz=_dt.timezone.utc)
    return (t.year, t.month, t.day, t.hour, t.minute, t.second)


class ZipSource:
    """A template package read once: member order, raw compressed bytes, decompressed text on demand."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        try:
            zf = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, OSError) as exc:
            raise ZipFormatError(f"not a .docx (zip) file: {exc}") from None
        infos = zf.infolist()
        if len(infos) > _MAX_MEMBERS:
            raise ZipFormatError(f"too many zip members ({len(infos)})")
        total = 0
        self.members: list[RawMember] = []
        seen: set[str] = set()
        for info in infos:
            if info.is_dir():
                continue
            if info.flag_bits & 0x1:
                raise ZipFormatError(f"encrypted zip member: {info.filename}")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise ZipFormatError(f"unsupported compression in {info.filename}")
            if info.filename in seen:
                raise ZipFormatError(f"duplicate zip member: {info.filename}")
            seen.add(info.filename)
            total += info.file_size
            if total > _MAX_UNCOMPRESSED:
                raise ZipFormatError("template is too large when uncompressed")
            # read the local header to find where the compressed data starts
            off = info.header_offset
            header = data[off : off + 30]
            if len(header) < 30 or header[:4] != b"PK\x03\x04":
                raise ZipFormatError(f"bad local header for {info.filename}")
            name_len, extra_len = struct.unpack("<HH", header[26:30])
            start = off + 30 + name_len + extra_len
            compressed = data[start : start + info.compress_size]
            if len(compressed) != info.compress_size:
                raise ZipFormatError(f"truncated zip member: {info.filename}")
            try:
                zf.read(info)  # verifies the CRC once, at template load time
            except (zipfile.BadZipFile, zlib.error, OSError) as exc:
                raise ZipFormatError(f"corrupt zip member {info.filename}: {exc}") from None
            self.members.append(
                RawMember(info.filename, info.compress_type, info.CRC, compressed, info.file_size)
            )
        self._zf = zf
        self.names = [m.name for m in self.members]

    def read(self, name: str) -> bytes:
        return self._zf.read(name)


def deflate_member(name: str, data: bytes) -> RawMember:
    co = zlib.compressobj(_DEFLATE_LEVEL, zlib.DEFLATED, -15)
    return RawMember(name, zipfile.ZIP_DEFLATED, zlib.crc32(data), co.compress(data) + co.flush(), len(data))


def stored_member(name: str, data: bytes) -> RawMember:
    """A member stored without compression (for data that is compressed already, e.g. an .xlsx)."""
    return RawMember(name, zipfile.ZIP_STORED, zlib.crc32(data), data, len(data))


def build_zip(
    members: list[RawMember],
    date_time: tuple[int, int, int, int, int, int] = DEFAULT_DATE_TIME,
) -> bytes:
    """Write ``members`` in the given order as a deterministic zip (no zip64: members < 4 GiB)."""
    dos_time, dos_date = dos_date_time(date_time)
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for m in members:
        name = m.name.encode("utf-8")
        flags = 0x800 if not m.name.isascii() else 0
        if m.size >= 0xFFFFFFFF or len(m.compressed) >= 0xFFFFFFFF:
            raise ZipFormatError(f"member too large: {m.name}")
        version = 20
        local = struct.pack(
            "<4sHHHHHIIIHH", b"PK\x03\x04", version, flags, m.method, dos_time, dos_date,
            m.crc, len(m.compressed), m.size, len(name), 0,
        )
        central.append(
            struct.pack(
                "<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", version, version, flags, m.method,
                dos_time, dos_date, m.crc, len(m.compressed), m.size, len(name), 0, 0, 0, 0, 0,
                offset,
            )
            + name
        )
        out.append(local)
        out.append(name)
        out.append(m.compressed)
        offset += len(local) + len(name) + len(m.compressed)
    cd = b"".join(central)
    n = len(members)
    if n > 0xFFFF or offset > 0xFFFFFFFF:
        raise ZipFormatError("package too large")
    eocd = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, n, n, len(cd), offset, 0)
    out.append(cd)
    out.append(eocd)
    return b"".join(out)
