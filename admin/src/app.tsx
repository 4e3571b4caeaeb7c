import { Alert, Button, Layout, Menu, Select, Spin, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import * as E from '../../shared/contracts/endpoints';
import type { TMe } from '../../shared/contracts/me';
import { call, messageOf } from './api';
import { PAGES } from './nav';
import { LoginPage } from './pages/login';
import { ScopeContext, officeGrants, scopeOf } from './scope';
import { clearToken, getToken } from './session';

const GRANT_KEY = 'xyj-admin-grant';
/** How often a signed-in back office asks whether its session still holds. */
const SESSION_CHECK_MS = 10_000;
const routeOf = () => location.hash.replace(/^#\/?/, '').split('?')[0] || ''; // no route: the role's first page

/** Signed out → the sign-in page; signed in → the shell with the menu of the current grant's pages. */
export function App() {
  const [token, setTokenState] = useState(getToken());
  const [me, setMe] = useState<TMe | null>(null);
  const [error, setError] = useState('');
  const [grantKey, setGrantKey] = useState(localStorage.getItem(GRANT_KEY) ?? '');
  const [route, setRoute] = useState(routeOf());

  useEffect(() => {
    const onHash = () => setRoute(routeOf());
    const onOut = () => setTokenState(null);
    window.addEventListener('hashchange', onHash);
    window.addEventListener('xyj-signed-out', onOut);
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('xyj-signed-out', onOut);
    };
  }, []);

  useEffect(() => {
    if (!token) return setMe(null);
    call(E.getMe)
      .then(setMe)
      .catch((e) => setError(messageOf(e)));
  }, [token]);

  // a session ended elsewhere (我的 · 登录设备 on the phone) shows the sign-in page here soon:
  // the check's 401 drops the token (api.ts)
  useEffect(() => {
    if (!token) return;
    const check = () => void call(E.getMe).catch(() => undefined);
    const timer = setInterval(check, SESSION_CHECK_MS);
    window.addEventListener('focus', check);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', check);
    };
  }, [token]);

  const signOut = useCallback(() => {
    void call(E.logout, { body: {} }).catch(() => undefined);
    clearToken();
    setTokenState(null);
  }, []);

  const grants = useMemo(() => (me ? officeGrants(me) : []), [me]);
  const grant = grants.find((g) => `${g.role}:${g.scopeId}` === grantKey) ?? grants[0];
  const scope = useMemo(() => (me && grant ? scopeOf(me, grant) : null), [me, grant]);

  if (!token) return <LoginPage onSignedIn={(t) => setTokenState(t)} />;
  if (error) return <Alert type="error" showIcon message={error} action={<Button onClick={signOut}>重新登录</Button>} />;
  if (!me) return <Spin fullscreen tip="加载中…" />;
  if (!scope)
    return (
      <div className="xyj-center">
        <Alert type="warning" showIcon message="管理后台供院长、村干部和镇街管理员使用" description={`${me.person.name}没有这些角色。`} />
        <Button onClick={signOut}>换个账号登录</Button>
      </div>
    );

  const pages = PAGES.filter((p) => p.roles.includes(scope.grant.role));
  const page = pages.find((p) => p.key === route) ?? pages[0];
  return (
    <ScopeContext.Provider value={scope}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Sider width={208} theme="light" data-testid="admin-nav">
          <div className="xyj-brand">小院家 · 管理后台</div>
          <Menu
            mode="inline"
            selectedKeys={[page.key]}
            items={pages.map((p) => ({ key: p.key, icon: p.icon, label: p.label }))}
            onClick={(e) => (location.hash = `#/${e.key}`)}
          />
        </Layout.Sider>
        <Layout>
          <Layout.Header className="xyj-header">
            <Typography.Text strong data-testid="admin-scope">
              {scope.grant.scopeName} · {scope.grant.roleLabel}
            </Typography.Text>
            <span className="xyj-header__right">
              {grants.length > 1 ? (
                <Select
                  aria-label="切换角色"
                  data-testid="admin-grant"
                  value={`${scope.grant.role}:${scope.grant.scopeId}`}
                  style={{ width: 220 }}
                  options={grants.map((g) => ({ value: `${g.role}:${g.scopeId}`, label: `${g.scopeName} · ${g.roleLabel}` }))}
                  onChange={(v) => {
                    localStorage.setItem(GRANT_KEY, v);
                    setGrantKey(v);
                  }}
                />
              ) : null}
              <span data-testid="admin-person">{me.person.name}</span>
              <Button onClick={signOut}>退出</Button>
            </span>
          </Layout.Header>
          <Layout.Content className="xyj-content">
            <Typography.Title level={3}>{page.label}</Typography.Title>
            <page.Page key={`${page.key}:${scope.grant.role}:${scope.grant.scopeId}`} />
          </Layout.Content>
        </Layout>
      </Layout>
    </ScopeContext.Provider>
  );
}
