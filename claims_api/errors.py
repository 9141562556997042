"""One base error for the package and a subclass per failure."""


class ClaimsError(Exception):
    """Base class of every error claims_api raises on purpose."""


class InputError(ClaimsError, TypeError):
    """The text given to the extractor is not a str."""


class TooManyClaims(ClaimsError, ValueError):
    """The text holds more figures than the caller allows (``extract(max_claims=...)``)."""


class StoreError(ClaimsError):
    """The store could not complete an operation."""


class UnsupportedLanguage(ClaimsError, ValueError):
    """The text is in a language the extractor does not read (its figures would come out wrong).

    ``language`` is the ISO 639-1 code detected (or given), ``confidence`` the detector's
    probability (None when the caller named the language), ``supported`` the codes read."""

    def __init__(
        self, language: str, confidence: float | None, supported: list[str], *, given: bool = False
    ) -> None:
        self.language, self.confidence, self.given = language, confidence, given
        self.supported = list(supported)
        how = "given as" if given or confidence is None else f"detected with confidence {confidence:.2f} as"
        super().__init__(
            f"the text is {how} {language!r}; the extractor reads only {', '.join(self.supported)}"
        )
