import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { useDefineForm, useQaForms, type QaForm, type QaSection } from '../api/qa';

interface Draft {
  id: string;
  name: string;
  sections: QaSection[];
}

const blank: Draft = { id: '', name: '', sections: [{ name: '', items: [{ id: '', text: '', weight: 10, failing: false }] }] };

/** Admins define the QA forms: sections of items, each worth some points; a failing item scored 0 fails the review. */
export function QaForms() {
  const { t } = useTranslation();
  const forms = useQaForms();
  const define = useDefineForm();
  const [form] = Form.useForm<Draft>();
  const [editing, setEditing] = useState<string | null>(null);

  const edit = (f: QaForm | null) => {
    setEditing(f?.id ?? '');
    form.setFieldsValue(f ? { id: f.id, name: f.name, sections: f.sections } : blank);
  };

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="qa-forms">
      {forms.error && <Alert type="error" showIcon message={problemMessage(forms.error, t)} />}
      <Button type="primary" icon={<PlusOutlined />} onClick={() => edit(null)} data-testid="qa-form-new">
        {t('qa.newForm')}
      </Button>
      <List
        bordered
        size="small"
        loading={forms.isLoading}
        dataSource={forms.data ?? []}
        locale={{ emptyText: t('qa.noForms') }}
        renderItem={(f) => (
          <List.Item actions={[<Button key="edit" size="small" onClick={() => edit(f)}>{t('qa.edit')}</Button>]}>
            <Space>
              <Typography.Text strong>{f.name}</Typography.Text>
              <Tag>{f.id}</Tag>
              <Typography.Text type="secondary">{t('qa.formSummary', { sections: f.sections.length, items: f.sections.reduce((n, s) => n + s.items.length, 0), points: f.maxPoints })}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {editing !== null && (
        <Card size="small" title={editing ? `${t('qa.edit')} · ${editing}` : t('qa.newForm')}>
          <Form<Draft>
            form={form}
            layout="vertical"
            onFinish={(d) => define.mutate(d, { onSuccess: () => setEditing(null) })}
          >
            <Space>
              <Form.Item name="id" label={t('qa.formId')} rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{1,40}$/, message: t('qa.formIdRule') }]}>
                <Input data-testid="qa-form-id" disabled={!!editing} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name="name" label={t('qa.formName')} rules={[{ required: true, message: t('qa.required') }]}>
                <Input data-testid="qa-form-name" style={{ width: 260 }} />
              </Form.Item>
            </Space>
            <Form.List name="sections">
              {(sections, { add, remove }) => (
                <Space direction="vertical" style={{ width: '100%' }}>
                  {sections.map((s) => (
                    <Card
                      key={s.key}
                      size="small"
                      title={
                        <Form.Item name={[s.name, 'name']} rules={[{ required: true, message: t('qa.required') }]} style={{ margin: 0 }}>
                          <Input placeholder={t('qa.section')} style={{ width: 260 }} />
                        </Form.Item>
                      }
                      extra={<Button size="small" icon={<DeleteOutlined />} aria-label={t('qa.remove')} onClick={() => remove(s.name)} />}
                    >
                      <Form.List name={[s.name, 'items']}>
                        {(items, itemOps) => (
                          <>
                            {items.map((i) => (
                              <Space key={i.key} align="baseline" wrap>
                                <Form.Item name={[i.name, 'id']} rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{1,40}$/, message: t('qa.formIdRule') }]}>
                                  <Input placeholder={t('qa.itemId')} style={{ width: 110 }} />
                                </Form.Item>
                                <Form.Item name={[i.name, 'text']} rules={[{ required: true, message: t('qa.required') }]}>
                                  <Input placeholder={t('qa.item')} style={{ width: 300 }} />
                                </Form.Item>
                                <Form.Item name={[i.name, 'weight']} label={t('qa.weight')} rules={[{ required: true, message: t('qa.required') }]}>
                                  <InputNumber min={1} max={100} style={{ width: 70 }} />
                                </Form.Item>
                                <Form.Item name={[i.name, 'failing']} valuePropName="checked">
                                  <Checkbox>{t('qa.failingItem')}</Checkbox>
                                </Form.Item>
                                <Button size="small" icon={<DeleteOutlined />} aria-label={t('qa.remove')} onClick={() => itemOps.remove(i.name)} />
                              </Space>
                            ))}
                            <Button size="small" icon={<PlusOutlined />} onClick={() => itemOps.add({ id: '', text: '', weight: 10, failing: false })}>
                              {t('qa.addItem')}
                            </Button>
                          </>
                        )}
                      </Form.List>
                    </Card>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({ name: '', items: [{ id: '', text: '', weight: 10, failing: false }] })}>
                    {t('qa.addSection')}
                  </Button>
                </Space>
              )}
            </Form.List>
            {define.error && <Alert type="error" showIcon message={problemMessage(define.error, t)} style={{ marginTop: 12 }} />}
            <Space style={{ marginTop: 12 }}>
              <Button type="primary" htmlType="submit" loading={define.isPending} data-testid="qa-form-save">
                {t('qa.save')}
              </Button>
              <Button onClick={() => setEditing(null)}>{t('qa.close')}</Button>
            </Space>
          </Form>
        </Card>
      )}
    </Space>
  );
}
