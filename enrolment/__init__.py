"""Enrolment: enrolments, cohorts, waiting lists, orders, attendance and reminders."""
