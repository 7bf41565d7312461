"""How Dutch pages write dates: month names in lower case, as Dutch writes them ("17 dec
2026", "17 december 2026"); Django's "M" would capitalise them ("17 Dec"), its "N" does not.
What is not here comes from Django's own Dutch formats (e.g. DATE_INPUT_FORMATS, d-m-Y).
"""

DATE_FORMAT = "j F Y"  # 17 december 2026
SHORT_DATE_FORMAT = "j N Y"  # 17 dec 2026
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "j N Y, H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
FIRST_DAY_OF_WEEK = 1  # maandag

# The site's own (academy.formats).
SHORT_MONTH_FORMAT = "N"  # dec
SHORT_YEAR_MONTH_FORMAT = "N Y"  # dec 2026
WEEKDAY_DATE_FORMAT = "D j N Y"  # do 17 dec 2026
WEEKDAY_DATETIME_FORMAT = "D j N Y, H:i"  # do 17 dec 2026, 19:00
WEEKDAY_DAY_TIME_FORMAT = "D j N, H:i"  # do 17 dec, 19:00
