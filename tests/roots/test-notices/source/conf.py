project = "Notice Gazette"
extensions = ["editions.sphinxext"]
language = "en"
locale_dirs = ["../locale/"]
gettext_compact = False
gettext_uuid = False
html_theme = "furo"
