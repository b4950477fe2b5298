"""The Chinese rules' lexicon: every wording they know, as compiled patterns and word sets.

Each pattern is a module constant with a comment on the real wording it covers; ``rules`` reads
a sentence as the tokens these patterns (and the shared vocabulary, ``extractors.vocab``) find.
"""

from __future__ import annotations

import re

from extractors.dates import (
    BATCH_ZH_RE,
    CUMULATIVE_ZH_RE,
    MONTH_ZH_RE,
    RELATIVE_YEAR_ZH_RE,
    YEAR_NUMBER,
    YEAR_ZH_RE,
)
from extractors.numbers import AMOUNT_ZH_NUMERAL_RE, AMOUNT_ZH_RE, AMOUNT_ZH_SHARED_RE, PERCENT_RE

# A sentence ends at 。；! ? (either width) or a line break, or at a half-width full stop after
# a word, as reposts that turn punctuation half-width write it ("…指标为89200吨." but not the
# point of "13.5万吨" or of "www.gov.cn").
SENTENCE_END_RE = re.compile(
    r"[。;!?\n]|\.(?:(?<=[\u4e00-\u9fff)\]\"'”’%]\.)|(?<=[\u4e00-\u9fff] \.))"
)

# The whole year: "全年", "全年度", "年度" (after a year, 2024年度 is read by YEAR_ZH_RE).
ANNUAL_RE = re.compile(r"全年度?|年度")

# The first batch in news wording: "首批稀土开采指标", "首轮稀土开采配额" (Hong Kong, Taiwan).
FIRST_BATCH_RE = re.compile(r"首批|首轮|首波(?=[^,;。]{0,8}?(?:配额|指标|开采|冶炼))")

# Halves of the year, as export quotas (and some news) name the two batches: "上半年", "下半年",
# and by their months, "1至6月份", "1-6月", "七至十二月" (``first`` for the first half).
# For speed only, it reads its first character first and looks behind at it: the regex engine
# passes over other characters in C.
HALF_YEAR_RE = re.compile(
    r"[上下1一7七](?:(?<=(?P<half>[上下]))半年"
    r"|(?<![\d-].)(?:(?<=(?P<first>1|一))\s*(?:至|到|-|—|–|~)\s*(?:6|六)"
    r"|(?<=7|七)\s*(?:至|到|-|—|–|~)\s*(?:12|十二))\s*月(?:份)?(?!\s*\d{1,2}\s*日))"
)

# A figure that includes earlier batches: "（含已下达的第一批指标）", "均含第一批", "包括此前
# 下达的首批", "已包含前两批" (not "不含", "不包括": EXCLUDE_RE).
INCLUDE_RE = re.compile(
    r"(?=[均已并包含])(?<!不)(?<!不包)(?:均|已|并)?(?:包含|包括|含)"
    r"(?=[^,;。()]{0,10}?(?:第\s*[一二三四\d]\s*批|前\s*[两二三四\d]\s*批|首批))"
)

# Batches written together: "第一、二批", "第二、三批" (each maps onto its amount in turn).
BATCH_LIST_RE = re.compile(r"第\s*(?P<a>[一二三四\d])\s*[、,和及与]\s*(?P<b>[一二三四\d])\s*批")

# The date of an issuance, whose year is the quota's unless the text names another: "去年9月下达
# 的第二批", "2023年9月下达的第二批" (a date of anything else, "去年5月起停工", is not read).
ISSUE_DATE_RE = re.compile(
    r"(?=[12今去前上])"  # for speed only: the characters a match can start with
    r"(?:(?<!\d)(?P<y>(?:19|20)\d{2})\s*年|(?P<rel>今年|去年|前年|上一?年))"
    r"\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?=[^,;。]{0,6}?(?:下达|发布|公布|下发|印发))"
)

# A time in a year, which says when something happened, not which year's quota a figure is:
# "2023年底", "2024年初", "去年年底", "今年年中" (not "2024年中重稀土", "去年中国…").
YEAR_TIME_RE = re.compile(
    # for speed only, every branch starts with its character (its look-behind after it): the
    # regex engine passes over other characters in C
    r"(?:1(?<!\d.)9\d{2}\s*|2(?<!\d.)0\d{2}\s*|今|去|明|前|上一?)年\s*"  # YEAR_NUMBER, unrolled
    r"(?:年?底|年?初(?!步)|年?末|年中(?![重国方央])|中(?![重国方央]))"
)

