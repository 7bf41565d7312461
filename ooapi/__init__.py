"""Open Education API (OOAPI v5): the catalogue as RIO and eduXchange read it."""
