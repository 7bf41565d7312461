"""Sample Open Badges 3.0 credentials for the credentials tests."""

import hashlib

from credentials.proofs import OB_V3_CONTEXT, VC_V2_CONTEXT

ISSUER_ID = "https://academy.example.org/issuers/1"
VERIFICATION_METHOD = f"{ISSUER_ID}#key-1"
EMAIL_SALT = "Kosher-7f3a"


def open_badge_credential() -> dict:
    """A microcredential as the Academy issues it: learner known by e-mail hash and name."""
    email_hash = hashlib.sha256(f"sanne@example.org{EMAIL_SALT}".encode()).hexdigest()
    return {
        "@context": [VC_V2_CONTEXT, OB_V3_CONTEXT],
        "id": "urn:uuid:5b3c8a2e-6a59-4d0b-9a8e-2f1d4c7b9e01",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "Data Literacy for Healthcare Professionals",
        "issuer": {
            "id": ISSUER_ID,
            "type": ["Profile"],
            "name": "Academy of Example University",
            "url": "https://academy.example.org/",
            "address": {
                "type": ["Address"],
                "addressCountry": "Netherlands",
                "addressCountryCode": "NL",
            },
        },
        "validFrom": "2025-06-30T12:00:00Z",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityType": "emailAddress",
                    "hashed": True,
                    "identityHash": f"sha256${email_hash}",
                    "salt": EMAIL_SALT,
                },
                {
                    "type": "IdentityObject",
                    "identityType": "name",
                    "hashed": False,
                    "identityHash": "Sanne de Vries",
                },
            ],
            "achievement": {
                "id": "https://academy.example.org/modules/data-literacy-healthcare",
                "type": ["Achievement"],
                "achievementType": "MicroCredential",
                "name": "Data Literacy for Healthcare Professionals",
                "description": "Reading, questioning and presenting data from care practice.",
                "criteria": {
                    "narrative": "Passed the final assessment: a data report on the learner's "
                    "own ward, graded by two lecturers."
                },
                "creditsAvailable": 3.0,
                "inLanguage": "en",
                "alignment": [
                    {
                        "type": ["Alignment"],
                        "targetType": "ext:EQF",
                        "targetName": "EQF level 6",
                        "targetCode": "6",
                        "targetUrl": "https://europass.europa.eu/en/description-eight-eqf-levels",
                    }
                ],
            },
        },
        "credentialStatus": {
            "id": "https://academy.example.org/credentials/status/1#94567",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": "94567",
            "statusListCredential": "https://academy.example.org/credentials/status/1",
        },
    }
