import base64
import gzip

import pytest

from credentials import status_list


def test_round_trip_sets_exactly_the_revoked_indexes():
    revoked = {0, 7, 8, 94567, status_list.MIN_SIZE - 1}

    encoded = status_list.encode(revoked)

    assert all(status_list.is_set(encoded, index) for index in revoked)
    assert not any(status_list.is_set(encoded, index) for index in (1, 6, 9, 94566, 94568))
    bits_set = sum(bin(byte).count("1") for byte in status_list.decode(encoded))
    assert bits_set == len(revoked)


def test_encoded_list_is_multibase_base64url_without_padding():
    encoded = status_list.encode([3])

    assert encoded.startswith("u")
    assert "=" not in encoded
    assert set(encoded[1:]) <= set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    )


def test_decoded_bitstring_is_16_kilobytes_by_default():
    assert len(status_list.decode(status_list.encode([]))) == 16384


def test_index_0_is_the_left_most_bit():
    bitstring = status_list.decode(status_list.encode([0, 9]))

    assert bitstring[0] == 0b1000_0000
    assert bitstring[1] == 0b0100_0000


def test_bitstring_is_gzip_compressed():
    encoded = status_list.encode([5])
    body = encoded[1:]
    compressed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))

    assert compressed[:2] == b"\x1f\x8b"  # the GZIP magic number
    assert gzip.decompress(compressed)[0] == 0b0000_0100


def test_same_statuses_give_the_same_string():
    assert status_list.encode([1, 2, 3]) == status_list.encode([3, 2, 1])


def test_a_larger_list_keeps_its_size():
    encoded = status_list.encode([200_000], size=2 * status_list.MIN_SIZE)

    assert len(status_list.decode(encoded)) == 32768
    assert status_list.is_set(encoded, 200_000)


@pytest.mark.parametrize("size", [1024, status_list.MIN_SIZE + 1])
def test_size_is_at_least_the_minimum_and_whole_bytes(size):
    with pytest.raises(ValueError, match="at least 131072"):
        status_list.encode([], size=size)


@pytest.mark.parametrize("index", [-1, status_list.MIN_SIZE])
def test_index_outside_the_list_is_refused(index):
    with pytest.raises(ValueError, match="outside"):
        status_list.encode([index])
    with pytest.raises(ValueError, match="outside"):
        status_list.is_set(status_list.encode([]), index)


def multibase_gzip(data: bytes) -> str:
    return "u" + base64.urlsafe_b64encode(gzip.compress(data)).decode().rstrip("=")


@pytest.mark.parametrize(
    ("encoded", "message"),
    [
        ("z" + "A" * 20, "starts with 'u'"),
        ("u!!!not-base64!!!", "not a GZIP-compressed bitstring"),
        ("u" + base64.urlsafe_b64encode(b"plain bytes").decode().rstrip("="), "not a GZIP"),
        (multibase_gzip(bytes(1024)), "fewer than 131072 entries"),
        (multibase_gzip(bytes(status_list.MAX_DECODED_BYTES + 1)), "inflates beyond"),
    ],
)
def test_malformed_lists_are_refused(encoded, message):
    with pytest.raises(ValueError, match=message):
        status_list.decode(encoded)
