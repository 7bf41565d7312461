"""How English pages write dates: day, month, year, as people in Europe read them (Django's
"en" writes US dates, "Dec. 17, 2026" and 12/17/2026). FORMAT_MODULE_PATH points here.

Besides Django's own names, the site's templates and code ask for a few more through
academy.formats (the `local_date` filter, `local_date_format`); each language defines them.
"""

DATE_FORMAT = "j F Y"  # 17 December 2026
SHORT_DATE_FORMAT = "j M Y"  # 17 Dec 2026
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
FIRST_DAY_OF_WEEK = 1  # Monday

# The first is how a date field shows its value (the admin's too); all are accepted.
DATE_INPUT_FORMATS = [
    "%d-%m-%Y",  # 17-12-2026
    "%Y-%m-%d",  # 2026-12-17
    "%d/%m/%Y",
    "%d-%m-%y",
    "%d/%m/%y",
    "%d %b %Y",  # 17 Dec 2026
    "%d %B %Y",  # 17 December 2026
]
DATETIME_INPUT_FORMATS = [
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
]

# The site's own (academy.formats).
SHORT_MONTH_FORMAT = "M"  # Dec
SHORT_YEAR_MONTH_FORMAT = "M Y"  # Dec 2026
WEEKDAY_DATE_FORMAT = "D j M Y"  # Thu 17 Dec 2026
WEEKDAY_DATETIME_FORMAT = "D j M Y, H:i"  # Thu 17 Dec 2026, 19:00
WEEKDAY_DAY_TIME_FORMAT = "D j M, H:i"  # Thu 17 Dec, 19:00
