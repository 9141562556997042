"""The claim kinds, tried in this order around each number (first match wins).

Money and percent come first because their marks are unambiguous; rate before quantity because
"80,000 barrels a day" is a rate (GUIDELINE); count is the fallback for any remaining number.
"""

from claims_api.extract.kinds import count, duration, money, ordinal, percent, quantity, rate

KINDS = (money, percent, rate, quantity, duration, ordinal, count)
