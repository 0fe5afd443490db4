import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost, apiPut } from '../../../shared/api/client';

export interface QaItem {
  id: string;
  text: string;
  weight: number;
  failing: boolean;
}
export interface QaSection {
  name: string;
  items: QaItem[];
}
export interface QaForm {
  id: string;
  name: string;
  sections: QaSection[];
  maxPoints: number;
  definedAt: string;
}
export interface QaComment {
  second: number;
  text: string;
}
export interface QaReview {
  callId: string;
  agentId: string;
  team: string | null;
  status: 'sampled' | 'scored' | 'disputed';
  sampledAt: string | null;
  formId: string | null;
  formName: string | null;
  reviewer: string | null;
  points: number | null;
  maxPoints: number | null;
  failed: boolean | null;
  score: number | null;
  answers: { itemId: string; points: number }[] | null;
  comments: QaComment[] | null;
  scoredAt: string | null;
  disputedAt: string | null;
  disputeReason: string | null;
  audioUrl: string;
}

const KEY = ['qa'] as const;

export const useQaForms = (enabled = true) =>
  useQuery({ queryKey: [...KEY, 'forms'], queryFn: ({ signal }) => apiGet<QaForm[]>('/api/qa/forms', signal), enabled });

export const useQaReviews = (status: string | null) =>
  useQuery({
    queryKey: [...KEY, 'reviews', status],
    queryFn: ({ signal }) => apiGet<QaReview[]>(`/api/qa/reviews${status ? `?status=${status}` : ''}`, signal),
    refetchInterval: 15_000, // a work queue: other inspectors sample and score too
  });

export const useMyQaReviews = () =>
  useQuery({ queryKey: [...KEY, 'mine'], queryFn: ({ signal }) => apiGet<QaReview[]>('/api/qa/my-reviews', signal) });

/** Read models follow commands within milliseconds; refetch the QA lists now and shortly after. */
function useRefresh() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: KEY });
    setTimeout(() => void client.invalidateQueries({ queryKey: KEY }), 500);
  };
}

export function useDefineForm() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, name, sections }: { id: string; name: string; sections: QaSection[] }) => apiPut<QaForm>(`/api/qa/forms/${encodeURIComponent(id)}`, { name, sections }),
    onSuccess: refresh,
  });
}

export function useSample() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { from: string; to: string; perAgent: number; team?: string }) =>
      apiPost<{ callId: string; agentId: string }[]>('/api/qa/samples', body),
    onSuccess: refresh,
  });
}

export function useScore() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ callId, ...body }: { callId: string; formId: string; answers: { itemId: string; points: number }[]; comments: QaComment[] }) =>
      apiPost<{ score: number }>(`/api/qa/reviews/${encodeURIComponent(callId)}/score`, body),
    onSuccess: refresh,
  });
}

export function useDispute() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ callId, reason }: { callId: string; reason: string }) => apiPost(`/api/qa/reviews/${encodeURIComponent(callId)}/dispute`, { reason }),
    onSuccess: refresh,
  });
}

/** m:ss of a second in the recording. */
export function moment(second: number): string {
  return `${Math.floor(second / 60)}:${String(second % 60).padStart(2, '0')}`;
}
