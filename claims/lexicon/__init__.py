"""Data-only word tables the patterns are built from: one module per family."""
