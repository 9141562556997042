"""One base error for the package and a subclass per failure."""


class ClaimsError(Exception):
    """Base class of every error claims_api raises on purpose."""


class InputError(ClaimsError, TypeError):
    """The text given to the extractor is not a str."""


class TooManyClaims(ClaimsError, ValueError):
    """The text holds more figures than the caller allows (``extract(max_claims=...)``)."""


class StoreError(ClaimsError):
    """The store could not complete an operation."""