# A span of years for amounts to map onto: "2019年至2021年…分别为…", "2019-2021年".
YEAR_RANGE_RE = re.compile(
    rf"(?P<a>{YEAR_NUMBER})\s*年?\s*(?:至|到|-|—|–|~)\s*(?P<b>(?:19|20)\d{{2}})\s*年"
    r"(?!\s*\d{1,2}\s*月)"
)

# Earlier batches added in: "加上此前下达的第一批，全年累计…", "连同年初的首批".
ADD_EARLIER_RE = re.compile(r"(?:加上|连同|算上)[^,;。]{0,8}?(?=第|前\s*[两二三四\d]\s*批|首批)")

# A figure that excludes them: "不含已下达的第一批指标", "不包括第一批".
EXCLUDE_RE = re.compile(r"不含|不包含|不包括|未含|未包括")

# Comparison: "较去年同期", "比2023年第一批", "高于", "已突破全年的4万吨"; the clause after it
# is a scope ("较" as "rather", "较快增长", "较为", and "比较" are none).
COMPARE_RE = re.compile(
    # for speed only, every branch starts with its character (its look-behind after it): the
    # regex engine passes over other characters in C
    r"(?:较(?<!比较)(?![高低大小快慢好强弱多少深长短明稳早晚为])|相比|相较|对比"
    r"|比(?<![占同环]比)(?!例|重|较)|高于|低于|超过|少于|多于|突破"
    # a figure of another year set in brackets beside this one: "（去年同批：12万吨）",
    # "（2019年同期为6万吨）", "（上年：8.9万吨）" (not a date, "（2024年3月下达）")
    r"|\((?=\s*(?:(?:19|20)\d{2}\s*年(?!\s*\d{1,2}\s*月)|去年|上一?年|前年)))"
)

# A year referred to, not spoken of: "按上年总量的一半确定", "参照上一年度", "相当于2023年
# 全年的52.9%", "占去年的一半", "约为2018年全年指标12万吨的一半" (the clause after it is a scope,
# like a comparison's).
REFERENCE_RE = re.compile(
    r"(?:按照|参照|依照|按|相当于|占|约为|约是|仅为|只有)"
    r"(?=[^,;。]{0,6}?(?:(?:19|20)\d{2}\s*年|去年|上一?年|前年))"
)

# Unchanged from another year, which is not restated as a fact of that year: "与去年持平",
# "和2023年相同", "与上年保持基本稳定", "维持上年水平" (what follows is the year being set); and
# "与2010年的89200吨相比", whose compared figure comes before the word of comparison.
FLAT_RE = re.compile(
    r"(?:与|和|同|跟)(?=[^,;。]{1,15}?(?:持平|相同|一致|相当|稳定|不变|接近|相比|相较))"
    r"|(?:维持|保持)在?(?=\s*(?:(?:19|20)\d{2}\s*年|去年|上年|上一年))"
)
# Before an amount, the year it is kept at: the amount is the year's being set, not restated as
# the other's ("维持去年同期的12万吨不变", "维持在2012年的8.9万吨水平", "保持去年同期12万吨").
KEEP_BEFORE_RE = re.compile(
    r"(?:维持|保持)在?\s*(?:(?:19|20)\d{2}\s*年度?|去年|上年|上一年)[^,;。]{0,8}$"
)
# The words without which FLAT_RE is not tried (与/和/同 are everywhere).
FLAT_NEEDS = (
    *("持平", "相同", "一致", "相当", "稳定", "不变"),
    *("接近", "维持", "保持", "相比", "相较"),
)
FLAT_WORDS_RE = re.compile("|".join(FLAT_NEEDS))

# The national figure after per-group ones: "全国", "合计", "总计".
NATIONAL_RE = re.compile(r"全国|合计|总计")

# A holder we cannot name: "公司获得开采指标…", "某某矿业有限公司" (known groups match first), a
# plant of a group ("某集团下属选矿厂"), a list left open ("内蒙古等地"), several groups at
# once ("几家集团合计获得…"), a group's own mines or firms ("其控股的钨矿山获得…"), or a place
# below a province: a city, county, prefecture or league ("某某市获得…", "某某县", "某某州",
# "某某盟"; not "市场", "上市", "各市", "欧盟"; not an outlet's dateline, "e公司讯").
UNNAMED_HOLDER_RE = re.compile(
    r"(?=[市县州盟旗公厂下控所等家])"  # for speed only: the characters a match can start with
    r"(?:(?<=[\u4e00-\u9fff][\u4e00-\u9fff])(?:(?<![省各城上超股期全本该我开])市(?![场值民长委级])"
    r"|(?<![省市各全本该我])县(?![级域])|州(?![际])|(?<![欧联同])盟(?![友])|旗(?![下帜舰]))"
    r"|(?<![eE])公司(?![债股讯])|厂(?![商长])|(?:下属|旗下|控股|所属)的?(?=[\u4e00-\u9fff]{0,4}?(?:矿|企业))"
    r"|等(?:[一二两三四五六七八九十\d]+个?)?(?:地区|地|省区|省份|省|企业|集团|公司|单位)"
    r"|家(?<=[一两二三四五六七八九十\d]家)(?:大型|大)?(?:稀土)?(?:大)?(?:集团|企业)"
    r"(?=\s*(?:分别|共获|合计|累计|获(?!批))))"
)

