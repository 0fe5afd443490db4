import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Input, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../shared/api/callTypes';
import { useCodeLabel } from '../../../shared/ui/codeLabel';
import { PhoneNumber } from '../../../shared/ui/PhoneNumber';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { CustomerChanges } from './CustomerChanges';
import { MIN_QUERY, searchable, useCustomerSearch } from '../api/useCustomerSearch';

interface Props {
  /** In a call's pop: "this is the caller" (then the pop shows that customer). */
  onPick?: (customerId: string) => void;
  initialQuery?: string;
  /** The pick button's text (default: "This is the customer", for a call's pop). */
  pickLabel?: string;
}

/** Customer search (R-SVC-1): fuzzy on name, address, phone, smart card; click-to-call on phones. */
export function CustomerSearch({ onPick, initialQuery = '', pickLabel }: Props) {
  const { t } = useTranslation();
  const code = useCodeLabel();
  const [text, setText] = useState(initialQuery);
  const [q, setQ] = useState(initialQuery);
  const search = useCustomerSearch(q);
  const tooShort = q.trim().length > 0 && !searchable(q.trim());

  return (
    <Space orientation="vertical" size={10} style={{ width: '100%' }} data-testid="customer-search">
      <Space.Compact style={{ width: '100%', maxWidth: 520 }}>
        <Input
          data-testid="customer-search-input"
          placeholder={t('customerSearch.placeholder')}
          value={text}
          allowClear
          prefix={<SearchOutlined />}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={() => setQ(text)}
        />
        <Button type="primary" loading={search.isFetching} onClick={() => setQ(text)} data-testid="customer-search-submit">
          {t('customerSearch.search')}
        </Button>
      </Space.Compact>
      {tooShort && <Typography.Text type="secondary">{t('customerSearch.tooShort', { min: MIN_QUERY })}</Typography.Text>}
      {search.isError && <Alert type="error" showIcon title={problemMessage(search.error, t)} />}
      {search.data && (
        <Table<Customer>
          size="small"
          rowKey="id"
          dataSource={search.data}
          pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
          // No horizontal scroll width of its own: with scroll.x 'max-content' an expanded row made the table 1,000,000 px wide
          // (issue 16). The table takes its container's width; long cells wrap, and the details below take the same width.
          locale={{ emptyText: t('customerSearch.none') }}
          onRow={(c) => ({ 'data-testid': `customer-row-${c.id}` }) as React.HTMLAttributes<HTMLElement>}
          expandable={{ expandedRowRender: (c) => <CustomerDetails customer={c} /> }}
          columns={[
            { key: 'name', title: t('customer.name'), dataIndex: 'name' },
            {
              key: 'phones',
              title: t('customer.phones'),
              render: (_, c) => (
                <Space size={6} wrap>
                  {c.phones.map((p) => (
                    <PhoneNumber key={p} number={p} />
                  ))}
                </Space>
              ),
            },
            { key: 'address', title: t('customer.address'), dataIndex: 'address' },
            { key: 'area', title: t('customer.area'), render: (_, c) => c.areaName || c.area },
            { key: 'service', title: t('customer.serviceType'), render: (_, c) => code('serviceType', c.serviceType) },
            { key: 'level', title: t('customer.level'), render: (_, c) => code('level', c.level) },
            { key: 'card', title: t('customer.smartCard'), render: (_, c) => c.smartCard ?? '—' },
            ...(onPick
              ? [
                  {
                    key: 'pick',
                    title: '',
                    render: (_: unknown, c: Customer) => (
                      <Button size="small" type="primary" onClick={() => onPick(c.id)} data-testid={`customer-pick-${c.id}`}>
                        {pickLabel ?? t('customerSearch.pick')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </Space>
  );
}

/**
 * R-SVC-1: one customer's details in the tender's tabs — business data, products, arrears and the
 * changes to the account (authorisations, R-SVC-2).
 */
function CustomerDetails({ customer: c }: { customer: Customer }) {
  const { t } = useTranslation();
  const code = useCodeLabel();
  const suspended = c.status === 'suspended-arrears';
  return (
    <Tabs
      size="small"
      data-testid={`customer-details-${c.id}`}
      items={[
        {
          key: 'business',
          label: t('customerDetails.business'),
          children: (
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              items={[
                { key: 'id', label: t('customer.id'), children: c.id },
                { key: 'status', label: t('customer.status'), children: <Tag color={c.status === 'active' ? 'green' : 'red'}>{code('customerStatus', c.status)}</Tag> },
                { key: 'service', label: t('customer.serviceType'), children: code('serviceType', c.serviceType) },
                { key: 'level', label: t('customer.level'), children: code('level', c.level) },
                { key: 'area', label: t('customer.area'), children: c.areaName || c.area },
                { key: 'card', label: t('customer.smartCard'), children: c.smartCard ?? '—' },
                { key: 'since', label: t('customer.createdOn'), children: c.createdOn },
              ]}
            />
          ),
        },
        {
          key: 'products',
          label: t('customerDetails.products', { count: c.products.length }),
          children: c.products.length ? (
            <Space size={6} wrap data-testid="customer-products">
              {c.products.map((p) => <Tag key={p}>{p}</Tag>)}
            </Space>
          ) : (
            <Typography.Text type="secondary">{t('customerDetails.noProducts')}</Typography.Text>
          ),
        },
        {
          key: 'arrears',
          label: t('customerDetails.arrears'),
          children: (
            <Space orientation="vertical" size={4} data-testid="customer-arrears">
              <Typography.Text type={c.arrears > 0 ? 'danger' : undefined} strong>
                {t('customer.arrears')}: ¥{c.arrears.toFixed(2)}
              </Typography.Text>
              <Typography.Text type={suspended ? 'danger' : 'secondary'}>
                {suspended ? t('customerDetails.suspended') : c.arrears > 0 ? t('customerDetails.owing') : t('customerDetails.paidUp')}
              </Typography.Text>
            </Space>
          ),
        },
        {
          key: 'changes',
          label: t('customerDetails.changes'),
          children: <CustomerChanges customerId={c.id} />,
        },
      ]}
    />
  );
}
