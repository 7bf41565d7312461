"""Issuer signing keys: generate them and move them in and out of PEM.

Private keys are stored as unencrypted PKCS#8 PEM text (a database field or a file), so
whoever can read that storage can sign credentials: protect it accordingly. Ed25519 keys
sign the embedded Data Integrity proofs (`proofs.py`); RSA keys sign VC-JWTs (`vc_jwt.py`)
and are published as a JWKS.
"""

import functools

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from joserfc.jwk import RSAKey

MIN_RSA_BITS = 2048
JWT_ALGORITHM = "RS256"


def new_ed25519_pem() -> str:
    return private_key_pem(Ed25519PrivateKey.generate())


def new_rsa_pem(bits: int = MIN_RSA_BITS) -> str:
    if bits < MIN_RSA_BITS:
        raise ValueError(f"An RSA signing key needs at least {MIN_RSA_BITS} bits.")
    return private_key_pem(rsa.generate_private_key(public_exponent=65537, key_size=bits))


def private_key_pem(private_key: Ed25519PrivateKey | rsa.RSAPrivateKey) -> str:
    """PKCS#8 PEM, unencrypted."""
    return private_key.private_bytes(
        encoding=serialization.Encoding.PEM,
        format=serialization.PrivateFormat.PKCS8,
        encryption_algorithm=serialization.NoEncryption(),
    ).decode("ascii")


def ed25519_from_pem(pem: str | bytes) -> Ed25519PrivateKey:
    key = _load_private_pem(pem)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("The PEM does not hold an Ed25519 private key.")
    return key


def rsa_from_pem(pem: str | bytes) -> rsa.RSAPrivateKey:
    key = _load_private_pem(pem)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError("The PEM does not hold an RSA private key.")
    return key


def rsa_public_jwk(private_pem: str | bytes, kid: str) -> dict:
    """The public half of an RSA key as a JWK for /.well-known/jwks.json ({"keys": [...]})."""
    public_key = rsa_from_pem(private_pem).public_key()
    jwk = RSAKey.import_key(
        public_key.public_bytes(
            encoding=serialization.Encoding.PEM,
            format=serialization.PublicFormat.SubjectPublicKeyInfo,
        )
    )
    return jwk.as_dict(private=False, kid=kid, use="sig", alg=JWT_ALGORITHM)


def _load_private_pem(pem: str | bytes):
    return _parsed(pem.encode("ascii") if isinstance(pem, str) else pem)


@functools.lru_cache(maxsize=32)
def _parsed(data: bytes):
    # Loading an RSA key checks it thoroughly (about 70 ms); a worker signing hundreds of
    # credentials with the same few keys loads each once. Keys are immutable objects.
    return serialization.load_pem_private_key(data, password=None)


@functools.lru_cache(maxsize=32)
def rsa_signing_key(pem: str) -> RSAKey:
    """The RSA key as joserfc signs with it, parsed once per process."""
    return RSAKey.import_key(pem)
