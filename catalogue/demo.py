"""The demo catalogue: faculties, themes, partners, modules with runs, sessions and lecturers."""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from academy.demo import demo_user
from catalogue import demo_content
from catalogue.models import (
    Faculty,
    Format,
    Module,
    ModuleRun,
    Partner,
    Session,
    Teaching,
    Theme,
)
from catalogue.services import LECTURERS, add_synonyms_from_themes, refresh_search_index

CAMPUS_ROOMS = [
    "Academiegebouw, zaal 1.12, Domplein 29, Utrecht",
    "Educatorium, zaal Beta, Leuvenlaan 19, Utrecht",
    "Ruppert, zaal 040, Leuvenlaan 21, Utrecht",
    "Janskerkhof 2-3, zaal 0.06, Utrecht",
]


@dataclass
class DemoCatalogue:
    faculties: int
    themes: int
    modules: int
    runs: int
    sessions: int
    curated_faculty: Faculty


@transaction.atomic
def seed_catalogue(*, portfolio_holder, today: date | None = None) -> DemoCatalogue:
    today = today or timezone.localdate()
    faculties = {
        f["slug"]: Faculty.objects.update_or_create(
            slug=f["slug"], defaults={"name": f["name"], "name_nl": f["name_nl"]}
        )[0]
        for f in demo_content.FACULTIES
    }
    themes = {
        t["slug"]: Theme.objects.update_or_create(
            slug=t["slug"], defaults={"name": t["name"], "name_nl": t["name_nl"]}
        )[0]
        for t in demo_content.THEMES
    }
    partners = {
        p["name"]: Partner.objects.update_or_create(
            name=p["name"], defaults={"kind": p["kind"], "website": p["website"]}
        )[0]
        for p in demo_content.PARTNERS
    }
    lecturers_by_faculty: dict[str, list] = {}
    lecturers_group = Group.objects.get(name=LECTURERS)
    for lecturer in demo_content.LECTURERS:
        user = demo_user(lecturer["email"], None, lecturer["first_name"], lecturer["last_name"])
        user.groups.add(lecturers_group)
        lecturers_by_faculty.setdefault(lecturer["faculty"], []).append(user)

    curated = max(
        faculties.values(),
        key=lambda f: sum(m["faculty"] == f.slug for m in demo_content.MODULES),
    )
    curated.portfolio_holders.add(portfolio_holder)

    for number, spec in enumerate(demo_content.MODULES):
        module, _ = Module.objects.update_or_create(
            slug=spec["slug"],
            defaults={
                **module_fields(spec),
                "title": spec["title"],
                "faculty": faculties[spec["faculty"]],
                "status": Module.Status.PUBLISHED,
                "published_by": portfolio_holder,
            },
        )
        if module.published_at is None:
            module.published_at = timezone.now()
            module.save(update_fields=["published_at"])
        module.themes.set([themes[slug] for slug in spec["themes"]])
        module.partners.set([partners[name] for name in spec["partners"]])
        if not module.runs.exists():
            rng = random.Random(spec["slug"])  # noqa: S311 - demo data, stable per module
            lecturers = lecturers_by_faculty.get(spec["faculty"]) or [
                user for users in lecturers_by_faculty.values() for user in users
            ]
            first_start = today + timedelta(days=10 + (number * 9) % 150)
            for edition in range(1 + (number % 3 != 0)):
                _create_run(
                    module,
                    start=first_start + timedelta(days=edition * 175),
                    session_count=spec["session_count"],
                    lecturers=lecturers,
                    rng=rng,
                    today=today,
                )
    add_synonyms_from_themes(themes.values())
    refresh_search_index()
    return DemoCatalogue(
        faculties=Faculty.objects.count(),
        themes=Theme.objects.count(),
        modules=Module.objects.count(),
        runs=ModuleRun.objects.count(),
        sessions=Session.objects.count(),
        curated_faculty=curated,
    )


def module_fields(spec: dict) -> dict:
    """A module's texts and facts from its demo_content entry."""
    return {
        **{name: spec[name] for name in DESCRIPTIVE_FIELDS},
        "ects": Decimal(spec["ects"]),
        "price": Decimal(spec["price"]),
    }


DESCRIPTIVE_FIELDS = (
    "summary", "description", "learning_outcomes", "target_audience", "entry_requirements",
    "language", "format", "study_load_hours", "level", "assessment", "awards_microcredential",
    "quality_assurance",
)  # fmt: skip


