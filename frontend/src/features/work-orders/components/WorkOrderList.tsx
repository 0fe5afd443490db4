import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AREA_CODES, useAreaName } from '../../../shared/ui/areaName';
import { useCodeLabel } from '../../../shared/ui/codeLabel';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { CURRENT_STEPS, WORK_ORDER_STATUSES, WORK_ORDER_TYPES, type WorkOrderSummary } from '../api/types';
import { useWorkOrderList } from '../api/useWorkOrders';
import { PAGE_SIZE, workOrderQuery, type WorkOrderFilters } from '../api/workOrderQuery';
import { formatTime, StatusTag, StepTag } from './workOrderTags';
import { WorkOrderDetailView } from './WorkOrderDetailView';

type FilterKey = 'status' | 'step' | 'area' | 'type';

/** R-SVC-3: search work orders (serial, customer, description) with filters; a row opens its detail. */
export function WorkOrderList() {
  const { t, i18n } = useTranslation();
  const code = useCodeLabel();
  const areaName = useAreaName();
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<WorkOrderFilters>({});
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useWorkOrderList(workOrderQuery(filters, page));
  const setFilter = (key: keyof WorkOrderFilters, value: string | undefined) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setPage(1);
  };

  const select = (key: FilterKey, options: { value: string; label: string }[]) => (
    <Select
      allowClear
      value={filters[key]}
      onChange={(v) => setFilter(key, v)}
      placeholder={t(`woList.filter.${key}`)}
      aria-label={t(`woList.filter.${key}`)}
      options={options}
      style={{ minWidth: 130 }}
      data-testid={`wo-filter-${key}`}
    />
  );

  return (
    <Space orientation="vertical" size={10} style={{ width: '100%' }} data-testid="wo-list">
      <Space wrap>
        <Space.Compact style={{ width: 360 }}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('woList.searchPlaceholder')}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (!e.target.value) setFilter('q', undefined);
            }}
            onPressEnter={() => setFilter('q', text)}
            data-testid="wo-search-input"
          />
          <Button type="primary" onClick={() => setFilter('q', text)} data-testid="wo-search-submit">
            {t('customerSearch.search')}
          </Button>
        </Space.Compact>
        {select('status', WORK_ORDER_STATUSES.map((s) => ({ value: s, label: code('woStatus', s) })))}
        {select('step', CURRENT_STEPS.map((s) => ({ value: s, label: code('woStep', s) })))}
        {select('area', AREA_CODES.map((a) => ({ value: a, label: areaName(a) })))}
        {select('type', WORK_ORDER_TYPES.map((s) => ({ value: s, label: code('woType', s) })))}
      </Space>
      {list.isError && <Alert type="error" showIcon title={problemMessage(list.error, t)} />}
      <Table<WorkOrderSummary>
        size="small"
        rowKey="id"
        loading={list.isFetching && !list.data}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('woList.none') }}
        onRow={(w) => ({ 'data-testid': `wo-row-${w.id}`, onDoubleClick: () => setOpenId(w.id) }) as React.HTMLAttributes<HTMLElement>}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          size: 'small',
          showTotal: (total) => t('woList.total', { count: total }),
          onChange: setPage,
        }}
        columns={[
          {
            key: 'serial',
            title: t('wo.serial'),
            render: (_, w) => (
              <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setOpenId(w.id)} data-testid={`wo-open-${w.id}`}>
                {w.serial}
              </Button>
            ),
          },
          { key: 'type', title: t('wo.type'), render: (_, w) => code('woType', w.type) },
          { key: 'customer', title: t('wo.customer'), dataIndex: 'customerName' },
          { key: 'area', title: t('wo.area'), render: (_, w) => areaName(w.area, w.areaName) },
          { key: 'status', title: t('wo.status'), render: (_, w) => <StatusTag status={w.status} /> },
          { key: 'step', title: t('wo.currentStep'), render: (_, w) => <StepTag step={w.currentStep} /> },
          { key: 'technician', title: t('wo.technician'), render: (_, w) => w.technicianName ?? w.teamName ?? '—' },
          { key: 'dispatchedAt', title: t('wo.dispatchedAt'), render: (_, w) => formatTime(w.dispatchedAt, i18n.language) },
        ]}
      />
      <Drawer
        open={!!openId}
        onClose={() => setOpenId(null)}
        size={640}
        title={t('woDetail.title')}
        destroyOnHidden
      >
        {openId && <WorkOrderDetailView id={openId} />}
      </Drawer>
    </Space>
  );
}
