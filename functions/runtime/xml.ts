import { XMLParser } from 'fast-xml-parser';

/**
 * WeChat's XML (公众号 pushes and the 安全模式 plaintext inside them): one `<xml>` root whose
 * children are flat text or CDATA fields. Every value stays a string (an openid or a CreateTime
 * is never turned into a number), entities and DOCTYPE declarations are not expanded, and
 * nested elements are kept as objects.
 */
const parser = new XMLParser({
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: true,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
});

/** The fields under `<xml>`, or null when the text is not one well-formed `<xml>` document. */
export function parseWechatXml(text: string): Record<string, unknown> | null {
  if (!/^\s*(<\?xml[^>]*\?>\s*)?<xml>/.test(text)) return null;
  let doc: unknown;
  try {
    doc = parser.parse(text, true);
  } catch {
    return null;
  }
  const root = (doc as { xml?: unknown } | null)?.xml;
  if (root === '') return {};
  return root && typeof root === 'object' && !Array.isArray(root) ? (root as Record<string, unknown>) : null;
}
