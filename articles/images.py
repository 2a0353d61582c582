"""Import path kept for migration 0001, which names this validator."""

from articles.pictures.validation import validate_image_file

__all__ = ["validate_image_file"]
