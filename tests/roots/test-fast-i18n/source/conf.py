project = "Fast Gazette"
extensions = ["editions.sphinxext"]
language = "fr"
locale_dirs = ["../locale/"]
gettext_compact = False
gettext_uuid = False
gettext_allow_fuzzy_translations = False
html_theme = "furo"
rst_epilog = """
.. |paper| replace:: *The Gazette*
"""
