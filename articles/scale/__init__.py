"""Staying fast as the archive grows: admin lists, counts, warm workers."""
