"""W3C Bitstring Status List v1.0: the `encodedList` of a BitstringStatusListCredential.

Bit i is the status of the credential whose BitstringStatusListEntry has
`statusListIndex` i; index 0 is the left-most (most significant) bit of the first byte.
The bitstring is GZIP-compressed and written as multibase base64url without padding
(prefix 'u').
"""

import base64
import gzip
import zlib
from collections.abc import Iterable

MIN_SIZE = 131072  # entries (bits): 16 KB, the minimum the spec sets for group privacy
# A status list is fetched from whoever issued the credential: refuse to inflate a
# compressed "bomb" beyond a size no real list reaches.
MAX_DECODED_BYTES = 16 * 1024 * 1024


def encode(revoked_indexes: Iterable[int], *, size: int = MIN_SIZE) -> str:
    if size < MIN_SIZE or size % 8:
        raise ValueError(f"A status list has a multiple of 8 entries, at least {MIN_SIZE}.")
    bitstring = bytearray(size // 8)
    for index in revoked_indexes:
        if not 0 <= index < size:
            raise ValueError(f"Status list index {index} is outside 0..{size - 1}.")
        bitstring[index // 8] |= 0x80 >> (index % 8)
    # mtime=0: the same statuses always give the same string (stable ETags, easy tests).
    compressed = gzip.compress(bytes(bitstring), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).decode("ascii").rstrip("=")


def decode(encoded: str) -> bytes:
    """The uncompressed bitstring of an `encodedList`."""
    if not encoded.startswith("u"):
        raise ValueError("An encodedList is multibase base64url and starts with 'u'.")
    body = encoded[1:]
    try:
        compressed = base64.b64decode(body + "=" * (-len(body) % 4), altchars=b"-_", validate=True)
        bitstring = _gunzip(compressed)
    except (ValueError, zlib.error) as error:
        raise ValueError(f"The encodedList is not a GZIP-compressed bitstring: {error}") from error
    if len(bitstring) * 8 < MIN_SIZE:
        raise ValueError(f"The status list has fewer than {MIN_SIZE} entries.")
    return bitstring


def is_set(encoded: str, index: int) -> bool:
    bitstring = decode(encoded)
    if not 0 <= index < len(bitstring) * 8:
        raise ValueError(f"Status list index {index} is outside the list.")
    return bool(bitstring[index // 8] & (0x80 >> (index % 8)))


def _gunzip(compressed: bytes) -> bytes:
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)  # 16+: expect a gzip header
    bitstring = inflater.decompress(compressed, MAX_DECODED_BYTES)
    if inflater.unconsumed_tail:
        raise ValueError(f"it inflates beyond {MAX_DECODED_BYTES} bytes")
    if not inflater.eof:
        raise ValueError("the GZIP data is truncated")
    return bitstring
