import { Alert, Button, Card, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary, RecentCall, RecentWorkOrder, ScreenPop } from '../../../shared/api/callTypes';
import { useCodeLabel } from '../../../shared/ui/codeLabel';
import { PhoneNumber } from '../../../shared/ui/PhoneNumber';
import { usePurposeName } from '../api/useCallPurposes';

interface Props {
  pop: ScreenPop;
  /** The agent picks one of several customers, or one found by search. */
  onChooseCustomer: (customerId: string) => void;
  /** Back to the list of several (when the agent had chosen one of them). */
  onBackToList?: () => void;
  /** The customer search (R-SVC-1), composed in by the app for the "none" case. */
  search?: ReactNode;
}

const row = (testId: string) => () => ({ 'data-testid': testId }) as React.HTMLAttributes<HTMLElement>;

/** The screen pop (R-POP-1…5): one customer's full view, several to choose from, or none. */
export function ScreenPopView({ pop, onChooseCustomer, onBackToList, search }: Props) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="screen-pop" data-match={pop.match}>
      <Space size={8} wrap>
        <Tag color={pop.match === 'single' ? 'green' : pop.match === 'multiple' ? 'gold' : 'default'} data-testid="pop-match" data-match={pop.match}>
          {t(`pop.match.${pop.match}`, { count: pop.customers.length })}
        </Tag>
        {onBackToList && (
          <Button size="small" type="link" onClick={onBackToList} data-testid="pop-back-to-list">
            {t('pop.backToList')}
          </Button>
        )}
      </Space>
      {pop.match === 'single' && <SingleCustomer pop={pop} />}
      {pop.match === 'multiple' && <CustomerChoice customers={pop.customers} onChoose={onChooseCustomer} />}
      {pop.match === 'none' && (
        <>
          <Alert type="info" showIcon data-testid="pop-none" title={t('pop.none')} description={t('pop.noneHint')} />
          {search}
        </>
      )}
      <RecentCalls calls={pop.recentCalls} />
      {pop.match === 'single' && <RecentWorkOrders orders={pop.recentWorkOrders} />}
    </Space>
  );
}

function SingleCustomer({ pop }: { pop: ScreenPop }) {
  const { t } = useTranslation();
  const code = useCodeLabel();
  const c = pop.customer;
  const b = pop.business;
  if (!c) return null;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', gap: 12 }}>
      <Card size="small" title={t('pop.profile')} data-testid="pop-profile">
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'name',
              label: t('customer.name'),
              children: (
                <Typography.Text strong data-testid="pop-customer-name" data-customer-id={c.id}>
                  {c.name}
                </Typography.Text>
              ),
            },
            { key: 'address', label: t('customer.address'), children: c.address },
            { key: 'area', label: t('customer.area'), children: c.areaName || c.area },
            { key: 'service', label: t('customer.serviceType'), children: code('serviceType', c.serviceType) },
            { key: 'level', label: t('customer.level'), children: <LevelTag level={c.level} /> },
            {
              key: 'phones',
              label: t('customer.phones'),
              children: (
                <Space size={8} wrap>
                  {c.phones.map((p) => (
                    <PhoneNumber key={p} number={p} />
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {b && (
        <Card size="small" title={t('pop.business')} data-testid="pop-business">
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'card', label: t('customer.smartCard'), children: b.smartCard ?? '—' },
              {
                key: 'arrears',
                label: t('customer.arrears'),
                children: (
                  <Typography.Text type={b.arrears > 0 ? 'danger' : undefined} strong={b.arrears > 0} data-testid="pop-arrears">
                    ¥{b.arrears.toFixed(2)}
                  </Typography.Text>
                ),
              },
              {
                key: 'products',
                label: t('customer.products'),
                children: b.products.length ? b.products.map((p) => <Tag key={p}>{p}</Tag>) : '—',
              },
              {
                key: 'status',
                label: t('customer.status'),
                children: <Tag color={b.status === 'active' ? 'green' : 'red'}>{code('customerStatus', b.status)}</Tag>,
              },
            ]}
          />
        </Card>
      )}
    </div>
  );
}

function LevelTag({ level }: { level: string }) {
  const code = useCodeLabel();
  const color = { vip: 'magenta', gold: 'gold', silver: 'geekblue' }[level];
  return <Tag color={color}>{code('level', level)}</Tag>;
}

