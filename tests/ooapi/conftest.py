"""The institution's OOAPI settings for every test here, and how tests register modules
for RIO and eduXchange (the demo's in tests/ooapi/demo)."""

import pytest

OFFERER = "110A133"
LOCATION = "123X456"


@pytest.fixture(autouse=True)
def _institution(settings):
    settings.OOAPI_EDUCATION_OFFERER_CODE = OFFERER
    settings.OOAPI_EDUCATION_LOCATION_CODE = LOCATION
    settings.SITE_URL = "https://academy.example.org"
    settings.OOAPI_PUBLIC = True
    settings.OOAPI_RATE_LIMIT = "100000/m"
    settings.OOAPI_RATE_LIMIT_ANONYMOUS = "100000/m"


def register_modules(modules) -> None:
    from ooapi.models import ModuleRegistration, RioRoute

    routes = [RioRoute.COURSE, RioRoute.PRIVATE_PROGRAM, RioRoute.NONE]
    ModuleRegistration.objects.bulk_create(
        [
            ModuleRegistration(
                module=module,
                rio_route=routes[index % 3],
                isced_field_of_study="0413" if index % 4 == 0 else "",
                eduxchange_listed=index % 2 == 0,
            )
            for index, module in enumerate(modules)
        ]
    )
