/**
 * Who works where in the demo network, as data. A plan lists staff slots (roles, job titles, how many
 * people) and leadership alternatives: either one person who is both program manager and org admin
 * (a small organization) or two people. Roles follow `ROLES` in the identity vocabulary: hospitals
 * have navigators, peer specialists and clinicians; CBOs have intake staff, liaisons, peers and
 * clinicians; the convener's staff are network conveners. Cross-hires hold active memberships in a
 * hospital and a CBO at once (the study's "strategic staffing").
 */
import type { CboSubtype, Role } from '../identity/vocabulary.ts';

export interface StaffSlot {
  roles: readonly Role[];
  titles: readonly string[];
  /** How many people fill this slot, [min, max] inclusive. */
  count: readonly [number, number];
}

export interface StaffPlan {
  /** One of these alternatives is chosen per organization. */
  leadership: readonly (readonly StaffSlot[])[];
  staff: readonly StaffSlot[];
}

const slot = (roles: readonly Role[], titles: readonly string[], min = 1, max = min): StaffSlot => ({
  roles,
  titles,
  count: [min, max],
});

const HOSPITAL_MANAGER_TITLES = ['Transitional Opioid Program Manager', 'Manager, Addiction Consult Service'];
const HOSPITAL_ADMIN_TITLES = ['Clinical Applications Manager', 'Operations Manager, Emergency Department'];
const CBO_MANAGER_TITLES = ['Program Director', 'Clinical Director', 'Director of Treatment Services'];
const CBO_ADMIN_TITLES = ['Operations Manager', 'Office Manager'];
const CBO_LEAD_TITLES = ['Executive Director', 'Program Director'];

/** Small organizations: one leader. Larger ones: a program manager and a separate administrator. */
const CBO_LEAD_ONE = [slot(['program_manager', 'org_admin'], CBO_LEAD_TITLES)] as const;
const CBO_LEAD_TWO = [slot(['program_manager'], CBO_MANAGER_TITLES), slot(['org_admin'], CBO_ADMIN_TITLES)];

export const HEALTH_SYSTEM_PLAN: StaffPlan = {
  leadership: [
    [
      slot(
        ['program_manager', 'org_admin'],
        ['System Director, Addiction Services', 'Vice President, Care Transitions'],
      ),
    ],
  ],
  staff: [],
};

export const HOSPITAL_PLAN: StaffPlan = {
  leadership: [
    [slot(['program_manager'], HOSPITAL_MANAGER_TITLES), slot(['org_admin'], HOSPITAL_ADMIN_TITLES)],
    [slot(['program_manager', 'org_admin'], HOSPITAL_MANAGER_TITLES)],
  ],
  staff: [
    slot(['navigator', 'liaison'], ['Lead Patient Navigator', 'Community Partnerships Navigator']),
    slot(
      ['navigator'],
      ['Patient Navigator', 'Substance Use Navigator', 'Social Worker, Addiction Consult Service'],
      1,
      2,
    ),
    slot(['peer_specialist'], ['Certified Peer Recovery Supporter', 'Peer Recovery Coach'], 1, 2),
    slot(
      ['clinician'],
      [
        'Addiction Medicine Physician',
        'Emergency Physician',
        'Nurse Practitioner, Addiction Consult Service',
      ],
      1,
      2,
    ),
  ],
};

