/**
 * SPEC §5 INTENTSTAGE — the signals (表征) of 客户意向判断及提升模型 [seed 002], as concepts.
 *
 * A signal is a concept (e.g. *asks* × *price*), not a fixed string. Each concept lists its
 * Chinese and English surface forms; the note reader (../noteReader.ts) finds them in a note
 * across small gaps and inflections, scopes negation to the clause, and applies the decision
 * rule. This module is data only: the words, which concept each belongs to, and which stage
 * each concept signals. A workbook adds its own phrases through `Criteria.stageWords`.
 */
import type { Stage } from "./intentStages";

/** The parts a two-part signal is made of (a verb-like part and an object-like part). */
/** A list of forms written `a|b|c` (Chinese and English side by side), trimmed. */
const w = (forms: string): readonly string[] =>
  forms
    .split("|")
    .map((f) => f.trim())
    .filter((f) => f !== "");

export type SignalPart =
  | "ask"
  | "answer"
  | "question"
  | "basics"
  | "results"
  | "process"
  | "compare"
  | "rival"
  | "book"
  | "visit"
  | "confirm"
  | "deal"
  | "contract"
  | "hand"
  | "listen"
  | "intro"
  | "tell"
  | "callAgain"
  | "material"
  | "money"
  | "arrived"
  | "when"
  | "payVerb"
  | "look"
  | "site";

export interface Concept {
  readonly id: string;
  readonly label: { readonly zh: string; readonly en: string };
  /** the stage this concept signals (null: a word that signals nothing on its own) */
  readonly stage: Stage | null;
  /** the stage when negated in its clause (`没兴趣` → −1); null or absent: counts for nothing */
  readonly negated?: Stage | null;
  /** forms that are the signal on their own (Chinese and English, any case) */
  readonly words: readonly string[];
  /** two parts within a few characters of each other in one clause, either order */
  readonly pairs?: readonly (readonly [SignalPart, SignalPart])[];
  /**
   * Won only when done: in a clause that also holds a plan marker (`下周`, `准备`, `过来`,
   * "will") the form reads as stage 4 (closing time fixed); after an *ask* in its clause
   * (`问付款方式`) it reads as stage 3.
   */
  readonly unlessPlanned?: boolean;
  /**
   * What it says covers the next signal in its clause: a refusal of it (`拒绝试听`), a
   * complaint about it (`抱怨费用太高`), a condition on a deal (`如果签约`, "deal" only:
   * stages 4 and 5); that signal counts for nothing. "clause": every later signal of its clause,
   * however far (a complaint is about the rest of its clause: `吐槽上一家装修公司拖工期`).
   */
  readonly coversNext?: "all" | "deal" | "clause";
  /** counts only when one of LATER_MARKERS follows it in the note (`在开会，说3点后回`) */
  readonly needsLater?: boolean;
  /**
   * the stage in a clause that asks (`问定金多少`, `定金能退吗`, "asked how to pay the deposit"):
   * a question about a payment is a term of the deal, not the deal
   */
  readonly asked?: Stage;
  /** a bare question or reply: a refusal in the same clause outweighs it (`还问我们怎么拿到她电话的`) */
  readonly weak?: boolean;
}

