"""The Open Badges 3.0 documents the Academy publishes: issuer profile, achievements with the
EU micro-credential elements (in the Edubadges microcredential profile), credentials."""

import hashlib
from decimal import Decimal

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from catalogue.models import AssessmentType, Format, SupervisionType

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
OB_SCHEMA = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
)
GLOSSARY = "https://edubadges.nl/static/obv3-glossary.html#"
XSD = "http://www.w3.org/2001/XMLSchema#"

# Edubadges' own context file is not valid JSON-LD, so its terms are defined here, inline,
# with the same IRIs: the signed data then means exactly what the Edubadges profile says.
# So is the schema validator type, which the Open Badges context leaves undefined.
EXTENSION_TERMS = {
    "@protected": True,
    "1EdTechJsonSchemaValidator2019": (
        "https://purl.imsglobal.org/spec/vccs/v1p0/context.json#1EdTechJsonSchemaValidator2019"
    ),
    "EducredentialAchievement": {
        "@id": f"{GLOSSARY}EducredentialAchievement",
        "@context": {
            "@protected": True,
            "assessmentType": f"{GLOSSARY}assessmentType",
            "participationType": f"{GLOSSARY}participationType",
            "supervisionType": f"{GLOSSARY}supervisionType",
            "identityChecked": {"@id": f"{GLOSSARY}identityChecked", "@type": f"{XSD}boolean"},
            "ECTS": {"@id": f"{GLOSSARY}ects", "@type": f"{XSD}decimal"},
            "SBU": {"@id": f"{GLOSSARY}sbu", "@type": f"{XSD}integer"},
            "timeInvestment": {"@id": f"{GLOSSARY}timeInvestment", "@type": f"{XSD}integer"},
            "prerequisites": f"{GLOSSARY}prerequisites",
        },
    },
}
CONTEXT = [VC_CONTEXT, OB_CONTEXT, EXTENSION_TERMS]
PARTICIPATION = {Format.ONLINE: "online"}  # on campus and blended: "onsite or blended"
PARTICIPATION_LABELS = {"online": _("Online"), "onsite or blended": _("On site or blended")}


def element_labels(achievement: dict) -> dict[str, str]:
    """Readable, translated names for the profile values frozen in an achievement."""

    def label(choices, value):
        return str(dict(choices.choices).get(value, value))

    language = achievement.get("inLanguage", "")
    return {
        "language": str(dict(settings.LANGUAGES).get(language, language)),
        "assessment": label(AssessmentType, achievement["assessmentType"]),
        "supervision": label(SupervisionType, achievement["supervisionType"]),
        "participation": str(PARTICIPATION_LABELS.get(achievement["participationType"],
                                                      achievement["participationType"])),
    }  # fmt: skip


def learning_outcomes(achievement: dict) -> list[str]:
    """The outcomes listed in the achievement's criteria, one per "- " line."""
    lines = achievement.get("criteria", {}).get("narrative", "").splitlines()
    return [line[2:] for line in lines if line.startswith("- ")]


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def issuer_id() -> str:
    return absolute(reverse("credentials:issuer"))


def issuer_profile() -> dict:
    issuer = settings.ACADEMY_INVOICE_ISSUER
    return {
        "id": issuer_id(),
        "type": ["Profile"],
        "name": issuer["name"],
        "url": settings.SITE_URL + "/",
        "email": settings.ACADEMY_CONTACT_EMAIL,
        "address": {
            "type": ["Address"],
            "addressCountry": issuer["country"],
            "addressCountryCode": "NL",
            "streetAddress": issuer["address"],
            "addressLocality": issuer["postal_code_city"],
        },
    }


def badge_image_url() -> str:
    # The unhashed name: a credential is signed once and must not point at a file name that
    # changes with the next deployment (whitenoise serves both names).
    return absolute(settings.STATIC_URL + "img/microcredential.svg")


def achievement_id(achievement) -> str:
    return f"urn:uuid:{achievement.uuid}"


IDENTITY_CHECKED = {SupervisionType.SUPERVISED_ONLINE, SupervisionType.ONSITE_WITH_ID}


def _achievement(achievement, *, name: str, description: str, criteria: list[str]) -> dict:
    """What every Achievement the Academy awards has; `criteria` is an intro and a list."""
    intro, *listed = criteria
    return {
        "id": achievement_id(achievement),
        "type": ["Achievement", "EducredentialAchievement"],
        "achievementType": "MicroCredential",
        "name": name,
        "description": description,
        "criteria": {"narrative": "\n".join([intro] + [f"- {item}" for item in listed])},
        "image": {"id": badge_image_url(), "type": "Image"},
        "creator": issuer_profile(),
        "resultDescription": [_result_description(achievement)],
    }


def module_achievement(achievement, module) -> dict:
    """The module's facts as an Achievement, frozen into each credential issued for it."""
    document = _achievement(
        achievement, name=module.title, description=module.summary,
        criteria=["Passed the assessment of this module, showing that the holder can:",
                  *(module.learning_outcomes or [])],
    ) | {
        "inLanguage": module.language,
        "alignment": _alignments(module),
        "assessmentType": module.assessment_type,
        "participationType": PARTICIPATION.get(module.format, "onsite or blended"),
        "supervisionType": module.supervision_type,
        "identityChecked": module.supervision_type in IDENTITY_CHECKED,
        "tag": [theme.name for theme in module.themes.all()],  # English, as the criteria: a
        # signed credential must not depend on the language of whoever triggered its issue
    }  # fmt: skip
    if module.ects:
        document["ECTS"] = float(Decimal(module.ects))
    if module.study_load_hours:
        document["timeInvestment"] = module.study_load_hours
        if not module.ects:
            document["SBU"] = module.study_load_hours
    if module.entry_requirements:
        document["prerequisites"] = module.entry_requirements
    return document


