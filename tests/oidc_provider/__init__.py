"""A real OpenID Connect provider for the institutional-login tests: django-oauth-toolkit
with OIDC on (RS256), run by the test suite as a Django project of its own in a second
process, on its own SQLite database. It stands in for SURFconext and eduID; nothing of it
is installed in the portal (see server.py for how tests start it)."""
