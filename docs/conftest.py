"""pytest: docs/conf.py is Sphinx configuration, not a test module (it imports nothing of sphinx, but a
doctest run of it would only re-import hardverify); the generators are run by their own tests."""

collect_ignore = ["conf.py"]
