import { Card, Descriptions } from 'antd';
import { useScope } from '../scope';

/** 工作台: who is signed in and the place the pages show. */
export function HomePage() {
  const { me, grant } = useScope();
  return (
    <Card>
      <Descriptions column={1} data-testid="admin-home">
        <Descriptions.Item label="姓名">{me.person.name}</Descriptions.Item>
        <Descriptions.Item label="角色">{grant.roleLabel}</Descriptions.Item>
        <Descriptions.Item label="范围">{grant.scopeName}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