# Places below a province where rare earths and tungsten are mined or separated, named bare
# ("赣州3800吨，龙岩1500吨"): holders we cannot name, like "某某市" (UNNAMED_HOLDER_RE).
MINING_PLACES_RE = re.compile(
    r"赣州|赣南|龙岩|三明|长汀|包头|白云鄂博|凉山|冕宁|乐山|微山|郴州|大余|崇义|龙南|定南|全南|寻乌"
    r"|信丰|安远|梅州|河源|韶关|贺州|崇左|梧州"
)

# The company a text speaks for or of, by no name: "公司获得…" opening a clause, "本公司", "该公司"
# (after "北方稀土公告，"; the group named last); not "某某公司" (UNNAMED_HOLDER_RE).
OUR_COMPANY_RE = re.compile(
    r"(?=[本该公])(?:(?<=[,;:。\s])|^)(?:本|该)?公司(?![债股])",  # (?=…): for speed only
    re.MULTILINE,
)

# Groups by a short name, only where it plainly is the group receiving a quota: "中国稀土获得",
# "北方稀土和中国稀土" ("中国稀土" alone is as often "China's rare earths"); "包钢分得开采指标"
# (Baotou Steel, whose rare earth arm is Northern Rare Earth), or "包钢集团59500吨" in a list.
# (a stock code may stand between: "中国稀土(000831)获得")
_RECEIVES = r"(?=\s*(?:\(\d{6}(?:\.S[HZ])?\)\s*)?(?:获得|获|分得|分到|分配到|拿到|取得))"
SHORT_NAMES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            rf"中国稀土(?!集团)(?:{_RECEIVES}|(?=\s*[、和与及]\s*北方稀土)|(?<=北方稀土[、和与及]中国稀土))"
        ),
        "china_rare_earth_group",
    ),
    (
        re.compile(rf"包钢(?:集团)?(?:{_RECEIVES}|(?=\s*\d[\d,.]*\s*万?吨))"),
        "china_northern_rare_earth",
    ),
)

# A verb of receiving after a name we do not know ("盛和资源获得开采指标3000吨", "中国稀土(000831)
# 获得…"): a recipient we cannot name, not the nation; not after the quota itself ("指标获批") or
# a sum ("共获得"), nor with no subject of its own ("，获得…": the holder before it).
RECEIVER_RE = re.compile(
    r"(?=[获分拿])(?<=[\u4e00-\u9fff)])(?<![标额量批共计])(?:获得|获配|分得|分配到|分到|拿到)"
)

# A source quoted before a colon ("某自治区政府网站称:", Taiwan's "…入口网站释出讯息:"): what it
# names is not a holder.
SPEECH_COLON_RE = re.compile(
    r"(?:消息|讯息|资讯|表示|称|显示|指出|介绍|说|获悉|了解到|报道|报导|公告|宣布|发布|释出|透露|通报)"
    r"\s*:"
)

# The title of a document or table: "《某省钨矿指标分配表》"; the source tag of a news item,
# "【中国铝业网】" (an outlet named after a group is not the group).
BOOK_TITLE_RE = re.compile(r"《[^《》]{0,80}》|【[^【】]{0,30}】")
# A group's name as an outlet's: "中国铝业网", "据中国稀土网消息" (not its "网站", where it speaks).
OUTLET_AFTER_RE = re.compile(r"网(?!站|上|页)")
HOLDER_KINDS = frozenset(("company", "province", "ownprovince", "unnamed", "ourcompany"))

