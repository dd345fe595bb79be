"""Builders of real test files (PDFs made with fpdf2), shared by many tests."""
