"""Input limits shared by the loader and the batch runners (a module of its own: cheap to import)."""

DEFAULT_MAX_BYTES = 2 * 1024 * 1024
DEFAULT_MAX_DEPTH = 64
