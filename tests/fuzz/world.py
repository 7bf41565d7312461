"""One small academy with every kind of object a URL can name, and the URLs themselves.

The routes come from Django's resolver, so a page added later is fuzzed without anyone
remembering to list it; path parameters are filled from the objects made here.
"""

import os
import re
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import quote

from django.apps import apps
from django.contrib.auth.models import Group
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from tests.enrolment.factories import EnrolmentFactory, WaitingListEntryFactory


def examples(count: int) -> int:
    """Examples per test: small enough for CI's two minutes; FUZZ_SCALE multiplies them."""
    return count * int(os.environ.get("FUZZ_SCALE", "1"))


ROLES = ("anonymous", "learner", "employer", "lecturer", "portfolio", "staff")
# Routes this suite leaves alone, and why.
SKIPPED = {
    "healthz",  # 503 by design when the broker is unreachable; tests/academy/test_healthz.py
    "set_language",  # Django's own view, a redirect
    "account_logout",  # ends the session the next requests of the example rely on
    "delete_account",  # needs the password; tests/academy tests it
}


@dataclass
class World:
    users: dict = field(default_factory=dict)
    ids: dict = field(default_factory=dict)  # path parameter name -> a real value
    admin_objects: dict = field(default_factory=dict)  # "app_model" -> a pk


def build_world() -> World:
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        return _build()


def _build() -> World:
    from catalogue.models import Faculty
    from catalogue.services import LECTURERS, PORTFOLIO_HOLDERS, ensure_curation_groups
    from credentials import services as credentials
    from enrolment import services as enrolment
    from enrolment.models import Invoice
    from tests.academy.factories import (
        InvitationFactory,
        MembershipFactory,
        OrganisationFactory,
        UserFactory,
    )
    from tests.catalogue.factories import (
        ModuleFactory,
        ModuleRunFactory,
        PartnerFactory,
        SessionFactory,
        TeachingFactory,
        ThemeFactory,
    )
    from tests.demand.factories import LearningNeedFactory

    ensure_curation_groups()
    world = World()
    theme, partner = ThemeFactory(slug="data"), PartnerFactory(name="Hogeschool Noord")
    module = ModuleFactory(slug="data-ethics", themes=[theme], partners=[partner])
    # Begun three days ago, its one session too: attendance and results may be recorded.
    run = ModuleRunFactory(module=module, code="2027-spring", capacity=3,
                           start_date=timezone.localdate() - timedelta(days=3))  # fmt: skip
    session = SessionFactory(run=run)
    lecturer = TeachingFactory(run=run, lecturer=UserFactory()).lecturer
    lecturer.groups.add(Group.objects.get(name=LECTURERS))
    portfolio = UserFactory(is_staff=True)
    portfolio.groups.add(Group.objects.get(name=PORTFOLIO_HOLDERS))
    Faculty.objects.get(pk=module.faculty_id).portfolio_holders.add(portfolio)
    staff = UserFactory(is_staff=True, is_superuser=True)

    organisation = OrganisationFactory()
    employer = MembershipFactory(organisation=organisation, role="admin").user
    learner = MembershipFactory(organisation=organisation, shares_progress=True).user
    colleague = MembershipFactory(organisation=organisation).user
    cohort = enrolment.create_cohort(organisation=organisation, run=run, learners=[colleague],
                                     by=employer)  # fmt: skip
    own = EnrolmentFactory(run=run, learner=learner)
    result = credentials.record_result(enrolment=own, passed=True, grade="8", by=lecturer)
    credential = credentials.issue_credential(result=result)
    full = ModuleRunFactory(module=module, code="2027-autumn", capacity=0,
                            start_date=timezone.localdate() + timedelta(days=90))  # fmt: skip
    entry = WaitingListEntryFactory(run=full, learner=learner)
    invitation = InvitationFactory(organisation=organisation)
    membership = organisation.memberships.get(user=colleague)
    from academy import services as people

    staff_import = people.create_staff_import(
        organisation=organisation, uploaded_by=employer, filename="staff.csv",
        content=b"email,given name,family name\nnew@example.nl,Nieuw,Lid\n",
    )  # fmt: skip
    LearningNeedFactory()
    feed = enrolment.calendar_feed_for(learner)
    invoice = Invoice.objects.filter(order__cohort=cohort).first()

    world.users = {"anonymous": None, "learner": learner, "employer": employer,
                   "lecturer": lecturer, "portfolio": portfolio, "staff": staff}  # fmt: skip
    world.ids = {
        "slug": module.slug, "code": run.code, "token": invitation.token,
        "organisation_id": organisation.pk, "enrolment_id": own.pk, "entry_id": entry.pk,
        "invitation_id": invitation.pk, "membership_id": membership.pk,
        "import_id": staff_import.pk, "cohort_id": cohort.pk,
        "invoice_id": invoice.pk if invoice else 1, "session_id": session.pk, "run_id": run.pk,
        "credential_id": credential.pk, "list_name": credentials.STATUS_LIST,
        "answer": "accept", "decision": "approve", "action": "resend",
    }  # fmt: skip
    world.feed_token = feed.token
    for model in apps.get_models():
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            world.admin_objects[f"{model._meta.app_label}_{model._meta.model_name}"] = first.pk
    return world


# --- Routes -------------------------------------------------------------------------------

PARAMETER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name", or the route itself when unnamed
    route: str  # "employer/<int:organisation_id>/", the whole path
    parameters: tuple  # ((name, converter), ...)

    def path(self, values: dict) -> str:
        def fill(match):
            return quote(str(values[match["name"]]), safe="-._~")

        return "/" + PARAMETER.sub(fill, self.route)


def routes() -> list[Route]:
    found = {}
    for route in _walk(get_resolver().url_patterns, prefix="", namespace=""):
        if route.route.startswith("__errors__/"):
            continue  # debug-only previews of the error pages: they answer 404 and 500 by design
        if route.name.split(":")[-1] not in SKIPPED and "<path:" not in route.route.replace(
            "<path:object_id>", ""
        ):
            found.setdefault(route.route, route)
    return sorted(found.values(), key=lambda r: r.route)


def _walk(patterns, *, prefix: str, namespace: str):
    for pattern in patterns:
        text = _route_text(pattern.pattern)
        if text is None:
            continue  # a regular expression with groups (admin's app index): not fillable
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _walk(pattern.url_patterns, prefix=prefix + text, namespace=inner)
        elif isinstance(pattern, URLPattern):
            route = prefix + text
            parameters = tuple((m["name"], m["converter"] or "str")
                               for m in PARAMETER.finditer(route))  # fmt: skip
            name = f"{namespace}{pattern.name}" if pattern.name else route
            yield Route(name=name, route=route, parameters=parameters)


def _route_text(pattern) -> str | None:
    if hasattr(pattern, "_route"):
        return str(pattern._route)
    regex = pattern._regex if hasattr(pattern, "_regex") else str(pattern)
    literal = regex.lstrip("^").rstrip("$").rstrip("\\Z")
    if re.fullmatch(r"[\w./-]*", literal):
        return literal
    return None


def real_values(route: Route, world: World) -> dict:
    """Path parameters naming real objects: the admin's object_id by the URL's model."""
    values = {}
    for name, _converter in route.parameters:
        if name == "object_id" and (match := re.match(r"admin/(\w+)/(\w+)/", route.route)):
            values[name] = world.admin_objects.get(f"{match[1]}_{match[2]}", 1)
        elif name == "token" and "calendar" in route.route:
            values[name] = world.feed_token
        else:
            values[name] = world.ids.get(name, 1)
    return values
