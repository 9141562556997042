"""Word tables the rules read: place names and demonyms, measured things, change verbs, cues.

Kept as data so a rule's behaviour can be extended without touching its logic. Sources: the
seed articles and ordinary English newswire usage; extend with examples in the rule's tests.
"""

from __future__ import annotations

#: Country names, abbreviations and demonyms -> one name (lower-case keys).
PLACES: dict[str, str] = {}
for _name, _forms in {
    "Peru": "peru peruvian peruvians perú",
    "China": "china chinese prc",
    "United States": "us u.s. usa u.s.a. america american americans washington",
    "Brazil": "brazil brazilian brazilians",
    "Argentina": "argentina argentine argentines argentinian argentinians",
    "Chile": "chile chilean chileans",
    "Bolivia": "bolivia bolivian bolivians",
    "Ecuador": "ecuador ecuadorian ecuadorians",
    "Colombia": "colombia colombian colombians",
    "Venezuela": "venezuela venezuelan venezuelans",
    "Mexico": "mexico mexican mexicans",
    "Canada": "canada canadian canadians",
    "United Kingdom": "uk u.k. britain british",
    "France": "france french",
    "Germany": "germany german germans",
    "Spain": "spain spanish",
    "Italy": "italy italian italians",
    "Russia": "russia russian russians",
    "Ukraine": "ukraine ukrainian ukrainians",
    "India": "india indian indians",
    "Japan": "japan japanese",
    "European Union": "eu",
}.items():
    for _form in _forms.split():
        PLACES[_form] = _name

#: Multi-word place names, matched before single words.
PLACE_PHRASES: dict[str, str] = {
    "united states": "United States",
    "united kingdom": "United Kingdom",
    "european union": "European Union",
}

#: Capitalised words that are not names (sentence openers, months, days, titles).
NOT_NAMES = frozenset(
    """a an the this that these those it its he she they we i you his her their our in on at of for
    from to by with as and but or nor so yet since while when where after before during until
    meanwhile however nonetheless moreover also additionally according among under over about
    there here what which who whom whose why how if then than all some many most more less few
    each every both either neither no not only just even still already according
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    mr mrs ms dr president minister prime former new first second third last next
    facebook twitter instagram youtube share related""".split()
)

#: Words naming what a figure measures -> a lemma (invest/investment/invested -> invest).
MEASURES: dict[str, str] = {}
for _lemma, _forms in {
    "invest": "invest invests invested investing investment investments fdi",
    "spend": "spend spends spending spent expenditure expenditures outlay outlays",
    "fund": "fund funds funded funding financing financed finance",
    "cost": "cost costs costing costed price prices priced",
    "budget": "budget budgets",
    "salary": "salary salaries wage wages earnings",
    "debt": "debt debts",
    "loan": "loan loans lending",
    "aid": "aid",
    "revenue": "revenue revenues",
    "profit": "profit profits",
    "sales": "sales",
    "export": "export exports exported",
    "import": "import imports imported",
    "trade": "trade",
    "gdp": "gdp",
    "tax": "tax taxes",
    "deficit": "deficit deficits",
    "death": "dead death deaths died die dies dying killed kill kills killing killings fatalities",
    "homicide": "homicide homicides murder murders murdered",
    "injury": "injured injuries injury wounded",
    "arrest": "arrested arrests detained detentions",
    "vote": "vote votes voted",
    "candidate": "candidate candidates",
    "party": "party parties",
    "approval": "approval",
    "disapproval": "disapproval",
    "popularity": "popularity",
    "poverty": "poverty poor",
    "unemployment": "unemployment unemployed jobless",
    "inflation": "inflation",
    "growth": "growth",
    "turnout": "turnout",
    "population": "population inhabitants",
}.items():
    for _form in _forms.split():
        MEASURES[_form] = _lemma

#: Counted nouns too general to name the thing on their own ("60 people have died").
GENERIC_NOUNS = frozenset("people persons person individuals others residents citizens civilians".split())

#: Change verbs: direction +1 (up) or -1 (down).
CHANGE_VERBS: dict[str, int] = {}
for _dir, _forms in {
    1: """rise rises rose risen rising increase increases increased increasing grow grows grew grown
       growing climb climbs climbed climbing jump jumps jumped jumping surge surges surged surging
       soar soars soared soaring up gain gains gained gaining expand expanded""",
    -1: """fall falls fell fallen falling drop drops dropped dropping decline declines declined
        declining decrease decreases decreased decreasing slip slips slipped slipping plunge
        plunges plunged plunging tumble tumbled sink sank sunk shrink shrank shrunk shrinking down
        cut cuts reduced reduce lose lost slump slumped""",
}.items():
    for _form in _forms.split():
        CHANGE_VERBS[_form] = _dir

#: Multipliers: "doubled from A to B" needs B = 2A.
MULTIPLIERS: dict[str, float] = {
    "doubled": 2.0,
    "doubling": 2.0,
    "tripled": 3.0,
    "trebled": 3.0,
    "tripling": 3.0,
    "quadrupled": 4.0,
    "halved": 0.5,
    "halving": 0.5,
}

#: Words saying a figure is the total of the items around it.
TOTAL_CUES = frozenset("total totals totaling totalling totalled totaled altogether overall combined".split())
#: Words introducing the items of a total stated just before.
PART_CUES = frozenset("include includes including included comprise comprises comprising".split())
#: Words saying shares are parts of one whole (so together they must not exceed 100).
SPLIT_CUES = frozenset("split divided shared financed owned stake stakes rest remaining remainder".split())
#: Verbs saying the figures divide the whole between them (so they must reach 100).
SPLIT_VERBS = frozenset("split splits splitting divided divides dividing".split())
#: Words that, right before a share, make it the remainder of the whole ("the remaining 30%").
REMAINDER_WORDS = frozenset("remaining remainder rest other".split())
#: Words that name a whole only financiers or owners split in full ("financed ... 60% and 40% respectively").
OWNERSHIP_CUES = frozenset("financed funded owned stake stakes shared".split())
#: Words of polls and of a part left out of the figures (undecided, blank votes): shares there may fall
#: short of 100 even when the sentence says the whole is split.
LEFT_OUT_CUES = frozenset(
    """poll polls polled survey surveys surveyed respondents voters vote votes ballot ballots support
    backing backed undecided unsure others abstain abstained abstention blank spoil spoiled none
    neither""".split()
)

#: Lemmas one rate and one total may share: "six crimes per day" and "444 victims" count alike.
RELATED_MEASURES: tuple[frozenset[str], ...] = (
    frozenset("homicide death victim murder crime killing".split()),
    frozenset("injury wounded".split()),
)

#: Words saying a figure is planned, wanted or foreseen, not what happened ("the target of 300,000 a
#: year", "pledged 1.5 million homes", "expects to fix 30,000"): such a figure is checked only against
#: another planned one.
PLAN_CUES = frozenset(
    """target targets targeted targeting aim aims aimed aiming goal goals objective objectives need
    needs needed should would could will might must plan plans planned planning pledge pledges pledged
    promise promises promised forecast forecasts forecasted forecasting projected projection
    projections project projects expect expects expected expecting intend intends intended hope
    hopes hoped want wants wanted ambition commitment committed vowed vows budgeted envisaged""".split()
)