/** The words of each part (the verb-like and object-like halves of a two-part signal). */
export const PARTS: { readonly [P in SignalPart]: readonly string[] } = {
  ask: w(
    "问|问了|问到|问起|问及|询问|咨询|打听|了解|关心|关注|在意|想知道|谈|聊|" +
      "ask|asks|asked|asking|inquired|inquires|inquiring|enquired|enquires|wanted to know|" +
      "wants to know|curious about|questions about|discussed|talked about|checked",
  ),
  answer: w(
    "回答|回复|答复|解答|answer|answers|answered|answering|replied|responded",
  ),
  question: w("问题|question|questions"),
  basics: w(
    "基本信息|基本情况|怎么回事|是做什么的|做什么的|干什么的|干嘛的|怎么做的|产品|公司情况|公司介绍|" +
      "what we do|basic information|basic info|how it works|the product|our product|our company",
  ),
  results: w(
    "效果|案例|转化|转化率|投入产出|回报|收益|见效|适合|效率|质量|口碑|" +
      "roi|result|results|case study|case studies|conversion|conversions|performance|outcomes",
  ),
  process: w(
    "delivery|" +
      "流程|手续|材料|证件|怎么办理|怎么买|怎么报名|怎么交|带什么|合同|价|费|" +
      "process|paperwork|documents|contract|price|cost|fee|fees|how to buy|how to pay",
  ),
  compare: w(
    "对比|比较|比了|比一比|比比|比一下|货比三家|看|看了|比|" +
      "compare|compares|compared|comparing|comparison|benchmarking",
  ),
  rival: w(
    "the other agency|other agency|other vendor|other dealer|other dealership|other provider|other supplier|other firm|other brand|other school|other platform|another platform|another brand|another school|another firm|chose another|went with|lost to|选了别家|用了别家|找了别家|在用别家|用着别家|用的别家|竞品|竞争对手|别的|另一家|另外一家|其他的|another dealer|another agency|another company|another supplier|another provider|another broker|other dealer|instead|in-house|in house|自己开发|自研|同行|别家|别的家|别的店|其他家|其他公司|友商|旁边|隔壁|别的盘|其他楼盘|" +
      "competitor|competitors|competition|other vendors|another vendor|alternatives|elsewhere|another studio|other studio|another store|other store|another shop|另一个机构|别的机构|其他机构|隔壁机构|别的公司|别的店",
  ),
  book: w("约|约了|约好|约定|预约|安排|book|booked|scheduled|arranged"),
  visit: w(
    "拜访|上门|面谈|见面|来公司|到店|来店|看房|看车|来看|试驾|试听|演示|参观|量房|考察|到院|面诊|看工地|看店|试机|验厂|去看|看项目|" +
      "visit|meeting|demo|test drive|viewing|tour",
  ),
  confirm: w(
    "确定|确认|决定|答应|同意|敲定|定了|拍板|" +
      "confirmed|decided|agreed|committed",
  ),
  deal: w(
    "单子|订单|合作|成交|签约|签合同|签|下单|购买|采购|买|报|报名|要|用|上|做|选|订|投保|投|加盟|办卡|装|配置|" +
      "go ahead|to buy|to sign|the deal|to enroll|to take|the order",
  ),
  contract: w("合同|协议|contract|agreement"),
  hand: w("递|发|给|看|审|拿|带|寄|sent|send|reviewing|reviewed|review"),
  tell: w(
    "说|让|叫|要|让我|叫我|让我们|said to|told me to|told us to|asked for",
  ),
  callAgain: w("再打|再打过来|晚点打|再联系|发个短信|发微信|call|text"),
  material: w(
    "资料|发点|发份|产品介绍|介绍资料|公司介绍|产品手册|手册|画册|目录|样册|pdf|户型图|彩页|materials|brochure|catalogue|catalog|price list",
  ),
  money: w(
    "账户|账号|对公账户|哪个账户|全款|按揭|account|full payment|mortgage|首充|充值|预存款|款|钱|货款|尾款|首付款|定金|订金|学费|保费|payment|funds|deposit|money|the balance|wire|po|purchase order",
  ),
  arrived: w(
    "进账|入账了|已入账|到账户|in our account|hit our account|hit the account|in the account|已到|到了|已收到|收到了|收到|收了|打过来了|转过来了|已打|已转|转了|打到|结清|已结清|received|cleared|came in|came through|went through|arrived|wired|transferred|landed",
  ),
  when: w(
    "今天下午|今天晚上|今晚|明天|明早|后天|下午|周一|周二|周三|周四|周五|周六|周日|星期一|星期二|星期三|星期四|星期五|月底|月初|下周|下礼拜|几号|号前|" +
      "promised|promises|promised to|by monday|by tuesday|by wednesday|by thursday|by friday|by the end of|tomorrow|this afternoon|next week",
  ),
  payVerb: w(
    "转|转账|转款|转过来|打款|打过来|付|付款|付清|交钱|盖好|盖章|签回|签好|" +
      "pay|payment|wire|transfer|sign",
  ),
  listen: w("听|听了|听完|听取|listened to|heard"),
  look: w("看|看了|去看|看过|参观|参观了|考察|考察了|toured|saw|seen"),
  site: w(
    "工地|现场|门店|直营店|展厅|样板间|样板房|工厂|厂房|总部|基地|园区|showroom|factory|site|plant",
  ),
  intro: w("介绍|讲解|方案|pitch|presentation|intro|overview"),
};

/**
 * Markers that make a won form a plan (stage 4) when they share its clause: time to come,
 * intent, coming over to sign, a fixed date, agreement to sign.
 */
export const PLANNED_MARKERS: readonly string[] = w(
  "准备|打算|计划|预计|争取|希望|想|要|会|将|等|待|就差|约|约定|约好|确定|确认|决定|答应|同意|" +
    "下周|下个月|下月|明天|后天|上午|下午|晚上|今晚|马上|尽快|月底|月初|周末|周一|周二|周三|周四|周五|周六|周日|周天|星期|" +
    "下次|到时候|什么时候|时间|过来|来|回来|当天|之前|再|" +
    "will|going to|plan to|plans to|planning to|ready to|agreed to|agrees to|about to|" +
    "expected to|expects to|wants to|would|next week|next month|tomorrow|pending|waiting|" +
    "scheduled|when to|to be",
);

