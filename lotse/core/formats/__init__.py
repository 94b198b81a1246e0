"""Project date formats (FORMAT_MODULE_PATH); a language without a module here keeps Django's."""
