"""English dates as the portal writes them: "15 November 2025" (Django's own: "Nov. 15, 2025"
and "11/15/2025"). German keeps Django's formats ("15. November 2025", "15.11.2025",
"15.11.2025 14:30")."""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j F Y"
SHORT_DATETIME_FORMAT = "j F Y, H:i"
