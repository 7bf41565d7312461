"""Catalogue rows as OOAPI v5 JSON objects, shaped for RIO's mapper and eduXchange.

Every text is plain (RIO takes no markup), ids are lower-case UUIDs that never change,
study load is a whole number, dates are YYYY-MM-DD, amounts strings with two decimals.
"""

from django.conf import settings
from django.utils import timezone

from catalogue.models import Format, Level, Module, ModuleRun, with_vat
from ooapi import text
from ooapi.models import RioRoute, enrolment_window
from ooapi.queries import EDUXCHANGE, RIO
from ooapi.readiness import registration_of

SECTOR = "university education"
LEVELS = {Level.EQF6: "bachelor", Level.EQF7: "master", Level.EQF8: "doctoral"}
MODES = {Format.ONLINE: ["online"], Format.CAMPUS: ["on campus"], Format.BLENDED: ["hybrid"]}
# Harmless for RIO (it dropped STAP in 2025) and keeps SURF's validator quiet (NOTES.md §3.5).
STAP = {"consentParticipationSTAP": "permission_not_granted"}


def uuid(value) -> str:
    return str(value).lower()


def date(value) -> str:
    return value.isoformat()


def strings(value: str, language: str, limit: int) -> list[dict]:
    return [
        {
            "language": text.LANGUAGE_TAGS.get(language, "en-GB"),
            "value": text.shortened(text.plain_text(value), limit),
        }
    ]


def _link(path: str) -> dict:
    return {"link": settings.SITE_URL + path} if settings.SITE_URL.startswith("http") else {}


def _teaching_language(module: Module) -> str:
    return text.TEACHING_LANGUAGES.get(module.language, "eng")


def _description(module: Module) -> list[dict]:
    plain = text.plain_text(module.description) or text.plain_text(module.summary)
    return strings(plain or module.title, module.language, text.DESCRIPTION_MAX)


def _abbreviation(module: Module) -> str:
    return module.slug[: text.ABBREVIATION_MAX].strip("-") or module.slug[:1]


def _valid_from(module: Module) -> str:
    created = timezone.localdate(module.created_at)
    first_start = getattr(module, "first_start", None)
    return date(min(created, first_start) if first_start else created)


def _learning_outcomes(module: Module) -> list[list[dict]]:
    return [
        strings(str(outcome), module.language, text.NAME_MAX)
        for outcome in module.learning_outcomes or []
        if text.plain_text(str(outcome))
    ]


def _route(module: Module) -> str:
    registration = registration_of(module)
    return registration.rio_route if registration else RioRoute.NONE


def _listed(module: Module) -> bool:
    registration = registration_of(module)
    return bool(registration and registration.eduxchange_listed)


def _wanted(consumer: str | None, key: str) -> bool:
    """With `consumer=eduxchange` only its own block is sent (SURF's eduXchange profile
    allows no other); otherwise every block that applies."""
    return consumer != EDUXCHANGE or key == EDUXCHANGE


def _offer_consumer(module: Module) -> dict:
    """The rio consumer of a Course or Program: who offers it, where."""
    registration = registration_of(module)
    block = {"consumerKey": RIO}
    if registration.offerer_code:
        block["educationOffererCode"] = registration.offerer_code
    if registration.location_code:
        block["educationLocationCode"] = registration.location_code
    return {**block, **STAP}


def _eduxchange_consumer(module: Module) -> dict:
    registration = registration_of(module)
    alliance = {
        "name": registration.eduxchange_alliance,
        "visibleForOwnStudents": True,
        "visibleForGuests": True,
        "enrollmentForOwnStudents": "url",
        "enrollmentForGuests": "url",
        "targetGroup": registration.eduxchange_target_group,
    }
    if settings.SITE_URL.startswith("http"):
        alliance["enrollmentUrl"] = settings.SITE_URL + module.get_absolute_url()
    if module.awards_microcredential:
        alliance["microcredential"] = "stackable" if module.in_pathway else "standalone"
    return {"consumerKey": EDUXCHANGE, "alliances": [alliance]}


def _consumers(module: Module, consumer: str | None, *, rio_routes) -> list[dict]:
    blocks = []
    if _route(module) in rio_routes and _wanted(consumer, RIO):
        blocks.append(_offer_consumer(module))
    if _listed(module) and _wanted(consumer, EDUXCHANGE):
        blocks.append(_eduxchange_consumer(module))
    return blocks


