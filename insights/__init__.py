"""Insight across the portal for the academy office, the ambassador and portfolio holders:
it reads every app below through queries and writes nothing."""