# "其中": what follows is a part of the figure before it.
AMONG_RE = re.compile(r"其中")
# After a group's name, what makes it the speaker of a sentence, not a holder of its figures
# ("北方稀土董秘表示，…", "北方稀土公司称：…"): the group a later "公司" means, no more, unless
# the sentence says it obtained the figure (SPEAKER_GAINS).
SPEAKER_AFTER_RE = re.compile(
    r"(?:\(?集团\)?|股份|有限|控股|高科技|公司)*"
    r"(?:方面|董秘|董事长|总经理|总裁|相关负责人|负责人|相关人士|人士|高管)?"
    r"(?:表示|称|认为|指出|透露|介绍|坦言|回应|答复)\s*[,:，：]"
)
# In the rest of a speaker's sentence (up to SPEAKER_REACH characters), the group's own figure:
# "北方稀土表示:今年第一批获得…".
SPEAKER_GAINS = ("获", "分得", "拿到")
SPEAKER_REACH = 120
SENTENCE_STOP_RE = re.compile(r"[。!?\n]")
# After a group's name, what makes it a stock or another firm, not a holder ("厦门钨业股价大涨",
# "五矿证券研报称", "利好北方稀土等上市公司").
NOT_HOLDER_AFTER_RE = re.compile(
    r"(?:证券|研报|研究院|股价|股票|市值|大涨|大跌|涨停|跌停)|等(?:上市公司|龙头|个股|标的|概念股)"
)
# A by-product figure set beside the one before it, not as its part: "钨矿9750吨、综合回收2050吨".
BYPRODUCT_BESIDE_RE = re.compile(r"吨\s*[、和及与]\s*综合(?:利用|回收)")

# The document's own province in a provincial notice: "我省", "本省", "全省", "我区" (自治区).
OWN_PROVINCE_RE = re.compile(r"我省|本省|全省|我自治区|本自治区|全自治区|我区|本区")

# A comma that is a clause break, not a thousands separator ("1,376吨稀土开采指标" is one clause;
# "分别为135000,127000吨" two).
_BREAK_COMMA = r"(?:(?<!\d),|,(?!\d{3}(?!\d)))"
# A clause break, after full-width forms were made half-width: "，", "；", "）".
SEP_RE = re.compile(rf"[;)]|{_BREAK_COMMA}")

# A clause break as a token: ")" is read as CLOSE_RE's (the longer or earlier pattern wins).
SEP_TOKEN_RE = re.compile(r"[,;]")

# The end of a parenthesis, which closes a comparison or inclusion scope: "（含第一批）".
CLOSE_RE = re.compile(r"\)")

# The same period of another year: "去年同期", "上年同期", "去年同批", "2023年同一批次".
SAME_PERIOD_RE = re.compile(r"同期|同一?批次?")

# The issuance a notice itself makes ("本次下达我区…", "此次分解下达的…"): the title's year,
# whatever year an earlier clause named ("2020年度指标分两批下达，本次下达…" under a 2021 title).
THIS_ISSUE_RE = re.compile(r"(?:本次|此次|这次|本批)(?=.{0,4}?(?:下达|下发|分配|分解))")

# An oxide equivalent after a product tonnage (OXIDE_AFTER_RE).
_OXIDE = (
    r"折合?\s?(?:成|为)?\s?(?:稀土)?(?:氧化物|REO)(?:计)?"
    r"(?=\s?(?:约|为|是|近)?\s?[\d一二两三四五六七八九十])"  # an amount follows
)

# "其中" opening a sentence: it continues the previous one ("。其中岩矿型…"); so does an oxide
# equivalent ("…约15000吨。折氧化物约1.4万吨").
CONTINUES_RE = re.compile(rf"^\s*(?:(?:[(（]?[一二三四五六七八九十\d]+[)）、.]\s*)?其中|{_OXIDE})")

# Quotas issued ("下达至相关企业") but their size withheld ("未对外公布具体数额").
ISSUED_RE = re.compile(r"下达|发放|分配|下发")
UNDISCLOSED_RE = re.compile(
    r"(?:未|不|没有)[^,;。]{0,8}?(?:公布|公开|披露)|(?:数量|数额|指标量)不详"
)
# Not (yet) issued, or foreseen: no issuance to record ("尚未下达", "可能会在近期下发", "拟下发").
NOT_ISSUED_RE = re.compile(
    r"(?:未|没有|还没|将|拟|待|可能|或|有望)[^,;。]{0,4}?(?:下达|发放|分配|下发)|预计|预期|若|如果"
)

