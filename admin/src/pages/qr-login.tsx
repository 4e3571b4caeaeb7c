import { Alert, Button, Card, Spin, Typography } from 'antd';
import qrcode from 'qrcode-generator';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TResponseOf } from '../../../shared/contracts/define';
import type { createAdminLoginTicket, pollAdminLoginTicket } from '../../../shared/contracts/admin-login';
import * as E from '../../../shared/contracts/endpoints';
import { ADMIN_LOGIN_POLL_MS } from '../../../shared/domain/admin-login';
import { call, messageOf } from '../api';

type TTicket = TResponseOf<typeof createAdminLoginTicket>;
type TState = TResponseOf<typeof pollAdminLoginTicket>['state'];

const STATE_TEXT: Record<TState, string> = {
  pending: '请用小院家小程序扫码登录',
  scanned: '已扫码，请在手机上确认',
  confirmed: '已确认，正在登录…',
  consumed: '这个二维码已使用，请刷新',
  cancelled: '已在手机上取消登录',
  expired: '二维码已过期',
};

/** A plain QR of `text` as a GIF data: URL (the host's CSP allows data: images). */
function plainQr(text: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  return qr.createDataURL(5, 4);
}

/**
 * 扫码登录: a one-time QR (the mini-program code, or a plain QR when WeChat made none), polled
 * every 1.5 s with the secret only this browser holds; 已扫码 while the phone decides; the
 * session arrives once on confirmation. Expired or cancelled: 刷新二维码.
 */
export function QrLogin({ onSession }: { onSession: (token: string) => void }) {
  const [ticket, setTicket] = useState<TTicket | null>(null);
  const [state, setState] = useState<TState>('pending');
  const [error, setError] = useState('');
  const gen = useRef(0);
  const onSessionRef = useRef(onSession);
  onSessionRef.current = onSession;

  const refresh = useCallback(async () => {
    const mine = ++gen.current;
    setError('');
    setTicket(null);
    setState('pending');
    try {
      const t = await call(E.createAdminLoginTicket, {}, { anonymous: true });
      if (mine === gen.current) setTicket(t);
    } catch (e) {
      if (mine === gen.current) setError(messageOf(e));
    }
  }, []);

  useEffect(() => {
    void refresh();
    return () => void ++gen.current;
  }, [refresh]);

  useEffect(() => {
    if (!ticket || !(state === 'pending' || state === 'scanned')) return;
    const mine = gen.current;
    const timer = setInterval(() => {
      if (Date.now() >= Date.parse(ticket.expiresAt) + 5000) return setState('expired');
      call(E.pollAdminLoginTicket, { params: { ticketId: ticket.ticketId }, query: { secret: ticket.pollSecret } }, { anonymous: true })
        .then((r) => {
          if (mine !== gen.current) return;
          if (r.session) onSessionRef.current(r.session.token);
          else setState(r.state);
        })
        .catch((e) => mine === gen.current && setError(messageOf(e)));
    }, ADMIN_LOGIN_POLL_MS);
    return () => clearInterval(timer);
  }, [ticket, state]);

  const over = state === 'expired' || state === 'cancelled' || state === 'consumed';
  return (
    <Card title="扫码登录" style={{ width: 520 }} data-testid="admin-qr-login">
      <div className="xyj-qr-login">
        <div className={`xyj-qr-box${over ? ' xyj-qr-box--over' : ''}`}>
          {!ticket && !error ? <Spin /> : null}
          {ticket ? (
            ticket.qr.wxacode ? (
              <img src={ticket.qr.wxacode} alt="小程序码" width={200} height={200} data-testid="admin-qr" data-kind="wxacode" />
            ) : (
              <img src={plainQr(ticket.plain)} alt="登录二维码" width={200} height={200} data-testid="admin-qr" data-kind="plain" data-text={ticket.plain} />
            )
          ) : null}
        </div>
        <div className="xyj-qr-side">
          <Typography.Text strong style={{ fontSize: 18 }} data-testid="admin-qr-state" data-state={state}>
            {STATE_TEXT[state]}
          </Typography.Text>
          <Typography.Paragraph type="secondary" style={{ fontSize: 16 }}>
            打开小院家小程序，在「我的 · 扫码登录电脑」里扫码（微信扫一扫也可以），在手机上确认后这里自动登录。仅限院长、村干部和镇街管理员。
          </Typography.Paragraph>
          {ticket && !over ? <Typography.Text type="secondary">{`有效期至 ${new Date(ticket.expiresAt).toLocaleTimeString('zh-CN')}`}</Typography.Text> : null}
          {over || error ? (
            <Button type="primary" onClick={() => void refresh()} data-testid="admin-qr-refresh">
              刷新二维码
            </Button>
          ) : null}
        </div>
      </div>
      {error ? <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} data-testid="admin-qr-error" /> : null}
    </Card>
  );
}