function CustomerChoice({ customers, onChoose }: { customers: CustomerSummary[]; onChoose: (id: string) => void }) {
  const { t } = useTranslation();
  const code = useCodeLabel();
  return (
    <Card size="small" title={t('pop.chooseTitle')} data-testid="pop-candidates">
      <Table<CustomerSummary>
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={customers.slice(0, 5)}
        onRow={row('pop-candidate')}
        columns={[
          { key: 'name', title: t('customer.name'), dataIndex: 'name' },
          { key: 'address', title: t('customer.address'), dataIndex: 'address' },
          { key: 'area', title: t('customer.area'), render: (_, c) => c.areaName || c.area },
          { key: 'service', title: t('customer.serviceType'), render: (_, c) => code('serviceType', c.serviceType) },
          { key: 'level', title: t('customer.level'), render: (_, c) => <LevelTag level={c.level} /> },
          {
            key: 'choose',
            title: '',
            render: (_, c) => (
              <Button size="small" type="primary" onClick={() => onChoose(c.id)} data-testid={`pop-choose-${c.id}`}>
                {t('pop.choose')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

function RecentCalls({ calls }: { calls: RecentCall[] }) {
  const { t, i18n } = useTranslation();
  const purposeName = usePurposeName();
  const code = useCodeLabel();
  return (
    <Card size="small" title={t('pop.recentCalls')} data-testid="pop-recent-calls">
      {calls.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pop.noCalls')} />
      ) : (
        <Table<RecentCall>
          size="small"
          pagination={false}
          rowKey="callId"
          dataSource={calls.slice(0, 4)}
          onRow={row('pop-recent-call')}
          columns={[
            { key: 'at', title: t('pop.time'), render: (_, c) => new Date(c.at).toLocaleString(i18n.language) },
            { key: 'ani', title: t('pop.number'), render: (_, c) => <PhoneNumber number={c.ani} /> },
            { key: 'ivr', title: t('pop.ivrTrail'), render: (_, c) => <IvrTrail trail={c.ivrTrail} /> },
            {
              key: 'purpose',
              title: t('pop.purpose'),
              render: (_, c) =>
                c.purpose ? `${purposeName(c.purpose)} / ${code('subtype', c.subtype)}` : <Typography.Text type="secondary">{t('pop.untagged')}</Typography.Text>,
            },
            { key: 'agent', title: t('pop.agent'), render: (_, c) => c.agentName ?? c.agentId ?? '—' },
          ]}
        />
      )}
    </Card>
  );
}

function RecentWorkOrders({ orders }: { orders: RecentWorkOrder[] }) {
  const { t, i18n } = useTranslation();
  const code = useCodeLabel();
  return (
    <Card size="small" title={t('pop.recentWorkOrders')} data-testid="pop-work-orders">
      {orders.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pop.noWorkOrders')} />
      ) : (
        <Table<RecentWorkOrder>
          size="small"
          pagination={false}
          rowKey="id"
          scroll={{ x: 'max-content' }}
          dataSource={orders.slice(0, 4)}
          onRow={row('pop-work-order')}
          columns={[
            { key: 'serial', title: t('wo.serial'), dataIndex: 'serial' },
            { key: 'type', title: t('wo.type'), render: (_, w) => code('woType', w.type) },
            { key: 'at', title: t('wo.dispatchedAt'), render: (_, w) => new Date(w.dispatchedAt).toLocaleString(i18n.language) },
            { key: 'customer', title: t('wo.customer'), dataIndex: 'customerName' },
            { key: 'area', title: t('customer.area'), render: (_, w) => w.areaName || w.area },
            { key: 'service', title: t('customer.serviceType'), render: (_, w) => code('serviceType', w.serviceType) },
            {
              key: 'status',
              title: t('wo.status'),
              render: (_, w) => <Tag color={w.status === 'inProgress' ? 'processing' : 'success'}>{code('woStatus', w.status)}</Tag>,
            },
            { key: 'step', title: t('wo.currentStep'), render: (_, w) => code('woStep', w.currentStep) },
          ]}
        />
      )}
    </Card>
  );
}

export function IvrTrail({ trail }: { trail: string[] | null | undefined }) {
  if (!trail?.length) return <>—</>;
  return (
    <Space size={2} data-testid="ivr-trail">
      {trail.map((k, i) => (
        <Tag key={i} style={{ marginInlineEnd: 0 }}>
          {k}
        </Tag>
      ))}
    </Space>
  );
}
