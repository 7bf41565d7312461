"""The OOAPI v5 specification, the consumer schemas and SURF's eduXchange profile, loaded
from copies in tests/ooapi/spec/ (CI runs on a clean clone; SOURCES.md says where each
came from), and the RIO mapper's own text rules (NOTES.md §3.0)."""

import copy
import json
import re
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import yaml
from openapi_core import Config, OpenAPI
from openapi_core.contrib.django import DjangoOpenAPIResponse
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

SPEC = Path(__file__).parent / "spec"
SERVER = "http://testserver/ooapi/v5"
# The published documents have slips of their own (a sort parameter's default written
# [["name"]]): responses are validated against their schemas, the documents themselves
# are not. Errors come as application/problem+json, which openapi-core reads as JSON.
CONFIG = Config(
    spec_validator_cls=None,
    extra_media_type_deserializers={"application/problem+json": json.loads},
)

MARKUP = re.compile(r"(<(\S|\Z))|(&\S+;)")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
LANGUAGE = re.compile(r"^[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$")
RIO_VOERTAAL = {
    "ara", "chi", "deu", "eng", "fra", "hrv", "ita", "jpn", "nld", "nor", "pap", "pol", "por",
    "ron", "rus", "spa", "swe", "tur",
}  # fmt: skip


class _YamlStrings(yaml.SafeLoader):
    """YAML 1.2 booleans only: the RIO Offering schema's unquoted `yes`/`no` stay strings."""


_YamlStrings.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}


def _load_yaml(path: Path):
    return yaml.load(path.read_text(), Loader=_YamlStrings)  # noqa: S506 (a SafeLoader)


@cache
def ooapi() -> OpenAPI:
    spec = yaml.safe_load((SPEC / "ooapi.yaml").read_text())
    spec["servers"] = [{"url": SERVER}]
    _mend_timeline_choices(spec)
    return OpenAPI.from_dict(spec, config=CONFIG)


def _mend_timeline_choices(node) -> None:
    """`oneOf: [the object with timelineOverrides, the object without]` and `oneOf:
    [programOffering, courseOffering, componentOffering]` can be met by no response (none
    forbids other properties, so every object matches several); read as the `anyOf` they
    mean. (The tests check an offering's own type by its offeringType.)"""
    if isinstance(node, dict):
        choices = node.get("oneOf")
        titles = [str(c.get("title", "")) for c in choices or [] if isinstance(c, dict)]
        if any("timelineOverrides" in t or t.endswith("Offering") for t in titles):
            node["anyOf"] = node.pop("oneOf")
        for value in node.values():
            _mend_timeline_choices(value)
    elif isinstance(node, list):
        for value in node:
            _mend_timeline_choices(value)


@cache
def eduxchange_profile() -> OpenAPI:
    spec = json.loads((SPEC / "eduxchange.openapi.json").read_text())
    spec["servers"] = [{"url": SERVER}]
    return OpenAPI.from_dict(spec, config=CONFIG)


@cache
def consumer_schema(consumer: str, name: str) -> dict:
    """A consumer schema as published, with the caveats SOURCES.md lists mended: the
    offerer code's pattern that sits in its description, `items: string`, the
    modeOfDelivery enum put on the array instead of its items."""
    schema = copy.deepcopy(_load_yaml(SPEC / "consumers" / consumer / "V1" / f"{name}.yaml"))
    properties = schema.get("properties", {})
    if "educationOffererCode" in properties:
        properties["educationOffererCode"]["pattern"] = r"^(?:\d{3}A\d{3})$"
    if "foreignPartners" in properties:
        properties["foreignPartners"]["items"] = {"type": "string"}
    if "modeOfDelivery" in properties and "enum" in properties["modeOfDelivery"]:
        enum = properties["modeOfDelivery"].pop("enum")
        properties["modeOfDelivery"]["items"] = {"type": "string", "enum": enum}
    if schema.get("required") is None:
        schema.pop("required", None)
    if consumer == "EDUXCHANGE":  # the 2.0 subset names two alliances; profile 2.2 adds kom
        alliance = properties["alliances"]["items"]["properties"]["name"]
        alliance["enum"] = [*alliance["enum"], "kom"]
    return schema


def check_consumer(block: dict, consumer: str, name: str) -> None:
    jsonschema.validate(block, consumer_schema(consumer, name))


