"""The module catalogue: faculties, themes, partners, modules, runs and sessions."""
