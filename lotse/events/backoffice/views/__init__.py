"""Back-office views, one module per screen group (see ../urls.py)."""
