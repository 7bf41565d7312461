"""The people app: accounts, employers and their staff, invitations, the audit trail, and
what every app shares (errors, emails, spreadsheets, PDFs, rate limits)."""
