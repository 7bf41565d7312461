"""The OOAPI v5 endpoint: read-only JSON, thin views over ooapi.queries and serializers."""

import uuid
from datetime import date
from functools import wraps

from django.conf import settings
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from ooapi import access, queries, serializers

PAGE_SIZES = (10, 20, 50, 100, 250)
PROBLEM = "application/problem+json"


class BadRequest(Exception):
    pass


class NotFound(Exception):
    pass


def _json(body, status=200, content_type="application/json"):
    return JsonResponse(
        body, status=status, content_type=content_type, json_dumps_params={"ensure_ascii": False}
    )


def _problem(status, title, detail=""):
    return _json(serializers.problem(status, title, detail), status=status, content_type=PROBLEM)


def ooapi_view(view):
    """GET (and HEAD) only; the caller identified and rate-limited; errors as OOAPI
    Problem objects."""

    @csrf_exempt
    @never_cache
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            response = _problem(405, "Method Not Allowed", "This endpoint is read-only.")
            response["Allow"] = "GET, HEAD"
            return response
        try:
            client = access.identify(request)
        except access.Unauthorized as refusal:
            response = _problem(401, "Unauthorized", str(refusal))
            response["WWW-Authenticate"] = 'Bearer realm="ooapi"'
            return response
        if not access.allow(request, client):
            return _problem(429, "Too Many Requests", "Slow down and try again in a minute.")
        try:
            return _json(view(request, *args, **kwargs))
        except BadRequest as error:
            return _problem(400, "Bad Request", str(error))
        except NotFound as error:
            return _problem(404, "Not Found", str(error))

    return wrapper


def _consumer(request) -> str | None:
    return request.GET.get("consumer") or None


def _timeline(request) -> bool:
    value = request.GET.get("returnTimelineOverrides", "false").lower()
    if value not in ("true", "false"):
        raise BadRequest("returnTimelineOverrides is true or false.")
    return value == "true"


def _id(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError as error:
        raise BadRequest("Invalid UUID.") from error


def _date(request, name: str) -> date | None:
    value = request.GET.get(name)
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise BadRequest(f"{name} is a date, YYYY-MM-DD.") from error


def _paged(request, rows, serialize) -> dict:
    try:
        page_size = int(request.GET.get("pageSize", 10))
        page_number = int(request.GET.get("pageNumber", 1))
    except ValueError as error:
        raise BadRequest("pageSize and pageNumber are whole numbers.") from error
    if page_size not in PAGE_SIZES:
        raise BadRequest("pageSize is one of 10, 20, 50, 100 or 250.")
    if page_number < 1:
        raise BadRequest("pageNumber starts at 1.")
    total = rows.count()
    start = (page_number - 1) * page_size
    items = [serialize(row) for row in rows[start : start + page_size]] if start < total else []
    return serializers.page(items, page_size=page_size, page_number=page_number, total=total)


@ooapi_view
def service(request):
    return serializers.service()


@ooapi_view
def organizations(request):
    faculties = list(queries.faculties())
    kind = request.GET.get("organizationType")
    rows = []
    if kind in (None, "", "root"):
        rows.append(serializers.root_organization([f.ooapi_id for f in faculties]))
    if kind in (None, "", "faculty"):
        rows.extend(serializers.faculty_organization(faculty) for faculty in faculties)
    return _paged(request, _Rows(rows), lambda row: row)


@ooapi_view
def organization(request, organization_id):
    wanted = _id(organization_id)
    faculties = list(queries.faculties())
    if str(wanted) == serializers.uuid(settings.OOAPI_ORGANIZATION_ID):
        return serializers.root_organization([f.ooapi_id for f in faculties])
    for faculty in faculties:
        if faculty.ooapi_id == wanted:
            return serializers.faculty_organization(faculty)
    raise NotFound("No organization with this id.")


@ooapi_view
def education_specifications(request):
    consumer = _consumer(request)
    rows = queries.education_specifications(consumer)
    return _paged(
        request, rows, lambda m: serializers.education_specification(m, consumer=consumer)
    )


@ooapi_view
def education_specification(request, specification_id):
    module = queries.education_specification(_id(specification_id))
    if module is None:
        raise NotFound("No education specification with this id.")
    return serializers.education_specification(
        module, consumer=_consumer(request), timeline=_timeline(request)
    )


@ooapi_view
def courses(request):
    consumer = _consumer(request)
    rows = queries.courses(consumer)
    return _paged(request, rows, lambda m: serializers.course(m, consumer=consumer))


@ooapi_view
def course(request, course_id):
    module = queries.course(_id(course_id))
    if module is None:
        raise NotFound("No course with this id.")
    return serializers.course(module, consumer=_consumer(request), timeline=_timeline(request))


def _offerings_of(request, module):
    consumer = _consumer(request)
    rows = queries.offerings(module, since=_date(request, "since"), until=_date(request, "until"))
    today = timezone.localdate()
    return _paged(
        request, rows, lambda run: serializers.offering(run, consumer=consumer, today=today)
    )


@ooapi_view
def course_offerings(request, course_id):
    module = queries.course(_id(course_id))
    if module is None:
        raise NotFound("No course with this id.")
    return _offerings_of(request, module)


@ooapi_view
def programs(request):
    consumer = _consumer(request)
    rows = queries.programs(consumer)
    return _paged(request, rows, lambda m: serializers.program(m, consumer=consumer))


@ooapi_view
def program(request, program_id):
    module = queries.program(_id(program_id))
    if module is None:
        raise NotFound("No program with this id.")
    return serializers.program(module, consumer=_consumer(request), timeline=_timeline(request))


@ooapi_view
def program_offerings(request, program_id):
    module = queries.program(_id(program_id))
    if module is None:
        raise NotFound("No program with this id.")
    return _offerings_of(request, module)


@ooapi_view
def offering(request, offering_id):
    run = queries.offering(_id(offering_id))
    if run is None:
        raise NotFound("No offering with this id.")
    return serializers.offering(run, consumer=_consumer(request), today=timezone.localdate())


def not_found(request, path=""):
    return _problem(404, "Not Found", "This endpoint has no such path.")


class _Rows(list):
    """A list that pages like a queryset."""

    def count(self):
        return len(self)
