import * as z from 'zod';
import { defineContract } from './define';

export const getPublicMedia = defineContract({
  method: 'GET',
  path: '/api/media/{id}/public',
  summary: '签名链接下载照片（供微信内容安全检查下载，24小时有效；返回图片本身）',
  tag: 'media',
  params: z.object({ id: z.uuid() }),
  query: z.object({ exp: z.coerce.number().int(), sig: z.string().min(1).max(64) }),
  response: z.object({ contentType: z.string(), base64: z.string() }),
});

const ZSignature = { signature: z.string().max(64), timestamp: z.string().max(20), nonce: z.string().max(64) };

export const verifyWechatPush = defineContract({
  method: 'GET',
  path: '/api/wechat/push',
  summary: '微信消息推送：服务器地址验证（原样返回 echostr）',
  tag: 'wechat',
  query: z.object({ ...ZSignature, echostr: z.string().max(128) }),
  response: z.object({ text: z.string() }),
});

export const receiveWechatPush = defineContract({
  method: 'POST',
  path: '/api/wechat/push',
  summary: '微信消息推送（明文 JSON）：处理 wxa_media_check 图片检查结果，返回 success',
  tag: 'wechat',
  query: z.object(ZSignature),
  body: z.looseObject({
    Event: z.string().optional(),
    trace_id: z.string().optional(),
    result: z.looseObject({ suggest: z.string(), label: z.number().optional() }).optional(),
  }),
  response: z.object({ text: z.string() }),
});

/** 公众号 服务器配置 (the service account's own Token, not the mini-program's). */
export const verifyOaPush = defineContract({
  method: 'GET',
  path: '/api/wechat/oa-push',
  summary: '公众号服务器配置：地址验证（原样返回 echostr）',
  tag: 'wechat',
  query: z.object({ ...ZSignature, echostr: z.string().max(128) }),
  response: z.object({ text: z.string() }),
});

const xmlText = (max: number) => z.string().max(max).optional();

export const receiveOaPush = defineContract({
  method: 'POST',
  path: '/api/wechat/oa-push',
  summary: '公众号事件推送（XML，明文或安全模式）：关注时按 unionid 关联工作人员，取消关注时标记，返回 success',
  tag: 'wechat',
  bodyType: 'xml',
  query: z.object({
    ...ZSignature,
    openid: z.string().max(64).optional(),
    encrypt_type: z.enum(['raw', 'aes']).optional(),
    msg_signature: z.string().max(64).optional(),
  }),
  body: z.looseObject({
    ToUserName: xmlText(64),
    FromUserName: xmlText(64),
    CreateTime: xmlText(20),
    MsgType: xmlText(32),
    Event: xmlText(64),
    /** 安全模式: the event, encrypted */
    Encrypt: xmlText(20_000),
  }),
  response: z.object({ text: z.string() }),
});