def _alignments(module) -> list[dict]:
    alignments = []
    if module.level:
        alignments.append({
            "type": ["Alignment"], "targetType": "ext:EQF", "targetCode": str(module.level),
            "targetName": f"EQF level {module.level}",
            "targetUrl": "https://europa.eu/europass/en/description-eight-eqf-levels",
        })  # fmt: skip
    alignments.append({
        "type": ["Alignment"], "targetType": "ext:QualityAssurance",
        "targetName": module.quality_assurance or "NVAO accreditation of the university",
        "targetUrl": "https://www.nvao.net/",
    })  # fmt: skip
    return alignments


def _result_description(achievement) -> dict:
    return {
        "id": f"{achievement_id(achievement)}#result",
        "type": ["ResultDescription"],
        "name": "Final grade",
        "resultType": "ext:DutchGrade",
        "valueMin": "1",
        "valueMax": "10",
        "requiredValue": "5.5",
    }


def pathway_achievement(achievement, pathway, modules) -> dict:
    ects = sum((Decimal(m.ects) for m in modules if m.ects), Decimal(0))
    supervision = modules[0].supervision_type if modules else SupervisionType.SUPERVISED_ONLINE
    document = _achievement(
        achievement, name=pathway.name, description=pathway.description,
        criteria=["Holds the microcredentials of every module of this pathway:",
                  *(module.title for module in modules)],
    ) | {
        "inLanguage": modules[0].language if modules else "en",
        "alignment": _alignments(max(modules, key=lambda m: m.level or 0)),
        "assessmentType": "recognition of prior learning",
        "participationType": "onsite or blended",
        "supervisionType": supervision,
        "identityChecked": supervision in IDENTITY_CHECKED,
        "related": [{"id": f"urn:uuid:{m.achievement.uuid}", "type": ["Related"]}
                    for m in modules if hasattr(m, "achievement")],
    }  # fmt: skip
    if ects:
        document["ECTS"] = float(ects)
    return document


def recipient_identifiers(*, name: str, email: str, salt: str) -> list[dict]:
    """The learner by name (as printed) and by salted hash of their email address."""
    digest = hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest()
    return [
        {"type": "IdentityObject", "identityHash": f"sha256${digest}",
         "identityType": "emailAddress", "hashed": True, "salt": salt},
        {"type": "IdentityObject", "identityHash": name, "identityType": "name",
         "hashed": False},
    ]  # fmt: skip


def credential_document(
    *, credential_id, achievement: dict, identifiers: list[dict], name: str, issued_at,
    grade: str = "", status_index: int, status_list_url: str,
) -> dict:  # fmt: skip
    """The unsigned OpenBadgeCredential; the proof is added by signing."""
    result = {"type": ["Result"], "resultDescription": achievement["resultDescription"][0]["id"]}
    if grade:
        result["value"] = grade
    return {
        "@context": CONTEXT,
        "id": f"urn:uuid:{credential_id}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": achievement["name"],
        "issuer": issuer_profile(),
        "validFrom": issued_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "name": name,
            "identifier": identifiers,
            "achievement": achievement,
            "result": [result],
        },
        "credentialStatus": {
            "id": f"{status_list_url}#{status_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(status_index),
            "statusListCredential": status_list_url,
        },
        "credentialSchema": [{"id": OB_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}],
    }


# --- Teaching -----------------------------------------------------------------------------


def teaching_achievement(achievement, year_label: str) -> dict:
    """What a lecturer's recognition certifies: teaching professionals during one academic
    year. An Award (Open Badges' vocabulary), not a microcredential: no EU elements apply."""
    return {
        "id": achievement_id(achievement),
        "type": ["Achievement"],
        "achievementType": "Award",
        "name": f"Teaching in lifelong development {year_label}",
        "description": (
            "Recognises a lecturer of the university who taught modules of lifelong "
            f"development for working professionals in the academic year {year_label}."
        ),
        "criteria": {
            "narrative": (
                f"Taught one or more runs of the Academy's modules that ended in the academic year "
                f"{year_label}, as recorded by the Academy office. The credential names the runs "
                "and the contact hours taught."
            )
        },
        "image": {"id": badge_image_url(), "type": "Image"},
        "creator": issuer_profile(),
        "resultDescription": [
            {
                "id": f"{achievement_id(achievement)}#contact-hours",
                "type": ["ResultDescription"],
                "name": "Contact hours taught",
                "resultType": "ext:ContactHours",
            }
        ],
    }


def teaching_subject(*, year: int, year_label: str, runs: list[tuple[str, str, str]]) -> dict:
    """The AchievementSubject's own facts: the academic year and the runs taught, each as
    (module title and run code, role, contact hours)."""
    lines = [f"- {run}: {role}, {hours} contact hours" for run, role, hours in runs]
    return {
        "term": year_label,
        "activityStartDate": f"{year}-09-01T00:00:00Z",
        "activityEndDate": f"{year + 1}-08-31T23:59:59Z",
        "narrative": "Runs taught:\n" + "\n".join(lines),
    }


def runs_taught(subject: dict) -> list[str]:
    """The runs listed in a teaching recognition's subject, one per "- " line."""
    return [line[2:] for line in subject.get("narrative", "").splitlines() if line.startswith("- ")]
