import type { IncomingMessage } from 'node:http';
import { AppError } from '../../shared/errors';
import { parseWechatXml } from '../runtime/xml';

/*
 * WeChat's XML pushes, read only by the routes whose contract says `bodyType: 'xml'` (they pass
 * `readBody: readXmlBody`): the XML parser stays out of every other function's bundle.
 */

/** XML pushes are small; anything larger is not WeChat's. */
const XML_MAX_BYTES = 256 * 1024;

/**
 * The raw text of an XML body. Our host hands it over as text; Vercel parses only JSON, form and
 * text/plain bodies (req.body is undefined for text/xml) but puts the bytes back on the stream.
 */
async function rawXmlText(req: IncomingMessage & { body?: unknown }): Promise<string> {
  if (typeof req.body === 'string' || Buffer.isBuffer(req.body)) return req.body.toString();
  if (req.readableEnded) return '';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > XML_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A WeChat `<xml>` push: the fields under the root. Text that is not one such document is a bad
 * request naming the body, like unreadable JSON.
 */
function parseXmlBody(body: unknown): unknown {
  const text = typeof body === 'string' || Buffer.isBuffer(body) ? body.toString() : '';
  const fields = parseWechatXml(text);
  if (!fields) throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'body', message: '不是微信推送的 XML' }] });
  return fields;
}

/** The fields of a WeChat `<xml>` push in the request body. */
export async function readXmlBody(req: IncomingMessage & { body?: unknown }): Promise<unknown> {
  return parseXmlBody(await rawXmlText(req));
}
