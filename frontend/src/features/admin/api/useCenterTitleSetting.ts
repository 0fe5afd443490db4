import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPut } from '../../../shared/api/client';
import { queryKeys } from '../../../shared/api/queryKeys';
import type { PublicSettings } from '../../../shared/api/types';

/** PUT /api/settings { centerTitle } (admin); the new title shows everywhere at once. */
export function useSaveCenterTitle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (centerTitle: string) => apiPut<PublicSettings | undefined>('/api/settings', { centerTitle }),
    onSuccess: (saved, centerTitle) => {
      queryClient.setQueryData<PublicSettings>(queryKeys.publicSettings, (old) => ({
        ...old,
        centerTitle: saved?.centerTitle ?? centerTitle,
      }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.publicSettings });
    },
  });
}