def _create_run(module, *, start: date, session_count: int, lecturers, rng, today) -> ModuleRun:
    start = start + timedelta(days=(3 - start.weekday()) % 7)  # meetings on Thursdays
    end = start + timedelta(weeks=session_count - 1)
    run = ModuleRun.objects.create(
        module=module,
        code=f"{start:%Y-%m}",
        start_date=start,
        end_date=end,
        enrolment_opens=min(today, start - timedelta(days=60)),
        enrolment_closes=start - timedelta(days=7),
        capacity=rng.choice([16, 20, 24, 25, 30]),
        location="" if module.format == Format.ONLINE else rng.choice(CAMPUS_ROOMS),
        status=ModuleRun.Status.OPEN
        if start - timedelta(days=7) >= today
        else ModuleRun.Status.CLOSED,
    )
    sessions = []
    for week in range(session_count):
        online = module.format == Format.ONLINE or (
            module.format == Format.BLENDED and 0 < week < session_count - 1
        )
        day = start + timedelta(weeks=week)
        begins, ends = (time(19, 0), time(21, 0)) if online else (time(13, 30), time(17, 0))
        sessions.append(
            Session(
                run=run,
                title=_session_title(week, session_count, module.language),
                starts_at=timezone.make_aware(datetime.combine(day, begins)),
                ends_at=timezone.make_aware(datetime.combine(day, ends)),
                mode=Session.Mode.ONLINE if online else Session.Mode.CAMPUS,
                location="" if online else run.location,
                online_url=f"https://meet.example.org/academy/{module.pk}-{run.code}"
                if online
                else "",
            )
        )
    Session.objects.bulk_create(sessions)
    contact_hours = sum((s.ends_at - s.starts_at).total_seconds() for s in sessions) / 3600
    chosen = rng.sample(lecturers, k=min(2, len(lecturers)))
    Teaching.objects.bulk_create(
        Teaching(
            run=run,
            lecturer=lecturer,
            role=Teaching.Role.COORDINATOR if index == 0 else Teaching.Role.LECTURER,
            contact_hours=Decimal(str(round(contact_hours * (0.6 if index == 0 else 0.4), 1))),
        )
        for index, lecturer in enumerate(chosen)
    )
    return run


def _session_title(week: int, count: int, language: str) -> str:
    if language == "nl":
        if week == 0:
            return "Startbijeenkomst"
        return "Afsluiting en presentaties" if week == count - 1 else f"Bijeenkomst {week + 1}"
    if week == 0:
        return "Kick-off"
    return "Closing session and presentations" if week == count - 1 else f"Session {week + 1}"


QUALIFIERS = [
    "in practice",
    "for the public sector",
    "for healthcare",
    "advanced",
    "for small businesses",
    "in the region",
    "masterclass",
    "for education",
]


def seed_bulk_modules(*, count: int, today: date | None = None, batch_size: int = 2000) -> int:
    """Many published modules with a run and sessions each, by bulk inserts (benchmarks)."""
    today = today or timezone.localdate()
    faculties = list(Faculty.objects.all())
    themes = list(Theme.objects.all())
    partners = list(Partner.objects.all())
    offset = Module.objects.filter(slug__startswith="generated-").count()
    rng = random.Random(offset)  # noqa: S311 - demo data
    created = 0
    while created < count:
        size = min(batch_size, count - created)
        with transaction.atomic():
            modules = []
            for index in range(offset + created, offset + created + size):
                spec = demo_content.MODULES[index % len(demo_content.MODULES)]
                qualifier = QUALIFIERS[(index // len(demo_content.MODULES)) % len(QUALIFIERS)]
                modules.append(
                    Module(
                        **module_fields(spec),
                        title=f"{spec['title']} {qualifier} ({index + 1})",
                        slug=f"generated-{index + 1}",
                        faculty=rng.choice(faculties),
                        status=Module.Status.PUBLISHED,
                        published_at=timezone.now(),
                    )
                )
            modules = Module.objects.bulk_create(modules)
            Module.themes.through.objects.bulk_create(
                Module.themes.through(module_id=module.pk, theme_id=theme.pk)
                for module in modules
                for theme in rng.sample(themes, k=rng.randint(1, 3))
            )
            Module.partners.through.objects.bulk_create(
                Module.partners.through(module_id=module.pk, partner_id=rng.choice(partners).pk)
                for module in modules
                if partners and rng.random() < 0.3
            )
            runs = ModuleRun.objects.bulk_create(
                ModuleRun(
                    module=module,
                    code="edition-1",
                    start_date=(start := today + timedelta(days=rng.randint(7, 360))),
                    end_date=start + timedelta(weeks=5),
                    capacity=25,
                    status=ModuleRun.Status.OPEN,
                )
                for module in modules
            )
            Session.objects.bulk_create(
                Session(
                    run=run,
                    title=f"Session {week + 1}",
                    starts_at=timezone.make_aware(
                        datetime.combine(run.start_date + timedelta(weeks=week), time(13, 30))
                    ),
                    ends_at=timezone.make_aware(
                        datetime.combine(run.start_date + timedelta(weeks=week), time(17, 0))
                    ),
                    mode=Session.Mode.CAMPUS,
                    location=CAMPUS_ROOMS[0],
                )
                for run in runs
                for week in range(2)
            )
            refresh_search_index(module_ids=[module.pk for module in modules])
        created += size
    return created