/**
 * Time to come and plans that make even a done-looking won form (`签了`, `付全款`, "signed")
 * a plan when they share its clause and the form is not marked done (已/已经): `说月底把合同签了`,
 * `下个月提车时付全款`, "will sign once legal is done" are stage 4, not won. Narrower than
 * PLANNED_MARKERS: `下午过来把首付交了` reports a payment made.
 */
export const FUTURE_MARKERS: readonly string[] = w(
  "月末|月中|年初|年末|下周|下礼拜|下星期|下个礼拜|下个星期|过几天|过两天|年后|节后|下个月|下月|月底|月初|年底|明天|明早|后天|明年|下次|到时候|计划|打算|准备|约好|约定|预计|争取|等到|" +
    "will|'ll|going to|plan to|plans to|planning to|expected to|expects to|next week|next month|" +
    "tomorrow|once|as soon as|by friday|by monday|by the end of|to be|due to|scheduled to|expected|pending|awaiting",
);

/**
 * A deal that failed, was cancelled or refunded: in a clause with a won form, a deal signal
 * (stage 4) or a payment or contract word, before or after it, the deal counts as a refusal
 * (−1), never as won or confirmed: `签约失败`, `签单黄了`, `定金退了`, `客户退款了`,
 * `合同作废了`, "signing fell through", "deal cancelled after signing".
 */
export const FAILURE_MARKERS: readonly string[] = w(
  "失败|取消|取消了|黄了|没成|没谈成|没签成|泡汤|作废|退了|退订|无望|搁浅|告吹|流产了|撤单|撤销|毁约|" +
    "fell through|falls through|cancelled|canceled|cancellation|backed out|pulled out|called off|voided",
);

/** A failed deal on its own (money given back): `客户退款了`, `退了定金`, "refunded" are −1. */
export const FAILED_DEALS: readonly string[] = w(
  "退款|退了款|退定金|退了定金|退订金|退钱|退了钱|退费了|退学费|refunded|refund issued|got a refund|money back",
);

/**
 * Buying, signing, enrolling or booking with another business: one of these with a rival
 * (PARTS.rival) in its clause is a refusal (−1): `在别的店订了`, `报了隔壁机构的班`, `在别家拍了`,
 * `换了别家`, "booked with another studio".
 */
export const RIVAL_DEAL_VERBS: readonly string[] = w(
  "订了|订的|定了|定的|找了|报了|拍了|换了|换成|换到|买了|买的|选了|签了|签的|交了|装了|做了|办了|去了|用了|" +
    "booked|bought|signed|enrolled|switched|chose|hired|purchased|went with|signed up",
);

/** Marks a won form as done (`已`, `已经`): no plan turns it into stage 4. */
export const DONE_MARKERS: readonly string[] = w(
  "已|已经|already|has|have|had",
);

/**
 * A won form followed by one of these is a condition for what follows (`签了就安排进场`,
 * `付了款就发货`, `签了合同再谈售后`): the signing is still to come, stage 4.
 */
export const THEN_MARKERS: readonly string[] = w(
  "就|才|再|then we|and then we|before we",
);

/**
 * Intent and agreement just before a won form make it a plan even when it reads as done
 * (`同意签约了`, `确定买了`, "agreed to sign"): stage 4.
 */
export const INTENT_MARKERS: readonly string[] = w(
  "准备|打算|计划|想|要|将|会|愿意|同意|答应|确定|确认|决定|拍板|敲定|定了|" +
    "will|going to|plan to|ready to|agreed to|about to|wants to|would",
);

/** A later time agreed after "cannot talk now": `在开会，下周再约`, "driving, call me back tonight". */
export const LATER_MARKERS: readonly string[] = w(
  "再|回|回头|改天|稍后|晚点|晚些|下周|下次|明天|后天|晚上|下午|上午|周末|周一|周二|周三|周四|周五|周六|周日|" +
    "明早|明晚|今晚|早上|点后|几点|later|back|again|tonight|tomorrow|next week|monday|tuesday|wednesday|thursday|" +
    "friday|saturday|sunday|after",
);

/** A clause with one of these (or ending in a question mark) asks about a deal, it does not report one: `可以刷卡吗` is 3. */
export const QUESTION_MARKERS: readonly string[] = w(
  "吗|么|嘛|多久|多长时间|能不能|可不可以|可以不|怎么|如何|是否|whether|how long|how to|how do|how does|can they|could they|can we|could we",
);