# Words saying a number is not a quota: prices, output ("去年生产稀土精矿…", "产出"; not the
# "生产计划" or "生产总量控制指标" of the older notices, nor a repost's "生产(chan) 总量"), trade,
# money, capacity, stocks.
NOT_QUOTA_RE = re.compile(
    r"(?=[价元产开冶分出进销营收利关税需消储库市股走回用排余剩预暂留实超生])"  # for speed only
    r"(?:价|元|产量|开采量|冶炼量|分离量|出口(?!配额)|进口|销量|销售|营收|收入|利润|关税|税率|"
    r"需求|消费|储量|储备|产能|库存|收储|市值|股价|走私|回收量|用量|排放|"  # "碳排放配额12万吨"
    r"余下|剩余|预留|暂不下达|留作|"  # what is held back: "另有2000吨作为预留"
    r"实际(?!下达|分配|发放)|实绩|超采|超出"  # what was done: "全年实际开采14.2万吨"
    r"|产出|(?<![将可准许])生产(?!\s*(?:\([a-z]{1,6}\)\s*)?(?:计划|总量|控制|指标|配额|企业|商|许可)))"
)

# Another commodity's quota, which ends ours: "钨品出口配额8000吨，钼品出口配额12000吨",
# "高铝黏土矿开采总量控制指标为10万吨". Named as a commodity ("钼品", "锡矿", "铟出口", "萤石开采"),
# not as a place ("锡林郭勒"): metals, and the other minerals under quotas or protected mining
# (fluorite, clays, bauxite, pyrite, barite, magnesite, talc, graphite, phosphate, potash).
OTHER_COMMODITY_RE = re.compile(
    r"(?:钼|铟|锗|镓|萤石|锡|铋|石墨|焦炭|铁|磷|锰|钒|钴|锂|镁|铝|铜|铅|锌|银|黄金|钾|煤炭?"
    r"|钽|铌|锆|钛|铬|镍|铂|钯|汞|铀|铍|硼|黏土|粘土|高岭土|铝土|硫铁|重晶石|菱镁|滑石|钾盐|岩盐"
    r"|金(?=精?矿))"  # gold ore ("资金等" is money)
    r"(?=精?矿|品|出口|开采|配额|产品|资源|总量|等|、)"
)

# A figure supposed or estimated, anywhere before it: "若按首批推算全年，将达12万吨",
# "据测算，…约为29.7万吨".
HYPOTHETICAL_RE = re.compile(r"若(?!干)|如果|假如|假设|年化|据(?:测算|估算|估计|预测|推算)")

# A figure foreseen, in the figure's own clause: "市场预计全年指标将增至30万吨", "有望达到".
FORECAST_RE = re.compile(r"预计|预期|预测|估计|有望|或将|测算")

# Years left vague: the figures after it belong to no one year we can name, until a year is
# named again ("近年来稳定在10万吨左右", "多年来维持在9万吨上下", "2018年以来从12万吨增至…").
VAGUE_YEARS_RE = re.compile(r"近年来?|近几年|近些年|历年来|多年来|每年|往年|逐年")
# "2018年以来" (a pattern of its own, scanned for only where a text says "以来" or "年来").
SINCE_YEAR_RE = re.compile(rf"{YEAR_NUMBER}\s*年(?:以来|来)")

# A year a plan aims at, not a quota's: "规划提出，到2020年，稀土开采总量控制在14万吨以内",
# "力争到2025年…" (a figure that rises to a year's, "从12万吨增加到2023年的25.5万吨", is that
# year's; so is one issued by a date, "到2023年3月…下达").
TARGET_YEAR_RE = re.compile(
    r"(?=[提要力争计目规到])"  # for speed only: the characters a match can start with
    r"(?:(?:提出|要求|力争|争取|计划|目标|规划)[^;。]{0,6}?到\s*(?:19|20)\d{2}\s*年(?:底|末)?"
    r"(?!\s*\d{1,2}\s*月)"  # a plan's words, then its year ("规划提出，到2020年稀土开采…")
    r"|(?:(?<=[,;:])|^)到\s*(?:19|20)\d{2}\s*年(?:底|末)?(?=\s*[,;]))",  # "…，到2025年，…"
    re.MULTILINE,
)

# A quota word: the clause, or the sentence, must speak of quotas (rewrites of foreign news say
# "开采上限", "限额" for a cap). "计划" is one as the plan ("生产计划", "总量控制计划", "计划指标"),
# not as "plans to" ("某公司计划今年采购3万吨"). Land-ministry notices also say "控制总量"
# ("钨精矿开采控制总量为…").
QUOTA_CUE_RE = re.compile(
    r"(?=[指配总上限计])"  # for speed only: the characters a match can start with
    r"(?:指标|配额|总量(?:控制|(?<=控制总量))|上限|限额"
    r"|计划(?:(?<=生产计划)|(?<=控制计划)|(?<=令性计划)|(?<=产品计划)|(?<=开采计划)|(?<=分离计划)"
    r"|(?<=年度计划)|(?<=稀土计划)|(?=\s*(?:指标|表|为|是|:))))"
)

