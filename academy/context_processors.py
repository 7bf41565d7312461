from django.conf import settings


def site(request) -> dict:
    """What every page's frame shows about the Academy itself."""
    return {"contact_email": settings.ACADEMY_CONTACT_EMAIL}