/** Negators (SPEC §5): a signal after one in the same clause counts for nothing. */
export const NEGATORS: readonly string[] = w(
  "不|没|没有|沒|沒有|未|别|无|非|不再|不太|不是|并不|并未|尚未|还没|还没有|还未|从没|从未|并没有|差点|" +
    "not|never|no|nothing|no longer|hasn't|hasnt|haven't|havent|hadn't|didn't|didnt|doesn't|doesnt|" +
    "don't|dont|isn't|wasn't|won't|wont|can't|cannot|without|yet to|has not|have not|" +
    "did not|does not|do not|almost",
);

/** Words that end a clause (besides punctuation): negation does not cross them. */
export const CLAUSE_BREAKS: readonly string[] = w(
  "但|但是|不过|可是|然而|后来|之后|然后|结果|最后|但说|的话|but|however|later|then|although|though",
);

/**
 * Words that contain a negator or a signal but are neither (`不错`, `有没有`, `问题不大`):
 * matched longest first so that their parts are not read.
 */
export const NEUTRAL_WORDS: readonly string[] = w(
  "稍后再拨|无人接听|未接通|没接通|没人接|关机|voicemail|no answer|left a message|left a voicemail|转发|转介绍|转告|转达|转交|转给他|转给领导|转给老板|" +
    "不错|不少|不久|不同意|不一样|不一定|不断|不仅|不管|不知道|不清楚|不确定|不好说|差不多|" +
    "有没有|是不是|能不能|可不可以|要不要|会不会|好不好|行不行|对不对|包不包|有无|无论|没问题|" +
    "没关系|问题不大|没想到|不然|不好意思|不得不|不停|不光|不足|不止|不耐烦|" +
    "特别|分别|级别|类别|告别|别人|没错|未来|非常|无所谓|除非|顾问|问候|访问|请问|学问|" +
    "开会员|标签|签到|签证|签收|会员|机会|会议室|社会|比如|比例|比上次|性价比|" +
    // 比较 as an adverb (rather, quite), not "compare": 现在比较忙, 比较犹豫
    "现在比较|比较忙|比较急|比较慢|比较快|比较远|比较近|比较难|比较麻烦|比较犹豫|比较谨慎|比较满意|比较好|比较多|比较少|比较大|比较小|比较高|比较低|比较紧|比较晚|比较早|比较特殊|比较复杂|比较简单|比较着急|比较忙碌|" +
    "效果图|试用装|电话拜访|已收到|提交|交流|上班|上课|上市|上门服务|要求|需要我们|" +
    "得问问|要问问|先问问|问问家里|问问老公|问问老婆|问问领导|问问老板|签几年|签多久|签多长|最短签|最少签|" +
    "no problem|not sure|no idea|not only|nothing else|signed for|signed for by|paid ads|paid search|paid social|" +
    "paid media|paid traffic|signed nda|signed the nda|signed an nda|signed up for|stage of|" +
    "asked us to|asked me to|asked to|asking us to|asking me to|asks us to|asks me to|" +
    "not rude|no rush|if so|已交流|已交代|已签到|已签收|充了电|充电|刷了朋友圈|成交量|再决定|太贵|嫌贵|too expensive|报不报|买不买|做不做|免费|签不签|一签|签约前|签合同前|签之前|付款前|签名|对接人|等回复|待回复|等待回复|等他回复|awaiting reply|waiting for a reply|no reply|no response",
);