# A quota as rewrites of foreign wire stories word it, "will produce" or "may mine" so much
# ("根据两部门的通知，中国将生产16.8万吨稀土", "获准开采…"): a quota word only in a sentence
# that cites the notice or the quota (PRODUCE_NOTICE_RE), else it is output.
PRODUCE_CUE_RE = re.compile(r"(?:允许|获准|将|可)(?:开采|生产)")
PRODUCE_NOTICE_RE = re.compile(r"通知|配额")

# Just before an amount, a change or a bound rather than a level: "增加1.5万吨", "超过10万吨".
DELTA_BEFORE_RE = re.compile(
    r"(?:增加|增长|减少|下降|提高|降低|上调|下调|调增|调减|增|减|多|少|超过|逾|近|不少于|不超过|不足"
    r"|多出|高出|少出|新增|缩减|压减|核减|削减|扩大"
    r"|超出|超额|超产"
    # Hong Kong and Taiwan wording: "较去年成长1.5万公吨", "调升", "上升", "提升", "下滑"
    r"|成长|调升|调涨|调降|上升|提升|攀升|下滑|下修|上修|缩减了|减少了)"
    # a verb then "为" gives the level it comes to ("2009年调减为82320吨"); a noun then "为", the
    # change ("增量为1.5万吨")
    r"(?:了|约|达)?\s*$|(?:增量|减量|增幅|降幅|增加量|减少量|差额)(?:了|约|达|为)?\s*$"
    r"|[-+−]\s*$"  # and signed changes: "某省(-1,000吨)"
)

# Just before an amount, "each": the one amount is every listed period's or year's ("均为12万吨",
# "2014年至2016年…一直维持在10.5万吨", "均保持在", "每年都是", "连续三年维持在", "连续3年为").
EACH_RE = re.compile(
    r"(?:均|都|各|一直|始终|连续\s*[两二三四五六七八九十\d]+\s*年)(?:维持|保持|稳定)?(?:在|为|是|达|达到)?\s*$"
)

# Just before an amount, a sum: "合计24万吨", "共计", "累计达到".
SUM_RE = re.compile(r"(?:合计|共计|累计|总计|合共|共)(?:为|是|达|达到)?\s*$")

# Just after an amount, a bound, a rate or a size: "10万吨以上", "5000吨/年", "万吨级".
AFTER_AMOUNT_RE = re.compile(r"^\s*(?:以上|以下|多|余|级|/|每)")

# Just after an amount, its oxide equivalent: the amount is a product tonnage, and the oxide figure
# after it is the quota ("出口配额为18704吨（折稀土氧化物16304吨）", "…16846吨，折REO14446吨",
# "…约15000吨。折氧化物约1.4万吨"); not a note that the amount is the oxide's
# ("3万吨（折氧化物计）").
OXIDE_AFTER_RE = re.compile(rf"[\s(,。]{{0,4}}{_OXIDE}")

# Just before a percentage, a stated change: "同比增长12.5%", "下降5%", "增幅为10%".
CHANGE_BEFORE_RE = re.compile(
    r"(?P<word>增长|增加|提高|上涨|上升|上调|增幅|涨幅|下降|减少|降低|下调|降幅|减"
    r"|成长|年增|调升|提升|下滑|年减|调降)(?:了|约|为|达)?\s*$"
)
FALLING = ("下降", "减少", "降低", "下调", "降幅", "减", "下滑", "年减", "调降")

# Tokens that tie an amount's clause to quotas even without a quota word of its own.
WORD_KINDS = frozenset((
    "quota_type", "category", "company", "province", "commodity",
    "batch", "cumulative", "annual", "first", "half", "year", "relyear",
))  # fmt: skip

# The longest span of years read as a list ("2006-2024年"); longer ones are not lists of quotas.
MAX_YEAR_SPAN = 25

# Periods that can be listed for amounts to map onto: "第一批、第二批各为5.25万吨、5.25万吨".
LISTED_PERIOD_KINDS = frozenset(("batch", "first", "annual", "cumulative", "half"))

# Tokens that name a period, a type or a holder, and so let a sentence continue the quota talk
# before it ("前两批合计…", "分省来看，江西省2.1万吨，湖南省1.2万吨").
PERIOD_KINDS = frozenset((
    "batch", "cumulative", "annual", "first", "half", "quota_type",
    "province", "company", "ourcompany",
))  # fmt: skip

# The smallest national figure (no category, no holder) that is plausibly a quota.
MIN_NATIONAL_TONNES = 1_000.0

# The longest row of holders written as text ("内蒙古自治区：稀土矿59500吨"), in characters.
MAX_ROW = 40

