/** The network (tenant) the signed-in user works in. */
import { api } from './client.ts';
import type { Network } from './types.ts';

export const getNetwork = () => api<Network>('/api/v1/network');
