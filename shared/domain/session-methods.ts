/** How a session was started: WeChat sign-in, the development sign-in, or 扫码登录 (the back office, confirmed on a phone). */
export const SESSION_METHODS = ['wechat', 'dev', 'qr'] as const;
export type TSessionMethod = (typeof SESSION_METHODS)[number];

/** 登录设备 for a session that kept no device label (from before labels were kept). */
export const SESSION_METHOD_LABELS: Record<TSessionMethod, string> = { wechat: '微信小程序', dev: '演示登录', qr: '扫码登录的电脑' };