# The most rows a table set out with spaces is read for.
MAX_ROWS = 60

# Range of a plausible quota figure in tonnes; anything else is a typo or not a quota.
MIN_TONNES, MAX_TONNES = 10.0, 1_000_000.0

# Token patterns in the order they win ties (a longer match at the same place wins first).
TOKEN_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("issuedate", ISSUE_DATE_RE),
    ("date", MONTH_ZH_RE),
    ("date", YEAR_TIME_RE),
    ("years", YEAR_RANGE_RE),
    ("vague", VAGUE_YEARS_RE),
    ("vague", SINCE_YEAR_RE),
    ("vague", TARGET_YEAR_RE),
    ("batches", BATCH_LIST_RE),
    ("year", YEAR_ZH_RE),
    ("relyear", RELATIVE_YEAR_ZH_RE),
    ("cumulative", CUMULATIVE_ZH_RE),
    ("batch", BATCH_ZH_RE),
    ("annual", ANNUAL_RE),
    ("first", FIRST_BATCH_RE),
    ("half", HALF_YEAR_RE),
    ("include", INCLUDE_RE),
    ("addearlier", ADD_EARLIER_RE),
    ("exclude", EXCLUDE_RE),
    ("compare", COMPARE_RE),
    ("compare", FLAT_RE),
    ("compare", REFERENCE_RE),
    ("national", NATIONAL_RE),
    ("othercommodity", OTHER_COMMODITY_RE),
    ("ourcompany", OUR_COMPANY_RE),
    ("receiver", RECEIVER_RE),
    ("unnamed", UNNAMED_HOLDER_RE),
    ("unnamed", MINING_PLACES_RE),
    ("speech", SPEECH_COLON_RE),
    ("among", AMONG_RE),
    ("ownprovince", OWN_PROVINCE_RE),
    ("amount", AMOUNT_ZH_RE),
    ("amount", AMOUNT_ZH_SHARED_RE),
    ("amount", AMOUNT_ZH_NUMERAL_RE),
    ("percent", PERCENT_RE),
    ("close", CLOSE_RE),
    ("sep", SEP_TOKEN_RE),
    ("sameperiod", SAME_PERIOD_RE),
    ("thisissue", THIS_ISSUE_RE),
)

# "per cent" and "pc" in any case, as PERCENT_RE reads them.
CASES_OF_PER_PC = ("PC", "PER", "PEr", "Pc", "PeR", "Per", "pC", "pER", "pEr", "pc", "peR", "per")

# For speed only: words without one of which a pattern cannot match, so a text without any of
# them is not scanned for it (most patterns need a 年, a 批, a 月 or a 吨).
PATTERN_NEEDS: dict[re.Pattern[str], tuple[str, ...]] = {
    ISSUE_DATE_RE: ("月",),
    MONTH_ZH_RE: ("月",),
    YEAR_TIME_RE: ("年",),
    YEAR_RANGE_RE: ("年",),
    VAGUE_YEARS_RE: ("年",),
    SINCE_YEAR_RE: ("以来", "年来"),
    TARGET_YEAR_RE: ("到",),
    BATCH_LIST_RE: ("批",),
    YEAR_ZH_RE: ("年",),
    RELATIVE_YEAR_ZH_RE: ("年",),
    CUMULATIVE_ZH_RE: ("批", "轮"),
    BATCH_ZH_RE: ("批", "轮", "波"),
    ANNUAL_RE: ("年",),
    FIRST_BATCH_RE: ("首批", "首轮", "首波"),
    HALF_YEAR_RE: ("半年", "6月", "六月", "12月", "十二月"),
    INCLUDE_RE: ("含", "包括"),
    ADD_EARLIER_RE: ("加上", "连同", "算上"),
    EXCLUDE_RE: ("不", "未"),
    FLAT_RE: FLAT_NEEDS,
    REFERENCE_RE: ("年",),
    SPEECH_COLON_RE: (":",),
    THIS_ISSUE_RE: ("本次", "此次", "这次", "本批"),
    OUR_COMPANY_RE: ("公司",),
    NATIONAL_RE: ("全国", "合计", "总计"),
    SAME_PERIOD_RE: ("同期", "同批", "同一批"),
    RECEIVER_RE: ("获得", "获配", "分得", "分配到", "分到", "拿到"),
    AMOUNT_ZH_RE: ("吨", "t"),
    AMOUNT_ZH_SHARED_RE: ("吨", "t"),  # and a list of numbers: SHARED_LIST_RE
    # and a numeral's last digit: "一千三百七十六吨", "四千二百四十二吨"
    AMOUNT_ZH_NUMERAL_RE: (
        "万吨",
        "千吨",
        "百吨",
        "十吨",
        *(f"{d}吨" for d in "一二两三四五六七八九"),
    ),
    PERCENT_RE: ("%", *CASES_OF_PER_PC),
}

