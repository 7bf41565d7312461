"""Microcredentials: achievements, results, issued credentials and their verification."""
