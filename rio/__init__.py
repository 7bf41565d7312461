"""Telling RIO: upsert jobs at SURF's RIO mapper for modules with a RIO route."""
