import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../api/client';

interface QueueName {
  id: string;
  name: string;
  nameZh: string | null;
}

/**
 * A skill group's display name in the current language (GET /api/queues: a queue per skill group,
 * with its English and Chinese names); the code itself until the names arrive or when unknown.
 */
export function useSkillGroupName(): (code: string) => string {
  const { i18n } = useTranslation();
  const queues = useQuery({
    queryKey: ['queues', 'names'],
    queryFn: ({ signal }) => apiGet<QueueName[]>('/api/queues', signal),
    staleTime: 5 * 60_000,
    retry: false,
  }).data;
  const zh = i18n.language.startsWith('zh');
  return useCallback(
    (code: string) => {
      const q = Array.isArray(queues) ? queues.find((x) => x.id === code) : undefined;
      return q ? (zh ? q.nameZh || q.name : q.name) : code;
    },
    [queues, zh],
  );
}