def _common(module: Module) -> dict:
    """What a course, a program and an education specification say alike."""
    body = {
        "primaryCode": {"codeType": "identifier", "code": module.slug},
        "name": strings(module.title, module.language, text.NAME_MAX),
        "abbreviation": _abbreviation(module),
        "description": _description(module),
        "validFrom": _valid_from(module),
        "learningOutcomes": _learning_outcomes(module),
        "organization": uuid(module.faculty.ooapi_id),
        **_link(module.get_absolute_url()),
    }
    length = getattr(module, "first_run_days", None)
    if length is not None:  # how long a run lasts, first day and last day included
        body["duration"] = f"P{length.days + 1}D"
    load = text.study_load(ects=module.ects, hours=module.study_load_hours)
    if load:
        body["studyLoad"] = load
    registration = registration_of(module)
    if registration and registration.isced_field_of_study:
        body["fieldsOfStudy"] = registration.isced_field_of_study
    return body


def education_specification(module: Module, *, consumer=None, timeline=False) -> dict:
    route = _route(module)
    body = {
        "educationSpecificationId": uuid(module.ooapi_specification_id),
        "educationSpecificationType": (
            "privateProgram" if route == RioRoute.PRIVATE_PROGRAM else "course"
        ),
        **_common(module),
        "formalDocument": "certificate"
        if module.awards_microcredential
        else "no official document",
        "level": LEVELS.get(module.level, "undefined"),
        "sector": SECTOR,
    }
    if module.level:
        body["levelOfQualification"] = str(module.level)
    consumers = []
    if route in (RioRoute.COURSE, RioRoute.PRIVATE_PROGRAM) and _wanted(consumer, RIO):
        block = {"consumerKey": RIO}
        registration = registration_of(module)
        if route == RioRoute.PRIVATE_PROGRAM and registration.rio_category:
            block["category"] = [registration.rio_category]
        consumers.append(block)
    if _listed(module) and _wanted(consumer, EDUXCHANGE):
        consumers.append({"consumerKey": EDUXCHANGE})
    body["consumers"] = consumers
    if timeline:
        body["timelineOverrides"] = []
    return body


def course(module: Module, *, consumer=None, timeline=False) -> dict:
    body = {
        "courseId": uuid(module.ooapi_course_id),
        **_common(module),
        "teachingLanguage": _teaching_language(module),
        "level": LEVELS.get(module.level, "undefined"),
        "modeOfDelivery": MODES.get(module.format, ["hybrid"]),
        "educationSpecification": uuid(module.ooapi_specification_id),
        "consumers": _consumers(module, consumer, rio_routes=(RioRoute.COURSE,)),
    }
    if getattr(module, "first_start", None):
        body["firstStartDate"] = date(module.first_start)
    if timeline:
        body["timelineOverrides"] = []
    return body


def program(module: Module, *, consumer=None, timeline=False) -> dict:
    body = {
        "programId": uuid(module.ooapi_program_id),
        "programType": "program",
        **_common(module),
        "teachingLanguage": _teaching_language(module),
        "modeOfDelivery": MODES.get(module.format, ["hybrid"]),
        "modeOfStudy": "part-time",
        # RIO's niveau of a private programme comes from these: a module is no degree
        # programme, so ONBEPAALD; its EQF level is the specification's levelOfQualification.
        "level": "undefined",
        "sector": SECTOR,
        "educationSpecification": uuid(module.ooapi_specification_id),
        "consumers": _consumers(module, consumer, rio_routes=(RioRoute.PRIVATE_PROGRAM,)),
    }
    if getattr(module, "first_start", None):
        body["firstStartDate"] = date(module.first_start)
    if timeline:
        body["timelineOverrides"] = []
    return body


def _mode_of_delivery(run: ModuleRun) -> list[str]:
    online, campus = run.online_sessions, run.campus_sessions
    if online and campus:
        return ["hybrid"]
    if online:
        return ["online"]
    if campus:
        return ["on campus"]
    return MODES.get(run.module.format, ["hybrid"])


def _enroll_dates(run: ModuleRun) -> dict:
    opens, closes = enrolment_window(run)
    dates = {"enrollStartDate": date(opens)}
    if closes:
        dates["enrollEndDate"] = date(closes)
    return dates