export const CBO_PLANS: Readonly<Record<CboSubtype, StaffPlan>> = {
  otp: {
    leadership: [CBO_LEAD_ONE, CBO_LEAD_TWO],
    staff: [
      slot(['cbo_intake'], ['Intake Coordinator', 'Admissions Counselor'], 1, 2),
      slot(['liaison'], ['Hospital Liaison']),
      slot(
        ['clinician'],
        ['Medical Director', 'Nurse Practitioner', 'Dosing Nurse', 'Chemical Dependency Counselor'],
        1,
        2,
      ),
      slot(['peer_specialist'], ['Certified Peer Recovery Supporter'], 0, 1),
    ],
  },
  obot: {
    leadership: [CBO_LEAD_ONE, CBO_LEAD_TWO],
    staff: [
      slot(['cbo_intake'], ['Intake Coordinator', 'Patient Access Specialist']),
      slot(['liaison'], ['Care Coordinator', 'Hospital Liaison'], 0, 1),
      slot(
        ['clinician'],
        ['Addiction Medicine Physician', 'Family Nurse Practitioner', 'Physician Assistant'],
        1,
        2,
      ),
    ],
  },
  bridge_clinic: {
    leadership: [CBO_LEAD_ONE],
    staff: [
      slot(['cbo_intake'], ['Intake Coordinator']),
      slot(['liaison'], ['Hospital Liaison']),
      slot(['clinician'], ['Bridge Clinic Physician', 'Nurse Practitioner', 'Clinical Pharmacist'], 2),
    ],
  },
  fqhc: {
    leadership: [CBO_LEAD_TWO],
    staff: [
      slot(['cbo_intake'], ['MOUD Program Intake Specialist', 'Patient Services Representative']),
      slot(['liaison'], ['Community Health Worker', 'Care Coordinator']),
      slot(['clinician'], ['Family Physician', 'Behavioral Health Consultant', 'Nurse Practitioner'], 1, 2),
    ],
  },
  peer_recovery: {
    leadership: [CBO_LEAD_ONE],
    staff: [
      slot(['cbo_intake', 'liaison'], ['Outreach & Intake Coordinator']),
      slot(['peer_specialist'], ['Certified Peer Recovery Supporter', 'Peer Recovery Coach'], 2, 3),
    ],
  },
  harm_reduction: {
    leadership: [CBO_LEAD_ONE],
    staff: [
      slot(['cbo_intake', 'liaison'], ['Participant Services Coordinator']),
      slot(['peer_specialist'], ['Peer Outreach Worker'], 1, 2),
    ],
  },
  recovery_housing: {
    leadership: [CBO_LEAD_ONE],
    staff: [slot(['cbo_intake', 'liaison'], ['House Manager', 'Admissions Coordinator'])],
  },
  residential_treatment: {
    leadership: [CBO_LEAD_TWO],
    staff: [
      slot(['cbo_intake'], ['Admissions Coordinator']),
      slot(['liaison'], ['Hospital Liaison']),
      slot(['clinician'], ['Chemical Dependency Counselor', 'Staff Nurse', 'Medical Director'], 1, 2),
    ],
  },
  withdrawal_management: {
    leadership: [CBO_LEAD_ONE, CBO_LEAD_TWO],
    staff: [
      slot(['cbo_intake'], ['Admissions Coordinator']),
      slot(['liaison'], ['Hospital Liaison'], 0, 1),
      slot(['clinician'], ['Medical Director', 'Withdrawal Management Nurse'], 1, 2),
    ],
  },
  behavioral_health: {
    leadership: [CBO_LEAD_ONE, CBO_LEAD_TWO],
    staff: [
      slot(['cbo_intake'], ['Intake Specialist']),
      slot(['liaison'], ['Care Coordinator'], 0, 1),
      slot(
        ['clinician'],
        ['Licensed Professional Clinical Counselor', 'Psychiatric Nurse Practitioner'],
        1,
        2,
      ),
    ],
  },
  social_services: {
    leadership: [CBO_LEAD_ONE],
    staff: [
      slot(['cbo_intake', 'liaison'], ['Case Manager']),
      slot(['cbo_intake'], ['Benefits Navigator'], 0, 1),
    ],
  },
  other: {
    leadership: [CBO_LEAD_ONE],
    staff: [],
  },
};

/** The convener organization's plan replaces its subtype's: conveners, one of whom administers it. */
export const CONVENER_PLAN: StaffPlan = {
  leadership: [[slot(['network_convener', 'org_admin'], ['Coalition Director'])]],
  staff: [
    slot(['network_convener'], ['Overdose Prevention Coordinator', 'Opioid Response Epidemiologist'], 1, 2),
  ],
};

/** Where a cross-hire works: a hospital by its index, a CBO by subtype and index within it. */
export interface CrossHire {
  hospital: number;
  cbo: { subtype: CboSubtype; index: number };
  roles: readonly Role[];
  titles: readonly [hospital: string, cbo: string];
}

/** Generated cross-hires, in addition to the well-known `peer.crosshired@…` login. */
export const CROSS_HIRES: readonly CrossHire[] = [
  {
    hospital: 1,
    cbo: { subtype: 'peer_recovery', index: 1 },
    roles: ['peer_specialist'],
    titles: ['Emergency Department Peer Recovery Coach', 'Certified Peer Recovery Supporter'],
  },
  {
    hospital: 2,
    cbo: { subtype: 'bridge_clinic', index: 0 },
    roles: ['clinician'],
    titles: ['Addiction Medicine Physician, Addiction Consult Service', 'Bridge Clinic Physician'],
  },
];
