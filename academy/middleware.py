"""Middleware of the portal's own."""

import re

# Pages and files that show a person's data: My learning and the personal-data export
# (/me/), the employer portal, the teaching pages, the account pages, invitations, a
# certificate and the admin. No browser or proxy may keep a copy of them, so that a shared
# computer's cache or a company proxy holds nothing personal once the page is closed.
PRIVATE_PATHS = re.compile(
    r"^/(?:me|employer|teaching|accounts|invitations|admin|insights|evaluations|interest)/"
    r"|^/credentials/[0-9a-f-]+\.pdf$"
)
PRIVATE_CACHE_CONTROL = "private, no-store"


class PrivatePagesMiddleware:
    """Send `Cache-Control: private, no-store` with every page of PRIVATE_PATHS.

    The header replaces whatever the view set (an invoice's `private, max-age=3600`): what
    matters here is the path, not the view. The public catalogue keeps its own caching.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if PRIVATE_PATHS.match(request.path_info):
            cache_control = {
                part.strip().split("=")[0].lower()
                for part in response.get("Cache-Control", "").split(",")
            }
            if not {"private", "no-store"} <= cache_control:
                response["Cache-Control"] = PRIVATE_CACHE_CONTROL
        return response
