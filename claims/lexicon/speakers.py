"""Words that tell what kind of source a mention is: roles, organisations, groups, anonymous
sources, pronouns and determiners. All entries lower case."""

# Titles and roles that stand before a name, e.g. "Defence Minister Hossein Dehghan", "Sen. Ted Cruz".
ROLE_WORDS = frozenset(
    """
    adm admiral adviser advisor aide ambassador analyst anchor attorney author ayatollah
    bishop boss candidate capt captain ceo coach cfo chair chairman chairwoman chancellor chief cmdr
    co-founder colonel col columnist commander commissioner congressman congresswoman coo
    correspondent councillor councilman councilwoman counsel counterpart dean deputy diplomat
    director dr economist editor envoy executive expert founder front-runner frontrunner gen general
    gov governor head host imam inspector judge justice king leader lawmaker lawyer lieutenant lt
    manager marshal mayor member minister mr mrs ms miss nominee officer official partner pastor police
    pope premier president presenter prince princess prof professor prosecutor queen rabbi
    regulator rep representative researcher rev reverend secretary sen senator sergeant sgt
    sheikh sheriff sir speaker spokesman spokeswoman spokesperson strategist superintendent
    supervisor treasurer trustee vice-president vice
    """.split()
)

# Words that can be part of a role phrase without being a name, e.g. "Defence" in "Defence Minister".
ROLE_MODIFIERS = frozenset(
    """
    acting assistant associate chief deputy executive first foreign former general interim junior
    lead managing national prime principal second senior special state top vice
    defence defense finance interior justice health education energy trade labour labor
    commerce agriculture transport transportation treasury homeland security intelligence
    military economic political press communications campaign republican democratic democrat
    presidential supreme high-ranking outgoing incoming then late retired
    """.split()
)

# Title words that give a person's gender, e.g. "Mrs. May" -> female.
MALE_TITLES = frozenset("mr mr. sir king prince lord father brother sheikh".split())
FEMALE_TITLES = frozenset("mrs mrs. ms ms. miss madam queen princess lady dame sister".split())

# Heads that make a common-noun mention an anonymous source, e.g. "a senior Iranian official".
ANONYMOUS_HEADS = frozenset(
    """
    aide analyst author campaigner critic defender diplomat doctor economist expert eyewitness
    insider investigator lawyer observer official operative person physician resident scientist
    source spokesman spokesperson spokeswoman staffer strategist supporter witness adviser advisor
    officer employee worker member activist veteran voter
    """.split()
)

# Plural heads that make a mention a group, e.g. "US officials", "Republican lawmakers".
GROUP_HEADS = frozenset(
    """
    activists advisers advisors aides analysts authorities campaigners critics democrats
    demonstrators diplomats doctors economists experts investigators insiders lawmakers leaders
    legislators members militants observers officials opponents organizers organisers
    people police politicians protesters protestors prosecutors rebels republicans researchers
    residents scientists senators sources spokesmen supporters voters witnesses workers
    conservatives liberals progressives americans residents parents students teachers scholars
    forces troops officers staffers strategists allies percent respondents
    farmers executives employees nurses lawyers attorneys consumers citizens owners fans
    """.split()
)

# Plural heads that stay anonymous rather than group when they carry no affiliation, e.g. "sources said".
ANONYMOUS_PLURALS = frozenset("sources insiders people witnesses officials".split())

# Words that make a capitalised phrase an organisation, e.g. "Iraq's Ministry of Defence".
ORG_WORDS = frozenset(
    """
    administration agency airlines army assembly association authority bank board bureau holdings
    cabinet campaign center centre church coalition college command commission committee company
    congress corp corporation council court department embassy federation forces foundation fund
    government group guard house inc institute institution league ltd media ministry movement
    navy network news office organisation organization parliament party police post press
    project regime senate service society times tribune union university white journal herald
    gazette telegraph guardian review magazine channel radio television tv observatory
    nations force agency corps unit brigade militia team
    """.split()
)

