/**
 * 用户协议 and 隐私政策: their texts and the one version people agree to. Bumping
 * `LEGAL_VERSION` (and the date) asks everyone again at their next step in the app: the server
 * compares the version a person agreed to with this one (`consentIsCurrent`).
 */

/** 协议版本: the date the texts took effect, so people can tell which one they agreed to. */
export const LEGAL_VERSION = '2026-12-01';

/** The anonymised person's name (申请注销, confirmed by a village cadre). */
export const DELETED_PERSON_NAME = '已注销用户';

export type TLegalDoc = { title: string; version: string; sections: { heading: string; paragraphs: string[] }[] };

/** 《小院家用户协议》 */
export const USER_AGREEMENT: TLegalDoc = {
  title: '小院家用户协议',
  version: LEGAL_VERSION,
  sections: [
    {
      heading: '一、小院家是什么',
      paragraphs: [
        '小院家是供本村村民、院长、保洁员、村干部和镇街工作人员使用的院落事务小程序，用来加入院落、找院长办事、一键呼叫求助、报告垃圾桶已满、赚取和兑换积分、发布买卖和招工信息。',
        '小院家由您所在的村委会组织使用。使用前请您仔细阅读本协议和《小院家隐私政策》，勾选同意后才能登录。',
      ],
    },
    {
      heading: '二、您的账号',
      paragraphs: [
        '您用微信登录小院家。加入院落时请填写真实姓名、手机号和家庭成员，由院长核实后通过。',
        '请不要替别人登录或把账号借给别人。发现账号被别人使用，请及时告诉院长或村干部。',
      ],
    },
    {
      heading: '三、请您遵守',
      paragraphs: [
        '发布的文字和照片要真实，不得含有违法、侮辱他人、广告骚扰或泄露他人隐私的内容。买卖和招工信息经院长或村干部审核后才会公开。',
        '一键呼叫只在确实需要帮助时使用。多次故意误报垃圾桶已满，可能被扣除积分。',
      ],
    },
    {
      heading: '四、积分',
      paragraphs: [
        '积分按本村公布的积分规则发放，只能在本村积分超市兑换物品，不能兑换现金，也不能转让。',
        '院长和村干部人工加减积分时会写明原因，您可以在积分明细里看到。',
      ],
    },
    {
      heading: '五、注销',
      paragraphs: [
        '您可以在「我的 → 我的数据」里申请注销。村干部确认后，您的姓名会改为「已注销用户」，手机号和微信身份会被删除，您上传的照片会被删除。为了让全村的积分账目对得上，积分明细会以匿名方式保留。',
      ],
    },
    {
      heading: '六、协议的变更',
      paragraphs: ['本协议更新后，您下次使用小院家时会看到新版本，同意后才能继续使用。'],
    },
  ],
};

/** 《小院家隐私政策》 */
export const PRIVACY_POLICY: TLegalDoc = {
  title: '小院家隐私政策',
  version: LEGAL_VERSION,
  sections: [
    {
      heading: '一、我们收集哪些信息，为什么',
      paragraphs: [
        '微信身份（openid、unionid）：用来让您登录，认出是您本人。我们不保存您的微信密码或会话密钥。',
        '姓名、手机号：加入院落时您自己填写，用来让院长核实身份；您找院长、呼叫求助或买卖成交时，让需要联系您的人能打电话给您。',
        '户和家庭成员（姓名、与户主关系，是否独居、高龄、需要照顾）：用来登记您家所在的户，一键呼叫时让院长知道该去帮谁。',
        '照片：您找院长、报告垃圾桶、发布买卖时自己上传的照片，只用于处理这件事。',
        '位置：垃圾桶的位置由村干部登记；保洁员打开清运任务时会读取所在位置来规划路线，这个位置不会保存。',
        '积分明细和兑换记录：用来计算您和您家的积分、在积分超市兑换物品。',
        '您办的事、呼叫记录、买卖和招工记录、消息：用来办理这些事并让您查看进度。',
      ],
    },
    {
      heading: '二、谁能看到',
      paragraphs: [
        '您本人能看到自己的全部信息。院长能看到本院落的村民信息；村干部能看到本村的信息；镇街工作人员能看到上报到镇街的事项和统计。',
        '手机号只给需要联系您的人看全：办理您事项的人、响应您呼叫的人、买卖或招工中已经确认交易的对方。其他人只能看到像 138****1234 这样遮住中间四位的号码。',
        '我们不会把您的信息出售或提供给村、镇以外的任何人，法律法规另有规定的除外。消息提醒通过微信和短信发送，短信里不写姓名和手机号。',
      ],
    },
    {
      heading: '三、保存多久',
      paragraphs: [
        '您使用小院家期间，信息一直保存。申请注销并经村干部确认后，姓名、手机号、微信身份和您上传的照片会被删除；积分明细、办事记录以「已注销用户」的名义保留，用于村里的账目核对和统计。',
        '登录状态最长保持 30 天；退出登录或注销后立即失效。',
      ],
    },
    {
      heading: '四、下载和删除您的信息',
      paragraphs: [
        '在「我的 → 我的数据」里，您可以随时下载一份自己的全部信息（个人资料、户、办的事、呼叫、报告、买卖、积分明细、兑换记录和同意记录），也可以申请注销。',
        '注销申请由本村村干部确认，一般在 15 个工作日内处理完毕。',
      ],
    },
    {
      heading: '五、联系我们',
      paragraphs: ['对个人信息有疑问、想更正信息或投诉，可以找您所在院落的院长或村委会，也可以在小程序里「找院长」留言，我们会在 15 个工作日内答复。'],
    },
    {
      heading: '六、政策的变更',
      paragraphs: ['本政策更新后，您下次使用小院家时会看到新版本，同意后才能继续使用。'],
    },
  ],
};

/** Has this person agreed to the texts in force? (null: never agreed) */
export function consentIsCurrent(agreedVersion: string | null): boolean {
  return agreedVersion === LEGAL_VERSION;
}

/** 注销申请的状态: waiting for a cadre, done (the person is anonymised), or taken back by the person. */
export const DELETION_STATES = ['pending', 'confirmed', 'cancelled'] as const;
export type TDeletionState = (typeof DELETION_STATES)[number];