class _Request:
    """What openapi-core needs of a request, from the test client's own request."""

    def __init__(self, response):
        request = response.wsgi_request
        self.host_url = "http://testserver"
        self.path = request.path
        self.method = request.method.lower()
        self.parameters = RequestParameters(
            query=ImmutableMultiDict([(k, v) for k, vs in request.GET.lists() for v in vs]),
            header=Headers(request.headers.items()),
            cookie=ImmutableMultiDict(request.COOKIES),
        )
        self.content_type = request.META.get("CONTENT_TYPE", "")
        self.body = b""
        self.full_url_pattern = SERVER + request.path.removeprefix(urlsplit(SERVER).path)


def validate(response, *, profile: OpenAPI | None = None) -> None:
    """The response (and its request) as the OOAPI v5 specification defines them."""
    (profile or ooapi()).validate_response(_Request(response), DjangoOpenAPIResponse(response))


def walk_texts(value, path=""):
    """Every {language, value} pair in a body, with where it is."""
    if isinstance(value, dict):
        if set(value) == {"language", "value"}:
            yield path, value
        for key, item in value.items():
            yield from walk_texts(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk_texts(item, f"{path}[{index}]")


def rio_rule_violations(body: dict) -> list[str]:
    """NOTES.md's RIO rules, applied to one object (course, program, eduspec, offering)."""
    found = []
    for where, text in walk_texts(body):
        if not LANGUAGE.match(text["language"]):
            found.append(f"{where}: language {text['language']!r}")
        if MARKUP.search(text["value"]):
            found.append(f"{where}: markup in {text['value'][:60]!r}")
        limit = 3000 if ".description" in where else 1000
        if not 1 <= len(text["value"]) <= limit:
            found.append(f"{where}: {len(text['value'])} characters")
    if "abbreviation" in body and not 1 <= len(body["abbreviation"]) <= 40:
        found.append("abbreviation longer than 40")
    if "abbreviation" in body and MARKUP.search(body["abbreviation"]):
        found.append("markup in abbreviation")
    if "studyLoad" in body:
        value = body["studyLoad"]["value"]
        if not (isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 99999):
            found.append(f"study load {value!r} is not a whole number")
    for key in ("validFrom", "validTo", "startDate", "endDate", "enrollStartDate",
                "enrollEndDate", "firstStartDate"):  # fmt: skip
        if key in body and not DATE.match(body[key]):
            found.append(f"{key} {body[key]!r}")
    window = body.get("enrollStartDate"), body.get("enrollEndDate")
    if all(window) and window[1] <= window[0]:
        found.append("enrolment ends before it starts (RIO N11020)")
    for key in ("courseId", "programId", "educationSpecificationId", "offeringId",
                "educationSpecification", "course", "program", "organization"):  # fmt: skip
        if key in body and not UUID.match(body[key]):
            found.append(f"{key} {body[key]!r} is not a lower-case UUID")
    if "teachingLanguage" in body and body["teachingLanguage"] not in RIO_VOERTAAL:
        found.append(f"teachingLanguage {body['teachingLanguage']!r} unknown to RIO")
    for price in body.get("priceInformation", []):
        if price["costType"] != "total costs" or not re.match(r"^\d+\.\d{2}$", price["amount"]):
            found.append(f"price {price!r}")
    rio = [c for c in body.get("consumers", []) if c["consumerKey"] == "rio"]
    if len(rio) > 1:
        found.append("more than one rio consumer")
    if rio and "offeringId" in body:
        if rio[0].get("requiredPermissionRegistration") not in ("yes", "no"):
            found.append("requiredPermissionRegistration is not the string yes or no")
        if rio[0].get("registrationStatus") not in ("open", "closed"):
            found.append("registrationStatus")
    offer = "courseId" in body or "programId" in body
    if rio and offer and not re.match(r"^\d{3}A\d{3}$", rio[0].get("educationOffererCode", "")):
        found.append("educationOffererCode")
    if "primaryCode" in body and "offeringId" in body and len(body["primaryCode"]["code"]) > 60:
        found.append("cohort code longer than 60")
    return found


def mapper_fixture(name: str) -> dict:
    return json.loads((SPEC / "mapper-fixtures" / name).read_text())
