/**
 * The back office's pages: one line each (hash route, menu label, who sees it). A page is a
 * component reading its place from `useScope()`.
 */
import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  ClockCircleOutlined,
  DeleteOutlined,
  GiftOutlined,
  HomeOutlined,
  ImportOutlined,
  OrderedListOutlined,
  ShopOutlined,
  ShoppingOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import type { TRole } from '../../shared/domain/roles';
import { AuditPage } from './pages/audit';
import { BinsPage } from './pages/bins';
import { HomePage } from './pages/home';
import { HouseholdsPage } from './pages/households';
import { ListingsPage } from './pages/listings';
import { NotificationsPage } from './pages/notifications';
import { PointsRulesPage } from './pages/points-rules';
import { RegistryPage } from './pages/registry';
import { RegistryImportPage } from './pages/registry-import';
import { RedemptionsPage } from './pages/redemptions';
import { RequestsPage } from './pages/requests';
import { RewardsPage } from './pages/rewards';
import { SlaPage } from './pages/sla';

export type TNavPage = { key: string; label: string; icon: ReactNode; roles: readonly TRole[]; Page: () => ReactNode };

/** 数据概览 brings ECharts: loaded when first opened, not with the sign-in page. */
const Overview = lazy(() => import('./pages/overview').then((m) => ({ default: m.OverviewPage })));
const OverviewPage = () => (
  <Suspense fallback={<Spin />}>
    <Overview />
  </Suspense>
);

const ALL: readonly TRole[] = ['courtyard_head', 'village_cadre', 'township_staff'];
const STAFF: readonly TRole[] = ['village_cadre', 'township_staff'];

/** In menu order; with no #/route a person lands on the first page their role may see. */
export const PAGES: TNavPage[] = [
  { key: 'overview', label: '数据概览', icon: <BarChartOutlined />, roles: ALL, Page: OverviewPage },
  { key: 'home', label: '工作台', icon: <HomeOutlined />, roles: ALL, Page: HomePage },
  { key: 'requests', label: '找院长', icon: <SolutionOutlined />, roles: ALL, Page: RequestsPage },
  { key: 'registry', label: '信息采集', icon: <TeamOutlined />, roles: ALL, Page: RegistryPage },
  { key: 'households', label: '按户查看', icon: <ApartmentOutlined />, roles: ALL, Page: HouseholdsPage },
  { key: 'registry-import', label: '导入信息', icon: <ImportOutlined />, roles: STAFF, Page: RegistryImportPage },
  { key: 'bins', label: '垃圾桶地图', icon: <DeleteOutlined />, roles: STAFF, Page: BinsPage },
  { key: 'rewards', label: '积分商品', icon: <GiftOutlined />, roles: STAFF, Page: RewardsPage },
  { key: 'redemptions', label: '兑换记录', icon: <ShoppingOutlined />, roles: ['village_cadre'], Page: RedemptionsPage },
  { key: 'points-rules', label: '积分规则', icon: <OrderedListOutlined />, roles: STAFF, Page: PointsRulesPage },
  { key: 'listings', label: '商品审核', icon: <ShopOutlined />, roles: ['courtyard_head', 'village_cadre'], Page: ListingsPage },
  { key: 'sla', label: '时限设置', icon: <ClockCircleOutlined />, roles: ['village_cadre'], Page: SlaPage },
  { key: 'notifications', label: '发送失败', icon: <AlertOutlined />, roles: ['village_cadre'], Page: NotificationsPage },
  { key: 'audit', label: '操作日志', icon: <AuditOutlined />, roles: STAFF, Page: AuditPage },
];