# For speed only: numbers in a list ("12万、11.5万", "120000,115000"), without which no amount
# shares the unit at the list's end (AMOUNT_ZH_SHARED_RE is not scanned for).
SHARED_LIST_RE = re.compile(r"\d\s*[万千]?\s*[、和及与,，]\s*\d")

# What may stand between two amounts of one list: "135000吨、127000吨", "12万和11.5万吨"
LIST_JOINER_RE = re.compile(r"[\s、,和及与]*")

# What may stand between two commodities of one list: "稀土矿、钨矿", "钨锑稀土", "稀土和钨精矿".
COMMODITY_JOINER_RE = re.compile(r"(?:精?矿)?[\s、,和及与]*")

# After an amount, "的" and the words it qualifies ("13.5万吨的2024年第一批…指标"), not a type
# bound to the amount alone ("94580吨开采指标" reads as before).
QUALIFIER_RE = re.compile(r" ?的(?= ?(?:(?:19|20)\d{2}|今年|去年|明年|第|首批|前|全年|稀土|钨|锑))")

# After a year named again, its total: "今年的出口配额总量为…", "全年合计" (not "总量控制指标").
YEAR_TOTAL_RE = re.compile(r"[^,;。]{0,10}?(?:总量(?!控制)|总计|合计|共计|总额)")

# The end of a line that opens a list: "…下达如下：", "分配情况为：".
LIST_INTRO_RE = re.compile(r"(?:如下|为|是)$")

# A sentence of a few words that opens a list of rows: "主要省份分配如下：", "分省情况如下:",
# "各集团分配情况如下", "具体如下：" (not a sentence with figures of its own, which is read).
LIST_OPENER_RE = re.compile(r"^[^,;。]{0,16}?如下\s*:?\s*$")

# A forecast or an estimate that governs the clauses after it: "有分析人士估计，今年…约为14万吨".
FORECAST_LEAD_RE = re.compile(r"(?:预计|预期|预测|估计|估算|测算|推算)\s*[,:]")

# A clause opening on the level a change comes to: "达到27万吨", "增至", "提高到", "调整为".
# Just before an amount in a comparison, the level a change comes to: the figure's own, not
# the compared one's ("较去年第一批增加1.5万吨至13.5万吨", "比上年提高到27万吨").
LEVEL_AFTER_RE = re.compile(
    r"(?:吨|增加|增长|提高|上调|下调|减少|降低|调增|调减|增|减|升|降|调整)\s*(?:至|到)\s*$"
    r"|(?:增加|增长|提高|上调|下调|减少|降低|调增|调减|调整)\s*为\s*$"
)

RESULT_RE = re.compile(
    r" ?(?:并|共|总量|总计|合计|全年)?(?:达到|增至|增加到|增加至|提高到|提高至|升至|上调至|调增至"
    r"|降至|减至|下调至|调减至|调整为|达)"
)

# What may stand between a group's name and its "公司": "集团", "(集团)", "股份", "有限".
COMPANY_SUFFIX_RE = re.compile(r"(?:\(?集团\)?|股份|有限|控股|高科技)*")

# What a row of a list written as text holds besides the words we know and its figures.
ROW_FILLER_RE = re.compile(r"[\s:,;、()为是共计各。.]*")

# Tokens that name a commodity, ours or another, in a list of commodities.
COMMODITY_KINDS = ("commodity", "othercommodity")

# The characters ``figures.clause_bounds`` looks at (the others it passes over).
CLAUSE_MARK_RE = re.compile(rf"[();]|{_BREAK_COMMA}")

# For speed only (``rules._last_figure_line``, ``rules._scan_end``): the words an undisclosed
# issuance ends on, the "t" of "万t", a row of a table set out with spaces, the blanks after a
# line, and how far past the end of the last line read tokens are still looked for (no pattern's
# look-ahead reaches more than about 30 characters past its match).
UNDISCLOSED_WORDS = ("公布", "公开", "披露", "不详")
WAN_T_RE = re.compile(r"万\s*t(?![A-Za-z])")
SPACED_ROW_RE = re.compile(r"^(?=[^\n]*\d)[^\n]*\S[^\S\n]+\S", re.MULTILINE)
BLANKS_RE = re.compile(r"\s*")
LOOKAHEAD_REACH = 256