# Acronym-like and one-word organisations news cites, e.g. "Reuters", "Pentagon".
KNOWN_ORGS = frozenset(
    """
    reuters afp ap bbc cnn nbc abc cbs fox msnbc npr pbs pentagon kremlin nato isis isil
    hamas hezbollah taliban fbi cia nsa un eu who imf opec irna tasnim xinhua politico axios
    breitbart gop
    """.split()
)

# Personal pronouns that can be a speaker, with the kinds of antecedent they agree with.
PRONOUNS = {
    "he": "male",
    "she": "female",
    "they": "plural",
    "it": "neuter",
    "we": "plural",
    "i": "first",
    "his": "male",  # possessives own a nominal claim: "his claim that ..."
    "her": "female",
    "their": "plural",
    "its": "neuter",
    "who": "relative",  # "McConnell, who said ..." names its antecedent
}

# Determiners and quantifiers that open a common-noun mention, e.g. "another source", "two officials".
DETERMINERS = frozenset(
    """
    a an another any both each every few her his its many more most one other several some such
    that the their these this those three two four five six seven eight nine ten dozens
    numerous multiple our my your
    """.split()
)

# Quantifiers that stand alone as a group of sources, e.g. "Some say …", "…, others said".
QUANTIFIER_SOURCES = frozenset("another both few many most one others several some".split())

# Shares of a polled group that speak for it, e.g. "Nearly half said", "a majority say".
SHARE_SOURCES = frozenset("half majority majorities minority plurality third thirds quarter".split())

# Number words that count a share "in" another, e.g. "one in five say", "three in 10 said".
SHARE_NUMBERS = frozenset("one two three four five six seven eight nine ten".split())

# Words that hedge a share or a count before it, e.g. "nearly half", "more than six in 10".
SHARE_HEDGES = frozenset("about almost around nearly roughly some just only over under".split())

# The endings of a possessive: "Romney's", "Iran’s".
POSSESSIVE_ENDINGS = ("’s", "'s")

# Participles that close a description of poll respondents, e.g. "those surveyed said".
RESPONDENT_PARTICIPLES = frozenset("asked interviewed polled questioned sampled surveyed".split())

# Adjectives that often stand inside a source description, e.g. "a senior administration official".
SOURCE_ADJECTIVES = frozenset(
    """
    anonymous administration campaign close current familiar federal foreign former high-level
    high-ranking independent informed knowledgeable local military other outside police
    regional second security senior state top unnamed western white government intelligence
    u.s. american party diplomatic european
    """.split()
)

# Words between a source's head and the phrase that says how it knows, e.g. "people familiar with
# the plan", "officials briefed on the talks": such a source speaks without a name.
SOURCE_POSTMODIFIERS = frozenset("familiar close knowledgeable briefed involved privy aware".split())
# What marks a plural source as unnamed rather than a group: a postmodifier, or "with knowledge of".
ACQUAINTANCE_WORDS = SOURCE_POSTMODIFIERS | {"knowledge"}

# Prepositions that may continue a source description, e.g. "a spokesperson for HMRC".
SOURCE_PREPOSITIONS = frozenset("at close for from familiar in of on to with within".split())

# Leading words that may stand before a subject at the start of a sentence, e.g. "Earlier, ...".
# Conjunctions that open a subordinate clause, e.g. "While Sanders spoke": never part of a name.
SUBORDINATORS = frozenset("while when after although though because since before unless until if as once whereas".split())
# Words that open a clause with a subject of its own, before its cue: "…, though she acknowledged".
CLAUSE_LINKS = frozenset("after although and as because but since though when whereas while".split())
# The clause links that, opening a sentence, put their clause before the main one: it ends at a comma.
LEADING_LINKS = CLAUSE_LINKS - {"and", "but"}

SENTENCE_OPENERS = frozenset(
    """
    again also and but earlier however later meanwhile moreover separately so still then yet
    previously now instead finally additionally indeed overall today yesterday last even
    """.split()
) | SUBORDINATORS
