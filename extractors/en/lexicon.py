"""Word tables for the English quota rules: each compiled pattern names the wording it covers.

Every table maps a value to one pattern; ``mentions`` finds them in a sentence.
Patterns are flat alternations (no nested quantifiers over the same characters), so they
stay linear on long inputs.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

# A sentence worth reading at all: "quota(s)", "allocation", "production cap", "output
# limitation", "control indicators" / "control index" (translations of 总量控制指标), "total
# amount control", "main (mining, comprehensive utilization) indicators" (主采指标, 综合利用指标),
# "mining cap", "a ceiling on output", "output is capped at", "is set at",
# "cap (set) the total output of", "limit its total output of rare earth oxides at", "capped
# antimony concentrate and tungsten concentrate output for 2009 at", "allotted 14,446 t",
# "(exporters) will be allowed to sell (export)"; "cut the licence by 3% to" (a licence of a
# volume: the export licence); "tonnes of export license" (the export quota, in Japanese
# trade papers; export quotas ended in 2015, so the licences of later export controls are
# never taken for one: see EXPORT_YEARS).
QUOTA_WORD = re.compile(
    r"\bquotas?\b|\ballocations?\b|\ballotments?\b"
    r"|\b(?:production|output|mining|smelting|extraction)\s+(?:caps?|ceilings?|limits?|limitations?"
    r"|targets?|plans?)\b"
    r"|\b(?:(?:the|its)\s+20[0-3]\d|mandatory|production)\s+plan\s+for\s+(?:[\w-]+\s+){0,3}?(?:mine|mined)"
    r"\s+products?\b"
    r"|\btotal[\s-](?:quantity|volume|amount)\s+control\b|\b(?:control|main|mining|exploitation"
    r"|utili[sz]ation)\s+(?:indicators?|ind(?:ex|exes|ices)|targets?)\b|\b(?:ceiling|cap|limit)\s+on\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:output|production|mining)(?:\s+(?:output|production))?\b"
    r"|\b(?:output|production|mining)(?:\s+of\s+(?:[\w-]+\s+){0,2}?[\w-]+)?\s+(?:is|was|are|were"
    r"|will\s+be|has\s+been|had\s+been)\s+"
    r"(?:capped|limited|restricted|controlled|set|fixed)\b"
    r"|\b(?:is|was|are|were|been|be)\s+(?:set|capped|fixed)\s+at\b"
    r"|\b(?:cap|set)(?:s|ped|ping|ting)?\s+(?:the\s+|its\s+)?(?:total\s+)?(?:output|production"
    r"|mining)\b|\b(?:allott?ed|allocated)\s+(?:a\s+total\s+of\s+|about\s+|around\s+)?\d"
    r"|\ballow(?:s|ed|ing)?\b[^.;]{0,60}?\bto\s+(?:export|sell|ship|extract|mine)\b"
    # (one alternative opening on a word boundary and its first letter, so that the two
    # look-behinds are tried only where a verb may start, not at every character)
    r"|\b(?=[clr])(?<!\bit\s)(?<!\bthey\s)(?:cap(?:s|ped)?|limit(?:s|ed)?|restrict(?:s|ed)?)\s+"
    r"(?:(?:the\s+|China['’]s\s+)?(?:[\w'’-]+\s+){1,6}?(?:output|production)"
    r"(?:\s+(?:of|for)(?:\s+[\w'’-]+){1,4}?)?"
    r"|(?:[\w'’-]+\s+){0,3}?exports(?:\s+of(?:\s+[\w'’-]+){1,3}?)?)\s+(?:at|to)\b"
    r"|\ballow(?:s|ed|ing)?\s+(?:the\s+)?(?:mining|smelting|production|output|exports?)\s+of\b"
    r"|\bexport\s+licen[cs]es?\b(?!\s+(?:applications?|requirements?|regime|system|controls?"
    r"|approvals?))|\bEL\s+quotas?\b"
    r"|\b(?:cut|reduc(?:e|es|ed|ing)|lower(?:s|ed)?|rais(?:e|es|ed)|increas(?:e|es|ed)|trimm(?:ed)?"
    r"|slash(?:es|ed)?)\s+(?:the|its)\s+licen[cs]es?\s+(?:by|to)\s+(?:about\s+|around\s+|nearly\s+)?\d",
    _I,
)

# The years export quotas were set (MOFCOM, until 2015).
EXPORT_YEARS = range(1999, 2016)

# Our commodities; "other" is any commodity whose quota we must not take for ours.
COMMODITY: dict[str, re.Pattern[str]] = {
    # "rare earth", "rare-earths", "REO", "TREO", "rare earth oxide", "REEs"; the "uncommon
    # earths" / "unusual earths" of machine-spun rewrites
    "rare_earth": re.compile(
        r"\brare[\s-]earths?\b|\bT?REO\b|\bREEs?\b|\b(?:uncommon|unusual)\s+earths?\b", _I
    ),
    # "tungsten", "tungsten concentrate", "WO3"
    "tungsten": re.compile(r"\btungsten\b|\bWO3\b|\bwolfram\w*", _I),
    # "antimony"
    "antimony": re.compile(r"\bantimony\b", _I),
}
# Other goods with quotas or tonnages, whose quota we must not take for ours: "graphite",
# "coal", "steel", "fishing quota", ... (words, matched whole and in any case; "iron ore" is
# "iron" followed by "ore").
OTHER_COMMODITIES = frozenset(
    (
        "graphite", "gallium", "germanium", "coal", "steel", "iron", "crude", "oil", "fluorspar",
        "fluorite", "phosphate", "phosphates", "molybdenum", "tin", "lithium", "cobalt", "nickel",
        "copper", "aluminum", "aluminium", "zinc", "gold", "silver", "vanadium", "indium",
        "magnesium", "fertiliser", "fertilisers", "fertilizer", "fertilizers", "urea", "grain",
        "wheat", "corn", "maize", "rice", "soybean", "soybeans", "cotton", "sugar", "pork", "fish",
        "fishing", "carbon", "emission", "emissions", "polysilicon", "cement", "scrap",
    )
)  # fmt: skip
# Quota types; "smelting and separation" must win over the single words, so it comes first.
QUOTA_TYPE: dict[str, re.Pattern[str]] = {
    # "smelting and separation", "separation and smelting", "smelting & separation",
    # "smelting/separation", "smelting separation", "smelting", "separation", "refining", and
    # the "melting" of machine translations
    "smelting_separation": re.compile(
        r"\b(?:smelting|separation|separating|refining|melting)"
        r"(?:\s*(?:and|&|/|-)?\s*(?:smelting|separation|separating|refining))?\b",
        _I,
    ),
    # "mining", "mine products" (MIIT's old plan), "mined products", "extraction",
    # "exploration" (SMM's word); not "mining stocks", "the mining belt", "mining companies"
    "mining": re.compile(
        r"\bmining\b(?!\s+(?:stocks?|shares?|markets?|belt|compan(?:y|ies)|firms?|sector|industry|areas?"
        r"|regions?|licen[cs]es?|rights?|projects?|equipment|giants?))|\bmined?\s+products?\b"
        r"|\bextraction\b|\bexploration\b|(?<=\bto\s)(?:extract|mine)\b(?=\s+(?:up\s+to\s+|about\s+)?\d)",
        _I,
    ),
    # "export quota" (MOFCOM); "exports"/"exported" are shipments, not quotas; "cut the licence
    # by 3% to 14,900 t": only an export licence has a volume
    "export": re.compile(
        r"\bexport\b(?![-\s]*(?:data|figures|volumes?|earnings))"
        r"|\b(?:cap(?:s|ped)?|limit(?:s|ed)?|restrict(?:s|ed)?)\s+(?:[\w'’-]+\s+){0,3}?exports\s+(?:of\s+(?:[\w'’-]+\s+){1,3}?)?(?:at|to)\b"
        r"|\b(?=licen)(?<=\b(?:the|its)\s)licen[cs]es?(?=\s+(?:by|to)\s+(?:about\s+|around\s+|nearly\s+)?\d)",
        _I,
    ),
}

# "first" numbering a quota named a few words on: "first [2024] [rare earths] [mining] [output]
# quota", "first 2024 rare earth mining and smelting quotas", "first set of quotas", "the second
# export limit"; the words between are ours only, so "first time" never counts.
_BEFORE_QUOTA = (
    r"(?=\s+(?:(?:20[0-3]\d|rare[\s-]earths?|(?:uncommon|unusual)\s+earths?|tungsten|antimony"
    r"|mining|smelting|and|separation|output|production|export|set\s+of|of\s+(?:two|three)|REO)"
    r"\s+){0,5}"
    r"(?:quotas?|limits?|allocations?|allotments?)\b)"
)

# Periods. One alternation per value; matches that overlap a longer one are dropped.
PERIOD: dict[str, re.Pattern[str]] = {
    # "the first two batches combined", "both batches", "first three batches"
    # "the first two batches combined", "first three batches"
    "cumulative:2": re.compile(r"\bfirst\s+two\s+(?:batch(?:es)?|rounds?|tranches?)\b", _I),
    "cumulative:3": re.compile(r"\bfirst\s+three\s+(?:batch(?:es)?|rounds?|tranches?)\b", _I),
    # "the two batches", "both batches", "all three batches": a running total this year,
    # the whole year for a past year
    "all:2": re.compile(r"\b(?:two|both)\s+(?:batch(?:es)?|rounds?|tranches?)\b", _I),
    "all:3": re.compile(r"\b(?:all\s+)?three\s+(?:batch(?:es)?|rounds?|tranches?)\b", _I),
    # "so far this year", "year-to-date", "bringing the total (the limit, the 2012 total, this
    # year's total) to", "in total this year"
    "cumulative": re.compile(
        r"\bso\s+far\s+(?:this\s+year|in\s+20[0-3]\d)\b|\b(?:for\s+the\s+)?year[\s-]to[\s-]date\b"
        r"|\bYTD\b|\bbr(?:ing|ings|inging|ought)\s+(?:the\s+|its\s+)?(?:(?:20[0-3]\d|this\s+year)['’]?s?\s+)?"
        r"(?:(?:combined|overall)\s+)?(?:total|tally|limit|ceiling|quota)\b|\bin\s+total\s+(?:this\s+year|so\s+far)\b"
        r"|\bcumulative(?:ly)?\b|(?:(?<=batch\s)|(?<=batches\s))(?:lifts?|lifted|raises?|raised"
        r"|brings?|brought|takes?|took|push(?:es|ed)?)\b"
        r"|\bcombined\b|\btotal\s+so\s+far\b",
        _I,
    ),
    # "doubled to 240,000 tonnes": after a second batch this is the running total
    "double": re.compile(r"\bdoubl(?:e|ed|es|ing)\b", _I),
    # "full-year", "for the year", "annual", "whole-year", "total for the year"; a year's own
    # total, "takes the 2023 total ... to", "the year's mining total", "last year's total
    # allocation" (not "the 2024 total control quotas", 总量控制指标, nor the verb of "quotas
    # for the first half of 2011 total 14,446 t")
    "annual": re.compile(
        r"\bfull[\s-]year\b|\bwhole[\s-]year\b"
        r"|\bfor\s+the\s+(?:whole\s+|full\s+|entire\s+)?year\b(?![\s-]+(?:ago|earlier|before))"
        r"|\bannual(?:ly)?\b|\byearly\b|\bfor\s+the\s+year\s+as\s+a\s+whole\b"
        r"|\b(?:20[0-3]\d|year)(?:['’]s)?\s+(?:(?:mining|smelting|separation|output|production"
        r"|export|quota)\s+)?total\b(?![\s-]+(?:control|amount|quantity|volume|\d))",
        _I,
    ),
    # "first batch", "first 2024 batch", "first round", "first-half", "H1", "1H", "first six
    # months", "initial batch", "January-June",
    # "first batchissued", "firsthalf" (words run together where a line break was lost); "the
    # first rare earths mining quota", "the first 2023 quota", "its first quota for smelting":
    # "first" before the quota it numbers
    "batch:1": re.compile(
        r"\b(?:first|1st)[\s-](?:20[0-3]\d\s+)?(?:batch|round|tranche|half|lot|instal?lment)(?:es|s)?(?:\b|(?=issu))"
        r"|\bfirsthalf\b"
        r"|\b(?:H1|1H)(?:\b|(?=20[0-3]\d\b))|\bfirst\s+(?:six|6)\s+months\b"
        r"|\b(?:six|6)\s+months\s+(?:to|ending|through)\s+(?:the\s+end\s+of\s+)?June\b"
        r"|\bJanuary[\s–-]+(?:to[\s–-]+|through[\s–-]+)?June\b"
        r"|\binitial\s+(?:batch|round|tranche)\b"
        rf"|\b(?:first|initial){_BEFORE_QUOTA}",
        _I,
    ),
    # "second batch", "second half", "secondhalf" (run together), "H2", "2H", "for the six
    # months to December", "July-December",
    # "the second
    # rare earth export quota"
    "batch:2": re.compile(
        r"\b(?:second|2nd)[\s-](?:20[0-3]\d\s+)?(?:batch|round|tranche|half|lot|instal?lment)(?:es|s)?\b"
        r"|\bsecondhalf\b"
        r"|\b(?:H2|2H)(?:\b|(?=20[0-3]\d\b))"
        r"|\b(?:second|last)\s+(?:six|6)\s+months\b"
        r"|\b(?:six|6)\s+months\s+(?:to|ending|through)\s+(?:the\s+end\s+of\s+)?December\b"
        r"|\bJuly[\s–-]+(?:to[\s–-]+|through[\s–-]+)?December\b"
        rf"|\bsecond{_BEFORE_QUOTA}",
        _I,
    ),
    # "third batch", "third round", "the third quota"
    "batch:3": re.compile(
        rf"\b(?:third|3rd)[\s-](?:20[0-3]\d\s+)?(?:batch|round|tranche|lot)(?:es|s)?\b"
        rf"|\bthird{_BEFORE_QUOTA}",
        _I,
    ),
}

# Words (case-folded) one of which a sentence must hold for each pattern above to match in
# it: a pattern whose words are all absent is not run (the same mentions, found faster;
# tests/test_patterns.py checks each gate against its pattern).
GATES: dict[str, dict[str, tuple[str, ...]]] = {
    "commodity": {
        "rare_earth": ("earth", "reo", "ree"),
        "tungsten": ("tungsten", "wo3", "wolfram"),
        "antimony": ("antimony",),
    },
    "type": {
        "smelting_separation": ("melting", "separat", "refining"),
        "mining": ("min", "extraction", "exploration"),
        "export": ("export", "licen", "cap", "limit", "restrict"),
    },
    "period": {
        "cumulative:2": ("two",),
        "cumulative:3": ("three",),
        "all:2": ("two", "both"),
        "all:3": ("three",),
        "cumulative": (
            "far", "date", "ytd", "bring", "brought", "total", "cumul", "lift", "rais", "take",
            "took", "push", "combined",
        ),
        "double": ("doubl",),
        "annual": ("year", "annual", "total"),
        "batch:1": ("first", "1st", "h1", "1h", "initial", "january", "june"),
        "batch:2": ("second", "2nd", "h2", "2h", "six", "july", "6 months"),
        "batch:3": ("third", "3rd"),
    },
    "category": {
        "medium_heavy": ("heavy", "heavies", "heavier", "ion", "hre"),
        "light": ("light", "rock", "lre"),
        "tungsten_primary": ("main", "direct", "primary"),
        "tungsten_byproduct": ("product", "comprehensive", "composite"),
    },
}  # fmt: skip

# Categories of the quota.
CATEGORY: dict[str, re.Pattern[str]] = {
    # "medium and heavy", "medium-heavy", "mid-heavy", "ion-adsorption", "ionic clay",
    # "ion-absorbed", "heavy (heavier) rare earths", "the heavy varieties", "heavies", "M/HRE",
    # "HREE"
    "medium_heavy": re.compile(
        r"\b(?:medium|middle|mid)(?:\s+(?:and|to|&)\s+|[\s/-])heavy\b"
        r"|\bion(?:ic|[\s-]a[db]sor(?:ption|bed|bent)|[\s-]type)\b|\bheav(?:y|ier)\s+rare\b"
        r"|\bheav(?:y|ier)\s+(?:variet(?:y|ies)|ones|types?|kinds?|elements|REEs?)\b|\bM\s*/\s*HREE?s?\b|\bM?HREE?s?\b"
        r"|\b(?:medium[\s-]+(?:and\s+)?)?heavies\b",
        _I,
    ),
    # "light rare earths", "rock-type", "hard-rock", "rock ore", "LRE", "light ones"; "light"
    # alone where a figure names it and another follows ("30,280 t of light and 10,140 t of
    # ionic", "for light, 30,280 t"), never "in light of"
    "light": re.compile(
        r"\blight(?:er)?(?:(?=[\s-]+(?:rare|REO|type|mining|quota|ones\b|variet(?:y|ies)|kinds?\b|elements))"
        r"|(?:(?<=\bof\slight)|(?<=\bfor\slight))(?=\s*(?:,|;|and\b)))\b|\b(?:hard[\s-])?rock(?:[\s-](?:type|ore"
        r"|minerals?|based|deposits?))?\b|\bLREE?s?\b",
        _I,
    ),
    # tungsten "main-mining", "main mined", "direct mining", "main indicators" (主采指标),
    # "primary" (not "primary tungsten
    # mining enterprises", the holders the quota goes to)
    "tungsten_primary": re.compile(
        r"\b(?:main|direct)[\s-]+min(?:ing|ed)\b|\bmain\s+(?:indicators?|ind(?:ex|exes|ices)|quotas?)\b"
        r"|\bprimary\b(?!\s+(?:tungsten\s+)?(?:mining\s+)?(?:enterprises?"
        r"|producers?|miners?|compan(?:y|ies)|firms?|operations?|mines?)\b)",
        _I,
    ),
    # tungsten "by-product", "comprehensive utilisation", "comprehensive use", "composite
    # utilisation"
    "tungsten_byproduct": re.compile(
        r"\bby[\s-]?products?\b|\b(?:comprehensive(?:ly)?|composite)\s+(?:utili[sz]\w*|use|recovery)\b",
        _I,
    ),
}
CATEGORY_COMMODITY = {
    "light": "rare_earth",
    "medium_heavy": "rare_earth",
    "tungsten_primary": "tungsten",
    "tungsten_byproduct": "tungsten",
}

# A group name used as the subject of news, not as a quota holder: "China Northern said",
# "shares of Northern Rare Earth". Checked around a holder mention.
HOLDER_NOT_BEFORE = re.compile(r"[\s,'’]*(?:s\s+)?(?:said|says|told|shares|stock)\b", _I)
HOLDER_NOT_AFTER = re.compile(r"\b(?:shares\s+(?:of|in)|stock\s+of)\s*$", _I)

# Issuers, by name: "the Ministry of Industry and Information Technology", "MIIT", ...
ISSUER: dict[str, re.Pattern[str]] = {
    "MIIT": re.compile(
        r"\bMIIT\b|\bMinistry\s+of\s+Industry\s+and\s+Information\s+Technology\b"
        r"|\bindustry\s+ministry\b",
        _I,
    ),
    "MNR": re.compile(
        r"\bMNR\b|\bMinistry\s+of\s+Natural\s+Resources\b|\bnatural\s+resources\s+"
        r"ministry\b",
        _I,
    ),
    "MLR": re.compile(
        r"\bMLR\b|\bMinistry\s+of\s+Land\s+and\s+Resources\b|\bland\s+(?:and\s+resources\s+)?"
        r"ministry\b",
        _I,
    ),
    "MOFCOM": re.compile(r"\bMOFCOM\b|\bMinistry\s+of\s+Commerce\b|\bcommerce\s+ministry\b", _I),
}

# Attribution to the notice itself: "the ministry said", "according to a notice on its
# website", "MIIT said", "in a statement", "the notice showed".
OFFICIAL_CUE = re.compile(
    r"\bministry\b|\bMIIT\b|\bMOFCOM\b|\bMNR\b|\bMLR\b|\bnotice\b|\bstatement\b|\bdocument\b"
    r"|\bofficial(?:ly)?\b|\bpublished\s+on\s+its\s+website\b",
    _I,
)
# Reliance on sources: "sources said", "according to people familiar", "reportedly",
# "Reuters calculations", "a person with knowledge", "quietly ... without publishing".
REPORTED_CUE = re.compile(
    r"\bsources?\b|\bpeople\s+(?:familiar|with\s+knowledge)\b|\bperson\s+(?:familiar|with"
    r"\s+knowledge)\b|\breportedly\b|\bcalculations?\b|\bestimates?\b|\bwithout\s+(?:publish"
    r"|announc|disclos|making|releas)\w*|\bnot\s+(?:been\s+)?(?:made\s+)?public\w*\b"
    r"|\bundisclosed\b|\bquietly\b|\baccording\s+to\s+(?:a\s+)?(?:report|media)\b"
    # "one of the people said", "asking not to be named", "not confirmed by the ministry"
    r"|\bpeople\s+said\b|\b(?:asking|asked|declined)\s+not\s+to\s+be\s+(?:named|identified)\b"
    r"|\bnot\s+(?:yet\s+)?(?:been\s+)?confirmed\b",
    _I,
)
# An issuance sentence that withholds the figures: "quietly", "without publishing them",
# "without the usual public statement".
UNDISCLOSED_CUE = re.compile(
    r"\bquietly\b|\bwithout\s+(?:publish|announc|disclos|making|releas)\w*|\bundisclosed\b"
    r"|\bnot\s+(?:been\s+)?(?:made\s+)?public\w*\b|\bdid\s+not\s+(?:publish|disclose|announce|"
    r"release|give|reveal)\b|\bno\s+(?:figures|details|numbers)\b"
    r"|\bwithout\s+(?:the\s+|a\s+|any\s+)?(?:usual\s+)?(?:public\s+|official\s+)?(?:statement"
    r"|announcement|notice|disclosure)s?\b",
    _I,
)
# Issuing verbs: "issued", "released", "handed out", "allocated", "set", "announced".
ISSUED = re.compile(
    r"\b(?:issu(?:ed|es)|releas(?:ed|es)|handed\s+out|allocat(?:ed|es)|distribut(?:ed|es)"
    r"|set|announc(?:ed|es)|granted|assigned)\b",
    _I,
)
# Not (yet) issued, or only expected: "has not issued", "yet to release", "is expected to issue".
NOT_ISSUED = re.compile(
    r"\b(?:has|have|had)\s+(?:not|yet\s+to)\b|\byet\s+to\b|\bexpected\s+to\b|\bplans?\s+to\b"
    r"|\bwill\b|\blikely\s+to\b|\bcould\b|\bmay\b|\bmight\b",
    _I,
)

# Figures that are not quotas when these words sit between the figure and any quota word:
# prices ("yuan", "per tonne"), output ("output reached", "produced"), shipments ("exports
# of", "shipped", "customs data"), use of a quota ("used", "filled"), reserves, capacity,
# stocks, tariffs, smuggling.
NOT_QUOTA = re.compile(
    r"\bprices?\b|\byuan\b|\bdollars?\b|\$|\bUSD\b|\bper\s+(?:tonne|ton|kg|kilogram|pound)\b"
    r"|\b(?:output|production)\b(?!\s+(?:quotas?|caps?|ceilings?|limits?|limitations?|targets?"
    r"|plans?|controls?|(?:is|was|are|were|will\s+be|has\s+been|had\s+been)\s+(?:capped|limited"
    r"|restricted|controlled|set|fixed)))|\bproduc(?:ed|es|ing)\b|\bmined\b|\b(?<!for\s)exports\b|\bexported\b"
    r"|\bshipments?\b|\bshipped\b|\bcustoms\b|\bimports?\b|\bimported\b|\bsales\b|\bsold\b"
    r"|\bused\b(?!\s+for\s+(?:comprehensive|composite))|\butili[sz]ed\b|\bfilled\b|\bunused\b"
    r"|\bconsum\w*|\bdemand\b|\breserve[sd]?\b"
    r"|\bcapacity\b|\binventor(?:y|ies)\b|\bstockpiles?\b|\bstocks\b|\btariffs?\b|\bdut(?:y|ies)\b"
    r"|\bsmuggl\w*|\billegal(?:ly)?\b|\bsupply\b|\bactual\b",
    _I,
)

# A sentence about shipments or the use of a quota, not about the quota set: "customs data
# showed", "China exported 16,265 t", "just over half of the quota was used".
SHIPPED = re.compile(
    r"\bcustoms\b|\bexported\b|\bshipments?\b|\bshipped\b|\b(?:was|were|been|being)\s+used\b"
    r"|\butili[sz]ation\s+rate\b|\bfilled\b",
    _I,
)

# Where a clause ends inside a sentence: ";", ", and", ", but", " while ", " whereas ".
CLAUSE_BREAK = re.compile(
    r";|,\s*(?:and|but|while|whereas|although|though|however)\b|\s(?:but|while|whereas)\s", _I
)
# A relative clause set off by commas describes its subject, not the figure's clause: "China,
# which supplies most rare earth shipments, cut the export quota to"; "Beijing, whose customs
# data ..., set". Its shipment words set no figure outside it aside.
RELATIVE_ASIDE = re.compile(r",\s*(?:which|who|whose)\b[^,;]{0,160},", _I)
# A forecast, not a quota set: "analysts expect ... around 135,000 t", "could reach", "will be"
# (not "higher-than-expected", which judges a figure already out).
# "may" is matched in lower case only, so the month May is not taken for it.
# "analysts (traders) see ... at", "had pencilled in", "consensus is for": forecasts too.
# "is estimated at", and a plan's deadline, "By 2020, ... is controlled at", are not quotas set;
# "will be cut to", "will be set at", "(the ministry said) it would raise quotas to", "producers
# will be allowed to export", "the first batch will include", "will limit (restrict, control)
# its output of ... at" announce one;
# "that would put (bring) the quota at" is arithmetic; "will stay (remain, stand) at" keeps one.
FORECAST = re.compile(
    r"\b(?:(?<!than-)(?<!than\s)[Ee]xpect(?:s|ed|ing|ations?)?|[Ff]orecast\w*|[Pp]redict\w*|[Aa]nticipat\w*|could"
    r"|might|(?:would|will)(?!\s+(?:also\s+)?(?:be\s+)?(?:cut|rais(?:e|ed)|set|reduc(?:e|ed)|cap(?:ped)?"
    r"|increas(?:e|ed)|lower(?:ed)?|keep|kept|fix(?:ed)?|cap(?:ped)?|trim(?:med)?|hold|held"
    r"|maintain(?:ed)?|allocat(?:e|ed)|put|bring|take|lift|allowed|permitted|include|total"
    r"|(?:initially\s+)?allow|stay|remain|stand|limit(?:ed)?|restrict(?:ed)?|control(?:led)?)\b)"
    r"|likely|may|[Pp]rojected|[Ss]een\s+at|[Pp]encil+ed\s+in|[Cc]onsensus"
    r"|(?:[Aa]nalysts?|[Tt]raders?|[Mm]arkets?|[Ii]ndustry|[Ii]nvestors?)\s+see\b"
    r"|(?:had|have|[Aa]nalysts?|[Tt]raders?)\s+(?:previously\s+)?estimated\b"
    r"|[Ss]peculat\w*|[Ee]stimat(?:e|es|ing)|[Ee]stimated\s+(?:at"
    r"|to)|[Bb]y\s+(?:the\s+end\s+of\s+)?20[0-3]\d\b(?!\s*(?:quotas?|batch)))\b"
)
# A difference, not a quota: "rose by 10,000 t", "an increase of 15,000 t", "growth of 3,605 t
# from Jiangxi", "a 10,000 t rise",
# "6,000 t more than".
DIFFERENCE_BEFORE = re.compile(
    r"\b(?:by|up|down|(?:increase|rise|increment|decrease|cut|reduction|drop|jump|gain|addition|growth"
    r"|hike|decline|fall)s?\s+of"
    r"|another|extra|additional)\s+(?:about\s+|around\s+|nearly\s+|some\s+|roughly\s+)?$",
    _I,
)
DIFFERENCE_AFTER = re.compile(
    r"\s*(?:more|less|fewer|higher|lower|increase|rise|cut|reduction|decrease|jump|drop)\b", _I
)

# A figure given for comparison, just before it: "from", "against", "compared with",
# "versus", "than", "over", "ahead of", "up from last year's", "from the figures of".
COMPARED_WITH = re.compile(
    r"\b(?:from|against|compar(?:ed|es?|ing)\s+(?:with|to)|versus|vs\.?|than|over(?!\s+half)|on"
    r"|ahead\s+of)\s+(?:(?:the|a|an|its|their|figures?|levels?|totals?|amounts?|of"
    r"|last\s+year['’]s|previous|20[0-3]\d(?:['’]s)?|first|second|third|round|batch|tranche|this"
    r"|last|year|in|quotas?|allocations?|allotments?)\s+){0,6}$",
    _I,
)
# A year named for comparison, just before it: "up 19% from last year", "higher than in the
# first 2023 quota", "compared with 2022", "on a year ago", "between H1-2017 (and H1-2018)",
# "the same as (consistent with, in line with) last year".
# It dates a past figure, never the quota being set.
COMPARED_YEAR = re.compile(
    r"\b(?:from|than|over|on|compared\s+(?:with|to)|versus|vs\.?|against|ahead\s+of|relative\s+to"
    r"|between|(?:the\s+)?same\s+as|consistent\s+with|in\s+line\s+with|equal\s+to|level\s+with)\s+"
    r"(?:(?:in|the|a|that|those|of|its|first|second|third|batch|batches|quotas?|levels?"
    r"|figures?|same|period|total|set|for|all|early|late|H[12])\s+){0,4}(?:H[12][\s–-]*)?$",
    _I,
)
# A period named for comparison, just before it: "increased 31% over 2009/H1", "than the".
COMPARED_PERIOD = re.compile(
    r"\b(?:from|than|over|versus|vs\.?|against|compared\s+(?:with|to))\s+(?:(?:the|a|its|in)\s+)?"
    r"(?:20[0-3]\d\s*[/-]?\s*)?$",
    _I,
)
# Where the comparison begins in a clause: "up 12.5% from", "down", "against", "compared".
# "about half the quota set for all of 2012", "twice", "equal to", "a 12.5% uplift to".
COMPARISON_ZONE = re.compile(
    r"\b(?:up|down|ris(?:e|ing)|rose|fall(?:ing)?|fell|increas\w*|decreas\w*|compared|against"
    r"|versus|vs\.?|from|than|higher|lower|unchanged|flat|same\s+as|twice|double|equal\s+to"
    r"|uplift|growth|gain|jump|hike|boost|reduction|decline|drop|cut"
    r"|(?<!first\s)(?<!second\s)half)\b",
    _I,
)
# Unchanged wording: "kept flat at", "unchanged from last year", "the same as", "held at".
FLAT = re.compile(
    r"\b(?:flat|unchanged|steady|same\s+as|held\s+at|maintained\s+at|kept\s+at|stayed\s+at)\b",
    _I,
)
# A national total after a group or category figure: "the total", "overall", "national" (not
# "received a total mining quota of 40,420 t", the group's own total).
RESET = re.compile(
    r"\bthe\s+(?:national\s+|overall\s+|combined\s+)?total\b|\boverall\b|\bnational(?:ly)?\b"
    r"|\bnationwide\b|\bin\s+all\b",
    _I,
)

# Stated change: "up 12.5%", "rose 27 per cent", "a 12.5% increase", "down 5 pc".
CHANGE_BEFORE = re.compile(
    r"\b(?P<dir>up|down|rose|fell|ris(?:e|ing)|fall(?:ing)?|increas(?:ed|ing|e)|decreas(?:ed|ing"
    r"|e)|grew|jump(?:ed)?|climb(?:ed)?|cut|dropp(?:ed)|drop|slipped|gain(?:ed)?)\s+(?:by\s+)?"
    r"(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+)?(?P<pct>\d{1,3}(?:\.\d+)?)\s*"
    r"(?:%|per\s*cent\b|percent\b|pc\b)",
    _I,
)
CHANGE_AFTER = re.compile(
    r"(?P<pct>\d{1,3}(?:\.\d+)?)\s*(?:%|per\s*cent\b|percent\b|pc\b)\s*(?P<dir>increase|rise"
    r"|jump|gain|growth|higher|more|decrease|drop|fall|cut|reduction|lower|less|decline)\b",
    _I,
)
FALLING = re.compile(r"down|fell|fall|decreas|cut|drop|slipped|lower|less|reduction|declin", _I)

# Quota years: "2024", "2024's", "in 2023 and 2022",
# "1H2011", "H2-2011": a half run into its year.
YEAR = re.compile(
    r"(?<![\d,.$])(?:\b|(?<=[12]H)|(?<=H[12]))(20[0-3]\d)(?:['’]s)?\b"
    r"(?![,.]\d|\s*(?:%|per\s*cent|yuan))"
)
# A multi-year plan a figure is set under: "the five-year plan for 2016 to 2020", "its
# 2016-2020 plan", "a plan through 2020". Its years span the plan, so they date no figure.
PLAN_SPAN = re.compile(
    r"\b(?:five|5)[\s-]year\s+(?:development\s+)?plan\b(?:\s+(?:for|through|to|until|covering)"
    r"(?:\s+(?:the\s+)?(?:period|years)\s+)?(?:\s+20[0-3]\d\s*(?:-|–|to|and|through)\s*)?\s+20[0-3]\d)?"
    r"|\b20[0-3]\d\s*(?:-|–|to|through)\s*20[0-3]\d\s+(?:[\w-]+\s+){0,2}?plan\b"
    r"|\bplan\s+(?:for|through|to|until|covering)\s+(?:the\s+(?:period|years)\s+)?"
    r"(?:20[0-3]\d\s*(?:-|–|to|and|through)\s*)?20[0-3]\d",
    _I,
)
# Years said relative to the publication date: "this year('s)", "last year", "a year ago",
# "previous year allocations".
RELATIVE_YEAR: dict[int, re.Pattern[str]] = {
    0: re.compile(r"\b(?:this|the\s+current)\s+year(?:['’]s)?\b", _I),
    -1: re.compile(
        r"\b(?:last|past)\s+year(?:['’]s)?\b|\ba\s+year\s+ago\b|\bprevious\s+year(?:['’]s)?"
        r"(?=\s+(?:allocations?|quotas?|totals?|figures?|levels?)\b)",
        _I,
    ),
    1: re.compile(r"\bnext\s+year(?:['’]s)?\b", _I),
}
# Years said relative to the figure they compare with: "a year earlier", "the previous year",
# "the year-ago period".
PRIOR_YEAR = re.compile(
    r"\ba\s+year\s+(?:earlier|before)\b|\bthe\s+(?:previous|prior|preceding)\s+year(?:['’]s)?\b"
    r"|\bthe\s+year\s+before\b|\byear[\s-]on[\s-]year\b|\by/y\b|\byoy\b"
    r"|\byear[\s-](?:ago|earlier)\s+(?:period|level|quota|figure)s?\b",
    _I,
)

# --------------------------------------------------------------------------------------------
# Batches and histories (issue 10): wordings the tables above miss, added to their values.
# --------------------------------------------------------------------------------------------

# The running total of the batches so far: "taking the running total to", "a running tally of".
PERIOD["cumulative"] = re.compile(
    PERIOD["cumulative"].pattern + r"|\brunning\s+(?:total|tally)\b", _I
)
# A batch that takes (brings, pushes) the year's quota to a figure, just before that figure: "the
# second batch of 7,976 t takes the 2010 export quota to 30,258 t", "bringing this year's rare
# earth mining quotas to 240,000 t": the running total (the year's, once the last batch is out).
QUOTA_REACHED = re.compile(
    r"\b(?:tak(?:e|es|ing)|took|push(?:es|ed|ing)?|br(?:ing|ings|inging|ought))\s+(?:the|its"
    r"|this)\s+(?:(?:20[0-3]\d|year)['’]?s?\s+)?(?:[\w-]+\s+){0,4}?quotas?\s+(?:for\s+the\s+year\s+)?"
    r"to\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?$",
    _I,
)
QUOTA_REACHED_REACH = 90
# The year's totals, plural for two types: "brings the year's totals to 255,000 t for mining and
# 243,850 t for smelting", "2023's combined totals".
PERIOD["annual"] = re.compile(
    PERIOD["annual"].pattern + r"|\b(?:20[0-3]\d|year)['’]s\s+(?:[\w-]+\s+)?totals\b", _I
)
# A whole year said with "of": "for the whole of last year", "all of 2012", "the entire of 2022".
PERIOD["annual"] = re.compile(
    PERIOD["annual"].pattern
    + r"|\b(?:the\s+(?:whole|entirety)|all)\s+of\s+(?:last\s+year|this\s+year|the\s+year"
    r"|(?:the\s+)?(?:previous|prior)\s+year|20[0-3]\d)\b",
    _I,
)
# A category named just after a figure's unit, in a split: "was split 72,300 t light and
# 10,020 t medium-heavy", "77 kt light, 12.2 kt heavy".
# (the word first, then what is before it: the look-behinds are tried only after "light")
_UNITS_BEFORE = ("\\dt", "\\st", "tons", "tonnes", "\\smt", "kt", "REO")
_SPLIT_END = r"(?=\s*(?:[,;.]|and\b|$))"


def _after_unit(word: str) -> str:
    behind = "|".join(rf"(?<={unit}\s{word})" for unit in _UNITS_BEFORE)
    return rf"\b{word}(?:{behind})\b{_SPLIT_END}"


CATEGORY["light"] = re.compile(CATEGORY["light"].pattern + "|" + _after_unit("light"), _I)
CATEGORY["medium_heavy"] = re.compile(
    CATEGORY["medium_heavy"].pattern + "|" + _after_unit("heavy"), _I
)
# A batch named as the one a figure follows, just before it: "the second batch of 52,000 t
# follows a first batch of 62,000 t", "matching the first round", "following the initial
# tranche": that batch is its own figure's (after it), never the figure's before.
FOLLOWED_PERIOD = re.compile(
    r"\b(?:follows?|followed|following|matching|matches|matched)\s+(?:on\s+(?:from\s+)?)?"
    r"(?:the\s+|a\s+|an\s+|its\s+|this\s+year['’]s\s+)?(?:20[0-3]\d\s+)?$",
    _I,
)
GATES["period"]["cumulative"] = (*GATES["period"]["cumulative"], "running")
GATES["period"]["annual"] = (*GATES["period"]["annual"], "whole", "entirety", "all of")
# The first member of a list of batches: "the first and second batches were 120,000 t and
# 120,000 t", "first, second and third rounds", "second and third tranches".
_LISTED_BATCHES = (
    r"(?=\s*(?:,|and|&)\s*(?:(?:second|third)\s*(?:,|and|&)\s*)*(?:second|third)\s+(?:batch|round"
    r"|tranche|allotment|allocation)(?:es|s)?\b)"
)
PERIOD["batch:1"] = re.compile(PERIOD["batch:1"].pattern + rf"|\bfirst{_LISTED_BATCHES}", _I)
PERIOD["batch:2"] = re.compile(PERIOD["batch:2"].pattern + rf"|\bsecond{_LISTED_BATCHES}", _I)
# A batch issued as an addition, just before its figure: "MIIT granted an extra 15,000 t of
# mining quota" (the third batch), "issued another 15,738 t in the second round", "allotted a
# further 7,976 t": in a sentence that names the batch, the batch itself, not a difference.
ISSUED_INCREMENT = re.compile(
    r"\b(?:grant(?:s|ed)?|issu(?:e|es|ed)|allocat(?:e|es|ed)|allott?(?:s|ed)?|releas(?:e|es|ed)"
    r"|hand(?:s|ed)?\s+out|approv(?:e|es|ed)|add(?:s|ed)?|allow(?:s|ed)?)\s+(?:an?\s+)?"
    r"(?P<word>extra|another|further|additional)\s+(?=(?:about\s+|around\s+|some\s+)?\d)",
    _I,
)
# Two years a change spans, before the change: "Between 2013 and 2015, the quota went from
# 93,800 t to 105,000 t", "from 2009 to 2011 the quota rose from ... to ...", "over 2012-2014".
YEAR_SPAN = re.compile(
    r"\b(?:between|from|over)\s+(?P<a>(?:19|20)\d\d)\s*(?:and|to|through|until|[-–])\s*"
    r"(?P<b>(?:19|20)\d\d)\b",
    _I,
)
# The old level and the new, as two figures: "from 93,800 t to 105,000 t".
FROM_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|some\s+)?$", _I)
TO_BETWEEN = re.compile(
    r"(?<!\s)(?:\s*(?:REO|of\s+rare[\s-]earth\s+oxides?))?\s+to\s+(?:about\s+|around\s+|some\s+)?",
    _I,
)
# A batch named by its number names a quota in a story about quotas: "The first batch, issued
# earlier this year, was 100,800 t", "Light rare earths made up 13,692 t of the second batch";
# so do the parts of the tungsten quota, named nowhere else: "Primary mining got 46,890 t and
# comprehensive utilisation 16,110 t".
BATCH_NOUN = re.compile(
    r"\b(?:first|second|third|1st|2nd|3rd|initial)(?:\s+two|\s+three)?[\s-]+(?:batch|tranche)(?:es)?\b"
    r"|\bcomprehensive(?:ly)?\s+utili[sz](?:ation|ed)\b|\b(?:primary|main)[\s-]+mining\b",
    _I,
)
BATCH_NOUN_WORDS = ("batch", "tranche", "utili", "mining")
# A share, not a rise: "Light rare earths made up 13,692 t of the batch", "makes up 87,100 t",
# "ionic types make up some 19,150 t": the "up" of the verb is no "up 10,000 t".
MADE_UP = re.compile(
    r"\b(?:make|makes|made|making)\s+(?P<word>up)\s+(?=(?:about\s+|some\s+)?\d)", _I
)
# A figure in a "when" clause after a year or batch named for comparison: "up 10% from the first
# batch of 2019, when the mining quota was 60,000 t", "compared with 2022, when the quota stood
# at 210,000 t", "on the first batch of 2020, which was 66,000 t": that year's (batch's) figure.
WHEN_CLAUSE = re.compile(
    r",\s*(?:when|which)\s+(?:[\w'’-]+\s+){0,6}?(?:was|were|stood\s+at|came\s+to|totall?ed"
    r"|amounted\s+to)"
    r"\s+(?:about\s+|around\s+|some\s+|just\s+)?$",
    _I,
)
# A category labelling the figure just after it: "(light 72,300 t, medium-heavy 10,020 t)",
# "light: 77 kt", "heavy - 12,200 t".
_LABELS_FIGURE = r"(?=\s*(?:[:\-–]\s*)?\d)"
CATEGORY["light"] = re.compile(CATEGORY["light"].pattern + rf"|\blight\b{_LABELS_FIGURE}", _I)
CATEGORY["medium_heavy"] = re.compile(
    CATEGORY["medium_heavy"].pattern + rf"|\bheavy\b{_LABELS_FIGURE}", _I
)
# A part of the figure before, told after a comma: "140,000 t ..., with 60,000 t in Inner
# Mongolia", ", including 20,000 t from Sichuan", ", of which about 9,000 t".
PART_TAIL = re.compile(
    r",\s*(?:with|including|of\s+which|among\s+them)\s+(?:about\s+|around\s+|some\s+|nearly\s+)?$",
    _I,
)
# The quota output kept within, named between two figures: "under its mining quota", "within
# the quota", "below this year's quota".
WITHIN_QUOTA = re.compile(
    r"\b(?:under|within|below|inside)\s+(?:(?:the|its|their|this\s+year['’]s|China['’]s)\s+)?"
    r"(?:(?:20[0-3]\d|mining|production|output|export|annual)\s+)?quotas?\b",
    _I,
)
QUOTA_IN = re.compile(r"\bquotas?\b|\ballocation|\bcap\b|\bceiling", _I)
