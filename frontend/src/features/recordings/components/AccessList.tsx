import { Alert, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { centerDateTime } from '../api/dayRange';
import { useRecordingAccesses } from '../api/queries';

/** Who played or downloaded a recording, and when (auditors, supervisors, admins). */
export function AccessList({ recordingId }: { recordingId: string }) {
  const { t } = useTranslation();
  const accesses = useRecordingAccesses(recordingId, true);
  if (accesses.error) return <Alert type="error" showIcon message={problemMessage(accesses.error, t)} />;
  return (
    <Table
      data-testid="recording-accesses"
      size="small"
      rowKey={(a) => `${a.userId}-${a.at}-${a.kind}`}
      loading={accesses.isLoading}
      dataSource={accesses.data ?? []}
      pagination={false}
      columns={[
        { title: t('recordings.accessAt'), dataIndex: 'at', render: (at: string) => centerDateTime(at) },
        { title: t('recordings.accessBy'), key: 'by', render: (_, a) => `${a.userName} (${a.userId})` },
        { title: t('recordings.accessKind'), dataIndex: 'kind', render: (kind: string) => t(`recordings.kind.${kind}`) },
      ]}
    />
  );
}