export const CONCEPTS: readonly Concept[] = [
  // −1 拒绝: refuses, hangs up, not interested [seed 002]
  {
    id: "refuse",
    label: { zh: "拒绝", en: "refuses" },
    stage: -1,
    negated: 0,
    coversNext: "all",
    words: w(
      "以后再说|过段时间再说|改天再说|以后再联系|maybe later|some other time|not now|not right now|先不考虑|暂时不用|暂时不需要|never use|never buy|never again|never call|never contact|don't contact|not to contact|在用别家|用着别家|用的别家|already using|" +
        "happy with their current|satisfied with their current|happy with our current|already have a provider|already have a vendor|已有供应商|已经有合作的|lost to|lost the deal|丢单|有需要再联系|有需要再说|有需要会联系|需要的时候再联系|" +
        "怎么拿到|哪来的电话|号码删掉|删掉|remove her from|remove him from|remove me from|remove us from|unsubscribe|" +
        "拒绝|拒接|回绝|挂电话|挂断|挂了|直接挂|秒挂|不感兴趣|不需要|不用了|不想要|不想做|不想学|" +
        "不想换|不想了解|不考虑|不再考虑|不合作|不做了|不做|不买|不买了|不报|不报了|不学了|" +
        "不要了|不打算|没需求|没有需求|无需求|没预算|没有预算|别再|别打了|不要再|不要打了|" +
        "不用再|别联系|拉黑|被拉黑|被block|block了|删了好友|被删了|反感|恶言|骂人|骂了|态度恶劣|选了别家|用了别家|找了别家|取消了|" +
        "refused|refuses|refuse|declined|declines|rejected|hung up|hangs up|hang up|" +
        "not interested|uninterested|no need|not needed|no thanks|said no|do not call|" +
        "don't call|not to call|stop calling|blocked|doesn't want|don't want|does not want|" +
        "went with|chose another|no budget",
    ),
  },
  {
    id: "interest",
    label: { zh: "有兴趣", en: "interest" },
    stage: 1,
    negated: -1,
    words: w("感兴趣|有兴趣|有意向|interested"),
  },
  {
    id: "need",
    label: { zh: "需求/意向", en: "need, intent" },
    stage: null,
    negated: -1,
    words: w("兴趣|意向|意愿|需要|需求|interest|need|needs"),
  },
  {
    id: "hypothetical",
    label: { zh: "假设", en: "a condition" },
    stage: null,
    coversNext: "deal",
    words: w("如果|要是|假如|万一|if|unless"),
  },
  // 0 不拒绝: not averse, no harsh words, complains, cold-call refusal, busy and agrees to a later time [seed 002]
  {
    id: "notAverse",
    label: { zh: "不拒绝、不反感", en: "not refusing, not averse" },
    stage: 0,
    words: w(
      "不拒绝|不反感|不排斥|无过激语言|没有过激语言|无过激|没有恶言|态度还行|态度还可以|态度不错|" +
        "态度一般|语气还好|挺客气|很客气|not refusing|does not refuse|not averse|polite|" +
        "no harsh words|friendly|not rude|okay with a call|ok with a call",
    ),
  },
  {
    id: "complains",
    label: { zh: "抱怨、发牢骚", en: "complains" },
    stage: 0,
    coversNext: "clause",
    words: w(
      "嘟囔|嘀咕|念叨|发牢骚|抱怨|牢骚|吐槽|埋怨|诉苦|发泄|complain|complains|complained|complaining|complaint|" +
        "grumbled|grumbles|grumbling|vented|moaned|griped",
    ),
  },
  {
    id: "coldCall",
    label: { zh: "不了解/陌生电话", en: "does not know us, cold call" },
    stage: 0,
    words: w(
      "陌生电话|骚扰电话|推销电话|不了解|不太了解|没听说过|没听过|不懂|不太懂|cold call|spam call|" +
        "sales call|never heard of|not familiar|doesn't know us|didn't know us",
    ),
  },
  {
    id: "busy",
    label: {
      zh: "现在不方便，约了稍后",
      en: "cannot talk now, a later time agreed",
    },
    // stage 0 only when a later time follows it in the note (LATER_MARKERS); alone it says nothing
    stage: 0,
    needsLater: true,
    words: w(
      "into a meeting|heading into a meeting|going into a meeting|" +
        "在开会|开会中|正在开会|开会|在忙|很忙|没空|不方便|在外面|在开车|在接孩子|在上班|在外地|in a meeting|busy|driving|at work|travelling|traveling|bad time|not a good time",
    ),
  },
  {
    id: "later",
    label: { zh: "不方便，约下次", en: "busy, agrees to a later time" },
    stage: 0,
    words: w(
      "晚点打|晚点再打|再打给我|打给我|agreed to talk|agreed to speak|talk next week|talk again|speak again|" +
        "" +
        // 回头再说 alone is a brush-off (no time agreed): no signal
        "稍后|晚点|晚些时候|改天|回头联系|下次再聊|下周再聊|下次再说|再聊|再联系|" +
        "点以后打|点以后再打|点后打|点后再打|点之后打|点之后再打|以后再打|之后再打|晚些打|晚点联系|晚点再联系|" +
        "约定下次|下次联系|回电|发个短信|" +
        "call back|callback|call later|call me later|call after|" +
        "reach out|" +
        "follow up later|agreed a later time|text her|text him|text me|send a text",
    ),
    pairs: [["tell", "callAgain"]],
  },
  // 1 有互动: answers questions, asks basic information, long sentences and own ideas [seed 002]
  {
    id: "asks",
    label: { zh: "主动询问", en: "asks" },
    stage: 1,
    weak: true,
    words: w(
      "问|问了|问到|问起|询问|咨询|打听|想知道|ask|asks|asked|asking|inquired|inquires|enquired|" +
        "wanted to know|wants to know|curious",
    ),
  },
  {
    id: "answers",
    label: { zh: "回答问题", en: "answers questions" },
    stage: 1,
    weak: true,
    words: w("回答|回复|答复|answered|answers|answering|replied|responded"),
  },
  {
    id: "interacts",
    label: { zh: "有互动", en: "interacts" },
    stage: 1,
    words: w(
      "说了很多|讲了很多|聊了很多|讲了很长|说了很长|讲了一大段|说了一大段|讲了一大堆|说了一大堆|讲了半天|讲了他们|说了他们|讲了公司|" +
        "talked at length|talked a lot|long answers|long answer|walked me through|responding now and then|responded now and then|回了消息|回消息了|回了微信|了解一下|讲了想要|有互动|互动|愿意听|听了介绍|听完介绍|耐心听|认真听|聊得不错|聊得挺好|聊得很好|聊了很久|" +
        "聊了|聊开了|聊上了|聊了一些|详细聊|聊聊|挺能聊|能聊|健谈|配合|问什么答什么|沟通顺畅|" +
        "愿意沟通|愿意二次沟通|二次沟通|愿意了解|想了解|讲讲|介绍一下|讲述想法|讲自己的想法|" +
        "愿意再聊|可以再聊|还能再聊|愿意继续聊|愿意继续沟通|答应再聊|willing to talk again|happy to talk again|" +
        "说了自己|说自己|讲了自己|介绍了自己|说了一堆|说了半天|说了孩子|的情况|自己的想法|" +
        "长句子|介绍自己的情况|要资料|要了资料|发我看看|要了产品手册|要产品手册|要了手册|要手册|要画册|要了画册|要目录|" +
        "了解下|了解了解|先了解|说了好多|讲了好多|聊了好多|听我讲|听我说|听我介绍|听我们介绍|" +
        "asked for a catalogue|asked for a catalog|asked for a brochure|asked for the brochure|own ideas|their ideas|" +
        "interacts|interacted|interactive|engaged|listened|listens|listening|shared ideas|" +
        "shared their|own ideas|chatted|good chat|explained|told me a lot|told me about|" +
        "opened up|willing to talk|asked for materials|asked for info",
    ),
    pairs: [
      ["tell", "material"],
      ["answer", "question"],
      ["ask", "question"],
      ["ask", "basics"],
      ["listen", "intro"],
    ],
  },
  // 2 评估价值: asks about results, compares with competitors, related services; a visit can be booked [seed 002]
  {
    id: "results",
    label: { zh: "询问效果", en: "asks about results" },
    stage: 2,
    words: w(
      "成功案例|师资|" +
        "评估价值|评估|效果|转化率|见效|收益|保值|保值率|升值|升值空间|通过率|就业|推荐工作|稳定性|" +
        "宕机|油耗|续航|环保|甲醛|咨询量|询盘|效率提升|哪个更适合|好不好租|出租|性价比|" +
        "成功率|货损|破损率|故障率|返修率|良品率|合格率|发电量|多少度电|回本|回本周期|回报率|收益率|年化|" +
        "录取率|升学率|就业率|生意怎么样|生意好不好|赚不赚钱|挣不挣钱|能赚多少|实测数据|运行数据|发电数据|看看数据|" +
        "success story|success stories|testimonials|references from|how it performs|how they perform|perform in|" +
        "哪些案例|有没有案例|什么案例|相关案例|类似案例|案例多不多|" +
        "roi|case study|case studies|pass rate|track record",
    ),
    pairs: [["ask", "results"]],
  },
  {
    id: "compares",
    label: { zh: "与竞品比较", en: "compares with competitors" },
    stage: 2,
    words: w(
      "做比较|作比较|做个比较|" +
        "对比|比较了|比较一下|比较下|在比较|做了比较|货比三家|比了几家|比比|比一比|比有什么|比呢|" +
        "拿我们跟|拿我们和|跟我们比|和我们比|比来比去|" +
        "区别|有什么不同|什么不同|优势|compared|compares|comparing|compare|comparison|" +
        "difference|different from|versus|evaluating|evaluates",
    ),
    pairs: [
      ["compare", "rival"],
      ["visit", "rival"],
    ],
  },
  {
    id: "services",
    label: { zh: "咨询相关服务", en: "asks about related services" },
    stage: 2,
    words: w(
      "对口|安装服务|安装|维修|保养|增值服务|配套服务|其他服务|别的服务|其他产品|别的产品|还有什么服务|还有什么产品|代运营|托管|" +
        "other services|other products|add-on|add-ons|installation|maintenance plan|" +
        "website development|website design|web development|build a website|咨询相关服务|相关服务|咨询相关信息|网站建设|网盟产品情况|定制开发|对接|接口|迁移|" +
        "集成|物业|学区|配套|交通|related services|integrate|integrates|" +
        "integration|integrations|customization|customisation",
    ),
  },
  {
    id: "visit",
    label: { zh: "可以约访", en: "a visit can be booked" },
    stage: 2,
    words: w(
      "a meeting|meet in person|meet up|" +
        "来了一趟|又来了|量尺|量房|量房子|实地考察|考察|到院|面诊|看工地|看了工地|看现场|看了现场|看店|看了店|看门店|看了门店|看样板|看样品|看了样品|看厂|验厂|来厂|到厂|试机|进店|" +
        "可以约访|约访|面谈|见面谈|上门拜访|拜访|上门|到店|来店|看房|看车|来看|过来看|看现场|样板间|" +
        "带看|到访|来访|试驾|试听|演示|试用|参观|测评|体验|来公司|visit|visited|visiting|" +
        "site visit|visit booked|meeting booked|booked a meeting|demo|trial|test drive|" +
        "viewing|showroom visit|came in|came by|dropped by|came over|consultation",
    ),
    pairs: [
      ["book", "visit"],
      ["look", "site"],
    ],
  },
  // 3 考虑成交: price, discount, prepayment, after-sales, go-live; not averse to a contract [seed 002]
  {
    id: "price",
    label: { zh: "询问价格", en: "asks the price" },
    stage: 3,
    words: w(
      "报个价|报下价|报一下价|报个价格|全款多少|费用多少|费用是多少|多少费用|" +
        "considers a deal|" +
        "考虑成交|价格|价钱|价位|报价|报了价|询价|问价|多少钱|收费|单价|总价|落地价|裸车价|底价|" +
        "最低价|一口价|砍价|讲价|议价|压价|学费|年费|服务费|保费|物业费|退费|" +
        "交多少|年交|price|prices|pricing|priced|quote|quoted|quotation|" +
        "how much|considering",
    ),
    pairs: [["ask", "process"]],
  },
  {
    id: "discount",
    label: { zh: "询问优惠", en: "asks for a discount" },
    stage: 3,
    words: w(
      "优惠|折扣|打折|打个折|几折|打几折|减免|让利|便宜|补贴|有没有送|送什么|赠品|最低充|充多少|" +
        "9折|8折|7折|6折|5折|95折|9.5折|88折|九折|八折|七折|六折|五折|九五折|八八折|" +
        "discount|discounts|fee waiver|waive|cheaper|promotion|% off",
    ),
  },
  {
    id: "prepay",
    label: { zh: "预存款与付款方式", en: "prepayment and terms" },
    stage: 3,
    words: w(
      "退款政策|退款规则|能不能退|可不可以退|可以退吗|能退吗|退不退|怎么退|refund policy|refundable|预付|预付款|预付的钱|先付|付一半|按进度付|分几次付|分两次付|按月付|月付|paid monthly|pay monthly|monthly payments|pay in installments|预存|预存款|付款方式|分期|首付|月供|贷款|公积金|怎么付款|如何付款|付款节点|" +
        "多久能开业|开业要多久|多久能上线|多久能交付|多久能装|how long till|how long until|installation date|月结|现结|账期|结算方式|怎么结算|付款周期|prepayment|prepay|prepaid|payment terms|payment schedule|payment plan|installments|instalments|financing",
    ),
  },
  {
    id: "afterSales",
    label: { zh: "售后与上线", en: "after-sales and go-live" },
    stage: 3,
    words: w(
      "提车要|多久提车|什么时候提车|提车周期|多久能提|" +
        "delivery date|delivery time|lead time|保修|保不保修|包不包修|保修吗|质保|质保期|包修|谁修|谁来修|交期|交货期|货期|多久交货|多久发货|多久到货|工期|多久完工|多久开业|开业时间|多久能装|安装周期|warranty|sla|" +
        "售后|上线|交付|交房时间|提车时间|开课时间|理赔|报名流程|购房流程|after-sales|after sales|" +
        "aftersales|go live|go-live|going live|launch date|onboarding|implementation",
    ),
  },
  {
    id: "contract",
    label: { zh: "不反感递合同", en: "not averse to a contract" },
    stage: 3,
    words: w(
      "out for signature|sent for signature|" +
        "递合同|看合同|发合同|要合同|合同模板|合同条款|合同草稿|合同不反感|不反感递合同|" +
        "contract sent|sent the contract|reviewing the contract|contract terms",
    ),
    pairs: [["hand", "contract"]],
  },
  // 4 确定成交: closing time fixed but travelling; amount under consideration; blocked by another person in charge [seed 002]
  {
    id: "confirmed",
    label: { zh: "确定成交", en: "deal confirmed" },
    stage: 4,
    words: w(
      "signature|budget approved|budget is approved|" +
        "verbal commitment|verbally committed|verbal agreement|口头同意|" +
        "签|" +
        "同意了|点头了|松口了|点头|said yes|says yes|sign off|signs off|sign-off|signoff|" +
        "确定成交|确认成交|确定合作|确认合作|决定合作|确定要做|决定做|确定要|确定买|确定报|决定买|" +
        "决定报|答应了|口头答应|口头确定|拍板|定了|就定|定下来|就用我们|选我们|要做|签约时间|" +
        "签约日期|签订日期|签合同时间|成交时间|付款时间|付款审批|考虑金额|考虑推广金额|金额待定|考虑投|投多少|" +
        "另一个负责人|负责人阻挠|老板审批|领导审批|走审批|deal confirmed|" +
        "confirmed deal|verbal yes|sign|signs|signing|agreed to sign|ready to sign|" +
        "agreed to go ahead|agreed to buy|agreed to take|decided to|going with us|" +
        "confirmed the order|closing date|signing date|amount under consideration|blocked by|" +
        "approval",
    ),
    pairs: [["confirm", "deal"]],
  },
  {
    id: "promised",
    label: {
      zh: "约定了付款或签字时间",
      en: "payment or signing promised for a time",
    },
    stage: 4,
    words: w(
      "承诺付款|答应付款|说好付款|promised payment|promised to pay|promised to wire|promised to sign",
    ),
    pairs: [["when", "payVerb"]],
  },
  {
    id: "deposit",
    label: { zh: "定金", en: "deposit" },
    stage: 4,
    asked: 3,
    words: w("定金|订金|deposit|down payment"),
  },
  // 5 已成交 (E类): signed, paid [seed 002]
  {
    id: "won",
    label: { zh: "已签约、已付款", en: "signed, paid" },
    stage: 5,
    negated: null,
    words: w(
      "盖完章|盖好章|签完字|签好字|签完合同|回签|invoice paid|invoice settled|settled the invoice|wired|wired over|已转账|转账了|充值了|已充值|回传了|已回传|合同回传|双签|已双签|双方盖章|双方都盖|都盖好了|盖章回来|签字回来|网签已|网签完|网签办完|网签好了|已网签|网签了|确认收到|确认收款|确认到账|财务确认收|款到了|钱到了|尾款结清|尾款已结|po received|received the po|received a po|purchase order received|缴全款|已缴全款|全款付清|已缴|" +
        "拿下了|单子拿下|已成单|成单了|出单了|已出单|开单了|已下定|下定了|" +
        "docusign completed|countersigned|wire received|wire transfer received|transfer received|funds received|已认购|认购了|" +
        "款已经打过来|钱已经打过来|款已打过来|" +
        "购买了|已经购买|已经付了|已经签了|" +
        "签认购书了|" +
        "已成交|成交了|已签约|签约了|签约成功|签约完成|已签单|签单了|已签合同|签了合同|合同已签|" +
        "合同签了|已签|签了|签好了|签完|签下|已签订|签订了|已签署|签署了|签字了|已经签字|" +
        "已盖章|盖章了|盖章回传|合同已回传|已付款|付款了|已付|付了|现金付的|刷卡付的|微信付的|转账付的|付全款|已付全款|" +
        "全款已付|已打款|打款了|已回款|回款了|已收款|已收|款已收到|收到款|收到货款|已付清|付清了|" +
        "结清|款已到账|已到账|到账了|付款完成|已缴费|缴费了|已交|交了|转过来了|已转|刷了|刷了卡|首充已到|首充到账|首充了|已首充|全款付了|已续费|" +
        "买了|已购买|投保了|已投保|续费了|充了|复购|订车了|已交车|交车了|提车了|已报名|" +
        "报了名|当场报了|sign了|签了字|e类|closed won|won|deal closed|closed the deal|signed|has signed|" +
        "contract signed|paid|payment received|received payment|payment has cleared|" +
        "payment cleared|purchased|bought|put down a deposit|paid a deposit|renewed",
    ),
  },
  {
    id: "paidIn",
    label: { zh: "款项已到", en: "payment in" },
    stage: 5,
    negated: null,
    words: [],
    pairs: [["money", "arrived"]],
  },
  {
    id: "wonIfDone",
    label: { zh: "签约、付款", en: "signing, payment" },
    stage: 5,
    negated: null,
    unlessPlanned: true,
    words: w(
      "下po|issue the po|issue a po|send the po|出单|成单|款打过来|钱打过来|款转过来|钱转过来|签约|签单|签合同|签协议|签订|签署|签字|盖章|成交|付款|付钱|打款|回款|到账|交钱|" +
        "交费|交学费|缴费|转账|刷卡|下单|订车|提车|报名缴费",
    ),
  },
];

/** A form and the stage it signals on its own (the flat view of `CONCEPTS`). */
export interface SignalWord {
  readonly phrase: string;
  readonly stage: Stage | null;
}

/** Every single form of every concept with its stage (pairs and markers left out). */
export const SIGNAL_WORDS: readonly SignalWord[] = CONCEPTS.flatMap((c) =>
  c.words.map((phrase) => ({ phrase, stage: c.stage })),
);
