"""Reporting cues: the verbs and phrases that introduce a quote or a reported claim.

Grown from PARC-style reporting verbs and the cue words annotated in news corpora; false friends
(`address`, `provide`, and `believe` as a main cue) are left out on purpose: a belief is only a
claim when a source reports it (`officials say they believe ...`).
"""

# Base verbs whose every inflection is a speech or report cue, e.g. "warn" -> warn/warns/warned/warning.
# Irregular forms are listed in CUE_IRREGULAR; spelling of regular forms is derived in patterns.py.
CUE_VERBS = frozenset(
    """
    accuse acknowledge add admit blame continue criticize criticise praise slam advise affirm allege announce argue ask assert assure
    blast boast brag call caution cite claim complain concede conclude confirm contend
    declare decry demand deny describe disclose dismiss dispute emphasize emphasise estimate
    exclaim explain forecast imply indicate insist joke lament maintain mention note observe pledge
    predict proclaim promise propose quip recall recount reiterate
    repeat reply report respond retort reveal scoff shout sigh speculate stress
    suggest swear testify tweet urge vow warn wonder write yell
    """.split()
)

# Cue verbs that are more often nouns in their bare and -s forms ("the state", "Editor's note",
# "took questions"): only their -ed and -ing forms are cues, e.g. "stated", "questioning".
CUE_NOUN_LIKE = frozenset(
    """
    answer brand charge comment counter label object point protest question remark signal snap state
    """.split()
)

# Cues that can come before their speaker after a comma: `"…," said Dehghan` / `…, added the minister`.
CUE_INVERTIBLE = frozenset(
    """
    add added adds answered argued asked asks conceded concluded continued continues declared explained
    explains insisted joked noted notes observed quipped recalled remarked replied responded said says
    stated tweeted warned wrote writes told according
    """.split()
)

# Irregular inflections, e.g. "say" -> said.
CUE_IRREGULAR = frozenset(
    """
    say says said saying tell tells told telling write writes wrote written writing
    swear swears swore sworn swearing forecast forecasts forecasting
    """.split()
)

# Multi-word cues that work as one unit, e.g. "told reporters", "was quoted as saying".
CUE_PHRASES = frozenset(
    line.strip()
    for line in """
    according to
    was quoted as saying
    were quoted as saying
    is quoted as saying
    went on to say
    pointed out
    points out
    point out
    called for
    calls for
    call for
    called on
    calls on
    """.strip().splitlines()
)

# Words that may stand between the subject and the cue without breaking it, e.g. "has also said".
CUE_AUXILIARIES = frozenset(
    """
    again also already earlier had has have later often once previously publicly
    quickly recently repeatedly reportedly separately then would will further
    simply flatly now still long just
    """.split()
)

# Lower-case words ending in -ly that are nouns or adjectives, not adverbs of the saying, so they end a
# speaker phrase rather than stand between it and its cue ("the family said", not "boldly said").
NOT_ADVERBS = frozenset(
    """
    ally anomaly assembly belly bully butterfly daily family fly folly homily jelly lily monopoly
    monthly only quarterly rally reply supply weekly yearly
    """.split()
)

# Cue verbs that take an object of hearers before the content, e.g. "told Reuters that ...",
# "asked the mayor whether ...".
CUE_WITH_HEARER = frozenset(
    "ask asked asking asks assure assured assures remind reminded tell telling tells told warn warned warns".split()
)

# Cues that report a claim rather than speech proper are still claims; this marks the ones that
# introduce an object rather than a clause, e.g. "described X as Y", "blasted X as Y".
CUE_OBJECT_AS = frozenset(
    "described describes blasted blasts called calls dismissed dismisses branded brands labeled labelled".split()
)

# Verbs of belief that, after a speech cue, stay inside the claim: "US officials say they believe ...".
BELIEF_VERBS = frozenset("believe believes believed think thinks thought expect expects expected fear fears feared".split())

# Cues that attribute only a quote next to them (`"…," she continued`); in reported speech they are
# ordinary verbs ("supporters continue to show ...").
# Nouns that name a claim, with its owner before and `that` after: "his claim that …", "Trump's warning
# that …". Countable ones also match in the plural; the mass nouns only as written.
CLAIM_NOUNS = tuple(
    "claim assertion statement argument warning promise pledge suggestion allegation accusation vow boast charge"
    " prediction".split()
)
CLAIM_NOUNS_MASS = ("insistence", "contention")

CUE_QUOTE_ONLY = frozenset("continue continued continues continuing".split())

# Words after "call" that make it a phone call or a visit, not speech: "called into the show".
CALL_PARTICLES = frozenset("into in up back out off at to from over around".split())
