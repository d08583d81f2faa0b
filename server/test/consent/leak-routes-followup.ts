/**
 * The leak test's rows for the follow-up task routes (issue 6): every task route goes through `openPatient`
 * for the task's patient (`app/followup/open-task.ts`), the list through the per-patient decision.
 */
import type { RouteCase } from './leak-routes.ts';

const V1 = '/api/v1';

export const TASK_ROUTES: Record<string, RouteCase> = {
  'GET /api/v1/tasks': {
    gate: 'list',
    action: 'patient.read',
    requests: () => [{ url: `${V1}/tasks?filter=team` }, { url: `${V1}/tasks?filter=overdue` }],
  },
  'GET /api/v1/tasks/{id}': {
    gate: 'consent',
    action: 'patient.read',
    controlBy: 'holder',
    requests: ({ taskId }) => [{ url: `${V1}/tasks/${taskId}`, control: 200 }],
  },
  'GET /api/v1/tasks/{id}/assignees': {
    gate: 'consent',
    action: 'task.work',
    controlBy: 'holder',
    requests: ({ taskId }) => [{ url: `${V1}/tasks/${taskId}/assignees`, control: 200 }],
  },
  // Changes need If-Match: the holder gets 428, a denied actor the decision's 404 first.
  'POST /api/v1/tasks/{id}/assign': {
    gate: 'consent',
    action: 'task.work',
    controlBy: 'holder',
    requests: ({ taskId }) => [{ url: `${V1}/tasks/${taskId}/assign`, body: {}, control: 428 }],
  },
  'POST /api/v1/tasks/{id}/complete': {
    gate: 'consent',
    action: 'task.work',
    controlBy: 'holder',
    requests: ({ taskId }) => [
      { url: `${V1}/tasks/${taskId}/complete`, body: { result: 'reached' }, control: 428 },
    ],
  },
  'POST /api/v1/tasks/{id}/snooze': {
    gate: 'consent',
    action: 'task.work',
    controlBy: 'holder',
    requests: ({ taskId }) => [
      {
        url: `${V1}/tasks/${taskId}/snooze`,
        body: { until: '2026-12-01T15:00:00Z', reason: 'Asked to be called Tuesday' },
        control: 428,
      },
    ],
  },
  'POST /api/v1/tasks/{id}/attempts': {
    gate: 'consent',
    action: 'task.work',
    controlBy: 'holder',
    requests: ({ taskId }) => [
      { url: `${V1}/tasks/${taskId}/attempts`, body: { method: 'phone', result: 'no_answer' }, control: 201 },
    ],
  },
};