def offering(run: ModuleRun, *, consumer=None, today=None) -> dict:
    module = run.module
    route = _route(module)
    as_program = route == RioRoute.PRIVATE_PROGRAM
    price = run.price
    total = with_vat(price, module.vat_rate)
    body = {
        "offeringId": uuid(run.ooapi_offering_id),
        "primaryCode": {"codeType": "offeringCode", "code": run.code},
        "offeringType": "program" if as_program else "course",
        "name": strings(f"{module.title} ({run.code})", module.language, text.NAME_MAX),
        "abbreviation": run.code,
        "description": _description(module),
        "teachingLanguage": _teaching_language(module),
        "modeOfDelivery": _mode_of_delivery(run),
        "resultExpected": True,
        "resultValueType": "pass-or-fail",
        "startDate": date(run.start_date),
        "endDate": date(run.end_date),
        **_enroll_dates(run),
        "priceInformation": [
            {
                "costType": "total costs",
                "amount": text.amount(total),
                "amountWithoutVat": text.amount(price),
                "vatAmount": text.amount(total - price),
                "currency": "EUR",
            }
        ],
        "organization": uuid(module.faculty.ooapi_id),
        **_link(module.get_absolute_url()),
    }
    if 1 <= run.capacity <= 32000:
        body["maxNumberStudents"] = run.capacity
    if as_program:
        body["program"] = uuid(module.ooapi_program_id)
    else:
        body["course"] = uuid(module.ooapi_course_id)
    consumers = []
    if route in (RioRoute.COURSE, RioRoute.PRIVATE_PROGRAM) and _wanted(consumer, RIO):
        is_open = run.why_not_open_for_enrolment(today) is None
        consumers.append(
            {
                "consumerKey": RIO,
                "registrationStatus": "open" if is_open else "closed",
                "requiredPermissionRegistration": "yes" if module.asks_for_motivation else "no",
            }
        )
    if _listed(module) and _wanted(consumer, EDUXCHANGE):
        alliance = {"name": registration_of(module).eduxchange_alliance}
        if settings.SITE_URL.startswith("http"):
            alliance["enrollmentUrl"] = settings.SITE_URL + module.get_absolute_url()
        consumers.append({"consumerKey": EDUXCHANGE, "alliances": [alliance]})
    body["consumers"] = consumers
    return body


def root_organization(faculty_ids) -> dict:
    name = settings.OOAPI_ORGANIZATION_NAME
    return {
        "organizationId": uuid(settings.OOAPI_ORGANIZATION_ID),
        "primaryCode": {"codeType": "schacHome", "code": settings.OOAPI_SCHAC_HOME},
        "organizationType": "root",
        "name": [{"language": "en-GB", "value": text.shortened(text.plain_text(name), 1000)}],
        "shortName": settings.OOAPI_SCHAC_HOME[:256],
        "children": [uuid(faculty_id) for faculty_id in faculty_ids],
        **_link("/"),
        "consumers": [],
    }


def faculty_organization(faculty) -> dict:
    names = [{"language": "en-GB", "value": text.plain_text(faculty.name)}]
    if faculty.name_nl:
        names.insert(0, {"language": "nl-NL", "value": text.plain_text(faculty.name_nl)})
    return {
        "organizationId": uuid(faculty.ooapi_id),
        "primaryCode": {"codeType": "identifier", "code": faculty.slug},
        "organizationType": "faculty",
        "name": names,
        "shortName": faculty.slug[:256],
        "parent": uuid(settings.OOAPI_ORGANIZATION_ID),
        "consumers": [],
    }


def service() -> dict:
    body = {
        "contactEmail": settings.ACADEMY_CONTACT_EMAIL,
        "specification": "https://open-education-api.github.io/specification/v5/docs.html",
        "documentation": "https://openonderwijsapi.nl/v5/",
        "consumers": [],
    }
    return body


def page(items: list, *, page_size: int, page_number: int, total: int) -> dict:
    pages = max((total + page_size - 1) // page_size, 1)
    return {
        "pageSize": page_size,
        "pageNumber": page_number,
        "hasPreviousPage": page_number > 1,
        "hasNextPage": page_number * page_size < total,
        "totalPages": pages,
        "items": items,
    }


def problem(status: int, title: str, detail: str = "") -> dict:
    body = {"status": str(status), "title": title}
    if detail:
        body["detail"] = detail
    return body
