/** The work areas of the product, in navigation order; each has a page (or "coming soon" for now). */
export const AREAS = ['directory', 'partnerships', 'patients', 'transitions', 'tasks', 'outcomes'] as const;
export type Area = (typeof AREAS)[number];
