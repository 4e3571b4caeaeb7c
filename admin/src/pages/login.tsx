import { Alert, Button, Card, List, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { TDevPerson } from '../../../shared/contracts/auth';
import * as E from '../../../shared/contracts/endpoints';
import { call, messageOf } from '../api';
import { OFFICE_ROLES } from '../scope';
import { setToken } from '../session';
import { QrLogin } from './qr-login';

/**
 * Sign-in: 扫码登录 with the mini-program (qr-login.tsx) first; below it the demo's staff are listed for the development sign-in, which the server offers
 * only where ALLOW_DEV_LOGIN is on (it answers 404 elsewhere and the list stays hidden).
 */
export function LoginPage({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const [demo, setDemo] = useState<TDevPerson[] | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    call(E.devPeople, undefined, { anonymous: true })
      .then((r) => setDemo(r.people.filter((p) => p.role && OFFICE_ROLES.includes(p.role))))
      .catch(() => setDemo([]));
  }, []);

  const qrSignedIn = useCallback(
    (token: string) => {
      setToken(token);
      onSignedIn(token);
    },
    [onSignedIn],
  );

  const devSignIn = async (p: TDevPerson) => {
    setError('');
    try {
      const s = await call(E.devLogin, { body: { personId: p.id } }, { anonymous: true });
      setToken(s.token);
      onSignedIn(s.token);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <div className="xyj-center">
      <Typography.Title level={2}>小院家 · 管理后台</Typography.Title>
      <QrLogin onSession={qrSignedIn} />
      {error ? <Alert type="error" showIcon message={error} /> : null}
      {demo && demo.length ? (
        <Card title="演示登录（仅演示环境）" style={{ width: 520 }} data-testid="admin-dev-login">
          <List
            dataSource={demo}
            renderItem={(p) => (
              <List.Item
                actions={[
                  <Button key="in" type="link" onClick={() => void devSignIn(p)}>
                    登录
                  </Button>,
                ]}
              >
                <List.Item.Meta title={p.name} description={`${p.scopeName} · ${p.roleLabel}`} />
              </List.Item>
            )}
          />
        </Card>
      ) : null}
    </div>
  );
}
