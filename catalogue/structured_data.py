"""schema.org `Course` JSON-LD for a module page, so search engines list its runs."""

import json

from django.conf import settings

from catalogue.models import Format, Module, Session

COURSE_MODE = {Format.ONLINE: "online", Format.CAMPUS: "onsite", Format.BLENDED: "blended"}


def course_json_ld(module: Module, *, url: str, rating=None) -> str:
    """`rating`, when given, has `overall` (1 to 5) and `answered`: participants' evaluations."""
    provider = {
        "@type": "CollegeOrUniversity",
        "name": f"Academy · {module.faculty.local_name}",
        "url": settings.SITE_URL + "/",
    }
    course = {
        "@context": "https://schema.org",
        "@type": "Course",
        "@id": url,
        "url": url,
        "name": module.title,
        "description": module.summary,
        "provider": provider,
        "inLanguage": module.language,
        "teaches": list(module.learning_outcomes),
        "coursePrerequisites": module.entry_requirements or None,
        "educationalLevel": f"EQF {module.level}" if module.level else None,
        "about": [theme.local_name for theme in module.themes.all()],
        "timeRequired": f"PT{module.study_load_hours}H" if module.study_load_hours else None,
        "numberOfCredits": (
            {"@type": "StructuredValue", "value": float(module.ects), "unitText": "ECTS"}
            if module.ects
            else None
        ),
        "educationalCredentialAwarded": (
            {"@type": "EducationalOccupationalCredential", "credentialCategory": "Microcredential"}
            if module.awards_microcredential
            else None
        ),
        "offers": {
            "@type": "Offer",
            "category": "Paid",
            "price": f"{module.price:.2f}",
            "priceCurrency": "EUR",
        },
        "hasCourseInstance": [_course_instance(module, run) for run in module.upcoming_runs],
        "aggregateRating": (
            {
                "@type": "AggregateRating",
                "ratingValue": rating.overall,
                "ratingCount": rating.answered,
                "bestRating": 5,
                "worstRating": 1,
            }
            if rating is not None
            else None
        ),
    }
    data = {key: value for key, value in course.items() if value not in (None, [], "")}
    # Escape as json_script does, so no text can close the <script> element.
    return (
        json.dumps(data, ensure_ascii=False)
        .replace("<", "\\u003C")
        .replace(">", "\\u003E")
        .replace("&", "\\u0026")
    )


def _course_instance(module: Module, run) -> dict:
    sessions = list(run.sessions.all())
    instance = {
        "@type": "CourseInstance",
        "name": f"{module.title} ({run.code})",
        "courseMode": COURSE_MODE.get(module.format, "blended"),
        "startDate": run.start_date.isoformat(),
        "endDate": run.end_date.isoformat(),
        "offers": {
            "@type": "Offer",
            "price": f"{run.price:.2f}",
            "priceCurrency": "EUR",
            "availability": "https://schema.org/InStock"
            if run.seats_left
            else "https://schema.org/SoldOut",
        },
        "instructor": [
            {"@type": "Person", "name": teaching.lecturer.get_full_name()}
            for teaching in run.teachings.all()
        ],
    }
    if run.location or any(s.mode == Session.Mode.CAMPUS for s in sessions):
        instance["location"] = {"@type": "Place", "name": run.location or module.faculty.local_name}
    if module.study_load_hours:
        instance["courseWorkload"] = f"PT{module.study_load_hours}H"
    return instance
